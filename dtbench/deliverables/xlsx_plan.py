"""The Excel action plan: the diagnosis, the initiatives with a month timeline, the KPIs and
their tracking, the organisation registers and the full checklist, in the deliverable
language, as a working tool for the client's PMO.

What dtbench records is written as values; every total and figure derived from other cells
is a simple formula (SUM, SUMIF, COUNTA, COUNTIF, arithmetic; IF/ISNUMBER/COUNT for a status)
that follows when the client changes an input, the same in any locale of Excel, WPS or
LibreOffice (:mod:`dtbench.deliverables.xlsx_cells` lets nothing else in). Scores that rest on
the scoring method (indices, levels, coverage) stay values, explained on the diagnosis sheet.
The conditional formats that draw the timeline use plain DATE/YEAR/MONTH/AND/ISNUMBER. Every
list sheet has a filter and frozen headings; every sheet prints on A4, fitted to the width.
The charts of the summary are native Excel charts, so the client can restyle them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.formatting.rule import ColorScaleRule, FormulaRule
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dtbench.deliverables.cancel import ExportCancelled
from dtbench.deliverables.content import Content
from dtbench.deliverables.files import write_atomically
from dtbench.deliverables.xlsx_blueprint import sheet_systems
from dtbench.deliverables.xlsx_book import (
    BLUE,
    FIRST_ROW,
    GREY,
    HEADER_ROW,
    MAX_MONTHS,
    NAVY,
    ORANGE,
    Col,
    WorkbookWriter,
    option_label,
    style_chart,
    tint_labels,
    value_labels,
)
from dtbench.deliverables.xlsx_cells import put_formula, put_total, safe_criterion
from dtbench.deliverables.xlsx_findings import write_findings_sheet
from dtbench.deliverables.xlsx_investment import write_investment_sheet
from dtbench.deliverables.xlsx_kpis import write_kpi_tracking_sheet
from dtbench.deliverables.xlsx_risks import write_risk_sheet
from dtbench.deliverables.xlsx_texts import T
from dtbench.diagnosis import scoring_method
from dtbench.diagnosis.scale import LEVELS, STATUS_NAMES
from dtbench.diagnosis.scoring import ALL_STATUSES
from dtbench.guide.model import SubItem
from dtbench.plan import catalogue as cat
from dtbench.plan.records import Culture, Organization, PlanItem

__all__ = ["SHEETS", "ExportCancelled", "T", "build_action_plan", "sheet_names"]

# the summary's key figures, in their order (those other sheets count become formulas)
FIGURE_KEYS = (
    "overall_index",
    "completion",
    "level_now",
    "level_target",
    "n_clauses",
    "n_checkpoints",
    "n_phases",
    "n_initiatives",
    "budget_total",
    "n_kpis",
)

SHEETS: tuple[str, ...] = (
    "summary",
    "diagnosis",
    "findings",
    "plan",
    "investment",
    "systems",
    "kpis",
    "kpi_tracking",
    "governance",
    "awareness",
    "org",
    "resistance",
    "risks",
    "checklist",
)


def sheet_names(lang: str) -> list[str]:
    return [T[f"sheet_{key}"].get(lang) for key in SHEETS]


def build_action_plan(
    content: Content,
    target: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the action plan workbook to ``target`` atomically; returns ``target``.

    ``progress(done, total)`` is called after each sheet and after saving; when
    ``cancelled()`` turns true, ``ExportCancelled`` is raised and ``target`` is untouched."""

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled()

    total = len(SHEETS) + 1
    book = _Book(content)
    for done, key in enumerate(SHEETS, start=1):
        check()
        getattr(book, f"sheet_{key}")()
        if progress is not None:
            progress(done, total)
    check()

    book.finish()

    def write(tmp: Path) -> None:
        book.save(tmp)
        check()  # a cancel during the save still leaves the target as it was

    path = write_atomically(Path(target), write)
    if progress is not None:
        progress(total, total)
    return path


# The checklist's status cells: fill and font colour of each answer (Excel's own good/neutral/bad).
_STATUS_TINTS = (
    ("met", "C6EFCE", "006100"),
    ("partly", "FFEB9C", "9C5700"),
    ("not_met", "FFC7CE", "9C0006"),
    ("na", "EDEDED", GREY),
)


class _Book(WorkbookWriter):
    """The action plan being built; one method per sheet."""

    def __init__(self, content: Content) -> None:
        super().__init__(content)
        initiatives = content.items["initiative"]
        self.numbers = {item.uuid: f"I-{n:02d}" for n, item in enumerate(initiatives, start=1)}
        self.phases = {item.uuid: item.record.name for item in content.items["phase"]}

    def sheet_investment(self) -> None:
        write_investment_sheet(self)

    sheet_systems = sheet_systems

    def sheet_summary(self) -> None:
        c = self.c
        r = c.report
        ws = self.sheet("summary", "title_summary")
        self.write(ws, 2, 1, c.profile.client_name).font = self.font(bold=True, size=12)
        widths = {"A": 30.0, "B": 13.0, "C": 13.0, "D": 13.0, "E": 13.0, "F": 3.0}
        for letter, width in widths.items():
            ws.column_dimensions[letter].width = width

        row = 4
        self.section(ws, row, self.t("sec_engagement"))
        info: list[tuple[str, object, str]] = [
            (self.t("client"), c.profile.client_name, ""),
            (self.t("engagement"), c.profile.title, ""),
            (self.t("round"), c.round.name, ""),
            (self.t("assessed_on"), c.round.assessed_on, "yyyy-mm-dd"),
            (self.t("prepared_on"), c.generated, "yyyy-mm-dd"),
        ]
        if c.profile.industry:
            info.insert(1, (self.t("industry"), c.profile.industry, ""))
        if c.profile.consultants:
            info.append((self.t("consultants"), c.profile.consultants, ""))
        if c.deliverable.consulting_firm:
            info.append((self.t("firm"), c.deliverable.consulting_firm, ""))
        for label, value, fmt in info:
            row += 1
            self.key_value(ws, row, label, value, fmt)

        initiatives = [i.record for i in c.items["initiative"]]
        budget = sum(i.budget or 0.0 for i in initiatives)
        row += 2
        self.section(ws, row, self.t("sec_figures"))
        figures: list[tuple[str, object, str]] = [
            (self.t("overall_index"), r.overall_index, "0"),
            (self.t("completion"), r.completion, "0%"),
            (self.t("level_now"), r.current_level, "0.0"),
            (self.t("level_target"), r.target_level, "0.0"),
            (self.t("n_clauses"), len(r.clauses), "0"),
            (self.t("n_checkpoints"), r.total, "0"),
            (self.t("n_phases"), len(c.items["phase"]), "0"),
            (self.t("n_initiatives"), len(initiatives), "0"),
            (self.t("budget_total"), budget, "#,##0.0"),
            (self.t("n_kpis"), len(c.items["kpi"]), "0"),
        ]
        figure_rows: dict[str, int] = {}
        for (label, value, fmt), key in zip(figures, FIGURE_KEYS, strict=True):
            row += 1
            self.key_value(ws, row, label, "—" if value is None else value, fmt)
            figure_rows[key] = row
        self.later.append(lambda: self.summary_figures(ws, figure_rows))

        # scores by area: the charts' data
        row += 2
        self.section(ws, row, self.t("sec_areas"))
        row += 1
        area_top = row
        area_rows = [
            (
                c.area_title(a.key),
                a.index,
                a.current_level,
                a.target_level,
                None
                if a.current_level is None or a.target_level is None
                else a.target_level - a.current_level,
            )
            for a in r.areas
        ]
        cols = [
            Col(self.t("area"), "text"),
            Col(self.t("index"), "num0"),
            Col(self.t("level_now_short"), "num1"),
            Col(self.t("level_target_short"), "num1"),
            Col(self.t("gap"), "num1"),
        ]
        row = self.table(ws, row, cols, area_rows, empty=self.t("no_clauses"), size_columns=False)
        area_last = row
        if area_rows:
            for n in range(area_top + 1, area_last + 1):
                put_formula(ws, n, 5, f'=IF(COUNT(C{n}:D{n})=2,D{n}-C{n},"")')

        # phases
        phases = c.items["phase"]
        if phases or initiatives:
            row += 2
            self.section(ws, row, self.t("sec_phases"))
            row += 1
            phase_rows: list[tuple[object, ...]] = []
            for item in phases:
                mine = [i for i in initiatives if i.phase == item.uuid]
                phase_rows.append(
                    (
                        item.record.name,
                        item.record.start,
                        item.record.end,
                        len(mine),
                        sum(i.budget or 0.0 for i in mine),
                    )
                )
            loose = [i for i in initiatives if i.phase not in self.phases]
            if loose:
                phase_rows.append(
                    (
                        self.t("no_phase"),
                        None,
                        None,
                        len(loose),
                        sum(i.budget or 0.0 for i in loose),
                    )
                )
            cols = [
                Col(self.t("phase"), "text"),
                Col(self.t("start"), "date"),
                Col(self.t("end"), "date"),
                Col(self.t("initiatives"), "int"),
                Col(self.t("budget"), "money"),
            ]
            phase_top = row + 1
            row = self.table(ws, row, cols, phase_rows, empty="", size_columns=False)
            phase_last = row
            row += 1
            total = self.put(ws, row, 1, self.t("total"), bold=True)
            total.fill = self.label_fill
            for col, kind in ((2, "text"), (3, "text"), (4, "int"), (5, "money")):
                self.put(ws, row, col, None, kind, bold=True).fill = self.label_fill
            for col in (4, 5):
                letter = get_column_letter(col)
                put_total(ws, row, col, f"=SUM({letter}{phase_top}:{letter}{phase_last})")
            self.later.append(lambda: self.summary_phases(ws, phase_top, phase_last))

        if len(c.rounds) > 1:
            row += 2
            self.section(ws, row, self.t("sec_rounds"))
            row += 1
            cols = [
                Col(self.t("round_name"), "text"),
                Col(self.t("assessed_on"), "date"),
                Col(self.t("index"), "num0"),
                Col(self.t("level_now_short"), "num1"),
                Col(self.t("completion"), "pct"),
            ]
            round_rows = [
                (rd.name, rd.assessed_on, rep.overall_index, rep.current_level, rep.completion)
                for rd, rep in c.rounds
            ]
            row = self.table(ws, row, cols, round_rows, empty="", size_columns=False)

        if area_rows:
            self.summary_charts(ws, area_top, area_last)
        ws.print_area = f"A1:P{max(row, 44)}"

    def summary_figures(self, ws: Worksheet, rows: dict[str, int]) -> None:
        """The key figures counted and summed from the sheets that list them, so that they
        follow a change there (a budget changed, an initiative added)."""
        ranges = self.ranges
        formulas = {
            "n_clauses": ("COUNTA", "diagnosis.clause"),
            "n_initiatives": ("COUNTA", "plan.no"),
            "budget_total": ("SUM", "plan.budget"),
            "n_kpis": ("COUNTA", "kpis.no"),
            "n_checkpoints": ("SUM", "diagnosis.checkpoints"),
        }
        for key, (function, name) in formulas.items():
            if name in ranges:
                put_total(ws, rows[key], 2, f"={function}({ranges[name]})")
        answered, total = ranges.get("diagnosis.answered"), ranges.get("diagnosis.checkpoints")
        if answered and total and self.c.report.total:
            put_total(ws, rows["completion"], 2, f"=SUM({answered})/SUM({total})")

    def summary_phases(self, ws: Worksheet, first: int, last: int) -> None:
        """Initiatives and budget by phase counted and summed from the action plan by the
        phase's name, where the names can serve as criteria (else the figures stay)."""
        phase, budget = self.ranges.get("plan.phase"), self.ranges.get("plan.budget")
        names = [str(ws.cell(r, 1).value or "") for r in range(first, last + 1)]
        folded = [n.casefold() for n in names]
        if not phase or not budget or len(set(folded)) != len(folded):
            return
        for r, name in zip(range(first, last + 1), names, strict=True):
            if safe_criterion(name):
                put_total(ws, r, 4, f"=COUNTIF({phase},A{r})")
                put_total(ws, r, 5, f"=SUMIF({phase},A{r},{budget})")

    def summary_charts(self, ws: Worksheet, top: int, last: int) -> None:
        cats = Reference(ws, min_col=1, min_row=top + 1, max_row=last)
        radar = RadarChart()
        radar.type = "marker"
        radar.add_data(
            Reference(ws, min_col=3, max_col=4, min_row=top, max_row=last), titles_from_data=True
        )
        radar.set_categories(cats)
        style_chart(radar, self.t("radar_title"), self.font_name)
        radar.y_axis.scaling.min = 0
        radar.y_axis.scaling.max = 5
        radar.y_axis.majorUnit = 1
        radar.y_axis.number_format = "0"
        radar.legend.position = "b"
        for series, color in zip(radar.series, (NAVY, ORANGE), strict=False):
            series.graphicalProperties.line.solidFill = color
            series.graphicalProperties.line.width = 22000
            series.marker.symbol = "circle"
            series.marker.size = 6
            series.marker.graphicalProperties.solidFill = color
            series.marker.graphicalProperties.line.solidFill = color
        radar.width, radar.height = 15.0, 10.0
        ws.add_chart(radar, "G4")

        bar = BarChart()
        bar.type = "bar"  # horizontal: long area names stay readable
        bar.add_data(Reference(ws, min_col=2, min_row=top, max_row=last), titles_from_data=True)
        bar.set_categories(cats)
        style_chart(bar, self.t("bar_title"), self.font_name)
        bar.x_axis.scaling.orientation = "maxMin"  # the first area on top, as in the table
        bar.y_axis.scaling.min = 0
        bar.y_axis.scaling.max = 100
        bar.y_axis.majorUnit = 20
        bar.y_axis.number_format = "0"
        bar.y_axis.crosses = "max"  # with maxMin categories: value axis at the bottom
        bar.legend = None
        bar.gapWidth = 60
        series = bar.series[0]
        series.graphicalProperties.solidFill = BLUE
        series.graphicalProperties.line.solidFill = BLUE
        value_labels(bar, "0")
        bar.width, bar.height = 15.0, 8.0
        ws.add_chart(bar, "G26")

    def sheet_diagnosis(self) -> None:
        c = self.c
        levels = " · ".join(f"{lv.number} {lv.name.get(self.lang)}" for lv in LEVELS)
        formulas = scoring_method.summary().get(self.lang)
        ws = self.sheet("diagnosis", "title_diagnosis", self.t("diag_note", levels, formulas))
        cols = [
            Col(self.t("area"), "text", 10, 22),
            Col(self.t("clause"), "center", 7, 9),
            Col(self.t("clause_title"), "text", 16, 34),
            Col(self.t("weight"), "num1", 7, 8),
            Col(self.t("level_now_short"), "int", 8, 9),
            Col(self.t("level_target_short"), "int", 8, 9),
            Col(self.t("gap"), "int", 7, 8),
            Col(self.t("priority"), "num1", 8, 9),
            Col(self.t("coverage"), "pct", 9, 10),
            Col(self.t("answered"), "int", 8, 9),
            Col(self.t("checkpoints"), "int", 8, 9),
        ]
        rows = [
            (
                c.area_title(cl.area),
                cl.key,
                cl.title,
                cl.score.weight,
                cl.score.current,
                cl.score.target,
                cl.score.gap,
                cl.score.priority,
                cl.score.coverage,
                cl.score.answered,
                cl.score.total,
            )
            for cl in c.clauses
        ]
        last = self.table(ws, HEADER_ROW, cols, rows, empty=self.t("no_clauses"))
        if rows:
            for key, col in (("clause", 2), ("answered", 10), ("checkpoints", 11)):
                self.column_range(f"diagnosis.{key}", ws, col, FIRST_ROW, last)
            for r in range(FIRST_ROW, last + 1):
                # gap = target − current; priority = weight × ((1 + gap)² − 1) for a gap > 0
                put_formula(ws, r, 7, f'=IF(COUNT(E{r}:F{r})=2,F{r}-E{r},"")')
                put_formula(ws, r, 8, f"=D{r}*((1+MAX(G{r},0))^2-1)")
            span = f"{FIRST_ROW}:{{0}}{last}"
            cf = ws.conditional_formatting
            cf.add(
                "I" + span.format("I"),
                ColorScaleRule(
                    start_type="num",
                    start_value=0,
                    start_color="F8696B",
                    mid_type="num",
                    mid_value=0.5,
                    mid_color="FFEB84",
                    end_type="num",
                    end_value=1,
                    end_color="63BE7B",
                ),
            )
            # a gap left blank (no level) is text, which Excel ranks above any number
            gap = f"G{FIRST_ROW}"
            for test, color in (
                (f"{gap}>=3", "F4B183"),
                (f"{gap}=2", "F8CBAD"),
                (f"{gap}=1", "FCE4D6"),
            ):
                cf.add(
                    "G" + span.format("G"),
                    FormulaRule(
                        formula=[f"AND(ISNUMBER({gap}),{test})"],
                        fill=PatternFill("solid", start_color=color, end_color=color),
                        stopIfTrue=True,
                    ),
                )
            cf.add(
                "H" + span.format("H"),
                ColorScaleRule(
                    start_type="num",
                    start_value=0,
                    start_color="FFFFFF",
                    end_type="max",
                    end_color="F4B183",
                ),
            )
        self.finish_list(ws, len(cols), last, freeze=f"D{FIRST_ROW}")

    def sheet_findings(self) -> None:
        write_findings_sheet(self)

    def sheet_plan(self) -> None:
        c = self.c
        lang = self.lang
        items = c.items["initiative"]
        ws = self.sheet("plan", "title_plan", self.t("plan_note"))
        cols = [
            Col(self.t("no"), "center", 6, 7),
            Col(self.t("initiative"), "text", 20, 28),
            Col(self.t("phase"), "text", 10, 20),
            Col(self.t("owner"), "center", 8, 10),
            Col(self.t("start"), "date", 11, 11),
            Col(self.t("end"), "date", 11, 11),
            Col(self.t("budget"), "money", 9, 10),
            Col(self.t("value"), "int", 8, 9),
            Col(self.t("effort"), "int", 8, 9),
            Col(self.t("status"), "center", 9, 12),
            Col(self.t("depends"), "text", 8, 14),
            Col(self.t("clauses"), "text", 8, 16),
            Col(self.t("consulting"), "text", 9, 14),
        ]
        rows = []
        for item in items:
            i = item.record
            if i.consulting_task:
                consulting = option_label(cat.CONSULTING_TASKS, i.consulting_task, lang)
            elif i.consulting:
                consulting = self.t("consulting_yes")
            else:
                consulting = ""
            rows.append(
                (
                    self.numbers[item.uuid],
                    i.title,
                    self.phases.get(i.phase, self.t("no_phase")),
                    i.owner,
                    i.start,
                    i.end,
                    i.budget,
                    i.value,
                    i.effort,
                    option_label(cat.INITIATIVE_STATUSES, i.status, lang),
                    ", ".join(self.numbers[u] for u in i.depends_on if u in self.numbers),
                    ", ".join(i.clauses),
                    consulting,
                )
            )
        last = self.table(ws, HEADER_ROW, cols, rows, empty=self.t("no_initiatives"))
        ncols = len(cols)
        bottom = last
        if rows:
            for key, col in (("no", 1), ("phase", 3), ("budget", 7)):
                self.column_range(f"plan.{key}", ws, col, FIRST_ROW, last)
            bottom = last + 1  # the total, below the filtered rows
            for col in range(1, ncols + 1):
                kind = "money" if col == 7 else "text"
                self.put(ws, bottom, col, None, kind, bold=True).fill = self.label_fill
            self.write(ws, bottom, 2, self.t("total"))
            put_total(ws, bottom, 7, f"=SUM(G{FIRST_ROW}:G{last})")
        ws.row_dimensions[HEADER_ROW].height = max(ws.row_dimensions[HEADER_ROW].height or 0, 46)
        self.fit_note(ws, ncols)
        first_month_col = ncols + 1
        months = _months(items)
        if rows:
            labels = [o.label.get(lang) for o in cat.INITIATIVE_STATUSES]
            self.status_list(ws, labels, 10, FIRST_ROW, last)
            # the secondary columns can be folded away on a small screen
            # (one dimension per column: openpyxl's group() writes overlapping ranges)
            for letter in ("G", "H", "I", "K", "L", "M"):
                ws.column_dimensions[letter].outline_level = 1
        if rows and months:
            self.timeline(
                ws,
                months,
                first_month_col,
                last,
                done=option_label(cat.INITIATIVE_STATUSES, "done", lang),
            )
        elif rows:
            self.empty_note(ws, 3, self.t("no_dates"), first_month_col)
        ws.freeze_panes = f"{get_column_letter(first_month_col)}{FIRST_ROW}"
        if rows:
            ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncols)}{last}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        right = ncols + len(months)
        ws.print_area = f"A1:{get_column_letter(right)}{max(bottom, FIRST_ROW)}"

    def timeline(
        self, ws: Worksheet, months: list[date], first_col: int, last: int, done: str
    ) -> None:
        """Month columns: the header holds the first day of the month (shown yyyy-mm); the
        bars are conditional formats, so editing a start or end date moves the bar."""
        thin = Side(style="thin", color="D9D9D9")
        year = Side(style="thin", color=GREY)
        header_align = Alignment(horizontal="center", vertical="center", text_rotation=90)
        for n, month in enumerate(months):
            col = first_col + n
            cell = self.header(ws, HEADER_ROW, col, month)
            cell.number_format = "yyyy-mm"
            cell.alignment = header_align
            ws.column_dimensions[get_column_letter(col)].width = 3.2
            left = year if month.month == 1 and n else thin
            border = Border(left=left, right=thin, top=thin, bottom=thin)
            for row in range(FIRST_ROW, last + 1):
                ws.cell(row, col).border = border
        a = get_column_letter(first_col)
        z = get_column_letter(first_col + len(months) - 1)
        area = f"{a}{FIRST_ROW}:{z}{last}"
        on = (
            f"AND(ISNUMBER($E{FIRST_ROW}),ISNUMBER($F{FIRST_ROW}),"
            f"$E{FIRST_ROW}<DATE(YEAR({a}${HEADER_ROW}),MONTH({a}${HEADER_ROW})+1,1),"
            f"$F{FIRST_ROW}>={a}${HEADER_ROW})"
        )
        escaped = done.replace('"', '""')
        finished = f'AND($J{FIRST_ROW}="{escaped}",{on})'
        dark = PatternFill("solid", start_color=NAVY, end_color=NAVY)
        light = PatternFill("solid", start_color=BLUE, end_color=BLUE)
        ws.conditional_formatting.add(area, FormulaRule(formula=[finished], fill=dark))
        ws.conditional_formatting.add(area, FormulaRule(formula=[on], fill=light))

    def sheet_kpis(self) -> None:
        c = self.c
        lang = self.lang
        sep = "、" if lang == "zh" else ", "
        ws = self.sheet("kpis", "title_kpis", self.t("kpi_note"))
        phases = c.items["phase"]
        cols = [
            Col(self.t("no"), "center", 6, 7),
            Col(self.t("category"), "text", 8, 14),
            Col(self.t("kpi_name"), "text", 12, 20),
            Col(self.t("definition"), "text", 20, 36),
            Col(self.t("unit"), "center", 6, 10),
            Col(self.t("calculation"), "text", 16, 28),
            Col(self.t("data_source"), "text", 16, 26),
            Col(self.t("data_owner"), "center", 8, 10),
            Col(self.t("analysis"), "text", 10, 14),
            Col(self.t("frequency"), "center", 6, 9),
            Col(self.t("baseline"), "text", 12, 22),
            *(Col(self.t("target_of", p.record.name), "center", 10, 14) for p in phases),
            Col(self.t("linked"), "text", 8, 16),
        ]
        rows = []
        for n, item in enumerate(c.items["kpi"], start=1):
            k = item.record
            rows.append(
                (
                    f"K-{n:02d}",
                    option_label(cat.KPI_CATEGORIES, k.category, lang),
                    k.name,
                    k.definition,
                    k.unit,
                    k.calculation,
                    k.data_source,
                    k.owner,
                    sep.join(option_label(cat.ANALYSIS_METHODS, a, lang) for a in k.analysis),
                    option_label(cat.FREQUENCIES, k.frequency, lang),
                    k.baseline,
                    *(k.targets.get(p.uuid, "") for p in phases),
                    ", ".join(self.numbers[u] for u in k.initiatives if u in self.numbers),
                )
            )
        last = self.table(ws, HEADER_ROW, cols, rows, empty=self.t("no_kpis"))
        self.column_range("kpis.no", ws, 1, FIRST_ROW, last if rows else 0)
        self.finish_list(ws, len(cols), last, freeze=f"D{FIRST_ROW}")

    def sheet_kpi_tracking(self) -> None:
        numbers = {item.uuid: f"K-{n:02d}" for n, item in enumerate(self.c.items["kpi"], 1)}
        write_kpi_tracking_sheet(self, numbers)

    def sheet_governance(self) -> None:
        lang = self.lang
        ws = self.sheet("governance", "title_governance")
        cols = [
            Col(self.t("role"), "text", 14, 20),
            Col(self.t("name"), "center", 8, 12),
            Col(self.t("position"), "text", 16, 30),
            Col(self.t("responsibilities"), "text", 40, 70),
        ]
        rows = [
            (
                option_label(cat.GOVERNANCE_ROLES, g.record.role, lang),
                g.record.name,
                g.record.position,
                g.record.responsibilities,
            )
            for g in self.c.items["governance"]
        ]
        last = self.table(ws, HEADER_ROW, cols, rows, empty=self.t("no_governance"))
        self.finish_list(ws, len(cols), last)

    def sheet_awareness(self) -> None:
        lang = self.lang
        ws = self.sheet("awareness", "title_awareness")
        cols = [
            Col(self.t("kind"), "text", 14, 20),
            Col(self.t("item"), "text", 20, 34),
            Col(self.t("owner"), "center", 8, 10),
            Col(self.t("due"), "date", 11, 11),
            Col(self.t("status"), "center", 9, 12),
            Col(self.t("note"), "text", 30, 60),
        ]
        rows: list[tuple[object, ...]] = []
        for item in self.c.items["action"]:
            a = item.record
            kind = self.t("aw_managers" if a.audience == "managers" else "aw_employees")
            status = option_label(cat.ACTION_STATUSES, a.status, lang)
            rows.append((kind, a.title, a.owner, a.due, status, a.note))
        for item in self.c.items["change_step"]:
            s = item.record
            status = option_label(cat.ACTION_STATUSES, s.status, lang)
            rows.append((self.t("change_step"), s.title, s.owner, s.due, status, s.note))
        last = self.table(ws, HEADER_ROW, cols, rows, empty=self.t("no_awareness"))
        if rows:
            labels = [o.label.get(lang) for o in cat.ACTION_STATUSES]
            self.status_list(ws, labels, 5, FIRST_ROW, last)
        self.finish_list(ws, len(cols), last)

    def sheet_resistance(self) -> None:
        lang = self.lang
        ws = self.sheet("resistance", "title_resistance")
        cols = [
            Col(self.t("no"), "center", 6, 7),
            Col(self.t("source"), "text", 14, 22),
            Col(self.t("cause"), "center", 7, 12),
            Col(self.t("description"), "text", 24, 40),
            Col(self.t("mitigation"), "text", 30, 50),
            Col(self.t("owner"), "center", 8, 10),
            Col(self.t("status"), "center", 9, 12),
        ]
        rows = [
            (
                f"R-{n:02d}",
                item.record.source,
                option_label(cat.RESISTANCE_CAUSES, item.record.cause, lang),
                item.record.description,
                item.record.mitigation,
                item.record.owner,
                option_label(cat.ACTION_STATUSES, item.record.status, lang),
            )
            for n, item in enumerate(self.c.items["resistance"], start=1)
        ]
        last = self.table(ws, HEADER_ROW, cols, rows, empty=self.t("no_resistance"))
        if rows:
            labels = [o.label.get(lang) for o in cat.ACTION_STATUSES]
            self.status_list(ws, labels, 7, FIRST_ROW, last)
        self.finish_list(ws, len(cols), last, freeze=f"C{FIRST_ROW}")

    def sheet_risks(self) -> None:
        write_risk_sheet(self, self.numbers)

    def sheet_org(self) -> None:
        lang = self.lang
        ws = self.sheet("org", "title_org")
        org = self.c.values["organization"]
        culture = self.c.values["culture"]
        assert isinstance(org, Organization) and isinstance(culture, Culture)
        for letter, width in (("A", 24.0), ("B", 24.0), ("C", 24.0), ("D", 56.0), ("E", 3.0)):
            ws.column_dimensions[letter].width = width
        yes, no = self.t("yes"), self.t("no_answer")

        def block(
            top: int, title: str, cols: list[Col], rows: list[tuple[object, ...]], empty: str
        ) -> int:
            """A titled table; returns its last row."""
            self.section(ws, top, title)
            return self.table(ws, top + 1, cols, rows, empty=empty, size_columns=False)

        shape_rows: list[tuple[object, ...]] = []
        for key, options, now, goal in (
            ("org_shape", cat.ORG_SHAPES, org.shape_now, org.shape_target),
            ("org_driver", cat.ORG_DRIVERS, org.driver_now, org.driver_target),
            ("org_relation", cat.MANAGEMENT_RELATIONS, org.relation_now, org.relation_target),
        ):
            if now or goal:
                shape_rows.append(
                    (
                        self.t(key),
                        option_label(options, now, lang),
                        option_label(options, goal, lang),
                        "",
                    )
                )
        if org.mode or org.mode_rationale:
            mode = option_label(cat.TRANSFORMATION_MODES, org.mode, lang)
            shape_rows.append((self.t("org_mode"), "—", mode, org.mode_rationale))
        if org.notes:
            shape_rows.append((self.t("org_notes"), "—", "—", org.notes))
        head = [
            Col(self.t("aspect")),
            Col(self.t("now")),
            Col(self.t("target")),
            Col(self.t("note")),
        ]
        last = block(HEADER_ROW, self.t("sec_shape"), head, shape_rows, self.t("no_org"))

        trait_rows: list[tuple[object, ...]] = []
        for option in cat.CULTURE_TRAITS:
            rating = culture.traits.get(option.code)
            if rating is None or (rating.now is None and rating.target is None):
                continue
            gap = (
                None if rating.now is None or rating.target is None else rating.target - rating.now
            )
            trait_rows.append((option.label.get(lang), rating.now, rating.target, gap))
        head = [
            Col(self.t("trait")),
            Col(self.t("now"), "int"),
            Col(self.t("target"), "int"),
            Col(self.t("gap"), "int"),
        ]
        traits_top = last + 2
        traits_last = block(traits_top, self.t("sec_traits"), head, trait_rows, self.t("no_traits"))
        if trait_rows:
            for r in range(traits_top + 2, traits_last + 1):
                put_formula(ws, r, 4, f'=IF(COUNT(B{r}:C{r})=2,C{r}-B{r},"")')

        target_rows: list[tuple[object, ...]] = [
            (
                option.label.get(lang),
                yes if culture.targets[option.code].adopted else no,
                culture.targets[option.code].note,
            )
            for option in cat.CULTURE_TARGETS
            if option.code in culture.targets
        ]
        head = [Col(self.t("goal")), Col(self.t("adopted"), "center"), Col(self.t("note"), span=2)]
        last = block(
            traits_last + 2,
            self.t("sec_culture_targets"),
            head,
            target_rows,
            self.t("no_culture_targets"),
        )

        measure_rows: list[tuple[object, ...]] = []
        for sub in _subitems(self.c, cat.CULTURE_MEASURES_ITEM):
            if sub.key in culture.measures:
                adoption = culture.measures[sub.key]
                text = sub.text.get(lang).rstrip("；;。.")
                measure_rows.append((text, yes if adoption.adopted else no, adoption.note))
        head = [
            Col(self.t("measure")),
            Col(self.t("adopted"), "center"),
            Col(self.t("note"), span=2),
        ]
        last = block(last + 2, self.t("sec_measures"), head, measure_rows, self.t("no_measures"))

        right = "D"
        if trait_rows:
            chart = BarChart()
            chart.type = "col"
            chart.add_data(
                Reference(ws, min_col=2, max_col=3, min_row=traits_top + 1, max_row=traits_last),
                titles_from_data=True,
            )
            chart.set_categories(
                Reference(ws, min_col=1, min_row=traits_top + 2, max_row=traits_last)
            )
            style_chart(chart, self.t("traits_chart"), self.font_name)
            chart.y_axis.scaling.min = 0
            chart.y_axis.scaling.max = 5
            chart.y_axis.majorUnit = 1
            chart.legend.position = "b"
            chart.gapWidth = 60
            for series, color in zip(chart.series, (NAVY, ORANGE), strict=False):
                series.graphicalProperties.solidFill = color
                series.graphicalProperties.line.solidFill = color
            chart.width, chart.height = 13.0, 7.5
            ws.add_chart(chart, f"F{traits_top}")
            right = "M"
        ws.print_area = f"A1:{right}{max(last, traits_top + 16 if trait_rows else 0)}"

    def sheet_checklist(self) -> None:
        c = self.c
        lang = self.lang
        ws = self.sheet("checklist", "title_checklist", self.t("checklist_note", c.round.name))
        cols = [
            Col(self.t("clause"), "center", 7, 9),
            Col(self.t("clause_title"), "text", 14, 22),
            Col(self.t("item_ref"), "center", 5, 6),
            Col(self.t("sub_ref"), "center", 5, 7),
            Col(self.t("checkpoint"), "text", 40, 60),
            Col(self.t("status"), "center", 9, 12),
            Col(self.t("note"), "text", 30, 50),
        ]
        rows = []
        indents = []
        for cl in c.clauses:
            item = ""
            for line in cl.lines:
                # every row names its item, so that a filtered sub-item still shows it
                if line.is_item:
                    item = line.ref
                rows.append(
                    (
                        cl.key,
                        cl.title,
                        item,
                        "" if line.is_item else line.ref,
                        line.text,
                        STATUS_NAMES[line.status].get(lang),
                        line.note,
                    )
                )
                indents.append(0 if line.is_item else 2)
        last = self.table(
            ws,
            HEADER_ROW,
            cols,
            rows,
            empty=self.t("no_checkpoints"),
            indents=indents,
            indent_col=4,
        )
        if rows:
            labels = [STATUS_NAMES[s].get(lang) for s in ALL_STATUSES]
            self.status_list(ws, labels, 6, FIRST_ROW, last)
            tint_labels(
                ws,
                f"F{FIRST_ROW}:F{last}",
                [(STATUS_NAMES[s].get(lang), fill, color) for s, fill, color in _STATUS_TINTS],
            )
        self.finish_list(ws, len(cols), last, freeze=f"E{FIRST_ROW}")


def _subitems(content: Content, item_key: str) -> tuple[SubItem, ...]:
    """The sub-items of a guide item (e.g. the culture evaluation measures 6.3.2.i)."""
    clause_key = item_key.rsplit(".", 1)[0]
    try:
        clause = content.guide.clause(clause_key)
    except KeyError:
        return ()
    return next((i.subitems for i in clause.items if i.key == item_key), ())


def _months(items: Sequence[PlanItem]) -> list[date]:
    """First days of the months from the earliest start to the latest end of the initiatives."""
    dates = [d for i in items for d in (i.record.start, i.record.end) if d is not None]
    if not dates:
        return []
    first, last = min(dates), max(dates)
    months: list[date] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month) and len(months) < MAX_MONTHS:
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
