"""The Excel plan's "Investment" sheet: every cost line and benefit by initiative and year,
then the totals by year, by phase and by kind and the cumulative net, as SUM formulas the
client can change (a figure changed in a line flows into every total).

The lines are those of :func:`dtbench.plan.investment.lines` (a budget not split counts in its
start year), so the totals equal the proposal's and the app's. Formulas go in only through
:func:`dtbench.deliverables.xlsx_cells.put_total`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from openpyxl.utils import get_column_letter

from dtbench.deliverables.xlsx_book import FIRST_ROW, HEADER_ROW, NAVY, Col
from dtbench.deliverables.xlsx_cells import put_total, safe_criterion
from dtbench.guide.model import Text
from dtbench.plan import investment as inv
from dtbench.plan.records import Benefit, Initiative

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from dtbench.deliverables.xlsx_book import WorkbookWriter

TEXTS: Final[dict[str, Text]] = {
    "note": Text(
        "金额单位：万元。表中的合计均为公式：修改任一成本行或效益的金额、年份，合计随之更新。"
        "预算归属列为“已完成（已投入）”的成本计为已发生支出，不计入后续预算。",
        "Amounts in CNY 10,000. Every total is a formula: change an amount or a year in a "
        "line and the totals follow. Lines whose budget group is “Finished (spent)” count as "
        "spent, not in the budget still to be spent.",
    ),
    "costs": Text("一、成本明细（按举措、年度）", "1. Cost lines by initiative and year"),
    "benefits": Text("二、预期效益（按年度）", "2. Expected benefits by year"),
    "by_phase": Text("三、分阶段、分年度投资", "3. Investment by phase and year"),
    "by_kind": Text("四、投资构成", "4. Investment by kind"),
    "flow": Text("五、投资与效益逐年测算", "5. Investment and benefit by year"),
    "no": Text("编号", "No."),
    "initiative": Text("举措", "Initiative"),
    "group": Text("预算归属", "Budget group"),
    "kind": Text("类别", "Kind"),
    "nature": Text("性质", "Nature"),
    "note_col": Text("说明", "Note"),
    "total": Text("合计", "Total"),
    "benefit": Text("效益", "Benefit"),
    "kpi": Text("关联指标：基线 → 目标", "KPI: baseline → target"),
    "from": Text("起始年份", "From"),
    "yearly": Text("年度效益", "Per year"),
    "assumption": Text("测算依据", "Basis"),
    "spent": Text("已完成（已投入）", "Finished (spent)"),
    "no_phase": Text("未分阶段", "No phase"),
    "phase": Text("阶段", "Phase"),
    "investment": Text("投资", "Investment"),
    "benefit_row": Text("效益", "Benefit"),
    "cum_cost": Text("累计投资", "Cumulative investment"),
    "cum_benefit": Text("累计效益", "Cumulative benefit"),
    "net": Text("累计净收益", "Cumulative net"),
    "payback": Text("回收期", "Payback"),
    "none": Text("尚未填写投资。", "No investment entered yet."),
    "no_benefits": Text("尚未填写预期效益。", "No expected benefit entered yet."),
}
MONEY = '#,##0.0;-#,##0.0;"–"'  # a zero shows as a dash
YEAR_COL = 8  # column H: the first year; A–G describe the line


def _t(book: WorkbookWriter, key: str) -> str:
    return TEXTS[key].get(book.lang)


def _col(n: int) -> str:
    return get_column_letter(n)


def write_investment_sheet(book: WorkbookWriter) -> None:
    c = book.c
    lang = book.lang
    phases = c.items["phase"]
    initiatives = c.items["initiative"]
    costs = c.items["cost"]
    benefits = c.items["benefit"]
    s = inv.summarize(initiatives, phases, costs, benefits)
    ws = book.sheet("investment", "title_investment", _t(book, "note"))
    numbers = {i.uuid: f"I-{n:02d}" for n, i in enumerate(initiatives, start=1)}
    init_by = {i.uuid: i.record for i in initiatives}
    phase_names = {p.uuid: p.record.name for p in phases}
    years = list(s.years)
    total_col = YEAR_COL + len(years)
    last_col = max(total_col, 8)
    if not years:
        book.empty_note(ws, HEADER_ROW, _t(book, "none"))
        return

    def group(uuid: str) -> str:
        ini: Initiative = init_by[uuid]
        if inv.is_finished(ini):
            return _t(book, "spent")
        return phase_names.get(ini.phase, _t(book, "no_phase"))

    def money_cell(row: int, col: int, formula: str, bold: bool = False) -> None:
        cell = put_total(ws, row, col, formula)
        cell.number_format = MONEY
        cell.font = book.font(bold=bold)
        cell.border = book.border
        cell.alignment = book.align("right", wrap=False)
        if bold:
            cell.fill = book.label_fill

    year_cols = [Col(str(y), "money", 8, 10) for y in years]

    # ---------------------------------------------------------------- 1. cost lines
    book.section(ws, HEADER_ROW, _t(book, "costs"))
    top = HEADER_ROW + 1
    rows: list[list[object]] = []
    for line in inv.lines(initiatives, phases, costs):
        ini = init_by[line.initiative]
        rows.append(
            [
                numbers[line.initiative],
                ini.title,
                group(line.initiative),
                inv.label(inv.COST_CATEGORIES, line.category, lang),
                inv.label(inv.COST_NATURES, line.nature, lang)
                if line.nature
                else inv.NOT_SPLIT_LABEL.get(lang),
                line.note,
                "",
                *(line.amount if y == line.year else None for y in years),
                None,
            ]
        )
    cols = [
        Col(_t(book, "no"), "center", 6, 7),
        Col(_t(book, "initiative"), "text", 18, 34),
        Col(_t(book, "group"), "text", 10, 22),
        Col(_t(book, "kind"), "text", 8, 14),
        Col(_t(book, "nature"), "text", 8, 12),
        Col(_t(book, "note_col"), "text", 16, 36),
        Col("", "text", 2, 3),
        *year_cols,
        Col(_t(book, "total"), "money", 9, 11),
    ]
    book.table(ws, top, cols, rows, empty=_t(book, "none"))
    for n, y in enumerate(years):  # the year headers as numbers: criteria of the formulas
        book.header(ws, top, YEAR_COL + n, y)
    first, last = top + 1, top + len(rows)
    if rows:  # the cost lines are the sheet's list (the totals below sum them all)
        ws.auto_filter.ref = f"A{top}:{_col(total_col)}{last}"
    for r in range(first, last + 1):
        money_cell(r, total_col, f"=SUM({_col(YEAR_COL)}{r}:{_col(total_col - 1)}{r})")
    cost_total_row = last + 1
    book.put(ws, cost_total_row, 2, _t(book, "total"), bold=True).fill = book.label_fill
    for col in range(YEAR_COL, total_col + 1):
        letter = _col(col)
        money_cell(cost_total_row, col, f"=SUM({letter}{first}:{letter}{last})", bold=True)

    # ---------------------------------------------------------------- 2. benefits
    row = cost_total_row + 2
    book.section(ws, row, _t(book, "benefits"))
    top = row + 1
    kpis = {k.uuid: k.record for k in c.items["kpi"]}
    brows: list[list[object]] = []
    for item in benefits:
        b: Benefit = item.record
        if b.initiative not in init_by:
            continue
        kpi = kpis.get(b.kpi)
        change = f"{b.baseline or '—'} → {b.target or '—'}" if b.baseline or b.target else ""
        measure = "\n".join(x for x in (kpi.name if kpi else "", change) if x)
        start = inv.benefit_start(b, init_by[b.initiative])
        brows.append(
            [
                numbers[b.initiative],
                b.title,
                measure,
                start if b.yearly_value else None,
                b.yearly_value or None,
                b.assumption,
                "",
                *([None] * len(years)),
                None,
            ]
        )
    bcols = [
        Col(_t(book, "no"), "center", 6, 7),
        Col(_t(book, "benefit"), "text", 18, 34),
        Col(_t(book, "kpi"), "text", 10, 22),
        Col(_t(book, "from"), "int", 8, 14),
        Col(_t(book, "yearly"), "money", 8, 12),
        Col(_t(book, "assumption"), "text", 16, 36),
        Col("", "text", 2, 3),
        *year_cols,
        Col(_t(book, "total"), "money", 9, 11),
    ]
    book.table(ws, top, bcols, brows, empty=_t(book, "no_benefits"), size_columns=False)
    for n, y in enumerate(years):
        book.header(ws, top, YEAR_COL + n, y)
    bfirst, blast = top + 1, top + max(len(brows), 1)
    for r in range(bfirst, top + len(brows) + 1):
        for n in range(len(years)):
            letter = _col(YEAR_COL + n)
            money_cell(r, YEAR_COL + n, f"=$E{r}*({letter}${top}>=$D{r})")
        money_cell(r, total_col, f"=SUM({_col(YEAR_COL)}{r}:{_col(total_col - 1)}{r})")
    benefit_total_row = blast + 1
    book.put(ws, benefit_total_row, 2, _t(book, "total"), bold=True).fill = book.label_fill
    for col in range(YEAR_COL, total_col + 1):
        letter = _col(col)
        money_cell(benefit_total_row, col, f"=SUM({letter}{bfirst}:{letter}{blast})", bold=True)

    # ---------------------------------------------------------------- 3. by phase
    row = benefit_total_row + 2
    book.section(ws, row, _t(book, "by_phase"))
    top = row + 1
    groups = [
        (phase_names.get(u, _t(book, "no_phase")), v)
        for u, v in s.by_phase.items()
        if any(v.values())
    ]
    if s.total_spent:
        groups.append((_t(book, "spent"), s.spent))
    # a name Excel would read as a pattern (or two alike but for case) is summed here
    folded = [str(book.fit(name)).casefold() for name, _v in groups]
    alike = len(set(folded)) != len(folded)
    _year_header(book, ws, top, _t(book, "phase"), years, total_col)
    rng = f"${_col(3)}${first}:${_col(3)}${last}"
    for n, (name, by_year) in enumerate(groups, start=top + 1):
        book.put(ws, n, 2, name, bold=True).fill = book.label_fill
        if alike or not safe_criterion(str(book.fit(name))):
            for k, year in enumerate(years):
                cell = book.put(ws, n, YEAR_COL + k, by_year.get(year, 0.0), "money")
                cell.number_format = MONEY
            money_cell(n, total_col, f"=SUM({_col(YEAR_COL)}{n}:{_col(total_col - 1)}{n})")
            continue
        for k in range(len(years) + 1):
            letter = _col(YEAR_COL + k)
            money_cell(n, YEAR_COL + k, f"=SUMIF({rng},$B{n},{letter}${first}:{letter}${last})")
    phase_total_row = top + len(groups) + 1
    book.put(ws, phase_total_row, 2, _t(book, "total"), bold=True).fill = book.label_fill
    for col in range(YEAR_COL, total_col + 1):
        letter = _col(col)
        money_cell(
            phase_total_row, col, f"=SUM({letter}{top + 1}:{letter}{phase_total_row - 1})", True
        )

    # ---------------------------------------------------------------- 4. by kind
    row = phase_total_row + 2
    book.section(ws, row, _t(book, "by_kind"))
    top = row + 1
    natures = [inv.label(inv.COST_NATURES, n.code, lang) for n in inv.COST_NATURES]
    kinds = [o.code for o in inv.COST_CATEGORIES if any(k == o.code for k, _n in s.by_kind)]
    if any(k == inv.NOT_SPLIT for k, _n in s.by_kind):
        kinds.append(inv.NOT_SPLIT)
    book.header(ws, top, 2, _t(book, "kind"))
    for n, name in enumerate(natures):
        book.header(ws, top, YEAR_COL + n, name)
    book.header(ws, top, YEAR_COL + len(natures), _t(book, "total"))
    kind_rng = f"$D${first}:$D${last}"
    nature_rng = f"$E${first}:$E${last}"
    sums = f"${_col(total_col)}${first}:${_col(total_col)}${last}"
    for n, code in enumerate(kinds, start=top + 1):
        book.put(ws, n, 2, inv.label(inv.COST_CATEGORIES, code, lang), bold=True)
        ws.cell(n, 2).fill = book.label_fill
        for k in range(len(natures)):
            head = f"{_col(YEAR_COL + k)}${top}"
            money_cell(n, YEAR_COL + k, f"=SUMIFS({sums},{kind_rng},$B{n},{nature_rng},{head})")
        # the total by kind alone: a budget not split has no nature
        money_cell(n, YEAR_COL + len(natures), f"=SUMIF({kind_rng},$B{n},{sums})")
    kind_total_row = top + len(kinds) + 1
    book.put(ws, kind_total_row, 2, _t(book, "total"), bold=True).fill = book.label_fill
    for k in range(len(natures) + 1):
        letter = _col(YEAR_COL + k)
        money_cell(
            kind_total_row,
            YEAR_COL + k,
            f"=SUM({letter}{top + 1}:{letter}{kind_total_row - 1})",
            True,
        )

    # ---------------------------------------------------------------- 5. by year
    row = kind_total_row + 2
    book.section(ws, row, _t(book, "flow"))
    top = row + 1
    _year_header(book, ws, top, "", years, total_col)
    r_cost, r_benefit, r_cc, r_cb, r_net = range(top + 1, top + 6)
    for r, key in zip(
        (r_cost, r_benefit, r_cc, r_cb, r_net),
        ("investment", "benefit_row", "cum_cost", "cum_benefit", "net"),
        strict=True,
    ):
        book.put(ws, r, 2, _t(book, key), bold=True).fill = book.label_fill
    for k in range(len(years)):
        letter = _col(YEAR_COL + k)
        first_letter = _col(YEAR_COL)
        money_cell(r_cost, YEAR_COL + k, f"={letter}{cost_total_row}")
        money_cell(r_benefit, YEAR_COL + k, f"={letter}{benefit_total_row}")
        money_cell(r_cc, YEAR_COL + k, f"=SUM(${first_letter}{r_cost}:{letter}{r_cost})")
        money_cell(r_cb, YEAR_COL + k, f"=SUM(${first_letter}{r_benefit}:{letter}{r_benefit})")
        money_cell(r_net, YEAR_COL + k, f"={letter}{r_cb}-{letter}{r_cc}", bold=True)
    for r in (r_cost, r_benefit):
        money_cell(r, total_col, f"=SUM({_col(YEAR_COL)}{r}:{_col(total_col - 1)}{r})", True)
    payback_row = r_net + 1
    book.put(ws, payback_row, 2, _t(book, "payback"), bold=True).fill = book.label_fill
    sentence = book.write(ws, payback_row, 3, inv.payback_sentence(s, lang))
    sentence.font = book.font(bold=True, color=NAVY)
    row = payback_row + 1
    for text in inv.assumptions(s, lang):
        row += 1
        book.write(ws, row, 2, "• " + text).font = book.font(color="595959")
    ws.freeze_panes = f"C{FIRST_ROW + 1}"
    for n in range(YEAR_COL, total_col + 1):
        ws.column_dimensions[_col(n)].width = max(ws.column_dimensions[_col(n)].width or 0, 11)
    book.fit_note(ws, last_col)
    ws.print_area = f"A1:{_col(last_col)}{row}"


def _year_header(
    book: WorkbookWriter, ws: Worksheet, row: int, label: str, years: list[int], total_col: int
) -> None:
    book.header(ws, row, 2, label)
    for n, y in enumerate(years):
        book.header(ws, row, YEAR_COL + n, y)
    book.header(ws, row, total_col, TEXTS["total"].get(book.lang))
