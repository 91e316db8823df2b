"""One engagement gathered into plain data for the documents, in the deliverable language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dtbench.deliverables.proposal_findings import count_words
from dtbench.diagnosis import service as dx
from dtbench.diagnosis.records import ClauseRecord, RoundData, RoundRecord
from dtbench.diagnosis.scale import BASELINE_NAME, STATUSES, level
from dtbench.diagnosis.scoring import ClauseScore, Report, ScopeEntry
from dtbench.engagement import service as engagements
from dtbench.engagement.records import Profile
from dtbench.guide import Guide, load_guide
from dtbench.plan import service as plan
from dtbench.plan.records import ITEM_KINDS, VALUE_KINDS, Deliverable, PlanItem
from dtbench.store.database import Store


@dataclass(frozen=True)
class CheckLine:
    key: str
    ref: str  # "a)" for an item, "1)" for a sub-item
    text: str
    status: str  # met / partly / not_met / na / ""
    note: str
    is_item: bool


@dataclass(frozen=True)
class ClauseContent:
    key: str
    area: str
    title: str
    purpose: str
    score: ClauseScore
    record: ClauseRecord
    lines: tuple[CheckLine, ...]


@dataclass(frozen=True)
class Content:
    lang: str
    guide: Guide
    profile: Profile
    round: RoundRecord
    rounds: tuple[tuple[RoundRecord, Report], ...]
    report: Report
    data: RoundData
    scope: dict[str, ScopeEntry]
    clauses: tuple[ClauseContent, ...]
    items: dict[str, list[PlanItem]]
    values: dict[str, Any]
    generated: date = field(default_factory=date.today)

    def area_title(self, key: str) -> str:
        for area in self.guide.areas:
            if area.key == key:
                return area.title.get(self.lang)
        return key

    def level_name(self, number: int | None) -> str:
        return "—" if number is None else f"{number} {level(number).name.get(self.lang)}"

    @property
    def deliverable(self) -> Deliverable:
        value = self.values["deliverable"]
        assert isinstance(value, Deliverable)
        return value

    @property
    def summary(self) -> str:
        """The executive summary: as the consultant edited it, else the generated draft."""
        return self.deliverable.summary.strip() or draft_summary(self)


def gather(store: Store, engagement: str, lang: str | None = None) -> Content:
    profile = engagements.get_profile(store, engagement)
    lang = lang or profile.language
    guide = load_guide()
    # The round is stored data: named in the engagement's language, as everywhere else.
    rounds = dx.ensure_rounds(store, engagement, BASELINE_NAME.get(profile.language))
    reports = tuple((r, dx.round_report(store, engagement, r.uuid)) for r in rounds)
    current, report = reports[-1]
    data = dx.load_round(store, current.uuid)
    scope = dx.get_scope(store, engagement)
    statuses = data.statuses()
    clauses = []
    for score in report.clauses:
        clause = guide.clause(score.key)
        lines = []
        for item in clause.items:
            answer = data.answers.get(item.key)
            lines.append(
                CheckLine(
                    item.key,
                    f"{item.letter})",
                    item.text.get(lang),
                    statuses.get(item.key, ""),
                    answer.note if answer else "",
                    True,
                )
            )
            for sub in item.subitems:
                answer = data.answers.get(sub.key)
                lines.append(
                    CheckLine(
                        sub.key,
                        f"{sub.key.rsplit('.', 1)[1]})",
                        sub.text.get(lang),
                        statuses.get(sub.key, ""),
                        answer.note if answer else "",
                        False,
                    )
                )
        clauses.append(
            ClauseContent(
                score.key,
                score.area,
                clause.title.get(lang),
                clause.purpose.get(lang),
                score,
                data.clauses.get(score.key, ClauseRecord()),
                tuple(lines),
            )
        )
    items = {kind: plan.list_items(store, engagement, kind) for kind in ITEM_KINDS}
    values = {name: plan.get_value(store, engagement, name) for name in VALUE_KINDS}
    return Content(
        lang, guide, profile, current, reports, report, data, scope, tuple(clauses), items, values
    )


def key_problems(content: Content) -> str:
    """One sentence naming the key findings by their titles ('' when there are none)."""
    titles = [
        " ".join(str(i.record.title).split()).rstrip("。.；;")
        for i in content.items.get("finding", [])
    ]
    titles = [t for t in titles if t]
    if not titles:
        return ""
    n = count_words(len(titles), content.lang)
    if content.lang == "zh":
        if len(titles) == 1:
            return f"诊断归纳出的核心问题是：{titles[0]}。"
        return f"诊断归纳出{n}个核心问题：" + "；".join(titles) + "。"
    if len(titles) == 1:
        return f"The key problem the diagnosis brings out is this: {titles[0]}."
    listed = "; ".join(titles[:-1]) + f"; and {titles[-1]}"
    return f"The diagnosis brings out {n} key problems: {listed}."


def draft_summary(content: Content) -> str:
    """A first executive summary from the scores, the gaps and the plan."""
    r = content.report
    zh = content.lang == "zh"
    gaps = r.ranked_gaps()[:5]
    phases = content.items["phase"]
    initiatives = content.items["initiative"]
    kpis = content.items["kpi"]
    client = content.profile.client_name
    index = "—" if r.overall_index is None else f"{r.overall_index:.0f}"
    now = "—" if r.current_level is None else f"{r.current_level:.1f}"
    target = "—" if r.target_level is None else f"{r.target_level:.1f}"
    top = (
        "、".join(f"{c.key} {content.guide.clause(c.key).title.zh}" for c in gaps)
        if zh
        else "; ".join(f"{c.key} {content.guide.clause(c.key).title.en}" for c in gaps)
    )
    weakest = sorted((a for a in r.areas if a.index is not None), key=lambda a: a.index or 0)
    weak = weakest[0] if weakest else None
    counts = {s: sum(c.score.counts.get(s, 0) for c in content.clauses) for s in STATUSES}
    if zh:
        parts = [
            f"本次依据DB2102/T《企业数字化转型实施指南》对{client}在{len(r.clauses)}个条款、"
            f"{r.total}个检查项上进行了现状诊断（{content.round.name}），"
            f"完成度{100 * r.completion:.0f}%。",
            f"总体指数为{index}（满分100），平均成熟度为{now}级，目标平均为{target}级。"
            f"检查项中符合{counts['met']}项、部分符合{counts['partly']}项、不符合{counts['not_met']}项。",
        ]
        if weak is not None:
            parts.append(
                f"相对薄弱的领域是“{content.area_title(weak.key)}”（指数{weak.index:.0f}）。"
            )
        if problems := key_problems(content):
            parts.append(problems)
        if gaps:
            parts.append(f"优先级最高的差距集中在：{top}。")
        if phases or initiatives:
            parts.append(
                f"建议分{len(phases)}个阶段推进{len(initiatives)}项举措，"
                f"并以{len(kpis)}项关键绩效指标跟踪成效。"
            )
        return "\n\n".join(parts)
    parts = [
        f"Following DB2102/T (Implementation Guide for Enterprise Digital Transformation), "
        f"{client} was assessed on {len(r.clauses)} clauses and {r.total} checkpoints "
        f"({content.round.name}); {100 * r.completion:.0f} % are answered.",
        f"The overall index is {index} out of 100; the average maturity level is {now} against "
        f"a target of {target}. {counts['met']} checkpoints are met, {counts['partly']} partly "
        f"met and {counts['not_met']} not met.",
    ]
    if weak is not None:
        parts.append(
            f"The weakest area is “{content.area_title(weak.key)}” (index {weak.index:.0f})."
        )
    if problems := key_problems(content):
        parts.append(problems)
    if gaps:
        parts.append(f"The highest-priority gaps are: {top}.")
    if phases or initiatives:
        parts.append(
            f"We recommend {len(initiatives)} initiatives in {len(phases)} phases, tracked by "
            f"{len(kpis)} key performance indicators."
        )
    return "\n\n".join(parts)
