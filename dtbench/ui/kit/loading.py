"""Heavy modules loaded on the GUI thread, a step per turn of the event loop, once the window
is painted.

Not on a worker thread: a thread that loads modules holds Python's lock nearly all the time,
and the window takes that lock back at each of its calls into Qt and out (the engagement list
makes thousands while it sizes and paints its rows), waiting up to 5 ms each time. While the
database layer loaded on a thread (~0.7 s), the freshly shown window stayed unpainted until the
loading ended. Here the window is painted first, then each step loads one module (the longest
a few hundred ms, SQLAlchemy's package), and the window handles its events between steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window never exposed (started minimized, on another desktop) does not hold loading back
# longer than this.
FIRST_PAINT_WAIT_MS = 1000


class _FirstExpose(QObject):
    """Calls ``then`` on the turn of the event loop after ``window``'s first expose (whose
    handling paints it), or after FIRST_PAINT_WAIT_MS, whichever comes first; once."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
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


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """``then()`` once ``window`` (shown) has been painted for the first time."""
    _FirstExpose(window, then)


def load_in_steps(
    steps: Iterator[object],
    owner: QObject,
    done: Callable[[BaseException | None], None],
) -> None:
    """Advance ``steps`` (a generator that imports a module or two, then yields) once per
    turn of the event loop, then ``done(None)``; a step that fails ends the loading with
    ``done(error)``. Nothing more happens once ``owner`` is gone."""

    def step() -> None:
        try:
            next(steps)
        except StopIteration:
            done(None)
            return
        except Exception as exc:  # whoever opens the database reports it
            done(exc)
            return
        QTimer.singleShot(0, owner, step)

    QTimer.singleShot(0, owner, step)
