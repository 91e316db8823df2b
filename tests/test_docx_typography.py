"""The proposal's typography as a Chinese (or English) business reader expects it: tables at
小五 or larger, dates in the document's language, one range dash, the abbreviations the text
uses, and table columns that never split a word or a number (checked on LibreOffice's PDF)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from libreoffice import soffice

from dtbench.deliverables.abbreviations import used
from dtbench.deliverables.content import gather
from dtbench.deliverables.docx_proposal import build_proposal
from dtbench.deliverables.formats import doc_date, range_dashes, unnest_brackets
from dtbench.deliverables.office import to_pdf
from dtbench.deliverables.table_widths import fit, pieces
from dtbench.guide.model import Abbreviation, Text
from dtbench.sample import create_demo
from dtbench.store import open_store


@dataclass
class Built:
    path: Path
    doc: Document


@pytest.fixture(scope="module")
def proposals(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Built]]:
    folder = tmp_path_factory.mktemp("typography")
    built = {}
    for lang in ("zh", "en"):
        store = open_store(folder / f"{lang}.sqlite3")
        try:
            content = gather(store, create_demo(store, language=lang), lang)
        finally:
            store.close()
        path = build_proposal(content, folder / f"{lang}.docx", figures={})
        built[lang] = Built(path, docx.Document(str(path)))
    yield built


def _texts(document: Document) -> list[str]:
    return [node.text or "" for node in document.element.body.iter(qn("w:t"))]


def _table_cells(document: Document) -> list[str]:
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


# ------------------------------------------------------------------------------ sizes
def test_no_table_text_below_9_pt(proposals: dict[str, Built]) -> None:
    for built in proposals.values():
        doc = built.doc
        for name in ("Table Text", "Table Text Small"):
            size = doc.styles[name].font.size
            assert size is not None and size.pt >= 9, name
        for table in doc.element.body.iter(qn("w:tbl")):
            for sz in table.iter(qn("w:sz")):
                assert int(sz.get(qn("w:val"))) >= 18  # half-points


# ------------------------------------------------------------------------------ dates
def test_dates_are_written_in_the_documents_language(proposals: dict[str, Built]) -> None:
    zh = _texts(proposals["zh"].doc)
    assert not [t for t in zh if re.search(r"\d{4}-\d{2}-\d{2}", t)]  # no ISO date
    assert any(re.search(r"20\d\d年\d{1,2}月\d{1,2}日", t) for t in zh)
    en = _texts(proposals["en"].doc)
    assert not [t for t in en if re.search(r"\d{4}-\d{2}-\d{2}", t)]
    assert any(
        re.search(r"\d{1,2}\u00a0(Jan|Feb|Mar|Jun|Jul|Sep|Oct|Dec)\u00a020\d\d", t) for t in en
    )
    assert doc_date(date(2026, 12, 4), "zh") == "2026年12月4日"
    assert doc_date(date(2026, 12, 4), "en") == "4\u00a0Dec\u00a02026"  # never wraps
    assert doc_date(None, "zh") == "—"


# ----------------------------------------------------------------------- dashes, percent
def test_one_range_dash_per_language(proposals: dict[str, Built]) -> None:
    zh = "\n".join(_texts(proposals["zh"].doc))  # each run on its own (cells are apart)
    assert re.search(r"\d—\d", zh)  # 2026—2028年, 1—5分
    assert not re.search(r"\d[ \t]?[–～~][ \t]?\d", zh)  # the consultant's 2–3天 too
    en = "\n".join(_texts(proposals["en"].doc))
    assert re.search(r"\d–\d", en)
    assert not re.search(r"\d[ \t]?[—～][ \t]?\d", en)
    assert not re.search(r"\d[ \u00a0]%", en)  # "80%" as in the rest of the text
    assert range_dashes("2026-03-01，2–3天，1～5分", "zh") == "2026-03-01，2—3天，1—5分"


def test_no_brackets_inside_brackets(proposals: dict[str, Built]) -> None:
    for lang, built in proposals.items():
        for text in _texts(built.doc):
            if "×" in text:  # a formula
                continue
            assert not re.search(r"（[^（）]*（[^（）]*）[^（）]*）", text), text
            if lang == "en":
                assert not re.search(r"\([^()]*\([^()]*\)[^()]*\)", text), text
    zh = "\n".join(_texts(proposals["zh"].doc))
    assert "刘海峰（副总经理，生产）" in zh  # the consultant's 副总经理（生产） inside a pair
    assert unnest_brackets("priority = weight × ((1 + gap)² − 1)", "en").endswith(
        "((1 + gap)² − 1)"
    )


# ------------------------------------------------------------------------ abbreviations
def _abbreviations(doc: Document) -> list[str]:
    tables = [t for t in doc.tables if t.rows[0].cells[0].text in ("缩略语", "Abbreviation")]
    assert len(tables) == 1
    return [row.cells[0].text for row in tables[0].rows[1:]]


def test_the_abbreviations_listed_are_those_the_text_uses(proposals: dict[str, Built]) -> None:
    listed = _abbreviations(proposals["zh"].doc)
    for abbr in ("APS", "WMS", "OEE", "DNC", "OPC UA", "BOM", "8D", "KPI", "MES", "ERP"):
        assert abbr in listed, abbr
    assert "SCADA" not in listed and "PLC" not in listed  # known, but never used here
    assert listed == sorted(listed, key=str.upper)
    en = _abbreviations(proposals["en"].doc)
    assert "WIP" in en and "CNC" in en  # the English text's own
    rows = {
        row.cells[0].text: row.cells[1].text
        for t in proposals["zh"].doc.tables
        if t.rows[0].cells[0].text == "缩略语"
        for row in t.rows[1:]
    }
    assert rows["OEE"] == "设备综合效率" and rows["MES"] == "制造执行系统"


def test_abbreviations_are_found_as_words() -> None:
    guide = [Abbreviation("RFID", "射频识别", "Radio Frequency Identification")]
    found = [a.abbr for a in used("两个KPIs；OPC  UA接入；MESSAGE；APSX；RFID标签", guide)]
    assert found == ["KPI", "OPC UA", "RFID"]


# ------------------------------------------------------------------------ column widths
def test_a_column_too_narrow_for_its_longest_word_is_widened() -> None:
    widths = [600, 3000, 600]  # twips
    cells = [[("No.", True), ("1", False)], [("Title", True), ("A long text", False)], [
        ("Coverage", True), ("95%", False)]]  # fmt: skip
    out = fit(widths, cells, 9.0)
    assert sum(out) == sum(widths)  # the table keeps its width
    assert out[2] > 600 and out[1] < 3000
    assert pieces("2026年7月1日 MES二期 I-06 machining-centre") == [
        "2026年7月1日",
        "MES",
        "I-06",
        "machining-",
        "centre",
    ]


def _split_words(document: Document, pdf: Path) -> list[tuple[str, str]]:
    """Words or numbers of the tables that the PDF breaks across two lines ("ME" / "S")."""
    wanted = {
        piece
        for text in _table_cells(document)
        for piece in re.findall(r"[A-Za-z0-9%.,/]+(?:-[A-Za-z0-9]+)*", text)
        if len(piece) >= 2
    }
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ElementTree.fromstring(re.sub(r'xmlns="[^"]+"', "", xml))
    found = []
    for block in root.iter("block"):
        lines = [[w.text or "" for w in line.iter("word")] for line in block.iter("line")]
        for first, second in pairwise(lines):
            if not first or not second or first[-1].endswith("-"):  # a hyphen may end a line
                continue
            head, tail = first[-1].strip(".,;:()（）、，。"), second[0].strip(".,;:()（）、，。")
            if head + tail in wanted and head not in wanted and tail not in wanted:
                found.append((first[-1], second[0]))
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_libreoffice_splits_no_word_or_number_in_a_table(
    proposals: dict[str, Built], lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = proposals[lang]
    pdf = to_pdf(built.path, tmp_path, soffice(monkeypatch))
    assert pdf is not None
    assert _split_words(built.doc, pdf) == []


# ------------------------------------------------------------------------ one language
def _fixed_texts() -> list[tuple[str, str, Text]]:
    """Every text the deliverables and their charts write themselves, as (module, key, text)."""
    import importlib
    import pkgutil

    import dtbench.deliverables
    import dtbench.reports

    out = []
    for package in (dtbench.deliverables, dtbench.reports):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for value in vars(module).values():
                if isinstance(value, dict):
                    out += [(info.name, str(k), v) for k, v in value.items() if isinstance(v, Text)]
    return out


def test_every_text_dtbench_writes_is_in_one_language() -> None:
    """A Chinese document's own words are Chinese (abbreviations aside), an English one's
    English: no 'Coverage' in 中文, no '定义' in English."""
    texts = _fixed_texts()
    assert len(texts) > 400
    cjk = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
    for module, key, text in texts:
        english_words = [w for w in re.findall(r"[A-Za-z]*[a-z]{3,}", text.zh) if w != "dtbench"]
        assert not english_words, (module, key, text.zh)
        assert not cjk.search(text.en), (module, key, text.en)


def test_the_chinese_sample_documents_hold_no_english_sentence(
    proposals: dict[str, Built], tmp_path: Path
) -> None:
    """Every run of the Chinese proposal and every cell of its Excel plan: no English words
    strung together (names and abbreviations such as Siemens OPC UA are not sentences); the
    abbreviations table's English expansions are the one place English belongs."""
    from openpyxl import load_workbook

    from dtbench.deliverables.xlsx_plan import build_action_plan

    sentence = re.compile(r"\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b")
    doc = proposals["zh"].doc
    expansions = {
        cell.text
        for table in doc.tables
        if table.rows[0].cells[0].text == "缩略语"
        for row in table.rows
        for cell in row.cells
    }
    found = [t for t in _texts(doc) if sentence.search(t) and t not in expansions]
    assert found == []
    folder = tmp_path
    store = open_store(folder / "zh.sqlite3")
    try:
        content = gather(store, create_demo(store), "zh")
    finally:
        store.close()
    book = load_workbook(build_action_plan(content, folder / "plan.xlsx"))
    cells = [
        (ws.title, c.value)
        for ws in book
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and not c.value.startswith("=") and sentence.search(c.value)
    ]
    assert cells == []
