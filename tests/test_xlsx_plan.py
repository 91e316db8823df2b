"""The Excel action plan, reopened with openpyxl: sheets, rows, drop-downs, the timeline's
conditional formatting, charts, print set-up, fonts, cancellation and both languages."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, RadarChart

from dtbench.deliverables.cancel import ExportCancelled
from dtbench.deliverables.content import Content, gather
from dtbench.deliverables.xlsx_plan import SHEETS, build_action_plan, sheet_names
from dtbench.deliverables.xlsx_texts import T
from dtbench.diagnosis import scoring_method
from dtbench.diagnosis.scale import STATUS_NAMES
from dtbench.diagnosis.scoring import ALL_STATUSES
from dtbench.plan import catalogue as cat

HEADER = 4
FIRST = 5


def _cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(ch) in "WF" for ch in text)


@dataclass(frozen=True)
class Built:
    zh: Content
    en: Content
    zh_path: Path
    en_path: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The demo engagement exported once in each language for the read-only tests."""
    from dtbench.sample import create_demo
    from dtbench.store import open_store

    folder = tmp_path_factory.mktemp("xlsx")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DTBENCH_HOME", str(folder))
        store = open_store(folder / "engagements.sqlite3")
        try:
            uuid = create_demo(store)
            zh, en = gather(store, uuid, "zh"), gather(store, uuid, "en")
        finally:
            store.close()
    yield Built(
        zh,
        en,
        build_action_plan(zh, folder / "计划.xlsx"),
        build_action_plan(en, folder / "plan.xlsx"),
    )


@pytest.fixture
def zh(built: Built) -> Content:
    return built.zh


@pytest.fixture
def en(built: Built) -> Content:
    return built.en


@pytest.fixture
def zh_book(built: Built) -> Iterator[Any]:
    wb = load_workbook(built.zh_path)
    yield wb
    wb.close()


@pytest.fixture
def en_book(built: Built) -> Iterator[Any]:
    wb = load_workbook(built.en_path)
    yield wb
    wb.close()


def _header(ws: Any) -> list[Any]:
    return [c.value for c in ws[HEADER]]


def _column(ws: Any, title: Any) -> int:
    return _header(ws).index(title) + 1


def _t(key: str, lang: str) -> str:
    return T[key].get(lang)


def test_fixed_texts_exist_in_both_languages() -> None:
    for key, text in T.items():
        assert text.zh and text.en, key
        assert not _cjk(text.en), f"Chinese in the English text {key}: {text.en}"
    for lang in ("zh", "en"):
        names = sheet_names(lang)
        assert len(set(names)) == len(SHEETS)
        assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)


def test_sheet_names_in_chinese_and_english(zh_book: Any, en_book: Any) -> None:
    assert zh_book.sheetnames == sheet_names("zh")
    assert {"概览", "现状诊断", "行动计划", "绩效指标", "组织与文化", "检查清单"} <= set(
        zh_book.sheetnames
    )
    assert en_book.sheetnames == sheet_names("en")
    assert {"Summary", "Diagnosis", "Action plan", "KPIs", "Checklist"} <= set(en_book.sheetnames)


def test_diagnosis_has_one_row_per_clause_in_scope(zh: Content, zh_book: Any) -> None:
    ws = zh_book[_t("sheet_diagnosis", "zh")]
    key = _column(ws, "条款")
    now, goal, gap = (_column(ws, t) for t in ("现状等级", "目标等级", "差距"))
    rows = {ws.cell(r, key).value: r for r in range(FIRST, ws.max_row + 1) if ws.cell(r, key).value}
    assert list(rows) == [c.key for c in zh.clauses]  # guide order, nothing else
    assert len(rows) == 45
    for clause in zh.clauses:
        r = rows[clause.key]
        assert ws.cell(r, now).value == clause.score.current
        assert ws.cell(r, goal).value == clause.score.target
        # the gap is target − current, a formula (its value: tests/test_xlsx_workbook.py)
        assert ws.cell(r, gap).value == f'=IF(COUNT(E{r}:F{r})=2,F{r}-E{r},"")'
    assert ws.freeze_panes == f"D{FIRST}"
    assert ws.auto_filter.ref == f"A{HEADER}:K{FIRST + 44}"
    ranges = {str(cf.sqref) for cf in ws.conditional_formatting}
    assert f"I{FIRST}:I{FIRST + 44}" in ranges  # coverage colour scale
    assert f"G{FIRST}:G{FIRST + 44}" in ranges  # gap fills


def test_action_plan_lists_every_initiative_with_phase_and_real_dates(
    zh: Content, zh_book: Any
) -> None:
    ws = zh_book[_t("sheet_plan", "zh")]
    phases = {p.uuid: p.record.name for p in zh.items["phase"]}
    title, phase, start, end = (_column(ws, t) for t in ("举措", "阶段", "开始", "结束"))
    rows = {ws.cell(r, title).value: r for r in range(FIRST, ws.max_row + 1)}
    initiatives = zh.items["initiative"]
    assert len(initiatives) == 16
    for n, item in enumerate(initiatives, start=1):
        i = item.record
        r = rows[i.title]
        assert ws.cell(r, 1).value == f"I-{n:02d}"
        assert ws.cell(r, phase).value == phases[i.phase]
        for col, value in ((start, i.start), (end, i.end)):
            cell = ws.cell(r, col)
            assert isinstance(cell.value, datetime)  # a real date, not text
            assert cell.value.date() == value
            assert cell.number_format == 'yyyy"年"m"月"d"日"'  # shown as 2026年7月1日
    # dependencies by number
    numbers = {item.uuid: f"I-{n:02d}" for n, item in enumerate(initiatives, start=1)}
    depends = _column(ws, "前置举措")
    for item in initiatives:
        value = ws.cell(rows[item.record.title], depends).value or ""
        assert value == ", ".join(numbers[u] for u in item.record.depends_on)


def test_status_columns_have_drop_down_lists(zh_book: Any, en_book: Any) -> None:
    def lists(ws: Any) -> dict[str, list[str]]:
        out = {}
        for dv in ws.data_validations.dataValidation:
            assert dv.type == "list"
            out[str(dv.sqref)] = dv.formula1.strip('"').split(",")
        return out

    for wb, lang in ((zh_book, "zh"), (en_book, "en")):
        ws = wb[_t("sheet_plan", lang)]
        status = _column(ws, _t("status", lang))
        letter = ws.cell(HEADER, status).column_letter
        found = lists(ws)
        assert found == {
            f"{letter}{FIRST}:{letter}{FIRST + 15}": [
                o.label.get(lang) for o in cat.INITIATIVE_STATUSES
            ]
        }
        for r in range(FIRST, FIRST + 16):
            assert ws.cell(r, status).value in found[f"{letter}{FIRST}:{letter}{FIRST + 15}"]
        register = lists(wb[_t("sheet_resistance", lang)])
        assert list(register.values()) == [[o.label.get(lang) for o in cat.ACTION_STATUSES]]
        checklist = lists(wb[_t("sheet_checklist", lang)])
        assert list(checklist.values()) == [[STATUS_NAMES[s].get(lang) for s in ALL_STATUSES]]


def test_timeline_is_drawn_by_conditional_formatting(zh: Content, zh_book: Any) -> None:
    ws = zh_book[_t("sheet_plan", "zh")]
    header = _header(ws)
    months = [v for v in header if isinstance(v, datetime)]
    first = header.index(months[0]) + 1
    starts = [i.record.start for i in zh.items["initiative"]]
    ends = [i.record.end for i in zh.items["initiative"]]
    assert months[0].date() == min(starts).replace(day=1)  # 2026-07
    assert months[-1].date() == max(ends).replace(day=1)  # 2028-12
    assert len(months) == 30
    assert all(m.day == 1 for m in months)
    assert ws.cell(HEADER, first).number_format == "yyyy-mm"  # shown as 2026-07
    a = ws.cell(HEADER, first).column_letter
    z = ws.cell(HEADER, first + len(months) - 1).column_letter
    rules = {
        str(cf.sqref): [r for r in cf.rules if r.type == "expression"]
        for cf in ws.conditional_formatting
    }
    timeline = rules[f"{a}{FIRST}:{z}{FIRST + 15}"]
    assert timeline
    formula = timeline[-1].formula[0]
    # the row's own start (E) and end (F) against the month in the header row
    for part in (f"$E{FIRST}", f"$F{FIRST}", f"{a}${HEADER}"):
        assert part in formula
    assert all(r.dxf is not None and r.dxf.fill is not None for r in timeline)
    # panes frozen at the first month, filter on the table columns
    assert ws.freeze_panes == f"{a}{FIRST}"
    assert ws.auto_filter.ref == f"A{HEADER}:{ws.cell(HEADER, first - 1).column_letter}{FIRST + 15}"


def test_kpi_sheet_has_every_kpi_and_phase_targets(zh: Content, zh_book: Any) -> None:
    ws = zh_book[_t("sheet_kpis", "zh")]
    names = {ws.cell(r, 3).value for r in range(FIRST, ws.max_row + 1)}
    kpis = zh.items["kpi"]
    assert len(kpis) == 14  # with inventory record accuracy (I-13) and unplanned downtime (I-16)
    assert {k.record.name for k in kpis} <= names
    header = _header(ws)
    for phase in zh.items["phase"]:
        col = header.index(f"目标：{phase.record.name}") + 1
        first = kpis[0].record.targets[phase.uuid]
        assert ws.cell(FIRST, col).value == first


def test_summary_has_native_radar_and_bar_charts(zh: Content, zh_book: Any) -> None:
    ws = zh_book[_t("sheet_summary", "zh")]
    kinds = {type(chart) for chart in ws._charts}
    assert {RadarChart, BarChart} <= kinds
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert zh.profile.client_name in values
    for area in zh.report.areas:
        assert zh.area_title(area.key) in values


def test_print_setup(zh_book: Any) -> None:
    for ws in zh_book.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        # one page wide, or (a wide sheet) a few across with the rows' number and name repeated
        assert ws.page_setup.fitToWidth == 1 or ws.print_title_cols == "$A:$B", ws.title
        assert ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
    for key in ("diagnosis", "plan", "kpis", "checklist"):
        ws = zh_book[_t(f"sheet_{key}", "zh")]
        assert ws.print_title_rows in ("4:4", "$4:$4")


def test_fonts_draw_chinese(zh_book: Any, en_book: Any) -> None:
    for wb, font in ((zh_book, "等线"), (en_book, "Calibri")):
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value is not None:
                        assert cell.font.name == font, (ws.title, cell.coordinate)


def test_english_workbook_has_english_headers(en_book: Any) -> None:
    ws = en_book["Diagnosis"]
    assert {"Area", "Clause", "Current level", "Target level", "Gap", "Coverage"} <= set(
        _header(ws)
    )
    ws = en_book["Action plan"]
    assert {"No.", "Initiative", "Phase", "Owner", "Start", "End", "Status"} <= set(_header(ws))
    assert ws.cell(FIRST, _column(ws, "Status")).value in {
        o.label.en for o in cat.INITIATIVE_STATUSES
    }
    ws = en_book["Checklist"]
    assert {"Clause", "Checkpoint", "Status", "Note"} <= set(_header(ws))
    for ws in en_book.worksheets:  # the fixed texts: titles and headers
        assert not _cjk(str(ws.cell(1, 1).value))
        for value in _header(ws):
            if isinstance(value, str) and not value.startswith("Target: "):
                assert not _cjk(value), (ws.title, value)


def test_progress_per_sheet(zh: Content, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    build_action_plan(zh, tmp_path / "p.xlsx", progress=lambda d, t: calls.append((d, t)))
    total = len(SHEETS) + 1
    assert calls == [(n, total) for n in range(1, total + 1)]


@pytest.mark.parametrize("after", [0, 3, len(SHEETS), len(SHEETS) + 1])
def test_cancelled_export_leaves_the_target_untouched(
    zh: Content, tmp_path: Path, after: int
) -> None:
    """Cancelled before the first sheet, midway, before saving and after saving."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "计划.xlsx"
    build_action_plan(zh, target)
    before = target.read_bytes()
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > after

    with pytest.raises(ExportCancelled):
        build_action_plan(zh, target, cancelled=cancelled)
    assert target.read_bytes() == before
    assert asked == after + 1
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary file left


def test_empty_plan_says_so(store: Any, tmp_path: Path) -> None:
    from dtbench.engagement import service

    profile = service.create_engagement(store, client_name="空白客户", title="新项目")
    content = gather(store, profile.uuid)
    wb = load_workbook(build_action_plan(content, tmp_path / "empty.xlsx"))
    texts = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value}
    for key in ("no_initiatives", "no_kpis", "no_governance", "no_resistance", "no_org"):
        assert _t(key, "zh") in texts, key
    wb.close()


def test_dates_are_real_dates_shown_as_the_reader_writes_them(zh_book: Any, en_book: Any) -> None:
    ws = zh_book[_t("sheet_awareness", "zh")]
    due = _column(ws, "完成期限")
    cells = [ws.cell(r, due) for r in range(FIRST, ws.max_row + 1) if ws.cell(r, due).value]
    assert cells and all(isinstance(c.value, datetime | date) for c in cells)
    assert {c.number_format for c in cells} == {'yyyy"年"m"月"d"日"'}
    ws = en_book[_t("sheet_awareness", "en")]
    due = _column(ws, "Due")
    cells = [ws.cell(r, due) for r in range(FIRST, ws.max_row + 1) if ws.cell(r, due).value]
    assert cells and {c.number_format for c in cells} == {"d mmm yyyy"}


def test_libreoffice_renders_chinese(built: Built, tmp_path: Path) -> None:
    zh = built.zh
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) and pdftotext are required on CI")
        pytest.skip("LibreOffice or pdftotext is not installed")
    path = tmp_path / "plan.xlsx"
    shutil.copy(built.zh_path, path)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "plan.pdf"
    text = subprocess.run(
        [pdftotext, "-f", "1", "-l", "3", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert zh.profile.client_name in text
    assert "行动计划" in text


def test_diagnosis_note_gives_the_scoring_formulas_in_the_books_language(
    zh_book: Any, en_book: Any
) -> None:
    """The formulas are dtbench.diagnosis.scoring_method's, in the engagement's language."""
    for book, lang in ((zh_book, "zh"), (en_book, "en")):
        note = book[_t("sheet_diagnosis", lang)].cell(3, 1).value
        assert note.endswith(scoring_method.summary().get(lang))
    assert not _cjk(en_book[_t("sheet_diagnosis", "en")].cell(3, 1).value)
