"""Where dtbench finds its resources and keeps its data.

One lookup serves a source checkout, an installed wheel and a frozen bundle: a wheel installs
resources/ and i18n/ inside the package; a checkout and a PyInstaller bundle keep them next to
the package folder (the bundle mirrors the source layout).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from dtbench import APP_NAME

HOME_ENV = "DTBENCH_HOME"
DB_ENV = "DTBENCH_DB"

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _base_for(top: str) -> Path:
    for base in (_PACKAGE_DIR / top, _PACKAGE_DIR.parent / top):
        if base.is_dir():
            return base
    raise FileNotFoundError(f"dtbench {top}/ folder not found beside {_PACKAGE_DIR}")


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/, wherever dtbench is installed."""
    return _base_for("resources").joinpath(*parts)


def i18n_dir() -> Path:
    """Folder holding the compiled translations (.qm) and their sources."""
    return _base_for("i18n")


def data_dir() -> Path:
    """The user data folder (database, backups, logs); DTBENCH_HOME overrides it."""
    override = os.environ.get(HOME_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> Path:
    return data_dir() / "dtbench.sqlite3"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
