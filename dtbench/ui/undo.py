"""Undo commands: each applies a change through a service and knows its inverse."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from dtbench.engagement.records import Profile
from dtbench.lazy import lazy_module
from dtbench.store.errors import StoreError

if TYPE_CHECKING:
    from dtbench.engagement import service
    from dtbench.store.database import Store
else:
    service = lazy_module("dtbench.engagement.service")


class SetFieldCommand(QUndoCommand):
    """Set one profile field; undo sets the previous value back (both saved at once)."""

    def __init__(
        self,
        store: Store,
        uuid: str,
        field: str,
        old: Any,
        new: Any,
        text: str,
        on_done: Callable[[Profile], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__(text)
        self._store = store
        self._uuid = uuid
        self.field = field
        self._old = old
        self._new = new
        self._on_done = on_done
        self._on_error = on_error

    def _apply(self, value: Any) -> None:
        try:
            _previous, profile = service.set_field(self._store, self._uuid, self.field, value)
        except (StoreError, ValueError, service.NotFoundError) as exc:
            # Nothing was written: drop the command so the stack matches the database.
            self.setObsolete(True)
            self._on_error(exc)
            return
        self._on_done(profile)

    def redo(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)
