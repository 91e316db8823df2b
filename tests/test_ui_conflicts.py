"""Someone else saved the findings the consultant is typing: leaving the field brings both
versions side by side; Keep mine, Take theirs and Merge leave the right text saved and shown,
Cancel keeps the typed text in the field (marked, asked again on the next save), and Undo
takes back the settled save (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.store import Store
from dtbench.ui.diagnosis.diagnosis_page import KEY_ROLE
from dtbench.ui.shell.main_window import MainWindow
from dtbench.ui.team.conflict_dialog import ConflictDialog

GUIDE = load_guide()
THEIRS = "Scheduling in Excel; rush orders by phone."
TYPED = "Two planners, weekly plan."


def _open(window: MainWindow, store: Store) -> tuple[Any, str]:
    created = service.create_engagement(store, client_name="大连澜岳精工", title="现状诊断")
    window.refresh(created.uuid)
    window.open_engagement(created.uuid)
    ws = window.workspace
    assert ws is not None
    ws.show_step("diagnosis")
    QApplication.processEvents()
    return ws, dx.list_rounds(store, created.uuid)[-1].uuid


def _when_asked(
    qtbot: Any, act: Callable[[ConflictDialog], None], seen: list[dict[str, object]]
) -> None:
    """Answer the conflict dialog, once it is open, with ``act``; note what it showed."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(10, poll)
            return
        seen.append(_shown(dialog))
        act(dialog)

    QTimer.singleShot(0, poll)


def _type_and_leave(qtbot: Any, details: Any, text: str) -> None:
    details.findings.setFocus()
    details.findings.moveCursor(details.findings.textCursor().MoveOperation.End)
    qtbot.keyClicks(details.findings, text)
    details.autosave.save(details.findings)  # the field is left


def _shown(dialog: ConflictDialog) -> dict[str, object]:
    """What the dialog shows: each side's value, its labels, whether Merge is offered."""
    sides = {}
    for name, views in (("theirs", dialog.theirs), ("mine", dialog.mine)):
        for field, view in views.items():
            text = view.toPlainText() if isinstance(view, QPlainTextEdit) else view.text()
            sides[f"{name}:{field}"] = text
    return {
        **sides,
        "labels": [label.text() for label in dialog.findChildren(QLabel)],
        "merge": not dialog.merge_button.isHidden(),
        "keys": [b.text() for b in (dialog.keep_button, dialog.take_button, dialog.merge_button)],
    }


def test_keep_mine_saves_mine_over_theirs_and_undo_gives_theirs_back(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    ws, rnd = _open(window, store)
    details = ws.diagnosis.details
    dx.set_clause(other, rnd, "5.2", "findings", THEIRS)  # behind the window's back
    seen: list[dict[str, object]] = []
    _when_asked(qtbot, lambda d: d.keep_button.click(), seen)
    _type_and_leave(qtbot, details, TYPED)
    assert len(seen) == 1
    shown = seen[0]
    assert (shown["theirs:findings"], shown["mine:findings"]) == (THEIRS, TYPED)
    labels = shown["labels"]
    assert isinstance(labels, list)
    assert any(t.startswith("Theirs — lintao, ") for t in labels), labels
    assert "Yours (not saved yet)" in labels and shown["merge"]
    assert shown["keys"] == ["&Keep mine", "&Take theirs", "&Merge…"]  # access keys
    assert dx.load_clause(store, rnd, "5.2").findings == TYPED
    assert details.findings.toPlainText() == TYPED
    assert ws.session.clause("5.2").findings == TYPED
    ws.undo_stack.undo()
    assert dx.load_clause(other, rnd, "5.2").findings == THEIRS
    assert details.findings.toPlainText() == THEIRS


def test_take_theirs_shows_theirs(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    ws, rnd = _open(window, store)
    details = ws.diagnosis.details
    dx.set_clause(other, rnd, "5.2", "findings", THEIRS)
    seen: list[dict[str, object]] = []
    _when_asked(qtbot, lambda d: d.take_button.click(), seen)
    _type_and_leave(qtbot, details, TYPED)
    assert len(seen) == 1
    assert dx.load_clause(store, rnd, "5.2").findings == THEIRS
    assert details.findings.toPlainText() == THEIRS
    # the next typing is saved against their version: no dialog
    _type_and_leave(qtbot, details, " More.")
    assert len(seen) == 1
    assert dx.load_clause(other, rnd, "5.2").findings == THEIRS + " More."


def test_merge_offers_both_texts_to_edit_and_saves_the_result(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    ws, rnd = _open(window, store)
    details = ws.diagnosis.details
    dx.set_clause(other, rnd, "5.2", "findings", THEIRS)
    seen: list[dict[str, object]] = []
    offered: list[str] = []

    def merge(dialog: ConflictDialog) -> None:
        dialog.merge_button.click()
        editor = dialog.merged["findings"]
        offered.append(editor.toPlainText())
        editor.setPlainText(f"{THEIRS}\n{TYPED}")
        dialog.merge_button.click()  # now: Save merged

    _when_asked(qtbot, merge, seen)
    _type_and_leave(qtbot, details, TYPED)
    (text,) = offered
    assert THEIRS in text and TYPED in text and text.index(THEIRS) < text.index(TYPED)
    assert "=====" in text  # the two versions clearly separated
    assert dx.load_clause(store, rnd, "5.2").findings == f"{THEIRS}\n{TYPED}"
    assert details.findings.toPlainText() == f"{THEIRS}\n{TYPED}"


def test_cancel_keeps_the_typed_text_unsaved_and_asks_again(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    ws, rnd = _open(window, store)
    details = ws.diagnosis.details
    dx.set_clause(other, rnd, "5.2", "findings", THEIRS)
    seen: list[dict[str, object]] = []
    _when_asked(qtbot, lambda d: d.reject(), seen)
    _type_and_leave(qtbot, details, TYPED)
    assert len(seen) == 1
    assert dx.load_clause(store, rnd, "5.2").findings == THEIRS
    assert details.findings.toPlainText() == TYPED  # never dropped
    assert details.findings.property("unsaved") is True
    assert "Not saved" in details.findings.toolTip()
    assert details.autosave.pending(details.findings)
    # the next save (leaving the clause) asks again; Esc cancels again, then Keep mine
    _when_asked(qtbot, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape), seen)
    details.flush()
    assert len(seen) == 2 and details.findings.toPlainText() == TYPED
    _when_asked(qtbot, lambda d: qtbot.keyClick(d, Qt.Key.Key_Return), seen)  # Keep mine
    details.flush()
    assert len(seen) == 3
    assert dx.load_clause(other, rnd, "5.2").findings == TYPED
    assert details.findings.property("unsaved") is False


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
def test_cancel_while_changing_clause_keeps_the_text_for_its_own_clause(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    """Leaving clause A for B saves A's typing; a colleague's save of A asks, and Cancel
    keeps the text for A: B shows its own findings, nothing of A's is saved into B."""
    ws, rnd = _open(window, store)
    page = ws.diagnosis
    details = page.details
    details.autosave.idle_ms = 60_000  # only leaving saves
    a = details.clause_key
    keys = [str(item.data(0, KEY_ROLE)) for item in page._clause_items()]
    b = keys[keys.index(a) + 1]
    own = "B: an ERP since 2019."
    page.select_clause(b)
    _type_and_leave(qtbot, details, own)
    page.select_clause(a)
    dx.set_clause(other, rnd, a, "findings", THEIRS)  # bob saves A's findings
    details.findings.setFocus()
    qtbot.keyClicks(details.findings, TYPED)  # alice types in A, does not leave it yet
    seen: list[dict[str, object]] = []
    keep: list[bool] = []  # the next answer: Keep mine; else Cancel
    asking = [True]

    def answer() -> None:  # every dialog, however many are asked
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ConflictDialog):
            seen.append(_shown(dialog))
            dialog.keep_button.click() if keep and keep.pop() else dialog.reject()
        if asking[0]:
            QTimer.singleShot(10, answer)

    QTimer.singleShot(0, answer)
    page.select_clause(b)  # changing clause saves A: asked, cancelled
    assert len(seen) == 1 and seen[0]["mine:findings"] == TYPED
    assert details.clause_key == b
    assert details.findings.toPlainText() == own  # B's own text, unmarked
    assert not details.findings.property("unsaved")
    assert not details.autosave.pending(details.findings)
    _type_and_leave(qtbot, details, " More.")  # a save of B saves B's text only
    details.flush()
    assert len(seen) == 1
    assert dx.load_clause(other, rnd, b).findings == own + " More."
    assert dx.load_clause(other, rnd, a).findings == THEIRS
    page.select_clause(a)  # back to A: the kept text again, marked
    assert details.findings.toPlainText() == TYPED
    assert details.findings.property("unsaved") is True
    keep.append(True)
    page.select_clause(b)  # leaving A asks again; Keep mine saves it into A
    assert len(seen) == 2
    assert dx.load_clause(other, rnd, a).findings == TYPED
    assert dx.load_clause(other, rnd, b).findings == own + " More."
    assert details.findings.toPlainText() == own + " More."
    page.select_clause(a)
    assert details.findings.toPlainText() == TYPED and not details.findings.property("unsaved")
    assert len(seen) == 2
    asking[0] = False


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
def test_cancel_while_closing_keeps_the_window_and_the_text(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    """Closing saves what is typed; a colleague's save asks, and Cancel aborts the close:
    the window stays, the text kept and marked. Closing again asks again."""
    ws, rnd = _open(window, store)
    details = ws.diagnosis.details
    details.autosave.idle_ms = 60_000  # only leaving saves
    dx.set_clause(other, rnd, "5.2", "findings", THEIRS)
    details.findings.setFocus()
    qtbot.keyClicks(details.findings, TYPED)
    seen: list[dict[str, object]] = []
    _when_asked(qtbot, lambda d: d.reject(), seen)
    assert not window.close()
    assert len(seen) == 1
    assert window.isVisible() and window.workspace is ws
    assert details.findings.toPlainText() == TYPED
    assert details.findings.property("unsaved") is True
    assert dx.load_clause(other, rnd, "5.2").findings == THEIRS
    _when_asked(qtbot, lambda d: d.keep_button.click(), seen)
    window.close()
    assert len(seen) == 2
    assert dx.load_clause(other, rnd, "5.2").findings == TYPED
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)


def test_a_status_key_on_a_checkpoint_changed_meanwhile_asks_in_compact_form(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    ws, rnd = _open(window, store)
    page = ws.diagnosis
    first = next(iter(GUIDE.clause("5.2").checkpoints())).key
    dx.set_answer(other, rnd, first, status="met")
    seen: list[dict[str, object]] = []
    _when_asked(qtbot, lambda d: d.take_button.click(), seen)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_2)  # partly
    assert len(seen) == 1
    assert not seen[0]["merge"]
    assert (seen[0]["theirs:status"], seen[0]["mine:status"]) == ("Met", "Partly met")
    assert dx.load_answer(store, rnd, first).status == "met"
    assert ws.session.answer(first).status == "met"


def test_typing_keeps_its_base_when_others_changes_are_loaded_meanwhile(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    """A reload (a change notice) while the consultant types must not make their save
    silently overwrite what it brought in."""
    ws, rnd = _open(window, store)
    details = ws.diagnosis.details
    details.findings.setFocus()
    qtbot.keyClicks(details.findings, "Two ")  # typing begins: the base is what was shown
    dx.set_clause(other, rnd, "5.2", "findings", THEIRS)
    seen: list[dict[str, object]] = []
    _when_asked(qtbot, lambda d: d.keep_button.click(), seen)
    ws.session.reload()  # their text arrives; the page saves the typing: asked
    assert len(seen) == 1 and seen[0]["theirs:findings"] == THEIRS
    assert seen[0]["mine:findings"] == "Two "
    assert dx.load_clause(store, rnd, "5.2").findings == "Two "
    assert details.findings.toPlainText() == "Two "


def test_plan_records_settle_field_by_field(qtbot: Any, store: Store, other: Store) -> None:
    import shiboken6
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QUndoStack

    from dtbench.plan import service as plan
    from dtbench.plan.records import Kpi, Strategy
    from dtbench.ui.plan.session import PlanSession

    eng = service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid
    kpi = plan.add_item(store, eng, Kpi(name="OEE", category="production_efficiency"))
    owner = QObject()  # deleted at the end, with the session and its undo stack
    stack = QUndoStack(owner)
    session = PlanSession(store, stack, owner)
    asked: list[dict[str, object]] = []
    session.resolver = lambda c: (
        asked.append({f.field: f.theirs for f in c.conflicts})
        or {f.field: f.mine for f in c.conflicts}
    )
    session.open(eng, "zh")
    # B changes the unit, A the name: merged without asking
    plan.update_item(other, kpi.uuid, plan.replace_struct(kpi.record, unit="%"))
    session.update(kpi.uuid, plan.replace_struct(kpi.record, name="设备综合效率"), "name")
    assert asked == []
    (stored,) = plan.list_items(other, eng, "kpi")
    assert (stored.record.name, stored.record.unit) == ("设备综合效率", "%")
    # the same field: asked, mine kept; undo gives theirs back
    plan.update_item(other, kpi.uuid, plan.replace_struct(stored.record, name="OEE（B）"))
    session.update(kpi.uuid, plan.replace_struct(stored.record, name="OEE（A）"), "name")
    assert asked == [{"name": "OEE（B）"}]
    assert plan.list_items(other, eng, "kpi")[0].record.name == "OEE（A）"
    stack.undo()
    assert plan.list_items(other, eng, "kpi")[0].record.name == "OEE（B）"
    # a single record both set for the first time
    plan.set_value(other, eng, "strategy", Strategy(vision="B 的愿景"))
    session.set_value("strategy", Strategy(vision="A 的愿景"), "vision")
    assert asked[-1] == {"vision": "B 的愿景"}
    assert plan.get_value(other, eng, "strategy").vision == "A 的愿景"
    assert session.value("strategy").vision == "A 的愿景"
    # an item B removed: kept (put back) by A's choice
    plan.remove_item(other, kpi.uuid)
    current = session.item(kpi.uuid)
    assert current is not None
    session.update(kpi.uuid, plan.replace_struct(current.record, unit="‰"), "unit")
    assert [i.record.unit for i in plan.list_items(other, eng, "kpi")] == ["‰"]
    shiboken6.delete(owner)


def test_a_note_typed_while_others_notes_are_loaded_keeps_its_base(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    """The checklist's note editor opens on what the line showed; a colleague's note loaded
    while it is open does not make the consultant's note silently replace it."""
    ws, rnd = _open(window, store)
    page = ws.diagnosis
    first = next(iter(GUIDE.clause("5.2").checkpoints())).key
    table = page.checklist
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 3))
    qtbot.keyClick(table, Qt.Key.Key_Return)  # the note's editor opens
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Two planners")
    dx.set_answer(other, rnd, first, note="Their note")
    seen: list[dict[str, object]] = []
    _when_asked(qtbot, lambda d: d.keep_button.click(), seen)
    ws.session.reload()  # their note arrives meanwhile
    if editor is not None and editor.isVisible():  # still open: the consultant presses Enter
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert len(seen) == 1
    assert (seen[0]["theirs:note"], seen[0]["mine:note"]) == ("Their note", "Two planners")
    assert dx.load_answer(store, rnd, first).note == "Two planners"
