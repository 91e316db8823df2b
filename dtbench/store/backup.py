"""Verified backups of a SQLite database with SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from dtbench.atomic_files import set_mode_for
from dtbench.store.errors import UnreadableDatabaseError


def integrity_ok(path: Path) -> bool:
    """True when ``PRAGMA quick_check`` passes on the file (opened read-only)."""
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
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
    check, so a half-written backup never looks like a good one.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    final = folder / f"dtbench-{stamp}-{reason}.sqlite3"
    partial = final.with_suffix(".partial")
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
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
