"""``dtbench package export ID FILE`` and ``dtbench package import FILE [--replace|--keep-both]``.

``register`` adds the sub-commands to the CLI's parser; ``run`` runs them (None when the
command is another one). Errors are one translated line and exit code 2, as everywhere in
the CLI; an import that finds the engagement already there does nothing until told
``--replace`` or ``--keep-both``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dtbench.cli.common import add_engagement, fail, open_store_or_fail, tr
from dtbench.errors import QT_TRANSLATE_NOOP
from dtbench.messages import translate

COMMAND = "package"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        COMMAND,
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "carry an engagement to another computer as one file")),
    )
    inner = parser.add_subparsers(dest="package_command", metavar="{export,import}")
    inner.required = True
    p_export = inner.add_parser(
        "export",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "write an engagement with everything in it to an engagement file (.dtbx)"
            )
        ),
    )
    add_engagement(p_export)
    p_export.add_argument(
        "file", help=tr(QT_TRANSLATE_NOOP("cli", "the engagement file (.dtbx) to write"))
    )
    p_import = inner.add_parser(
        "import",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "import an engagement from an engagement file (.dtbx)")),
    )
    p_import.add_argument(
        "file", help=tr(QT_TRANSLATE_NOOP("cli", "the engagement file (.dtbx) to read"))
    )
    choice = p_import.add_mutually_exclusive_group()
    choice.add_argument(
        "--replace",
        action="store_true",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "if the engagement is already in the database, replace it with the file's"
            )
        ),
    )
    choice.add_argument(
        "--keep-both",
        action="store_true",
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "if the engagement is already in the database, import the file's as a copy "
                "with new ids",
            )
        ),
    )


def run(args: argparse.Namespace) -> int | None:
    if getattr(args, "command", None) != COMMAND:
        return None
    from dtbench.errors import UserError
    from dtbench.transfer.package import (
        Decision,
        EngagementExistsError,
        export_package,
        import_package,
    )

    store = open_store_or_fail(args.db, create=args.package_command == "import")
    try:
        if args.package_command == "export":
            print(export_package(store, args.id, Path(args.file)))
            return 0
        decision: Decision | None = (
            "replace" if args.replace else "keep_both" if args.keep_both else None
        )
        try:
            result = import_package(store, Path(args.file), decision)
        except EngagementExistsError as exc:
            fail(
                tr(
                    QT_TRANSLATE_NOOP(
                        "cli",
                        "The engagement “%1” is already in this database: add --replace to "
                        "replace it, or --keep-both to import it as a copy. Nothing was "
                        "imported.",
                    )
                ).replace("%1", exc.detail)
            )
        print(result.uuid)
        return 0
    except UserError as exc:
        fail(exc.message(translate))
    finally:
        store.close()
