"""What every command of the command line shares: its parser class, its translation, the
one-line error exit and opening the database.

Errors are one line on stderr with exit code 2, never a traceback. Importing this module
loads no heavy library (``dtbench --help`` must stay quick): the database is loaded when a
command opens it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn

from dtbench.errors import QT_TRANSLATE_NOOP
from dtbench.messages import translate

if TYPE_CHECKING:
    from dtbench.store import Store

CONTEXT = "cli"  # translation context of every command-line text


def tr(text: str) -> str:
    """``text`` (marked with ``QT_TRANSLATE_NOOP("cli", …)``) in the user's language."""
    return translate(CONTEXT, text)


class Parser(argparse.ArgumentParser):
    """An argument parser whose error line is translated like the rest of the CLI."""

    def error(self, message: str) -> NoReturn:
        label = tr(QT_TRANSLATE_NOOP("cli", "error"))
        self.exit(2, f"{self.prog}: {label}: {message}\n")


def fail(message: str) -> NoReturn:
    """Print ``dtbench: message`` on stderr and exit with code 2."""
    sys.stderr.write(f"dtbench: {message}\n")
    raise SystemExit(2)


ENGAGEMENT_HELP = QT_TRANSLATE_NOOP("cli", "engagement id (or the start of it)")


def add_engagement(parser: argparse.ArgumentParser, *names: str, **options: Any) -> None:
    """The argument naming an engagement by its id or the start of it (``id`` by default)."""
    parser.add_argument(*(names or ("id",)), help=tr(ENGAGEMENT_HELP), **options)


@contextmanager
def engagement(args: argparse.Namespace) -> Iterator[tuple[Store, str]]:
    """The store named by ``--db`` and the full id of the engagement ``args.id`` names;
    the store is closed after. An id that names no engagement (or several) is a
    :class:`~dtbench.errors.UserError`, which ``main`` prints as the one-line exit."""
    from dtbench.reports.summary import find_engagement

    store = open_store_or_fail(args.db)
    try:
        yield store, find_engagement(store, args.id)[0]
    finally:
        store.close()


def open_store_or_fail(db: str | None, *, create: bool = False) -> Store:
    """The store named by ``--db`` (or the default); a database that cannot be opened is a
    one-line error and exit code 2.

    Only commands that add data pass ``create``: a command that reads, pointed at a file
    that does not exist, says so instead of making an empty database there. The default
    database (no ``--db``, no DTBENCH_DB) is made silently, as at the app's first start.
    """
    from dtbench.paths import DB_ENV
    from dtbench.store import StoreError, open_store

    default = not db and not os.environ.get(DB_ENV)
    password = server_password(db or os.environ.get(DB_ENV))
    try:
        return open_store(db, create=create or default, password=password)
    except StoreError as exc:
        fail(exc.message(translate))
    except OSError as exc:
        from dtbench.errors import os_reason_text

        fail(f"{db}: {os_reason_text(exc, translate)}")


def server_password(target: str | None) -> str | None:
    """The password for a team server's URL that has none: from the keyring, else asked
    for on the terminal (never echoed, never stored here); None for a file or when the URL
    carries its own."""
    from dtbench.team.credentials import is_server, password_for

    if not is_server(target):
        return None
    assert target is not None
    from sqlalchemy.engine import make_url

    if make_url(target).password is not None:
        return None
    kept = password_for(target)
    if kept is not None:
        return kept
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        from dtbench.team.credentials import account

        prompt = tr(QT_TRANSLATE_NOOP("cli", "Password for %1: ")).replace("%1", account(target))
        return getpass.getpass(prompt)
    return None
