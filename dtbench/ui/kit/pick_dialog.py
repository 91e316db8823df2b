"""A dialog to pick rows from a list of suggestions with tick boxes: starter risks today,
and the shape the KPI starters and suggested initiatives share (a table whose first column
can be ticked, rows already taken shown but not tickable)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.ui.kit.window_fit import resize_within_screen


@dataclass(frozen=True)
class PickRow:
    """One suggestion: its cells (the first is ticked), a tooltip, and whether it is already
    taken (shown greyed, with ``taken_text`` in the last column)."""

    cells: tuple[str, ...]
    tooltip: str = ""
    taken: bool = False
    ticked: bool = False


class PickDialog(QDialog):
    """Tick the rows to accept; ``chosen()`` gives their indexes, in the list's order."""

    def __init__(
        self,
        title: str,
        intro: str,
        headers: Sequence[str],
        rows: Sequence[PickRow],
        accept_text: str,
        taken_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        resize_within_screen(self, 940, 560)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        self.table = QTableWidget(len(rows), len(headers), self)
        self.table.setObjectName("picks")
        self.table.verticalHeader().hide()
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for r, row in enumerate(rows):
            for c, text in enumerate(row.cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(row.tooltip)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if c == 0 and not row.taken:
                    cell.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
                    cell.setCheckState(
                        Qt.CheckState.Checked if row.ticked else Qt.CheckState.Unchecked
                    )
                elif row.taken:
                    cell.setFlags(Qt.ItemFlag.NoItemFlags)
                else:
                    cell.setFlags(flags)
                self.table.setItem(r, c, cell)
            last = self.table.item(r, len(headers) - 1)
            if row.taken and taken_text and last is not None:
                last.setText(taken_text)
        self.taken = [row.taken for row in rows]
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.accept_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.accept_button.setText(accept_text)
        # nothing ticked, nothing to accept: the button waits for a tick
        self.table.itemChanged.connect(lambda _item: self._update_accept())
        self._update_accept()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        # Space ticks the current row: the table has the focus, on the first row that can be.
        self.table.setFocus()
        first = next((r for r, taken in enumerate(self.taken) if not taken), -1)
        if first >= 0:
            self.table.setCurrentCell(first, 0)

    def tick(self, index: int, on: bool = True) -> None:
        cell = self.table.item(index, 0)
        if cell is not None and not self.taken[index]:
            cell.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _update_accept(self) -> None:
        self.accept_button.setEnabled(bool(self.chosen()))

    def chosen(self) -> list[int]:
        out = []
        for r in range(self.table.rowCount()):
            cell = self.table.item(r, 0)
            if (
                cell is not None
                and not self.taken[r]
                and cell.checkState() == Qt.CheckState.Checked
            ):
                out.append(r)
        return out
