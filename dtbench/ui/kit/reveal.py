"""Bring a field into view and put the cursor in it: the tabs and stacked pages that hold it
switched to it, the scroll areas scrolled to it (going from a problem to where it is fixed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QTabWidget, QWidget


def bring_forward(widget: QWidget) -> None:
    """Show the tab or page that holds ``widget``, at every level up to its window."""
    child = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            holder = parent.parentWidget()
            if isinstance(holder, QTabWidget):  # through the tabs: the tab bar follows
                holder.setCurrentWidget(child)
            else:
                parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()
    parent = widget.parentWidget()
    while parent is not None:  # scrolled once every page above is shown
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def focus(widget: QWidget) -> None:
    """Bring ``widget`` forward and give it the keyboard."""
    bring_forward(widget)
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
