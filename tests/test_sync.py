"""Offline copies and synchronisation against a real PostgreSQL server (tests/pg.py): take
offline, work on both sides, synchronise; conflicts; rounds, answers and plan records made
and removed; a connection cut in the middle."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pg
import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from dtbench.diagnosis import service as dx
from dtbench.engagement import service as engagements
from dtbench.plan import service as plans
from dtbench.plan.records import Action
from dtbench.store import Store, open_store
from dtbench.store.models import SyncJournal, SyncReceipt
from dtbench.team.errors import (
    AlreadyLocalError,
    CommitUnknownError,
    ConnectionLostError,
    NotOfflineError,
    ServerMovedError,
    UndecidedError,
)
from dtbench.team.offline import take_offline
from dtbench.team.sync import apply_sync, keep_all, plan_sync, synchronise

ITEM = "5.1.1.a"


@pytest.fixture
def server() -> Iterator[Store]:
    pg.require_server()
    with pg.database() as url:
        store = open_store(url)
        try:
            yield store
        finally:
            store.close()


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "laptop.sqlite3")
    try:
        yield store
    finally:
        store.close()


def _keys() -> tuple[str, str, str]:
    from dtbench.guide import load_guide

    guide = load_guide()
    clause = next(iter(guide.clauses()))
    items = sorted(k for k in guide.all_keys() if k.startswith(clause.key + "."))
    return clause.key, items[0], items[1]


@pytest.fixture
def engagement(server: Store) -> str:
    profile = engagements.create_engagement(server, client_name="Client", title="Plant")
    rounds = dx.ensure_rounds(server, profile.uuid, "Baseline")
    clause, first, second = _keys()
    dx.set_answer(server, rounds[0].uuid, first, status="met", note="server note")
    dx.set_answer(server, rounds[0].uuid, second, status="partly")
    dx.set_clause(server, rounds[0].uuid, clause, "findings", "base findings")
    plans.add_item(server, profile.uuid, Action(audience="managers", title="Workshop"))
    return profile.uuid


def _round(store: Store, engagement: str) -> str:
    return dx.list_rounds(store, engagement)[0].uuid


def _answer(store: Store, engagement: str, key: str) -> Any:
    return dx.load_round(store, _round(store, engagement)).answers.get(key)


def _findings(store: Store, engagement: str) -> str:
    clause = _keys()[0]
    data = dx.load_round(store, _round(store, engagement))
    return data.clauses[clause].findings if clause in data.clauses else ""


def test_take_offline_copies_the_engagement_with_authors_and_nothing_to_sync(
    server: Store, laptop: Store, engagement: str
) -> None:
    assert take_offline(server, laptop, [engagement]) == ["Plant"]
    first = _keys()[1]
    assert _answer(laptop, engagement, first).note == "server note"
    assert _findings(laptop, engagement) == "base findings"
    assert [i.record.title for i in plans.list_items(laptop, engagement, "action")] == ["Workshop"]
    plan = plan_sync(laptop, server, engagement)
    assert plan.conflicts == []
    assert plan.changes() == (0, 0)
    # The author is the server's, not this computer's user.
    assert plan.local_recs[f"engagement:{engagement}"].author == server.author
    with pytest.raises(AlreadyLocalError):
        take_offline(server, laptop, [engagement])


def test_a_local_engagement_is_not_synchronised(laptop: Store) -> None:
    profile = engagements.create_engagement(laptop, client_name="C", title="Local only")
    with pytest.raises(NotOfflineError):
        plan_sync(laptop, laptop, profile.uuid)


def test_changes_on_one_side_go_to_the_other_both_ways(
    server: Store, laptop: Store, engagement: str
) -> None:
    take_offline(server, laptop, [engagement])
    clause, first, second = _keys()
    dx.set_answer(laptop, _round(laptop, engagement), first, note="typed on site")
    dx.set_clause(server, _round(server, engagement), clause, "findings", "office findings")
    dx.set_answer(server, _round(server, engagement), second, status="not_met")
    plan, result = synchronise(laptop, server, engagement)
    assert plan.conflicts == [] and result is not None
    assert (result.sent, result.received) == (1, 2)
    for store in (laptop, server):
        assert _answer(store, engagement, first).note == "typed on site"
        assert _answer(store, engagement, second).status == "not_met"
        assert _findings(store, engagement) == "office findings"
    # Both sides equal: the next sync has nothing to do.
    assert plan_sync(laptop, server, engagement).changes() == (0, 0)


def test_same_change_on_both_sides_is_no_conflict(
    server: Store, laptop: Store, engagement: str
) -> None:
    take_offline(server, laptop, [engagement])
    first = _keys()[1]
    for store in (laptop, server):
        dx.set_answer(store, _round(store, engagement), first, status="na")
    plan = plan_sync(laptop, server, engagement)
    assert plan.conflicts == []


@pytest.mark.parametrize("side", ["mine", "theirs"])
def test_different_changes_of_one_field_are_a_conflict_decided_either_way(
    server: Store, laptop: Store, engagement: str, side: str
) -> None:
    take_offline(server, laptop, [engagement])
    first = _keys()[1]
    dx.set_answer(laptop, _round(laptop, engagement), first, note="on site")
    dx.set_answer(server, _round(server, engagement), first, note="in the office", status="na")
    plan, result = synchronise(laptop, server, engagement)
    assert result is None  # nothing written before the consultant decides
    assert _answer(server, engagement, first).note == "in the office"
    assert _answer(laptop, engagement, first).note == "on site"
    [conflict] = plan.conflicts
    assert (conflict.field, conflict.base) == ("note", "server note")
    assert (conflict.local, conflict.server) == ("on site", "in the office")
    assert conflict.server_author == server.author
    with pytest.raises(UndecidedError):
        apply_sync(plan, {})
    apply_sync(plan, keep_all(plan, side))
    expected = "on site" if side == "mine" else "in the office"
    for store in (laptop, server):
        # the status changed only on the server: no question, it is taken
        assert _answer(store, engagement, first).note == expected
        assert _answer(store, engagement, first).status == "na"
    assert plan_sync(laptop, server, engagement).changes() == (0, 0)


def test_a_merged_text_is_written_on_both_sides(
    server: Store, laptop: Store, engagement: str
) -> None:
    take_offline(server, laptop, [engagement])
    clause = _keys()[0]
    dx.set_clause(laptop, _round(laptop, engagement), clause, "findings", "A")
    dx.set_clause(server, _round(server, engagement), clause, "findings", "B")
    plan = plan_sync(laptop, server, engagement)
    [conflict] = plan.conflicts
    apply_sync(plan, {conflict.key: "A and B"})
    assert _findings(laptop, engagement) == _findings(server, engagement) == "A and B"


def test_rounds_answers_and_plan_records_made_and_removed(
    server: Store, laptop: Store, engagement: str
) -> None:
    take_offline(server, laptop, [engagement])
    _clause, first, second = _keys()
    follow_up = dx.new_round(laptop, engagement, "Follow-up")  # a copy of the baseline
    dx.set_answer(laptop, follow_up.uuid, first, status="not_met")
    dx.set_answer(laptop, _round(laptop, engagement), second, status="")  # emptied: row gone
    added = plans.add_item(laptop, engagement, Action(audience="employees", title="Training"))
    [workshop] = [i for i in plans.list_items(server, engagement, "action")]
    plans.remove_item(server, workshop.uuid)
    plan, result = synchronise(laptop, server, engagement)
    assert plan.conflicts == [] and result is not None
    rounds = dx.list_rounds(server, engagement)
    assert [r.name for r in rounds] == ["Baseline", "Follow-up"]
    assert dx.load_round(server, follow_up.uuid).answers[first].status == "not_met"
    assert second not in dx.load_round(server, rounds[0].uuid).answers
    for store in (laptop, server):
        assert [i.uuid for i in plans.list_items(store, engagement, "action")] == [added.uuid]
    # and a round removed on the server goes from the laptop too
    dx.delete_round(server, follow_up.uuid)
    synchronise(laptop, server, engagement)
    assert [r.name for r in dx.list_rounds(laptop, engagement)] == ["Baseline"]


def test_a_round_removed_on_one_side_and_changed_on_the_other_is_asked(
    server: Store, laptop: Store, engagement: str
) -> None:
    follow_up = dx.new_round(server, engagement, "Follow-up")
    take_offline(server, laptop, [engagement])
    first = _keys()[1]
    dx.delete_round(laptop, follow_up.uuid)
    dx.set_answer(server, follow_up.uuid, first, note="said in the office")
    plan = plan_sync(laptop, server, engagement)
    [conflict] = plan.conflicts
    assert conflict.record == f"round:{follow_up.uuid}" and conflict.local is None
    apply_sync(plan, keep_all(plan, "theirs"))  # keep the round and what was said
    assert dx.load_round(laptop, follow_up.uuid).answers[first].note == "said in the office"


def _cut_after(store: Store, statements: int) -> Any:
    """Make the server's connection fail at its ``statements``-th write from now."""
    seen = {"n": 0}

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().split(" ", 1)[0].upper() not in ("INSERT", "UPDATE", "DELETE"):
            return
        seen["n"] += 1
        if seen["n"] >= statements:
            raise OperationalError(statement[:40], {}, Exception("server closed the connection"))

    event.listen(store.engine, "before_cursor_execute", before)
    return lambda: event.remove(store.engine, "before_cursor_execute", before)


def _receipts(server: Store) -> int:
    with server.session() as s:
        return int(s.scalar(select(func.count()).select_from(SyncReceipt)) or 0)


def test_a_cut_connection_changes_nothing_on_the_server_and_the_next_sync_completes(
    server: Store, laptop: Store, engagement: str
) -> None:
    take_offline(server, laptop, [engagement])
    clause, first, second = _keys()
    dx.set_answer(laptop, _round(laptop, engagement), first, note="on site")
    dx.set_answer(laptop, _round(laptop, engagement), second, note="also on site")
    dx.set_clause(server, _round(server, engagement), clause, "findings", "office")
    plan = plan_sync(laptop, server, engagement)
    restore = _cut_after(server, 2)  # one answer written, the next one fails
    try:
        with pytest.raises(ConnectionLostError):
            apply_sync(plan, {})
    finally:
        restore()
    assert _answer(server, engagement, first).note == "server note"
    assert _findings(laptop, engagement) == "base findings"  # nothing received either
    assert _receipts(server) == 0
    synchronise(laptop, server, engagement)
    for store in (laptop, server):
        assert _answer(store, engagement, first).note == "on site"
        assert _answer(store, engagement, second).note == "also on site"
        assert _findings(store, engagement) == "office"


def test_a_connection_lost_at_the_commit_is_finished_by_the_next_sync(
    server: Store, laptop: Store, engagement: str
) -> None:
    """The server committed, the laptop did not hear it: its decisions are not undone."""
    take_offline(server, laptop, [engagement])
    clause, first, _second = _keys()
    dx.set_answer(laptop, _round(laptop, engagement), first, note="mine")
    dx.set_answer(server, _round(server, engagement), first, note="theirs")
    dx.set_clause(laptop, _round(laptop, engagement), clause, "findings", "site findings")
    plan = plan_sync(laptop, server, engagement)

    committed = {"done": False}

    def after_commit(session: Any) -> None:
        committed["done"] = True
        raise OperationalError("COMMIT", {}, Exception("connection lost after commit"))

    event.listen(server.sessions, "after_commit", after_commit)
    try:
        with pytest.raises(CommitUnknownError):
            apply_sync(plan, keep_all(plan, "theirs"))
    finally:
        event.remove(server.sessions, "after_commit", after_commit)
    assert committed["done"] and _receipts(server) == 1
    with laptop.session() as s:
        assert s.scalar(select(func.count()).select_from(SyncJournal)) == 1
    # the laptop still shows its own note; the next sync finishes the one that was cut
    assert _answer(laptop, engagement, first).note == "mine"
    plan = plan_sync(laptop, server, engagement)
    assert plan.conflicts == [] and plan.changes() == (0, 0)
    for store in (laptop, server):
        assert _answer(store, engagement, first).note == "theirs"
        assert _findings(store, engagement) == "site findings"


def _journals(laptop: Store) -> int:
    with laptop.session() as s:
        return int(s.scalar(select(func.count()).select_from(SyncJournal)) or 0)


def test_a_connection_lost_at_the_change_notice_is_lost_not_unknown(
    server: Store, laptop: Store, engagement: str
) -> None:
    """The commit's before_commit listeners (the change notice's pg_notify) still run inside
    the server's transaction: a cut there rolled it back, so the sync says so and drops its
    journal (it was reported as "unknown" and the caller believed the server committed)."""
    take_offline(server, laptop, [engagement])
    _clause, first, _second = _keys()
    dx.set_answer(laptop, _round(laptop, engagement), first, note="on site")
    plan = plan_sync(laptop, server, engagement)

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "pg_notify" in statement:
            raise OperationalError(statement[:40], {}, Exception("server closed the connection"))

    event.listen(server.engine, "before_cursor_execute", before)
    try:
        with pytest.raises(ConnectionLostError):
            apply_sync(plan, {})
    finally:
        event.remove(server.engine, "before_cursor_execute", before)
    assert _answer(server, engagement, first).note == "server note"
    assert _receipts(server) == 0 and _journals(laptop) == 0
    synchronise(laptop, server, engagement)
    for store in (laptop, server):
        assert _answer(store, engagement, first).note == "on site"


def test_a_commit_that_never_arrived_is_unknown_and_the_next_sync_sends_again(
    server: Store, laptop: Store, engagement: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lost at the COMMIT itself the outcome is unknown: the journal stays; the server holds
    no receipt, so the next sync drops it and sends the changes again."""
    take_offline(server, laptop, [engagement])
    _clause, first, _second = _keys()
    dx.set_answer(laptop, _round(laptop, engagement), first, note="on site")
    plan = plan_sync(laptop, server, engagement)

    def do_commit(dbapi_connection: Any) -> None:
        raise OperationalError("COMMIT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(server.engine.dialect, "do_commit", do_commit)
    with pytest.raises(CommitUnknownError):
        apply_sync(plan, {})
    monkeypatch.undo()
    assert _answer(server, engagement, first).note == "server note"
    assert _receipts(server) == 0 and _journals(laptop) == 1
    synchronise(laptop, server, engagement)
    assert _journals(laptop) == 0 and _receipts(server) == 1
    for store in (laptop, server):
        assert _answer(store, engagement, first).note == "on site"


def test_a_server_that_moved_after_the_plan_is_refused(
    server: Store, laptop: Store, engagement: str
) -> None:
    take_offline(server, laptop, [engagement])
    first = _keys()[1]
    dx.set_answer(laptop, _round(laptop, engagement), first, note="on site")
    plan = plan_sync(laptop, server, engagement)
    dx.set_answer(server, _round(server, engagement), first, status="na")  # meanwhile
    with pytest.raises(ServerMovedError):
        apply_sync(plan, {})
    assert _answer(server, engagement, first).note == "server note"
    plan, _result = synchronise(laptop, server, engagement)
    for store in (laptop, server):
        assert (
            _answer(store, engagement, first).note,
            _answer(store, engagement, first).status,
        ) == (
            "on site",
            "na",
        )


def test_command_line_offline_and_sync(
    server: Store, engagement: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dtbench.cli import main

    local_file = tmp_path / "cli.sqlite3"
    assert main(["offline", engagement[:8], "--server", server.url, "--db", str(local_file)]) == 0
    assert "Plant" in capsys.readouterr().out
    laptop = open_store(local_file)
    try:
        first = _keys()[1]
        dx.set_answer(laptop, _round(laptop, engagement), first, note="on site")
        dx.set_answer(server, _round(server, engagement), first, note="in the office")
    finally:
        laptop.close()
    # A conflict: listed with both values and authors, nothing written, exit 1.
    assert main(["sync", engagement, "--db", str(local_file), "--server", server.url]) == 1
    out = capsys.readouterr().out
    assert "“on site”" in out and "“in the office”" in out and server.author in out
    assert _answer(server, engagement, first).note == "in the office"
    assert (
        main(
            ["sync", engagement, "--db", str(local_file), "--server", server.url, "--keep", "mine"]
        )
        == 0
    )
    assert "1 conflicts decided" in capsys.readouterr().out
    assert _answer(server, engagement, first).note == "on site"
    # Not an offline copy: one line, exit 2.
    laptop = open_store(local_file)
    other = engagements.create_engagement(laptop, client_name="C", title="Mine")
    laptop.close()
    with pytest.raises(SystemExit) as exit_info:
        main(["sync", other.uuid, "--db", str(local_file)])
    assert exit_info.value.code == 2
    assert "not an offline copy" in capsys.readouterr().err


def test_rounds_made_on_both_sides_get_numbers_of_their_own_and_evidence_travels(
    server: Store, laptop: Store, engagement: str, tmp_path: Path
) -> None:
    take_offline(server, laptop, [engagement])
    clause = _keys()[0]
    here = dx.new_round(laptop, engagement, "Site visit")
    there = dx.new_round(server, engagement, "Office review")
    assert here.number == there.number == 2
    photo = tmp_path / "whiteboard.png"
    photo.write_bytes(b"\x89PNG not really")
    dx.add_evidence(laptop, here.uuid, clause, photo)
    plan, result = synchronise(laptop, server, engagement)
    assert plan.conflicts == [] and result is not None
    for store in (laptop, server):
        rounds = {r.name: r.number for r in dx.list_rounds(store, engagement)}
        assert rounds == {"Baseline": 1, "Office review": 2, "Site visit": 3}
        [evidence] = dx.load_round(store, here.uuid).evidence[clause]
        assert dx.evidence_data(store, evidence.sha256) == photo.read_bytes()


@pytest.mark.parametrize("side", ["mine", "theirs"])
def test_a_plan_record_removed_here_and_changed_on_the_server_is_asked(
    server: Store, laptop: Store, engagement: str, side: str
) -> None:
    take_offline(server, laptop, [engagement])
    [workshop] = plans.list_items(laptop, engagement, "action")
    plans.remove_item(laptop, workshop.uuid)
    renamed = Action(audience="managers", title="Workshop with the board")
    plans.update_item(server, workshop.uuid, renamed)
    plan = plan_sync(laptop, server, engagement)
    [conflict] = plan.conflicts
    assert (conflict.record, conflict.field, conflict.local) == (f"item:{workshop.uuid}", "", None)
    apply_sync(plan, keep_all(plan, side))
    expected = [] if side == "mine" else ["Workshop with the board"]
    for store in (laptop, server):
        assert [i.record.title for i in plans.list_items(store, engagement, "action")] == expected


def test_an_engagement_deleted_here_can_be_taken_offline_again(
    server: Store, laptop: Store, engagement: str
) -> None:
    take_offline(server, laptop, [engagement])
    engagements.move_to_trash(laptop, engagement)
    engagements.empty_trash(laptop)
    assert take_offline(server, laptop, [engagement]) == ["Plant"]
    assert plan_sync(laptop, server, engagement).changes() == (0, 0)
