"""Where the main window goes: inside the screen's available area (never under the taskbar or
the Dock, never larger than the screen), at the first start and after a move to a smaller
screen (a laptop undocked from its monitor, 150 % or 200 % scaling).

``fitted`` is the rule, a pure function of rectangles; ``place`` applies it to a window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The size the window opens at when the screen has room for it (logical pixels).
PREFERRED = QSize(1280, 800)
# Title bar and borders the window manager adds around the window, while they are not known
# yet (before the first show): the whole frame must fit, not only the client area.
FRAME_ESTIMATE = QMargins(1, 32, 1, 1)


@dataclass(frozen=True)
class Placement:
    """The client area to give the window, and whether to maximise it instead."""

    rect: QRect
    maximized: bool


def fitted(
    saved: QRect | None,
    available: QRect,
    frame: QMargins = FRAME_ESTIMATE,
    preferred: QSize = PREFERRED,
) -> Placement:
    """The window's client rectangle for a screen whose free area is ``available``.

    Without a saved rectangle (first start) the window takes ``preferred`` centred when the
    screen has room for it with its frame, else it is maximised (a laptop screen). A saved
    rectangle keeps its size and place as far as the screen allows: shrunk to the area
    (minus the frame), then moved back inside it (a position on a monitor that is gone).
    """
    room = available.marginsRemoved(frame)
    if room.width() <= 0 or room.height() <= 0:
        return Placement(QRect(available.topLeft(), available.size()), True)
    if saved is None or saved.width() <= 0 or saved.height() <= 0:
        if preferred.width() <= room.width() and preferred.height() <= room.height():
            rect = QRect(QPoint(0, 0), preferred)
            rect.moveCenter(room.center())
            return Placement(rect, False)
        return Placement(QRect(room), True)
    size = saved.size().boundedTo(room.size())
    x = min(max(saved.x(), room.left()), room.left() + room.width() - size.width())
    y = min(max(saved.y(), room.top()), room.top() + room.height() - size.height())
    return Placement(QRect(QPoint(x, y), size), False)


def _frame_of(window: QWidget) -> QMargins:
    """The frame the window manager draws, once known; the estimate before."""
    outer, inner = window.frameGeometry(), window.geometry()
    margins = QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )
    if window.isVisible() and margins.top() > 0:
        return margins
    return FRAME_ESTIMATE


def place(window: QWidget, saved: QRect | None) -> bool:
    """Give ``window`` its geometry on the screen under ``saved`` (else its own screen); True
    when it is to be shown maximised (``showMaximized``: setting the state here would name
    Qt.WindowState, whose namespace of enums takes ~20 ms to build before the first window)."""
    screen = None
    if saved is not None and saved.isValid():
        screen = QGuiApplication.screenAt(saved.center())
    if screen is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return False
    placement = fitted(saved, screen.availableGeometry(), _frame_of(window))
    window.setGeometry(placement.rect)
    return placement.maximized


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize a dialog to ``width`` × ``height``, or less where its screen's free area (with
    the frame) is smaller: a dialog sized for a desktop must not run off a laptop screen at
    150 % with its buttons below the taskbar (its content scrolls instead)."""
    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or window.screen()
    screen = screen or QGuiApplication.primaryScreen()
    size = QSize(width, height)
    if screen is not None:
        room = screen.availableGeometry().marginsRemoved(FRAME_ESTIMATE).size()
        size = size.boundedTo(room)
    window.resize(size)
