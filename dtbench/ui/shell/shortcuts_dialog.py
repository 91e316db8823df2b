"""Help ▸ Keyboard shortcuts: every key of the application in one searchable list.

The menus' keys are read from their actions when the dialog opens, so the list cannot fall
behind a shortcut added or changed; the keys that belong to one view (the checklist's status
keys, a date's calendar…) have no action and are listed in ``view_keys``. Key names are
written the same in every language ("Ctrl+Enter", "Alt+Left").
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.ui.kit.labels import without_access_key
from dtbench.ui.kit.window_fit import resize_within_screen


def key_text(sequence: QKeySequence) -> str:
    """A key as menus show it ("Ctrl+Shift+E")."""
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def menu_keys(bar: QMenuBar) -> Iterator[tuple[str, str, str]]:
    """(keys, what, where) for every action of the menus that has a shortcut; ``where`` is
    the menu's path ("File", "File ▸ Recent databases")."""

    def walk(menu: QMenu, path: str) -> Iterator[tuple[str, str, str]]:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                yield from walk(sub, f"{path} ▸ {without_access_key(sub.title())}")
            elif action.shortcuts():
                keys = " / ".join(key_text(s) for s in action.shortcuts())
                yield keys, without_access_key(action.text()).rstrip("…").strip(), path

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            yield from walk(menu, without_access_key(menu.title()))


class ShortcutsDialog(QDialog):
    """The keys, with a filter: typing narrows the list to the rows that contain the text."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcuts_filter")
        self.filter.setPlaceholderText(self.tr("Search a key or a command"))
        self.filter.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Search:"), self)
        label.setBuddy(self.filter)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Keys"), self.tr("Command"), self.tr("Where")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        rows = [*menu_keys(bar), *self.view_keys()]
        self.table.setRowCount(len(rows))
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._narrow)
        resize_within_screen(self, 720, 520)

    def view_keys(self) -> list[tuple[str, str, str]]:
        """(keys, what, where) of the keys a view handles itself, in the UI's language."""
        steps, diagnosis, scope = (
            self.tr("Engagement steps"),
            self.tr("Diagnosis checklist"),
            self.tr("Scope"),
        )
        dates, fields, engagements = (
            self.tr("Date fields"),
            self.tr("Text fields"),
            self.tr("Engagement list"),
        )
        lists = self.tr("Plan lists")
        return [
            ("Ctrl+F", self.tr("Search the engagements; Down goes into the list"), engagements),
            ("Enter", self.tr("In the search: open the engagement found"), engagements),
            ("Ctrl+1 … Ctrl+9", self.tr("Go to step 1 to 9"), steps),
            ("Ctrl+0", self.tr("Go to the guide"), steps),
            ("Up / Down", self.tr("Walk the steps (the keyboard stays in the list)"), steps),
            ("Enter / Tab", self.tr("Go into the step's page"), steps),
            ("Ctrl+PgDown / Ctrl+PgUp", self.tr("Next / previous step, from the step list"), steps),
            ("1", self.tr("Met, then the next item"), diagnosis),
            ("2", self.tr("Partly met, then the next item"), diagnosis),
            ("3", self.tr("Not met, then the next item"), diagnosis),
            ("4", self.tr("Not applicable, then the next item"), diagnosis),
            ("0 / Del / Backspace", self.tr("Clear the status"), diagnosis),
            ("Enter", self.tr("Write the item's note (Enter again saves it)"), diagnosis),
            ("Ctrl+PgDown / Ctrl+PgUp", self.tr("Next / previous clause"), diagnosis),
            ("Alt+K", self.tr("Back to the checklist"), diagnosis),
            ("Alt+L / Alt+G", self.tr("Current level / target level of the clause"), diagnosis),
            ("Ctrl+H", self.tr("The clause's history; restore a value"), diagnosis),
            ("Space", self.tr("Take the clause or area in or out of scope"), scope),
            ("0–9", self.tr("Type the clause's weight (Enter saves)"), scope),
            ("Alt+Down / F4", self.tr("Open the calendar"), dates),
            ("Del / Backspace", self.tr("On the whole date: not set"), dates),
            ("Ctrl+Ins", self.tr("Add an entry after the selected one"), lists),
            ("Alt+Up / Alt+Down", self.tr("Move the entry up / down"), lists),
            ("Del", self.tr("In the list: remove the selected entry"), lists),
            ("Ctrl+H", self.tr("History of the selected entry; restore a value"), lists),
            ("Ctrl+Z", self.tr("Undo the typing in the field first, then the last change"), fields),
        ]

    def _row(self, row: int) -> tuple[str, str, str]:
        keys, what, where = (self.table.item(row, c) for c in range(3))
        assert keys is not None and what is not None and where is not None
        return keys.text(), what.text(), where.text()

    def rows(self) -> list[tuple[str, str, str]]:
        """The rows shown (the filter applied)."""
        return [self._row(r) for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]

    def _narrow(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.table.rowCount()):
            line = " ".join(self._row(row)).casefold()
            self.table.setRowHidden(row, bool(wanted) and wanted not in line)
