"""Dates are typed: in the reader's order and ISO always, a wrong one refused where it is typed
with its reason, the calendar on Alt+Down or F4, cleared with Delete (issue 16)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from dtbench.engagement import service
from dtbench.store import Store
from dtbench.ui.kit.date_field import DateField, DateProblem, parse_date
from dtbench.ui.kit.translations import Translations
from dtbench.ui.shell.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-01",
        "2026/3/1",
        "2026.3.1",
        "20260301",
        "2026年3月1日",
        "2026 年 3 月 1 日",
        "1 Mar 2026",
        "1 March 2026",
        "Mar 1, 2026",
        " 2026-3-01 ",
    ],
)
def test_the_ways_of_writing_1_march_2026(qapp: QApplication, text: str) -> None:
    assert parse_date(text) == date(2026, 3, 1)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2026-02-30", "February 2026 has 28 days."),
        ("2026-13-01", "There is no such month. Type the date as 2026-03-01."),
        ("01/03/2026", "Write the year first, as in 2026-03-01."),
        ("设置0260630", "Not a date. Type it as 2026-03-01."),
        ("1 Foo 2026", "There is no such month. Type the date as 2026-03-01."),
    ],
)
def test_what_is_no_date_says_why(qapp: QApplication, text: str, reason: str) -> None:
    with pytest.raises(DateProblem, match=reason.replace(".", r"\.")):
        parse_date(text)


def _profile_dates(window: MainWindow, store: Store) -> tuple[str, DateField, DateField]:
    created = service.create_engagement(store, client_name="大连澜岳精工", title="现状诊断")
    window.refresh(created.uuid)
    window.open_engagement(created.uuid)
    assert window.workspace is not None
    page = window.workspace.profile
    assert isinstance(page.start, DateField) and isinstance(page.end, DateField)
    return created.uuid, page.start, page.end


def _type(qtbot, field: DateField, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select the field's text and type ``text`` over it (年, 月, 日 come from the input method,
    as on a Chinese keyboard), then Enter."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(field, event)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_typed_dates_are_stored_as_written_and_wrong_ones_refused(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid, start, end = _profile_dates(window, store)
    assert start.text() == "" and start.placeholderText() == "Not set"
    # typing into a field showing "Not set" replaces it: nothing of the placeholder is kept
    start.setFocus()
    qtbot.keyClicks(start, "2026-03-01")
    assert start.text() == "2026-03-01"
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert service.get_profile(store, uuid).start_date == date(2026, 3, 1)  # 1 March
    _type(qtbot, end, "2026/6/30")
    assert service.get_profile(store, uuid).end_date == date(2026, 6, 30)
    assert end.text() == "2026-06-30"  # shown in full once accepted
    # an impossible date: its reason under the field, the stored date kept
    _type(qtbot, end, "2026-06-31")
    assert end.shown_problem() == "June 2026 has 30 days."
    assert service.get_profile(store, uuid).end_date == date(2026, 6, 30)
    end.clearFocus()  # leaving the field stores nothing either
    assert service.get_profile(store, uuid).end_date == date(2026, 6, 30)
    # the end before the start
    _type(qtbot, end, "2026-02-01")
    assert end.shown_problem() == "The end is before the start (2026-03-01)."
    assert service.get_profile(store, uuid).end_date == date(2026, 6, 30)
    # corrected: the reason goes as the text becomes right, and the date is stored
    _type(qtbot, end, "2026-07-01")
    assert end.shown_problem() == ""
    assert service.get_profile(store, uuid).end_date == date(2026, 7, 1)
    # the whole text deleted: "not set"
    end.setFocus()
    qtbot.keyClick(end, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(end, Qt.Key.Key_Delete)
    qtbot.keyClick(end, Qt.Key.Key_Return)
    assert service.get_profile(store, uuid).end_date is None
    # undo brings the date back, in the database and in the field
    window.undo_group.undo()
    assert service.get_profile(store, uuid).end_date == date(2026, 7, 1)
    assert end.text() == "2026-07-01"


def test_chinese_dates_and_reasons(
    qtbot, window: MainWindow, store: Store, translations: Translations
) -> None:
    translations.apply("zh")
    uuid, start, end = _profile_dates(window, store)
    assert start.placeholderText() == "未设置"
    _type(qtbot, start, "2026年3月1日")
    assert service.get_profile(store, uuid).start_date == date(2026, 3, 1)
    _type(qtbot, end, "2026-02-29")
    assert end.shown_problem() == "2026年2月只有28天。"
    _type(qtbot, end, "2026-02-01")
    assert end.shown_problem() == "结束日期早于开始日期（2026-03-01）。"
    assert service.get_profile(store, uuid).end_date is None


def test_the_calendar_opens_on_alt_down_and_f4_and_picks_with_enter(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid, start, _end = _profile_dates(window, store)
    _type(qtbot, start, "2026-03-01")
    qtbot.keyClick(start, Qt.Key.Key_Down, ALT)
    calendar = start.calendar()
    assert calendar is not None and calendar.isVisible()
    assert (calendar.selectedDate().year(), calendar.selectedDate().month()) == (2026, 3)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert service.get_profile(store, uuid).start_date == date(2026, 3, 2)
    assert start.text() == "2026-03-02" and start.hasFocus()
    qtbot.keyClick(start, Qt.Key.Key_F4)
    assert calendar.isVisible()
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Escape)
    assert not calendar.isVisible()
    assert service.get_profile(store, uuid).start_date == date(2026, 3, 2)


def test_the_plan_start_of_a_new_engagement_from_a_template_is_typed(
    qtbot, translations: Translations
) -> None:
    from dtbench.templates import library
    from dtbench.ui.exchange.templates import NewFromTemplateDialog

    dialog = NewFromTemplateDialog(library.list_templates(), "en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.client.setText("大连澜岳精工")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    assert isinstance(dialog.start, DateField)
    _type(qtbot, dialog.start, "2026-02-30")
    assert dialog.start.shown_problem() == "February 2026 has 28 days."
    assert not ok.isEnabled()  # nothing is created from a wrong date
    _type(qtbot, dialog.start, "1 Mar 2026")
    assert ok.isEnabled() and dialog.plan_start() == date(2026, 3, 1)
    dialog.start.setFocus()
    qtbot.keyClick(dialog.start, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(dialog.start, Qt.Key.Key_Backspace)
    assert not ok.isEnabled()  # the plan's start is needed
