"""Someone else saved the same field meanwhile: both versions side by side, and a choice.

"Theirs — author, local time" and "Yours (not saved yet)" verbatim, side by side, growing
with the dialog (times on this computer's clock, as History shows them); Keep mine, Take
theirs, or Merge… (an editable text prefilled with a line-level merge of what the view showed,
theirs and mine, the parts both changed one after the other between clear marks). Cancel
(Esc) saves nothing: the page keeps the typed text in its field. Levels and statuses (a
checkpoint's 1/2/3 keys) come in a compact form with the same buttons, without Merge.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dtbench.guide.model import fill
from dtbench.store.conflicts import EditConflict, FieldConflict, merge_text
from dtbench.ui.kit.conflicts import Resolver
from dtbench.ui.kit.scale_labels import level_label, status_label
from dtbench.ui.kit.times import local_time
from dtbench.ui.kit.window_fit import resize_within_screen

LEVEL_FIELDS = ("current", "target")


def _is_text(conflict: FieldConflict) -> bool:
    return (
        conflict.field not in ("status", *LEVEL_FIELDS)
        and isinstance(conflict.mine, str)
        and isinstance(conflict.theirs, str)
    )


class ConflictDialog(QDialog):
    """Both versions of the fields both sides changed; ``choice`` after it closes: field →
    value to save (mine, theirs or merged), or None when cancelled."""

    def __init__(self, conflict: EditConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.conflict = conflict
        self.choice: dict[str, object] | None = None
        self.setWindowTitle(self.tr("Changed by someone else"))
        who = conflict.author or self.tr("someone else")
        when = local_time(conflict.at)  # this computer's clock, as History shows it
        intro = QLabel(self._intro(when), self)
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)

        theirs_title = (
            self.tr("Theirs — %1, %2").replace("%1", who).replace("%2", when)
            if when
            else self.tr("Theirs — %1").replace("%1", who)
        )
        if conflict.deleted:
            theirs_title = self.tr("Theirs — removed by %1").replace("%1", who)
        mine_title = self.tr("Yours (not saved yet)")
        self._theirs_title = theirs_title

        grid = QGridLayout()
        grid.setColumnStretch(0, 1)  # theirs and mine: side by side, equally wide
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid, 1)
        self._grid = grid
        self._merged_rows: list[int] = []  # stretched once the merged texts are shown
        self.theirs: dict[str, QWidget] = {}
        self.mine: dict[str, QWidget] = {}
        self.merged: dict[str, QPlainTextEdit] = {}
        row = 0
        for field in conflict.conflicts:
            name = self._field_name(field.field)
            if name:
                heading = QLabel(f"<b>{name}</b>", self)
                grid.addWidget(heading, row, 0, 1, 2)
                row += 1
            grid.addWidget(QLabel(theirs_title, self), row, 0)
            grid.addWidget(QLabel(mine_title, self), row, 1)
            row += 1
            theirs: QWidget
            mine: QWidget
            if _is_text(field):
                theirs = self._text_view(str(field.theirs), "theirs")
                mine = self._text_view(str(field.mine), "mine")
                merged = QPlainTextEdit(self)
                merged.setObjectName("merged")
                merged.setTabChangesFocus(True)
                merged.setPlainText(self._merge_of(field))
                merged.hide()
                self.merged[field.field] = merged
                grid.addWidget(theirs, row, 0)
                grid.addWidget(mine, row, 1)
                grid.addWidget(merged, row + 1, 0, 1, 2)
                grid.setRowStretch(row, 1)  # the panes take the room the dialog is given
                self._merged_rows.append(row + 1)
                row += 2
            else:
                theirs = self._value_view(field.field, field.theirs, "theirs")
                mine = self._value_view(field.field, field.mine, "mine")
                grid.addWidget(theirs, row, 0)
                grid.addWidget(mine, row, 1)
                row += 1
            self.theirs[field.field] = theirs
            self.mine[field.field] = mine

        buttons = QDialogButtonBox(self)
        self.keep_button = QPushButton(self.tr("&Keep mine"), self)
        self.keep_button.setObjectName("keep_mine")
        self.take_button = QPushButton(self.tr("&Take theirs"), self)
        self.take_button.setObjectName("take_theirs")
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        self.merge_button.setObjectName("merge")
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setText(self.tr("Cancel"))
        # a merge is of texts: levels and statuses are kept or taken
        self.merge_button.setVisible(bool(self.merged) and len(self.merged) == len(self.theirs))
        layout.addWidget(buttons)
        self.keep_button.clicked.connect(self.keep_mine)
        self.take_button.clicked.connect(self.take_theirs)
        self.merge_button.clicked.connect(self.merge)
        self.cancel_button.clicked.connect(self.reject)
        self.keep_button.setDefault(True)
        resize_within_screen(self, 860, 520 if self.merged else 260)

    # ------------------------------------------------------------ pieces
    def _intro(self, when: str) -> str:
        """Who changed what and when, on this computer's clock (the store's message says
        UTC)."""
        conflict = self.conflict
        if not (conflict.author and when):
            return conflict.message(lambda c, t: QCoreApplication.translate(c, t))
        text = self.tr("%1 changed %2 at %3 while you were editing it: your change is not saved.")
        return fill(text, conflict.author, conflict.details[1], when)

    def _field_name(self, field: str) -> str:
        names = {
            "findings": self.tr("Findings"),
            "interviewees": self.tr("Interviewees"),
            "note": self.tr("Note"),
            "status": self.tr("Status"),
            "current": self.tr("Current level"),
            "target": self.tr("Target level"),
        }
        if len(self.conflict.conflicts) == 1 and field in ("", "findings", "note"):
            return names.get(field, "")
        if field in names:
            return names[field]
        # a plan record's field: named as the merge screen names it, in the UI language
        from dtbench.team.labels import CONTEXT, FIELDS  # when a conflict shows, not before

        label = FIELDS.get(field)
        if label is None:
            return field.replace("_", " ")
        text = QCoreApplication.translate(CONTEXT, label)
        return text[:1].upper() + text[1:]

    def _text_view(self, text: str, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setObjectName(name)
        view.setPlainText(text)
        view.setReadOnly(True)
        view.setTabChangesFocus(True)
        return view

    def _value_view(self, field: str, value: object, name: str) -> QLabel:
        if self.conflict.deleted and name == "theirs":
            shown = self.tr("(removed)")
        elif field == "status":
            shown = status_label(str(value)) if value else self.tr("(not answered)")
        elif field in LEVEL_FIELDS:
            shown = level_label(value) if isinstance(value, int) else self.tr("(not set)")
        elif value is None:
            shown = self.tr("(none)")
        else:
            shown = str(value)
        label = QLabel(shown, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _merge_of(self, field: FieldConflict) -> str:
        labels = (
            self.tr("===== %1 =====").replace("%1", self._theirs_title),
            self.tr("===== %1 =====").replace("%1", self.tr("Yours")),
            self.tr("===== end ====="),
        )
        return merge_text(field.base, str(field.theirs), str(field.mine), labels)

    # ------------------------------------------------------------ choosing
    def keep_mine(self) -> None:
        self.choice = {f.field: f.mine for f in self.conflict.conflicts}
        self.accept()

    def take_theirs(self) -> None:
        self.choice = {f.field: f.theirs for f in self.conflict.conflicts}
        self.accept()

    def merge(self) -> None:
        """First press: show the merged text to edit; then: save it."""
        editors = list(self.merged.values())
        if editors[0].isHidden():
            for editor in editors:
                editor.show()
            for row in self._merged_rows:
                self._grid.setRowStretch(row, 1)
            self.merge_button.setText(self.tr("&Save merged"))
            self.merge_button.setDefault(True)
            editors[0].setFocus()
            return
        self.choice = {name: editor.toPlainText() for name, editor in self.merged.items()}
        self.accept()


def resolver(parent: Callable[[], QWidget | None]) -> Resolver:
    """Asks with the dialog over the window ``parent()`` gives."""

    def resolve(conflict: EditConflict) -> dict[str, object] | None:
        dialog = ConflictDialog(conflict, parent())
        try:
            dialog.exec()
            return dialog.choice
        finally:
            dialog.deleteLater()

    return resolve
