"""The application shell driven as a user drives it (pytest-qt, offscreen)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QToolButton
from qt_helpers import type_text

from dtbench.engagement import service
from dtbench.engagement.records import EngagementRow
from dtbench.store import Store, open_store
from dtbench.ui.kit.translations import Translations
from dtbench.ui.shell.dialogs import NewEngagementDialog
from dtbench.ui.shell.engagement_model import UUID_ROLE, EngagementFilter, EngagementTableModel
from dtbench.ui.shell.main_window import MainWindow


def _row(uuid: str, client: str, title: str, industry: str, status: str, day: int) -> EngagementRow:
    return EngagementRow(uuid, title, client, industry, status, datetime(2026, 1, day))


def test_list_model_filters_without_widgets(qapp: QApplication) -> None:
    model = EngagementTableModel()
    proxy = EngagementFilter()
    proxy.setSourceModel(model)
    model.set_rows(
        [
            _row("1", "大连华信", "诊断", "装备制造", "active", 1),
            _row("2", "海港物流", "规划", "物流", "draft", 2),
            _row("3", "Dalian Chem", "Diagnosis", "化工", "draft", 3),
        ]
    )
    assert proxy.rowCount() == 3
    proxy.set_text("dalian")
    assert [proxy.index(r, 0).data(UUID_ROLE) for r in range(proxy.rowCount())] == ["3"]
    proxy.set_text("")
    proxy.set_status("draft")
    assert proxy.rowCount() == 2
    proxy.set_industry("物流")
    assert proxy.rowCount() == 1 and proxy.index(0, EngagementTableModel.TITLE).data() == "规划"
    proxy.set_status("")
    proxy.set_industry("")
    proxy.sort(EngagementTableModel.CHANGED, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data(UUID_ROLE) for r in range(3)] == ["3", "2", "1"]
    assert model.headerData(EngagementTableModel.CLIENT, Qt.Orientation.Horizontal) == "Client"
    for column in range(model.columnCount()):  # a list to read, in the trash dialog too
        assert not model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    # Who works where (a firm's server) changes one column, said once: a notice per cell had
    # the filter re-sort the list for each (1,000 engagements: 1.5 s at every presence poll).
    notices: list[object] = []
    model.dataChanged.connect(lambda *args: notices.append(args))
    model.set_people({"2": ["li", "wang"]})
    assert len(notices) == 1
    assert model.index(1, EngagementTableModel.PEOPLE).data() == "li, wang"
    assert "li, wang" in model.index(1, EngagementTableModel.PEOPLE).data(3)  # the tooltip
    model.set_people({"2": ["wang", "li"]})  # the same people: nothing to say
    assert len(notices) == 1
    model.set_people({})
    assert model.index(1, EngagementTableModel.PEOPLE).data() == ""
    assert model.index(1, EngagementTableModel.PEOPLE).data(3) is None
    # Every word somewhere in client, title or industry, whatever its case; the characters
    # of a regular expression are only characters.
    model.set_rows(
        [
            _row("4", "C++ (大连) Works", "Roll-out [phase 2]", "软件", "active", 4),
            _row("5", "大连化工", "诊断 .*", "化工", "active", 5),
        ]
    )
    for text, found in (
        ("c++ (大连)", ["4"]),
        ("[PHASE 2] 软件", ["4"]),
        (".*", ["5"]),
        ("大连", ["4", "5"]),
        ("大连 物流", []),
    ):
        proxy.set_text(text)
        assert sorted(proxy.index(r, 0).data(UUID_ROLE) for r in range(proxy.rowCount())) == found
    proxy.set_text("")
    proxy.set_industry("软")  # an industry is matched whole
    assert proxy.rowCount() == 0


def test_create_engagement_through_the_dialog_with_the_keyboard(
    qtbot, window: MainWindow, store: Store
) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewEngagementDialog)
        type_text(qtbot, dialog.client, "大连华信精密机械有限公司")
        type_text(qtbot, dialog.title_edit, "数字化转型诊断")
        dialog.industry.setCurrentText("装备制造")
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    uuid = window.new_engagement()
    assert uuid is not None
    [row] = service.list_engagements(store)
    assert (row.client_name, row.title, row.industry) == (
        "大连华信精密机械有限公司",
        "数字化转型诊断",
        "装备制造",
    )
    # A new engagement opens straight into its workspace on the profile step.
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.profile.profile.uuid == uuid


def test_new_dialog_refuses_empty_client(qtbot, qapp: QApplication) -> None:
    dialog = NewEngagementDialog([], "zh")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    type_text(qtbot, dialog.title_edit, "T")
    assert not ok.isEnabled()
    type_text(qtbot, dialog.client, "C")
    assert ok.isEnabled()


def test_profile_edits_are_saved_at_once_and_undoable(
    qtbot, window: MainWindow, store: Store
) -> None:
    created = service.create_engagement(store, client_name="A公司", title="Old title")
    window.refresh()
    window.open_engagement(created.uuid)
    page = window.workspace.profile
    title = page.findChild(QLineEdit, "title")
    title.setFocus()
    title.selectAll()
    type_text(qtbot, title, "新标题")
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    assert service.get_profile(store, created.uuid).title == "新标题"
    region = page.findChild(QLineEdit, "region")
    region.setFocus()
    type_text(qtbot, region, "大连")
    qtbot.keyClick(region, Qt.Key.Key_Return)
    assert service.get_profile(store, created.uuid).region == "大连"
    page.size_employees.setCurrentIndex(page.size_employees.findData("300-999"))
    page.size_employees.activated.emit(page.size_employees.currentIndex())
    assert service.get_profile(store, created.uuid).size_employees == "300-999"

    window.act_undo.trigger()
    assert service.get_profile(store, created.uuid).size_employees == ""
    window.act_undo.trigger()
    assert service.get_profile(store, created.uuid).region == ""
    assert region.text() == ""
    window.act_undo.trigger()
    assert service.get_profile(store, created.uuid).title == "Old title"
    assert title.text() == "Old title"
    window.act_redo.trigger()
    assert service.get_profile(store, created.uuid).title == "新标题"
    # The list shows the change when the consultant goes back to it.
    window.act_back.trigger()
    assert window.list_page.proxy.index(0, EngagementTableModel.TITLE).data() == "新标题"


def test_notes_are_saved_when_leaving_the_field(qtbot, window: MainWindow, store: Store) -> None:
    created = service.create_engagement(store, client_name="A", title="T")
    window.refresh()
    window.open_engagement(created.uuid)
    notes = window.workspace.profile.findChild(
        type(window.workspace.profile.labels["notes"].buddy()), "notes"
    )
    notes.setFocus()
    type_text(qtbot, notes, "首次访谈：生产部")
    window.act_back.trigger()  # leaving the workspace saves pending typing
    assert service.get_profile(store, created.uuid).notes == "首次访谈：生产部"


def test_contacts_and_systems_are_saved(qtbot, window: MainWindow, store: Store) -> None:
    created = service.create_engagement(store, client_name="A", title="T")
    window.refresh()
    window.open_engagement(created.uuid)
    page = window.workspace.profile
    page.system_checks["MES"].click()
    page.other_systems.setText("用友U8")
    page.other_systems.editingFinished.emit()
    assert service.get_profile(store, created.uuid).existing_systems == ("MES", "用友U8")
    page.add_contact.click()
    page.contacts.item(0, 0).setText("王建国")
    assert [c.name for c in service.get_profile(store, created.uuid).contacts] == ["王建国"]
    window.act_undo.trigger()
    assert service.get_profile(store, created.uuid).contacts == ()


def test_delete_moves_to_trash_and_trash_restores(
    qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = service.create_engagement(store, client_name="A", title="Keep")
    b = service.create_engagement(store, client_name="B", title="Remove")
    window.refresh(b.uuid)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.list_page.view.setFocus()
    qtbot.keyClick(window.list_page.view, Qt.Key.Key_Delete)
    assert [r.uuid for r in service.list_engagements(store)] == [a.uuid]
    assert window.list_page.proxy.rowCount() == 1

    from dtbench.ui.shell.trash_dialog import TrashDialog

    dialog = TrashDialog(store, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    dialog.restore_button.click()
    assert {r.uuid for r in service.list_engagements(store)} == {a.uuid, b.uuid}
    service.move_to_trash(store, b.uuid)
    dialog.refresh()
    dialog.empty_button.click()
    assert dialog.model.rowCount() == 0
    assert service.list_engagements(store, trash=True) == []
    assert [r.uuid for r in service.list_engagements(store)] == [a.uuid]


def test_duplicate_and_archive(
    qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    a = service.create_engagement(store, client_name="A", title="Base")
    window.refresh(a.uuid)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("Copy of base", True))
    window.act_duplicate.trigger()
    titles = sorted(r.title for r in service.list_engagements(store))
    assert titles == ["Base", "Copy of base"]
    window.list_page.select(a.uuid)
    window.act_archive.trigger()
    assert service.get_profile(store, a.uuid).status == "archived"
    window.list_page.status.setCurrentIndex(window.list_page.status.findData("archived"))
    assert window.list_page.proxy.rowCount() == 1


def test_keyboard_only_search_and_open(qtbot, window: MainWindow, store: Store) -> None:
    service.create_engagement(store, client_name="大连华信", title="One")
    target = service.create_engagement(store, client_name="海港物流", title="Two")
    window.refresh()
    qtbot.keyClick(window.list_page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.list_page.search.hasFocus()
    type_text(qtbot, window.list_page.search, "海港")
    qtbot.keyClick(window.list_page.search, Qt.Key.Key_Down)
    assert window.list_page.view.hasFocus()
    qtbot.keyClick(window.list_page.view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.profile.profile.uuid == target.uuid
    # Ctrl+0: the guide, the last step, however many steps come before it
    qtbot.keyClick(window.workspace.steps, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.pages.currentWidget() is window.workspace.guide


def test_language_switch_without_restart(qtbot, window: MainWindow, store: Store) -> None:
    created = service.create_engagement(store, client_name="A", title="T")
    window.refresh()
    window.open_engagement(created.uuid)
    window.workspace.guide.select("7.3.3")
    assert "Product quality management" in window.workspace.guide.view.toPlainText()
    window.act_zh.trigger()
    assert window.menu_file.title() == "文件(&F)"
    assert (
        window.list_page.model.headerData(EngagementTableModel.CLIENT, Qt.Orientation.Horizontal)
        == "客户"
    )
    assert window.workspace.steps.item(0).text().endswith("客户概况")
    assert window.workspace.profile.labels["title"].text() == "标题(&T)："
    assert "产品质量管理" in window.workspace.guide.view.toPlainText()
    assert window.workspace.guide.current_key() == "7.3.3"
    window.act_en.trigger()
    assert window.menu_file.title() == "&File"
    assert "Product quality management" in window.workspace.guide.view.toPlainText()


def test_geometry_and_last_database_are_remembered(
    qtbot, store: Store, translations: Translations, tmp_path: Path
) -> None:
    from dtbench.ui.kit import settings as prefs

    first = MainWindow(store, translations, open_store=open_store)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    other = tmp_path / "second.sqlite3"
    assert first.switch_database(str(other))
    first.close()
    assert prefs.last_database() == str(other)
    assert prefs.recent_databases()[0] == str(other)
    second = MainWindow(first.store, translations, open_store=open_store)
    qtbot.addWidget(second)
    assert second.size() == QSize(700, 500)


def test_unusable_database_message_is_translated(
    qapp: QApplication, translations: Translations, tmp_path: Path
) -> None:
    from dtbench.store import UnreadableDatabaseError
    from dtbench.ui.kit.errors import describe

    broken = tmp_path / "broken.db"
    broken.write_bytes(b"x" * 4096)
    with pytest.raises(UnreadableDatabaseError) as err:
        open_store(broken)
    translations.apply("zh")
    assert describe(err.value).startswith(f"无法打开数据库 {broken}")


def _start_gui(db: Path, *extra: str) -> dict[str, object]:
    """Start the GUI as ``dtbench --db db`` does, in its own process (see gui_start_driver)."""
    import json
    import os
    import subprocess

    root = Path(__file__).resolve().parent.parent
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    }
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("gui_start_driver.py")), str(db), *extra],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=root,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["code"] == 0 and data["unexpected"] == [], data
    return data


def test_gui_start_shows_window_then_fills_the_list(db_path: Path) -> None:
    store = open_store(db_path)
    service.create_engagement(store, client_name="大连华信", title="诊断")
    store.close()
    seen = _start_gui(db_path)
    assert seen["state"] == "ready"
    assert seen["rows"] == 1 and seen["first"] == "大连华信"


def test_gui_start_with_damaged_database_says_so_and_keeps_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database" * 300)
    before = broken.read_bytes()
    seen = _start_gui(broken, "--refuse")
    shown = seen["shown"]
    assert isinstance(shown, list) and shown and "damaged" in shown[0]
    assert seen["state"] == "closed"
    assert "No database is open" in str(seen["hint"])
    assert seen["new_enabled"] is False
    assert broken.read_bytes() == before


def test_a_chinese_font_is_available_to_qt(qapp: QApplication) -> None:
    from PySide6.QtGui import QFont, QFontInfo, QFontMetrics

    from dtbench.ui.kit.fonts import ensure_chinese_font

    family = ensure_chinese_font()
    assert family is not None, "no CJK font: install fonts-wqy-microhei or fonts-noto-cjk"
    assert family in QApplication.font().families()
    font = QFont(family)
    assert QFontInfo(font).family() == family
    metrics = QFontMetrics(font)
    missing = [ch for ch in "数字化转型咨询工作台" if not metrics.inFontUcs4(ord(ch))]
    assert not missing, (family, missing)


def test_action_on_an_engagement_removed_meanwhile_gives_a_message(
    qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = service.create_engagement(store, client_name="A", title="T")
    window.refresh(gone.uuid)
    service.move_to_trash(store, gone.uuid)  # e.g. from the command line, meanwhile
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    window.act_archive.trigger()
    assert messages == ["That engagement no longer exists."]
    assert window.list_page.proxy.rowCount() == 0


@pytest.mark.parametrize(
    ("action", "module", "function"),
    [
        ("act_from_template", "exchange.templates", "new_from_template"),
        ("act_save_template", "exchange.templates", "save_as_template"),
        ("act_library", "exchange.templates", "open_template_library"),
        ("act_package_out", "exchange.engagement_files", "export_package"),
        ("act_package_in", "exchange.engagement_files", "import_package"),
        ("act_questionnaire_out", "exchange.questionnaire", "export_questionnaire"),
        ("act_questionnaire_in", "exchange.questionnaire", "import_questionnaire"),
        ("act_backups", "exchange.backups", "open_backups_dialog"),
    ],
)
def test_file_menu_reaches_every_reuse_and_safety_feature(
    qtbot,
    window: MainWindow,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    action: str,
    module: str,
    function: str,
) -> None:
    import importlib

    created = service.create_engagement(store, client_name="甲", title="乙")
    window.refresh(created.uuid)
    called: list[object] = []
    monkeypatch.setattr(
        importlib.import_module(f"dtbench.ui.{module}"), function, lambda w: called.append(w)
    )
    act = getattr(window, action)
    assert act.isEnabled() and act.text()
    assert act in window.menu_file.actions()
    act.trigger()
    assert called == [window]


@pytest.mark.parametrize("answer", ["no", "yes"])
def test_open_database_asks_before_creating_one(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch, answer: str
) -> None:
    """File ▸ Open database… on a name that holds no database: No leaves everything as it
    was (no file made); Yes creates it and switches to it."""
    from dtbench.ui.shell import main_window

    typo = tmp_path / "tpyo.sqlite3"
    monkeypatch.setattr(main_window, "ask_database_path", lambda _parent: str(typo))
    asked: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.text())
        button = (
            QMessageBox.StandardButton.Yes if answer == "yes" else QMessageBox.StandardButton.No
        )
        box.button(button).click()
        return int(button)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    window.act_open_db.trigger()
    assert asked == [f"There is no database at {typo}. Create a new database there?"]
    if answer == "no":
        assert not typo.exists()
        assert window.store is store
    else:
        assert typo.stat().st_size > 0
        assert window.store is not None and window.store.path == typo
    # An existing database opens without a question.
    asked.clear()
    assert window.open_database_at(str(store.path))
    assert asked == []


def test_gui_start_on_a_missing_database_asks_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "moved-away.sqlite3"
    seen = _start_gui(missing, "--refuse")
    assert seen["shown"] == [f"There is no database at {missing}. Create a new database there?"]
    assert seen["state"] == "closed"
    assert not missing.exists()


def test_an_unusable_database_name_is_reported_not_asked_about(
    qtbot, window: MainWindow, store: Store, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", shown.append)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: pytest.fail("asked"))
    assert not window.open_database_at("not a url://x")
    assert window.store is store and len(shown) == 1


def test_enter_in_the_search_opens_the_selected_match(
    qtbot, window: MainWindow, store: Store
) -> None:
    service.create_engagement(store, client_name="大连华信", title="One")
    target = service.create_engagement(store, client_name="海港物流", title="Two")
    window.refresh()
    qtbot.keyClick(window.list_page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.list_page.search, "海港")
    assert window.list_page.current_uuid() == target.uuid  # the match shown is selected
    qtbot.keyClick(window.list_page.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.profile.profile.uuid == target.uuid


def test_the_workspace_built_ahead_is_the_one_an_engagement_opens_in(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = service.create_engagement(store, client_name="大连华信", title="诊断").uuid
    window.refresh()
    window.prepare_workspace()
    built = window.workspace
    assert built is not None and window.stack.currentWidget() is window.list_page
    window.open_engagement(uuid)
    assert window.workspace is built and window.stack.currentWidget() is built
    assert window.showing() == uuid


def test_the_list_reads_newest_first_with_its_columns_in_reading_order(
    qtbot, window: MainWindow, store: Store
) -> None:
    """Set up without Qt's namespace enums (issue 18): the sort is the header's own first
    order, alignments and the delete key's scope are given by Qt property names. What the
    consultant sees must not change for it."""
    old = service.create_engagement(store, client_name="Beta", title="Older")
    new = service.create_engagement(store, client_name="Alpha", title="Newer")
    service.set_field(store, new.uuid, "title", "Newest")
    window.refresh()
    page = window.list_page
    header = page.view.horizontalHeader()
    shown = [
        page.model.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal)
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]
    assert shown == ["Client", "Title", "Industry", "Status", "Last change"]
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == page.model.CHANGED
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    order = [page.proxy.index(r, 0).data(UUID_ROLE) for r in range(page.proxy.rowCount())]
    assert order == [new.uuid, old.uuid]
    # a click on "Client" sorts by the client, A first
    x = header.sectionViewportPosition(page.model.CLIENT) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert [page.proxy.index(r, page.model.CLIENT).data() for r in range(2)] == ["Alpha", "Beta"]
    assert page.empty_hint.alignment() == Qt.AlignmentFlag.AlignCenter
    buttons = [b for b in page.findChildren(QToolButton) if b.parent() is page]
    assert buttons and all(
        b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly for b in buttons
    )
    # Delete acts on the list and what is in it (given by the property's name: a name Qt
    # does not know would be ignored without a word)
    assert window.act_delete.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
