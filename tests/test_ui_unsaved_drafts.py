"""Nothing typed is lost silently when the window closes or the engagement changes: typing a
colleague's change left unsaved (a draft, kept after a cancelled conflict) of a record not on
screen is asked about first — "Show them" goes to it, "Discard and close" closes, Cancel
(Esc) keeps everything — and, with nobody to ask (a quit signal, a session ending without
interaction), it is written to a file. The conflict dialog shows times on this computer's
clock and lets its two panes grow with it (pytest-qt, offscreen, SQLite: a colleague's store
on the same file)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.plan import service as plan
from dtbench.plan.records import Kpi
from dtbench.store import Store
from dtbench.store.conflicts import EditConflict, FieldConflict, Stored
from dtbench.ui.diagnosis.diagnosis_page import KEY_ROLE
from dtbench.ui.kit.times import local_time
from dtbench.ui.shell import quit_signals
from dtbench.ui.shell.main_window import MainWindow
from dtbench.ui.team.conflict_dialog import ConflictDialog

TYPED = "A: measured per shift"
THEIRS = "B: measured per week"


def _answer_conflicts(act: Callable[[ConflictDialog], None], seen: list[str]) -> None:
    """Answer the next conflict dialog, once it is open, with ``act``."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(10, poll)
            return
        seen.append("conflict")
        act(dialog)

    QTimer.singleShot(0, poll)


def _answer_drafts(button: str, seen: list[str]) -> None:
    """Answer the question about typing not saved, once it is open, with the button named
    ``button`` ("show_drafts", "discard_drafts", "cancel"; "escape": the Esc key); note its
    text."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not (isinstance(box, QMessageBox) and box.objectName() == "unsaved_drafts"):
            QTimer.singleShot(10, poll)
            return
        seen.append(box.text())
        if button == "escape":
            QApplication.sendEvent(box, _escape())
            return
        chosen = box.findChild(QPushButton, button)
        assert chosen is not None, button
        chosen.click()

    QTimer.singleShot(0, poll)


def _escape() -> Any:
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)


def _kpi_draft(qtbot: Any, window: MainWindow, store: Store, other: Store) -> dict[str, Any]:
    """An engagement with two KPIs; the consultant types the first one's definition, which a
    colleague changed meanwhile, then selects the second: asked, cancelled. The first KPI's
    typing is kept, as a draft, and is not on screen."""
    eng = service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid
    first = plan.add_item(store, eng, Kpi(name="OEE", category="production_efficiency"))
    second = plan.add_item(store, eng, Kpi(name="On-time delivery", category="competitiveness"))
    window.refresh(eng)
    window.open_engagement(eng)
    ws = window.workspace
    assert ws is not None
    ws.show_step("kpis")
    editor = ws.kpis.editor
    editor.autosave.idle_ms = 600_000  # only leaving saves
    editor.select(first.uuid)
    box = editor.editors["definition"]
    plan.update_item(other, first.uuid, plan.replace_struct(first.record, definition=THEIRS))
    box.setFocus()
    qtbot.keyClicks(box, TYPED)
    seen: list[str] = []
    _answer_conflicts(lambda d: d.reject(), seen)
    editor.select(second.uuid)  # leaving the record saves it: asked, cancelled
    assert seen == ["conflict"]
    assert editor.uuid == second.uuid and box.toPlainText() == ""
    assert ws.plan.has_drafts(first.uuid)
    return {"ws": ws, "eng": eng, "first": first, "second": second, "box": box}


def _definition(store: Store, eng: str, uuid: str) -> str:
    return next(i for i in plan.list_items(store, eng, "kpi") if i.uuid == uuid).record.definition


def test_closing_with_a_draft_not_on_screen_asks_and_cancel_keeps_everything(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    shown = _kpi_draft(qtbot, window, store, other)
    ws = shown["ws"]
    seen: list[str] = []
    _answer_drafts("cancel", seen)
    assert not window.close()
    (question,) = seen
    assert "Text you typed in one place is not saved" in question
    assert "a colleague changed the same field meanwhile" in question
    assert "KPIs ▸ “OEE” ▸ definition" in question
    assert "Close anyway and discard them?" in question
    assert window.isVisible() and window.workspace is ws
    assert ws.plan.has_drafts(shown["first"].uuid)
    assert ws.kpis.editor.uuid == shown["second"].uuid  # nothing moved
    # Esc is Cancel too: asked again, and the window stays
    _answer_drafts("escape", seen)
    assert not window.close()
    assert len(seen) == 2 and window.isVisible()
    assert ws.plan.has_drafts(shown["first"].uuid)
    assert _definition(other, shown["eng"], shown["first"].uuid) == THEIRS
    ws.discard_drafts()  # the fixture closes the window


def test_show_them_keeps_the_window_open_on_the_record_with_its_marked_text(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    shown = _kpi_draft(qtbot, window, store, other)
    ws, box = shown["ws"], shown["box"]
    ws.show_step("strategy")  # another step in view, and then the engagement list
    window.show_list()
    seen: list[str] = []
    _answer_drafts("show_drafts", seen)
    assert not window.close()
    assert len(seen) == 1
    assert window.isVisible() and window.showing() == shown["eng"]
    assert ws.place()[0] == "kpis"
    assert ws.kpis.editor.uuid == shown["first"].uuid
    assert box.toPlainText() == TYPED  # the kept text, marked as not saved
    assert box.property("unsaved") is True and "Not saved" in box.toolTip()
    # leaving it asks again about the colleague's change; Keep mine saves it, and then
    # closing asks nothing more
    _answer_conflicts(lambda d: d.keep_button.click(), seen)
    window.close()
    assert seen[1:] == ["conflict"]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert _definition(other, shown["eng"], shown["first"].uuid) == TYPED


def test_discard_and_close_closes(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    shown = _kpi_draft(qtbot, window, store, other)
    ws = shown["ws"]
    seen: list[str] = []
    _answer_drafts("discard_drafts", seen)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert len(seen) == 1
    assert not ws.plan.has_drafts()
    assert _definition(other, shown["eng"], shown["first"].uuid) == THEIRS


def test_opening_another_engagement_with_a_draft_asks_first(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    shown = _kpi_draft(qtbot, window, store, other)
    ws = shown["ws"]
    other_eng = service.create_engagement(store, client_name="另一家", title="诊断").uuid
    window.refresh(other_eng)
    window.show_list()
    seen: list[str] = []
    _answer_drafts("cancel", seen)
    window.open_engagement(other_eng)
    (question,) = seen
    assert "KPIs ▸ “OEE” ▸ definition" in question
    assert "Open the other engagement anyway and discard them?" in question
    assert ws.engagement == shown["eng"]
    assert ws.plan.has_drafts(shown["first"].uuid)
    # the same engagement again: nothing dropped, nothing asked; its draft shows again
    window.open_engagement(shown["eng"], "kpis")
    assert len(seen) == 1
    ws.kpis.editor.select(shown["first"].uuid)
    assert shown["box"].toPlainText() == TYPED and shown["box"].property("unsaved") is True
    _answer_conflicts(lambda d: d.reject(), seen)
    ws.kpis.editor.select(shown["second"].uuid)  # not on screen again (asked: cancelled)
    assert seen[1:] == ["conflict"]
    # then Discard and open: the other engagement, with nothing of the first one's typing
    _answer_drafts("discard_drafts", seen)
    window.open_engagement(other_eng)
    assert ws.engagement == other_eng and window.showing() == other_eng
    assert not ws.plan.has_drafts()
    assert _definition(other, shown["eng"], shown["first"].uuid) == THEIRS


def test_opening_another_database_with_a_draft_asks_first(
    qtbot: Any, window: MainWindow, store: Store, other: Store, tmp_path: Path
) -> None:
    shown = _kpi_draft(qtbot, window, store, other)
    seen: list[str] = []
    _answer_drafts("cancel", seen)
    assert not window.switch_database(str(tmp_path / "another.sqlite3"))
    assert len(seen) == 1 and "Open the other database anyway" in seen[0]
    assert window.store is store and window.workspace is shown["ws"]
    assert shown["ws"].plan.has_drafts(shown["first"].uuid)
    shown["ws"].discard_drafts()


def test_a_clause_draft_is_shown_in_its_clause(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    """The diagnosis: typing kept for clause A while clause B is shown; Show them goes back
    to A, its findings showing the kept text, marked."""
    eng = service.create_engagement(store, client_name="大连澜岳精工", title="现状诊断").uuid
    window.refresh(eng)
    window.open_engagement(eng)
    ws = window.workspace
    assert ws is not None
    ws.show_step("diagnosis")
    page = ws.diagnosis
    details = page.details
    details.autosave.idle_ms = 600_000
    a = details.clause_key
    keys = [str(item.data(0, KEY_ROLE)) for item in page._clause_items()]
    b = keys[keys.index(a) + 1]
    rnd = dx.list_rounds(store, eng)[-1].uuid
    dx.set_clause(other, rnd, a, "findings", THEIRS)
    details.findings.setFocus()
    qtbot.keyClicks(details.findings, TYPED)
    seen: list[str] = []
    _answer_conflicts(lambda d: d.reject(), seen)
    page.select_clause(b)  # leaving A saves it: asked, cancelled
    assert seen == ["conflict"] and details.clause_key == b
    ws.show_step("kpis")
    _answer_drafts("show_drafts", seen)
    assert not window.close()
    assert f"Diagnosis ▸ “{a} " in seen[1] and "▸ findings" in seen[1]
    assert ws.place() == ("diagnosis", a)
    assert details.findings.toPlainText() == TYPED
    assert details.findings.property("unsaved") is True
    # discarded while on screen: the field shows theirs, unmarked, and saves nothing
    ws.discard_drafts()
    assert details.findings.toPlainText() == THEIRS
    assert not details.findings.property("unsaved")
    page.select_clause(b)
    assert dx.load_clause(other, rnd, a).findings == THEIRS
    assert len(seen) == 2


def test_a_quit_signal_asks_nothing_and_keeps_the_drafts_in_a_file(
    qtbot: Any, window: MainWindow, store: Store, other: Store, home: Path
) -> None:
    """SIGTERM (a logout, ``kill``) closes the windows with nobody to answer: no question;
    the typing is written to a file in the data folder, and the window closes."""
    _kpi_draft(qtbot, window, store, other)
    app = QApplication.instance()
    assert app is not None
    asked: list[str] = []
    _answer_drafts("cancel", asked)  # would answer a question, if one were asked
    app.setProperty(quit_signals.UNATTENDED, True)
    try:
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    finally:
        app.setProperty(quit_signals.UNATTENDED, False)
    assert asked == []
    (kept,) = home.glob("unsaved-*.txt")
    text = kept.read_text(encoding="utf-8")
    assert "KPIs ▸ “OEE” ▸ definition" in text and TYPED in text


def test_a_session_ending_without_interaction_keeps_the_drafts_in_a_file(
    qtbot: Any, window: MainWindow, store: Store, other: Store, home: Path
) -> None:
    shown = _kpi_draft(qtbot, window, store, other)
    assert window.end_of_session(interactive=False)
    (kept,) = home.glob("unsaved-*.txt")
    assert TYPED in kept.read_text(encoding="utf-8")
    assert shown["ws"].plan.has_drafts(shown["first"].uuid)  # still there if it goes on
    # with interaction: asked as when closing; Cancel stays (the logout is cancelled)
    seen: list[str] = []
    _answer_drafts("cancel", seen)
    assert not window.end_of_session(interactive=True)
    assert len(seen) == 1 and "Close anyway and discard them?" in seen[0]
    shown["ws"].discard_drafts()


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's clock in China (UTC+8, no daylight saving)."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_conflict_dialog_shows_local_times_and_its_panes_grow(
    qtbot: Any, translations: Any, shanghai: None
) -> None:
    at = datetime(2026, 3, 2, 2, 30)  # as stored: UTC
    conflict = EditConflict(
        "5.2",
        (FieldConflict("findings", TYPED, THEIRS, "base"),),
        Stored(values={}, version=3, author="lintao", at=at),
    )
    dialog = ConflictDialog(conflict)
    qtbot.addWidget(dialog)
    dialog.show()
    when = local_time(at)
    assert "10:30" in when  # 02:30 UTC is 10:30 in Shanghai
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    intro = dialog.findChild(QLabel, "intro")
    assert intro is not None
    assert when in intro.text() and "UTC" not in intro.text() and "02:30" not in intro.text()
    assert f"Theirs — lintao, {when}" in texts
    theirs, mine = dialog.theirs["findings"], dialog.mine["findings"]
    small = theirs.size()
    dialog.resize(1400, 900)
    qtbot.waitUntil(lambda: theirs.height() > small.height() and theirs.width() > small.width())
    # side by side and equal, taking most of the dialog (no empty band where Merge goes)
    assert theirs.size() == mine.size()
    assert theirs.width() > dialog.width() * 0.4 and theirs.height() > dialog.height() * 0.6


def test_the_conflict_dialog_names_a_plan_field_in_the_ui_language(
    qtbot: Any, translations: Any
) -> None:
    conflict = EditConflict(
        "OEE",
        (FieldConflict("definition", TYPED, THEIRS, "base"),),
        Stored(values={}, version=3, author="lintao", at=datetime(2026, 3, 2, 2, 30)),
    )
    translations.apply("zh")
    dialog = ConflictDialog(conflict)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "<b>定义</b>" in texts and not any("definition" in t for t in texts)


def test_a_kept_trait_rating_is_named_by_its_trait(
    qtbot: Any, window: MainWindow, store: Store, other: Store
) -> None:
    """A draft of a part of a field (a trait's rating, a table's cell) is named in the
    question by the part: the trait, in the UI language."""
    from dtbench.plan import catalogue as cat
    from dtbench.plan.records import TraitRating
    from dtbench.sample import create_demo

    eng = create_demo(store)
    window.refresh(eng)
    window.open_engagement(eng)
    ws = window.workspace
    assert ws is not None
    ws.show_step("org_culture")
    tab = ws.org_culture.culture_tab
    ws.org_culture.tabs.setCurrentWidget(tab)
    code = cat.CULTURE_TRAITS[0].code
    spin = tab.traits.spins[code][0]  # now
    tab.traits.autosave.idle_ms = 600_000  # only leaving saves
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "3")
    current = plan.get_value(other, eng, "culture")
    traits = {**current.traits, code: TraitRating(now=4, target=5)}
    plan.set_value(other, eng, "culture", plan.replace_struct(current, traits=traits))
    seen: list[str] = []
    _answer_conflicts(lambda d: d.reject(), seen)
    tab.traits.autosave.save(spin)
    assert seen == ["conflict"] and spin.property("unsaved") is True
    places = [p.where() for p in ws.drafts()]
    assert places == ["Organization and culture ▸ “Openness”"], places
