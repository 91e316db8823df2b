"""Who may see what on a firm's server: ``dtbench team init``, row-level security per table,
membership (lead, member, reader), passwords from the keyring, the CLI's team commands.

All but the first test need the real PostgreSQL server (tests/pg.py); every role and database
they make is unique and dropped afterwards.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from dtbench.store import Store
from dtbench.store.models import (
    Base,
    HistoryEntry,
    OfflineCopy,
    Presence,
    SyncBase,
    SyncJournal,
    SyncReceipt,
)
from dtbench.team import server
from tests import pg

PASSWORD = "secret-pw"
SHARED = {name for name, rule in server.ACCESS.items() if rule.kind == "shared"}
# The firm's own tables: anonymised benchmark figures and the template library, for everyone.
FIRM_WIDE = {n for n, rule in server.ACCESS.items() if rule.kind in ("benchmark", "library")}


def test_every_table_has_an_access_rule() -> None:
    """A table added to the schema without saying how it reaches its engagement fails here
    (and would otherwise be readable by every consultant of the firm)."""
    tables = set(Base.metadata.tables)
    assert tables - set(server.ACCESS) == set(), "add these tables to server.ACCESS"
    assert set(server.ACCESS) - tables == {"alembic_version"}
    # Only the schema's revision is shared by everyone, read-only; the firm's anonymised
    # benchmark figures and its template library are read by every consultant.
    assert {"alembic_version"} == SHARED
    assert {"benchmark_entries", "templates"} == FIRM_WIDE
    for table, rule in server.ACCESS.items():
        assert server.table_statements(table, rule, "g"), table


class FakeKeyring:
    """An in-memory keyring backend: the tests never touch the OS keyring."""

    priority = 1

    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def fake_keyring() -> Iterator[FakeKeyring]:
    import keyring
    from keyring.backend import KeyringBackend

    class Backend(FakeKeyring, KeyringBackend):  # type: ignore[misc]
        pass

    previous = keyring.get_keyring()
    backend = Backend()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@dataclass
class Team:
    """A team server for one test: its database, group, lead and three more consultants."""

    admin_url: str
    database: str
    group: str
    lead: str
    a: str  # consultant A
    b: str  # consultant B
    reader: str

    def url(self, login: str, password: str | None = PASSWORD) -> str:
        """The server as ``login`` sees it; without a password when ``password`` is None."""
        from dtbench.team.credentials import without_password

        url = pg.url_for(self.database, user=login, password=password or "")
        return url if password else without_password(url)

    def open(self, login: str) -> Store:
        from dtbench.store import open_store

        return open_store(self.url(login))


@pytest.fixture
def team() -> Iterator[Team]:
    pg.require_server()
    with ExitStack() as stack:
        group = stack.enter_context(pg.role("grp"))
        lead = stack.enter_context(pg.role("lead"))
        a = stack.enter_context(pg.role("cona"))
        b = stack.enter_context(pg.role("conb"))
        reader = stack.enter_context(pg.role("read"))
        admin_url = stack.enter_context(pg.database())
        server.init(admin_url, lead, group=group)
        for login in (a, b, reader):
            server.add_consultant(admin_url, login, PASSWORD)
        database = make_url(admin_url).database
        assert database
        yield Team(admin_url, database, group, lead, a, b, reader)


def _fill(store: Store, title: str, tmp_path: Path) -> str:
    """An engagement with a row in every table (the sample, a file of evidence, a history
    entry and the author's presence); its id."""
    from dtbench.diagnosis.service import add_evidence, list_rounds
    from dtbench.engagement.service import list_engagements
    from dtbench.sample import create_demo

    uuid = create_demo(store, "en")
    store_rows = {r.uuid: r for r in list_engagements(store)}
    assert uuid in store_rows
    first = list_rounds(store, uuid)[0]
    proof = tmp_path / f"{title}.txt"
    proof.write_text(f"minutes of {title}", encoding="utf-8")
    add_evidence(store, first.uuid, "5.2", proof)
    with store.session() as s:
        from dtbench.store.models import Engagement

        eid = s.query(Engagement.id).filter(Engagement.uuid == uuid).scalar()
        s.add(
            HistoryEntry(
                engagement_id=eid, author=store.author, kind="answer", record="x", field="status"
            )
        )
        s.add(Presence(login=store.author, engagement_id=eid, step="diagnosis"))
        # The offline bookkeeping (a laptop's, but the tables exist on the server too).
        s.add(OfflineCopy(engagement_uuid=uuid, server_url="postgresql+psycopg://x@h/d"))
        s.add(SyncBase(engagement_uuid=uuid, record="r", fields="{}"))
        s.add(SyncJournal(engagement_uuid=uuid, sync_id=str(uuid4()), payload="{}"))
        s.add(SyncReceipt(sync_id=str(uuid4()), engagement_id=eid, author=store.author))
    from dtbench.team import benchmark

    benchmark.set_opt_in(store, uuid, True)  # its anonymised figures, linked to it
    assert benchmark.refresh(store, uuid)
    return uuid


def run(*args: str) -> int:
    """``dtbench args…``: its exit code (a one-line error exits with 2)."""
    from dtbench.cli import main

    try:
        return main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)


def _rows(store: Store, table: str) -> set[tuple[object, ...]]:
    primary = [c.name for c in Base.metadata.tables[table].primary_key.columns]
    with store.engine.connect() as conn:
        keys = ", ".join(primary)
        return {tuple(r) for r in conn.execute(text(f"SELECT {keys} FROM {table}"))}


def test_init_on_an_empty_database_then_again(team: Team) -> None:
    """init creates the schema and turns on row-level security with policies on every
    table; run again (as after an upgrade), it brings everything up to date without error."""
    with pg.database(migrated=False) as url:
        first = server.init(url, team.lead, group=team.group)
        again = server.init(url, team.lead, group=team.group)
        assert first.revision == again.revision != ""
        with create_engine(url).connect() as conn:
            protected = dict(
                conn.execute(
                    text("SELECT relname, relrowsecurity FROM pg_class WHERE relkind = 'r'")
                ).all()
            )
            policies = {
                (t, p)
                for t, p in conn.execute(text("SELECT tablename, policyname FROM pg_policies"))
            }
            tables = set(inspect(conn).get_table_names())
    assert tables == set(server.ACCESS)
    for table in tables - SHARED:
        assert protected[table], f"{table} has no row-level security"
        assert (table, "dtbench_select") in policies, table


def test_only_the_administrator_sets_up_the_server(team: Team) -> None:
    with pytest.raises(server.NotAdministratorError):
        server.init(team.url(team.a), team.a, group=team.group)


def test_members_see_only_their_engagements_rows(team: Team, tmp_path: Path) -> None:
    """A sees every row of their engagement and nothing of B's, in every table (a new table
    is covered without changing this test); what A cannot see A cannot change."""
    from dtbench.team.members import set_member

    lead = team.open(team.lead)
    e1 = _fill(lead, "one", tmp_path)
    set_member(lead, e1, team.a, "member")
    b = team.open(team.b)
    _fill(b, "two", tmp_path)  # B's own engagement: B is its lead
    a = team.open(team.a)
    with a.session() as s:  # A's presence in A's engagement
        from dtbench.store.models import Engagement

        eid = s.query(Engagement.id).filter(Engagement.uuid == e1).scalar()
        s.add(Presence(login=team.a, engagement_id=eid))
    admin = create_engine(team.admin_url)
    try:
        for table in sorted(set(Base.metadata.tables) - SHARED - FIRM_WIDE):
            seen_by_a = _rows(a, table)
            seen_by_b = _rows(b, table)
            with admin.connect() as conn:
                primary = [c.name for c in Base.metadata.tables[table].primary_key.columns]
                everything = {
                    tuple(r)
                    for r in conn.execute(text(f"SELECT {', '.join(primary)} FROM {table}"))
                }
            assert seen_by_a, f"A sees nothing in {table}: fill it in _fill"
            assert seen_by_b, f"B sees nothing in {table}: fill it in _fill"
            assert not seen_by_a & seen_by_b, f"{table}: rows seen by both"
            assert seen_by_a | seen_by_b == everything, table
            # What A does not see, A changes and deletes nothing of.
            key = primary[0]
            with a.engine.begin() as conn:
                for row in seen_by_b:
                    where = text(f"UPDATE {table} SET {key} = {key} WHERE {key} = :k")
                    assert conn.execute(where, {"k": row[0]}).rowcount == 0, table
                    gone = text(f"DELETE FROM {table} WHERE {key} = :k")
                    assert conn.execute(gone, {"k": row[0]}).rowcount == 0, table
            assert _rows(b, table) == seen_by_b, table
        # Nor can A slip an answer into B's round.
        with admin.connect() as conn:
            b_round = conn.scalar(
                text(
                    "SELECT r.id FROM assessment_rounds r JOIN members m ON "
                    "m.engagement_id = r.engagement_id WHERE m.login = :b"
                ),
                {"b": team.b},
            )
        with pytest.raises(DBAPIError) as refused, a.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO answers (round_id, key, status, note) "
                    "VALUES (:r, '5.2.d', 'met', '')"
                ),
                {"r": b_round},
            )
        assert getattr(refused.value.orig, "sqlstate", None) == "42501"
        # The firm benchmark's anonymised figures: A reads B's too, but changes none of them.
        with a.engine.begin() as conn:
            assert conn.scalar(text("SELECT count(*) FROM benchmark_entries")) == 2
            theirs = "token NOT IN (SELECT token FROM benchmark_links)"
            changed = conn.execute(
                text(f"UPDATE benchmark_entries SET industry = 'x' WHERE {theirs}")
            )
            assert changed.rowcount == 0
            assert conn.execute(text(f"DELETE FROM benchmark_entries WHERE {theirs}")).rowcount == 0
    finally:
        admin.dispose()
        for store in (lead, a, b):
            store.close()


def test_a_non_member_sees_no_engagement(team: Team, tmp_path: Path, fake_keyring, capsys) -> None:
    """Through the services and through ``dtbench list --db`` (its password from the
    keyring: the URL has none), a consultant outside every engagement lists nothing."""
    from dtbench.engagement.service import list_engagements
    from dtbench.team.credentials import remember_password

    lead = team.open(team.lead)
    _fill(lead, "one", tmp_path)
    outsider = team.open(team.reader)
    assert list_engagements(outsider) == []
    assert list_engagements(lead) != []
    url = team.url(team.reader, password=None)
    assert ":" + PASSWORD not in url
    remember_password(url, PASSWORD)
    assert run("list", "--db", url, "--json") == 0
    assert capsys.readouterr().out.strip() == "[]"
    assert run("list", "--db", team.url(team.lead, password=None)) == 2  # nothing kept
    lead.close()
    outsider.close()


def test_a_reader_reads_but_cannot_write(team: Team, tmp_path: Path) -> None:
    from dtbench.diagnosis.service import delete_round, list_rounds, load_round, set_answer
    from dtbench.messages import translate
    from dtbench.store.errors import NotAllowedError
    from dtbench.team.members import set_member

    lead = team.open(team.lead)
    uuid = _fill(lead, "one", tmp_path)
    set_member(lead, uuid, team.reader, "reader")
    reader = team.open(team.reader)
    first = list_rounds(reader, uuid)[0]
    before = load_round(reader, first.uuid)
    assert before.answers
    key = next(iter(before.answers))
    with pytest.raises(NotAllowedError) as refused:
        set_answer(reader, first.uuid, key, note="changed by the reader")
    assert "reader" in refused.value.message(translate)
    with pytest.raises(NotAllowedError):
        delete_round(reader, first.uuid)
    assert load_round(lead, first.uuid).answers == before.answers
    lead.close()
    reader.close()


def test_leads_manage_members_others_cannot(team: Team, tmp_path: Path) -> None:
    from dtbench.store.errors import NotAllowedError
    from dtbench.team.members import (
        LastLeadError,
        NoSuchLoginError,
        list_members,
        remove_member,
        set_member,
    )

    lead = team.open(team.lead)
    uuid = _fill(lead, "one", tmp_path)
    set_member(lead, uuid, team.a, "member")
    set_member(lead, uuid, team.reader, "member")
    set_member(lead, uuid, team.reader, "reader")
    assert [(m.login, m.role) for m in list_members(lead, uuid)] == [
        (team.lead, "lead"),
        (team.a, "member"),
        (team.reader, "reader"),
    ]
    a = team.open(team.a)
    assert len(list_members(a, uuid)) == 3  # members see the list
    with pytest.raises(NotAllowedError):
        set_member(a, uuid, team.b, "member")
    with pytest.raises(NotAllowedError):
        set_member(a, uuid, team.a, "lead")
    with pytest.raises(NotAllowedError):
        remove_member(a, uuid, team.reader)
    with pytest.raises(NoSuchLoginError):
        set_member(lead, uuid, "nobody_here_xyz", "member")
    with pytest.raises(LastLeadError):
        remove_member(lead, uuid, team.lead)
    remove_member(lead, uuid, team.reader)
    assert [m.login for m in list_members(lead, uuid)] == [team.lead, team.a]
    lead.close()
    a.close()


def test_whoever_creates_an_engagement_leads_it(team: Team) -> None:
    from dtbench.engagement.service import create_engagement, list_engagements
    from dtbench.team.members import list_members

    a = team.open(team.a)
    profile = create_engagement(a, client_name="Acme", title="A's own")
    assert [(m.login, m.role) for m in list_members(a, profile.uuid)] == [(team.a, "lead")]
    b = team.open(team.b)
    assert list_engagements(b) == []
    a.close()
    b.close()


def test_a_consultant_never_migrates_the_server(team: Team) -> None:
    """A server behind (or ahead of) this dtbench is the administrator's to update: the
    consultant gets a clear message and the database is left as it was."""
    from dtbench.messages import translate
    from dtbench.store import open_store
    from dtbench.store.errors import ServerNewerError, ServerNotSetUpError

    admin = create_engine(team.admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0006'"))
        with pytest.raises(ServerNotSetUpError) as behind:
            open_store(team.url(team.a))
        assert "dtbench team init" in behind.value.message(translate)
        assert PASSWORD not in behind.value.message(translate)
        with admin.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0006"
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(ServerNewerError):
            open_store(team.url(team.a))
    finally:
        admin.dispose()


def test_connection_failures_say_what_is_wrong(team: Team) -> None:
    from dtbench.store import open_store
    from dtbench.store.errors import (
        ServerDatabaseMissingError,
        ServerUnreachableError,
        WrongPasswordError,
    )

    with pytest.raises(WrongPasswordError):
        open_store(team.url(team.a, password="wrong"))
    with pytest.raises(ServerDatabaseMissingError):
        open_store(pg.url_for("no_such_db_dtb", user=team.a, password=PASSWORD))
    closed = make_url(team.url(team.a)).set(port=1).render_as_string(hide_password=False)
    with pytest.raises(ServerUnreachableError):
        open_store(closed)


def test_team_commands(team: Team, fake_keyring, capsys, monkeypatch) -> None:
    """The administrator's and the lead's commands: one line per error, translated."""
    from dtbench.team.credentials import remember_password

    admin = team.admin_url
    monkeypatch.setattr("sys.stdin", io.StringIO("first-pw\n"))
    assert run("team", "init", "--db", admin, "--lead", team.lead, "--group", team.group) == 0
    capsys.readouterr()
    lead_url = team.url(team.lead, password=None)
    remember_password(lead_url, PASSWORD)
    assert run("demo", "--db", lead_url, "--lang", "en") == 0
    uuid = capsys.readouterr().out.strip()
    assert run("team", "add-member", uuid[:8], team.a, "--role", "reader", "--db", lead_url) == 0
    assert run("team", "members", uuid[:8], "--db", lead_url) == 0
    out = capsys.readouterr().out
    assert team.lead in out and team.a in out and "reader" in out
    assert run("team", "add-member", uuid[:8], team.a, "--role", "boss", "--db", lead_url) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "lead, member or reader" in err
    assert run("team", "remove-member", uuid[:8], team.a, "--db", lead_url) == 0
    assert run("team", "members", uuid[:8], "--db", lead_url) == 0
    assert team.a not in capsys.readouterr().out
    # A consultant's login may not add consultants.
    remember_password(team.url(team.a, password=None), PASSWORD)
    monkeypatch.setattr("sys.stdin", io.StringIO("pw\n"))
    code = run(
        "team", "add-consultant", "newbie_x", "--password-stdin", "--db", team.url(team.a, None)
    )
    assert code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_add_consultant_creates_a_login(team: Team, capsys, monkeypatch) -> None:
    from dtbench.store import open_store

    name = f"newbie_{team.group[-8:]}"
    monkeypatch.setattr("sys.stdin", io.StringIO("their-pw\n"))
    try:
        assert run("team", "add-consultant", name, "--password-stdin", "--db", team.admin_url) == 0
        store = open_store(pg.url_for(team.database, user=name, password="their-pw"))
        store.close()
    finally:
        with pg.admin().connect() as conn:
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))


# ---------------------------------------------------------------- the application


def _settings_text(home: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in home.rglob("*.ini"))


def _fill_dialog(dialog, team: Team, login: str, password: str) -> None:  # type: ignore[no-untyped-def]
    url = make_url(team.admin_url)
    dialog.host.setText(url.host or "")
    dialog.port.setValue(url.port or 5432)
    dialog.database.setText(team.database)
    dialog.login.setText(login)
    dialog.password.setText(password)


def test_a_wrong_password_is_said_and_the_database_kept(
    qtbot, window, team: Team, fake_keyring, home: Path
) -> None:  # type: ignore[no-untyped-def]
    from dtbench.ui.team.connect_dialog import ConnectDialog

    before = window.store
    dialog = ConnectDialog(window)
    qtbot.addWidget(dialog)
    _fill_dialog(dialog, team, team.a, "not-the-password")
    dialog.remember.setChecked(True)
    dialog.connect_to_server()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=20000)
    assert "password is wrong" in dialog.message.text()
    assert dialog.store is None and not dialog.result()
    assert window.store is before
    assert fake_keyring.saved == {}  # a refused password is not kept
    assert "not-the-password" not in _settings_text(home)


def test_connecting_switches_the_window_to_the_server(
    qtbot, window, team: Team, fake_keyring, home: Path
) -> None:  # type: ignore[no-untyped-def]
    from dtbench.ui.kit import settings as prefs
    from dtbench.ui.team.connect_dialog import ConnectDialog, last_server

    dialog = ConnectDialog(window)
    qtbot.addWidget(dialog)
    _fill_dialog(dialog, team, team.a, PASSWORD)
    dialog.remember.setChecked(True)
    dialog.connect_to_server()
    qtbot.waitUntil(lambda: dialog.store is not None, timeout=20000)
    window.use_store(dialog.store, dialog.target)
    assert window.store is dialog.store and window.store.path is None
    assert team.a in window.windowTitle() and team.database in window.windowTitle()
    assert list(fake_keyring.saved.values()) == [PASSWORD]
    assert prefs.last_database() == dialog.target == last_server()
    assert PASSWORD not in _settings_text(home)
    assert team.database in _settings_text(home)
    # Next time the dialog offers the same server, its password from the keyring.
    again = ConnectDialog(window)
    qtbot.addWidget(again)
    assert again.login.text() == team.a and again.password.text() == PASSWORD


def test_an_unreachable_server_at_start_opens_the_local_database(
    qtbot, team: Team, fake_keyring, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from dtbench.ui import app

    said: list[str] = []
    monkeypatch.setattr(
        app.QtWidgets.QMessageBox, "warning", lambda _p, _t, text: said.append(text)
    )
    closed = make_url(team.url(team.a, None)).set(port=1).render_as_string(hide_password=False)
    store = app.open_with_recovery(closed)
    assert store is not None and store.path is not None
    store.close()
    assert len(said) == 1 and "cannot be reached" in said[0]


def test_members_dialog_edits_for_the_lead_only(qtbot, team: Team, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dtbench.team.members import list_members, set_member
    from dtbench.ui.team.members_dialog import MembersDialog

    lead = team.open(team.lead)
    uuid = _fill(lead, "one", tmp_path)
    set_member(lead, uuid, team.reader, "reader")
    dialog = MembersDialog(lead, uuid)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2 and dialog.add_button.isEnabled()
    dialog.login.setText(team.a)
    dialog.role.setCurrentIndex(dialog.role.findData("member"))
    dialog.add_button.click()
    assert (team.a, "member") in [(m.login, m.role) for m in list_members(lead, uuid)]
    assert dialog.table.rowCount() == 3
    dialog.login.setText("nobody_here_xyz")
    dialog.add_button.click()
    assert "no login nobody_here_xyz" in dialog.note.text()
    dialog.login.setText(team.reader)
    dialog.remove_button.click()
    assert dialog.table.rowCount() == 2

    a = team.open(team.a)
    theirs = MembersDialog(a, uuid)
    qtbot.addWidget(theirs)
    assert theirs.table.rowCount() == 2
    assert not theirs.add_button.isEnabled() and not theirs.remove_button.isEnabled()
    assert "Only the engagement's lead" in theirs.note.text()
    lead.close()
    a.close()


def test_init_by_an_owner_who_is_no_superuser(team: Team) -> None:
    """The README's set-up: the administrator owns the database and may create roles, no
    more; init works for them and a consultant then reads through the policies."""
    import uuid as uuid_module

    from dtbench.engagement.service import create_engagement, list_engagements

    with pg.role("adm") as owner:
        name = f"dtb_test_{uuid_module.uuid4().hex[:16]}"
        with pg.admin().connect() as conn:
            conn.execute(text(f'ALTER ROLE "{owner}" CREATEROLE'))
            conn.execute(text(f'CREATE DATABASE "{name}" OWNER "{owner}"'))
        try:
            url = pg.url_for(name, user=owner, password=PASSWORD)
            server.init(url, team.a, group=team.group)
            a = open_as(name, team.a)
            create_engagement(a, client_name="Acme", title="A's")
            b = open_as(name, team.b)
            assert list_engagements(b) == [] and len(list_engagements(a)) == 1
            a.close()
            b.close()
        finally:
            pg.drop_database(name)


def open_as(database: str, login: str) -> Store:
    from dtbench.store import open_store

    return open_store(pg.url_for(database, user=login, password=PASSWORD))


def test_the_same_evidence_file_in_two_teams_engagements(team: Team, tmp_path: Path) -> None:
    """Evidence bytes are stored once by their hash: B attaching a file A's engagement
    already holds (which B cannot see) works, and each reads their own; bytes that do not
    match their hash are refused."""
    from dtbench.diagnosis.service import add_evidence, evidence_data, list_rounds
    from dtbench.engagement.service import create_engagement

    proof = tmp_path / "org-chart.pdf"
    proof.write_bytes(b"%PDF same bytes in both engagements")
    a, b = team.open(team.a), team.open(team.b)
    try:
        for store in (a, b):
            uuid = create_engagement(store, client_name="Acme", title="T").uuid
            from dtbench.diagnosis.service import ensure_rounds

            ensure_rounds(store, uuid, "Baseline")
            first = list_rounds(store, uuid)[0]
            record = add_evidence(store, first.uuid, "5.2", proof)
            assert evidence_data(store, record.sha256) == proof.read_bytes()
        with pytest.raises(DBAPIError) as refused, b.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO evidence_blobs (sha256, data) VALUES (:h, :d)"),
                {"h": "0" * 64, "d": b"other bytes"},
            )
        assert getattr(refused.value.orig, "sqlstate", None) == "23514"
    finally:
        a.close()
        b.close()


def test_without_the_team_extra_the_message_says_what_to_install(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from dtbench.messages import translate
    from dtbench.store import open_store
    from dtbench.store.errors import DriverMissingError

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if psycopg were not installed
    with pytest.raises(DriverMissingError) as missing:
        open_store("postgresql+psycopg://alice:pw@server.example/firm")
    text = missing.value.message(translate)
    assert 'pip install "dtbench[team]"' in text and ":pw@" not in text


def test_only_the_lead_deletes_an_engagement_for_good(team: Team, tmp_path: Path) -> None:
    """A member may move the engagement to the trash (a change like any other); emptying
    the trash deletes it with all its rows, which only its lead may do."""
    from dtbench.engagement.service import empty_trash, list_engagements, move_to_trash
    from dtbench.store.errors import NotAllowedError
    from dtbench.team.members import set_member

    lead = team.open(team.lead)
    uuid = _fill(lead, "one", tmp_path)
    set_member(lead, uuid, team.a, "member")
    a = team.open(team.a)
    move_to_trash(a, uuid)
    with pytest.raises(NotAllowedError):
        empty_trash(a)
    assert [r.uuid for r in list_engagements(lead, trash=True)] == [uuid]
    assert empty_trash(lead) == 1
    assert list_engagements(lead, trash=True) == []
    admin = create_engine(team.admin_url)
    with admin.connect() as conn:
        for table in ("answers", "members", "history", "plan_items", "evidence"):
            assert conn.scalar(text(f"SELECT count(*) FROM {table}")) == 0, table
    admin.dispose()
    lead.close()
    a.close()
