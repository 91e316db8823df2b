"""Diagnosis records in the store: answers, levels, scope, evidence and rounds survive a
reopen; bad values are refused; the order in which answers arrive does not matter."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Text

from dtbench.diagnosis import service as dx
from dtbench.diagnosis.errors import EvidenceTooLargeError, EvidenceUnreadableError
from dtbench.diagnosis.records import AnswerRecord
from dtbench.diagnosis.scale import STATUSES
from dtbench.diagnosis.scoring import IN_SCOPE, LevelChoice, ScopeEntry
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.messages import translate
from dtbench.store import open_store
from dtbench.store.database import Store
from dtbench.store.models import Base

GUIDE = load_guide()
POINTS_731 = [p.key for p in GUIDE.clause("7.3.1").checkpoints()]


def _engagement(store: Store) -> tuple[str, str]:
    profile = service.create_engagement(store, client_name="大连澜岳精工", title="现状诊断")
    rounds = dx.ensure_rounds(store, profile.uuid, "基线评估")
    return profile.uuid, rounds[0].uuid


def _same_text(_ctx, _inspected, _column, inspected_type, model_type):  # type: ignore[no-untyped-def]
    """Text behind the store's checked type is the server's TEXT (PostgreSQL reports it so)."""
    inner = getattr(model_type, "impl_instance", model_type)
    if isinstance(inner, Text) and isinstance(inspected_type, Text):
        return False
    return None


def test_migrated_schema_matches_the_models(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": _same_text})
        assert compare_metadata(context, Base.metadata) == []


def test_answers_levels_and_texts_survive_reopen(db_path: Path) -> None:
    store = open_store(db_path)
    eng, rnd = _engagement(store)
    assert dx.set_answer(store, rnd, POINTS_731[0], status="met") == AnswerRecord()
    dx.set_answer(store, rnd, POINTS_731[1], status="partly", note="排产仍用Excel")
    dx.set_answer(store, rnd, POINTS_731[1], note="排产仍用Excel，每周一次")
    assert dx.set_clause(store, rnd, "7.3.1", "current", 2) is None
    dx.set_clause(store, rnd, "7.3.1", "target", 4)
    dx.set_clause(store, rnd, "7.3.1", "findings", "计划部用Excel排产，插单靠电话协调。")
    dx.set_clause(store, rnd, "7.3.1", "interviewees", "孙立强（生产计划部经理）")
    store.close()

    store = open_store(db_path)
    data = dx.load_round(store, rnd)
    assert data.answers[POINTS_731[0]] == AnswerRecord("met", "")
    assert data.answers[POINTS_731[1]] == AnswerRecord("partly", "排产仍用Excel，每周一次")
    clause = data.clauses["7.3.1"]
    assert (clause.current, clause.target) == (2, 4)
    assert (
        clause.findings.startswith("计划部") and clause.interviewees == "孙立强（生产计划部经理）"
    )
    report = dx.round_report(store, eng, rnd)
    assert report.by_key["7.3.1"].gap == 2
    assert report.by_key["7.3.1"].coverage == pytest.approx(0.75)
    store.close()


def test_clearing_an_answer_returns_it_to_unanswered(store: Store) -> None:
    _eng, rnd = _engagement(store)
    dx.set_answer(store, rnd, POINTS_731[0], status="met")
    old = dx.set_answer(store, rnd, POINTS_731[0], status="")
    assert old == AnswerRecord("met", "")
    assert POINTS_731[0] not in dx.load_round(store, rnd).answers


def test_bad_values_are_refused_and_nothing_is_written(store: Store) -> None:
    _eng, rnd = _engagement(store)
    with pytest.raises(ValueError):
        dx.set_answer(store, rnd, POINTS_731[0], status="maybe")
    with pytest.raises(ValueError):
        dx.set_answer(store, rnd, "7.3.1.zz", status="met")
    with pytest.raises(ValueError):
        dx.set_clause(store, rnd, "7.3.1", "current", 6)
    with pytest.raises(KeyError):
        dx.set_clause(store, rnd, "7.9.9", "findings", "x")
    data = dx.load_round(store, rnd)
    assert data.answers == {} and data.clauses == {}


def test_scope_and_weights_round_trip_and_return_previous_entries(store: Store) -> None:
    eng, rnd = _engagement(store)
    old = dx.set_scope(store, eng, {"7.2.1": ScopeEntry(False, 1), "7.3.1": ScopeEntry(True, 2)})
    assert old == {"7.2.1": IN_SCOPE, "7.3.1": IN_SCOPE}
    assert dx.get_scope(store, eng) == {
        "7.2.1": ScopeEntry(False, 1),
        "7.3.1": ScopeEntry(True, 2),
    }
    report = dx.round_report(store, eng, rnd)
    assert "7.2.1" not in report.by_key and report.by_key["7.3.1"].weight == 2
    dx.set_scope(store, eng, old)  # undo
    assert dx.get_scope(store, eng) == {}
    with pytest.raises(ValueError):
        dx.set_scope(store, eng, {"7.3.1": ScopeEntry(True, 0)})


def test_evidence_is_copied_into_the_store_and_can_be_restored(
    db_path: Path, tmp_path: Path
) -> None:
    store = open_store(db_path)
    _eng, rnd = _engagement(store)
    photo = tmp_path / "车间看板.jpg"
    photo.write_bytes(b"\xff\xd8jpeg-bytes" * 100)
    record = dx.add_evidence(store, rnd, "7.3.1", photo)
    photo.unlink()  # the original may go away; the store keeps its copy
    store.close()

    store = open_store(db_path)
    listed = dx.load_round(store, rnd).evidence["7.3.1"]
    assert [(e.filename, e.size) for e in listed] == [("车间看板.jpg", 1200)]
    assert dx.evidence_data(store, record.sha256) == b"\xff\xd8jpeg-bytes" * 100
    removed = dx.remove_evidence(store, record.uuid)
    assert "7.3.1" not in dx.load_round(store, rnd).evidence
    dx.restore_evidence(store, rnd, removed)  # undo keeps working until the blob is purged
    assert dx.load_round(store, rnd).evidence["7.3.1"][0].uuid == record.uuid
    dx.remove_evidence(store, record.uuid)
    assert dx.purge_orphan_blobs(store) == 1
    with pytest.raises(LookupError):
        dx.evidence_data(store, record.sha256)
    store.close()


def test_evidence_over_the_limit_or_unreadable_gets_a_clear_message(
    store: Store, tmp_path: Path
) -> None:
    _eng, rnd = _engagement(store)
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"x" * (3 * 1024 * 1024))
    with pytest.raises(EvidenceTooLargeError) as raised:
        dx.add_evidence(store, rnd, "7.3.1", big, limit=2 * 1024 * 1024)
    assert "scan.pdf" in str(raised.value) and "3.0 MB" in str(raised.value)
    assert "2 MB" in raised.value.message(lambda c, t: translate(c, t, "zh"))
    assert "证据" in raised.value.message(lambda c, t: translate(c, t, "zh"))
    with pytest.raises(EvidenceUnreadableError):
        dx.add_evidence(store, rnd, "7.3.1", tmp_path / "missing.jpg")
    assert dx.load_round(store, rnd).evidence == {}


def test_new_round_starts_as_a_copy_and_then_diverges(store: Store, tmp_path: Path) -> None:
    eng, first = _engagement(store)
    dx.set_answer(store, first, POINTS_731[0], status="partly", note="试点")
    dx.set_clause(store, first, "7.3.1", "current", 1)
    evidence = tmp_path / "报工单.png"
    evidence.write_bytes(b"png")
    dx.add_evidence(store, first, "7.3.1", evidence)

    second = dx.new_round(store, eng, "第一次复评")
    assert second.number == 2
    copied = dx.load_round(store, second.uuid)
    assert copied.answers == dx.load_round(store, first).answers
    assert copied.clauses["7.3.1"].current == 1
    assert [e.filename for e in copied.evidence["7.3.1"]] == ["报工单.png"]

    dx.set_answer(store, second.uuid, POINTS_731[0], status="met")
    dx.set_clause(store, second.uuid, "7.3.1", "current", 3)
    assert dx.load_round(store, first).answers[POINTS_731[0]].status == "partly"
    assert [r.name for r in dx.list_rounds(store, eng)] == ["基线评估", "第一次复评"]

    dx.delete_round(store, second.uuid)
    assert [r.number for r in dx.list_rounds(store, eng)] == [1]
    with pytest.raises(ValueError):
        dx.delete_round(store, first)


def test_deleting_an_engagement_for_good_deletes_its_diagnosis(store: Store) -> None:
    eng, rnd = _engagement(store)
    dx.set_answer(store, rnd, POINTS_731[0], status="met")
    service.move_to_trash(store, eng)
    service.empty_trash(store)
    with store.engine.connect() as c:
        from sqlalchemy import text

        assert c.execute(text("select count(*) from answers")).scalar() == 0
        assert c.execute(text("select count(*) from assessment_rounds")).scalar() == 0


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from(POINTS_731), st.sampled_from(STATUSES)),
        min_size=1,
        max_size=12,
        unique_by=lambda t: t[0],
    ),
    st.permutations(range(12)),
)
def test_saving_answers_in_any_order_gives_the_same_scores(
    store: Store, answers: list[tuple[str, str]], order: list[int]
) -> None:
    eng = service.create_engagement(store, client_name="甲", title="乙").uuid
    a = dx.ensure_rounds(store, eng, "基线")[0].uuid
    b = dx.new_round(store, eng, "复评").uuid
    for key, status in answers:
        dx.set_answer(store, a, key, status=status)
    for n in [i for i in order if i < len(answers)]:
        key, status = answers[n]
        dx.set_answer(store, b, key, status=status)
    dx.set_clause(store, a, "7.3.1", "target", 5)
    dx.set_clause(store, b, "7.3.1", "target", 5)
    assert dx.round_report(store, eng, a) == dx.round_report(store, eng, b)
    assert dx.round_report(store, eng, a).by_key["7.3.1"].answered == len(answers)
    assert LevelChoice(None, 5) == dx.load_round(store, b).levels()["7.3.1"]
