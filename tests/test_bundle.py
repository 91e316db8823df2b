"""The PyInstaller bundle: built once per session with packaging/build.py, then run.

Skipped only when PyInstaller is missing outside CI; with CI set it must run (pyinstaller is
in the [test] extras).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dtbench import __version__

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "dtbench"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
SMOKE_MARKER = "dtbench-smoke-ok "


def _pyinstaller_available() -> bool:
    return importlib.util.find_spec("PyInstaller") is not None


@pytest.fixture(scope="module")
def bundle() -> Iterator[Path]:
    if not _pyinstaller_available():
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is not installed; CI must build the bundle")
        pytest.skip("PyInstaller is not installed (pip install -e '.[test]')")
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert (BUNDLE / f"dtbench{EXE_SUFFIX}").is_file()
    assert (BUNDLE / f"dtbench-gui{EXE_SUFFIX}").is_file()
    yield BUNDLE


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DTBENCH_", "PYTHON", "QT_"))}
    env.update(
        DTBENCH_HOME=str(home),
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        MPLCONFIGDIR=str(home / ".mpl"),
        QT_QPA_PLATFORM="offscreen",
        DTBENCH_NO_DIALOG="1",
    )
    env.update(extra)
    return env


def _run(exe: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _smoke(bundle: Path, exe_name: str, tmp_path: Path, **extra: str) -> dict[str, object]:
    # the first start's default database (a --db naming no database would be asked about)
    db = tmp_path / "home" / "dtbench.sqlite3"
    result = _run(
        bundle / f"{exe_name}{EXE_SUFFIX}",
        [],
        # one chart worker process even on a one-CPU machine (where the default is a thread)
        _env(tmp_path, DTBENCH_SMOKE="1", DTBENCH_CHART_WORKERS="1", **extra),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith(SMOKE_MARKER)]
    assert lines, result.stdout + result.stderr
    assert db.is_file()  # the migrations ran from the bundle
    info = json.loads(lines[0][len(SMOKE_MARKER) :])
    assert isinstance(info, dict)
    return info


def test_layout_mirrors_the_source(bundle: Path) -> None:
    internal = bundle / "_internal" / "dtbench"
    assert (internal / "resources" / "icons" / "dtbench.svg").is_file()
    assert list((internal / "i18n").glob("*.qm"))
    migrations = internal / "store" / "migrations"
    assert (migrations / "env.py").is_file()
    assert list((migrations / "versions").glob("0001_*.py"))
    fonts = internal / "resources" / "fonts"
    assert [p for p in fonts.iterdir() if p.suffix in (".ttf", ".otf", ".ttc")]
    assert list(fonts.glob("*LICENSE*"))


def test_version(bundle: Path, tmp_path: Path) -> None:
    result = _run(bundle / f"dtbench{EXE_SUFFIX}", ["--version"], _env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"dtbench {__version__}"


def test_guide_json(bundle: Path, tmp_path: Path) -> None:
    result = _run(bundle / f"dtbench{EXE_SUFFIX}", ["guide", "--json"], _env(tmp_path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["areas"]) == 5


def test_team_server_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """The bundle carries the PostgreSQL driver: it migrates a firm server's database and
    works on it (the sample written, then listed)."""
    from tests import pg

    pg.require_server()
    exe = bundle / f"dtbench{EXE_SUFFIX}"
    with pg.database(migrated=False) as url:
        made = _run(exe, ["demo", "--db", url], _env(tmp_path))
        assert made.returncode == 0, made.stdout + made.stderr
        listed = _run(exe, ["list", "--db", url], _env(tmp_path))
        assert listed.returncode == 0, listed.stderr
        assert "澜岳" in listed.stdout


def test_gui_reaches_main_window(bundle: Path, tmp_path: Path) -> None:
    info = _smoke(bundle, "dtbench-gui", tmp_path)
    assert info["store"] is True
    assert info["qt_font"]
    assert info["chart_font"]
    # charts are drawn by a worker process started from the bundle's own executable
    worker = info["chart_worker"]
    assert isinstance(worker, dict)
    assert worker["in_processes"] is True and worker["drawn"] is True
    assert worker["pid"] != worker["main_pid"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is Linux's")
def test_bundled_font_without_system_fonts(bundle: Path, tmp_path: Path) -> None:
    """With fontconfig seeing no font at all, Qt and the charts use the bundled CJK font."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    info = _smoke(bundle, "dtbench", tmp_path, FONTCONFIG_FILE=str(conf))
    assert info["store"] is True
    assert info["qt_font"] in info["qt_app_fonts"]  # type: ignore[operator]
    fonts = bundle / "_internal" / "dtbench" / "resources" / "fonts"
    assert Path(str(info["chart_font_file"])).parent.resolve() == fonts.resolve()
    worker = info["chart_worker"]
    assert isinstance(worker, dict)
    assert Path(str(worker["chart_font_file"])).parent.resolve() == fonts.resolve()
    assert worker["drawn"] is True


def test_start_up_crash_is_logged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundle's guarded entry logs an error raised before any window exists."""
    from dtbench import launcher

    monkeypatch.setenv("DTBENCH_NO_DIALOG", "1")

    def broken(argv: object) -> int:
        raise RuntimeError("no platform plugin")

    assert launcher.guarded(broken, []) == 1
    log = Path(os.environ["DTBENCH_HOME"]) / "logs" / "dtbench.log"
    assert "RuntimeError: no platform plugin" in log.read_text(encoding="utf-8")
