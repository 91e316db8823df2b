"""Help ▸ Keyboard shortcuts lists every key, read from the menus' actions; key names are
written as on the keyboard in both languages (issue 16, points 4 and 5)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from dtbench.ui.kit.labels import without_access_key
from dtbench.ui.kit.translations import Translations
from dtbench.ui.shell.main_window import MainWindow
from dtbench.ui.shell.shortcuts_dialog import ShortcutsDialog

NATIVE = QKeySequence.SequenceFormat.NativeText
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        found.extend(_menu_actions(sub) if isinstance(sub, QMenu) else [action])
    return found


def _all_menu_actions(window: MainWindow) -> list[QAction]:
    return [
        action
        for top in window.menuBar().actions()
        if isinstance(top.menu(), QMenu)
        for action in _menu_actions(top.menu())  # type: ignore[arg-type]
    ]


def _open_dialog(qtbot, window: MainWindow, monkeypatch) -> ShortcutsDialog:  # type: ignore[no-untyped-def]
    opened: list[ShortcutsDialog] = []

    def fake_exec(dialog: ShortcutsDialog) -> int:
        opened.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        return 0

    monkeypatch.setattr(ShortcutsDialog, "exec", fake_exec)
    window.activateWindow()
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, Qt.Key.Key_F1)  # its own key
    assert len(opened) == 1
    return opened[0]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_menu_key_is_listed_in_the_ui_language(
    qtbot, window: MainWindow, translations: Translations, monkeypatch, language: str
) -> None:
    translations.apply(language)
    dialog = _open_dialog(qtbot, window, monkeypatch)
    rows = dialog.rows()
    keyed = [a for a in _all_menu_actions(window) if a.shortcuts()]
    assert len(keyed) >= 10
    for action in keyed:
        keys = " / ".join(s.toString(NATIVE) for s in action.shortcuts())
        name = without_access_key(action.text()).rstrip("…").strip()
        assert any(r[0] == keys and r[1] == name for r in rows), (keys, name)
    # the keys the views handle themselves are there too
    keys = {r[0] for r in rows}
    assert {"1", "Alt+K", "Alt+Down / F4", "Ctrl+Z", "F1 / Ctrl+/"} <= keys
    # key names as printed on the keyboard, never "Ctrl+回车" or "Alt+左方向"
    assert not [k for k in keys if CJK.search(k)]
    for action in keyed:
        assert not CJK.search(action.shortcut().toString(NATIVE)), action.text()
    open_keys = window.act_open.shortcut().toString(NATIVE)
    assert open_keys == "Ctrl+Enter"
    assert window.act_back.shortcut().toString(NATIVE) == "Alt+Left"
    if language == "zh":
        assert dialog.windowTitle() == "键盘快捷键"
        assert any(r[1] == "符合，并转到下一条目" for r in rows)


def test_the_list_narrows_to_what_is_typed(qtbot, window: MainWindow, monkeypatch) -> None:
    dialog = _open_dialog(qtbot, window, monkeypatch)
    everything = len(dialog.rows())
    qtbot.keyClicks(dialog.filter, "calendar")
    assert dialog.rows() == [("Alt+Down / F4", "Open the calendar", "Date fields")]
    dialog.filter.clear()
    assert len(dialog.rows()) == everything
    qtbot.keyClicks(dialog.filter, "ctrl+shift+e")
    assert [r[1] for r in dialog.rows()] == ["Export client documents"]
