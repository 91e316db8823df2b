"""``dtbench history ID [--clause 7.3.1] [--limit N] [--restore CHANGE [--after]]``: who changed
what and when in an engagement (or in one clause of its latest round), newest first; with
``--restore`` the value a change replaced is written back (itself recorded)."""

from __future__ import annotations

import argparse

from dtbench.cli.common import add_engagement, engagement, tr
from dtbench.errors import QT_TRANSLATE_NOOP, excerpt

COMMAND = "history"


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``history`` to the CLI."""
    parser = sub.add_parser(
        COMMAND,
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "show who changed what and when, or restore a value")),
    )
    add_engagement(parser)
    parser.add_argument(
        "--clause",
        metavar="KEY",
        help=tr(QT_TRANSLATE_NOOP("cli", "only this clause of the latest round (e.g. 7.3.1)")),
    )
    parser.add_argument(
        "--limit",
        metavar="N",
        type=int,
        default=50,
        help=tr(QT_TRANSLATE_NOOP("cli", "show at most N changes (default: 50)")),
    )
    parser.add_argument(
        "--restore",
        metavar="CHANGE",
        type=int,
        help=tr(QT_TRANSLATE_NOOP("cli", "write back the value change CHANGE replaced")),
    )
    parser.add_argument(
        "--after",
        action="store_true",
        help=tr(QT_TRANSLATE_NOOP("cli", "with --restore: the value the change wrote")),
    )


def shown(text: str) -> str:
    """A stored value as one short line: "—" for none, text without its quotes."""
    from dtbench.store.history import load

    value = load(text)
    if text == "" or value is None:
        return "—"
    if isinstance(value, str):
        return excerpt(value, 60) if value else "“”"
    return excerpt(text, 60)


def run(args: argparse.Namespace) -> int | None:
    """Run the command when it is ``history``; None otherwise."""
    if getattr(args, "command", None) != COMMAND:
        return None
    from dtbench.diagnosis.service import list_rounds
    from dtbench.team import history
    from dtbench.team.labels import local_time

    with engagement(args) as (store, uuid):
        if args.restore is not None:
            owner, _change = history.get_change(store, args.restore)
            if owner != uuid:
                raise history.HistoryEntryNotFoundError(args.restore)
            history.restore(store, args.restore, after=args.after)
        if args.clause:
            rounds = list_rounds(store, uuid)
            changes = (
                history.clause_history(store, rounds[-1].uuid, args.clause, limit=args.limit)
                if rounds
                else []
            )
        else:
            changes = history.engagement_history(store, uuid, limit=args.limit)
    headings = (
        tr(QT_TRANSLATE_NOOP("cli", "Change")),
        tr(QT_TRANSLATE_NOOP("cli", "Time")),
        tr(QT_TRANSLATE_NOOP("cli", "Author")),
        tr(QT_TRANSLATE_NOOP("cli", "Record")),
        tr(QT_TRANSLATE_NOOP("cli", "Field")),
        tr(QT_TRANSLATE_NOOP("cli", "From")),
        tr(QT_TRANSLATE_NOOP("cli", "To")),
    )
    print("\t".join(headings))
    for c in changes:
        record = f"{c.kind} {c.label}".strip()
        print(
            "\t".join(
                (
                    str(c.id),
                    local_time(c.at, seconds=True),
                    c.author,
                    record,
                    c.field,
                    shown(c.old),
                    shown(c.new),
                )
            )
        )
    return 0
