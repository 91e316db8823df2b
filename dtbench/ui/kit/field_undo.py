"""Ctrl+Z in a text field: the field's own undo first, else the window's history.

Apart from the undo commands (ui/kit/undo): the main window installs this at start-up, the
commands are needed only once an engagement is edited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit


def _text_editor(widget: QWidget | None) -> QLineEdit | QPlainTextEdit | QTextEdit | None:
    """The text field that gets a key pressed in ``widget`` (a spin box's or an editable
    combo box's own line, say)."""
    # the classes looked up here, not at import: the window installs this before its first
    # paint, and a class's first use builds its enums
    if isinstance(widget, (QLineEdit, QtWidgets.QPlainTextEdit, QtWidgets.QTextEdit)):
        return widget
    if isinstance(widget, (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox)):
        return widget.findChild(QLineEdit)
    return None


def _can(editor: QLineEdit | QPlainTextEdit | QTextEdit, undo: bool) -> bool:
    if editor.isReadOnly():
        return False
    if isinstance(editor, QLineEdit):
        return editor.isUndoAvailable() if undo else editor.isRedoAvailable()
    document = editor.document()
    return document.isUndoAvailable() if undo else document.isRedoAvailable()


class FieldUndoFirst(QObject):
    """Ctrl+Z (and redo) as in any editor: a text field with typing to take back undoes it
    itself; a field with nothing to undo (or focus elsewhere) hands the key to the window's
    Undo action, the step's history. (A text field claims Ctrl+Z whether or not it has
    anything to undo, so without this the history was out of reach from every field.)

    It watches the widget with the keyboard focus only, which is where a shortcut is asked
    about first (as a filter of the whole application it saw every event: 28,000 while an
    engagement opened, a tenth of the time)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watched: QWidget | None = None
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a window needs its application
        app.focusChanged.connect(self._focus_moved)
        self._focus_moved(None, app.focusWidget())

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = new
        if new is not None:
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if event.matches(QKeySequence.StandardKey.Undo):
            undo = True
        elif event.matches(QKeySequence.StandardKey.Redo):
            undo = False
        else:
            return False
        editor = _text_editor(QApplication.focusWidget())
        if editor is None or _can(editor, undo):
            return False  # the field's own undo, or no field: the usual way
        event.ignore()  # the field does not claim the key: the Undo action gets it
        return True
