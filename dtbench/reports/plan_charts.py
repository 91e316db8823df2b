"""Roadmap charts from plan items: the value/effort priority matrix and the Gantt chart by
phase, and the culture traits radar. Shared by the plan steps and the deliverables; labels
come translated. matplotlib is loaded only when a chart is built (in the chart workers)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from dtbench.plan.records import Initiative, Phase, PlanItem

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class RoadmapTexts:
    matrix_title: str
    value: str
    effort: str
    quadrants: tuple[str, str, str, str]  # quick wins, major projects, fill-ins, reconsider
    gantt_title: str
    no_phase: str
    no_dates: str
    milestone: str = ""  # the Gantt's legend: an initiative's milestones
    dependency: str = ""  # and what it waits for


def number_of(n: int) -> str:
    """The short label of the n-th initiative (0-based) on charts and in tables: I-01…"""
    return f"I-{n + 1:02d}"


def matrix_figure(
    initiatives: Sequence[PlanItem],
    phases: Sequence[PlanItem],
    texts: RoadmapTexts,
    size: tuple[float, float] = (6, 5),
) -> Figure:
    from dtbench.reports import roadmap_charts as charts

    names = {p.uuid: p.record.name for p in phases}
    points = []
    for n, item in enumerate(initiatives):
        ini: Initiative = item.record
        if ini.status in ("done", "cancelled"):
            continue  # prioritising is about the work still to do
        points.append(
            charts.MatrixPoint(
                number_of(n), float(ini.value), float(ini.effort), names.get(ini.phase, "")
            )
        )
    return charts.priority_matrix_chart(
        points,
        title=texts.matrix_title,
        value_label=texts.value,
        effort_label=texts.effort,
        quadrant_labels=texts.quadrants,
        size=size,
    )


def gantt_figure(
    initiatives: Sequence[PlanItem],
    phases: Sequence[PlanItem],
    texts: RoadmapTexts,
    size: tuple[float, float] | None = None,
    today: date | None = None,
    today_label: str = "",
) -> Figure:
    """The roadmap's Gantt chart: each initiative's bar with its dated milestones, an arrow
    from each initiative it depends on; ``today`` draws the line of the day (the document's
    date), labelled ``today_label``."""
    from dtbench.reports import roadmap_charts as charts
    from dtbench.reports.chart_style import empty_chart

    by_phase = {p.uuid: p.record for p in phases}
    order = {p.uuid: n for n, p in enumerate(phases)}
    dated = [
        (n, item)
        for n, item in enumerate(initiatives)
        if item.record.start is not None or item.record.end is not None
    ]
    dated.sort(key=lambda pair: (order.get(pair[1].record.phase, len(order)), pair[0]))
    row_of = {item.uuid: index for index, (_n, item) in enumerate(dated)}
    tasks = []
    for n, item in dated:
        ini: Initiative = item.record
        phase: Phase | None = by_phase.get(ini.phase)
        start = ini.start or ini.end
        end = ini.end or ini.start
        assert start is not None and end is not None
        tasks.append(
            charts.GanttTask(
                f"{number_of(n)} {ini.title}",
                start,
                end,
                group=phase.name if phase else texts.no_phase,
                progress=1.0 if ini.status == "done" else None,
                marks=milestone_dates(ini.milestones),
                after=tuple(row_of[u] for u in ini.depends_on if u in row_of),
            )
        )
    if not tasks:
        return empty_chart(texts.no_dates, size=size or (8, 3))
    spans = [
        (p.record.name, p.record.start, p.record.end)
        for p in phases
        if p.record.start is not None and p.record.end is not None
    ]
    return charts.gantt_chart(
        tasks,
        title=texts.gantt_title,
        phases=spans,
        size=size,
        today=today,
        today_label=today_label,
        key_labels=(texts.milestone, texts.dependency),
    )


_MILESTONE_DATE = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})(?:\s*[-./月]\s*(\d{1,2}))?")


def milestone_dates(text: str) -> tuple[date, ...]:
    """The dates of an initiative's milestones, one per line as the form asks ("2027-03 上线
    试运行", "2027-03-15 …", "2027年3月 …"); a month alone stands for its middle."""
    out = []
    for line in text.splitlines():
        found = _MILESTONE_DATE.match(line)
        if found is None:
            continue
        year, month = int(found[1]), int(found[2])
        day = int(found[3]) if found[3] else 15
        try:
            out.append(date(year, month, day))
        except ValueError:
            continue  # "2027-13": not a date, left off the chart
    return tuple(out)


GANTT_LABEL_COLUMNS = 28  # a Gantt label's line: 14 CJK characters or 28 Latin ones


def _lines(label: str) -> int:
    """About how many lines the Gantt wraps ``label`` on (at most three), without loading
    matplotlib: the window sizes the chart before a worker draws it."""
    width = sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in label)
    return min(3, max(1, math.ceil(width / GANTT_LABEL_COLUMNS)))


def gantt_size(
    initiatives: Sequence[PlanItem], phases: Sequence[PlanItem], width: float
) -> tuple[float, float]:
    """Inches of the on-screen Gantt chart: ``width`` wide, as tall as its rows need (a row
    as high as its name's lines: the chart wraps names on up to three)."""
    dated = [(n, i) for n, i in enumerate(initiatives) if i.record.start or i.record.end]
    rows = len(dated) + len(phases)
    lines = max((_lines(f"{number_of(n)} {i.record.title}") for n, i in dated), default=1)
    per_row = {1: 0.32, 2: 0.38}.get(lines, 0.48)
    keyed = any(i.record.milestones.strip() or i.record.depends_on for _n, i in dated)
    return width, min(18.0, 1.4 + per_row * max(rows, 3) + (0.3 if keyed else 0.0))


def traits_radar(
    axes: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    scale_max: float,
    size: tuple[float, float],
    title: str = "",
) -> Figure:
    """The culture traits radar: one line per (name, values) in ``series``."""
    from dtbench.reports import charts

    return charts.radar_chart(
        axes,
        [charts.Series(name, values) for name, values in series],
        scale_max=scale_max,
        title=title,
        size=size,
    )
