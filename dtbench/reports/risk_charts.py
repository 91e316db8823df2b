"""The risk matrix: probability × impact on the 5 × 5 grid, each cell tinted by its level and
holding the numbers of the risks in it (R-01…, as in the register). Shared by the Risks step
and the proposal; labels come translated. matplotlib is loaded only when a chart is built (in
the chart workers)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dtbench.plan.records import PlanItem, Risk
from dtbench.plan.risks import HIGH, MEDIUM, number_of

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Cell tints by level, light enough for black text and distinct in grayscale print.
# three clearly different greys when printed in black and white (luminance ~173, 221, 242)
LEVEL_TINTS = {"high": "#EC9488", "medium": "#F9DC9E", "low": "#EEF6EA"}
CLOSED_COLOR = "#8C8C8C"
MAX_LINES = 4  # lines of numbers a cell holds


@dataclass(frozen=True)
class RiskTexts:
    title: str
    probability: str
    impact: str
    levels: tuple[str, str, str]  # high, medium, low
    closed: str  # legend entry of the risks already closed (drawn grey)
    empty: str


def _tint(score: int) -> str:
    return LEVEL_TINTS["high" if score >= HIGH else "medium" if score >= MEDIUM else "low"]


def risk_matrix_figure(
    risks: Sequence[PlanItem], texts: RiskTexts, size: tuple[float, float] = (6, 5)
) -> Figure:
    """Impact on x (1–5), probability on y (1–5); a cell lists its risks' numbers, closed ones
    in grey. Values outside the scale are clamped to it."""
    from matplotlib.patches import Patch, Rectangle

    from dtbench.reports.chart_style import (
        AXIS_COLOR,
        LABEL_SIZE,
        SMALL_SIZE,
        TEXT_COLOR,
        add_legend,
        add_title,
        empty_chart,
        fp,
        new_figure,
        plain,
        style_axes,
    )

    if not risks:
        return empty_chart(texts.empty, size=size)
    cells: dict[tuple[int, int], list[tuple[str, bool]]] = {}
    for n, item in enumerate(risks):
        risk: Risk = item.record
        p = min(max(int(risk.probability), 1), 5)
        i = min(max(int(risk.impact), 1), 5)
        cells.setdefault((i, p), []).append((number_of(n), risk.status == "closed"))

    figure = new_figure(size)
    ax = figure.add_subplot()
    style_axes(ax)
    for impact in range(1, 6):
        for probability in range(1, 6):
            ax.add_patch(
                Rectangle(
                    (impact - 0.5, probability - 0.5),
                    1,
                    1,
                    facecolor=_tint(impact * probability),
                    edgecolor="white",
                    linewidth=2,
                    zorder=0,
                    gid="risk-cell",
                )
            )
    width_in = float(figure.get_size_inches()[0])
    # Numbers per line that fit a cell: a cell is about a sixth of the figure's width.
    per_line = max(1, int(width_in * 72 / 6 / (SMALL_SIZE * 0.6 * 4.6)))
    for (impact, probability), members in cells.items():
        lines = [members[k : k + per_line] for k in range(0, len(members), per_line)]
        if len(lines) > MAX_LINES:  # a crowded cell says how many more it holds
            rest = sum(len(line) for line in lines[MAX_LINES - 1 :])
            lines = [*lines[: MAX_LINES - 1], [(f"+{rest}", False)]]
        count = len(lines)
        for row, line in enumerate(lines):
            y = probability + (count - 1) / 2 * 0.2 - row * 0.2
            for col, (label, closed) in enumerate(line):
                x = impact + (col - (len(line) - 1) / 2) * (0.9 / per_line)
                ax.text(
                    x,
                    y,
                    plain(label),
                    ha="center",
                    va="center",
                    fontproperties=fp(SMALL_SIZE, bold=not closed),
                    color=CLOSED_COLOR if closed else TEXT_COLOR,
                    zorder=3,
                    gid="risk-label",
                )
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ticks = [1, 2, 3, 4, 5]
    ax.set_xticks(ticks, [str(t) for t in ticks])
    ax.set_yticks(ticks, [str(t) for t in ticks])
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(AXIS_COLOR)
    ax.set_xlabel(plain(texts.impact), fontproperties=fp(LABEL_SIZE), color=TEXT_COLOR)
    ax.set_ylabel(plain(texts.probability), fontproperties=fp(LABEL_SIZE), color=TEXT_COLOR)
    ax.set_aspect("equal", adjustable="box")
    handles = [
        Patch(facecolor=LEVEL_TINTS[code], edgecolor="none", label=plain(name))
        for code, name in zip(("high", "medium", "low"), texts.levels, strict=True)
    ]
    if any(closed for members in cells.values() for _label, closed in members):
        handles.append(Patch(facecolor="white", edgecolor=CLOSED_COLOR, label=plain(texts.closed)))
    add_title(figure, texts.title)
    add_legend(figure, handles)
    return figure
