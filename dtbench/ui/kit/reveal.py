"""Bring a field into view and put the cursor in it: the tabs and stacked pages that hold it
switched to it, the scroll areas scrolled to it (going from a problem to where it is fixed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)


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


def first_field(page: QWidget) -> QWidget | None:
    """Where work on ``page`` starts: what its ``first_focus()`` names, else the first field
    (not a button or a tab) in its tab order that is shown, enabled and takes the keyboard,
    else the first such widget of any kind."""
    chosen = getattr(page, "first_focus", None)
    if callable(chosen):
        widget = chosen()
        if isinstance(widget, QWidget):
            return widget
    takers: list[QWidget] = []
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and len(takers) < 500:
        if (
            page.isAncestorOf(widget)
            and widget.isVisibleTo(page)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            if widget.focusProxy() is None and not isinstance(
                widget, (QAbstractButton, QTabBar, QTabWidget)
            ):
                return widget
            takers.append(widget)
        widget = widget.nextInFocusChain()
    return takers[0] if takers else None


def focus_first_field(page: QWidget) -> None:
    """Put the keyboard where work on ``page`` starts (nothing when it has no field)."""
    widget = first_field(page)
    if widget is not None:
        focus(widget)
        if isinstance(widget, QLineEdit):
            # typing goes on after the text (a loaded field shows its start, cursor there)
            widget.end(False)
