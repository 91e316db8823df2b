"""Something done once a window has been painted for the first time.

Start-up loads the database layer (SQLAlchemy, ~0.7 s) on a worker thread, which holds
Python's lock nearly all the time; the window takes that lock back at each of its calls between
Qt and Python, waiting up to 5 ms each time. Started before the first paint, the loading kept
the new window unpainted for most of a second (the engagement list then made thousands of such
calls to size and paint its rows); started after it, the painted window answers at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window never exposed (started minimized, on another desktop) does not hold loading back
# longer than this.
FIRST_PAINT_WAIT_MS = 1000


class _FirstExpose(QObject):
    """Calls ``then`` on the turn of the event loop after ``window``'s first expose (whose
    handling paints it), or after FIRST_PAINT_WAIT_MS, whichever comes first; once."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then: Callable[[], object] | None = then
        self._handle = window.windowHandle()
        if self._handle is None or self._handle.isExposed():
            QTimer.singleShot(0, self, self._go)
            return
        # A filter on this one native window (not on the application: that one would see
        # every event of every widget) sees its few events only.
        self._handle.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._handle and event.type() == QEvent.Type.Expose:
            QTimer.singleShot(0, self, self._go)  # after this expose has been painted
        return False

    def _go(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        if self._handle is not None:
            self._handle.removeEventFilter(self)
        then()


def after_first_paint(window: QWidget, then: Callable[[], object]) -> None:
    """``then()`` once ``window`` (shown) has been painted for the first time."""
    _FirstExpose(window, then)
