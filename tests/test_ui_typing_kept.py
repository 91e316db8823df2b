"""Nothing typed is lost, whichever way the consultant leaves the field: every text field of
every step is typed into and left by each route (next/previous clause, another step, another
engagement, closing the window, starting an export); the database is then read afresh and
the text is in it. A kill a second after the last keystroke keeps the text too."""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QStackedWidget, QTabWidget, QWidget

from dtbench.engagement import service
from dtbench.sample import create_demo
from dtbench.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent


def _open_diagnosis(window: Any, engagement: str) -> None:
    """Open ``engagement`` on its Diagnosis step, wherever the step stands in the list."""
    window.open_engagement(engagement)
    ws = window.workspace
    ws.steps.setCurrentRow(ws.pages.indexOf(ws.diagnosis))


ROUTES = [
    "next clause (Ctrl+PgDown)",
    "another step",
    "another engagement",
    "export",
    "closing the window",
]


def _database_text(path: Path) -> str:
    """Everything stored, read by a connection of its own (as after a restart)."""
    con = sqlite3.connect(path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def _editors(window: Any) -> list[QWidget]:
    """Every text field the consultant can type into, on every step (the guide browser's
    search aside: it stores nothing)."""
    from PySide6.QtWidgets import QAbstractSpinBox

    from dtbench.ui.kit.date_field import DateField
    from dtbench.ui.plan.record_editor import RecordEditor

    workspace = window.workspace
    special = {  # fields that only take clause keys: typed text is refused, not lost
        editor.editors[field.name]
        for editor in workspace.findChildren(RecordEditor)
        for field in editor.fields
        if field.kind == "clauses"
    }
    # date fields take dates only: other text is refused where it is typed
    # (tests/test_ui_date_field.py)
    special |= set(workspace.findChildren(DateField))
    found: list[QWidget] = []
    editors = [
        *workspace.pages.findChildren(QLineEdit),
        *workspace.pages.findChildren(QPlainTextEdit),
    ]
    for widget in editors:
        if (
            widget in special
            or workspace.guide.isAncestorOf(widget)
            or isinstance(widget.parentWidget(), QAbstractSpinBox)
            or widget.isReadOnly()
        ):
            continue
        found.append(widget)
    return found


def _reveal(window: Any, widget: QWidget) -> bool:
    """Go to the step and tab that show ``widget``; False when it cannot be typed into."""
    workspace = window.workspace
    chain: list[QWidget] = []
    parent: QWidget | None = widget
    while parent is not None and parent is not workspace:
        chain.append(parent)
        parent = parent.parentWidget()
    for child, holder in itertools.pairwise(chain):
        if isinstance(holder, QStackedWidget) and holder is workspace.pages:
            workspace.steps.setCurrentRow(holder.indexOf(child))
        elif isinstance(holder, QStackedWidget) and isinstance(holder.parent(), QTabWidget):
            tabs = holder.parent()
            tabs.setCurrentIndex(tabs.indexOf(child))
    return widget.isVisible() and widget.isEnabled() and not widget.isReadOnly()


def _type(qtbot: Any, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


@pytest.fixture
def engagements(store: Store) -> tuple[str, str]:
    demo = create_demo(store)
    other = service.create_engagement(store, client_name="Other", title="Another").uuid
    return demo, other


def _routes(window: Any, other: str) -> dict[str, Callable[[], None]]:
    from dtbench.ui.exchange.export_dialog import ExportDialog

    def next_clause() -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        modifiers = Qt.KeyboardModifier.ControlModifier
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_PageDown, modifiers)

    def other_step() -> None:
        steps = window.workspace.steps
        steps.setCurrentRow(0 if steps.currentRow() else 1)

    def export() -> None:
        ExportDialog.exec = lambda _self: 0  # type: ignore[method-assign]
        window.export_documents()

    return {
        "next clause (Ctrl+PgDown)": next_clause,
        "another step": other_step,
        "another engagement": lambda: window.open_engagement(other),
        "export": export,
        "closing the window": window.close,
    }


@pytest.mark.parametrize("route", ROUTES)
def test_every_field_keeps_what_was_typed(
    qtbot: Any,
    store: Store,
    db_path: Path,
    translations: Any,
    engagements: tuple[str, str],
    route: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dtbench.ui.exchange.export_dialog import ExportDialog
    from dtbench.ui.shell.main_window import MainWindow

    monkeypatch.setattr(ExportDialog, "exec", lambda _self: 0)
    demo, other = engagements

    def new_window() -> Any:
        window = MainWindow(store, translations, open_store=open_store)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()  # keyboard shortcuts go to the active window only
        qtbot.waitUntil(window.isActiveWindow)
        _open_diagnosis(window, demo)
        return window

    window = new_window()
    count = len(_editors(window))
    assert count >= 40, "the walk must reach the fields of every step"
    typed: list[str] = []
    for n in range(count):
        field = _editors(window)[n]
        if (
            route.startswith("next clause")
            and window.workspace.diagnosis.isAncestorOf(field) is False
        ):
            continue  # Ctrl+PgDown moves between clauses on the diagnosis step only
        if not _reveal(window, field):
            continue
        marker = f"qz{n}x{len(typed)}w"
        _type(qtbot, field, marker)
        _routes(window, other)[route]()
        typed.append(marker)
        if route == "closing the window":
            window.deleteLater()
            window = new_window()
        elif route == "another engagement":
            _open_diagnosis(window, demo)
    assert len(typed) >= (2 if route.startswith("next clause") else 40)
    stored = _database_text(db_path)
    lost = [marker for marker in typed if marker not in stored]
    assert lost == []


@pytest.mark.parametrize("route", ROUTES)
def test_a_checklist_note_being_typed_is_kept(
    qtbot: Any,
    store: Store,
    db_path: Path,
    translations: Any,
    engagements: tuple[str, str],
    route: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Enter opens an item's note; the note is kept however the clause is left."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from dtbench.ui.exchange.export_dialog import ExportDialog
    from dtbench.ui.shell.main_window import MainWindow

    monkeypatch.setattr(ExportDialog, "exec", lambda _self: 0)
    demo, other = engagements
    window = MainWindow(store, translations, open_store=open_store)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _open_diagnosis(window, demo)
    view = window.workspace.diagnosis.checklist
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and view.isAncestorOf(editor)
    qtbot.keyClicks(editor, "notezq")
    _routes(window, other)[route]()
    assert "notezq" in _database_text(db_path)


def test_one_burst_of_typing_is_one_undo_step(
    qtbot: Any, store: Store, translations: Any, engagements: tuple[str, str]
) -> None:
    """Typing is saved after every pause; Ctrl+Z still takes back the whole burst."""
    from dtbench.ui.kit.autosave import TEXT_IDLE_MS
    from dtbench.ui.shell.main_window import MainWindow

    demo, _other = engagements
    window = MainWindow(store, translations, open_store=open_store)
    qtbot.addWidget(window)
    window.show()
    _open_diagnosis(window, demo)
    workspace = window.workspace
    details = workspace.diagnosis.details
    before = details.findings.toPlainText()
    for word in ("one ", "two ", "three"):
        _type(qtbot, details.findings, word)
        qtbot.wait(TEXT_IDLE_MS + 200)  # a pause: saved
    key = details.clause_key
    assert "one two three" in workspace.session.clause(key).findings
    workspace.undo_stack.undo()
    assert workspace.session.clause(key).findings == before
    workspace.undo_stack.redo()
    assert "one two three" in workspace.session.clause(key).findings

    workspace.steps.setCurrentRow(0)  # the profile: a one-line field
    region = workspace.profile.findChild(QLineEdit, "region")
    old_region = workspace.profile.profile.region
    for word in ("Dalian", " Jinzhou"):
        _type(qtbot, region, word)
        qtbot.wait(TEXT_IDLE_MS + 200)
    assert "Dalian Jinzhou" in service.get_profile(store, demo).region
    workspace.undo_stack.undo()
    assert service.get_profile(store, demo).region == old_region


# ---------------------------------------------------------------- a kill after typing
DRIVER = r"""
import sys
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from dtbench.store import open_store
from dtbench.ui.shell.main_window import MainWindow
from dtbench.ui.kit.translations import Translations

app = QApplication(sys.argv[:1])
translations = Translations(app)
translations.apply("en")
store = open_store(sys.argv[1])
window = MainWindow(store, translations, open_store=open_store)
window.show()
window.open_engagement(sys.argv[2], 2)
details = window.workspace.diagnosis.details

def type_it():
    for edit, text in ((details.findings, sys.argv[3]), (details.interviewees, sys.argv[4])):
        edit.setFocus()
        QTest.keyClicks(edit, text)
    print("typed", flush=True)

QTimer.singleShot(300, type_it)
app.exec()
"""


def test_a_kill_a_second_after_the_last_keystroke_keeps_the_text(
    db_path: Path, store: Store, tmp_path: Path
) -> None:
    demo = create_demo(store)
    store.close()
    script = tmp_path / "type_then_wait.py"
    script.write_text(DRIVER, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DTBENCH_CHART_WORKERS": "0"}
    process = subprocess.Popen(
        [sys.executable, str(script), str(db_path), demo, "killfindingsqz", "killpeopleqz"],
        stdout=subprocess.PIPE,
        env=env,
        cwd=ROOT,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "typed"
        time.sleep(1.0)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    stored = _database_text(db_path)
    assert "killfindingsqz" in stored and "killpeopleqz" in stored
