"""A clause's items and sub-items as a table to rate line by line, keyboard first: a reference,
the guide's text, a status and a note per line.

Digit keys set the status of the current line and move to the next one; Enter edits the note;
where the table offers a list of statuses (``offer_statuses``), Space, F2 or a click on a status
open it. The diagnosis checklist and the leader competencies (6.1.1) are such tables; each
says which keys mean which status and where the ratings are kept (a ``RatingModel``).

A note a cancelled conflict left unsaved (``draft_note``) is shown in its line instead of
the stored one, framed in amber with the "Not saved" tooltip, through colleagues' change
notices; typed back to what is stored it is forgotten, and ``RatingTable.flush`` saves it
again (asking again). A note's editor keeps what is typed in it while the lines reload.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from dtbench.guide import Clause
from dtbench.ui.kit.autosave import commit_open_editor
from dtbench.ui.kit.drafts import UNSAVED_ROLE, FramesDrafts, unsaved_tip
from dtbench.ui.kit.scale_labels import STATUS_BACKGROUNDS, STATUS_COLOURS, status_label

KEY_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # the status code of a line (the label is shown)
REF, TEXT, STATUS, NOTE = range(4)
ROWS_FIT_MS = 60  # row heights follow the wrapped text this long after a resize
_Index = QModelIndex | QPersistentModelIndex


class RatingModel(QAbstractTableModel):
    """The lines of one clause with their ratings; a subclass says where a line's status and
    note are kept (``rating``) and how a note typed in the table is saved (``save_note``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clause: Clause | None = None
        self._rows: list[tuple[str, str, str, bool]] = []  # key, ref, text, is item
        self._row_of: dict[str, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self.headers = ["", "", "", ""]
        self.status_editable = False  # set by a view offering the list of statuses
        self.saved: list[str] = []  # the lines whose note a typed note saved (flush: once)

    # ------------------------------------------------------------ for subclasses
    def rating(self, key: str) -> tuple[str, str]:
        """The status code ("" when not rated) and the note of the line ``key``."""
        raise NotImplementedError

    def save_note(self, key: str, note: str) -> None:
        """Save a note typed in the table (already stripped, and different from the stored)."""
        raise NotImplementedError

    def draft_note(self, key: str) -> str | None:
        """The note of line ``key`` a cancelled conflict left unsaved (None: none)."""
        return None

    def forget_draft(self, key: str) -> None:
        """Forget the draft of line ``key``'s note (typed back to what is stored)."""

    def held(self) -> list[str]:
        """The lines showing a note a cancelled conflict left unsaved."""
        return [key for key, *_rest in self._rows if self.draft_note(key) is not None]

    # ------------------------------------------------------------ lines
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

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def key(self, row: int) -> str:
        return self._rows[row][0]

    def row_of(self, key: str) -> int | None:
        return self._row_of.get(key)

    def refresh_key(self, key: str) -> None:
        """The rating of ``key`` changed: show it."""
        row = self._row_of.get(key)
        if row is not None:
            self.dataChanged.emit(self.index(row, STATUS), self.index(row, NOTE))

    def refresh_all(self) -> None:
        """Any rating may have changed (a range: an open editor keeps what is typed in it)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, STATUS), self.index(len(self._rows) - 1, NOTE))

    # ------------------------------------------------------------ the model
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
        if index.column() == NOTE or (index.column() == STATUS and self.status_editable):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, ref, text, is_item = self._rows[index.row()]
        col = index.column()
        if role == KEY_ROLE:
            return key
        status, note = self.rating(key)
        drafted = self.draft_note(key) if col == NOTE else None
        if drafted is not None:
            note = drafted  # not saved: shown, marked, instead of the stored note
            if role == UNSAVED_ROLE:
                return True
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{drafted}\n\n{unsaved_tip()}" if drafted else unsaved_tip()
        if role == STATUS_ROLE:
            return status
        if role == Qt.ItemDataRole.EditRole and col == NOTE:
            self.editing(key)  # the note's editor opens with what the line shows
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == REF:
                return ref
            if col == TEXT:
                return text
            if col == STATUS:
                return status_label(status) if status else "—"
            return note
        if role == Qt.ItemDataRole.FontRole and is_item and col in (REF, TEXT):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and col == STATUS:
            return STATUS_COLOURS[status]
        if role == Qt.ItemDataRole.BackgroundRole and col == STATUS:
            return STATUS_BACKGROUNDS.get(status)
        if role == Qt.ItemDataRole.ToolTipRole and col == TEXT:
            return text
        if role == Qt.ItemDataRole.ToolTipRole and col == NOTE and note:
            return note
        return None

    def editing(self, key: str) -> None:
        """A line's note is about to be edited (a subclass keeps what it showed)."""

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != NOTE or role != Qt.ItemDataRole.EditRole:
            return False
        key = self.key(index.row())
        note = str(value).strip()
        stored = self.rating(key)[1]
        drafted = self.draft_note(key)
        if drafted is not None and note == stored:
            self.forget_draft(key)  # typed back: nothing to save, the mark goes
            self.refresh_key(key)
        elif note != (stored if drafted is None else drafted):
            self.saved.append(key)
            self.save_note(key, note)
        return True


class NoteDelegate(FramesDrafts):
    """The note column: a note not saved framed in amber; an open editor filled once, when
    it opens (a reload of the lines leaves what is typed in it alone)."""

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if editor.property("filled"):
            return
        editor.setProperty("filled", True)
        super().setEditorData(editor, index)


class StatusDelegate(QStyledItemDelegate):
    """The status column's editor: a list of the statuses, open at once."""

    chosen = Signal(int, str)  # row, status

    def __init__(
        self, labels: Callable[[], list[tuple[str, str]]], name: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.labels = labels
        self.name = name

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName(self.name)
        for code, text in self.labels():
            combo.addItem(text, code)
        combo.activated.connect(lambda _i: self._finish(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(STATUS_ROLE) or "")))
        QTimer.singleShot(0, lambda: editor.showPopup() if editor.isVisible() else None)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        self.chosen.emit(index.row(), str(editor.currentData() or ""))

    def _finish(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)


class RatingTable(QTableView):
    """The table of a ``RatingModel``: ``status_keys`` set the current line's status and move
    on (``status_keyed``; ``end_reached`` after the last line); Enter edits the note."""

    status_keyed = Signal(int, str)  # row, status
    end_reached = Signal()

    def __init__(
        self,
        model: RatingModel,
        status_keys: Mapping[Qt.Key, str],
        status_padding: int,
        parent: QWidget | None = None,
    ) -> None:
        self._built = False  # updateGeometries() is called while the view is being set up
        super().__init__(parent)
        self.setModel(model)
        self.status_keys = dict(status_keys)
        self.status_padding = status_padding  # room beside the longest status label
        self.status_delegate: StatusDelegate | None = None
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(REF, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Fixed)
        # fits the row heights to the wrapped text shortly after a resize
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(ROWS_FIT_MS)
        self._rows_timer.timeout.connect(self.resizeRowsToContents)
        self.clicked.connect(self._clicked)
        self.setItemDelegateForColumn(NOTE, NoteDelegate(self))
        self._fit_columns()
        self._built = True

    def ratings(self) -> RatingModel:
        model = self.model()
        assert isinstance(model, RatingModel)
        return model

    def offer_statuses(
        self, labels: Callable[[], list[tuple[str, str]]], name: str
    ) -> StatusDelegate:
        """Let Space, F2 or a click on a status open a list of ``labels`` (code, text); the
        delegate's ``chosen`` says which was picked."""
        self.status_delegate = StatusDelegate(labels, name, self)
        self.ratings().status_editable = True
        self.setItemDelegateForColumn(STATUS, self.status_delegate)
        return self.status_delegate

    # ------------------------------------------------------------ layout
    def _fit_columns(self) -> None:
        """Status column as wide as its longest choice; the note a quarter of the width."""
        metrics = self.fontMetrics()
        self.setColumnWidth(
            STATUS, metrics.horizontalAdvance("部分符合 Partly met") // 2 + self.status_padding
        )
        self.setColumnWidth(NOTE, max(160, self.viewport().width() // 4))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()
        self._rows_timer.start()

    def updateGeometries(self) -> None:
        # The viewport narrows when the vertical scroll bar appears (more rows than fit, or
        # taller rows once the wrapped text is measured) without a resize of the view: the
        # columns follow it, or the table could be scrolled sideways by the bar's width.
        super().updateGeometries()
        if not self._built:
            return
        if self.columnWidth(NOTE) != max(160, self.viewport().width() // 4):
            self._fit_columns()

    def reset_rows(self, row: int = 0) -> None:
        """After new lines: fit the row heights to the wrapped text and go to line ``row``
        (the last one if there are fewer)."""
        self.resizeRowsToContents()
        count = self.ratings().rowCount()
        if count:
            self.go_to_row(min(max(row, 0), count - 1))

    # ------------------------------------------------------------ moving and keys
    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def go_to_row(self, row: int) -> None:
        if 0 <= row < self.ratings().rowCount():
            self.setCurrentIndex(self.ratings().index(row, TEXT))
            self.scrollTo(self.currentIndex())

    def _edit_status(self, index: QModelIndex) -> None:
        self.setCurrentIndex(index)
        self.edit(index)

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == STATUS and self.status_delegate is not None:
            self._edit_status(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        row = self.current_row()
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)  # a key the open editor passed on (Return)
            return
        if plain and key in self.status_keys and row >= 0:
            self.status_keyed.emit(row, self.status_keys[key])
            if row + 1 < self.ratings().rowCount():
                self.go_to_row(row + 1)
            else:
                self.end_reached.emit()
            return
        if (
            plain
            and key in (Qt.Key.Key_Space, Qt.Key.Key_F2)
            and row >= 0
            and self.status_delegate is not None
        ):
            self._edit_status(self.ratings().index(row, STATUS))
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row >= 0:
            self.setCurrentIndex(self.ratings().index(row, NOTE))
            self.edit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def commit_open_editor(self) -> None:
        """Save a note still being typed (the editor stays open)."""
        commit_open_editor(self)

    def flush(self) -> None:
        """Save a note still being typed, and each note a cancelled conflict left unsaved
        (asked about again) unless just saved."""
        model = self.ratings()
        model.saved.clear()
        self.commit_open_editor()
        for key in model.held():
            drafted = model.draft_note(key)
            if key in model.saved or drafted is None:
                continue
            if drafted == model.rating(key)[1]:
                model.forget_draft(key)  # says what is stored now: nothing to save
                model.refresh_key(key)
            else:
                model.saved.append(key)
                model.save_note(key, drafted)
