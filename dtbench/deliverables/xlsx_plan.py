"""The Excel action plan: the diagnosis, the initiatives with a month timeline, the KPIs, the
organisation registers and the full checklist, in the deliverable language.

Cells hold values, never formulas, except the conditional-formatting rules that draw the
timeline (plain DATE/YEAR/MONTH/AND/ISNUMBER, stored in the file's locale-independent syntax).
The charts of the summary are native Excel charts, so the client can restyle them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.text import RichText
from openpyxl.chart.text import Text as ChartText
from openpyxl.chart.title import Title
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.drawing.text import (
    Font as DrawingFont,
)
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule, FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from dtbench.deliverables.cancel import ExportCancelled
from dtbench.deliverables.content import Content
from dtbench.deliverables.files import write_atomically
from dtbench.diagnosis.scale import LEVELS, STATUS_NAMES
from dtbench.diagnosis.scoring import ALL_STATUSES
from dtbench.guide.model import SubItem, Text
from dtbench.plan import catalogue as cat
from dtbench.plan.records import Culture, Organization, PlanItem

__all__ = ["SHEETS", "ExportCancelled", "T", "build_action_plan", "sheet_names"]

T: dict[str, Text] = {
    # sheet names (≤ 31 characters, none of []:*?/\)
    "sheet_summary": Text("概览", "Summary"),
    "sheet_diagnosis": Text("现状诊断", "Diagnosis"),
    "sheet_plan": Text("行动计划", "Action plan"),
    "sheet_kpis": Text("绩效指标", "KPIs"),
    "sheet_governance": Text("治理组织", "Governance"),
    "sheet_awareness": Text("宣贯与变革", "Awareness & change"),
    "sheet_org": Text("组织与文化", "Organization & culture"),
    "sheet_resistance": Text("阻力登记", "Resistance register"),
    "sheet_checklist": Text("检查清单", "Checklist"),
    # titles of the sheets
    "title_summary": Text("数字化转型行动计划", "Digital transformation action plan"),
    "title_diagnosis": Text(
        "现状诊断：各条款的成熟度与差距", "Diagnosis: maturity and gaps by clause"
    ),
    "title_plan": Text("行动计划与时间轴", "Action plan and timeline"),
    "title_kpis": Text("关键绩效指标", "Key performance indicators"),
    "title_governance": Text("数字化转型治理组织", "Transformation governance"),
    "title_awareness": Text("数字化意识提升与组织变革步骤", "Awareness actions and change steps"),
    "title_org": Text("组织形态与数字文化", "Organization and digital culture"),
    "title_resistance": Text("转型阻力登记", "Resistance register"),
    "title_checklist": Text("诊断检查清单", "Diagnosis checklist"),
    "subtitle": Text("%1 · %2 · 编制日期 %3", "%1 · %2 · prepared %3"),
    # summary
    "sec_engagement": Text("项目信息", "Engagement"),
    "sec_figures": Text("关键数字", "Key figures"),
    "sec_areas": Text("各领域得分", "Scores by area"),
    "sec_phases": Text("分阶段概览", "Phases"),
    "sec_rounds": Text("历次评估", "Assessment rounds"),
    "client": Text("客户", "Client"),
    "engagement": Text("项目", "Engagement"),
    "industry": Text("行业", "Industry"),
    "round": Text("评估轮次", "Assessment round"),
    "assessed_on": Text("评估日期", "Assessed on"),
    "prepared_on": Text("编制日期", "Prepared on"),
    "consultants": Text("咨询顾问", "Consultants"),
    "firm": Text("咨询机构", "Consulting firm"),
    "overall_index": Text("总体指数（0–100）", "Overall index (0–100)"),
    "completion": Text("诊断完成度", "Diagnosis completion"),
    "level_now": Text("平均成熟度等级（现状）", "Average maturity level (current)"),
    "level_target": Text("平均成熟度等级（目标）", "Average maturity level (target)"),
    "n_clauses": Text("诊断条款", "Clauses assessed"),
    "n_checkpoints": Text("检查项", "Checkpoints"),
    "n_phases": Text("实施阶段", "Phases"),
    "n_initiatives": Text("举措", "Initiatives"),
    "budget_total": Text("预算合计（万元）", "Total budget (CNY 10,000)"),
    "n_kpis": Text("关键绩效指标", "Key performance indicators"),
    "area": Text("领域", "Area"),
    "index": Text("指数", "Index"),
    "now": Text("现状", "Current"),
    "target": Text("目标", "Target"),
    "level_now_short": Text("现状等级", "Current level"),
    "level_target_short": Text("目标等级", "Target level"),
    "gap": Text("差距", "Gap"),
    "phase": Text("阶段", "Phase"),
    "start": Text("开始", "Start"),
    "end": Text("结束", "End"),
    "initiatives": Text("举措数", "Initiatives"),
    "budget": Text("预算（万元）", "Budget (CNY 10,000)"),
    "round_name": Text("轮次", "Round"),
    "radar_title": Text(
        "各领域成熟度等级：现状与目标", "Maturity level by area: current and target"
    ),
    "bar_title": Text("各领域指数", "Index by area"),
    "no_phase": Text("未分阶段", "No phase"),
    "none": Text("无", "None"),
    # diagnosis
    "diag_note": Text(
        "成熟度等级：%1。差距 = 目标等级 − 现状等级；优先级 = 权重 × ((1 + 差距)² − 1)；"
        "覆盖率 = 适用检查项的平均得分（符合 1，部分符合 0.5，不符合 0）。",
        "Maturity levels: %1. Gap = target − current level; priority = weight × "
        "((1 + gap)² − 1); coverage = mean score of the applicable checkpoints (met 1, partly "
        "met 0.5, not met 0).",
    ),
    "clause": Text("条款", "Clause"),
    "clause_title": Text("条款名称", "Clause title"),
    "weight": Text("权重", "Weight"),
    "priority": Text("优先级", "Priority"),
    "coverage": Text("覆盖率", "Coverage"),
    "answered": Text("已回答", "Answered"),
    "checkpoints": Text("检查项数", "Checkpoints"),
    "no_clauses": Text(
        "本项目没有纳入诊断范围的条款。", "No clause is in the scope of this engagement."
    ),
    # action plan
    "plan_note": Text(
        "预算单位：万元。预期价值与投入难度按1–5分评定。时间轴按月显示各举措的起止时间（深色为已完成）。",
        "Budgets in CNY 10,000. Expected value and effort are rated 1–5. The timeline shows "
        "each initiative's months (darker: done).",
    ),
    "no": Text("编号", "No."),
    "initiative": Text("举措", "Initiative"),
    "owner": Text("负责人", "Owner"),
    "value": Text("预期价值（1–5）", "Value (1–5)"),
    "effort": Text("投入难度（1–5）", "Effort (1–5)"),
    "status": Text("状态", "Status"),
    "depends": Text("前置举措", "Depends on"),
    "clauses": Text("关联条款", "Clauses"),
    "consulting": Text("咨询任务", "Consulting task"),
    "consulting_yes": Text("外部咨询", "External consulting"),
    "no_initiatives": Text("尚未规划举措。", "No initiative has been planned yet."),
    "no_dates": Text(
        "举措尚未设置日期，因此没有时间轴。",
        "No initiative has dates yet, so there is no timeline.",
    ),
    # KPIs
    "kpi_note": Text(
        "每项指标的目标值按实施阶段列出；关联举措的编号见“行动计划”。",
        "Targets are listed by phase; the numbers of the linked initiatives refer to the "
        "action plan.",
    ),
    "category": Text("类别", "Category"),
    "kpi_name": Text("指标名称", "Indicator"),
    "definition": Text("定义", "Definition"),
    "unit": Text("单位", "Unit"),
    "calculation": Text("计算方法", "Calculation"),
    "data_source": Text("数据来源", "Data source"),
    "data_owner": Text("数据收集责任者", "Data owner"),
    "analysis": Text("分析方法", "Analysis methods"),
    "frequency": Text("频次", "Frequency"),
    "baseline": Text("基线", "Baseline"),
    "target_of": Text("目标：%1", "Target: %1"),
    "linked": Text("关联举措", "Initiatives"),
    "no_kpis": Text("尚未设定关键绩效指标。", "No key performance indicator has been set yet."),
    # governance, awareness, change, resistance
    "role": Text("角色", "Role"),
    "name": Text("姓名", "Name"),
    "position": Text("职务", "Position"),
    "responsibilities": Text("职责", "Responsibilities"),
    "no_governance": Text(
        "尚未确定治理组织成员。", "No member of the governance body has been named yet."
    ),
    "kind": Text("类别", "Type"),
    "item": Text("事项", "Item"),
    "due": Text("完成期限", "Due"),
    "note": Text("说明", "Note"),
    "aw_managers": Text("管理者意识提升（6.1.3）", "Managers' awareness (6.1.3)"),
    "aw_employees": Text("员工意识提升（6.1.4）", "Employees' awareness (6.1.4)"),
    "change_step": Text("组织变革步骤（6.3.1 h）", "Change step (6.3.1 h)"),
    "no_awareness": Text(
        "尚未安排意识提升活动和组织变革步骤。",
        "No awareness action or change step has been planned yet.",
    ),
    "source": Text("阻力来源", "Source"),
    "cause": Text("原因", "Cause"),
    "description": Text("表现", "Description"),
    "mitigation": Text("应对措施", "Mitigation"),
    "no_resistance": Text("尚未登记转型阻力。", "No resistance has been recorded yet."),
    # organization and culture
    "sec_shape": Text("组织形态（6.3.1）", "Organizational form (6.3.1)"),
    "aspect": Text("方面", "Aspect"),
    "org_shape": Text("组织结构", "Structure"),
    "org_driver": Text("驱动方式", "Driver"),
    "org_relation": Text("管理关系", "Management relation"),
    "org_mode": Text("转变方式", "Mode of change"),
    "org_notes": Text("总体说明", "Overall notes"),
    "no_org": Text("尚未描述组织形态。", "The organizational form has not been described yet."),
    "sec_traits": Text(
        "数字文化特征（6.3.2 e，1–5分）", "Digital culture traits (6.3.2 e, rated 1–5)"
    ),
    "trait": Text("特征", "Trait"),
    "no_traits": Text("尚未评价文化特征。", "The culture traits have not been rated yet."),
    "traits_chart": Text("数字文化特征：现状与目标", "Digital culture traits: current and target"),
    "sec_culture_targets": Text("文化塑造目标（6.3.2 d）", "Culture goals (6.3.2 d)"),
    "goal": Text("目标", "Goal"),
    "adopted": Text("采纳", "Adopted"),
    "yes": Text("是", "Yes"),
    "no_answer": Text("否", "No"),
    "no_culture_targets": Text("尚未确定文化塑造目标。", "No culture goal has been set yet."),
    "sec_measures": Text("文化评价措施（6.3.2 i）", "Culture evaluation measures (6.3.2 i)"),
    "measure": Text("措施", "Measure"),
    "no_measures": Text("尚未确定文化评价措施。", "No evaluation measure has been chosen yet."),
    # checklist
    "checklist_note": Text(
        "本表列出纳入诊断范围的全部检查项及本轮（%1）的评估结果。",
        "Every checkpoint of the clauses in scope, with the result of this round (%1).",
    ),
    "ref": Text("编号", "Ref."),
    "checkpoint": Text("检查项", "Checkpoint"),
    "no_checkpoints": Text("没有检查项。", "There are no checkpoints."),
    # print
    "footer": Text("第 &P 页，共 &N 页", "Page &P of &N"),
    "invalid_status": Text("请从列表中选择状态。", "Please choose a status from the list."),
}

SHEETS: tuple[str, ...] = (
    "summary",
    "diagnosis",
    "plan",
    "kpis",
    "governance",
    "awareness",
    "org",
    "resistance",
    "checklist",
)

FONTS = {"zh": "等线", "en": "Calibri"}
EAST_ASIAN_FONT = "等线"  # for Chinese text in charts, whatever the language
SIZE = 10
NAVY = "1F4E79"
BLUE = "5B9BD5"
ORANGE = "ED7D31"
LIGHT = "DDEBF7"
GRID = "BFBFBF"
GREY = "595959"

HEADER_ROW = 4  # row 1 title, 2 subtitle, 3 note; the table header of every list sheet
FIRST_ROW = HEADER_ROW + 1
MAX_MONTHS = 120  # a timeline longer than ten years is cut at ten years
A4, A3 = 9, 8  # openpyxl paper sizes
A4_WIDTH = 150  # character widths that still print legibly on A4 landscape


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

    def write(tmp: Path) -> None:
        book.wb.save(tmp)
        check()  # a cancel during the save still leaves the target as it was

    path = write_atomically(Path(target), write)
    if progress is not None:
        progress(total, total)
    return path


# ------------------------------------------------------------------ helpers
def text_width(value: str) -> float:
    """Display width in Excel column units: East Asian wide characters count double."""
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value))


def _fmt_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _label(options: tuple[cat.Option, ...], code: str, lang: str) -> str:
    return cat.label(options, code, lang) if code else ""


@dataclass(frozen=True)
class Col:
    """A table column: header text, cell kind, and width bounds."""

    title: str
    kind: str = "text"
    min_width: float = 6.0
    max_width: float = 40.0
    span: int = 1  # sheet columns merged into this one (their widths are set by the sheet)


# cell kinds: alignment and number format
_KINDS: dict[str, tuple[str, str, bool]] = {
    # kind: horizontal alignment, number format, wrap
    "text": ("left", "General", True),
    "center": ("center", "General", True),
    "date": ("center", "yyyy-mm-dd", False),
    "int": ("center", "0", False),
    "num0": ("right", "0", False),
    "num1": ("right", "0.0", False),
    "pct": ("right", "0%", False),
    "money": ("right", "#,##0.0", False),
}


def _shown(value: object, kind: str) -> str:
    """Roughly how a value is displayed, to size its column."""
    if value is None:
        return ""
    if isinstance(value, date):
        return "2026-01-01"
    if kind == "pct" and isinstance(value, float):
        return f"{value:.0%}"
    if kind in ("num1", "money") and isinstance(value, int | float):
        return f"{value:,.1f}"
    if isinstance(value, float):
        return f"{value:.0f}"
    return str(value)


def _longest_line(value: str) -> float:
    return max((text_width(line) for line in value.splitlines()), default=0.0)


def _longest_word(value: str) -> float:
    """The widest Latin word of a header (bold), which Excel would otherwise break."""
    words = [w for w in value.split() if not any(text_width(ch) > 1 for ch in w)]
    return max((len(w) * 0.9 for w in words), default=0.0)


def _tokens(paragraph: str) -> list[float]:
    """Widths of the units a line may break between: wide characters one by one, other
    runs word by word (with their trailing space). A 10 pt Latin character is about 0.8 of
    a column unit (the width of a digit in the 11 pt default font), a Chinese one about 2."""
    out: list[float] = []
    word = 0.0
    for ch in paragraph:
        if unicodedata.east_asian_width(ch) in "WF":
            if word:
                out.append(word)
                word = 0.0
            out.append(2.0)
        else:
            word += 0.8
            if ch == " ":
                out.append(word)
                word = 0.0
    if word:
        out.append(word)
    return out


def line_count(value: str, width: float) -> int:
    """How many lines a wrapped cell of ``width`` (Excel column units) shows, erring high."""
    room = max(width - 0.8, 1.0)
    lines = 0
    for paragraph in value.split("\n"):
        lines += 1
        used = 0.0
        for token in _tokens(paragraph):
            if used and used + token > room:
                lines += 1
                used = 0.0
            used += token
            while used > room:  # a word longer than the cell is broken anywhere
                lines += 1
                used -= room
    return max(lines, 1)


LINE_HEIGHT = 13.5  # points per line of 10 pt text


class _Book:
    """The workbook being built; one method per sheet."""

    def __init__(self, content: Content) -> None:
        self.c = content
        self.lang = content.lang
        self.wb = Workbook()
        name = FONTS["zh" if self.lang == "zh" else "en"]
        self.font_name = name
        # The "Normal" style (empty cells, the width unit of columns) in the same font.
        normal = Font(name=name, size=11, charset=134 if self.lang == "zh" else None)
        self.wb._fonts[0] = normal  # the default font; openpyxl has no public API for it
        self.wb._named_styles["Normal"].font = normal
        self.fonts: dict[tuple[bool, bool, str, float], Font] = {}
        self.aligns: dict[tuple[str, bool, int, int], Alignment] = {}
        side = Side(style="thin", color=GRID)
        self.border = Border(left=side, right=side, top=side, bottom=side)
        self.header_fill = PatternFill("solid", start_color=NAVY, end_color=NAVY)
        self.label_fill = PatternFill("solid", start_color=LIGHT, end_color=LIGHT)
        initiatives = content.items["initiative"]
        self.numbers = {item.uuid: f"I-{n:02d}" for n, item in enumerate(initiatives, start=1)}
        self.phases = {item.uuid: item.record.name for item in content.items["phase"]}
        self._first = True
        self.widths: dict[tuple[str, str], float] = {}

    # ---------------------------------------------------------------- basics
    def t(self, key: str, *args: object) -> str:
        text = T[key].get(self.lang)
        for n, value in enumerate(args, start=1):
            text = text.replace(f"%{n}", str(value))
        return text

    def font(
        self, *, bold: bool = False, italic: bool = False, color: str = "000000", size: float = SIZE
    ) -> Font:
        key = (bold, italic, color, size)
        if key not in self.fonts:
            self.fonts[key] = Font(
                name=self.font_name,
                size=size,
                bold=bold,
                italic=italic,
                color=color,
                charset=134 if self.lang == "zh" else None,
            )
        return self.fonts[key]

    def align(
        self, horizontal: str = "left", wrap: bool = True, rotation: int = 0, indent: int = 0
    ) -> Alignment:
        key = (horizontal, wrap, rotation, indent)
        if key not in self.aligns:
            self.aligns[key] = Alignment(
                horizontal=horizontal,
                vertical="center" if rotation else "top",
                wrap_text=wrap,
                text_rotation=rotation,
                indent=indent,
            )
        return self.aligns[key]

    def sheet(self, key: str, title_key: str, note: str = "") -> Worksheet:
        if self._first:
            ws = self.wb.active
            ws.title = self.t(f"sheet_{key}")
            self._first = False
        else:
            ws = self.wb.create_sheet(self.t(f"sheet_{key}"))
        ws.sheet_view.zoomScale = 100
        ws.sheet_properties.outlinePr.summaryRight = False
        c = self.c
        ws.cell(1, 1, self.t(title_key)).font = self.font(bold=True, size=15, color=NAVY)
        subtitle = self.t("subtitle", c.profile.client_name, c.round.name, _fmt_date(c.generated))
        ws.cell(2, 1, subtitle).font = self.font(color=GREY)
        if note:
            ws.cell(3, 1, note).font = self.font(italic=True, color=GREY, size=9)
        ws.row_dimensions[1].height = 24
        self.page_setup(ws)
        return ws

    def page_setup(self, ws: Worksheet, width: float = 0) -> None:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = A3 if width > A4_WIDTH else A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        client = self.c.profile.client_name.replace("&", "&&")
        ws.oddHeader.left.text = client
        ws.oddHeader.right.text = "&A"
        ws.oddFooter.center.text = self.t("footer")
        ws.oddFooter.right.text = _fmt_date(self.c.generated)
        for part in (
            ws.oddHeader.left,
            ws.oddHeader.right,
            ws.oddFooter.center,
            ws.oddFooter.right,
        ):
            part.size = 8
            part.color = GREY

    def put(
        self,
        ws: Worksheet,
        row: int,
        col: int,
        value: object,
        kind: str = "text",
        *,
        bold: bool = False,
        indent: int = 0,
    ) -> Any:
        horizontal, number_format, wrap = _KINDS[kind]
        cell = ws.cell(row, col, value)
        cell.font = self.font(bold=bold)
        cell.alignment = self.align(horizontal, wrap, 0, indent)
        cell.border = self.border
        if number_format != "General":
            cell.number_format = number_format
        return cell

    def header(self, ws: Worksheet, row: int, col: int, title: object) -> Any:
        cell = ws.cell(row, col, title)
        cell.font = self.font(bold=True, color="FFFFFF")
        cell.fill = self.header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = self.border
        return cell

    def section(self, ws: Worksheet, row: int, title: str) -> None:
        ws.cell(row, 1, title).font = self.font(bold=True, size=12, color=NAVY)

    def empty_note(self, ws: Worksheet, row: int, text: str, col: int = 1) -> None:
        cell = ws.cell(row, col, text)
        cell.font = self.font(italic=True, color=GREY)
        cell.alignment = self.align("left", wrap=False)

    def table(
        self,
        ws: Worksheet,
        top: int,
        cols: Sequence[Col],
        rows: Sequence[Sequence[object]],
        *,
        empty: str,
        first_col: int = 1,
        indents: Sequence[int] | None = None,
        indent_col: int = 3,
        size_columns: bool = True,
    ) -> int:
        """Header at ``top``, rows below; sizes the columns and the rows; returns the last
        row written."""
        starts = []
        at = first_col
        for col in cols:
            starts.append(at)
            at += col.span
        for col, start in zip(cols, starts, strict=True):
            self.header(ws, top, start, col.title)
            if col.span > 1:
                ws.merge_cells(
                    start_row=top, start_column=start, end_row=top, end_column=start + col.span - 1
                )
        for r, values in enumerate(rows, start=top + 1):
            for n, (col, value) in enumerate(zip(cols, values, strict=True)):
                indent = indents[r - top - 1] if indents and n == indent_col else 0
                start = starts[n]
                self.put(ws, r, start, value, col.kind, indent=indent)
                if col.span > 1:
                    for extra in range(start + 1, start + col.span):
                        ws.cell(r, extra).border = self.border
                    ws.merge_cells(
                        start_row=r, start_column=start, end_row=r, end_column=start + col.span - 1
                    )
        widths: list[float] = []
        for n, (col, start) in enumerate(zip(cols, starts, strict=True)):
            letters = [get_column_letter(start + k) for k in range(col.span)]
            if col.span == 1 and size_columns:
                content = max((_longest_line(_shown(v[n], col.kind)) for v in rows), default=0)
                header = max(min(_longest_line(col.title) * 1.1, 16.0), _longest_word(col.title))
                # no Latin word broken in the middle, if the column may grow that wide
                words = max((_longest_word(_shown(v[n], col.kind)) for v in rows), default=0)
                width = max(
                    min(max(content, header, col.min_width - 2) + 2, col.max_width),
                    min(words + 1.5, max(col.max_width, 20.0)),
                    _longest_word(col.title) + 2,
                )
                key = (ws.title, letters[0])  # several tables on a sheet: the widest wins
                self.widths[key] = max(width, self.widths.get(key, 0.0))
                ws.column_dimensions[letters[0]].width = round(self.widths[key], 1)
            widths.append(sum(ws.column_dimensions[x].width or 8.43 for x in letters))
        self.fit_row(ws, top, [c.title for c in cols], widths, bold=True)
        for r, values in enumerate(rows, start=top + 1):
            wrapped = [
                _shown(v, c.kind) if _KINDS[c.kind][2] else ""
                for v, c in zip(values, cols, strict=True)
            ]
            room = [
                w - 2 * (indents[r - top - 1] if indents and n == indent_col else 0)
                for n, w in enumerate(widths)
            ]
            self.fit_row(ws, r, wrapped, room)
        if not rows:
            self.empty_note(ws, top + 1, empty, first_col)
            return top + 1
        return top + len(rows)

    def fit_row(
        self,
        ws: Worksheet,
        row: int,
        texts: Sequence[str],
        widths: Sequence[float],
        *,
        bold: bool = False,
    ) -> None:
        """Give a row the height its wrapped texts need: neither Excel nor LibreOffice
        measures rows when opening a file."""
        scale = 1.1 if bold else 1.0
        lines = max(
            (line_count(t, w / scale) for t, w in zip(texts, widths, strict=True) if t),
            default=1,
        )
        if lines > 1:
            height = lines * LINE_HEIGHT + 4
            current = ws.row_dimensions[row].height or 0
            ws.row_dimensions[row].height = max(height, current)

    def fit_note(self, ws: Worksheet, ncols: int) -> None:
        """Spread the note of row 3 over the table's width, wrapped."""
        cell = ws.cell(3, 1)
        if not cell.value:
            return
        ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=ncols)
        cell.alignment = self.align("left", wrap=True)
        width = sum(
            ws.column_dimensions[get_column_letter(n)].width or 8.43 for n in range(1, ncols + 1)
        )
        lines = line_count(str(cell.value), width * 1.05)
        ws.row_dimensions[3].height = max(lines * 12.5 + 3, 15)

    def finish_list(
        self, ws: Worksheet, ncols: int, last: int, *, freeze: str | None = None
    ) -> None:
        """Freeze the header, filter the table, repeat the header on every printed page."""
        self.fit_note(ws, ncols)
        ws.freeze_panes = freeze or f"A{FIRST_ROW}"
        if last >= FIRST_ROW:
            ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncols)}{last}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        width = sum(
            (ws.column_dimensions[get_column_letter(n)].width or 8.43) for n in range(1, ncols + 1)
        )
        self.page_setup(ws, width)
        ws.print_area = f"A1:{get_column_letter(ncols)}{max(last, FIRST_ROW)}"

    def status_list(
        self, ws: Worksheet, labels: Sequence[str], col: int, first: int, last: int
    ) -> DataValidation:
        """A drop-down of ``labels`` on the column's rows."""
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(labels) + '"',
            allow_blank=True,
            showErrorMessage=True,
            error=self.t("invalid_status"),
            errorTitle=self.t("status"),
        )
        letter = get_column_letter(col)
        dv.add(f"{letter}{first}:{letter}{last}")
        ws.add_data_validation(dv)
        return dv

    def key_value(self, ws: Worksheet, row: int, label: str, value: object, fmt: str = "") -> None:
        a = ws.cell(row, 1, label)
        a.font = self.font(bold=True)
        a.fill = self.label_fill
        a.border = self.border
        a.alignment = self.align("left", wrap=False)
        b = ws.cell(row, 2, value)
        b.font = self.font()
        b.alignment = self.align("left", wrap=False)
        if fmt:
            b.number_format = fmt

    # ---------------------------------------------------------------- sheets
    def sheet_summary(self) -> None:
        c = self.c
        r = c.report
        ws = self.sheet("summary", "title_summary")
        ws.cell(2, 1, c.profile.client_name).font = self.font(bold=True, size=12)
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
        for label, value, fmt in figures:
            row += 1
            self.key_value(ws, row, label, "—" if value is None else value, fmt)

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
            row = self.table(ws, row, cols, phase_rows, empty="", size_columns=False)

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

    def summary_charts(self, ws: Worksheet, top: int, last: int) -> None:
        cats = Reference(ws, min_col=1, min_row=top + 1, max_row=last)
        radar = RadarChart()
        radar.type = "marker"
        radar.add_data(
            Reference(ws, min_col=3, max_col=4, min_row=top, max_row=last), titles_from_data=True
        )
        radar.set_categories(cats)
        _style_chart(radar, self.t("radar_title"), self.font_name)
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
        _style_chart(bar, self.t("bar_title"), self.font_name)
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
        _value_labels(bar, "0")
        bar.width, bar.height = 15.0, 8.0
        ws.add_chart(bar, "G26")

    def sheet_diagnosis(self) -> None:
        c = self.c
        levels = " · ".join(f"{lv.number} {lv.name.get(self.lang)}" for lv in LEVELS)
        ws = self.sheet("diagnosis", "title_diagnosis", self.t("diag_note", levels))
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
            for operator, formula, color in (
                ("greaterThanOrEqual", "3", "F4B183"),
                ("equal", "2", "F8CBAD"),
                ("equal", "1", "FCE4D6"),
            ):
                cf.add(
                    "G" + span.format("G"),
                    CellIsRule(
                        operator=operator,
                        formula=[formula],
                        fill=PatternFill("solid", start_color=color, end_color=color),
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
                consulting = _label(cat.CONSULTING_TASKS, i.consulting_task, lang)
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
                    _label(cat.INITIATIVE_STATUSES, i.status, lang),
                    ", ".join(self.numbers[u] for u in i.depends_on if u in self.numbers),
                    ", ".join(i.clauses),
                    consulting,
                )
            )
        last = self.table(ws, HEADER_ROW, cols, rows, empty=self.t("no_initiatives"))
        ncols = len(cols)
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
                done=_label(cat.INITIATIVE_STATUSES, "done", lang),
            )
        elif rows:
            self.empty_note(ws, 3, self.t("no_dates"), first_month_col)
        ws.freeze_panes = f"{get_column_letter(first_month_col)}{FIRST_ROW}"
        if rows:
            ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncols)}{last}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        right = ncols + len(months)
        width = sum(
            (ws.column_dimensions[get_column_letter(n)].width or 8.43) for n in range(1, right + 1)
        )
        self.page_setup(ws, width)
        ws.print_area = f"A1:{get_column_letter(right)}{max(last, FIRST_ROW)}"

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
                    _label(cat.KPI_CATEGORIES, k.category, lang),
                    k.name,
                    k.definition,
                    k.unit,
                    k.calculation,
                    k.data_source,
                    k.owner,
                    sep.join(_label(cat.ANALYSIS_METHODS, a, lang) for a in k.analysis),
                    _label(cat.FREQUENCIES, k.frequency, lang),
                    k.baseline,
                    *(k.targets.get(p.uuid, "") for p in phases),
                    ", ".join(self.numbers[u] for u in k.initiatives if u in self.numbers),
                )
            )
        last = self.table(ws, HEADER_ROW, cols, rows, empty=self.t("no_kpis"))
        self.finish_list(ws, len(cols), last, freeze=f"D{FIRST_ROW}")

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
                _label(cat.GOVERNANCE_ROLES, g.record.role, lang),
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
            status = _label(cat.ACTION_STATUSES, a.status, lang)
            rows.append((kind, a.title, a.owner, a.due, status, a.note))
        for item in self.c.items["change_step"]:
            s = item.record
            status = _label(cat.ACTION_STATUSES, s.status, lang)
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
                _label(cat.RESISTANCE_CAUSES, item.record.cause, lang),
                item.record.description,
                item.record.mitigation,
                item.record.owner,
                _label(cat.ACTION_STATUSES, item.record.status, lang),
            )
            for n, item in enumerate(self.c.items["resistance"], start=1)
        ]
        last = self.table(ws, HEADER_ROW, cols, rows, empty=self.t("no_resistance"))
        if rows:
            labels = [o.label.get(lang) for o in cat.ACTION_STATUSES]
            self.status_list(ws, labels, 7, FIRST_ROW, last)
        self.finish_list(ws, len(cols), last)

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
                    (self.t(key), _label(options, now, lang), _label(options, goal, lang), "")
                )
        if org.mode or org.mode_rationale:
            mode = _label(cat.TRANSFORMATION_MODES, org.mode, lang)
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
            _style_chart(chart, self.t("traits_chart"), self.font_name)
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
        self.page_setup(ws, 160 if trait_rows else 130)
        ws.print_area = f"A1:{right}{max(last, traits_top + 16 if trait_rows else 0)}"

    def sheet_checklist(self) -> None:
        c = self.c
        lang = self.lang
        ws = self.sheet("checklist", "title_checklist", self.t("checklist_note", c.round.name))
        cols = [
            Col(self.t("clause"), "center", 7, 9),
            Col(self.t("clause_title"), "text", 14, 22),
            Col(self.t("ref"), "center", 5, 6),
            Col(self.t("checkpoint"), "text", 40, 60),
            Col(self.t("status"), "center", 9, 12),
            Col(self.t("note"), "text", 30, 50),
        ]
        rows = []
        indents = []
        for cl in c.clauses:
            for line in cl.lines:
                rows.append(
                    (
                        cl.key,
                        cl.title,
                        line.ref,
                        line.text,
                        STATUS_NAMES[line.status].get(lang),
                        line.note,
                    )
                )
                indents.append(0 if line.is_item else 2)
        last = self.table(
            ws, HEADER_ROW, cols, rows, empty=self.t("no_checkpoints"), indents=indents
        )
        if rows:
            labels = [STATUS_NAMES[s].get(lang) for s in ALL_STATUSES]
            self.status_list(ws, labels, 5, FIRST_ROW, last)
            area = f"E{FIRST_ROW}:E{last}"
            for status, fill, color in (
                ("met", "C6EFCE", "006100"),
                ("partly", "FFEB9C", "9C5700"),
                ("not_met", "FFC7CE", "9C0006"),
                ("na", "EDEDED", GREY),
            ):
                label = STATUS_NAMES[status].get(lang).replace('"', '""')
                ws.conditional_formatting.add(
                    area,
                    CellIsRule(
                        operator="equal",
                        formula=[f'"{label}"'],
                        fill=PatternFill("solid", start_color=fill, end_color=fill),
                        font=Font(color=color),
                    ),
                )
        self.finish_list(ws, len(cols), last, freeze=f"D{FIRST_ROW}")


def _characters(font: str, size: int, bold: bool = False) -> CharacterProperties:
    return CharacterProperties(
        sz=size,
        b=bold,
        latin=DrawingFont(typeface=font),
        ea=DrawingFont(typeface=EAST_ASIAN_FONT),
    )


def _style_chart(chart: Any, title: str, font: str) -> None:
    """A modest bold title and 9 pt axis labels in the workbook's fonts."""
    props = _characters(font, 1200, bold=True)
    paragraph = Paragraph(
        pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=title)]
    )
    chart.title = Title(tx=ChartText(rich=RichText(p=[paragraph])), overlay=False)
    for axis in (chart.x_axis, chart.y_axis):
        axis.delete = False
        small = _characters(font, 900)
        axis.txPr = RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=small), endParaRPr=small)])


def _value_labels(chart: Any, number_format: str) -> None:
    labels = DataLabelList()
    labels.showVal = True
    labels.showCatName = False
    labels.showSerName = False
    labels.showLegendKey = False
    labels.showPercent = False
    labels.numFmt = number_format
    chart.dataLabels = labels


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
