"""Scope weights are typed on the clause's row: the number goes to the weight, never to the
clause's name; a number out of the range is refused where it is typed (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from dtbench.diagnosis import service as dx
from dtbench.diagnosis.scoring import ScopeEntry
from dtbench.engagement import service
from dtbench.store import Store
from dtbench.ui.diagnosis.scope_page import WEIGHT_COLUMN
from dtbench.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _scope_tree(qtbot, window: MainWindow, store: Store):  # type: ignore[no-untyped-def]
    created = service.create_engagement(store, client_name="大连澜岳精工", title="现状诊断")
    window.refresh(created.uuid)
    window.open_engagement(created.uuid)
    ws = window.workspace
    assert ws is not None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, CTRL)
    tree = ws.scope.tree
    assert QApplication.focusWidget() is tree
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # from the area "5" to its first clause
    item = tree.currentItem()
    assert item is not None and item.parent() is not None
    return created.uuid, tree, item


def test_a_number_typed_on_a_clause_row_sets_its_weight(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid, tree, item = _scope_tree(qtbot, window, store)
    key, name = item.data(0, Qt.ItemDataRole.UserRole), item.text(0)
    qtbot.keyClick(tree, Qt.Key.Key_2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "2"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tree.state() != QAbstractItemView.State.EditingState)
    assert dx.get_scope(store, uuid)[key] == ScopeEntry(True, 2.0)
    assert item.text(0) == name and item.text(WEIGHT_COLUMN) == "2"
    # F2 and a double click edit the weight too, never the name
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "2"
    qtbot.keyClicks(editor, "1.5")  # the text was selected: typing replaces it
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tree.state() != QAbstractItemView.State.EditingState)
    assert dx.get_scope(store, uuid)[key] == ScopeEntry(True, 1.5)
    assert item.text(0) == name


def test_a_weight_out_of_range_is_refused_visibly_and_not_stored(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid, tree, item = _scope_tree(qtbot, window, store)
    qtbot.keyClick(tree, Qt.Key.Key_9)  # typed on the row: the weight's editor opens
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_9)
    assert editor.text() == "99"  # every digit shows: not silently 9
    # the editor is wide enough for the range's largest number
    assert editor.width() >= editor.fontMetrics().horizontalAdvance("10.0") + 8
    problem = tree.window().findChild(QLineEdit, "weight_editor")
    assert problem is editor
    label = editor.problem  # type: ignore[attr-defined]  # the note under the field
    assert label.isVisible() and label.text() == "A weight must be a number from 0.1 to 10."
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # refused: the editor stays, nothing stored
    assert tree.state() == QAbstractItemView.State.EditingState
    assert QApplication.focusWidget() is editor
    assert dx.get_scope(store, uuid) == {}
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert not label.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tree.state() != QAbstractItemView.State.EditingState)
    key = item.data(0, Qt.ItemDataRole.UserRole)
    assert dx.get_scope(store, uuid)[key] == ScopeEntry(True, 9.0)
    # letters are no weight: the field takes none
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "x")
    assert editor.text() == "9"  # F2 selects all; an invalid letter does not replace it
