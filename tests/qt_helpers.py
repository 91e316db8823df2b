"""Helpers for driving widgets in tests as a user does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text``: ASCII as key presses, Chinese as an input-method commit (as an IME does)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def finished(qtbot, start, *args):  # type: ignore[no-untyped-def]
    """Call ``start(*args, done)`` (a command that runs off the GUI thread and reports with
    ``done(result)``) and wait, as the user does, for its result."""
    results: list[object] = []
    start(*args, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    return results[0]


def wait_for_tasks(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait until no background task of the application runs."""
    from dtbench.ui.kit import tasks

    qtbot.waitUntil(lambda: not tasks.busy(), timeout=60_000)


def dispose(widget: object) -> None:
    """Delete a top-level page a test built by itself, now, as its window would.

    Left to the garbage collector, such a page is destroyed at an arbitrary moment (inside a
    later Qt callback), after the Python side of its own Python-made children (event filters,
    renderers) may already be gone; the application never destroys pages that way."""
    import shiboken6
    from PySide6.QtWidgets import QApplication, QWidget

    if isinstance(widget, QWidget) and shiboken6.isValid(widget):
        widget.close()
        shiboken6.delete(widget)
    QApplication.processEvents()


class Keyboard:
    """Presses keys into the focused widget and counts them (a note's letters apart)."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.keys = 0
        self.letters = 0

    def press(
        self, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None, "no widget has the keyboard"
        self.qtbot.keyClick(focused, key, mods)
        self.keys += 1

    def write(self, text: str) -> None:
        """Text as an input method commits it (the note is counted as letters, not keys)."""
        focused = QApplication.focusWidget()
        assert focused is not None
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(focused, event)
        self.letters += len(text)
