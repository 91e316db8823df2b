"""The one way dtbench puts a value into an Excel cell.

Text from a person (a note, a finding, a plan title, a client's questionnaire note, text
read from a .dtbx) is always TEXT: openpyxl turns a string starting with "=" into a live
formula (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``) and "#N/A" into an error, so the type is
forced to a string and a text Excel or LibreOffice might read as a formula when the cell is
edited (``= + - @``) gets the quote prefix. The only formulas are dtbench's own: totals built
from cell references (:func:`put_total`: SUM, SUMIF, SUMIFS, COUNTA, COUNTIF and + - * / >=
between references, also on another sheet of the workbook) and scores (:func:`put_formula`:
references, numbers, operators, IF/SUM/ROUND/MAX/ABS/COUNT/ISNUMBER and short quoted labels);
:func:`is_own_formula` is the one check both pass, so no text from a person can become a
formula (conditional formatting has its own rules). Every function is one Excel and
LibreOffice read alike in any locale (the file always stores the English names and commas).
The text is also made writable: characters XML forbids are cleaned
(:mod:`dtbench.deliverables.safe_text`) and a text longer than an Excel cell holds (32,767
characters) is cut with a visible note saying where the full text is.

Every sheet writes through :func:`put` (tests/test_safe_writers.py checks that no other
code sets a cell's value).
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from dtbench.deliverables.safe_text import xml_text

CELL_LIMIT = 32_767  # characters (UTF-16 units) an Excel cell holds
# Starts that Excel or LibreOffice may read as a formula when a person edits the cell.
FORMULA_STARTS = ("=", "+", "-", "@", "＝", "＋", "－", "\t")
CUT_NOTE = {
    "zh": "…【此处截断：Excel 单元格最多容纳 32,767 个字符，全文见 dtbench 及 Word 建议书】",
    "en": (
        "… [cut here: an Excel cell holds at most 32,767 characters; the full text is in "
        "dtbench and in the Word proposal]"
    ),
}
HEADER_LIMIT = 80  # characters of a person's text in a page header (Excel allows 255 in all)


def _units(text: str) -> int:
    """Length as Excel counts it: characters outside the BMP take two units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def fit_cell(text: str, lang: str) -> str:
    """``text`` cut to what a cell holds, ending with a note saying so when cut."""
    if len(text) * 2 <= CELL_LIMIT or _units(text) <= CELL_LIMIT:
        return text
    note = CUT_NOTE.get(lang, CUT_NOTE["en"])
    room = CELL_LIMIT - _units(note)
    # Cut on UTF-16 units; a character split in two is dropped whole.
    head = text.encode("utf-16-le")[: room * 2].decode("utf-16-le", errors="ignore")
    return head + note


def was_cut(text: str) -> bool:
    """True for a cell text :func:`fit_cell` cut: reading a workbook back (a returned
    questionnaire), such a text must not replace the full one kept in dtbench."""
    return text.endswith(tuple(CUT_NOTE.values()))


def cell_text(value: object, lang: str) -> str:
    """A person's text as a cell can hold it."""
    return fit_cell(xml_text(value), lang)


def set_value(cell: Any, value: object, lang: str) -> None:
    """Put ``value`` into ``cell``: numbers and dates as they are, any text as text."""
    if isinstance(value, str):
        text = cell_text(value, lang)
        cell.value = text
        cell.data_type = "s"  # never a formula or an error value, whatever it starts with
        if text.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # stays text when edited in Excel or LibreOffice
    else:
        cell.value = value


def put(ws: Worksheet, row: int, col: int, value: object, lang: str) -> Any:
    """The cell at ``row``, ``col`` holding ``value`` (left empty for None)."""
    cell = ws.cell(row, col)
    if value is not None:
        set_value(cell, value, lang)
    return cell


# A formula dtbench writes: cell references, numbers, arithmetic and comparison, IF/SUM/ROUND,
# and short quoted labels of dtbench's own (a level's name) without quotes or formula marks.
OWN_FORMULA = re.compile(
    r"=(?:\$?[A-Z]{1,3}\$?[0-9]{1,7}|[0-9.]+|[-+*/^(),:<>=&]"
    r"|ISNUMBER|COUNT|ROUND|ABS|MAX|SUM|IF"
    r'|"[^"=+@\n]{0,12}")+'
)


def is_own_formula(text: object) -> bool:
    """A formula dtbench writes: a total (:func:`is_total_formula`) or a score
    (:data:`OWN_FORMULA`); never anything a person typed."""
    if not isinstance(text, str):
        return False
    return is_total_formula(text) or OWN_FORMULA.fullmatch(text) is not None


def put_formula(ws: Worksheet, row: int, col: int, formula: str) -> Any:
    """The cell at ``row``, ``col`` holding one of dtbench's own formulas (ValueError for
    anything else), so a client can change the inputs and see the result follow."""
    if not is_own_formula(formula):
        raise ValueError(f"not a formula dtbench writes: {formula[:60]!r}")
    cell = ws.cell(row, col)
    cell.value = formula
    return cell


def header_text(value: object, limit: int = HEADER_LIMIT) -> str:
    """A person's text for a printed page header or footer: one short line, ``&`` doubled
    (Excel's code character there)."""
    text = " ".join(xml_text(value).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("&", "&&")


# A sheet of the workbook (dtbench names them; none holds a quote, a pipe or a bracket).
_SHEET = r"(?:'[^'|!=\[\]:*?/\\]{1,31}'!)?"
_REF = r"\$?[A-Z]{1,3}\$?[0-9]{1,7}"
_TOKEN = re.compile(
    rf"(SUMIFS|SUMIF|SUM|COUNTIF|COUNTA)\(|{_SHEET}{_REF}:{_REF}|{_SHEET}{_REF}|>=|[-+*/,()]"
)


def is_total_formula(text: object) -> bool:
    """True for a formula :func:`put_total` writes: ``=`` then only SUM/SUMIF/SUMIFS/COUNTA/
    COUNTIF calls, cell references and ranges (on this or another sheet), commas,
    parentheses and + - * / >= (no text, no other function, no link)."""
    if not isinstance(text, str) or not text.startswith("=") or len(text) > 2000:
        return False
    at, body = 0, text[1:]
    while at < len(body):
        match = _TOKEN.match(body, at)
        if match is None:
            return False
        at = match.end()
    return bool(body) and body.count("(") == body.count(")")


def put_total(ws: Worksheet, row: int, col: int, formula: str) -> Any:
    """The cell at ``row``, ``col`` holding a total the client can change (``=SUM(D5:D9)``);
    ValueError for anything but such a formula."""
    if not is_total_formula(formula):
        raise ValueError(f"not a total formula: {formula[:60]!r}")
    return put_formula(ws, row, col, formula)


def safe_criterion(text: str) -> bool:
    """True when ``text``, as the criterion of a SUMIF or COUNTIF, matches exactly the cells
    holding that text: no wildcard (``* ? ~``), no comparison at its start, within the
    255 characters a criterion may have. A name failing this is summed by dtbench instead."""
    return (
        bool(text.strip())
        and len(text) <= 255
        and not any(ch in text for ch in "*?~")
        and not text.startswith(("<", ">", "="))
    )
