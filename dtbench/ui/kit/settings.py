"""UI preferences in QSettings (the data itself lives in the database)."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from dtbench.paths import HOME_ENV, data_dir

MAX_RECENT = 8


def settings() -> QSettings:
    """QSettings in the platform's place, or an INI file under DTBENCH_HOME when it is set."""
    if os.environ.get(HOME_ENV):
        return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings("dtbench", "dtbench")


def recent_databases() -> list[str]:
    value = settings().value("recent_databases", [])
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return []


def remember_database(url_or_path: str) -> None:
    recent = [url_or_path, *(r for r in recent_databases() if r != url_or_path)][:MAX_RECENT]
    s = settings()
    s.setValue("recent_databases", recent)
    s.setValue("last_database", url_or_path)


def last_database() -> str | None:
    value = settings().value("last_database")
    return str(value) if value else None


def last_clause(engagement: str) -> str | None:
    """The clause of ``engagement`` the diagnosis showed last (it reopens there)."""
    value = settings().value(f"last_clause/{engagement}")
    return str(value) if value else None


def remember_clause(engagement: str, clause: str) -> None:
    settings().setValue(f"last_clause/{engagement}", clause)
