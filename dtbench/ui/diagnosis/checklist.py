"""A clause's items and sub-items as a checklist: status and note per line, keyboard first.

Keys in the list: 1 met, 2 partly met, 3 not met, 4 not applicable, 0 / Delete clear; each
sets the status of the selected line and moves to the next. Enter (or F2) edits the note.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from dtbench.diagnosis.scale import STATUSES, UNANSWERED
from dtbench.guide import Clause
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.scale_labels import STATUS_BACKGROUNDS, STATUS_COLOURS, status_label

KEY_ROLE = Qt.ItemDataRole.UserRole
REF, TEXT, STATUS, NOTE = range(4)
STATUS_KEYS = {
    Qt.Key.Key_1: "met",
    Qt.Key.Key_2: "partly",
    Qt.Key.Key_3: "not_met",
    Qt.Key.Key_4: "na",
    Qt.Key.Key_0: UNANSWERED,
    Qt.Key.Key_Delete: UNANSWERED,
    Qt.Key.Key_Backspace: UNANSWERED,
}
_Index = QModelIndex | QPersistentModelIndex


class ChecklistModel(QAbstractTableModel):
    def __init__(self, session: DiagnosisSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.clause: Clause | None = None
        self._rows: list[tuple[str, str, str, bool]] = []  # key, ref, text, is item
        self._row_of: dict[str, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self.headers = ["", "", "", ""]

    def set_clause(self, clause: Clause | None, lang: str) -> None:
        self.beginResetModel()
        self.clause = clause
        self._rows = []
        if clause is not None:
            for item in clause.items:
                self._rows.append((item.key, f"{item.letter})", item.text.get(lang), True))
                for sub in item.subitems:
                    number = sub.key.rsplit(".", 1)[1]
                    self._rows.append((sub.key, f"    {number})", sub.text.get(lang), False))
        self._row_of = {key: n for n, (key, *_rest) in enumerate(self._rows)}
        self.endResetModel()

    def key(self, row: int) -> str:
        return self._rows[row][0]

    def row_of(self, key: str) -> int | None:
        return self._row_of.get(key)

    def refresh_key(self, key: str) -> None:
        row = self._row_of.get(key)
        if row is not None:
            self.dataChanged.emit(self.index(row, STATUS), self.index(row, NOTE))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == NOTE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, ref, text, is_item = self._rows[index.row()]
        col = index.column()
        if role == KEY_ROLE:
            return key
        answer = self.session.answer(key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == REF:
                return ref
            if col == TEXT:
                return text
            if col == STATUS:
                return status_label(answer.status) if answer.status else "—"
            return answer.note
        if role == Qt.ItemDataRole.FontRole and is_item and col in (REF, TEXT):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and col == STATUS:
            return STATUS_COLOURS[answer.status]
        if role == Qt.ItemDataRole.BackgroundRole and col == STATUS:
            return STATUS_BACKGROUNDS.get(answer.status)
        if role == Qt.ItemDataRole.ToolTipRole and col == TEXT:
            return text
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != NOTE or role != Qt.ItemDataRole.EditRole:
            return False
        key = self.key(index.row())
        note = str(value).strip()
        if note != self.session.answer(key).note:
            text = self.tr("Note on %1").replace("%1", key)
            self.session.set_answer(key, note=note, text=text)
        return True


def prepare_checklist_table(view: QTableView) -> QTimer:
    """Set up a four-column checklist table (ref, text, status, note): row selection, word
    wrap, no sideways scrolling, the text column stretching. Returns the timer that fits the
    row heights to the wrapped text shortly after a resize."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    view.setWordWrap(True)
    view.setTabKeyNavigation(False)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(REF, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Fixed)
    timer = QTimer(view)
    timer.setSingleShot(True)
    timer.setInterval(60)
    timer.timeout.connect(view.resizeRowsToContents)
    return timer


def fit_checklist_columns(view: QTableView, status_padding: int) -> None:
    """Status column as wide as its longest choice; the note a quarter of the width. Called
    at set-up and on every resize."""
    metrics = view.fontMetrics()
    view.setColumnWidth(
        STATUS, metrics.horizontalAdvance("部分符合 Partly met") // 2 + status_padding
    )
    view.setColumnWidth(NOTE, max(160, view.viewport().width() // 4))


class ChecklistView(QTableView):
    """The checklist table; status keys set and advance, Enter edits the note."""

    status_keyed = Signal(int, str)  # row, status
    end_reached = Signal()

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName("checklist")
        self._rows_timer = prepare_checklist_table(self)
        self._fit_columns()

    def checklist(self) -> ChecklistModel:
        model = self.model()
        assert isinstance(model, ChecklistModel)
        return model

    def _fit_columns(self) -> None:
        fit_checklist_columns(self, 24)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()
        self._rows_timer.start()

    def reset_rows(self) -> None:
        """After a new clause: fit the row heights to the wrapped text and select line one."""
        self.resizeRowsToContents()
        if self.checklist().rowCount():
            self.selectRow(0)
            self.scrollToTop()

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def go_to_row(self, row: int) -> None:
        if 0 <= row < self.checklist().rowCount():
            self.setCurrentIndex(self.checklist().index(row, TEXT))
            self.scrollTo(self.currentIndex())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        row = self.current_row()
        if plain and key in STATUS_KEYS and row >= 0:
            status = STATUS_KEYS[key]
            self.status_keyed.emit(row, status)
            if row + 1 < self.checklist().rowCount():
                self.go_to_row(row + 1)
            else:
                self.end_reached.emit()
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row >= 0:
            self.setCurrentIndex(self.checklist().index(row, NOTE))
            self.edit(self.currentIndex())
            return
        super().keyPressEvent(event)


__all__ = ["STATUSES", "ChecklistModel", "ChecklistView"]
