"""``dtbench interviews ID --guide OUT.docx [--interview N]`` and ``--schedule OUT.docx``:
the printed papers of the interview plan, in the engagement's language. Without an option
the plan is listed, one numbered line per interview."""

from __future__ import annotations

import argparse

from dtbench.cli.common import add_engagement, engagement, tr
from dtbench.errors import QT_TRANSLATE_NOOP

COMMAND = "interviews"


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``interviews`` to the CLI."""
    parser = sub.add_parser(
        COMMAND,
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "list the interview plan, or print an interview guide or the schedule"
            )
        ),
    )
    add_engagement(parser)
    parser.add_argument(
        "--guide",
        metavar="OUT.docx",
        help=tr(QT_TRANSLATE_NOOP("cli", "write the guide of one interview (.docx)")),
    )
    parser.add_argument(
        "--interview",
        metavar="N",
        type=int,
        default=1,
        help=tr(QT_TRANSLATE_NOOP("cli", "which interview of the plan, from 1 (default: 1)")),
    )
    parser.add_argument(
        "--schedule",
        metavar="OUT.docx",
        help=tr(QT_TRANSLATE_NOOP("cli", "write the schedule of the planned interviews (.docx)")),
    )


def run(args: argparse.Namespace) -> int | None:
    """Run the command when it is ``interviews``; None otherwise."""
    if getattr(args, "command", None) != COMMAND:
        return None
    from pathlib import Path

    from dtbench.deliverables.interview_guide import (
        load_papers,
        pick,
        when,
        write_guide,
        write_schedule,
    )
    from dtbench.plan import catalogue as cat

    written = []
    with engagement(args) as (store, uuid):
        papers = load_papers(store, uuid)
        if args.guide:
            written.append(write_guide(papers, pick(papers, args.interview), Path(args.guide)))
        if args.schedule:
            written.append(write_schedule(papers, Path(args.schedule)))
    for path in written:
        print(path)
    if not written:
        for number, item in enumerate(papers.items, start=1):
            record = item.record
            status = cat.label(cat.INTERVIEW_STATUSES, record.status, papers.lang)
            print(
                f"{number}. {record.subject}  {record.role}  {when(record, papers.lang)}  "
                f"{status}  {', '.join(record.clauses)}"
            )
    return 0
