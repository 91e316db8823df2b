"""The engagement's history: every change of an answer, a level, a finding, a plan record or
the profile is kept with its author, time, old and new value, in the change's own transaction;
a value can be restored (and the restore is recorded). Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select, text

from dtbench.diagnosis import service as dx
from dtbench.diagnosis.scoring import IN_SCOPE, ScopeEntry
from dtbench.engagement import service as es
from dtbench.engagement.records import ContactRecord
from dtbench.plan import service as ps
from dtbench.plan.records import NextStep, Organization, Phase
from dtbench.store import history as recorder
from dtbench.store.models import Base, HistoryEntry, utcnow
from dtbench.team import history

ITEM = "7.3.1.a"
CLAUSE = "7.3.1"


def _engagement(store: Any) -> tuple[str, str]:
    profile = es.create_engagement(store, client_name="ACME", title="Plant review")
    rnd = dx.ensure_rounds(store, profile.uuid, "Baseline")[0]
    return profile.uuid, rnd.uuid


def _entries(store: Any, record: str) -> list[tuple[str, str, str]]:
    """(field, old, new) of a record's entries, oldest first."""
    with store.session() as s:
        rows = s.scalars(
            select(HistoryEntry).where(HistoryEntry.record == record).order_by(HistoryEntry.id)
        )
        return [(r.field, r.old, r.new) for r in rows]


def _count(store: Any) -> int:
    with store.session() as s:
        return int(s.scalar(text("SELECT count(*) FROM history")) or 0)


def test_an_answer_keeps_who_changed_it_when_and_from_what(store: Any) -> None:
    _, rnd = _engagement(store)
    before = utcnow() - timedelta(minutes=1)
    dx.set_answer(store, rnd, ITEM, status="met")
    dx.set_answer(store, rnd, ITEM, note="MES issues the orders")
    dx.set_answer(store, rnd, ITEM, status="partly")
    dx.set_answer(store, rnd, ITEM, status="", note="")  # back to unanswered: the row goes
    record = recorder.record_key("answer", rnd, ITEM)
    assert _entries(store, record) == [
        ("status", "", '"met"'),
        ("note", '""', '"MES issues the orders"'),
        ("status", '"met"', '"partly"'),
        ("status", '"partly"', ""),
        ("note", '"MES issues the orders"', ""),
    ]
    changes = history.clause_history(store, rnd, CLAUSE)
    assert {c.author for c in changes} == {store.author}
    assert store.author
    assert all(before < c.at < utcnow() + timedelta(minutes=1) for c in changes)
    assert changes[0].label == ITEM  # newest first
    assert [c.new_value for c in changes][-1] == "met"


def test_levels_findings_interviewees_and_interviews_are_recorded(store: Any) -> None:
    _, rnd = _engagement(store)
    dx.set_clause(store, rnd, CLAUSE, "current", 2)
    dx.set_clause(store, rnd, CLAUSE, "target", 4)
    dx.set_clause(store, rnd, CLAUSE, "current", 3)
    dx.set_clause(store, rnd, CLAUSE, "findings", "Orders on paper")
    dx.set_clause(store, rnd, CLAUSE, "interviewees", "Ms Li")
    dx.set_heard(store, rnd, "interview-1", ITEM, status="not_met", note="says no")
    record = recorder.record_key("clause", rnd, CLAUSE)
    assert _entries(store, record) == [
        ("current_level", "", "2"),
        ("target_level", "null", "4"),
        ("current_level", "2", "3"),
        ("findings", '""', '"Orders on paper"'),
        ("interviewees", '""', '"Ms Li"'),
    ]
    heard = recorder.record_key("heard", rnd, "interview-1", ITEM)
    assert _entries(store, heard) == [("status", "", '"not_met"'), ("note", "", '"says no"')]
    fields = {(c.kind, c.field) for c in history.clause_history(store, rnd, CLAUSE)}
    assert ("heard", "status") in fields
    assert ("clause", "findings") in fields


def test_scope_and_weight_are_recorded(store: Any) -> None:
    engagement, _ = _engagement(store)
    dx.set_scope(store, engagement, {CLAUSE: ScopeEntry(True, 2.0)})
    dx.set_scope(store, engagement, {CLAUSE: ScopeEntry(False, 2.0)})
    dx.set_scope(store, engagement, {CLAUSE: IN_SCOPE})
    assert _entries(store, recorder.record_key("scope", CLAUSE)) == [
        ("weight", "", "2.0"),
        ("in_scope", "true", "false"),
        ("in_scope", "false", ""),
        ("weight", "2.0", ""),
    ]


def test_plan_records_are_recorded_field_by_field_with_creation_and_removal(
    store: Any,
) -> None:
    engagement, _ = _engagement(store)
    item = ps.add_item(store, engagement, Phase(name="Pilot", start=date(2027, 1, 1)))
    ps.update_item(store, item.uuid, Phase(name="Pilot plant", start=date(2027, 2, 1)))
    ps.remove_item(store, item.uuid)
    entries = _entries(store, recorder.record_key("plan", item.uuid))
    assert [(f, bool(o), bool(n)) for f, o, n in entries] == [
        ("*", False, True),
        ("name", True, True),
        ("start", True, True),
        ("*", True, False),
    ]
    assert entries[1][1:] == ('"Pilot"', '"Pilot plant"')
    assert recorder.load(entries[3][1])["data"]["name"] == "Pilot plant"  # type: ignore[index]
    changes = history.record_history(store, engagement, "plan", item.uuid)
    assert changes[0].label == "Pilot plant"  # a removed record is still named


def test_single_plan_records_rounds_and_the_profile_are_recorded(store: Any) -> None:
    engagement, rnd = _engagement(store)
    ps.set_value(store, engagement, "organization", Organization(mode="incremental"))
    ps.set_value(store, engagement, "organization", Organization(mode=""))
    assert _entries(store, recorder.record_key("value", "organization")) == [
        ("mode", "", '"incremental"'),
        ("mode", '"incremental"', '""'),
    ]
    dx.rename_round(store, rnd, "First look")
    second = dx.new_round(store, engagement, "Follow-up")
    dx.delete_round(store, second.uuid)
    assert _entries(store, recorder.record_key("round", rnd))[-1] == (
        "name",
        '"Baseline"',
        '"First look"',
    )
    assert [f for f, o, n in _entries(store, recorder.record_key("round", second.uuid))] == [
        "*",
        "*",
    ]
    profile = es.get_profile(store, engagement)
    es.set_field(store, engagement, "title", "Plant review 2")
    es.set_field(store, engagement, "industry", "steel")
    es.set_field(store, engagement, "contacts", [ContactRecord("Li", "CIO", "", "")])
    es.set_field(store, engagement, "contacts", [ContactRecord("Li", "CEO", "", "")])
    assert _entries(store, recorder.record_key("engagement", engagement))[-1] == (
        "title",
        '"Plant review"',
        '"Plant review 2"',
    )
    assert _entries(store, recorder.record_key("client", profile.client_uuid))[-1] == (
        "industry",
        '""',
        '"steel"',
    )
    # The contacts are rewritten as a whole: only what changed is an entry.
    assert _entries(store, recorder.record_key("contact", profile.client_uuid, "0")) == [
        ("name", "", '"Li"'),
        ("role", "", '"CIO"'),
        ("role", '"CIO"', '"CEO"'),
    ]


def test_a_change_rolled_back_leaves_no_history(store: Any) -> None:
    _, rnd = _engagement(store)
    count = _count(store)
    with pytest.raises(RuntimeError), store.session() as s:
        from dtbench.store.models import Answer, AssessmentRound

        rid = s.scalar(select(AssessmentRound.id).where(AssessmentRound.uuid == rnd))
        s.add(Answer(round_id=rid, key=ITEM, status="met", note=""))
        s.flush()
        raise RuntimeError("the disk went away")
    assert _count(store) == count
    assert dx.load_answer(store, rnd, ITEM).status == ""


def test_restore_writes_the_earlier_value_back_and_is_recorded(store: Any) -> None:
    _, rnd = _engagement(store)
    dx.set_answer(store, rnd, ITEM, status="met")
    dx.set_answer(store, rnd, ITEM, status="not_met")
    dx.set_clause(store, rnd, CLAUSE, "findings", "first")
    dx.set_clause(store, rnd, CLAUSE, "findings", "second")
    newest = history.clause_history(store, rnd, CLAUSE)
    status_change = next(c for c in newest if c.field == "status")
    history.restore(store, status_change.id)
    assert dx.load_answer(store, rnd, ITEM).status == "met"
    findings_change = next(c for c in newest if c.field == "findings")
    history.restore(store, findings_change.id)
    assert dx.load_clause(store, rnd, CLAUSE).findings == "first"
    history.restore(store, findings_change.id, after=True)
    assert dx.load_clause(store, rnd, CLAUSE).findings == "second"
    latest = history.clause_history(store, rnd, CLAUSE)
    assert len(latest) == len(newest) + 3
    assert (latest[0].old_value, latest[0].new_value) == ("first", "second")
    # The first answer, restored to "before it was set": unanswered again.
    first = history.clause_history(store, rnd, CLAUSE)[-1]
    assert first.old == ""
    history.restore(store, first.id)
    assert dx.load_answer(store, rnd, ITEM).status == ""


def test_restore_brings_back_a_removed_plan_record_and_a_field(store: Any) -> None:
    engagement, _ = _engagement(store)
    item = ps.add_item(store, engagement, NextStep(action="Sign", owner="CEO"))
    ps.update_item(store, item.uuid, NextStep(action="Sign", owner="CFO"))
    ps.remove_item(store, item.uuid)
    removal, owner_change, _created = history.record_history(store, engagement, "plan", item.uuid)
    with pytest.raises(history.RecordGoneError):
        history.restore(store, owner_change.id)
    history.restore(store, removal.id)
    back = ps.list_items(store, engagement, "next_step")
    assert [(i.uuid, i.record.owner) for i in back] == [(item.uuid, "CFO")]
    history.restore(store, owner_change.id)
    assert ps.list_items(store, engagement, "next_step")[0].record.owner == "CEO"
    ps.set_value(store, engagement, "organization", Organization(mode="incremental"))
    set_mode = history.record_history(store, engagement, "value", "organization")[0]
    history.restore(store, set_mode.id)
    assert ps.get_value(store, engagement, "organization").mode == ""


def test_restore_of_a_profile_field_and_a_scope(store: Any) -> None:
    engagement, _ = _engagement(store)
    es.set_field(store, engagement, "start_date", date(2027, 3, 1))
    es.set_field(store, engagement, "start_date", date(2027, 4, 1))
    dx.set_scope(store, engagement, {CLAUSE: ScopeEntry(False, 1.0)})
    changes = history.engagement_history(store, engagement)
    scope = next(c for c in changes if c.kind == "scope")
    history.restore(store, scope.id)
    assert dx.get_scope(store, engagement) == {}
    dates = [c for c in changes if c.field == "start_date"]
    history.restore(store, dates[0].id)
    assert es.get_profile(store, engagement).start_date == date(2027, 3, 1)
    history.restore(store, dates[1].id)
    assert es.get_profile(store, engagement).start_date is None


def test_the_sample_writes_one_entry_not_thousands(store: Any) -> None:
    from dtbench.sample import create_demo

    engagement = create_demo(store, "en")
    changes = history.engagement_history(store, engagement)
    assert [(c.kind, c.field, c.new_value) for c in changes] == [("engagement", "*", "created")]
    # Later edits of it are recorded as usual.
    rnd = dx.list_rounds(store, engagement)[-1].uuid
    dx.set_answer(store, rnd, ITEM, note="checked again")
    assert len(history.engagement_history(store, engagement)) == 2


def test_an_imported_engagement_file_writes_one_entry(store: Any, tmp_path: Path) -> None:
    from dtbench.transfer.package import export_package, import_package

    engagement, rnd = _engagement(store)
    dx.set_answer(store, rnd, ITEM, status="met")
    target = export_package(store, engagement, tmp_path / "e.dtbx")
    result = import_package(store, target, "keep_both")
    changes = history.engagement_history(store, result.uuid)
    assert [(c.field, c.new_value) for c in changes] == [("*", "imported")]


def test_every_column_of_every_model_is_recorded_or_listed_as_not() -> None:
    """A field added to a model must be recorded or deliberately left out."""
    models = {m.class_ for m in Base.registry.mappers}
    unplaced = models - set(recorder.RECORDED) - set(recorder.UNRECORDED_MODELS)
    assert not unplaced, f"add to RECORDED or UNRECORDED_MODELS: {unplaced}"
    for model, fields in recorder.RECORDED.items():
        columns = {c.key for c in sa_inspect(model).column_attrs}
        listed = set(fields) | set(recorder.NOT_RECORDED[model])
        assert columns == listed, (
            f"{model.__name__}: unlisted {columns - listed}, gone {listed - columns}"
        )


def test_two_consultants_on_the_server_record_their_own_names() -> None:
    from tests import pg

    pg.require_server()
    from dtbench.store import open_store

    with pg.role("hist_a") as alice, pg.role("hist_b") as bob, pg.database() as url:
        from sqlalchemy import create_engine

        owner = create_engine(url, isolation_level="AUTOCOMMIT")
        with owner.connect() as conn:
            for login in (alice, bob):
                conn.execute(text(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{login}"'))
                conn.execute(text(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{login}"'))
        owner.dispose()
        database = url.rsplit("/", 1)[-1]
        first = open_store(pg.url_for(database, user=alice, password="secret-pw"))
        second = open_store(pg.url_for(database, user=bob, password="secret-pw"))
        try:
            _, rnd = _engagement(first)
            dx.set_answer(first, rnd, ITEM, status="met")
            dx.set_answer(second, rnd, ITEM, status="partly")
            dx.set_clause(second, rnd, CLAUSE, "findings", "seen on site")
            changes = history.clause_history(first, rnd, CLAUSE)
            assert [(c.author, c.field, c.new_value) for c in changes] == [
                (bob, "findings", "seen on site"),
                (bob, "status", "partly"),
                (alice, "status", "met"),
            ]
            history.restore(first, changes[1].id)
            assert history.clause_history(second, rnd, CLAUSE)[0].author == alice
            assert dx.load_answer(second, rnd, ITEM).status == "met"
        finally:
            first.close()
            second.close()


@pytest.mark.sqlite_only
def test_the_command_line_shows_a_clause_history_and_restores(
    store: Any, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dtbench.cli import main

    engagement, rnd = _engagement(store)
    dx.set_answer(store, rnd, ITEM, status="met")
    dx.set_answer(store, rnd, ITEM, status="not_met")
    assert main(["history", engagement[:8], "--db", str(db_path), "--clause", CLAUSE]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["Change", "Time", "Author", "Record", "Field", "From", "To"]
    newest = lines[1].split("\t")
    assert newest[2:] == [store.author, f"answer {ITEM}", "status", "met", "not_met"]
    assert main(["history", engagement, "--db", str(db_path), "--restore", newest[0]]) == 0
    assert dx.load_answer(store, rnd, ITEM).status == "met"
    assert main(["history", engagement, "--db", str(db_path), "--clause", "9.9.9"]) == 2
    assert capsys.readouterr().err.strip() == "dtbench: There is no clause 9.9.9 in the guide."
