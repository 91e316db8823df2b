"""The proposal's optional chapter "Firm benchmark" (行业对标): this client's index in each
part of the guide beside the firm's other engagements of its industry and size band, as a
chart and a short table. Written only when the export was given the comparison (at least
five comparable engagements, ``dtbench.team.benchmark``): the chapter names no other client
and shows only their distribution. Its fixed texts are here, in Chinese and English."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from dtbench.deliverables.content import Content
from dtbench.deliverables.docx_writer import Cell, DocxWriter
from dtbench.diagnosis.scale import index_text
from dtbench.guide.model import Text
from dtbench.reports import benchmark_charts
from dtbench.reports.benchmark_charts import BenchmarkChart, BenchmarkTexts
from dtbench.reports.raster import png

TEXTS: dict[str, Text] = {
    "chapter": Text("行业对标", "Firm benchmark"),
    "intro": Text(
        "本章将%1在指南各部分的指数，与本公司服务过的同一行业（%2）、同一规模档（%3）的 %4 "
        "个其他项目进行匿名对比。对比数据仅来自项目负责人同意纳入对标的项目，只使用各项目的"
        "指数和等级，不涉及任何其他客户的名称或内容。",
        "This chapter compares %1's index in each part of the guide with %4 other "
        "engagements of the firm in the same industry (%2) and size band (%3), anonymised. "
        "The figures come only from engagements whose leads agreed to include them, and only "
        "their indices and levels are used: no other client is named or described.",
    ),
    "reading": Text(
        "百分位表示同类项目中指数低于%1的比例（相同者计一半）：50 表示处于中间水平。",
        "The percentile is the share of comparable engagements with a lower index than %1 "
        "(equal ones count half): 50 is the middle.",
    ),
    "figure": Text(
        "各部分指数：%1与同类项目的分布（浅色条为范围，方框为中间一半，竖线为中位数）",
        "Index by part: %1 against comparable engagements (bar: range; box: middle half; "
        "line: median)",
    ),
    "table": Text("各部分指数对标", "Index by part against comparable engagements"),
    "part": Text("部分", "Part"),
    "median": Text("同类中位数", "Median"),
    "middle": Text("中间一半", "Middle half"),
    "range": Text("范围", "Range"),
    "client": Text("本企业", "This client"),
    "percentile": Text("百分位", "Percentile"),
    "n": Text("项目数", "n"),
    "firm_range": Text("同类项目：最低至最高", "Comparable: lowest to highest"),
    "firm_middle": Text("同类项目：中间一半", "Comparable: middle half"),
    "firm_median": Text("同类项目：中位数", "Comparable: median"),
    "axis": Text("指数（0–100）", "Index (0–100)"),
    "count": Text("n = %1", "n = %1"),
    "micro": Text("微型企业", "micro enterprises"),
    "small": Text("小型企业", "small enterprises"),
    "medium": Text("中型企业", "medium-sized enterprises"),
    "large": Text("大型企业", "large enterprises"),
}
WIDTHS = (5.0, 2.2, 2.6, 2.2, 2.0, 1.9)
SIZE = (6.3, 3.2)


def _t(key: str, lang: str, *args: str) -> str:
    text = TEXTS[key].get(lang)
    for n, value in enumerate(args, start=1):
        text = text.replace(f"%{n}", value)
    return text


def chart_texts(lang: str) -> BenchmarkTexts:
    return BenchmarkTexts(
        title="",  # the caption says what it shows
        firm_range=_t("firm_range", lang),
        middle_half=_t("firm_middle", lang),
        median=_t("firm_median", lang),
        client=_t("client", lang),
        axis=_t("axis", lang),
        count=_t("count", lang),
    )


def benchmark_jobs(content: Content, dpi: float) -> dict[str, Callable[[], bytes]]:
    """The chapter's chart as a chart-worker job (none without a comparison)."""
    data = content.benchmark
    if data is None:
        return {}
    chart = BenchmarkChart(data.rows, chart_texts(content.lang))
    return {"benchmark": partial(png, benchmark_charts.build, chart, SIZE, dpi=dpi)}


def write_benchmark(w: DocxWriter) -> None:
    """The chapter, written with the proposal's writer ``w`` (only called with data)."""
    data = w.c.benchmark
    assert data is not None
    lang = w.lang
    client = w.c.profile.short_name or w.c.profile.client_name or "—"
    w.chapters["benchmark"] = w.heading(1, _t("chapter", lang))
    industry = w.c.profile.industry.strip() or "—"
    band = _t(data.size_band, lang) if data.size_band in TEXTS else data.size_band
    w.para(_t("intro", lang, client, industry, band, str(data.n)))
    w.figure("benchmark", _t("figure", lang, client))
    rows = []
    for r in data.rows:
        rows.append(
            [
                r.label,
                Cell(index_text(r.median), align="center"),
                Cell(f"{index_text(r.q1)}–{index_text(r.q3)}", align="center"),
                Cell(f"{index_text(r.minimum)}–{index_text(r.maximum)}", align="center"),
                Cell(index_text(r.value), align="center", bold=True),
                Cell("—" if r.percentile is None else f"{r.percentile:.0f}", align="center"),
            ]
        )
    w.table(
        _t("table", lang),
        [_t(k, lang) for k in ("part", "median", "middle", "range", "client", "percentile")],
        rows,
        WIDTHS,
        small=True,
    )
    w.para(_t("reading", lang, client))
