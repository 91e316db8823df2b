"""The redraw helper the chart pages share: a chart is drawn once per burst of changes, and only
while it can be seen (pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from dtbench.ui.kit.redraw import RedrawWhenShown

DELAY_MS = 30


def _helper(widget: QWidget) -> tuple[RedrawWhenShown, list[int]]:
    draws: list[int] = []
    helper = RedrawWhenShown(widget, lambda: draws.append(1), DELAY_MS)
    return helper, draws


def _settle(qtbot: QtBot) -> None:
    """Long enough for any waiting draw to have happened."""
    qtbot.wait(DELAY_MS * 5)


def test_a_hidden_widget_is_drawn_only_when_shown(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    helper, draws = _helper(widget)
    for _ in range(3):
        helper.invalidate()
    _settle(qtbot)
    assert draws == []  # hidden: nothing drawn, however often the data changed
    widget.show()
    qtbot.waitUntil(lambda: draws == [1])
    _settle(qtbot)
    assert draws == [1] and not helper.dirty
    # shown again with nothing changed meanwhile: not drawn again
    widget.hide()
    widget.show()
    _settle(qtbot)
    assert draws == [1]


def test_a_burst_of_changes_while_shown_is_one_draw(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    helper, draws = _helper(widget)
    qtbot.waitUntil(lambda: draws == [1])  # the first show draws what there is
    for _ in range(3):
        helper.invalidate()
    assert helper.pending()
    qtbot.waitUntil(lambda: draws == [1, 1])
    _settle(qtbot)
    assert draws == [1, 1]


def test_a_tab_is_drawn_when_chosen_not_before(qtbot: QtBot) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    first, chart = QWidget(), QWidget()
    tabs.addTab(first, "first")
    tabs.addTab(chart, "chart")
    helper, draws = _helper(chart)
    tabs.show()
    helper.invalidate()
    _settle(qtbot)
    assert draws == []  # the chart's tab is not the one shown
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: draws == [1])
    tabs.setCurrentIndex(0)
    helper.invalidate()  # changed while the tab is away: drawn on coming back
    _settle(qtbot)
    assert draws == [1]
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: draws == [1, 1])
