"""The one editor of dates: typed in the reader's order, ISO always, the calendar on Alt+↓ or
F4, a wrong date refused where it is typed with its reason and never stored.

Accepted: 2026-03-01, 2026/3/1, 2026.3.1, 20260301, 2026年3月1日, 1 Mar 2026, 1 March 2026,
Mar 1, 2026. A day written first in digits (01/03/2026) is refused: read as 1 March in
Beijing and 3 January in New York, it would be stored wrong without a word. An empty field is
"not set" (when the field may be empty); Delete or Backspace on the whole text empties it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLabel, QLineEdit, QStyle, QWidget

_NUMERIC = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_MONTH = re.compile(r"(\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_MONTH_DAY = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DAY_FIRST = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})")
_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}


class DateProblem(ValueError):
    """A text that is no date; the message says why, in the UI's language."""


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def month_name(year: int, month: int) -> str:
    """ "February 2026", "2026年2月"."""
    return f"{year}年{month}月" if _chinese() else f"{calendar.month_name[month]} {year}"


def show_date(value: date) -> str:
    """How a date field shows a date: ISO, the same in every language (and sorting right)."""
    return value.isoformat()


def parse_date(text: str) -> date | None:
    """The date ``text`` names, None for an empty text; DateProblem says what is wrong."""
    text = text.strip()
    if not text:
        return None
    year = month = day = 0
    if found := _NUMERIC.fullmatch(text) or _COMPACT.fullmatch(text):
        year, month, day = (int(g) for g in found.groups())
    elif found := _DAY_MONTH.fullmatch(text):
        day, year = int(found.group(1)), int(found.group(3))
        month = _MONTHS.get(found.group(2).lower(), 0)
    elif found := _MONTH_DAY.fullmatch(text):
        day, year = int(found.group(2)), int(found.group(3))
        month = _MONTHS.get(found.group(1).lower(), 0)
    elif _DAY_FIRST.fullmatch(text):
        raise DateProblem(
            QCoreApplication.translate("DateField", "Write the year first, as in 2026-03-01.")
        )
    else:
        raise DateProblem(
            QCoreApplication.translate("DateField", "Not a date. Type it as 2026-03-01.")
        )
    if not 1 <= month <= 12:
        raise DateProblem(
            QCoreApplication.translate(
                "DateField", "There is no such month. Type the date as 2026-03-01."
            )
        )
    if not 1900 <= year <= 2200:
        raise DateProblem(
            QCoreApplication.translate("DateField", "The year %1 is out of range.").replace(
                "%1", str(year)
            )
        )
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise DateProblem(
            QCoreApplication.translate("DateField", "%1 has %2 days.")
            .replace("%1", month_name(year, month))
            .replace("%2", str(days))
        )
    return date(year, month, day)


class ProblemNote(QLabel):
    """A short reason shown just under a field, over what follows, until the field is right;
    it goes with the field when the field is hidden or moved."""

    def __init__(self, field: QWidget) -> None:
        super().__init__(field.window())
        self.setObjectName("field_problem")
        self.field = field
        self.setWordWrap(False)
        self.setStyleSheet(
            "QLabel { background: #fdecea; color: #a4262c; border: 1px solid #a4262c;"
            " padding: 1px 4px; }"
        )
        self.hide()
        field.installEventFilter(self)
        field.destroyed.connect(self.deleteLater)  # a cell's editor comes and goes

    def say(self, reason: str) -> None:
        if not reason:
            self.hide()
            return
        self.setText(reason)
        self.adjustSize()
        self._place()
        if self.field.isVisible():
            self.show()
            self.raise_()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(self.field.mapTo(parent, QPoint(0, self.field.height())))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Hide:
            self.hide()
        elif kind in (QEvent.Type.Move, QEvent.Type.Resize) and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)


class DateField(QLineEdit):
    """A date typed or picked. ``date_value()`` is what may be stored: the date typed when it
    is right, else the one shown before (a wrong text is never stored); ``check`` adds a rule
    of the page (an end not before its start) and returns its reason."""

    picked = Signal()  # a date chosen in the calendar (saved as at the end of typing)

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self.optional = optional
        self.check: Callable[[date | None], str] | None = None
        self._accepted: date | None = None
        self._note: ProblemNote | None = None
        self._calendar: QCalendarWidget | None = None
        style = self.style()
        opener = QAction(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown), "", self)
        opener.setObjectName("open_calendar")
        opener.triggered.connect(self.open_calendar)
        self.addAction(opener, QLineEdit.ActionPosition.TrailingPosition)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("2026-12-31") + 48)
        self.editingFinished.connect(self._finished)
        self.textEdited.connect(self._edited)
        self.retranslate()

    # ------------------------------------------------------------ value
    def date_value(self) -> date | None:
        """The date to store: the text's when it is a right date, else the last one shown."""
        value, reason = self._judge()
        return self._accepted if reason else value

    def plain_value(self) -> date | None:
        """The date typed when it is one, else the last one shown; the page's ``check`` not
        applied (the rule of a pair of fields reads the other field through this)."""
        try:
            return parse_date(self.text())
        except DateProblem:
            return self._accepted

    def set_date_value(self, value: date | None) -> None:
        """Show ``value`` (loading: not typing)."""
        self._accepted = value
        self.setText("" if value is None else show_date(value))
        self._say("")

    def problem(self) -> str:
        """Why the text cannot be stored, '' when it can."""
        return self._judge()[1]

    def _judge(self) -> tuple[date | None, str]:
        try:
            value = parse_date(self.text())
        except DateProblem as problem:
            return None, str(problem)
        if value is None and not self.optional:
            return None, QCoreApplication.translate("DateField", "A date is needed here.")
        reason = self.check(value) if self.check is not None else ""
        return value, reason

    # ------------------------------------------------------------ typing
    def _finished(self) -> None:
        """Enter, or the field left: a right date is shown in full; a wrong one stays, with
        its reason under the field."""
        value, reason = self._judge()
        self._say(reason)
        if not reason:
            self._accepted = value
            shown = "" if value is None else show_date(value)
            if self.text() != shown:
                self.setText(shown)  # a typed "2026/3/1" reads 2026-03-01 from now on

    def _edited(self, _text: str) -> None:
        if self._note is not None and self._note.isVisible():
            self._say(self.problem())  # the reason goes as soon as the text is right

    def _say(self, reason: str) -> None:
        if reason and self._note is None:
            self._note = ProblemNote(self)
        if self._note is not None:
            self._note.say(reason)
        self.setProperty("problem", bool(reason))
        self.setStyleSheet("QLineEdit { border: 2px solid #a4262c; }" if reason else "")

    def shown_problem(self) -> str:
        """The reason shown under the field ('' when none is shown)."""
        note = self._note
        return note.text() if note is not None and note.isVisible() else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if (key == Qt.Key.Key_Down and mods == Qt.KeyboardModifier.AltModifier) or (
            key == Qt.Key.Key_F4 and mods == Qt.KeyboardModifier.NoModifier
        ):
            self.open_calendar()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------ calendar
    def open_calendar(self) -> None:
        """The month of the date shown (or today's) under the field; Enter or a click picks,
        Escape closes."""
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setObjectName("date_calendar")
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.activated.connect(self._picked)
            self._calendar.clicked.connect(self._picked)
        shown = self.date_value() or date.today()
        self._calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self._calendar.adjustSize()
        self._calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self._calendar.show()
        self._calendar.setFocus()

    def calendar(self) -> QCalendarWidget | None:
        """The calendar once opened (for the tests)."""
        return self._calendar

    def _picked(self, day: QDate) -> None:
        assert self._calendar is not None
        self._calendar.hide()
        self.setText(show_date(date(day.year(), day.month(), day.day())))
        self.setFocus()
        self.textEdited.emit(self.text())  # typed, as far as saving goes
        self.editingFinished.emit()
        self.picked.emit()

    # ------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.setPlaceholderText(
            QCoreApplication.translate("DateField", "Not set") if self.optional else "2026-03-01"
        )
        self.setToolTip(
            QCoreApplication.translate(
                "DateField",
                "Type a date: 2026-03-01, 2026/3/1, 2026年3月1日 or 1 Mar 2026. "
                "Alt+Down or F4 opens the calendar.",
            )
        )
        if self.property("problem"):
            self._say(self.problem())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def date_range(start: object, end: object) -> None:
    """Pair two date fields: the end is refused before the start and the start after the
    end, each with its reason (nothing happens unless both are date fields)."""
    if not isinstance(start, DateField) or not isinstance(end, DateField):
        return

    def end_rule(value: date | None) -> str:
        first = start.plain_value()
        if value is not None and first is not None and value < first:
            return QCoreApplication.translate(
                "DateField", "The end is before the start (%1)."
            ).replace("%1", show_date(first))
        return ""

    def start_rule(value: date | None) -> str:
        last = end.plain_value()
        if value is not None and last is not None and value > last:
            return QCoreApplication.translate(
                "DateField", "The start is after the end (%1)."
            ).replace("%1", show_date(last))
        return ""

    start.check = start_rule
    end.check = end_rule
