"""``dtbench backup``, ``dtbench restore FILE`` and ``dtbench check`` (wired into dtbench.cli).

These work on the database file directly and never open it through ``open_store``: a damaged
file must not be migrated or written to, and ``check`` must not create a missing database.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dtbench.cli.common import fail, tr
from dtbench.errors import QT_TRANSLATE_NOOP, UserError

COMMANDS = ("backup", "restore", "check")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p_backup = sub.add_parser(
        "backup",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP("cli", "make a verified backup of the database and print its path")
        ),
    )
    p_backup.add_argument(
        "--list",
        action="store_true",
        help=tr(QT_TRANSLATE_NOOP("cli", "list the database's backups instead")),
    )
    p_restore = sub.add_parser(
        "restore",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "put a backup in place of the database (the current file is kept aside)"
            )
        ),
    )
    p_restore.add_argument(
        "file", metavar="FILE", help=tr(QT_TRANSLATE_NOOP("cli", "the backup file to restore"))
    )
    p_check = sub.add_parser(
        "check",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "check the database for damage and print OK or the problems found"
            )
        ),
    )
    del p_check


def run(args: argparse.Namespace) -> int | None:
    """Run the command when it is one of ours; None otherwise."""
    command = getattr(args, "command", None)
    if command not in COMMANDS:
        return None
    from dtbench.messages import translate

    try:
        db_path = _database(getattr(args, "db", None))
        if command == "backup":
            return _backup(db_path, bool(getattr(args, "list", False)))
        if command == "restore":
            return _restore(db_path, Path(args.file).expanduser())
        return _check(db_path)
    except UserError as exc:
        fail(exc.message(translate))
    except OSError as exc:
        from dtbench.errors import os_reason_text

        fail(f"{exc.filename or ''}: {os_reason_text(exc, translate)}")


def _database(db: str | None) -> Path:
    from dtbench.store.location import database_path

    path = database_path(db)
    if path is None:
        fail(
            tr(QT_TRANSLATE_NOOP("cli", "Backups work on database files only, not on %1.")).replace(
                "%1", str(db)
            )
        )
    return path


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(size, 1) / 1024:.0f} KB" if size else "0 KB"


def _backup(db_path: Path, listing: bool) -> int:
    from dtbench.store.backups import backups_folder, list_backups, rotate, take_backup

    folder = backups_folder(db_path)
    if listing:
        found = list_backups(folder)
        if not found:
            print(tr(QT_TRANSLATE_NOOP("cli", "No backups in %1.")).replace("%1", str(folder)))
        ok_text = tr(QT_TRANSLATE_NOOP("cli", "ok"))
        bad_text = tr(QT_TRANSLATE_NOOP("cli", "DAMAGED"))
        for b in found:
            stamp = b.created.strftime("%Y-%m-%d %H:%M:%S")
            state = ok_text if b.ok else bad_text
            print(f"{stamp}  {b.reason:<24}  {_size(b.size):>9}  {state:<8}  {b.path}")
        return 0
    info = take_backup(db_path, "manual", folder)
    rotate(folder)
    print(info.path)
    return 0


def _restore(db_path: Path, file: Path) -> int:
    from dtbench.store.backups import restore

    aside = restore(file, db_path)
    print(
        tr(QT_TRANSLATE_NOOP("cli", "Restored %1 into %2."))
        .replace("%1", str(file))
        .replace("%2", str(db_path))
    )
    if aside is None:
        print(tr(QT_TRANSLATE_NOOP("cli", "There was no previous database to keep.")))
    else:
        print(
            tr(QT_TRANSLATE_NOOP("cli", "The previous database was kept as %1.")).replace(
                "%1", str(aside)
            )
        )
    return 0


def _check(db_path: Path) -> int:
    from dtbench.messages import translate
    from dtbench.store.backups import check_database

    result = check_database(db_path, full=True)
    if result.ok:
        print(
            tr(QT_TRANSLATE_NOOP("cli", "OK: %1 (revision %2, %3)"))
            .replace("%1", str(db_path))
            .replace("%2", result.revision or "-")
            .replace("%3", _size(result.size))
        )
        return 0
    assert result.error is not None
    print(result.error.message(translate).splitlines()[0])
    for problem in result.problems:
        print(f"  {problem}")
    if result.damaged:
        print(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "Do not use this file. Restore a backup with “dtbench restore FILE” "
                    "(“dtbench backup --list” shows them).",
                )
            )
        )
    return 2
