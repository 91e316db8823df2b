"""Team-mode screens as a consultant sees them in the Chinese UI on a 1280×720 screen:
titles translated, the members editor usable, the engagement open ticked when taking
offline (pytest-qt, offscreen; the members and offline screens on the PostgreSQL test
server, tests/pg.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QLabel

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.plan import service as ps
from dtbench.plan.records import NextStep
from dtbench.store import Store, open_store
from dtbench.store.models import Engagement, Member
from dtbench.ui.shell.main_window import MainWindow
from dtbench.ui.team.history_dialog import clause_dialog, record_dialog
from tests import pg

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def server() -> Iterator[Store]:
    pg.require_server()
    with pg.database() as url:
        opened = open_store(url)
        yield opened
        opened.close()


def _lead(store: Store, uuid: str) -> None:
    from sqlalchemy import select

    with store.session() as s:
        eid = s.scalar(select(Engagement.id).where(Engagement.uuid == uuid))
        s.add(Member(engagement_id=eid, login=store.author, role="lead"))


def _clipped(widget: Any) -> list[str]:
    """What a user would see cut: a horizontal scroll bar, a button or label narrower than
    its text."""
    found = [
        f"scroll bar on {area.objectName()}"
        for area in widget.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]
    for view in [*widget.findChildren(QAbstractButton), *widget.findChildren(QLabel)]:
        text = view.text().replace("&", "")
        wraps = getattr(view, "wordWrap", lambda: False)()
        if (
            view.isVisible()
            and text
            and not wraps
            and view.fontMetrics().horizontalAdvance(text) > view.width()
        ):
            found.append(f"cut: {text}")
    return found


def test_history_titles_are_in_the_ui_language(
    qtbot: Any, window: MainWindow, store: Store, translations: Any
) -> None:
    created = service.create_engagement(store, client_name="澜岳", title="诊断")
    rnd = dx.ensure_rounds(store, created.uuid, "基线")[0].uuid
    dx.set_clause(store, rnd, "7.3.1", "findings", "排产在 Excel 中")
    item = ps.add_item(store, created.uuid, NextStep(action="签署", owner="总经理"))
    translations.apply("zh")
    window.refresh(created.uuid)
    window.open_engagement(created.uuid, step="diagnosis")
    page = window.workspace.diagnosis  # type: ignore[union-attr]
    page.select_clause("7.3.1")
    dialog = clause_dialog(page)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "条款 7.3.1 的修改历史"
    # which value each button restores, and a key for each
    assert [b.text() for b in (dialog.restore_before, dialog.restore_after)] == [
        "恢复修改前的值(&B)",
        "恢复修改后的值(&A)",
    ]
    window.workspace.show_step("next_steps")  # type: ignore[union-attr]
    editor = window.workspace.next_steps.editor  # type: ignore[union-attr]
    editor.select(item.uuid)
    dialog = record_dialog(editor)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.windowTitle().endswith("的修改历史")


def test_a_record_history_gives_its_width_to_the_values(
    qtbot: Any, window: MainWindow, store: Store
) -> None:
    """A next step's long action is the window's title, not repeated on every row where it
    squeezed the values to "Wang Jianguo …"."""
    created = service.create_engagement(store, client_name="Lanyue", title="Review")
    action = "Approve the transformation vision, the three-phase roadmap and the investment plan"
    item = ps.add_item(store, created.uuid, NextStep(action=action, owner="Wang Jianguo (CEO)"))
    ps.update_item(store, item.uuid, NextStep(action=action, owner="Wang Jianguo (CEO), Zhao Min"))
    window.refresh(created.uuid)
    window.open_engagement(created.uuid, step="next_steps")
    editor = window.workspace.next_steps.editor  # type: ignore[union-attr]
    editor.select(item.uuid)
    dialog = record_dialog(editor)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    items = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert items <= {"Owner", "Action", "Whole record"}, items
    owner = next(
        r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 2).text() == "Owner"
    )
    assert dialog.table.columnWidth(3) >= dialog.table.fontMetrics().horizontalAdvance(
        "Wang Jianguo (CEO)"
    ), dialog.table.item(owner, 3).text()
    assert _clipped(dialog) == []


def test_a_change_s_values_are_shown_whole_below_the_list(
    qtbot: Any, window: MainWindow, store: Store
) -> None:
    """Two findings that differ only in their last line look alike cut to one line in the
    table; the selected change is shown whole under it."""
    created = service.create_engagement(store, client_name="Lanyue", title="Review")
    rnd = dx.ensure_rounds(store, created.uuid, "Baseline")[0].uuid
    first = "Scheduling in Excel by two planners, weekly, rush orders by phone " * 2
    dx.set_clause(store, rnd, "7.3.1", "findings", first)
    dx.set_clause(store, rnd, "7.3.1", "findings", first + "\nMES only for reporting.")
    window.refresh(created.uuid)
    window.open_engagement(created.uuid, step="diagnosis")
    page = window.workspace.diagnosis  # type: ignore[union-attr]
    page.select_clause("7.3.1")
    dialog = clause_dialog(page)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.selectRow(0)
    assert dialog.before_text.toPlainText() == f"Before the change:\n{first}"
    assert dialog.after_text.toPlainText().endswith("MES only for reporting.")
    assert _clipped(dialog) == []


def test_translations_are_asked_in_a_context_the_catalogue_has() -> None:
    """``dialog.tr("…")`` on a variable is filed by lupdate under the variable's name, a
    context never asked at run time: the text stays English in the Chinese UI."""
    calls = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in (ROOT / "dtbench").rglob("*.py")
        for match in re.finditer(r"\b(?!self\b)\w+\.tr\(", path.read_text(encoding="utf-8"))
    ]
    assert calls == []


def test_the_members_editor_fits_in_chinese_with_room_for_a_login(
    qtbot: Any, server: Store, translations: Any
) -> None:
    from dtbench.ui.team.members_dialog import MembersDialog

    uuid = service.create_engagement(server, client_name="澜岳", title="诊断").uuid
    _lead(server, uuid)
    translations.apply("zh")
    dialog = MembersDialog(server, uuid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1280 and dialog.height() <= 720
    assert dialog.login.isEnabled()
    # a login such as "zhaomin_e2b5f1" is seen whole while typed
    assert dialog.login.width() >= dialog.login.fontMetrics().horizontalAdvance("zhaomin_e2b5f1")
    assert _clipped(dialog) == []


def test_taking_offline_ticks_the_engagement_open(
    qtbot: Any, server: Store, translations: Any
) -> None:
    from dtbench.ui.kit.pick_dialog import PickDialog
    from dtbench.ui.team import offline

    uuids = [
        service.create_engagement(server, client_name=name, title=name).uuid
        for name in ("甲客户", "乙客户")
    ]
    for uuid in uuids:
        _lead(server, uuid)
    window = MainWindow(server, translations, open_store=open_store)
    qtbot.addWidget(window)
    window.show()
    window.refresh(uuids[1])
    window.open_engagement(uuids[1])
    seen: list[list[str]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PickDialog):
            QTimer.singleShot(20, look)
            return
        seen.append([dialog.table.item(row, 0).text() for row in dialog.chosen()])
        dialog.reject()

    QTimer.singleShot(0, look)
    offline.take_offline(window)
    assert seen == [["乙客户"]]  # the one open, and only it


def test_connect_is_filled_in_with_the_server_the_window_works_on(
    qtbot: Any, server: Store, translations: Any
) -> None:
    """File ▸ Connect to team server… while connected: the server, port, database and
    login of the current connection, not "localhost" and empty fields."""
    from sqlalchemy.engine import make_url

    from dtbench.ui.team.connect_dialog import ConnectDialog

    window = MainWindow(server, translations, open_store=open_store)
    qtbot.addWidget(window)
    window.show()
    seen: dict[str, Any] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConnectDialog):
            QTimer.singleShot(50, look)
            return
        seen["fields"] = (
            dialog.host.text(),
            dialog.port.value(),
            dialog.database.text(),
            dialog.login.text(),
        )
        seen["message shown"] = dialog.message.isVisible()
        dialog.reject()

    QTimer.singleShot(0, look)
    window.connect_team_server()
    url = make_url(server.url)
    assert seen["fields"] == (url.host, url.port or 5432, url.database, url.username)
    assert not seen["message shown"]
