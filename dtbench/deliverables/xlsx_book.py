"""Writing an Excel workbook with openpyxl the way dtbench's deliverables look: fonts (with
the East-Asian font for Chinese), cell styles, titled sheets with print set-up, tables whose
rows grow to fit wrapped text, key-value blocks and native charts styled alike. The action
plan's sheets (:mod:`dtbench.deliverables.xlsx_plan`) are built from these parts."""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
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
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from dtbench import __version__
from dtbench.deliverables.content import Content
from dtbench.deliverables.formats import doc_date, language_tag
from dtbench.deliverables.safe_text import xml_text
from dtbench.deliverables.xlsx_cells import cell_text, header_text, put
from dtbench.deliverables.xlsx_texts import T
from dtbench.plan import catalogue as cat

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
A4 = 9  # openpyxl's paper size code: every sheet prints on A4, fitted to the page width


def text_width(value: str) -> float:
    """Display width in Excel column units: East Asian wide characters count double."""
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value))


# Printing: A4 landscape between the margins of page_setup, in points; Excel's column unit is
# about 7 px (+5 px padding) at 96 dpi. Below MIN_PRINT_SCALE text is too small to read (a
# 51 % Gantt chart printed 11 pt as 5.6 pt): the sheet goes over more pages across instead.
PRINTABLE_WIDTH = 842 - 2 * 0.4 * 72
DEFAULT_WIDTH = 8.43  # a column's width when none is set (Excel's)
MIN_PRINT_SCALE = 0.7
MAX_PAGES_ACROSS = 4


def column_points(width: float) -> float:
    return (width * 7 + 5) * 0.75


def print_columns(ws: Worksheet) -> list[float]:
    """The widths (points) of the printed columns: the print area's, hidden ones left out."""
    area = ws.print_area  # "'Sheet'!$A$1:$M$32"
    last = range_boundaries(str(area).split("!")[-1])[2] if area else ws.max_column
    widths = []
    for n in range(1, (last or ws.max_column) + 1):
        dimension = ws.column_dimensions.get(get_column_letter(n))
        if dimension is not None and dimension.hidden:
            continue
        width = dimension.width if dimension is not None else None
        widths.append(column_points(width or DEFAULT_WIDTH))
    return widths


def fit_print_width(ws: Worksheet, titles: int = 2) -> None:
    """Print ``ws`` on as few pages across as keep its text at MIN_PRINT_SCALE or more, the
    first ``titles`` columns (the row's number and name) repeated on each page, as Excel's
    "columns to repeat at left" does; a sheet that fits stays one page wide."""
    widths = print_columns(ws)
    total = sum(widths)
    if total <= PRINTABLE_WIDTH / MIN_PRINT_SCALE:
        return
    repeated = sum(widths[:titles])
    rest = total - repeated
    pages = 2
    while (
        pages < MAX_PAGES_ACROSS and PRINTABLE_WIDTH / (repeated + rest / pages) < MIN_PRINT_SCALE
    ):
        pages += 1
    ws.page_setup.fitToWidth = pages
    ws.page_setup.pageOrder = "overThenDown"  # a row's parts on consecutive pages
    ws.print_title_cols = f"A:{get_column_letter(titles)}"


def option_label(options: tuple[cat.Option, ...], code: str, lang: str) -> str:
    return cat.label(options, code, lang) if code else ""


@dataclass(frozen=True)
class Col:
    """A table column: header text, cell kind, and width bounds."""

    title: str
    kind: str = "text"
    min_width: float = 6.0
    max_width: float = 40.0
    span: int = 1  # sheet columns merged into this one (their widths are set by the sheet)


# dates as the workbook's reader writes them (a format Excel, WPS and LibreOffice all read)
DATE_FORMATS = {"zh": 'yyyy"年"m"月"d"日"', "en": "d mmm yyyy"}
WIDEST_DATE = {"zh": "2026年12月31日", "en": "31 Dec 2026"}  # the widest each shows

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
    "num": ("right", "General", False),  # a figure in its own unit: 92, 99.5, 1820
}


def shown(value: object, kind: str) -> str:
    """Roughly how a value is displayed, to size its column."""
    if value is None:
        return ""
    if isinstance(value, date):
        return "2026年12月31日"  # the widest a date is shown
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
MAX_ROW_HEIGHT = 409.0  # points: Excel's limit (a taller row makes it repair the file)


APP_XML = "docProps/app.xml"


def _property(value: object, limit: int = 250) -> str:
    """A person's text as a one-line document property."""
    return " ".join(xml_text(value).split())[:limit]


def app_xml(company: str) -> bytes:
    """The extended properties (docProps/app.xml) naming the firm as the company: openpyxl
    writes this part itself without a company, so dtbench writes its own."""
    parts = [
        # no AppVersion: Office expects its own "16.0300" form there
        f"<Application>dtbench {escape(__version__)}</Application>",
        "<DocSecurity>0</DocSecurity>",
        "<ScaleCrop>false</ScaleCrop>",
        f"<Company>{escape(_property(company))}</Company>" if company.strip() else "",
        "<LinksUpToDate>false</LinksUpToDate>",
        "<SharedDoc>false</SharedDoc>",
        "<HyperlinksChanged>false</HyperlinksChanged>",
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes">' + "".join(parts) + "</Properties>"
    ).encode("utf-8")


def write_with_app_xml(package: bytes, app: bytes, path: Path) -> None:
    """Write ``package`` (an .xlsx) to ``path`` with its docProps/app.xml replaced by
    ``app``; every other member copied as it was, in the same order."""
    with (
        zipfile.ZipFile(BytesIO(package)) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = app if info.filename == APP_XML else source.read(info)
            target.writestr(info, data)


class WorkbookWriter:
    """A workbook being built, in the deliverable language."""

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
        self._first = True
        self.widths: dict[tuple[str, str], float] = {}
        # Columns of the list sheets other sheets sum or count ("plan.budget" →
        # "'Action plan'!$G$5:$G$20"), and the formulas waiting for them.
        self.ranges: dict[str, str] = {}
        self.later: list[Callable[[], None]] = []
        self.set_properties()

    # ---------------------------------------------------------------- the file
    def set_properties(self) -> None:
        """Title, subject, author (the consultant), language and the dates of the file, as
        Excel's File > Info shows them (not openpyxl's defaults)."""
        c = self.c
        props = self.wb.properties
        now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)  # stored as UTC
        author = _property(c.author or c.firm_name)
        props.creator = author or None
        props.lastModifiedBy = author or None
        props.title = _property(f"{self.t('title_summary')} — {c.profile.client_name}")
        props.subject = _property(c.profile.title) or None
        props.language = language_tag(self.lang)
        props.keywords = _property(c.guide.standard.code) or None
        props.category = _property(c.firm_name) or None
        props.version = _property(c.deliverable.version) or None
        props.created = props.modified = now

    def save(self, path: Path) -> None:
        """Write the workbook to ``path`` (a temporary file: the caller moves it into place),
        with the firm as its company."""
        for ws in self.wb.worksheets:
            fit_print_width(ws)
        buffer = BytesIO()
        self.wb.save(buffer)
        write_with_app_xml(buffer.getvalue(), app_xml(self.c.firm_name), path)

    def column_range(self, key: str, ws: Worksheet, col: int, first: int, last: int) -> None:
        """Record rows ``first``–``last`` of column ``col`` of ``ws`` as ``key`` (nothing
        for an empty list)."""
        if last >= first:
            letter = get_column_letter(col)
            self.ranges[key] = f"'{ws.title}'!${letter}${first}:${letter}${last}"

    def finish(self) -> None:
        """Write the formulas that refer to sheets written after theirs."""
        for step in self.later:
            step()
        self.later.clear()

    # ---------------------------------------------------------------- basics
    def write(self, ws: Worksheet, row: int, col: int, value: object) -> Any:
        """The cell holding ``value``: every value goes in this way (text stays text)."""
        return put(ws, row, col, value, self.lang)

    def fit(self, value: object) -> object:
        """A text as its cell will hold it (cleaned, cut to the cell limit); others as is."""
        return cell_text(value, self.lang) if isinstance(value, str) else value

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
        self.write(ws, 1, 1, self.t(title_key)).font = self.font(bold=True, size=15, color=NAVY)
        subtitle = self.t(
            "subtitle", c.profile.client_name, c.round.name, doc_date(c.generated, self.lang)
        )
        self.write(ws, 2, 1, subtitle).font = self.font(color=GREY)
        if note:
            self.write(ws, 3, 1, note).font = self.font(italic=True, color=GREY, size=9)
        ws.row_dimensions[1].height = 24
        self.page_setup(ws)
        return ws

    def page_setup(self, ws: Worksheet) -> None:
        """A4 landscape, as wide as the page (as many pages down as it takes): one paper
        size for the whole workbook, so that it prints in one go on an office printer."""
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        client = header_text(self.c.profile.client_name)
        ws.oddHeader.left.text = client
        ws.oddHeader.right.text = "&A"
        ws.oddFooter.center.text = self.t("footer")
        ws.oddFooter.right.text = doc_date(self.c.generated, self.lang).replace("\u00a0", " ")
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
        if kind == "date":  # a real date, shown as the reader writes it
            number_format = DATE_FORMATS["en" if self.lang == "en" else "zh"]
        cell = self.write(ws, row, col, value)
        cell.font = self.font(bold=bold)
        cell.alignment = self.align(horizontal, wrap, 0, indent)
        cell.border = self.border
        if number_format != "General":
            cell.number_format = number_format
        return cell

    def header(self, ws: Worksheet, row: int, col: int, title: object) -> Any:
        cell = self.write(ws, row, col, title)
        cell.font = self.font(bold=True, color="FFFFFF")
        cell.fill = self.header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = self.border
        return cell

    def section(self, ws: Worksheet, row: int, title: str) -> None:
        self.write(ws, row, 1, title).font = self.font(bold=True, size=12, color=NAVY)

    def empty_note(self, ws: Worksheet, row: int, text: str, col: int = 1) -> None:
        cell = self.write(ws, row, col, text)
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
        # Sized on the texts as the cells will hold them (a 10 MB note is cut to a cell's).
        rows = [[self.fit(v) for v in values] for values in rows]
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
                content = max((_longest_line(shown(v[n], col.kind)) for v in rows), default=0)
                header = max(min(_longest_line(col.title) * 1.1, 16.0), _longest_word(col.title))
                # no Latin word broken in the middle, if the column may grow that wide
                words = max((_longest_word(shown(v[n], col.kind)) for v in rows), default=0)
                width = max(
                    min(max(content, header, col.min_width - 2) + 2, col.max_width),
                    min(words + 1.5, max(col.max_width, 20.0)),
                    _longest_word(col.title) + 2,
                    # a date does not wrap: a column too narrow shows "###"
                    text_width(WIDEST_DATE["en" if self.lang == "en" else "zh"]) + 2
                    if col.kind == "date"
                    else 0.0,
                )
                key = (ws.title, letters[0])  # several tables on a sheet: the widest wins
                self.widths[key] = max(width, self.widths.get(key, 0.0))
                ws.column_dimensions[letters[0]].width = round(self.widths[key], 1)
            widths.append(sum(ws.column_dimensions[x].width or DEFAULT_WIDTH for x in letters))
        self.fit_row(ws, top, [c.title for c in cols], widths, bold=True)
        for r, values in enumerate(rows, start=top + 1):
            wrapped = [
                shown(v, c.kind) if _KINDS[c.kind][2] else ""
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
            height = min(lines * LINE_HEIGHT + 4, MAX_ROW_HEIGHT)
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
            ws.column_dimensions[get_column_letter(n)].width or DEFAULT_WIDTH
            for n in range(1, ncols + 1)
        )
        lines = line_count(str(cell.value), width * 1.05)
        ws.row_dimensions[3].height = min(max(lines * 12.5 + 3, 15), MAX_ROW_HEIGHT)

    def finish_list(
        self, ws: Worksheet, ncols: int, last: int, *, freeze: str | None = None
    ) -> None:
        """Freeze the header, filter the table, repeat the header on every printed page."""
        self.fit_note(ws, ncols)
        ws.freeze_panes = freeze or f"A{FIRST_ROW}"
        if last >= FIRST_ROW:
            ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncols)}{last}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.print_area = f"A1:{get_column_letter(ncols)}{max(last, FIRST_ROW)}"

    def status_list(
        self, ws: Worksheet, labels: Sequence[str], col: int, first: int, last: int
    ) -> DataValidation:
        """A drop-down of ``labels`` on the column's rows."""
        letter = get_column_letter(col)
        return validate(
            ws,
            [f"{letter}{first}:{letter}{last}"],
            type="list",
            formula1='"' + ",".join(labels) + '"',
            allow_blank=True,
            error=self.t("invalid_status"),
            errorTitle=self.t("status"),
        )

    def key_value(self, ws: Worksheet, row: int, label: str, value: object, fmt: str = "") -> None:
        a = self.write(ws, row, 1, label)
        a.font = self.font(bold=True)
        a.fill = self.label_fill
        a.border = self.border
        a.alignment = self.align("left", wrap=False)
        b = self.write(ws, row, 2, value)
        b.font = self.font()
        b.alignment = self.align("left", wrap=False)
        if fmt:
            b.number_format = fmt


def validate(ws: Worksheet, areas: Sequence[str], **rule: Any) -> DataValidation:
    """A data validation on ``areas`` that refuses what breaks ``rule`` with its message."""
    dv = DataValidation(showErrorMessage=True, **rule)
    for area in areas:
        dv.add(area)
    ws.add_data_validation(dv)
    return dv


def tint_labels(
    ws: Worksheet, area: str, tints: Sequence[tuple[str, str, str]], *, bold: bool = False
) -> None:
    """Colour the cells of ``area`` that read one of the labels: ``(label, fill, font colour)``
    each; the colours follow a label the reader picks later."""
    for label, fill, color in tints:
        ws.conditional_formatting.add(
            area,
            CellIsRule(
                operator="equal",
                formula=['"' + label.replace('"', '""') + '"'],
                fill=PatternFill("solid", start_color=fill, end_color=fill),
                font=Font(color=color, bold=bold),
            ),
        )


def characters(font: str, size: int, bold: bool = False) -> CharacterProperties:
    return CharacterProperties(
        sz=size,
        b=bold,
        latin=DrawingFont(typeface=font),
        ea=DrawingFont(typeface=EAST_ASIAN_FONT),
    )


def style_chart(chart: Any, title: str, font: str) -> None:
    """A modest bold title and 9 pt axis labels in the workbook's fonts."""
    props = characters(font, 1200, bold=True)
    paragraph = Paragraph(
        pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=title)]
    )
    chart.title = Title(tx=ChartText(rich=RichText(p=[paragraph])), overlay=False)
    for axis in (chart.x_axis, chart.y_axis):
        axis.delete = False
        small = characters(font, 900)
        axis.txPr = RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=small), endParaRPr=small)])


def value_labels(chart: Any, number_format: str) -> None:
    labels = DataLabelList()
    labels.showVal = True
    labels.showCatName = False
    labels.showSerName = False
    labels.showLegendKey = False
    labels.showPercent = False
    labels.numFmt = number_format
    chart.dataLabels = labels
