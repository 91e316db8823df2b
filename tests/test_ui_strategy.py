"""The Strategy step: vision, the guide's strategic choices with rationale, principles and
criteria — each saved at once and undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dtbench.engagement import service
from dtbench.plan import service as plan
from dtbench.plan.records import Adoption, Choice
from dtbench.store import Store
from dtbench.ui.shell.main_window import MainWindow


def _strategy_page(window: MainWindow, store: Store):  # type: ignore[no-untyped-def]
    created = service.create_engagement(store, client_name="大连澜岳精工", title="规划")
    window.refresh(created.uuid)
    window.open_engagement(created.uuid)
    ws = window.workspace
    assert ws is not None
    ws.steps.setCurrentRow(ws.pages.indexOf(ws.strategy))
    return created.uuid, ws.strategy


def test_choices_with_rationale_are_saved_and_undone(
    qtbot, window: MainWindow, store: Store
) -> None:
    eng, page = _strategy_page(window, store)
    row = page.rows["technical_path"]
    assert row.combo is not None
    labels = [row.combo.itemText(i) for i in range(row.combo.count())]
    assert labels == ["Not decided", "Based on traditional IT", "Data at the core", "Hybrid"]
    row.combo.setCurrentIndex(row.combo.findData("hybrid"))
    row.combo.activated.emit(row.combo.currentIndex())
    assert "hybrid" in row.explain.text().lower() or "traditional" in row.explain.text().lower()
    row.rationale.setPlainText("保留U8，新建MES与数据中台")
    page.flush()  # as on leaving the field
    goals = page.rows["strategic_goals"]
    goals.checks["operations"].click()
    goals.checks["products"].click()
    stored = plan.get_value(store, eng, "strategy")
    assert stored.choices["technical_path"] == Choice(
        values=("hybrid",), rationale="保留U8，新建MES与数据中台"
    )
    assert stored.choices["strategic_goals"].values == ("operations", "products")

    window.undo_group.undo()  # the second goal
    assert plan.get_value(store, eng, "strategy").choices["strategic_goals"].values == (
        "operations",
    )
    assert not goals.checks["products"].isChecked()
    window.undo_group.undo()
    window.undo_group.undo()
    window.undo_group.undo()
    assert plan.get_value(store, eng, "strategy").choices == {}
    assert row.combo.currentData() == ""


def test_vision_principles_and_criteria(qtbot, window: MainWindow, store: Store) -> None:
    eng, page = _strategy_page(window, store)
    page.vision.setFocus()
    page.vision.setPlainText("以数据驱动精益制造，成为东北领先的精密零部件数字化工厂")
    page.tabs.setCurrentIndex(1)  # focus leaves the vision: it is saved
    QApplication.processEvents()
    assert plan.get_value(store, eng, "strategy").vision.startswith("以数据驱动")
    table = page.principles
    assert table.rowCount() == 8  # 5.2 d)–k)
    table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    table.item(0, 2).setText("每个项目先算清收益")
    criteria = page.criteria
    assert criteria.rowCount() == 6
    criteria.item(1, 0).setCheckState(Qt.CheckState.Checked)  # 从易到难
    stored = plan.get_value(store, eng, "strategy")
    assert stored.principles == {"5.2.d": Adoption(adopted=True, note="每个项目先算清收益")}
    assert stored.criteria == {"5.3.b": Adoption(adopted=True, note="")}
    window.undo_group.undo()
    assert plan.get_value(store, eng, "strategy").criteria == {}
    assert criteria.item(1, 0).checkState() == Qt.CheckState.Unchecked
