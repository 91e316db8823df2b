"""Typing is saved without the consultant thinking about it: after a short pause (as
note-taking applications do), when the field is left, and whenever the page is flushed
(changing clause or step, opening another engagement, exporting, closing the window).

A page registers each editor with the function that saves it; ``commit(final)`` compares with
what is stored and does nothing when they agree. ``final`` is False for a save after a pause
(the consultant may still be typing: a required field left empty for a moment is not an
error yet) and True when the field is left or the page flushed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

TEXT_IDLE_MS = 500  # a pause in typing this long saves what was typed

Commit = Callable[[bool], None]


class Autosave(QObject):
    """Saves the registered editors after a pause in typing, on leaving them, on flush()."""

    def __init__(self, parent: QObject, idle_ms: int = TEXT_IDLE_MS) -> None:
        super().__init__(parent)
        self.idle_ms = idle_ms
        self._commits: dict[QWidget, Commit] = {}
        self._timers: dict[QWidget, QTimer] = {}
        self._dirty: list[QWidget] = []
        self._began: dict[QWidget, Callable[[], None]] = {}
        self.suspended = False  # while a page loads its editors

    # ------------------------------------------------------------ registering
    def line(
        self, edit: QLineEdit, commit: Commit, began: Callable[[], None] | None = None
    ) -> None:
        """A one-line field (textEdited is the user's typing only, never a load); ``began``
        as for ``text``."""
        self._register(edit, commit)
        if began is not None:
            self._began[edit] = began
        edit.textEdited.connect(lambda _t: self.typed(edit))
        edit.editingFinished.connect(lambda: self.save(edit))
        # a text loaded into a field too narrow for it shows its start, not its last words
        # (setText puts the cursor at the end, also when the text stays the same)
        edit.cursorPositionChanged.connect(
            lambda _old, new: edit.home(False) if new and self.suspended else None
        )

    def spin(
        self, spin: QAbstractSpinBox, commit: Commit, began: Callable[[], None] | None = None
    ) -> None:
        """A spin box or date field: saved when typed into and paused, or left; ``began``
        as for ``text``."""
        self._register(spin, commit)
        if began is not None:
            self._began[spin] = began
        inner = spin.findChild(QLineEdit)
        if inner is not None:
            inner.textEdited.connect(lambda _t: self.typed(spin))
        spin.editingFinished.connect(lambda: self.save(spin))

    def text(
        self, edit: QPlainTextEdit, commit: Commit, began: Callable[[], None] | None = None
    ) -> None:
        """A multi-line field (its changes while the page loads are ignored). ``began`` is
        called when typing starts after a save: the page notes what the field showed then,
        the base its save is checked against (someone else may save meanwhile)."""
        self._register(edit, commit)
        if began is not None:
            self._began[edit] = began
        edit.textChanged.connect(lambda: None if self.suspended else self.typed(edit))
        edit.installEventFilter(self)

    def _register(self, widget: QWidget, commit: Commit) -> None:
        self._commits[widget] = commit
        timer = QTimer(widget)  # goes with its editor
        timer.setSingleShot(True)
        timer.setInterval(self.idle_ms)
        timer.timeout.connect(lambda: self._paused(widget))
        self._timers[widget] = timer
        widget.destroyed.connect(lambda _o=None: self._forget(widget))

    def _forget(self, widget: QWidget) -> None:
        self._commits.pop(widget, None)
        self._timers.pop(widget, None)
        self._began.pop(widget, None)
        if widget in self._dirty:
            self._dirty.remove(widget)

    # ------------------------------------------------------------ saving
    def typed(self, widget: QWidget) -> None:
        """``widget`` changed under the consultant's hands: save after the pause."""
        if widget not in self._dirty:
            self._dirty.append(widget)
            began = self._began.get(widget)
            if began is not None:
                began()
        self._timers[widget].start(self.idle_ms)

    def hold(self, widget: QWidget) -> None:
        """Keep ``widget``'s text as typing not saved yet, without a pause's save: after a
        conflict the consultant cancelled, it is saved (and asked about) again when the
        field is left or the page flushed, and a reload leaves it alone."""
        if widget not in self._dirty:
            self._dirty.append(widget)

    def release(self, widget: QWidget) -> None:
        """Stop holding ``widget``'s text (its draft was saved, or another record shown)."""
        if widget in self._timers:
            self._timers[widget].stop()
        if widget in self._dirty:
            self._dirty.remove(widget)

    def pending(self, widget: QWidget) -> bool:
        """Whether ``widget`` holds typing not saved yet (a reload must leave it alone)."""
        return widget in self._dirty

    def _paused(self, widget: QWidget) -> None:
        if widget in self._dirty:
            self._dirty.remove(widget)
            if isinstance(widget, QAbstractSpinBox):
                widget.interpretText()
            self._commits[widget](False)

    def save(self, widget: QWidget) -> None:
        """Save ``widget`` now (it is being left)."""
        self._timers[widget].stop()
        if widget in self._dirty:
            self._dirty.remove(widget)
        if not self.suspended:
            self._commits[widget](True)

    def flush(self) -> None:
        """Save every editor holding unsaved typing (before the page is left)."""
        for widget in list(self._dirty):
            if isinstance(widget, QAbstractSpinBox):
                widget.interpretText()
            self.save(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in self._commits:
            assert isinstance(watched, QWidget)
            self.save(watched)
        return super().eventFilter(watched, event)


def shows(shown: object, stored: object) -> bool:
    """Whether an editor showing ``shown`` already says what is stored (a trailing space the
    consultant just typed must not be taken away by a reload)."""
    if isinstance(shown, str) and (stored is None or isinstance(stored, str)):
        return shown.strip() == (stored or "").strip()
    return bool(shown == stored)


class LoadingFlag:
    """A page's ``_loading`` flag, kept by the page's :class:`Autosave`: what editors show
    while the page fills them is not typing."""

    def __get__(self, page: Any, owner: type | None = None) -> bool:
        return bool(page.autosave.suspended)

    def __set__(self, page: Any, value: bool) -> None:
        page.autosave.suspended = value


def commit_open_editor(view: QAbstractItemView) -> None:
    """Save what is being typed in a cell editor of ``view`` (the editor stays open): before
    the view's rows change under it or the page is left."""
    if view.state() != QAbstractItemView.State.EditingState:
        return
    editor = view.indexWidget(view.currentIndex())
    if editor is not None:
        view.commitData(editor)
