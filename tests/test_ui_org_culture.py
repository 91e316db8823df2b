"""The Organization and culture step (6.3.1, 6.3.2): the organisation now and target, the
transformation mode, the guide's change steps, culture targets, trait ratings with their
radar, evaluation measures and the resistance register — each saved at once and undoable."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from dtbench.engagement import service
from dtbench.plan import service as plan
from dtbench.plan.records import Adoption, Culture, Organization, TraitRating
from dtbench.store import Store
from dtbench.ui.kit.translations import Translations
from dtbench.ui.plan.org_culture_page import OrgCulturePage
from dtbench.ui.plan.session import PlanSession
from tests.qt_helpers import dispose

GUIDE_STEPS_ZH = [
    "诊断组织现状，识别转变的时机",
    "分析影响因素，制定实施方案",
    "选择方案，实施计划",
    "评价效果，及时进行反馈",
]


@dataclass
class Built:
    eng: str
    store: Store
    stack: QUndoStack
    session: PlanSession
    page: OrgCulturePage

    def organization(self) -> Organization:
        record = plan.get_value(self.store, self.eng, "organization")
        assert isinstance(record, Organization)
        return record

    def culture(self) -> Culture:
        record = plan.get_value(self.store, self.eng, "culture")
        assert isinstance(record, Culture)
        return record


@pytest.fixture
def built(qtbot: QtBot, store: Store, translations: Translations) -> Iterator[Built]:
    eng = service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid
    stack = QUndoStack()
    session = PlanSession(store, stack, None)
    session.open(eng, "zh")
    page = OrgCulturePage(session)
    qtbot.addWidget(page)
    page.resize(1150, 650)
    page.show()
    page.refresh()
    yield Built(eng, store, stack, session, page)
    page.renderer.wait()
    dispose(page)


def _cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def _header(table: QTableWidget, column: int) -> str:
    item = table.horizontalHeaderItem(column)
    assert item is not None
    return item.text()


def _choose(qtbot: QtBot, combo: QComboBox, steps: int) -> None:
    """Move down the closed combo with the keyboard, as a user does (each step is chosen)."""
    for _ in range(steps):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_organization_now_target_and_mode_are_saved_and_undone(qtbot: QtBot, built: Built) -> None:
    page = built.page.organization_tab
    shape_now = page.org_combos["shape_now"]
    labels = [shape_now.itemText(i) for i in range(shape_now.count())]
    assert labels == ["Not set", "Pyramid", "Flat", "Distributed", "Networked"]
    assert "pyramid" in page.org_labels["shape"].toolTip().lower()  # the guide's 6.3.1 a.1
    assert "flat" in page.org_hints["shape"].text().lower()

    _choose(qtbot, shape_now, 1)  # Pyramid
    _choose(qtbot, page.org_combos["shape_target"], 2)  # Pyramid, then Flat
    _choose(qtbot, page.org_combos["relation_target"], 2)  # trust and delegation
    assert built.organization() == Organization(
        shape_now="pyramid", shape_target="flat", relation_target="trust"
    )

    incremental = page.mode_buttons["incremental"]
    assert incremental.text() == "Incremental change"
    assert "gradual" in page.mode_hints["incremental"].text()  # 6.3.1 f.2
    assert "short time" in page.mode_hints["radical"].text()  # 6.3.1 f.1
    # on the radio's indicator (a click right of its text would miss it)
    qtbot.mouseClick(
        incremental, Qt.MouseButton.LeftButton, pos=QPoint(8, incremental.height() // 2)
    )
    assert built.organization().mode == "incremental"

    rationale = page.texts["mode_rationale"]
    rationale.setPlainText("MES一期仅覆盖一分厂，先试点后推广")
    qtbot.waitUntil(lambda: built.organization().mode_rationale.startswith("MES一期"))

    built.stack.undo()  # the rationale
    assert built.organization().mode_rationale == ""
    assert rationale.toPlainText() == ""
    built.stack.undo()  # the mode
    assert built.organization().mode == ""
    assert page.mode_buttons[""].isChecked() and not incremental.isChecked()
    built.stack.undo()  # relation target: trust
    built.stack.undo()  # relation target: control
    built.stack.undo()  # shape target: Flat
    assert built.organization().shape_target == "pyramid"
    assert page.org_combos["shape_target"].currentText() == "Pyramid"
    built.stack.undo()
    built.stack.undo()
    assert built.organization() == Organization()
    assert shape_now.currentText() == "Not set"
    built.stack.redo()
    assert built.organization().shape_now == "pyramid"
    assert shape_now.currentData() == "pyramid"


def test_guide_steps_are_added_once_in_one_undo_step(qtbot: QtBot, built: Built) -> None:
    steps = built.page.organization_tab.steps
    button = steps.guide_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    items = plan.list_items(built.store, built.eng, "change_step")
    # titles in the deliverable language (zh), without the guide's trailing punctuation
    assert [i.record.title for i in items] == GUIDE_STEPS_ZH
    assert [i.record.step for i in items] == [f"6.3.1.h.{n}" for n in (1, 2, 3, 4)]
    assert built.stack.count() == 1
    assert steps.editor.table.rowCount() == 4
    assert not button.isEnabled()

    built.stack.undo()
    assert plan.list_items(built.store, built.eng, "change_step") == []
    assert steps.editor.table.rowCount() == 0
    assert button.isEnabled()
    built.stack.redo()
    assert len(plan.list_items(built.store, built.eng, "change_step")) == 4
    assert not button.isEnabled()

    # give a step an owner; remove another: the button adds back only the missing one
    editor = steps.editor
    editor.select(plan.list_items(built.store, built.eng, "change_step")[0].uuid)
    owner = editor.editors["owner"]
    assert isinstance(owner, QLineEdit)
    owner.clear()
    qtbot.keyClicks(owner, "Zhao Min")
    qtbot.keyClick(owner, Qt.Key.Key_Return)
    assert plan.list_items(built.store, built.eng, "change_step")[0].record.owner == "Zhao Min"
    editor.select(plan.list_items(built.store, built.eng, "change_step")[2].uuid)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert len(plan.list_items(built.store, built.eng, "change_step")) == 3
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    steps = [i.record.step for i in plan.list_items(built.store, built.eng, "change_step")]
    assert sorted(steps) == [f"6.3.1.h.{n}" for n in (1, 2, 3, 4)]
    assert not button.isEnabled()


def test_culture_targets_and_measures_are_saved_and_undone(qtbot: QtBot, built: Built) -> None:
    page = built.page
    page.tabs.setCurrentIndex(1)
    table = page.culture_tab.targets
    assert table.rowCount() == 4
    assert _cell(table, 1, 0).text() == "Data thinking"
    assert "data" in _cell(table, 1, 1).text().lower()  # the guide's 6.3.2 d.2
    table.setFocus()
    table.setCurrentCell(1, 0)
    qtbot.keyClick(table, Qt.Key.Key_Space)  # tick "Data thinking"
    assert built.culture().targets == {"data_thinking": Adoption(adopted=True)}
    _cell(table, 1, 2).setText("月度经营会改用数据看板")
    assert built.culture().targets == {
        "data_thinking": Adoption(adopted=True, note="月度经营会改用数据看板")
    }

    measures = page.culture_tab.measures
    assert measures.rowCount() == 3  # 6.3.2 i.1–i.3
    _cell(measures, 0, 0).setCheckState(Qt.CheckState.Checked)
    assert built.culture().measures == {"6.3.2.i.1": Adoption(adopted=True)}

    built.stack.undo()
    assert built.culture().measures == {}
    assert _cell(measures, 0, 0).checkState() == Qt.CheckState.Unchecked
    built.stack.undo()
    assert built.culture().targets == {"data_thinking": Adoption(adopted=True)}
    assert _cell(table, 1, 2).text() == ""
    built.stack.undo()
    assert built.culture() == Culture()
    assert _cell(table, 1, 0).checkState() == Qt.CheckState.Unchecked


def test_trait_ratings_are_saved_and_the_radar_redrawn(qtbot: QtBot, built: Built) -> None:
    page = built.page
    with qtbot.waitSignal(page.drawn, timeout=20000):
        page.tabs.setCurrentIndex(1)
    first = page.radar.raster
    assert first is not None and not first.is_blank()
    assert [page.culture_tab.traits.labels[c].text() for c in ("openness", "inclusiveness")] == [
        "Openness",
        "Inclusiveness",
    ]

    now, target = page.culture_tab.traits.spins["openness"]
    assert now.text() == "—"  # not rated yet
    with qtbot.waitSignal(page.drawn, timeout=20000):
        for spin, value in ((now, "2"), (target, "4")):
            spin.selectAll()
            qtbot.keyClicks(spin, value)
            qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert built.culture().traits == {"openness": TraitRating(now=2, target=4)}
    assert page.radar.raster != first
    drawn = page.radar.raster

    agile_now, _agile_target = page.culture_tab.traits.spins["agility"]
    with qtbot.waitSignal(page.drawn, timeout=20000):
        agile_now.stepBy(3)  # arrow clicks: 3
    qtbot.waitUntil(lambda: "agility" in built.culture().traits)
    assert built.culture().traits["agility"] == TraitRating(now=3)
    assert page.radar.raster != drawn

    with qtbot.waitSignal(page.drawn, timeout=20000):
        built.stack.undo()
    assert "agility" not in built.culture().traits
    assert agile_now.value() == 0 and agile_now.text() == "—"
    assert page.radar.raster == drawn  # the same ratings as before: the same picture


def test_resistance_entry_with_its_cause(qtbot: QtBot, built: Built) -> None:
    built.page.tabs.setCurrentIndex(2)
    page = built.page.resistance_tab
    editor = page.editor
    assert "Awareness" in page.cause_hint.text()  # the guide's four causes, nothing selected
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    items = plan.list_items(built.store, built.eng, "resistance")
    assert len(items) == 1 and items[0].record.cause == "awareness"

    source = editor.editors["source"]
    assert isinstance(source, QLineEdit)
    source.setText("班组长、一线操作工")  # QTest cannot type Chinese; the IME would
    qtbot.keyClick(source, Qt.Key.Key_Return)
    cause = editor.editors["cause"]
    assert isinstance(cause, QComboBox)
    _choose(qtbot, cause, 2)  # Interests, then Ability
    description = editor.editors["description"]
    assert isinstance(description, QPlainTextEdit)
    description.setPlainText("担心不会使用MES终端，报工被考核")
    qtbot.waitUntil(
        lambda: plan.list_items(built.store, built.eng, "resistance")[0].record.description != ""
    )
    record = plan.list_items(built.store, built.eng, "resistance")[0].record
    assert record.source == "班组长、一线操作工"
    assert record.cause == "ability"
    assert record.description == "担心不会使用MES终端，报工被考核"
    assert record.status == "open"
    headers = [_header(editor.table, c) for c in range(4)]
    assert headers == ["Source", "Cause", "Owner", "Status"]
    assert [_cell(editor.table, 0, c).text() for c in range(4)] == [
        "班组长、一线操作工",
        "Ability",
        "",
        "Not started",
    ]
    # the guide's explanation of the chosen cause (6.3.2 h.3)
    assert "Ability" in page.cause_hint.text()
    assert "learning new things" in page.cause_hint.text()

    built.stack.undo()  # the description
    built.stack.undo()  # Ability
    assert plan.list_items(built.store, built.eng, "resistance")[0].record.cause == "interest"
    assert cause.currentData() == "interest"
    assert "fear of losing power" in page.cause_hint.text()


def test_guide_content_follows_the_ui_language(
    qtbot: QtBot, built: Built, translations: Translations
) -> None:
    page = built.page
    translations.apply("zh")
    assert page.organization_tab.org_combos["shape_now"].itemText(1) == "金字塔式"
    assert page.organization_tab.mode_buttons["radical"].text() == "激进式转变"
    assert _cell(page.culture_tab.targets, 0, 0).text() == "行为改变"
    assert page.culture_tab.traits.labels["openness"].text() == "开放性"
    translations.apply("en")
    assert page.organization_tab.org_combos["shape_now"].itemText(1) == "Pyramid"
