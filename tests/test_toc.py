"""The table of contents is there when the proposal is opened anywhere: entries written into
the file, linked to their headings, and (with LibreOffice) the pages they start on."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx_reading import headings, shown
from libreoffice import soffice

from dtbench.deliverables.cancel import ExportCancelled
from dtbench.deliverables.content import gather
from dtbench.deliverables.docx_proposal import build_proposal
from dtbench.deliverables.export import ExportRequest, TocNotNumbered, run_export
from dtbench.deliverables.office import find_soffice, to_pdf
from dtbench.sample import create_demo
from dtbench.store import Store


def _entries(document: docx.document.Document) -> list[tuple[str, str, str]]:
    """(style, text, anchor) of each entry of the table of contents."""
    out = []
    for paragraph in document.paragraphs:
        links = paragraph._p.findall(qn("w:hyperlink"))
        if paragraph.style is None or not paragraph.style.name.startswith("toc") or not links:
            continue
        texts = [t.text or "" for t in links[0].iter(qn("w:t"))]
        out.append((paragraph.style.name, texts[0], links[0].get(qn("w:anchor"))))
    return out


def _bookmarks(document: docx.document.Document) -> dict[str, str]:
    """Bookmark name → the text of the paragraph it marks, with its number as shown."""
    marks = {}
    for paragraph, (_style, text) in zip(document.paragraphs, shown(document), strict=True):
        for start in paragraph._p.findall(qn("w:bookmarkStart")):
            marks[start.get(qn("w:name"))] = text
    return marks


def test_the_entries_are_in_the_file_linked_to_their_headings(store: Store, tmp_path: Path) -> None:
    content = gather(store, create_demo(store), "zh")
    path = build_proposal(content, tmp_path / "p.docx", figures={})
    document = docx.Document(str(path))
    entries = _entries(document)
    chapters = headings(document, 1)
    assert [text for style, text, _a in entries if style == "toc 1"] == chapters
    assert chapters[0] == "第一章 执行摘要" and chapters[-1] == "附录E 术语和缩略语"
    sections = [text for style, text, _a in entries if style == "toc 2"]
    assert "一、核心发现" in sections and "一、提请决策事项" in sections
    assert not any(text[:1].isalpha() and text[1:2] == "." for text in sections)  # no "A.1"
    assert len(entries) < 80  # one page or two, not the guide's clauses
    marks = _bookmarks(document)
    assert all(marks[anchor] == text for _s, text, anchor in entries)  # each link lands
    # a real field Word can update, its result being these entries
    instructions = " ".join(t.text for t in document.element.body.iter(qn("w:instrText")))
    assert 'TOC \\o "1-2"' in instructions and instructions.count("PAGEREF") == len(entries)
    assert "更新域" not in "\n".join(p.text for p in document.paragraphs)  # no placeholder


def test_without_libreoffice_the_export_says_the_pages_are_to_come(
    store: Store, tmp_path: Path
) -> None:
    uuid = create_demo(store)
    request = ExportRequest(uuid, docx=tmp_path / "p.docx", record_issue=False)
    run_export(store, request)
    assert any(isinstance(n, TocNotNumbered) for n in request.notices)
    assert _entries(docx.Document(str(request.docx)))  # the entries are there all the same


def _soffice(monkeypatch: pytest.MonkeyPatch) -> str:
    return soffice(monkeypatch)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pages_in_the_contents_are_the_pages_the_chapters_start_on(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    soffice = _soffice(monkeypatch)
    uuid = create_demo(store, language=lang)
    request = ExportRequest(uuid, docx=tmp_path / f"{lang}.docx", record_issue=False)
    run_export(store, request)
    assert not any(isinstance(n, TocNotNumbered) for n in request.notices)
    pdf = to_pdf(request.docx, tmp_path, soffice)  # as the client's LibreOffice shows it
    assert pdf is not None
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    listed = _listed("\n".join(pages[2:5]))
    document = docx.Document(str(request.docx))
    entries = _entries(document)
    # every number known: Word opens the file without asking to update its fields
    assert document.settings.element.find(qn("w:updateFields")) is None
    assert not [c for c in document.element.body.iter(qn("w:fldChar")) if c.get(qn("w:dirty"))]
    assert [re.sub(r"\s+", "", t) for t, _n in listed] == [
        re.sub(r"\s+", "", text) for _s, text, _a in entries
    ]
    for title, number in listed:
        page = re.sub(r"\s+", "", pages[int(number) - 1])
        assert re.sub(r"\s+", "", title) in page, (title, number)
    numbered = r"(第[一二三四五六七八九十]+章|Chapter \d+|附录 ?[A-E]|Appendix [A-E]) ?\S"
    chapters = [t for t, _n in listed if re.match(numbered, t)]
    assert len(chapters) == 18  # 13 chapters and 5 appendices, each with its page


def _listed(text: str) -> list[tuple[str, int]]:
    """(title, page) of each entry on the contents pages; a long title wraps onto a second
    line, the page number on the last."""
    listed, pending = [], ""
    for line in text.splitlines():
        found = re.match(r"^\s*(\S.*?)\s*\.+\s*(\d+)\s*$", line)  # a long title leaves one dot
        if found:
            title = (pending + " " + found[1]).strip().rstrip(".").strip()  # dots alone: wrapped
            listed.append((title, int(found[2])))
            pending = ""
        elif not line.strip():
            pending = ""
        elif not re.search(r"Dalian Lanyue|大连澜岳|目录|Contents", line):
            pending = (pending + " " + line.strip()).strip()
    return listed


def test_a_cancelled_layout_stops_the_office_program(tmp_path: Path, monkeypatch) -> None:
    soffice = _soffice(monkeypatch)
    source = tmp_path / "x.docx"
    document = docx.Document()
    document.add_paragraph("x")
    document.save(str(source))
    with pytest.raises(ExportCancelled):
        to_pdf(source, tmp_path, soffice, cancelled=lambda: True)
    assert not (tmp_path / "x.pdf").exists()


def test_libreoffice_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DTBENCH_SOFFICE", "none")
    assert find_soffice() is None
    monkeypatch.setenv("DTBENCH_SOFFICE", "/no/such/office")
    assert find_soffice() is None
