"""What every dtbench chart shares: palette, type sizes, CJK-aware text helpers, figure and
axes set-up, the empty chart, and PNG output.

Charts are built without pyplot or Qt: every chart function takes plain data whose labels are
already translated and returns a fresh ``matplotlib.figure.Figure``; nothing global is touched
(no pyplot, no rcParams), so charts can be built in a worker. Every text artist gets
:func:`dtbench.reports.fonts.font_properties`, so Chinese renders with a real CJK font. Bad or
missing input never raises: there is simply less to draw.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any, Literal

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from dtbench.reports.chart_canvas import ChartCanvas
from dtbench.reports.chart_text import plain as plain
from dtbench.reports.chart_text import text_width as text_width
from dtbench.reports.chart_text import truncate as truncate
from dtbench.reports.chart_text import wrap as wrap
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


# Rough text metrics (points per em) for placing labels before anything is drawn.
EM_PER_COLUMN = 0.55
LINE_HEIGHT = 1.3


# --------------------------------------------------------------------------- text helpers


def fp(size: float = LABEL_SIZE, *, bold: bool = False) -> FontProperties:
    prop = font_properties(size)
    if bold and has_bold_face():
        prop.set_weight("bold")
    return prop


def to_number(value: object) -> float:
    """A finite float, or NaN for anything missing or unusable."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return number if math.isfinite(number) else math.nan


def fmt(value: float, decimals: int | None = None) -> str:
    """Number with ``decimals`` places; by default compact ('3', '2.5'); '–' when missing."""
    if math.isnan(value):
        return "–"
    text = f"{value:.{1 if decimals is None else decimals}f}"
    if decimals is None and text.endswith(".0"):
        text = text[:-2]
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def decimal_places(values: Sequence[float]) -> int:
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


def axis_max(scale_max: float | None, values: Sequence[float]) -> float:
    """The axis maximum: scale_max when usable, grown to fit larger data."""
    finite = [v for v in values if not math.isnan(v)]
    top = max(finite, default=0.0)
    limit = to_number(scale_max)
    if math.isnan(limit) or limit <= 0:
        return _nice_ceiling(top)
    return limit if top <= limit else _nice_ceiling(top)


def scale_ticks(scale_max: float) -> list[float]:
    locator = MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10])
    return [float(t) for t in locator.tick_values(0, scale_max) if -1e-9 <= t <= scale_max + 1e-9]


# ------------------------------------------------------------------------- figure helpers


def new_figure(size: tuple[float, float]) -> Figure:
    width, height = (to_number(v) for v in size) if len(size) == 2 else (math.nan, math.nan)
    if math.isnan(width) or width <= 0:
        width = 6.0
    if math.isnan(height) or height <= 0:
        height = 4.0
    figure = Figure(figsize=(width, height), facecolor=BACKGROUND_COLOR, layout="constrained")
    ChartCanvas(figure)
    return figure


def add_title(figure: Figure, title: str) -> None:
    if title:
        figure.suptitle(plain(title), fontproperties=fp(TITLE_SIZE, bold=True), color=TEXT_COLOR)


def style_axes(ax: Axes, *, grid_axis: Literal["x", "y"] | None = None) -> None:
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


@dataclass(frozen=True)
class _LegendLook:
    size: float  # type size, pt
    key: float  # handle length, in type sizes
    gap: float  # handle to text, in type sizes
    spacing: float  # between columns, in type sizes


_LEGEND = _LegendLook(LABEL_SIZE, 2.2, 0.8, 2.0)
_COMPACT_LEGEND = _LegendLook(SMALL_SIZE, 1.4, 0.5, 1.0)  # a small chart with many entries


def _legend_columns(labels: Sequence[str], width_in: float, look: _LegendLook = _LEGEND) -> int:
    """How many legend columns (at most 4) fit the figure's width: long labels (a phase
    name, a round's name) go one under the other rather than off the picture."""
    em = look.size
    item = max((text_width(label) for label in labels), default=0) * em * EM_PER_COLUMN
    item += (look.key + look.gap) * em  # the handle and the gap to its text
    room = width_in * 72 * 0.95
    columns = min(len(labels), 4)
    while columns > 1 and columns * item + (columns - 1) * look.spacing * em > room:
        columns -= 1
    return max(columns, 1)


def keep_inside(figure: Figure, ax: Axes, texts: Sequence[Text], pad_pt: float = 3) -> None:
    """Shrink ``ax`` until ``texts`` drawn around it (a radar's axis labels) lie inside the
    figure. The constrained layout places an axes of fixed aspect (polar) so that such labels
    can end a few pixels beyond the edge, where a picture of fixed size cuts them off. The
    layout is run here once, corrected, and then frozen: drawing costs no more than before."""
    engine = figure.get_layout_engine()
    if engine is None or not texts:
        return
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    engine.execute(figure)
    figure.set_layout_engine("none")
    pad = pad_pt * figure.dpi / 72
    for _ in range(4):
        ax.apply_aspect()
        boxes = [t.get_window_extent(renderer) for t in texts]
        whole = figure.bbox
        left = max(0.0, max(whole.x0 + pad - b.x0 for b in boxes))
        right = max(0.0, max(b.x1 - (whole.x1 - pad) for b in boxes))
        bottom = max(0.0, max(whole.y0 + pad - b.y0 for b in boxes))
        top = max(0.0, max(b.y1 - (whole.y1 - pad) for b in boxes))
        if not (left or right or bottom or top):
            return
        box = ax.get_position(original=True)
        width, height = whole.width, whole.height
        # Twice the overflow: the labels sit at 1.1 × the radius, the axes shrinks evenly.
        x0 = box.x0 + 2 * left / width
        x1 = box.x1 - 2 * right / width
        y0 = box.y0 + 2 * bottom / height
        y1 = box.y1 - 2 * top / height
        if x1 - x0 <= 0.05 or y1 - y0 <= 0.05:
            return  # nothing sensible left: draw as it is
        ax.set_position((x0, y0, x1 - x0, y1 - y0))


def add_legend(figure: Figure, handles: Sequence[Any], *, compact: bool = False) -> None:
    """Legend centred below the chart; ``compact``: smaller type, shorter keys, closer
    columns (a small chart with many entries)."""
    if not handles:
        return
    look = _COMPACT_LEGEND if compact else _LEGEND
    figure.legend(
        handles=list(handles),
        loc="outside lower center",
        ncols=_legend_columns(
            [str(h.get_label()) for h in handles], float(figure.get_size_inches()[0]), look
        ),
        frameon=False,
        prop=fp(look.size),
        labelcolor=TEXT_COLOR,
        handlelength=look.key,
        handletextpad=look.gap,
        columnspacing=look.spacing,
    )


def cycle(items: Sequence[str], index: int) -> str:
    return items[index % len(items)]


def exactly(values: Sequence[float], count: int) -> list[float]:
    """Exactly ``count`` numbers: extra values dropped, missing ones NaN."""
    numbers = [to_number(v) for v in list(values)[:count]]
    return numbers + [math.nan] * (count - len(numbers))


def label_ticks(
    ax: Axes, which: str, positions: Sequence[float], labels: Sequence[str], size: float
) -> None:
    prop = fp(size)
    texts = ["\n".join(plain(line) for line in str(label).split("\n")) for label in labels]
    if which == "x":
        ax.set_xticks(list(positions), texts, fontproperties=prop, color=TEXT_COLOR)
    else:
        ax.set_yticks(list(positions), texts, fontproperties=prop, color=TEXT_COLOR)


def text_column(
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
            plain(text),
            transform=rows,
            ha="left" if side == "right" else "right",
            va="center",
            fontproperties=fp(LABEL_SIZE),
            color=TEXT_COLOR,
            clip_on=False,
            gid=side,
        )
    if heading:
        ax.text(
            x,
            1.0,
            plain(heading),
            transform=ax.transAxes + pad,
            ha="left" if side == "right" else "right",
            va="bottom",
            fontproperties=fp(SMALL_SIZE, bold=True),
            color=MUTED_TEXT_COLOR,
            clip_on=False,
        )


def mix(color: str, other: str, share: float) -> tuple[float, float, float]:
    """``color`` moved ``share`` of the way towards ``other`` (e.g. white: a lighter tint)."""
    first, second = to_rgb(color), to_rgb(other)
    r, g, b = (a + (b - a) * share for a, b in zip(first, second, strict=True))
    return (r, g, b)


# ------------------------------------------------------------------------------- output


def empty_chart(message: str, size: tuple[float, float] = (5, 3)) -> Figure:
    """A blank figure with a centred, muted message (nothing to show yet)."""
    figure = new_figure(size)
    ax = figure.add_subplot()
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        plain(wrap(message, width=40, max_lines=4)),
        ha="center",
        va="center",
        fontproperties=fp(11),
        color=MUTED_TEXT_COLOR,
        transform=ax.transAxes,
        multialignment="center",
    )
    return figure


def render_png(figure: Figure, *, dpi: float = 100, tight: bool = True) -> bytes:
    """The figure as PNG bytes, drawn with Agg (safe in a worker thread).

    ``tight`` trims the margins, which draws the figure twice; on screen, where the figure
    already has the view's size and a constrained layout, ``tight=False`` is twice as fast.
    """
    if not isinstance(figure.canvas, FigureCanvasAgg):
        ChartCanvas(figure)
    buffer = BytesIO()
    extra: dict[str, Any] = {"bbox_inches": "tight", "pad_inches": 0.08} if tight else {}
    figure.savefig(buffer, format="png", dpi=dpi, facecolor=BACKGROUND_COLOR, **extra)
    return buffer.getvalue()
