"""Two consultants on one database never overwrite each other silently: a save against a
stale version is refused with both values, the other's author and time; saves of different
records, or of different fields of one record, go through; nothing acknowledged is lost even
when two clients save at the same moment. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select

from dtbench.diagnosis import service as dx
from dtbench.diagnosis.records import AnswerRecord, ClauseRecord, RoundData
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.messages import translate
from dtbench.plan import service as plan
from dtbench.plan.records import Kpi, Strategy
from dtbench.store import open_store
from dtbench.store.conflicts import NO_BASE, Base, EditConflict
from dtbench.store.database import Store
from dtbench.store.models import ClauseAssessment

GUIDE = load_guide()
ITEM = next(iter(GUIDE.clause("7.3.1").checkpoints())).key


def _as(url: str, author: str) -> Store:
    """Another client on the same database, saving as ``author``."""
    other = open_store(url)
    other.sessions.kw["info"] = {"author": author}
    return dataclasses.replace(other, author=author)


@pytest.fixture
def two(store: Store) -> Iterator[tuple[Store, Store]]:
    """Consultants A (王芳) and B (林涛) on the test's database."""
    a, b = _as(store.url, "wangfang"), _as(store.url, "lintao")
    yield a, b
    a.close()
    b.close()


def _round(store: Store) -> tuple[str, str]:
    profile = service.create_engagement(store, client_name="大连澜岳精工", title="现状诊断")
    return profile.uuid, dx.ensure_rounds(store, profile.uuid, "基线评估")[0].uuid


def _findings_base(data: RoundData, key: str) -> Base:
    return dx.clause_base(data.versions.clauses.get(key, 0), data.clauses.get(key, ClauseRecord()))


def _answer_base(data: RoundData, key: str) -> Base:
    return dx.answer_base(data.versions.answers.get(key, 0), data.answers.get(key, AnswerRecord()))


def test_a_stale_save_is_refused_with_both_values_and_their_author(
    two: tuple[Store, Store],
) -> None:
    a, b = two
    _eng, rnd = _round(a)
    dx.set_clause(a, rnd, "7.3.1", "findings", "排产用Excel。")
    seen_a, seen_b = dx.load_round(a, rnd), dx.load_round(b, rnd)
    dx.set_clause(
        b,
        rnd,
        "7.3.1",
        "findings",
        "排产用Excel，插单靠电话。",
        base=_findings_base(seen_b, "7.3.1"),
    )

    typed = "排产用Excel；\r\n计划员两名。"
    with pytest.raises(EditConflict) as caught:
        dx.set_clause(a, rnd, "7.3.1", "findings", typed, base=_findings_base(seen_a, "7.3.1"))
    conflict = caught.value
    (field,) = conflict.conflicts
    assert (field.field, field.mine, field.theirs) == (
        "findings",
        typed,
        "排产用Excel，插单靠电话。",
    )
    assert field.base == "排产用Excel。"
    assert conflict.author == "lintao" and conflict.at is not None
    assert conflict.version == seen_a.versions.clauses["7.3.1"] + 1
    message = conflict.message(lambda c, t: translate(c, t, "en"))
    assert "lintao" in message and "7.3.1" in message and "\n" not in message
    # nothing of A's was written; B's is there
    assert dx.load_clause(a, rnd, "7.3.1").findings == "排产用Excel，插单靠电话。"

    # A keeps theirs own text knowingly: saved against B's version
    chosen = dx.clause_base(conflict.version, dx.load_clause(a, rnd, "7.3.1"))
    dx.set_clause(a, rnd, "7.3.1", "findings", typed, base=chosen)
    assert dx.load_clause(b, rnd, "7.3.1").findings == "排产用Excel；\n计划员两名。"


def test_different_clauses_never_conflict(two: tuple[Store, Store]) -> None:
    a, b = two
    eng, rnd = _round(a)
    for key in ("7.3.1", "7.3.2"):
        dx.set_clause(a, rnd, key, "findings", f"{key} 初稿")
    seen_a, seen_b = dx.load_round(a, rnd), dx.load_round(b, rnd)
    dx.set_clause(b, rnd, "7.3.1", "findings", "B 改 7.3.1", base=_findings_base(seen_b, "7.3.1"))
    dx.set_clause(a, rnd, "7.3.2", "findings", "A 改 7.3.2", base=_findings_base(seen_a, "7.3.2"))
    dx.set_clause(a, rnd, "7.3.2", "current", 3, base=_findings_base(seen_a, "7.3.2"))
    # a clause nobody had written yet: created by A, no conflict
    dx.set_clause(a, rnd, "7.3.3", "target", 4, base=_findings_base(seen_a, "7.3.3"))
    data = dx.load_round(b, rnd)
    assert data.clauses["7.3.1"].findings == "B 改 7.3.1"
    assert data.clauses["7.3.2"] == ClauseRecord(3, None, "A 改 7.3.2", "")
    assert data.clauses["7.3.3"].target == 4
    # plan records likewise: two KPIs, one each, and the strategy
    kpis = [
        plan.add_item(a, eng, Kpi(name=n, category="production_efficiency")) for n in ("OEE", "OTD")
    ]
    plan.update_item(
        b,
        kpis[0].uuid,
        Kpi(name="OEE %", category="production_efficiency"),
        base=plan.record_base(1, kpis[0].record),
    )
    plan.update_item(
        a,
        kpis[1].uuid,
        Kpi(name="OTD %", category="production_efficiency"),
        base=plan.record_base(1, kpis[1].record),
    )
    assert [i.record.name for i in plan.list_items(a, eng, "kpi")] == ["OEE %", "OTD %"]


def test_status_and_note_of_one_item_merge_without_conflict(two: tuple[Store, Store]) -> None:
    a, b = two
    _eng, rnd = _round(a)
    dx.set_answer(a, rnd, ITEM, status="partly", note="周计划")
    seen_a, seen_b = dx.load_round(a, rnd), dx.load_round(b, rnd)
    dx.set_answer(b, rnd, ITEM, note="周计划，日调整", base=_answer_base(seen_b, ITEM))
    # A's view still shows the old note; it sends both fields, as the window does
    dx.set_answer(a, rnd, ITEM, status="met", note="周计划", base=_answer_base(seen_a, ITEM))
    assert dx.load_answer(b, rnd, ITEM) == AnswerRecord("met", "周计划，日调整")
    # the clause: levels of one, findings of the other
    dx.set_clause(a, rnd, "7.3.1", "findings", "初稿")
    seen_a, seen_b = dx.load_round(a, rnd), dx.load_round(b, rnd)
    dx.set_clause(b, rnd, "7.3.1", "findings", "B 的结论", base=_findings_base(seen_b, "7.3.1"))
    dx.set_clause(a, rnd, "7.3.1", "current", 2, base=_findings_base(seen_a, "7.3.1"))
    assert dx.load_clause(a, rnd, "7.3.1") == ClauseRecord(2, None, "B 的结论", "")
    # the same value typed on both sides is no conflict either
    dx.set_clause(a, rnd, "7.3.1", "findings", "B 的结论", base=_findings_base(seen_a, "7.3.1"))


def test_plan_fields_merge_and_the_same_field_conflicts(two: tuple[Store, Store]) -> None:
    a, b = two
    eng, _rnd = _round(a)
    item = plan.add_item(a, eng, Kpi(name="OEE", category="production_efficiency"))
    base = plan.record_base(1, item.record)
    plan.update_item(
        b, item.uuid, Kpi(name="OEE", category="production_efficiency", unit="%"), base=base
    )
    plan.update_item(
        a, item.uuid, Kpi(name="设备综合效率", category="production_efficiency"), base=base
    )
    (stored,) = plan.list_items(a, eng, "kpi")
    assert (stored.record.name, stored.record.unit) == ("设备综合效率", "%")
    with pytest.raises(EditConflict) as caught:
        plan.update_item(
            b,
            item.uuid,
            Kpi(name="OEE（月）", category="production_efficiency", unit="%"),
            base=plan.record_base(2, plan.replace_struct(item.record, unit="%")),
        )
    (field,) = caught.value.conflicts
    assert (field.field, field.mine, field.theirs) == ("name", "OEE（月）", "设备综合效率")
    assert caught.value.author == "wangfang"
    # a single record: nobody had set the strategy; both set it
    plan.set_value(
        a,
        eng,
        "strategy",
        Strategy(vision="三年内建成智能工厂"),
        base=plan.record_base(0, Strategy()),
    )
    with pytest.raises(EditConflict):
        plan.set_value(
            b,
            eng,
            "strategy",
            Strategy(vision="成为行业标杆"),
            base=plan.record_base(0, Strategy()),
        )
    assert plan.get_value(b, eng, "strategy").vision == "三年内建成智能工厂"
    value, version = plan.get_value_versioned(b, eng, "strategy")
    plan.set_value(
        b, eng, "strategy", Strategy(vision="成为行业标杆"), base=plan.record_base(version, value)
    )
    assert plan.get_value(a, eng, "strategy").vision == "成为行业标杆"


def test_the_other_side_removed_or_created_the_record(two: tuple[Store, Store]) -> None:
    a, b = two
    eng, rnd = _round(a)
    dx.set_answer(a, rnd, ITEM, note="看板")
    seen_a = dx.load_round(a, rnd)
    dx.set_answer(b, rnd, ITEM, note="")  # B clears it: the answer's row is gone
    with pytest.raises(EditConflict) as caught:
        dx.set_answer(a, rnd, ITEM, note="看板，每日更新", base=_answer_base(seen_a, ITEM))
    assert caught.value.deleted and caught.value.conflicts[0].theirs == ""
    # A changes only the status: B's clearing of the note stays, A's status is saved
    dx.set_answer(a, rnd, ITEM, status="met", base=_answer_base(seen_a, ITEM))
    assert dx.load_answer(b, rnd, ITEM) == AnswerRecord("met", "")

    # B created the clause's record after A looked
    seen_a = dx.load_round(a, rnd)
    assert "7.4.1" not in seen_a.versions.clauses
    dx.set_clause(b, rnd, "7.4.1", "findings", "B 先写")
    with pytest.raises(EditConflict) as caught:
        dx.set_clause(a, rnd, "7.4.1", "findings", "A 也写", base=_findings_base(seen_a, "7.4.1"))
    assert caught.value.conflicts[0].theirs == "B 先写" and caught.value.author == "lintao"

    # a plan item B removed while A edited it
    item = plan.add_item(a, eng, Kpi(name="OEE", category="production_efficiency"))
    plan.remove_item(b, item.uuid)
    with pytest.raises(EditConflict) as caught:
        plan.update_item(
            a,
            item.uuid,
            Kpi(name="OEE %", category="production_efficiency"),
            base=plan.record_base(1, item.record),
        )
    assert caught.value.deleted


def test_without_a_base_the_last_save_wins_as_before(two: tuple[Store, Store]) -> None:
    a, b = two
    _eng, rnd = _round(a)
    dx.set_clause(a, rnd, "7.3.1", "findings", "A")
    dx.set_clause(b, rnd, "7.3.1", "findings", "B")
    assert dx.load_clause(a, rnd, "7.3.1").findings == "B"
    with a.session() as s:
        row = s.scalar(select(ClauseAssessment))
        assert row is not None and (row.version, row.updated_by) == (2, "lintao")


def _together(*jobs: Callable[[], None]) -> list[BaseException]:
    """Run the jobs in threads released at once; the errors they raised."""
    start = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job: Callable[[], None]) -> None:
        start.wait()
        try:
            job()
        except BaseException as exc:  # collected for the test to look at
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_two_clients_saving_different_clauses_concurrently(two: tuple[Store, Store]) -> None:
    a, b = two
    _eng, rnd = _round(a)
    clauses = [c.key for c in GUIDE.clauses()][:2]
    conflicts: list[EditConflict] = []

    def client(store: Store, key: str) -> Callable[[], None]:
        def work() -> None:
            for n in range(100):
                record, version = dx.load_clause_versioned(store, rnd, key)
                try:
                    dx.set_clause(
                        store,
                        rnd,
                        key,
                        "findings",
                        f"{key} #{n}",
                        base=dx.clause_base(version, record),
                    )
                except EditConflict as exc:
                    conflicts.append(exc)
                dx.set_answer(store, rnd, ITEM, status="met") if key == clauses[0] else None

        return work

    assert _together(client(a, clauses[0]), client(b, clauses[1])) == []
    assert conflicts == []
    data = dx.load_round(a, rnd)
    assert [data.clauses[k].findings for k in clauses] == [f"{k} #99" for k in clauses]


def _saving(store: Store, rnd: str, text: str, base: Base, saved: list[str]) -> Callable[[], None]:
    def work() -> None:
        dx.set_clause(store, rnd, "7.3.1", "findings", text, base=base)
        saved.append(text)

    return work


def test_the_same_field_at_once_one_wins_the_other_hears_of_it(two: tuple[Store, Store]) -> None:
    a, b = two
    _eng, rnd = _round(a)
    for n in range(20):
        dx.set_clause(a, rnd, "7.3.1", "findings", f"第{n}轮")
        record, version = dx.load_clause_versioned(a, rnd, "7.3.1")
        base = dx.clause_base(version, record)
        saved: list[str] = []
        errors = _together(
            _saving(a, rnd, f"A{n}", base, saved), _saving(b, rnd, f"B{n}", base, saved)
        )
        assert len(saved) == 1 and len(errors) == 1, (saved, errors)
        (error,) = errors
        assert isinstance(error, EditConflict)
        (field,) = error.conflicts
        # the loser's text is in the conflict verbatim, the winner's is stored
        assert field.theirs == saved[0] and field.mine in (f"A{n}", f"B{n}")
        assert field.mine != saved[0] and field.base == f"第{n}轮"
        assert dx.load_clause(b, rnd, "7.3.1").findings == saved[0]


def test_a_field_nobody_knew_conflicts_when_it_differs() -> None:
    from dtbench.store.conflicts import Stored, reconcile

    stored = Stored({"note": "theirs"}, 3, "lintao")
    with pytest.raises(EditConflict) as caught:
        reconcile("7.3.1.a", stored, {"note": "mine"}, Base(2))
    assert caught.value.conflicts[0].base is NO_BASE
    assert reconcile("7.3.1.a", stored, {"note": "theirs"}, Base(2)) == {"note": "theirs"}
