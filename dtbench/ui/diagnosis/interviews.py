"""The interview in progress on the Diagnosis step: a combo to pick it (what is recorded
meanwhile is kept as what that interview said) and the line under a clause's title naming
the interviews that covered it and the items on which they disagreed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from dtbench.diagnosis.interviews import covering, disagreements
from dtbench.guide import Clause
from dtbench.plan.records import Fieldwork
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.fit_combo import FitCombo
from dtbench.ui.kit.scale_labels import status_label


def interview_title(record: Fieldwork) -> str:
    """The interview as the combo lists it: "王建国 · 2026-06-03 09:30"."""
    when = " ".join(
        part
        for part in (
            record.held_on.isoformat() if record.held_on else "",
            record.starts.strftime("%H:%M") if record.starts else "",
        )
        if part
    )
    return f"{record.subject} · {when}" if when else record.subject


class InterviewPicker(QWidget):
    """Label and combo: none, or one of the engagement's interviews not cancelled."""

    def __init__(self, session: DiagnosisSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.label = QLabel(self)
        self.combo = FitCombo(self)  # never cuts the interview's name in a narrow window
        self.combo.setObjectName("interview_in_progress")
        self.label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.combo.activated.connect(
            lambda index: session.set_interview(str(self.combo.itemData(index) or ""))
        )
        session.interviews_changed.connect(self.fill)
        self.retranslate()

    def fill(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("(none)"), "")
        for uuid, record in self.session.interviews.items():
            if record.status != "cancelled" or uuid == self.session.interview:
                self.combo.addItem(interview_title(record), uuid)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self.session.interview)))
        self.combo.blockSignals(False)
        self.combo.setToolTip(
            self.tr("What you record while an interview is picked is kept as what it said.")
        )

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Interview:"))
        self.fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def heard_line(session: DiagnosisSession, clause: Clause) -> str:
    """The interviews that covered ``clause`` and the items they disagree on, e.g.
    "Interviews: 王建国 (2026-06-03), 刘海峰 — 7.3.1.b differs: Met / Not met"; "" when no
    interview said anything of it."""
    known = session.interviews
    heard = session.data.heard
    who = covering(heard, clause, known)
    if not who:
        return ""

    def name(uuid: str) -> str:
        record = known[uuid]
        return (
            QCoreApplication.translate("InterviewPicker", "%1 (%2)")
            .replace("%1", record.subject)
            .replace("%2", record.held_on.isoformat())
            if record.held_on
            else record.subject
        )

    line = QCoreApplication.translate("InterviewPicker", "Interviews: %1").replace(
        "%1", QCoreApplication.translate("InterviewPicker", ", ").join(map(name, who))
    )
    splits = [
        QCoreApplication.translate("InterviewPicker", "%1 differs: %2")
        .replace("%1", split.key)
        .replace("%2", " / ".join(dict.fromkeys(status_label(s) for _u, s in split.statuses)))
        for split in disagreements(heard, clause, known)
    ]
    if not splits:
        return line
    between = QCoreApplication.translate("InterviewPicker", "; ")
    return f"{line} — {between.join(splits)}"
