"""A stack of pages, each in a scroll area of its own: a page taller or wider than the window
(a laptop at 150 % or 200 %) scrolls instead of pushing the window past the screen or being
cut off. The stack is used like a QStackedWidget of the pages themselves."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class _Scrolling(QScrollArea):
    """A scroll area that lays its content out again when shown."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Resized while its page was hidden, the content can keep the places its layout
        # gave its children at an earlier size (level descriptions cut top and bottom):
        # lay it out again now that it is shown.
        inner = self.widget()
        layout = inner.layout() if inner is not None else None
        if layout is not None:
            layout.invalidate()


class PageArea(_Scrolling):
    """The scroll area around one page: the page fills it and scrolls when it cannot fit."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{page.objectName() or type(page).__name__}_area")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setWidget(page)


class PageStack(QStackedWidget):
    """Pages shown one at a time; ``widget``, ``currentWidget``, ``indexOf`` and
    ``setCurrentWidget`` speak of the pages, not of the scroll areas around them."""

    def addWidget(self, w: QWidget) -> int:
        return super().addWidget(w if isinstance(w, PageArea) else PageArea(w, self))

    def widget(self, index: int) -> QWidget | None:
        held = super().widget(index)
        page = held.widget() if isinstance(held, PageArea) else None
        return page if page is not None else held

    def currentWidget(self) -> QWidget | None:
        return self.widget(self.currentIndex())

    def indexOf(self, widget: QWidget) -> int:
        for index in range(self.count()):
            held = super().widget(index)
            if widget is held or (isinstance(held, PageArea) and held.widget() is widget):
                return index
        return -1

    def setCurrentWidget(self, w: QWidget) -> None:
        index = self.indexOf(w)
        if index >= 0:
            self.setCurrentIndex(index)

    def area(self, index: int) -> QScrollArea | None:
        """The scroll area around page ``index``."""
        held = super().widget(index)
        return held if isinstance(held, PageArea) else None


def scrolling(widget: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``widget`` in a frameless scroll area that it fills while it fits: a part of a page
    (a splitter's pane) that scrolls instead of squeezing its texts when made small."""
    area = _Scrolling(parent)
    area.setObjectName(f"{widget.objectName() or type(widget).__name__}_area")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area
