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
from io import BytesIO
from typing import Any, Literal

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import blended_transform_factory

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


def _legend(figure: Figure, handles: Sequence[Any]) -> None:
    """Legend centred below the chart."""
    if not handles:
        return
    figure.legend(
        handles=list(handles),
        loc="outside lower center",
        ncols=min(len(handles), 4),
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
    ax.set_xticks(angles, [""] * count)
    ax.xaxis.grid(True, color=GRID_COLOR, linewidth=0.8)
    ax.yaxis.grid(False)
    ticks = _ticks(top)
    for radius in ticks[1:]:
        ax.plot(closed, [radius] * (count + 1), color=GRID_COLOR, linewidth=0.8, zorder=0)
    # Scale values where the grid polygons cross the middle of the first sector, on a
    # translucent backing so they stay readable where a data line passes.
    ax.set_yticks(ticks, [""] * len(ticks))
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
    for row, (_label, current, target, _priority) in enumerate(shown):
        if not (math.isnan(current) or math.isnan(target)):
            ax.plot(
                [current, target],
                [row, row],
                color=GAP_COLOR,
                linewidth=6,
                solid_capstyle="butt",
                zorder=2,
            )
        if not math.isnan(current):
            ax.plot([current], [row], "o", color=CURRENT_COLOR, markersize=7, zorder=3)
        if not math.isnan(target):
            ax.plot(
                [target],
                [row],
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
    _label_ticks(ax, "y", range(rows), [truncate(e[0], 26) for e in shown], LABEL_SIZE)
    ax.tick_params(axis="y", length=0)

    # Priority column: tick labels of a twin axis on the right, so the layout reserves room.
    right = ax.twinx()
    right.set_ylim(ax.get_ylim())
    for spine in right.spines.values():
        spine.set_visible(False)
    places = _decimals([e[3] for e in shown])
    _label_ticks(right, "y", range(rows), [_fmt(e[3], places) for e in shown], LABEL_SIZE)
    right.tick_params(axis="y", length=0, labelcolor=TEXT_COLOR)
    side = blended_transform_factory(right.transAxes, right.transAxes)
    right.text(
        1.0,
        1.0,
        _plain(priority_label),
        transform=side,
        ha="left",
        va="bottom",
        fontproperties=_fp(SMALL_SIZE, bold=True),
        color=MUTED_TEXT_COLOR,
    )

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
    size: tuple[float, float] = (7, 4),
) -> Figure:
    """Heatmap with the value written in every cell (white on dark cells, dark on light)."""
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
        )
    # White separators between cells.
    ax.set_xticks(np.arange(len(column_names) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(row_names) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
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
    _label_ticks(ax, "y", range(len(row_names)), [truncate(r, 24) for r in row_names], LABEL_SIZE)

    colorbar = figure.colorbar(image, ax=ax, shrink=0.9, pad=0.02)
    colorbar.outline.set_visible(False)
    colorbar.ax.tick_params(
        labelfontfamily=font_families(),
        labelsize=SMALL_SIZE,
        labelcolor=MUTED_TEXT_COLOR,
        length=0,
    )
    if finite.size and np.all(np.equal(np.mod(finite, 1), 0)):
        colorbar.ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    if colorbar_label:
        colorbar.set_label(
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
    for row, (finished, planned) in enumerate(zip(done_values, total_values, strict=True)):
        finished = 0.0 if math.isnan(finished) else max(finished, 0.0)
        planned = 0.0 if math.isnan(planned) else max(planned, 0.0)
        finished = min(finished, planned)
        share = finished / planned if planned > 0 else 0.0
        ax.barh(row, share, height=0.6, color=CURRENT_COLOR, zorder=2)
        ax.barh(row, 1 - share, left=share, height=0.6, color=OPEN_COLOR, zorder=2)
        counts.append(f"{_fmt(finished)}/{_fmt(planned)}")
    ax.set_xlim(0, 1)
    ax.set_ylim(max(count, 1) - 0.5, -0.5)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:.0%}"))
    _label_ticks(ax, "y", range(count), [truncate(n, 24) for n in names], LABEL_SIZE)
    ax.tick_params(axis="y", length=0)

    right = ax.twinx()
    right.set_ylim(ax.get_ylim())
    for spine in right.spines.values():
        spine.set_visible(False)
    _label_ticks(right, "y", range(count), counts, LABEL_SIZE)
    right.tick_params(axis="y", length=0, labelcolor=TEXT_COLOR)

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


def render_png(figure: Figure, *, dpi: float = 100) -> bytes:
    """The figure as PNG bytes, drawn with Agg (safe in a worker thread)."""
    if not isinstance(figure.canvas, FigureCanvasAgg):
        FigureCanvasAgg(figure)
    buffer = BytesIO()
    figure.savefig(
        buffer,
        format="png",
        dpi=dpi,
        bbox_inches="tight",
        pad_inches=0.08,
        facecolor=BACKGROUND_COLOR,
    )
    return buffer.getvalue()
