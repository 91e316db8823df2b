"""The Word document shell of the proposal: the consultant's template checked and opened, or
the built-in one set up, with styles whose fonts draw Chinese.

A template is any .docx (or .dotx) with the styles the proposal uses: Normal, Heading 1–3,
Caption and a table style. Word writes a built-in style into a file only once it has been
used, so the error for missing styles says so and names them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import BaseStyle, ParagraphStyle
from lxml import etree

from dtbench.errors import QT_TRANSLATE_NOOP, UserError, excerpt

# Decompressed size above which a "template" is refused: python-docx reads every part into
# memory, and zipfile does not cap what a small archive inflates to.
MAX_UNPACKED = 200 * 1024 * 1024
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OOXML and old .doc files
_TEMPLATE_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

# Chinese Word shows the built-in styles under these names.
STYLE_NAMES_ZH = {
    "Normal": "正文",
    "Heading 1": "标题 1",
    "Heading 2": "标题 2",
    "Heading 3": "标题 3",
    "Caption": "题注",
    "Table Grid": "网格型",
}
REQUIRED_STYLES = ("Normal", "Heading 1", "Heading 2", "Heading 3", "Caption")


class TemplateError(UserError):
    """The chosen Word template cannot be used; subclasses say why."""

    context = "ExportError"
    template = QT_TRANSLATE_NOOP("ExportError", "The Word template %1 cannot be used.")


class TemplateMissingError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "ExportError", "The Word template %1 does not exist or cannot be read."
    )


class TemplateTypeError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "ExportError",
        "The Word template %1 is not a .docx file. Open it in Word or WPS, save it as "
        "“Word Document (*.docx)” and choose that file.",
    )


class TemplateDamagedError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "ExportError",
        "The Word template %1 is damaged or not really a .docx file, so it cannot be opened. "
        "Open it in Word or WPS, save it again as .docx and choose it again.",
    )


class TemplateProtectedError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "ExportError",
        "The Word template %1 is protected with a password (or is an old .doc file renamed "
        "to .docx). Remove the password in Word (File ▸ Info ▸ Protect Document), save it as "
        ".docx and choose it again.",
    )


class TemplateStylesError(TemplateError):
    template = QT_TRANSLATE_NOOP(
        "ExportError",
        "The Word template %1 lacks the styles the proposal needs: %2. Word stores a "
        "built-in style in a file only once it is used: apply each of these styles to a "
        "paragraph (or a table) in the template, save it and choose it again.",
    )


# What a firm template may bring that must not reach a client's proposal, each named in the
# notice (the parts in the user's language).
REMOVED_MACROS = QT_TRANSLATE_NOOP("ExportError", "macros")
REMOVED_LINKS = QT_TRANSLATE_NOOP(
    "ExportError", "links to files or web addresses outside the document"
)
REMOVED_FIELDS = QT_TRANSLATE_NOOP(
    "ExportError", "fields that fetch text or pictures from elsewhere (INCLUDEPICTURE…)"
)


class TemplateCleaned(UserError):
    """Not an error: what was left out of a usable template, for the user to know."""

    context = "ExportError"
    template = QT_TRANSLATE_NOOP(
        "ExportError",
        "The Word template %1 contained %2; they were left out of the proposal.",
    )

    def __init__(self, path: str, removed: tuple[str, ...] | str) -> None:
        # REMOVED_* source texts, translated when the message is made
        self.removed = (removed,) if isinstance(removed, str) else tuple(removed)
        super().__init__(path, ", ".join(self.removed))

    def message(self, translate: Callable[[str, str], str]) -> str:
        listed = ""
        for text in self.removed:
            part = excerpt(translate(self.context, text))
            listed = (
                translate(self.context, LIST_PAIR).replace("%1", listed).replace("%2", part)
                if listed
                else part
            )
        text = translate(self.context, self.template)
        return text.replace("%1", self.detail).replace("%2", listed)


LIST_PAIR = QT_TRANSLATE_NOOP("ExportError", "%1, %2")  # two items of a list in a sentence


@dataclass(frozen=True)
class Fonts:
    body_latin: str
    body_east_asian: str
    heading_latin: str
    heading_east_asian: str


FONTS = {
    "zh": Fonts("Times New Roman", "宋体", "Arial", "黑体"),
    "en": Fonts("Calibri", "宋体", "Calibri", "黑体"),
}
EAST_ASIAN_LANG = "zh-CN"
HEADING_COLOR = "1F3864"
TABLE_TEXT = "Table Text"
TABLE_TEXT_SMALL = "Table Text Small"


@dataclass
class Styles:
    """The styles the proposal writes with, looked up once."""

    normal: ParagraphStyle
    headings: tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]
    caption: ParagraphStyle
    table: BaseStyle
    table_text: ParagraphStyle
    table_small: ParagraphStyle
    title: ParagraphStyle | None
    bullet: ParagraphStyle | None
    header: ParagraphStyle | None
    footer: ParagraphStyle | None
    numbered_headings: bool  # the template numbers its headings itself
    from_template: bool


# ------------------------------------------------------------------ templates
# A macro-enabled document or template is accepted: its macros are left out (and said so).
SUFFIXES = (".docx", ".dotx", ".docm", ".dotm")


def check_template(path: Path) -> TemplateCleaned | None:
    """Raise a TemplateError saying what is wrong when ``path`` is not a usable template;
    returns the notice of what the proposal will leave out of it (macros, outside links,
    fetching fields), None when nothing."""
    return load_template(path)[1]


def open_template(path: Path) -> Document:
    """The template opened (and cleaned) for appending the proposal; TemplateError when
    unusable."""
    return load_template(path)[0]


def load_template(path: Path) -> tuple[Document, TemplateCleaned | None]:
    """The template opened and cleaned, with the notice of what was left out (or None)."""
    path = Path(path)
    shown = str(path)
    if not path.is_file():
        raise TemplateMissingError(shown)
    try:
        with open(path, "rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        raise TemplateMissingError(shown) from exc
    if head == _OLE_SIGNATURE and path.suffix.lower() in SUFFIXES:
        raise TemplateProtectedError(shown)
    if path.suffix.lower() not in SUFFIXES:
        raise TemplateTypeError(shown)
    data, removed = _package_bytes(path, shown)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, XML errors…
        raise TemplateDamagedError(shown) from exc
    missing = missing_styles(document)
    if missing:
        names = ", ".join(
            f"{name} ({STYLE_NAMES_ZH[name]})" if name in STYLE_NAMES_ZH else name
            for name in missing
        )
        raise TemplateStylesError(shown, names)
    return document, (TemplateCleaned(shown, removed) if removed else None)


def _package_bytes(path: Path, shown: str) -> tuple[bytes, tuple[str, ...]]:
    """The template's bytes, checked as a zip package and cleaned: a .dotx or .docm gets a
    plain document content type, and macros, links outside the document and fields that
    fetch content from elsewhere are left out. Returns the bytes and what was left out
    (``REMOVED_*``)."""
    raw = path.read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
            if sum(i.file_size for i in infos) > MAX_UNPACKED:
                raise TemplateDamagedError(shown)
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise TemplateDamagedError(shown)
            if archive.testzip() is not None:
                raise TemplateDamagedError(shown)
            parts = {i.filename: archive.read(i.filename) for i in infos}
            removed = _clean_package(parts)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for info in infos:
                    if info.filename in parts:
                        copy.writestr(info, parts[info.filename])
            return out.getvalue(), removed
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise TemplateDamagedError(shown) from exc
    except etree.XMLSyntaxError as exc:
        raise TemplateDamagedError(shown) from exc
    except NotImplementedError as exc:  # unsupported compression or encryption
        raise TemplateProtectedError(shown) from exc
    except RuntimeError as exc:  # zipfile: "File is encrypted, password required"
        raise TemplateProtectedError(shown) from exc


# ------------------------------------------------------------------ cleaning a template
_MAIN_TYPES = (
    _TEMPLATE_CT,
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Parts that only a macro-enabled document may hold (the VBA project, its data, signature,
# Word's customised toolbars and key maps).
_MACRO_TYPES = (
    "application/vnd.ms-office.vbaproject",
    "application/vnd.ms-word.vbadata+xml",
    "application/vnd.ms-office.vbaprojectsignature",
    "application/vnd.ms-word.keymapcustomizations+xml",
    "application/vnd.ms-word.attachedtoolbars",
)
_MACRO_NAME = re.compile(r"(^|/)(vbaProject|vbaData|vbaProjectSignature)[^/]*$", re.IGNORECASE)
# Fields that fetch something from outside the document when Word updates them.
_FETCHING_FIELDS = {
    "INCLUDEPICTURE",
    "INCLUDETEXT",
    "INCLUDE",
    "LINK",
    "DDE",
    "DDEAUTO",
    "IMPORT",
    "RD",
    "HYPERLINK",
}
_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://|\\\\|\bfile:|\bmailto:", re.IGNORECASE)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


def _fetches(instruction: str) -> bool:
    """True for a field code that reaches outside the document."""
    words = instruction.split()
    return bool(words) and (
        words[0].upper().lstrip("\\") in _FETCHING_FIELDS or bool(_ADDRESS.search(instruction))
    )


def _content_type(parts: dict[str, bytes], name: str, types: Any) -> str:
    for override in types.iter(f"{{{_CT_NS}}}Override"):
        if override.get("PartName", "").lstrip("/") == name:
            return str(override.get("ContentType", "")).lower()
    extension = name.rsplit(".", 1)[-1].lower()
    for default in types.iter(f"{{{_CT_NS}}}Default"):
        if default.get("Extension", "").lower() == extension:
            return str(default.get("ContentType", "")).lower()
    return ""


def _rels_name(part: str) -> str:
    folder, _, base = part.rpartition("/")
    return f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"


def _source_of(rels: str) -> str:
    """``word/_rels/document.xml.rels`` → ``word/document.xml``."""
    folder, _, base = rels.rpartition("/")
    return f"{folder.rpartition('/')[0]}/{base[: -len('.rels')]}".lstrip("/")


def _clean_package(parts: dict[str, bytes]) -> tuple[str, ...]:
    """Leave out, in place, what a template must not bring into a client's proposal; returns
    what was left out (``REMOVED_*``)."""
    removed: list[str] = []
    types = etree.fromstring(parts["[Content_Types].xml"], _PARSER)
    # Macros: the parts, and a plain document's content type for the main part.
    macro_parts = {
        name
        for name in parts
        if _MACRO_NAME.search(name) or _content_type(parts, name, types) in _MACRO_TYPES
    }
    macro_parts |= {_rels_name(name) for name in macro_parts if _rels_name(name) in parts}
    macro_enabled = any(
        o.get("ContentType") in _MAIN_TYPES[1:] for o in types.iter(f"{{{_CT_NS}}}Override")
    )
    if macro_parts or macro_enabled:
        removed.append(REMOVED_MACROS)
    for name in macro_parts:
        del parts[name]
    for element in list(types):
        part = element.get("PartName", "").lstrip("/")
        gone = element.tag == f"{{{_CT_NS}}}Override" and part and part not in parts
        if gone or element.get("ContentType", "").lower() in _MACRO_TYPES:
            types.remove(element)
        elif element.get("ContentType") in _MAIN_TYPES:
            element.set("ContentType", _DOCUMENT_CT)
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8")
    # Relationships to removed parts or outside the package.
    external = False
    for rels_name in [n for n in parts if n.endswith(".rels")]:
        rels = etree.fromstring(parts[rels_name], _PARSER)
        source = _source_of(rels_name)
        folder = source.rpartition("/")[0]
        dropped: set[str] = set()
        for rel in list(rels):
            target = str(rel.get("Target", ""))
            if rel.get("TargetMode") == "External":
                external = True
            else:
                path = target.lstrip("/") if target.startswith("/") else _join(folder, target)
                if path in parts or "#" in target:  # kept (or a place in the same part)
                    continue
            dropped.add(str(rel.get("Id")))
            rels.remove(rel)
        if dropped:
            parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8")
            if source in parts:
                parts[source] = _drop_references(parts[source], dropped)
    if external:
        removed.append(REMOVED_LINKS)
    # Fields that fetch content from elsewhere: the field goes, its last result stays.
    fields = False
    for name in [n for n in parts if n.startswith("word/") and n.endswith(".xml")]:
        data = parts[name]
        if b"fldSimple" not in data and b"instrText" not in data:
            continue
        root = etree.fromstring(data, _PARSER)
        if _unfield(root):
            fields = True
            parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    if fields:
        removed.append(REMOVED_FIELDS)
    return tuple(removed)


def _join(folder: str, target: str) -> str:
    out: list[str] = [p for p in folder.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if out:
                out.pop()
        elif piece and piece != ".":
            out.append(piece)
    return "/".join(out)


def _drop_references(data: bytes, ids: set[str]) -> bytes:
    """The part without what pointed at the dropped relationships: a hyperlink keeps its
    text, a linked picture its embedded copy (if any), anything else goes."""
    root = etree.fromstring(data, _PARSER)
    hyperlink = qn("w:hyperlink")
    keep_element = {qn("a:blip"), "{urn:schemas-microsoft-com:vml}imagedata"}
    for element in list(root.iter()):
        hits = [k for k, v in element.attrib.items() if k.startswith(f"{{{_R_NS}}}") and v in ids]
        if not hits:
            continue
        parent = element.getparent()
        if element.tag == hyperlink and parent is not None:
            for child in list(element):
                element.addprevious(child)
            parent.remove(element)
        elif element.tag in keep_element or parent is None:
            for key in hits:
                del element.attrib[key]
        else:
            parent.remove(element)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _unfield(root: Any) -> bool:
    """Remove fields that fetch content (simple and complex), keeping their shown result;
    True when one was removed."""
    changed = False
    for simple in list(root.iter(qn("w:fldSimple"))):
        if _fetches(str(simple.get(qn("w:instr"), ""))):
            parent = simple.getparent()
            for child in list(simple):
                simple.addprevious(child)
            parent.remove(simple)
            changed = True
    # Complex fields: begin, instruction runs, separate, result runs, end (maybe nested).
    stack: list[tuple[list[Any], list[str]]] = []  # (control runs, instruction pieces)
    doomed: list[Any] = []
    for run in list(root.iter(qn("w:r"))):
        char = run.find(qn("w:fldChar"))
        kind = None if char is None else char.get(qn("w:fldCharType"))
        if kind == "begin":
            stack.append(([run], []))
        elif not stack:
            continue
        elif kind == "separate":
            stack[-1][0].append(run)
        elif kind == "end":
            controls, instruction = stack.pop()
            controls.append(run)
            if _fetches("".join(instruction)):
                doomed.extend(controls)
        elif run.find(qn("w:instrText")) is not None:
            stack[-1][0].append(run)
            stack[-1][1].extend(t.text or "" for t in run.iter(qn("w:instrText")))
    for run in doomed:
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)
            changed = True
    return changed


def _styles_by_name(document: Document) -> dict[str, Any]:
    """Style elements by lower-case name (Word and WPS write "heading 1", others "Heading 1")."""
    out: dict[str, Any] = {}
    for element in document.styles.element.findall(qn("w:style")):
        name = element.find(qn("w:name"))
        if name is not None:
            out.setdefault(str(name.get(qn("w:val"), "")).lower(), element)
    return out


def find_style(document: Document, name: str) -> Any | None:
    """A style by its English built-in or custom name, whatever its case."""
    element = _styles_by_name(document).get(name.lower())
    if element is None:
        return None
    return document.styles.get_by_id(element.get(qn("w:styleId")), _style_type(element))


def _style_type(element: Any) -> WD_STYLE_TYPE:
    return {
        "paragraph": WD_STYLE_TYPE.PARAGRAPH,
        "character": WD_STYLE_TYPE.CHARACTER,
        "table": WD_STYLE_TYPE.TABLE,
        "numbering": WD_STYLE_TYPE.LIST,
    }.get(element.get(qn("w:type"), "paragraph"), WD_STYLE_TYPE.PARAGRAPH)


def _table_style(document: Document) -> Any | None:
    grid = find_style(document, "Table Grid")
    if grid is not None and grid.type == WD_STYLE_TYPE.TABLE:
        return grid
    for element in document.styles.element.findall(qn("w:style")):
        name = element.find(qn("w:name"))
        plain = "" if name is None else str(name.get(qn("w:val"), "")).lower()
        if element.get(qn("w:type")) == "table" and plain not in ("normal table", "table normal"):
            return document.styles.get_by_id(element.get(qn("w:styleId")), WD_STYLE_TYPE.TABLE)
    return None


def missing_styles(document: Document) -> list[str]:
    """The required styles the document lacks, by their English built-in names."""
    by_name = _styles_by_name(document)
    missing = [
        name
        for name in REQUIRED_STYLES
        if by_name.get(name.lower()) is None
        or by_name[name.lower()].get(qn("w:type"), "paragraph") != "paragraph"
    ]
    if _table_style(document) is None:
        missing.append("Table Grid")
    return missing


# ------------------------------------------------------------------ set-up
def new_document() -> Document:
    """The built-in document: A4 portrait, margins 2.5 cm top and bottom, 2.2 cm left and
    right."""
    document = docx.Document()
    for section in document.sections:
        section.page_width = Cm(21.0)
        section.page_height = Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.left_margin = section.right_margin = Cm(2.2)
        section.header_distance = section.footer_distance = Cm(1.3)
    _drop_thumbnail(document)
    return document


def _drop_thumbnail(document: Document) -> None:
    """python-docx's default package carries a preview image of an empty page."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]


def prepare(document: Document, lang: str, *, from_template: bool) -> Styles:
    """Fonts that draw Chinese, the proposal's table styles and Word's update-on-open flag.

    The built-in document gets explicit Latin and East-Asian fonts on its defaults and every
    style (theme fonts would override them); a template keeps its own fonts and only gets an
    East-Asian font where it has none at all.
    """
    fonts = FONTS.get(lang, FONTS["zh"])
    styles_el = document.styles.element
    defaults = _rpr_default(styles_el)
    if from_template:
        rfonts = _rfonts(defaults)
        if rfonts.get(qn("w:eastAsia")) is None and rfonts.get(qn("w:eastAsiaTheme")) is None:
            rfonts.set(qn("w:eastAsia"), fonts.body_east_asian)
    else:
        _set_fonts(defaults, fonts.body_latin, fonts.body_east_asian)
        if lang != "en":  # quotes and dashes in Chinese text take the Chinese font
            _rfonts(defaults).set(qn("w:hint"), "eastAsia")
        _set_lang(defaults, lang)
        for element in styles_el.findall(qn("w:style")):
            rpr = element.find(qn("w:rPr"))
            rfonts = None if rpr is None else rpr.find(qn("w:rFonts"))
            if rfonts is not None and any(
                k.endswith("Theme") or k.endswith("theme") for k in map(str, rfonts.attrib)
            ):
                major = "major" in "".join(rfonts.attrib.values())
                _set_fonts(
                    rpr,
                    fonts.heading_latin if major else fonts.body_latin,
                    fonts.heading_east_asian if major else fonts.body_east_asian,
                )
        _format_builtin(document, fonts, lang)
    _settings(document)
    styles = Styles(
        normal=_require(document, "Normal"),
        headings=(
            _require(document, "Heading 1"),
            _require(document, "Heading 2"),
            _require(document, "Heading 3"),
        ),
        caption=_require(document, "Caption"),
        table=_require_table(document),
        table_text=_table_text(document, TABLE_TEXT, 9, fonts, from_template),
        table_small=_table_text(document, TABLE_TEXT_SMALL, 9, fonts, from_template),
        title=_paragraph_style(document, "Title"),
        bullet=_paragraph_style(document, "List Bullet"),
        header=_paragraph_style(document, "Header"),
        footer=_paragraph_style(document, "Footer"),
        numbered_headings=_numbered(document, "Heading 1"),
        from_template=from_template,
    )
    return styles


def _require(document: Document, name: str) -> ParagraphStyle:
    style = _paragraph_style(document, name)
    if style is None:  # open_template checked it; the built-in document has it
        raise TemplateStylesError("", name)
    return style


def _require_table(document: Document) -> BaseStyle:
    style = _table_style(document)
    if style is None:
        raise TemplateStylesError("", "Table Grid")
    return style


def _paragraph_style(document: Document, name: str) -> ParagraphStyle | None:
    style = find_style(document, name)
    return style if isinstance(style, ParagraphStyle) else None


def _numbered(document: Document, name: str) -> bool:
    """Whether a style (or one it is based on) carries list numbering."""
    style = _paragraph_style(document, name)
    seen = 0
    while style is not None and seen < 10:
        ppr = style.element.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:numPr")) is not None:
            return True
        style = style.base_style if isinstance(style.base_style, ParagraphStyle) else None
        seen += 1
    return False


def _rpr_default(styles_el: Any) -> Any:
    doc_defaults = styles_el.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles_el.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    return rpr


def _rfonts(rpr: Any) -> Any:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        style = rpr.find(qn("w:rStyle"))
        if style is not None:
            style.addnext(rfonts)
        else:
            rpr.insert(0, rfonts)
    return rfonts


def _set_fonts(rpr: Any, latin: str, east_asian: str) -> None:
    rfonts = _rfonts(rpr)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asian)
    rfonts.set(qn("w:cs"), latin)


def _set_lang(rpr: Any, lang: str) -> None:
    """Latin text is English and Chinese text Chinese, whatever the document's language:
    marked Chinese, LibreOffice breaks Latin words anywhere ("BO/M") as it does Chinese."""
    element = rpr.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        rpr.append(element)
    element.set(qn("w:val"), "en-US")
    element.set(qn("w:eastAsia"), EAST_ASIAN_LANG)


def _drop_theme_color(style: BaseStyle) -> None:
    rpr = style.element.find(qn("w:rPr"))
    color = None if rpr is None else rpr.find(qn("w:color"))
    if color is not None:
        for attr in ("themeColor", "themeShade", "themeTint"):
            color.attrib.pop(qn(f"w:{attr}"), None)


def _format_builtin(document: Document, fonts: Fonts, lang: str) -> None:
    """Sizes, spacing and colours of the built-in document's styles."""
    normal = _require(document, "Normal")
    _set_fonts(normal.element.get_or_add_rPr(), fonts.body_latin, fonts.body_east_asian)
    normal.font.size = Pt(10.5)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.3
    if lang == "zh":
        fmt.alignment = 3  # justified: the usual setting of Chinese body text
    sizes = (16.0, 14.0, 12.0)
    befores = (6.0, 12.0, 10.0)
    afters = (12.0, 6.0, 4.0)
    for n, (size, before, after) in enumerate(zip(sizes, befores, afters, strict=True), 1):
        heading = _require(document, f"Heading {n}")
        _set_fonts(heading.element.get_or_add_rPr(), fonts.heading_latin, fonts.heading_east_asian)
        heading.font.size = Pt(size)
        heading.font.bold = True
        _drop_theme_color(heading)
        heading.font.color.rgb = _rgb(HEADING_COLOR)
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(after)
        heading.paragraph_format.line_spacing = 1.15
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.alignment = 0
    caption = _require(document, "Caption")
    _set_fonts(caption.element.get_or_add_rPr(), fonts.heading_latin, fonts.heading_east_asian)
    caption.font.size = Pt(9)
    caption.font.bold = True
    _drop_theme_color(caption)
    caption.font.color.rgb = _rgb("404040")
    caption.paragraph_format.alignment = 1
    caption.paragraph_format.space_before = Pt(4)
    caption.paragraph_format.space_after = Pt(8)
    title = _paragraph_style(document, "Title")
    if title is not None:
        _set_fonts(title.element.get_or_add_rPr(), fonts.heading_latin, fonts.heading_east_asian)
        _drop_theme_color(title)
        title.font.color.rgb = _rgb(HEADING_COLOR)
        title.font.size = Pt(26)
        title.font.bold = True
        ppr = title.element.find(qn("w:pPr"))
        border = None if ppr is None else ppr.find(qn("w:pBdr"))
        if border is not None:
            ppr.remove(border)
        title.paragraph_format.alignment = 1
    for name in ("Header", "Footer"):
        style = _paragraph_style(document, name)
        if style is not None:
            _set_fonts(style.element.get_or_add_rPr(), fonts.body_latin, fonts.body_east_asian)
            style.font.size = Pt(9)
            style.font.color.rgb = _rgb("595959")
    for name in ("List Bullet", "List Number", "TOC Heading", "Subtitle"):
        style = _paragraph_style(document, name)
        if style is not None:
            latin, east = (
                (fonts.heading_latin, fonts.heading_east_asian)
                if name == "TOC Heading"
                else (fonts.body_latin, fonts.body_east_asian)
            )
            _set_fonts(style.element.get_or_add_rPr(), latin, east)
    table = _table_style(document)
    if table is not None:
        _set_fonts(table.element.get_or_add_rPr(), fonts.body_latin, fonts.body_east_asian)


def _rgb(hex_value: str) -> Any:
    from docx.shared import RGBColor

    return RGBColor.from_string(hex_value)


def _table_text(
    document: Document, name: str, size: float, fonts: Fonts, from_template: bool
) -> ParagraphStyle:
    """A compact paragraph style for table cells (added when the document lacks it)."""
    existing = _paragraph_style(document, name)
    if existing is not None:
        return existing
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = _require(document, "Normal")
    style.quick_style = True
    if not from_template:
        _set_fonts(style.element.get_or_add_rPr(), fonts.body_latin, fonts.body_east_asian)
    style.font.size = Pt(size)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.first_line_indent = Pt(0)
    fmt.alignment = 0
    return style


# Elements that follow w:updateFields in CT_Settings (ECMA-376 sequence order).
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)
_AFTER_THEME_FONT_LANG = _AFTER_UPDATE_FIELDS[_AFTER_UPDATE_FIELDS.index("themeFontLang") + 1 :]


def _insert_setting(settings: Any, element: Any, followers: tuple[str, ...]) -> None:
    for child in settings:
        tag = str(child.tag)
        local = tag.rsplit("}", 1)[-1]
        if local in followers or (tag == qn("m:mathPr") and "attachedSchema" in followers):
            child.addprevious(element)
            return
    settings.append(element)


def _settings(document: Document) -> None:
    """Word refreshes the fields (the table of contents, until its page numbers are written
    in: :func:`dtbench.deliverables.toc.fill_pages`) when it opens the file, and resolves
    theme fonts for simplified Chinese."""
    settings = document.settings.element
    update = settings.find(qn("w:updateFields"))
    if update is None:
        update = OxmlElement("w:updateFields")
        _insert_setting(settings, update, _AFTER_UPDATE_FIELDS)
    update.set(qn("w:val"), "true")
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = OxmlElement("w:themeFontLang")
        _insert_setting(settings, lang, _AFTER_THEME_FONT_LANG)
    lang.set(qn("w:eastAsia"), EAST_ASIAN_LANG)
