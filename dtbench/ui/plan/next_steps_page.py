"""The Next steps step: what happens after the proposal, and the decisions the client's
leadership is asked to take (the proposal's closing chapter)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from dtbench.plan.records import NextStep
from dtbench.ui.plan.record_editor import Field, RecordEditor
from dtbench.ui.plan.session import PlanSession


class NextStepsPage(QWidget):
    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.editor = RecordEditor(
            session,
            "next_step",
            self._fields(),
            lambda: NextStep(action=self.tr("New step")),
            lambda r: r.action,
            self,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.editor, 1)
        self.retranslate()

    def _fields(self) -> list[Field]:
        return [
            Field("action", self.tr("Action or decision"), "text", column=True),
            Field("decision", self.tr("Decision asked of the leadership"), "bool", column=True),
            Field("owner", self.tr("Owner"), "text", column=True),
            Field("due", self.tr("Due"), "date", column=True),
            Field("notes", self.tr("Notes"), "longtext"),
        ]

    def refresh(self) -> None:
        self.editor.refresh()

    def flush(self) -> None:
        self.editor.flush()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "What happens after the proposal. Mark the decisions the client's leadership "
                "is asked to take: the proposal lists them first, as a numbered request, then "
                "the next steps with their owners and dates."
            )
        )
        self.editor.relabel(self._fields())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
