"""Typing a conflict left unsaved, kept in a plan form (every plan page's typed fields).

When a colleague saved the same field meanwhile and the consultant cancels the conflict
dialog, the session keeps what they typed as a :class:`~dtbench.ui.kit.conflicts.Draft` of
that record's field. Each form, as it loads a typed field, asks :meth:`DraftFields.load`
first: the draft is shown instead of the stored value, marked as not saved, and held as
typing not saved yet, so leaving the field, changing record or leaving the page saves it
again (and, as its base is what the field showed when it was typed, asks again). A
colleague's change notice reloads the form without taking it away; another record shows
its own value, and coming back shows the draft again. Saved, or typed back to what is
stored, the mark goes. The diagnosis page does the same for a clause's findings and
interviewees (its session keeps the drafts of each clause of a round).

A table's typed cells (:class:`DraftCells`) do the same per cell: a cell's draft is kept by
the path of its part of the record (``field/row/column``), shown in the cell with an amber
frame, and a reload leaves a cell being typed in alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from dtbench.ui.kit.autosave import Autosave
from dtbench.ui.kit.conflicts import Draft, mark_unsaved

UNSAVED_ROLE = Qt.ItemDataRole.UserRole + 0x55  # a cell showing a draft: True
UNSAVED_FRAME = QColor(217, 119, 6)  # amber, as a marked field's border


def unsaved_tip() -> str:
    """The marked field's tooltip."""
    return QCoreApplication.translate(
        "PlanDrafts",
        "Not saved: someone else changed this meanwhile. Leave the field to choose again.",
    )


class KeepsDrafts(Protocol):
    """A session keeping the drafts of its records (plan, diagnosis)."""

    def draft(self, key: str, field: str) -> Draft | None: ...


class PinsTyping(KeepsDrafts, Protocol):
    """A session that also notes the base of typing in progress (the plan's)."""

    def editing(self, key: str, field: str) -> None: ...

    def drop_draft(self, key: str, field: str) -> None: ...


class DraftFields(QObject):
    """The typed fields of one form and the record each one shows."""

    def __init__(self, session: KeepsDrafts, autosave: Autosave) -> None:
        super().__init__(autosave)
        self.session = session
        self.autosave = autosave
        self._shows: dict[QWidget, str] = {}  # editor → the record key its text is of

    def load(self, key: str, name: str, editor: QWidget, put: Callable[[object], None]) -> bool:
        """Show field ``name`` of record ``key`` in ``editor``, called as the form loads
        (its autosave suspended). With a draft: ``put`` it (unless the editor already holds
        it, perhaps typed on), mark and hold it, and return True: the form leaves the field
        alone. Without: clear a mark and a hold left from a draft, and return False: the
        form shows the stored value as usual."""
        draft = self.session.draft(key, name) if key else None
        shown = self._shows.get(editor)
        self._shows[editor] = key
        if draft is not None:
            if not (shown == key and self.autosave.pending(editor)):
                put(draft.value)
            self.autosave.hold(editor)
            mark_unsaved(editor, unsaved_tip())
            return True
        if editor.property("unsaved") or (shown is not None and shown != key):
            # a hold is of the record shown: another record's text is never saved into this
            self.autosave.release(editor)
            mark_unsaved(editor, "")
        return False

    def discard(self) -> None:
        """The consultant discarded the drafts: a field showing one stops holding it (no
        later save writes it over the colleague's change) and loses its mark; the form's
        next load shows what is stored."""
        for editor in self._shows:
            if editor.property("unsaved"):
                self.autosave.release(editor)
                mark_unsaved(editor, "")


Index = QModelIndex | QPersistentModelIndex


class FramesDrafts(QStyledItemDelegate):
    """A delegate that frames in amber a cell showing a draft (its ``UNSAVED_ROLE``: True),
    as a marked field's border."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if index.data(UNSAVED_ROLE):
            painter.save()
            painter.setPen(QPen(UNSAVED_FRAME, 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()


class DraftCells(FramesDrafts):
    """The typed cells of ``table`` (its delegate), each one a part of record ``key``:
    ``path(row, column)`` names it (``field/row/column``; "" for a cell not typed into).

    Opening a cell's editor notes what the cell shows as the base of its save; closing it
    without a draft forgets that base again, then calls ``closed`` (the page shows the
    cell's draft, if a save just left one, marked). The page fills each typed cell with
    :meth:`put`, which leaves a cell being typed in alone and shows a draft instead of the
    stored text, marked (framed, :class:`FramesDrafts`); :meth:`held` lists the drafts to
    save again."""

    def __init__(
        self,
        session: PinsTyping,
        table: QTableWidget,
        key: str,
        path: Callable[[int, int], str],
        closed: Callable[[], None],
    ) -> None:
        super().__init__(table)
        self.session = session
        self.table = table
        self.key = key
        self.path = path
        self._closed = closed
        self._open: dict[QWidget, str] = {}  # editor → the path of its cell
        table.setItemDelegate(self)
        # after the view's own: the editor is no longer the cell's when ``closed`` reloads
        self.closeEditor.connect(self._editor_closed)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        path = self.path(index.row(), index.column())
        if path:  # what the cell shows now is its save's base (a reload leaves it alone)
            self.session.editing(self.key, path)
        editor = super().createEditor(parent, option, index)
        self._open[editor] = path
        return editor

    def _editor_closed(self, editor: QWidget, _hint: object = None) -> None:
        path = self._open.pop(editor, "")
        if path and self.session.draft(self.key, path) is None:
            self.session.drop_draft(self.key, path)  # nothing kept: no typing's base
        self._closed()

    def typing(self, row: int, column: int) -> bool:
        """Whether an editor is open on the cell (its text is being typed)."""
        return self.table.indexWidget(self.table.model().index(row, column)) is not None

    def put(self, row: int, column: int, stored: str) -> None:
        """Show ``stored`` in the cell, or its draft, marked; not while it is typed in."""
        if self.typing(row, column):
            return
        path = self.path(row, column)
        draft = self.session.draft(self.key, path) if path else None
        cell = QTableWidgetItem(stored if draft is None else str(draft.value or ""))
        if draft is not None:
            cell.setData(UNSAVED_ROLE, True)
            cell.setToolTip(unsaved_tip())
        self.table.setItem(row, column, cell)

    def held(self) -> list[str]:
        """The paths of the cells showing a draft (saved, and asked about, again)."""
        return [
            path
            for row in range(self.table.rowCount())
            for column in range(self.table.columnCount())
            if (path := self.path(row, column)) and self.session.draft(self.key, path)
        ]
