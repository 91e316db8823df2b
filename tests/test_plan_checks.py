"""Property-based tests of the roadmap checks: cycles found exactly when they exist, and
every date or ordering problem reported, none invented."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dtbench.plan.checks import (
    CYCLE,
    DEPENDENCY_ORDER,
    OUTSIDE_PHASE,
    check_roadmap,
    find_cycles,
    would_cycle,
)
from dtbench.plan.records import Initiative, Phase, PlanItem

NODES = [f"n{i}" for i in range(8)]


def _reaches(graph: dict[str, tuple[str, ...]], start: str, goal: str) -> bool:
    seen: set[str] = set()
    stack = list(graph.get(start, ()))
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(graph.get(node, ()))
    return False


graphs = st.dictionaries(
    st.sampled_from(NODES),
    st.lists(st.sampled_from(NODES), max_size=3, unique=True).map(tuple),
    min_size=1,
)


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_cycles_are_found_exactly_when_a_node_reaches_itself(
    graph: dict[str, tuple[str, ...]],
) -> None:
    cycles = find_cycles(graph)
    on_cycle = {node for node in graph if _reaches(graph, node, node)}
    assert bool(cycles) == bool(on_cycle)
    for cycle in cycles:  # every reported cycle is a real one
        for a, b in zip(cycle, [*cycle[1:], cycle[0]], strict=True):
            assert b in graph[a]
        assert set(cycle) <= on_cycle


@settings(max_examples=300, deadline=None)
@given(graphs, st.sampled_from(NODES), st.lists(st.sampled_from(NODES), max_size=3, unique=True))
def test_would_cycle_agrees_with_reachability(
    graph: dict[str, tuple[str, ...]], node: str, deps: list[str]
) -> None:
    trial = dict(graph) | {node: tuple(deps)}
    expected = _reaches(trial, node, node)
    assert would_cycle(graph, node, tuple(deps)) == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=8), st.randoms(use_true_random=False))
def test_an_acyclic_plan_reports_no_cycle(count: int, rnd: object) -> None:
    # dependencies only on earlier initiatives: never a cycle
    items = []
    for n in range(count):
        deps = tuple(f"i{k}" for k in range(n) if rnd.random() < 0.4)  # type: ignore[attr-defined]
        items.append(PlanItem(f"i{n}", "initiative", n, Initiative(title=f"T{n}", depends_on=deps)))
    assert not [p for p in check_roadmap([], items) if p.template == CYCLE]


day = st.integers(min_value=0, max_value=60).map(lambda n: date(2026, 1, 1) + timedelta(days=n))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(day, st.integers(0, 30)), min_size=1, max_size=6),
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=8),
    st.tuples(day, st.integers(0, 60)),
)
def test_date_and_order_problems_are_reported_exactly(
    spans: list[tuple[date, int]],
    edges: list[tuple[int, int]],
    phase_span: tuple[date, int],
) -> None:
    phase_start, phase_days = phase_span
    phase_end = phase_start + timedelta(days=phase_days)
    phase = PlanItem("p", "phase", 0, Phase(name="一期", start=phase_start, end=phase_end))
    n = len(spans)
    deps: dict[int, set[int]] = {i: set() for i in range(n)}
    for a, b in edges:
        if a < n and b < n and b < a:  # only on earlier ones: no cycles here
            deps[a].add(b)
    records = [
        Initiative(
            title=f"T{i}",
            phase="p",
            start=start,
            end=start + timedelta(days=length),
            depends_on=tuple(f"i{d}" for d in sorted(deps[i])),
        )
        for i, (start, length) in enumerate(spans)
    ]
    items = [PlanItem(f"i{i}", "initiative", i, r) for i, r in enumerate(records)]
    problems = check_roadmap([phase], items)

    outside = {p.item for p in problems if p.template == OUTSIDE_PHASE}
    expected_outside = {
        f"i{i}"
        for i, r in enumerate(records)
        if r.start < phase_start or r.end > phase_end or r.start > phase_end  # type: ignore[operator]
    }
    assert outside == expected_outside

    late = [(p.item, p.args[2]) for p in problems if p.template == DEPENDENCY_ORDER]
    expected_late = [
        (f"i{i}", records[d].title)
        for i, r in enumerate(records)
        for d in sorted(deps[i])
        if r.start < records[d].end  # type: ignore[operator]
    ]
    assert late == expected_late
    assert not [p for p in problems if p.template == CYCLE]
