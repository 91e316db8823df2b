"""The Risks step: a risk added, rated and answered from the keyboard, undone in steps, kept
after reopening; the starter set picked with Space in one undo step; the checks and the
matrix follow the register."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from dtbench.engagement import service
from dtbench.plan import service as plan
from dtbench.plan.records import Initiative, Risk
from dtbench.plan.risk_starters import risk_starters
from dtbench.store import Store, open_store
from dtbench.ui.kit.pick_dialog import PickDialog, PickRow
from dtbench.ui.shell.main_window import MainWindow


def _open(qtbot: QtBot, window: MainWindow, eng: str) -> None:
    window.activateWindow()  # keyboard shortcuts go to the active window only
    qtbot.waitUntil(window.isActiveWindow)
    window.refresh(eng)
    window.open_engagement(eng)


def _risks(store: Store, eng: str) -> list[Risk]:
    return [i.record for i in plan.list_items(store, eng, "risk")]


def test_a_risk_from_the_keyboard_is_saved_undone_and_kept(
    qtbot: QtBot, window: MainWindow, store: Store, db_path: Path
) -> None:
    eng = service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid
    plan.add_item(store, eng, Initiative(title="车间网络分区"))
    _open(qtbot, window, eng)
    ws = window.workspace
    assert ws is not None
    step = ws.pages.indexOf(ws.risks)
    assert ws.steps.item(step).text().strip().endswith("Risks")
    assert step == ws.pages.indexOf(ws.kpis) + 1  # right after the KPIs
    # past Ctrl+9: reached from the step list with the arrow keys
    ws.steps.setFocus()
    ws.steps.setCurrentRow(step - 1)
    qtbot.keyClick(ws.steps, Qt.Key.Key_Down)
    assert ws.pages.currentWidget() is ws.risks
    page = ws.risks
    editor = page.editor

    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert _risks(store, eng) == [Risk(risk="New risk", category="delivery")]
    text = editor.editors["risk"]
    assert isinstance(text, QPlainTextEdit) and text.hasFocus()  # ready to type
    text.selectAll()
    qtbot.keyClicks(text, "Ransomware stops the plant")
    qtbot.keyClick(text, Qt.Key.Key_Tab)  # leaving the field saves it
    category = editor.editors["category"]
    assert isinstance(category, QComboBox) and category.hasFocus()
    target = category.findData("security")
    while category.currentIndex() != target:
        qtbot.keyClick(
            category, Qt.Key.Key_Down if category.currentIndex() < target else Qt.Key.Key_Up
        )
    qtbot.keyClick(category, Qt.Key.Key_Tab)
    for name, value in (("probability", "3"), ("impact", "5")):
        spin = editor.editors[name]
        assert isinstance(spin, QSpinBox) and spin.hasFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, value)
        qtbot.keyClick(spin, Qt.Key.Key_Tab)
    (risk,) = _risks(store, eng)
    assert (risk.risk, risk.category, risk.probability, risk.impact) == (
        "Ransomware stops the plant",
        "security",
        3,
        5,
    )
    # a high risk without response or owner is flagged, by name
    assert "2 problem(s)" in page.problems_label.text()
    assert "Ransomware stops the plant" in page.problems.item(0).text()
    response = editor.editors["response"]
    assert isinstance(response, QPlainTextEdit)
    response.setFocus()
    qtbot.keyClicks(response, "Separate the networks")
    qtbot.keyClick(response, Qt.Key.Key_Tab)
    owner = editor.editors["owner"]
    assert owner.hasFocus()
    qtbot.keyClicks(owner, "Zhao Min")
    qtbot.keyClick(owner, Qt.Key.Key_Return)
    (risk,) = _risks(store, eng)
    assert (risk.response, risk.owner) == ("Separate the networks", "Zhao Min")
    assert "0 problem(s)" in page.problems_label.text()
    assert editor.table.item(0, 0).text() == "Ransomware stops the plant"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the owner
    assert _risks(store, eng)[0].owner == ""
    assert "1 problem(s)" in page.problems_label.text()
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _risks(store, eng)[0].owner == "Zhao Min"

    # reopened from the database file: the register is there, in the table and the form
    other = open_store(db_path)
    assert [r.risk for r in _risks(other, eng)] == ["Ransomware stops the plant"]
    other.close()
    window.open_engagement(eng)
    ws = window.workspace
    assert ws is not None
    assert ws.risks.editor.table.rowCount() == 1
    assert ws.risks.editor.table.item(0, 0).text() == "Ransomware stops the plant"


def test_starters_are_picked_with_space_and_added_as_one_step(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    eng = service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid
    _open(qtbot, window, eng)
    ws = window.workspace
    assert ws is not None
    ws.steps.setCurrentRow(ws.pages.indexOf(ws.risks))
    page = ws.risks
    starters = risk_starters()
    seen: list[str] = []

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PickDialog)
        seen.append(dialog.table.item(0, 0).text())
        qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # the first row
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # the third
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    qtbot.keyClick(page.starter_button, Qt.Key.Key_Space)
    added = _risks(store, eng)
    assert seen == [starters[0].risk.en]  # the dialog speaks the UI's language
    # …the records the engagement's (Chinese), with their ratings and responses
    assert [r.starter for r in added] == [starters[0].code, starters[2].code]
    assert added[0].risk == starters[0].risk.zh and added[0].response == starters[0].response.zh
    assert (added[0].probability, added[0].impact) == (starters[0].probability, starters[0].impact)

    def taken() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PickDialog)
        seen.append(dialog.table.item(0, dialog.table.columnCount() - 1).text())
        dialog.tick(0)
        dialog.tick(2)
        assert dialog.chosen() == []  # what is in the register cannot be ticked again
        assert dialog.table.currentRow() == 1  # the keyboard starts on the first one free
        dialog.accept()

    QTimer.singleShot(0, taken)
    page.choose_starters()
    assert seen[-1] == "already added" and len(_risks(store, eng)) == 2  # not twice

    window.undo_group.undo()  # both starters go in one step
    assert _risks(store, eng) == []
    assert page.editor.table.rowCount() == 0


def test_the_matrix_draws_the_register(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    from dtbench.sample import create_demo

    eng = create_demo(store)
    _open(qtbot, window, eng)
    ws = window.workspace
    assert ws is not None
    page = ws.risks
    with qtbot.waitSignal(page.drawn, timeout=60_000):
        ws.steps.setCurrentRow(ws.pages.indexOf(page))
    first = page.matrix_view.raster
    assert first is not None and not first.is_blank()
    table = page.editor.table
    assert table.rowCount() == len(_risks(store, eng))
    # the rows carry the numbers the matrix shows
    header = table.verticalHeaderItem(2)
    assert header is not None and header.text() == "R-03"
    with qtbot.waitSignal(page.drawn, timeout=60_000):  # a change is drawn again
        page.add_starters([risk_starters()[-1]])
    assert page.matrix_view.raster is not None
    assert page.matrix_view.raster.rgba != first.rgba


def test_the_pick_dialog_accepts_only_once_something_is_ticked(qtbot: QtBot) -> None:
    dialog = PickDialog(
        "Starter risks",
        "Tick the risks to add.",
        ["Risk", "Note"],
        [PickRow(("a", "")), PickRow(("b", ""), taken=True), PickRow(("c", ""))],
        "Add",
        "already added",
    )
    qtbot.addWidget(dialog)
    assert not dialog.accept_button.isEnabled()  # nothing ticked: nothing to add
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # the first row
    assert dialog.accept_button.isEnabled() and dialog.chosen() == [0]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # and off again
    assert not dialog.accept_button.isEnabled()
    dialog.tick(1)  # already taken: no tick, still nothing to add
    assert not dialog.accept_button.isEnabled()
