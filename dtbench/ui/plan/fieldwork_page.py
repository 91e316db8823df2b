"""The Fieldwork step: who was interviewed, the workshops held, the sites visited and the
documents reviewed, on which the diagnosis rests; interviews can be drafted from the people
named as interviewees of the clauses."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from dtbench.plan import catalogue as cat
from dtbench.plan.fieldwork import draft_interviews
from dtbench.plan.records import Fieldwork
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.choices import option_pairs
from dtbench.ui.plan.record_editor import Field, RecordEditor
from dtbench.ui.plan.session import PlanSession


class FieldworkPage(QWidget):
    def __init__(
        self, session: PlanSession, diagnosis: DiagnosisSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.diagnosis = diagnosis
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.editor = RecordEditor(
            session,
            "fieldwork",
            self._fields(),
            lambda: Fieldwork(kind="interview", subject=self.tr("New interview")),
            lambda r: r.subject,
            self,
        )
        self.draft_button = QPushButton(self)
        self.draft_button.setObjectName("draft_interviews")
        self.draft_button.clicked.connect(self.draft)
        self.editor.extra_bar.insertWidget(4, self.draft_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.editor, 1)
        self.retranslate()

    def _fields(self) -> list[Field]:
        return [
            Field("subject", self.tr("Who / what"), "text", column=True),
            Field(
                "kind",
                self.tr("Kind"),
                "choice",
                lambda: option_pairs(cat.FIELDWORK_KINDS),
                column=True,
            ),
            Field("role", self.tr("Role, department / provided by"), "text", column=True),
            Field("held_on", self.tr("Date"), "date", column=True),
            Field("notes", self.tr("Topics and observations"), "longtext"),
            Field("clauses", self.tr("Clauses it informed"), "clauses"),
        ]

    def draft(self) -> int:
        """Add an interview for each person named as an interviewee of the clauses (of the
        round shown in the diagnosis) who is not in the register yet; one undo step."""
        existing = [i.record for i in self.session.items("fieldwork")]
        drafted = draft_interviews(self.diagnosis.data.clauses, existing)
        if not drafted:
            QMessageBox.information(
                self,
                self.tr("Draft interviews"),
                self.tr(
                    "Everyone named as an interviewee of the clauses is already in the "
                    "register (the interviewees are entered with each clause's findings)."
                ),
            )
            return 0
        self.session.add_many(
            list(drafted), self.tr("Draft %1 interviews").replace("%1", str(len(drafted)))
        )
        return len(drafted)

    def refresh(self) -> None:
        self.editor.refresh()

    def flush(self) -> None:
        self.editor.flush()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "What the diagnosis rests on: the people interviewed, the workshops held, the "
                "sites visited and the documents reviewed. The proposal lists them in its "
                "background chapter."
            )
        )
        self.draft_button.setText(self.tr("&Draft interviews from the diagnosis"))
        self.editor.relabel(self._fields())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
