"""The firm benchmark chart (dashboard and proposal): per area, the firm's distribution of the
area index as a range bar (minimum to maximum) with the middle half (quartiles) and the
median, and this client as a dot; ``n`` beside each row.

Plain numbers in (``dtbench.team.benchmark`` makes them), a matplotlib Figure out: the chart
never sees whose figures they are. matplotlib is loaded only in ``build`` (chart workers).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class BenchmarkRow:
    """One area: its label, the firm's five figures (min, q1, median, q3, max), how many
    engagements they come from, and this client's value (None: not assessed)."""

    label: str
    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float
    n: int
    value: float | None
    percentile: float | None = None  # where this client stands among them, 0–100


@dataclass(frozen=True)
class BenchmarkData:
    """A client's standing for the proposal: how many comparable engagements, and one row
    per area (labels in the document's language). Only made when there are enough."""

    n: int
    size_band: str
    rows: tuple[BenchmarkRow, ...]


@dataclass(frozen=True)
class BenchmarkTexts:
    title: str
    firm_range: str  # legend: the whole range
    middle_half: str  # legend: quartile box
    median: str
    client: str
    axis: str
    count: str  # "n = %1"


@dataclass(frozen=True)
class BenchmarkChart:
    rows: tuple[BenchmarkRow, ...]
    texts: BenchmarkTexts


def build(data: BenchmarkChart, size: tuple[float, float]) -> Figure:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from dtbench.reports.chart_style import (
        CURRENT_COLOR,
        GAP_COLOR,
        LABEL_SIZE,
        OPEN_COLOR,
        TARGET_COLOR,
        TEXT_COLOR,
        add_legend,
        add_title,
        fp,
        new_figure,
        plain,
        style_axes,
        text_column,
        wrap,
    )

    t = data.texts
    rows = data.rows
    figure = new_figure(size)
    ax = figure.add_subplot()
    style_axes(ax, grid_axis="x")
    ax.spines["left"].set_visible(False)
    for y, row in enumerate(rows):
        ax.barh(y, row.maximum - row.minimum, left=row.minimum, height=0.18, color=OPEN_COLOR)
        ax.barh(y, row.q3 - row.q1, left=row.q1, height=0.5, color=GAP_COLOR, zorder=2)
        ax.plot([row.median] * 2, [y - 0.25, y + 0.25], color=CURRENT_COLOR, lw=2, zorder=3)
        if row.value is not None:
            ax.plot(row.value, y, "o", color=TARGET_COLOR, ms=7, mec="white", zorder=4)
    ax.set_xlim(0, 100)
    ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel(plain(t.axis), fontproperties=fp(LABEL_SIZE), color=TEXT_COLOR)
    ax.set_yticks([])
    # Wrapped, not cut: "5 Framework and princip…" hid which part a row is.
    text_column(ax, [wrap(r.label, 24, 2) for r in rows], side="left")
    text_column(ax, [t.count.replace("%1", str(r.n)) for r in rows], side="right")
    handles = [
        Patch(facecolor=OPEN_COLOR, label=plain(t.firm_range)),
        Patch(facecolor=GAP_COLOR, label=plain(t.middle_half)),
        Line2D([], [], color=CURRENT_COLOR, lw=2, label=plain(t.median)),
        Line2D([], [], marker="o", ls="", color=TARGET_COLOR, label=plain(t.client)),
    ]
    add_title(figure, t.title)
    add_legend(figure, handles)
    return figure


def chart_key(data: BenchmarkChart) -> Hashable:
    """Everything the chart shows (equal keys draw equal charts)."""
    return (data.rows, data.texts)


def rows_of(
    areas: Sequence[tuple[str, object]],
) -> tuple[BenchmarkRow, ...]:
    """Rows from (label, standing) pairs of ``dtbench.team.benchmark`` (duck-typed: reports
    sits below team); areas without a distribution are left out."""
    out = []
    for label, standing in areas:
        d = getattr(standing, "distribution", None)
        if d is None:
            continue
        out.append(
            BenchmarkRow(
                label,
                d.minimum,
                d.q1,
                d.median,
                d.q3,
                d.maximum,
                d.n,
                getattr(standing, "value", None),
                getattr(standing, "percentile", None),
            )
        )
    return tuple(out)
