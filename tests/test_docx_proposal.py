"""The Word proposal: reopened with python-docx (and converted by LibreOffice when present),
checked for what a client would notice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from docx_reading import headings, texts

from dtbench.deliverables.cancel import ExportCancelled
from dtbench.deliverables.content import Content, gather
from dtbench.deliverables.docx_proposal import SECTIONS, build_proposal
from dtbench.deliverables.docx_template import (
    TemplateDamagedError,
    TemplateError,
    TemplateProtectedError,
    TemplateStylesError,
    TemplateTypeError,
    check_template,
)
from dtbench.deliverables.docx_texts import EMPLOYEE_LABELS, REVENUE_LABELS, T
from dtbench.deliverables.docx_writer import clean, guide_ref
from dtbench.deliverables.figures import render_figures
from dtbench.diagnosis import scoring_method
from dtbench.engagement import service as engagements
from dtbench.sample import create_demo
from dtbench.store import open_store

CLIENT = "大连澜岳精工机械有限公司"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@dataclass
class Demo:
    zh: Content
    en: Content
    figures_zh: dict[str, bytes]
    figures_en: dict[str, bytes]
    folder: Path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("proposal")
    store = open_store(folder / "demo.sqlite3")
    try:
        uuid = create_demo(store)
        zh = gather(store, uuid, "zh")
        en = gather(store, uuid, "en")
    finally:
        store.close()
    yield Demo(zh, en, render_figures(zh), render_figures(en), folder)


@pytest.fixture(scope="module")
def zh_docx(demo: Demo) -> Path:
    return build_proposal(demo.zh, demo.folder / "建议书.docx", figures=demo.figures_zh)


@pytest.fixture(scope="module")
def zh_doc(zh_docx: Path) -> Document:
    return docx.Document(str(zh_docx))


@pytest.fixture(scope="module")
def en_doc(demo: Demo) -> Document:
    path = build_proposal(demo.en, demo.folder / "proposal.docx", figures=demo.figures_en)
    return docx.Document(str(path))


def _headings(document: Document, level: int) -> list[str]:
    return headings(document, level)


def _table_text(document: Document) -> str:
    return "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )


def _instructions(element: object) -> str:
    return " ".join(
        node.text or ""
        for node in element.iter(qn("w:instrText"))  # type: ignore[attr-defined]
    )


# ---------------------------------------------------------------------------- Chinese
def test_cover_and_header_carry_the_client(zh_doc: Document, demo: Demo) -> None:
    first = [p.text for p in zh_doc.paragraphs[:8]]
    assert CLIENT in first
    assert "数字化转型实施建议书" in first
    day = demo.zh.generated
    assert f"编制日期：{day.year}年{day.month}月{day.day}日" in first  # a Chinese date
    section = zh_doc.sections[-1]
    assert CLIENT in "".join(p.text for p in section.header.paragraphs)
    # the cover page has an empty header of its own
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.page_height.cm, 1) == 29.7
    assert round(section.left_margin.cm, 1) == 2.2
    assert round(section.top_margin.cm, 1) == 2.5


def test_document_information_table(zh_doc: Document, demo: Demo) -> None:
    info = zh_doc.tables[0]
    rows = {row.cells[0].text: row.cells[1].text for row in info.rows}
    assert rows["委托单位"] == CLIENT
    assert rows["项目名称"] == demo.zh.profile.title
    assert rows["咨询顾问"] == "张弛、林晓"
    assert rows["项目周期"] == "2026年3月2日 至 2026年12月31日"
    assert rows["评估轮次"].startswith("第一次复评（2026年9月14日")
    assert rows["文档语言"] == "中文"


def test_chapters_are_numbered_by_word_never_like_a_clause(zh_doc: Document) -> None:
    """Chapters read 第N章 and their sections 一、…: nothing in the document's own numbering
    reads like one of the guide's clauses (6.1, 7.3.1), which are always cited 条款 6.1."""
    assert _headings(zh_doc, 1) == [
        "第一章 执行摘要",
        "第二章 项目背景与范围",
        "第三章 诊断结果",
        "第四章 转型战略",
        "第五章 目标蓝图",
        "第六章 实施路线图",
        "第七章 重点举措",
        "第八章 投资估算与效益分析",
        "第九章 领导作用与治理",
        "第十章 组织与文化",
        "第十一章 风险与应对",
        "第十二章 关键绩效指标",
        "第十三章 近期工作建议",
        "附录A 诊断方法",
        "附录B 补充资料",
        "附录C 各条款诊断详情",
        "附录D 诊断检查表",
        "附录E 术语和缩略语",
    ]
    level2 = _headings(zh_doc, 2)
    assert level2[0] == "一、企业概况"
    assert "二、举措总览" in level2
    assert "E.1 术语和定义" in level2
    assert "A.4 评估范围与条款权重" in level2
    clause_like = re.compile(r"^\d+(\.\d+)+ ")
    assert not [h for h in _headings(zh_doc, 1) + level2 if clause_like.match(h)]
    # the numbers are Word's: the heading's own text is the title alone
    plain = [p.text for p in zh_doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert "执行摘要" in plain and "企业概况" in plain


def test_supporting_detail_is_an_appendix_the_body_points_to(zh_doc: Document) -> None:
    """The body stays readable (about 30 pages): registers and long tables live in appendix
    B, in the order of the chapters, and each chapter says where its detail is."""
    level2 = _headings(zh_doc, 2)
    assert [h for h in level2 if h.startswith("B.")] == [
        "B.1 调研工作记录",
        "B.2 与上一轮相比变化的条款",
        "B.3 采纳的基本原则",
        "B.4 采纳的实施准则",
        "B.5 系统清单",
        "B.6 举措说明",
        "B.7 各举措分年度投资",
        "B.8 指标定义与计算方法",
    ]
    text = "\n".join(texts(zh_doc))
    body = text[: text.rindex("附录A 诊断方法")]  # to the heading (the contents list it too)
    for pointer in (
        "访谈对象、研讨会与现场调研、查阅资料的明细见附录B。",
        "见附录B的系统清单。",
        "重点举措的任务书见第七章，其余举措的说明见附录B。",
        "各举措的分年度投资见附录B。",
        "各指标的定义、计算方法和分析方法见附录B。",
        "各条款的权重见附录A",
        "本项目采纳指南5.2的8项基本原则：价值导向、能力建设、领导作用、全员参与、用户满意、",
        "各原则的落实方式见附录B。",
    ):
        assert pointer in body
    captions = [p.text for p in zh_doc.paragraphs if p.style.name == "Caption"]
    first_in_appendix = next(n for n, c in enumerate(captions) if "访谈对象" in c)
    assert captions.index(next(c for c in captions if "关键绩效指标与分阶段目标" in c)) < (
        first_in_appendix
    )  # the body's own tables come first; the registers follow in the appendix


def test_without_the_appendix_the_detail_stays_in_the_body(demo: Demo, tmp_path: Path) -> None:
    chosen = [code for code in SECTIONS if code != "supporting"]
    path = build_proposal(demo.zh, tmp_path / "无附录.docx", figures={}, sections=chosen)
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "附录B 补充资料" not in _headings(document, 1)
    for pointer in ("明细见附录", "的系统清单。", "其余举措的说明见附录", "分年度投资见附录"):
        assert pointer not in text  # no pointer to an appendix that is not there
    captions = {p.text.split(" ", 2)[-1] for p in document.paragraphs if p.style.name == "Caption"}
    assert {"访谈对象", "系统清单", "各举措分年度投资（万元）", "指标定义与计算方法"} <= captions
    level2 = _headings(document, 2)
    assert "三、举措说明" in level2 and "二、指标定义与计算方法" in level2
    assert "采纳的基本原则" in captions and "采纳的实施准则" in captions


def test_every_clause_has_its_heading_and_checklist(zh_doc: Document, demo: Demo) -> None:
    level3 = _headings(zh_doc, 3)
    assert len(demo.zh.clauses) == 45
    for clause in demo.zh.clauses:
        assert f"条款 {clause.key} {clause.title}" in level3
    assert "条款 7.3.1 生产计划管理" in level3
    text = _table_text(zh_doc)
    assert "部分符合" in text and "不符合" in text
    # no table text below 小五 (9 pt), the checklist included
    for name in ("Table Text", "Table Text Small"):
        size = zh_doc.styles[name].font.size
        assert size is not None and size.pt >= 9


def test_plan_tables_list_every_initiative_and_kpi(zh_doc: Document, demo: Demo) -> None:
    text = _table_text(zh_doc)
    initiatives = demo.zh.items["initiative"]
    assert len(initiatives) == 16
    for item in initiatives:
        assert item.record.title in text
    for n in range(1, 17):
        assert f"I-{n:02d}" in text
    kpis = demo.zh.items["kpi"]
    assert len(kpis) == 14  # with inventory record accuracy (I-13) and unplanned downtime (I-16)
    for item in kpis:
        assert item.record.name in text
    for member in demo.zh.items["governance"]:
        assert member.record.name in text
    for entry in demo.zh.items["resistance"]:
        assert entry.record.source in text
    assert "高层领导者" in text  # governance role in the deliverable language
    assert "渐进式转变" in "\n".join(p.text for p in zh_doc.paragraphs)


def test_figures_and_captions(zh_doc: Document) -> None:
    assert len(zh_doc.inline_shapes) >= 8
    for shape in zh_doc.inline_shapes:
        assert shape.width <= Cm(16) + 10
    captions = [p.text for p in zh_doc.paragraphs if p.style.name == "Caption"]
    assert "图 1 数字化转型总体指数" in captions
    assert any(c.startswith("表 1 ") for c in captions)
    figures = [c for c in captions if c.startswith("图 ")]
    assert [int(c.split()[1]) for c in figures] == list(range(1, len(figures) + 1))
    assert "SEQ 图" in _instructions(zh_doc.element.body)
    # every picture has alt text: its caption, for a screen reader or Word's accessibility check
    described = [shape._inline.docPr.get("descr") for shape in zh_doc.inline_shapes]
    assert described == figures


def test_fields_for_contents_and_page_numbers(zh_doc: Document) -> None:
    body = _instructions(zh_doc.element.body)
    assert 'TOC \\o "1-2" \\h \\z \\u' in body  # its entries: tests/test_toc.py
    footer = zh_doc.sections[-1].footer
    instructions = _instructions(footer._element)
    assert "PAGE" in instructions and "NUMPAGES" in instructions
    assert "第" in footer.paragraphs[0].text and "共" in footer.paragraphs[0].text
    update = zh_doc.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_tables_repeat_a_shaded_header_row(zh_doc: Document) -> None:
    table = next(t for t in zh_doc.tables if t.rows[0].cells[0].text == "编号")
    first = table.rows[0]._tr
    assert first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    shading = first.find(qn("w:tc")).find(qn("w:tcPr")).find(qn("w:shd"))
    assert shading is not None and shading.get(qn("w:fill"))
    assert table.style is not None and table.style.name == "Table Grid"


def test_east_asian_fonts_are_set_without_theme_fonts(zh_doc: Document) -> None:
    styles = zh_doc.styles.element
    rfonts = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rfonts.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "宋体"
    assert rfonts.get(qn("w:eastAsiaTheme")) is None
    for name, font in (("Heading 1", "黑体"), ("Normal", "宋体"), ("Caption", "黑体")):
        style_fonts = zh_doc.styles[name].element.rPr.find(qn("w:rFonts"))
        assert style_fonts.get(qn("w:eastAsia")) == font, name
        assert style_fonts.get(qn("w:asciiTheme")) is None, name
    for style in styles.findall(qn("w:style")):
        found = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if found is not None:
            assert found.get(qn("w:eastAsiaTheme")) is None


def test_file_properties_describe_this_proposal_written_now(
    zh_docx: Path, zh_doc: Document, demo: Demo
) -> None:
    props = zh_doc.core_properties
    assert CLIENT in props.title
    assert props.subject == demo.zh.profile.title
    assert props.language == "zh-CN"
    assert props.author == props.last_modified_by == demo.zh.author
    # written by this export, not the library's 2013 template
    written = datetime.fromtimestamp(zh_docx.stat().st_mtime, UTC)
    for moment in (props.created, props.modified):
        assert moment is not None
        assert abs((written - moment.replace(tzinfo=UTC)).total_seconds()) < 600
    with zipfile.ZipFile(zh_docx) as package:
        app = package.read("docProps/app.xml").decode("utf-8")
        settings = package.read("word/settings.xml").decode("utf-8")
    assert f"<Company>{demo.zh.firm_name}</Company>" in app
    assert "Macintosh" not in app and "<Application>dtbench</Application>" in app
    # a current Word document: Word shows no "[Compatibility Mode]"
    modes = re.findall(r'w:name="compatibilityMode"[^>]*w:val="(\d+)"', settings)
    assert modes == ["15"]


def test_english_properties(en_doc: Document, demo: Demo) -> None:
    props = en_doc.core_properties
    assert props.language == "en-US"
    assert props.title.startswith("Digital Transformation Implementation Proposal — ")


# ---------------------------------------------------------------------------- English
def _client_strings(content: Content) -> list[str]:
    strings = [item.record.name for item in content.items["phase"]]
    strings += [name.split("：")[0] for name in strings]
    strings += [content.profile.client_name, content.round.name]
    strings += [r.name for r, _ in content.rounds]
    return sorted(set(strings), key=len, reverse=True)


def test_english_fixed_texts_have_no_chinese() -> None:
    for key, text in T.items():
        assert not CJK.search(text.en), key
        assert sorted(re.findall(r"%\d", text.zh)) == sorted(re.findall(r"%\d", text.en)), key
    for labels in (EMPLOYEE_LABELS, REVENUE_LABELS):
        for text in labels.values():
            assert not CJK.search(text.en)


def test_english_version_has_english_headings_and_frame(en_doc: Document, demo: Demo) -> None:
    level1 = _headings(en_doc, 1)
    assert level1[0] == "Chapter 1 Executive summary"
    assert "Chapter 6 Implementation roadmap" in level1
    assert _headings(en_doc, 2)[0] == "Client profile"  # sections unnumbered in English
    assert level1[-1] == "Appendix E Terms and abbreviations"
    titles = [i.record.title for i in demo.en.items["initiative"]]  # the consultant's words
    strip = sorted({*_client_strings(demo.en), *titles}, key=len, reverse=True)
    for level in (1, 2, 3):
        for heading in _headings(en_doc, level):
            for title in titles:
                heading = heading.replace(title, "")
            assert not CJK.search(heading), heading
    assert "Clause 7.3.1 Production planning management" in _headings(en_doc, 3)

    def fixed(text: str) -> str:
        for value in strip:
            text = text.replace(value, "")
        return text

    captions = [p.text for p in en_doc.paragraphs if p.style.name == "Caption"]
    assert "Figure 1 Overall digital transformation index" in captions
    for caption in captions:
        assert not CJK.search(fixed(caption)), caption
    for table in en_doc.tables:
        header = table.rows[0]
        if header._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:  # a header row
            for cell in header.cells:
                assert not CJK.search(fixed(cell.text)), cell.text
    info = {row.cells[0].text: row.cells[1].text for row in en_doc.tables[0].rows}
    assert info["Client"] == CLIENT  # client data stays as entered
    assert info["Language"] == "English"
    footer = en_doc.sections[-1].footer.paragraphs[0].text
    assert footer.startswith("Page ") and " of " in footer
    assert "Appendix A Assessment method" in level1
    zh_fixed = {"执行摘要", "实施路线图", "诊断检查表", "文档信息", "右键", "编制日期", "附录"}
    body = "\n".join(p.text for p in en_doc.paragraphs) + _table_text(en_doc)
    assert not [word for word in zh_fixed if word in body]
    rfonts = en_doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "宋体"  # Chinese client data still renders


def test_method_section_gives_the_scoring_rules_in_the_documents_language(
    zh_doc: Document, en_doc: Document
) -> None:
    """The rules are dtbench.diagnosis.scoring_method's, in the engagement's language only."""
    for document, lang in ((zh_doc, "zh"), (en_doc, "en")):
        shown = texts(document)
        heading = [n for n, t in enumerate(shown) if t.endswith(" " + T["rules"].get(lang))]
        start = heading[0] + 1  # after the numbered heading "A.3 …"
        rules = [t.get(lang) for t in scoring_method.method()]
        assert shown[start : start + 1 + len(rules)] == [T["rules_text"].get(lang), *rules]
    assert not any(CJK.search(t.en) for t in scoring_method.method())


# ---------------------------------------------------------------------------- options
def test_sections_can_be_left_out(demo: Demo, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    # the firm benchmark is written only with its comparison (tests/test_benchmark.py)
    chosen = [s for s in SECTIONS if s not in ("clauses", "method", "benchmark")]
    path = build_proposal(
        demo.zh,
        tmp_path / "short.docx",
        figures=demo.figures_zh,
        sections=chosen,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(n, len(chosen)) for n in range(1, len(chosen) + 1)]
    document = docx.Document(str(path))
    assert not [h for h in _headings(document, 3) if h.startswith("条款")]
    level1 = _headings(document, 1)
    assert "第三章 诊断结果" in level1 and "第四章 转型战略" in level1
    assert not [h for h in level1 if "诊断方法" in h]
    # without the clause chapter the appendix holds the full checklist
    text = "\n".join(p.text for p in document.paragraphs)
    assert "条款 7.3.1 生产计划管理" in text
    assert "检查项" in _table_text(document)


def test_a_single_section_needs_no_figures(demo: Demo, tmp_path: Path) -> None:
    path = build_proposal(demo.zh, tmp_path / "one.docx", sections=("summary",))
    document = docx.Document(str(path))
    assert _headings(document, 1) == ["第一章 执行摘要"]
    assert not document.paragraphs[0].paragraph_format.page_break_before
    assert "TOC" not in _instructions(document.element.body)
    with pytest.raises(ValueError, match="appendix"):
        build_proposal(demo.zh, tmp_path / "bad.docx", sections=("appendix",))


def test_cancelled_export_leaves_the_old_file_untouched(demo: Demo, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "建议书.docx"
    target.write_bytes(b"the version the client already has")
    before = target.read_bytes()
    with pytest.raises(ExportCancelled):
        build_proposal(demo.zh, target, figures=demo.figures_zh, cancelled=lambda: True)
    asked = iter(range(100))
    with pytest.raises(ExportCancelled):  # cancelled half-way through the sections
        build_proposal(
            demo.zh,
            target,
            figures=demo.figures_zh,
            cancelled=lambda: next(asked) >= 5,
        )
    assert target.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == [target.name]


def test_an_empty_engagement_says_what_is_missing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "empty.sqlite3")
    try:
        profile = engagements.create_engagement(
            store, client_name="大连新材料有限公司", title="数字化转型诊断"
        )
        zh = gather(store, profile.uuid)
        en = gather(store, profile.uuid, "en")
    finally:
        store.close()
    document = docx.Document(str(build_proposal(zh, tmp_path / "empty.docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    for sentence in ("尚未制定举措。", "尚未确定关键绩效指标。", "尚未建立治理组织。"):
        assert sentence in text
    assert "大连新材料有限公司" in text
    sections = ("summary", "roadmap", "kpis", "leadership", "organization", "next_steps")
    path = build_proposal(en, tmp_path / "empty-en.docx", figures={}, sections=sections)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "No initiative has been planned yet." in text
    assert "The vision" not in text  # strategy was left out
    for client_data in ("大连新材料有限公司", en.round.name):
        text = text.replace(client_data, "")
    assert not CJK.search(text), text


def test_control_characters_in_client_text_are_dropped(demo: Demo, tmp_path: Path) -> None:
    # Word pastes U+000B for a manual line break: it stays a line break; BEL goes.
    assert clean("第一行\x0b第二行\x07\r\n第三行") == "第一行\n第二行\n第三行"
    from dataclasses import replace

    profile = replace(demo.zh.profile, client_name="大连\x0c澜岳", main_products="阀块\x1f")
    content = replace(demo.zh, profile=profile)
    path = build_proposal(content, tmp_path / "ctl.docx", sections=("cover", "background"))
    assert "大连\n澜岳" in [p.text for p in docx.Document(str(path)).paragraphs]


def test_guide_references() -> None:
    assert guide_ref("6.3.1.h.2") == "6.3.1 h) 2)"
    assert guide_ref("6.2.1.d") == "6.2.1 d)"
    assert guide_ref("5.2") == "5.2"


# ---------------------------------------------------------------------------- templates
def _docx_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "plain.docx"
    docx.Document().save(str(path))
    return path.read_bytes()


def test_template_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "模板.txt"
    path.write_text("not a template", encoding="utf-8")
    with pytest.raises(TemplateTypeError, match=r"is not a \.docx file") as info:
        check_template(path)
    assert isinstance(info.value, TemplateError)
    assert str(path) in str(info.value)
    assert info.value.context == "ExportError"


def test_template_that_is_not_a_zip_or_is_damaged(tmp_path: Path) -> None:
    text = tmp_path / "text.docx"
    text.write_text("plain text renamed", encoding="utf-8")
    with pytest.raises(TemplateDamagedError, match="damaged"):
        check_template(text)
    truncated = tmp_path / "truncated.docx"
    data = _docx_bytes(tmp_path)
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(TemplateDamagedError, match="damaged"):
        check_template(truncated)
    hollow = tmp_path / "hollow.docx"
    with zipfile.ZipFile(hollow, "w") as archive:
        archive.writestr("readme.txt", "no Word parts")
    with pytest.raises(TemplateDamagedError):
        check_template(hollow)


def test_password_protected_template(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(TemplateProtectedError, match="password"):
        check_template(path)


def test_template_without_heading_styles_names_them(tmp_path: Path) -> None:
    document = docx.Document()
    styles = document.styles.element
    for style in list(styles.findall(qn("w:style"))):
        name = style.find(qn("w:name")).get(qn("w:val"))
        if name in ("heading 1", "heading 2", "heading 3"):
            styles.remove(style)
    path = tmp_path / "no-headings.docx"
    document.save(str(path))
    with pytest.raises(TemplateStylesError) as info:
        check_template(path)
    message = str(info.value)
    for name in ("Heading 1", "Heading 2", "Heading 3", "标题 1"):
        assert name in message
    assert "Caption" not in message
    translated = info.value.message(lambda context, text: text.replace("lacks", "LACKS"))
    assert "LACKS" in translated and "Heading 2" in translated


def _template(tmp_path: Path, *, cover: str = "") -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.page_width = Cm(21.59)
    section.page_height = Cm(27.94)
    section.left_margin = section.right_margin = Cm(2.0)
    section.header.paragraphs[0].text = "澜岳咨询"
    if cover:
        document.add_paragraph(cover)
    path = tmp_path / "澜岳咨询模板.docx"
    document.save(str(path))
    return path


def test_a_good_template_is_used(demo: Demo, tmp_path: Path) -> None:
    template = _template(tmp_path)
    check_template(template)
    path = build_proposal(
        demo.zh, tmp_path / "out.docx", figures=demo.figures_zh, template=template
    )
    document = docx.Document(str(path))
    section = document.sections[-1]
    assert "澜岳咨询" in "".join(p.text for p in section.header.paragraphs)
    assert round(section.page_width.cm, 2) == 21.59
    assert round(section.left_margin.cm, 1) == 2.0
    # the template's body was empty: our cover comes first
    assert CLIENT in [p.text for p in document.paragraphs[:6]]
    assert "第一章 执行摘要" in _headings(document, 1)
    # tables fit the template's narrower text width
    widest = max(
        sum(int(c.get(qn("w:w"))) for c in t._tbl.find(qn("w:tblGrid"))) for t in document.tables
    )
    assert widest <= Cm(21.59 - 4.0).twips + 5
    footer = _instructions(section.footer._element)
    assert "NUMPAGES" in footer


def test_a_template_with_a_cover_keeps_it(demo: Demo, tmp_path: Path) -> None:
    template = _template(tmp_path, cover="澜岳咨询　封面")
    path = build_proposal(
        demo.zh,
        tmp_path / "out.docx",
        figures=demo.figures_zh,
        template=template,
        sections=("cover", "info", "summary"),
    )
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "澜岳咨询　封面"
    assert "数字化转型实施建议书" not in [p.text for p in document.paragraphs]
    info_title = next(p for p in document.paragraphs if p.text == "文档信息")
    assert info_title.paragraph_format.page_break_before


def test_a_word_template_file_is_accepted(demo: Demo, tmp_path: Path) -> None:
    source = _template(tmp_path)
    dotx = tmp_path / "模板.dotx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dotx, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml"
                )
            out.writestr(info, data)
    path = build_proposal(demo.zh, tmp_path / "out.docx", template=dotx, sections=("summary",))
    assert "澜岳咨询" in docx.Document(str(path)).sections[-1].header.paragraphs[0].text


def test_a_bad_template_writes_nothing(demo: Demo, tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(TemplateError):
        build_proposal(demo.zh, tmp_path / "out.docx", figures=demo.figures_zh, template=bad)
    assert not (tmp_path / "out.docx").exists()


# ---------------------------------------------------------------------------- LibreOffice
def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI installs LibreOffice and poppler-utils)")
        pytest.skip(message)
    return found


def test_libreoffice_renders_the_proposal(zh_docx: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        soffice = _tool("soffice")
    pdftotext = _tool("pdftotext")
    pdfinfo = _tool("pdfinfo")
    home = tmp_path / "lo-home"
    home.mkdir()
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(zh_docx)],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "HOME": str(home)},
    )
    pdf = tmp_path / (zh_docx.stem + ".pdf")
    assert pdf.exists()
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60
    ).stdout
    compact = re.sub(r"\s+", "", text)
    assert CLIENT in compact
    for title in ("执行摘要", "诊断结果", "实施路线图", "关键绩效指标", "近期工作建议"):
        assert title in compact, title
    assert re.search(r"第2页/共\d+页", compact)
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, timeout=60).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert 15 < pages < 200
    # what a CEO holds: a one-page summary and a body of about 30 pages; detail is appendix
    sheets = text.split("\f")

    def page_of(heading: str) -> int:  # a line that is the heading (spacing as laid out)
        wanted = re.sub(r"\s+", "", heading)
        return next(
            n
            for n, sheet in enumerate(sheets, 1)
            if any(re.sub(r"\s+", "", line) == wanted for line in sheet.splitlines())
        )

    summary = page_of("第一章 执行摘要")
    assert page_of("第二章 项目背景与范围") == summary + 1  # the summary is one page
    assert "关键数据" in re.sub(r"\s+", "", sheets[summary - 1])  # with its key figures
    body = page_of("附录A 诊断方法") - summary
    assert 24 <= body <= 32, body


def test_the_culture_chart_is_not_repeated_as_a_table(zh_doc: Document, demo: Demo) -> None:
    """The radar shows every trait's rating; the text names the widest gaps instead of a table
    of the same numbers (the table stays when there is no chart)."""
    text = "\n".join(p.text for p in zh_doc.paragraphs)
    assert re.search(r"现状与目标差距最大的是\S+（\d→\d）", text)
    captions = [p.text for p in zh_doc.paragraphs if p.style.name == "Caption"]
    assert not any("数字文化特征评分" in c for c in captions)
    assert any("数字文化特征" in c for c in captions if c.startswith("图"))
