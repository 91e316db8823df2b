"""Writing a Word document part by part with python-docx: numbered headings, captions,
figures, tables (long ones written as XML directly), the page frame, all in the document's
language. The proposal's sections (:mod:`dtbench.deliverables.docx_proposal`) are built from
these parts."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.image.image import Image
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from dtbench.deliverables.content import Content
from dtbench.deliverables.docx_numbering import Numbering
from dtbench.deliverables.docx_template import FONTS, Styles
from dtbench.deliverables.docx_texts import APPENDICES, BODY_CHAPTERS, SECTIONS, T
from dtbench.deliverables.formats import doc_date
from dtbench.deliverables.formats import fmt_money as fmt_money
from dtbench.deliverables.formats import fmt_number as fmt_number
from dtbench.deliverables.safe_text import pieces, xml_text
from dtbench.deliverables.table_widths import fit as fit_columns
from dtbench.deliverables.toc import (
    BOOKMARK_PREFIX,
    Entry,
    add_bookmark,
    field_char,
    field_instruction,
)
from dtbench.plan import catalogue as cat

MAX_FIGURE_CM = 16.0
FULL_WIDTH_CM = 16.6  # A4 less 2 × 2.2 cm: the widths below add up to it
CM = 567  # twips per centimetre
TABLE_TEXT_PT = 9.0  # 小五, the smallest size a table uses

HEADER_FILL = "DCE6F2"
LABEL_FILL = "F2F2F2"
BORDER = "A6A6A6"
STATUS_FILLS = {"met": "E2EFDA", "partly": "FFF2CC", "not_met": "FBE2D5", "na": "F2F2F2"}


# Characters per run: libxml2 (python-docx, LibreOffice) refuses a text node over 10 MB, so a
# huge note is written as many runs of one paragraph, nothing lost.
RUN_CHARS = 20_000


def clean(text: object) -> str:
    """Client text made safe for XML: pasted text can carry control characters (a vertical
    tab or form feed becomes a line break, the others go)."""
    return xml_text(text)


def add_text(paragraph: Paragraph, text: object) -> list[Run]:
    """Append ``text`` (any string) to ``paragraph``: cleaned, in runs short enough for any
    XML reader. Returns the runs, for the caller to format."""
    return [paragraph.add_run(piece) for piece in pieces(clean(text), RUN_CHARS)]


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs; single line breaks are kept inside a paragraph."""
    parts = re.split(r"\n\s*\n", clean(text).strip())
    return [p.strip() for p in parts if p.strip()]


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    return day


def guide_ref(key: str) -> str:
    """``6.3.1.h.2`` → ``6.3.1 h) 2)``: the guide's own way of citing items."""
    parts = key.split(".")
    head: list[str] = []
    for part in parts:
        if not part.isdigit():
            break
        head.append(part)
    tail = parts[len(head) :]
    if not tail:
        return key
    return " ".join([".".join(head), *(f"{p})" for p in tail)])


@dataclass(frozen=True)
class Cell:
    text: str
    fill: str | None = None
    bold: bool = False
    align: str | None = None  # "center" or "right"
    span: int = 1
    indent: bool = False


CellValue = str | Cell


def joined_label(label: str, title: str) -> str:
    """A heading as the reader sees it: '第七章 重点举措', '三、评估范围', 'A.1 Scope'."""
    if not label:
        return title
    return label + title if label.endswith("、") else f"{label} {title}"


def png_size_cm(png: bytes) -> tuple[float, float]:
    image = Image.from_blob(png)
    dpi_x = image.horz_dpi or 200
    dpi_y = image.vert_dpi or 200
    return image.px_width / dpi_x * 2.54, image.px_height / dpi_y * 2.54


class DocxWriter:
    """Appends parts to a document, numbering headings, figures and tables."""

    def __init__(
        self, content: Content, document: Document, styles: Styles, figures: dict[str, bytes]
    ) -> None:
        self.c = content
        self.lang = content.lang
        self.zh = content.lang != "en"
        self.doc = document
        self.st = styles
        self.figures = figures
        self.body = document.element.body
        self.sect = self.body.find(qn("w:sectPr"))
        self.numbers: list[int] = [0, 0, 0]
        self.appendix = ""
        self.figure_no = 0
        self.table_no = 0
        self.chapters: dict[str, str] = {}
        self.planned: list[str] = list(SECTIONS)  # the sections this document has
        self.outline: list[Entry] = []  # what the table of contents lists
        section = document.sections[-1]
        width = section.page_width or Cm(21)
        left = section.left_margin or Cm(2.2)
        right = section.right_margin or Cm(2.2)
        self.text_cm = max(8.0, Emu(width - left - right).cm)
        self.scale = min(1.0, self.text_cm / FULL_WIDTH_CM)
        self.table_id = styles.table.style_id
        self.text_id = styles.table_text.style_id
        self.small_id = styles.table_small.style_id
        self.numbering = Numbering(document, content.lang)

    def appendix_letter(self, code: str) -> str:
        """The letter the appendix ``code`` gets in this document ("" when left out)."""
        planned = [k for k in self.planned if k in APPENDICES]
        return chr(ord("A") + planned.index(code)) if code in planned else ""

    def chapter_number(self, code: str) -> str:
        """The number the chapter ``code`` gets in this document as running text cites it
        (七 in 第七章, 7 in chapter 7; "" when left out)."""
        body = [k for k in self.planned if k in BODY_CHAPTERS]
        if code not in body:
            return ""
        return self.numbering.chapter_reference(body.index(code) + 1)

    # texts
    def t(self, key: str, *args: object) -> str:
        return T[key].filled(self.lang, *args)

    def date(self, value: date | None) -> str:
        """A date in the document's language: 2026年12月4日 / 4 Dec 2026."""
        return doc_date(value, self.lang)

    def paren(self, text: str, note: str) -> str:
        return f"{text}（{note}）" if self.zh else f"{text} ({note})"

    def join(self, values: Iterable[str]) -> str:
        return self.t("sep").join(v for v in values if v)

    def label(self, options: tuple[cat.Option, ...], code: str) -> str:
        return cat.label(options, code, self.lang) if code else "—"

    # low-level
    def _append(self, element: Any) -> None:
        if self.sect is not None:
            self.sect.addprevious(element)
        else:
            self.body.append(element)

    def _has_content(self) -> bool:
        for child in self.body:
            if child.tag == qn("w:tbl"):
                return True
            if child.tag == qn("w:p") and (
                "".join(child.itertext()).strip()
                or child.find(".//" + qn("w:drawing")) is not None
                or child.find(".//" + qn("w:sectPr")) is not None
            ):
                return True
        return False

    def _paragraph(self, style: ParagraphStyle, text: str = "") -> Paragraph:
        """A new paragraph at the end of the body. The style id is set directly: python-docx
        looks the default style up on every assignment, which is most of the build time."""
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = style.style_id
        if text:
            add_text(paragraph, text)
        return paragraph

    def para(
        self,
        text: str = "",
        style: ParagraphStyle | None = None,
        *,
        bold: bool = False,
        size: float | None = None,
        align: WD_ALIGN_PARAGRAPH | None = None,
        color: str | None = None,
        keep_next: bool = False,
        space_before: float | None = None,
        space_after: float | None = None,
    ) -> Paragraph:
        paragraph = self._paragraph(style or self.st.normal)
        for run in add_text(paragraph, text) if text else []:
            if bold:
                run.bold = True
            if size:
                run.font.size = Pt(size)
            if color:
                run.font.color.rgb = RGBColor.from_string(color)
        fmt = paragraph.paragraph_format
        if align is not None:
            paragraph.alignment = align
        if keep_next:
            fmt.keep_with_next = True
        if space_before is not None:
            fmt.space_before = Pt(space_before)
        if space_after is not None:
            fmt.space_after = Pt(space_after)
        return paragraph

    def text(self, text: str) -> None:
        for part in paragraphs(text):
            self.para(part)

    def labeled(self, label: str, text: str) -> None:
        paragraph = self._paragraph(self.st.normal)
        for run in add_text(paragraph, label + self.t("colon")):
            run.bold = True
        add_text(paragraph, text)

    def bullet(self, text: str) -> None:
        if self.st.bullet is not None:
            self.para(text, self.st.bullet)
        else:
            paragraph = self.para("• " + text)
            paragraph.paragraph_format.left_indent = Cm(0.6)
            paragraph.paragraph_format.first_line_indent = Cm(-0.4)

    def page_break(self) -> None:
        self.para().add_run().add_break(WD_BREAK.PAGE)

    def front_title(self, text: str) -> None:
        """A title of the front matter: not numbered, not in the table of contents."""
        fonts = FONTS.get(self.lang, FONTS["zh"])
        started = self._has_content()
        paragraph = self.para(keep_next=True, space_before=0, space_after=12)
        if started:
            paragraph.paragraph_format.page_break_before = True
        for run in add_text(paragraph, text):
            run.bold = True
            run.font.size = Pt(16)
            if not self.st.from_template:
                run.font.name = fonts.heading_latin
                run._element.get_or_add_rPr().get_or_add_rFonts().set(
                    qn("w:eastAsia"), fonts.heading_east_asian
                )
                run.font.color.rgb = RGBColor.from_string("1F3864")

    def heading(self, level: int, title: str) -> str:
        """A numbered heading; returns its number ("3", "3.2", "A.1").

        The number is Word's (:mod:`~dtbench.deliverables.docx_numbering`), or the template's
        own heading numbering; the paragraph's text is the title alone."""
        if level == 1:
            self.numbers = [self.numbers[0] + 1, 0, 0]
            number = self.appendix or str(self.numbers[0])
        elif level == 2:
            self.numbers[1] += 1
            self.numbers[2] = 0
            number = f"{self.appendix or self.numbers[0]}.{self.numbers[1]}"
        else:
            self.numbers[2] += 1
            number = f"{self.appendix or self.numbers[0]}.{self.numbers[1]}.{self.numbers[2]}"
        if self.st.numbered_headings:  # the template numbers its headings itself
            label = self.t("appendix", self.appendix) if level == 1 and self.appendix else ""
            text = f"{label} {title}" if label else title
        else:
            text = title
            label = self.numbering.label(level, (self.numbers[0], self.numbers[1]), self.appendix)
        started = level == 1 and self._has_content()
        paragraph = self._paragraph(self.st.headings[level - 1], text)
        if not self.st.numbered_headings and level < 3:
            self.numbering.number_heading(paragraph, level, appendix=bool(self.appendix))
        if started:
            paragraph.paragraph_format.page_break_before = True
        if level == 1 or (level == 2 and not self.appendix):  # appendices: titles only
            shown = text if self.st.numbered_headings else joined_label(label, title)
            bookmark = f"{BOOKMARK_PREFIX}{len(self.outline) + 1:04d}"
            add_bookmark(paragraph, bookmark, len(self.outline) + 1)
            self.outline.append(Entry(level, clean(shown), bookmark))
        return number

    def numbered(self, texts: Iterable[str]) -> None:
        """A numbered list (Word numbering, starting at one): （一）… / 1. …"""
        list_id = self.numbering.new_list()
        for text in texts:
            self.numbering.number_item(self.para(text), list_id)

    def plain_heading3(self, title: str) -> None:
        """A level-3 heading that carries its own label (a guide clause)."""
        self._paragraph(self.st.headings[2], title)

    def _field_runs(self, paragraph: Paragraph, instruction: str, shown: str) -> None:
        """A field (page number, SEQ…) showing ``shown``, its true value: not marked for
        Word to update (a caption's number is known when it is written)."""
        p = paragraph._p
        p.append(field_char("begin"))
        p.append(field_instruction(instruction))
        p.append(field_char("separate"))
        paragraph.add_run(shown)
        p.append(field_char("end"))

    def caption(self, kind: str, text: str) -> Paragraph:
        """``图 3 …`` / ``Table 3 …`` with a SEQ field holding the number."""
        if kind == "figure":
            self.figure_no += 1
            number = self.figure_no
        else:
            self.table_no += 1
            number = self.table_no
        word = self.t(kind)
        paragraph = self._paragraph(self.st.caption)
        paragraph.add_run(word + " ")
        self._field_runs(paragraph, f"SEQ {word} \\* ARABIC", str(number))
        add_text(paragraph, " " + clean(text))
        if kind == "table":
            paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def figure(
        self,
        name: str,
        caption: str,
        max_cm: float = MAX_FIGURE_CM,
        max_height_cm: float | None = None,
    ) -> None:
        """The figure ``name`` centred, at most ``max_cm`` wide (and ``max_height_cm`` tall,
        so that a short figure shares its page), captioned."""
        png = self.figures.get(name)
        if not png:
            return
        width_cm, height_cm = png_size_cm(png)
        if max_height_cm is not None and height_cm > 0:
            max_cm = min(max_cm, max_height_cm * width_cm / height_cm)
        width_cm = min(width_cm, max_cm, self.text_cm)
        paragraph = self.para(align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True, space_after=0)
        paragraph.paragraph_format.first_line_indent = Cm(0)
        paragraph.paragraph_format.line_spacing = 1.0
        shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))
        self.caption("figure", caption)
        # alt text for screen readers and for Word's accessibility check: what the caption says
        shown = clean(f"{self.t('figure')} {self.figure_no} {caption}")
        shape._inline.docPr.set("descr", shown)
        shape._inline.docPr.set("title", clean(caption))

    def table(
        self,
        caption: str | None,
        headers: Sequence[CellValue] | None,
        rows: Iterable[Sequence[object]],
        widths: Sequence[float],
        *,
        small: bool = False,
        label_column: bool = False,
        aligns: Sequence[str | None] | None = None,
        keep: bool = False,
    ) -> None:
        """A table with a shaded header row repeated on every page, written as XML;
        ``keep`` holds a short table together with what follows."""
        if caption:
            self.caption("table", caption)
        style_id = self.small_id if small else self.text_id
        head = [h if isinstance(h, Cell) else Cell(h, HEADER_FILL, True) for h in headers or []]
        body = [[c if isinstance(c, Cell) else Cell(str(c)) for c in row] for row in rows]
        twips = self._column_widths(widths, [head, *body] if head else body)
        parts = [f"<w:tbl {nsdecls('w')}><w:tblPr>"]
        if self.table_id:
            parts.append(f'<w:tblStyle w:val="{escape(self.table_id)}"/>')
        parts.append(f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:jc w:val="center"/>')
        if not self.st.from_template:
            edges = "".join(
                f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>'
                for e in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            parts.append(f"<w:tblBorders>{edges}</w:tblBorders>")
        parts.append(
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="28" w:type="dxa"/>'
            '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/>'
            '<w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>'
        )
        parts.extend(f'<w:gridCol w:w="{w}"/>' for w in twips)
        parts.append("</w:tblGrid>")
        if head:
            parts.append(self._row(head, twips, style_id, header=True, aligns=None, keep=True))
        for cells in body:
            if label_column and cells and cells[0].fill is None:
                first = cells[0]
                cells[0] = Cell(first.text, LABEL_FILL, True, first.align, first.span)
            parts.append(self._row(cells, twips, style_id, header=False, aligns=aligns, keep=keep))
        parts.append("</w:tbl>")
        self._append(parse_xml("".join(parts)))
        # A small gap after the table (and two tables never merge into one).
        self._append(
            parse_xml(
                f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:before="0" w:after="0" '
                'w:line="240" w:lineRule="auto"/><w:rPr><w:sz w:val="12"/>'
                '<w:szCs w:val="12"/></w:rPr></w:pPr></w:p>'
            )
        )

    def _column_widths(self, widths: Sequence[float], rows: Sequence[Sequence[Cell]]) -> list[int]:
        """The section's widths, scaled to the page, widened where a word or number would not
        fit (:mod:`~dtbench.deliverables.table_widths`)."""
        twips = [round(w * self.scale * CM) for w in widths]
        columns: list[list[tuple[str, bool]]] = [[] for _ in twips]
        for row in rows:
            column = 0
            for cell in row:
                if cell.span <= 1 and column < len(columns):
                    columns[column].append((cell.text, cell.bold))
                column += max(1, cell.span)
        return fit_columns(twips, columns, TABLE_TEXT_PT)

    def _row(
        self,
        cells: Sequence[Cell],
        twips: Sequence[int],
        style_id: str | None,
        *,
        header: bool,
        aligns: Sequence[str | None] | None,
        keep: bool,
    ) -> str:
        out = ["<w:tr>"]
        out.append(
            "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            if header
            else "<w:trPr><w:cantSplit/></w:trPr>"
        )
        column = 0
        for cell in cells:
            span = max(1, min(cell.span, len(twips) - column))
            width = sum(twips[column : column + span])
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>')
            if span > 1:
                out.append(f'<w:gridSpan w:val="{span}"/>')
            if cell.fill:
                out.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.fill}"/>')
            out.append('<w:vAlign w:val="center"/>' if header else "")
            out.append("</w:tcPr>")
            align = cell.align or (aligns[column] if aligns and column < len(aligns) else None)
            if header and align is None:
                align = "center"
            ppr = f'<w:pStyle w:val="{escape(style_id)}"/>' if style_id else ""
            if keep:
                ppr += "<w:keepNext/>"
            if cell.indent:
                ppr += '<w:ind w:left="198"/>'
            if align:
                ppr += f'<w:jc w:val="{align}"/>'
            rpr = "<w:rPr><w:b/></w:rPr>" if cell.bold else ""
            lines = clean(cell.text).split("\n") or [""]
            for line in lines:
                out.append(f"<w:p><w:pPr>{ppr}</w:pPr>")
                for piece in pieces(line.replace("\t", " "), RUN_CHARS) if line else []:
                    body = escape(piece)
                    out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{body}</w:t></w:r>')
                out.append("</w:p>")
            out.append("</w:tc>")
            column += span
        out.append("</w:tr>")
        return "".join(out)

    def kv_table(self, caption: str | None, rows: Sequence[tuple[str, str]]) -> None:
        self.table(caption, None, rows, (4.0, 12.6), label_column=True)

    # ------------------------------------------------------------------------- page frame
    def frame(self, *, cover_first: bool) -> None:
        """Header with the client's name and a "page X of Y" footer, unless the template
        brings its own."""
        section = self.doc.sections[-1]
        if cover_first:
            section.different_first_page_header_footer = True
            # The cover page: an empty header and footer of its own.
            section.first_page_header.is_linked_to_previous = False
            section.first_page_footer.is_linked_to_previous = False
        header = section.header
        if not self._frame_has_content(header):
            paragraph = self._frame_paragraph(header, self.st.header, WD_ALIGN_PARAGRAPH.RIGHT)
            name = self.c.profile.client_name or ""
            add_text(
                paragraph,
                f"{name}　{self.t('doc_title')}" if self.zh else f"{name} · {self.t('doc_title')}",
            )
            self._bottom_border(paragraph)
        footer = section.footer
        if not self._frame_has_content(footer):
            paragraph = self._frame_paragraph(footer, self.st.footer, WD_ALIGN_PARAGRAPH.CENTER)
            before, middle_after = self.t("page_footer").split("%1", 1)
            middle, after = middle_after.split("%2", 1)
            paragraph.add_run(before)
            self._field_runs(paragraph, "PAGE", "1")
            paragraph.add_run(middle)
            self._field_runs(paragraph, "NUMPAGES", "1")
            paragraph.add_run(after)

    @staticmethod
    def _frame_has_content(part: Any) -> bool:
        if part.is_linked_to_previous and part._prior_headerfooter is None:
            return False  # nothing to inherit: the section has no header yet
        element = part._element
        return bool("".join(element.itertext()).strip()) or (
            element.find(".//" + qn("w:drawing")) is not None
            or element.find(".//" + qn("w:pict")) is not None
        )

    @staticmethod
    def _frame_paragraph(part: Any, style: Any, alignment: Any) -> Paragraph:
        """The first paragraph of a header or footer of this section's own, styled."""
        part.is_linked_to_previous = False
        paragraph: Paragraph = part.paragraphs[0] if part.paragraphs else part.add_paragraph()
        if style is not None:
            paragraph.style = style
        paragraph.alignment = alignment
        return paragraph

    @staticmethod
    def _bottom_border(paragraph: Paragraph) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        border = parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="4" w:space="4" '
            f'w:color="{BORDER}"/></w:pBdr>'
        )
        # pBdr follows keepNext…numPr and precedes shd, tabs, spacing, ind, jc in CT_PPr.
        anchor = None
        for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
            anchor = ppr.find(qn(tag))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(border)
        else:
            ppr.append(border)
