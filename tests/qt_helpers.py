"""Helpers for driving widgets in tests as a user does."""

from __future__ import annotations

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
