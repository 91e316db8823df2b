"""``dtbench questionnaire export ID FILE`` and ``dtbench questionnaire import ID FILE``.

Import without ``--apply`` only previews: one line per item that would change, and nothing
is written.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from dtbench.cli.common import add_engagement, engagement, tr
from dtbench.errors import QT_TRANSLATE_NOOP
from dtbench.messages import system_language

if TYPE_CHECKING:
    from dtbench.questionnaire.workbook import Change

COMMAND = "questionnaire"
NOTE_PREVIEW = 60  # characters of a note shown in a preview line


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``questionnaire export`` and ``questionnaire import`` to the CLI."""
    parser = sub.add_parser(
        COMMAND,
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "export a client self-assessment workbook, or import a filled one"
            )
        ),
    )
    actions = parser.add_subparsers(dest="questionnaire_command", metavar="{export,import}")
    actions.required = True
    p_export = actions.add_parser(
        "export",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "write the questionnaire (.xlsx) of the in-scope clauses of the latest round"
            )
        ),
    )
    add_engagement(p_export)
    p_export.add_argument(
        "file", metavar="FILE", help=tr(QT_TRANSLATE_NOOP("cli", "the workbook to write"))
    )
    p_export.add_argument(
        "--lang",
        choices=("zh", "en"),
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "language of the workbook (default: the engagement's language)"
            )
        ),
    )
    p_export.add_argument(
        "--blank",
        action="store_true",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "leave the answers empty instead of filling in the recorded ones"
            )
        ),
    )
    p_import = actions.add_parser(
        "import",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "show what a filled questionnaire would change, and apply it with --apply"
            )
        ),
    )
    add_engagement(p_import)
    p_import.add_argument(
        "file", metavar="FILE", help=tr(QT_TRANSLATE_NOOP("cli", "the filled-in workbook"))
    )
    p_import.add_argument(
        "--apply",
        action="store_true",
        help=tr(QT_TRANSLATE_NOOP("cli", "apply every change (without it nothing is changed)")),
    )


def run(args: argparse.Namespace) -> int | None:
    """Run the command when it is ``questionnaire``; None otherwise."""
    if getattr(args, "command", None) != COMMAND:
        return None
    if args.questionnaire_command == "export":
        return _export(args)
    return _import(args)


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NOTE_PREVIEW else text[: NOTE_PREVIEW - 1] + "…"


def change_line(change: Change, lang: str) -> str:
    """``key  current → proposed`` status (the status alone when only the note changes),
    then the note's change when it changes."""
    from dtbench.questionnaire.workbook import status_label

    before = status_label(change.current.status, lang)
    after = status_label(change.proposed.status, lang)
    line = (
        f"{change.key}  {before} → {after}" if change.status_changed else f"{change.key}  {before}"
    )
    if change.note_changed:
        label = tr(QT_TRANSLATE_NOOP("cli", "note"))
        old = f"“{_shorten(change.current.note)}”" if change.current.note else "—"
        line += f"  {label}: {old} → “{_shorten(change.proposed.note)}”"
    return line


def _export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from dtbench.questionnaire.workbook import export_questionnaire

    with engagement(args) as (store, uuid):
        path = export_questionnaire(
            store, uuid, Path(args.file), lang=args.lang, prefill=not args.blank
        )
    print(path)
    return 0


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from dtbench.questionnaire.workbook import apply, compare, read_questionnaire, target_round

    lang = system_language()
    with engagement(args) as (store, uuid):
        questionnaire = read_questionnaire(Path(args.file))
        rnd = target_round(store, uuid, questionnaire)
        changes = compare(store, rnd.uuid, questionnaire)
        if changes and args.apply:
            apply(store, rnd.uuid, changes)
    round_name = f"{rnd.number} “{rnd.name}”"
    if not changes:
        print(
            tr(QT_TRANSLATE_NOOP("cli", "The questionnaire changes nothing in round %1.")).replace(
                "%1", round_name
            )
        )
        return 0
    for change in changes:
        print(change_line(change, lang))
    if args.apply:
        done = tr(QT_TRANSLATE_NOOP("cli", "Applied %1 change(s) to round %2."))
    else:
        done = tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "%1 change(s) to round %2 proposed; nothing was changed. Run again with "
                "--apply to apply them.",
            )
        )
    print(done.replace("%1", str(len(changes))).replace("%2", round_name))
    return 0
