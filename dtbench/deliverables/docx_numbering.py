"""Word numbering for the proposal's headings and numbered lists.

Headings carry real list numbering (``w:numPr``), so moving a chapter in Word renumbers it and
an updated table of contents follows. The scheme never reads like a guide clause ("6.1.1"):

- Chinese: 第一章 … / 一、… for chapters and their sections; 附录A … / A.1 … for appendices;
- English: Chapter 1 … (sections unnumbered, as the titles say enough); Appendix A … / A.1 ….

Numbered lists (the decisions put to the board, the key findings) are lists as well: each
starts again at one. :meth:`Numbering.label` gives the text Word shows for a heading, for the
table of contents the proposal writes itself.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from dtbench.deliverables.formats import chinese_number

# Abstract numbering ids well above those of python-docx's template and ordinary templates.
_FIRST_ID = 9100


def _level(ilvl: int, fmt: str, text: str, suffix: str, *, indent: int = 0) -> str:
    hanging = f' w:hanging="{indent}"' if indent else ' w:firstLine="0"'
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}"{hanging}/></w:pPr></w:lvl>'
    )


def _abstract(number: int, levels: str) -> Any:
    return parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}">'
        f'<w:nsid w:val="{number:08X}"/><w:multiLevelType w:val="multilevel"/>'
        f"{levels}</w:abstractNum>"
    )


class Numbering:
    """The numbering definitions of one proposal, added to its numbering part."""

    def __init__(self, document: Document, lang: str) -> None:
        self.lang = lang
        self.zh = lang != "en"
        self._root = document.part.numbering_part.element
        used = [int(a.get(qn("w:abstractNumId"))) for a in self._abstracts()]
        base = max([_FIRST_ID - 1, *used]) + 1
        if self.zh:
            chapters = _level(0, "chineseCounting", "第%1章", "space") + _level(
                1, "chineseCounting", "%2、", "nothing"
            )
            appendices = _level(0, "upperLetter", "附录%1", "space")
        else:
            chapters = _level(0, "decimal", "Chapter %1", "space") + _level(
                1, "none", "", "nothing"
            )
            appendices = _level(0, "upperLetter", "Appendix %1", "space")
        appendices += _level(1, "decimal", "%1.%2", "space")
        item = (
            _level(0, "chineseCounting", "（%1）", "nothing")
            if self.zh
            else _level(0, "decimal", "%1.", "tab", indent=360)
        )
        self._chapters = self._num(self._add_abstract(base, chapters))
        self._appendices = self._num(self._add_abstract(base + 1, appendices))
        self._list_abstract = self._add_abstract(base + 2, item)

    def _abstracts(self) -> list[Any]:
        return list(self._root.findall(qn("w:abstractNum")))

    def _add_abstract(self, number: int, levels: str) -> int:
        element = _abstract(number, levels)
        first_num = self._root.find(qn("w:num"))
        if first_num is not None:  # every abstractNum precedes every num
            first_num.addprevious(element)
        else:
            self._root.append(element)
        return number

    def _num(self, abstract: int, *, restart: bool = False) -> int:
        ids = [int(n.get(qn("w:numId"))) for n in self._root.findall(qn("w:num"))]
        num_id = max([0, *ids]) + 1
        override = (
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
            if restart
            else ""
        )
        self._root.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract}"/>{override}</w:num>'
            )
        )
        return num_id

    # ----------------------------------------------------------------- headings
    def number_heading(self, paragraph: Paragraph, level: int, *, appendix: bool) -> None:
        """Give a level-1 or level-2 heading its list number."""
        _set_num(paragraph, self._appendices if appendix else self._chapters, level - 1)

    def label(self, level: int, numbers: tuple[int, int], appendix: str) -> str:
        """The number Word shows before a heading: 第七章, 三、, Chapter 7, 附录B, B.2, ''."""
        chapter, section = numbers
        if appendix:
            if level == 1:
                return f"附录{appendix}" if self.zh else f"Appendix {appendix}"
            return f"{appendix}.{section}"
        if level == 1:
            return f"第{chinese_number(chapter)}章" if self.zh else f"Chapter {chapter}"
        return f"{chinese_number(section)}、" if self.zh else ""

    def chapter_reference(self, chapter: int) -> str:
        """A chapter's number as running text cites it: 七 (in 第七章) / 7."""
        return chinese_number(chapter) if self.zh else str(chapter)

    # -------------------------------------------------------------------- lists
    def new_list(self) -> int:
        """A numbered list of its own (it starts at one)."""
        return self._num(self._list_abstract, restart=True)

    def number_item(
        self, paragraph: Paragraph, list_id: int, *, bold: bool = False, color: str = ""
    ) -> None:
        """Number ``paragraph`` in the list ``list_id``; the number takes the paragraph
        mark's formatting, so a bold coloured title gets a bold coloured number."""
        _set_num(paragraph, list_id, 0)
        if bold or color:
            ppr = paragraph._p.get_or_add_pPr()
            rpr = ppr.find(qn("w:rPr"))
            if rpr is None:
                rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
                ppr.append(rpr)
            if bold:
                rpr.append(parse_xml(f"<w:b {nsdecls('w')}/>"))
            if color:
                rpr.append(parse_xml(f'<w:color {nsdecls("w")} w:val="{color}"/>'))

    def item_label(self, n: int) -> str:
        return f"（{chinese_number(n)}）" if self.zh else f"{n}."


def _set_num(paragraph: Paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = ppr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
