"""Damage found inside a database while it is in use (not at open): a clear message, in the
user's language, and the file left exactly as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_cli import run

from dtbench.diagnosis import service as dx
from dtbench.sample import create_demo
from dtbench.store import open_store
from dtbench.store.errors import DamageFoundError


def _demo_with_damaged_answers(path: Path) -> tuple[str, str]:
    """A demo database whose answer pages are overwritten (its header and list still read)."""
    store = open_store(path)
    uuid = create_demo(store)
    round_uuid = dx.list_rounds(store, uuid)[-1].uuid
    store.close()
    con = sqlite3.connect(path)  # the answers table's own pages (its root page excepted)
    size = con.execute("PRAGMA page_size").fetchone()[0]
    pages = [
        n
        for (n,) in con.execute(
            "SELECT pageno FROM dbstat WHERE name = 'answers' AND pagetype = 'leaf'"
        )
    ]
    con.close()
    assert pages
    data = bytearray(path.read_bytes())
    for page in pages:
        offset = (page - 1) * size
        data[offset + 100 : offset + 900] = b"\xde\xad\xbe\xef" * 200
    path.write_bytes(bytes(data))
    return uuid, round_uuid


def test_reading_a_damaged_round_raises_a_store_error(db_path: Path) -> None:
    uuid, round_uuid = _demo_with_damaged_answers(db_path)
    store = open_store(db_path)
    with pytest.raises(DamageFoundError) as caught:
        dx.round_report(store, uuid, round_uuid)
    store.close()
    message = caught.value.message(lambda _context, text: text)
    assert str(db_path) in message and "damaged" in message and "dtbench restore" in message


def test_cli_says_the_database_is_damaged_and_changes_nothing(db_path: Path) -> None:
    uuid, _round = _demo_with_damaged_answers(db_path)
    before = db_path.read_bytes()
    for args in (["summary", uuid], ["export", uuid, "--docx", str(db_path.with_suffix(".docx"))]):
        result = run(*args, "--db", str(db_path), env={"DTBENCH_LANG": "zh"})
        assert result.returncode == 2, result.stdout + result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr
        assert "已损坏" in lines[0] and "dtbench restore" in lines[0]
    assert db_path.read_bytes() == before
    assert not db_path.with_suffix(".docx").exists()


def test_damage_found_in_the_window_is_a_message_not_a_crash(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dtbench.ui.shell import crash

    monkeypatch.setattr(crash, "log_path", lambda: tmp_path / "dtbench.log")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(("w", text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(("c", text)))
    error = DamageFoundError("/data/engagements.sqlite3", "database disk image is malformed")
    crash._hook(DamageFoundError, error, None)
    assert shown and shown[0][0] == "w"
    assert "/data/engagements.sqlite3" in shown[0][1] and "Something went wrong" not in shown[0][1]
    assert "database disk image is malformed" in (tmp_path / "dtbench.log").read_text()
