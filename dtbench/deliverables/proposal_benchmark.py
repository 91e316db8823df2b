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
from dtbench.reports.benchmark_charts import BenchmarkChart, BenchmarkData, BenchmarkTexts
from dtbench.reports.raster import png

TEXTS: dict[str, Text] = {
    # "Industry benchmark", as the Chinese says: to the client's CEO "the firm" is their own.
    "chapter": Text("行业对标", "Industry benchmark"),
    "intro": Text(
        "本章将%1在指南各部分的指数，与本公司服务过的同一行业（%2）、同一规模档（%3）的 %4 "
        "个其他项目进行匿名对比。对比数据仅来自项目负责人同意纳入对标的项目，只使用各项目的"
        "指数和等级，不涉及任何其他客户的名称或内容。",
        "This chapter compares %1's index in each part of the guide with %4 other "
        "engagements of our firm in the same industry (%2) and size band (%3), anonymised. "
        "The figures come only from engagements whose leads agreed to include them, and only "
        "their indices and levels are used: no other client is named or described.",
    ),
    "summary": Text(
        "在指南的 %3 个部分中，%1有 %2 个低于同类项目的中位数，%4 个达到或高于中位数。",
        "In %2 of the guide's %3 parts %1 is below the median of comparable engagements; in %4 "
        "it is at the median or above.",
    ),
    "all_below": Text(
        "在指南的全部 %2 个部分中，%1的指数都低于同类项目的中位数。",
        "In all %2 parts of the guide %1's index is below the median of comparable engagements.",
    ),
    "none_below": Text(
        "在指南的全部 %2 个部分中，%1的指数都达到或高于同类项目的中位数。",
        "In all %2 parts of the guide %1's index is at the median of comparable engagements "
        "or above.",
    ),
    "gaps": Text(
        "相对同类中位数，%1最落后的是“%2”（%3，中位数 %4），相对最好的是“%5”（%6，中位数 %7）。",
        "Against the median, %1 stands lowest in “%2” (%3 against %4) and best in “%5” (%6 "
        "against %7).",
    ),
    "lowest": Text(
        "%1在以下部分处于同类项目的最低四分之一：%2。这些是与同行差距最明显之处，宜在转型"
        "规划中优先考虑。",
        "%1 lies in the lowest quarter of comparable engagements in %2: where it trails its "
        "peers most, and where the transformation plan should look first.",
    ),
    "no_lowest": Text(
        "%1没有处于同类项目最低四分之一的部分。",
        "In no part does %1 lie in the lowest quarter of comparable engagements.",
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


def standing(data: BenchmarkData, client: str, lang: str) -> list[str]:
    """What the comparison means for this client, in words: in how many parts it is below
    the median, where the gap is widest and where it stands best, and the parts in the lowest
    quarter (the chart and table alone left the reader to work it out)."""
    rows = [r for r in data.rows if r.value is not None]
    if not rows:
        return []
    below = [r for r in rows if r.value is not None and r.value < r.median]
    counts = (client, str(len(below)), str(len(rows)), str(len(rows) - len(below)))
    if len(below) == len(rows):
        out = [_t("all_below", lang, client, str(len(rows)))]
    elif not below:
        out = [_t("none_below", lang, client, str(len(rows)))]
    else:
        out = [_t("summary", lang, *counts)]
    if len(rows) > 1:
        ranked = sorted(rows, key=lambda r: (r.value or 0.0) - r.median)
        worst, best = ranked[0], ranked[-1]
        out.append(
            _t(
                "gaps",
                lang,
                client,
                worst.label,
                index_text(worst.value),
                index_text(worst.median),
                best.label,
                index_text(best.value),
                index_text(best.median),
            )
        )
    lowest = [r.label for r in rows if r.value is not None and r.value < r.q1]
    joiner = "、" if lang == "zh" else ", "
    quoted = joiner.join(f"“{label}”" for label in lowest)
    out.append(_t("lowest", lang, client, quoted) if lowest else _t("no_lowest", lang, client))
    return out


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
    for text in standing(data, client, lang):
        w.para(text)
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
