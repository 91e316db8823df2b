"""The Leadership page driven as a consultant drives it: governance members through the form,
the 6.1.1 checklist by keyboard, and the guide's ideas added as actions (pytest-qt,
offscreen)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
)

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.plan import service as plan
from dtbench.plan.records import Action, GovernanceMember
from dtbench.store import Store
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.rating_table import NOTE, STATUS, TEXT
from dtbench.ui.plan.leadership_page import LeadershipPage
from dtbench.ui.plan.session import PlanSession
from tests.qt_helpers import type_text

GUIDE = load_guide()
CHECKPOINTS = [p.key for p in GUIDE.clause("6.1.1").checkpoints()]


class Setup:
    def __init__(self, store: Store, page: LeadershipPage, stack: QUndoStack, eng: str) -> None:
        self.store = store
        self.page = page
        self.stack = stack
        self.eng = eng

    def members(self) -> list[GovernanceMember]:
        return [i.record for i in plan.list_items(self.store, self.eng, "governance")]

    def actions(self) -> list[Action]:
        return [i.record for i in plan.list_items(self.store, self.eng, "action")]

    def ratings(self) -> dict[str, tuple[str, str]]:
        """The 6.1.1 answers stored in the diagnosis (the one place an item is rated)."""
        rnd = dx.list_rounds(self.store, self.eng)[-1].uuid
        answers = dx.load_round(self.store, rnd).answers
        return {k: (a.status, a.note) for k, a in answers.items() if k.startswith("6.1.1.")}


@pytest.fixture
def setup(qtbot, store: Store, translations) -> Iterator[Setup]:  # type: ignore[no-untyped-def]
    eng = service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid
    stack = QUndoStack()
    session = PlanSession(store, stack, None)
    session.open(eng, "zh")
    diagnosis = DiagnosisSession(store, GUIDE, stack, None)  # type: ignore[arg-type]
    diagnosis.open(eng, "zh")
    page = LeadershipPage(session, diagnosis)
    qtbot.addWidget(page)
    page.resize(1150, 650)
    page.show()
    page.refresh()
    yield Setup(store, page, stack, eng)
    page.close()


def _text(table: QAbstractItemView, row: int, column: int) -> str:
    """What a cell shows (the record tables and the rating table alike)."""
    return str(table.model().index(row, column).data())


def _line(page: LeadershipPage, name: str) -> QLineEdit:
    editor = page.governance.editors[name]
    assert isinstance(editor, QLineEdit)
    return editor


def _enter_text(qtbot, line: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    line.setFocus()
    line.selectAll()
    type_text(qtbot, line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)  # editingFinished, as a user commits


def test_governance_member_added_and_edited_through_the_form(qtbot, setup: Setup) -> None:
    page = setup.page
    page.tabs.setCurrentIndex(0)
    unfilled = page.unfilled.text()
    assert unfilled.startswith("Still to name:")
    for role in ("Senior leader", "Transformation manager", "Business owner"):
        assert role in unfilled

    # Add: the first role nobody holds is proposed, the cursor goes to the name
    qtbot.mouseClick(page.governance.add_button, Qt.MouseButton.LeftButton)
    assert [m.role for m in setup.members()] == ["senior_leader"]
    assert QApplication.focusWidget() is _line(page, "name")
    _enter_text(qtbot, _line(page, "name"), "王建国")
    _enter_text(qtbot, _line(page, "position"), "总经理")
    duties = page.governance.editors["responsibilities"]
    assert isinstance(duties, QPlainTextEdit)
    type_text(qtbot, duties, "数字化转型领导小组组长")
    _line(page, "name").setFocus()  # focus-out saves the text at once
    assert setup.members() == [
        GovernanceMember(
            role="senior_leader",
            name="王建国",
            position="总经理",
            responsibilities="数字化转型领导小组组长",
        )
    ]
    assert _text(page.governance.table, 0, 1) == "王建国"
    assert "Senior leader" not in page.unfilled.text()

    # a second member: the role proposed is the next free one; the user picks another
    qtbot.mouseClick(page.governance.add_button, Qt.MouseButton.LeftButton)
    combo = page.governance.editors["role"]
    assert isinstance(combo, QComboBox)
    assert combo.currentData() == "transformation_manager"
    index = combo.findData("technology_expert")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    _enter_text(qtbot, _line(page, "name"), "赵敏")
    assert [(m.role, m.name) for m in setup.members()] == [
        ("senior_leader", "王建国"),
        ("technology_expert", "赵敏"),
    ]
    assert "Digital technology expert" not in page.unfilled.text()
    assert "Transformation manager" in page.unfilled.text()

    # undo the name: the role is unfilled again, in storage and on screen
    setup.stack.undo()
    assert setup.members()[1].name == ""
    assert "Digital technology expert" in page.unfilled.text()
    assert _line(page, "name").text() == ""
    setup.stack.redo()
    assert "Digital technology expert" not in page.unfilled.text()


def test_unfilled_roles_label_follows_every_change(setup: Setup) -> None:
    page = setup.page
    session = page.session
    for role, name in (
        ("senior_leader", "王建国"),
        ("transformation_manager", "赵敏"),
        ("business_owner", "刘洪涛"),
    ):
        session.add(GovernanceMember(role=role, name=name), "add")
    assert page.unfilled.text() == "Still to name: Digital technology expert"
    session.add(GovernanceMember(role="technology_expert", name="孙立"), "add")
    assert page.unfilled.text() == "All key roles of 6.1.6 c are named."
    assert page.unfilled_roles() == []
    setup.stack.undo()
    assert page.unfilled.text() == "Still to name: Digital technology expert"


def test_competency_status_by_keyboard_note_and_undo(qtbot, setup: Setup) -> None:
    page = setup.page
    page.tabs.setCurrentIndex(1)
    table = page.table
    assert table.model().rowCount() == len(CHECKPOINTS) == 18
    assert _text(table, 0, TEXT) == GUIDE.clause("6.1.1").items[0].text.en
    table.setFocus()
    assert table.current_row() == 0
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3):
        qtbot.keyClick(table, key)
    assert table.current_row() == 3  # each key moved to the next line
    assert setup.ratings() == {
        CHECKPOINTS[0]: ("met", ""),
        CHECKPOINTS[1]: ("partly", ""),
        CHECKPOINTS[2]: ("not_met", ""),
    }
    assert _text(table, 0, STATUS) == "Met"
    assert _text(table, 2, STATUS) == "Not met"
    assert page.competency_summary.text().startswith("Rated 3 of 18")

    # 0 clears the line above again
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_0)
    assert CHECKPOINTS[2] not in setup.ratings()
    assert _text(table, 2, STATUS) == "—"

    # Enter edits the note of the current line
    qtbot.keyClick(table, Qt.Key.Key_Up)  # 0 moved on to line 3 as well
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert table.current_row() == 1
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert table.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("愿景尚未向全员宣贯")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert setup.ratings()[CHECKPOINTS[1]] == ("partly", "愿景尚未向全员宣贯")
    assert _text(table, 1, NOTE) == "愿景尚未向全员宣贯"

    # a note still being typed is saved when the page is left (flush)
    table.go_to_row(5)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("经营决策仍依赖月度手工报表")
    page.flush()
    assert setup.ratings()[CHECKPOINTS[5]][1] == "经营决策仍依赖月度手工报表"
    setup.stack.undo()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert CHECKPOINTS[5] not in setup.ratings()

    # undo: the note goes, then the cleared status comes back
    setup.stack.undo()
    assert setup.ratings()[CHECKPOINTS[1]] == ("partly", "")
    assert _text(table, 1, NOTE) == ""
    setup.stack.undo()
    assert setup.ratings()[CHECKPOINTS[2]] == ("not_met", "")
    assert _text(table, 2, STATUS) == "Not met"
    assert page.competency_summary.text().startswith("Rated 3 of 18")


def test_a_click_on_a_status_opens_the_list_of_statuses(qtbot, setup: Setup) -> None:
    page = setup.page
    page.tabs.setCurrentIndex(1)
    table = page.table
    index = table.model().index(4, STATUS)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    combo = table.indexWidget(index)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Not assessed",
        "Met",
        "Partly met",
        "Not met",
    ]
    combo.hidePopup()
    chosen = combo.findData("partly")
    combo.setCurrentIndex(chosen)
    combo.activated.emit(chosen)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert setup.ratings() == {CHECKPOINTS[4]: ("partly", "")}
    assert _text(table, 4, STATUS) == "Partly met"

    # from the keyboard: Space opens the same list on the current line
    table.go_to_row(6)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    combo = table.indexWidget(table.model().index(6, STATUS))
    assert isinstance(combo, QComboBox) and combo.currentData() == ""
    combo.hidePopup()
    chosen = combo.findData("met")
    combo.setCurrentIndex(chosen)
    combo.activated.emit(chosen)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert setup.ratings()[CHECKPOINTS[6]] == ("met", "")
    assert table.hasFocus() and table.current_row() == 6


def test_ideas_from_the_guide_are_added_in_one_undo_step(qtbot, setup: Setup) -> None:
    page = setup.page
    page.tabs.setCurrentIndex(2)
    qtbot.mouseClick(page.ideas_button, Qt.MouseButton.LeftButton)
    dialog = page.ideas_dialog
    assert dialog is not None and dialog.isVisible()
    entries = {dialog.list.item(r).text(): dialog.list.item(r) for r in range(dialog.list.count())}
    # the suggestions are the guide's own texts: 6.1.3 c 1)–4), 6.1.4 a), b), c) 1)–3)
    c2 = "6.1.3 c) 2)  Exchange digital transformation experience with benchmark enterprises"
    a4 = next(t for t in entries if t.startswith("6.1.4 a)  Adopt effective means"))
    assert c2 in entries and a4.endswith("training, etc.")
    assert len([t for t in entries if t.startswith("6.1.")]) == 9
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    # check one with the keyboard, one with the mouse's check box
    dialog.list.setFocus()
    dialog.list.setCurrentItem(entries[c2])
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert entries[c2].checkState() == Qt.CheckState.Checked
    entries[a4].setCheckState(Qt.CheckState.Checked)
    assert ok.isEnabled()
    before = setup.stack.count()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert setup.stack.count() == before + 1
    actions = setup.actions()
    assert [(a.audience, a.title, a.status) for a in actions] == [
        (
            "managers",
            "Exchange digital transformation experience with benchmark enterprises",
            "open",
        ),
        ("employees", a4.split("  ", 1)[1], "open"),
    ]
    assert page.action_editor.table.rowCount() == 2
    assert page.action_summary.text() == (
        "Managers: 1 actions, 0 done   ·   Employees: 1 actions, 0 done"
    )

    # one undo removes both
    setup.stack.undo()
    assert setup.actions() == []
    assert page.action_editor.table.rowCount() == 0
    setup.stack.redo()
    assert len(setup.actions()) == 2

    # opened again, the ideas already planned cannot be added twice
    qtbot.mouseClick(page.ideas_button, Qt.MouseButton.LeftButton)
    again = page.ideas_dialog
    assert again is not None
    planned = [
        again.list.item(r)
        for r in range(again.list.count())
        if again.list.item(r).text().endswith("(already planned)")
    ]
    assert len(planned) == 2
    assert not any(i.flags() & Qt.ItemFlag.ItemIsUserCheckable for i in planned)
    again.reject()


def test_action_edited_through_the_form(qtbot, setup: Setup) -> None:
    page = setup.page
    page.tabs.setCurrentIndex(2)
    editor = page.action_editor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    title = editor.editors["title"]
    assert isinstance(title, QLineEdit) and QApplication.focusWidget() is title
    type_text(qtbot, title, "中层干部赴标杆企业参观交流")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    status = editor.editors["status"]
    assert isinstance(status, QComboBox)
    done = status.findData("done")
    status.setCurrentIndex(done)
    status.activated.emit(done)
    assert setup.actions() == [
        Action(audience="managers", title="中层干部赴标杆企业参观交流", status="done")
    ]
    assert page.action_summary.text().startswith("Managers: 1 actions, 1 done")
    setup.stack.undo()
    assert setup.actions()[0].status == "open"
    assert page.action_summary.text().startswith("Managers: 1 actions, 0 done")


def test_guide_texts_follow_the_ui_language(setup: Setup, translations) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    page.table.go_to_row(7)
    translations.apply("zh")
    assert page.table.current_row() == 7  # the rows are rebuilt in place
    clause = GUIDE.clause("6.1.1")
    assert _text(page.table, 0, TEXT) == clause.items[0].text.zh
    assert "高层领导者" in page.unfilled.text()
    assert "建立数字化转型治理组织" in page.governance_intro.text()
    translations.apply("en")
    assert _text(page.table, 0, TEXT) == clause.items[0].text.en
