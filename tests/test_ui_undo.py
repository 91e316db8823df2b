"""Undo that tells: Ctrl+Z in a text field undoes the typing there first, then the step's
history; undoing an edit made on another step shows that step; the Undo action names the
edit without access-key markers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit

from dtbench.engagement import service
from dtbench.store import Store
from dtbench.ui.kit.labels import without_access_key
from dtbench.ui.kit.translations import Translations
from dtbench.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _open(window: MainWindow, store: Store) -> str:
    created = service.create_engagement(store, client_name="A公司", title="Old", region="沈阳")
    window.refresh()
    window.open_engagement(created.uuid)
    return created.uuid


def test_ctrl_z_in_a_field_undoes_its_typing_then_the_history(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _open(window, store)
    page = window.workspace.profile
    title = page.findChild(QLineEdit, "title")
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "New")
    qtbot.keyClick(title, Qt.Key.Key_Tab)  # saved: one step of the history
    assert service.get_profile(store, uuid).title == "New"
    region = page.findChild(QLineEdit, "region")
    region.setFocus()
    region.end(False)
    qtbot.keyClicks(region, "xy")
    page.flush()  # the pause in typing: saved, the cursor still in the field
    assert service.get_profile(store, uuid).region == "沈阳xy"

    # the field's own undo, without leaving the field
    qtbot.keyClick(region, Qt.Key.Key_Z, CTRL)
    assert region.hasFocus()
    assert region.text() == "沈阳"
    qtbot.keyClick(region, Qt.Key.Key_Tab)
    assert service.get_profile(store, uuid).region == "沈阳"

    # a field with nothing of its own to undo: Ctrl+Z takes back the step's history (the
    # typing taken back in the field left nothing there)
    region.setFocus()
    qtbot.keyClick(region, Qt.Key.Key_Z, CTRL)
    assert service.get_profile(store, uuid).title == "Old"
    assert title.text() == "Old"
    assert region.text() == "沈阳"


def test_undoing_an_edit_of_another_step_shows_that_step(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _open(window, store)
    workspace = window.workspace
    region = workspace.profile.findChild(QLineEdit, "region")
    region.setFocus()
    region.selectAll()
    qtbot.keyClicks(region, "Dalian")
    qtbot.keyClick(region, Qt.Key.Key_Tab)
    workspace.show_step("diagnosis")
    assert workspace.pages.currentWidget() is workspace.diagnosis

    window.act_undo.trigger()
    assert service.get_profile(store, uuid).region == "沈阳"
    qtbot.waitUntil(lambda: workspace.pages.currentWidget() is workspace.profile)
    assert region.text() == "沈阳"
    # redone from elsewhere: shown again
    workspace.show_step("dashboard")
    window.act_redo.trigger()
    qtbot.waitUntil(lambda: workspace.pages.currentWidget() is workspace.profile)
    assert region.text() == "Dalian"


def test_undo_names_the_edit_without_access_keys(
    qtbot, window: MainWindow, store: Store, translations: Translations
) -> None:
    _open(window, store)
    page = window.workspace.profile
    short_name = page.findChild(QLineEdit, "short_name")
    short_name.setFocus()
    qtbot.keyClicks(short_name, "AC")
    qtbot.keyClick(short_name, Qt.Key.Key_Tab)
    assert without_access_key(window.act_undo.text()) == "Undo Edit Short name"
    assert "Short name" in window.act_undo.text()  # "Short na&me" is not shown as such
    translations.apply("zh")
    region = page.findChild(QLineEdit, "region")
    region.setFocus()
    region.selectAll()
    qtbot.keyClicks(region, "Anshan")
    qtbot.keyClick(region, Qt.Key.Key_Tab)
    text = window.act_undo.text()
    assert text == "撤销 编辑地区(&U)"
    assert "(G)" not in text and "&G" not in text and "(&G)" not in text
    window.act_undo.trigger()
    assert "地区" in window.act_redo.text() and "(G)" not in window.act_redo.text()


def test_access_keys_leave_names_in_running_text() -> None:
    assert without_access_key("Re&gion:") == "Region"
    assert without_access_key("地区(&G)：") == "地区"
    assert without_access_key("规模（人数）(&E)：") == "规模（人数）"
    assert without_access_key("R&&D plan") == "R&D plan"


def test_undo_after_switching_database_with_an_engagement_open(
    qtbot, window: MainWindow, store: Store, translations: Translations, tmp_path
) -> None:
    """The closed workspace's history goes with it: Undo neither reaches into it (it was
    deleted) nor names its edits."""
    _open(window, store)
    short_name = window.workspace.profile.findChild(QLineEdit, "short_name")
    short_name.setFocus()
    qtbot.keyClicks(short_name, "AC")
    qtbot.keyClick(short_name, Qt.Key.Key_Tab)
    assert window.switch_database(str(tmp_path / "other.sqlite3"))
    qtbot.waitUntil(lambda: window.findChild(QUndoStack) is None)
    window.act_undo.trigger()
    translations.apply("zh")  # the labels are written again
    assert window.act_undo.text() == "撤销(&U)"
    assert not window.act_undo.isEnabled()
