"""The Key findings step: right after the Dashboard, edited from the keyboard, undone,
drafted from the diagnosis in one undo step, and still there when the engagement reopens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit

from dtbench.engagement import service
from dtbench.plan import service as plan
from dtbench.plan.findings_draft import draft_findings
from dtbench.plan.records import Finding
from dtbench.sample import create_demo
from dtbench.store import Store
from dtbench.ui.plan.findings_page import DraftFindingsDialog, FindingsPage
from dtbench.ui.shell.main_window import MainWindow


def _findings(store: Store, eng: str) -> list[Finding]:
    return [i.record for i in plan.list_items(store, eng, "finding")]


def _open(window: MainWindow, eng: str) -> FindingsPage:
    window.refresh(eng)
    window.open_engagement(eng)
    ws = window.workspace
    assert ws is not None
    row = ws.pages.indexOf(ws.findings)
    assert ws.steps.item(row).text().endswith("Key findings")  # right after the Dashboard
    assert ws.steps.item(row - 1).text().endswith("Dashboard")
    ws.steps.setFocus()
    window.activateWindow()
    return ws.findings


def test_a_finding_is_added_edited_undone_and_kept_from_the_keyboard(
    qtbot, window: MainWindow, store: Store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    eng = service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid
    page = _open(window, eng)
    ws = window.workspace
    assert ws is not None
    row = ws.pages.indexOf(page)  # a step among the first nine: Ctrl+its number
    qtbot.keyClick(ws.steps, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
    assert ws.pages.currentWidget() is page
    editor = page.editor
    editor.table.setFocus()  # Tab from the step list
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert [f.title for f in _findings(store, eng)] == ["New key finding"]
    title = editor.editors["title"]
    assert isinstance(title, QLineEdit) and title.hasFocus()  # ready to type the title
    title.selectAll()
    title.insert("ERP与MES数据割裂，计划无法闭环")  # QTest cannot type Chinese; the IME would
    qtbot.keyClick(title, Qt.Key.Key_Tab)  # leaving the field saves it
    clauses = editor.editors["clauses"]
    assert isinstance(clauses, QLineEdit) and clauses.hasFocus()
    qtbot.keyClicks(clauses, "7.3.1, 9.4")
    qtbot.keyClick(clauses, Qt.Key.Key_Return)
    seen = editor.editors["observations"]
    assert isinstance(seen, QPlainTextEdit)
    seen.setFocus()
    seen.insertPlainText("排产在Excel中完成后导入MES")
    qtbot.keyClick(seen, Qt.Key.Key_Tab)
    stored = _findings(store, eng)[0]
    assert stored.title == "ERP与MES数据割裂，计划无法闭环"
    assert stored.clauses == ("7.3.1", "9.4")
    assert stored.observations == "排产在Excel中完成后导入MES"
    assert editor.table.item(0, 0).text() == "ERP与MES数据割裂，计划无法闭环"
    assert editor.table.item(0, 1).text() == "7.3.1, 9.4"
    assert page.problems.item(0).text() == "Each key finding says what was seen and cites clauses."

    # a clause the guide does not have is refused with a message; nothing changes
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    clauses.setFocus()
    clauses.setText("7.3.9")
    qtbot.keyClick(clauses, Qt.Key.Key_Return)
    assert messages == ["Not a clause of the guide: 7.3.9"]
    assert _findings(store, eng)[0].clauses == ("7.3.1", "9.4")
    assert clauses.text() == "7.3.1, 9.4"

    # a second finding, moved up with Alt+Up
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert len(_findings(store, eng)) == 2
    # the new one says nothing yet: the checks under the list say so
    assert page.problems_label.text().endswith(": 2 problem(s)")
    assert "“New key finding” does not say what was seen" in page.problems.item(0).text()
    editor.table.setFocus()  # back from its title to the list
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [f.title for f in _findings(store, eng)] == [
        "New key finding",
        "ERP与MES数据割裂，计划无法闭环",
    ]
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)  # the selected (moved) one
    assert [f.title for f in _findings(store, eng)] == ["ERP与MES数据割裂，计划无法闭环"]
    window.undo_group.undo()  # the removal
    assert len(_findings(store, eng)) == 2
    window.undo_group.undo()  # the move
    window.undo_group.undo()  # the second finding
    window.undo_group.undo()  # the observations
    assert [f.observations for f in _findings(store, eng)] == [""]
    window.undo_group.redo()

    # reopened, the finding is there as typed
    window.open_engagement(eng)
    ws = window.workspace
    assert ws is not None
    assert ws.findings.editor.table.rowCount() == 1
    assert ws.findings.editor.table.item(0, 0).text() == "ERP与MES数据割裂，计划无法闭环"
    assert _findings(store, eng)[0].observations == "排产在Excel中完成后导入MES"


def test_drafted_findings_are_accepted_in_one_undo_step(
    qtbot, window: MainWindow, store: Store
) -> None:  # type: ignore[no-untyped-def]
    eng = create_demo(store)
    for item in plan.list_items(store, eng, "finding"):
        plan.remove_item(store, item.uuid)
    page = _open(window, eng)
    d = page.diagnosis
    candidates = draft_findings(d.guide, d.report, d.data, "zh")
    dialog = DraftFindingsDialog(candidates)
    qtbot.addWidget(dialog)
    assert 3 <= dialog.table.rowCount() <= 7
    for row in range(3, dialog.table.rowCount()):
        dialog.table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)  # keep three
    dialog.table.item(0, 0).setText("管理层缺少转型愿景与共识")
    page.accept_candidates(dialog.accepted_findings())
    stored = _findings(store, eng)
    assert [f.title for f in stored] == [
        "管理层缺少转型愿景与共识",
        candidates[1].title,
        candidates[2].title,
    ]
    assert stored[0].observations == candidates[0].observations
    assert page.editor.table.rowCount() == 3
    window.undo_group.undo()
    assert _findings(store, eng) == []


def test_draft_with_an_empty_diagnosis_says_why_nothing_is_drafted(
    qtbot, window: MainWindow, store: Store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    eng = service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid
    page = _open(window, eng)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    page.draft_button.click()
    assert len(messages) == 1 and messages[0].startswith("There is nothing to draft")
    assert _findings(store, eng) == []
