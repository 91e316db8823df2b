"""Key findings in the client documents: they lead the Word proposal's diagnosis chapter
(before its first chart), the executive summary names them, the Excel plan has their sheet."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx_reading import shown
from openpyxl import load_workbook

from dtbench.deliverables.content import Content, draft_summary, gather
from dtbench.deliverables.docx_proposal import build_proposal
from dtbench.deliverables.figures import render_figures
from dtbench.deliverables.xlsx_plan import build_action_plan
from dtbench.sample import create_demo
from dtbench.store import open_store


@dataclass
class Sample:
    zh: Content
    en: Content
    figures: dict[str, bytes]
    folder: Path


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sample]:
    folder = tmp_path_factory.mktemp("findings_docs")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DTBENCH_HOME", str(folder))
        store = open_store(folder / "demo.sqlite3")
        try:
            uuid = create_demo(store)
            zh, en = gather(store, uuid, "zh"), gather(store, uuid, "en")
        finally:
            store.close()
        yield Sample(zh, en, render_figures(zh), folder)


def _without_findings(content: Content) -> Content:
    return dataclasses.replace(content, items={**content.items, "finding": []})


def _titles(content: Content) -> list[str]:
    return [str(i.record.title) for i in content.items["finding"]]


def _diagnosis_chapter(path: Path) -> list[tuple[str, str, bool]]:
    """The diagnosis chapter's paragraphs in order as the reader sees them, numbers included:
    (style, text, holds a picture)."""
    document = docx.Document(str(path))
    out: list[tuple[str, str, bool]] = []
    inside = False
    for p, (style, text) in zip(document.paragraphs, shown(document), strict=True):
        if style == "Heading 1":
            if inside:
                break
            inside = text.endswith(("诊断结果", "Diagnosis results"))
            continue
        if inside:
            picture = p._p.find(".//" + qn("w:drawing")) is not None
            out.append((style, text, picture))
    return out


def test_the_findings_lead_the_diagnosis_chapter_before_its_first_chart(sample: Sample) -> None:
    path = build_proposal(sample.zh, sample.folder / "建议书.docx", figures=sample.figures)
    chapter = _diagnosis_chapter(path)
    first_chart = next(n for n, (_s, _t, picture) in enumerate(chapter) if picture)
    assert chapter[0][:2] == ("Heading 2", "一、核心发现")
    before = chapter[:first_chart]
    titles = _titles(sample.zh)
    assert len(titles) == 5
    numbered = [text for _s, text, _p in before if text.startswith("（")]
    assert numbered == [f"（{n}）{t}" for n, t in zip("一二三四五", titles, strict=True)]
    document = docx.Document(str(path))
    title_runs = [r for p in document.paragraphs if p.text == titles[0] for r in p.runs]
    assert title_runs and all(r.bold for r in title_runs)
    texts = "\n".join(text for _s, text, _p in before)
    assert "五个方面" in texts  # a count in words, not a raw number
    assert "涉及条款：9.4 平台集成、9.3 数据服务平台、7.1.3 " in texts
    assert "访谈：赵敏（信息中心主任）" in texts
    first = sample.zh.items["finding"][0].record
    assert first.impact in texts
    for line in first.observations.splitlines():
        assert line in texts
    # the statistics follow the findings
    assert ("Heading 2", "二、总体结果") in [(s, t) for s, t, _p in chapter]


def test_the_english_proposal_frames_them_in_english(sample: Sample) -> None:
    path = build_proposal(sample.en, sample.folder / "proposal.docx", figures=sample.figures)
    chapter = _diagnosis_chapter(path)
    assert chapter[0][:2] == ("Heading 2", "Key findings")
    texts = [text for _s, text, _p in chapter]
    assert "the main problems 澜岳精工 faces come down to the five themes below" in texts[1]
    assert f"1.\t{_titles(sample.en)[0]}" in texts
    assert any(t.startswith("Clauses concerned: 9.4 Platform integration") for t in texts)


def test_without_findings_the_chapter_reads_as_before(sample: Sample) -> None:
    content = _without_findings(sample.zh)
    path = build_proposal(content, sample.folder / "无发现.docx", figures=sample.figures)
    chapter = _diagnosis_chapter(path)
    assert chapter[0][:2] == ("Heading 2", "一、总体结果")
    assert not any("核心发现" in text for _s, text, _p in chapter)
    assert "核心问题" not in draft_summary(content)


def test_the_executive_summary_names_the_key_problems(sample: Sample) -> None:
    titles = _titles(sample.zh)
    summary = draft_summary(sample.zh)
    assert f"诊断发现的核心问题：一是{titles[0]}；二是{titles[1]}；三是{titles[2]}。" in summary
    english = draft_summary(sample.en)
    assert f"The key problems: {titles[0]}; {titles[1]}" in english


def _rows(ws: Any) -> list[list[Any]]:
    return [[c.value for c in row] for row in ws.iter_rows(min_row=5, max_col=6)]


def test_the_excel_plan_has_a_key_findings_sheet(sample: Sample) -> None:
    path = build_action_plan(sample.zh, sample.folder / "计划.xlsx")
    wb = load_workbook(path)
    try:
        names = wb.sheetnames
        assert names.index("核心发现") == names.index("现状诊断") + 1
        ws = wb["核心发现"]
        assert [c.value for c in ws[4]][:6] == [
            "编号",
            "核心发现",
            "现状",
            "影响",
            "依据",
            "涉及条款",
        ]
        rows = _rows(ws)
        assert [r[1] for r in rows] == _titles(sample.zh)
        first = sample.zh.items["finding"][0].record
        assert rows[0][0] == "F-01"
        assert rows[0][2] == first.observations
        assert rows[0][3] == first.impact
        assert rows[0][5].splitlines()[0] == "9.4 平台集成"
    finally:
        wb.close()


def test_the_excel_sheet_says_when_there_are_no_findings(sample: Sample) -> None:
    path = build_action_plan(_without_findings(sample.en), sample.folder / "plan.xlsx")
    wb = load_workbook(path)
    try:
        ws = wb["Key findings"]
        assert ws.cell(5, 1).value.startswith("No key findings yet")
    finally:
        wb.close()
