"""Undo commands: each applies a change through a service and knows its inverse."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from dtbench.engagement.records import Profile
from dtbench.errors import UserError
from dtbench.lazy import lazy_module
from dtbench.ui.kit.changes import ChangeHub, Changes
from dtbench.ui.kit.conflicts import Unresolved
from dtbench.ui.kit.errors import describe

if TYPE_CHECKING:
    from dtbench.engagement import service
    from dtbench.store.database import Store
else:
    service = lazy_module("dtbench.engagement.service")

TYPING_ID = 1  # QUndoCommand.id() of an edit that typing made
MERGE_SECONDS = 60.0  # typing in one field within this long of the last save: one undo step


class _Typing:
    """Saves of one field while the consultant types (after each pause, on leaving it) merge
    into one undo step: Ctrl+Z takes back the whole burst, not its last half second."""

    merge_key: str
    _last: float

    def _typing_id(self) -> int:
        return TYPING_ID if self.merge_key else -1

    def _mergeable(self, other: object) -> bool:
        return (
            isinstance(other, _Typing)
            and bool(self.merge_key)
            and other.merge_key == self.merge_key
            and other._last - self._last <= MERGE_SECONDS
        )


class SetFieldCommand(_Typing, QUndoCommand):
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
        typing: bool = False,
    ) -> None:
        super().__init__(text)
        self._store = store
        self._uuid = uuid
        self.field = field
        self._old = old
        self._new = new
        self._on_done = on_done
        self._on_error = on_error
        self.merge_key = f"{uuid}:{field}" if typing else ""
        self._last = time.monotonic()

    def id(self) -> int:
        return self._typing_id()

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetFieldCommand) and self._mergeable(other)):
            return False
        self._new, self._last = other._new, other._last
        # typed and taken back (the field's own undo): no step left to undo
        self.setObsolete(self._new == self._old)
        return True

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


class CallCommand(_Typing, QUndoCommand):
    """A change made by calling a service; undo calls its inverse.

    ``redo_fn``/``undo_fn`` write to the database; ``after`` refreshes the view. A failure
    (nothing written) makes the command obsolete and is reported through ``on_error``.
    ``merge_key``: consecutive saves of the same typed field (the same key) become one undo
    step.
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
        self._last = time.monotonic()

    def id(self) -> int:
        return self._typing_id()

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, CallCommand) and self._mergeable(other)):
            return False
        self._redo, self._last = other._redo, other._last  # undo still goes back to the start
        return True

    def _run(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except Unresolved:
            # the consultant cancelled a conflict: nothing saved, nothing to report (the page
            # keeps what they typed)
            self.setObsolete(True)
        except (UserError, ValueError, LookupError, OSError) as exc:
            self.setObsolete(True)
            self._on_error(exc)
        self._after()

    def redo(self) -> None:
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)


class StackedEdits:
    """For a session (a QObject with an undo ``stack``, a change ``hub``, the ``engagement``
    it shows and an ``error`` signal): each edit is pushed as a :class:`CallCommand`; after
    it, and after each undo and redo, the session's own cache is refreshed (``after``) and a
    change notice of ``kinds`` is published for everyone else. An edit that fails is
    reported through ``error``."""

    stack: QUndoStack
    hub: ChangeHub | None
    engagement: str
    error: Any  # the subclass's Signal(str)

    def _push(
        self,
        text: str,
        redo: Callable[[], object],
        undo: Callable[[], object],
        after: Callable[[], None],
        kinds: tuple[str, ...],
        merge_key: str = "",
    ) -> None:
        changes = Changes.of(self.engagement, *kinds)

        def refreshed() -> None:
            after()
            if self.hub is not None:
                self.hub.publish(changes, self)

        self.stack.push(CallCommand(text, redo, undo, refreshed, self._failed, merge_key))

    def _failed(self, exc: Exception) -> None:
        self.error.emit(describe(exc))
