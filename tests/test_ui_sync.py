"""File ▸ Synchronise… and the merge screen, driven as a consultant does: an engagement taken
offline from a PostgreSQL server (tests/pg.py) into the window's (laptop) database, changed
on both sides, synchronised from the menu."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pg
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea
from pytestqt.qtbot import QtBot
from qt_helpers import type_text, wait_for_tasks

from dtbench.diagnosis import service as dx
from dtbench.engagement import service as engagements
from dtbench.guide import load_guide
from dtbench.store import Store, open_store
from dtbench.team.offline import take_offline
from dtbench.ui.shell.main_window import MainWindow
from dtbench.ui.team.merge_dialog import MergeDialog


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    pg.require_server()
    from sqlalchemy.engine import make_url

    # The offline copy remembers the server without its password; libpq's variable gives it.
    monkeypatch.setenv("PGPASSWORD", make_url(pg.ADMIN_URL).password or "")
    with pg.database() as url:
        opened = open_store(url)
        yield opened
        opened.close()


def _keys() -> tuple[str, str]:
    guide = load_guide()
    clause = next(iter(guide.clauses()))
    item = sorted(k for k in guide.all_keys() if k.startswith(clause.key + "."))[0]
    return clause.key, item


@pytest.fixture
def offline(server: Store, store: Store) -> tuple[str, str]:
    """An engagement on the server, taken offline into ``store``, with two conflicts."""
    uuid = engagements.create_engagement(server, client_name="Client", title="Plant").uuid
    round_uuid = dx.ensure_rounds(server, uuid, "Baseline")[0].uuid
    clause, item = _keys()
    dx.set_answer(server, round_uuid, item, note="base")
    take_offline(server, store, [uuid])
    dx.set_answer(store, round_uuid, item, note="typed on site")
    dx.set_answer(server, round_uuid, item, note="typed in the office")
    dx.set_clause(store, round_uuid, clause, "findings", "site findings")
    dx.set_clause(server, round_uuid, clause, "findings", "office findings")
    return uuid, round_uuid


def _open(qtbot: QtBot, window: MainWindow, uuid: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.refresh(uuid)
    window.open_engagement(uuid)


def _state(store: Store, round_uuid: str) -> tuple[str, str]:
    clause, item = _keys()
    data = dx.load_round(store, round_uuid)
    return data.answers[item].note, data.clauses[clause].findings


def test_conflicts_are_decided_on_the_merge_screen_by_keyboard_then_written(
    qtbot: QtBot, window: MainWindow, store: Store, server: Store, offline: tuple[str, str]
) -> None:
    uuid, round_uuid = offline
    _open(qtbot, window, uuid)
    notices: list[Any] = []
    window.changes.changed.connect(lambda changes, _source: notices.append(changes))
    seen: dict[str, Any] = {}

    def decide() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MergeDialog):
            QTimer.singleShot(50, decide)  # still comparing with the server
            return
        try:
            choose(dialog)
        except BaseException as exc:
            seen["error"] = exc
        finally:
            if dialog.isVisible():  # a failed check must not leave the dialog waiting
                dialog.reject()

    def choose(dialog: MergeDialog) -> None:
        seen["rows"] = [(r.title(), r.mine.text(), r.theirs.text()) for r in dialog.rows]
        seen["ok before"] = dialog.ok.isEnabled()
        # nothing is written while the screen is open
        seen["server meanwhile"] = _state(server, round_uuid)
        screen = dialog.screen().availableGeometry()
        seen["fits"] = dialog.width() <= screen.width() and dialog.height() <= screen.height()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        focused = QApplication.focusWidget()
        assert focused is dialog.rows[0].mine  # the keyboard starts on the first choice
        qtbot.keyClick(focused, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # all mine
        # a button's mnemonic clicks it after its press is shown
        qtbot.waitUntil(lambda: all(r.choice() == 0 for r in dialog.rows))
        findings = next(r for r in dialog.rows if "findings" in r.title())
        assert findings.merge is not None
        findings.merge.selectAll()
        type_text(qtbot, findings.merge, "site and office findings")
        seen["ok after"] = dialog.ok.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    QTimer.singleShot(0, decide)
    window.act_sync.trigger()
    wait_for_tasks(qtbot)
    assert "error" not in seen, seen.get("error")
    assert seen["ok before"] is False and seen["ok after"] is True
    assert seen["fits"]
    assert seen["server meanwhile"] == ("typed in the office", "office findings")
    titles = [title for title, _mine, _theirs in seen["rows"]]
    assert any("note" in t for t in titles) and any("findings" in t for t in titles)
    # each side named with its author
    assert all(server.author in theirs for _t, _mine, theirs in seen["rows"])
    expected = ("typed on site", "site and office findings")
    assert _state(server, round_uuid) == _state(store, round_uuid) == expected
    assert any(n.engagement == uuid and "answers" in n.kinds for n in notices)
    # The clause's History… on this computer: the office's findings by their author, once,
    # this computer's own, and last the merged text the consultant decided on.
    from dtbench.ui.team.history_dialog import clause_dialog

    window.open_engagement(uuid, step="diagnosis")
    page = window.workspace.diagnosis
    page.select_clause(_keys()[0])
    dialog = clause_dialog(page)
    assert dialog is not None
    qtbot.addWidget(dialog)
    findings = [(c.author, c.new) for c in dialog.changes if c.field == "findings"]
    assert findings[0] == (server.author, '"site and office findings"')
    assert sorted(findings[1:]) == [
        (server.author, '"office findings"'),
        (server.author, '"site findings"'),
    ]


def test_cancelling_the_merge_screen_writes_nothing(
    qtbot: QtBot, window: MainWindow, store: Store, server: Store, offline: tuple[str, str]
) -> None:
    uuid, round_uuid = offline
    _open(qtbot, window, uuid)
    before = (_state(store, round_uuid), _state(server, round_uuid))

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MergeDialog):
            QTimer.singleShot(50, cancel)
            return
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    window.act_sync.trigger()
    wait_for_tasks(qtbot)
    assert (_state(store, round_uuid), _state(server, round_uuid)) == before
    assert "nothing was written" in window.statusBar().currentMessage()


def test_a_lost_connection_says_nothing_changed_on_the_server(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    server: Store,
    offline: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy import event
    from sqlalchemy.exc import OperationalError

    uuid, round_uuid = offline
    _open(qtbot, window, uuid)
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", errors.append)

    def cut(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE"):
            raise OperationalError(statement[:30], {}, Exception("network is unreachable"))

    def decide() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MergeDialog):
            QTimer.singleShot(50, decide)
            return
        # the connection drops once the consultant has decided
        event.listen(dialog.plan.server.engine, "before_cursor_execute", cut)
        dialog.choose_all(0)
        dialog.accept()

    QTimer.singleShot(0, decide)
    window.act_sync.trigger()
    wait_for_tasks(qtbot)
    assert len(errors) == 1 and "nothing was changed on the server" in errors[0]
    assert _state(server, round_uuid) == ("typed in the office", "office findings")


def test_take_offline_copies_the_ticked_engagements_into_the_laptop_database(
    qtbot: QtBot, server: Store, translations: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dtbench.store.models import Member
    from dtbench.team.offline import local_database, offline_copies
    from dtbench.ui.kit.pick_dialog import PickDialog

    mine = engagements.create_engagement(server, client_name="Client", title="Mine").uuid
    engagements.create_engagement(server, client_name="Other", title="Not mine")
    with server.session() as s:
        from sqlalchemy import select

        from dtbench.store.models import Engagement

        eid = s.scalar(select(Engagement.id).where(Engagement.uuid == mine))
        s.add(Member(engagement_id=eid, login=server.author, role="member"))
    window = MainWindow(server, translations, open_store=open_store)
    qtbot.addWidget(window)
    window.show()
    assert window.act_take_offline.isEnabled() and not window.act_sync.isEnabled()
    seen: dict[str, Any] = {}

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PickDialog):
            seen["rows"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
            dialog.tick(0)
            dialog.accept()
        elif isinstance(dialog, QMessageBox):
            seen["question"] = dialog.text()
            dialog.button(QMessageBox.StandardButton.No).click()
            return
        QTimer.singleShot(50, pick)

    QTimer.singleShot(0, pick)
    window.act_take_offline.trigger()
    wait_for_tasks(qtbot)
    qtbot.waitUntil(lambda: "question" in seen, timeout=30_000)
    assert seen["rows"] == ["Mine"]  # only the engagements I am a member of
    laptop = open_store(local_database())
    try:
        assert list(offline_copies(laptop)) == [mine]
        assert engagements.get_profile(laptop, mine).title == "Mine"
    finally:
        laptop.close()


def test_only_free_text_is_offered_as_a_merged_text() -> None:
    """A status, a role or a date merged as text would be unreadable for everyone: those
    conflicts offer only one side or the other."""
    from dtbench.team.sync import Conflict
    from dtbench.ui.team.merge_dialog import ConflictRow

    def conflict(field: str, local: object, server: object) -> Conflict:
        return Conflict("answer:r:5.2.a", field, "", local, "a", None, server, "b", None)

    assert ConflictRow.is_text(conflict("note", "ours", "theirs"))
    assert ConflictRow.is_text(conflict("data.description", "ours", "theirs"))
    assert not ConflictRow.is_text(conflict("status", "met", "partly"))
    assert not ConflictRow.is_text(conflict("data.start", "2027-01-01", "2027-02-01"))
    assert not ConflictRow.is_text(conflict("current_level", 2, 3))


def test_the_merge_screen_shows_what_a_consultant_reads_elsewhere(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    server: Store,
    offline: tuple[str, str],
    translations: Any,
) -> None:
    """A status by its name in the UI language (not "met"), this computer's side by the
    consultant's server login (not the laptop's OS user), times on this computer's clock
    as History shows them."""
    from dtbench.ui.kit.times import local_time

    uuid, round_uuid = offline
    _clause, item = _keys()
    dx.set_answer(store, round_uuid, item, status="met")
    dx.set_answer(server, round_uuid, item, status="partly")
    translations.apply("zh")
    _open(qtbot, window, uuid)
    seen: dict[str, Any] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MergeDialog):
            QTimer.singleShot(50, look)
            return
        try:
            status = next(r for r in dialog.rows if r.conflict.field == "status")
            seen["values"] = [
                label.text()
                for label in status.findChildren(QLabel)
                if label.buddy() in (status.mine, status.theirs)
            ]
            seen["mine"] = [r.mine.text() for r in dialog.rows]
            seen["expected time"] = [local_time(r.conflict.local_at) for r in dialog.rows]
        finally:
            dialog.reject()

    QTimer.singleShot(0, look)
    window.act_sync.trigger()
    wait_for_tasks(qtbot)
    assert seen["values"] == ["符合", "部分符合"]
    for mine, when in zip(seen["mine"], seen["expected time"], strict=True):
        assert server.author in mine and store.author not in mine  # the login, not the OS user
        assert when and when in mine and "UTC" not in mine


@pytest.mark.parametrize("fields", [("status",), ("status", "note")])
def test_the_merge_screen_has_no_empty_band_under_its_rows(
    qtbot: QtBot, translations: Any, fields: tuple[str, ...]
) -> None:
    """A few conflicts: the dialog fits them (or a text's merge box takes the room), not a
    tall dialog with the rows at its top and an empty area below."""
    from dtbench.team.records import Rec
    from dtbench.team.sync import Conflict, SyncPlan

    values = {"status": ("met", "partly"), "note": ("on site", "in the office")}
    conflicts = [
        Conflict("answer:r:7.3.2.a", f, "", values[f][0], "a", None, values[f][1], "b", None)
        for f in fields
    ]
    recs = {"answer:r:7.3.2.a": Rec({"status": "", "note": ""})}
    plan = SyncPlan("e", None, None, "login", {}, recs, recs, {}, conflicts)  # type: ignore[arg-type]
    dialog = MergeDialog(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(100)  # the layout settled
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None
    band = scroll.viewport().height() - dialog.rows[-1].geometry().bottom()
    assert band < 40
    assert not scroll.verticalScrollBar().isVisible()  # and nothing hidden below either
