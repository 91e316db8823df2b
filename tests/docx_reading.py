"""Reading a .docx as its reader sees it: paragraphs with the numbers Word puts before them.

python-docx's ``paragraph.text`` leaves out list numbers (第三章, 一、, （一）, Appendix A,
A.1), which Word and LibreOffice draw from the numbering definitions. These helpers draw
them the same way, from ``word/numbering.xml``, so tests can assert what a reader sees."""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from dtbench.deliverables.formats import chinese_number


def _format(value: int, fmt: str) -> str:
    if fmt == "decimal":
        return str(value)
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional"):
        return chinese_number(value)
    if fmt == "upperLetter":
        return chr(ord("A") + value - 1)
    if fmt == "lowerLetter":
        return chr(ord("a") + value - 1)
    if fmt == "none":
        return ""
    raise AssertionError(f"number format {fmt} not drawn by the test helper")


class _Lists:
    def __init__(self, document: Document) -> None:
        root = document.part.numbering_part.element
        abstracts = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        self.levels: dict[str, dict[int, tuple[str, str, str, int]]] = {}
        self.abstract_of: dict[str, str] = {}
        self.start_over: dict[str, set[int]] = {}
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
            self.abstract_of[num_id] = abstract_id
            self.start_over[num_id] = {
                int(o.get(qn("w:ilvl")))
                for o in num.findall(qn("w:lvlOverride"))
                if o.find(qn("w:startOverride")) is not None
            }
            levels = {}
            for lvl in abstracts[abstract_id].findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt")).get(qn("w:val"))
                text = lvl.find(qn("w:lvlText")).get(qn("w:val"))
                suff = lvl.find(qn("w:suff"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl")))] = (
                    fmt,
                    text,
                    "tab" if suff is None else suff.get(qn("w:val")),
                    1 if start is None else int(start.get(qn("w:val"))),
                )
            self.levels[num_id] = levels
        # counters per abstract list (nums sharing one continue it) unless started over
        self.counters: dict[str, list[int]] = {}

    def label(self, paragraph: Paragraph) -> str:
        ppr = paragraph._p.pPr
        num_pr = None if ppr is None else ppr.find(qn("w:numPr"))
        if num_pr is None:
            return ""
        num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
        ilvl = int(num_pr.find(qn("w:ilvl")).get(qn("w:val")))
        levels = self.levels[num_id]
        key = num_id if self.start_over[num_id] else self.abstract_of[num_id]
        counters = self.counters.setdefault(
            key, [levels[i][3] - 1 for i in range(9) if i in levels]
        )
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = levels[deeper][3] - 1
        _fmt, text, suffix, _start = levels[ilvl]
        for level in range(ilvl + 1):
            text = text.replace(f"%{level + 1}", _format(counters[level], levels[level][0]))
        if not text:
            return ""
        return text + {"space": " ", "tab": "\t", "nothing": ""}[suffix]


def shown(document: Document) -> Iterator[tuple[str, str]]:
    """Each body paragraph's style name and text with its list number before it."""
    lists = _Lists(document)
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        yield style, lists.label(paragraph) + paragraph.text


def headings(document: Document, level: int) -> list[str]:
    """The headings of ``level`` as the reader sees them: '第三章 诊断结果', 'A.1 …'."""
    name = f"Heading {level}"
    return [text for style, text in shown(document) if style == name]


def texts(document: Document) -> list[str]:
    """Every body paragraph as the reader sees it, numbers included."""
    return [text for _, text in shown(document)]
