"""The Roadmap step: phases and initiatives edited in place, suggestions accepted in one
step, roadmap checks shown, charts drawn off the GUI thread."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QMessageBox, QSpinBox

from dtbench.diagnosis import service as dx
from dtbench.plan import service as plan
from dtbench.plan.records import Initiative, Phase
from dtbench.sample import create_demo
from dtbench.store import Store
from dtbench.ui.kit.date_field import DateField
from dtbench.ui.plan.roadmap_page import SuggestDialog
from dtbench.ui.shell.main_window import MainWindow


def _roadmap(window: MainWindow, store: Store):  # type: ignore[no-untyped-def]
    """The sample engagement's diagnosis with an empty roadmap."""
    eng = create_demo(store)
    for kind in ("kpi", "initiative", "phase"):
        for item in plan.list_items(store, eng, kind):
            plan.remove_item(store, item.uuid)
    window.refresh(eng)
    window.open_engagement(eng)
    ws = window.workspace
    assert ws is not None
    ws.steps.setCurrentRow(ws.pages.indexOf(ws.roadmap))
    return eng, ws.roadmap


def test_phases_and_initiatives_are_edited_in_the_form(
    qtbot, window: MainWindow, store: Store
) -> None:
    eng, page = _roadmap(window, store)
    phases = page.phases
    phases.add_button.click()
    name = phases.editors["name"]
    assert isinstance(name, QLineEdit) and name.hasFocus()  # ready to type the name
    name.setText("一期：夯实基础")
    name.editingFinished.emit()
    start = phases.editors["start"]
    assert isinstance(start, DateField)
    start.setFocus()
    qtbot.keyClicks(start, "2026-01-01")
    qtbot.keyClick(start, Qt.Key.Key_Return)
    end = phases.editors["end"]
    assert isinstance(end, DateField)
    end.setFocus()
    qtbot.keyClicks(end, "2026-12-31")
    qtbot.keyClick(end, Qt.Key.Key_Return)
    stored = plan.list_items(store, eng, "phase")
    assert stored[0].record == Phase(
        name="一期：夯实基础", start=date(2026, 1, 1), end=date(2026, 12, 31)
    )
    assert phases.table.item(0, 0).text() == "一期：夯实基础"

    page.tabs.setCurrentIndex(1)
    inits = page.initiatives
    inits.add_button.click()
    title = inits.editors["title"]
    assert isinstance(title, QLineEdit)
    title.setText("MES一期上线")
    title.editingFinished.emit()
    phase = inits.editors["phase"]
    assert isinstance(phase, QComboBox)
    phase.setCurrentIndex(phase.findData(stored[0].uuid))
    phase.activated.emit(phase.currentIndex())
    value = inits.editors["value"]
    assert isinstance(value, QSpinBox)
    value.setValue(5)
    value.editingFinished.emit()
    record = plan.list_items(store, eng, "initiative")[0].record
    assert (record.title, record.phase, record.value) == ("MES一期上线", stored[0].uuid, 5)
    assert inits.table.item(0, 1).text() == "一期：夯实基础"  # the phase by name

    window.undo_group.undo()
    assert plan.list_items(store, eng, "initiative")[0].record.value == 3
    assert value.value() == 3


def test_dependency_cycles_are_refused_and_dates_checked(
    qtbot, window: MainWindow, store: Store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    eng, page = _roadmap(window, store)
    phase = plan.add_item(
        store, eng, Phase(name="一期", start=date(2026, 1, 1), end=date(2026, 6, 30))
    )
    a = plan.add_item(store, eng, Initiative(title="A", phase=phase.uuid))
    b = plan.add_item(store, eng, Initiative(title="B", depends_on=(a.uuid,)))
    page.plan.open(eng, "zh")
    page.refresh()
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    inits = page.initiatives
    inits.select(a.uuid)
    deps = inits.editors["depends_on"]
    assert isinstance(deps, QListWidget)
    row = next(
        i for i in range(deps.count()) if deps.item(i).data(Qt.ItemDataRole.UserRole) == b.uuid
    )
    deps.item(row).setCheckState(Qt.CheckState.Checked)  # A → B → A
    assert messages and "cycle" in messages[0]
    assert plan.list_items(store, eng, "initiative")[0].record.depends_on == ()
    assert deps.item(row).checkState() == Qt.CheckState.Unchecked  # the form shows what is stored

    end = inits.editors["end"]
    assert isinstance(end, DateField)
    end.setFocus()
    qtbot.keyClicks(end, "2026-09-30")  # beyond the phase
    qtbot.keyClick(end, Qt.Key.Key_Return)
    assert "outside its phase" in page.problems.item(0).text()
    assert page.problems_label.text().startswith("Roadmap chec")


def test_suggestions_are_accepted_in_one_undo_step(qtbot, window: MainWindow, store: Store) -> None:
    eng, page = _roadmap(window, store)
    report = page.diagnosis.report
    from dtbench.plan.suggest import suggest_initiatives

    suggestions = suggest_initiatives(
        page.diagnosis.guide, report, page.diagnosis.data.statuses(), [], "zh"
    )
    dialog = SuggestDialog(suggestions)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(report.ranked_gaps())
    for row in range(3, dialog.table.rowCount()):
        dialog.table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)  # keep three
    dialog.table.item(0, 0).setText("MES一期：计划与报工")
    accepted = dialog.accepted_initiatives()
    page.accept_suggestions(accepted)
    stored = plan.list_items(store, eng, "initiative")
    assert stored[0].record.title == "MES一期：计划与报工"
    assert len(stored) == 3 and all(i.record.status == "proposed" for i in stored)
    assert page.initiatives.table.rowCount() == 3
    window.undo_group.undo()
    assert plan.list_items(store, eng, "initiative") == []
    assert dx.list_rounds(store, eng)  # the diagnosis is untouched


def test_charts_tab_draws_the_matrix_and_the_gantt(qtbot, window: MainWindow, store: Store) -> None:
    eng, page = _roadmap(window, store)
    phase = plan.add_item(
        store, eng, Phase(name="一期", start=date(2026, 1, 1), end=date(2026, 12, 31))
    )
    plan.add_item(
        store,
        eng,
        Initiative(
            title="MES一期上线",
            phase=phase.uuid,
            start=date(2026, 3, 1),
            end=date(2026, 9, 30),
            value=5,
            effort=4,
        ),
    )
    page.plan.open(eng, "zh")
    with qtbot.waitSignal(page.drawn, timeout=20000):
        page.tabs.setCurrentIndex(2)
    assert page.matrix_view.raster is not None and not page.matrix_view.raster.is_blank()
    assert page.gantt_view.raster is not None and not page.gantt_view.raster.is_blank()
    before = page.gantt_view.raster
    with qtbot.waitSignal(page.drawn, timeout=20000):
        page.plan.add(
            Initiative(title="质量追溯试点", start=date(2026, 5, 1), end=date(2026, 8, 1)), "add"
        )
    assert page.gantt_view.raster != before
    # a wider window: both charts are drawn again for the width they are shown at
    drawn = page.gantt_view.raster
    assert drawn is not None
    with qtbot.waitSignal(page.drawn, timeout=20000):
        window.resize(window.width() + 300, window.height())
    qtbot.waitUntil(
        lambda: not page.renderer.busy and not page.redraw_when_shown.pending(), timeout=20000
    )
    after = page.gantt_view.raster
    assert after is not None and after.width > drawn.width
    assert after.width <= page.gantt_scroll.viewport().width() * page.devicePixelRatioF()
