"""The scale and the scores: worked examples, then invariants checked with hypothesis."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dtbench.diagnosis.scale import LEVELS, STATUSES, level, suggested_level
from dtbench.diagnosis.scoring import LevelChoice, ScopeEntry, moved_clauses, priority, score
from dtbench.guide import load_guide

GUIDE = load_guide()
CLAUSES = list(GUIDE.clauses())
CHECKPOINTS = [p.key for c in CLAUSES for p in c.checkpoints()]
C731 = GUIDE.clause("7.3.1")
POINTS_731 = [p.key for p in C731.checkpoints()]


def test_five_levels_named_after_the_national_stages_with_both_languages() -> None:
    assert [lv.name.zh for lv in LEVELS] == ["规范级", "场景级", "领域级", "平台级", "生态级"]
    for lv in LEVELS:
        assert lv.description.zh and lv.description.en and lv.name.en
    assert level(3).name.zh == "领域级"
    with pytest.raises(ValueError):
        level(6)


@pytest.mark.parametrize(
    ("coverage", "expected"),
    [(0.0, 1), (0.19, 1), (0.2, 2), (0.39, 2), (0.4, 3), (0.6, 4), (0.79, 4), (0.8, 5), (1.0, 5)],
)
def test_suggested_level_bands(coverage: float, expected: int) -> None:
    assert suggested_level(coverage) == expected


def test_clause_coverage_counts_met_partly_not_met_and_leaves_out_na_and_unanswered() -> None:
    a, b, c, d, e = POINTS_731[:5]
    answers = {a: "met", b: "partly", c: "not_met", d: "na"}  # e and the rest unanswered
    report = score(GUIDE, answers)
    clause = report.by_key["7.3.1"]
    assert clause.coverage == pytest.approx(1.5 / 3)
    assert clause.index == pytest.approx(50.0)
    assert clause.answered == 4
    assert clause.total == len(POINTS_731)
    assert clause.counts["na"] == 1 and clause.counts[""] == len(POINTS_731) - 4
    assert clause.suggested == 3
    assert e not in answers


def test_unanswered_clause_has_no_index_and_is_left_out_of_the_area_index() -> None:
    answers = {POINTS_731[0]: "met"}
    report = score(GUIDE, answers)
    assert report.by_key["7.3.2"].coverage is None
    area = report.area("7")
    assert area.index == pytest.approx(100.0)  # only 7.3.1 has a coverage
    assert report.overall_index == pytest.approx(100.0)


def test_consultant_level_overrides_the_suggestion_and_gap_and_priority_follow() -> None:
    answers = dict.fromkeys(POINTS_731, "not_met")
    report = score(GUIDE, answers, {"7.3.1": LevelChoice(target=4)})
    clause = report.by_key["7.3.1"]
    assert (clause.suggested, clause.current, clause.current_overridden) == (1, 1, False)
    assert clause.gap == 3
    assert clause.priority == pytest.approx(15.0)

    report = score(
        GUIDE, answers, {"7.3.1": LevelChoice(current=2, target=4)}, {"7.3.1": ScopeEntry(True, 2)}
    )
    clause = report.by_key["7.3.1"]
    assert (clause.current, clause.current_overridden, clause.gap) == (2, True, 2)
    assert clause.priority == pytest.approx(2 * 8.0)


def test_priority_grows_faster_than_the_gap_and_ignores_negative_gaps() -> None:
    assert [priority(g, 1) for g in (None, -1, 0, 1, 2, 3, 4)] == [0, 0, 0, 3, 8, 15, 24]
    assert priority(1, 1) + priority(1, 1) < priority(2, 1)  # one big gap beats two small


def test_ranked_gaps_order_by_priority_then_gap() -> None:
    levels = {
        "6.1.1": LevelChoice(current=2, target=3),  # priority 3
        "7.3.1": LevelChoice(current=1, target=4),  # 15
        "8.1.1": LevelChoice(current=2, target=4),  # 8 × weight 2 = 16
        "9.1": LevelChoice(current=3, target=3),  # no gap
    }
    scope = {"8.1.1": ScopeEntry(True, 2.0)}
    report = score(GUIDE, {}, levels, scope)
    assert [c.key for c in report.ranked_gaps()] == ["8.1.1", "7.3.1", "6.1.1"]


def test_weights_are_renormalised_over_the_scored_clauses() -> None:
    first = [p.key for p in GUIDE.clause("7.3.1").checkpoints()]
    second = [p.key for p in GUIDE.clause("7.3.2").checkpoints()]
    answers = dict.fromkeys(first, "met") | dict.fromkeys(second, "not_met")
    scope = {"7.3.1": ScopeEntry(True, 3.0)}
    report = score(GUIDE, answers, None, scope)
    assert report.area("7").index == pytest.approx(75.0)  # (3 × 100 + 1 × 0) / 4
    assert report.overall_index == pytest.approx(75.0)


def test_out_of_scope_clauses_disappear_from_every_score() -> None:
    answers = dict.fromkeys(POINTS_731, "met")
    scope = {"7.3.1": ScopeEntry(False, 1.0)}
    report = score(GUIDE, answers, {"7.3.1": LevelChoice(1, 5)}, scope)
    assert "7.3.1" not in report.by_key
    assert report.overall_index is None
    assert report.ranked_gaps() == []
    assert report.total == len(CHECKPOINTS) - len(POINTS_731)
    whole_area = {c.key: ScopeEntry(False, 1.0) for c in GUIDE.areas[0].clauses()}
    assert GUIDE.areas[0].key not in [a.key for a in score(GUIDE, {}, None, whole_area).areas]


def test_rounds_comparison_lists_the_clauses_that_moved() -> None:
    before = score(GUIDE, {}, {"7.3.1": LevelChoice(1, 4), "7.3.2": LevelChoice(2, 3)})
    after = score(GUIDE, {}, {"7.3.1": LevelChoice(3, 4), "7.3.2": LevelChoice(2, 3)})
    moved = moved_clauses(before, after)
    assert [(m.key, m.level_before, m.level_after) for m in moved] == [("7.3.1", 1, 3)]


# ---------------------------------------------------------------- invariants
answers_strategy = st.dictionaries(
    st.sampled_from(CHECKPOINTS), st.sampled_from(STATUSES), max_size=300
)
levels_strategy = st.dictionaries(
    st.sampled_from([c.key for c in CLAUSES]),
    st.builds(
        LevelChoice,
        st.one_of(st.none(), st.integers(1, 5)),
        st.one_of(st.none(), st.integers(1, 5)),
    ),
)
scope_strategy = st.dictionaries(
    st.sampled_from([c.key for c in CLAUSES]),
    st.builds(ScopeEntry, st.booleans(), st.sampled_from([0.5, 1.0, 2.0, 3.0, 10.0])),
)


@settings(max_examples=150, deadline=None)
@given(answers_strategy, levels_strategy, scope_strategy)
def test_indices_and_levels_stay_in_range(
    answers: dict[str, str], levels: dict[str, LevelChoice], scope: dict[str, ScopeEntry]
) -> None:
    report = score(GUIDE, answers, levels, scope)
    values = [report.overall_index] + [a.index for a in report.areas]
    values += [c.index for c in report.clauses]
    assert all(v is None or 0.0 <= v <= 100.0 for v in values)
    levels_seen = [report.current_level, report.target_level]
    levels_seen += [a.current_level for a in report.areas] + [a.target_level for a in report.areas]
    assert all(v is None or 1.0 <= v <= 5.0 for v in levels_seen)
    assert 0 <= report.answered <= report.total
    assert all(c.priority >= 0 for c in report.clauses)


@settings(max_examples=100, deadline=None)
@given(answers_strategy, levels_strategy, scope_strategy, st.sampled_from(GUIDE.areas))
def test_taking_an_area_out_of_scope_leaves_the_other_areas_unchanged(
    answers: dict[str, str],
    levels: dict[str, LevelChoice],
    scope: dict[str, ScopeEntry],
    area: object,
) -> None:
    before = score(GUIDE, answers, levels, scope)
    out = dict(scope) | {c.key: ScopeEntry(False, 1.0) for c in area.clauses()}  # type: ignore[attr-defined]
    after = score(GUIDE, answers, levels, out)
    assert area.key not in [a.key for a in after.areas]  # type: ignore[attr-defined]
    for a in after.areas:
        assert a == before.area(a.key)
    for c in after.clauses:
        assert c == before.by_key[c.key]


@settings(max_examples=100, deadline=None)
@given(answers_strategy, levels_strategy, st.randoms(use_true_random=False))
def test_the_order_of_answers_does_not_matter(
    answers: dict[str, str], levels: dict[str, LevelChoice], rnd: random.Random
) -> None:
    items = list(answers.items())
    rnd.shuffle(items)
    shuffled: dict[str, str] = {}
    for key, status in items:
        shuffled[key] = status
    assert score(GUIDE, shuffled, levels) == score(GUIDE, answers, levels)
