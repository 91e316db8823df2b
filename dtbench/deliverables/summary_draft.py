"""The executive summary's first draft: one page a chief executive reads, in prose.

Situation, the key problems, the vision and the path, the key initiatives with their cost
and timing, the expected results, and the decisions asked of the leadership, each drawn
from what the consultant recorded. The consultant edits it in the export dialog; the edited
text is kept with the engagement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from dtbench.deliverables.docx_texts import EMPLOYEE_LABELS
from dtbench.deliverables.formats import (
    chinese_number,
    number_word,
    short_phase_name,
    target_phrase,
)
from dtbench.diagnosis.scale import index_text
from dtbench.plan.money import money as amount_text
from dtbench.plan.records import Initiative, Kpi, NextStep, Phase, PlanItem, Strategy

if TYPE_CHECKING:
    from dtbench.deliverables.content import Content

MAX_LISTED = 3  # problems, initiatives, results, decisions: a CEO reads three, not ten
MAX_KEY = 5  # key initiatives named
_CUT = re.compile(r"[（(；;，,]")


def _short(text: str) -> str:
    """A baseline or target as a figure: '82%（2026年3月基线）；…' → '82%'."""
    return _CUT.split(text.strip(), maxsplit=1)[0].strip()


def _first_sentence(text: str, zh: bool) -> str:
    """The vision's headline: its first sentence, up to the colon that opens its detail
    (the strategy chapter gives the whole of it)."""
    text = " ".join(text.split())
    end = text.find("。") if zh else text.find(". ")
    text = text if end < 0 else text[: end + 1]
    colon = text.find("：" if zh else ": ")
    if colon >= (10 if zh else 30):
        text = text[:colon] + ("。" if zh else ".")
    return text


def _month(day: date | None, zh: bool) -> str:
    if day is None:
        return ""
    return f"{day.year}年{day.month}月" if zh else day.strftime("%b %Y")


def _phase_aim(name: str) -> str:
    """'Phase 1: lay the foundations' → 'lay the foundations' (what the phase does)."""
    for colon in ("：", ": "):
        head, found, rest = name.partition(colon)
        if found and head.strip() and rest.strip():
            return rest.strip()
    return name.strip()


def _sentence_inside(text: str) -> str:
    """A title set inside an English sentence: first letter small unless it opens an acronym
    or a name ('Systems were…' → 'systems were…', 'MES…' stays)."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and text[1].islower() and not text.startswith("I "):
        return text[0].lower() + text[1:]
    return text


def _records(items: Sequence[PlanItem], kind: type) -> list[Any]:
    return [i.record for i in items if isinstance(i.record, kind)]


def problems(content: Content) -> list[str]:
    """The key problems as the consultant titled them (the key findings)."""
    themes = [getattr(i.record, "title", "") for i in content.items.get("finding", [])]
    return [t.strip() for t in themes if t and t.strip()][:MAX_LISTED]


def widest_gaps(content: Content) -> list[str]:
    """The titles of the clauses with the highest priority (when no finding is written)."""
    gaps = content.report.ranked_gaps()[:MAX_LISTED]
    return [content.guide.clause(g.key).title.get(content.lang) for g in gaps]


def key_initiatives(content: Content) -> list[tuple[str, list[Initiative]]]:
    """The initiatives marked key (else the three open ones of highest value), by phase:
    (the phase's short name, or "" for none, and its key initiatives), in the plan's order."""
    items = [i for i in content.items["initiative"] if isinstance(i.record, Initiative)]
    marked = [i for i in items if i.record.key][:MAX_KEY]
    if not marked:
        open_ = [i for i in items if i.record.status not in ("done", "cancelled")]
        marked = sorted(open_, key=lambda i: (-i.record.value, i.record.effort))[:MAX_LISTED]
    names = {p.uuid: short_phase_name(p.record.name) for p in content.items["phase"]}
    order = {uuid: n for n, uuid in enumerate(names)}
    groups: dict[str, list[Initiative]] = {}
    for item in sorted(marked, key=lambda i: order.get(i.record.phase, len(order))):
        groups.setdefault(names.get(item.record.phase, ""), []).append(item.record)
    return list(groups.items())


def forward_budget(content: Content) -> tuple[float, float]:
    """(budget still to spend, budget of finished initiatives) in 万元."""
    ahead = spent = 0.0
    for record in _records(content.items["initiative"], Initiative):
        if record.status == "cancelled" or record.budget is None:
            continue
        if record.status == "done":
            spent += record.budget
        else:
            ahead += record.budget
    return ahead, spent


def results(content: Content) -> list[tuple[str, str, str, str]]:
    """(KPI, baseline, target at the end of the last phase, direction "up"/"down") for KPIs
    that have both."""
    phases = content.items["phase"]
    last = phases[-1].uuid if phases else ""
    found = []
    for kpi in _records(content.items["kpi"], Kpi):
        target = kpi.targets.get(last, "")
        baseline = _short(kpi.baseline)
        if baseline and target and any(ch.isdigit() for ch in baseline + target):
            found.append((kpi.name, baseline, _short(target), kpi.direction))
    return found[:MAX_LISTED]


def yearly_benefit(content: Content) -> tuple[float, int | None] | None:
    """(the quantified benefit a year at full effect, the payback year) when benefits are
    quantified (:mod:`dtbench.plan.investment`)."""
    from dtbench.plan import investment

    summary = investment.summarize(
        content.items["initiative"],
        content.items["phase"],
        content.items.get("cost", []),
        content.items.get("benefit", []),
    )
    if not summary.quantified or summary.last is None:
        return None
    return summary.benefit.get(summary.last, 0.0), summary.payback


def open_risks(content: Content) -> tuple[int, int]:
    """(risks not closed, of which high) in the project risk register."""
    from dtbench.plan import risks

    live = [
        i.record
        for i in content.items.get("risk", [])
        if getattr(i.record, "status", "closed") != "closed"
    ]
    return len(live), sum(1 for r in live if risks.level(r) == "high")


def _a_company(industry: str) -> str:
    """'machinery manufacturing' → 'a machinery manufacturing company' (an before a vowel)."""
    words = industry.strip()
    if words[:1].isupper() and not words[:2].isupper():  # 'Machinery…' but not 'IT…'
        words = words[0].lower() + words[1:]
    article = "an" if words[:1].lower() in "aeiou" else "a"
    return f"{article} {words} company"


def draft_summary(content: Content) -> str:
    zh = content.lang == "zh"
    return "\n\n".join(p for p in (_zh(content) if zh else _en(content)) if p)


# ---------------------------------------------------------------- Chinese
def _zh(c: Content) -> list[str]:
    p, r = c.profile, c.report
    client = p.short_name or p.client_name
    size = EMPLOYEE_LABELS.get(p.size_employees)
    who = f"{p.client_name}是一家{p.industry or ''}企业" + (f"（{size.zh}）" if size else "")
    index = index_text(r.overall_index)
    level = (
        f"平均成熟度为{r.current_level:.1f}级，目标为{r.target_level:.1f}级"
        if r.current_level is not None and r.target_level is not None
        else ""
    )
    weakest = sorted((a for a in r.areas if a.index is not None), key=lambda a: a.index or 0)
    weak = f"，其中“{c.area_title(weakest[0].key)}”领域最为薄弱" if weakest else ""
    every = len(list(c.guide.clauses()))
    scope = f"全部{every}个条款" if len(r.clauses) == every else f"{len(r.clauses)}个条款"
    when = _month(c.round.assessed_on, True)
    paragraphs = [
        f"{who}。本建议书依据{when + '的' if when else ''}{c.round.name}结果编制，诊断覆盖"
        f"DB2102/T《企业数字化转型实施指南》{scope}。{client}的数字化转型总体指数为{index}分"
        f"（满分100），{level}{weak}。"
    ]
    found = problems(c)
    if found:
        listed = "；".join(
            f"{chinese_number(n + 1)}是{t.rstrip('。')}" for n, t in enumerate(found)
        )
        paragraphs.append(f"诊断发现的核心问题：{listed}。")
    elif widest_gaps(c):
        paragraphs.append(f"与目标差距最大的是{'、'.join(widest_gaps(c))}等方面。")
    strategy = c.values.get("strategy")
    phases = _records(c.items["phase"], Phase)
    path = []
    if isinstance(strategy, Strategy) and strategy.vision.strip():
        path.append(f"转型愿景：{_first_sentence(strategy.vision, True).rstrip('。')}。")
    if phases:
        steps = "；".join(
            f"{ph.name}（{_month(ph.start, True)}—{_month(ph.end, True)}）"
            if ph.start and ph.end
            else ph.name
            for ph in phases
        )
        path.append(f"建议分{len(phases)}个阶段推进：{steps}。")
    if path:
        paragraphs.append("".join(path))
    groups = key_initiatives(c)
    ahead, spent = forward_budget(c)
    if groups:
        parts = []
        for phase, chosen in groups:
            titles = [
                i.title + (f"（{amount_text(i.budget, 'zh')}）" if i.budget is not None else "")
                for i in chosen
            ]
            listed = "、".join(titles)
            parts.append(f"{phase}以{listed}为重点" if phase else f"重点推进{listed}")
        money = (
            f"规划期内尚需投入约{amount_text(ahead, 'zh')}"
            + (f"（另有已完成举措投入{amount_text(spent, 'zh')}）" if spent else "")
            + "。"
            if ahead
            else ""
        )
        paragraphs.append(f"重点举措：{'；'.join(parts)}。{money}")
    gains = results(c)
    if gains:
        listed = "，".join(
            f"{name}由{base}{'降至' if way == 'down' else '提升到'}{target_phrase(target, True)}"
            for name, base, target, way in gains
        )
        end = phases[-1].end if phases else None
        when = f"到{_month(end, True)}" if end else "规划期末"
        case = yearly_benefit(c)
        value = ""
        if case is not None and case[0] > 0:
            value = f"按测算，各项举措全面见效后每年可带来约{amount_text(round(case[0]), 'zh')}效益"
            value += f"，投资约在{case[1]}年收回。" if case[1] else "。"
        paragraphs.append(f"预期成效：{when}，{listed}。{value}")
    live, high = open_risks(c)
    if high:
        paragraphs.append(
            f"项目风险登记中有{live}项尚未关闭的风险，其中{high}项为高风险，须在启动时落实应对措施和责任人。"
        )
    decisions = [s for s in _records(c.items["next_step"], NextStep) if s.decision]
    if decisions:
        listed = "；".join(
            f"{chinese_number(n + 1)}、{s.action.rstrip('。')}" for n, s in enumerate(decisions[:5])
        )
        paragraphs.append(f"为按计划启动，提请{client}领导层决策：{listed}。")
    return paragraphs


# ---------------------------------------------------------------- English
def _en(c: Content) -> list[str]:
    p, r = c.profile, c.report
    client = p.short_name or p.client_name
    size = EMPLOYEE_LABELS.get(p.size_employees)
    who = (
        f"{p.client_name} is "
        + (_a_company(p.industry) if p.industry else "a company")
        + (f" ({size.en.lower()} employees)" if size else "")
    )
    index = index_text(r.overall_index)
    level = (
        f"; its average maturity level is {r.current_level:.1f} against a target of "
        f"{r.target_level:.1f}"
        if r.current_level is not None and r.target_level is not None
        else ""
    )
    weakest = sorted((a for a in r.areas if a.index is not None), key=lambda a: a.index or 0)
    weak = f", and “{c.area_title(weakest[0].key)}” is the weakest area" if weakest else ""
    every = len(list(c.guide.clauses()))
    scope = f"all {every}" if len(r.clauses) == every else str(len(r.clauses))
    when = c.round.assessed_on.strftime("%B %Y") if c.round.assessed_on else ""
    paragraphs = [
        f"{who}. This proposal rests on the {c.round.name} assessment"
        + (f" of {when}" if when else "")
        + f", which covered {scope} clauses of DB2102/T, the Implementation Guide for "
        f"Enterprise Digital Transformation. {client}'s overall digital transformation index "
        f"is {index} out of 100{level}{weak}."
    ]
    found = problems(c)
    if found:
        listed = "; ".join(_sentence_inside(t) for t in found)
        paragraphs.append(f"The key problems: {listed}.")
    elif widest_gaps(c):
        listed = ", ".join(t.lower() for t in widest_gaps(c))
        paragraphs.append(f"The widest gaps to the target are in {listed}.")
    strategy = c.values.get("strategy")
    phases = _records(c.items["phase"], Phase)
    path = []
    if isinstance(strategy, Strategy) and strategy.vision.strip():
        vision = _sentence_inside(_first_sentence(strategy.vision, False))
        path.append(f"The vision: {vision}.")
    if phases:
        steps = "; ".join(
            f"{_phase_aim(ph.name)} ({_month(ph.start, False)}–{_month(ph.end, False)})"
            if ph.start and ph.end
            else _phase_aim(ph.name)
            for ph in phases
        )
        path.append(f"We recommend {number_word(len(phases))} phases: {steps}.")
    if path:
        paragraphs.append(" ".join(path))
    groups = key_initiatives(c)
    ahead, spent = forward_budget(c)
    if groups:
        named = [
            i.title
            + " ("
            + ", ".join(
                part
                for part in (phase, amount_text(i.budget, "en") if i.budget is not None else "")
                if part
            )
            + ")"
            for phase, chosen in groups
            for i in chosen
        ]
        listed = "; ".join(name.replace(" ()", "") for name in named)
        money = (
            f" The plan needs about {amount_text(ahead, 'en')} still to be spent"
            + (f" (finished initiatives have used {amount_text(spent, 'en')})" if spent else "")
            + "."
            if ahead
            else ""
        )
        paragraphs.append(f"The key initiatives are {listed}.{money}")
    gains = results(c)
    if gains:
        listed = "; ".join(
            f"{_sentence_inside(name)} from {base} to {target_phrase(target, False)}"
            for name, base, target, _way in gains
        )
        end = phases[-1].end if phases else None
        by = f"By {end.strftime('%B %Y')}" if end else "By the end of the plan"
        case = yearly_benefit(c)
        value = ""
        if case is not None and case[0] > 0:
            value = (
                f" At full effect the initiatives bring about {amount_text(case[0], 'en')} a year"
            )
            value += f"; the investment pays back around {case[1]}." if case[1] else "."
        paragraphs.append(f"{by} we expect: {listed}.{value}")
    live, high = open_risks(c)
    if high:
        paragraphs.append(
            f"Of the {live} open project risks, {high} are high: their responses and owners "
            "must be in place before the work starts."
        )
    decisions = [s for s in _records(c.items["next_step"], NextStep) if s.decision]
    if decisions:
        listed = "; ".join(f"({n + 1}) {s.action.rstrip('.')}" for n, s in enumerate(decisions[:5]))
        paragraphs.append(
            f"To start as planned, {client}'s leadership is asked to decide: {listed}."
        )
    return paragraphs
