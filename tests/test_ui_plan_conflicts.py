"""Nothing typed on a plan page is lost to a colleague's save, on a real PostgreSQL server
with live updates: a colleague's save of the same field, loaded while the consultant types,
is asked about (never silently overwritten); Cancel keeps the typed text in the form, marked
as not saved; a colleague's change notice reloads the page without taking it away; another
record shows its own value and coming back shows the kept text again; every next save asks
again, against the now-current version, and Keep mine saves it (pytest-qt, offscreen).

No timing is asserted (the waits are generous, only for a slow machine).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from dtbench.plan import catalogue as cat
from dtbench.plan import service as plan
from dtbench.plan.records import Adoption, Choice, Culture, Organization, TraitRating
from dtbench.sample import create_demo
from dtbench.store import open_store
from dtbench.ui.kit.drafts import UNSAVED_ROLE
from dtbench.ui.plan.record_editor import RecordEditor
from dtbench.ui.shell.main_window import MainWindow
from dtbench.ui.team.conflict_dialog import ConflictDialog
from tests.test_ui_live import WAIT_MS, server  # noqa: F401  (the fixture: two logins)

TYPED = "A: two planners"
THEIRS = "B: scheduling in Excel"
THEIRS_AGAIN = "B: scheduling in Excel, checked again"


@pytest.fixture
def team(qtbot: Any, translations: Any, server: tuple[str, str]) -> Iterator[Any]:  # noqa: F811
    """Alice's window on the sample engagement, listening to live updates; bob's store."""
    alice, bob = open_store(server[0]), open_store(server[1])
    uuid = create_demo(alice)
    # closed here, not by qtbot: after a failed test closing asks about the kept text
    window = MainWindow(alice, translations, open_store=open_store)
    window.show()
    window.refresh(uuid)
    window.open_engagement(uuid)
    assert window.live is not None
    qtbot.waitUntil(lambda: window.live.listening, timeout=WAIT_MS)
    yield window, bob, uuid
    cancelling = _cancel_all()
    window.close()
    cancelling.stop()  # the next test answers its own dialogs
    window.deleteLater()
    bob.close()
    alice.close()


def _cancel_all() -> QTimer:
    """Cancel every conflict dialog until the timer returned is stopped (while a window
    closes)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ConflictDialog):
            dialog.reject()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(poll)
    timer.start()
    return timer


def _text(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    assert isinstance(widget, QLineEdit)
    return widget.text()


def _when_asked(act: Callable[[ConflictDialog], None], seen: list[tuple[str, str]]) -> None:
    """Answer the conflict dialog, once it is open, with ``act``; note (theirs, mine)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(10, poll)
            return
        (field,) = dialog.conflict.conflicts
        seen.append((str(field.theirs), str(field.mine)))
        act(dialog)

    QTimer.singleShot(0, poll)


def _type_while(qtbot: Any, page: Any, editor: QWidget, meanwhile: Callable[[], None]) -> str:
    """Type TYPED over the field's text, and ``meanwhile()`` after its first key; the
    consultant pauses (the pause that saves) only when the test says. What the field holds."""
    page.autosave.idle_ms = 10 * WAIT_MS
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, TYPED[:1])
    meanwhile()
    qtbot.keyClicks(editor, TYPED[1:])
    return _text(editor)


def _row_tip(editor: RecordEditor, uuid: str) -> str:
    """The tooltip of ``uuid``'s row in the list."""
    for row in range(editor.table.rowCount()):
        cell = editor.table.item(row, 0)
        if cell is not None and cell.data(0x0100) == uuid:
            return cell.toolTip()
    raise AssertionError(uuid)


@pytest.mark.parametrize(
    ("step", "kind", "field", "other"),
    [
        ("kpis", "kpi", "definition", ("unit", "B: %")),  # a multi-line field
        ("risks", "risk", "owner", ("response", "B: weekly review")),  # a one-line field
    ],
)
def test_a_plan_record_typed_against_a_colleagues_save_is_kept_until_settled(
    qtbot: Any, team: Any, step: str, kind: str, field: str, other: tuple[str, str]
) -> None:
    window, bob, eng = team
    ws = window.workspace
    ws.show_step(step)
    page = getattr(ws, step)
    editor: RecordEditor = page.editor
    first, second = plan.list_items(bob, eng, kind)[:2]
    editor.select(first.uuid)
    box = editor.editors[field]

    def theirs_in_window(value: str) -> Callable[[], bool]:
        return lambda: getattr(ws.plan.item(first.uuid).record, field) == value

    def bob_saves(**changes: object) -> None:
        (now,) = [i for i in plan.list_items(bob, eng, kind) if i.uuid == first.uuid]
        plan.update_item(bob, first.uuid, plan.replace_struct(now.record, **changes))

    # bob saves the field while alice types in it; his save reaches her window meanwhile
    typed = _type_while(qtbot, editor, box, lambda: bob_saves(**{field: THEIRS}))
    qtbot.waitUntil(theirs_in_window(THEIRS), timeout=WAIT_MS)
    QApplication.processEvents()
    assert _text(box) == typed == TYPED  # his save loaded: her typing stays
    # she leaves the field: asked (her typing began before his save), and cancels
    seen: list[tuple[str, str]] = []
    _when_asked(lambda d: d.reject(), seen)
    editor.autosave.save(box)
    assert seen == [(THEIRS, typed)]
    assert _text(box) == typed  # never dropped
    assert box.property("unsaved") is True and "Not saved" in box.toolTip()
    assert "Not saved" in _row_tip(editor, first.uuid)
    assert getattr(plan.list_items(bob, eng, kind)[0].record, field) == THEIRS

    # bob saves again (the same field and another one): the page reloads, the text stays
    bob_saves(**{field: THEIRS_AGAIN, other[0]: other[1]})
    qtbot.waitUntil(theirs_in_window(THEIRS_AGAIN), timeout=WAIT_MS)
    QApplication.processEvents()
    assert _text(box) == typed and box.property("unsaved") is True
    assert _text(editor.editors[other[0]]) == other[1]  # the rest of the form: his

    # another record: asked again (cancelled); it shows its own value, unmarked
    _when_asked(lambda d: d.reject(), seen)
    editor.select(second.uuid)
    assert seen[1:] == [(THEIRS_AGAIN, typed)]
    assert _text(box) == (getattr(second.record, field) or "")
    assert not box.property("unsaved")
    # back: the kept text again, marked
    editor.select(first.uuid)
    assert _text(box) == typed and box.property("unsaved") is True

    # the next save asks again, against his latest; Keep mine saves hers
    _when_asked(lambda d: d.keep_button.click(), seen)
    editor.flush()
    assert seen[2:] == [(THEIRS_AGAIN, typed)]
    stored = plan.list_items(bob, eng, kind)[0].record
    assert (getattr(stored, field), getattr(stored, other[0])) == (typed, other[1])
    assert _text(box) == typed and not box.property("unsaved")
    assert "Not saved" not in _row_tip(editor, first.uuid)


def test_the_organization_notes_typed_against_a_colleagues_save_are_kept(
    qtbot: Any, team: Any
) -> None:
    """A single plan record (not a list): the same."""
    window, bob, eng = team
    ws = window.workspace
    ws.show_step("org_culture")
    tab = ws.org_culture.organization_tab
    notes = tab.texts["notes"]

    def theirs_in_window(value: str) -> Callable[[], bool]:
        return lambda: ws.plan.value("organization").notes == value

    def bob_saves(**changes: object) -> None:
        now = plan.get_value(bob, eng, "organization")
        assert isinstance(now, Organization)
        plan.set_value(bob, eng, "organization", plan.replace_struct(now, **changes))

    typed = _type_while(qtbot, tab, notes, lambda: bob_saves(notes=THEIRS))
    qtbot.waitUntil(theirs_in_window(THEIRS), timeout=WAIT_MS)
    QApplication.processEvents()
    assert notes.toPlainText() == typed == TYPED
    seen: list[tuple[str, str]] = []
    _when_asked(lambda d: d.reject(), seen)
    tab.autosave.save(notes)
    assert seen == [(THEIRS, typed)]
    assert notes.toPlainText() == typed and notes.property("unsaved") is True

    bob_saves(notes=THEIRS_AGAIN, mode_rationale="B: step by step")
    qtbot.waitUntil(theirs_in_window(THEIRS_AGAIN), timeout=WAIT_MS)
    QApplication.processEvents()
    assert notes.toPlainText() == typed and notes.property("unsaved") is True
    assert tab.texts["mode_rationale"].toPlainText() == "B: step by step"

    _when_asked(lambda d: d.keep_button.click(), seen)
    tab.flush()
    assert seen[1:] == [(THEIRS_AGAIN, typed)]
    stored = plan.get_value(bob, eng, "organization")
    assert (stored.notes, stored.mode_rationale) == (typed, "B: step by step")
    assert not notes.property("unsaved")


def test_a_strategy_rationale_typed_against_a_colleagues_save_is_kept(
    qtbot: Any, team: Any
) -> None:
    """The rationale of a strategic choice (the choices are one stored field): Cancel keeps
    the typed rationale in its own row, marked; his change notice leaves it; Keep mine saves
    it."""
    window, bob, eng = team
    ws = window.workspace
    ws.show_step("strategy")
    page = ws.strategy
    code = next(iter(page.rows))
    box = page.rows[code].rationale

    def rationale(store_value: Any) -> str:
        return str(store_value.choices.get(code, Choice()).rationale)

    def bob_saves(text: str) -> None:
        now = plan.get_value(bob, eng, "strategy")
        choices = {**now.choices, code: Choice(values=(), rationale=text)}
        plan.set_value(bob, eng, "strategy", plan.replace_struct(now, choices=choices))

    typed = _type_while(qtbot, page, box, lambda: bob_saves(THEIRS))
    qtbot.waitUntil(lambda: rationale(ws.plan.value("strategy")) == THEIRS, timeout=WAIT_MS)
    QApplication.processEvents()
    assert box.toPlainText() == typed == TYPED
    asked: list[str] = []

    def poll(act: Callable[[ConflictDialog], None]) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(10, lambda: poll(act))
            return
        asked.append("asked")
        act(dialog)

    QTimer.singleShot(0, lambda: poll(lambda d: d.reject()))
    page.autosave.save(box)
    assert asked == ["asked"]
    assert box.toPlainText() == typed and box.property("unsaved") is True
    assert rationale(plan.get_value(bob, eng, "strategy")) == THEIRS

    bob_saves(THEIRS_AGAIN)  # his change notice reloads the page: her text stays
    qtbot.waitUntil(lambda: rationale(ws.plan.value("strategy")) == THEIRS_AGAIN, timeout=WAIT_MS)
    QApplication.processEvents()
    assert box.toPlainText() == typed and box.property("unsaved") is True

    QTimer.singleShot(0, lambda: poll(lambda d: d.keep_button.click()))
    page.flush()
    assert asked == ["asked", "asked"]
    assert rationale(plan.get_value(bob, eng, "strategy")) == typed
    assert box.toPlainText() == typed and not box.property("unsaved")


def _bob_saves_culture(bob: Any, eng: str, **changes: object) -> None:
    now = plan.get_value(bob, eng, "culture")
    assert isinstance(now, Culture)
    plan.set_value(bob, eng, "culture", plan.replace_struct(now, **changes))


def _type_in_cell(qtbot: Any, table: Any, row: int, column: int, text: str) -> QLineEdit:
    """Open the cell's editor and type ``text`` over what it shows; the editor, open."""
    table.setFocus()
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = table.indexWidget(table.model().index(row, column))
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    return editor


def _end_cell(qtbot: Any, table: Any, editor: QLineEdit) -> None:
    """Enter: the cell's editor saves and closes."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(table.currentIndex()) is None)


def test_a_culture_note_typed_in_its_cell_against_a_colleagues_save_is_kept(
    qtbot: Any, team: Any
) -> None:
    """A cell of the culture targets table (the targets are one stored field): his save
    loaded while she types leaves her typing; Cancel keeps her note in its cell, marked;
    his change notice leaves it; leaving the page asks again and Keep mine saves it."""
    window, bob, eng = team
    ws = window.workspace
    ws.show_step("org_culture")
    tab = ws.org_culture.culture_tab
    ws.org_culture.tabs.setCurrentWidget(tab)
    table = tab.targets
    row, code = 1, cat.CULTURE_TARGETS[1].code
    other = cat.CULTURE_TARGETS[0].code

    def note(culture: Any) -> str:
        return str(culture.targets.get(code, Adoption()).note)

    def bob_saves(text: str, **more: Adoption) -> None:
        now = plan.get_value(bob, eng, "culture")
        targets = {**now.targets, code: Adoption(adopted=True, note=text), **more}
        _bob_saves_culture(bob, eng, targets=targets)

    def cell() -> Any:
        item = table.item(row, 2)
        assert item is not None
        return item

    # she opens the note's cell and types; his save of the same note comes in meanwhile
    editor = _type_in_cell(qtbot, table, row, 2, TYPED[:1])
    bob_saves(THEIRS)
    qtbot.waitUntil(lambda: note(ws.plan.value("culture")) == THEIRS, timeout=WAIT_MS)
    QApplication.processEvents()
    qtbot.keyClicks(editor, TYPED[1:])
    assert editor.text() == TYPED  # his save loaded: her typing stays
    # she ends the cell: asked (her typing began before his save), and cancels
    seen: list[tuple[str, str]] = []
    _when_asked(lambda d: d.reject(), seen)
    _end_cell(qtbot, table, editor)
    assert len(seen) == 1 and THEIRS in seen[0][0] and TYPED in seen[0][1]
    assert cell().text() == TYPED  # never dropped
    assert cell().data(UNSAVED_ROLE) is True and "Not saved" in cell().toolTip()
    assert note(plan.get_value(bob, eng, "culture")) == THEIRS

    # he saves again (the same note, and ticks another target): reloaded, her note stays
    bob_saves(THEIRS_AGAIN, **{other: Adoption(adopted=True)})
    qtbot.waitUntil(lambda: note(ws.plan.value("culture")) == THEIRS_AGAIN, timeout=WAIT_MS)
    QApplication.processEvents()
    assert cell().text() == TYPED and cell().data(UNSAVED_ROLE) is True
    ticked = table.item(0, 0)
    assert ticked is not None and ticked.checkState() == Qt.CheckState.Checked  # his

    # leaving the page saves it again: asked, against his latest; Keep mine saves hers
    _when_asked(lambda d: d.keep_button.click(), seen)
    ws.org_culture.flush()
    assert len(seen) == 2 and THEIRS_AGAIN in seen[1][0] and TYPED in seen[1][1]
    stored = plan.get_value(bob, eng, "culture")
    assert note(stored) == TYPED and stored.targets[other].adopted  # his tick kept too
    assert cell().text() == TYPED and not cell().data(UNSAVED_ROLE)
    assert "Not saved" not in cell().toolTip()
    ws.org_culture.flush()  # saved: nothing more to ask
    assert len(seen) == 2


def test_a_trait_rating_typed_against_a_colleagues_save_is_kept(qtbot: Any, team: Any) -> None:
    """A trait's spin box (the ratings are one stored field): the same."""
    window, bob, eng = team
    ws = window.workspace
    ws.show_step("org_culture")
    tab = ws.org_culture.culture_tab
    ws.org_culture.tabs.setCurrentWidget(tab)
    traits = tab.traits
    code = cat.CULTURE_TRAITS[0].code
    spin = traits.spins[code][0]  # now
    other = traits.spins[cat.CULTURE_TRAITS[3].code][1]  # another trait's target

    def now(culture: Any) -> int | None:
        rating = culture.traits.get(code, TraitRating())
        return None if rating.now is None else int(rating.now)

    def bob_saves(value: int, **more: TraitRating) -> None:
        current = plan.get_value(bob, eng, "culture")
        rating = current.traits.get(code, TraitRating())
        traits_now = {**current.traits, code: plan.replace_struct(rating, now=value), **more}
        _bob_saves_culture(bob, eng, traits=traits_now)

    mine, theirs, theirs_again = 3, 4, 5  # the sample rates it 2 now
    traits.autosave.idle_ms = 10 * WAIT_MS  # she pauses (the pause that saves) when told
    window.activateWindow()
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus, timeout=WAIT_MS)
    spin.selectAll()
    qtbot.keyClicks(spin, str(mine))
    bob_saves(theirs)
    qtbot.waitUntil(lambda: now(ws.plan.value("culture")) == theirs, timeout=WAIT_MS)
    QApplication.processEvents()
    assert spin.value() == mine  # his save loaded: her rating stays
    seen: list[tuple[str, str]] = []
    _when_asked(lambda d: d.reject(), seen)
    traits.autosave.save(spin)  # she leaves the box: asked, and cancels
    assert len(seen) == 1
    assert spin.value() == mine
    assert spin.property("unsaved") is True and "Not saved" in spin.toolTip()
    assert now(plan.get_value(bob, eng, "culture")) == theirs

    # his change notice (the same rating, and another trait's): hers stays, marked
    more = {cat.CULTURE_TRAITS[3].code: TraitRating(target=1)}
    bob_saves(theirs_again, **more)
    qtbot.waitUntil(lambda: now(ws.plan.value("culture")) == theirs_again, timeout=WAIT_MS)
    QApplication.processEvents()
    assert spin.value() == mine and spin.property("unsaved") is True
    assert other.value() == 1 and not other.property("unsaved")  # his

    # leaving the page asks again, against his latest; Keep mine saves hers
    _when_asked(lambda d: d.keep_button.click(), seen)
    ws.org_culture.flush()
    assert len(seen) == 2
    stored = plan.get_value(bob, eng, "culture")
    assert now(stored) == mine and stored.traits[cat.CULTURE_TRAITS[3].code].target == 1
    assert spin.value() == mine and not spin.property("unsaved")
    ws.org_culture.flush()
    assert len(seen) == 2


def test_a_culture_measure_note_typed_back_after_a_cancel_is_no_longer_marked(
    qtbot: Any, team: Any
) -> None:
    """A cell of the evaluation measures: Cancel keeps her note, marked; typed back to what
    is stored, nothing is asked and the mark goes."""
    window, bob, eng = team
    ws = window.workspace
    ws.show_step("org_culture")
    tab = ws.org_culture.culture_tab
    ws.org_culture.tabs.setCurrentWidget(tab)
    table = tab.measures
    first = table.item(0, 0)
    assert first is not None
    code = str(first.data(Qt.ItemDataRole.UserRole))

    def note(culture: Any) -> str:
        return str(culture.measures.get(code, Adoption()).note)

    editor = _type_in_cell(qtbot, table, 0, 1, TYPED[:1])
    now = plan.get_value(bob, eng, "culture")
    measures = {**now.measures, code: Adoption(adopted=True, note=THEIRS)}
    _bob_saves_culture(bob, eng, measures=measures)
    qtbot.waitUntil(lambda: note(ws.plan.value("culture")) == THEIRS, timeout=WAIT_MS)
    QApplication.processEvents()
    qtbot.keyClicks(editor, TYPED[1:])
    seen: list[tuple[str, str]] = []
    _when_asked(lambda d: d.reject(), seen)
    _end_cell(qtbot, table, editor)
    assert len(seen) == 1

    def cell() -> Any:
        item = table.item(0, 1)
        assert item is not None
        return item

    assert cell().text() == TYPED and cell().data(UNSAVED_ROLE) is True

    # she types his note back: nothing to save, nothing asked, the mark goes
    editor = _type_in_cell(qtbot, table, 0, 1, THEIRS)
    _end_cell(qtbot, table, editor)
    assert cell().text() == THEIRS and not cell().data(UNSAVED_ROLE)
    ws.org_culture.flush()
    assert len(seen) == 1
    assert note(plan.get_value(bob, eng, "culture")) == THEIRS


def test_a_colleagues_save_of_another_cell_while_she_types_is_not_asked_about(
    qtbot: Any, team: Any
) -> None:
    """His note in another row of the same table, loaded while she types hers: her save
    keeps both, without asking."""
    window, bob, eng = team
    ws = window.workspace
    ws.show_step("org_culture")
    tab = ws.org_culture.culture_tab
    ws.org_culture.tabs.setCurrentWidget(tab)
    table = tab.targets
    mine, his = cat.CULTURE_TARGETS[1].code, cat.CULTURE_TARGETS[0].code

    def note(culture: Any, code: str) -> str:
        return str(culture.targets.get(code, Adoption()).note)

    editor = _type_in_cell(qtbot, table, 1, 2, TYPED[:1])
    now = plan.get_value(bob, eng, "culture")
    targets = {**now.targets, his: Adoption(adopted=True, note=THEIRS)}
    _bob_saves_culture(bob, eng, targets=targets)
    qtbot.waitUntil(lambda: note(ws.plan.value("culture"), his) == THEIRS, timeout=WAIT_MS)
    QApplication.processEvents()
    qtbot.keyClicks(editor, TYPED[1:])
    asked = _cancel_all()  # a dialog would be a false alarm: cancelled, and seen below
    try:
        _end_cell(qtbot, table, editor)
    finally:
        asked.stop()
    assert ws.plan.cancelled == 0
    stored = plan.get_value(bob, eng, "culture")
    assert (note(stored, mine), note(stored, his)) == (TYPED, THEIRS)


def test_a_strategy_note_typed_in_its_cell_against_a_colleagues_save_is_kept(
    qtbot: Any, team: Any
) -> None:
    """A cell of the principles table (the principles are one stored field): his save loaded
    while she types leaves her typing; Cancel keeps her note in its cell, marked; his change
    notice leaves it; leaving the page asks again and Keep mine saves it."""
    window, bob, eng = team
    ws = window.workspace
    ws.show_step("strategy")
    page = ws.strategy
    page.tabs.setCurrentIndex(1)
    table = page.principles
    row = 1
    first, mine = table.item(0, 0), table.item(row, 0)
    assert first is not None and mine is not None
    code, other = (
        str(mine.data(Qt.ItemDataRole.UserRole)),
        str(first.data(Qt.ItemDataRole.UserRole)),
    )

    def note(strategy: Any) -> str:
        return str(strategy.principles.get(code, Adoption()).note)

    def bob_saves(text: str, **more: Adoption) -> None:
        now = plan.get_value(bob, eng, "strategy")
        principles = {**now.principles, code: Adoption(adopted=True, note=text), **more}
        plan.set_value(bob, eng, "strategy", plan.replace_struct(now, principles=principles))

    def cell() -> Any:
        item = table.item(row, 2)
        assert item is not None
        return item

    editor = _type_in_cell(qtbot, table, row, 2, TYPED[:1])
    bob_saves(THEIRS)
    qtbot.waitUntil(lambda: note(ws.plan.value("strategy")) == THEIRS, timeout=WAIT_MS)
    QApplication.processEvents()
    qtbot.keyClicks(editor, TYPED[1:])
    assert editor.text() == TYPED  # his save loaded: her typing stays
    seen: list[tuple[str, str]] = []
    _when_asked(lambda d: d.reject(), seen)
    _end_cell(qtbot, table, editor)
    assert len(seen) == 1 and THEIRS in seen[0][0] and TYPED in seen[0][1]
    assert cell().text() == TYPED  # never dropped
    assert cell().data(UNSAVED_ROLE) is True and "Not saved" in cell().toolTip()
    assert note(plan.get_value(bob, eng, "strategy")) == THEIRS

    # he saves again (the same note, and adopts another principle): her note stays
    bob_saves(THEIRS_AGAIN, **{other: Adoption(adopted=True)})
    qtbot.waitUntil(lambda: note(ws.plan.value("strategy")) == THEIRS_AGAIN, timeout=WAIT_MS)
    QApplication.processEvents()
    assert cell().text() == TYPED and cell().data(UNSAVED_ROLE) is True
    ticked = table.item(0, 0)
    assert ticked is not None and ticked.checkState() == Qt.CheckState.Checked  # his

    # leaving the page asks again, against his latest; Keep mine saves hers
    _when_asked(lambda d: d.keep_button.click(), seen)
    page.flush()
    assert len(seen) == 2 and THEIRS_AGAIN in seen[1][0] and TYPED in seen[1][1]
    stored = plan.get_value(bob, eng, "strategy")
    assert note(stored) == TYPED and stored.principles[other].adopted  # his tick kept too
    assert cell().text() == TYPED and not cell().data(UNSAVED_ROLE)
    page.flush()  # saved: nothing more to ask
    assert len(seen) == 2


def test_a_rationale_kept_after_a_cancel_leaves_another_dimension_to_the_colleague(
    qtbot: Any, team: Any
) -> None:
    """Her rationale of one dimension is kept after a Cancel; his later change of another
    dimension's rationale shows as his, unmarked; the next save asks about hers only and
    Keep mine keeps his."""
    window, bob, eng = team
    ws = window.workspace
    ws.show_step("strategy")
    page = ws.strategy
    mine, his = list(page.rows)[:2]
    box, other = page.rows[mine].rationale, page.rows[his].rationale
    his_before = other.toPlainText()

    def rationale(strategy: Any, code: str) -> str:
        return str(strategy.choices.get(code, Choice()).rationale)

    def bob_saves(code: str, text: str) -> None:
        now = plan.get_value(bob, eng, "strategy")
        choice = plan.replace_struct(now.choices.get(code, Choice()), rationale=text)
        choices = {**now.choices, code: choice}
        plan.set_value(bob, eng, "strategy", plan.replace_struct(now, choices=choices))

    typed = _type_while(qtbot, page, box, lambda: bob_saves(mine, THEIRS))
    qtbot.waitUntil(lambda: rationale(ws.plan.value("strategy"), mine) == THEIRS, timeout=WAIT_MS)
    QApplication.processEvents()
    seen: list[tuple[str, str]] = []
    _when_asked(lambda d: d.reject(), seen)
    page.autosave.save(box)
    assert len(seen) == 1
    assert box.toPlainText() == typed and box.property("unsaved") is True
    assert other.toPlainText() == his_before and not other.property("unsaved")

    # he changes the other dimension's rationale: shown as his, not as a draft of hers
    bob_saves(his, THEIRS_AGAIN)
    qtbot.waitUntil(
        lambda: rationale(ws.plan.value("strategy"), his) == THEIRS_AGAIN, timeout=WAIT_MS
    )
    QApplication.processEvents()
    assert other.toPlainText() == THEIRS_AGAIN and not other.property("unsaved")
    assert box.toPlainText() == typed and box.property("unsaved") is True

    # leaving the page asks about hers (his other rationale is in hers, not asked about)
    _when_asked(lambda d: d.keep_button.click(), seen)
    page.flush()
    assert len(seen) == 2
    assert THEIRS in seen[1][0] and typed in seen[1][1] and THEIRS_AGAIN in seen[1][1]
    stored = plan.get_value(bob, eng, "strategy")
    assert (rationale(stored, mine), rationale(stored, his)) == (typed, THEIRS_AGAIN)
    assert not box.property("unsaved") and not other.property("unsaved")
    page.flush()
    assert len(seen) == 2


def test_a_leader_competency_note_typed_against_a_colleagues_save_is_kept(
    qtbot: Any, team: Any
) -> None:
    """A note in the 6.1.1 rating table (the diagnosis's answer): his note loaded while she
    types is asked about; Cancel keeps hers in its line, marked, through his change notice;
    leaving the page asks again and Keep mine saves it."""
    from dtbench.diagnosis import service as dx
    from dtbench.ui.kit.rating_table import NOTE

    window, bob, _eng = team
    ws = window.workspace
    ws.show_step("leadership")
    page = ws.leadership
    page.tabs.setCurrentIndex(1)
    table = page.table
    row = 1
    key = page.key_of(row)
    rnd = ws.session.round.uuid

    def stored_note() -> str:
        return dx.load_answer(bob, rnd, key).note

    def shown(role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return table.model().index(row, NOTE).data(role)

    table.setFocus()
    table.go_to_row(row)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # the note's editor opens
    editor = table.indexWidget(table.model().index(row, NOTE))
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, TYPED[:1])
    dx.set_answer(bob, rnd, key, note=THEIRS)
    qtbot.waitUntil(lambda: ws.session.answer(key).note == THEIRS, timeout=WAIT_MS)
    QApplication.processEvents()
    qtbot.keyClicks(editor, TYPED[1:])
    assert editor.text() == TYPED  # his note loaded: her typing stays
    seen: list[tuple[str, str]] = []
    _when_asked(lambda d: d.reject(), seen)
    _end_cell(qtbot, table, editor)
    assert seen == [(THEIRS, TYPED)]
    assert shown() == TYPED and shown(UNSAVED_ROLE) is True
    assert "Not saved" in shown(Qt.ItemDataRole.ToolTipRole)
    assert stored_note() == THEIRS

    # his next note: loaded, hers stays in the line, marked
    dx.set_answer(bob, rnd, key, note=THEIRS_AGAIN)
    qtbot.waitUntil(lambda: ws.session.answer(key).note == THEIRS_AGAIN, timeout=WAIT_MS)
    QApplication.processEvents()
    assert shown() == TYPED and shown(UNSAVED_ROLE) is True

    # leaving the page asks again, against his latest; Keep mine saves hers
    _when_asked(lambda d: d.keep_button.click(), seen)
    page.flush()
    assert seen[1:] == [(THEIRS_AGAIN, TYPED)]
    assert stored_note() == TYPED
    assert shown() == TYPED and not shown(UNSAVED_ROLE)
    page.flush()
    assert len(seen) == 2
