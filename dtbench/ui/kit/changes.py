"""Change notices: every operation that changes data says what it changed.

After an edit, an import, a questionnaire applied, a restore, an undo or a redo, the shell
publishes one :class:`Changes` on its :class:`ChangeHub`; the open sessions and views decide
from it whether they show anything that changed, and reload themselves (as Anki's
``OpChanges`` and ``on_operation_did_execute`` do). Nobody refreshes someone else's cache.

``source`` is who made the change: a session that has already updated its own cache from
the edit ignores notices it sent itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

# What a change can touch.
ENGAGEMENTS = "engagements"  # the engagement list: created, removed, renamed, restored
PROFILE = "profile"  # a client profile's fields
ROUNDS = "rounds"  # assessment rounds added or removed
ANSWERS = "answers"  # checkpoint answers (status, note)
CLAUSES = "clauses"  # clause levels, findings, interviewees
EVIDENCE = "evidence"  # evidence files of clauses
SCOPE = "scope"  # clauses in or out of scope, weights
PLAN = "plan"  # strategy, roadmap, KPIs, leadership, organization and culture records
TEMPLATES = "templates"  # the template library

KINDS = frozenset(
    (ENGAGEMENTS, PROFILE, ROUNDS, ANSWERS, CLAUSES, EVIDENCE, SCOPE, PLAN, TEMPLATES)
)
DIAGNOSIS = frozenset((ROUNDS, ANSWERS, CLAUSES, EVIDENCE, SCOPE))


@dataclass(frozen=True)
class Changes:
    """What one operation changed: in ``engagement`` (None: in any engagement, such as a
    database restored from a backup), the records of ``kinds``."""

    engagement: str | None
    kinds: frozenset[str]

    def __post_init__(self) -> None:
        unknown = self.kinds - KINDS
        if unknown:
            raise ValueError(f"unknown kinds of change: {sorted(unknown)}")

    @classmethod
    def of(cls, engagement: str | None, *kinds: str) -> Changes:
        return cls(engagement, frozenset(kinds))

    @classmethod
    def everything(cls) -> Changes:
        """Every record of every engagement (another database, a restored backup)."""
        return cls(None, KINDS)

    def touches(self, engagement: str, kinds: Iterable[str]) -> bool:
        """Whether a view of ``engagement`` showing records of ``kinds`` is out of date."""
        if self.engagement is not None and self.engagement != engagement:
            return False
        return not self.kinds.isdisjoint(kinds)


class ChangeHub(QObject):
    """Where change notices are published and heard (one per main window)."""

    changed = Signal(object, object)  # Changes, source (the object that made them, or None)

    def publish(self, changes: Changes, source: object = None) -> None:
        if changes.kinds:
            self.changed.emit(changes, source)
