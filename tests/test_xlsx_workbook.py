"""The Excel action plan as a working tool, checked as a client would meet it: totals and
derived figures are formulas that LibreOffice computes to the app's own figures; the KPI
tracking sheet turns actuals typed into a copy into a red/amber/green status; every list
filters and keeps its headings in view; every sheet prints on A4 fitted to the width; a
filtered checklist sub-item still names its item; the file says who made it.

One LibreOffice run recalculates all the workbooks the tests need (both languages and a copy
with actuals typed in)."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest
from openpyxl import load_workbook

from dtbench.deliverables.content import Content, gather
from dtbench.deliverables.xlsx_cells import is_own_formula, safe_criterion
from dtbench.deliverables.xlsx_kpis import TEXTS as KPI_TEXTS
from dtbench.deliverables.xlsx_kpis import kpi_number
from dtbench.deliverables.xlsx_plan import SHEETS, build_action_plan
from dtbench.deliverables.xlsx_texts import T
from dtbench.plan import investment as inv
from dtbench.plan.records import Culture, Initiative

HEADER, FIRST = 4, 5
FUNCTIONS = {"SUM", "SUMIF", "SUMIFS", "COUNTA", "COUNTIF", "COUNT", "IF", "ISNUMBER", "ABS", "MAX"}
LIST_SHEETS = [k for k in SHEETS if k not in ("summary", "org")]


def _cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(ch) in "WF" for ch in text)


def _name(key: str, lang: str) -> str:
    return T[f"sheet_{key}"].get(lang)


@dataclasses.dataclass(frozen=True)
class Books:
    zh: Content
    en: Content
    zh_path: Path
    en_path: Path
    actuals_path: Path  # the Chinese workbook with actuals typed in by openpyxl
    started: datetime  # UTC, before the export
    calc: Path  # LibreOffice's recalculated copies


# (row of the KPI, column header of the period, actual): what the status test types in
ACTUALS = [
    ("K-01", "2026年Q3", 93),  # ↑ target 92: green
    ("K-02", "2026年Q3", 84),  # ↑ target 85, tolerance 1.7: amber
    ("K-03", "2026年Q4", 80),  # ↓ target 70, tolerance 4.5: red
    ("K-06", "2026年Q3", 95),  # ↑ then a later period in phase 2 (96.5, tolerance 0.35)
    ("K-06", "2027年Q3", 96.2),  # the latest counts: amber
    ("K-11", "2027年Q1", 15),  # ↓ target 15: green (met exactly)
    ("K-05", "2026年Q3", 30),  # phase 1's target is a text, not a number: no status
    ("K-01", "2027年Q3", 93),  # phase 2 target 95, tolerance 1.5: red
]


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed (CI installs it)")
        pytest.skip("LibreOffice is not installed")
    return found


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Books]:
    """The sample engagement in Chinese and the English sample, exported once."""
    from dtbench.sample import create_demo
    from dtbench.store import open_store

    folder = tmp_path_factory.mktemp("workbook")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DTBENCH_HOME", str(folder))
        store = open_store(folder / "engagements.sqlite3")
        try:
            zh = gather(store, create_demo(store))
            en = gather(store, create_demo(store, "en"))
        finally:
            store.close()
    started = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    zh_path = build_action_plan(zh, folder / "计划.xlsx")
    en_path = build_action_plan(en, folder / "plan.xlsx")
    wb = load_workbook(zh_path)
    ws = wb[_name("kpi_tracking", "zh")]
    header = [str(c.value or "") for c in ws[HEADER]]
    rows = {ws.cell(r, 1).value: r for r in range(FIRST, ws.max_row + 1)}
    for number, period, value in ACTUALS:
        ws.cell(rows[number], header.index(f"实际\n{period}") + 1).value = value
    actuals = folder / "actuals.xlsx"
    wb.save(actuals)
    yield Books(zh, en, zh_path, en_path, actuals, started, folder / "calc")


@pytest.fixture(scope="module")
def calc(books: Books) -> Path:
    """The three workbooks as LibreOffice computes them (openpyxl keeps no computed values)."""
    soffice = _soffice()
    books.calc.mkdir(exist_ok=True)
    home = books.calc.parent / "lo-home"
    home.mkdir(exist_ok=True)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(books.calc.parent / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(books.calc),
            str(books.zh_path),
            str(books.en_path),
            str(books.actuals_path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env={**os.environ, "HOME": str(home)},
    )
    return books.calc


def _values(calc: Path, path: Path) -> Any:
    return load_workbook(calc / path.name, data_only=True)


def _labelled(ws: Any, label: str, col: int = 2, after: int = 0) -> Any:
    """The cell right of the first cell in column A reading ``label`` (below row ``after``)."""
    for r in range(after + 1, ws.max_row + 1):
        if ws.cell(r, 1).value == label:
            return ws.cell(r, col)
    raise AssertionError(label)


# ---------------------------------------------------------------- formulas
def test_totals_are_formulas_over_the_right_ranges(books: Books) -> None:
    wb = load_workbook(books.zh_path)
    summary = wb[_name("summary", "zh")]
    plan, diagnosis, kpis = (f"'{_name(k, 'zh')}'" for k in ("plan", "diagnosis", "kpis"))
    n = len(books.zh.items["initiative"])
    last = FIRST + n - 1
    expected = {
        "budget_total": f"=SUM({plan}!$G${FIRST}:$G${last})",
        "n_initiatives": f"=COUNTA({plan}!$A${FIRST}:$A${last})",
        "n_kpis": f"=COUNTA({kpis}!$A${FIRST}:$A${FIRST + len(books.zh.items['kpi']) - 1})",
        "n_clauses": f"=COUNTA({diagnosis}!$B${FIRST}:$B${FIRST + 44})",
        "n_checkpoints": f"=SUM({diagnosis}!$K${FIRST}:$K${FIRST + 44})",
        "completion": f"=SUM({diagnosis}!$J${FIRST}:$J${FIRST + 44})"
        f"/SUM({diagnosis}!$K${FIRST}:$K${FIRST + 44})",
    }
    for key, formula in expected.items():
        assert _labelled(summary, T[key].zh).value == formula, key
    # initiatives and budget by phase, from the plan by the phase's name; a total row
    phase = _labelled(summary, T["phase"].zh, 1)
    top = phase.row + 1
    for r in range(top, top + 3):
        assert summary.cell(r, 4).value == f"=COUNTIF({plan}!$C${FIRST}:$C${last},A{r})"
        assert summary.cell(r, 5).value == (
            f"=SUMIF({plan}!$C${FIRST}:$C${last},A{r},{plan}!$G${FIRST}:$G${last})"
        )
    assert summary.cell(top + 3, 1).value == "合计"
    assert summary.cell(top + 3, 5).value == f"=SUM(E{top}:E{top + 2})"
    # the plan's budget total, outside the filtered rows
    ws = wb[_name("plan", "zh")]
    assert ws.cell(last + 1, 7).value == f"=SUM(G{FIRST}:G{last})"
    assert ws.auto_filter.ref.endswith(str(last))
    # gap and priority of each clause
    ws = wb[_name("diagnosis", "zh")]
    assert ws["G5"].value == '=IF(COUNT(E5:F5)=2,F5-E5,"")'
    assert ws["H5"].value == "=D5*((1+MAX(G5,0))^2-1)"
    # every formula of the workbook is one of dtbench's simple, locale-proof ones
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert is_own_formula(cell.value), (sheet.title, cell.coordinate)
                    used = set(re.findall(r"([A-Z]+)\(", cell.value))
                    assert used <= FUNCTIONS, (sheet.title, cell.coordinate, used)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_libreoffice_computes_the_apps_figures(books: Books, calc: Path, lang: str) -> None:
    content: Content = getattr(books, lang)
    wb = _values(calc, getattr(books, f"{lang}_path"))
    for sheet in wb.worksheets:  # nothing LibreOffice could not compute
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str):
                    assert not value.startswith(("#NAME", "#VALUE", "#REF", "#DIV", "Err:"))
    t = {key: text.get(lang) for key, text in T.items()}
    summary = wb[t["sheet_summary"]]
    report = content.report
    initiatives = [i.record for i in content.items["initiative"]]
    assert all(isinstance(i, Initiative) for i in initiatives)
    budget = sum(i.budget or 0.0 for i in initiatives)
    s = inv.summarize(
        content.items["initiative"],
        content.items["phase"],
        content.items["cost"],
        content.items["benefit"],
    )
    assert budget == s.total == 1094  # the app's total budget, as in the proposal
    assert _labelled(summary, t["budget_total"]).value == pytest.approx(budget)
    assert _labelled(summary, t["n_initiatives"]).value == len(initiatives) == 16
    assert _labelled(summary, t["n_kpis"]).value == len(content.items["kpi"])
    assert _labelled(summary, t["n_clauses"]).value == len(report.clauses)
    assert _labelled(summary, t["n_checkpoints"]).value == report.total
    assert _labelled(summary, t["completion"]).value == pytest.approx(report.completion)
    # by phase: the app's count and budget of each phase's initiatives, and the total
    phase = _labelled(summary, t["phase"], 1)
    for r, item in enumerate(content.items["phase"], start=phase.row + 1):
        mine = [i for i in initiatives if i.phase == item.uuid]
        assert summary.cell(r, 1).value == item.record.name
        assert summary.cell(r, 4).value == len(mine)
        assert summary.cell(r, 5).value == pytest.approx(sum(i.budget or 0 for i in mine))
    total = _labelled(summary, t["total"], 5, phase.row)
    assert total.value == pytest.approx(budget)
    # area gaps
    areas = _labelled(summary, t["area"], 1)
    for r, area in enumerate(report.areas, start=areas.row + 1):
        assert area.current_level is not None and area.target_level is not None
        gap = area.target_level - area.current_level
        assert summary.cell(r, 5).value == pytest.approx(gap)
    # the plan's total; each clause's gap and priority
    plan = wb[t["sheet_plan"]]
    assert plan.cell(FIRST + len(initiatives), 7).value == pytest.approx(budget)
    diagnosis = wb[t["sheet_diagnosis"]]
    for r, clause in enumerate(content.clauses, start=FIRST):
        assert diagnosis.cell(r, 2).value == clause.key
        gap = diagnosis.cell(r, 7).value
        assert (None if gap in ("", None) else gap) == clause.score.gap
        assert diagnosis.cell(r, 8).value == pytest.approx(clause.score.priority)
    # the culture traits' gaps
    culture = content.values["culture"]
    assert isinstance(culture, Culture)
    org = wb[t["sheet_org"]]
    rated = [r for r in culture.traits.values() if r.now is not None and r.target is not None]
    gaps = [
        org.cell(r, 4).value
        for r in range(1, org.max_row + 1)
        if isinstance(org.cell(r, 2).value, int) and isinstance(org.cell(r, 3).value, int)
    ]
    assert rated and sorted(gaps) == sorted(r.target - r.now for r in rated)


# ---------------------------------------------------------------- KPI tracking
def test_kpi_texts_give_their_numbers() -> None:
    cases = [
        ("≥92%", "%", 92),
        ("≤70分钟", "分钟/次", 70),
        ("建立口径，联网设备≥60%", "%", 60),
        ("停机原因在MES中按代码记录", "小时/月", None),
        ("每月≤27小时（下降约三分之一）", "小时/月", 27),
        ("≤1,820万元（较基线下降30%）", "万元", 1820),
        ("约2,600万元（2026年3月）", "万元", 2600),
        ("未统计；MES一期28台联网设备利用率约58%", "%", 58),
        ("19%（12/62，2026年3月）；45%（28/62，2026年9月）", "%", 19),
        ("约20天（2025年，约60起）", "天", 20),
        ("一厂100%", "%", 100),
        ("≥99.5%", "%", 99.5),
        ("about 90 minutes (timed on the shop floor, March 2026)", "minutes per changeover", 90),
        ("about CNY 26 million (March 2026)", "CNY million", 26),
        ("≤CNY 20.5 million", "CNY million", 20.5),
        ("≤27 hours a month (down about a third)", "hours a month", 27),
        ("Plant 1 100%", "%", 100),
        ("Subcontractor collaboration requirements defined", "%", None),
        ("≥９５％", "%", 95),  # full-width digits and percent sign
        ("", "%", None),
    ]
    for text, unit, number in cases:
        assert kpi_number(text, unit) == number, text


def test_kpi_tracking_sheet_has_numeric_targets_and_checked_actuals(books: Books) -> None:
    for lang, path in (("zh", books.zh_path), ("en", books.en_path)):
        content: Content = getattr(books, lang)
        ws = load_workbook(path)[_name("kpi_tracking", lang)]
        t = {key: text.get(lang) for key, text in KPI_TEXTS.items()}
        header = [str(c.value or "") for c in ws[HEADER]]
        kpis = content.items["kpi"]
        rows = list(ws.iter_rows(min_row=FIRST, max_row=FIRST + len(kpis) - 1))
        assert [r[1].value for r in rows] == [k.record.name for k in kpis]
        assert ws.cell(FIRST + len(kpis), 1).value is None
        base = header.index(t["baseline"])
        targets = [h for h in header if h.startswith(t["target_of"].replace("%1", ""))]
        assert len(targets) == len(content.items["phase"]) == 3
        actuals = [h for h in header if h.startswith(t["actual"].replace("%1", ""))]
        assert len(actuals) == 10  # quarters, 2026 Q3 to 2028 Q4
        for cells, item in zip(rows, kpis, strict=True):
            k = item.record
            assert cells[3].value == ("↓" if k.direction == "down" else "↑")
            numbers = [cells[base + n].value for n in range(4)]
            assert all(v is None or isinstance(v, int | float) for v in numbers)
        first = [c.value for c in rows[0][base : base + 4]]
        assert first == [82, 92, 95, 97]  # "82%（…）", "≥92%", "≥95%", "≥97%"
        wip = [c.value for c in rows[8][base : base + 4]]
        assert wip == ([2600, 2300, 2050, 1820] if lang == "zh" else [26, 23, 20.5, 18.2])
        assert rows[4][base + 1].value is None  # phase 1's target is a sentence
        # actuals must be numbers; the status is coloured by its value
        kinds = {dv.type: str(dv.sqref) for dv in ws.data_validations.dataValidation}
        a = ws.cell(HEADER, header.index(actuals[0]) + 1).column_letter
        z = ws.cell(HEADER, header.index(actuals[-1]) + 1).column_letter
        assert f"{a}{FIRST}:{z}{FIRST + 13}" in kinds["decimal"].split()
        status = ws.cell(HEADER, header.index(t["status"]) + 1).column_letter
        rules = {
            str(cf.sqref): [r.formula[0] for r in cf.rules] for cf in ws.conditional_formatting
        }
        assert sorted(rules[f"{status}{FIRST}:{status}{FIRST + 13}"]) == sorted(
            f'"{t[k]}"' for k in ("green", "amber", "red")
        )
        note = str(ws.cell(3, 1).value)
        assert note == t["note"]
        if lang == "en":
            assert not _cjk(note) and not any(_cjk(h) for h in header)
            assert "green = target met" in note and "amber" in note and "red" in note


def test_kpi_status_follows_the_actuals_typed_in(books: Books, calc: Path) -> None:
    ws = _values(calc, books.actuals_path)[_name("kpi_tracking", "zh")]
    header = [str(c.value or "") for c in ws[HEADER]]
    latest, then, status = (header.index(h) + 1 for h in ("最新实际值", "对应目标", "状态"))
    got = {
        ws.cell(r, 1).value: (
            ws.cell(r, latest).value,
            ws.cell(r, then).value,
            ws.cell(r, status).value,
        )
        for r in range(FIRST, FIRST + 14)
    }
    assert got["K-01"] == (93, 95, "红")  # the later period, in phase 2
    assert got["K-02"] == (84, 85, "黄")
    assert got["K-03"] == (80, 70, "红")
    assert got["K-06"] == (96.2, 96.5, "黄")
    assert got["K-11"] == (15, 15, "绿")
    assert got["K-05"][0] == 30 and got["K-05"][2] in ("", None)  # no numeric target
    assert got["K-04"][2] in ("", None)  # no actual yet
    tolerance = header.index("黄灯容差") + 1
    assert ws.cell(FIRST, tolerance).value == pytest.approx(1.5)  # (97 − 82) / 10


# ---------------------------------------------------------------- lists and printing
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_list_filters_and_freezes_its_headings(books: Books, lang: str) -> None:
    wb = load_workbook(getattr(books, f"{lang}_path"))
    for key in LIST_SHEETS:
        ws = wb[_name(key, lang)]
        assert ws.auto_filter.ref, key
        top = int(re.sub(r"[A-Z$]", "", ws.auto_filter.ref.split(":")[0]))
        assert top in (HEADER, HEADER + 1), key  # the header row (cost lines: under a title)
        assert ws.freeze_panes not in (None, "A1"), key
        assert int(re.sub(r"[A-Z]", "", ws.freeze_panes)) == top + 1, key
    for key, frozen in (("checklist", "E"), ("kpi_tracking", "C"), ("findings", "C")):
        assert wb[_name(key, lang)].freeze_panes == f"{frozen}{FIRST}"


def test_every_sheet_prints_on_a4_fitted_to_the_width(books: Books) -> None:
    for path in (books.zh_path, books.en_path):
        for ws in load_workbook(path).worksheets:
            assert ws.page_setup.paperSize == 9, ws.title  # A4, never A3
            assert ws.page_setup.orientation == "landscape"
            assert ws.page_setup.fitToHeight == 0
            # one page wide, or a few across with the rows' number and name repeated
            # (tests/test_xlsx_print.py prints them)
            assert ws.page_setup.fitToWidth == 1 or ws.print_title_cols == "$A:$B", ws.title
            assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_a_filtered_sub_item_still_names_its_item(books: Books) -> None:
    for lang, path in (("zh", books.zh_path), ("en", books.en_path)):
        content: Content = getattr(books, lang)
        ws = load_workbook(path)[_name("checklist", lang)]
        header = [c.value for c in ws[HEADER]]
        item, sub = header.index(T["item_ref"].get(lang)), header.index(T["sub_ref"].get(lang))
        rows = list(ws.iter_rows(min_row=FIRST, values_only=True))
        lines = [(c.key, line) for c in content.clauses for line in c.lines]
        assert len(rows) == len(lines)
        subs = 0
        for row, (clause, line) in zip(rows, lines, strict=True):
            assert row[0] == clause and row[item], (clause, line.ref)
            # the item's letter: the line's own for an item, its parent's for a sub-item
            parent = line.key if line.is_item else line.key.rsplit(".", 1)[0]
            assert row[item] == parent.rsplit(".", 1)[1] + ")"
            assert row[sub] == ("" if line.is_item else line.ref) or (
                line.is_item and row[sub] is None
            )
            subs += not line.is_item
        assert subs > 100


def test_a_phase_name_excel_would_read_as_a_pattern_is_summed_by_dtbench(
    books: Books, tmp_path: Path
) -> None:
    """A criterion with * or ? would match other phases: that row keeps dtbench's figures."""
    phases = list(books.zh.items["phase"])
    odd = msgspec.structs.replace(
        phases[0], record=msgspec.structs.replace(phases[0].record, name="一期*试点")
    )
    items = {**books.zh.items, "phase": [odd, *phases[1:]]}
    content = dataclasses.replace(books.zh, items=items)
    assert not safe_criterion("一期*试点") and safe_criterion(phases[1].record.name)
    ws = load_workbook(build_action_plan(content, tmp_path / "p.xlsx"))[_name("summary", "zh")]
    row = _labelled(ws, "一期*试点", 1).row
    mine = [i.record for i in content.items["initiative"] if i.record.phase == odd.uuid]
    assert ws.cell(row, 4).value == len(mine) == 9
    assert ws.cell(row, 5).value == sum(i.budget or 0 for i in mine)
    assert str(ws.cell(row + 1, 5).value).startswith("=SUMIF(")
    # the investment sheet's phase totals likewise
    s = inv.summarize(
        content.items["initiative"], content.items["phase"], content.items["cost"], []
    )
    ws = ws.parent[_name("investment", "zh")]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "一期*试点")
    years = [ws.cell(row - 1, c).value for c in range(8, 8 + len(s.years))]
    assert years == list(s.years)
    assert [ws.cell(row, 8 + k).value for k in range(len(years))] == [
        s.by_phase[odd.uuid].get(y, 0.0) for y in s.years
    ]
    assert str(ws.cell(row + 1, 8).value).startswith("=SUMIF(")


# ---------------------------------------------------------------- the file
def test_the_file_names_the_consultant_the_firm_and_its_language(books: Books) -> None:
    for lang, path in (("zh", books.zh_path), ("en", books.en_path)):
        content: Content = getattr(books, lang)
        props = load_workbook(path).properties
        assert content.author and props.creator == content.author != "openpyxl"
        assert props.lastModifiedBy == content.author
        assert props.title == f"{T['title_summary'].get(lang)} — {content.profile.client_name}"
        assert props.subject == content.profile.title
        assert props.language == {"zh": "zh-CN", "en": "en-US"}[lang]
        for when in (props.created, props.modified):
            assert books.started <= when <= books.started + timedelta(minutes=1)
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            assert len(names) == len(set(names))  # the properties replaced, not added twice
            app = package.read("docProps/app.xml").decode("utf-8")
        assert f"<Company>{content.firm_name}</Company>" in app
        assert "openpyxl" not in app.lower()
        if lang == "en":
            assert not _cjk(props.title + props.subject + app)
