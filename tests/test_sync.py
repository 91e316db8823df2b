"""Offline copies and synchronisation against a real PostgreSQL server (tests/pg.py): take
offline, work on both sides, synchronise; conflicts; rounds, answers and plan records made
and removed; a connection cut in the middle."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import uuid as uuid_module
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pg
import pytest
from old_schema import insert, insert_sa
from sqlalchemy import create_engine, event, func, select
from sqlalchemy.exc import OperationalError

from dtbench.diagnosis import service as dx
from dtbench.engagement import service as engagements
from dtbench.plan import service as plans
from dtbench.plan.records import Action
from dtbench.store import Store, open_store
from dtbench.store.models import Engagement, HistoryEntry, SyncJournal, SyncReceipt
from dtbench.team.errors import (
    AlreadyLocalError,
    BadChoiceError,
    CommitUnknownError,
    ConnectionLostError,
    MergedNotTextError,
    NotMergeableError,
    NotOfflineError,
    ServerMovedError,
    UndecidedError,
    UnknownDecisionError,
)
from dtbench.team.history import clause_history
from dtbench.team.offline import take_offline
from dtbench.team.sync import Decision, apply_sync, keep_all, plan_sync, synchronise

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
    apply_sync(plan, {conflict.key: Decision("merge", "A and B")})
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


# ---------------------------------------------------------------- the history travels
def _as(url: str, author: str) -> Store:
    """A colleague on the server, saving as ``author``."""
    other = open_store(url)
    other.sessions.kw["info"] = {"author": author}
    return dataclasses.replace(other, author=author)


Entry = tuple[str, datetime, str, str, str, str, str, str]


def _history(store: Store, engagement: str) -> list[Entry]:
    """The engagement's history entries, oldest first, but a laptop's note of having taken
    it offline (its own, not the engagement's)."""
    with store.session() as s:
        eid = s.scalar(select(Engagement.id).where(Engagement.uuid == engagement))
        rows = s.scalars(
            select(HistoryEntry)
            .where(HistoryEntry.engagement_id == eid)
            .order_by(HistoryEntry.at, HistoryEntry.uuid)
        )
        return [
            (r.uuid, r.at, r.author, r.kind, r.record, r.field, r.old, r.new)
            for r in rows
            if not (r.field == "*" and r.new == '"taken offline"')
        ]


def _shown(changes: list[Any]) -> list[tuple[Any, ...]]:
    return [(c.at, c.author, c.record, c.field, c.old, c.new) for c in changes]


def test_the_server_history_comes_down_and_the_laptop_history_goes_up_once(
    server: Store, laptop: Store, engagement: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lintao = _as(server.url, "lintao")
    try:
        clause, first, second = _keys()
        rnd = _round(server, engagement)
        dx.set_clause(lintao, rnd, clause, "findings", "before the visit")
        take_offline(server, laptop, [engagement])
        assert _history(laptop, engagement) == _history(server, engagement)  # taken as it is
        dx.set_clause(lintao, rnd, clause, "findings", "office findings")  # a colleague
        dx.set_answer(lintao, rnd, second, note="heard in the office")
        dx.set_answer(laptop, rnd, first, note="seen on site")  # this computer, offline
        dx.set_answer(laptop, rnd, first, note="seen on site, twice")
        [mine] = [e for e in _history(laptop, engagement) if "twice" in e[7]]
        plan, result = synchronise(laptop, server, engagement)
        assert plan.conflicts == [] and result is not None

        # The clause's history reads the same on both sides: the colleague as author, each
        # change once, in time order; this computer's edits as the consultant who took it
        # offline, at the time they were typed.
        on_laptop = _shown(clause_history(laptop, rnd, clause))
        assert on_laptop == _shown(clause_history(server, rnd, clause))
        assert [c for c in on_laptop if c[1] == "lintao"] == [
            c for c in on_laptop if c[1] == "lintao" and c[3] in ("findings", "note")
        ]
        colleague = [(c[3], c[5]) for c in on_laptop if c[1] == "lintao"]
        assert colleague == [
            ("note", '"heard in the office"'),
            ("findings", '"office findings"'),
            ("findings", '"before the visit"'),
        ]
        up = [c for c in _history(server, engagement) if c[0] == mine[0]]
        assert [(c[1], c[2], c[7]) for c in up] == [(mine[1], server.author, mine[7])]
        # nothing written twice, no entry by this computer's user on the server
        entries = _history(server, engagement)
        assert len({e[2:] for e in entries}) == len(entries)
        assert laptop.author == server.author or all(e[2] != laptop.author for e in entries)
        assert _history(laptop, engagement) == entries
        # `dtbench history ID --clause K` on this computer says so too, once
        from dtbench.cli import main

        capsys.readouterr()
        assert main(["history", engagement, "--clause", clause, "--db", str(laptop.path)]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert [line.split("\t")[2] for line in lines if "office findings" in line] == ["lintao"]

        # Synchronising again (and again after an edit) copies nothing twice.
        synchronise(laptop, server, engagement)
        assert _history(laptop, engagement) == _history(server, engagement) == entries
        dx.set_answer(lintao, rnd, second, status="met")
        synchronise(laptop, server, engagement)
        assert _history(laptop, engagement) == _history(server, engagement)
        assert len(_history(server, engagement)) == len(entries) + 1
    finally:
        lintao.close()


@pytest.mark.parametrize("side", ["mine", "theirs", "merge"])
def test_a_decided_conflict_ends_the_history_on_the_value_kept_on_both_sides(
    server: Store, laptop: Store, engagement: str, side: str
) -> None:
    lintao = _as(server.url, "lintao")
    try:
        take_offline(server, laptop, [engagement])
        clause = _keys()[0]
        dx.set_clause(lintao, _round(server, engagement), clause, "findings", "office")
        dx.set_clause(laptop, _round(laptop, engagement), clause, "findings", "site")
        plan = plan_sync(laptop, server, engagement)
        [conflict] = plan.conflicts
        decision = Decision("merge", "site and office") if side == "merge" else Decision(side)
        apply_sync(plan, {conflict.key: decision})
        kept = _findings(server, engagement)
        assert _history(laptop, engagement) == _history(server, engagement)
        findings = [
            e
            for e in _history(server, engagement)
            if e[4] == conflict.record and e[5] == "findings"
        ]
        assert {e[7] for e in findings} >= {'"office"', '"site"'}  # what each side typed
        assert findings[-1][7] == json.dumps(kept, ensure_ascii=False)  # and what was kept
    finally:
        lintao.close()


def test_a_cut_sync_copies_no_history_and_the_next_one_copies_it_once(
    server: Store, laptop: Store, engagement: str
) -> None:
    take_offline(server, laptop, [engagement])
    clause, first, _second = _keys()
    dx.set_answer(laptop, _round(laptop, engagement), first, note="on site")
    dx.set_clause(server, _round(server, engagement), clause, "findings", "office")
    before = (_history(laptop, engagement), _history(server, engagement))
    plan = plan_sync(laptop, server, engagement)
    restore = _cut_after(server, 2)
    try:
        with pytest.raises(ConnectionLostError):
            apply_sync(plan, {})
    finally:
        restore()
    assert (_history(laptop, engagement), _history(server, engagement)) == before
    synchronise(laptop, server, engagement)
    after = _history(server, engagement)
    assert _history(laptop, engagement) == after
    assert len(after) == len({e[0] for e in before[0]} | {e[0] for e in before[1]})


def test_history_entries_of_an_older_database_get_their_own_uuids(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    open_store(db, migrate_to="0009").close()
    con = sqlite3.connect(db)  # as dtbench at revision 0009 wrote them
    client = insert(con, "clients", uuid="c-1", name="甲", existing_systems="[]")
    eid = insert(
        con, "engagements", uuid="e-1", title="乙", client_id=client, status="draft", language="zh"
    )
    for n in range(3):
        insert(
            con,
            "history",
            engagement_id=eid,
            at=f"2026-11-0{n + 1} 09:00:00",
            author="wangfang",
            kind="engagement",
            record="engagement:e-1",
            field="title",
            old=f'"{n}"',
            new=f'"{n + 1}"',
        )
    con.commit()
    con.close()
    _check_uuids(open_store(db))


def test_history_entries_of_an_older_server_get_their_own_uuids() -> None:
    pg.require_server()
    with pg.database(migrated=False) as url:
        open_store(url, migrate_to="0009").close()
        engine = create_engine(url)
        with engine.begin() as conn:
            client = insert_sa(conn, "clients", uuid="c-1", name="甲", existing_systems="[]")
            eid = insert_sa(
                conn,
                "engagements",
                uuid="e-1",
                title="乙",
                client_id=client,
                status="draft",
                language="zh",
            )
            for n in range(3):
                insert_sa(
                    conn,
                    "history",
                    engagement_id=eid,
                    at=f"2026-11-0{n + 1} 09:00:00",
                    author="wangfang",
                    kind="engagement",
                    record="engagement:e-1",
                    field="title",
                    old=f'"{n}"',
                    new=f'"{n + 1}"',
                )
        engine.dispose()
        _check_uuids(open_store(url))


def _check_uuids(store: Store) -> None:
    """Migrated: the three entries kept, each with a uuid of its own, and new entries too."""
    try:
        with store.session() as s:
            rows = list(s.scalars(select(HistoryEntry).order_by(HistoryEntry.at)))
        assert [(r.author, r.old, r.new) for r in rows] == [
            ("wangfang", f'"{n}"', f'"{n + 1}"') for n in range(3)
        ]
        assert len({str(uuid_module.UUID(r.uuid)) for r in rows}) == 3
        engagements.set_field(store, "e-1", "title", "丙")
        with store.session() as s:
            uuids = list(s.scalars(select(HistoryEntry.uuid)))
        assert len(set(uuids)) == 4 and all(uuids)
    finally:
        store.close()


# ---------------------------------------------------------------- decisions are checked
def _nothing_written(server: Store, laptop: Store, engagement: str, before: Any) -> None:
    assert _state(server, laptop, engagement) == before
    assert _receipts(server) == 0 and _journals(laptop) == 0


def _state(server: Store, laptop: Store, engagement: str) -> Any:
    first = _keys()[1]
    return [
        (
            _answer(store, engagement, first),
            _findings(store, engagement),
            _history(store, engagement),
        )
        for store in (server, laptop)
    ]


@pytest.fixture
def conflicted(server: Store, laptop: Store, engagement: str) -> Any:
    """A plan with two conflicts: an answer's status (coded) and a clause's findings (text)."""
    take_offline(server, laptop, [engagement])
    clause, first, _second = _keys()
    dx.set_answer(laptop, _round(laptop, engagement), first, status="na", note="site note")
    dx.set_answer(server, _round(server, engagement), first, status="not_met")
    dx.set_clause(laptop, _round(laptop, engagement), clause, "findings", "site")
    dx.set_clause(server, _round(server, engagement), clause, "findings", "office")
    plan = plan_sync(laptop, server, engagement)
    status, findings = sorted(plan.conflicts, key=lambda c: c.field != "status")
    assert (status.field, findings.field) == ("status", "findings")
    return plan, status, findings, _state(server, laptop, engagement)


def test_a_decision_for_something_not_in_conflict_is_refused(
    server: Store, laptop: Store, engagement: str, conflicted: Any
) -> None:
    plan, _status, _findings, before = conflicted
    decisions: dict[Any, Any] = keep_all(plan, "mine")
    decisions[(f"answer:{_round(laptop, engagement)}:{_keys()[2]}", "note")] = Decision("mine")
    with pytest.raises(UnknownDecisionError) as error:
        apply_sync(plan, decisions)
    assert _keys()[2] in error.value.message(lambda _c, text: text)
    _nothing_written(server, laptop, engagement, before)


@pytest.mark.parametrize("choice", ["maybe", "on site", None])
def test_a_choice_other_than_mine_theirs_or_merge_is_refused(
    server: Store, laptop: Store, engagement: str, conflicted: Any, choice: Any
) -> None:
    plan, _status, findings, before = conflicted
    decisions: dict[Any, Any] = keep_all(plan, "theirs")
    decisions[findings.key] = choice if choice != "maybe" else Decision("maybe")
    with pytest.raises(BadChoiceError):
        apply_sync(plan, decisions)
    _nothing_written(server, laptop, engagement, before)


def test_only_free_text_is_merged_and_only_with_a_text(
    server: Store, laptop: Store, engagement: str, conflicted: Any
) -> None:
    plan, status, findings, before = conflicted
    with pytest.raises(NotMergeableError):  # a status 'na+not_met' nobody could read
        apply_sync(plan, {status.key: Decision("merge", "na+not_met"), findings.key: "mine"})
    _nothing_written(server, laptop, engagement, before)
    for merged in (None, 3, ["site", "office"]):
        with pytest.raises(MergedNotTextError):
            apply_sync(plan, {status.key: "mine", findings.key: Decision("merge", merged)})
        _nothing_written(server, laptop, engagement, before)
    with pytest.raises(UndecidedError):
        apply_sync(plan, {status.key: "mine"})
    _nothing_written(server, laptop, engagement, before)
    apply_sync(plan, {status.key: "theirs", findings.key: Decision("merge", "site, office")})
    for store in (laptop, server):
        assert _answer(store, engagement, _keys()[1]).status == "not_met"
        assert _findings(store, engagement) == "site, office"


@pytest.mark.parametrize("moved", ["received", "asked"])
def test_a_plan_the_server_moved_past_is_refused_even_when_nothing_is_sent(
    server: Store, laptop: Store, engagement: str, moved: str
) -> None:
    """Someone saves on the server between the comparison and the writing: what the
    consultant decided on (or would receive) is no longer the server's; nothing is written
    and synchronising again shows the new state."""
    take_offline(server, laptop, [engagement])
    clause, _first, _second = _keys()
    dx.set_clause(server, _round(server, engagement), clause, "findings", "office")
    if moved == "asked":
        dx.set_clause(laptop, _round(laptop, engagement), clause, "findings", "site")
    plan = plan_sync(laptop, server, engagement)
    assert plan.changes(keep_all(plan, "theirs"))[0] == 0  # nothing to send
    dx.set_clause(server, _round(server, engagement), clause, "findings", "office, later")
    before = _state(server, laptop, engagement)
    with pytest.raises(ServerMovedError):
        apply_sync(plan, keep_all(plan, "theirs"))
    _nothing_written(server, laptop, engagement, before)
    synchronise(laptop, server, engagement, keep="theirs")
    assert _findings(laptop, engagement) == "office, later"


def test_records_added_on_both_sides_renumber_their_lists_without_a_question(
    server: Store, laptop: Store, engagement: str
) -> None:
    """Each side renumbers a list when a record is put in it: the workshop's place changed
    on both sides, which is no question for the consultant (the server's order stands)."""
    take_offline(server, laptop, [engagement])
    for title in ("Site tour", "Kick-off"):
        plans.add_item(laptop, engagement, Action(audience="managers", title=title), position=0)
    plans.add_item(server, engagement, Action(audience="managers", title="Board"), position=0)
    plan, result = synchronise(laptop, server, engagement)
    assert plan.conflicts == [] and result is not None
    for store in (laptop, server):
        titles = {i.record.title for i in plans.list_items(store, engagement, "action")}
        assert titles == {"Workshop", "Site tour", "Kick-off", "Board"}
