"""Client self-assessment: the questionnaire workbook round trip, its protections, the refusals
of foreign or altered workbooks, the CLI preview and --apply, and the GUI preview."""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from qt_helpers import finished

from dtbench.cli import main
from dtbench.cli.questionnaire import register, run
from dtbench.diagnosis import service as dx
from dtbench.diagnosis.records import AnswerRecord
from dtbench.diagnosis.scoring import ScopeEntry
from dtbench.engagement import service as engagements
from dtbench.guide import load_guide
from dtbench.questionnaire import workbook as qn
from dtbench.sample import create_demo
from dtbench.store import open_store
from dtbench.store.database import Store

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from dtbench.ui.shell.main_window import MainWindow

FIRST = qn.FIRST_ROW


# ---------------------------------------------------------------- helpers
@pytest.fixture
def demo(store: Store) -> str:
    return create_demo(store)


def latest(store: Store, engagement: str) -> str:
    return dx.list_rounds(store, engagement)[-1].uuid


def sheet(wb: Workbook, lang: str = "zh") -> Worksheet:
    ws: Worksheet = wb["问卷" if lang == "zh" else "Questionnaire"]
    return ws


def item_rows(ws: Worksheet) -> dict[str, int]:
    """Item key → row, read from the Ref. column as a person would find them."""
    return {
        str(ws.cell(row, qn.COL_REF).value): row
        for row in range(FIRST, ws.max_row + 1)
        if ws.cell(row, qn.COL_REF).value
    }


def export(store: Store, engagement: str, path: Path, **kw: object) -> Path:
    return qn.export_questionnaire(store, engagement, path, **kw)  # type: ignore[arg-type]


def changes_of(store: Store, engagement: str, path: Path) -> tuple[str, list[qn.Change]]:
    q = qn.read_questionnaire(path)
    rnd = qn.target_round(store, engagement, q)
    return rnd.uuid, qn.compare(store, rnd.uuid, q)


def pick(answers: dict[str, AnswerRecord], rows: dict[str, int], status: str) -> list[str]:
    """Items of the workbook whose recorded status is ``status`` ("" = unanswered)."""
    return [k for k in rows if answers.get(k, AnswerRecord()).status == status]


def message(exc: pytest.ExceptionInfo[qn.QuestionnaireError]) -> str:
    return exc.value.message(lambda _context, text: text)


def test_a_note_too_long_for_a_cell_comes_back_without_replacing_the_whole(
    store: Store, demo: str, tmp_path: Path
) -> None:
    """Excel holds 32,767 characters a cell: the note goes out cut, with a notice; the
    returned workbook must not put the cut text in place of the consultant's note."""
    rnd = latest(store, demo)
    key = next(k for k, a in dx.load_round(store, rnd).answers.items() if a.status == "partly")
    long_note = "现场访谈记录。" * 6000  # 42,000 characters
    dx.set_answer(store, rnd, key, note=long_note)
    path = export(store, demo, tmp_path / "q.xlsx")
    assert changes_of(store, demo, path) == (rnd, [])
    assert dx.load_round(store, rnd).answers[key].note == long_note


# ---------------------------------------------------------------- round trip
def test_round_trip_lists_exactly_the_clients_changes_and_applies_them(
    store: Store, demo: str, tmp_path: Path
) -> None:
    rnd = latest(store, demo)
    # the sample engagement is fully answered: leave one item unanswered
    blank = next(k for k, a in dx.load_round(store, rnd).answers.items() if a.status == "met")
    dx.set_answer(store, rnd, blank, status="", note="")
    # a note typed with stray blanks and Windows line ends is no change once read back
    messy = next(k for k, a in dx.load_round(store, rnd).answers.items() if a.status == "partly")
    dx.set_answer(store, rnd, messy, note="  有记录\r\n第二行  ")
    recorded = dx.load_round(store, rnd).answers
    path = export(store, demo, tmp_path / "q.xlsx")

    # An untouched workbook changes nothing: it is filled in with the recorded answers.
    assert changes_of(store, demo, path) == (rnd, [])

    wb = load_workbook(path)
    ws = sheet(wb)
    rows = item_rows(ws)
    not_met = pick(recorded, rows, "not_met")
    partly = pick(recorded, rows, "partly")
    unanswered = pick(recorded, rows, "")
    assert len(not_met) >= 3 and partly and unanswered
    # as a client does: by label text
    ws.cell(rows[not_met[0]], qn.COL_STATUS).value = "符合"
    ws.cell(rows[not_met[1]], qn.COL_STATUS).value = "部分符合"
    ws.cell(rows[not_met[1]], qn.COL_NOTE).value = "车间已试点扫码报工"
    ws.cell(rows[partly[0]], qn.COL_NOTE).value = "  已有制度文件《生产管理办法》 "
    ws.cell(rows[unanswered[0]], qn.COL_STATUS).value = "不适用"
    # left alone, or cleared: no change
    ws.cell(rows[not_met[2]], qn.COL_STATUS).value = None
    ws.cell(rows[not_met[2]], qn.COL_NOTE).value = None
    wb.save(path)

    round_uuid, changes = changes_of(store, demo, path)
    assert round_uuid == rnd
    old = {k: recorded.get(k, AnswerRecord()) for k in rows}
    expected = {
        not_met[0]: AnswerRecord("met", old[not_met[0]].note),
        not_met[1]: AnswerRecord("partly", "车间已试点扫码报工"),
        partly[0]: AnswerRecord("partly", "已有制度文件《生产管理办法》"),
        unanswered[0]: AnswerRecord("na", old[unanswered[0]].note),
    }
    assert {c.key: c.proposed for c in changes} == expected
    assert all(c.current == old[c.key] for c in changes)
    assert [c.row for c in changes] == sorted(rows[k] for k in expected)  # workbook order
    by_key = {c.key: c for c in changes}
    assert by_key[partly[0]].note_changed and not by_key[partly[0]].status_changed
    assert by_key[not_met[0]].clause == not_met[0].rsplit(".", 1)[0]

    first = dx.list_rounds(store, demo)[0].uuid
    assert first != rnd
    first_before = dx.load_round(store, first).answers
    previous = qn.apply(store, rnd, changes)
    assert previous == {k: old[k] for k in expected}
    stored = dx.load_round(store, rnd).answers
    for key, answer in expected.items():
        assert stored[key] == answer
    assert stored[not_met[2]] == old[not_met[2]]  # the cleared cell erased nothing
    assert changes_of(store, demo, path)[1] == []  # applied: nothing left to change
    assert dx.load_round(store, first).answers == first_before  # only the target round

    qn.restore(store, rnd, previous)
    assert dx.load_round(store, rnd).answers == recorded


def test_status_labels_of_both_languages_are_accepted(
    store: Store, demo: str, tmp_path: Path
) -> None:
    path = export(store, demo, tmp_path / "q-en.xlsx", lang="en", prefill=False)
    wb = load_workbook(path)
    ws = sheet(wb, "en")
    keys = list(item_rows(ws))[:6]
    rows = item_rows(ws)
    labels = ["Met", "partly met", " Not  met ", "Not applicable", "部分符合", "不适用"]
    for key, label in zip(keys, labels, strict=True):
        ws.cell(rows[key], qn.COL_STATUS).value = label
    wb.save(path)
    q = qn.read_questionnaire(path)
    assert [q.answers[k].status for k in keys] == [
        "met",
        "partly",
        "not_met",
        "na",
        "partly",
        "na",
    ]
    # every other item was left empty: no status
    assert {a.status for k, a in q.answers.items() if k not in keys} == {""}


def test_an_unknown_status_names_its_cell(store: Store, demo: str, tmp_path: Path) -> None:
    path = export(store, demo, tmp_path / "q.xlsx")
    wb = load_workbook(path)
    ws = sheet(wb)
    row = list(item_rows(ws).values())[7]
    ws.cell(row, qn.COL_STATUS).value = "基本符合"
    wb.save(path)
    with pytest.raises(qn.UnknownStatusError) as exc:
        qn.read_questionnaire(path)
    text = message(exc)
    assert f"E{row}" in text and "基本符合" in text
    assert "符合、部分符合、不符合、不适用" in text


# ---------------------------------------------------------------- the workbook itself
def test_workbook_is_protected_with_a_drop_down_and_a_very_hidden_description(
    store: Store, demo: str, tmp_path: Path
) -> None:
    dx.set_scope(store, demo, {"5.2": ScopeEntry(False, 1.0)})
    path = export(store, demo, tmp_path / "q.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["说明", "问卷"]
    assert wb.security is not None and wb.security.lockStructure

    # instructions: who, how, the client and the guide
    text = "\n".join(
        str(v) for row in wb["说明"].iter_rows(values_only=True) for v in row if v is not None
    )
    profile = engagements.get_profile(store, demo)
    assert profile.client_name in text and profile.title in text
    assert "DB2102/T" in text and "由谁填写" in text and "下拉列表" in text

    ws = sheet(wb)
    rows = item_rows(ws)
    guide = load_guide()
    in_scope = [c for c in guide.clauses() if c.key != "5.2"]
    assert list(rows) == [p.key for c in in_scope for p in c.checkpoints()]
    assert not any(k.startswith("5.2.") for k in rows)

    # only status and note cells can be changed
    assert ws.protection.sheet
    clause_row = FIRST
    assert ws.cell(clause_row, 1).value == in_scope[0].key
    assert ws.cell(clause_row, 1).font.b
    for row in (FIRST + 1, max(rows.values())):
        for col in range(1, 7):
            locked = ws.cell(row, col).protection.locked
            assert locked == (col not in (qn.COL_STATUS, qn.COL_NOTE)), (row, col)
    assert ws.cell(clause_row, qn.COL_STATUS).protection.locked

    # the status column has the drop-down of the four labels, on item rows only
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.allow_blank
    assert dv.formula1 == '"符合,部分符合,不符合,不适用"'
    covered = {cell for rng in dv.sqref.ranges for cell in _cells(rng.coord)}
    assert covered == {f"E{r}" for r in rows.values()}

    # prefilled with the recorded answers, by label
    recorded = dx.load_round(store, latest(store, demo)).answers
    key = next(k for k in rows if recorded.get(k, AnswerRecord()).status == "partly")
    assert ws.cell(rows[key], qn.COL_STATUS).value == "部分符合"

    meta = wb["_meta"]
    assert meta.sheet_state == "veryHidden"
    values = {r[0]: r[1] for r in meta.iter_rows(max_col=2, values_only=True) if r[0]}
    assert values["engagement"] == demo
    assert values["round"] == latest(store, demo)
    assert values["language"] == "zh"
    assert values["format"] == qn.FORMAT_VERSION
    assert len(str(values["checksum"])) == 64

    blank = load_workbook(export(store, demo, tmp_path / "blank.xlsx", prefill=False))
    assert all(
        sheet(blank).cell(r, qn.COL_STATUS).value is None for r in item_rows(sheet(blank)).values()
    )


def _cells(coord: str) -> list[str]:
    from openpyxl.utils.cell import range_boundaries

    c1, r1, c2, r2 = range_boundaries(coord)
    assert c1 == c2 == qn.COL_STATUS
    return [f"E{r}" for r in range(r1, r2 + 1)]


def test_an_empty_scope_is_explained(store: Store, demo: str, tmp_path: Path) -> None:
    off = ScopeEntry(False, 1.0)
    dx.set_scope(store, demo, {c.key: off for c in load_guide().clauses()})
    with pytest.raises(qn.NothingInScopeError):
        export(store, demo, tmp_path / "q.xlsx")
    assert not (tmp_path / "q.xlsx").exists()


# ---------------------------------------------------------------- refusals
def test_a_workbook_of_another_engagement_is_refused_with_its_name(
    store: Store, demo: str, tmp_path: Path
) -> None:
    path = export(store, demo, tmp_path / "q.xlsx")
    other = engagements.create_engagement(store, client_name="海昌食品", title="食品厂诊断")
    q = qn.read_questionnaire(path)
    with pytest.raises(qn.WrongEngagementError) as exc:
        qn.target_round(store, other.uuid, q)
    profile = engagements.get_profile(store, demo)
    text = message(exc)
    assert profile.title in text and profile.client_name in text
    # compare checks too, whatever round it is given
    other_round = dx.ensure_rounds(store, other.uuid, "基线")[-1].uuid
    with pytest.raises(qn.WrongEngagementError):
        qn.compare(store, other_round, q)

    # in a database without that engagement, the title recorded in the workbook is named
    elsewhere = open_store(tmp_path / "other.sqlite3")
    try:
        stranger = engagements.create_engagement(elsewhere, client_name="甲", title="乙")
        with pytest.raises(qn.ForeignEngagementError) as exc2:
            qn.target_round(elsewhere, stranger.uuid, q)
        assert profile.title in message(exc2)
    finally:
        elsewhere.close()


@pytest.mark.parametrize("alteration", ["insert_row", "change_key", "swap_rows", "cut_rows"])
def test_an_altered_structure_is_refused_naming_the_row(
    store: Store, demo: str, tmp_path: Path, alteration: str
) -> None:
    path = export(store, demo, tmp_path / "q.xlsx")
    wb = load_workbook(path)
    ws = sheet(wb)
    rows = list(item_rows(ws).values())
    target = rows[10]
    if alteration == "insert_row":
        ws.insert_rows(target)
    elif alteration == "change_key":
        ws.cell(target, qn.COL_REF).value = "9.9.9.z"
    elif alteration == "swap_rows":
        a, b = ws.cell(target, qn.COL_REF).value, ws.cell(target + 1, qn.COL_REF).value
        ws.cell(target, qn.COL_REF).value, ws.cell(target + 1, qn.COL_REF).value = b, a
    else:
        target = rows[-3]
        ws.delete_rows(target, 3)
    wb.save(path)
    with pytest.raises(qn.StructureAlteredError) as exc:
        qn.read_questionnaire(path)
    assert exc.value.details[0] == str(target)
    assert f"row {target} " in message(exc)


def test_a_tampered_description_or_a_missing_one_is_refused(
    store: Store, demo: str, tmp_path: Path
) -> None:
    path = export(store, demo, tmp_path / "q.xlsx")
    wb = load_workbook(path)
    wb["_meta"].cell(3, 5).value = "5.1.z"  # the structure list no longer matches its checksum
    wb.save(tmp_path / "tampered.xlsx")
    with pytest.raises(qn.MetaAlteredError):
        qn.read_questionnaire(tmp_path / "tampered.xlsx")

    wb = load_workbook(path)
    wb["_meta"].cell(1, 2).value = qn.FORMAT_VERSION + 1
    wb.save(tmp_path / "newer.xlsx")
    with pytest.raises(qn.NewerFormatError):
        qn.read_questionnaire(tmp_path / "newer.xlsx")

    wb = load_workbook(path)
    del wb["_meta"]
    wb.save(tmp_path / "copy.xlsx")
    with pytest.raises(qn.NotAQuestionnaireError):
        qn.read_questionnaire(tmp_path / "copy.xlsx")

    wb = load_workbook(path)
    del wb["问卷"]
    wb.save(tmp_path / "nosheet.xlsx")
    with pytest.raises(qn.SheetMissingError) as exc:
        qn.read_questionnaire(tmp_path / "nosheet.xlsx")
    assert "问卷" in message(exc)


def test_files_that_are_not_workbooks_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "answers.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(qn.NotAWorkbookError) as exc:
        qn.read_questionnaire(text)
    assert "answers.xlsx" in message(exc)

    other_zip = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(qn.NotAWorkbookError):
        qn.read_questionnaire(other_zip)

    plain = tmp_path / "plain.xlsx"
    Workbook().save(plain)
    with pytest.raises(qn.NotAQuestionnaireError):
        qn.read_questionnaire(plain)

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/huge.xml", b"\0" * (qn.MAX_UNPACKED_BYTES + 1))
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(qn.TooLargeError):
        qn.read_questionnaire(bomb)

    with pytest.raises(qn.UnreadableError):
        qn.read_questionnaire(tmp_path / "missing.xlsx")


# ---------------------------------------------------------------- CLI
def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS)
    register(sub, common)
    sub.add_parser("list", parents=[common])
    return parser.parse_args(list(argv))


def test_cli_previews_without_changing_and_applies_with_apply(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DTBENCH_LANG", "en")
    store = open_store(db_path)
    demo = create_demo(store)
    rnd = latest(store, demo)
    store.close()
    db = str(db_path)
    path = tmp_path / "q.xlsx"
    assert (
        run(_args("questionnaire", "export", demo[:8], str(path), "--lang", "en", "--db", db)) == 0
    )
    assert capsys.readouterr().out.strip() == str(path)

    wb = load_workbook(path)
    ws = sheet(wb, "en")
    rows = item_rows(ws)
    store = open_store(db_path)
    before = dx.load_round(store, rnd).answers
    store.close()
    key_a = next(k for k in rows if before.get(k, AnswerRecord()).status == "not_met")
    key_b = next(k for k in rows if before.get(k, AnswerRecord()).status == "met")
    ws.cell(rows[key_a], qn.COL_STATUS).value = "Met"
    ws.cell(rows[key_b], qn.COL_NOTE).value = "ERP since 2019"
    wb.save(path)

    assert run(_args("questionnaire", "import", demo[:8], str(path), "--db", db)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{key_a}  Not met → Met"
    assert out[1].startswith(f"{key_b}  Met  note: ") and out[1].endswith("→ “ERP since 2019”")
    assert "nothing was changed" in out[2] and "--apply" in out[2]
    store = open_store(db_path)
    assert dx.load_round(store, rnd).answers == before
    store.close()

    assert run(_args("questionnaire", "import", demo, str(path), "--apply", "--db", db)) == 0
    assert "Applied 2 change(s)" in capsys.readouterr().out
    store = open_store(db_path)
    after = dx.load_round(store, rnd).answers
    store.close()
    assert after[key_a].status == "met"
    assert after[key_b] == AnswerRecord("met", "ERP since 2019")

    assert run(_args("questionnaire", "import", demo, str(path), "--db", db)) == 0
    assert "changes nothing" in capsys.readouterr().out
    assert run(_args("list")) is None  # not ours


def test_cli_explains_a_refused_workbook_in_one_line(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DTBENCH_LANG", "en")
    store = open_store(db_path)
    demo = create_demo(store)
    other = engagements.create_engagement(store, client_name="Acme", title="Audit").uuid
    store.close()
    path = tmp_path / "q.xlsx"
    run(_args("questionnaire", "export", demo, str(path), "--db", str(db_path)))
    capsys.readouterr()
    argv = ["questionnaire", "import", other, str(path), "--apply", "--db", str(db_path)]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("dtbench: This workbook belongs to the engagement")
    assert "\n" not in err


# ---------------------------------------------------------------- GUI
def _edit(path: Path, edits: dict[str, tuple[str | None, str | None]]) -> None:
    """Fill in status labels and notes of items, as the client does in Excel."""
    wb = load_workbook(path)
    ws = sheet(wb)
    rows = item_rows(ws)
    for key, (status, note) in edits.items():
        if status is not None:
            ws.cell(rows[key], qn.COL_STATUS).value = status
        if note is not None:
            ws.cell(rows[key], qn.COL_NOTE).value = note
    wb.save(path)


def test_preview_applies_only_the_ticked_lines_as_one_undo_step(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from dtbench.ui.exchange.questionnaire import (
        QuestionnairePreviewDialog,
        export_questionnaire,
        import_questionnaire,
    )

    uuid = create_demo(store)
    window.refresh(uuid)
    window.open_engagement(uuid, step="diagnosis")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "client"), "")
    )
    written = finished(qtbot, export_questionnaire, window)
    assert written == tmp_path / "client.xlsx" and written.is_file()

    rnd = latest(store, uuid)
    before = dx.load_round(store, rnd).answers
    not_met = [k for k, a in before.items() if a.status == "not_met"][:3]
    _edit(written, {not_met[0]: ("符合", None), not_met[1]: ("不适用", None)})
    _edit(written, {not_met[2]: (None, "已上线 MES 一期")})
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(written), ""))

    seen: list[QuestionnairePreviewDialog] = []

    def choose(dialog: QuestionnairePreviewDialog) -> int:
        seen.append(dialog)
        dialog.show()
        table = dialog.table
        assert table.rowCount() == 3

        def text(row: int, col: int) -> str:
            cell = table.item(row, col)
            return cell.text() if cell is not None else ""

        assert [text(r, 1).split()[0] for r in range(3)] == not_met
        assert text(0, 2) == "Not met" and text(0, 4) == "Met"
        assert text(2, 5) == "已上线 MES 一期"
        assert all(dialog.is_checked(r) for r in range(3))
        dialog.none_button.click()
        assert dialog.selected_changes() == []
        assert not dialog.apply_button.isEnabled()
        dialog.all_button.click()
        assert dialog.apply_button.isEnabled()
        # untick the second line from the keyboard
        table.setFocus()
        table.setCurrentCell(1, 0)
        qtbot.keyClick(table, Qt.Key.Key_Space)
        assert not dialog.is_checked(1)
        assert "2 of 3" in dialog.count.text()
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(QuestionnairePreviewDialog, "exec", choose)
    workspace = window.workspace
    assert workspace is not None
    stack = workspace.undo_stack
    steps = stack.count()
    assert finished(qtbot, import_questionnaire, window) == 2
    assert seen

    stored = dx.load_round(store, rnd).answers
    assert stored[not_met[0]].status == "met"
    assert stored[not_met[1]] == before[not_met[1]]  # unticked: not applied
    assert stored[not_met[2]] == AnswerRecord("not_met", "已上线 MES 一期")
    session = workspace.session
    assert session.round.uuid == rnd
    assert session.answer(not_met[0]).status == "met"  # the open workspace shows it
    assert stack.count() == steps + 1

    window.undo_group.undo()  # one step undoes the whole import
    assert dx.load_round(store, rnd).answers == before
    assert session.answer(not_met[0]) == before[not_met[0]]
    assert session.answer(not_met[2]) == before[not_met[2]]
    window.undo_group.redo()
    assert dx.load_round(store, rnd).answers[not_met[2]].note == "已上线 MES 一期"
    assert session.answer(not_met[0]).status == "met"


def test_gui_explains_a_foreign_workbook_and_an_empty_import(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from dtbench.ui.exchange.questionnaire import QuestionnairePreviewDialog, import_questionnaire

    demo = create_demo(store)
    other = engagements.create_engagement(store, client_name="Acme", title="Audit").uuid
    path = export(store, demo, tmp_path / "q.xlsx")
    window.refresh(other)
    assert window.list_page.current_uuid() == other
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", errors.append)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(
        QuestionnairePreviewDialog, "exec", lambda _self: pytest.fail("no preview expected")
    )
    assert finished(qtbot, import_questionnaire, window) == 0
    profile = engagements.get_profile(store, demo)
    assert len(errors) == 1 and profile.title in errors[0] and "belongs to" in errors[0]

    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: infos.append(text))
    window.refresh(demo)
    assert (
        finished(qtbot, import_questionnaire, window) == 0
    )  # unchanged workbook: nothing to preview
    assert infos and "changes nothing" in infos[0]


def test_gui_import_from_the_list_applies_without_opening(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog

    from dtbench.ui.exchange.questionnaire import QuestionnairePreviewDialog, import_questionnaire

    demo = create_demo(store)
    rnd = latest(store, demo)
    path = export(store, demo, tmp_path / "q.xlsx")
    key = next(k for k, a in dx.load_round(store, rnd).answers.items() if a.status == "not_met")
    _edit(path, {key: ("部分符合", "访谈确认")})
    window.refresh(demo)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(
        QuestionnairePreviewDialog, "exec", lambda _self: QDialog.DialogCode.Accepted
    )
    assert finished(qtbot, import_questionnaire, window) == 1
    assert dx.load_answer(store, rnd, key) == AnswerRecord("partly", "访谈确认")
