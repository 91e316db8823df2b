"""Parts of a page side by side when the window is wide, one under the other when it is
narrow (a laptop at 150 % or 200 %): each part keeps a usable width, the page scrolls down
instead of sideways."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QBoxLayout, QSplitter, QWidget


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


class _SplitterReflow(QObject):
    """Turns a splitter to vertical while the view it scrolls in is narrower than a width.

    The view's width decides, not the splitter's own: side by side, the panes' minimum
    widths would keep the splitter (and the page) wider than the view, scrolled sideways."""

    def __init__(self, splitter: QSplitter, width: int) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self._width = width
        self._view: QWidget | None = None
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._splitter and kind in (QEvent.Type.Show, QEvent.Type.ParentChange):
            view = self._viewport()
            if view is not None and view is not self._view:
                if self._view is not None:
                    self._view.removeEventFilter(self)
                view.installEventFilter(self)
                self._view = view
            if view is not None:
                self._apply(view.width())
        elif watched is self._view and isinstance(event, QResizeEvent):
            self._apply(event.size().width())
        return False

    def _viewport(self) -> QWidget | None:
        parent = self._splitter.parentWidget()
        while parent is not None:
            if isinstance(parent, QAbstractScrollArea):
                return parent.viewport()
            parent = parent.parentWidget()
        return None

    def _apply(self, width: int) -> None:
        wanted = Qt.Orientation.Horizontal if width >= self._width else Qt.Orientation.Vertical
        if self._splitter.orientation() != wanted:
            self._splitter.setOrientation(wanted)


def reflow_splitter(splitter: QSplitter, width: int) -> None:
    """Lay the splitter's panes side by side while the view is ``width`` pixels wide or more,
    else one above the other (the page then scrolls down, never sideways)."""
    _SplitterReflow(splitter, width)
