"""Parts of a page side by side when the window is wide, one under the other when it is
narrow (a laptop at 150 % or 200 %): each part keeps a usable width, the page scrolls down
instead of sideways."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget


class _Reflow(QObject):
    def __init__(self, widget: QWidget, layout: QBoxLayout, width: int) -> None:
        super().__init__(widget)
        self._layout = layout
        self._width = width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QResizeEvent):
            wide = event.size().width() >= self._width
            direction = (
                QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
            )
            if self._layout.direction() != direction:
                self._layout.setDirection(direction)
                # laid out again now, at this size: the layout has already handled this
                # resize in the old direction, and a hidden page would not ask again
                self._layout.activate()
        return False


def reflow(widget: QWidget, layout: QBoxLayout, width: int) -> None:
    """Lay ``layout`` (``widget``'s) out left to right from ``width`` pixels on, else top
    to bottom."""
    widget.installEventFilter(_Reflow(widget, layout, width))
