"""The Investment and benefits step: an initiative's cost lines and benefits added and typed
with the keyboard, saved at once, undone; the budget and the summary follow every edit; a
reopened page shows them; the chart draws."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox, QTableWidget
from pytestqt.qtbot import QtBot

from dtbench.engagement import service
from dtbench.plan import service as plan
from dtbench.plan.records import CostLine, Initiative, Kpi, Phase
from dtbench.store import Store
from dtbench.ui.kit.translations import Translations
from dtbench.ui.plan.investment_page import InvestmentPage
from dtbench.ui.plan.session import PlanSession
from tests.qt_helpers import dispose


@dataclass
class Built:
    eng: str
    store: Store
    stack: QUndoStack
    session: PlanSession
    page: InvestmentPage
    mes: str
    aps: str

    def costs(self) -> list[CostLine]:
        return [i.record for i in plan.list_items(self.store, self.eng, "cost")]

    def budget(self, uuid: str) -> float | None:
        items = plan.list_items(self.store, self.eng, "initiative")
        return next(i.record.budget for i in items if i.uuid == uuid)


@pytest.fixture
def built(qtbot: QtBot, store: Store, translations: Translations) -> Iterator[Built]:
    eng = service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid
    phase = plan.add_item(store, eng, Phase(name="一期", start=date(2026, 7, 1)))
    mes = plan.add_item(
        store,
        eng,
        Initiative(title="MES一期", phase=phase.uuid, status="done", budget=100),
    )
    aps = plan.add_item(
        store,
        eng,
        Initiative(
            title="APS排产",
            phase=phase.uuid,
            start=date(2027, 1, 1),
            end=date(2027, 12, 31),
            budget=50,
        ),
    )
    plan.add_item(store, eng, Kpi(category="benefit_value", name="在制品资金占用"))
    stack = QUndoStack()
    session = PlanSession(store, stack, None)
    session.open(eng, "zh")
    page = InvestmentPage(session)
    qtbot.addWidget(page)
    page.resize(1150, 700)
    page.show()
    page.activateWindow()  # shortcuts (Ctrl+Ins, Alt+B) work in the active window
    qtbot.waitUntil(page.isActiveWindow)
    yield Built(eng, store, stack, session, page, mes.uuid, aps.uuid)
    page.renderer.wait()
    dispose(page)


def _type_number(qtbot: QtBot, spin: QSpinBox | QDoubleSpinBox, text: str) -> None:
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Tab)


def test_cost_lines_by_keyboard_make_the_budget_and_undo_restores_it(
    qtbot: QtBot, built: Built
) -> None:
    page = built.page
    assert "Investment 150" in page.headline.text()  # two budgets, not split yet
    page.initiatives.setFocus()
    qtbot.keyClick(page.initiatives, Qt.Key.Key_Down)  # the second initiative: APS
    assert page.costs.initiative == built.aps
    qtbot.keyClick(page.initiatives, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert built.costs() == [CostLine(initiative=built.aps, year=2027)]  # its start year
    amount = page.costs.editors["amount"]
    assert isinstance(amount, QDoubleSpinBox)
    _type_number(qtbot, amount, "120")
    qtbot.waitUntil(lambda: built.costs()[0].amount == 120)
    nature = page.costs.editors["nature"]
    assert isinstance(nature, QComboBox)
    nature.setFocus()
    qtbot.keyClick(nature, Qt.Key.Key_Down)  # capital, then running cost
    assert built.costs()[0].nature == "opex"
    # the budget the roadmap and the documents show is the lines' sum
    assert built.budget(built.aps) == 120
    assert "Investment 220" in page.headline.text()
    assert "APS排产" in page.initiatives.item(1).text() and "120" in page.initiatives.item(1).text()
    table = page.costs.table
    assert [table.item(0, c).text() for c in range(4)] == [
        "2027",
        "Software",
        "Running cost",
        "120",
    ]

    built.stack.undo()  # running cost
    built.stack.undo()  # 120
    assert built.costs()[0].amount == 0
    assert built.budget(built.aps) == 0
    assert "Investment 100" in page.headline.text()
    built.stack.undo()  # the line itself: the typed budget counts again
    assert built.costs() == []
    assert built.budget(built.aps) == 50
    assert "Investment 150" in page.headline.text()
    built.stack.redo()
    built.stack.redo()
    assert built.costs()[0].amount == 120


def test_a_benefit_gives_the_payback_and_a_reopened_page_shows_it(
    qtbot: QtBot, built: Built, store: Store
) -> None:
    page = built.page
    page.select_initiative(built.aps)
    page.costs.add()
    _type_number(qtbot, page.costs.editors["amount"], "200")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(built.costs()) and built.costs()[0].amount == 200)
    qtbot.keyClick(page.tabs, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentWidget() is page.benefits
    qtbot.keyClick(page.tabs, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    title = page.benefits.editors["title"]
    assert isinstance(title, QLineEdit) and title.hasFocus()
    title.setText("在制品资金占用下降")  # QTest cannot type Chinese
    qtbot.keyClick(title, Qt.Key.Key_Return)
    kpi = page.benefits.editors["kpi"]
    assert isinstance(kpi, QComboBox)
    kpi.setFocus()
    qtbot.keyClick(kpi, Qt.Key.Key_Down)
    _type_number(qtbot, page.benefits.editors["yearly_value"], "150")  # type: ignore[arg-type]
    _type_number(qtbot, page.benefits.editors["from_year"], "2028")  # type: ignore[arg-type]
    qtbot.waitUntil(
        lambda: [b.record.from_year for b in plan.list_items(store, built.eng, "benefit")] == [2028]
    )
    benefit = plan.list_items(store, built.eng, "benefit")[0].record
    assert (benefit.title, benefit.yearly_value, benefit.initiative) == (
        "在制品资金占用下降",
        150,
        built.aps,
    )
    assert benefit.kpi == plan.list_items(store, built.eng, "kpi")[0].uuid
    # 300 invested (100 spent in 2026, 200 in 2027); 150 a year from 2028: 2029 pays back
    s = page.summary()
    assert (s.total, s.payback) == (300, 2029)
    assert "payback in 2029" in page.headline.text()
    assert "pays back in 2029" in page.payback.text()
    assert "has a yearly value but no assumption" in page.problems.text()

    page.tabs.setCurrentIndex(2)  # the summary: its chart is drawn
    with qtbot.waitSignal(page.drawn, timeout=20000):
        page.schedule()
    assert page.chart.raster is not None and not page.chart.raster.is_blank()
    by_year = page.by_year
    assert isinstance(by_year, QTableWidget)
    assert [by_year.item(0, c).text() for c in range(by_year.columnCount())] == [
        "100",
        "200",
        "–",
        "–",
        "300",
    ]

    again = PlanSession(store, QUndoStack(), None)
    again.open(built.eng, "zh")
    reopened = InvestmentPage(again)
    qtbot.addWidget(reopened)
    reopened.select_initiative(built.aps)
    assert reopened.costs.table.rowCount() == 1
    assert reopened.costs.table.item(0, 3).text() == "200"
    assert reopened.benefits.table.item(0, 0).text() == "在制品资金占用下降"
    assert "payback in 2029" in reopened.headline.text()


def test_the_roadmap_budget_of_an_initiative_with_cost_lines_is_theirs(
    qtbot: QtBot,
    window,  # type: ignore[no-untyped-def]
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dtbench.sample import create_demo

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    eng = create_demo(store)
    window.refresh(eng)
    window.open_engagement(eng)
    ws = window.workspace
    ws.steps.setCurrentRow(ws.pages.indexOf(ws.roadmap))
    page = ws.roadmap
    page.tabs.setCurrentIndex(1)
    mes2 = next(i for i in ws.plan.items("initiative") if i.record.title.startswith("MES二期"))
    assert mes2.record.budget == 95  # the sum of its cost lines
    page.initiatives.select(mes2.uuid)
    budget = page.initiatives.editors["budget"]
    assert isinstance(budget, QDoubleSpinBox) and budget.value() == 95
    budget.setValue(999)
    budget.editingFinished.emit()
    assert len(shown) == 1 and "sum of its cost lines" in shown[0]
    assert budget.value() == 95  # the form shows the sum again
    stored = next(i for i in plan.list_items(store, eng, "initiative") if i.uuid == mes2.uuid)
    assert stored.record.budget == 95
    # the Investment and benefits step is the next one, with the same figure
    ws.steps.setCurrentRow(ws.pages.indexOf(ws.roadmap) + 1)
    assert ws.pages.currentWidget() is ws.investment
    assert "1,094" in ws.investment.headline.text()


def test_alt_down_moves_a_line_and_ctrl_ins_adds_one_in_the_visible_list_only(
    qtbot: QtBot, built: Built
) -> None:
    page = built.page
    page.select_initiative(built.aps)
    table = page.costs.table
    for _ in range(2):
        qtbot.keyClick(table, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert len(built.costs()) == 2 and plan.list_items(built.store, built.eng, "benefit") == []
    first = plan.list_items(built.store, built.eng, "cost")[0].uuid
    page.costs.select(first)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert plan.list_items(built.store, built.eng, "cost")[1].uuid == first
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert plan.list_items(built.store, built.eng, "cost")[0].uuid == first
