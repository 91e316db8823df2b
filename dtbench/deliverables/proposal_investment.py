"""The proposal's "Investment and benefits" chapter (投资估算与效益分析): the investment by phase
and year (finished initiatives shown as spent), by kind and by initiative, the expected
benefits with their assumptions, the chart of investment and benefit over the years, the
payback in one sentence and the assumptions in plain words.

Every figure comes from :func:`dtbench.plan.investment.summarize`, the one the app and the Excel
plan show.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from dtbench.deliverables.docx_writer import HEADER_FILL, LABEL_FILL, Cell, CellValue
from dtbench.deliverables.formats import target_phrase
from dtbench.guide.model import Text
from dtbench.plan import investment as inv
from dtbench.plan.money import amount, money
from dtbench.plan.records import Benefit, Initiative, Kpi

if TYPE_CHECKING:
    from dtbench.deliverables.docx_writer import DocxWriter

FIGURE = "investment"
TEXTS: Final[dict[str, Text]] = {
    "chapter": Text("投资估算与效益分析", "Investment and benefits"),
    "none": Text(
        "各举措尚未填写预算，投资估算将在举措明确后补充。",
        "No initiative has a budget yet; the investment estimate follows once they are set.",
    ),
    "intro": Text(
        "规划期内%1项举措的投资合计%2，分布在%3年至%4年。",
        "The %1 initiatives of the plan require %2 in all, from %3 to %4.",
    ),
    "intro_spent": Text(
        "其中已完成举措投入%1，后续尚需投入%2，这是本建议书请领导层批准的预算。",
        "Of this, %1 has been spent on finished initiatives; %2 "
        "remains to be spent, the budget this proposal asks the leadership to approve.",
    ),
    "intro_all": Text(
        "这也是本建议书请领导层批准的预算。",
        "This is the budget this proposal asks the leadership to approve.",
    ),
    "estimate": Text("投资估算", "Investment estimate"),
    "by_phase_table": Text(
        "分阶段、分年度投资（万元）", "Investment by phase and year (CNY million)"
    ),
    "phase": Text("阶段", "Phase"),
    "no_phase": Text("未分阶段", "No phase"),
    "spent_row": Text("已完成举措（已投入）", "Finished initiatives (spent)"),
    "total": Text("合计", "Total"),
    "done": Text("已完成", "finished"),
    "full_run": Text("合计（全部见效后每年）", "Total (a year, once all are in effect)"),
    "by_kind_text": Text("按投资类别，%1。", "By kind: %1."),
    "by_kind_item": Text("%1%2（%3）", "%1 %2 (%3)"),
    "by_nature_text": Text(
        "其中资本性支出%1，费用性支出%2。",
        "Capital expenditure is %1 and running costs %2.",
    ),
    "by_kind_table": Text("投资构成（万元）", "Investment by kind (CNY million)"),
    "by_initiative_where": Text(
        "各举措的分年度投资见附录%1。", "Appendix %1 gives each initiative's investment by year."
    ),
    "kind": Text("类别", "Kind"),
    "share": Text("占比", "Share"),
    "by_initiative_table": Text(
        "各举措分年度投资（万元）", "Investment by initiative and year (CNY million)"
    ),
    "no_col": Text("编号", "No."),
    "initiative": Text("举措", "Initiative"),
    "benefits": Text("预期效益", "Expected benefits"),
    "benefits_text": Text(
        "量化效益按年度金额估算，从所列年份起逐年计入；测算依据列出了每项估算背后的假设，"
        "供双方在实施中复核。",
        "Quantified benefits are estimated as a yearly amount, counted each year from the "
        "year given; the basis column states the assumption behind each estimate, for both "
        "sides to review as the work proceeds.",
    ),
    "no_benefits": Text(
        "各举措尚未填写预期效益。", "No expected benefit has been entered for the initiatives."
    ),
    "benefit_table": Text("量化效益", "Quantified benefits"),
    "benefit": Text("效益", "Benefit"),
    "kpi": Text("关联指标", "KPI"),
    "yearly": Text("年度效益（万元）", "CNY million a year"),
    "from": Text("起始年份", "From"),
    "basis": Text("测算依据", "Basis"),
    "qualitative": Text(
        "以下效益难以可靠折算为金额，未计入回收期测算：",
        "These benefits cannot be put into money reliably and are left out of the payback:",
    ),
    "payback": Text("投资回收分析", "Payback"),
    "fig": Text("各年度投资与效益", "Investment and benefit by year"),
    "flow_table": Text(
        "投资与效益逐年测算（万元）", "Investment and benefit by year (CNY million)"
    ),
    "year": Text("年度", "Year"),
    "investment": Text("投资", "Investment"),
    "benefit_row": Text("效益", "Benefit"),
    "cum_cost": Text("累计投资", "Cumulative investment"),
    "cum_benefit": Text("累计效益", "Cumulative benefit"),
    "net": Text("累计净收益", "Cumulative net"),
    "assumptions": Text("测算假设", "Assumptions"),
    "arrow": Text("%1 → %2", "%1 → %2"),
    "change_up": Text("%1由%2提升至%3", "%1 from %2 to %3"),
    "change_down": Text("%1由%2降至%3", "%1 from %2 down to %3"),
    "pct": Text("%1%", "%1%"),
}


def t(w: DocxWriter, key: str, *args: object) -> str:
    text = TEXTS[key].get(w.lang)
    values = [str(a) for a in args]
    return re.sub(
        r"%(\d)",
        lambda m: values[int(m.group(1)) - 1] if int(m.group(1)) <= len(values) else m[0],
        text,
    )


def _space(w: DocxWriter) -> str:
    """Between two sentences: nothing after a Chinese full stop, a space after an English one."""
    return "" if w.zh else " "


def _money(value: float, lang: str) -> str:
    """A table's figure (万元, or CNY million in English); "—" for nothing."""
    return amount(value, lang) if abs(value) >= 0.05 else "—"


def write_investment(w: DocxWriter, phase_short: dict[str, str], numbers: dict[str, str]) -> str:
    """Write the chapter; returns its number. ``phase_short`` and ``numbers`` are the short
    phase names and initiative numbers (I-01…) the roadmap chapter uses."""
    c = w.c
    phases = c.items["phase"]
    initiatives = c.items["initiative"]
    costs = c.items["cost"]
    benefits = c.items["benefit"]
    s = inv.summarize(initiatives, phases, costs, benefits)
    number = w.heading(1, t(w, "chapter"))
    if not s.total:
        w.para(t(w, "none"))
        return number
    spend_years = [y for y in s.years if s.cost[y]]
    w.para(
        t(w, "intro", len(initiatives), money(s.total, w.lang), spend_years[0], spend_years[-1])
        + _space(w)
        + (
            t(w, "intro_spent", money(s.total_spent, w.lang), money(s.total_forward, w.lang))
            if s.total_spent
            else t(w, "intro_all")
        )
    )

    # -------------------------------------------------------------- estimate
    w.heading(2, t(w, "estimate"))
    headers: list[CellValue] = [t(w, "phase"), *map(str, spend_years), t(w, "total")]
    rows: list[list[CellValue]] = []
    names = {p.uuid: phase_short.get(p.uuid, p.record.name) for p in phases}

    def row(label: str, by_year: dict[int, float], fill: str | None = None) -> list[CellValue]:
        total = sum(by_year.get(y, 0.0) for y in spend_years)
        bold = fill is not None
        return [
            Cell(label, fill or LABEL_FILL, True),
            *(Cell(_money(by_year.get(y, 0.0), w.lang), fill, bold, "right") for y in spend_years),
            Cell(_money(total, w.lang), fill or LABEL_FILL, True, "right"),
        ]

    for uuid, by_year in s.by_phase.items():
        if any(by_year.values()):
            rows.append(row(names.get(uuid, t(w, "no_phase")), by_year))
    if s.total_spent:
        rows.append(row(t(w, "spent_row"), s.spent))
    rows.append(row(t(w, "total"), s.cost, LABEL_FILL))
    first = 4.6
    rest = (16.6 - first) / (len(spend_years) + 1)
    w.table(t(w, "by_phase_table"), headers, rows, (first, *[rest] * (len(spend_years) + 1)))

    kinds = sorted(
        {k for k, _n in s.by_kind},
        key=lambda k: (
            [o.code for o in inv.COST_CATEGORIES].index(k)
            if k in [o.code for o in inv.COST_CATEGORIES]
            else 99
        ),
    )
    by_category = {k: sum(v for (kk, _n), v in s.by_kind.items() if kk == k) for k in kinds}
    ranked = sorted(kinds, key=lambda k: -by_category[k])
    w.para(
        t(
            w,
            "by_kind_text",
            w.join(
                t(
                    w,
                    "by_kind_item",
                    inv.label(inv.COST_CATEGORIES, k, w.lang),
                    money(by_category[k], w.lang),
                    t(w, "pct", round(100 * by_category[k] / s.total)),
                )
                for k in ranked
            ),
        )
        + _space(w)
        + t(
            w,
            "by_nature_text",
            money(sum(v for (_k, n), v in s.by_kind.items() if n == "capex"), w.lang),
            money(sum(v for (_k, n), v in s.by_kind.items() if n == "opex"), w.lang),
        )
    )
    natures = [o.code for o in inv.COST_NATURES]
    kind_rows: list[list[CellValue]] = []
    for k in kinds:
        kind_rows.append(
            [
                Cell(inv.label(inv.COST_CATEGORIES, k, w.lang), LABEL_FILL, True),
                *(Cell(_money(s.by_kind.get((k, n), 0.0), w.lang), align="right") for n in natures),
                Cell(_money(by_category[k], w.lang), align="right", bold=True),
                Cell(t(w, "pct", round(100 * by_category[k] / s.total)), align="right"),
            ]
        )
    kind_rows.append(
        [
            Cell(t(w, "total"), LABEL_FILL, True),
            *(
                Cell(
                    _money(sum(v for (_k, nn), v in s.by_kind.items() if nn == n), w.lang),
                    LABEL_FILL,
                    True,
                    "right",
                )
                for n in natures
            ),
            Cell(_money(s.total, w.lang), LABEL_FILL, True, "right"),
            Cell("100%", LABEL_FILL, True, "right"),
        ]
    )
    w.table(
        t(w, "by_kind_table"),
        [
            t(w, "kind"),
            *(inv.label(inv.COST_NATURES, n, w.lang) for n in natures),
            t(w, "total"),
            t(w, "share"),
        ],
        kind_rows,
        (4.6, 3.2, 3.2, 3.2, 2.4),
        keep=True,
    )

    where = w.appendix_letter("supporting")
    if where:
        w.para(t(w, "by_initiative_where", where))
    else:
        write_initiative_costs(w, numbers)

    # -------------------------------------------------------------- benefits
    w.heading(2, t(w, "benefits"))
    init_by = {i.uuid: i.record for i in initiatives}
    kpi_by = {k.uuid: k.record for k in c.items["kpi"]}
    counted = [b for b in benefits if b.record.initiative in init_by]
    if not counted:
        w.para(t(w, "no_benefits"))
    quantified: list[list[CellValue]] = []
    qualitative: list[str] = []
    full = 0.0  # a year, once every quantified benefit counts
    for item in counted:
        b: Benefit = item.record
        owner = init_by[b.initiative]
        start = inv.benefit_start(b, owner)
        kpi: Kpi | None = kpi_by.get(b.kpi)
        measure = kpi.name if kpi else ""
        if b.baseline or b.target:
            change = t(w, "arrow", b.baseline or "—", b.target or "—")
            measure = f"{measure}\n{change}" if measure else change
        if b.yearly_value and start is not None:
            full += b.yearly_value
            quantified.append(
                [
                    Cell(numbers.get(b.initiative, ""), align="center"),
                    b.title,
                    measure or "—",
                    Cell(_money(b.yearly_value, w.lang), align="right"),
                    Cell(str(start), align="center"),
                    b.assumption or "—",
                ]
            )
        else:
            text = f"{numbers.get(b.initiative, '')} {b.title}".strip()
            if b.baseline and b.target:  # "物料主数据一致率由80%提升至99.5%以上"
                down = kpi is not None and kpi.direction == "down"
                text = w.paren(
                    text,
                    t(
                        w,
                        "change_down" if down else "change_up",
                        kpi.name if kpi else "",
                        b.baseline,
                        target_phrase(b.target, w.zh),
                    ).strip(),
                )
            elif measure:
                text = w.paren(text, measure.replace("\n", w.t("sep")))
            qualitative.append(text + (w.t("colon") + b.assumption if b.assumption else ""))
    if counted:
        w.para(t(w, "benefits_text"))
    if quantified:
        quantified.append(
            [
                Cell("", LABEL_FILL),
                Cell(t(w, "full_run"), LABEL_FILL, True, span=2),
                Cell(_money(full, w.lang), LABEL_FILL, True, "right"),
                Cell("", LABEL_FILL, span=2),
            ]
        )
        w.table(
            t(w, "benefit_table"),
            [
                t(w, "no_col"),
                t(w, "benefit"),
                t(w, "kpi"),
                t(w, "yearly"),
                t(w, "from"),
                t(w, "basis"),
            ],
            quantified,
            (1.1, 3.0, 3.2, 1.9, 1.6, 5.8),
            small=True,
        )
    if qualitative:
        w.para(t(w, "qualitative"), keep_next=True)
        for text in qualitative:
            w.bullet(text)

    # -------------------------------------------------------------- payback
    w.heading(2, t(w, "payback"))
    w.para(inv.payback_sentence(s, w.lang), keep_next=True)
    w.figure(FIGURE, t(w, "fig"))
    horizon = list(s.years)
    flow = [
        ("investment", s.cost),
        ("benefit_row", s.benefit),
        ("cum_cost", s.cumulative_cost),
        ("cum_benefit", s.cumulative_benefit),
        ("net", s.cumulative_net),
    ]
    flow_rows: list[list[CellValue]] = [
        [
            Cell(t(w, key), LABEL_FILL, True),
            *(
                Cell(
                    _money(values[y], w.lang),
                    HEADER_FILL if key == "net" and y == s.payback else None,
                    key == "net",
                    "right",
                )
                for y in horizon
            ),
        ]
        for key, values in flow
    ]
    w.table(
        t(w, "flow_table"),
        [t(w, "year"), *map(str, horizon)],
        flow_rows,
        (4.6, *[12.0 / max(len(horizon), 1)] * len(horizon)),
        keep=True,
    )
    w.para(t(w, "assumptions"), bold=True, keep_next=True)
    for sentence in inv.assumptions(s, w.lang):
        w.bullet(sentence)
    return number


def write_initiative_costs(w: DocxWriter, numbers: dict[str, str]) -> None:
    """The table of each initiative's investment by year (finished ones marked)."""
    c = w.c
    phases = c.items["phase"]
    initiatives = c.items["initiative"]
    s = inv.summarize(initiatives, phases, c.items["cost"], c.items["benefit"])
    if not s.total:
        return
    spend_years = [y for y in s.years if s.cost[y]]
    per_initiative: dict[str, dict[int, float]] = {}
    for line in inv.lines(initiatives, phases, c.items["cost"]):
        years = per_initiative.setdefault(line.initiative, {})
        years[line.year] = years.get(line.year, 0.0) + line.amount
    init_rows: list[list[CellValue]] = []
    for item in initiatives:
        if item.uuid not in per_initiative:
            continue
        ini: Initiative = item.record
        by_year = per_initiative[item.uuid]
        title = w.paren(ini.title, t(w, "done")) if inv.is_finished(ini) else ini.title
        init_rows.append(
            [
                Cell(numbers.get(item.uuid, ""), align="center"),
                title,
                *(Cell(_money(by_year.get(y, 0.0), w.lang), align="right") for y in spend_years),
                Cell(_money(sum(by_year.values()), w.lang), align="right", bold=True),
            ]
        )
    init_rows.append(
        [
            Cell("", LABEL_FILL),
            Cell(t(w, "total"), LABEL_FILL, True),
            *(Cell(_money(s.cost[y], w.lang), LABEL_FILL, True, "right") for y in spend_years),
            Cell(_money(s.total, w.lang), LABEL_FILL, True, "right"),
        ]
    )
    title_cm = 16.6 - 1.1 - 1.7 * (len(spend_years) + 1)
    w.table(
        t(w, "by_initiative_table"),
        [t(w, "no_col"), t(w, "initiative"), *map(str, spend_years), t(w, "total")],
        init_rows,
        (1.1, max(title_cm, 4.0), *[1.7] * (len(spend_years) + 1)),
        small=True,
    )
