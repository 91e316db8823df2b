"""Investment and benefits (issue 14, point 5): each initiative's cost lines (year, kind,
capital or running, 万元) and expected benefits, summed into totals by year, phase and kind,
benefits by year, the cumulative net and a simple payback year, with its assumptions as
plain sentences. Pure: plan items in, figures out.

One figure for a budget: when an initiative has cost lines, its budget *is* their sum.
:func:`dtbench.plan.service.list_items` shows that sum in ``Initiative.budget``, so the roadmap,
the proposal, the Excel plan and this module read the same number. An initiative with a budget
but no cost lines counts as one line "not split", in its start year.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from dtbench.errors import QT_TRANSLATE_NOOP
from dtbench.guide.model import Text, fill
from dtbench.plan.catalogue import Option
from dtbench.plan.checks import Problem
from dtbench.plan.money import amount, money
from dtbench.plan.records import Benefit, CostLine, Initiative, Phase, PlanItem

COST_CATEGORIES: tuple[Option, ...] = (
    Option("software", Text("软件", "Software")),
    Option("hardware", Text("硬件", "Hardware")),
    Option("services", Text("实施与咨询服务", "Services")),
    Option("staff", Text("内部人力", "Internal staff")),
)
COST_NATURES: tuple[Option, ...] = (
    Option("capex", Text("资本性支出", "Capital")),
    Option("opex", Text("费用性支出", "Running cost")),
)
NOT_SPLIT = ""  # category and nature of a budget without cost lines
NOT_SPLIT_LABEL = Text("未拆分", "Not split")
FINISHED_STATUSES: Final = frozenset({"done"})  # catalogue.INITIATIVE_STATUSES
HORIZON_TAIL = 2  # benefits are counted this many years past the last year with spending
# Kinds whose list shows figures derived from these: the UI reloads them together.
DERIVED: Final[dict[str, tuple[str, ...]]] = {"cost": ("initiative",)}


def budgets(initiatives: Iterable[PlanItem], costs: Iterable[PlanItem]) -> dict[str, float]:
    """Initiative uuid → the sum of its cost lines, for initiatives that have any."""
    known = {i.uuid for i in initiatives}
    out: dict[str, float] = {}
    for item in costs:
        line: CostLine = item.record
        if line.initiative in known:
            out[line.initiative] = out.get(line.initiative, 0.0) + float(line.amount)
    return {k: round(v, 4) for k, v in out.items()}


def is_finished(initiative: Initiative) -> bool:
    return initiative.status in FINISHED_STATUSES


@dataclass(frozen=True)
class Line:
    """A cost line as counted: explicit, or an initiative's budget not split yet."""

    initiative: str
    phase: str
    year: int
    category: str
    nature: str
    amount: float
    finished: bool
    note: str = ""


def _start_year(initiative: Initiative, phase: Phase | None) -> int:
    for value in (initiative.start, phase.start if phase else None, initiative.end):
        if value is not None:
            return value.year
    return date.today().year


def lines(
    initiatives: Sequence[PlanItem], phases: Sequence[PlanItem], costs: Sequence[PlanItem]
) -> list[Line]:
    """Every amount counted, in the initiatives' order; lines of a removed initiative are
    left out (the checks name them)."""
    phase_by = {p.uuid: p.record for p in phases}
    by_initiative: dict[str, list[CostLine]] = {}
    for item in costs:
        by_initiative.setdefault(item.record.initiative, []).append(item.record)
    out: list[Line] = []
    for item in initiatives:
        ini: Initiative = item.record
        finished = is_finished(ini)
        phase = ini.phase if ini.phase in phase_by else ""
        mine = by_initiative.get(item.uuid, [])
        for c in mine:
            out.append(
                Line(item.uuid, phase, c.year, c.category, c.nature, c.amount, finished, c.note)
            )
        if not mine and ini.budget:
            year = _start_year(ini, phase_by.get(ini.phase))
            out.append(Line(item.uuid, phase, year, NOT_SPLIT, NOT_SPLIT, ini.budget, finished))
    return out


def _add(table: dict[int, float], year: int, amount: float) -> None:
    table[year] = table.get(year, 0.0) + amount


@dataclass(frozen=True)
class Summary:
    """The figures of the investment chapter; every table is keyed by year (``years``)."""

    years: tuple[int, ...]
    cost: dict[int, float]  # every initiative
    spent: dict[int, float]  # finished initiatives
    forward: dict[int, float]  # the others: the budget still to be spent
    by_phase: dict[str, dict[int, float]]  # phase uuid ("" none) → forward cost by year
    by_kind: dict[tuple[str, str], float]  # (category, nature) → total, every initiative
    benefit: dict[int, float]
    cumulative_cost: dict[int, float]
    cumulative_benefit: dict[int, float]
    cumulative_net: dict[int, float]
    payback: int | None  # first year cumulative benefit ≥ cumulative investment
    not_split: int = 0  # initiatives with a budget and no cost lines
    quantified: int = 0
    qualitative: int = 0
    finished: tuple[str, ...] = field(default=())  # uuids of finished initiatives with costs

    @property
    def total(self) -> float:
        return sum(self.cost.values())

    @property
    def total_spent(self) -> float:
        return sum(self.spent.values())

    @property
    def total_forward(self) -> float:
        return sum(self.forward.values())

    @property
    def total_benefit(self) -> float:
        return sum(self.benefit.values())

    @property
    def first(self) -> int | None:
        return self.years[0] if self.years else None

    @property
    def last(self) -> int | None:
        return self.years[-1] if self.years else None


def benefit_start(benefit: Benefit, initiative: Initiative | None) -> int | None:
    """The first year a quantified benefit counts: its own, else the year after its
    initiative ends."""
    if benefit.from_year is not None:
        return benefit.from_year
    if initiative is not None and initiative.end is not None:
        return initiative.end.year + 1
    return None


def summarize(
    initiatives: Sequence[PlanItem],
    phases: Sequence[PlanItem],
    costs: Sequence[PlanItem],
    benefits: Sequence[PlanItem],
) -> Summary:
    counted = lines(initiatives, phases, costs)
    init_by = {i.uuid: i.record for i in initiatives}
    starts: list[tuple[int, float]] = []
    quantified = qualitative = 0
    for item in benefits:
        b: Benefit = item.record
        if b.initiative not in init_by:
            continue
        start = benefit_start(b, init_by[b.initiative])
        if b.yearly_value and start is not None:
            quantified += 1
            starts.append((start, float(b.yearly_value)))
        else:
            qualitative += 1
    cost_years = [c.year for c in counted]
    if cost_years:
        first, last = min(cost_years), max(cost_years) + HORIZON_TAIL
    elif starts:
        first = last = min(s for s, _ in starts)
    else:
        first, last = 0, -1  # nothing to show
    years = tuple(range(first, last + 1))
    cost: dict[int, float] = dict.fromkeys(years, 0.0)
    spent = dict(cost)
    forward = dict(cost)
    benefit = dict(cost)
    by_phase: dict[str, dict[int, float]] = {p.uuid: dict(cost) for p in phases}
    by_kind: dict[tuple[str, str], float] = {}
    finished: list[str] = []
    for c in counted:
        _add(cost, c.year, c.amount)
        if c.finished:
            _add(spent, c.year, c.amount)
            if c.initiative not in finished:
                finished.append(c.initiative)
        else:
            _add(forward, c.year, c.amount)
            _add(by_phase.setdefault(c.phase, dict.fromkeys(years, 0.0)), c.year, c.amount)
        key = (c.category, c.nature)
        by_kind[key] = by_kind.get(key, 0.0) + c.amount
    for start, value in starts:
        for year in years:
            if year >= start:
                benefit[year] += value
    cum_cost: dict[int, float] = {}
    cum_benefit: dict[int, float] = {}
    net: dict[int, float] = {}
    running_cost = running_benefit = 0.0
    payback: int | None = None
    for year in years:
        running_cost += cost.get(year, 0.0)
        running_benefit += benefit[year]
        cum_cost[year] = running_cost
        cum_benefit[year] = running_benefit
        net[year] = running_benefit - running_cost
        if payback is None and running_cost > 0 and running_benefit >= running_cost - 1e-9:
            payback = year
    with_lines = {c.record.initiative for c in costs}
    return Summary(
        years=years,
        cost=cost,
        spent=spent,
        forward=forward,
        by_phase=by_phase,
        by_kind=by_kind,
        benefit=benefit,
        cumulative_cost=cum_cost,
        cumulative_benefit=cum_benefit,
        cumulative_net=net,
        payback=payback,
        not_split=sum(1 for i in initiatives if i.uuid not in with_lines and i.record.budget),
        quantified=quantified,
        qualitative=qualitative,
        finished=tuple(finished),
    )


# ---------------------------------------------------------------- assumptions in words
A: Final[dict[str, Text]] = {
    "unit": Text(
        "金额单位为万元，按当前价格估算，不考虑折现、税费和融资成本。",
        "Amounts are in CNY million at today's prices, without discounting, tax or financing "
        "costs.",
    ),
    "horizon": Text(
        "测算期为%1年至%2年，即最后一笔投入之后再看两年。",
        "The horizon runs from %1 to %2: two years past the last year with spending.",
    ),
    "spent": Text(
        "已完成举措的投入（%1）计为已发生支出：计入回收期测算，但不计入尚待批准的后续预算。",
        "Finished initiatives (%1) count as spent: they are in the payback, "
        "not in the budget still to be approved.",
    ),
    "benefit": Text(
        "量化效益自预计见效的年份起，每年按年度金额计入，直至测算期末；定性效益不折算为金额。",
        "Quantified benefits count every year from the year given, at their yearly value, "
        "to the end of the horizon; qualitative benefits are not put into money.",
    ),
    "running": Text(
        "费用性支出（如软件订阅、运维）只计入投资表所列年份，此后各年的运维费用未计入，回收期为静态测算。",
        "Running costs (subscriptions, support) count only in the years of the investment "
        "table; later years' running costs are not included, so the payback is a static "
        "estimate.",
    ),
    "not_split": Text(
        "有%1项举措尚未按年度和类别拆分预算，其预算计入开始年份，类别记为“未拆分”。",
        "Where an initiative's budget is not yet split by year and kind (%1 in this plan), it "
        "is counted in the initiative's start year as “not split”.",
    ),
    "payback": Text(
        "按本测算的假设，累计效益在%1年首次达到累计投入，即投资在投入开始后的第%2年收回。",
        "On the assumptions of this estimate, the cumulative benefit first reaches the "
        "cumulative investment in %1: the investment pays back in %1, year %2 of the plan.",
    ),
    "no_payback": Text(
        "按本测算的假设，到%1年（测算期末）累计效益仍低于累计投入，测算期内不能收回投资。",
        "On the assumptions of this estimate, the cumulative benefit is still below the "
        "cumulative investment in %1, the end of the horizon: no payback within the horizon.",
    ),
    "no_benefit": Text(
        "尚未填写量化效益，无法测算回收期。",
        "No quantified benefit has been entered yet, so there is no payback to compute.",
    ),
}


def fmt_amount(value: float) -> str:
    """万元 figures as the app shows them: thousands separated, one decimal at most."""
    return amount(value, "zh")


_fill = fill  # the one way a text gets its values (dtbench.guide.model.fill)


def payback_sentence(summary: Summary, lang: str) -> str:
    if summary.quantified == 0 or not summary.years:
        return A["no_benefit"].get(lang)
    if summary.payback is not None:
        return _fill(
            A["payback"].get(lang), summary.payback, summary.payback - (summary.first or 0) + 1
        )
    return _fill(A["no_payback"].get(lang), summary.last)


def assumptions(summary: Summary, lang: str) -> list[str]:
    """The assumptions behind the figures, as sentences in ``lang``."""
    out = [A["unit"].get(lang)]
    if summary.years:
        out.append(_fill(A["horizon"].get(lang), summary.first, summary.last))
    if summary.total_spent:
        out.append(_fill(A["spent"].get(lang), money(summary.total_spent, lang)))
    out.append(A["benefit"].get(lang))
    if any(nature == "opex" for _cat, nature in summary.by_kind):
        out.append(A["running"].get(lang))
    if summary.not_split:
        out.append(_fill(A["not_split"].get(lang), summary.not_split))
    return out


def label(options: tuple[Option, ...], code: str, lang: str) -> str:
    if code == NOT_SPLIT:
        return NOT_SPLIT_LABEL.get(lang)
    for option in options:
        if option.code == code:
            return option.label.get(lang)
    return code


# ---------------------------------------------------------------- checks
UNKNOWN_INITIATIVE = QT_TRANSLATE_NOOP(
    "PlanCheck", "A cost line of %1 belongs to an initiative that no longer exists."
)
COST_OUTSIDE = QT_TRANSLATE_NOOP(
    "PlanCheck", "“%1” has costs in %2, outside the years it runs (%3 to %4)."
)
BENEFIT_ORPHAN = QT_TRANSLATE_NOOP(
    "PlanCheck", "The benefit “%1” belongs to an initiative that no longer exists."
)
BENEFIT_KPI = QT_TRANSLATE_NOOP(
    "PlanCheck", "The benefit “%1” of “%2” is linked to a KPI that no longer exists."
)
BENEFIT_ASSUMPTION = QT_TRANSLATE_NOOP(
    "PlanCheck", "The benefit “%1” of “%2” has a yearly value but no assumption behind it."
)
BENEFIT_NO_YEAR = QT_TRANSLATE_NOOP(
    "PlanCheck", "The benefit “%1” of “%2” has a yearly value but no year it starts from."
)


def check_investment(
    initiatives: Sequence[PlanItem],
    costs: Sequence[PlanItem],
    benefits: Sequence[PlanItem],
    kpis: Sequence[PlanItem],
) -> list[Problem]:
    """Cost lines and benefits that point nowhere, costs outside their initiative's years,
    quantified benefits without the assumption or year behind them."""
    problems: list[Problem] = []
    init_by = {i.uuid: i.record for i in initiatives}
    kpi_uuids = {k.uuid for k in kpis}
    outside: set[tuple[str, int]] = set()
    for item in costs:
        c: CostLine = item.record
        ini = init_by.get(c.initiative)
        if ini is None:
            problems.append(Problem(UNKNOWN_INITIATIVE, (str(c.year),), item.uuid))
            continue
        low = ini.start.year if ini.start else None
        high = ini.end.year if ini.end else None
        late = high is not None and c.year > high
        if ((low is not None and c.year < low) or late) and (c.initiative, c.year) not in outside:
            outside.add((c.initiative, c.year))
            problems.append(
                Problem(
                    COST_OUTSIDE,
                    (ini.title, str(c.year), str(low or "—"), str(high or "—")),
                    item.uuid,
                )
            )
    for item in benefits:
        b: Benefit = item.record
        owner = init_by.get(b.initiative)
        if owner is None:
            problems.append(Problem(BENEFIT_ORPHAN, (b.title,), item.uuid))
            continue
        if b.kpi and b.kpi not in kpi_uuids:
            problems.append(Problem(BENEFIT_KPI, (b.title, owner.title), item.uuid))
        if b.yearly_value:
            if not b.assumption.strip():
                problems.append(Problem(BENEFIT_ASSUMPTION, (b.title, owner.title), item.uuid))
            if benefit_start(b, owner) is None:
                problems.append(Problem(BENEFIT_NO_YEAR, (b.title, owner.title), item.uuid))
    return problems
