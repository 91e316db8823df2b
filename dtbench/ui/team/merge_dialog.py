"""The merge screen: every conflict of a synchronisation side by side, field by field —
this computer's value and the server's, each with its author and time — and the choice per
row (a text may also be merged by hand). Nothing is written here: ``decisions()`` gives what
was chosen once the consultant confirms with Synchronise.

Keyboard: Tab goes from row to row, the arrow keys between its choices, Space chooses; Alt+M
keeps every value of this computer, Alt+S every value of the server; Enter confirms once every
row is decided.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dtbench.team.labels import field_label, record_label, value_text
from dtbench.team.sync import (
    MERGE,
    Conflict,
    Decision,
    SyncPlan,
)
from dtbench.team.sync import (
    MINE as KEEP_MINE,
)
from dtbench.team.sync import (
    THEIRS as KEEP_THEIRS,
)
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.kit.times import local_time
from dtbench.ui.kit.window_fit import resize_within_screen

MINE, THEIRS, MERGED = 0, 1, 2


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def stamp(author: str, at: datetime | None) -> str:
    """ "liwei, 12/6/26 9:29 PM": who and when, on this computer's clock as History shows it."""
    return ", ".join(p for p in (author, local_time(at)) if p)


class MergeBox(QPlainTextEdit):
    """The merged text: a few lines to begin with (the dialog opens no taller than its rows
    need), growing with the dialog when the consultant makes it taller."""

    LINES = 4

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        height = self.fontMetrics().lineSpacing() * self.LINES + margins.top() + margins.bottom()
        return QSize(hint.width(), height + 2 * int(self.document().documentMargin()))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class ConflictRow(QGroupBox):
    """One conflict: the two values, a choice between them, and for a text a merge."""

    def __init__(self, plan: SyncPlan, conflict: Conflict, parent: QWidget | None = None) -> None:
        title = f"{record_label(plan, conflict, _translate)} — {field_label(conflict, _translate)}"
        super().__init__(title, parent)
        self.conflict = conflict
        self.group = QButtonGroup(self)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        # This computer's side under the consultant's server login (what the server will
        # record), never the laptop's OS user.
        self.mine = QRadioButton(
            self.tr("This computer — %1").replace(
                "%1", stamp(plan.login or conflict.local_author, conflict.local_at)
            ),
            self,
        )
        self.theirs = QRadioButton(
            self.tr("Server — %1").replace("%1", stamp(conflict.server_author, conflict.server_at)),
            self,
        )
        self.group.addButton(self.mine, MINE)
        self.group.addButton(self.theirs, THEIRS)
        for row, (button, value) in enumerate(
            ((self.mine, conflict.local), (self.theirs, conflict.server))
        ):
            text = value_text(conflict, value, _translate, 2000, lang=ui_language(), plan=plan)
            shown = QLabel(text, self)
            shown.setWordWrap(True)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setBuddy(button)
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(shown, row, 1)
        self.merge: QPlainTextEdit | None = None
        if self.is_text(conflict):
            self.merged = QRadioButton(self.tr("Merged:"), self)
            self.group.addButton(self.merged, MERGED)
            self.merge = MergeBox(self)
            self.merge.setObjectName("merge")
            self.merge.setTabChangesFocus(True)
            self.merge.setPlainText(f"{conflict.local}\n{conflict.server}")
            self.merge.textChanged.connect(lambda: self.merged.setChecked(True))
            grid.addWidget(self.merged, 2, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.merge, 2, 1)

    @staticmethod
    def is_text(conflict: Conflict) -> bool:
        """Whether the two values may be merged as text: free text only, never a coded value
        (a status, a role, a date), which a merged string would make unreadable."""
        return conflict.mergeable  # the rule apply_sync checks too

    def choice(self) -> int:
        return self.group.checkedId()

    def choose(self, which: int) -> None:
        button = self.group.button(which)
        if button is not None:
            button.setChecked(True)

    def value(self) -> Any:
        which = self.choice()
        if which == MERGED and self.merge is not None:
            return self.merge.toPlainText()
        return self.conflict.local if which == MINE else self.conflict.server

    def decision(self) -> Decision:
        which = self.choice()
        if which == MERGED and self.merge is not None:
            return Decision(MERGE, self.merge.toPlainText())
        return Decision(KEEP_MINE if which == MINE else KEEP_THEIRS)


class MergeDialog(QDialog):
    """Decide each conflict; ``decisions()`` after ``exec()`` returned Accepted."""

    def __init__(self, plan: SyncPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Synchronise: conflicts"))
        self.plan = plan
        intro = QLabel(
            self.tr(
                "%1 fields were changed both here and on the server since the last "
                "synchronisation. Choose which value to keep, row by row. Nothing is written "
                "until you press Synchronise."
            ).replace("%1", str(len(plan.conflicts))),
            self,
        )
        intro.setWordWrap(True)
        body = QWidget(self)
        rows_layout = QVBoxLayout(body)
        self.rows = [ConflictRow(plan, c, body) for c in plan.conflicts]
        # A row with a text to merge takes the room the dialog has to spare (its merge box
        # grows); with none, the rows stay together at the top and the dialog fits them.
        for row in self.rows:
            rows_layout.addWidget(row, 1 if row.merge is not None else 0)
            row.group.idToggled.connect(self._update)
        if not any(row.merge is not None for row in self.rows):
            rows_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.all_mine = QPushButton(self.tr("Keep all &mine"), self)
        self.all_theirs = QPushButton(self.tr("Keep all the &server's"), self)
        self.all_mine.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs.clicked.connect(lambda: self.choose_all(THEIRS))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(self.tr("Synchronise"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        buttons.addButton(self.all_mine, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.all_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        # As tall as the rows need (no empty band under them), at most 680 and never more
        # than the screen: past that the rows scroll.
        self._update()  # the status line says what is left: measured with its text
        resize_within_screen(self, 980, 680)  # the width the screen allows, for the wrapping
        margins = layout.contentsMargins()
        inner = self.width() - margins.left() - margins.right()
        chrome = scroll.frameWidth() * 2 + margins.top() + margins.bottom()
        chrome += sum(w.sizeHint().height() + layout.spacing() for w in (self.status, buttons))
        chrome += intro.heightForWidth(inner) + layout.spacing()
        rows = rows_layout.totalHeightForWidth(inner - 2 * scroll.frameWidth())
        resize_within_screen(self, self.width(), min(680, rows + chrome))
        if self.rows:
            self.rows[0].mine.setFocus()

    def choose_all(self, which: int) -> None:
        for row in self.rows:
            row.choose(which)

    def undecided(self) -> int:
        return sum(1 for row in self.rows if row.choice() < 0)

    def _update(self, *_args: object) -> None:
        left = self.undecided()
        self.ok.setEnabled(left == 0)
        self.status.setText(self.tr("%1 still to decide.").replace("%1", str(left)) if left else "")

    def accept(self) -> None:
        if self.undecided():
            return
        super().accept()

    def decisions(self) -> dict[tuple[str, str], Decision]:
        """Conflict → how it is decided (only rows decided)."""
        return {row.conflict.key: row.decision() for row in self.rows if row.choice() >= 0}
