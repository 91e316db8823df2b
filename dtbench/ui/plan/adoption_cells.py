"""The typed notes of a table of adoptions (the strategy's principles and criteria, the
culture's targets and measures): each row a code ticked at column 0 (its code in the
item's data), its note in the last column, the table one field of a plan value.

A note a cancelled conflict left unsaved is kept per cell (``DraftCells``: the draft of
``field/<code>/note``), shown marked through colleagues' change notices, and saved (asked
about) again with the next change of its table or when the page is left."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from dtbench.plan.records import Adoption
from dtbench.ui.kit.autosave import commit_open_editor
from dtbench.ui.kit.drafts import DraftCells
from dtbench.ui.plan.session import PlanSession, field_path

KEY_ROLE = Qt.ItemDataRole.UserRole


class AdoptionCells(DraftCells):
    """The note cells of ``table``, field ``field`` of plan record ``key``; ``closed``: the
    page shows the table again (an editor closed)."""

    def __init__(
        self,
        session: PlanSession,
        table: QTableWidget,
        key: str,
        field: str,
        closed: Callable[[], None],
    ) -> None:
        self.field = field
        self.tries = 0  # saves of the table tried (flush: one at most)
        super().__init__(session, table, key, self.note_path, closed)

    def _code(self, row: int) -> str:
        check = self.table.item(row, 0)
        return "" if check is None else str(check.data(KEY_ROLE))

    def note_path(self, row: int, column: int) -> str:
        """Where the note of ``row`` is kept in the record ("" for another column)."""
        code = self._code(row)
        if column != self.table.columnCount() - 1 or not code:
            return ""
        return field_path(self.field, code, "note")

    def entries(self, stored: Mapping[str, Adoption]) -> tuple[dict[str, Adoption], bool]:
        """The adoptions as the table shows them (a note kept as a draft too), and whether
        a draft typed back to what is stored was dropped (its mark must go)."""
        note_col = self.table.columnCount() - 1
        entries: dict[str, Adoption] = {}
        dropped = False
        for row in range(self.table.rowCount()):
            check, note = self.table.item(row, 0), self.table.item(row, note_col)
            code = self._code(row)
            if check is None or not code:
                continue
            entry = Adoption(
                adopted=check.checkState() == Qt.CheckState.Checked,
                note="" if note is None else note.text().strip(),
            )
            path = self.note_path(row, note_col)
            if (
                self.session.draft(self.key, path)
                and entry.note == stored.get(code, Adoption()).note
            ):
                self.session.drop_draft(self.key, path)  # typed back: nothing to save
                dropped = True
            if entry != Adoption():
                entries[code] = entry
        return entries, dropped

    def typed(self, stored: Mapping[str, Adoption], changed: QTableWidgetItem | None) -> str:
        """The path of the note just typed in ``changed`` ("" for a tick, or a note saying
        what is stored): the typing a save keeps as a draft when a conflict is cancelled."""
        if changed is None or changed.column() != self.table.columnCount() - 1:
            return ""
        code = self._code(changed.row())
        if changed.text().strip() == stored.get(code, Adoption()).note:
            return ""
        return self.note_path(changed.row(), changed.column())

    def flush(self, save: Callable[[QTableWidgetItem | None], None]) -> None:
        """Save a note being typed, or else a note kept as a draft (asked about again):
        ``save(cell)`` saves the table as shown, ``cell`` the note typed."""
        tries = self.tries
        commit_open_editor(self.table)
        held = self.held()
        if not held or self.tries != tries:  # nothing kept, or saved (asked about) just now
            return
        note_col = self.table.columnCount() - 1
        for row in range(self.table.rowCount()):
            if self.note_path(row, note_col) == held[0]:
                save(self.table.item(row, note_col))
                return
