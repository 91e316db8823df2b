"""Key findings (核心发现): stored and validated, drafted from the diagnosis, in the sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from dtbench.diagnosis import service as dx
from dtbench.diagnosis.records import RoundData, RoundRecord
from dtbench.diagnosis.scoring import score
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.input_rules import MAX_TITLE_CHARS, TextTooLongError
from dtbench.messages import translate
from dtbench.plan import service as plan
from dtbench.plan.checks import check_findings
from dtbench.plan.findings_draft import MAX_THEMES, draft_findings
from dtbench.plan.records import Finding, PlanItem
from dtbench.sample import create_demo
from dtbench.store import Store, open_store

GUIDE = load_guide()


def _eng(store: Store) -> str:
    return service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, str]:
    store = open_store(tmp_path_factory.mktemp("findings") / "demo.sqlite3")
    return store, create_demo(store)


def _round(store: Store, eng: str) -> tuple[object, RoundData]:
    current = dx.list_rounds(store, eng)[-1]
    return dx.round_report(store, eng, current.uuid), dx.load_round(store, current.uuid)


def test_findings_are_stored_in_order_and_survive_reopen(db_path: Path) -> None:
    store = open_store(db_path)
    eng = _eng(store)
    first = Finding(title="ERP与MES数据割裂", observations="U8与MES每日批量同步", clauses=("9.4",))
    plan.add_item(store, eng, first)
    second = plan.add_item(store, eng, Finding(title="计划无法闭环", clauses=("7.3.1", "7.4.2")))
    plan.move_item(store, second.uuid, 0)
    store.close()
    store = open_store(db_path)
    items = plan.list_items(store, eng, "finding")
    assert [i.record.title for i in items] == ["计划无法闭环", "ERP与MES数据割裂"]
    assert items[1].record == first
    store.close()


@pytest.mark.parametrize(
    ("record", "words"),
    [
        (Finding(title="  "), "needs a title"),
        (Finding(title="数据割裂", clauses=("7.3.9",)), "7.3.9"),
        (Finding(title="数据割裂", clauses=("7.3.1.a",)), "7.3.1.a"),  # an item, not a clause
    ],
)
def test_a_finding_without_title_or_with_unknown_clauses_is_refused(
    db_path: Path, record: Finding, words: str
) -> None:
    store = open_store(db_path)
    eng = _eng(store)
    with pytest.raises(ValueError, match=words):
        plan.add_item(store, eng, record)
    assert plan.list_items(store, eng, "finding") == []
    store.close()


def test_a_title_longer_than_a_heading_is_refused_with_the_limit(db_path: Path) -> None:
    store = open_store(db_path)
    eng = _eng(store)
    kept = plan.add_item(store, eng, Finding(title="数据割裂"))
    with pytest.raises(TextTooLongError) as refused:
        plan.update_item(store, kept.uuid, Finding(title="长" * (MAX_TITLE_CHARS + 1)))
    assert f"at most {MAX_TITLE_CHARS:,} characters" in refused.value.message(translate)
    assert plan.list_items(store, eng, "finding")[0].record.title == "数据割裂"
    store.close()


def test_the_sample_has_five_findings_on_real_clauses(sample: tuple[Store, str]) -> None:
    store, eng = sample
    findings = [i.record for i in plan.list_items(store, eng, "finding")]
    assert len(findings) == 5
    assert findings[0].title.startswith("系统各自建设")
    for finding in findings:
        assert finding.observations and finding.impact and finding.sources
        assert finding.clauses
        for key in finding.clauses:
            GUIDE.clause(key)


def test_draft_groups_the_weakest_clauses_by_the_guide_and_quotes_the_findings(
    sample: tuple[Store, str],
) -> None:
    store, eng = sample
    report, data = _round(store, eng)
    drafted = draft_findings(GUIDE, report, data, "zh")  # type: ignore[arg-type]
    assert 3 <= len(drafted) <= MAX_THEMES
    groups = [GUIDE.clause(f.clauses[0]).key.rsplit(".", 1)[0] for f in drafted]
    # one candidate per group of the guide, in the guide's order
    assert len(set(groups)) == len(groups)
    order = [g.key for a in GUIDE.areas for g in a.groups]
    keys = [next(g for g in order if f.clauses[0] in _group_clauses(g)) for f in drafted]
    assert keys == sorted(keys, key=order.index)
    ranked = report.ranked_gaps()  # type: ignore[attr-defined]
    top = ranked[0].key
    assert any(top in f.clauses for f in drafted)  # the largest gap is in a candidate
    for finding in drafted:
        for key in finding.clauses:
            assert key in {c.key for c in ranked}  # only clauses with a gap
            recorded = data.clauses[key].findings
            if recorded:  # the consultant's words, quoted, not invented
                assert recorded[:40] in finding.observations
        assert finding.title and finding.impact
        assert "宜考虑" not in finding.impact
    # drafting twice gives the same candidates
    assert draft_findings(GUIDE, report, data, "zh") == drafted  # type: ignore[arg-type]
    english = draft_findings(GUIDE, report, data, "en")  # type: ignore[arg-type]
    assert [f.clauses for f in english] == [f.clauses for f in drafted]
    assert "should be considered" not in english[0].impact


def _group_clauses(group: str) -> set[str]:
    for area in GUIDE.areas:
        for g in area.groups:
            if g.key == group:
                return {c.key for c in g.clauses}
    return set()


def test_draft_leaves_out_clauses_existing_findings_cover(sample: tuple[Store, str]) -> None:
    store, eng = sample
    report, data = _round(store, eng)
    drafted = draft_findings(GUIDE, report, data, "zh")  # type: ignore[arg-type]
    again = draft_findings(GUIDE, report, data, "zh", drafted)  # type: ignore[arg-type]
    covered = {k for f in drafted for k in f.clauses}
    assert not covered & {k for f in again for k in f.clauses}


def test_an_empty_diagnosis_drafts_no_candidates() -> None:
    report = score(GUIDE, {})
    data = RoundData(RoundRecord("r", 1, "基线评估"))
    assert draft_findings(GUIDE, report, data, "zh") == []
    assert draft_findings(GUIDE, report, data, "en") == []


def test_checks_name_findings_without_clauses_or_observations_and_too_many() -> None:
    items = [
        PlanItem(
            "a", "finding", 0, Finding(title="数据割裂", observations="U8与MES", clauses=("9.4",))
        ),
        PlanItem("b", "finding", 1, Finding(title="计划无法闭环", clauses=("7.3.1",))),
        PlanItem("c", "finding", 2, Finding(title="质量不可追溯", observations="纸质记录")),
    ]
    problems = check_findings(items)
    assert [(p.item, p.message(translate)) for p in problems] == [
        (
            "b",
            "“计划无法闭环” does not say what was seen: the client reads a claim without evidence.",
        ),
        (
            "c",
            "“质量不可追溯” names no clause: the proposal cannot say what in the guide it "
            "concerns.",
        ),
    ]
    many = [PlanItem(str(n), "finding", n, items[0].record) for n in range(8)]
    assert check_findings(many)[0].message(translate).startswith("There are 8 key findings")
    assert check_findings(items[:1]) == []


def test_the_summary_json_lists_the_key_findings(sample: tuple[Store, str]) -> None:
    from dtbench.reports.summary import summarise

    store, eng = sample
    data = summarise(store, eng).to_dict()
    listed = data["plan"]["key_findings"]
    stored = plan.list_items(store, eng, "finding")
    assert [f["title"] for f in listed] == [i.record.title for i in stored]
    assert list(listed[0]["clauses"]) == list(stored[0].record.clauses)
