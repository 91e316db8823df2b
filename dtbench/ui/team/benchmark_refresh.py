"""Keeps the open database's firm-benchmark entries in step with the diagnoses: after a
change of answers, levels, scope, rounds or profile of an engagement, its anonymised entry is
written again (or removed) a moment later, once per burst of edits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from dtbench.engagement.errors import NotFoundError
from dtbench.errors import UserError
from dtbench.ui.kit.changes import DIAGNOSIS, PROFILE, ChangeHub, Changes

if TYPE_CHECKING:
    from dtbench.store.database import Store

# A burst of answers is one refresh: scoring the round and writing the entry costs a few
# milliseconds, but not on every key press.
DELAY_MS = 1500
KINDS = DIAGNOSIS | {PROFILE}


class BenchmarkRefresher(QObject):
    """Refreshes the entries of the database its parent (the main window) has open as its
    ``store``; it holds no reference to the parent, so closing the window frees it."""

    def __init__(self, hub: ChangeHub, parent: QObject) -> None:
        super().__init__(parent)
        self._due: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.run)
        hub.changed.connect(self._heard)

    def _heard(self, changes: Changes, _source: object) -> None:
        if changes.engagement and not changes.kinds.isdisjoint(KINDS):
            self._due.add(changes.engagement)
            self._timer.start()

    def run(self) -> None:
        """Refresh the entries now (the timer calls it; so may a test)."""
        from sqlalchemy.exc import SQLAlchemyError  # loaded with the store by then

        from dtbench.team import benchmark

        due, self._due = self._due, set()
        store: Store | None = getattr(self.parent(), "store", None)
        if store is None or store.read_only:
            return
        for uuid in sorted(due):
            try:
                benchmark.refresh(store, uuid)
            except (UserError, NotFoundError, SQLAlchemyError):
                # gone, the database cannot be written, or the server cannot be reached: the
                # entry is brought up to date by the next change or `dtbench benchmark refresh`
                continue

    def finish(self) -> None:
        """Before the database is closed (another opened, the window closed): refresh what is
        due now, and nothing later."""
        self._timer.stop()
        if self._due:
            self.run()
