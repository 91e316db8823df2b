"""The window says the disk is full when a save fails for it, and keeps working."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dtbench.diagnosis import service as dx
from dtbench.sample import create_demo
from dtbench.store import database as store_database
from dtbench.store import open_store


def test_a_failed_answer_on_a_full_disk_is_reported_in_the_window(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QUndoStack

    from dtbench.guide import load_guide
    from dtbench.ui.diagnosis.session import DiagnosisSession

    db = tmp_path / "gui.sqlite3"
    store = open_store(db)
    uuid = create_demo(store)
    store.close()
    normal = store_database._set_sqlite_pragmas

    def pragmas(dbapi_conn: Any, record: Any) -> None:  # no page may be added any more
        normal(dbapi_conn, record)
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(store_database, "_set_sqlite_pragmas", pragmas)
    store = open_store(db)
    parent = QObject()
    stack = QUndoStack(parent)
    session = DiagnosisSession(store, load_guide(), stack, parent)
    session.open(uuid, "en")
    errors: list[str] = []
    session.error.connect(errors.append)
    key = next(iter(session.data.answers))
    before = dx.load_round(store, session.data.round.uuid).answers

    session.set_answer(key, note="很长的说明" * 4000, text="note")

    assert len(errors) == 1 and "disk is full" in errors[0]
    assert "OperationalError" not in errors[0] and "SQL" not in errors[0]
    assert dx.load_round(store, session.data.round.uuid).answers == before
    assert session.answer(key) == before[key]
    store.close()
