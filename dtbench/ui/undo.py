"""Undo commands: each applies a change through a service and knows its inverse."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from dtbench.engagement.records import Profile
from dtbench.errors import UserError
from dtbench.lazy import lazy_module
from dtbench.ui.errors import describe

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
        except (UserError, ValueError, LookupError) as exc:
            # Nothing was written: drop the command so the stack matches the database.
            self.setObsolete(True)
            self._on_error(exc)
            return
        self._on_done(profile)

    def redo(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)


class CallCommand(QUndoCommand):
    """A change made by calling a service; undo calls its inverse.

    ``redo_fn``/``undo_fn`` write to the database; ``after`` refreshes the view. A failure
    (nothing written) makes the command obsolete and is reported through ``on_error``.
    ``merge_id`` lets consecutive edits of the same text field become one undo step.
    """

    def __init__(
        self,
        text: str,
        redo_fn: Callable[[], object],
        undo_fn: Callable[[], object],
        after: Callable[[], None],
        on_error: Callable[[Exception], None],
        merge_key: str = "",
    ) -> None:
        super().__init__(text)
        self._redo = redo_fn
        self._undo = undo_fn
        self._after = after
        self._on_error = on_error
        self.merge_key = merge_key

    def _run(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except (UserError, ValueError, LookupError, OSError) as exc:
            self.setObsolete(True)
            self._on_error(exc)
        self._after()

    def redo(self) -> None:
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)


class StackedEdits:
    """For a session (a QObject with an undo ``stack`` and an ``error`` signal): each edit is
    pushed as a :class:`CallCommand`; one that fails is reported through ``error``."""

    stack: QUndoStack
    error: Any  # the subclass's Signal(str)

    def _push(
        self,
        text: str,
        redo: Callable[[], object],
        undo: Callable[[], object],
        after: Callable[[], None],
    ) -> None:
        self.stack.push(CallCommand(text, redo, undo, after, self._failed))

    def _failed(self, exc: Exception) -> None:
        self.error.emit(describe(exc))
