"""``dtbench team …``: a firm's server. ``init`` and ``add-consultant`` for the administrator
(the database's owner); ``members``, ``add-member`` and ``remove-member`` for an engagement's
lead (the server refuses them to the others). ``--db`` names the server:
``postgresql+psycopg://LOGIN@HOST/DATABASE``; the password comes from the keyring or a prompt."""

from __future__ import annotations

import argparse
import sys

from dtbench.cli.common import ENGAGEMENT_HELP, fail, open_store_or_fail, server_password, tr
from dtbench.errors import QT_TRANSLATE_NOOP
from dtbench.messages import translate

COMMAND = "team"


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``team`` and its sub-commands to the CLI."""
    parser = sub.add_parser(
        COMMAND,
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "set up a firm's team server and manage members")),
    )
    commands = parser.add_subparsers(dest="team_command", parser_class=type(parser))
    commands.required = True
    engagement_help = tr(ENGAGEMENT_HELP)
    login_help = tr(QT_TRANSLATE_NOOP("cli", "the consultant's login (PostgreSQL role)"))
    stdin_help = tr(
        QT_TRANSLATE_NOOP("cli", "read the new login's password from the first line of stdin")
    )
    p_init = commands.add_parser(
        "init",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli",
                "as the database's owner: create or update the schema, the consultants' role, "
                "their privileges and row-level security; make LOGIN the first lead",
            )
        ),
    )
    p_init.add_argument("--lead", required=True, metavar="LOGIN", help=login_help)
    p_init.add_argument(
        "--group",
        default="dtbench_consultant",
        metavar="ROLE",
        help=tr(QT_TRANSLATE_NOOP("cli", "the consultants' group role (default: %(default)s)")),
    )
    p_init.add_argument("--password-stdin", action="store_true", help=stdin_help)
    p_add = commands.add_parser(
        "add-consultant",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "as the database's owner: create a consultant's login (or set its password)"
            )
        ),
    )
    p_add.add_argument("login", help=login_help)
    p_add.add_argument("--password-stdin", action="store_true", help=stdin_help)
    p_members = commands.add_parser(
        "members",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "list an engagement's members and their roles")),
    )
    p_members.add_argument("id", help=engagement_help)
    p_member = commands.add_parser(
        "add-member",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP("cli", "as its lead: add a member to an engagement or change a role")
        ),
    )
    p_member.add_argument("id", help=engagement_help)
    p_member.add_argument("login", help=login_help)
    p_member.add_argument(
        "--role",
        default="member",
        help=tr(QT_TRANSLATE_NOOP("cli", "lead, member or reader (default: member)")),
    )
    p_remove = commands.add_parser(
        "remove-member",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "as its lead: take a member out of an engagement")),
    )
    p_remove.add_argument("id", help=engagement_help)
    p_remove.add_argument("login", help=login_help)


def _new_password(args: argparse.Namespace, login: str) -> str:
    """The new login's password: stdin's first line, or typed twice on the terminal."""
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin is not None and sys.stdin.isatty():
        import getpass

        ask = tr(QT_TRANSLATE_NOOP("cli", "New password for %1: ")).replace("%1", login)
        again = tr(QT_TRANSLATE_NOOP("cli", "The same password again: "))
        password = getpass.getpass(ask)
        if getpass.getpass(again) != password:
            fail(tr(QT_TRANSLATE_NOOP("cli", "The passwords differ; nothing was changed.")))
    else:
        fail(
            tr(
                QT_TRANSLATE_NOOP(
                    "cli", "No terminal to ask the password on: give it with --password-stdin."
                )
            )
        )
    if not password:
        fail(tr(QT_TRANSLATE_NOOP("cli", "The password is empty; nothing was changed.")))
    return password


def _server(args: argparse.Namespace) -> str:
    from dtbench.team.credentials import is_server

    if not is_server(args.db):
        from dtbench.team.server import NotAServerError

        fail(NotAServerError(args.db or "").message(translate))
    return str(args.db)


def run(args: argparse.Namespace) -> int | None:
    """Run the command when it is ``team``; None otherwise."""
    if getattr(args, "command", None) != COMMAND:
        return None
    from dtbench.errors import UserError
    from dtbench.team import members, server

    try:
        if args.team_command == "init":
            url = _server(args)
            result = server.init(
                url,
                args.lead,
                ask_password=lambda: _new_password(args, args.lead),
                group=args.group,
                password=server_password(url),
            )
            print(
                tr(
                    QT_TRANSLATE_NOOP(
                        "cli", "The team server is ready (schema %1); %2 is its first lead."
                    )
                )
                .replace("%1", result.revision)
                .replace("%2", result.lead)
            )
            return 0
        if args.team_command == "add-consultant":
            url = _server(args)
            server.checked_login(args.login)
            admin_password = server_password(url)
            created = server.add_consultant(
                url, args.login, _new_password(args, args.login), password=admin_password
            )
            done = (
                QT_TRANSLATE_NOOP("cli", "Login %1 created; it can connect now.")
                if created
                else QT_TRANSLATE_NOOP("cli", "The password of %1 was changed.")
            )
            print(tr(done).replace("%1", args.login))
            return 0
        _server(args)
        store = open_store_or_fail(args.db)
        try:
            if args.team_command == "members":
                for member in members.list_members(store, args.id):
                    print(f"{member.login}\t{member.role}")
            elif args.team_command == "add-member":
                members.set_member(store, args.id, args.login, args.role)
            elif args.team_command == "remove-member":
                members.remove_member(store, args.id, args.login)
        finally:
            store.close()
    except UserError as exc:
        fail(exc.message(translate))
    return 0
