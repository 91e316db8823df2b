"""The client self-assessment workbook: export, read back, compare, apply.

The workbook has an Instructions sheet, one Questionnaire sheet (the in-scope clauses of the
engagement's latest round, each followed by its items and sub-items, with a drop-down of the
four statuses and a free note per item) and a very hidden ``_meta`` sheet naming the format,
the engagement, the round, the language and the structure (every row's key, in order, with
its SHA-256). The Questionnaire sheet is protected: only the status and note cells are
unlocked. Reading it back checks that it is this kind of workbook, that it belongs to the
engagement at hand and that its rows are exactly the exported ones, so every answer lands on
the item it was given for.

Blank cells never erase anything: an item left without a status keeps the recorded status
and an empty note keeps the recorded note.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from dtbench import __version__
from dtbench.deliverables.files import write_atomically
from dtbench.deliverables.xlsx_cells import put, was_cut
from dtbench.diagnosis import service as dx
from dtbench.diagnosis.errors import RoundNotFoundError
from dtbench.diagnosis.records import AnswerRecord, RoundRecord
from dtbench.diagnosis.scale import BASELINE_NAME, STATUS_NAMES, STATUSES, UNANSWERED
from dtbench.diagnosis.scoring import IN_SCOPE
from dtbench.engagement import service as engagements
from dtbench.engagement.errors import NotFoundError
from dtbench.engagement.records import Profile
from dtbench.errors import QT_TRANSLATE_NOOP, UserError
from dtbench.guide import load_guide
from dtbench.guide.model import LANGS, Clause, SubItem, Text
from dtbench.input_rules import (
    FileUnreadableError,
    TooManyEntriesError,
    canonical_uuid,
    checked_text,
    read_regular_file,
)
from dtbench.input_rules import clean_text as stored_text
from dtbench.store.database import Store
from dtbench.store.models import Answer, AssessmentRound, Engagement, utcnow

__all__ = [
    "FORMAT_VERSION",
    "Change",
    "Questionnaire",
    "QuestionnaireError",
    "apply",
    "checksum",
    "compare",
    "export_questionnaire",
    "parse_status",
    "read_questionnaire",
    "restore",
    "set_answers",
    "target_round",
]

FORMAT_VERSION: Final = 1
META_SHEET: Final = "_meta"
HEADER_ROW: Final = 4  # row 1 title, 2 subtitle, 3 hint, 4 column headers
FIRST_ROW: Final = HEADER_ROW + 1
COL_CLAUSE, COL_TITLE, COL_REF, COL_TEXT, COL_STATUS, COL_NOTE = 1, 2, 3, 4, 5, 6
STATUS_LETTER: Final = get_column_letter(COL_STATUS)
# A questionnaire is a few hundred kilobytes; anything far larger is refused before it is
# unpacked (a zip bomb must not exhaust the memory).
MAX_FILE_BYTES: Final = 20 * 1024 * 1024
MAX_UNPACKED_BYTES: Final = 100 * 1024 * 1024
MAX_PARTS: Final = 1_000  # files inside the xlsx (a questionnaire has about 15)
# Rows are read up to what the guide can fill (plus this), and no further than a run of
# this many empty rows: a cell typed at row 1,048,576 must not make the reader walk there.
ROW_SLACK: Final = 50

CLAUSE, ITEM = "clause", "item"
Entry = tuple[str, str]  # (CLAUSE or ITEM, key): one row of the questionnaire

T: Final[dict[str, Text]] = {
    "sheet_instructions": Text("说明", "Instructions"),
    "sheet_questionnaire": Text("问卷", "Questionnaire"),
    "title": Text("数字化转型自评问卷", "Digital transformation self-assessment questionnaire"),
    "title_of": Text("%1：%2", "%1: %2"),
    "client": Text("客户", "Client"),
    "engagement": Text("项目", "Engagement"),
    "round": Text("评估轮次", "Assessment round"),
    "consultants": Text("咨询顾问", "Consultants"),
    "prepared_on": Text("编制日期", "Prepared on"),
    "reference": Text("依据", "Reference"),
    "reference_value": Text("%1《%2》", "%1 %2"),
    "items_count": Text("检查项", "Items"),
    "items_value": Text("%1 个条款，%2 个检查项", "%1 clauses, %2 items"),
    "who_head": Text("由谁填写", "Who fills it in"),
    "who": Text(
        "请由%1熟悉各项业务实际做法的人员填写（例如相关部门负责人）。可以分工填写，"
        "但请把答案汇总到这一个文件中。可在顾问现场调研之前或之后填写。",
        "The people at %1 who know how each area really works (for example the heads of "
        "the departments concerned). Several people may fill in their parts, but please "
        "collect the answers in this one file. It can be filled in before or after the "
        "consultants' visit.",
    ),
    "how_head": Text("如何填写", "How to fill it in"),
    "step1": Text(
        "打开“%1”工作表。每个条款先列出条款名称（加粗行），其下是需要评价的检查项。",
        "Open the sheet “%1”. Each clause is listed with its title (bold row), followed by "
        "the items to assess.",
    ),
    "step2": Text(
        "在“状态”列中为每一项从下拉列表选择：%1。不确定时请留空。",
        "For each item, pick a status from the drop-down list in the Status column: %1. "
        "Leave it empty if you are not sure.",
    ),
    "step3": Text(
        "“说明”列可选填，例如现在的做法、使用的系统、可以证明的文件或一个实例。",
        "The Note column is optional: for example how it is done today, the systems used, "
        "the documents that show it, or an example.",
    ),
    "step4": Text(
        "请勿增加、删除或移动行和列，也不要修改编号：工作表已保护，只有“状态”和“说明”两列"
        "可以填写。结构被改动的文件无法导入。",
        "Do not add, delete or move rows or columns and do not change the keys: the sheet "
        "is protected and only the Status and Note columns can be filled in. A workbook "
        "whose structure was changed cannot be read back.",
    ),
    "step5": Text(
        "填写完成后保存文件（保持 .xlsx 格式），发回给顾问%1。",
        "When you are done, save the file (keep the .xlsx format) and send it back to "
        "your consultants%1.",
    ),
    "consultants_named": Text("（%1）", " (%1)"),
    "prefilled": Text(
        "已经记录的答案已预先填入，如有不符请直接修改。",
        "The answers recorded so far are already filled in; change any that are not right.",
    ),
    "statuses_head": Text("状态的含义", "What the statuses mean"),
    "meaning_met": Text(
        "该项已全面做到，并有制度、记录或系统支撑。",
        "Fully in place and backed by rules, records or systems.",
    ),
    "meaning_partly": Text(
        "部分做到：只在部分部门或部分时间做到，或尚未形成制度。",
        "Partly in place: only in some departments or some of the time, or not yet formalised.",
    ),
    "meaning_not_met": Text("尚未做到。", "Not in place yet."),
    "meaning_na": Text(
        "不适用于本企业（请在“说明”中简述原因）。",
        "Does not apply to the company (please say why in the note).",
    ),
    "hint": Text(
        "请在“状态”列的下拉列表中为每一项选择状态，“说明”可选填。请勿增删或移动行。",
        "Pick a status for each item from the drop-down list in the Status column; the note "
        "is optional. Please do not add, remove or move rows.",
    ),
    "col_clause": Text("条款", "Clause"),
    "col_title": Text("条款名称", "Clause title"),
    "col_ref": Text("编号", "Ref."),
    "col_text": Text("检查项", "Item"),
    "col_status": Text("状态", "Status"),
    "col_note": Text("说明", "Note"),
    "invalid_status": Text(
        "请从列表中选择状态，或留空。", "Please choose a status from the list, or leave it empty."
    ),
    "list_separator": Text("、", ", "),
}

FONTS: Final = {"zh": "等线", "en": "Calibri"}
SIZE: Final = 10
NAVY: Final = "1F4E79"
LIGHT: Final = "DDEBF7"
INPUT: Final = "FFF8E1"
GRID: Final = "BFBFBF"
GREY: Final = "595959"
WIDTHS: Final = {COL_CLAUSE: 8.0, COL_TITLE: 22.0, COL_REF: 11.0, COL_TEXT: 62.0}
WIDTHS_INPUT: Final = {COL_STATUS: 13.0, COL_NOTE: 42.0}


# ---------------------------------------------------------------- errors
class QuestionnaireError(UserError):
    context = "QuestionnaireError"


class UnreadableError(QuestionnaireError):
    template = QT_TRANSLATE_NOOP("QuestionnaireError", "%1 cannot be read: %2")


class NotAWorkbookError(QuestionnaireError):
    template = QT_TRANSLATE_NOOP(
        "QuestionnaireError",
        "%1 is not an Excel workbook (.xlsx), or it is damaged. Ask for the questionnaire to "
        "be saved again as “Excel Workbook (*.xlsx)” and import that file.",
    )


class TooLargeError(QuestionnaireError):
    template = QT_TRANSLATE_NOOP(
        "QuestionnaireError",
        "%1 is far too large to be a questionnaire (%2 MB unpacked), so it was not opened.",
    )


class NotAQuestionnaireError(QuestionnaireError):
    template = QT_TRANSLATE_NOOP(
        "QuestionnaireError",
        "%1 is not a dtbench questionnaire: its hidden description sheet is missing. Import "
        "the workbook that dtbench exported and the client filled in, not a copy pasted into "
        "another file.",
    )


class NewerFormatError(QuestionnaireError):
    template = QT_TRANSLATE_NOOP(
        "QuestionnaireError",
        "%1 was made by a newer version of dtbench (questionnaire format %2); update dtbench "
        "to import it.",
    )


class WrongEngagementError(QuestionnaireError):
    template = QT_TRANSLATE_NOOP(
        "QuestionnaireError",
        "This workbook belongs to the engagement “%1” (client %2), not to this one. Open "
        "that engagement to import it, or export a questionnaire for this one.",
    )


class ForeignEngagementError(QuestionnaireError):
    template = QT_TRANSLATE_NOOP(
        "QuestionnaireError",
        "This workbook belongs to the engagement “%1” (client %2), which is not in this "
        "database, not to this one. Export a questionnaire for this engagement instead.",
    )


class MetaAlteredError(QuestionnaireError):
    template = QT_TRANSLATE_NOOP(
        "QuestionnaireError",
        "The hidden description of %1 was changed, so its answers cannot be matched to the "
        "items. Export a new questionnaire for the client.",
    )


class SheetMissingError(QuestionnaireError):
    template = QT_TRANSLATE_NOOP(
        "QuestionnaireError",
        "The sheet “%1” is missing from the workbook, so there are no answers to import. "
        "Ask for the workbook to be returned with its sheets unchanged.",
    )


class StructureAlteredError(QuestionnaireError):
    template = QT_TRANSLATE_NOOP(
        "QuestionnaireError",
        "The structure of the questionnaire was changed at row %1 (expected %2, found %3), "
        "so its answers cannot be matched to the items. Ask for it to be filled in without "
        "adding, removing or moving rows or changing keys, or export a new questionnaire.",
    )


class UnknownStatusError(QuestionnaireError):
    template = QT_TRANSLATE_NOOP(
        "QuestionnaireError",
        "Cell %1 holds “%2”, which is not a status. Choose one of %3 from the drop-down list "
        "in that cell, or leave it empty.",
    )


class NothingInScopeError(QuestionnaireError):
    template = QT_TRANSLATE_NOOP(
        "QuestionnaireError",
        "No clause of this engagement is in scope, so the questionnaire would be empty. "
        "Choose the clauses in the Scope step first.",
    )


# ---------------------------------------------------------------- records
@dataclass(frozen=True)
class Questionnaire:
    """A filled-in workbook as read back: who it is for and the answers it gives."""

    path: Path
    version: int
    engagement: str
    round: str
    lang: str
    title: str  # the engagement's title and client when exported (for messages)
    client: str
    answers: dict[str, AnswerRecord]  # item key → status code ("" when empty) and note
    clauses: dict[str, str]  # item key → clause key
    rows: dict[str, int]  # item key → row of the Questionnaire sheet


@dataclass(frozen=True)
class Change:
    """One item whose recorded answer the workbook would change."""

    key: str
    clause: str
    row: int
    current: AnswerRecord
    proposed: AnswerRecord

    @property
    def status_changed(self) -> bool:
        return self.current.status != self.proposed.status

    @property
    def note_changed(self) -> bool:
        return self.current.note != self.proposed.note


# ---------------------------------------------------------------- structure
def structure(clauses: Sequence[Clause]) -> list[Entry]:
    """The rows of the questionnaire: each clause followed by its items and sub-items."""
    entries: list[Entry] = []
    for clause in clauses:
        entries.append((CLAUSE, clause.key))
        entries.extend((ITEM, point.key) for point in clause.checkpoints())
    return entries


def checksum(entries: Sequence[Entry]) -> str:
    text = "\n".join(f"{kind}:{key}" for kind, key in entries)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _in_scope_clauses(store: Store, engagement: str) -> list[Clause]:
    scope = dx.get_scope(store, engagement)
    return [c for c in load_guide().clauses() if scope.get(c.key, IN_SCOPE).in_scope]


def clean_text(value: str) -> str:
    """Text as a cell keeps it: no characters XML forbids, Unix line ends, no outer blanks."""
    return ILLEGAL_CHARACTERS_RE.sub("", value).replace("\r\n", "\n").replace("\r", "\n").strip()


# ---------------------------------------------------------------- status labels
def status_label(code: str, lang: str) -> str:
    return STATUS_NAMES[code].get(lang)


def status_labels(lang: str) -> list[str]:
    return [status_label(code, lang) for code in STATUSES]


def _status_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for code in (*STATUSES, UNANSWERED):
        for lang in LANGS:
            table[_fold(STATUS_NAMES[code].get(lang))] = code
        if code:
            table[_fold(code)] = code
    return table


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


_STATUS_TABLE: Final = _status_table()


def parse_status(value: object) -> str | None:
    """The status code of a cell's text in either language ("" when empty); None if unknown."""
    if value is None:
        return UNANSWERED
    if not isinstance(value, str):
        return None
    return _STATUS_TABLE.get(_fold(value))


# ---------------------------------------------------------------- export
def export_questionnaire(
    store: Store,
    engagement: str,
    target: Path,
    *,
    lang: str | None = None,
    prefill: bool = True,
    today: date | None = None,
) -> Path:
    """Write the questionnaire of the engagement's latest round to ``target`` atomically.

    ``lang`` defaults to the engagement's language; with ``prefill`` the recorded answers
    are filled in."""
    profile = engagements.get_profile(store, engagement)
    lang = lang or profile.language
    if lang not in LANGS:
        raise ValueError(f"language must be one of {', '.join(LANGS)}")
    rnd = dx.ensure_rounds(store, engagement, BASELINE_NAME.get(profile.language))[-1]
    clauses = _in_scope_clauses(store, engagement)
    if not clauses:
        raise NothingInScopeError()
    answers = dx.load_round(store, rnd.uuid).answers if prefill else {}
    book = _Builder(profile, rnd, clauses, answers, lang, prefill, today or date.today())
    wb = book.build()
    return write_atomically(Path(target), lambda tmp: wb.save(tmp))


class _Builder:
    def __init__(
        self,
        profile: Profile,
        rnd: RoundRecord,
        clauses: Sequence[Clause],
        answers: Mapping[str, AnswerRecord],
        lang: str,
        prefill: bool,
        today: date,
    ) -> None:
        self.profile = profile
        self.round = rnd
        self.clauses = clauses
        self.answers = answers
        self.lang = lang
        self.prefill = prefill
        self.today = today
        self.entries = structure(clauses)
        self.wb = Workbook()
        side = Side(style="thin", color=GRID)
        self.border = Border(left=side, right=side, top=side, bottom=side)

    def t(self, key: str) -> str:
        return T[key].get(self.lang)

    def write(self, ws: Worksheet, row: int, col: int, value: object = None) -> Any:
        """The cell holding ``value``: every value goes in this way (text stays text)."""
        return put(ws, row, col, value, self.lang)

    def font(self, *, bold: bool = False, size: float = SIZE, color: str | None = None) -> Font:
        return Font(name=FONTS[self.lang], size=size, bold=bold, color=color)

    def build(self) -> Workbook:
        self.instructions(self.wb.active)
        self.questionnaire(self.wb.create_sheet(self.t("sheet_questionnaire")))
        self.meta(self.wb.create_sheet(META_SHEET))
        self.wb.active = 0
        # Sheets cannot be added, removed, renamed or unhidden without unprotecting.
        self.wb.security = WorkbookProtection(lockStructure=True)
        return self.wb

    # ------------------------------------------------------------ instructions
    def instructions(self, ws: Worksheet) -> None:
        from dtbench.deliverables.xlsx_book import MAX_ROW_HEIGHT, line_count

        ws.title = self.t("sheet_instructions")
        ws.column_dimensions["A"].width = 20
        ws.column_dimensions["B"].width = 90
        ws.sheet_view.showGridLines = False
        self.write(ws, 1, 1, self.t("title")).font = self.font(bold=True, size=14, color=NAVY)
        ws.row_dimensions[1].height = 24
        guide = load_guide()
        p = self.profile
        when = f" · {self.round.assessed_on.isoformat()}" if self.round.assessed_on else ""
        n_items = sum(1 for kind, _key in self.entries if kind == ITEM)
        info: list[tuple[str, str]] = [
            (self.t("client"), p.client_name),
            (self.t("engagement"), p.title),
            (self.t("round"), f"{self.round.number}. {self.round.name}{when}"),
            (
                self.t("items_count"),
                self.t("items_value")
                .replace("%1", str(len(self.clauses)))
                .replace("%2", str(n_items)),
            ),
        ]
        if p.consultants:
            info.append((self.t("consultants"), p.consultants))
        info.append((self.t("prepared_on"), self.today.isoformat()))
        reference = (
            self.t("reference_value")
            .replace("%1", guide.standard.code)
            .replace("%2", guide.standard.title.get(self.lang))
        )
        info.append((self.t("reference"), reference))
        row = 3
        for label, value in info:
            self.write(ws, row, 1, label).font = self.font(bold=True)
            cell = self.write(ws, row, 2, value)
            cell.font = self.font()
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            row += 1

        def heading(text: str) -> None:
            nonlocal row
            row += 1
            self.write(ws, row, 1, text).font = self.font(bold=True, size=12, color=NAVY)
            row += 1

        def paragraph(label: str, text: str) -> None:
            nonlocal row
            if label:
                a = self.write(ws, row, 1, label)
                a.font = self.font(bold=True)
                a.alignment = Alignment(vertical="top")
            cell = self.write(ws, row, 2, text)
            cell.font = self.font()
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.row_dimensions[row].height = min(line_count(text, 90) * 13.5 + 3, MAX_ROW_HEIGHT)
            row += 1

        heading(self.t("who_head"))
        paragraph("", self.t("who").replace("%1", p.short_name or p.client_name))
        heading(self.t("how_head"))
        named = self.t("consultants_named").replace("%1", p.consultants) if p.consultants else ""
        separator = self.t("list_separator")
        steps = [
            self.t("step1").replace("%1", self.t("sheet_questionnaire")),
            self.t("step2").replace("%1", separator.join(status_labels(self.lang))),
            self.t("step3"),
            self.t("step4"),
            self.t("step5").replace("%1", named),
        ]
        if self.prefill:
            steps.insert(2, self.t("prefilled"))
        for n, text in enumerate(steps, start=1):
            paragraph(f"{n}.", text)
        heading(self.t("statuses_head"))
        for code in STATUSES:
            paragraph(status_label(code, self.lang), self.t(f"meaning_{code}"))
        ws.protection.sheet = True
        ws.page_setup.orientation = "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True

    # ------------------------------------------------------------ questionnaire
    def questionnaire(self, ws: Worksheet) -> None:
        from dtbench.deliverables.xlsx_book import MAX_ROW_HEIGHT, line_count

        ncols = COL_NOTE
        for col, width in (WIDTHS | WIDTHS_INPUT).items():
            ws.column_dimensions[get_column_letter(col)].width = width
        title = self.t("title_of").replace("%1", self.t("title"))
        self.write(ws, 1, 1, title.replace("%2", self.profile.client_name)).font = self.font(
            bold=True, size=14, color=NAVY
        )
        ws.row_dimensions[1].height = 24
        when = f" · {self.round.assessed_on.isoformat()}" if self.round.assessed_on else ""
        self.write(ws, 2, 1, f"{self.profile.title} · {self.round.name}{when}").font = self.font(
            color=GREY
        )
        hint = self.write(ws, 3, 1, self.t("hint"))
        hint.font = self.font(bold=True)
        hint.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=ncols)
        total = sum(WIDTHS.values()) + sum(WIDTHS_INPUT.values())
        ws.row_dimensions[3].height = line_count(self.t("hint"), total) * 13.5 + 3
        headers = ("col_clause", "col_title", "col_ref", "col_text", "col_status", "col_note")
        for col, key in enumerate(headers, start=1):
            cell = self.write(ws, HEADER_ROW, col, self.t(key))
            cell.font = self.font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor=NAVY)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = self.border

        clause_fill = PatternFill("solid", fgColor=LIGHT)
        input_fill = PatternFill("solid", fgColor=INPUT)
        unlocked = Protection(locked=False)
        top = Alignment(vertical="top", wrap_text=True)
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(status_labels(self.lang)) + '"',
            allow_blank=True,
            showErrorMessage=True,
            error=self.t("invalid_status"),
            errorTitle=self.t("col_status"),
        )
        ws.add_data_validation(dv)
        guide_points = {
            point.key: (clause, point) for clause in self.clauses for point in clause.checkpoints()
        }
        titles = {c.key: c.title.get(self.lang) for c in self.clauses}
        row = FIRST_ROW
        block_start = 0
        for kind, key in self.entries:
            if kind == CLAUSE:
                if block_start:
                    dv.add(f"{STATUS_LETTER}{block_start}:{STATUS_LETTER}{row - 1}")
                block_start = row + 1
                title = titles[key]
                for col in range(1, ncols + 1):
                    cell = ws.cell(row, col)
                    cell.fill = clause_fill
                    cell.border = self.border
                    cell.font = self.font(bold=True)
                    cell.alignment = top
                self.write(ws, row, COL_CLAUSE, key)
                self.write(ws, row, COL_TITLE, title)
                # The title spans the ref and text columns, which clause rows leave empty.
                ws.merge_cells(
                    start_row=row, start_column=COL_TITLE, end_row=row, end_column=COL_TEXT
                )
                span = WIDTHS[COL_TITLE] + WIDTHS[COL_REF] + WIDTHS[COL_TEXT]
                lines = line_count(str(ws.cell(row, COL_TITLE).value), span)
            else:
                clause, point = guide_points[key]
                answer = self.answers.get(key, AnswerRecord())
                values: dict[int, Any] = {
                    COL_CLAUSE: clause.key,
                    COL_REF: key,
                    COL_TEXT: point.text.get(self.lang),
                    COL_STATUS: status_label(answer.status, self.lang) if answer.status else None,
                    COL_NOTE: clean_text(answer.note) or None,
                }
                for col in range(1, ncols + 1):
                    cell = self.write(ws, row, col, values.get(col))
                    cell.border = self.border
                    cell.font = self.font(color=GREY if col == COL_CLAUSE else None)
                    cell.alignment = top
                    if col in (COL_STATUS, COL_NOTE):
                        cell.protection = unlocked
                        cell.fill = input_fill
                if isinstance(point, SubItem):
                    ws.cell(row, COL_TEXT).alignment = Alignment(
                        vertical="top", wrap_text=True, indent=2
                    )
                    ws.cell(row, COL_REF).alignment = Alignment(
                        vertical="top", wrap_text=True, indent=1
                    )
                lines = max(
                    line_count(str(ws.cell(row, COL_TEXT).value), WIDTHS[COL_TEXT] - 2),
                    line_count(str(ws.cell(row, COL_NOTE).value or ""), WIDTHS_INPUT[COL_NOTE]),
                )
            ws.row_dimensions[row].height = min(lines * 13.5 + 3, MAX_ROW_HEIGHT)
            row += 1
        if block_start and block_start < row:
            dv.add(f"{STATUS_LETTER}{block_start}:{STATUS_LETTER}{row - 1}")

        ws.freeze_panes = f"A{FIRST_ROW}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.oddFooter.center.text = "&P / &N"
        # Only the status and note cells can be changed; columns and rows may be resized.
        ws.protection.sheet = True
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
        self.wb.active = ws

    # ------------------------------------------------------------ meta
    def meta(self, ws: Worksheet) -> None:
        pairs: list[tuple[str, object]] = [
            ("format", FORMAT_VERSION),
            ("app", f"dtbench {__version__}"),
            ("engagement", self.profile.uuid),
            ("round", self.round.uuid),
            ("language", self.lang),
            ("title", self.profile.title),
            ("client", self.profile.client_name),
            ("prefill", 1 if self.prefill else 0),
            ("exported", self.today.isoformat()),
            ("rows", len(self.entries)),
            ("checksum", checksum(self.entries)),
        ]
        for row, (name, value) in enumerate(pairs, start=1):
            self.write(ws, row, 1, name)
            self.write(ws, row, 2, value)
        for row, (kind, key) in enumerate(self.entries, start=1):
            self.write(ws, row, 4, kind)
            self.write(ws, row, 5, key)
        ws.protection.sheet = True
        ws.sheet_state = "veryHidden"


# ---------------------------------------------------------------- reading
def _load(path: Path) -> Any:
    """The workbook at ``path``, refusing what is not a (reasonable) xlsx."""
    name = path.name
    try:
        # A regular file of a sensible size only: a pipe or a device would be read forever.
        data = read_regular_file(path, MAX_FILE_BYTES)
    except FileUnreadableError as exc:
        raise UnreadableError(name, exc.details[-1]) from exc
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            unpacked = sum(info.file_size for info in infos)
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise NotAWorkbookError(name) from exc
    if len(infos) > MAX_PARTS:
        raise TooManyEntriesError(name, "zip", f"{len(infos):,}", f"{MAX_PARTS:,}")
    if unpacked > MAX_UNPACKED_BYTES:
        raise TooLargeError(name, f"{unpacked / 1024 / 1024:.0f}")
    try:
        # From memory: openpyxl would refuse a file by its name's extension alone. Read
        # only: rows are streamed (see _rows), never the whole declared sheet in memory.
        return load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged package
        raise NotAWorkbookError(name) from exc


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return checked_text(str(value)).strip()


def _max_rows() -> int:
    """The most rows a questionnaire has: every clause and item of the guide, and some."""
    return len(structure(list(load_guide().clauses()))) + ROW_SLACK


def _rows(ws: Any, first: int, columns: int) -> list[tuple[object, ...]]:
    """Cell values of the rows from ``first``, as many as a questionnaire can hold and no
    further than ROW_SLACK empty rows in a row, whatever size the sheet declares."""
    rows: list[tuple[object, ...]] = []
    empty = 0
    last = first + _max_rows()
    for values in ws.iter_rows(min_row=first, max_row=last, max_col=columns, values_only=True):
        padded = (tuple(values) + (None,) * columns)[:columns]
        rows.append(padded)
        empty = empty + 1 if all(v is None or v == "" for v in padded) else 0
        if empty >= ROW_SLACK:
            break
    while rows and all(v is None or v == "" for v in rows[-1]):
        rows.pop()
    return rows


def _meta(wb: Any, name: str) -> tuple[dict[str, str], list[Entry]]:
    if META_SHEET not in wb.sheetnames:
        raise NotAQuestionnaireError(name)
    ws = wb[META_SHEET]
    values: dict[str, str] = {}
    entries: list[Entry] = []
    for a, b, _c, d, e in _rows(ws, 1, 5):
        if a is not None:
            values[str(a)] = _cell_text(b)
        if d is not None or e is not None:
            entries.append((_cell_text(d), _cell_text(e)))
    try:
        version = int(values.get("format", ""))
    except ValueError:
        raise MetaAlteredError(name) from None
    if version > FORMAT_VERSION:
        raise NewerFormatError(name, version)
    if version < 1 or not values.get("engagement") or not values.get("round"):
        raise MetaAlteredError(name)
    for ident in ("engagement", "round"):  # the same engagement however its id is written
        canonical = canonical_uuid(values[ident])
        if canonical is None:
            raise MetaAlteredError(name)
        values[ident] = canonical
    if values.get("checksum") != checksum(entries) or any(
        kind not in (CLAUSE, ITEM) or not key for kind, key in entries
    ):
        raise MetaAlteredError(name)
    return values, entries


def _row_entry(values: Sequence[object]) -> Entry | None:
    ref = _cell_text(values[COL_REF - 1])
    if ref:
        return (ITEM, ref)
    clause = _cell_text(values[COL_CLAUSE - 1])
    return (CLAUSE, clause) if clause else None


def _questionnaire_sheet(wb: Any, lang: str) -> Worksheet:
    names = [T["sheet_questionnaire"].get(lang)] + [
        T["sheet_questionnaire"].get(other) for other in LANGS if other != lang
    ]
    for sheet in names:
        if sheet in wb.sheetnames:
            ws: Worksheet = wb[sheet]
            return ws
    raise SheetMissingError(names[0])


def read_questionnaire(path: Path) -> Questionnaire:
    """Read a filled-in questionnaire; a workbook that is not one, or whose rows were
    changed, or that holds a status dtbench does not know, raises a QuestionnaireError."""
    path = Path(path)
    name = path.name
    wb = _load(path)
    try:
        meta, expected = _meta(wb, name)
        lang = meta.get("language", "zh")
        if lang not in LANGS:
            lang = "zh"
        ws = _questionnaire_sheet(wb, lang)
        table = _rows(ws, FIRST_ROW, COL_NOTE)
    finally:
        wb.close()
    found = [_row_entry(values) for values in table]
    while found and found[-1] is None:
        found.pop()
    for n in range(max(len(found), len(expected))):
        want = expected[n] if n < len(expected) else None
        got = found[n] if n < len(found) else None
        if want != got:
            raise StructureAlteredError(
                FIRST_ROW + n, want[1] if want else "—", got[1] if got else "—"
            )
    answers: dict[str, AnswerRecord] = {}
    clauses: dict[str, str] = {}
    rows: dict[str, int] = {}
    clause = ""
    separator = T["list_separator"].get(lang)
    for n, (kind, key) in enumerate(expected):
        row = FIRST_ROW + n
        if kind == CLAUSE:
            clause = key
            continue
        raw = table[n][COL_STATUS - 1]
        status = parse_status(raw if not isinstance(raw, str) or raw.strip() else None)
        if status is None:
            raise UnknownStatusError(
                f"{STATUS_LETTER}{row}", _cell_text(raw), separator.join(status_labels(lang))
            )
        answers[key] = AnswerRecord(status, _cell_text(table[n][COL_NOTE - 1]))
        clauses[key] = clause
        rows[key] = row
    try:
        version = int(meta["format"])
    except (KeyError, ValueError):  # pragma: no cover - checked by _meta
        version = FORMAT_VERSION
    return Questionnaire(
        path=path,
        version=version,
        engagement=meta["engagement"],
        round=meta["round"],
        lang=lang,
        title=meta.get("title", ""),
        client=meta.get("client", ""),
        answers=answers,
        clauses=clauses,
        rows=rows,
    )


# ---------------------------------------------------------------- compare and apply
def _check_engagement(store: Store, engagement: str, questionnaire: Questionnaire) -> None:
    if questionnaire.engagement == engagement:
        return
    try:
        other = engagements.get_profile(store, questionnaire.engagement)
    except NotFoundError:
        raise ForeignEngagementError(questionnaire.title, questionnaire.client) from None
    raise WrongEngagementError(other.title, other.client_name)


def target_round(store: Store, engagement: str, questionnaire: Questionnaire) -> RoundRecord:
    """The round of ``engagement`` the workbook's answers go to: the round it was exported
    from while it exists, else the latest. A workbook of another engagement is refused."""
    _check_engagement(store, engagement, questionnaire)
    profile = engagements.get_profile(store, engagement)
    rounds = dx.ensure_rounds(store, engagement, BASELINE_NAME.get(profile.language))
    for rnd in rounds:
        if rnd.uuid == questionnaire.round:
            return rnd
    return rounds[-1]


def _round_engagement(store: Store, round_uuid: str) -> str:
    with store.session() as s:
        found = s.scalar(
            select(Engagement.uuid)
            .join(AssessmentRound, AssessmentRound.engagement_id == Engagement.id)
            .where(AssessmentRound.uuid == round_uuid)
        )
        if found is None:
            raise RoundNotFoundError()
        return found


def compare(store: Store, round_uuid: str, questionnaire: Questionnaire) -> list[Change]:
    """The items whose recorded answer in the round the workbook would change, in the
    workbook's order. A blank status or note in the workbook changes nothing."""
    _check_engagement(store, _round_engagement(store, round_uuid), questionnaire)
    recorded = dx.load_round(store, round_uuid).answers
    changes: list[Change] = []
    for key, theirs in questionnaire.answers.items():
        ours = recorded.get(key, AnswerRecord())
        status = theirs.status or ours.status
        same = theirs.note == stored_text(ours.note).strip()
        # A note too long for a cell went out cut: coming back, it must not replace the whole.
        note = theirs.note if theirs.note and not same and not was_cut(theirs.note) else ours.note
        proposed = AnswerRecord(status, note)
        if proposed != ours:
            changes.append(
                Change(key, questionnaire.clauses[key], questionnaire.rows[key], ours, proposed)
            )
    return changes


def set_answers(
    store: Store, round_uuid: str, answers: Mapping[str, AnswerRecord]
) -> dict[str, AnswerRecord]:
    """Set several answers of a round in one unit of work; returns the previous answers."""
    known = load_guide().all_keys()
    for key, answer in answers.items():
        if key not in known:
            raise ValueError(f"unknown guide item {key!r}")
        if answer.status not in (*STATUSES, UNANSWERED):
            raise ValueError(f"status must be one of {', '.join(STATUSES)} or empty")
    with store.session() as s:
        rnd = s.scalar(select(AssessmentRound).where(AssessmentRound.uuid == round_uuid))
        if rnd is None:
            raise RoundNotFoundError()
        rows = {a.key: a for a in s.scalars(select(Answer).where(Answer.round_id == rnd.id))}
        previous: dict[str, AnswerRecord] = {}
        for key, new in answers.items():
            row = rows.get(key)
            previous[key] = AnswerRecord(row.status, row.note) if row else AnswerRecord()
            if new == AnswerRecord():
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(Answer(round_id=rnd.id, key=key, status=new.status, note=new.note))
            else:
                row.status, row.note = new.status, new.note
        engagement = s.get(Engagement, rnd.engagement_id)
        if engagement is not None:
            engagement.updated_at = utcnow()
        return previous


def apply(store: Store, round_uuid: str, changes: Sequence[Change]) -> dict[str, AnswerRecord]:
    """Apply the changes at once; returns the previous answers, for ``restore`` (undo)."""
    return set_answers(store, round_uuid, {c.key: c.proposed for c in changes})


def restore(store: Store, round_uuid: str, previous: Mapping[str, AnswerRecord]) -> None:
    """Put back the answers ``apply`` returned."""
    set_answers(store, round_uuid, previous)
