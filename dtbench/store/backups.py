"""Safety of the store: verified backups, rotation, restore, integrity checks, quarantine.

Every copy of a live database goes through SQLite's online backup API (``backup.py``), never a
plain file copy: the API reads a consistent snapshot even while another connection writes, and
it reads through the write-ahead log. A backup only exists under its final name once it passed
the integrity check.

Backups of the default database live in ``paths.backups_dir()``; backups of any other database
file live in a sub-folder named after that file, so that a damaged database is never offered
another database's backup. File names encode the time and the reason:
``dtbench-YYYYmmdd-HHMMSS-ffffff-<reason>.sqlite3``.

No Qt here: the GUI (``dtbench.ui.exchange.backups``) and the CLI (``dtbench.cli.backup``)
share this module.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from pathlib import Path

from dtbench import paths
from dtbench.atomic_files import set_mode_for
from dtbench.errors import QT_TRANSLATE_NOOP, os_reason
from dtbench.store.backup import backup_database, is_full, read_only_uri
from dtbench.store.errors import (
    DatabaseBusyError,
    NewerDatabaseError,
    StorageFullError,
    StoreError,
    UnreadableDatabaseError,
)
from dtbench.store.location import database_path as database_path

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0
MAX_PROBLEMS = 20
_NAME = re.compile(r"^dtbench-(\d{8}-\d{6}-\d{6})-(.+)\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S-%f"
_DB_SUFFIXES = (".sqlite3", ".sqlite", ".db", ".db3")


# --------------------------------------------------------------------------- errors
class BackupError(StoreError):
    template = QT_TRANSLATE_NOOP("StoreError", "The backup could not be made: %1")


class NothingToBackUpError(BackupError):
    template = QT_TRANSLATE_NOOP("StoreError", "There is no database file at %1 to back up.")


class SourceDamagedError(BackupError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database %1 cannot be backed up because it is damaged. Restore a backup from "
        "the Backups dialog (or with “dtbench restore FILE”).",
    )


class DiskFullError(BackupError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "There is not enough free disk space to write %1. Free some space and try again; "
        "nothing was changed.",
    )


class WriteFailedError(BackupError):
    template = QT_TRANSLATE_NOOP("StoreError", "%1 cannot be written (%2); nothing was changed.")


class BackupNotFoundError(BackupError):
    template = QT_TRANSLATE_NOOP("StoreError", "The backup %1 does not exist.")


class BackupDamagedError(BackupError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The backup %1 is damaged and cannot be restored; the current database was left "
        "as it was. Choose another backup.",
    )


class NotABackupError(BackupError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "%1 is not a dtbench database, so it cannot be restored; the current database was "
        "left as it was.",
    )


class BackupFromNewerVersionError(BackupError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The backup %1 was made by a newer version of dtbench. Update dtbench to restore it; "
        "the current database was left as it was.",
    )


class RestoreTargetLockedError(BackupError):
    template = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database %1 is in use by another program or another dtbench window, so the "
        "backup cannot be put in place. Close it and try again; nothing was changed.",
    )


class RestoreOntoItselfError(BackupError):
    template = QT_TRANSLATE_NOOP(
        "StoreError", "%1 is the database itself; choose a backup file to restore."
    )


class MissingDatabaseError(StoreError):
    template = QT_TRANSLATE_NOOP("StoreError", "There is no database file at %1.")


class DamagedDatabaseError(StoreError):
    template = QT_TRANSLATE_NOOP("StoreError", "The database %1 is damaged: %2")


class InconsistentDatabaseError(StoreError):
    template = QT_TRANSLATE_NOOP(
        "StoreError", "The database %1 is readable but its records are inconsistent: %2"
    )


# ---------------------------------------------------------------------- checking
@dataclass(frozen=True)
class CheckResult:
    """What ``check_database`` found. ``ok`` when dtbench can use the file as it is."""

    path: Path
    exists: bool
    readable: bool
    size: int
    revision: str | None = None
    damaged: bool = False  # the file itself is corrupt (never write to it)
    problems: tuple[str, ...] = ()  # SQLite's own words, as reported
    error: StoreError | None = None  # the headline, for the user
    empty: bool = False  # a zero-length file (a new database, or one lost in a crash)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def revision_known(self) -> bool:
        from dtbench.store import migrate

        return self.revision is not None and self.revision in migrate.known_revisions()


def _sqlite_error(exc: sqlite3.Error) -> str:
    return getattr(exc, "sqlite_errorname", "") or ""


def _is_busy(exc: sqlite3.Error) -> bool:
    name = _sqlite_error(exc)
    text = str(exc).lower()
    return name in ("SQLITE_BUSY", "SQLITE_LOCKED") or "locked" in text or "busy" in text


_is_full = is_full


def _looks_like_database(path: Path, head: bytes) -> bool:
    """A file with a broken header is damaged when it was meant to be a database."""
    return path.suffix.lower() in _DB_SUFFIXES or not head.strip(b"\x00")


def check_database(db_path: str | Path, *, full: bool = False) -> CheckResult:
    """Check a database file without writing to it.

    ``PRAGMA quick_check`` (``integrity_check`` and ``foreign_key_check`` when ``full``), the
    stamped revision, the size. Never raises for the file's state: the result says it.
    """
    path = Path(db_path).expanduser().absolute()
    if not path.is_file():
        return CheckResult(path, False, False, 0, error=MissingDatabaseError(str(path)))
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        return CheckResult(
            path, True, False, 0, error=UnreadableDatabaseError(f"{path} ({exc.strerror})")
        )
    if size == 0:
        return CheckResult(path, True, True, 0, empty=True)
    if not head.startswith(SQLITE_MAGIC) or len(head) < 100:
        damaged = _looks_like_database(path, head)
        return CheckResult(
            path,
            True,
            False,
            size,
            damaged=damaged,
            problems=("not an SQLite database (bad file header)",),
            error=UnreadableDatabaseError(str(path)),
        )
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error:
        return CheckResult(path, True, False, size, error=UnreadableDatabaseError(str(path)))
    try:
        pragma = f"integrity_check({MAX_PROBLEMS})" if full else f"quick_check({MAX_PROBLEMS})"
        rows = [str(r[0]) for r in con.execute(f"PRAGMA {pragma}").fetchall()]
        if rows != ["ok"]:
            lines = [
                line.strip()
                for row in rows
                for line in row.splitlines()
                if line.strip() and not line.startswith("***")
            ][:MAX_PROBLEMS] or ["?"]
            return CheckResult(
                path,
                True,
                True,
                size,
                damaged=True,
                problems=tuple(lines),
                error=DamagedDatabaseError(str(path), lines[0]),
            )
        revision = _revision(con)
        if revision is None:
            tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()
            if tables and tables[0]:
                return CheckResult(path, True, True, size, error=UnreadableDatabaseError(str(path)))
            return CheckResult(path, True, True, size)
        result = CheckResult(path, True, True, size, revision=revision)
        if not result.revision_known:
            return CheckResult(
                path, True, True, size, revision=revision, error=NewerDatabaseError(str(path))
            )
        if full:
            from dtbench.store import values
            from dtbench.store.models import Base

            # The tables as the revision has them, then every stored value readable.
            found = _schema_problems(con, revision) or [
                f"{e.where} row {e.rowid}: “{e.details[1]}” is {e.expected}"
                for e in values.problems(con, Base.metadata, MAX_PROBLEMS)
            ]
            if found:
                return CheckResult(
                    path,
                    True,
                    True,
                    size,
                    revision=revision,
                    problems=tuple(found[:MAX_PROBLEMS]),
                    error=InconsistentDatabaseError(str(path), found[0]),
                )
            fk = con.execute("PRAGMA foreign_key_check").fetchmany(MAX_PROBLEMS)
            if fk:
                problems = tuple(
                    f"{table} row {rowid}: missing {parent} (foreign key {n})"
                    for table, rowid, parent, n in fk
                )
                return CheckResult(
                    path,
                    True,
                    True,
                    size,
                    revision=revision,
                    problems=problems,
                    error=InconsistentDatabaseError(str(path), problems[0]),
                )
        return result
    except sqlite3.Error as exc:
        if _is_busy(exc):
            return CheckResult(path, True, False, size, error=DatabaseBusyError(str(path)))
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            # SQLITE_CORRUPT / SQLITE_NOTADB: "database disk image is malformed"…
            return CheckResult(
                path,
                True,
                False,
                size,
                damaged=True,
                problems=(str(exc),),
                error=DamagedDatabaseError(str(path), str(exc)),
            )
        return CheckResult(
            path, True, False, size, problems=(str(exc),), error=UnreadableDatabaseError(str(path))
        )
    finally:
        con.close()


def _schema_problems(con: sqlite3.Connection, revision: str) -> list[str]:
    """Tables and columns that do not match the stamped revision (see migrate.schema_problems)."""
    from dtbench.store import migrate

    names = [
        str(r[0])
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    tables = {
        name: {str(c[1]) for c in con.execute(f'PRAGMA table_info("{name}")')} for name in names
    }
    return migrate.schema_problems(tables, revision)


def _revision(con: sqlite3.Connection) -> str | None:
    has = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has:
        return None
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


# ----------------------------------------------------------------------- backups
@dataclass(frozen=True)
class BackupInfo:
    """One backup file. ``check`` (and so ``ok``) is computed on first use, then kept."""

    path: Path
    created: datetime
    reason: str
    size: int = field(compare=False)

    @cached_property
    def check(self) -> CheckResult:
        return check_database(self.path)

    @property
    def ok(self) -> bool:
        """The file passes the quick check and is a database this dtbench can open."""
        return self.check.ok and self.check.revision is not None

    @classmethod
    def from_path(cls, path: Path) -> BackupInfo | None:
        match = _NAME.match(path.name)
        if not match:
            return None
        try:
            created = datetime.strptime(match.group(1), _STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            return None
        return cls(path=path, created=created, reason=match.group(2), size=size)


def backups_folder(db_path: str | Path | None = None) -> Path:
    """Where the backups of ``db_path`` are kept (created when needed)."""
    root = paths.backups_dir()
    if db_path is None:
        return root
    resolved = Path(db_path).expanduser().resolve()
    if resolved == paths.default_database().resolve():
        return root
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:8]
    stem = re.sub(r"[^\w.-]+", "_", resolved.stem)[:40] or "database"
    folder = root / f"{stem}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _clean_reason(reason: str) -> str:
    return re.sub(r"[^a-z0-9_.-]+", "-", reason.lower()).strip("-.") or "manual"


def take_backup(db_path: str | Path, reason: str, folder: Path | None = None) -> BackupInfo:
    """A verified copy of ``db_path`` (the online backup API, then ``integrity_check``).

    Safe while other connections write: the copy is one consistent snapshot.
    """
    source = Path(db_path).expanduser().absolute()
    if not source.is_file() or source.stat().st_size == 0:
        raise NothingToBackUpError(str(source))
    target = folder if folder is not None else backups_folder(source)
    try:
        target.mkdir(parents=True, exist_ok=True)
        final = backup_database(source, target, _clean_reason(reason))
    except StorageFullError as exc:
        raise DiskFullError(str(target)) from exc
    except UnreadableDatabaseError as exc:
        cause = exc.__cause__
        if isinstance(cause, sqlite3.Error):
            if _is_full(cause):
                raise DiskFullError(str(target)) from exc
            if _is_busy(cause):
                raise DatabaseBusyError(str(source)) from exc
            if not os.access(target, os.W_OK):
                raise WriteFailedError(str(target), str(cause)) from exc
        raise SourceDamagedError(str(source)) from exc
    except OSError as exc:
        if _is_full(exc):
            raise DiskFullError(str(target)) from exc
        raise WriteFailedError(str(exc.filename or target), os_reason(exc)) from exc
    check = check_database(final, full=True)
    if check.damaged or not check.readable:
        with contextlib.suppress(OSError):
            final.unlink()
        raise SourceDamagedError(str(source))
    info = BackupInfo.from_path(final)
    assert info is not None
    if check.ok:
        info.__dict__["check"] = check  # already verified: keep the result
    return info


def backup_before(db_path: str | Path, reason: str) -> BackupInfo:
    """The verified backup taken before a risky change (an update, an import).

    It goes beside the database's other backups (``backups_folder``), so ``dtbench backup
    --list --db X`` shows it. When the newest backup there has the same reason and the same
    content (a retry after a failed or interrupted change), that one is kept and the new copy
    dropped, so retries do not pile up backups.
    """
    folder = backups_folder(db_path)
    previous = next(iter(list_backups(folder)), None)
    info = take_backup(db_path, reason, folder)
    if (
        previous is not None
        and previous.reason == info.reason
        and same_content(previous.path, info.path)
    ):
        with contextlib.suppress(OSError):
            info.path.unlink()
            return previous
    return info


def list_backups(folder: Path | None = None) -> list[BackupInfo]:
    """The backups in ``folder`` (default: the default database's), newest first."""
    where = folder if folder is not None else paths.backups_dir()
    if not where.is_dir():
        return []
    found = [info for p in where.glob("dtbench-*.sqlite3") if (info := BackupInfo.from_path(p))]
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def newest_good_backup(folder: Path | None = None) -> BackupInfo | None:
    for info in list_backups(folder):
        if info.ok:
            return info
    return None


def rotate(
    folder: Path | None = None,
    keep_recent: int = 10,
    keep_daily: int = 7,
    keep_weekly: int = 4,
    *,
    now: datetime | None = None,
) -> list[Path]:
    """Delete old backups; returns the deleted files.

    Kept: the ``keep_recent`` newest; the newest of each of the last ``keep_daily`` days; the
    newest of each of the last ``keep_weekly`` ISO weeks; and always the newest good one.
    """
    where = folder if folder is not None else paths.backups_dir()
    now = now or datetime.now()
    backups = list_backups(where)
    keep: set[Path] = {b.path for b in backups[:keep_recent]}
    days = {(now - timedelta(days=n)).date() for n in range(keep_daily)}
    weeks = {(now - timedelta(weeks=n)).isocalendar()[:2] for n in range(keep_weekly)}
    seen_days: set[object] = set()
    seen_weeks: set[object] = set()
    for b in backups:  # newest first: the first seen of a day or week is its newest
        day = b.created.date()
        if day in days and day not in seen_days:
            seen_days.add(day)
            keep.add(b.path)
        week = b.created.isocalendar()[:2]
        if week in weeks and week not in seen_weeks:
            seen_weeks.add(week)
            keep.add(b.path)
    good = next((b for b in backups if b.ok), None)
    if good is not None:
        keep.add(good.path)
    deleted: list[Path] = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
            except OSError:
                continue
            deleted.append(b.path)
            for suffix in ("-wal", "-shm", "-journal"):
                with contextlib.suppress(OSError):
                    Path(str(b.path) + suffix).unlink(missing_ok=True)
    stale = (now - timedelta(days=1)).timestamp()
    for partial in where.glob("dtbench-*.partial"):  # left by a crash during a backup
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < stale:
                partial.unlink()
                deleted.append(partial)
    return deleted


# ------------------------------------------------------------ database change signature
def database_signature(db_path: str | Path) -> tuple[int, ...]:
    """Cheap "has it changed?" token: modification time and size of the file and its log."""
    path = Path(db_path)
    out: list[int] = []
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            st = p.stat()
            out += [st.st_mtime_ns, st.st_size]
        except OSError:
            out += [0, 0]
    return tuple(out)


# --------------------------------------------------------------- quarantine, restore
def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _aside_name(db_path: Path, label: str) -> Path:
    base = db_path.with_name(f"{db_path.name}.{label}-{_stamp()}")
    candidate, n = base, 1
    while any(
        Path(str(candidate) + suffix).exists() for suffix in ("", "-wal", "-shm", "-journal")
    ):
        candidate = base.with_name(f"{base.name}-{n}")
        n += 1
    return candidate


def _move_with_logs(db_path: Path, aside: Path) -> None:
    """Rename the file and its -wal/-shm/-journal (kept together, so SQLite pairs them)."""
    os.replace(db_path, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        log = Path(str(db_path) + suffix)
        if log.exists():
            with contextlib.suppress(OSError):
                os.replace(log, Path(str(aside) + suffix))


def quarantine(db_path: str | Path) -> Path:
    """Move a damaged database (and its -wal/-shm) aside as ``<name>.damaged-<time>``.

    Nothing is deleted or rewritten: the files keep their bytes for a later rescue.
    """
    path = Path(db_path)
    aside = _aside_name(path, "damaged")
    try:
        _move_with_logs(path, aside)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EBUSY, errno.EPERM):
            raise RestoreTargetLockedError(str(path)) from exc
        raise WriteFailedError(str(aside), os_reason(exc)) from exc
    return aside


class _StillBusy(sqlite3.OperationalError):
    """The other side stayed locked past the time limit."""

    sqlite_errorname = "SQLITE_BUSY"


def _copy_pages(src: sqlite3.Connection, dst: sqlite3.Connection) -> None:
    """``src.backup(dst)`` that gives up when locked for longer than ``BUSY_TIMEOUT_S``.

    (Python's own loop retries a locked backup for ever.)
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S

    def progress(status: int, _remaining: int, _total: int) -> None:
        busy = status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
        if busy and time.monotonic() > deadline:
            raise _StillBusy("database is locked")

    src.backup(dst, progress=progress, sleep=0.05)


def _copy_verified(src_path: Path, dst_path: Path) -> None:
    """A new file ``dst_path`` made with the backup API (rollback journal), fsynced, checked."""
    partial = dst_path.with_name(dst_path.name + ".partial")
    src = sqlite3.connect(read_only_uri(src_path), uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        dst = sqlite3.connect(partial)
        try:
            _copy_pages(src, dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    finally:
        src.close()
    if not check_database(partial).ok:
        partial.unlink()
        raise SourceDamagedError(str(src_path))
    set_mode_for(partial, dst_path)  # SQLite creates 0644 whatever the umask
    os.replace(partial, dst_path)


def _verify_backup(backup: Path) -> None:
    if not backup.is_file():
        raise BackupNotFoundError(str(backup))
    check = check_database(backup, full=True)
    if isinstance(check.error, NewerDatabaseError):
        raise BackupFromNewerVersionError(str(backup))
    if check.damaged or not check.readable:
        raise BackupDamagedError(str(backup))
    if check.revision is None:  # another program's database, or an empty one
        raise NotABackupError(str(backup))


def restore(backup: BackupInfo | str | Path, db_path: str | Path) -> Path | None:
    """Put a backup in place of ``db_path``; returns where the previous file was kept.

    The backup is verified first (``integrity_check``); the current database is kept aside as
    ``<name>.before-restore-<time>`` — a verified copy made with the backup API when it is
    healthy (so its -wal is included), or the files themselves moved when it is damaged — and
    the backup is then written into place in one SQLite transaction (or renamed into place
    when there is no current file), so the database is never half restored. Returns None when
    there was no previous database.
    """
    # Relative paths are taken from the current folder (SQLite's URIs need absolute ones).
    source = (backup.path if isinstance(backup, BackupInfo) else Path(backup)).expanduser()
    source = source.absolute()
    target = Path(db_path).expanduser().absolute()
    if source.resolve() == target.resolve():
        raise RestoreOntoItselfError(str(source))
    _verify_backup(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    current = check_database(target)
    if isinstance(current.error, DatabaseBusyError):
        raise RestoreTargetLockedError(str(target))
    aside: Path | None = None
    try:
        if current.exists and current.ok and not current.empty:
            aside = _aside_name(target, "before-restore")
            try:
                _copy_verified(target, aside)
            except sqlite3.Error as exc:
                if _is_busy(exc):
                    raise RestoreTargetLockedError(str(target)) from exc
                raise
            _write_into_live(source, target)
        else:
            if current.exists:
                aside = _aside_name(target, "before-restore")
                _move_with_logs(target, aside)
            _copy_verified(source, target)
    except sqlite3.Error as exc:
        if _is_full(exc):
            raise DiskFullError(str(target)) from exc
        if _is_busy(exc):
            raise RestoreTargetLockedError(str(target)) from exc
        raise WriteFailedError(str(target), str(exc)) from exc
    except OSError as exc:
        if _is_full(exc):
            raise DiskFullError(str(target)) from exc
        if exc.errno in (errno.EACCES, errno.EBUSY, errno.EPERM):
            raise RestoreTargetLockedError(str(target)) from exc
        raise WriteFailedError(str(exc.filename or target), os_reason(exc)) from exc
    after = check_database(target)
    if not after.ok:  # should not happen: the backup API wrote a verified file
        raise DamagedDatabaseError(str(target), "; ".join(after.problems) or "?")
    return aside


def _write_into_live(source: Path, target: Path) -> None:
    """Replace the content of an existing database in one write transaction.

    Going through SQLite (rather than renaming a file over it) keeps the target's -wal and
    -shm consistent and lets connections that are still open see either the old or the new
    content, never a mix.
    """
    src = sqlite3.connect(read_only_uri(source), uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S)
        try:
            _copy_pages(src, dst)
            dst.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            dst.close()
    finally:
        src.close()


# ------------------------------------------------------------------ check at open
@dataclass(frozen=True)
class OpenCheck:
    """What ``inspect_at_open`` found and did."""

    check: CheckResult
    moved_to: Path | None = None  # the damaged file's new name, when it was moved aside
    backup: BackupInfo | None = None  # the newest good backup to offer

    @property
    def damaged(self) -> bool:
        return self.moved_to is not None


def _sqlite_header(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def inspect_at_open(db_path: str | Path) -> OpenCheck:
    """Quick check before opening: a damaged file is moved aside, never written to.

    Damaged means SQLite reports corruption (or the file is no longer an SQLite file, or it
    was emptied although it has backups). A locked file, a file from a newer dtbench or
    another program's database is left alone: ``open_store`` explains those.
    """
    path = Path(db_path)
    check = check_database(path)
    folder = backups_folder(path)
    damaged = check.damaged
    has_backups = bool(list_backups(folder))
    if check.empty and has_backups:
        damaged = True  # emptied by a crash: its backups say it held data
    if damaged and not has_backups and not _sqlite_header(path):
        # Not an SQLite file and never backed up as a database: probably the wrong file was
        # chosen. Leave it where it is; open_store refuses it with a message.
        damaged = False
    if not damaged:
        return OpenCheck(check)
    moved = quarantine(path)
    return OpenCheck(check, moved_to=moved, backup=newest_good_backup(folder))


def same_content(a: Path, b: Path) -> bool:
    """True when two backups hold the same pages (header counters aside)."""
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        with open(a, "rb") as fa, open(b, "rb") as fb:
            head_a, head_b = bytearray(fa.read(100)), bytearray(fb.read(100))
            for head in (head_a, head_b):  # change counter and version-valid-for
                head[24:28] = bytes(4)
                head[92:100] = bytes(8)
            if head_a != head_b:
                return False
            while True:
                chunk_a, chunk_b = fa.read(1 << 20), fb.read(1 << 20)
                if chunk_a != chunk_b:
                    return False
                if not chunk_a:
                    return True
    except OSError:
        return False


def scheduled_backup(
    db_path: str | Path,
    folder: Path | None = None,
    *,
    keep_recent: int = 10,
    keep_daily: int = 7,
    keep_weekly: int = 4,
) -> BackupInfo | None:
    """The automatic backup: take one, drop it when identical to the newest, then rotate.

    Returns None when nothing had changed since the newest backup.
    """
    where = folder if folder is not None else backups_folder(db_path)
    previous = next(iter(list_backups(where)), None)
    info: BackupInfo | None = take_backup(db_path, "scheduled", where)
    if info is not None and previous is not None and same_content(previous.path, info.path):
        with contextlib.suppress(OSError):
            info.path.unlink()
        info = None
    rotate(where, keep_recent, keep_daily, keep_weekly)
    return info
