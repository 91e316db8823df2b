"""In-tree build backend: setuptools, plus compiling the Qt translations.

The .qm catalogues are build output: they are compiled from i18n/*.ts by pyside6-lrelease while
the wheel is built (and into i18n/ itself for an editable install), never committed.
pyproject.toml maps resources/ and i18n/ into the wheel as dtbench/resources and dtbench/i18n,
where dtbench.paths.resource_path() looks first.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import build_meta as _meta
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent.parent

build_wheel = _meta.build_wheel
build_sdist = _meta.build_sdist
get_requires_for_build_wheel = _meta.get_requires_for_build_wheel
get_requires_for_build_sdist = _meta.get_requires_for_build_sdist
prepare_metadata_for_build_wheel = _meta.prepare_metadata_for_build_wheel
build_editable = _meta.build_editable
get_requires_for_build_editable = _meta.get_requires_for_build_editable
prepare_metadata_for_build_editable = _meta.prepare_metadata_for_build_editable


def lrelease_command() -> list[str]:
    """The lrelease that ships with PySide6-Essentials."""
    exe = shutil.which("pyside6-lrelease")
    if exe:
        return [exe]
    import PySide6

    base = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        for candidate in base.rglob(name):
            return [str(candidate)]
    raise RuntimeError("pyside6-lrelease not found: install PySide6-Essentials")


def compile_translations(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)


class BuildPy(build_py):
    """build_py that also writes the compiled translations."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            compile_translations(ROOT / "i18n")
        else:
            compile_translations(Path(self.build_lib) / "dtbench" / "i18n")
