"""The charts of the Word proposal, at print resolution, in the deliverable language.

A chart in the proposal has no title of its own: its caption below says what it shows, and
a title inside the picture would only repeat it."""

from __future__ import annotations

from collections.abc import Callable, Collection
from concurrent import futures
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from dtbench.deliverables.cancel import ExportCancelled
from dtbench.deliverables.content import Content
from dtbench.deliverables.formats import doc_date
from dtbench.deliverables.proposal_benchmark import benchmark_jobs
from dtbench.deliverables.proposal_blueprint import blueprint_jobs
from dtbench.deliverables.proposal_risks import risk_texts
from dtbench.diagnosis.scale import STATUS_NAMES
from dtbench.diagnosis.scoring import ALL_STATUSES
from dtbench.guide.model import Text
from dtbench.plan import catalogue as cat
from dtbench.plan.investment import summarize
from dtbench.plan.money import scale
from dtbench.plan.records import Culture, TraitRating
from dtbench.reports import chart_cache
from dtbench.reports.diagnosis_charts import ChartTexts, DiagnosisCharts, build
from dtbench.reports.investment_charts import investment_figure, investment_texts
from dtbench.reports.plan_charts import RoadmapTexts, gantt_figure, matrix_figure, traits_radar
from dtbench.reports.raster import png
from dtbench.reports.risk_charts import risk_matrix_figure

if TYPE_CHECKING:
    from dtbench.reports.render_pool import RenderPool

PRINT_DPI = 200
WIDTH = 6.3  # inches: an A4 page's text width

T = {
    "overall_index": Text("总体指数", "Overall index"),
    "answered": Text("已回答", "Answered"),
    "open": Text("未回答", "Unanswered"),
    "current": Text("现状", "Current"),
    "target": Text("目标", "Target"),
    "priority": Text("优先级", "Priority"),
    "items": Text("检查项", "Checkpoints"),
    "index_axis": Text("指数（0–100）", "Index (0–100)"),
    "no_data": Text("尚无回答。", "No answers yet."),
    "no_gaps": Text("没有差距。", "No gaps."),
    "one_round": Text("目前只有一轮评估。", "Only one assessment round so far."),
    "value": Text("预期价值", "Expected value"),
    "effort": Text("投入难度", "Effort"),
    "quick": Text("速赢项目", "Quick wins"),
    "major": Text("重大项目", "Major projects"),
    "fill": Text("填充项目", "Fill-ins"),
    "reconsider": Text("重新考虑", "Reconsider"),
    "no_phase": Text("未分阶段", "No phase"),
    "no_dates": Text("举措尚未设置日期。", "No initiative has dates yet."),
    "milestone": Text("里程碑", "Milestone"),
    "dependency": Text("前置依赖", "Depends on"),
}


def chart_texts(lang: str) -> ChartTexts:
    def t(key: str) -> str:
        return T[key].get(lang)

    return ChartTexts(
        overall_index=t("overall_index"),
        progress_title="",
        answered=t("answered"),
        open=t("open"),
        radar_title="",
        current=t("current"),
        target=t("target"),
        gaps_title="",
        priority=t("priority"),
        heatmap_title="",
        statuses=tuple(STATUS_NAMES[s].get(lang) for s in ALL_STATUSES),
        items=t("items"),
        rounds_title="",
        index_axis=t("index_axis"),
        no_data=t("no_data"),
        no_gaps=t("no_gaps"),
        one_round=t("one_round"),
    )


def roadmap_texts(lang: str) -> RoadmapTexts:
    def t(key: str) -> str:
        return T[key].get(lang)

    return RoadmapTexts(
        matrix_title="",
        value=t("value"),
        effort=t("effort"),
        quadrants=(t("quick"), t("major"), t("fill"), t("reconsider")),
        gantt_title="",
        no_phase=t("no_phase"),
        no_dates=t("no_dates"),
        milestone=t("milestone"),
        dependency=t("dependency"),
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
    "investment": (WIDTH, 3.6),
    "risks": (WIDTH * 0.72, WIDTH * 0.72),
}


def figure_jobs(content: Content, dpi: float = PRINT_DPI) -> dict[str, Callable[[], bytes]]:
    """Every chart of the proposal as a job (name → job returning PNG bytes). Each job
    pickles, so it can run in a chart worker process."""
    lang = content.lang
    data = DiagnosisCharts(
        content.guide,
        lang,
        content.report,
        tuple((r.name, rep) for r, rep in content.rounds),
        chart_texts(lang),
    )
    jobs: dict[str, Callable[[], bytes]] = {
        name: partial(png, build, data, name, SIZES[name], dpi=dpi)
        for name in ("gaps", "radar", "heatmap", "rounds", "progress", "index")
    }
    phases = content.items["phase"]
    initiatives = content.items["initiative"]
    texts = roadmap_texts(lang)
    jobs["matrix"] = partial(
        png, matrix_figure, initiatives, phases, texts, SIZES["matrix"], dpi=dpi
    )
    jobs["gantt"] = partial(
        png,
        gantt_figure,
        initiatives,
        phases,
        texts,
        today=content.generated,
        today_label=doc_date(content.generated, lang).replace("\u00a0", " "),
        dpi=dpi,
    )
    jobs["investment"] = partial(
        png,
        investment_figure,
        initiatives,
        phases,
        content.items["cost"],
        content.items["benefit"],
        replace(investment_texts(lang), title=""),
        SIZES["investment"],
        scale(lang),
        dpi=dpi,
    )
    jobs.update(blueprint_jobs(content, dpi))
    jobs.update(benchmark_jobs(content, dpi))
    culture = content.values["culture"]
    assert isinstance(culture, Culture)
    traits = list(cat.CULTURE_TRAITS)
    now = [float((culture.traits.get(t.code) or TraitRating()).now or 0) for t in traits]
    goal = [float((culture.traits.get(t.code) or TraitRating()).target or 0) for t in traits]
    jobs["culture"] = partial(
        png,
        traits_radar,
        [t.label.get(lang) for t in traits],
        [(T["current"].get(lang), now), (T["target"].get(lang), goal)],
        5,
        SIZES["culture"],
        dpi=dpi,
    )
    jobs["risks"] = partial(
        png,
        risk_matrix_figure,
        content.items["risk"],
        replace(risk_texts(lang), title=""),
        SIZES["risks"],
        dpi=dpi,
    )
    return jobs


# The proposal's section each chart is placed in (docx_texts.SECTIONS).
SECTION_OF = {
    "index": "diagnosis",
    "progress": "diagnosis",
    "radar": "diagnosis",
    "heatmap": "diagnosis",
    "gaps": "diagnosis",
    "rounds": "diagnosis",
    "benchmark": "benchmark",
    "blueprint_today": "blueprint",
    "blueprint_target": "blueprint",
    "gantt": "roadmap",
    "matrix": "roadmap",
    "investment": "investment",
    "culture": "organization",
    "risks": "risks",
}


def shown(content: Content, sections: Collection[str] | None = None) -> set[str]:
    """The charts the proposal places: those of the chosen ``sections`` (all by default)
    whose data the chapter shows as a chart. Only these are drawn; the proposal's writer
    places a chart on the same conditions (a test checks that both agree)."""
    report = content.report
    hidden = set()
    if report.completion >= 1:
        hidden.add("progress")  # a complete diagnosis has no progress to show
    if not report.ranked_gaps():
        hidden.add("gaps")
    if len(content.rounds) < 2:
        hidden.add("rounds")
    items = content.items
    if not items["initiative"]:
        hidden.update(("gantt", "matrix"))
    if not summarize(items["initiative"], items["phase"], items["cost"], items["benefit"]).total:
        hidden.add("investment")  # the chapter says there is nothing to invest yet
    if not items["risk"]:
        hidden.add("risks")
    culture = content.values["culture"]
    if not (
        isinstance(culture, Culture) and any(t.code in culture.traits for t in cat.CULTURE_TRAITS)
    ):
        hidden.add("culture")
    return {
        name
        for name, section in SECTION_OF.items()
        if name not in hidden and (sections is None or section in sections)
    }


def render_figures(
    content: Content,
    dpi: float = PRINT_DPI,
    pool: RenderPool | None = None,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    sections: Collection[str] | None = None,
) -> dict[str, bytes]:
    """PNG bytes of the charts the proposal (of ``sections``, all by default) places
    (name → png): drawn side by side by ``pool``'s worker processes when it has them, else
    one after the other here; a chart drawn before with the same input comes from the chart
    cache. Raises ExportCancelled when ``cancelled()`` turns true while the charts are
    drawn; ``progress(done, total)`` after each chart (the slowest stage of an export must
    not look stuck)."""
    wanted = shown(content, sections)
    jobs = {name: job for name, job in figure_jobs(content, dpi).items() if name in wanted}
    stop = cancelled or (lambda: False)
    tell = progress or (lambda _done, _total: None)
    total = len(jobs)
    tell(0, total)
    if pool is None or not pool.in_processes:
        out: dict[str, bytes] = {}
        for name, job in jobs.items():
            if stop():
                raise ExportCancelled()
            out[name] = chart_cache.run(job)
            tell(len(out), total)
        return out
    if stop():
        raise ExportCancelled()
    if any(chart_cache.cached(chart_cache.key_of(job)) is None for job in jobs.values()):
        pool.warm()  # charts to draw: every worker (the others end when idle)
    running = {name: chart_cache.submit(pool, job) for name, job in jobs.items()}
    try:
        told = 0
        while True:
            done, waiting = futures.wait(list(running.values()), timeout=0.1)
            if len(done) != told:
                told = len(done)
                tell(told, total)
            if not waiting:
                break
            if stop():
                raise ExportCancelled()
        return {name: future.result() for name, future in running.items()}
    except Exception as exc:
        if not pool.is_broken(exc):
            raise
        pool.fall_back(exc)  # a worker died: draw them here
        return render_figures(content, dpi, None, cancelled, progress, sections)
    finally:
        for future in running.values():
            future.cancel()
        # the proposal's charts are all there (or given up): no worker beyond the first
        # is kept waiting for more
        pool.end_extra()
