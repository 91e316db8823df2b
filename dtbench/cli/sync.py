"""``dtbench offline ID… --server URL`` and ``dtbench sync ID [--keep mine|theirs]``
(wired into dtbench.cli): take engagements from the firm's server into this computer's
database, and synchronise them back. The password comes from the URL or, as for every
PostgreSQL program, from PGPASSWORD or ~/.pgpass."""

from __future__ import annotations

import argparse

from dtbench.cli.common import fail, open_store_or_fail, tr
from dtbench.errors import QT_TRANSLATE_NOOP, UserError
from dtbench.messages import system_language, translate

COMMANDS = ("offline", "sync")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    server_help = tr(
        QT_TRANSLATE_NOOP("cli", "the firm's server (postgresql+psycopg://login@host/database)")
    )
    p_offline = sub.add_parser(
        "offline",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "copy engagements from the firm's server into this computer's database"
            )
        ),
    )
    p_offline.add_argument(
        "ids",
        nargs="+",
        metavar="ID",
        help=tr(QT_TRANSLATE_NOOP("cli", "engagement id (or the start of it)")),
    )
    p_offline.add_argument("--server", metavar="URL", required=True, help=server_help)
    p_sync = sub.add_parser(
        "sync",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP("cli", "send and receive the changes of an engagement taken offline")
        ),
    )
    p_sync.add_argument(
        "id", help=tr(QT_TRANSLATE_NOOP("cli", "engagement id (or the start of it)"))
    )
    p_sync.add_argument(
        "--server",
        metavar="URL",
        help=tr(QT_TRANSLATE_NOOP("cli", "the firm's server (default: the one it was taken from)")),
    )
    p_sync.add_argument(
        "--keep",
        choices=("mine", "theirs"),
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "decide every conflict for this computer's value (mine) or the server's "
                "(theirs); without it conflicts are listed and nothing is written",
            )
        ),
    )


def run(args: argparse.Namespace) -> int | None:
    """Run the command when it is one of ours; None otherwise."""
    command = getattr(args, "command", None)
    if command not in COMMANDS:
        return None
    from dtbench.reports.summary import SummaryError

    try:
        if command == "offline":
            return _offline(args)
        return _sync(args)
    except (SummaryError, UserError) as exc:
        fail(exc.message(translate))


def _offline(args: argparse.Namespace) -> int:
    from dtbench.reports.summary import find_engagement
    from dtbench.team.offline import open_server, take_offline

    server = open_server(args.server)
    local = open_store_or_fail(getattr(args, "db", None), create=True)
    try:
        uuids = [find_engagement(server, ident)[0] for ident in args.ids]
        for uuid, title in zip(uuids, take_offline(server, local, uuids), strict=True):
            print(f"{uuid}  {title}")
    finally:
        server.close()
        local.close()
    return 0


def _sync(args: argparse.Namespace) -> int:
    from dtbench.guide.model import fill
    from dtbench.reports.summary import find_engagement
    from dtbench.team.errors import NotOfflineError
    from dtbench.team.labels import field_label, record_label, stamp, value_text
    from dtbench.team.offline import offline_copies, open_server
    from dtbench.team.sync import synchronise

    local = open_store_or_fail(getattr(args, "db", None))
    server = None
    try:
        uuid = find_engagement(local, args.id)[0]
        copy = offline_copies(local).get(uuid)
        if copy is None:
            raise NotOfflineError(args.id)
        server = open_server(args.server or copy.server_url)
        plan, result = synchronise(local, server, uuid, keep=args.keep)
    finally:
        local.close()
        if server is not None:
            server.close()
    if result is None:
        line = tr(QT_TRANSLATE_NOOP("cli", "%1, %2: yours (%3) “%4” | server's (%5) “%6”"))
        for c in plan.conflicts:
            print(
                fill(
                    line,
                    record_label(plan, c, translate),
                    field_label(c, translate),
                    stamp(c.local_author, c.local_at),
                    value_text(c, c.local, translate, 60, lang=system_language(), plan=plan),
                    stamp(c.server_author, c.server_at),
                    value_text(c, c.server, translate, 60, lang=system_language(), plan=plan),
                )
            )
        print(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli",
                    "%1 conflicts: nothing was written. Decide them in the app, or run again "
                    "with --keep mine or --keep theirs.",
                )
            ).replace("%1", str(len(plan.conflicts)))
        )
        return 1
    print(
        tr(
            QT_TRANSLATE_NOOP(
                "cli", "Synchronised: %1 records sent, %2 received, %3 conflicts decided."
            )
        )
        .replace("%1", str(result.sent))
        .replace("%2", str(result.received))
        .replace("%3", str(result.decided))
    )
    return 0
