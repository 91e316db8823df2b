"""Command line: ``dtbench`` opens the GUI; sub-commands work headless.

Errors are one line on stderr with exit code 2, never a traceback. The helpers every command
shares (the error exit, opening the database, translation) are in ``dtbench.cli.common``; the
commands of one feature each have a module here with ``register()`` and ``run()``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from dtbench import __version__
from dtbench.cli.common import Parser, add_engagement, engagement, fail, open_store_or_fail, tr
from dtbench.errors import QT_TRANSLATE_NOOP, UserError
from dtbench.messages import system_language, translate

if TYPE_CHECKING:
    from dtbench.deliverables.export import ExportRequest
    from dtbench.reports.render_pool import RenderPool


def commands() -> list[ModuleType]:
    """The sub-commands with a module of their own (each has register() and run()). Loaded
    with the parser: starting the GUI (``dtbench``, ``dtbench --db X``) needs none of them."""
    from dtbench.cli import (
        backup,
        benchmark,
        history,
        interviews,
        package,
        questionnaire,
        sync,
        team,
        template,
    )

    return [template, package, backup, questionnaire, interviews, sync, history, team, benchmark]


def _print_json(data: object, indent: int) -> None:
    """``--json`` output (json is loaded here: the GUI's start does not need it)."""
    import json

    print(json.dumps(data, ensure_ascii=False, indent=indent))


def gui_only(argv: Sequence[str]) -> tuple[bool, str | None]:
    """Whether ``argv`` just starts the GUI (nothing, ``--db X`` or ``--db=X``), and the
    database it names: then the window need not wait for the whole command line's parser."""
    args = list(argv)
    if not args:
        return True, None
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > len("--db="):
        return True, args[0][len("--db=") :]
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return True, args[1]
    return False, None


def build_parser() -> argparse.ArgumentParser:
    db_help = tr(
        QT_TRANSLATE_NOOP(
            "cli", "database file or SQLAlchemy URL (default: $DTBENCH_DB or the user data folder)"
        )
    )
    # --db is accepted before or after the sub-command; SUPPRESS keeps a sub-command's
    # parser from overwriting a value given before it.
    common = Parser(add_help=False)
    common.add_argument("--db", metavar="PATH_OR_URL", help=db_help, default=argparse.SUPPRESS)
    parser = Parser(
        prog="dtbench",
        description=tr(
            QT_TRANSLATE_NOOP("cli", "Digital-transformation consulting workbench (DB2102/T).")
        ),
    )
    parser.add_argument("--db", metavar="PATH_OR_URL", help=db_help, default=None)
    parser.add_argument("--version", action="version", version=f"dtbench {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    p_list = sub.add_parser(
        "list", parents=[common], help=tr(QT_TRANSLATE_NOOP("cli", "list engagements"))
    )
    p_list.add_argument(
        "--json", action="store_true", help=tr(QT_TRANSLATE_NOOP("cli", "print JSON"))
    )
    p_list.add_argument(
        "--trash", action="store_true", help=tr(QT_TRANSLATE_NOOP("cli", "list the trash instead"))
    )
    p_guide = sub.add_parser(
        "guide", parents=[common], help=tr(QT_TRANSLATE_NOOP("cli", "print the guide's framework"))
    )
    p_guide.add_argument(
        "--json",
        action="store_true",
        help=tr(QT_TRANSLATE_NOOP("cli", "print the whole framework as JSON (both languages)")),
    )
    p_guide.add_argument(
        "--lang",
        choices=("zh", "en"),
        help=tr(QT_TRANSLATE_NOOP("cli", "language of the outline")),
    )
    p_demo = sub.add_parser(
        "demo",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "create the sample engagement and print its id")),
    )
    p_demo.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help=tr(QT_TRANSLATE_NOOP("cli", "language of the sample's texts (default: zh)")),
    )
    p_summary = sub.add_parser(
        "summary",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "print an engagement's scores and top gaps")),
    )
    add_engagement(p_summary)
    p_summary.add_argument(
        "--json", action="store_true", help=tr(QT_TRANSLATE_NOOP("cli", "print JSON"))
    )
    p_summary.add_argument(
        "--round",
        type=int,
        metavar="N",
        help=tr(QT_TRANSLATE_NOOP("cli", "assessment round number (default: the latest)")),
    )
    p_summary.add_argument(
        "--top",
        type=int,
        default=10,
        metavar="N",
        help=tr(QT_TRANSLATE_NOOP("cli", "how many gaps to list (default 10)")),
    )
    p_summary.add_argument(
        "--lang",
        choices=("zh", "en"),
        help=tr(QT_TRANSLATE_NOOP("cli", "language of the output")),
    )
    p_export = sub.add_parser(
        "export",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "write the Word proposal and/or the Excel action plan")),
    )
    add_engagement(p_export)
    p_export.add_argument(
        "--docx", metavar="FILE", help=tr(QT_TRANSLATE_NOOP("cli", "the Word proposal to write"))
    )
    p_export.add_argument(
        "--pdf",
        metavar="FILE",
        help=tr(QT_TRANSLATE_NOOP("cli", "the proposal as PDF too (needs LibreOffice)")),
    )
    p_export.add_argument(
        "--xlsx",
        metavar="FILE",
        help=tr(QT_TRANSLATE_NOOP("cli", "the Excel action plan to write")),
    )
    p_export.add_argument(
        "--lang",
        choices=("zh", "en"),
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "language of the documents (default: the engagement's language)"
            )
        ),
    )
    p_export.add_argument(
        "--template",
        metavar="FILE",
        help=tr(QT_TRANSLATE_NOOP("cli", "a firm's .docx whose styles and page set-up are used")),
    )
    p_export.add_argument(
        "--benchmark",
        action="store_true",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "add the firm benchmark chapter (anonymised; only when five or more "
                "engagements of the same industry and size band compare)",
            )
        ),
    )
    p_export.add_argument(
        "--check",
        action="store_true",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "only check what would go out wrong (text in the other language, missing "
                "findings, owners or dates, figures that disagree…): one line each, exit code "
                "1 when one is an error; writes no file, even with --docx, --pdf or --xlsx",
            )
        ),
    )
    for module in commands():
        module.register(sub, common)
    return parser


def cmd_list(args: argparse.Namespace) -> int:
    from dtbench.engagement.service import list_engagements

    store = open_store_or_fail(args.db)
    damaged: list[Any] = []
    try:
        rows = list_engagements(store, trash=args.trash, damaged=damaged)
    finally:
        store.close()
    for problem in damaged:  # the others are listed; say which one could not be
        sys.stderr.write(f"dtbench: {problem.message(translate)}\n")
    if args.json:
        data = [
            {
                "uuid": r.uuid,
                "title": r.title,
                "client": r.client_name,
                "industry": r.industry,
                "status": r.status,
                "updated_at": r.updated_at.isoformat(timespec="seconds"),
            }
            for r in rows
        ]
        _print_json(data, indent=2)
        return 0
    for r in rows:
        stamp = r.updated_at.strftime("%Y-%m-%d %H:%M")
        print(f"{r.uuid}  {stamp}  {r.status:<9}  {r.client_name} — {r.title}")
    if not rows:
        print(tr(QT_TRANSLATE_NOOP("cli", "No engagements.")))
    return 0


def cmd_guide(args: argparse.Namespace) -> int:
    from dtbench.guide import GuideDataError, load_guide

    try:
        guide = load_guide()
    except GuideDataError as exc:
        fail(str(exc))
    if args.json:
        _print_json(guide.to_dict(), indent=1)
        return 0
    lang = args.lang or system_language()
    print(f"{guide.standard.code} {guide.standard.title.get(lang)}")
    for area in guide.areas:
        print(f"\n{area.key} {area.title.get(lang)}")
        for group in area.groups:
            if group.key != area.key:
                print(f"  {group.key} {group.title.get(lang)}")
            for clause in group.clauses:
                subs = sum(len(i.subitems) for i in clause.items)
                print(f"    {clause.label(lang)}  [{len(clause.items)} / {subs}]")
                for item in clause.items:
                    print(f"      {item.letter}) {item.text.get(lang)}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from dtbench.sample import create_demo

    store = open_store_or_fail(args.db, create=True)
    try:
        print(create_demo(store, args.lang))
    finally:
        store.close()
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from dtbench.reports.summary import SummaryError, summarise

    store = open_store_or_fail(args.db)
    lang = args.lang or system_language()
    try:
        summary = summarise(store, args.id, round_number=args.round, top=args.top, lang=lang)
    except SummaryError as exc:
        fail(exc.message(translate))
    finally:
        store.close()
    if args.json:
        _print_json(summary.to_dict(), indent=2)
    else:
        print(summary.to_text(lambda text: translate("cli", text)))
    return 0


def _benchmark(store: Any, uuid: str, args: argparse.Namespace) -> Any:
    """The firm benchmark chapter's data in the documents' language; None, said on stderr,
    when too few engagements compare."""
    from dtbench.engagement.service import get_profile
    from dtbench.team.benchmark import compare, proposal_data

    lang = args.lang or get_profile(store, uuid).language
    data = proposal_data(store, uuid, lang)
    if data is None:
        reason = compare(store, uuid).reason
        sys.stderr.write(
            "dtbench: "
            + tr(QT_TRANSLATE_NOOP("cli", "the firm benchmark chapter is left out: %1")).replace(
                "%1", reason
            )
            + "\n"
        )
    return data


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from dtbench.deliverables.export import ExportRequest, run_export

    if args.check:
        return cmd_check(args)
    if not args.docx and not args.xlsx and not args.pdf:
        fail(tr(QT_TRANSLATE_NOOP("cli", "give --docx FILE, --pdf FILE and/or --xlsx FILE")))
    with engagement(args) as (store, uuid):
        request = ExportRequest(
            engagement=uuid,
            docx=Path(args.docx) if args.docx else None,
            pdf=Path(args.pdf) if args.pdf else None,
            xlsx=Path(args.xlsx) if args.xlsx else None,
            lang=args.lang,
            template=Path(args.template) if args.template else None,
            benchmark=_benchmark(store, uuid, args) if args.benchmark else None,
        )
        pool = _chart_workers(request)
        try:
            written = run_export(store, request, pool=pool)
        finally:
            if pool is not None:
                pool.shutdown()
    for notice in request.notices:  # e.g. the template's macros were left out
        sys.stderr.write(f"dtbench: {notice.message(translate)}\n")
    for path in written:
        print(path)
    return 0


def _chart_workers(request: ExportRequest) -> RenderPool | None:
    """Worker processes drawing the proposal's charts side by side (one per CPU, up to
    the pool's limit; none on one CPU or without a proposal): they start at the first chart
    not in the chart cache and end with the command."""
    from dtbench.reports.render_pool import RenderPool, worker_count

    workers = worker_count()
    if workers < 2 or (request.docx is None and request.pdf is None):
        return None
    return RenderPool(workers, idle_s=0, batch=True)


def cmd_check(args: argparse.Namespace) -> int:
    """``export --check``: the preflight's list, one line each; 1 when one is an error."""
    from dtbench.deliverables.preflight import run_preflight
    from dtbench.guide.model import fill

    with engagement(args) as (store, uuid):
        found = run_preflight(store, uuid, args.lang)
    severity = {
        "error": tr(QT_TRANSLATE_NOOP("cli", "error")),
        "warning": tr(QT_TRANSLATE_NOOP("cli", "warning")),
    }
    line = tr(QT_TRANSLATE_NOOP("cli", "%1: %2: %3"))  # severity, where, what
    for check in found:
        print(
            fill(line, severity[check.severity], check.where(translate), check.message(translate))
        )
    errors = sum(1 for check in found if check.is_error)
    if not found:
        print(tr(QT_TRANSLATE_NOOP("cli", "Nothing to fix before the export.")))
    else:
        print(
            tr(QT_TRANSLATE_NOOP("cli", "Errors: %1, warnings: %2."))
            .replace("%1", str(errors))
            .replace("%2", str(len(found) - errors))
        )
    return 1 if errors else 0


def gui_main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the windowed launcher: the GUI with optional --db."""
    only, db = gui_only(sys.argv[1:] if argv is None else argv)
    if only:
        return _run_gui(db)
    args = build_parser().parse_args(argv)
    return _run_gui(args.db)


def _run_gui(db: str | None) -> int:
    from dtbench.ui.kit.import_hook import restore_plain_import

    restore_plain_import()  # before the UI's modules load: see ui/kit/import_hook
    from dtbench.ui.app import run

    return run(db)


def main(argv: Sequence[str] | None = None) -> int:
    only, db = gui_only(sys.argv[1:] if argv is None else argv)
    args = None if only else build_parser().parse_args(argv)
    try:
        if args is None:
            return _run_gui(db)
        if args.command == "list":
            return cmd_list(args)
        if args.command == "guide":
            return cmd_guide(args)
        if args.command == "demo":
            return cmd_demo(args)
        if args.command == "summary":
            return cmd_summary(args)
        if args.command == "export":
            return cmd_export(args)
        for module in commands():
            result = module.run(args)
            if result is not None:
                return int(result)
        return _run_gui(args.db)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except UserError as exc:  # e.g. damage in the database found in the middle of a command
        sys.stderr.write(f"dtbench: {exc.message(translate)}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
