"""The diagnosis driven as a consultant drives it: keyboard answers, levels, evidence, undo,
rounds, scope and the dashboard (pytest-qt, offscreen)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QMessageBox,
)

from dtbench.diagnosis import service as dx
from dtbench.diagnosis.scale import level
from dtbench.diagnosis.scoring import ScopeEntry
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.store import Store
from dtbench.ui.shell.main_window import MainWindow

GUIDE = load_guide()
CTRL = Qt.KeyboardModifier.ControlModifier


def _open(window: MainWindow, store: Store, step: int = 3) -> str:
    created = service.create_engagement(store, client_name="大连澜岳精工", title="现状诊断")
    window.refresh(created.uuid)
    window.open_engagement(created.uuid)
    workspace = window.workspace
    assert workspace is not None
    QApplication.processEvents()
    workspace.steps.setFocus()
    return created.uuid


def _round(store: Store, uuid: str) -> str:
    return dx.list_rounds(store, uuid)[-1].uuid


def _statuses(store: Store, uuid: str) -> dict[str, str]:
    return dx.load_round(store, _round(store, uuid)).statuses()


def test_keyboard_walk_sets_statuses_moves_on_and_saves_at_once(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _open(window, store)
    ws = window.workspace
    assert ws is not None
    page = ws.diagnosis
    qtbot.keyClick(ws.steps, Qt.Key(Qt.Key.Key_1 + ws.pages.indexOf(page)), CTRL)
    assert ws.pages.currentWidget() is page
    assert page.current_clause() == "5.2"
    view = page.checklist
    view.setFocus()
    first = [p.key for p in GUIDE.clause("5.2").checkpoints()]
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4):
        qtbot.keyClick(view, key)
    assert _statuses(store, uuid) == {
        first[0]: "met",
        first[1]: "partly",
        first[2]: "not_met",
        first[3]: "na",
    }
    assert view.current_row() == 4  # each keystroke moved to the next item
    assert page.model.index(0, 2).data() == "Met"
    item = page._item("5.2")
    assert item is not None and item.text(1) == f"4/{len(first)}"
    # 0 clears the current line, Up goes back
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert first[3] not in _statuses(store, uuid)
    # Ctrl+PgDown: next clause; its first item is selected and keys work at once
    qtbot.keyClick(view, Qt.Key.Key_PageDown, CTRL)
    assert page.current_clause() == "5.3"
    assert view.current_row() == 0
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert _statuses(store, uuid)[GUIDE.clause("5.3").items[0].key] == "met"
    qtbot.keyClick(view, Qt.Key.Key_PageUp, CTRL)
    assert page.current_clause() == "5.2"
    # from the navigator: arrows choose a clause, Enter goes into its checklist
    page.nav.setFocus()
    qtbot.keyClick(page.nav, Qt.Key.Key_Down)
    assert page.current_clause() == "5.3"
    qtbot.keyClick(page.nav, Qt.Key.Key_Return)
    assert view.hasFocus() and view.current_row() == 0


def test_enter_edits_the_note_of_the_current_item(qtbot, window: MainWindow, store: Store) -> None:
    uuid = _open(window, store)
    ws = window.workspace
    assert ws is not None
    ws.show_step("diagnosis")
    view = ws.diagnosis.checklist
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("只有财务部门在用ERP")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits and closes the editor through the event loop
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert view.hasFocus()
    key = GUIDE.clause("5.2").items[0].key
    answers = dx.load_round(store, _round(store, uuid)).answers
    assert answers[key].note == "只有财务部门在用ERP"
    assert answers[key].status == ""  # a note alone leaves the item unanswered


def test_levels_show_their_description_and_undo_covers_the_session(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _open(window, store)
    ws = window.workspace
    assert ws is not None
    ws.show_step("diagnosis")
    page = ws.diagnosis
    page.select_clause("7.3.1")
    view = page.checklist
    view.setFocus()
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_1)
    details = page.details
    # the suggestion follows the answers: 4 of 4 answered met → level 5 suggested
    assert details.current.itemText(0).endswith(f"5 {level(5).name.en}")
    details.current.setFocus()
    details.current.setCurrentIndex(details.current.findData(2))
    details.current.activated.emit(details.current.currentIndex())
    details.target.setCurrentIndex(details.target.findData(4))
    details.target.activated.emit(details.target.currentIndex())
    assert details.current_help.text() == level(2).description.en
    assert details.target_help.text() == level(4).description.en
    clause = dx.load_round(store, _round(store, uuid)).clauses["7.3.1"]
    assert (clause.current, clause.target) == (2, 4)
    assert "gap 2" in page.clause_status.text() and "priority 8" in page.clause_status.text()

    # move elsewhere, then undo everything with Ctrl+Z: each step goes back to where it was
    page.select_clause("9.1")
    undo = window.undo_group.createUndoAction(window)
    for _ in range(6):
        undo.trigger()
    data = dx.load_round(store, _round(store, uuid))
    assert data.answers == {}
    assert "7.3.1" not in data.clauses or data.clauses["7.3.1"].current is None
    assert page.current_clause() == "7.3.1"
    redo = window.undo_group.createRedoAction(window)
    redo.trigger()
    assert len(dx.load_round(store, _round(store, uuid)).answers) == 1


def test_findings_and_interviewees_are_saved(qtbot, window: MainWindow, store: Store) -> None:
    uuid = _open(window, store)
    ws = window.workspace
    assert ws is not None
    ws.show_step("diagnosis")
    details = ws.diagnosis.details
    details.findings.setPlainText("计划部用Excel排产。")
    details.interviewees.setText("孙立强（生产计划部经理）")
    details.interviewees.editingFinished.emit()
    ws.diagnosis.move_clause(1)  # leaving the clause saves pending typing
    clause = dx.load_round(store, _round(store, uuid)).clauses["5.2"]
    assert clause.findings == "计划部用Excel排产。"
    assert clause.interviewees == "孙立强（生产计划部经理）"


def test_evidence_is_attached_listed_removed_and_restored_by_undo(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid = _open(window, store)
    ws = window.workspace
    assert ws is not None
    ws.show_step("diagnosis")
    details = ws.diagnosis.details
    photo = tmp_path / "看板照片.jpg"
    photo.write_bytes(b"\xff\xd8" + b"0" * 2048)
    from dtbench.ui.diagnosis import clause_details

    labels: list[str | None] = []
    real_run_task = clause_details.run_task
    monkeypatch.setattr(
        clause_details,
        "run_task",
        lambda work, **kw: labels.append(kw.get("label")) or real_run_task(work, **kw),
    )
    # read, hashed and stored off the GUI thread (a file may be 50 MB), with progress
    details.attach_file(photo)
    qtbot.waitUntil(lambda: details.evidence.count() == 1)
    assert labels == ["Attaching 看板照片.jpg…"]
    assert details.evidence.item(0).text().startswith("看板照片.jpg")
    stored = dx.load_round(store, _round(store, uuid)).evidence["5.2"]
    assert dx.evidence_data(store, stored[0].sha256) == photo.read_bytes()

    opened: list[str] = []
    monkeypatch.setattr(
        "PySide6.QtGui.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    # read and copied off the GUI thread, with a progress dialog when it takes a while
    labels.clear()
    details.open_evidence()
    qtbot.waitUntil(lambda: bool(opened))
    assert labels and "看板照片.jpg" in str(labels[0])
    assert Path(opened[0]).name == "看板照片.jpg"
    assert Path(opened[0]).read_bytes() == photo.read_bytes()

    details.remove_evidence()
    assert details.evidence.count() == 0
    window.undo_group.undo()
    assert details.evidence.count() == 1

    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    monkeypatch.setattr(dx, "MAX_EVIDENCE_BYTES", 1024)
    details.attach_file(photo)
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert "at most" in messages[0] and "看板照片.jpg" in messages[0]
    assert details.evidence.count() == 1  # nothing added, nothing lost

    # several files at once: those that can be attached are, each its own undo step; the
    # one that can't is named; the clause chosen is the one they go to
    monkeypatch.setattr(dx, "MAX_EVIDENCE_BYTES", 50 * 1024 * 1024)
    plan = tmp_path / "计划表.xlsx"
    plan.write_bytes(b"PK" + b"1" * 4096)
    details.attach_files([plan, tmp_path / "不存在.pdf", photo])
    page = ws.diagnosis
    page.select_clause("7.3.1")  # moved on while the files are read: they stay with 5.2
    qtbot.waitUntil(lambda: len(messages) == 2)
    assert "不存在.pdf" in messages[1]
    names = sorted(e.filename for e in dx.load_round(store, _round(store, uuid)).evidence["5.2"])
    assert names == ["看板照片.jpg", "看板照片.jpg", "计划表.xlsx"]
    window.undo_group.undo()
    window.undo_group.undo()
    names = [e.filename for e in dx.load_round(store, _round(store, uuid)).evidence["5.2"]]
    assert names == ["看板照片.jpg"]


def test_new_round_copies_the_last_and_the_dashboard_compares(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _open(window, store)
    ws = window.workspace
    assert ws is not None
    ws.show_step("diagnosis")
    page = ws.diagnosis
    page.select_clause("7.3.1")
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_3)
    page.start_round("第一次复评")
    rounds = dx.list_rounds(store, uuid)
    assert [r.name for r in rounds] == ["基线评估", "第一次复评"]
    assert page.rounds.count() == 2 and page.rounds.currentIndex() == 1
    page.select_clause("7.3.1")
    page.checklist.setFocus()
    page.checklist.go_to_row(0)
    qtbot.keyClick(page.checklist, Qt.Key.Key_1)
    first, second = (dx.load_round(store, r.uuid) for r in rounds)
    key = GUIDE.clause("7.3.1").items[0].key
    assert first.answers[key].status == "not_met" and second.answers[key].status == "met"

    ws.show_step("dashboard")
    dash = ws.dashboard
    assert dash.moved.rowCount() == 1
    assert dash.moved.item(0, 0).text().startswith("7.3.1")
    with qtbot.waitSignal(dash.drawn, timeout=20000):
        dash.redraw()
    for view in dash.views.values():
        assert view.raster is not None and not view.raster.is_blank()
        assert not view.pixmap().isNull()

    # undo removes the round again and shows the baseline
    window.undo_group.undo()  # the answer in round 2
    window.undo_group.undo()  # the round
    assert [r.number for r in dx.list_rounds(store, uuid)] == [1]
    assert page.rounds.count() == 1


def test_scope_step_takes_clauses_out_of_the_walk_and_the_scores(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _open(window, store)
    ws = window.workspace
    assert ws is not None
    ws.show_step("scope")
    scope = ws.scope
    area7 = next(
        scope.tree.topLevelItem(i)
        for i in range(scope.tree.topLevelItemCount())
        if scope.tree.topLevelItem(i).text(0).startswith("7 ")
    )
    equipment = next(
        area7.child(j)
        for j in range(area7.childCount())
        if area7.child(j).text(0).startswith("7.2.1")
    )
    equipment.setCheckState(0, Qt.CheckState.Unchecked)
    assert dx.get_scope(store, uuid)["7.2.1"] == ScopeEntry(False, 1.0)
    assert area7.checkState(0) == Qt.CheckState.PartiallyChecked
    assert "44 of 45" in scope.summary.text()
    ws.show_step("diagnosis")
    assert ws.diagnosis._item("7.2.1") is None
    assert "7.2.1" not in ws.session.report.by_key

    ws.show_step("scope")
    weight_item = next(
        area7.child(j)
        for j in range(area7.childCount())
        if area7.child(j).text(0).startswith("7.3.1")
    )
    weight_item.setText(2, "2")
    assert dx.get_scope(store, uuid)["7.3.1"] == ScopeEntry(True, 2.0)
    window.undo_group.undo()
    window.undo_group.undo()
    assert dx.get_scope(store, uuid) == {}
    assert equipment.checkState(0) == Qt.CheckState.Checked


def test_workspace_fits_a_laptop_screen_without_horizontal_scrolling(
    qtbot, window: MainWindow, store: Store
) -> None:
    _open(window, store)
    window.resize(1366, 728)
    ws = window.workspace
    assert ws is not None
    for row in range(ws.steps.count()):  # every step, diagnosis and plan alike
        ws.steps.setCurrentRow(row)
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 728, (row, hint)
        assert window.width() <= 1366
        page = ws.pages.currentWidget()
        areas = [a for a in page.findChildren(QAbstractScrollArea) if a.isVisible()]
        assert areas, row
        for area in areas:
            # nothing to scroll sideways: the content fits the width
            assert area.horizontalScrollBar().maximum() == 0, (row, area.objectName())
    page = ws.diagnosis
    page.select_clause("6.2.1")  # the clause with the most items
    QApplication.processEvents()
    # The row heights and the columns follow the text and the details beside the table a
    # moment later (deferred layout): what stays must not scroll sideways.
    cl = page.checklist
    qtbot.waitUntil(lambda: cl.horizontalScrollBar().maximum() == 0, timeout=3000)
    qtbot.wait(300)
    assert cl.horizontalScrollBar().maximum() == 0, (
        [cl.columnWidth(i) for i in range(4)],
        cl.viewport().width(),
    )


def test_dashboard_says_when_no_chinese_font_exists(
    qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dtbench.reports import fonts, render_pool

    # The question goes to a chart worker; on a thread it sees this process's fonts module.
    on_a_thread = render_pool.RenderPool(0)
    monkeypatch.setattr(render_pool, "shared_pool", lambda: on_a_thread)
    monkeypatch.setattr(fonts, "find_cjk_font", lambda: None)
    _open(window, store)
    ws = window.workspace
    assert ws is not None
    from dtbench.ui.diagnosis.dashboard_page import DashboardPage

    page = DashboardPage(ws.session, "en")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.cjk_font is not None, timeout=20000)
    assert page.font_warning.isVisible()
    assert "Chinese" in page.font_warning.text()
    monkeypatch.setattr(fonts, "find_cjk_font", lambda: "WenQuanYi")
    other = DashboardPage(ws.session, "en")
    qtbot.addWidget(other)
    other.show()
    qtbot.waitUntil(lambda: other.cjk_font is not None, timeout=20000)
    assert not other.font_warning.isVisible()
    on_a_thread.shutdown()


def test_dashboard_follows_answers_without_blocking_the_window(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _open(window, store)
    ws = window.workspace
    assert ws is not None
    with qtbot.waitSignal(ws.dashboard.drawn, timeout=20000):
        ws.show_step("dashboard")
    dash = ws.dashboard
    before = dict((name, view.raster) for name, view in dash.views.items())
    assert "Answered: 0 of 951" in dash.figures.text()

    # an answer given meanwhile (as from the checklist) updates the figures at once…
    key = GUIDE.clause("7.3.1").items[0].key
    ws.session.set_answer(key, status="met", text="answer")
    assert "Answered: 1 of 951" in dash.figures.text()
    assert "Overall index: 100" in dash.figures.text()
    # …and the charts shortly after, drawn on the worker thread: the call returns at once
    dash.redraw_when_shown.cancel()
    dash.redraw()
    assert dash.renderer.busy and dash.views["progress"].raster == before["progress"]
    with qtbot.waitSignal(dash.drawn, timeout=20000):
        pass
    assert dash.views["progress"].raster != before["progress"]
    assert dash.views["index"].raster != before["index"]
    assert dx.load_round(store, _round(store, uuid)).answers[key].status == "met"


def test_charts_still_drawing_when_the_workspace_closes_are_dropped_quietly(
    qtbot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    """Switching databases while the dashboard's charts are drawn: the late results reach no
    deleted widget, nothing is raised, and the new database's list shows."""
    _open(window, store)
    ws = window.workspace
    assert ws is not None
    with qtbot.waitSignal(ws.dashboard.drawn, timeout=20000):
        ws.show_step("dashboard")
    renderer = ws.dashboard.renderer
    ws.dashboard.redraw(everything=True)
    assert renderer.busy
    errors: list[BaseException] = []
    hook = sys.excepthook
    sys.excepthook = lambda kind, value, tb: errors.append(value)
    try:
        assert window.switch_database(str(tmp_path / "other.sqlite3"))
        qtbot.waitUntil(lambda: not renderer.busy or window.workspace is None, timeout=20000)
        qtbot.wait(1500)  # the charts of the closed workspace come back meanwhile
    finally:
        sys.excepthook = hook
    assert errors == []
    assert window.workspace is None and window.list_page.proxy.rowCount() == 0


def test_the_diagnosis_reopens_at_the_clause_last_visited(
    qtbot, window: MainWindow, store: Store, translations
) -> None:
    first = _open(window, store)
    other = service.create_engagement(store, client_name="海港物流", title="诊断")
    page = window.workspace.diagnosis
    start = page.current_clause()
    page.move_clause(2)
    visited = page.current_clause()
    assert visited != start
    window.show_list()
    window.open_engagement(other.uuid, step="diagnosis")
    assert page.current_clause() == start  # another engagement: its own place
    window.show_list()
    window.open_engagement(first, step="diagnosis")
    assert page.current_clause() == visited
    # and after the application is started again
    again = MainWindow(store, translations)
    qtbot.addWidget(again)
    again.open_engagement(first, step="diagnosis")
    assert again.workspace.diagnosis.current_clause() == visited
