"""Which database: the URL or file named by ``--db``, else DTBENCH_DB, else the default file.

Both opening the store (``database``) and its backups (``backups``) start from here; neither
needs the other for it (``backups`` re-exports ``database_path`` for the backup dialogs).
SQLAlchemy is imported when a name is resolved, not on import.
"""

from __future__ import annotations

import os
from pathlib import Path

from dtbench import paths
from dtbench.store.errors import StoreError


def resolve_url(target: str | Path | None) -> str:
    """A SQLAlchemy URL from ``--db`` (a path or URL), else DTBENCH_DB, else the default file."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if target is None or str(target) == "":
        target = os.environ.get(paths.DB_ENV) or paths.default_database()
    text = str(target)
    if "://" in text:
        try:
            make_url(text)
        except ArgumentError as exc:
            raise StoreError(text) from exc
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def database_path(target: str | Path | None = None) -> Path | None:
    """The SQLite file named by ``--db`` / DTBENCH_DB / the default; None for other URLs."""
    from sqlalchemy.engine import make_url

    url = resolve_url(target)
    if not url.startswith("sqlite:///"):
        return None
    name = make_url(url).database
    return Path(name) if name and name != ":memory:" else None


def is_new_database(path: Path) -> bool:
    """True when opening the SQLite file ``path`` would create a database (no file, or an
    empty one)."""
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError:
        return False  # there is something there; opening it says what is wrong


def new_database_at(target: str | Path | None) -> Path | None:
    """The SQLite file that opening ``target`` would create; None when it exists (or
    ``target`` names a server)."""
    path = database_path(target)
    return path if path is not None and is_new_database(path) else None


def display_name(url: str) -> str:
    """A short name for the database a window shows: the SQLite file's name, else the
    server and database (never the user or password)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return Path(parsed.database or "").name or url
    server = parsed.host or "localhost"
    if parsed.port:
        server = f"{server}:{parsed.port}"
    return f"{server}/{parsed.database}" if parsed.database else server
