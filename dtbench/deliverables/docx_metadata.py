"""The proposal's file properties: who wrote it, for whom, when, in which language, and as a
current Word document.

python-docx starts from a package saved by Word 2010 for Mac: created 2013-12-23, the
application "Microsoft Macintosh Word" and compatibility mode 14, which Word shows as
"[Compatibility Mode]" in the title bar. Every export overwrites all of that.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from dtbench.deliverables.content import Content
from dtbench.deliverables.docx_texts import T
from dtbench.deliverables.docx_writer import clean
from dtbench.deliverables.formats import language_tag

# Word 2013 and later: no compatibility mode.
CURRENT_COMPATIBILITY_MODE = "15"
_WORD_URI = "http://schemas.microsoft.com/office/word"
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
APPLICATION = "dtbench"


def set_metadata(document: Document, content: Content, now: datetime | None = None) -> None:
    """Core and extended properties, and the compatibility mode, for ``content``'s proposal."""
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    props = document.core_properties
    lang = content.lang
    client = clean(content.profile.client_name)
    props.title = f"{T['doc_title'].get(lang)} — {client}"[:250]
    props.subject = clean(content.profile.title)[:250]
    author = clean(content.author or content.firm_name)[:250]
    props.author = author
    props.last_modified_by = author
    props.language = language_tag(lang)
    props.keywords = content.guide.standard.code
    props.comments = ""
    props.revision = max(1, len(content.issues))
    props.version = clean(content.deliverable.version)[:250]
    props.category = ""
    props.created = moment.replace(tzinfo=None)
    props.modified = moment.replace(tzinfo=None)
    props.last_printed = datetime(1900, 1, 1)  # python-docx's way of saying "never"
    _set_extended(document, company=clean(content.firm_name)[:250])
    set_current_compatibility(document)


def set_current_compatibility(document: Document) -> None:
    """Mark the file as a current Word document (Word otherwise opens it in compatibility
    mode, with newer layout features turned off)."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        follows = settings.find(qn("w:rsids"))
        if follows is None:
            settings.append(compat)
        else:
            follows.addprevious(compat)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), CURRENT_COMPATIBILITY_MODE)
            return
    setting = OxmlElement("w:compatSetting")
    setting.set(qn("w:name"), "compatibilityMode")
    setting.set(qn("w:uri"), _WORD_URI)
    setting.set(qn("w:val"), CURRENT_COMPATIBILITY_MODE)
    compat.append(setting)


def _extended_part(document: Document) -> Any | None:
    for rel in document.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            return rel.target_part
    return None


def _set_extended(document: Document, *, company: str) -> None:
    """docProps/app.xml: the application that wrote the file and the client-facing company.

    The template's statistics (pages, words) describe an empty page; they are dropped, as
    Word and LibreOffice recount on opening."""
    part = _extended_part(document)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    for name in (
        "Pages",
        "Words",
        "Characters",
        "Lines",
        "Paragraphs",
        "CharactersWithSpaces",
        "TotalTime",
        "Template",
        "HeadingPairs",
        "TitlesOfParts",
    ):
        for element in root.findall(f"{{{_EXTENDED}}}{name}"):
            root.remove(element)
    values = {"Application": APPLICATION, "Company": company, "AppVersion": "16.0000"}
    for name, value in values.items():
        element = root.find(f"{{{_EXTENDED}}}{name}")
        if element is None:
            element = etree.SubElement(root, f"{{{_EXTENDED}}}{name}")
        element.text = value
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
