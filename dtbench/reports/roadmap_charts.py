"""The roadmap charts: the value/effort priority matrix and the Gantt chart by phase.

Built from plain data (see :mod:`dtbench.reports.plan_charts` for the plan's records); the look
and the text helpers are in :mod:`dtbench.reports.chart_style`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from dtbench.reports.chart_style import (
    AXIS_COLOR,
    CURRENT_COLOR,
    EM_PER_COLUMN,
    LABEL_SIZE,
    LINE_HEIGHT,
    MUTED_TEXT_COLOR,
    SERIES_COLORS,
    SERIES_MARKERS,
    SMALL_SIZE,
    TEXT_COLOR,
    add_legend,
    add_title,
    cycle,
    fmt,
    fp,
    label_ticks,
    mix,
    new_figure,
    plain,
    style_axes,
    text_width,
    to_number,
    truncate,
    wrap,
)

TODAY_COLOR = "#C00000"  # dark red, dashed: stays visible (and dark) in grayscale print
# Priority matrix tints, in quadrant order: quick wins, major projects, fill-ins, avoid.
QUADRANT_TINTS: tuple[str, ...] = ("#E3ECF5", "#FBEBDF", "#F4F4F4", "#E9E9E9")
QUADRANT_TEXT_COLORS: tuple[str, ...] = (CURRENT_COLOR, "#A4531F", MUTED_TEXT_COLOR, "#404040")
UNGROUPED_COLOR = "#595959"


@dataclass(frozen=True)
class MatrixPoint:
    """One initiative on the priority matrix: expected value and effort on the same scale,
    optionally the roadmap phase (group) it belongs to."""

    label: str
    value: float
    effort: float
    group: str = ""


def _matrix_ticks(low: float, high: float) -> list[float]:
    if high - low <= 10 and float(high).is_integer():
        return [float(t) for t in range(int(low), int(high) + 1)]
    locator = MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10])
    return [float(t) for t in locator.tick_values(low, high) if low - 1e-9 <= t <= high + 1e-9]


_Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in points


def _overlap(first: _Box, second: _Box) -> float:
    width = min(first[2], second[2]) - max(first[0], second[0])
    height = min(first[3], second[3]) - max(first[1], second[1])
    return width * height if width > 0 and height > 0 else 0.0


def _outside(box: _Box, width: float, height: float) -> float:
    inside = _overlap(box, (0.0, 0.0, width, height))
    return (box[2] - box[0]) * (box[3] - box[1]) - inside


def _text_box(x: float, y: float, text: str, size: float, ha: str, va: str) -> _Box:
    """Estimated extent (points) of text anchored at (x, y) with the given alignment."""
    longest = max((text_width(line) for line in text.split("\n")), default=0)
    width = longest * size * EM_PER_COLUMN + 2
    height = size * LINE_HEIGHT * (text.count("\n") + 1)
    x0 = x if ha == "left" else x - width if ha == "right" else x - width / 2
    y0 = y if va == "bottom" else y - height if va == "top" else y - height / 2
    return (x0, y0, x0 + width, y0 + height)


# Label positions around a marker: offset (points) and the matching text alignment.
_LABEL_SPOTS: tuple[tuple[float, float, str, str], ...] = (
    (6, 0, "left", "center"),
    (-6, 0, "right", "center"),
    (0, 6, "center", "bottom"),
    (0, -6, "center", "top"),
    (5, 4, "left", "bottom"),
    (5, -4, "left", "top"),
    (-5, 4, "right", "bottom"),
    (-5, -4, "right", "top"),
)


def priority_matrix_chart(
    points: Sequence[MatrixPoint],
    *,
    title: str = "",
    value_label: str,
    effort_label: str,
    quadrant_labels: tuple[str, str, str, str],
    scale_max: float = 5,
    size: tuple[float, float] = (6, 5),
) -> Figure:
    """Value/effort priority matrix: effort on x (low effort left), expected value on y, both
    from 1 to ``scale_max``.

    Lines at the midpoint split four tinted quadrants, labelled in their outer corners with
    ``quadrant_labels`` in the order: high value & low effort (quick wins), high value & high
    effort (major projects), low value & low effort (fill-ins), low value & high effort
    (avoid). Points with the same position are spread on a small circle; labels go where they
    cover the fewest other labels and markers. Points are coloured by ``group`` (with a legend)
    when any has one. Values outside the scale are clamped to it; points without a usable
    value or effort are left out.
    """
    top = to_number(scale_max)
    if math.isnan(top) or top <= 1:
        top = 5.0
    low = 1.0
    span = top - low
    middle = (low + top) / 2
    quadrants = [str(q) for q in list(quadrant_labels)[:4]]
    quadrants += [""] * (4 - len(quadrants))
    quadrant_texts = [wrap(q, 30, 2) if q.strip() else "" for q in quadrants]

    entries: list[tuple[str, float, float, str]] = []
    for point in points:
        value, effort = to_number(point.value), to_number(point.effort)
        if math.isnan(value) or math.isnan(effort):
            continue
        value = min(max(value, low), top)
        effort = min(max(effort, low), top)
        entries.append((truncate(str(point.label), 18), effort, value, str(point.group or "")))

    # Points sharing a position are spread on a circle (radius in points) in input order.
    spots: dict[tuple[float, float], list[int]] = {}
    for index, (_label, effort, value, _group) in enumerate(entries):
        spots.setdefault((round(effort, 3), round(value, 3)), []).append(index)
    radii = {key: min(max(8.0, 2.4 * len(m)), 24.0) for key, m in spots.items() if len(m) > 1}

    figure = new_figure(size)
    width_in, height_in = figure.get_size_inches()
    ax = figure.add_subplot()
    style_axes(ax)

    # Approximate plot area in points, to place things without drawing first. Margins keep
    # the quadrant names (top and bottom) clear of points on the edge of the scale.
    quadrant_size = LABEL_SIZE
    area_w = width_in * 72 * 0.8
    area_h = height_in * 72 * (0.66 if title else 0.72)
    spread = max(radii.values(), default=0.0)

    def band(texts: Sequence[str]) -> float:
        lines = max((t.count("\n") + 1 for t in texts if t), default=0)
        return lines * quadrant_size * LINE_HEIGHT + spread + 10

    pad_x = min(spread + 20, area_w * 0.2)
    pad_top = min(band(quadrant_texts[:2]), area_h * 0.25)
    pad_bottom = min(band(quadrant_texts[2:]), area_h * 0.25)
    per_x = (area_w - 2 * pad_x) / span
    per_y = (area_h - pad_top - pad_bottom) / span
    xlim = (low - pad_x / per_x, top + pad_x / per_x)
    ylim = (low - pad_bottom / per_y, top + pad_top / per_y)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)

    def to_points(x: float, y: float) -> tuple[float, float]:
        return (x - xlim[0]) * per_x, (y - ylim[0]) * per_y

    # Tinted quadrants, midpoint lines and the quadrant names in the outer corners.
    corners = (
        (xlim[0], middle, "left", "top", 0.012, 0.985),
        (middle, middle, "right", "top", 0.988, 0.985),
        (xlim[0], ylim[0], "left", "bottom", 0.012, 0.015),
        (middle, ylim[0], "right", "bottom", 0.988, 0.015),
    )
    obstacles: list[_Box] = []
    for index, (x0, y0, ha, va, ax_x, ax_y) in enumerate(corners):
        width = (middle - xlim[0]) if index in (0, 2) else (xlim[1] - middle)
        height = (ylim[1] - middle) if index in (0, 1) else (middle - ylim[0])
        tint = Rectangle(
            (x0, y0),
            width,
            height,
            facecolor=QUADRANT_TINTS[index],
            edgecolor="none",
            zorder=0,
            gid="matrix-quadrant",
        )
        ax.add_patch(tint)
        text = quadrant_texts[index]
        if not text:
            continue
        ax.text(
            ax_x,
            ax_y,
            plain(text),
            transform=ax.transAxes,
            ha=ha,
            va=va,
            multialignment=ha,
            fontproperties=fp(quadrant_size, bold=True),
            color=QUADRANT_TEXT_COLORS[index],
            zorder=2,
        )
        obstacles.append(_text_box(ax_x * area_w, ax_y * area_h, text, quadrant_size, ha, va))
    ax.axvline(middle, color=AXIS_COLOR, linewidth=1.0, linestyle="--", zorder=1)
    ax.axhline(middle, color=AXIS_COLOR, linewidth=1.0, linestyle="--", zorder=1)

    # Per point: drawn x, y and the unit direction away from its cluster centre.
    placed = [(e[1], e[2], 0.0, 0.0) for e in entries]
    for key, members in spots.items():
        count = len(members)
        if count < 2:
            continue
        on_x, on_y = key[0] == round(middle, 3), key[1] == round(middle, 3)
        for k, index in enumerate(members):
            if on_x or on_y:
                # on a dividing line: spread along it, so that no point seems to fall into a
                # quadrant its scores do not put it in
                step = -1.0 + 2.0 * k / (count - 1)
                dx, dy = (0.0, step) if on_x and not on_y else (step, 0.0)
            else:
                angle = math.pi / 2 + 2 * math.pi * k / count
                dx, dy = math.cos(angle), math.sin(angle)
            x, y = entries[index][1], entries[index][2]
            placed[index] = (x + radii[key] * dx / per_x, y + radii[key] * dy / per_y, dx, dy)

    # Colour and marker per group, in order of first appearance.
    groups = list(dict.fromkeys(e[3] for e in entries if e[3]))
    styles = {
        name: (cycle(SERIES_COLORS, i), cycle(SERIES_MARKERS, i)) for i, name in enumerate(groups)
    }
    default_style = (UNGROUPED_COLOR if groups else CURRENT_COLOR, "o")
    handles: list[Any] = []
    for name in [*groups, ""]:
        members = [i for i, e in enumerate(entries) if e[3] == name]
        if not members:
            continue
        color, marker = styles.get(name, default_style)
        ax.scatter(
            [placed[i][0] for i in members],
            [placed[i][1] for i in members],
            s=58,
            color=color,
            marker=marker,
            edgecolors="white",
            linewidths=0.8,
            zorder=4,
            label=plain(name) if name else "_nolegend_",
        )
        if name:
            handles.append(
                Line2D(
                    [],
                    [],
                    marker=marker,
                    linestyle="",
                    color=color,
                    markeredgecolor="white",
                    markersize=8,
                    label=plain(name),
                )
            )

    # Labels: per point the spot covering least of the other labels and markers.
    markers = [to_points(x, y) for x, y, _dx, _dy in placed]
    marker_boxes = [(mx - 5, my - 5, mx + 5, my + 5) for mx, my in markers]
    labels: list[_Box] = []
    for index, (label, *_rest) in enumerate(entries):
        if not label:
            continue
        mx, my = markers[index]
        _x, _y, out_x, out_y = placed[index]
        # Points of a cluster prefer spots facing away from it (a stable sort keeps the rest).
        outward = [-(spot[0] * out_x + spot[1] * out_y) for spot in _LABEL_SPOTS]
        ranked = sorted(range(len(_LABEL_SPOTS)), key=outward.__getitem__)
        order = [_LABEL_SPOTS[i] for i in ranked]
        best: tuple[float, tuple[float, float, str, str], _Box] | None = None
        for spot in order:
            box = _text_box(mx + spot[0], my + spot[1], label, SMALL_SIZE, spot[2], spot[3])
            cost = 3 * _outside(box, area_w, area_h)
            cost += sum(_overlap(box, other) for other in labels)
            cost += sum(_overlap(box, other) for j, other in enumerate(marker_boxes) if j != index)
            cost += sum(_overlap(box, other) for other in obstacles)
            if best is None or cost < best[0] - 1e-6:
                best = (cost, spot, box)
            if cost == 0:
                break
        if best is None:  # pragma: no cover - there is always a spot
            continue
        _cost, (dx, dy, ha, va), box = best
        labels.append(box)
        ax.annotate(
            plain(label),
            (placed[index][0], placed[index][1]),
            xytext=(dx, dy),
            textcoords="offset points",
            ha=ha,
            va=va,
            fontproperties=fp(SMALL_SIZE),
            color=TEXT_COLOR,
            zorder=5,
            bbox={
                "boxstyle": "round,pad=0.1",
                "facecolor": "white",
                "edgecolor": "none",
                "alpha": 0.6,
            },
        )

    ticks = _matrix_ticks(low, top)
    ax.set_xticks(ticks, [fmt(t) for t in ticks])
    ax.set_yticks(ticks, [fmt(t) for t in ticks])
    ax.set_xlabel(plain(effort_label), fontproperties=fp(LABEL_SIZE), color=TEXT_COLOR)
    ax.set_ylabel(plain(value_label), fontproperties=fp(LABEL_SIZE), color=TEXT_COLOR)
    add_title(figure, title)
    add_legend(figure, handles)
    return figure


DEPENDENCY_COLOR = "#808080"  # grey: read in black and white as well


@dataclass(frozen=True)
class GanttTask:
    """One roadmap task: a bar from start to end (or a milestone diamond), in a phase group.

    ``progress`` is a fraction from 0 to 1 (values above 1 are read as percent: 40 → 40 %).
    """

    label: str
    start: date
    end: date
    group: str = ""
    progress: float | None = None
    milestone: bool = False
    marks: tuple[date, ...] = ()  # the task's own milestones, diamonds on its bar
    after: tuple[int, ...] = ()  # the tasks (indices) it waits for: an arrow from each


def _as_date(value: object) -> date | None:
    """A date from a date, datetime or ISO string; None for anything else."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _span(start: object, end: object) -> tuple[float, float] | None:
    """Start and end as matplotlib date numbers; a missing end or one before start → start."""
    first, last = _as_date(start), _as_date(end)
    if first is None:
        first = last
    if first is None:
        return None
    if last is None or last < first:
        last = first
    return float(mdates.date2num(first)), float(mdates.date2num(last))


def _progress(value: object) -> float:
    number = to_number(value)
    if math.isnan(number):
        return math.nan
    if number > 1:
        number /= 100
    return min(max(number, 0.0), 1.0)


def _date_axis(ax: Axes, low: float, high: float, width_in: float) -> None:
    """Numeric date ticks (no month names): years, 'YYYY-MM' months or 'MM-DD' days."""
    days = high - low
    most = max(int(width_in * 1.2), 3)
    if days > 366 * most:
        ax.xaxis.set_major_locator(mdates.YearLocator(base=max(int(days / 365 / most) + 1, 1)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    elif days >= 75:
        months = days / 30.4
        step = next((s for s in (1, 2, 3, 6, 12) if months / s <= most), 12)
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=range(1, 13, step)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        if step > 1:
            ax.xaxis.set_minor_locator(mdates.MonthLocator())
    else:
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=max(most - 3, 3)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))


def _diamond(ax: Axes, x: float, row: int, size: float, color: Any, gid: str) -> None:
    """A milestone's diamond on a Gantt row, white-edged to stand out on its bar."""
    ax.plot(
        [x],
        [row],
        marker="D",
        markersize=size,
        linestyle="",
        color=color,
        markeredgecolor="white",
        markeredgewidth=size / 9,
        zorder=5,
        gid=gid,
    )


def gantt_chart(
    tasks: Sequence[GanttTask],
    *,
    title: str = "",
    phases: Sequence[tuple[str, date, date]] = (),
    today: date | None = None,
    size: tuple[float, float] | None = None,
    label_columns: int = 28,
    today_label: str = "",
    key_labels: tuple[str, str] = ("", ""),
) -> Figure:
    """Roadmap Gantt chart: one row per task, a bar from start to end on a date axis.

    Tasks are grouped by ``group`` (groups in order of first appearance, tasks in input
    order); each named group gets a bold header row with a summary line over its whole span,
    and its own colour. ``phases`` are translucent background spans named above the chart;
    a phase named like a group takes that group's colour. Progress is a darker inner bar with
    the percentage beside it, milestones are diamonds at their end date, a task's ``marks``
    small diamonds on its bar, each of its ``after`` tasks an arrow from that task's end to
    its start, ``today`` a dashed line labelled ``today_label`` (the ISO date without one).
    ``key_labels`` name the diamonds and arrows in a legend below (none when empty). Task
    names wrap at ``label_columns`` display columns on up to three lines. Without
    ``size`` the height grows with the rows and their lines. A task ending before it starts is
    drawn as a single day; tasks without a usable date keep their row but draw nothing.
    """
    items = list(tasks)
    # Rows: (label, header?, task index or -1, group name), groups in order of first use.
    grouped: dict[str, list[int]] = {}
    for index, task in enumerate(items):
        grouped.setdefault(str(task.group or ""), []).append(index)
    named = [name for name in grouped if name]
    colors = {name: cycle(SERIES_COLORS, i) for i, name in enumerate(named)}
    colors[""] = UNGROUPED_COLOR if named else CURRENT_COLOR
    rows: list[tuple[str, bool, int, str]] = []
    for name, members in grouped.items():
        if name:
            rows.append((name, True, -1, name))
        rows.extend((str(items[i].label), False, i, name) for i in members)
    count = len(rows)

    spans = [_span(task.start, task.end) for task in items]
    phase_spans: list[tuple[str, float, float]] = []
    for phase in phases:
        try:
            name, first_day, last_day = phase
        except (TypeError, ValueError):
            continue
        span = _span(first_day, last_day)
        if span is not None:
            phase_spans.append((str(name), *span))
    today_day = _as_date(today)
    today_x = float(mdates.date2num(today_day)) if today_day is not None else None

    # every task's whole name, on two lines where it needs them (group headers on one)
    labels = [
        truncate(r[0], 2 * label_columns) if r[1] else wrap(r[0], label_columns, 3) for r in rows
    ]
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    keyed = (key_labels[0] and any(t.marks for t in items)) or (
        key_labels[1] and any(t.after for t in items)
    )
    if size is None:
        per_row = {1: 0.27, 2: 0.36}.get(lines, 0.46)
        height = 1.2 + per_row * max(count, 1) + (0.25 if phase_spans else 0.0)
        height += 0.3 if keyed else 0.0
        size = (8.0, min(max(height, 2.4), 16.0))
    figure = new_figure(size)
    width_in = float(figure.get_size_inches()[0])
    ax = figure.add_subplot()
    style_axes(ax, grid_axis="x")
    ax.spines["left"].set_visible(False)
    label_size = LABEL_SIZE if count <= 45 else SMALL_SIZE if count <= 70 else 7.0

    xs = [x for span in spans if span is not None for x in span]
    xs += [x for _name, x0, x1 in phase_spans for x in (x0, x1)]
    if today_x is not None:
        xs.append(today_x)
    if xs:
        low, high = min(xs), max(xs)
        pad = max((high - low) * 0.02, 3.0)
        ax.set_xlim(low - pad, high + pad)
        _date_axis(ax, low - pad, high + pad, width_in)
    else:
        ax.set_xticks([])

    # Phases: translucent spans behind everything, their names above the plot area. A name
    # that would run into its neighbour's goes up a row (short or overlapping phases).
    group_for_phase = {name: name for name in named}
    x_low, x_high = ax.get_xlim()
    x_range = x_high - x_low
    # the plot's rough width before the layout: the figure less the row labels' column
    label_points = (
        max((text_width(line) for label in labels for line in label.split("\n")), default=0)
        * label_size
        * EM_PER_COLUMN
    )
    plot_points = max(width_in * 72 - label_points - 24, width_in * 72 * 0.4)
    plot_columns = plot_points / (SMALL_SIZE * EM_PER_COLUMN)
    placed: list[tuple[str, float, Any, int]] = []  # text, x, colour, row
    row_ends: list[float] = []  # right edge (points) of the last name in each row
    row_lines: list[int] = []
    for index, (name, start, end) in enumerate(phase_spans):
        group = group_for_phase.get(name)
        base = colors[group] if group else ("#5B9BD5", "#A5A5A5")[index % 2]
        ax.axvspan(start, end, facecolor=mix(base, "white", 0.86), edgecolor="none", zorder=0)
        ax.axvline(start, color=mix(base, "white", 0.45), linewidth=0.8, zorder=0.5)
        columns = max(int(plot_columns * (end - start) / x_range), 6)
        shown = wrap(name, columns, 2)
        half = max(text_width(line) for line in shown.split("\n")) * SMALL_SIZE * EM_PER_COLUMN / 2
        centre = ((start + end) / 2 - x_low) / x_range * plot_points
        row = next(
            (n for n, right in enumerate(row_ends) if right + 6 <= centre - half),
            len(row_ends),
        )
        if row == len(row_ends):
            row_ends.append(centre + half)
            row_lines.append(0)
        row_ends[row] = centre + half
        row_lines[row] = max(row_lines[row], shown.count("\n") + 1)
        colour = mix(base, "black", 0.3) if group else MUTED_TEXT_COLOR
        placed.append((shown, (start + end) / 2, colour, row))
    over_top = blended_transform_factory(ax.transData, ax.transAxes)
    for shown, x, colour, row in placed:
        rise = sum(row_lines[:row]) * SMALL_SIZE * LINE_HEIGHT + 2 * row
        ax.text(
            x,
            1.01,
            plain(shown),
            transform=over_top + ScaledTranslation(0, rise / 72, figure.dpi_scale_trans),
            ha="center",
            va="bottom",
            multialignment="center",
            fontproperties=fp(SMALL_SIZE, bold=True),
            color=colour,
            clip_on=False,
            gid="phase",
        )

    for row, (_label, header, task_index, name) in enumerate(rows):
        color = colors[name]
        if header:
            ax.axhspan(row - 0.5, row + 0.5, facecolor="#F2F2F2", edgecolor="none", zorder=0.6)
            member_spans = [spans[i] for i in grouped[name] if spans[i] is not None]
            if member_spans:
                first = min(s[0] for s in member_spans if s is not None)
                last = max(s[1] for s in member_spans if s is not None)
                ax.plot(
                    [first, last],
                    [row, row],
                    color=color,
                    linewidth=3,
                    solid_capstyle="butt",
                    zorder=3,
                    gid="gantt-summary",
                )
            continue
        task = items[task_index]
        span = spans[task_index]
        if span is None:
            continue
        start, end = span
        if bool(task.milestone):
            _diamond(ax, end, row, 9, mix(color, "black", 0.15), "gantt-milestone")
            continue
        bars = ax.barh(
            row,
            end - start,
            left=start,
            height=0.56,
            color=mix(color, "white", 0.42),
            edgecolor=mix(color, "white", 0.2),
            linewidth=0.8,
            zorder=3,
        )
        bars.patches[0].set_gid("gantt-task")
        for mark in task.marks:
            day = _as_date(mark)
            if day is None:
                continue
            _diamond(
                ax, float(mdates.date2num(day)), row, 5, mix(color, "black", 0.45), "gantt-mark"
            )
        done = _progress(task.progress)
        if math.isnan(done):
            continue
        if done > 0:
            inner = ax.barh(
                row,
                (end - start) * done,
                left=start,
                height=0.24,
                color=mix(color, "black", 0.2),
                linewidth=0,
                zorder=4,
            )
            inner.patches[0].set_gid("gantt-progress")
        ax.annotate(
            f"{done:.0%}",
            (end, row),
            xytext=(4, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontproperties=fp(SMALL_SIZE - 0.5),
            color=MUTED_TEXT_COLOR,
            zorder=5,
        )

    # dependencies: from the end of each task waited for to the start of the one waiting
    row_of = {
        task_index: row for row, (_l, header, task_index, _n) in enumerate(rows) if not header
    }
    arrows = 0
    for index, task in enumerate(items):
        span = spans[index]
        for before in task.after:
            if not 0 <= before < len(items) or spans[before] is None or span is None:
                continue
            ax.annotate(
                "",
                xy=(span[0], row_of[index] - 0.3),
                xytext=(spans[before][1], row_of[before]),  # type: ignore[index]
                arrowprops={
                    "arrowstyle": "-|>,head_length=0.3,head_width=0.15",
                    "color": DEPENDENCY_COLOR,
                    "linewidth": 0.6,
                    "shrinkA": 0,
                    "shrinkB": 0,
                    "connectionstyle": "angle,angleA=0,angleB=90,rad=0",
                },
                zorder=2,
                gid="gantt-dependency",
            )
            arrows += 1

    if today_x is not None and today_day is not None:
        ax.axvline(
            today_x,
            color=TODAY_COLOR,
            linestyle=(0, (4, 3)),
            linewidth=1.2,
            zorder=6,
            gid="gantt-today",
        )
        ax.text(
            today_x,
            0.0,
            today_label or today_day.isoformat(),
            transform=over_top,
            ha="center",
            va="bottom",
            fontproperties=fp(SMALL_SIZE - 0.5),
            color=TODAY_COLOR,
            zorder=7,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"},
        )

    ax.set_ylim(max(count, 1) - 0.5, -0.5)  # first row on top
    label_ticks(ax, "y", range(count), labels, label_size)
    for text, (_label, header, _index, name) in zip(ax.get_yticklabels(), rows, strict=True):
        if header:
            text.set_fontproperties(fp(label_size, bold=True))
            text.set_color(mix(colors[name], "black", 0.3))
    ax.tick_params(axis="y", length=0)
    ax.tick_params(axis="x", which="minor", length=2, color=AXIS_COLOR)
    handles = []
    if key_labels[0] and any(task.marks for task in items):
        handles.append(
            Line2D([], [], marker="D", markersize=5, linestyle="", color=TEXT_COLOR,
                   label=key_labels[0])
        )  # fmt: skip
    if key_labels[1] and arrows:
        handles.append(Line2D([], [], color=DEPENDENCY_COLOR, linewidth=0.8, label=key_labels[1]))
    add_legend(figure, handles)
    add_title(figure, title)
    return figure
