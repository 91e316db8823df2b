"""Charts drawn when they can be seen: a page says its data changed (``invalidate()``) as often
as it likes; the chart is drawn once, shortly after the last change of a burst, and only while
it is shown; a change made while it is hidden is drawn as soon as it is shown again.

The dashboard, the roadmap charts and the culture radar share this, so that typing never
waits for a chart and a hidden page costs nothing.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from types import MethodType

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class RedrawWhenShown(QObject):
    """Calls ``draw`` at most once per burst of ``invalidate()`` calls, ``delay_ms`` after the
    last one, while ``widget`` is visible; otherwise on its next show (watched through an
    event filter, so the page needs no showEvent of its own)."""

    def __init__(self, widget: QWidget, draw: Callable[[], None], delay_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        # A page's method is held weakly: the page holds this helper, and a cycle between
        # them would leave both to the garbage collector, which may then run at any moment
        # (inside a Qt callback) on wrappers whose C++ objects are gone.
        self._draw: Callable[[], Callable[[], None] | None] = (
            weakref.WeakMethod(draw) if isinstance(draw, MethodType) else (lambda: draw)
        )
        self._dirty = True  # nothing drawn yet
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._due)
        # When shown: on the next turn of the event loop, through a timer of its own (a
        # signal of a plain QTimer, not a functor bound to this Python object), so that the
        # burst delay of the other timer stays as it is.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._due)
        widget.installEventFilter(self)
        if widget.isVisible():  # already shown: no Show event will come
            self._soon.start()

    @property
    def dirty(self) -> bool:
        """Has the data changed since the last draw?"""
        return self._dirty

    def invalidate(self) -> None:
        """The data changed: draw after the burst if shown, else when next shown."""
        self._dirty = True
        if self._widget.isVisible():
            self._timer.start()

    def pending(self) -> bool:
        """Is a draw waiting for the end of a burst?"""
        return self._timer.isActive()

    def cancel(self) -> None:
        """Drop the waiting draw (the data stays marked changed)."""
        self._timer.stop()

    def draw_now(self) -> None:
        """Draw at once (a waiting draw is dropped)."""
        self._timer.stop()
        self._dirty = False
        draw = self._draw()
        if draw is not None:
            draw()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self._dirty:
            # on the next turn of the event loop, when the layout has given the views their size
            self._soon.start()
        return False

    def _due(self) -> None:
        if self._dirty and self._widget.isVisible():
            self.draw_now()
