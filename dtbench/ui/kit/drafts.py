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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from dtbench.ui.kit.autosave import Autosave
from dtbench.ui.kit.conflicts import Draft, mark_unsaved


def unsaved_tip() -> str:
    """The marked field's tooltip."""
    return QCoreApplication.translate(
        "PlanDrafts",
        "Not saved: someone else changed this meanwhile. Leave the field to choose again.",
    )


class KeepsDrafts(Protocol):
    """A session keeping the drafts of its records (plan, diagnosis)."""

    def draft(self, key: str, field: str) -> Draft | None: ...


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
