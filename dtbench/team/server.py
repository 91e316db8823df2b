"""A firm's server on PostgreSQL: the schema, the consultants' group role, their privileges and
the row-level security that keeps each engagement's rows away from non-members.

Everything the server enforces is written here, in one place:

* ``ACCESS`` says, for every table, how a row reaches its engagement; the policies and guards
  are generated from it, and a test fails when a table of the schema is missing from it.
* Membership is read by SECURITY DEFINER functions (``dtbench_my_engagements()`` …): a policy
  on ``members`` that selected from ``members`` would recurse. Inside such a function
  ``current_user`` is the function's owner, so they ask for ``session_user``: the login the
  consultant connected with (``SET ROLE`` to a consultant is therefore no way to test them:
  log in as them).
* Per command: SELECT for every member (lead, member, reader); INSERT, UPDATE and DELETE for
  leads and members; membership for leads only. UPDATE policies let every member reach a
  row but check the new row against the writers (``WITH CHECK``), and a guard trigger does the
  same for DELETE: a reader's change is *refused with an error* (SQLSTATE 42501, which the
  store turns into a clear message) instead of silently changing nothing. For non-members the
  rows do not exist: their UPDATE and DELETE change nothing, their INSERT is refused.
* Clients belong to no engagement of their own: a client is seen by the members of its
  engagements. A consultant creating an engagement inserts its client first, before any
  engagement names it, so a client that no engagement names yet is seen (and may be changed)
  only by whoever saved it last (``updated_by``, stamped by dtbench with the login). The same
  rule lets the creator of a new engagement see it until its first lead is recorded: the lead is
  added by an AFTER INSERT trigger (SECURITY DEFINER), and PostgreSQL checks the SELECT policy
  on ``INSERT … RETURNING`` before that trigger runs.
* Evidence bytes (``evidence_blobs``) are shared by content: a blob is seen through the
  evidence that names it. Saving bytes already on the server (perhaps for another engagement,
  invisible to this consultant) is skipped by a trigger after checking that the bytes match
  their SHA-256, so nobody can plant other bytes under a hash they expect someone to upload.
  Consultants never delete blobs; an administrator may remove the ones no evidence names.
* ``alembic_version`` is readable by everyone (a consultant's dtbench compares it with its
  own) and written by the administrator only. ``presence`` rows are each consultant's own.

``init`` runs as the administrator (a role that owns the database and may create roles). It
is idempotent: run it again after upgrading dtbench to bring the schema, the grants and the
policies up to date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from dtbench.errors import QT_TRANSLATE_NOOP, UserError
from dtbench.store.models import MEMBER_ROLES

DEFAULT_GROUP = "dtbench_consultant"
# The function that names the group in a database set up by ``init`` (other commands read it).
GROUP_FUNCTION = "dtbench_group"


class TeamError(UserError):
    """A team-server operation the user can correct."""

    context = "TeamError"
    template = QT_TRANSLATE_NOOP("TeamError", "The team server refused this: %1")


class NotAServerError(TeamError):
    template = QT_TRANSLATE_NOOP(
        "TeamError",
        "%1 is not a PostgreSQL server: team commands need --db "
        "postgresql+psycopg://LOGIN@HOST/DATABASE.",
    )


class BadLoginError(TeamError):
    template = QT_TRANSLATE_NOOP(
        "TeamError",
        "“%1” cannot be a login: use letters, digits and _ only, starting with a letter (at "
        "most 63).",
    )


class BadRoleError(TeamError):
    template = QT_TRANSLATE_NOOP(
        "TeamError", "“%1” is not a role of an engagement: use lead, member or reader."
    )


class NotSetUpError(TeamError):
    template = QT_TRANSLATE_NOOP(
        "TeamError",
        "The database %1 is not set up as a team server yet: run “dtbench team init” first.",
    )


class NoSuchEngagementError(TeamError):
    template = QT_TRANSLATE_NOOP(
        "TeamError", "No engagement %1 that you can see on this server (a member sees it)."
    )


class NotAMemberError(TeamError):
    template = QT_TRANSLATE_NOOP("TeamError", "%1 is not a member of this engagement.")


class NotAdministratorError(TeamError):
    template = QT_TRANSLATE_NOOP(
        "TeamError",
        "The login %1 may not set up this server: log in as the database's owner (a role "
        "that may create roles).",
    )


class LastLeadError(TeamError):
    template = QT_TRANSLATE_NOOP(
        "TeamError",
        "%1 is the engagement's only lead: make someone else lead first, so that someone can "
        "still manage its members.",
    )


# How a row reaches its engagement, for every table of the schema. ``{row}`` stands for the
# row (the table's name in a policy, OLD or NEW in a trigger). Kinds:
#   engagement:  EXPR names the engagement id
#   members:     like engagement, but only leads write
#   client:      EXPR names the client id (clients, contacts)
#   blob:        evidence bytes, seen through the evidence that names them
#   presence:    each consultant's own row, seen by the members of its engagement
#   shared:      readable by all, written by the administrator only
#   benchmark:   anonymised figures, readable by all; written through the engagement's
#                benchmark link (whose rows only the engagement's writers reach)
#   library:     the firm's templates: every consultant reads and adds them; only the
#                consultant who saved a template (or the administrator) replaces or deletes
#                it, anyone else is refused with an error
_ROUND = "(SELECT r.engagement_id FROM assessment_rounds r WHERE r.id = {row}.round_id)"
# A laptop's own bookkeeping of an offline engagement names it by uuid (empty on a server).
_BY_UUID = "(SELECT e.id FROM engagements e WHERE e.uuid = {row}.engagement_uuid)"


@dataclass(frozen=True)
class Rule:
    kind: str
    expr: str = ""


ACCESS: dict[str, Rule] = {
    "clients": Rule("client", "{row}.id"),
    "contacts": Rule("client", "{row}.client_id"),
    "engagements": Rule("engagement", "{row}.id"),
    "clause_scopes": Rule("engagement", "{row}.engagement_id"),
    "assessment_rounds": Rule("engagement", "{row}.engagement_id"),
    "answers": Rule("engagement", _ROUND),
    "clause_assessments": Rule("engagement", _ROUND),
    "interview_answers": Rule("engagement", _ROUND),
    "evidence": Rule("engagement", _ROUND),
    "evidence_blobs": Rule("blob"),
    "plan_items": Rule("engagement", "{row}.engagement_id"),
    "plan_values": Rule("engagement", "{row}.engagement_id"),
    "members": Rule("members", "{row}.engagement_id"),
    "history": Rule("engagement", "{row}.engagement_id"),
    "presence": Rule("presence"),
    "sync_receipts": Rule("engagement", "{row}.engagement_id"),
    "offline_copies": Rule("engagement", _BY_UUID),
    "sync_base": Rule("engagement", _BY_UUID),
    "sync_journal": Rule("engagement", _BY_UUID),
    "benchmark_links": Rule("engagement", "{row}.engagement_id"),
    "benchmark_entries": Rule("benchmark"),
    "templates": Rule("library"),
    "alembic_version": Rule("shared"),
}

_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp"
_ORPHAN_CLIENTS = (
    "SELECT c.id FROM clients c WHERE c.updated_by = session_user "
    "AND NOT EXISTS (SELECT 1 FROM engagements e WHERE e.client_id = c.id)"
)

# The membership functions every policy uses (SECURITY DEFINER: they read ``members`` past
# its own policy).
FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION dtbench_my_engagements() RETURNS SETOF integer {_DEFINER} AS
$$ SELECT engagement_id FROM members WHERE login = session_user $$;

CREATE OR REPLACE FUNCTION dtbench_writable_engagements() RETURNS SETOF integer {_DEFINER} AS
$$ SELECT engagement_id FROM members WHERE login = session_user AND role IN ('lead', 'member') $$;

CREATE OR REPLACE FUNCTION dtbench_led_engagements() RETURNS SETOF integer {_DEFINER} AS
$$ SELECT engagement_id FROM members WHERE login = session_user AND role = 'lead' $$;

CREATE OR REPLACE FUNCTION dtbench_unclaimed(eid integer) RETURNS boolean {_DEFINER} AS
$$ SELECT NOT EXISTS (SELECT 1 FROM members WHERE engagement_id = eid) $$;

CREATE OR REPLACE FUNCTION dtbench_client_unclaimed(cid integer) RETURNS boolean {_DEFINER} AS
$$ SELECT NOT EXISTS (SELECT 1 FROM engagements WHERE client_id = cid) $$;

CREATE OR REPLACE FUNCTION dtbench_my_clients() RETURNS SETOF integer {_DEFINER} AS
$$ SELECT e.client_id FROM engagements e
   JOIN members m ON m.engagement_id = e.id AND m.login = session_user
   UNION {_ORPHAN_CLIENTS} $$;

CREATE OR REPLACE FUNCTION dtbench_writable_clients() RETURNS SETOF integer {_DEFINER} AS
$$ SELECT e.client_id FROM engagements e
   JOIN members m ON m.engagement_id = e.id AND m.login = session_user
        AND m.role IN ('lead', 'member')
   UNION {_ORPHAN_CLIENTS} $$;

-- May the login delete a row of this engagement? A row whose engagement is gone is part of
-- a cascade the parent's delete was already allowed (or refused) for.
CREATE OR REPLACE FUNCTION dtbench_may_write(eid integer, lead_only boolean)
RETURNS boolean {_DEFINER} AS
$$ SELECT eid IS NULL
       OR NOT EXISTS (SELECT 1 FROM engagements WHERE id = eid)
       OR EXISTS (SELECT 1 FROM members WHERE engagement_id = eid AND login = session_user
                  AND (role = 'lead' OR (role = 'member' AND NOT lead_only))) $$;

CREATE OR REPLACE FUNCTION dtbench_may_write_client(cid integer) RETURNS boolean {_DEFINER} AS
$$ SELECT cid IS NULL OR cid IN (SELECT dtbench_writable_clients())
       OR NOT EXISTS (SELECT 1 FROM clients WHERE id = cid) $$;

-- The engagement's creator becomes its lead.
CREATE OR REPLACE FUNCTION dtbench_lead_new_engagement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$ BEGIN
  INSERT INTO members (engagement_id, login, role) VALUES (NEW.id, session_user, 'lead')
  ON CONFLICT (engagement_id, login) DO NOTHING;
  RETURN NEW;
END $$;

-- Bytes already stored are not stored twice; bytes must match their hash.
CREATE OR REPLACE FUNCTION dtbench_blob_once() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$ BEGIN
  IF encode(sha256(NEW.data), 'hex') <> NEW.sha256 THEN
    RAISE EXCEPTION 'dtbench: the bytes do not match their SHA-256'
      USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM evidence_blobs WHERE sha256 = NEW.sha256) THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END $$;
"""

_FUNCTION_NAMES = (
    "dtbench_my_engagements()",
    "dtbench_writable_engagements()",
    "dtbench_led_engagements()",
    "dtbench_unclaimed(integer)",
    "dtbench_client_unclaimed(integer)",
    "dtbench_my_clients()",
    "dtbench_writable_clients()",
    "dtbench_may_write(integer, boolean)",
    "dtbench_may_write_client(integer)",
    f"{GROUP_FUNCTION}()",
)

_NAMED_BY_EVIDENCE = "(SELECT sha256 FROM evidence)"  # the evidence this login may see
_VISIBLE = "IN (SELECT dtbench_my_engagements())"
_WRITABLE = "IN (SELECT dtbench_writable_engagements())"
_LED = "IN (SELECT dtbench_led_engagements())"
# The login is the server's administrator: the database's owner (or a superuser).
_IS_ADMINISTRATOR = (
    "pg_has_role(session_user, (SELECT d.datdba FROM pg_database d "
    "WHERE d.datname = current_database()), 'MEMBER')"
)


def _policy(table: str, command: str, group: str, using: str = "", check: str = "") -> str:
    name = f"dtbench_{command.lower()}"
    parts = [f'CREATE POLICY {name} ON {table} FOR {command} TO "{group}"']
    if using:
        parts.append(f"USING ({using})")
    if check:
        parts.append(f"WITH CHECK ({check})")
    return " ".join(parts)


def _guard(table: str, condition: str, *, commands: str = "DELETE") -> list[str]:
    """A BEFORE ``commands`` trigger refusing (42501) when ``condition`` (on OLD) is false."""
    function = f"dtbench_guard_{table}"
    return [
        f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql
        SET search_path = public, pg_temp AS $$ BEGIN
          IF NOT ({condition}) THEN
            RAISE EXCEPTION 'dtbench: % may not change this engagement (%)', session_user,
              TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
          END IF;
          IF TG_OP = 'DELETE' THEN
            RETURN OLD;
          END IF;
          RETURN NEW;
        END $$""",
        f"DROP TRIGGER IF EXISTS dtbench_guard ON {table}",
        f"CREATE TRIGGER dtbench_guard BEFORE {commands} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]


def table_statements(table: str, rule: Rule, group: str) -> list[str]:
    """The policies (and guards) of one table, replacing any older ones."""
    statements = [
        f"DROP POLICY IF EXISTS {name} ON {table}"
        for name in ("dtbench_select", "dtbench_insert", "dtbench_update", "dtbench_delete")
    ]
    if rule.kind == "shared":
        return [
            f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY",
            f'REVOKE ALL ON {table} FROM "{group}"',
            f'GRANT SELECT ON {table} TO "{group}"',
        ]
    statements.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    row = rule.expr.format(row=table)
    old = rule.expr.format(row="OLD")
    if rule.kind in ("engagement", "members"):
        writers = _LED if rule.kind == "members" else _WRITABLE
        visible = f"{row} {_VISIBLE}"
        if table == "engagements":
            # Its creator sees it until its first lead is recorded (see the module's text).
            visible = f"({visible} OR (updated_by = session_user AND dtbench_unclaimed(id)))"
            insert_check = "client_id IN (SELECT dtbench_my_clients())"
            lead_only = "true"
        else:
            insert_check = f"{row} {writers}"
            lead_only = "true" if rule.kind == "members" else "false"
        statements += [
            _policy(table, "SELECT", group, using=visible),
            _policy(table, "INSERT", group, check=insert_check),
            _policy(table, "UPDATE", group, using=visible, check=f"{row} {writers}"),
            _policy(table, "DELETE", group, using=visible),
            *_guard(table, f"dtbench_may_write({old}, {lead_only})"),
        ]
    elif rule.kind == "client":
        visible = f"{row} IN (SELECT dtbench_my_clients())"
        if table == "clients":
            # The row itself, not only the function's query: INSERT … RETURNING checks this
            # before the new row is visible to any query.
            visible = f"({visible} OR (updated_by = session_user AND dtbench_client_unclaimed(id)))"
        writable = f"{row} IN (SELECT dtbench_writable_clients())"
        insert_check = "true" if table == "clients" else writable
        statements += [
            _policy(table, "SELECT", group, using=visible),
            _policy(table, "INSERT", group, check=insert_check),
            _policy(table, "UPDATE", group, using=visible, check=writable),
            _policy(table, "DELETE", group, using=visible),
            *_guard(table, f"dtbench_may_write_client({old})"),
        ]
    elif rule.kind == "blob":
        statements += [
            _policy(
                table, "SELECT", group, using=f"{table}.sha256 IN (SELECT sha256 FROM evidence)"
            ),
            _policy(table, "INSERT", group, check="true"),
            f"DROP TRIGGER IF EXISTS dtbench_blob_once ON {table}",
            f"CREATE TRIGGER dtbench_blob_once BEFORE INSERT ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION dtbench_blob_once()",
        ]
    elif rule.kind == "benchmark":
        linked = (
            f"{table}.token IN (SELECT l.token FROM benchmark_links l "
            f"WHERE l.engagement_id {_WRITABLE})"
        )
        statements += [
            _policy(table, "SELECT", group, using="true"),
            _policy(table, "INSERT", group, check=linked),
            _policy(table, "UPDATE", group, using=linked, check=linked),
            _policy(table, "DELETE", group, using=linked),
        ]
    elif rule.kind == "library":
        # Every consultant reaches a template's row, so that the guard can refuse replacing
        # or deleting one saved by somebody else with an error instead of changing nothing.
        statements += [
            _policy(table, "SELECT", group, using="true"),
            _policy(table, "INSERT", group, check="author = session_user"),
            _policy(table, "UPDATE", group, using="true", check="author = session_user"),
            _policy(table, "DELETE", group, using="true"),
            *_guard(
                table,
                f"OLD.author = session_user OR {_IS_ADMINISTRATOR}",
                commands="UPDATE OR DELETE",
            ),
        ]
    elif rule.kind == "presence":
        own = "login = session_user"
        seen = f"engagement_id IS NULL OR engagement_id {_VISIBLE}"
        statements += [
            _policy(table, "SELECT", group, using=f"{own} OR engagement_id {_VISIBLE}"),
            _policy(table, "INSERT", group, check=f"{own} AND ({seen})"),
            _policy(table, "UPDATE", group, using=own, check=f"{own} AND ({seen})"),
            _policy(table, "DELETE", group, using=own),
        ]
    else:
        raise ValueError(f"unknown access rule {rule.kind} for {table}")
    return statements


def access_statements(group: str) -> list[str]:
    """Every statement that sets up (or brings up to date) the server's access rules."""
    statements = [FUNCTIONS]
    statements.append(
        f"CREATE OR REPLACE FUNCTION {GROUP_FUNCTION}() RETURNS text LANGUAGE sql IMMUTABLE "
        f"AS $$ SELECT '{group}'::text $$"
    )
    for function in _FUNCTION_NAMES:
        statements.append(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        statements.append(f'GRANT EXECUTE ON FUNCTION {function} TO "{group}"')
    statements += [
        f'GRANT USAGE ON SCHEMA public TO "{group}"',
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{group}"',
        f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{group}"',
        "DROP TRIGGER IF EXISTS dtbench_lead ON engagements",
        "CREATE TRIGGER dtbench_lead AFTER INSERT ON engagements "
        "FOR EACH ROW EXECUTE FUNCTION dtbench_lead_new_engagement()",
    ]
    for table, rule in ACCESS.items():
        statements += table_statements(table, rule, group)
    return statements


_LOGIN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,62}$")


def checked_login(login: str) -> str:
    """A role name safe to write into DDL (quoted, but never with a quote inside)."""
    if not _LOGIN.match(login):
        raise BadLoginError(login)
    return login


def checked_role(role: str) -> str:
    if role not in MEMBER_ROLES:
        raise BadRoleError(role)
    return role


def _server_engine(url: str, password: str | None = None) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise NotAServerError(parsed.render_as_string(hide_password=True))
    if password is not None:
        parsed = parsed.set(password=password)
    return create_engine(parsed)


def _role_exists(conn: Connection, name: str) -> bool:
    return bool(conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}))


def _create_role(conn: Connection, name: str, *, login: bool, password: str | None = None) -> None:
    """Create a role unless it exists; another administrator racing us is no error."""
    if _role_exists(conn, name):
        return
    kind = "LOGIN" if login else "NOLOGIN"
    conn.execute(text("SAVEPOINT dtbench_role"))
    try:
        conn.execute(text(f'CREATE ROLE "{name}" {kind}'))
    except DBAPIError as exc:
        conn.execute(text("ROLLBACK TO SAVEPOINT dtbench_role"))
        if getattr(exc.orig, "sqlstate", None) != "42710":  # duplicate_object
            raise
    if password is not None:
        _set_password(conn, name, password)


def _set_password(conn: Connection, name: str, password: str) -> None:
    # ALTER ROLE takes no bind parameters: quote the literal with the server's own function.
    literal = conn.scalar(text("SELECT quote_literal(:p)"), {"p": password})
    conn.execute(text(f'ALTER ROLE "{name}" LOGIN PASSWORD {literal}'))


@dataclass(frozen=True)
class InitResult:
    revision: str
    group: str
    lead: str
    created_lead: bool


def init(
    url: str,
    lead: str,
    *,
    ask_password: Callable[[], str] | None = None,
    group: str = DEFAULT_GROUP,
    password: str | None = None,
) -> InitResult:
    """Set up (or bring up to date) the firm's server at ``url`` (the administrator's login;
    ``password`` is its password when the URL has none).

    Migrates the schema, creates the group role and ``lead``'s login (asking
    ``ask_password`` for its password when it is new), grants, enables row-level security
    and writes the policies; ``lead`` joins the group and becomes lead of every engagement
    that has no lead yet.
    """
    from dtbench.store import open_store
    from dtbench.store.migrate import current_revision

    checked_login(lead)
    checked_login(group)
    _server_engine(url).dispose()
    store = open_store(url, administer=True, password=password)
    try:
        with store.engine.begin() as conn:
            if not _may_administer(conn):
                raise NotAdministratorError(store.author)
            # One administrator at a time (a second init waits, then finds it all done).
            conn.execute(text("SELECT pg_advisory_xact_lock(734213)"))
            _create_role(conn, group, login=False)
            created = not _role_exists(conn, lead)
            if created:
                lead_password = ask_password() if ask_password is not None else None
                _create_role(conn, lead, login=True, password=lead_password)
            conn.execute(text(f'GRANT "{group}" TO "{lead}"'))
            for statement in access_statements(group):
                conn.execute(text(statement))
            # Engagements already on the server (e.g. migrated from a laptop) get their lead.
            conn.execute(
                text(
                    "INSERT INTO members (engagement_id, login, role) "
                    "SELECT e.id, :lead, 'lead' FROM engagements e WHERE NOT EXISTS "
                    "(SELECT 1 FROM members m WHERE m.engagement_id = e.id AND m.role = 'lead') "
                    "ON CONFLICT (engagement_id, login) DO UPDATE SET role = 'lead'"
                ),
                {"lead": lead},
            )
            revision = current_revision(conn) or ""
    finally:
        store.close()
    return InitResult(revision=revision, group=group, lead=lead, created_lead=created)


def _may_administer(conn: Connection) -> bool:
    return bool(
        conn.scalar(
            text(
                "SELECT r.rolsuper OR (pg_has_role(current_user, d.datdba, 'MEMBER') "
                "AND (r.rolcreaterole OR r.rolsuper)) "
                "FROM pg_roles r, pg_database d "
                "WHERE r.rolname = current_user AND d.datname = current_database()"
            )
        )
    )


def group_of(conn: Connection) -> str:
    """The consultants' group of a database set up by ``init``."""
    exists = conn.scalar(text(f"SELECT to_regprocedure('{GROUP_FUNCTION}()') IS NOT NULL"))
    if not exists:
        raise NotSetUpError(conn.engine.url.database or "")
    return str(conn.scalar(text(f"SELECT {GROUP_FUNCTION}()")))


@contextmanager
def _admin_connection(url: str, password: str | None) -> Iterator[Connection]:
    engine = _server_engine(url, password)
    try:
        with _connected(engine) as conn:
            if not _may_administer(conn):
                raise NotAdministratorError(engine.url.username or "")
            yield conn
    finally:
        engine.dispose()


@contextmanager
def _connected(engine: Engine) -> Iterator[Connection]:
    """A transaction on the server; a failed connection said as the store says it."""
    from sqlalchemy.exc import OperationalError

    from dtbench.store.database import connection_error

    try:
        conn = engine.connect()
    except OperationalError as exc:
        error = connection_error(exc, str(engine.url))
        if error is not None:
            raise error from exc
        raise
    with conn, conn.begin():
        yield conn


def add_consultant(url: str, login: str, new_password: str, *, password: str | None = None) -> bool:
    """Create ``login`` (or set its password) and put it in the consultants' group; True when
    the role is new. ``password`` is the administrator's when the URL has none."""
    checked_login(login)
    with _admin_connection(url, password) as conn:
        group = group_of(conn)
        created = not _role_exists(conn, login)
        _create_role(conn, login, login=True, password=new_password)
        if not created:
            _set_password(conn, login, new_password)
        conn.execute(text(f'GRANT "{group}" TO "{login}"'))
    return created
