"""What a consultant on a small laptop screen would see cut off: widgets outside the part of
the window they can reach, texts clipped or elided, prose in a one-line field.

``problems(window)`` walks every visible widget of a window laid out at its current size and
describes each offence in one line (where, which widget, what text, which sizes)."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QWidget,
)

# Laptop screens (physical pixels) and the scalings consultants use.
SCREENS = [(1280, 720), (1366, 768)]
SCALES = [1.0, 1.25, 1.5, 2.0]
TASKBAR = 40  # logical pixels: the Windows taskbar (the Dock or the menu bar on a Mac)
TITLE_BAR = 31  # logical pixels of window title above the client area
SLACK = 1  # rounding of layouts


def client_sizes() -> list[tuple[str, QSize]]:
    """(name, largest client area of a window) per screen and scaling, in logical pixels."""
    sizes = []
    for width, height in SCREENS:
        for scale in SCALES:
            logical = QSize(int(width / scale), int(height / scale) - TASKBAR - TITLE_BAR)
            sizes.append((f"{width}×{height} at {scale:.0%}", logical))
    return sizes


def settle(window: QWidget) -> None:
    """Let the window's layouts settle at its size: events handled and pending layout
    requests carried out until no widget moves any more. A chart drawn in the meantime
    changes its view's size hint; checked before its layout request ran, a widget would
    seem outside its parent."""

    def geometries() -> list[tuple[int, int, int, int]]:
        return [w.geometry().getRect() for w in window.findChildren(QWidget) if w.isVisible()]

    before = geometries()
    for _ in range(20):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        after = geometries()
        if after == before:
            return
        before = after


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def _plain(text: str) -> str:
    """The text shown: access-key ampersands removed."""
    return re.sub(r"&(.)", r"\1", text)


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


def _scrolled_by(widget: QWidget) -> QAbstractScrollArea | None:
    """The scroll area whose viewport ``widget`` sits in: it may lie outside the viewport."""
    parent = widget.parentWidget()
    holder = parent.parentWidget() if parent is not None else None
    if isinstance(holder, QAbstractScrollArea) and holder.viewport() is parent:
        return holder
    return None


def _outside(widget: QWidget) -> str:
    """Why ``widget`` cannot be reached inside its parent, or ''."""
    parent = widget.parentWidget()
    if parent is None or widget.isWindow():
        return ""
    area = _scrolled_by(widget)
    if isinstance(area, QAbstractItemView):
        return ""  # a cell editor or an index widget: the view scrolls to its item
    if isinstance(area, QScrollArea):
        # the page in a scroll area: whatever overhangs the viewport can be scrolled to
        if area.widget() is not widget:
            return ""
        view = area.viewport().size()
        for bar, policy, overhang in (
            (
                area.horizontalScrollBar(),
                area.horizontalScrollBarPolicy(),
                widget.width() - view.width(),
            ),
            (
                area.verticalScrollBar(),
                area.verticalScrollBarPolicy(),
                widget.height() - view.height(),
            ),
        ):
            if overhang <= SLACK:
                continue
            if policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                return f"{overhang} px beyond its scroll area, which has no scroll bar for it"
            if bar.maximum() - bar.minimum() < overhang - SLACK:
                return f"{overhang} px beyond its scroll area, which scrolls {bar.maximum()} px"
        return ""
    inside = parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
    if not inside.contains(widget.geometry()):
        g = widget.geometry()
        return (
            f"at {g.x()},{g.y()} {g.width()}×{g.height()} outside its parent "
            f"{_name(parent)} {parent.width()}×{parent.height()}"
        )
    return ""


def _clipped(widget: QWidget) -> str:
    """Why ``widget``'s text does not fit it, or ''."""
    size = widget.size()
    if isinstance(widget, QLabel):
        if not widget.text() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return ""
        if widget.wordWrap():
            need_w = widget.minimumSizeHint().width()
            need_h = widget.heightForWidth(size.width())
        else:
            hint = widget.sizeHint()
            need_w, need_h = hint.width(), hint.height()
        if need_w > size.width() + SLACK or need_h > size.height() + SLACK:
            return f"text needs {need_w}×{need_h}, has {size.width()}×{size.height()}"
        return ""
    if isinstance(widget, (QPushButton, QCheckBox, QRadioButton)):
        return _button_clipped(widget)
    if isinstance(widget, QGroupBox):
        need = widget.fontMetrics().horizontalAdvance(_plain(widget.title())) + 16
        if widget.isCheckable():
            need += widget.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 4
        if widget.title() and need > size.width() + SLACK:
            return f"title needs {need} px, has {size.width()}"
        return ""
    if isinstance(widget, QComboBox) and not widget.isEditable():
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            widget,
        )
        need = widget.fontMetrics().horizontalAdvance(widget.currentText())
        if not widget.itemIcon(widget.currentIndex()).isNull():
            need += widget.iconSize().width() + 4
        if widget.currentText() and need > field.width() + SLACK:
            return f"current item needs {need} px, has {field.width()}"
        return ""
    if isinstance(widget, QLineEdit):
        text = widget.text()
        need = widget.fontMetrics().horizontalAdvance(text) + 8
        if need <= size.width():
            return ""
        # a paragraph wants a multi-line field; a name or a title may scroll in one line,
        # from its start (a field showing the end of its text hides what it is about)
        if len(text.split()) >= 25 or sum(ord(c) > 0x2E80 for c in text) >= 60:
            return f"a paragraph of {need} px in a one-line field of {size.width()} px"
        if widget.cursorPosition() > 0 and not widget.hasFocus():
            return f"shows the end of its {need} px of text in {size.width()} px"
    return ""


def _button_clipped(button: QAbstractButton) -> str:
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    element = {
        QPushButton: QStyle.SubElement.SE_PushButtonContents,
        QCheckBox: QStyle.SubElement.SE_CheckBoxContents,
        QRadioButton: QStyle.SubElement.SE_RadioButtonContents,
    }[next(k for k in (QPushButton, QCheckBox, QRadioButton) if isinstance(button, k))]
    contents = button.style().subElementRect(element, option, button)
    text = _plain(button.text())
    if not text:
        return ""
    need = max(button.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
    if not button.icon().isNull():
        need += button.iconSize().width() + 4
    if need > contents.width() + SLACK:
        return f"text needs {need} px, has {contents.width()}"
    return ""


def problems(window: QWidget) -> list[tuple[str, str]]:
    """(widget and its text, why) for each widget of ``window`` (shown) that is out of reach
    or has clipped text."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.objectName().startswith("qt_"):
            continue
        for why in (_outside(widget), _clipped(widget)):
            if why:
                text = ""
                for getter in ("text", "title", "currentText"):
                    value = getattr(widget, getter, None)
                    if callable(value) and isinstance(value(), str):
                        text = value()
                        break
                found.append((f"{_name(widget)} “{_excerpt(_plain(text))}”", f": {why}"))
    return found


def window_too_large(window: QWidget, size: QSize) -> str:
    """Why ``window`` would not fit a client area of ``size``, or ''."""
    got = window.size()
    if got.width() > size.width() or got.height() > size.height():
        minimum = window.minimumSizeHint()
        return (
            f"window is {got.width()}×{got.height()} for a screen area of "
            f"{size.width()}×{size.height()} (its minimum {minimum.width()}×{minimum.height()})"
        )
    return ""
