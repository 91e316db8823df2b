"""The diagnosis charts leave out what is not assessed (issue 16, point 6): the radar of the
dashboard and the proposal (one path, ``diagnosis_charts.build``) has no axis for a part of
the guide nobody answered or rated, and never draws a missing level at the centre."""

from __future__ import annotations

import math

from dtbench.diagnosis.scoring import LevelChoice, score
from dtbench.guide import load_guide
from dtbench.reports.diagnosis_charts import ChartTexts, DiagnosisCharts, build, radar_axes

GUIDE = load_guide()
TEXTS = ChartTexts(
    "Overall index",
    "Completion",
    "Answered",
    "Open",
    "Maturity",
    "Current",
    "Target",
    "Gaps",
    "Priority",
    "Answers by area",
    ["met", "partly", "not met", "n/a", "unanswered"],
    "items",
    "Rounds",
    "Index",
    "No answers yet",
    "No gaps",
    "One round",
)


def _charts(answered_groups: tuple[str, ...], levels: dict[str, LevelChoice]) -> DiagnosisCharts:
    answers = {
        point.key: "met"
        for area in GUIDE.areas
        for group in area.groups
        if group.key in answered_groups
        for clause in group.clauses
        for point in clause.checkpoints()
    }
    report = score(GUIDE, answers, levels)
    return DiagnosisCharts(GUIDE, "en", report, [("Round 1", report)], TEXTS)


def test_radar_leaves_out_groups_with_no_answer_and_no_level() -> None:
    data = _charts(("6.1", "7.3", "8.1"), {"9.2": LevelChoice(target=4)})
    names, current, target = radar_axes(data)
    assert [n.split()[0] for n in names] == ["6.1", "7.3", "8.1", "9"]
    # answered groups have a current level; 9 has only a target: a gap, not a zero
    assert all(v >= 1 for v in current[:3]) and math.isnan(current[3])
    assert [math.isnan(v) for v in target] == [True, True, True, False]
    assert 0.0 not in current + target


def test_radar_figure_draws_no_point_at_the_centre() -> None:
    data = _charts(("6.1", "7.3", "8.1", "9"), {"7.3.1": LevelChoice(target=4)})
    figure = build(data, "radar", (6.0, 5.0))
    ax = next(a for a in figure.axes if a.name == "polar")
    lines = {
        line.get_label(): line
        for line in ax.get_lines()
        if line.get_label() in ("Current", "Target")
    }
    assert set(lines) == {"Current", "Target"}
    current = [float(v) for v in lines["Current"].get_ydata()]
    target = [float(v) for v in lines["Target"].get_ydata()]
    assert min(current) >= 1
    # the target is set for 7.3 only: the other axes are gaps, none is drawn at 0
    assert not any(v == 0 for v in target)
    assert sum(not math.isnan(v) for v in target[:-1]) == 1
    # only the complete series is filled
    assert len(ax.patches) == 1


def test_radar_without_any_target_shows_the_current_state_alone() -> None:
    data = _charts(("6.1", "7.3", "8.1"), {})
    figure = build(data, "radar", (6.0, 5.0))
    ax = next(a for a in figure.axes if a.name == "polar")
    labels = [line.get_label() for line in ax.get_lines()]
    assert "Current" in labels and "Target" not in labels


def test_heatmap_does_not_colour_what_is_still_unanswered() -> None:
    """Early in a diagnosis most items are unanswered: that column keeps its counts on a pale
    ground, and the darkest cell is an answer (issue 16)."""
    data = _charts(("6.1",), {})
    figure = build(data, "heatmap", (7.0, 4.0))
    ax = figure.axes[0]
    columns = [t.get_text() for t in ax.get_xticklabels()]
    assert columns[-1] == "unanswered"
    image = ax.get_images()[0]
    cells = image.get_array()
    assert cells.mask[:, -1].all()  # no colour in the unanswered column
    assert not cells.mask[:, 0].all()  # "met" is coloured
    texts = {(round(t.get_position()[0]), round(t.get_position()[1])): t for t in ax.texts}
    largest = max(
        (t for (col, _row), t in texts.items() if col == len(columns) - 1),
        key=lambda t: int(t.get_text()),
    )
    assert int(largest.get_text()) > 0 and largest.get_color() != "white"


def test_a_small_gap_chart_shows_fewer_clauses_a_page_fifteen() -> None:
    """On a dashboard at 150 % the gap chart is about 3 inches high: fifteen labels ran into
    each other; it shows the first few, the proposal's page keeps fifteen."""
    levels = {
        clause.key: LevelChoice(current=1, target=4)
        for area in GUIDE.areas
        for group in area.groups
        for clause in group.clauses
    }
    data = _charts(("6.1", "7.3"), levels)

    def rows(height: float) -> int:
        figure = build(data, "gaps", (6.0, height))
        return sum(1 for t in figure.axes[0].get_yticklabels() if t.get_text()) or len(
            [t for t in figure.axes[0].texts if t.get_gid() == "left"]
        )

    assert rows(4.6) == 15
    small = rows(3.1)
    assert 5 <= small < 15


def test_a_small_radar_has_labels_that_do_not_run_together() -> None:
    """The dashboard's radar on a laptop at 150 % is about 3.5 inches: its sixteen labels
    are smaller and narrower there, and no two overlap (the page's radar is unchanged)."""
    data = _charts(tuple(g.key for a in GUIDE.areas for g in a.groups), {})
    figure = build(data, "radar", (4.0, 3.4))
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    ax = next(a for a in figure.axes if a.name == "polar")
    boxes = [t.get_window_extent(renderer) for t in ax.texts if len(t.get_text()) > 3]
    assert len(boxes) >= 12
    overlapping = [
        (i, j) for i in range(len(boxes)) for j in range(i) if boxes[i].overlaps(boxes[j])
    ]
    assert overlapping == []
