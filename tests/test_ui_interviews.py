"""The interview plan in the app: planned by keyboard on the Fieldwork step, picked as the
interview in progress on the Diagnosis step, what it said kept apart and shown with the
clause, disagreements named, and every step undone."""

from __future__ import annotations

import os
from pathlib import Path

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget

from dtbench.diagnosis import service as dx
from dtbench.diagnosis.records import AnswerRecord
from dtbench.engagement import service
from dtbench.engagement.records import ContactRecord
from dtbench.plan import service as plan
from dtbench.plan.records import Fieldwork
from dtbench.store import Store
from dtbench.ui.kit import tasks
from dtbench.ui.plan.fieldwork_page import FieldworkPage
from dtbench.ui.shell.main_window import MainWindow

SHOTS = os.environ.get("DTBENCH_SHOTS", "")  # a folder: the tests save what they show


def _shot(window: MainWindow, name: str) -> None:
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _engagement(store: Store) -> str:
    uuid = service.create_engagement(store, client_name="大连澜岳精工", title="诊断").uuid
    service.set_field(
        store,
        uuid,
        "contacts",
        (ContactRecord("孙立强", "生产计划部经理"), ContactRecord("冯刚", "一厂厂长")),
    )
    dx.ensure_rounds(store, uuid, "基线评估")
    return uuid


def _fieldwork(window: MainWindow, store: Store) -> tuple[str, FieldworkPage]:
    """A new engagement with two contacts, open on its Fieldwork step."""
    uuid = _engagement(store)
    window.refresh(uuid)
    window.open_engagement(uuid, step="fieldwork")
    assert window.workspace is not None
    return uuid, window.workspace.fieldwork


def _interviews(store: Store, uuid: str) -> list[Fieldwork]:
    return [
        i.record for i in plan.list_items(store, uuid, "fieldwork") if i.record.kind == "interview"
    ]


def test_an_interview_is_planned_by_keyboard_and_undone(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid, page = _fieldwork(window, store)
    editor = page.editor
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    subject = editor.editors["subject"]
    assert isinstance(subject, QLineEdit) and subject.hasFocus()
    subject.selectAll()
    qtbot.keyClicks(subject, "Sun Liqiang")
    qtbot.keyClick(subject, Qt.Key.Key_Tab)  # leaving the field saves it
    place = editor.editors["place"]
    assert isinstance(place, QLineEdit)
    place.setFocus()
    qtbot.keyClicks(place, "Room 3")
    qtbot.keyClick(place, Qt.Key.Key_Tab)
    clauses = editor.editors["clauses"]
    assert isinstance(clauses, QListWidget)
    clauses.setFocus()
    row = next(i for i in range(clauses.count()) if clauses.item(i).text().startswith("7.3.1 "))
    clauses.setCurrentRow(row)
    qtbot.keyClick(clauses, Qt.Key.Key_Space)  # ticks the clause
    [record] = _interviews(store, uuid)
    assert (record.subject, record.place, record.clauses, record.status) == (
        "Sun Liqiang",
        "Room 3",
        ("7.3.1",),
        "planned",
    )
    status = editor.editors["status"]
    assert isinstance(status, QComboBox)
    status.setCurrentIndex(status.findData("held"))
    status.activated.emit(status.currentIndex())
    assert _interviews(store, uuid)[0].status == "held"
    _shot(window, "fieldwork_interviews")
    window.undo_group.undo()
    assert _interviews(store, uuid)[0].status == "planned"
    for _ in range(4):
        window.undo_group.undo()
    assert _interviews(store, uuid) == [] and editor.table.rowCount() == 0


def test_interviews_are_suggested_in_one_undo_step_and_their_papers_printed(
    qtbot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    uuid, page = _fieldwork(window, store)
    added = page.suggest()
    suggested = _interviews(store, uuid)
    assert added == len(suggested) and page.editor.table.rowCount() == added
    assert suggested[0].subject == "总经理"  # nobody on the contact list leads: a placeholder
    assert any(f.subject == "孙立强" and "7.3.1" in f.clauses for f in suggested)
    # the workshops tab does not list them
    assert page.others.table.rowCount() == 0
    row = next(i for i, f in enumerate(suggested) if f.subject == "孙立强")
    page.editor.table.selectRow(row)
    guide = tmp_path / "提纲.docx"
    page.print_guide(guide)
    qtbot.waitUntil(lambda: not tasks.busy() and guide.exists(), timeout=20000)
    qtbot.waitUntil(lambda: "提纲.docx" in page.written.text(), timeout=5000)
    text = "\n".join(p.text for p in Document(str(guide)).paragraphs)
    assert "7.3.1 生产计划管理" in text
    schedule = tmp_path / "日程.docx"
    page.print_schedule(schedule)
    qtbot.waitUntil(lambda: not tasks.busy() and schedule.exists(), timeout=20000)
    assert len(Document(str(schedule)).tables[0].rows) == added + 1
    window.undo_group.undo()
    assert _interviews(store, uuid) == []


def test_the_interview_in_progress_keeps_what_it_said_and_disagreements_show(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _engagement(store)
    sun = plan.add_item(
        store, uuid, Fieldwork(kind="interview", subject="孙立强", role="生产计划部经理")
    ).uuid
    feng = plan.add_item(store, uuid, Fieldwork(kind="interview", subject="冯刚")).uuid
    window.refresh(uuid)
    window.open_engagement(uuid, step="diagnosis")
    ws = window.workspace
    assert ws is not None
    page = ws.diagnosis
    page.select_clause("7.3.1")
    combo = page.interview.combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["", sun, feng]
    assert page.interview.label.buddy() is combo and "&" in page.interview.label.text()

    def pick(uuid: str) -> None:
        # by keyboard: the combo has the focus, the arrow keys move to the interview
        combo.setFocus()
        while combo.currentData() != uuid:
            qtbot.keyClick(combo, Qt.Key.Key_Down)

    def answer(key: str) -> None:
        page.checklist.setFocus()
        page.checklist.go_to_row(page.model.row_of("7.3.1.a") or 0)
        qtbot.keyClick(page.checklist, key)

    pick(sun)
    assert ws.session.interview == sun
    answer(Qt.Key.Key_2)  # partly met
    rnd = ws.session.round.uuid
    assert dx.load_round(store, rnd).heard == {sun: {"7.3.1.a": AnswerRecord("partly", "")}}
    # the person joins the clause's interviewees
    assert dx.load_clause(store, rnd, "7.3.1").interviewees == "孙立强（生产计划部经理）"
    assert page.heard.text() == "Interviews: 孙立强"
    pick(feng)
    answer(Qt.Key.Key_3)  # not met
    assert dx.load_answer(store, rnd, "7.3.1.a").status == "not_met"
    line = page.heard.text()
    assert line.startswith("Interviews: 孙立强, 冯刚")
    assert "7.3.1.a differs: Partly met / Not met" in line and page.heard.isVisible()
    _shot(window, "diagnosis_interviews")
    # findings typed during the interview are kept as its own
    findings = page.details.findings
    findings.setFocus()
    findings.insertPlainText("插单打乱周计划")  # as an input method commits it
    page.flush()
    assert dx.load_round(store, rnd).heard[feng]["7.3.1"].note == "插单打乱周计划"
    window.undo_group.undo()  # the findings
    window.undo_group.undo()  # 冯刚's answer: the disagreement goes, the person too
    heard = dx.load_round(store, rnd).heard
    assert feng not in heard and heard[sun]["7.3.1.a"].status == "partly"
    assert dx.load_answer(store, rnd, "7.3.1.a").status == "partly"
    assert dx.load_clause(store, rnd, "7.3.1").interviewees == "孙立强（生产计划部经理）"
    assert page.heard.text() == "Interviews: 孙立强"
    window.undo_group.undo()
    assert dx.load_round(store, rnd).heard == {}
    assert not page.heard.isVisible()
    assert dx.load_clause(store, rnd, "7.3.1").interviewees == ""
    # an interview removed on the Fieldwork step leaves the combo
    plan_session = ws.plan
    plan_session.remove(feng, "remove")
    assert [combo.itemData(i) for i in range(combo.count())] == ["", sun]
