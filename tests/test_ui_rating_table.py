"""The rating table the diagnosis checklist and the leader competencies share, over a clause of
the guide with ratings kept in a dict (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from dtbench.guide import load_guide
from dtbench.ui.kit.rating_table import NOTE, STATUS, RatingModel, RatingTable

CLAUSE = load_guide().clause("6.1.1")
KEYS = {Qt.Key.Key_1: "met", Qt.Key.Key_2: "partly", Qt.Key.Key_0: ""}


class DictRatings(RatingModel):
    def __init__(self) -> None:
        super().__init__()
        self.stored: dict[str, tuple[str, str]] = {}

    def rating(self, key: str) -> tuple[str, str]:
        return self.stored.get(key, ("", ""))

    def save_note(self, key: str, note: str) -> None:
        self.stored[key] = (self.rating(key)[0], note)
        self.refresh_key(key)


@pytest.fixture
def table(qtbot: QtBot) -> RatingTable:
    model = DictRatings()
    model.set_clause(CLAUSE, "en")
    view = RatingTable(model, KEYS, 24)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    view.reset_rows()
    view.status_keyed.connect(lambda row, status: _rate(model, row, status))
    view.setFocus()
    return view


def _rate(model: DictRatings, row: int, status: str) -> None:
    key = model.key(row)
    model.stored[key] = (status, model.rating(key)[1])
    model.refresh_key(key)


def _shown(view: RatingTable, row: int, column: int) -> str:
    return str(view.model().index(row, column).data())


def test_keys_rate_the_line_and_move_on_to_the_end(qtbot: QtBot, table: RatingTable) -> None:
    rows = table.ratings().rowCount()
    assert table.current_row() == 0
    qtbot.keyClick(table, Qt.Key.Key_1)
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert table.current_row() == 2
    assert [_shown(table, r, STATUS) for r in range(3)] == ["Met", "Partly met", "—"]
    table.go_to_row(rows - 1)
    with qtbot.waitSignal(table.end_reached, timeout=1000):
        qtbot.keyClick(table, Qt.Key.Key_1)
    assert table.current_row() == rows - 1  # stays on the last line
    assert _shown(table, rows - 1, STATUS) == "Met"


def test_enter_edits_the_note_and_saves_it(qtbot: QtBot, table: RatingTable) -> None:
    table.go_to_row(3)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("  to be checked  ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    key = table.ratings().key(3)
    assert table.ratings().stored[key] == ("", "to be checked")
    assert _shown(table, 3, NOTE) == "to be checked"


def test_statuses_open_in_a_list_only_where_offered(qtbot: QtBot, table: RatingTable) -> None:
    index = table.ratings().index(1, STATUS)
    # the checklist way: a status is set by its keys; a click, Space or F2 opens nothing
    at = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert table.indexWidget(index) is None
    table.go_to_row(1)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.state() != QAbstractItemView.State.EditingState
    assert table.indexWidget(index) is None

    # the competency way: Space opens the list of statuses on the current line
    chosen: list[tuple[int, str]] = []
    delegate = table.offer_statuses(lambda: [("", "Not rated"), ("met", "Met")], "a_status")
    delegate.chosen.connect(lambda row, status: chosen.append((row, status)))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    combo = table.indexWidget(index)
    assert isinstance(combo, QComboBox) and combo.objectName() == "a_status"
    combo.hidePopup()
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert chosen == [(1, "met")]
