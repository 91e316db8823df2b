"""Command line: ``dtbench template save|list|import|export|delete`` and ``dtbench new``.

``register`` adds the sub-commands to the main parser; ``run`` carries them out (None when
the command is not one of these).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from dtbench.cli.common import fail, open_store_or_fail, tr
from dtbench.errors import QT_TRANSLATE_NOOP


def _plan_start(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr(QT_TRANSLATE_NOOP("cli", "give the date as YYYY-MM-DD"))
        ) from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from dtbench.templates.parts import PARTS

    p_template = sub.add_parser(
        "template",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "save, list, import and export engagement templates")),
    )
    actions = p_template.add_subparsers(
        dest="template_command", metavar="ACTION", parser_class=type(p_template)
    )
    actions.required = True
    p_save = actions.add_parser(
        "save",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "save an engagement as a template, without the client")),
    )
    p_save.add_argument(
        "id", help=tr(QT_TRANSLATE_NOOP("cli", "engagement id (or the start of it)"))
    )
    p_save.add_argument("name", help=tr(QT_TRANSLATE_NOOP("cli", "name of the template")))
    p_save.add_argument(
        "--parts",
        metavar="LIST",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "comma-separated parts to keep: %1, or all, plan, org_culture "
                "(default: all but strategy and notes)",
            )
        ).replace("%1", ", ".join(PARTS)),
    )
    p_save.add_argument(
        "--description",
        default="",
        metavar="TEXT",
        help=tr(QT_TRANSLATE_NOOP("cli", "what the template is for")),
    )
    p_save.add_argument(
        "--replace",
        action="store_true",
        help=tr(QT_TRANSLATE_NOOP("cli", "replace a template of the same name")),
    )
    p_save.add_argument(
        "--firm",
        action="store_true",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "save it to the firm's library in the database (on a firm's server)"
            )
        ),
    )
    p_list = actions.add_parser(
        "list",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "list the built-in and saved templates")),
    )
    p_list.add_argument(
        "--json", action="store_true", help=tr(QT_TRANSLATE_NOOP("cli", "print JSON"))
    )
    p_list.add_argument(
        "--lang", choices=("zh", "en"), help=tr(QT_TRANSLATE_NOOP("cli", "language of the output"))
    )
    p_import = actions.add_parser(
        "import",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "add a template file (.dtbt) to the library")),
    )
    p_import.add_argument("file", help=tr(QT_TRANSLATE_NOOP("cli", "the template file")))
    p_import.add_argument(
        "--replace",
        action="store_true",
        help=tr(QT_TRANSLATE_NOOP("cli", "replace a template of the same name")),
    )
    p_export = actions.add_parser(
        "export",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "write a template to a file to hand on")),
    )
    p_export.add_argument(
        "name", help=tr(QT_TRANSLATE_NOOP("cli", "template name or key (see template list)"))
    )
    p_export.add_argument("file", help=tr(QT_TRANSLATE_NOOP("cli", "the .dtbt file to write")))
    p_delete = actions.add_parser(
        "delete",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "delete a saved template")),
    )
    p_delete.add_argument(
        "name", help=tr(QT_TRANSLATE_NOOP("cli", "template name or key (see template list)"))
    )
    p_delete.add_argument(
        "--firm",
        action="store_true",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "delete it from the firm's library in the database, for everyone (only the "
                "consultant who saved it or the administrator may)",
            )
        ),
    )

    p_new = sub.add_parser(
        "new",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "create an engagement (from a template if given) and print its id"
            )
        ),
    )
    p_new.add_argument(
        "--template",
        metavar="NAME",
        help=tr(QT_TRANSLATE_NOOP("cli", "template name, key or .dtbt file")),
    )
    p_new.add_argument(
        "--client",
        required=True,
        metavar="NAME",
        help=tr(QT_TRANSLATE_NOOP("cli", "the client's name")),
    )
    p_new.add_argument(
        "--title",
        default="",
        help=tr(QT_TRANSLATE_NOOP("cli", "title of the engagement")),
    )
    p_new.add_argument(
        "--lang",
        choices=("zh", "en"),
        help=tr(QT_TRANSLATE_NOOP("cli", "language of the deliverables (default: the system's)")),
    )
    p_new.add_argument(
        "--start",
        type=_plan_start,
        metavar="YYYY-MM-DD",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "start of the template's plan (default: the first day of next month)"
            )
        ),
    )


def run(args: argparse.Namespace) -> int | None:
    """Carry out ``template …`` or ``new``; None for any other command."""
    command = getattr(args, "command", None)
    if command not in ("template", "new"):
        return None
    from dtbench.engagement.errors import NotFoundError
    from dtbench.errors import UserError
    from dtbench.messages import translate

    try:
        if command == "new":
            return _new(args)
        return _template(args)
    except UserError as exc:
        fail(exc.message(translate))
    except NotFoundError as exc:
        fail(translate("DiagnosisError", "No engagement has the id %1.").replace("%1", str(exc)))


def _template(args: argparse.Namespace) -> int:
    from dtbench.templates import library

    action = args.template_command
    if action == "list":
        return _list(args)
    if action == "save":
        parts = library.expand_parts(args.parts.split(",")) if args.parts else library.DEFAULT_PARTS
        with _opened(args) as store:
            from dtbench.reports.summary import find_engagement

            uuid = find_engagement(store, args.id)[0]
            if args.firm:
                path = library.save_firm_template(
                    store, uuid, args.name, parts, args.description, replace=args.replace
                ).path
            else:
                path = library.save_template(
                    store, uuid, args.name, parts, args.description, replace=args.replace
                )
        print(path)
        return 0
    if action == "import":
        template = library.import_template(Path(args.file), replace=args.replace)
        print(template.path)
        return 0
    if action == "export":
        print(library.export_template(library.find_template(args.name), Path(args.file)))
        return 0
    if action == "delete":
        if args.firm:  # only the firm's library: never a file of the same name here
            with _opened(args) as store:
                template = library.find_firm_template(store, args.name)
                library.delete_firm_template(store, template)
            print(template.path)
            return 0
        template = library.find_template(args.name)
        library.delete_template(template)
        print(template.path)
        return 0
    raise AssertionError(action)


def _list(args: argparse.Namespace) -> int:
    from dtbench.messages import system_language, translate
    from dtbench.paths import DB_ENV
    from dtbench.team.credentials import is_server
    from dtbench.templates import library

    problems: list[library.TemplateError] = []
    named = getattr(args, "db", None) or os.environ.get(DB_ENV)
    if getattr(args, "db", None) or is_server(named):  # its firm library is listed too
        with _opened(args) as store:
            templates = library.list_templates(problems, store)
    else:
        templates = library.list_templates(problems)
    for problem in problems:
        sys.stderr.write(f"dtbench: {problem.message(translate)}\n")
    if args.json:
        data: list[dict[str, Any]] = [
            {
                "key": t.key,
                "builtin": t.builtin,
                "firm": t.firm,
                "name": {"zh": t.name.zh, "en": t.name.en},
                "description": {"zh": t.description.zh, "en": t.description.en},
                "industry": {"zh": t.industry.zh, "en": t.industry.en},
                "path": str(t.path),
                "contents": t.contents().to_dict(),
            }
            for t in templates
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    lang = args.lang or system_language()
    builtin = tr(QT_TRANSLATE_NOOP("cli", "built-in"))
    saved = tr(QT_TRANSLATE_NOOP("cli", "saved"))
    firm = tr(QT_TRANSLATE_NOOP("cli", "firm library"))
    width = max((len(t.key) for t in templates), default=0)
    for t in templates:
        kind = builtin if t.builtin else firm if t.firm else saved
        industry = t.industry.get(lang)
        line = f"{t.key:<{width}}  [{kind}]  {t.title(lang)}"
        print(f"{line} — {industry}" if industry else line)
    if not templates:
        print(tr(QT_TRANSLATE_NOOP("cli", "No templates.")))
    return 0


def _new(args: argparse.Namespace) -> int:
    from dtbench.engagement import service as engagements
    from dtbench.messages import system_language
    from dtbench.templates import library

    lang = args.lang or system_language()
    template = None
    if args.template:
        try:
            template = library.find_template(args.template)
        except library.TemplateNotFoundError:  # perhaps in the firm's library
            with _opened(args) as store:
                template = library.find_template(args.template, store)
    with _opened(args, create=True) as store:
        if template is not None:
            uuid = library.create_from_template(
                store, template, args.client, args.title, lang, plan_start=args.start
            )
        else:
            if not args.client.strip():
                raise library.ClientNameError()
            title = args.title.strip() or library.DEFAULT_TITLE.get(lang)
            uuid = engagements.create_engagement(
                store, client_name=args.client, title=title, language=lang
            ).uuid
    print(uuid)
    return 0


class _opened:
    """The store of ``--db``, closed on leaving."""

    def __init__(self, args: argparse.Namespace, *, create: bool = False) -> None:
        self.store = open_store_or_fail(getattr(args, "db", None), create=create)

    def __enter__(self) -> Any:
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store.close()
