"""Open the engagement database: resolve the target, set SQLite pragmas, migrate safely.

Opening order matters for "nothing lost": the revision is read through a read-only connection
first, so a database from a newer dtbench or a damaged file is refused before anything writes
to it; a database that is behind is backed up (verified) before it is migrated.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from dtbench import paths
from dtbench.store import migrate
from dtbench.store.backup import backup_database
from dtbench.store.errors import (
    DamageFoundError,
    DatabaseBusyError,
    MigrationError,
    NewerDatabaseError,
    StoreError,
    UnreadableDatabaseError,
)

BUSY_TIMEOUT_MS = 5000


def resolve_url(target: str | Path | None) -> str:
    """A SQLAlchemy URL from ``--db`` (a path or URL), else DTBENCH_DB, else the default file."""
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


def _set_sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


# What SQLite says when the file itself is damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
DAMAGE_MARKERS = ("malformed", "not a database", "disk image")


@dataclass(frozen=True)
class Store:
    """An open database: its URL, engine and session factory. Cheap to pass around."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for other databases."""
        url = make_url(self.url)
        if url.get_backend_name() != "sqlite" or not url.database:
            return None
        return Path(url.database)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except DatabaseError as exc:
            with suppress(SQLAlchemyError):  # a damaged file may refuse even this
                session.rollback()
            text = str(exc.orig or exc).lower()
            if isinstance(exc, OperationalError) and "locked" in text:
                raise DatabaseBusyError(self.url) from exc
            if any(marker in text for marker in DAMAGE_MARKERS):
                where = str(self.path) if self.path is not None else self.url
                raise DamageFoundError(where, str(exc.orig or exc)) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def _probe_sqlite(path: Path) -> str | None:
    """Read the stamped revision without writing anything; refuse a damaged file."""
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise UnreadableDatabaseError(str(path)) from exc
    try:
        con.execute("PRAGMA schema_version").fetchone()
        has = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has:
            tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()
            if tables and tables[0]:
                raise UnreadableDatabaseError(str(path))
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower():
            raise DatabaseBusyError(str(path)) from exc
        raise UnreadableDatabaseError(str(path)) from exc
    except sqlite3.DatabaseError as exc:
        raise UnreadableDatabaseError(str(path)) from exc
    finally:
        con.close()


def open_store(target: str | Path | None = None, *, migrate_to: str = "head") -> Store:
    """Open (creating if needed) and migrate the database named by ``target``."""
    url = resolve_url(target)
    sqlite_path: Path | None = None
    if url.startswith("sqlite:///"):
        sqlite_path = Path(make_url(url).database or "")
        if sqlite_path.is_dir():
            raise UnreadableDatabaseError(str(sqlite_path))
        if not sqlite_path.parent.is_dir():
            raise StoreError(f"{sqlite_path.parent}: folder not found")
    known = migrate.known_revisions()
    revision = None
    if sqlite_path is not None and sqlite_path.exists() and sqlite_path.stat().st_size > 0:
        revision = _probe_sqlite(sqlite_path)
    if revision is not None and revision not in known:
        raise NewerDatabaseError(str(sqlite_path))
    try:
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _set_sqlite_pragmas)
        store = Store(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
        _migrate(store, sqlite_path, known, migrate_to)
    except StoreError:
        raise
    except SQLAlchemyError as exc:
        raise UnreadableDatabaseError(url) from exc
    return store


def _migrate(store: Store, sqlite_path: Path | None, known: set[str], target: str) -> None:
    with store.engine.connect() as conn:
        current = migrate.current_revision(conn)
        has_data = migrate.has_user_tables(conn)
    if current is not None and current not in known:
        raise NewerDatabaseError(store.url)
    wanted = migrate.head_revision() if target == "head" else target
    if current == wanted:
        return
    backup: Path | None = None
    if sqlite_path is not None and has_data:
        backup = backup_database(sqlite_path, paths.backups_dir(), f"before-migration-{current}")
    try:
        migrate.upgrade(store.engine, wanted)
    except Exception as exc:
        store.engine.dispose()
        if backup is not None and sqlite_path is not None:
            _restore_file(backup, sqlite_path)
        raise MigrationError(str(sqlite_path or store.url)) from exc


def _restore_file(backup: Path, target: Path) -> None:
    """Put a verified backup back in place of ``target`` (used when a migration fails)."""
    src = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
