"""Open the engagement database: resolve the target, set SQLite pragmas, migrate safely.

Opening order matters for "nothing lost": the revision is read through a read-only connection
first, so a database from a newer dtbench or a damaged file is refused before anything writes
to it; a database that is behind is backed up (verified) before it is migrated.
"""

from __future__ import annotations

import errno
import getpass
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    DatabaseError,
    DBAPIError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, sessionmaker

from dtbench.errors import os_reason
from dtbench.store import history, migrate, notify
from dtbench.store.backup import read_only_uri
from dtbench.store.errors import (
    DamageFoundError,
    DatabaseBusyError,
    DriverMissingError,
    FolderNotFoundError,
    MigrationError,
    NewerDatabaseError,
    NoDatabaseError,
    NotAllowedError,
    ReadOnlyDatabaseError,
    ReadOnlyUpdateError,
    ServerDatabaseMissingError,
    ServerNewerError,
    ServerNotSetUpError,
    ServerUnreachableError,
    StorageFullError,
    StorageIOError,
    StoreError,
    UnreadableDatabaseError,
    WrongPasswordError,
)
from dtbench.store.location import is_new_database, resolve_url

BUSY_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 10  # a team server that does not answer


def _set_sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _set_read_only_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


# What SQLite says when the file itself is damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
DAMAGE_MARKERS = ("malformed", "not a database", "disk image")
# What SQLite says when the disk is full, fails, or the file cannot be written.
FULL_MARKERS = ("disk is full", "database or disk is full", "no space left")
IO_MARKERS = ("disk i/o error",)
READ_ONLY_MARKERS = ("readonly database", "read-only file system")
# PostgreSQL's SQLSTATE for a refused privilege or a row-level security violation.
INSUFFICIENT_PRIVILEGE = "42501"


def storage_error(exc: BaseException, where: str) -> StoreError | None:
    """The user's view of a failed read or write, or None when it is none of ours.

    One place for every service: a full disk, a failing disk, a read-only file, a lock, damage.
    """
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return StorageFullError(where)
        if exc.errno == errno.EROFS:
            return ReadOnlyDatabaseError(where)
        return StorageIOError(where, os_reason(exc))
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(orig or exc).lower()
    if not isinstance(exc, (DatabaseError, sqlite3.DatabaseError)):
        return None
    if getattr(orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
        # A team server's row-level security or a missing grant: a reader's edit, a change
        # to an engagement one is not a member of, membership changed by a non-lead.
        return NotAllowedError(where)
    if any(marker in text for marker in FULL_MARKERS):
        return StorageFullError(where)
    if any(marker in text for marker in READ_ONLY_MARKERS):
        return ReadOnlyDatabaseError(where)
    if any(marker in text for marker in IO_MARKERS):
        return StorageIOError(where, str(orig or exc)[:200])
    if "locked" in text and isinstance(exc, (OperationalError, sqlite3.OperationalError)):
        return DatabaseBusyError(where)
    if any(marker in text for marker in DAMAGE_MARKERS):
        return DamageFoundError(where, str(orig or exc)[:200])
    return None


@dataclass(frozen=True)
class Store:
    """An open database: its URL, engine and session factory. Cheap to pass around."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    read_only: bool = False
    # Who is writing: the login on a firm's server, the laptop's user otherwise. Every saved
    # record and history entry carries it.
    author: str = ""

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
            # Every service saves through here, so a full or failing disk, a read-only file,
            # a lock or damage becomes one clear message instead of a driver error. (An
            # OSError raised inside the block concerns another file: it is not ours to name.)
            with suppress(SQLAlchemyError):  # a damaged file may refuse even this
                session.rollback()
            where = str(self.path) if self.path is not None else shown_url(self.url)
            error = storage_error(exc, where)
            if isinstance(error, DatabaseBusyError):
                error = DatabaseBusyError(shown_url(self.url))
            if error is not None:
                raise error from exc
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
        con = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
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


def _writable(path: Path) -> bool:
    """False on a read-only file, folder or medium (``os.access`` reports EROFS, even to root).

    SQLite writes its -wal/-shm files beside the database, so the folder must be writable too.
    """
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _read_only_url(path: Path) -> str:
    """Open without writing anything: ``immutable`` when even the -shm cannot be created."""
    query = "mode=ro&uri=true"
    if not os.access(path.parent, os.W_OK):
        query += "&immutable=1"
    return f"sqlite:///{path.as_uri()}?{query}"


def _stamp_author(session: Session, _context: object, _instances: object) -> None:
    """Every record written carries who wrote it (``Store.author``, in the session's info)."""
    author = session.info.get("author", "")
    for obj in (*session.new, *session.dirty):
        if hasattr(obj, "updated_by") and session.is_modified(obj):
            obj.updated_by = author


def _author(url: str) -> str:
    """The server's login, or the user logged in to this computer."""
    login = make_url(url).username
    if login:
        return login[:63]
    try:
        return getpass.getuser()[:63]
    except (OSError, KeyError, ImportError):  # no user name in the environment or passwd
        return ""


def shown_url(url: str) -> str:
    """A database URL as a message or log may show it: the password masked."""
    return make_url(url).render_as_string(hide_password=True)


def open_store(
    target: str | Path | None = None,
    *,
    migrate_to: str = "head",
    create: bool = True,
    password: str | None = None,
    administer: bool = False,
) -> Store:
    """Open (creating if needed) and migrate the database named by ``target``.

    With ``create=False`` a SQLite file that does not exist (or is empty) raises
    :class:`NoDatabaseError` and nothing is written: for whoever only reads, or asks first.
    A database on a read-only file, folder or medium that is up to date is opened read-only:
    lists, summaries and exports work, a save says it is read-only.

    On a server, ``password`` (from the keyring or a prompt) is given to the driver, never
    put into ``Store.url``. A server set up for a team is migrated only by its administrator
    (``administer``: ``dtbench team init``); a consultant meeting one that is behind or ahead
    of this dtbench is told so, and nothing is attempted.
    """
    url = resolve_url(target)
    sqlite_path: Path | None = None
    if url.startswith("sqlite:///"):
        sqlite_path = Path(make_url(url).database or "")
        if sqlite_path.is_dir():
            raise UnreadableDatabaseError(str(sqlite_path))
        if not create and is_new_database(sqlite_path):
            raise NoDatabaseError(str(sqlite_path))
        if not sqlite_path.parent.is_dir():
            raise FolderNotFoundError(str(sqlite_path.parent))
    known = migrate.known_revisions()
    revision = None
    exists = sqlite_path is not None and sqlite_path.exists() and sqlite_path.stat().st_size > 0
    if sqlite_path is not None and exists:
        revision = _probe_sqlite(sqlite_path)
    if revision is not None and revision not in known:
        raise NewerDatabaseError(str(sqlite_path))
    read_only = False
    if sqlite_path is not None and not _writable(sqlite_path if exists else sqlite_path.parent):
        wanted = migrate.head_revision() if migrate_to == "head" else migrate_to
        if revision != wanted:
            if exists:
                raise ReadOnlyUpdateError(str(sqlite_path))
            raise ReadOnlyDatabaseError(str(sqlite_path))
        read_only = True
    try:
        if read_only:
            assert sqlite_path is not None
            engine = create_engine(_read_only_url(sqlite_path))
            event.listen(engine, "connect", _set_read_only_pragmas)
        else:
            parsed = make_url(url)
            connect_args: dict[str, Any] = {}
            if sqlite_path is None and parsed.get_backend_name() == "postgresql":
                if password is not None:
                    parsed = parsed.set(password=password)
                if "connect_timeout" not in parsed.query:
                    # A server out of reach (packets dropped) says so in seconds, not after
                    # the system's TCP timeout of minutes.
                    connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
            engine = create_engine(parsed, connect_args=connect_args)
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _set_sqlite_pragmas)
        author = _author(url)
        sessions = sessionmaker(engine, expire_on_commit=False, info={"author": author})
        event.listen(sessions, "before_flush", _stamp_author)
        history.install(sessions)  # every change also goes to the engagement's history
        notify.install(sessions, engine)  # others' open windows hear of each commit
        store = Store(url=url, engine=engine, sessions=sessions, read_only=read_only, author=author)
        if not read_only:
            _migrate(store, sqlite_path, known, migrate_to, administer=administer)
    except StoreError:
        raise
    except ImportError as exc:  # psycopg (the [team] extra) is not installed
        raise DriverMissingError(shown_url(url)) from exc
    except (SQLAlchemyError, OSError) as exc:
        if sqlite_path is None:
            server_error = connection_error(exc, url)
            if server_error is not None:
                raise server_error from exc
        error = storage_error(exc, str(sqlite_path or shown_url(url)))
        if error is not None and not isinstance(error, DamageFoundError):
            raise error from exc
        raise UnreadableDatabaseError(str(sqlite_path or shown_url(url))) from exc
    return store


# What libpq says when it cannot connect (its messages have no SQLSTATE).
_AUTH_MARKERS = ("password authentication failed", "no password supplied", 'role "')
_UNREACHABLE_MARKERS = (
    "connection refused",
    "could not translate host name",
    "timeout expired",
    "no route to host",
    "network is unreachable",
    "connection timed out",
    "name or service not known",
    "could not connect",
)


def connection_error(exc: BaseException, url: str) -> StoreError | None:
    """A connection to a server that failed, as the user can act on it."""
    if not isinstance(exc, OperationalError):
        return None
    parsed = make_url(url)
    server = parsed.host or "localhost"
    if parsed.port:
        server = f"{server}:{parsed.port}"
    reason = str(exc.orig or exc).strip().splitlines()
    said = (reason[-1] if reason else "").lower()
    whole = " ".join(reason).lower()
    if f'database "{parsed.database}" does not exist'.lower() in whole:
        return ServerDatabaseMissingError(f"{server}/{parsed.database}")
    if any(marker in whole for marker in _AUTH_MARKERS):
        return WrongPasswordError(server, parsed.username or "")
    if any(marker in whole for marker in _UNREACHABLE_MARKERS):
        return ServerUnreachableError(server, said or whole)
    return None


def _migrate(
    store: Store,
    sqlite_path: Path | None,
    known: set[str],
    target: str,
    *,
    administer: bool = False,
) -> None:
    """Bring the database to ``target``: one transaction, after a verified backup.

    The backup goes beside this database's other backups (``backups.backups_folder``); a
    retry after a failed or interrupted update reuses it rather than adding another.
    """
    with store.engine.connect() as conn:
        current = migrate.current_revision(conn)
        has_data = migrate.has_user_tables(conn)
        server = sqlite_path is None and store.engine.dialect.name == "postgresql"
        may_migrate = not server or administer or _may_migrate_server(conn)
    if current is not None and current not in known:
        if server:
            raise ServerNewerError(shown_url(store.url))
        raise NewerDatabaseError(store.url)
    wanted = migrate.head_revision() if target == "head" else target
    if current == wanted:
        return
    if not may_migrate:
        raise ServerNotSetUpError(shown_url(store.url))
    if sqlite_path is not None and has_data:
        from dtbench.store.backups import backup_before

        backup_before(sqlite_path, f"before-migration-{current}")
    try:
        migrate.upgrade(store.engine, wanted)
    except Exception as exc:
        store.engine.dispose()
        # The transaction was rolled back: the file is as it was before.
        where = str(sqlite_path or shown_url(store.url))
        error = storage_error(exc, where)
        if error is not None and not isinstance(error, DamageFoundError):
            raise error from exc
        raise MigrationError(where) from exc


def _may_migrate_server(conn: Any) -> bool:
    """Whether this login may migrate a PostgreSQL database itself: it owns it (or is a
    superuser) and the database is not a team server yet. A team server's schema, grants and
    policies go together, so only ``dtbench team init`` (``administer``) updates it."""
    from sqlalchemy import text

    return bool(
        conn.scalar(
            text(
                "SELECT to_regprocedure('dtbench_group()') IS NULL AND (r.rolsuper OR "
                "pg_has_role(current_user, d.datdba, 'MEMBER')) FROM pg_roles r, pg_database d "
                "WHERE r.rolname = current_user AND d.datname = current_database()"
            )
        )
    )
