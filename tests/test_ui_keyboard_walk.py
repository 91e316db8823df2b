"""A whole morning on site by the keyboard alone, in a window the size of a 1280×720 laptop
screen at 150 % (issue 16, point 7): find the engagement, plan the interviews, print the
interviewee's guide, pick the interview in progress on the diagnosis, walk every checkpoint of
a clause with a note on one, set its levels, type its findings and go on to the next clause.
Every key goes to the widget that has the focus, as on a real keyboard; only the file
dialog's answer is given (it is the system's own window)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QScrollArea
from qt_helpers import Keyboard

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.engagement.records import ContactRecord
from dtbench.guide import load_guide
from dtbench.plan import service as plan
from dtbench.store import Store
from dtbench.ui.kit import tasks
from dtbench.ui.shell.main_window import MainWindow
from tests.screen_check import client_sizes

GUIDE = load_guide()
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CLAUSE = "5.2"


def _laptop_at_150() -> QSize:
    return dict(client_sizes())["1280×720 at 150%"]


def test_a_clause_walked_by_keys_alone_with_its_interview(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = service.create_engagement(store, client_name="海港物流", title="数字化诊断")
    service.set_field(
        store,
        created.uuid,
        "contacts",
        (ContactRecord("王建国", "总经理"), ContactRecord("孙立强", "生产计划部经理")),
    )
    window.resize(_laptop_at_150())
    window.refresh()
    keys = Keyboard(qtbot)

    # find the engagement and open it
    window.list_page.setFocus()
    keys.press(Qt.Key.Key_F, CTRL)
    keys.write("海港")
    keys.press(Qt.Key.Key_Return)
    ws = window.workspace
    assert window.stack.currentWidget() is ws and ws is not None

    # the interview plan: suggested from the scope and the contacts, then the guide printed
    keys.press(Qt.Key.Key_3, CTRL)
    page = ws.fieldwork
    assert page.isAncestorOf(QApplication.focusWidget())
    keys.press(Qt.Key.Key_S, ALT)  # Suggest interviews
    qtbot.waitUntil(lambda: page.editor.table.rowCount() > 0)
    interviews = [i for i in plan.list_items(store, created.uuid, "fieldwork")]
    leader = next(i for i in interviews if i.record.subject == "王建国")
    assert CLAUSE in leader.record.clauses  # the leadership's interview covers 5.2
    # to the interview's row: the table, then down the rows
    while QApplication.focusWidget() is not page.editor.table:
        keys.press(Qt.Key.Key_Tab)
        assert keys.keys < 40, "the interview table is not reachable by Tab"
    while page.editor.current_item() is None or page.editor.current_item().uuid != leader.uuid:
        keys.press(Qt.Key.Key_Down)
        assert keys.keys < 80
    guide = tmp_path / "访谈提纲-王建国.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(guide), ""))
    # the progress dialog shows at once, as on a slow laptop: the keyboard must come back
    monkeypatch.setattr(tasks, "PROGRESS_DELAY_MS", 0)
    keys.press(Qt.Key.Key_P, ALT)  # Print interview guide…
    qtbot.waitUntil(lambda: not tasks.busy() and guide.exists(), timeout=30000)
    printed = "\n".join(p.text for p in Document(str(guide)).paragraphs)
    assert "王建国" in "\n".join(
        c.text for t in Document(str(guide)).tables for r in t.rows for c in r.cells
    )
    assert GUIDE.clause(CLAUSE).title.get("zh") in printed

    # the diagnosis: the keyboard lands in the checklist; the interview in progress is picked
    keys.press(Qt.Key.Key_4, CTRL)
    diagnosis = ws.diagnosis
    assert QApplication.focusWidget() is diagnosis.checklist
    assert diagnosis.current_clause() == CLAUSE
    for step in (page, diagnosis):  # nothing to scroll sideways on this screen
        area = step.parentWidget().parentWidget()
        assert isinstance(area, QScrollArea) and area.horizontalScrollBar().maximum() == 0
    keys.press(Qt.Key.Key_I, ALT)
    combo = diagnosis.interview.combo
    assert QApplication.focusWidget() is combo
    while combo.currentData() != leader.uuid:
        keys.press(Qt.Key.Key_Down)
        assert combo.currentIndex() < combo.count()
    keys.press(Qt.Key.Key_K, ALT)
    assert QApplication.focusWidget() is diagnosis.checklist

    # every checkpoint of the clause: a status each, a note on the second
    points = [p.key for p in GUIDE.clause(CLAUSE).checkpoints()]
    statuses = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3]
    for n, _key in enumerate(points):
        if n == 1:
            keys.press(Qt.Key.Key_Return)
            assert diagnosis.checklist.state() == QAbstractItemView.State.EditingState
            keys.write("价值导向只见于口头")
            keys.press(Qt.Key.Key_Return)
            qtbot.waitUntil(
                lambda: diagnosis.checklist.state() != QAbstractItemView.State.EditingState
            )
        keys.press(statuses[n % 3])

    # its levels and findings, then on to the next clause
    keys.press(Qt.Key.Key_L, ALT)
    keys.press(Qt.Key.Key_2)
    keys.press(Qt.Key.Key_G, ALT)
    keys.press(Qt.Key.Key_3)
    keys.press(Qt.Key.Key_D, ALT)
    keys.write("原则未成文，决策凭经验。")
    keys.press(Qt.Key.Key_K, ALT)
    keys.press(Qt.Key.Key_PageDown, CTRL)
    assert diagnosis.current_clause() != CLAUSE

    rnd = dx.load_round(store, dx.list_rounds(store, created.uuid)[-1].uuid)
    expected = {"met": 0, "partly": 1, "not_met": 2}
    for n, key in enumerate(points):
        assert rnd.answers[key].status == list(expected)[n % 3], key
    assert rnd.answers[points[1]].note == "价值导向只见于口头"
    clause = rnd.clauses[CLAUSE]
    assert (clause.current, clause.target) == (2, 3)
    assert clause.findings == "原则未成文，决策凭经验。"
    assert "王建国" in clause.interviewees
    # what was said is kept as the leader's interview
    said = rnd.heard[leader.uuid]
    assert {k for k in points} <= set(said) and said[CLAUSE].note == clause.findings
    assert window.width() <= _laptop_at_150().width()
    print(f"\nThe clause {CLAUSE} ({len(points)} checkpoints) with its interview: {keys.keys} keys")
