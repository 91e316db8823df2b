"""A clause's items and sub-items as a checklist: status and note per line, keyboard first.

Keys in the list: 1 met, 2 partly met, 3 not met, 4 not applicable, 0 / Delete clear; each
sets the status of the selected line and moves to the next. Enter edits the note. The table
itself is the kit's rating table, shared with the leader competencies.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from dtbench.diagnosis.scale import STATUSES, UNANSWERED
from dtbench.ui.diagnosis.session import NOTE as NOTE_FIELD
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.rating_table import RatingModel, RatingTable

STATUS_KEYS = {
    Qt.Key.Key_1: "met",
    Qt.Key.Key_2: "partly",
    Qt.Key.Key_3: "not_met",
    Qt.Key.Key_4: "na",
    Qt.Key.Key_0: UNANSWERED,
    Qt.Key.Key_Delete: UNANSWERED,
    Qt.Key.Key_Backspace: UNANSWERED,
}


class ChecklistModel(RatingModel):
    """The clause's lines with the answers of the session's round (a note a cancelled
    conflict left unsaved: the session's draft of the line's "note")."""

    def __init__(self, session: DiagnosisSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.conflict_kept.connect(self._kept)

    def _kept(self, key: str, name: str, _value: object) -> None:
        if name == NOTE_FIELD:
            self.refresh_key(key)

    def draft_note(self, key: str) -> str | None:
        draft = self.session.draft(key, NOTE_FIELD)
        return None if draft is None else str(draft.value or "")

    def forget_draft(self, key: str) -> None:
        self.session.drop_draft(key, NOTE_FIELD)

    def rating(self, key: str) -> tuple[str, str]:
        answer = self.session.answer(key)
        return answer.status, answer.note

    def editing(self, key: str) -> None:
        self.session.editing_answer(key)

    def save_note(self, key: str, note: str) -> None:
        text = self.tr("Note on %1").replace("%1", key)
        self.session.set_answer(key, note=note, text=text)


class ChecklistView(RatingTable):
    """The checklist table; status keys set and advance, Enter edits the note."""

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(model, STATUS_KEYS, 24, parent)
        self.setObjectName("checklist")

    def checklist(self) -> ChecklistModel:
        model = self.model()
        assert isinstance(model, ChecklistModel)
        return model


__all__ = ["STATUSES", "ChecklistModel", "ChecklistView"]
