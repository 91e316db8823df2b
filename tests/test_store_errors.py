"""What the user is told when the disk is full, the file read-only, a value damaged; and where
the backups of a ``--db`` database go. Each case: one clear line, exit 2, the database unchanged.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from old_schema import insert

from dtbench.cli import main
from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.sample import create_demo
from dtbench.store import database as store_database
from dtbench.store import open_store
from dtbench.store.backups import backups_folder, check_database, take_backup
from dtbench.store.errors import ReadOnlyDatabaseError, ReadOnlyUpdateError, StorageFullError

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def _with_demo(path: Path) -> str:
    store = open_store(path)
    uuid = create_demo(store)
    service.create_engagement(store, client_name="第二客户", title="Second")
    store.close()
    return uuid


def _old_database(db: Path, revision: str) -> None:
    """A database at an older ``revision`` holding one client and engagement."""
    open_store(db, migrate_to=revision).close()
    con = sqlite3.connect(db)
    client = insert(con, "clients", uuid="c-1", name="甲")
    insert(
        con, "engagements", uuid="e-1", title="A", client_id=client, status="draft", language="zh"
    )
    con.commit()
    con.close()


def _rows(path: Path) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT uuid, title, updated_at FROM engagements ORDER BY id").fetchall()
    finally:
        con.close()


# ------------------------------------------------------------------ backups of a --db database
def test_backups_before_an_update_or_an_import_go_beside_the_databases_own(
    tmp_path: Path, home: Path, cli: Run
) -> None:
    from dtbench.transfer import package as pk

    db = tmp_path / "client-a.sqlite3"
    _old_database(db, "0003")
    open_store(db).close()  # the update to the newest revision takes a backup
    other = tmp_path / "other.sqlite3"
    source = open_store(other)
    uuid = create_demo(source)
    exported = pk.export_package(source, uuid, tmp_path / "demo.dtbench")
    source.close()
    store = open_store(db)
    result = pk.import_package(store, exported)
    store.close()

    folder = backups_folder(db)
    assert result.backup is not None and result.backup.parent == folder
    assert not list((home / "backups").glob("*.sqlite3"))  # none among the default's
    code, out, _err = cli("backup", "--list", "--db", str(db))
    assert code == 0
    assert "before-migration-0003" in out and "before-import" in out


def test_a_retried_update_reuses_its_backup(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    _old_database(db, "0002")
    original = db.read_bytes()
    for _ in range(3):  # as if each update had been interrupted and the file left as it was
        open_store(db).close()
        db.write_bytes(original)
        for suffix in ("-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    assert len(list(backups_folder(db).glob("*before-migration-0002*"))) == 1


# ------------------------------------------------------------------ half-updated files
def test_check_does_not_call_a_half_updated_database_sound(tmp_path: Path, cli: Run) -> None:
    db = tmp_path / "half.sqlite3"
    _old_database(db, "0003")
    con = sqlite3.connect(db)  # what an update cut in the middle of a batch copy left
    con.execute("CREATE TABLE _alembic_tmp_engagements (id INTEGER PRIMARY KEY)")
    con.execute("ALTER TABLE engagements ADD COLUMN deleted_at_new DATETIME")
    con.commit()
    con.close()
    code, out, _err = cli("check", "--db", str(db))
    assert code == 2
    assert "_alembic_tmp_engagements" in out and "inconsistent" in out


# ------------------------------------------------------------------ read-only media
@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make a folder read-only the way dtbench sees it (``os.access``, as on a read-only
    medium, where even root cannot write). Tests run as root, who may write anywhere, so
    this also shows dtbench does not try: it opens such a file without writing."""

    def make(folder: Path) -> None:
        real = os.access

        def access(path: Any, mode: int, *args: Any, **kw: Any) -> bool:
            inside = Path(path).absolute() == folder or Path(path).absolute().parent == folder
            if mode & os.W_OK and inside:
                return False
            return real(path, mode, *args, **kw)

        monkeypatch.setattr(os, "access", access)

    return make


def test_a_sound_database_on_a_read_only_medium_is_listed_not_called_damaged(
    tmp_path: Path, cli: Run, read_only: Callable[[Path], None]
) -> None:
    db = tmp_path / "ro" / "engagements.sqlite3"
    db.parent.mkdir()
    uuid = _with_demo(db)
    before = sorted(p.name for p in db.parent.iterdir())
    digest = _sha(db)
    read_only(db.parent)

    code, out, err = cli("list", "--db", str(db))
    assert code == 0, err
    assert "Second" in out and uuid in out
    code, out, err = cli("summary", uuid[:8], "--db", str(db), "--lang", "en")
    assert code == 0, err
    code, out, err = cli("check", "--db", str(db))
    assert code == 0 and out.startswith("OK"), err
    xlsx = tmp_path / "plan.xlsx"
    code, out, err = cli("export", uuid[:8], "--xlsx", str(xlsx), "--db", str(db))
    assert code == 0 and xlsx.is_file(), err
    code, _out, err = cli("demo", "--db", str(db))
    assert code == 2
    assert "is read-only" in _one_line(err)
    assert _sha(db) == digest  # nothing written, not even a -wal or -shm beside it
    assert sorted(p.name for p in db.parent.iterdir()) == before


def test_an_old_database_on_a_read_only_medium_says_it_cannot_be_updated(
    tmp_path: Path, read_only: Callable[[Path], None]
) -> None:
    db = tmp_path / "ro" / "old.sqlite3"
    db.parent.mkdir()
    _old_database(db, "0002")
    digest = _sha(db)
    read_only(db.parent)
    with pytest.raises(ReadOnlyUpdateError, match="read-only"):
        open_store(db)
    with pytest.raises(ReadOnlyDatabaseError, match="read-only"):
        open_store(db.parent / "new.sqlite3")
    assert _sha(db) == digest


# ------------------------------------------------------------------ full disk
def _fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, SQLite's own "database or disk is full": no page may be added to a file."""
    normal = store_database._set_sqlite_pragmas

    def pragmas(dbapi_conn: Any, record: Any) -> None:
        normal(dbapi_conn, record)
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={max(pages, 1)}")

    monkeypatch.setattr(store_database, "_set_sqlite_pragmas", pragmas)


def test_a_full_disk_while_saving_says_so_and_saves_nothing(
    tmp_path: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "full.sqlite3"
    _with_demo(db)
    rows = _rows(db)
    _fill_the_disk(monkeypatch)
    code, _out, err = cli("demo", "--db", str(db))
    assert code == 2
    assert "disk is full" in _one_line(err) and "not saved" in err
    assert set(rows) <= set(_rows(db))  # what was there before is intact
    rows = _rows(db)
    store = open_store(db)
    with pytest.raises(StorageFullError):
        service.create_engagement(store, client_name="甲", title="A" * 150, notes="注" * 9000)
    store.close()
    assert _rows(db) == rows
    assert check_database(db, full=True).ok


def test_new_on_a_full_disk_says_so(tmp_path: Path, cli: Run) -> None:
    from sqlalchemy import Engine, event

    db = tmp_path / "new.sqlite3"
    _with_demo(db)
    rows = _rows(db)

    def full(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT"):  # as SQLite says it
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(Engine, "before_cursor_execute", full)
    try:
        code, _out, err = cli("new", "--client", "甲", "--title", "新项目", "--db", str(db))
    finally:
        event.remove(Engine, "before_cursor_execute", full)
    assert code == 2
    assert "disk is full" in _one_line(err)
    assert _rows(db) == rows


def test_a_new_database_on_a_full_disk_says_so(
    tmp_path: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill_the_disk(monkeypatch)
    code, _out, err = cli("demo", "--db", str(tmp_path / "new.sqlite3"))
    assert code == 2
    assert "disk is full" in _one_line(err)


def test_a_full_disk_while_answering_says_so_and_keeps_the_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "answers.sqlite3"
    uuid = _with_demo(db)
    store = open_store(db)
    round_uuid = dx.list_rounds(store, uuid)[-1].uuid
    key = next(iter(dx.load_round(store, round_uuid).answers))
    before = dx.load_round(store, round_uuid).answers
    store.close()
    _fill_the_disk(monkeypatch)
    store = open_store(db)
    with pytest.raises(StorageFullError, match="disk is full"):
        dx.set_answer(store, round_uuid, key, note="很长的说明" * 4000)
    assert dx.load_round(store, round_uuid).answers == before
    store.close()


def test_a_full_disk_during_the_backup_before_an_import_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dtbench.store.backups import DiskFullError
    from dtbench.transfer import package as pk

    source = open_store(tmp_path / "source.sqlite3")
    exported = pk.export_package(source, create_demo(source), tmp_path / "demo.dtbench")
    source.close()
    db = tmp_path / "target.sqlite3"
    _with_demo(db)
    rows = _rows(db)
    real_connect = sqlite3.connect

    def connect(target: Any, *args: Any, **kw: Any) -> sqlite3.Connection:
        con = real_connect(target, *args, **kw)
        if str(target).endswith(".partial"):  # the backup's file: no room on its disk
            con.execute("PRAGMA max_page_count=1")
        return con

    monkeypatch.setattr(sqlite3, "connect", connect)
    store = open_store(db)
    with pytest.raises(DiskFullError) as raised:
        pk.import_package(store, exported, "keep_both")
    store.close()
    message = raised.value.message(lambda _c, text: text)
    assert "not enough free disk space" in message and "damaged" not in message
    assert _rows(db) == rows


# ------------------------------------------------------------------ restore
def test_restore_takes_a_relative_path_and_refuses_a_missing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Run
) -> None:
    db = tmp_path / "db.sqlite3"
    _with_demo(db)
    backup = take_backup(db, "manual")
    kept = tmp_path / "kept.sqlite3"
    kept.write_bytes(backup.path.read_bytes())
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("restore", "kept.sqlite3", "--db", str(db))
    assert code == 0, err
    assert "Restored" in out
    code, _out, err = cli("restore", "nothing-here.sqlite3", "--db", str(db))
    assert code == 2
    assert "does not exist" in _one_line(err) and "nothing-here.sqlite3" in err


# ------------------------------------------------------------------ damaged values
DAMAGE = {
    "text weight": (
        "UPDATE clause_scopes SET weight = 'heavy' WHERE engagement_id = 1",
        "clause_scopes.weight",
    ),
    "date": ("UPDATE engagements SET updated_at = 'yesterday' WHERE id = 1", "updated_at"),
    "json": (
        "UPDATE clients SET existing_systems = '[ERP' WHERE id = 1",
        "clients.existing_systems",
    ),
    "round date": (
        "UPDATE assessment_rounds SET assessed_on = 'soon' WHERE engagement_id = 1",
        "assessment_rounds.assessed_on",
    ),
    "unknown answer": ("UPDATE answers SET status = 'maybe'", "answers.status"),
    "level off the scale": (
        "UPDATE clause_assessments SET current_level = 9",
        "clause_assessments.current_level",
    ),
    "plan data of the wrong shape": ("UPDATE plan_items SET data = '[1, 2]'", "plan_items.data"),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_a_damaged_value_is_named_by_check_list_and_summary(
    case: str, tmp_path: Path, cli: Run
) -> None:
    db = tmp_path / "values.sqlite3"
    uuid = _with_demo(db)
    sql, column = DAMAGE[case]
    con = sqlite3.connect(db)
    assert con.execute(sql).rowcount >= 1
    con.commit()
    con.close()

    code, out, _err = cli("check", "--db", str(db))
    assert code == 2 and column in out

    code, out, err = cli("list", "--db", str(db))
    assert "Second" in out  # the other engagements are still listed
    if uuid not in out:
        line = _one_line(err)
        assert column in line and uuid in line
    code, out, err = cli("summary", uuid[:8], "--db", str(db), "--lang", "en")
    assert code == 2
    line = _one_line(err)
    assert column in line and uuid in line


def test_the_stores_checks_follow_the_diagnosis_scale() -> None:
    from dtbench.diagnosis import scale, scoring
    from dtbench.engagement import records
    from dtbench.store import models

    assert set(models.ANSWER_STATUSES) == {scale.UNANSWERED, *scale.STATUSES}
    assert models.LEVELS == (scale.MIN_LEVEL, scale.MAX_LEVEL)
    assert models.WEIGHTS == (scoring.MIN_WEIGHT, scoring.MAX_WEIGHT)
    assert models.STATUSES == records.STATUSES and models.LANGUAGES == records.LANGUAGES
