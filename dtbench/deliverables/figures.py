"""The charts of the Word proposal, at print resolution, in the deliverable language."""

from __future__ import annotations

from dtbench.deliverables.content import Content
from dtbench.diagnosis.scale import STATUS_NAMES
from dtbench.diagnosis.scoring import ALL_STATUSES
from dtbench.guide.model import Text
from dtbench.plan import catalogue as cat
from dtbench.plan.records import Culture
from dtbench.reports import charts
from dtbench.reports.diagnosis_charts import ChartTexts, DiagnosisCharts, build
from dtbench.reports.plan_charts import RoadmapTexts, gantt_figure, matrix_figure

PRINT_DPI = 200
WIDTH = 6.3  # inches: an A4 page's text width

T = {
    "overall_index": Text("总体指数", "Overall index"),
    "progress": Text("各领域完成情况", "Completion by area"),
    "answered": Text("已回答", "Answered"),
    "open": Text("未回答", "Unanswered"),
    "radar": Text("指南各部分的成熟度等级", "Maturity level by part of the guide"),
    "current": Text("现状", "Current"),
    "target": Text("目标", "Target"),
    "gaps": Text("按优先级排序的差距", "Gaps ranked by priority"),
    "priority": Text("优先级", "Priority"),
    "heatmap": Text("各领域的回答分布", "Answers by area"),
    "items": Text("检查项", "Checkpoints"),
    "rounds": Text("各领域各轮次的指数", "Index by area and round"),
    "index_axis": Text("指数（0–100）", "Index (0–100)"),
    "no_data": Text("尚无回答。", "No answers yet."),
    "no_gaps": Text("没有差距。", "No gaps."),
    "one_round": Text("目前只有一轮评估。", "Only one assessment round so far."),
    "matrix": Text("优先级矩阵", "Priority matrix"),
    "value": Text("预期价值", "Expected value"),
    "effort": Text("投入难度", "Effort"),
    "quick": Text("速赢项目", "Quick wins"),
    "major": Text("重大项目", "Major projects"),
    "fill": Text("填充项目", "Fill-ins"),
    "reconsider": Text("重新考虑", "Reconsider"),
    "gantt": Text("分阶段路线图", "Roadmap by phase"),
    "no_phase": Text("未分阶段", "No phase"),
    "no_dates": Text("举措尚未设置日期。", "No initiative has dates yet."),
    "culture": Text("数字文化特征：现状与目标", "Digital culture traits: now and target"),
}


def chart_texts(lang: str) -> ChartTexts:
    def t(key: str) -> str:
        return T[key].get(lang)

    return ChartTexts(
        overall_index=t("overall_index"),
        progress_title=t("progress"),
        answered=t("answered"),
        open=t("open"),
        radar_title=t("radar"),
        current=t("current"),
        target=t("target"),
        gaps_title=t("gaps"),
        priority=t("priority"),
        heatmap_title=t("heatmap"),
        statuses=tuple(STATUS_NAMES[s].get(lang) for s in ALL_STATUSES),
        items=t("items"),
        rounds_title=t("rounds"),
        index_axis=t("index_axis"),
        no_data=t("no_data"),
        no_gaps=t("no_gaps"),
        one_round=t("one_round"),
    )


def roadmap_texts(lang: str) -> RoadmapTexts:
    def t(key: str) -> str:
        return T[key].get(lang)

    return RoadmapTexts(
        matrix_title=t("matrix"),
        value=t("value"),
        effort=t("effort"),
        quadrants=(t("quick"), t("major"), t("fill"), t("reconsider")),
        gantt_title=t("gantt"),
        no_phase=t("no_phase"),
        no_dates=t("no_dates"),
    )


SIZES = {
    "index": (WIDTH * 0.45, WIDTH * 0.45),
    "progress": (WIDTH, 2.8),
    "radar": (WIDTH, WIDTH * 0.8),
    "gaps": (WIDTH, 4.6),
    "heatmap": (WIDTH, 3.2),
    "rounds": (WIDTH, 3.4),
    "matrix": (WIDTH * 0.8, WIDTH * 0.7),
    "culture": (WIDTH * 0.7, WIDTH * 0.7),
}


def render_figures(content: Content, dpi: float = PRINT_DPI) -> dict[str, bytes]:
    """PNG bytes of every chart of the proposal (name → png)."""
    lang = content.lang
    data = DiagnosisCharts(
        content.guide,
        lang,
        content.report,
        tuple((r.name, rep) for r, rep in content.rounds),
        chart_texts(lang),
    )
    out = {
        name: charts.render_png(build(data, name, SIZES[name]), dpi=dpi)
        for name in ("index", "progress", "radar", "gaps", "heatmap", "rounds")
    }
    phases = content.items["phase"]
    initiatives = content.items["initiative"]
    texts = roadmap_texts(lang)
    out["matrix"] = charts.render_png(
        matrix_figure(initiatives, phases, texts, SIZES["matrix"]), dpi=dpi
    )
    out["gantt"] = charts.render_png(gantt_figure(initiatives, phases, texts), dpi=dpi)
    culture = content.values["culture"]
    assert isinstance(culture, Culture)
    traits = [t for t in cat.CULTURE_TRAITS]
    now = [float((culture.traits.get(t.code) or _Empty()).now or 0) for t in traits]
    goal = [float((culture.traits.get(t.code) or _Empty()).target or 0) for t in traits]
    out["culture"] = charts.render_png(
        charts.radar_chart(
            [t.label.get(lang) for t in traits],
            [
                charts.Series(T["current"].get(lang), now),
                charts.Series(T["target"].get(lang), goal),
            ],
            scale_max=5,
            title=T["culture"].get(lang),
            size=SIZES["culture"],
        ),
        dpi=dpi,
    )
    return out


class _Empty:
    now: int | None = None
    target: int | None = None
