"""The Blueprint step: systems added and edited with the keyboard, undone, kept when the
engagement is opened again; the profile's systems added in one undo step; links between
systems; both diagrams drawn."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from dtbench.engagement import service
from dtbench.plan import service as plan
from dtbench.plan.records import Phase, System
from dtbench.store import Store
from dtbench.ui.kit.translations import Translations
from dtbench.ui.plan.blueprint_page import BlueprintPage
from dtbench.ui.plan.session import PlanSession
from dtbench.ui.shell.main_window import MainWindow
from tests.qt_helpers import dispose


@dataclass
class Built:
    eng: str
    store: Store
    stack: QUndoStack
    session: PlanSession
    page: BlueprintPage

    def systems(self) -> list[System]:
        return [i.record for i in plan.list_items(self.store, self.eng, "system")]


def _page(
    qtbot: QtBot, store: Store, eng: str, stack: QUndoStack
) -> tuple[PlanSession, BlueprintPage]:
    session = PlanSession(store, stack, None)
    session.open(eng, "zh")
    page = BlueprintPage(session)
    qtbot.addWidget(page)
    page.resize(1150, 650)
    page.show()
    page.refresh()
    return session, page


@pytest.fixture
def built(qtbot: QtBot, store: Store, translations: Translations) -> Iterator[Built]:
    eng = service.create_engagement(
        store, client_name="大连澜岳精工", title="规划", existing_systems=("ERP", "MES", "OA")
    ).uuid
    stack = QUndoStack()
    session, page = _page(qtbot, store, eng, stack)
    yield Built(eng, store, stack, session, page)
    page.renderer.wait()
    dispose(page)


def test_a_system_is_added_edited_undone_and_kept(qtbot: QtBot, built: Built) -> None:
    page = built.page
    phase = plan.add_item(built.store, built.eng, Phase(name="二期"))
    built.session.reload()
    editor = page.systems
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    name = editor.editors["name"]
    assert isinstance(name, QLineEdit) and name.hasFocus()  # type at once
    name.selectAll()
    qtbot.keyClicks(name, "APS")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    domain = editor.editors["domain"]
    assert isinstance(domain, QComboBox)
    domain.setFocus()
    qtbot.keyClick(domain, Qt.Key.Key_Up)  # from Business management to Sales and service…
    for _ in range(3):
        qtbot.keyClick(domain, Qt.Key.Key_Up)  # …Procurement, Quality, Production
    phase_box = editor.editors["phase"]
    assert isinstance(phase_box, QComboBox)
    qtbot.keyClick(phase_box, Qt.Key.Key_Down)
    [system] = built.systems()
    assert (system.name, system.domain, system.phase) == ("APS", "production", phase.uuid)
    assert (system.now, system.target) == ("none", "new")
    row = [editor.table.item(0, c).text() for c in range(editor.table.columnCount())]  # type: ignore[union-attr]
    assert row == ["APS", "Production", "Application services", "None", "New", "二期"]

    built.stack.undo()  # the phase
    built.stack.undo()  # the domain, one step per choice
    assert built.systems()[0].domain == "quality"
    # opened again (another session on the same database), the register is there
    _session, again = _page(qtbot, built.store, built.eng, QUndoStack())
    assert again.systems.table.item(0, 0).text() == "APS"  # type: ignore[union-attr]
    assert again.systems.table.item(0, 1).text() == "Quality"  # type: ignore[union-attr]
    again.renderer.wait()


def test_the_profiles_systems_come_in_one_undo_step(
    qtbot: QtBot, built: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan.add_item(built.store, built.eng, System(name="用友U8 ERP", now="in_use", target="upgrade"))
    built.session.reload()
    assert built.page.add_profile_systems() == 2  # ERP is in the register already
    assert [(s.name, s.domain, s.now, s.target) for s in built.systems()] == [
        ("用友U8 ERP", "management", "in_use", "upgrade"),
        ("MES", "production", "in_use", "keep"),
        ("OA", "management", "in_use", "keep"),
    ]
    assert built.page.systems.table.rowCount() == 3
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    assert built.page.add_profile_systems() == 0
    assert "already in the register" in told[0]
    built.stack.undo()
    assert [s.name for s in built.systems()] == ["用友U8 ERP"]


def test_links_need_two_systems_and_name_them(qtbot: QtBot, built: Built) -> None:
    page = built.page
    page.tabs.setCurrentIndex(1)
    errors: list[str] = []
    built.session.error.connect(errors.append)
    qtbot.mouseClick(page.links.add_button, Qt.MouseButton.LeftButton)
    assert "at least two systems" in errors[0]
    assert plan.list_items(built.store, built.eng, "integration") == []
    page.add_profile_systems()
    qtbot.mouseClick(page.links.add_button, Qt.MouseButton.LeftButton)
    flow = page.links.editors["flow"]
    assert isinstance(flow, QLineEdit)
    flow.setFocus()
    qtbot.keyClicks(flow, "Work orders")
    qtbot.keyClick(flow, Qt.Key.Key_Return)
    [link] = [i.record for i in plan.list_items(built.store, built.eng, "integration")]
    names = {i.uuid: i.record.name for i in plan.list_items(built.store, built.eng, "system")}
    assert (names[link.source], names[link.target], link.flow) == ("ERP", "MES", "Work orders")
    cells = [page.links.table.item(0, c).text() for c in range(3)]  # type: ignore[union-attr]
    assert cells == ["ERP", "MES", "Work orders"]


def test_both_diagrams_are_drawn_and_redrawn(qtbot: QtBot, built: Built) -> None:
    page = built.page
    page.add_profile_systems()
    with qtbot.waitSignal(page.drawn, timeout=30000):
        page.tabs.setCurrentIndex(2)
    today, target = page.today_view.raster, page.target_view.raster
    assert today is not None and not today.is_blank()
    assert target is not None and not target.is_blank()
    with qtbot.waitSignal(page.drawn, timeout=30000):
        built.session.add(System(name="WMS", domain="supply_chain"), "add WMS")
    assert page.target_view.raster != target


def test_the_blueprint_step_follows_strategy(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    uuid = service.create_engagement(store, client_name="甲", title="乙").uuid
    window.refresh(uuid)
    window.open_engagement(uuid, step="blueprint")
    ws = window.workspace
    assert ws is not None and ws.pages.currentWidget() is ws.blueprint
    row = ws.row_of("blueprint")
    assert row == ws.row_of("strategy") + 1 == ws.row_of("roadmap") - 1
    assert ws.steps.item(row).text().endswith("Blueprint")  # type: ignore[union-attr]
