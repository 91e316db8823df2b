"""How many keys a consultant presses per checkpoint, starting on the diagnosis page with the
keyboard where it lands (issue 16, point 6). Each key goes to the widget that has the focus,
as on a real keyboard; the test asserts that the values are stored (reachability) and prints
the counts (``pytest -s``); a count is no timing and is not asserted beyond a ceiling that
keeps the keys from drifting back to mouse-like detours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from qt_helpers import Keyboard

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.store import Store
from dtbench.ui.shell.main_window import MainWindow

GUIDE = load_guide()
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NOTE = "ERP只在财务"


def _diagnosis(qtbot, window: MainWindow, store: Store):  # type: ignore[no-untyped-def]
    created = service.create_engagement(store, client_name="大连澜岳精工", title="现状诊断")
    window.refresh(created.uuid)
    window.open_engagement(created.uuid)
    ws = window.workspace
    assert ws is not None
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_4, CTRL)  # the diagnosis, as it lands
    assert ws.pages.currentWidget() is ws.diagnosis
    return created.uuid, ws.diagnosis


def _answers(store: Store, uuid: str):  # type: ignore[no-untyped-def]
    return dx.load_round(store, dx.list_rounds(store, uuid)[-1].uuid).answers


def test_keystrokes_per_checkpoint(qtbot, window: MainWindow, store: Store) -> None:
    uuid, page = _diagnosis(qtbot, window, store)
    items = [p.key for p in GUIDE.clause("5.2").checkpoints()]
    counts: dict[str, tuple[int, int]] = {}

    # (a) a status: 1 met (and the next item is selected, ready for the next key)
    keyboard = Keyboard(qtbot)
    keyboard.press(Qt.Key.Key_1)
    assert _answers(store, uuid)[items[0]].status == "met"
    counts["(a) status"] = (keyboard.keys, keyboard.letters)

    # (b) a status with a note: Enter, the note, Enter, then the status (which moves on)
    keyboard = Keyboard(qtbot)
    keyboard.press(Qt.Key.Key_Return)
    assert page.checklist.state() == QAbstractItemView.State.EditingState
    keyboard.write(NOTE)
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.checklist.state() != QAbstractItemView.State.EditingState)
    keyboard.press(Qt.Key.Key_2)
    answer = _answers(store, uuid)[items[1]]
    assert (answer.status, answer.note) == ("partly", NOTE)
    assert page.checklist.current_row() == 2
    counts["(b) status + note"] = (keyboard.keys, keyboard.letters)

    # (c) the clause's current and target levels: Alt+L 2, Alt+G 4, back with Alt+K
    keyboard = Keyboard(qtbot)
    keyboard.press(Qt.Key.Key_L, ALT)
    keyboard.press(Qt.Key.Key_2)
    keyboard.press(Qt.Key.Key_G, ALT)
    keyboard.press(Qt.Key.Key_4)
    record = dx.load_round(store, dx.list_rounds(store, uuid)[-1].uuid).clauses["5.2"]
    assert (record.current, record.target) == (2, 4)
    keyboard.press(Qt.Key.Key_K, ALT)
    assert QApplication.focusWidget() is page.checklist
    counts["(c) current + target level, back to the checklist"] = (
        keyboard.keys,
        keyboard.letters,
    )

    print("\nKeystrokes per checkpoint (from the diagnosis page as it lands):")
    for what, (keys, letters) in counts.items():
        print(
            f"  {what:<52} {keys} keys" + (f" + {letters} letters of the note" if letters else "")
        )
    assert counts["(a) status"][0] == 1
    assert counts["(b) status + note"][0] <= 6
    assert counts["(c) current + target level, back to the checklist"][0] <= 6
