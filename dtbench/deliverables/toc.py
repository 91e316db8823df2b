"""The proposal's table of contents, there when the file is opened.

Word builds a table of contents only when asked to (and LibreOffice and WPS show what the
file holds), so the proposal writes the field's result itself: one entry per chapter and
section of the body, one per appendix (title only), each a link to its heading's bookmark
with a PAGEREF field for the page. Word can still update the whole field.

The page numbers come from a layout: when LibreOffice is installed, :func:`paginate` lays the
file out as PDF, reads the page of each heading from the PDF's outline and writes the numbers
into the entries. The entries' text does not change, so the table keeps its pages and the
numbers stay true. Without LibreOffice the entries are there without numbers and the field
is marked for Word to update."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'
BOOKMARK_PREFIX = "_Toc"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Entry:
    level: int  # 1 chapter or appendix, 2 section
    text: str  # as the heading shows it: "3.2 总体结果", "附录A 诊断方法"
    bookmark: str


def key(text: str) -> str:
    """A heading's text compared across Word and PDF (spaces as the layout puts them)."""
    return _SPACES.sub("", text)


def add_bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """Mark the whole paragraph as bookmark ``name`` (the target of its entry's link)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    p = paragraph._p
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def _style(document: Any, level: int, text_cm: float, font: tuple[str, str] | None) -> str:
    """The style id of the entries of ``level`` ("toc 1", "toc 2", Word's built-in names)."""
    name = f"toc {level}"
    styles = document.styles
    existing = next((s for s in styles if s.name.lower() == name), None)
    if existing is not None:
        return str(existing.style_id)
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    fmt = style.paragraph_format
    fmt.space_before = Pt(6 if level == 1 else 0)
    fmt.space_after = Pt(2)
    fmt.first_line_indent = Cm(0)
    fmt.left_indent = Cm(0 if level == 1 else 0.8)
    fmt.tab_stops.add_tab_stop(Cm(text_cm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    style.font.bold = level == 1
    style.font.size = Pt(11 if level == 1 else 10.5)
    if font is not None:
        style.font.name = font[0]
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font[1])
    return str(style.style_id)


def _run(text: str) -> Any:
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def field_char(kind: str, dirty: bool = False) -> Any:
    """A run holding a field character: "begin", "separate" or "end"."""
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    run.append(char)
    return run


def field_instruction(text: str) -> Any:
    """A run holding a field's instruction (' TOC …', ' PAGE ')."""
    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {text} "
    run.append(instr)
    return run


def write_entries(
    document: Any,
    anchor: Paragraph,
    entries: list[Entry],
    text_cm: float,
    font: tuple[str, str] | None,
) -> None:
    """Replace the paragraph ``anchor`` with the table of contents' field and its result."""
    ids = {level: _style(document, level, text_cm, font) for level in (1, 2)}
    paragraphs = []
    for n, entry in enumerate(entries):
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), ids[entry.level])
        ppr.append(style)
        p.append(ppr)
        if n == 0:  # the field opens in the first entry…
            p.append(field_char("begin", dirty=True))
            p.append(field_instruction(TOC_INSTRUCTION))
            p.append(field_char("separate"))
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), entry.bookmark)
        link.set(qn("w:history"), "1")
        link.append(_run(entry.text))
        tab = OxmlElement("w:r")
        tab.append(OxmlElement("w:tab"))
        link.append(tab)
        link.append(field_char("begin"))
        link.append(field_instruction(f"PAGEREF {entry.bookmark} \\h"))
        link.append(field_char("separate"))
        link.append(_run(""))  # the page number, once known
        link.append(field_char("end"))
        p.append(link)
        if n == len(entries) - 1:  # …and closes in the last
            p.append(field_char("end"))
        paragraphs.append(p)
    for p in paragraphs:
        anchor._p.addprevious(p)
    anchor._p.getparent().remove(anchor._p)


# ---------------------------------------------------------------- page numbers
def outline_pages(pdf: Path) -> dict[str, int]:
    """The page (1-based) of each heading in a PDF's outline, by :func:`key` of its title."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    pages: dict[str, int] = {}

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
                continue
            number = reader.get_destination_page_number(item)
            if number is not None and number >= 0:
                pages.setdefault(key(str(item.title)), number + 1)

    walk(reader.outline)
    return pages


def fill_pages(document: Any, pages: dict[str, int]) -> int:
    """Write the page of each entry into its PAGEREF result; returns how many were found.
    The field stays for Word to update, no longer marked as needing it once all are known."""
    body = document.element.body
    found = total = 0
    first_begin = None
    for link in body.iter(qn("w:hyperlink")):
        anchor = link.get(qn("w:anchor")) or ""
        texts = list(link.iter(qn("w:t")))
        if not anchor.startswith(BOOKMARK_PREFIX) or len(texts) < 2:
            continue
        total += 1
        page = pages.get(key(texts[0].text or ""))
        if page is not None:
            texts[-1].text = str(page)  # the PAGEREF field's result
            found += 1
        if first_begin is None:
            first_begin = link.getparent().find(f"{qn('w:r')}/{qn('w:fldChar')}")
    if first_begin is not None and total and found == total:
        # every number is true: Word need not update anything (nor ask to) on opening
        first_begin.attrib.pop(qn("w:dirty"), None)
        update = document.settings.element.find(qn("w:updateFields"))
        if update is not None:
            update.getparent().remove(update)
    return found


def paginate(path: Path, cancelled: Callable[[], bool] | None = None) -> bool:
    """Lay ``path`` out with LibreOffice and write its table of contents' page numbers into
    it (atomically); False when LibreOffice is not there or could not lay it out."""
    import docx

    from dtbench.deliverables.files import write_atomically
    from dtbench.deliverables.office import find_soffice, to_pdf

    soffice = find_soffice()
    if soffice is None:
        return False
    with tempfile.TemporaryDirectory(prefix="dtbench-toc-") as folder:
        # a plain name: the office program's command line and PDF name stay simple
        copy = Path(folder) / "proposal.docx"
        copy.write_bytes(path.read_bytes())
        pdf = to_pdf(copy, Path(folder), soffice, cancelled)
        if pdf is None:
            return False
        pages = outline_pages(pdf)
    document = docx.Document(str(path))
    if not fill_pages(document, pages):
        return False
    write_atomically(path, lambda tmp: document.save(str(tmp)))
    return True
