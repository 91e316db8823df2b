"""Build the one-folder bundle: ``python packaging/build.py`` → dist/dtbench/.

Prepares the build-time inputs in build/bundle-stage/ and runs PyInstaller on
packaging/dtbench.spec:

* i18n/*.ts compiled to .qm (the build backend's compile_translations, pyside6-lrelease);
* an openly licensed CJK font and its licence, taken from a package at build time (Debian's
  fonts-wqy-microhei, see packaging/README.md), or from DTBENCH_CJK_FONT /
  DTBENCH_CJK_FONT_LICENSE;
* the icon rendered from resources/icons/dtbench.svg to .png and .ico;
* Windows version information and build/windows/version.iss for the Inno Setup script.

Nothing generated is committed. Options: ``--no-font`` builds without the CJK font (Windows
and macOS ship one; refused on Linux unless given).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build"
STAGE = BUILD / "bundle-stage"
DIST = ROOT / "dist"

FONT_PACKAGE = "fonts-wqy-microhei"
FONT_FILE = "usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
FONT_COPYRIGHT = f"usr/share/doc/{FONT_PACKAGE}/copyright"
APACHE_LICENSE = Path("/usr/share/common-licenses/Apache-2.0")


def version() -> str:
    """dtbench.__version__ (pyproject reads the version from there), without importing it."""
    text = (ROOT / "dtbench" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r"^__version__ = [\"']([^\"']+)[\"']", text, re.MULTILINE)
    if not found:
        raise SystemExit("build: __version__ not found in dtbench/__init__.py")
    return found.group(1)


def compile_translations(out: Path) -> None:
    sys.path.insert(0, str(PACKAGING))
    try:
        from dtbench_build import compile_translations as compile_ts
    finally:
        sys.path.remove(str(PACKAGING))
    compile_ts(out)
    if not any(out.glob("*.qm")):
        raise SystemExit("build: no .qm compiled from i18n/*.ts")


# --- the CJK font ---------------------------------------------------------------------------


def _licence_text(copyright_file: Path) -> str:
    text = copyright_file.read_text(encoding="utf-8")
    if APACHE_LICENSE.is_file():
        text += "\n\n" + "=" * 78 + "\nApache License, Version 2.0 (full text)\n" + "=" * 78
        text += "\n\n" + APACHE_LICENSE.read_text(encoding="utf-8")
    return text


def _font_from_deb(out: Path) -> bool:
    """apt-get download the Debian font package and unpack it (no root, no install)."""
    if not (shutil.which("apt-get") and shutil.which("dpkg-deb")):
        return False
    with tempfile.TemporaryDirectory(prefix="dtbench-font-") as tmp:
        folder = Path(tmp)
        os.chmod(folder, 0o755)  # apt's sandbox user must be able to write there
        fetched = subprocess.run(
            ["apt-get", "download", FONT_PACKAGE],
            cwd=folder,
            capture_output=True,
            text=True,
        )
        debs = list(folder.glob(f"{FONT_PACKAGE}_*.deb"))
        if fetched.returncode != 0 or not debs:
            print(f"build: apt-get download {FONT_PACKAGE} failed: {fetched.stderr.strip()}")
            return False
        unpacked = folder / "x"
        subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(unpacked)], check=True)
        shutil.copy2(unpacked / FONT_FILE, out / Path(FONT_FILE).name)
        (out / "wqy-microhei-LICENSE.txt").write_text(
            _licence_text(unpacked / FONT_COPYRIGHT), encoding="utf-8"
        )
        print(f"build: CJK font from {debs[0].name}")
    return True


def _font_from_system(out: Path) -> bool:
    """The same Debian package, already installed."""
    font, notice = Path("/") / FONT_FILE, Path("/") / FONT_COPYRIGHT
    if not (font.is_file() and notice.is_file()):
        return False
    shutil.copy2(font, out / font.name)
    (out / "wqy-microhei-LICENSE.txt").write_text(_licence_text(notice), encoding="utf-8")
    print(f"build: CJK font from the installed {FONT_PACKAGE} package")
    return True


def _font_from_env(out: Path) -> bool:
    font = os.environ.get("DTBENCH_CJK_FONT")
    if not font:
        return False
    licence = os.environ.get("DTBENCH_CJK_FONT_LICENSE")
    if not licence:
        raise SystemExit("build: DTBENCH_CJK_FONT needs DTBENCH_CJK_FONT_LICENSE (its licence)")
    shutil.copy2(font, out / Path(font).name)
    shutil.copy2(licence, out / (Path(font).stem + "-LICENSE.txt"))
    print(f"build: CJK font from {font}")
    return True


def fetch_cjk_font(out: Path, required: bool) -> bool:
    out.mkdir(parents=True, exist_ok=True)
    if _font_from_env(out) or _font_from_deb(out) or _font_from_system(out):
        return True
    if required:
        raise SystemExit(
            f"build: no CJK font: install apt/dpkg ({FONT_PACKAGE}) or set DTBENCH_CJK_FONT "
            "and DTBENCH_CJK_FONT_LICENSE, or pass --no-font"
        )
    print("build: warning: building without a CJK font (the system's font will be used)")
    return False


# --- icons and version information ----------------------------------------------------------


def render_icons(out: Path) -> None:
    """dtbench.svg → dtbench.png (256 px) with Qt's SVG renderer, → dtbench.ico with Pillow."""
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "dtbench.svg"))
    if not renderer.isValid():
        raise SystemExit("build: resources/icons/dtbench.svg cannot be rendered")
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png = out / "dtbench.png"
    if not image.save(str(png)):
        raise SystemExit("build: cannot write the .png icon")
    del app
    from PIL import Image

    with Image.open(png) as picture:
        picture.save(
            out / "dtbench.ico",
            sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)],
        )


def version_info(ver: str) -> str:
    """PyInstaller's Windows version resource (VSVersionInfo) for ``ver``."""
    numbers = [int(n) for n in re.findall(r"\d+", ver)[:4]]
    numbers += [0] * (4 - len(numbers))
    quad = tuple(numbers)
    strings = {
        "CompanyName": "dtbench",
        "FileDescription": "dtbench — digital-transformation consulting workbench",
        "FileVersion": ver,
        "InternalName": "dtbench",
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": "dtbench.exe",
        "ProductName": "dtbench",
        "ProductVersion": ver,
    }
    items = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# Generated by packaging/build.py
VSVersionInfo(
  ffi=FixedFileInfo(filevers={quad}, prodvers={quad}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{items}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_iss_defines(ver: str) -> Path:
    folder = BUILD / "windows"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "version.iss"
    path.write_text(
        f'; Generated by packaging/build.py\n#define AppVersion "{ver}"\n'
        f'#define DistDir "{DIST / "dtbench"}"\n',
        encoding="utf-8",
    )
    return path


# --- the build ------------------------------------------------------------------------------


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-font", action="store_true", help="build without the CJK font")
    args = parser.parse_args(argv)
    started = time.monotonic()
    ver = version()
    if STAGE.exists():
        shutil.rmtree(STAGE)
    STAGE.mkdir(parents=True)
    compile_translations(STAGE / "i18n")
    if not args.no_font:
        fetch_cjk_font(STAGE / "fonts", required=sys.platform.startswith("linux"))
    render_icons(STAGE / "icons")
    (STAGE / "version_info.txt").write_text(version_info(ver), encoding="utf-8")
    write_iss_defines(ver)
    env = dict(os.environ, DTBENCH_STAGE=str(STAGE), DTBENCH_VERSION=ver)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(PACKAGING / "dtbench.spec"),
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={BUILD / 'pyinstaller'}",
    ]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    bundle = DIST / "dtbench"
    size = folder_size(bundle) / 1e6
    print(f"build: dtbench {ver} → {bundle} ({size:.0f} MB, {time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
