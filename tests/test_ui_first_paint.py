"""Work held back until a window's first paint (dtbench.ui.kit.first_paint): it runs once,
after the paint, and never waits for a window that is not painted at all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

from dtbench.ui.kit import first_paint


class _Painted(QObject):
    """Remembers whether the window had been painted when asked."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def test_the_work_runs_once_after_the_first_paint(qtbot, qapp: QApplication) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    watch = _Painted(window)
    runs: list[bool] = []
    window.show()
    first_paint.after_first_paint(window, lambda: runs.append(watch.painted))
    assert runs == []  # not before the event loop has painted the window
    qtbot.waitUntil(lambda: bool(runs), timeout=5000)
    window.hide()
    window.show()  # exposed again: nothing more
    qtbot.wait(50)
    assert runs == [True]


def test_a_window_never_painted_does_not_hold_the_work_back(
    qtbot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(first_paint, "FIRST_PAINT_WAIT_MS", 50)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.winId()  # a native window that is never shown (started minimized, say)
    runs: list[int] = []
    first_paint.after_first_paint(window, lambda: runs.append(1))
    qtbot.waitUntil(lambda: bool(runs), timeout=5000)
    qtbot.wait(100)
    assert runs == [1]
