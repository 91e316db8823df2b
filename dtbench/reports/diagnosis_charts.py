"""The diagnosis charts (dashboard and deliverables) from a scored round.

Plain data in, matplotlib Figures out; every label comes translated in ``ChartTexts`` so the
same code serves the UI language on screen and the deliverable language in documents.
matplotlib is loaded only when a chart is built: the UI imports this module for the data
classes and ``chart_key`` and leaves the drawing to the chart workers.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dtbench.diagnosis.scale import MAX_LEVEL
from dtbench.diagnosis.scoring import ALL_STATUSES, UNANSWERED, Report, aggregate, moved_clauses
from dtbench.guide.model import Guide

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHART_NAMES = ("index", "progress", "radar", "gaps", "heatmap", "rounds")


@dataclass(frozen=True)
class ChartTexts:
    overall_index: str
    progress_title: str
    answered: str
    open: str
    radar_title: str
    current: str
    target: str
    gaps_title: str
    priority: str
    heatmap_title: str
    statuses: Sequence[str]  # in the order of scoring.ALL_STATUSES
    items: str
    rounds_title: str
    index_axis: str
    no_data: str
    no_gaps: str
    one_round: str


@dataclass(frozen=True)
class DiagnosisCharts:
    """What the charts show: the round's report and, to compare, every round's report."""

    guide: Guide
    lang: str
    report: Report
    rounds: Sequence[tuple[str, Report]]
    texts: ChartTexts


def _area_name(guide: Guide, key: str, lang: str) -> str:
    for area in guide.areas:
        if area.key == key:
            return f"{area.key} {area.title.get(lang)}"
    return key


def gap_rows(height: float) -> int:
    """How many clauses the ranked gaps show in a chart ``height`` inches high: a row needs
    about a fifth of an inch for its label not to run into the next (a small dashboard on
    a laptop at 150 % shows the first few, a page the first fifteen)."""
    return max(5, min(15, int((height - 1.2) / 0.2)))


def radar_axes(data: DiagnosisCharts) -> tuple[list[str], list[float], list[float]]:
    """Current and target level per group of the guide (6.1, 6.2 … 9) that is in scope and
    assessed: a group with no level (no applicable answer, no level chosen) is left out
    rather than drawn at the centre as if it were level 0; a level missing beside the other
    one is NaN (a gap in the line)."""
    names: list[str] = []
    current: list[float] = []
    target: list[float] = []
    by_key = data.report.by_key
    for area in data.guide.areas:
        for group in area.groups:
            scores = [by_key[c.key] for c in group.clauses if c.key in by_key]
            if not scores:
                continue
            agg = aggregate(group.key, scores)
            if agg.current_level is None and agg.target_level is None:
                continue  # not assessed in this round
            title = (
                group.title.get(data.lang) if group.key != area.key else area.title.get(data.lang)
            )
            names.append(f"{group.key} {title}")
            current.append(math.nan if agg.current_level is None else agg.current_level)
            target.append(math.nan if agg.target_level is None else agg.target_level)
    return names, current, target


def build(data: DiagnosisCharts, name: str, size: tuple[float, float]) -> Figure:
    """One chart of the dashboard by name (see CHART_NAMES), at ``size`` inches."""
    from dtbench.reports import charts  # matplotlib: in the chart workers, not in the UI
    from dtbench.reports.chart_style import empty_chart

    t = data.texts
    report = data.report
    if name == "index":
        if report.overall_index is None:
            return empty_chart(t.no_data, size=size)
        return charts.index_chart(report.overall_index, label=t.overall_index, size=size)
    if name == "progress":
        areas = report.areas
        return charts.progress_chart(
            [_area_name(data.guide, a.key, data.lang) for a in areas],
            [a.answered for a in areas],
            [a.total for a in areas],
            title=t.progress_title,
            done_label=t.answered,
            open_label=t.open,
            size=size,
        )
    if name == "radar":
        axes, current, target = radar_axes(data)
        # A series with no value at all (no target set yet) is left out, not drawn at 0.
        series = [
            charts.Series(label, values)
            for label, values in ((t.current, current), (t.target, target))
            if any(not math.isnan(v) for v in values)
        ]
        if not series:
            return empty_chart(t.no_data, size=size)
        return charts.radar_chart(
            axes,
            series,
            scale_max=MAX_LEVEL,
            title=t.radar_title,
            size=size,
        )
    if name == "gaps":
        ranked = report.ranked_gaps()
        if not ranked:
            return empty_chart(t.no_gaps, size=size)
        bars = [
            charts.GapBar(
                data.guide.clause(c.key).label(data.lang),
                float(c.current or 0),
                float(c.target or 0),
                c.priority,
            )
            for c in ranked
        ]
        return charts.gap_chart(
            bars,
            title=t.gaps_title,
            current_label=t.current,
            target_label=t.target,
            priority_label=t.priority,
            scale_max=MAX_LEVEL,
            limit=gap_rows(size[1]),
            size=size,
        )
    if name == "heatmap":
        # "unanswered" only while something is: a finished diagnosis has no column of zeros
        shown = [
            n
            for n, status in enumerate(ALL_STATUSES)
            if status != UNANSWERED or any(a.counts[status] for a in report.areas)
        ]
        return charts.heatmap_chart(
            [_area_name(data.guide, a.key, data.lang) for a in report.areas],
            [t.statuses[n] for n in shown],
            [[float(a.counts[ALL_STATUSES[n]]) for n in shown] for a in report.areas],
            title=t.heatmap_title,
            colorbar_label=t.items,
            colorbar=False,
            muted=[
                n for n, status in enumerate(ALL_STATUSES[i] for i in shown) if status == UNANSWERED
            ],
            size=size,
        )
    if name == "rounds":
        if len(data.rounds) < 2:
            return empty_chart(t.one_round, size=size)
        keys = [a.key for a in report.areas]
        series = []
        for round_name, r in data.rounds:
            indexed = {a.key: a.index for a in r.areas}
            series.append(charts.Series(round_name, [indexed.get(k) or 0.0 for k in keys]))
        return charts.rounds_chart(
            [_area_name(data.guide, k, data.lang) for k in keys],
            series,
            title=t.rounds_title,
            scale_max=100,
            value_label=t.index_axis,
            size=size,
        )
    raise KeyError(name)


def chart_key(data: DiagnosisCharts, name: str) -> Hashable:
    """Everything chart ``name`` shows: equal keys draw equal charts, so a redraw after an
    answer can skip the charts it does not change."""
    report = data.report
    t = data.texts
    head: tuple[Hashable, ...] = (name, data.lang, t)
    if name == "index":
        return (*head, None if report.overall_index is None else round(report.overall_index, 1))
    if name == "progress":
        return (*head, tuple((a.key, a.answered, a.total) for a in report.areas))
    if name == "radar":
        axes, current, target = radar_axes(data)
        return (*head, tuple(axes), tuple(current), tuple(target))
    if name == "gaps":
        return (
            *head,
            tuple((c.key, c.current, c.target, c.priority) for c in report.ranked_gaps()),
        )
    if name == "heatmap":
        return (*head, tuple((a.key, tuple(a.counts.values())) for a in report.areas))
    if name == "rounds":
        keys = tuple(a.key for a in report.areas)
        return (
            *head,
            keys,
            tuple((n, tuple((a.key, a.index) for a in r.areas)) for n, r in data.rounds),
        )
    raise KeyError(name)


__all__ = [
    "CHART_NAMES",
    "ChartTexts",
    "DiagnosisCharts",
    "build",
    "chart_key",
    "moved_clauses",
]
