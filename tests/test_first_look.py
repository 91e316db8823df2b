"""The engagement list's first look at start-up (dtbench.engagement.first_look): the same rows the
store lists, read with the standard library alone, or nothing when in doubt."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dtbench.engagement import service
from dtbench.engagement.first_look import engagement_rows, local_file
from dtbench.engagement.records import EngagementRow
from dtbench.sample import create_demo
from dtbench.store import open_store


def _database(path: Path) -> list[EngagementRow]:
    store = open_store(path)
    try:
        create_demo(store)
        for n in range(5):
            service.create_engagement(
                store, client_name=f"大连第{n}号制造", title=f"诊断 {n}", industry="装备制造"
            )
        gone = service.create_engagement(store, client_name="Gone", title="In the trash")
        service.move_to_trash(store, gone.uuid)
        return service.list_engagements(store)
    finally:
        store.close()


def test_the_first_look_lists_what_the_store_lists(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite3"
    listed = _database(path)
    assert engagement_rows(path) == listed
    assert engagement_rows(f"sqlite:///{path}") == listed
    assert "In the trash" not in {r.title for r in engagement_rows(path) or []}


def test_the_default_database_is_looked_at_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "named.sqlite3"
    listed = _database(path)
    monkeypatch.setenv("DTBENCH_DB", str(path))
    assert local_file(None) == path
    assert engagement_rows(None) == listed


def test_no_first_look_when_in_doubt(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite3"
    _database(path)
    assert engagement_rows("postgresql+psycopg://alice@server/firm") is None
    assert engagement_rows(tmp_path / "missing.sqlite3") is None
    assert not (tmp_path / "missing.sqlite3").exists()  # a look creates nothing
    other = tmp_path / "other.txt"
    other.write_text("not a database", encoding="utf-8")
    assert engagement_rows(other) is None
    # another schema revision (older or newer): the store decides and explains
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    assert engagement_rows(path) is None


def test_a_value_the_store_would_not_list_gives_no_first_look(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite3"
    _database(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE engagements SET updated_at = 'yesterday' WHERE id = 1")
    assert engagement_rows(path) is None


def test_an_engagement_opened_from_the_first_look_opens_once_the_store_is_ready(
    qtbot, tmp_path: Path, translations
) -> None:  # type: ignore[no-untyped-def]
    from dtbench.ui.shell.main_window import MainWindow

    path = tmp_path / "e.sqlite3"
    _database(path)
    window = MainWindow(None, translations, open_store=open_store)
    qtbot.addWidget(window)
    window.show()
    rows = engagement_rows(path)
    assert rows
    window.list_page.set_rows(rows)
    window.list_page.set_state("loading")
    wanted = rows[2]
    window.list_page.open_requested.emit(wanted.uuid)  # a double click, before the store
    assert window.workspace is None or not window.workspace.isVisible()
    store = open_store(path)
    try:
        window.set_store(store)
        assert window.workspace is not None and window.stack.currentWidget() is window.workspace
        assert window.showing() == wanted.uuid
    finally:
        window.close()
        store.close()
