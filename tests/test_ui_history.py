"""History… in the app: the Diagnosis step shows a clause's changes (who, when, from what to
what, newest first) and restores a value as one undo step; a plan record's editor does the
same for its record."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.plan import service as ps
from dtbench.plan.records import NextStep
from dtbench.store import Store
from dtbench.team import history
from dtbench.ui.kit.translations import Translations
from dtbench.ui.shell.main_window import MainWindow
from dtbench.ui.team.history_dialog import HistoryDialog, clause_dialog, record_dialog

ITEM = "7.3.1.a"
CLAUSE = "7.3.1"


def _open(window: MainWindow, store: Store, step: str) -> tuple[str, str]:
    created = service.create_engagement(store, client_name="ACME", title="Review")
    rnd = dx.ensure_rounds(store, created.uuid, "Baseline")[0].uuid
    window.refresh()
    window.open_engagement(created.uuid, step=step)
    return created.uuid, rnd


def _clause_dialog(qtbot, window: MainWindow) -> HistoryDialog:  # type: ignore[no-untyped-def]
    page = window.workspace.diagnosis
    page.select_clause(CLAUSE)
    dialog = clause_dialog(page)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_a_clause_history_shows_who_changed_what_and_restores_as_one_undo_step(
    qtbot, window: MainWindow, store: Store
) -> None:
    _, rnd = _open(window, store, "diagnosis")
    session = window.workspace.session
    session.set_answer(ITEM, status="met")
    session.set_answer(ITEM, status="not_met")
    session.set_clause(CLAUSE, "findings", "Orders on paper")
    dialog = _clause_dialog(qtbot, window)
    rows = [
        tuple(dialog.table.item(r, c).text() for c in range(1, 5))
        for r in range(dialog.table.rowCount())
    ]
    assert rows[0] == (store.author, "Findings", "(none)", "Orders on paper")
    assert rows[1] == (store.author, f"{ITEM} · Status", "Met", "Not met")
    assert rows[2] == (store.author, f"{ITEM} · Status", "(none)", "Met")
    assert dialog.table.item(0, 0).text()  # the time, in the UI's format

    # narrowing to the item
    dialog.filter.setCurrentIndex(dialog.filter.findText(ITEM))
    assert {dialog.item_text(c) for c in dialog.shown()} == {f"{ITEM} · Status"}

    dialog.table.selectRow(0)  # met → not met
    before = window.workspace.undo_stack.count()
    qtbot.mouseClick(dialog.restore_before, Qt.MouseButton.LeftButton)
    assert dx.load_answer(store, rnd, ITEM).status == "met"
    assert session.answer(ITEM).status == "met"  # the view's cache follows
    assert window.workspace.undo_stack.count() == before + 1
    assert dialog.table.rowCount() == 3  # the restore is in the item's history too
    assert dialog.table.item(0, 4).text() == "Met"

    window.workspace.undo_stack.undo()  # one step takes the restore back
    assert dx.load_answer(store, rnd, ITEM).status == "not_met"
    assert session.answer(ITEM).status == "not_met"


def test_the_value_after_a_change_can_be_restored(qtbot, window: MainWindow, store: Store) -> None:
    _, rnd = _open(window, store, "diagnosis")
    session = window.workspace.session
    session.set_clause(CLAUSE, "findings", "first")
    session.set_clause(CLAUSE, "findings", "second")
    session.set_clause(CLAUSE, "findings", "")
    dialog = _clause_dialog(qtbot, window)
    dialog.table.selectRow(1)  # first → second
    qtbot.mouseClick(dialog.restore_after, Qt.MouseButton.LeftButton)
    assert dx.load_clause(store, rnd, CLAUSE).findings == "second"
    assert window.workspace.diagnosis.details.findings.toPlainText() == "second"


def test_a_plan_record_history_restores_a_field_through_the_plan_session(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid, _ = _open(window, store, "next_steps")
    item = ps.add_item(store, uuid, NextStep(action="Sign", owner="CEO"))
    ps.update_item(store, item.uuid, NextStep(action="Sign", owner="CFO"))
    window.workspace.plan.reload()
    editor = window.workspace.next_steps.editor
    editor.select(item.uuid)
    assert editor.history_button.isEnabled()  # type: ignore[attr-defined]
    dialog = record_dialog(editor)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.windowTitle().endswith("Sign")
    owner = next(
        r for r in range(dialog.table.rowCount()) if "CFO" in dialog.table.item(r, 4).text()
    )
    dialog.table.selectRow(owner)
    qtbot.mouseClick(dialog.restore_before, Qt.MouseButton.LeftButton)
    assert ps.list_items(store, uuid, "next_step")[0].record.owner == "CEO"
    assert window.workspace.plan.item(item.uuid).record.owner == "CEO"  # type: ignore[union-attr]
    window.workspace.undo_stack.undo()
    assert ps.list_items(store, uuid, "next_step")[0].record.owner == "CFO"
    assert len(history.record_history(store, uuid, "plan", item.uuid)) == 4


def test_ctrl_h_opens_the_clause_history(
    qtbot, window: MainWindow, store: Store, monkeypatch
) -> None:
    _open(window, store, "diagnosis")
    opened: list[HistoryDialog] = []

    def fake_exec(dialog: HistoryDialog) -> int:
        opened.append(dialog)
        qtbot.addWidget(dialog)
        return 0

    monkeypatch.setattr(HistoryDialog, "exec", fake_exec)
    page = window.workspace.diagnosis
    page.select_clause(CLAUSE)
    window.show()
    qtbot.waitExposed(window)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
    assert CLAUSE in opened[0].windowTitle()
    assert opened[0].empty.isVisible() or opened[0].table.rowCount() == 0


def test_the_dialog_speaks_chinese(
    qtbot, window: MainWindow, store: Store, translations: Translations
) -> None:
    translations.apply("zh")
    _open(window, store, "diagnosis")
    window.workspace.session.set_answer(ITEM, status="met")
    dialog = _clause_dialog(qtbot, window)
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers == ["时间", "作者", "项目", "原值", "新值"]
    assert window.workspace.diagnosis.details.history_button.text() == "历史…"  # type: ignore[attr-defined]
