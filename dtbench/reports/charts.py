"""The diagnosis charts: radar, ranked gaps, heatmap, completion, index gauge, rounds.

Shared by the dashboard (drawn by the chart workers) and the Word proposal; the look and the
text helpers are in :mod:`dtbench.reports.chart_style`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib
import numpy as np
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from dtbench.diagnosis.scale import index_text
from dtbench.reports.chart_style import (
    BACKGROUND_COLOR,
    CURRENT_COLOR,
    GAP_COLOR,
    GRID_COLOR,
    HEATMAP_CMAP,
    LABEL_SIZE,
    MUTED_TEXT_COLOR,
    OPEN_COLOR,
    SERIES_COLORS,
    SERIES_HATCHES,
    SERIES_LINESTYLES,
    SERIES_MARKERS,
    SMALL_SIZE,
    TARGET_COLOR,
    TEXT_COLOR,
    add_legend,
    add_title,
    axis_max,
    cycle,
    decimal_places,
    exactly,
    fmt,
    fp,
    keep_inside,
    label_ticks,
    new_figure,
    plain,
    scale_ticks,
    style_axes,
    text_column,
    to_number,
    truncate,
    wrap,
)
from dtbench.reports.fonts import font_families


@dataclass(frozen=True)
class Series:
    """A named list of values, one per axis/area (e.g. current state, target, a round)."""

    name: str
    values: Sequence[float]

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(self.values))


@dataclass(frozen=True)
class GapBar:
    """One clause of the gap chart: its label, current and target level, and priority."""

    label: str
    current: float
    target: float
    priority: float


def radar_chart(
    axes: Sequence[str],
    series: Sequence[Series],
    *,
    scale_max: float = 5,
    title: str = "",
    size: tuple[float, float] = (5, 5),
) -> Figure:
    """Radar (spider) chart, one closed line with a light fill per series.

    Works for 3 to 12 axes (more are drawn, just crowded); with fewer than 3 axes a radar
    means nothing, so a grouped bar chart is drawn instead.
    """
    names = [str(a) for a in axes]
    count = len(names)
    if count < 3:
        return _grouped_bars(names, series, scale_max=scale_max, title=title, size=size)
    rows = [exactly(s.values, count) for s in series]
    top = axis_max(scale_max, [v for row in rows for v in row])

    figure = new_figure(size)
    ax: Any = figure.add_subplot(projection="polar")
    ax.set_facecolor(BACKGROUND_COLOR)
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    angles = [2 * math.pi * i / count for i in range(count)]
    closed = [*angles, angles[0]]

    # Polygon grid instead of circles: reads as a radar and prints cleanly.
    ax.set_ylim(0, top)
    ax.spines["polar"].set_visible(False)
    # Spokes and polygons drawn as lines, not as the polar axes' ticks and grid: far fewer
    # artists to build and lay out.
    ax.set_xticks([])
    ax.set_yticks([])
    ax.vlines(angles, 0, top, colors=GRID_COLOR, linewidth=0.8, zorder=0)
    ticks = scale_ticks(top)
    for radius in ticks[1:]:
        ax.plot(closed, [radius] * (count + 1), color=GRID_COLOR, linewidth=0.8, zorder=0)
    # Scale values where the grid polygons cross the middle of the first sector, on a
    # translucent backing so they stay readable where a data line passes.
    middle = math.pi / count
    for radius in ticks[1:]:
        ax.text(
            middle,
            radius * math.cos(middle),
            fmt(radius),
            ha="center",
            va="center",
            fontproperties=fp(7.5),
            color=MUTED_TEXT_COLOR,
            zorder=10,
            bbox={
                "boxstyle": "round,pad=0.12",
                "facecolor": "white",
                "edgecolor": "none",
                "alpha": 0.75,
            },
        )

    # Axis labels outside the outer polygon, aligned away from the centre; a small radar
    # (a dashboard on a laptop at 150 %) has smaller, narrower labels, else they run together.
    small = min(1.0, min(size) / 5.0)
    label_size = LABEL_SIZE * max(0.75, small)
    label_width, label_lines = (16, 3) if small >= 1.0 else (12, 2)
    labels = []
    for angle, name in zip(angles, names, strict=True):
        east, north = math.sin(angle), math.cos(angle)
        ha = "left" if east > 0.15 else "right" if east < -0.15 else "center"
        va = "bottom" if north > 0.15 else "top" if north < -0.15 else "center"
        label = ax.text(
            angle,
            top * 1.1,
            plain(wrap(name, width=label_width, max_lines=label_lines)),
            ha=ha,
            va=va,
            multialignment="center",
            fontproperties=fp(label_size),
            color=TEXT_COLOR,
            clip_on=False,
        )
        labels.append(label)

    handles: list[Any] = []
    for index, (item, row) in enumerate(zip(series, rows, strict=True)):
        color = cycle(SERIES_COLORS, index)
        # A missing value is a gap in the line, never a point at the centre (which would
        # read as "level 0"); a series with a gap is not filled.
        points = [v if math.isnan(v) else min(max(v, 0.0), top) for v in row]
        points.append(points[0])
        (line,) = ax.plot(
            closed,
            points,
            color=color,
            linestyle=cycle(SERIES_LINESTYLES, index),
            marker=cycle(SERIES_MARKERS, index),
            markersize=4.5,
            linewidth=2.0,
            label=plain(item.name),
            zorder=3 + index,
        )
        if not any(math.isnan(v) for v in points):
            ax.fill(closed, points, color=color, alpha=0.18 if index == 0 else 0.07, zorder=2)
        handles.append(line)
    add_title(figure, title)
    add_legend(figure, handles)
    keep_inside(figure, ax, labels)
    return figure


def _grouped_bars(
    groups: Sequence[str],
    series: Sequence[Series],
    *,
    scale_max: float | None,
    title: str,
    size: tuple[float, float],
    value_label: str = "",
) -> Figure:
    """Vertical bars: one group per axis/area, one bar per series, values written on top."""
    names = [str(g) for g in groups]
    count = len(names)
    rows = [exactly(s.values, count) for s in series]
    top = axis_max(scale_max, [v for row in rows for v in row])

    figure = new_figure(size)
    ax = figure.add_subplot()
    style_axes(ax, grid_axis="y")
    slots = max(len(rows), 1)
    width = min(0.8 / slots, 0.3)
    decimals = decimal_places([v for row in rows for v in row])
    value_size = SMALL_SIZE if count * slots <= 24 else 7.0
    handles: list[Any] = []
    for index, (item, row) in enumerate(zip(series, rows, strict=True)):
        offsets = [g + width * (index + 0.5 - slots / 2) for g in range(count)]
        heights = [0.0 if math.isnan(v) else max(v, 0.0) for v in row]
        color = cycle(SERIES_COLORS, index)
        hatch = cycle(SERIES_HATCHES, index) or None
        ax.bar(
            offsets,
            heights,
            width=width * 0.92,
            color=color,
            hatch=hatch,
            edgecolor="white",
            linewidth=0.6,
            label=plain(item.name),
        )
        for x, value, height in zip(offsets, row, heights, strict=True):
            ax.text(
                x,
                height + top * 0.012,
                fmt(value, decimals),
                ha="center",
                va="bottom",
                fontproperties=fp(value_size),
                color=TEXT_COLOR,
            )
        handles.append(
            Patch(
                facecolor=color,
                hatch=hatch,
                edgecolor="white",
                label=plain(item.name),
            )
        )
    ax.set_ylim(0, top * 1.08)
    ticks = scale_ticks(top)
    ax.set_yticks(ticks, [fmt(t) for t in ticks])
    ax.set_xlim(-0.6, max(count, 1) - 0.4)
    line_width = max(8, min(16, int(60 / max(count, 1))))
    label_ticks(ax, "x", range(count), [wrap(n, line_width) for n in names], LABEL_SIZE)
    ax.tick_params(axis="x", length=0)
    if value_label:
        ax.set_ylabel(plain(value_label), fontproperties=fp(LABEL_SIZE), color=TEXT_COLOR)
    add_title(figure, title)
    add_legend(figure, handles)
    return figure


def rounds_chart(
    axes: Sequence[str],
    rounds: Sequence[Series],
    *,
    title: str = "",
    scale_max: float = 100,
    value_label: str = "",
    size: tuple[float, float] = (7, 4),
) -> Figure:
    """Grouped vertical bars: per area one bar per round (baseline, follow-up…), annotated;
    with more than ROUND_BARS_MAX rounds, one line per area across the rounds instead (ten
    rounds of bars, each with its number and a legend entry, buried the chart)."""
    if len(rounds) > ROUND_BARS_MAX:
        return _round_lines(
            axes, rounds, scale_max=scale_max, title=title, size=size, value_label=value_label
        )
    return _grouped_bars(
        axes, rounds, scale_max=scale_max, title=title, size=size, value_label=value_label
    )


ROUND_BARS_MAX = 4


def _round_lines(
    areas: Sequence[str],
    rounds: Sequence[Series],
    *,
    scale_max: float,
    title: str,
    size: tuple[float, float],
    value_label: str,
) -> Figure:
    """One line per area across the rounds, numbered 1…n in order; the axis says which
    round the first and the last number are (the rounds' own names: no words to translate)."""
    names = [str(a) for a in areas]
    rows = [exactly(r.values, len(names)) for r in rounds]
    top = axis_max(scale_max, [v for row in rows for v in row])
    figure = new_figure(size)
    ax = figure.add_subplot()
    style_axes(ax, grid_axis="y")
    positions = list(range(len(rounds)))
    small = float(figure.get_size_inches()[1]) < 2.5  # the dashboard's: a compact legend
    label_width = 8 if small else 26
    handles: list[Any] = []
    for index, name in enumerate(names):
        style: dict[str, Any] = {
            "color": cycle(SERIES_COLORS, index),
            "marker": cycle(SERIES_MARKERS, index),
            "linestyle": cycle(SERIES_LINESTYLES, index),
        }
        ax.plot(positions, [row[index] for row in rows], linewidth=1.6, markersize=4, **style)
        handles.append(
            Line2D([], [], linewidth=1.6, label=plain(truncate(name, label_width)), **style)
        )
    ax.set_ylim(0, top * 1.08)
    ticks = [0.0, top / 2, top] if small else scale_ticks(top)
    ax.set_yticks(ticks, [fmt(t) for t in ticks])
    ax.set_xlim(-0.4, len(rounds) - 0.6)
    label_ticks(ax, "x", positions, [str(n + 1) for n in positions], SMALL_SIZE)
    first, last = (truncate(rounds[i].name, 14) for i in (0, -1))
    ax.set_xlabel(
        plain(f"1 = {first} … {len(rounds)} = {last}"),
        fontproperties=fp(SMALL_SIZE),
        color=MUTED_TEXT_COLOR,
    )
    if value_label and not small:  # small: the title says what is measured
        ax.set_ylabel(plain(value_label), fontproperties=fp(LABEL_SIZE), color=TEXT_COLOR)
    add_title(figure, title)
    add_legend(figure, handles, compact=small)
    return figure


def gap_chart(
    bars: Sequence[GapBar],
    *,
    title: str = "",
    current_label: str,
    target_label: str,
    priority_label: str,
    limit: int = 15,
    scale_max: float | None = None,
    size: tuple[float, float] = (7, 5),
) -> Figure:
    """Clauses ranked by priority (highest on top): a segment from current to target level,
    markers for both, the priority written in a column on the right.

    Shows at most ``limit`` clauses. ``scale_max`` fixes the x axis (e.g. 5 for a 0–5
    maturity scale); by default it is fitted to the data.
    """
    entries = [
        (str(b.label), to_number(b.current), to_number(b.target), to_number(b.priority))
        for b in bars
    ]
    # Highest priority first; clauses without a priority go last, ties keep input order.
    entries.sort(key=lambda e: (math.isnan(e[3]), -e[3] if not math.isnan(e[3]) else 0.0))
    shown = entries[: max(int(limit), 0)]
    top = axis_max(scale_max, [v for e in shown for v in (e[1], e[2])])

    figure = new_figure(size)
    ax = figure.add_subplot()
    style_axes(ax, grid_axis="x")
    ax.spines["left"].set_visible(False)
    # One artist per kind (segments, current, target) rather than three per row: drawn faster.
    rows_at = np.arange(len(shown), dtype=float)
    currents = np.array([e[1] for e in shown], dtype=float)
    targets = np.array([e[2] for e in shown], dtype=float)
    both = ~(np.isnan(currents) | np.isnan(targets))
    if both.any():
        ax.hlines(
            rows_at[both],
            currents[both],
            targets[both],
            colors=GAP_COLOR,
            linewidth=6,
            capstyle="butt",
            zorder=2,
        )
    ax.plot(currents, rows_at, "o", color=CURRENT_COLOR, markersize=7, zorder=3)
    ax.plot(
        targets,
        rows_at,
        "D",
        color=TARGET_COLOR,
        markeredgecolor="white",
        markersize=6.5,
        zorder=4,
    )
    ax.set_xlim(0, top * 1.03)
    ticks = scale_ticks(top)
    ax.set_xticks(ticks, [fmt(t) for t in ticks])
    rows = len(shown)
    ax.set_ylim(max(rows, 1) - 0.5, -0.5)  # first row on top
    ax.set_yticks([])
    text_column(ax, [truncate(e[0], 26) for e in shown], side="left")
    places = decimal_places([e[3] for e in shown])
    text_column(ax, [fmt(e[3], places) for e in shown], side="right", heading=priority_label)

    handles = [
        Line2D([], [], marker="o", linestyle="", color=CURRENT_COLOR, label=plain(current_label)),
        Line2D([], [], marker="D", linestyle="", color=TARGET_COLOR, label=plain(target_label)),
    ]
    add_title(figure, title)
    add_legend(figure, handles)
    return figure


def heatmap_chart(
    rows: Sequence[str],
    columns: Sequence[str],
    values: Sequence[Sequence[float]],
    *,
    title: str = "",
    value_format: str = "{:.0f}",
    colorbar_label: str = "",
    colorbar: bool = True,
    muted: Sequence[int] = (),
    size: tuple[float, float] = (7, 4),
) -> Figure:
    """Heatmap with the value written in every cell (white on dark cells, dark on light).

    ``colorbar=False`` leaves the scale out (the cells carry their numbers); it draws faster.
    The ``muted`` columns keep their numbers on a pale ground, outside the colour scale:
    a count of what is still to do must not look like the heaviest finding.
    """
    row_names = [str(r) for r in rows]
    column_names = [str(c) for c in columns]
    data = np.full((len(row_names), len(column_names)), np.nan)
    for i, line in enumerate(list(values)[: len(row_names)]):
        data[i, :] = exactly(line, len(column_names))

    figure = new_figure(size)
    ax = figure.add_subplot()
    style_axes(ax)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if data.size == 0:
        ax.set_xticks([])
        ax.set_yticks([])
        add_title(figure, title)
        return figure

    coloured = data.copy()
    coloured[:, [j for j in muted if 0 <= j < len(column_names)]] = np.nan
    finite = coloured[np.isfinite(coloured)]
    low = float(min(finite.min(), 0.0)) if finite.size else 0.0
    high = float(finite.max()) if finite.size else 1.0
    if high <= low:
        high = low + 1.0
    norm = Normalize(vmin=low, vmax=high)
    cmap = matplotlib.colormaps[HEATMAP_CMAP].with_extremes(bad="#F2F2F2")
    image = ax.imshow(np.ma.masked_invalid(coloured), cmap=cmap, norm=norm, aspect="auto")

    cell_size = SMALL_SIZE + 1 if data.size <= 40 else SMALL_SIZE
    for (i, j), value in np.ndenumerate(data):
        number = float(value)
        if math.isnan(number):
            continue
        try:
            text = value_format.format(number)
        except (ValueError, IndexError, KeyError, TypeError):
            text = fmt(number)
        ax.text(
            j,
            i,
            plain(text),
            ha="center",
            va="center",
            fontproperties=fp(cell_size),
            color="white" if j not in muted and norm(number) > 0.55 else TEXT_COLOR,
            gid="cell",
        )
    # White separators between cells (lines, not minor-tick grids: fewer artists).
    rows_count, columns_count = data.shape
    ax.vlines(np.arange(columns_count + 1) - 0.5, -0.5, rows_count - 0.5, colors="white", lw=2)
    ax.hlines(np.arange(rows_count + 1) - 0.5, -0.5, columns_count - 0.5, colors="white", lw=2)
    ax.set_xlim(-0.5, columns_count - 0.5)
    ax.set_ylim(rows_count - 0.5, -0.5)
    ax.tick_params(which="both", length=0)
    ax.xaxis.tick_top()
    column_width = max(8, min(16, int(80 / max(len(column_names), 1))))
    label_ticks(
        ax,
        "x",
        range(len(column_names)),
        [wrap(c, column_width, 2) for c in column_names],
        LABEL_SIZE,
    )
    ax.set_yticks([])
    text_column(ax, [truncate(r, 24) for r in row_names], side="left")

    if not colorbar:
        add_title(figure, title)
        return figure
    bar = figure.colorbar(image, ax=ax, shrink=0.9, pad=0.02)
    bar.outline.set_visible(False)
    bar.ax.tick_params(
        labelfontfamily=font_families(),
        labelsize=SMALL_SIZE,
        labelcolor=MUTED_TEXT_COLOR,
        length=0,
    )
    if finite.size and np.all(np.equal(np.mod(finite, 1), 0)):
        bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    if colorbar_label:
        bar.set_label(plain(colorbar_label), fontproperties=fp(SMALL_SIZE), color=MUTED_TEXT_COLOR)
    add_title(figure, title)
    return figure


def progress_chart(
    labels: Sequence[str],
    done: Sequence[int],
    total: Sequence[int],
    *,
    title: str = "",
    done_label: str,
    open_label: str,
    size: tuple[float, float] = (7, 3),
) -> Figure:
    """Per area one full-width bar split into answered and open, with 'done/total' beside it."""
    names = [str(label) for label in labels]
    count = len(names)
    done_values = exactly(done, count)
    total_values = exactly(total, count)

    figure = new_figure(size)
    ax = figure.add_subplot()
    style_axes(ax, grid_axis="x")
    ax.spines["left"].set_visible(False)
    counts: list[str] = []
    shares: list[float] = []
    for finished, planned in zip(done_values, total_values, strict=True):
        finished = 0.0 if math.isnan(finished) else max(finished, 0.0)
        planned = 0.0 if math.isnan(planned) else max(planned, 0.0)
        finished = min(finished, planned)
        shares.append(finished / planned if planned > 0 else 0.0)
        counts.append(f"{fmt(finished)}/{fmt(planned)}")
    rows = np.arange(count, dtype=float)
    done_share = np.array(shares, dtype=float)
    ax.barh(rows, done_share, height=0.6, color=CURRENT_COLOR, zorder=2)
    ax.barh(rows, 1 - done_share, left=done_share, height=0.6, color=OPEN_COLOR, zorder=2)
    ax.set_xlim(0, 1)
    ax.set_ylim(max(count, 1) - 0.5, -0.5)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:.0%}"))
    ax.set_yticks([])
    text_column(ax, [truncate(n, 24) for n in names], side="left")
    text_column(ax, counts, side="right")

    handles = [
        Patch(facecolor=CURRENT_COLOR, label=plain(done_label)),
        Patch(facecolor=OPEN_COLOR, label=plain(open_label)),
    ]
    add_title(figure, title)
    add_legend(figure, handles)
    return figure


def index_chart(
    value: float,
    *,
    label: str,
    scale_max: float = 100,
    size: tuple[float, float] = (3, 3),
) -> Figure:
    """Donut gauge: the share of scale_max filled, the number in the middle, label below."""
    number = to_number(value)
    top = to_number(scale_max)
    if math.isnan(top) or top <= 0:
        top = 100.0
    filled = 0.0 if math.isnan(number) else min(max(number, 0.0), top)

    figure = new_figure(size)
    ax = figure.add_subplot()
    ring = {"width": 0.26, "edgecolor": "white", "linewidth": 1.5}
    if filled > 0:
        ax.pie(
            [filled, top - filled],
            colors=[CURRENT_COLOR, OPEN_COLOR],
            startangle=90,
            counterclock=False,
            wedgeprops=ring,
        )
    else:
        ax.pie([1], colors=[OPEN_COLOR], wedgeprops=ring)
    ax.set_aspect("equal")
    ax.text(
        0,
        0.06,
        index_text(number),  # whole points, as the text beside it writes the index
        ha="center",
        va="center",
        fontproperties=fp(24, bold=True),
        color=CURRENT_COLOR,
    )
    ax.text(
        0,
        -0.28,
        f"/ {fmt(top)}",
        ha="center",
        va="center",
        fontproperties=fp(SMALL_SIZE),
        color=MUTED_TEXT_COLOR,
    )
    ax.set_xlabel(
        plain(wrap(label, width=20, max_lines=2)),
        fontproperties=fp(10.5),
        color=TEXT_COLOR,
        multialignment="center",
    )
    return figure
