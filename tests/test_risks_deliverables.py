"""The risk register in the client's documents: the proposal's chapter (a sentence in words,
the matrix, the register ranked by score) read back with python-docx, the Excel sheet with
its score formula (recalculated by LibreOffice when present), and the matrix chart."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx_reading import headings
from openpyxl import load_workbook

from dtbench.deliverables.content import Content, gather
from dtbench.deliverables.docx_proposal import build_proposal
from dtbench.deliverables.docx_texts import SECTIONS
from dtbench.deliverables.figures import figure_jobs
from dtbench.deliverables.formats import count_words
from dtbench.deliverables.proposal_risks import TEXTS, introduction, risk_texts
from dtbench.deliverables.xlsx_cells import put_formula
from dtbench.deliverables.xlsx_plan import SHEETS, build_action_plan
from dtbench.plan.records import PlanItem, Risk
from dtbench.plan.risks import level, score
from dtbench.reports.raster import png
from dtbench.reports.risk_charts import risk_matrix_figure
from dtbench.sample import create_demo
from dtbench.store import open_store

CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Demo:
    zh: Content
    en: Content
    figures: dict[str, bytes]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("risks")
    store = open_store(folder / "db.sqlite3")
    eng = create_demo(store)
    zh, en = gather(store, eng, "zh"), gather(store, eng, "en")
    yield Demo(zh, en, {"risks": figure_jobs(zh, dpi=80)["risks"]()})
    store.close()


def _chapter(document: docx.document.Document, title: str) -> list[str]:
    """The paragraphs' texts from the chapter's heading to the next chapter."""
    out: list[str] = []
    inside = False
    for p in document.paragraphs:
        if p.style is not None and p.style.name == "Heading 1":
            inside = p.text.endswith(title)
            continue
        if inside:
            out.append(p.text)
    return out


def _register(document: docx.document.Document, header: str) -> list[list[str]]:
    for table in document.tables:
        rows = [[c.text for c in row.cells] for row in table.rows]
        if rows and rows[0][0] == header:
            return rows
    raise AssertionError("no risk register table")


def test_the_chapter_stands_after_organization_and_reads_as_a_proposal(
    demo: Demo, tmp_path: Path
) -> None:
    assert SECTIONS.index("organization") < SECTIONS.index("risks") < SECTIONS.index("next_steps")
    path = build_proposal(
        demo.zh, tmp_path / "p.docx", figures=demo.figures, sections=("organization", "risks")
    )
    document = docx.Document(str(path))
    assert headings(document, 1) == ["第一章 组织与文化", "第二章 风险与应对"]
    texts = _chapter(document, "风险与应对")
    intro = texts[0]
    # in words, not a dump: ten risks, one closed, three high, named by their numbers
    assert intro.startswith("我们识别出十项可能影响转型成效的项目风险，其中一项已经关闭。")
    assert "三项为高风险（R-01、R-02、R-03）" in intro
    assert "技术与数据" in intro and "%" not in intro and "10项" not in intro
    assert any(t.startswith("图") and "风险矩阵" in t for t in texts)  # the figure's caption
    assert len(document.inline_shapes) == 1  # the matrix picture

    rows = _register(document, "编号")
    assert rows[0] == [
        "编号",
        "风险",
        "类别",
        "可能性",
        "影响",
        "等级",
        "应对措施",
        "责任人／状态",
    ]
    body = rows[1:]
    risks = {f"R-{n:02d}": item.record for n, item in enumerate(demo.zh.items["risk"], 1)}
    assert sorted(r[0] for r in body) == sorted(risks)
    # ranked by probability × impact, closed last; the level cell says level and score
    scores = [score(risks[r[0]]) for r in body if risks[r[0]].status != "closed"]
    assert scores == sorted(scores, reverse=True)
    assert risks[body[-1][0]].status == "closed" and body[-1][7].endswith("\n已关闭")
    first = risks[body[0][0]]
    assert body[0][5] == f"高 {score(first)}" and level(first) == "high"
    assert body[0][1].startswith(first.risk) and "涉及举措：I-03" in body[0][1]
    assert body[0][7] == f"{first.owner}\n应对中" and body[0][6] == first.response


def test_the_english_chapter_is_english(demo: Demo, tmp_path: Path) -> None:
    path = build_proposal(demo.en, tmp_path / "en.docx", figures=demo.figures, sections=("risks",))
    document = docx.Document(str(path))
    texts = _chapter(document, "Risks and responses")
    assert texts[0].startswith("We have identified ten project risks")
    assert "Three of the open risks are high (R-01, R-02, and R-03)" in texts[0]
    assert _register(document, "No.")[0][1:4] == ["Risk", "Category", "Prob."]
    for text in TEXTS.values():
        assert not CJK.search(text.en)


def test_the_introduction_speaks_of_what_is_there() -> None:
    def item(n: int, p: int, i: int, category: str = "finance", status: str = "open") -> PlanItem:
        record = Risk(risk=f"r{n}", category=category, probability=p, impact=i, status=status)
        return PlanItem(str(n), "risk", n, record)

    calm = [item(0, 2, 4, "delivery"), item(1, 3, 3, "delivery"), item(2, 1, 2)]
    zh = introduction(calm, "zh")
    assert "三项" in zh and "目前没有高风险，中等风险主要涉及项目交付方面" in zh
    en = introduction(calm, "en")
    assert (
        "three project risks" in en
        and "None is high; the medium ones concern project delivery" in en
    )
    one = introduction([item(0, 5, 5, "security")], "en")
    assert "one project risk " in one and "One of the open risks is high (R-01)" in one
    assert count_words(12, "zh") == "十二" and count_words(20, "zh") == "二十"
    assert count_words(31, "en") == "31"


def test_an_empty_register_says_so(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3")
    from dtbench.engagement import service

    eng = service.create_engagement(store, client_name="某公司", title="规划").uuid
    content = gather(store, eng)
    path = build_proposal(content, tmp_path / "p.docx", sections=("risks",))
    assert _chapter(docx.Document(str(path)), "风险与应对") == ["尚未识别项目风险。"]
    store.close()


def test_the_excel_sheet_has_a_score_formula_the_client_can_change(
    demo: Demo, tmp_path: Path
) -> None:
    path = build_action_plan(demo.zh, tmp_path / "plan.xlsx")
    book = load_workbook(path)
    assert book.sheetnames[SHEETS.index("risks")] == "风险登记"
    ws = book["风险登记"]
    header = [c.value for c in ws[4]]
    assert header[:7] == ["编号", "风险", "类别", "可能性", "影响", "风险值", "等级"]
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    assert len(rows) == len(demo.zh.items["risk"])
    for n, row in enumerate(rows, start=5):
        assert row[5] == f"=D{n}*E{n}"  # a formula: P × I
        assert str(row[6]).startswith(f"=IF(F{n}>=15,")
        assert isinstance(row[3], int) and isinstance(row[4], int)
    assert rows[0][0] == "R-01" and rows[-1][9] == "已关闭"
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    # LibreOffice computes the formulas: the scores and levels agree with the proposal
    sheet_number = SHEETS.index("risks") + 1
    options = f"44,34,76,1,,0,false,true,false,false,false,{sheet_number}"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", f"csv:Text - txt - csv (StarCalc):{options}",
         "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    (csv,) = tmp_path.glob("plan*.csv")
    lines = [line.split(",") for line in csv.read_text(encoding="utf-8").splitlines()[4:]]
    risks = {f"R-{n:02d}": item.record for n, item in enumerate(demo.zh.items["risk"], 1)}
    for line in lines:
        risk = risks[line[0]]
        assert int(line[5]) == score(risk)
        assert line[6] == {"high": "高", "medium": "中", "low": "低"}[level(risk)]


def test_only_dtbench_formulas_go_into_a_cell() -> None:
    from openpyxl import Workbook

    ws = Workbook().active
    put_formula(ws, 1, 1, "=B1*C1")
    for text in ('=HYPERLINK("http://x")', "=cmd|' /C calc'!A0", '=B1&"=1+1"', "=1+1\n"):
        with pytest.raises(ValueError):
            put_formula(ws, 2, 1, text)
    assert ws.cell(2, 1).value is None


def test_the_matrix_draws_every_risk_in_its_cell(demo: Demo) -> None:
    risks = demo.zh.items["risk"]
    figure = risk_matrix_figure(risks, risk_texts("zh"))
    (ax,) = figure.axes
    cells = [p for p in ax.patches if p.get_gid() == "risk-cell"]
    assert len(cells) == 25
    labels = [t.get_text() for t in ax.texts if t.get_gid() == "risk-label"]
    assert sorted(labels) == [f"R-{n:02d}" for n in range(1, len(risks) + 1)]
    picture = png(risk_matrix_figure, risks, risk_texts("en"), (4, 4), dpi=60)
    assert picture.startswith(b"\x89PNG")
    empty = risk_matrix_figure([], risk_texts("zh"))
    assert [t.get_text() for t in empty.axes[0].texts] == ["尚未识别风险。"]
