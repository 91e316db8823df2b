"""The KPI step: starter KPIs added in one step in the engagement's language, targets per
phase and linked initiatives edited in the form."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from dtbench.engagement import service
from dtbench.plan import catalogue as cat
from dtbench.plan import service as plan
from dtbench.plan.records import Initiative, Kpi, Phase
from dtbench.plan.starters import kpi_starters
from dtbench.store import Store
from dtbench.ui.plan.kpi_page import StarterDialog
from dtbench.ui.shell.main_window import MainWindow


def test_starter_set_covers_every_category() -> None:
    starters = kpi_starters()
    for category in cat.KPI_CATEGORIES:
        mine = [k for k in starters if k.category == category.code]
        assert len(mine) >= 4, category.code
    assert all(k.name.zh and k.name.en and k.calculation.zh for k in starters)
    assert len({k.code for k in starters}) == len(starters)


def test_starters_targets_and_links(qtbot, window: MainWindow, store: Store) -> None:
    created = service.create_engagement(store, client_name="大连澜岳精工", title="规划")
    eng = created.uuid
    phase = plan.add_item(store, eng, Phase(name="一期", start=date(2026, 1, 1)))
    plan.add_item(store, eng, Phase(name="二期"))
    mes = plan.add_item(store, eng, Initiative(title="MES一期上线"))
    window.refresh(eng)
    window.open_engagement(eng)
    ws = window.workspace
    assert ws is not None
    ws.steps.setCurrentRow(ws.pages.indexOf(ws.kpis))
    page = ws.kpis

    dialog = StarterDialog(set())
    qtbot.addWidget(dialog)
    dialog.tick("oee")
    dialog.tick(
        "on_time_delivery_rate"
        if "on_time_delivery_rate" in dialog.items
        else next(code for code in dialog.items if code != "oee")
    )
    page.add_starters(dialog.chosen())
    stored = plan.list_items(store, eng, "kpi")
    assert len(stored) == 2
    oee = next(i for i in stored if i.record.starter == "oee")
    assert oee.record.name == "设备综合效率（OEE）"  # the engagement's language (Chinese)
    assert oee.record.category == "production_efficiency" and oee.record.unit == "%"
    assert "合格品率" in oee.record.calculation
    # the starter set marks what is already in the plan
    again = StarterDialog({i.record.starter for i in stored})
    qtbot.addWidget(again)
    assert not again.items["oee"].flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert again.chosen() == []

    editor = page.editor
    editor.select(oee.uuid)
    targets = editor.editors["targets"]
    assert isinstance(targets, QTableWidget)
    assert [targets.item(r, 0).text() for r in range(targets.rowCount())] == ["一期", "二期"]
    targets.item(0, 1).setText("≥ 75")
    refs = editor.editors["initiatives"]
    refs.item(0).setCheckState(Qt.CheckState.Checked)  # type: ignore[attr-defined]
    record = next(i for i in plan.list_items(store, eng, "kpi") if i.uuid == oee.uuid).record
    assert record.targets == {phase.uuid: "≥ 75"}
    assert record.initiatives == (mes.uuid,)

    window.undo_group.undo()  # the link
    window.undo_group.undo()  # the target
    window.undo_group.undo()  # the two starters, in one step
    assert plan.list_items(store, eng, "kpi") == []
    assert editor.table.rowCount() == 0


def test_targets_table_names_its_columns_and_follows_the_phases(
    qtbot, window: MainWindow, store: Store, translations
) -> None:
    """The targets table heads its columns (not Qt's "1" and "2") and names each phase as
    the proposal does (its short name), following a renamed phase."""
    import msgspec

    eng = service.create_engagement(store, client_name="澜岳精工", title="规划").uuid
    first = plan.add_item(store, eng, Phase(name="一期：夯实基础、打通一厂"))
    plan.add_item(store, eng, Phase(name="二期：全面推广"))
    plan.add_item(store, eng, Kpi(category="production_efficiency", name="设备综合效率"))
    window.refresh(eng)
    window.open_engagement(eng)
    ws = window.workspace
    assert ws is not None
    ws.steps.setCurrentRow(ws.pages.indexOf(ws.kpis))
    editor = ws.kpis.editor
    editor.select(plan.list_items(store, eng, "kpi")[0].uuid)
    targets = editor.editors["targets"]
    assert isinstance(targets, QTableWidget)

    def heads() -> list[str]:
        return [targets.horizontalHeaderItem(c).text() for c in range(targets.columnCount())]

    def phases() -> list[str]:
        return [targets.item(r, 0).text() for r in range(targets.rowCount())]

    assert heads() == ["Phase", "Target"]
    assert phases() == ["一期", "二期"]
    item = ws.kpis.session.item(first.uuid)
    assert item is not None
    ws.kpis.session.update(
        first.uuid, msgspec.structs.replace(item.record, name="试点期：一厂"), "rename"
    )
    assert phases() == ["试点期", "二期"]
    translations.apply("zh")
    assert heads() == ["阶段", "目标值"]
