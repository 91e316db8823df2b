"""Verified backups of a SQLite database with SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from dtbench.atomic_files import set_mode_for
from dtbench.store.errors import StorageFullError, UnreadableDatabaseError


def read_only_uri(path: Path) -> str:
    """An SQLite URI that reads ``path`` without writing anything, relative paths included.

    In a read-only folder SQLite cannot create the -shm file a WAL database needs, so the
    file is then opened as immutable (nothing can change it there anyway).
    """
    full = Path(path).expanduser().absolute()
    uri = f"{full.as_uri()}?mode=ro"
    if full.parent.is_dir() and not os.access(full.parent, os.W_OK):
        uri += "&immutable=1"
    return uri


def is_full(exc: BaseException) -> bool:
    """True when ``exc`` says the disk (or the quota) is full."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        return name == "SQLITE_FULL" or "disk is full" in str(exc).lower()
    return False


def integrity_ok(path: Path) -> bool:
    """True when ``PRAGMA quick_check`` passes on the file (opened read-only)."""
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error:
        return False
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
        return rows == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        con.close()


def backup_database(source: Path, folder: Path, reason: str) -> Path:
    """Copy ``source`` into ``folder`` through the backup API and verify the copy.

    The copy is written under a temporary name and renamed only once it passes the integrity
    check, so a half-written backup never looks like a good one. A full disk is reported as
    such (StorageFullError), never as a damaged source.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if is_full(exc):
            raise StorageFullError(str(folder)) from exc
        raise
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    final = folder / f"dtbench-{stamp}-{reason}.sqlite3"
    partial = final.with_suffix(".partial")
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if is_full(exc):
            raise StorageFullError(str(folder)) from exc
        if isinstance(exc, OSError):
            raise
        raise UnreadableDatabaseError(str(source)) from exc
    finally:
        src.close()
    if not integrity_ok(partial):
        partial.unlink()
        raise UnreadableDatabaseError(str(source))
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    set_mode_for(partial, final)  # SQLite creates 0644 whatever the umask
    os.replace(partial, final)
    return final
