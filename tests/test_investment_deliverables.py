"""The investment and benefits of the sample in the Word proposal and the Excel plan, read
back: the same figures as the core module and the roadmap; Excel totals are formulas that
LibreOffice computes to those figures and that follow a changed amount; the chart draws."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx_reading import headings

from dtbench.deliverables.content import Content, gather
from dtbench.deliverables.docx_proposal import build_proposal
from dtbench.deliverables.docx_texts import T
from dtbench.deliverables.figures import figure_jobs
from dtbench.deliverables.xlsx_cells import is_total_formula, put_total
from dtbench.deliverables.xlsx_plan import build_action_plan
from dtbench.plan import investment as inv
from dtbench.sample import create_demo
from dtbench.store import open_store


@dataclass
class Sample:
    zh: Content
    en: Content
    summary: inv.Summary
    folder: Path


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sample]:
    folder = tmp_path_factory.mktemp("investment")
    store = open_store(folder / "demo.sqlite3")
    try:
        uuid = create_demo(store)
        zh, en = gather(store, uuid, "zh"), gather(store, uuid, "en")
    finally:
        store.close()
    i = zh.items
    yield Sample(
        zh, en, inv.summarize(i["initiative"], i["phase"], i["cost"], i["benefit"]), folder
    )


def _proposal(content: Content, path: Path) -> Any:
    chart = figure_jobs(content, dpi=60)["investment"]()
    build_proposal(
        content, path, figures={"investment": chart}, sections=("roadmap", "investment", "kpis")
    )
    return docx.Document(str(path))


def _table_rows(table: Any) -> list[list[str]]:
    return [[cell.text.strip() for cell in row.cells] for row in table.rows]


def _caption_table(document: Any, caption: str) -> list[list[str]]:
    """The rows of the table whose caption (the paragraph before it) ends with ``caption``."""
    body = document.element.body
    previous = ""
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(child.itertext()).strip()
            if text:
                previous = text
        elif tag == "tbl" and previous.endswith(caption):
            table = next(t for t in document.tables if t._tbl is child)
            return _table_rows(table)
    raise AssertionError(f"no table captioned {caption!r}")


def test_the_proposal_chapter_shows_the_core_figures(sample: Sample) -> None:
    s = sample.summary
    document = _proposal(sample.zh, sample.folder / "zh.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    chapters = headings(document, 1)
    # after the roadmap, before the KPIs
    assert [h.split(" ", 1)[1] for h in chapters] == [
        "实施路线图",
        "投资估算与效益分析",
        "关键绩效指标",
    ]
    assert "规划期内16项举措的投资合计1,094万元，分布在2026年至2028年。" in text
    assert "其中已完成举措投入168万元，后续尚需投入926万元" in text
    assert inv.payback_sentence(s, "zh") in text
    assert "投资在投入开始后的第5年收回" in text
    for sentence in inv.assumptions(s, "zh"):
        assert sentence in text

    by_phase = _caption_table(document, "分阶段、分年度投资（万元）")
    assert by_phase[0] == ["阶段", "2026", "2027", "2028", "合计"]
    assert by_phase[-1] == ["合计", "277", "472", "345", "1,094"]
    assert ["已完成举措（已投入）", "168", "—", "—", "168"] in by_phase
    kinds = _caption_table(document, "投资构成（万元）")
    assert kinds[-1] == ["合计", "946", "148", "1,094", "100%"]
    flow = _caption_table(document, "投资与效益逐年测算（万元）")
    assert flow[-1] == ["累计净收益", "-277", "-704", "-844", "-404", "36"]
    benefits = _caption_table(document, "量化效益")
    assert benefits[-1][3] == "440"  # a year once all are in effect
    # the roadmap's initiative table says the same total
    roadmap = _caption_table(document, T["initiatives_table"].get("zh"))
    assert "1,094" in roadmap[-1]
    assert len(document.inline_shapes) == 1  # the chart


def test_the_english_proposal_chapter(sample: Sample) -> None:
    document = _proposal(sample.en, sample.folder / "en.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Chapter 2 Investment and benefits" in headings(document, 1)
    # English readers count in millions: 1,094 万元 is CNY 10.94 million, in text and tables
    assert "The 16 initiatives of the plan require CNY 10.94 million in all, from 2026 " in text
    assert "to 2028. Of this, CNY 1.68 million has been spent" in text
    assert "pays back in 2030, year 5 of the plan." in text
    assert "× 10,000" not in text and "10k" not in text
    by_phase = _caption_table(document, "Investment by phase and year (CNY million)")
    assert by_phase[-1] == ["Total", "2.77", "4.72", "3.45", "10.94"]


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed (CI installs it)")
        pytest.skip("LibreOffice is not installed")
    return found


def _recalculated(path: Path, tmp: Path) -> Any:
    """The workbook as LibreOffice computes it (openpyxl keeps no computed values)."""
    out = tmp / "calc"
    out.mkdir(exist_ok=True)
    home = tmp / "lo-home"
    home.mkdir(exist_ok=True)
    profile = f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}"
    subprocess.run(
        [
            _soffice(),
            profile,
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(home)},
    )
    return openpyxl.load_workbook(out / path.name, data_only=True)


def _row(ws: Any, label: str, after: int = 0) -> list[Any]:
    for row in ws.iter_rows(min_row=after + 1):
        if row[1].value == label:
            return [c.value for c in row]
    raise AssertionError(label)


def test_the_excel_sheet_totals_are_formulas_giving_the_same_figures(
    sample: Sample, tmp_path: Path
) -> None:
    s = sample.summary
    path = build_action_plan(sample.zh, tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames.index("投资与效益") == book.sheetnames.index("行动计划") + 1
    ws = book["投资与效益"]
    formulas = [c for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert len(formulas) > 100 and all(is_total_formula(c.value) for c in formulas)
    assert ws["M66"].value == "=SUM(M6:M65)"  # the grand total: a plain SUM

    calc = _recalculated(path, tmp_path)["投资与效益"]
    years = [2026, 2027, 2028, 2029, 2030]
    header = [c.value for c in calc[5]]
    assert header[7:13] == [*years, "合计"]
    costs = _row(calc, "合计")
    assert costs[7:13] == [*(s.cost[y] for y in years), s.total] == [277, 472, 345, 0, 0, 1094]
    benefit = _row(calc, "效益", 90)
    assert benefit[7:12] == [s.benefit[y] for y in years]
    net = _row(calc, "累计净收益")
    assert net[7:12] == [s.cumulative_net[y] for y in years]
    assert _row(calc, "已完成（已投入）", 80)[12] == s.total_spent == 168
    assert _row(calc, "内部人力", 90)[7:10] == [0, 100, 100]

    # a client changes an amount: every total follows
    first = next(r for r in range(6, 66) if ws.cell(r, 8).value == 24)
    ws.cell(first, 8).value = 124  # openpyxl, as the client's Excel would
    book.save(tmp_path / "changed.xlsx")
    changed = _recalculated(tmp_path / "changed.xlsx", tmp_path)["投资与效益"]
    assert _row(changed, "合计")[12] == 1194
    assert _row(changed, "累计净收益")[11] == s.cumulative_net[2030] - 100


def test_only_reference_totals_go_in_as_formulas(tmp_path: Path) -> None:
    ws = openpyxl.Workbook().active
    put_total(ws, 1, 1, "=SUMIF($C$5:$C$9,$B12,G$5:G$9)")
    for bad in ('=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "=SUM(A1)&B2", "=", "SUM(A1)"):
        with pytest.raises(ValueError):
            put_total(ws, 2, 1, bad)
    assert ws.cell(2, 1).value is None


def test_the_chart_draws_in_both_languages(sample: Sample) -> None:
    from io import BytesIO

    from PIL import Image  # matplotlib's dependency

    for content in (sample.zh, sample.en):
        png = figure_jobs(content, dpi=50)["investment"]()
        assert png.startswith(b"\x89PNG")
        image = Image.open(BytesIO(png))
        darkest, lightest = image.convert("L").getextrema()
        assert image.width > 200 and darkest < 80 and lightest > 240
