"""Charts for the diagnosis dashboard and the deliverables, built without pyplot or Qt.

Every function takes plain data whose labels are already translated and returns a fresh
``matplotlib.figure.Figure``; nothing global is touched (no pyplot, no rcParams), so charts can
be built and rendered in a worker thread. Every text artist gets
:func:`dtbench.reports.fonts.font_properties`, so Chinese renders with a real CJK font.
Bad or missing input never raises: there is simply less to draw.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from typing import Any, Literal

import matplotlib
import numpy as np
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import Normalize, to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from dtbench.reports.fonts import font_families, font_properties, has_bold_face

# Palette: restrained, print-friendly and still distinct in grayscale (dark blue vs. light
# orange; lines also differ in dash and marker).
CURRENT_COLOR = "#1F4E79"  # dark blue: current state, answered, first round
TARGET_COLOR = "#E07B39"  # orange: target state, second round
GAP_COLOR = "#C9D3DF"  # pale blue-grey: the gap between current and target
OPEN_COLOR = "#D9D9D9"  # light grey: open / unanswered
TEXT_COLOR = "#262626"
MUTED_TEXT_COLOR = "#595959"
GRID_COLOR = "#D0D0D0"
AXIS_COLOR = "#8C8C8C"
BACKGROUND_COLOR = "white"
# One colour per series/round, in order; the first two match current/target.
SERIES_COLORS: tuple[str, ...] = (
    CURRENT_COLOR,
    TARGET_COLOR,
    "#7F7F7F",
    "#5B9BD5",
    "#A5A5A5",
    "#264478",
)
SERIES_LINESTYLES: tuple[str, ...] = ("-", "--", ":", "-.", "-", "--")
SERIES_MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P")
# Hatches keep bars of different rounds apart when printed in grayscale.
SERIES_HATCHES: tuple[str, ...] = ("", "", "//", "..", "\\\\", "xx")
HEATMAP_CMAP = "Blues"

TITLE_SIZE = 12.0
LABEL_SIZE = 9.5
SMALL_SIZE = 8.5

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


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


# --------------------------------------------------------------------------- text helpers


def _fp(size: float = LABEL_SIZE, *, bold: bool = False) -> FontProperties:
    prop = font_properties(size)
    if bold and has_bold_face():
        prop.set_weight("bold")
    return prop


def _plain(text: object) -> str:
    """Caller text shown literally: '$' must not switch matplotlib into mathtext."""
    return str(text).replace("$", r"\$")


def _char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _width(text: str) -> int:
    """Display width: a CJK character counts as two Latin characters."""
    return sum(_char_width(char) for char in text)


def truncate(text: str, width: int) -> str:
    """Text cut to ``width`` display columns, ending with '…' when it was cut."""
    text = " ".join(str(text).split())
    if _width(text) <= width:
        return text
    out = ""
    for char in text:
        if _width(out + char) > width - 1:
            break
        out += char
    return out.rstrip() + "…"


# Latin words and numbers stay whole; every CJK character may start a new line.
_TOKENS = re.compile(r"\s+|[0-9A-Za-z][0-9A-Za-z.,:;%/\-_+&'()]*|.")
# Punctuation that must not begin a line (Chinese line-breaking rules, simplified).
_NO_LINE_START = set("，。、；：？！）》」』】〕…,.;:?!)%")


def _greedy_lines(text: str, width: int) -> tuple[list[str], int]:
    """Lines of at most ``width`` columns, and how many words had to be split."""
    lines: list[str] = []
    current = ""
    splits = 0
    for token in _TOKENS.findall(text):
        if token.isspace():
            if current:
                current += " "
            continue
        while _width(token) > width:  # a Latin word longer than a line: split it
            splits += 1
            room = width - _width(current)
            head = ""
            for char in token:
                if _width(head + char) > room:
                    break
                head += char
            if head:
                lines.append((current + head).rstrip())
                token = token[len(head) :]
            elif current.strip():
                lines.append(current.rstrip())
            else:  # a single character wider than the line
                head, token = token[0], token[1:]
                lines.append(head)
            current = ""
        fits = _width(current + token) <= width
        if current.strip() and not fits and token not in _NO_LINE_START:
            lines.append(current.rstrip())
            current = token
        else:
            current += token
    if current.strip():
        lines.append(current.rstrip())
    return lines, splits


def wrap(text: str, width: int = 16, max_lines: int = 3) -> str:
    """Wrap by display width (16 ≈ 8 CJK characters); CJK text breaks between characters.

    Lines are balanced ("生产计划与/调度管理", not "生产计划与调度管/理") and at most
    ``max_lines`` are kept, the last one ending with '…' when text was cut.
    """
    clean = " ".join(str(text).split())
    width = max(int(width), 2)
    lines, splits = _greedy_lines(clean, width)
    if 1 < len(lines) <= max_lines:
        for narrower in range(math.ceil(_width(clean) / len(lines)), width):
            candidate, more = _greedy_lines(clean, narrower)
            if len(candidate) == len(lines) and more == splits:
                lines = candidate
                break
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], truncate(rest, width)]
    return "\n".join(lines)


def _number(value: object) -> float:
    """A finite float, or NaN for anything missing or unusable."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return number if math.isfinite(number) else math.nan


def _fmt(value: float, decimals: int | None = None) -> str:
    """Number with ``decimals`` places; by default compact ('3', '2.5'); '–' when missing."""
    if math.isnan(value):
        return "–"
    text = f"{value:.{1 if decimals is None else decimals}f}"
    if decimals is None and text.endswith(".0"):
        text = text[:-2]
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def _decimals(values: Sequence[float]) -> int:
    """0 when every value is a whole number (after rounding to one place), else 1."""
    finite = [v for v in values if not math.isnan(v)]
    return 0 if all(round(v, 1) == round(v) for v in finite) else 1


def _nice_ceiling(value: float) -> float:
    """Smallest of 1, 2, 2.5, 5 × 10^k that is at least value."""
    if not value > 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        candidate = step * 10**exponent
        if candidate >= value * (1 - 1e-9):
            return candidate
    return 10.0 ** (exponent + 1)  # pragma: no cover - the loop always returns


def _scale(scale_max: float | None, values: Sequence[float]) -> float:
    """The axis maximum: scale_max when usable, grown to fit larger data."""
    finite = [v for v in values if not math.isnan(v)]
    top = max(finite, default=0.0)
    limit = _number(scale_max)
    if math.isnan(limit) or limit <= 0:
        return _nice_ceiling(top)
    return limit if top <= limit else _nice_ceiling(top)


def _ticks(scale_max: float) -> list[float]:
    locator = MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10])
    return [float(t) for t in locator.tick_values(0, scale_max) if -1e-9 <= t <= scale_max + 1e-9]


# ------------------------------------------------------------------------- figure helpers


def _figure(size: tuple[float, float]) -> Figure:
    width, height = (_number(v) for v in size) if len(size) == 2 else (math.nan, math.nan)
    if math.isnan(width) or width <= 0:
        width = 6.0
    if math.isnan(height) or height <= 0:
        height = 4.0
    figure = Figure(figsize=(width, height), facecolor=BACKGROUND_COLOR, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _title(figure: Figure, title: str) -> None:
    if title:
        figure.suptitle(_plain(title), fontproperties=_fp(TITLE_SIZE, bold=True), color=TEXT_COLOR)


def _style_axes(ax: Axes, *, grid_axis: Literal["x", "y"] | None = None) -> None:
    """Quiet frame, CJK-capable tick labels, optional light grid behind the data."""
    ax.set_facecolor(BACKGROUND_COLOR)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(AXIS_COLOR)
    ax.tick_params(
        labelfontfamily=font_families(),
        labelsize=LABEL_SIZE,
        labelcolor=TEXT_COLOR,
        color=AXIS_COLOR,
    )
    if grid_axis:
        ax.grid(axis=grid_axis, color=GRID_COLOR, linewidth=0.8)
        ax.set_axisbelow(True)


def _legend_columns(labels: Sequence[str], width_in: float) -> int:
    """How many legend columns (at most 4) fit the figure's width: long labels (a phase
    name, a round's name) go one under the other rather than off the picture."""
    em = LABEL_SIZE
    item = max((_width(label) for label in labels), default=0) * em * _EM_PER_COLUMN
    item += (2.2 + 0.8) * em  # the handle and the gap to its text
    room = width_in * 72 * 0.95
    columns = min(len(labels), 4)
    while columns > 1 and columns * item + (columns - 1) * 2.0 * em > room:
        columns -= 1
    return max(columns, 1)


def _legend(figure: Figure, handles: Sequence[Any]) -> None:
    """Legend centred below the chart."""
    if not handles:
        return
    figure.legend(
        handles=list(handles),
        loc="outside lower center",
        ncols=_legend_columns(
            [str(h.get_label()) for h in handles], float(figure.get_size_inches()[0])
        ),
        frameon=False,
        prop=_fp(LABEL_SIZE),
        labelcolor=TEXT_COLOR,
        handlelength=2.2,
    )


def _cycle(items: Sequence[str], index: int) -> str:
    return items[index % len(items)]


def _values(values: Sequence[float], count: int) -> list[float]:
    """Exactly ``count`` numbers: extra values dropped, missing ones NaN."""
    numbers = [_number(v) for v in list(values)[:count]]
    return numbers + [math.nan] * (count - len(numbers))


def _label_ticks(
    ax: Axes, which: str, positions: Sequence[float], labels: Sequence[str], size: float
) -> None:
    prop = _fp(size)
    texts = [_plain(label) for label in labels]
    if which == "x":
        ax.set_xticks(list(positions), texts, fontproperties=prop, color=TEXT_COLOR)
    else:
        ax.set_yticks(list(positions), texts, fontproperties=prop, color=TEXT_COLOR)


def _column(
    ax: Axes, texts: Sequence[str], *, side: Literal["left", "right"], heading: str = ""
) -> None:
    """A column of texts beside the axes, one per row (row n at y = n), with an optional
    heading above it: row labels on the left, values on the right. Plain texts rather than
    tick labels or a twin axis: the layout still reserves their room, and they draw far
    faster. Each has the gid "left" or "right"."""
    figure = ax.get_figure(root=True)
    assert figure is not None
    pad = ScaledTranslation((4 if side == "right" else -4) / 72, 0, figure.dpi_scale_trans)
    x = 1.0 if side == "right" else 0.0
    rows = blended_transform_factory(ax.transAxes, ax.transData) + pad
    for row, text in enumerate(texts):
        ax.text(
            x,
            row,
            _plain(text),
            transform=rows,
            ha="left" if side == "right" else "right",
            va="center",
            fontproperties=_fp(LABEL_SIZE),
            color=TEXT_COLOR,
            clip_on=False,
            gid=side,
        )
    if heading:
        ax.text(
            x,
            1.0,
            _plain(heading),
            transform=ax.transAxes + pad,
            ha="left" if side == "right" else "right",
            va="bottom",
            fontproperties=_fp(SMALL_SIZE, bold=True),
            color=MUTED_TEXT_COLOR,
            clip_on=False,
        )


# ----------------------------------------------------------------------------------- charts


def empty_chart(message: str, size: tuple[float, float] = (5, 3)) -> Figure:
    """A blank figure with a centred, muted message (nothing to show yet)."""
    figure = _figure(size)
    ax = figure.add_subplot()
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        _plain(wrap(message, width=40, max_lines=4)),
        ha="center",
        va="center",
        fontproperties=_fp(11),
        color=MUTED_TEXT_COLOR,
        transform=ax.transAxes,
        multialignment="center",
    )
    return figure


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
    rows = [_values(s.values, count) for s in series]
    top = _scale(scale_max, [v for row in rows for v in row])

    figure = _figure(size)
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
    ticks = _ticks(top)
    for radius in ticks[1:]:
        ax.plot(closed, [radius] * (count + 1), color=GRID_COLOR, linewidth=0.8, zorder=0)
    # Scale values where the grid polygons cross the middle of the first sector, on a
    # translucent backing so they stay readable where a data line passes.
    middle = math.pi / count
    for radius in ticks[1:]:
        ax.text(
            middle,
            radius * math.cos(middle),
            _fmt(radius),
            ha="center",
            va="center",
            fontproperties=_fp(7.5),
            color=MUTED_TEXT_COLOR,
            zorder=10,
            bbox={
                "boxstyle": "round,pad=0.12",
                "facecolor": "white",
                "edgecolor": "none",
                "alpha": 0.75,
            },
        )

    # Axis labels outside the outer polygon, aligned away from the centre.
    for angle, name in zip(angles, names, strict=True):
        east, north = math.sin(angle), math.cos(angle)
        ha = "left" if east > 0.15 else "right" if east < -0.15 else "center"
        va = "bottom" if north > 0.15 else "top" if north < -0.15 else "center"
        ax.text(
            angle,
            top * 1.1,
            _plain(wrap(name, width=16, max_lines=3)),
            ha=ha,
            va=va,
            multialignment="center",
            fontproperties=_fp(LABEL_SIZE),
            color=TEXT_COLOR,
            clip_on=False,
        )

    handles: list[Any] = []
    for index, (item, row) in enumerate(zip(series, rows, strict=True)):
        color = _cycle(SERIES_COLORS, index)
        points = [0.0 if math.isnan(v) else min(max(v, 0.0), top) for v in row]
        points.append(points[0])
        (line,) = ax.plot(
            closed,
            points,
            color=color,
            linestyle=_cycle(SERIES_LINESTYLES, index),
            marker=_cycle(SERIES_MARKERS, index),
            markersize=4.5,
            linewidth=2.0,
            label=_plain(item.name),
            zorder=3 + index,
        )
        ax.fill(closed, points, color=color, alpha=0.18 if index == 0 else 0.07, zorder=2)
        handles.append(line)
    _title(figure, title)
    _legend(figure, handles)
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
    rows = [_values(s.values, count) for s in series]
    top = _scale(scale_max, [v for row in rows for v in row])

    figure = _figure(size)
    ax = figure.add_subplot()
    _style_axes(ax, grid_axis="y")
    slots = max(len(rows), 1)
    width = min(0.8 / slots, 0.3)
    decimals = _decimals([v for row in rows for v in row])
    value_size = SMALL_SIZE if count * slots <= 24 else 7.0
    handles: list[Any] = []
    for index, (item, row) in enumerate(zip(series, rows, strict=True)):
        offsets = [g + width * (index + 0.5 - slots / 2) for g in range(count)]
        heights = [0.0 if math.isnan(v) else max(v, 0.0) for v in row]
        color = _cycle(SERIES_COLORS, index)
        hatch = _cycle(SERIES_HATCHES, index) or None
        ax.bar(
            offsets,
            heights,
            width=width * 0.92,
            color=color,
            hatch=hatch,
            edgecolor="white",
            linewidth=0.6,
            label=_plain(item.name),
        )
        for x, value, height in zip(offsets, row, heights, strict=True):
            ax.text(
                x,
                height + top * 0.012,
                _fmt(value, decimals),
                ha="center",
                va="bottom",
                fontproperties=_fp(value_size),
                color=TEXT_COLOR,
            )
        handles.append(
            Patch(
                facecolor=color,
                hatch=hatch,
                edgecolor="white",
                label=_plain(item.name),
            )
        )
    ax.set_ylim(0, top * 1.08)
    ticks = _ticks(top)
    ax.set_yticks(ticks, [_fmt(t) for t in ticks])
    ax.set_xlim(-0.6, max(count, 1) - 0.4)
    line_width = max(8, min(16, int(60 / max(count, 1))))
    _label_ticks(ax, "x", range(count), [wrap(n, line_width) for n in names], LABEL_SIZE)
    ax.tick_params(axis="x", length=0)
    if value_label:
        ax.set_ylabel(_plain(value_label), fontproperties=_fp(LABEL_SIZE), color=TEXT_COLOR)
    _title(figure, title)
    _legend(figure, handles)
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
    """Grouped vertical bars: per area one bar per round (baseline, follow-up…), annotated."""
    return _grouped_bars(
        axes, rounds, scale_max=scale_max, title=title, size=size, value_label=value_label
    )


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
        (str(b.label), _number(b.current), _number(b.target), _number(b.priority)) for b in bars
    ]
    # Highest priority first; clauses without a priority go last, ties keep input order.
    entries.sort(key=lambda e: (math.isnan(e[3]), -e[3] if not math.isnan(e[3]) else 0.0))
    shown = entries[: max(int(limit), 0)]
    top = _scale(scale_max, [v for e in shown for v in (e[1], e[2])])

    figure = _figure(size)
    ax = figure.add_subplot()
    _style_axes(ax, grid_axis="x")
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
    ticks = _ticks(top)
    ax.set_xticks(ticks, [_fmt(t) for t in ticks])
    rows = len(shown)
    ax.set_ylim(max(rows, 1) - 0.5, -0.5)  # first row on top
    ax.set_yticks([])
    _column(ax, [truncate(e[0], 26) for e in shown], side="left")
    places = _decimals([e[3] for e in shown])
    _column(ax, [_fmt(e[3], places) for e in shown], side="right", heading=priority_label)

    handles = [
        Line2D([], [], marker="o", linestyle="", color=CURRENT_COLOR, label=_plain(current_label)),
        Line2D([], [], marker="D", linestyle="", color=TARGET_COLOR, label=_plain(target_label)),
    ]
    _title(figure, title)
    _legend(figure, handles)
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
    size: tuple[float, float] = (7, 4),
) -> Figure:
    """Heatmap with the value written in every cell (white on dark cells, dark on light).

    ``colorbar=False`` leaves the scale out (the cells carry their numbers); it draws faster.
    """
    row_names = [str(r) for r in rows]
    column_names = [str(c) for c in columns]
    data = np.full((len(row_names), len(column_names)), np.nan)
    for i, line in enumerate(list(values)[: len(row_names)]):
        data[i, :] = _values(line, len(column_names))

    figure = _figure(size)
    ax = figure.add_subplot()
    _style_axes(ax)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if data.size == 0:
        ax.set_xticks([])
        ax.set_yticks([])
        _title(figure, title)
        return figure

    finite = data[np.isfinite(data)]
    low = float(min(finite.min(), 0.0)) if finite.size else 0.0
    high = float(finite.max()) if finite.size else 1.0
    if high <= low:
        high = low + 1.0
    norm = Normalize(vmin=low, vmax=high)
    cmap = matplotlib.colormaps[HEATMAP_CMAP].with_extremes(bad="#F2F2F2")
    image = ax.imshow(np.ma.masked_invalid(data), cmap=cmap, norm=norm, aspect="auto")

    cell_size = SMALL_SIZE + 1 if data.size <= 40 else SMALL_SIZE
    for (i, j), value in np.ndenumerate(data):
        number = float(value)
        if math.isnan(number):
            continue
        try:
            text = value_format.format(number)
        except (ValueError, IndexError, KeyError, TypeError):
            text = _fmt(number)
        ax.text(
            j,
            i,
            _plain(text),
            ha="center",
            va="center",
            fontproperties=_fp(cell_size),
            color="white" if norm(number) > 0.55 else TEXT_COLOR,
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
    _label_ticks(
        ax,
        "x",
        range(len(column_names)),
        [wrap(c, column_width, 2) for c in column_names],
        LABEL_SIZE,
    )
    ax.set_yticks([])
    _column(ax, [truncate(r, 24) for r in row_names], side="left")

    if not colorbar:
        _title(figure, title)
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
        bar.set_label(
            _plain(colorbar_label), fontproperties=_fp(SMALL_SIZE), color=MUTED_TEXT_COLOR
        )
    _title(figure, title)
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
    done_values = _values(done, count)
    total_values = _values(total, count)

    figure = _figure(size)
    ax = figure.add_subplot()
    _style_axes(ax, grid_axis="x")
    ax.spines["left"].set_visible(False)
    counts: list[str] = []
    shares: list[float] = []
    for finished, planned in zip(done_values, total_values, strict=True):
        finished = 0.0 if math.isnan(finished) else max(finished, 0.0)
        planned = 0.0 if math.isnan(planned) else max(planned, 0.0)
        finished = min(finished, planned)
        shares.append(finished / planned if planned > 0 else 0.0)
        counts.append(f"{_fmt(finished)}/{_fmt(planned)}")
    rows = np.arange(count, dtype=float)
    done_share = np.array(shares, dtype=float)
    ax.barh(rows, done_share, height=0.6, color=CURRENT_COLOR, zorder=2)
    ax.barh(rows, 1 - done_share, left=done_share, height=0.6, color=OPEN_COLOR, zorder=2)
    ax.set_xlim(0, 1)
    ax.set_ylim(max(count, 1) - 0.5, -0.5)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:.0%}"))
    ax.set_yticks([])
    _column(ax, [truncate(n, 24) for n in names], side="left")
    _column(ax, counts, side="right")

    handles = [
        Patch(facecolor=CURRENT_COLOR, label=_plain(done_label)),
        Patch(facecolor=OPEN_COLOR, label=_plain(open_label)),
    ]
    _title(figure, title)
    _legend(figure, handles)
    return figure


def index_chart(
    value: float,
    *,
    label: str,
    scale_max: float = 100,
    size: tuple[float, float] = (3, 3),
) -> Figure:
    """Donut gauge: the share of scale_max filled, the number in the middle, label below."""
    number = _number(value)
    top = _number(scale_max)
    if math.isnan(top) or top <= 0:
        top = 100.0
    filled = 0.0 if math.isnan(number) else min(max(number, 0.0), top)

    figure = _figure(size)
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
        _fmt(number),
        ha="center",
        va="center",
        fontproperties=_fp(24, bold=True),
        color=CURRENT_COLOR,
    )
    ax.text(
        0,
        -0.28,
        f"/ {_fmt(top)}",
        ha="center",
        va="center",
        fontproperties=_fp(SMALL_SIZE),
        color=MUTED_TEXT_COLOR,
    )
    ax.set_xlabel(
        _plain(wrap(label, width=20, max_lines=2)),
        fontproperties=_fp(10.5),
        color=TEXT_COLOR,
        multialignment="center",
    )
    return figure


def render_png(figure: Figure, *, dpi: float = 100, tight: bool = True) -> bytes:
    """The figure as PNG bytes, drawn with Agg (safe in a worker thread).

    ``tight`` trims the margins, which draws the figure twice; on screen, where the figure
    already has the view's size and a constrained layout, ``tight=False`` is twice as fast.
    """
    if not isinstance(figure.canvas, FigureCanvasAgg):
        FigureCanvasAgg(figure)
    buffer = BytesIO()
    extra: dict[str, Any] = {"bbox_inches": "tight", "pad_inches": 0.08} if tight else {}
    figure.savefig(buffer, format="png", dpi=dpi, facecolor=BACKGROUND_COLOR, **extra)
    return buffer.getvalue()


# ------------------------------------------------------------------------ roadmap charts

TODAY_COLOR = "#C00000"  # dark red, dashed: stays visible (and dark) in grayscale print
# Priority matrix tints, in quadrant order: quick wins, major projects, fill-ins, avoid.
QUADRANT_TINTS: tuple[str, ...] = ("#E3ECF5", "#FBEBDF", "#F4F4F4", "#E9E9E9")
QUADRANT_TEXT_COLORS: tuple[str, ...] = (CURRENT_COLOR, "#A4531F", MUTED_TEXT_COLOR, "#404040")
UNGROUPED_COLOR = "#595959"
# Rough text metrics (points per em) for placing labels before anything is drawn.
_EM_PER_COLUMN = 0.55
_LINE_HEIGHT = 1.3


def _mix(color: str, other: str, share: float) -> tuple[float, float, float]:
    """``color`` moved ``share`` of the way towards ``other`` (e.g. white: a lighter tint)."""
    first, second = to_rgb(color), to_rgb(other)
    r, g, b = (a + (b - a) * share for a, b in zip(first, second, strict=True))
    return (r, g, b)


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
    longest = max((_width(line) for line in text.split("\n")), default=0)
    width = longest * size * _EM_PER_COLUMN + 2
    height = size * _LINE_HEIGHT * (text.count("\n") + 1)
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
    top = _number(scale_max)
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
        value, effort = _number(point.value), _number(point.effort)
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

    figure = _figure(size)
    width_in, height_in = figure.get_size_inches()
    ax = figure.add_subplot()
    _style_axes(ax)

    # Approximate plot area in points, to place things without drawing first. Margins keep
    # the quadrant names (top and bottom) clear of points on the edge of the scale.
    quadrant_size = LABEL_SIZE
    area_w = width_in * 72 * 0.8
    area_h = height_in * 72 * (0.66 if title else 0.72)
    spread = max(radii.values(), default=0.0)

    def band(texts: Sequence[str]) -> float:
        lines = max((t.count("\n") + 1 for t in texts if t), default=0)
        return lines * quadrant_size * _LINE_HEIGHT + spread + 10

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
            _plain(text),
            transform=ax.transAxes,
            ha=ha,
            va=va,
            multialignment=ha,
            fontproperties=_fp(quadrant_size, bold=True),
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
        for k, index in enumerate(members):
            angle = math.pi / 2 + 2 * math.pi * k / count
            dx, dy = math.cos(angle), math.sin(angle)
            x, y = entries[index][1], entries[index][2]
            placed[index] = (x + radii[key] * dx / per_x, y + radii[key] * dy / per_y, dx, dy)

    # Colour and marker per group, in order of first appearance.
    groups = list(dict.fromkeys(e[3] for e in entries if e[3]))
    styles = {
        name: (_cycle(SERIES_COLORS, i), _cycle(SERIES_MARKERS, i)) for i, name in enumerate(groups)
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
            label=_plain(name) if name else "_nolegend_",
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
                    label=_plain(name),
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
            _plain(label),
            (placed[index][0], placed[index][1]),
            xytext=(dx, dy),
            textcoords="offset points",
            ha=ha,
            va=va,
            fontproperties=_fp(SMALL_SIZE),
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
    ax.set_xticks(ticks, [_fmt(t) for t in ticks])
    ax.set_yticks(ticks, [_fmt(t) for t in ticks])
    ax.set_xlabel(_plain(effort_label), fontproperties=_fp(LABEL_SIZE), color=TEXT_COLOR)
    ax.set_ylabel(_plain(value_label), fontproperties=_fp(LABEL_SIZE), color=TEXT_COLOR)
    _title(figure, title)
    _legend(figure, handles)
    return figure


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
    number = _number(value)
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


def gantt_chart(
    tasks: Sequence[GanttTask],
    *,
    title: str = "",
    phases: Sequence[tuple[str, date, date]] = (),
    today: date | None = None,
    size: tuple[float, float] | None = None,
) -> Figure:
    """Roadmap Gantt chart: one row per task, a bar from start to end on a date axis.

    Tasks are grouped by ``group`` (groups in order of first appearance, tasks in input
    order); each named group gets a bold header row with a summary line over its whole span,
    and its own colour. ``phases`` are translucent background spans named above the chart;
    a phase named like a group takes that group's colour. Progress is a darker inner bar with
    the percentage beside it, milestones are diamonds at their end date, ``today`` a dashed
    line. Without ``size`` the height grows with the rows. A task ending before it starts is
    drawn as a single day; tasks without a usable date keep their row but draw nothing.
    """
    items = list(tasks)
    # Rows: (label, header?, task index or -1, group name), groups in order of first use.
    grouped: dict[str, list[int]] = {}
    for index, task in enumerate(items):
        grouped.setdefault(str(task.group or ""), []).append(index)
    named = [name for name in grouped if name]
    colors = {name: _cycle(SERIES_COLORS, i) for i, name in enumerate(named)}
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

    if size is None:
        height = 1.2 + 0.32 * max(count, 1) + (0.25 if phase_spans else 0.0)
        size = (8.0, min(max(height, 2.4), 16.0))
    figure = _figure(size)
    width_in = float(figure.get_size_inches()[0])
    ax = figure.add_subplot()
    _style_axes(ax, grid_axis="x")
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

    # Phases: translucent spans behind everything, their names above the plot area.
    group_for_phase = {name: name for name in named}
    over_top = blended_transform_factory(ax.transData, ax.transAxes)
    x_range = ax.get_xlim()[1] - ax.get_xlim()[0]
    plot_columns = width_in * 72 * 0.75 / (SMALL_SIZE * _EM_PER_COLUMN)
    for index, (name, start, end) in enumerate(phase_spans):
        group = group_for_phase.get(name)
        base = colors[group] if group else ("#5B9BD5", "#A5A5A5")[index % 2]
        ax.axvspan(start, end, facecolor=_mix(base, "white", 0.86), edgecolor="none", zorder=0)
        ax.axvline(start, color=_mix(base, "white", 0.45), linewidth=0.8, zorder=0.5)
        columns = max(int(plot_columns * (end - start) / x_range), 6)
        ax.text(
            (start + end) / 2,
            1.01,
            _plain(wrap(name, columns, 2)),
            transform=over_top,
            ha="center",
            va="bottom",
            multialignment="center",
            fontproperties=_fp(SMALL_SIZE, bold=True),
            color=_mix(base, "black", 0.3) if group else MUTED_TEXT_COLOR,
            clip_on=False,
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
            ax.plot(
                [end],
                [row],
                marker="D",
                markersize=9,
                linestyle="",
                color=_mix(color, "black", 0.15),
                markeredgecolor="white",
                markeredgewidth=1.0,
                zorder=5,
                gid="gantt-milestone",
            )
            continue
        bars = ax.barh(
            row,
            end - start,
            left=start,
            height=0.56,
            color=_mix(color, "white", 0.42),
            edgecolor=_mix(color, "white", 0.2),
            linewidth=0.8,
            zorder=3,
        )
        bars.patches[0].set_gid("gantt-task")
        done = _progress(task.progress)
        if math.isnan(done):
            continue
        if done > 0:
            inner = ax.barh(
                row,
                (end - start) * done,
                left=start,
                height=0.24,
                color=_mix(color, "black", 0.2),
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
            fontproperties=_fp(SMALL_SIZE - 0.5),
            color=MUTED_TEXT_COLOR,
            zorder=5,
        )

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
            today_day.isoformat(),
            transform=over_top,
            ha="center",
            va="bottom",
            fontproperties=_fp(SMALL_SIZE - 0.5),
            color=TODAY_COLOR,
            zorder=7,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"},
        )

    ax.set_ylim(max(count, 1) - 0.5, -0.5)  # first row on top
    _label_ticks(ax, "y", range(count), [truncate(r[0], 24) for r in rows], label_size)
    for text, (_label, header, _index, name) in zip(ax.get_yticklabels(), rows, strict=True):
        if header:
            text.set_fontproperties(_fp(label_size, bold=True))
            text.set_color(_mix(colors[name], "black", 0.3))
    ax.tick_params(axis="y", length=0)
    ax.tick_params(axis="x", which="minor", length=2, color=AXIS_COLOR)
    _title(figure, title)
    return figure
