"""Every change of step puts the keyboard where the step's work starts, whatever had it
before (issue 16: after opening an engagement, Ctrl+3 left the focus in the step list, so the
checklist's keys did nothing)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.store import Store
from dtbench.ui.shell.main_window import MainWindow
from dtbench.ui.shell.workspace import Workspace

GUIDE = load_guide()
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _open(window: MainWindow, store: Store) -> tuple[str, Workspace]:
    created = service.create_engagement(store, client_name="大连澜岳精工", title="现状诊断")
    window.refresh(created.uuid)
    window.open_engagement(created.uuid)
    QApplication.processEvents()
    assert window.workspace is not None
    return created.uuid, window.workspace


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _statuses(store: Store, uuid: str) -> dict[str, str]:
    round_ = dx.list_rounds(store, uuid)[-1].uuid
    return dx.load_round(store, round_).statuses()


def test_opening_lands_in_the_first_profile_field(qtbot, window: MainWindow, store: Store) -> None:
    _uuid, ws = _open(window, store)
    assert ws.pages.currentWidget() is ws.profile
    assert _focused().objectName() == "title"  # typing goes into the engagement's title
    qtbot.keyClicks(_focused(), " 2026")
    assert ws.profile.findChild(QWidget, "title").text() == "现状诊断 2026"  # type: ignore[union-attr]


def test_ctrl_digit_after_opening_gives_the_checklist_its_keys(
    qtbot, window: MainWindow, store: Store
) -> None:
    """The reported sequence: open, Ctrl+4 (the diagnosis), then 1, Alt+K, Ctrl+PgDown."""
    uuid, ws = _open(window, store)
    qtbot.keyClick(_focused(), Qt.Key.Key_4, CTRL)
    page = ws.diagnosis
    assert ws.pages.currentWidget() is page
    assert _focused() is page.checklist
    qtbot.keyClick(_focused(), Qt.Key.Key_1)
    first = GUIDE.clause("5.2").items[0].key
    assert _statuses(store, uuid) == {first: "met"}
    # Alt+K from a field of the clause's details comes back to the checklist
    page.details.findings.setFocus()
    qtbot.keyClick(_focused(), Qt.Key.Key_K, ALT)
    assert _focused() is page.checklist
    qtbot.keyClick(_focused(), Qt.Key.Key_PageDown, CTRL)
    assert ws.pages.currentWidget() is page  # not step 0
    assert page.current_clause() == "5.3"
    assert _focused() is page.checklist


def test_every_way_of_changing_step_focuses_the_page(
    qtbot, window: MainWindow, store: Store
) -> None:
    _uuid, ws = _open(window, store)
    # from the diagnosis to the scope with Ctrl+2: the tree takes the keys
    qtbot.keyClick(_focused(), Qt.Key.Key_4, CTRL)
    qtbot.keyClick(_focused(), Qt.Key.Key_2, CTRL)
    assert _focused() is ws.scope.tree
    # every step: reached with its shortcut or a click on the navigator, the keyboard is
    # inside the page shown, never left in the navigator or on a page hidden meanwhile
    for row in range(ws.steps.count()):
        ws.steps.setFocus()
        rect = ws.steps.visualItemRect(ws.steps.item(row))
        qtbot.mouseClick(ws.steps.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        page = ws.pages.currentWidget()
        assert ws.pages.currentIndex() == row
        assert page is not None and page.isAncestorOf(_focused()), (row, _focused())
    # the navigator walked with the arrows keeps the keyboard (the next arrow goes on);
    # Enter, or Tab, goes into the page
    ws.steps.setCurrentRow(0)
    ws.steps.setFocus()
    qtbot.keyClick(ws.steps, Qt.Key.Key_Down)
    qtbot.keyClick(ws.steps, Qt.Key.Key_Down)
    qtbot.keyClick(ws.steps, Qt.Key.Key_Down)
    assert ws.pages.currentWidget() is ws.diagnosis and _focused() is ws.steps
    qtbot.keyClick(ws.steps, Qt.Key.Key_Return)
    assert _focused() is ws.diagnosis.checklist
    ws.steps.setFocus()
    qtbot.keyClick(ws.steps, Qt.Key.Key_Up)
    qtbot.keyClick(ws.steps, Qt.Key.Key_Tab)
    assert _focused() is ws.fieldwork.findChild(QWidget, "fieldwork_table")
    # Ctrl+PgDown in the navigator: the next step, with the keyboard on it
    ws.steps.setFocus()
    qtbot.keyClick(ws.steps, Qt.Key.Key_PageDown, CTRL)
    assert ws.pages.currentWidget() is ws.diagnosis
    assert _focused() is ws.diagnosis.checklist


def test_back_to_the_list_and_reopening_lands_on_the_profile_again(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid, ws = _open(window, store)
    qtbot.keyClick(_focused(), Qt.Key.Key_4, CTRL)
    window.show_list()
    window.open_engagement(uuid)
    assert ws.pages.currentWidget() is ws.profile
    assert _focused().objectName() == "title"


def test_the_dashboard_opens_at_its_charts_not_scrolled_to_its_table(
    qtbot, window: MainWindow, store: Store
) -> None:
    """The dashboard's first field is the table of clauses that moved, below the charts:
    the keyboard goes to the charts' scroll area instead, shown from the top."""
    from dtbench.sample import create_demo

    uuid = create_demo(store)
    window.refresh(uuid)
    window.open_engagement(uuid)
    ws = window.workspace
    assert ws is not None
    window.resize(853, 409)  # 1280×720 at 150 %
    qtbot.keyClick(_focused(), Qt.Key.Key_5, CTRL)
    assert ws.pages.currentWidget() is ws.dashboard
    area = ws.dashboard.scroll_area
    assert _focused() is area and area.verticalScrollBar().value() == 0
    qtbot.keyClick(area, Qt.Key.Key_PageDown)  # the keys scroll the charts
    assert area.verticalScrollBar().value() > 0
