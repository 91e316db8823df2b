"""The investment and benefit chart: bars for the investment and the benefit of each year, a
line for the cumulative net (benefit minus investment), the payback year marked. Shared by the
Investment and benefits step and the proposal; labels come translated. matplotlib is loaded
only when the chart is built (in the chart workers)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dtbench.guide.model import Text
from dtbench.plan.investment import summarize
from dtbench.plan.records import PlanItem

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class InvestmentTexts:
    title: str
    investment: str
    benefit: str
    net: str  # cumulative net
    unit: str  # the value axis: 万元 / CNY 10,000
    payback: str  # "Payback %1"
    empty: str


TEXTS: dict[str, Text] = {
    "title": Text("各年度投资与效益", "Investment and benefit by year"),
    "investment": Text("投资", "Investment"),
    "benefit": Text("效益", "Benefit"),
    "net": Text("累计净收益", "Cumulative net"),
    "unit": Text("万元", "CNY million"),
    "payback": Text("%1年收回投资", "Payback %1"),
    "empty": Text("尚未填写投资。", "No investment entered yet."),
}


def investment_texts(lang: str) -> InvestmentTexts:
    """The chart's labels in a deliverable's language."""
    return InvestmentTexts(**{key: text.get(lang) for key, text in TEXTS.items()})


def investment_chart(
    years: Sequence[int],
    investment: Sequence[float],
    benefit: Sequence[float],
    net: Sequence[float],
    texts: InvestmentTexts,
    payback: int | None = None,
    size: tuple[float, float] = (6.3, 3.6),
    decimals: int = 0,
) -> Figure:
    """Bars per year (investment, benefit) and the cumulative net as a line; the bars are
    labelled with ``decimals`` decimals."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from dtbench.reports import chart_style as cs

    if not years:
        return cs.empty_chart(texts.empty, size=size)
    figure = cs.new_figure(size)
    ax = figure.add_subplot()
    cs.style_axes(ax, grid_axis="y")
    xs = list(range(len(years)))
    width = 0.36
    colors = (cs.CURRENT_COLOR, cs.TARGET_COLOR)
    handles: list[Any] = []
    for n, (name, values) in enumerate(((texts.investment, investment), (texts.benefit, benefit))):
        offsets = [x + width * (n - 0.5) for x in xs]
        ax.bar(offsets, list(values), width=width * 0.92, color=colors[n], edgecolor="white")
        for x, value in zip(offsets, values, strict=False):
            if value:
                ax.text(
                    x,
                    value,
                    cs.fmt(value, decimals),
                    ha="center",
                    va="bottom",
                    fontproperties=cs.fp(cs.SMALL_SIZE - 1),
                    color=cs.TEXT_COLOR,
                )
        handles.append(Patch(facecolor=colors[n], edgecolor="white", label=cs.plain(name)))
    ax.plot(
        xs,
        list(net),
        color=cs.TEXT_COLOR,
        linestyle="--",
        marker="o",
        markersize=4,
        linewidth=1.4,
    )
    handles.append(
        Line2D([], [], color=cs.TEXT_COLOR, linestyle="--", marker="o", label=cs.plain(texts.net))
    )
    ax.axhline(0, color=cs.AXIS_COLOR, linewidth=0.8)
    if payback is not None and payback in years:
        x = years.index(payback)
        ax.axvline(x, color="#C00000", linestyle=":", linewidth=1.2)
        last = x == len(years) - 1  # then the label goes left of the line, inside the chart
        ax.annotate(
            cs.plain(texts.payback.replace("%1", str(payback))),
            (x, 0.0),
            xycoords=("data", "axes fraction"),
            xytext=(-4 if last else 4, 4),
            textcoords="offset points",
            ha="right" if last else "left",
            va="bottom",
            fontproperties=cs.fp(cs.SMALL_SIZE),
            color="#C00000",
        )
    low = min([0.0, *net])
    high = max([0.0, *investment, *benefit, *net])
    pad = (high - low) * 0.1 or 1.0
    ax.set_ylim(low - (pad if low < 0 else 0), high + pad)
    ax.set_xticks(xs, [str(y) for y in years])
    for label in ax.get_xticklabels():
        label.set_fontproperties(cs.fp(cs.LABEL_SIZE))
    ax.tick_params(axis="x", length=0)
    ax.set_ylabel(cs.plain(texts.unit), fontproperties=cs.fp(cs.LABEL_SIZE), color=cs.TEXT_COLOR)
    cs.add_title(figure, texts.title)
    cs.add_legend(figure, handles)
    return figure


def investment_figure(
    initiatives: Sequence[PlanItem],
    phases: Sequence[PlanItem],
    costs: Sequence[PlanItem],
    benefits: Sequence[PlanItem],
    texts: InvestmentTexts,
    size: tuple[float, float] = (6.3, 3.6),
    factor: float = 1.0,
) -> Figure:
    """The chart of a plan's items (the figures of :func:`dtbench.plan.investment.summarize`,
    in 万元, times ``factor``: 0.01 for CNY million)."""
    s = summarize(initiatives, phases, costs, benefits)
    years = list(s.years)
    return investment_chart(
        years,
        [s.cost[y] * factor for y in years],
        [s.benefit[y] * factor for y in years],
        [s.cumulative_net[y] * factor for y in years],
        texts,
        s.payback,
        size,
        decimals=0 if factor >= 1 else 1,
    )
