"""Safety of the store: backups under load, rotation, restore, damaged files, CLI and dialog."""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

import pytest
from qt_helpers import wait_for_tasks

from dtbench.engagement import service
from dtbench.reports.summary import summarise
from dtbench.sample import create_demo
from dtbench.store import backups as core
from dtbench.store import open_store
from dtbench.store.database import Store
from dtbench.store.errors import UnreadableDatabaseError

# ------------------------------------------------------------------------ helpers


def _titles(store: Store) -> set[str]:
    return {r.title for r in service.list_engagements(store)}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage(path: Path) -> None:
    """Scribble over the inside of a closed database, as a failing disk would."""
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 2, len(data) - 4096, 4096 * 4):
        data[offset + 100 : offset + 500] = b"\xa5" * 400
    path.write_bytes(bytes(data))


def _demo_file(db_path: Path) -> str:
    store = open_store(db_path)
    uuid = create_demo(store)
    store.close()
    return uuid


# ----------------------------------------------------------- backup under writes


def test_backup_taken_while_another_connection_writes_is_whole_and_consistent(
    store: Store,
) -> None:
    path = store.path
    assert path is not None
    setup = sqlite3.connect(path)
    setup.execute("CREATE TABLE stress_a (n INTEGER PRIMARY KEY, payload BLOB)")
    setup.execute("CREATE TABLE stress_b (n INTEGER PRIMARY KEY)")
    setup.commit()
    setup.close()
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        con = sqlite3.connect(path, timeout=10)
        con.execute("PRAGMA journal_mode=WAL")
        n = 0
        while not stop.is_set():
            n += 1
            # one transaction writes both tables: a consistent copy has as many rows in each
            con.execute("INSERT INTO stress_a VALUES (?, randomblob(2000))", (n,))
            con.execute("INSERT INTO stress_b VALUES (?)", (n,))
            con.commit()
            written.append(n)
        con.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 50:
            threading.Event().wait(0.01)
        infos = []
        for _ in range(5):
            infos.append(core.take_backup(path, "scheduled"))
            threading.Event().wait(0.02)
    finally:
        stop.set()
        thread.join()

    counts = []
    for info in infos:
        assert info.path.parent == core.backups_folder(path)
        con = sqlite3.connect(f"{info.path.as_uri()}?mode=ro", uri=True)
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        a, max_a = con.execute("SELECT count(*), max(n) FROM stress_a").fetchone()
        (b,) = con.execute("SELECT count(*) FROM stress_b").fetchone()
        # a snapshot: both tables agree, and no row is missing in the middle
        assert a == b == max_a
        assert con.execute("SELECT count(*) FROM engagements").fetchone() == (0,)
        con.close()
        assert info.ok and info.check.revision is not None
        counts.append(a)
    assert counts == sorted(counts) and counts[-1] > counts[0] > 0  # writes went on meanwhile
    assert counts[-1] < len(written)
    # a backup is a standalone file: no write-ahead log is needed to read it
    assert not list(core.backups_folder(path).glob("*-wal"))


def test_backup_of_missing_or_damaged_file_is_refused_with_a_clear_error(db_path: Path) -> None:
    with pytest.raises(core.NothingToBackUpError) as missing:
        core.take_backup(db_path, "manual")
    assert str(db_path) in str(missing.value)
    _demo_file(db_path)
    _damage(db_path)
    with pytest.raises(core.SourceDamagedError) as damaged:
        core.take_backup(db_path, "manual")
    assert "damaged" in str(damaged.value)
    assert core.list_backups(core.backups_folder(db_path)) == []  # no half backup left


def test_backup_of_the_default_database_goes_to_the_backups_folder(home: Path) -> None:
    from dtbench import paths

    store = open_store(None)
    service.create_engagement(store, client_name="默认", title="T")
    info = core.take_backup(paths.default_database(), "Before Import!")
    store.close()
    assert info.path.parent == home / "backups"
    assert info.reason == "before-import"
    assert core.list_backups()[0] == info


# ------------------------------------------------------------------------ rotation


def test_rotation_keeps_recent_daily_weekly_and_the_newest_good_one(tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    folder.mkdir()
    database = tmp_path / "good.sqlite3"
    _demo_file(database)
    good_source = core.take_backup(database, "manual", tmp_path / "source").path

    def fake(stamp: str, reason: str = "scheduled", good: bool = False) -> str:
        name = f"dtbench-{stamp}-000000-{reason}.sqlite3"
        if good:
            shutil.copy(good_source, folder / name)  # a standalone backup file
        else:
            (folder / name).write_bytes(b"not a database")
        return name

    today = [fake(f"20250320-{h:02d}0000") for h in range(12)]  # Thursday of ISO week 12
    wed = [fake("20250319-080000"), fake("20250319-180000")]
    tue = [fake("20250318-090000"), fake("20250318-170000", "manual")]
    fri_before = fake("20250314-100000")  # 6 days back: the last day of the daily window
    thu_before = fake("20250313-100000")  # 7 days back, week 11 (Friday is newer)
    week10 = [fake("20250303-100000"), fake("20250305-100000")]
    week9 = fake("20250226-100000")
    week8_good = fake("20250220-100000", good=True)  # the only good backup
    week7_good = fake("20250210-100000", good=True)

    deleted = core.rotate(folder, now=datetime(2025, 3, 20, 12, 30))

    kept = {p.name for p in folder.iterdir()}
    expected = {*today[2:], wed[1], tue[1], fri_before, week10[1], week9, week8_good}
    assert kept == expected
    assert {p.name for p in deleted} == {
        today[0],
        today[1],
        wed[0],
        tue[0],
        thu_before,
        week10[0],
        week7_good,
    }
    # the newest good one survives even when everything newer is kept for other reasons
    assert core.newest_good_backup(folder) is not None
    assert core.newest_good_backup(folder).path.name == week8_good  # type: ignore[union-attr]


def test_list_backups_is_newest_first_and_ignores_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    folder.mkdir()
    for name in (
        "dtbench-20250101-100000-000000-manual.sqlite3",
        "dtbench-20250102-100000-000000-before-migration-0001.sqlite3",
        "dtbench-20250101-120000-000000-scheduled.sqlite3",
        "notes.txt",
        "dtbench-garbage.sqlite3",
    ):
        (folder / name).write_bytes(b"x" * 10)
    found = core.list_backups(folder)
    assert [(b.created.day, b.created.hour, b.reason) for b in found] == [
        (2, 10, "before-migration-0001"),
        (1, 12, "scheduled"),
        (1, 10, "manual"),
    ]
    assert all(b.size == 10 and not b.ok for b in found)


# -------------------------------------------------------------------------- restore


def test_restore_round_trip_keeps_the_previous_file_aside(db_path: Path) -> None:
    uuid = _demo_file(db_path)
    store = open_store(db_path)
    before = summarise(store, uuid).to_dict()
    backup = core.take_backup(db_path, "manual")
    service.set_field(store, uuid, "title", "改过的标题")
    service.create_engagement(store, client_name="新客户", title="备份之后")
    changed = _titles(store)
    assert "备份之后" in changed

    # the store stays open (as the GUI's does): the backup goes in through SQLite
    aside = core.restore(backup, db_path)

    assert summarise(store, uuid).to_dict() == before
    assert "备份之后" not in _titles(store)
    store.close()
    assert aside is not None and aside.name.startswith(f"{db_path.name}.before-restore-")
    assert aside.parent == db_path.parent
    assert core.check_database(aside, full=True).ok
    kept = open_store(aside)
    assert _titles(kept) == changed  # the replaced data is not lost
    kept.close()
    reopened = open_store(db_path)
    assert summarise(reopened, uuid).to_dict() == before
    reopened.close()
    assert core.check_database(db_path, full=True).ok


def test_restore_refuses_a_damaged_or_foreign_backup_and_changes_nothing(
    db_path: Path, tmp_path: Path
) -> None:
    _demo_file(db_path)
    backup = core.take_backup(db_path, "manual")
    _damage(backup.path)
    digest = _digest(db_path)
    with pytest.raises(core.BackupDamagedError) as err:
        core.restore(backup, db_path)
    assert "damaged" in str(err.value) and "left as it was" in str(err.value)
    foreign = tmp_path / "other.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE notes (t TEXT)")
    con.commit()
    con.close()
    with pytest.raises(core.NotABackupError):
        core.restore(foreign, db_path)
    with pytest.raises(core.BackupNotFoundError):
        core.restore(tmp_path / "nope.sqlite3", db_path)
    assert _digest(db_path) == digest
    assert not list(db_path.parent.glob("*.before-restore-*"))


def test_restore_over_a_locked_database_is_refused(db_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _demo_file(db_path)
    backup = core.take_backup(db_path, "manual")
    monkeypatch.setattr(core, "BUSY_TIMEOUT_S", 0.1)
    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(core.RestoreTargetLockedError) as err:
            core.restore(backup, db_path)
    finally:
        holder.rollback()
        holder.close()
    assert "in use" in str(err.value)
    assert not list(db_path.parent.glob("*.before-restore-*.partial"))


# ------------------------------------------------------------------ damaged files


def test_damaged_database_is_detected(db_path: Path, tmp_path: Path) -> None:
    _demo_file(db_path)
    healthy = core.check_database(db_path, full=True)
    assert healthy.ok and not healthy.damaged and healthy.revision and healthy.size > 0
    _damage(db_path)
    for full in (False, True):
        result = core.check_database(db_path, full=full)
        assert not result.ok and result.damaged and result.problems
        assert "is damaged" in str(result.error)

    zeroed = tmp_path / "zeroed.sqlite3"
    zeroed.write_bytes(bytes(8192))  # what a crash can leave behind
    assert core.check_database(zeroed).damaged
    with pytest.raises(UnreadableDatabaseError):
        open_store(zeroed)
    missing = core.check_database(tmp_path / "missing.sqlite3")
    assert not missing.ok and not missing.exists and not missing.damaged


def test_check_at_open_moves_a_damaged_file_aside_and_offers_the_newest_good_backup(
    db_path: Path,
) -> None:
    from dtbench.ui.exchange.backups import check_at_open

    uuid = _demo_file(db_path)
    store = open_store(db_path)
    expected = summarise(store, uuid).to_dict()
    store.close()
    assert check_at_open(db_path) is None  # healthy: nothing happens
    good = core.take_backup(db_path, "scheduled")
    newer = core.take_backup(db_path, "scheduled")
    _damage(newer.path)  # the newest backup is damaged too: skip it
    _damage(db_path)
    damaged_bytes = _digest(db_path)

    offered = check_at_open(db_path)

    assert offered == str(good.path)
    assert not db_path.exists()
    moved = [
        p
        for p in db_path.parent.glob(f"{db_path.name}.damaged-*")
        if not p.name.endswith(("-wal", "-shm"))  # its logs go with it
    ]
    assert len(moved) == 1 and _digest(moved[0]) == damaged_bytes  # moved, not rewritten
    assert core.restore(Path(offered), db_path) is None  # nothing left to keep aside
    store = open_store(db_path)
    assert summarise(store, uuid).to_dict() == expected
    store.close()


def test_check_at_open_leaves_newer_locked_and_foreign_files_alone(
    db_path: Path, tmp_path: Path
) -> None:
    from dtbench.ui.exchange.backups import check_at_open

    _demo_file(db_path)
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    assert check_at_open(db_path) is None and db_path.exists()
    foreign = tmp_path / "other.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE notes (t TEXT)")
    con.commit()
    con.close()
    assert check_at_open(foreign) is None and foreign.exists()
    assert check_at_open(tmp_path / "new.sqlite3") is None


# ---------------------------------------------------------------------------- CLI


def _cli(*argv: str) -> int | None:
    from dtbench.cli.backup import register, run

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db")
    register(sub, common)
    return run(parser.parse_args(list(argv)))


def test_cli_backup_check_and_restore(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    uuid = _demo_file(db_path)
    assert _cli("backup", "--db", str(db_path)) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed.is_file() and core.check_database(printed, full=True).ok

    assert _cli("check", "--db", str(db_path)) == 0
    assert capsys.readouterr().out.startswith(f"OK: {db_path}")

    assert _cli("backup", "--list", "--db", str(db_path)) == 0
    listing = capsys.readouterr().out
    assert str(printed) in listing and "manual" in listing and " ok " in listing

    store = open_store(db_path)
    service.move_to_trash(store, uuid)
    store.close()
    assert _cli("restore", str(printed), "--db", str(db_path)) == 0
    out = capsys.readouterr().out
    aside = next(db_path.parent.glob(f"{db_path.name}.before-restore-*"))
    assert f"Restored {printed} into {db_path}." in out and str(aside) in out
    store = open_store(db_path)
    assert [r.uuid for r in service.list_engagements(store)] == [uuid]
    store.close()

    _damage(db_path)
    assert _cli("check", "--db", str(db_path)) == 2
    out = capsys.readouterr().out
    assert "is damaged" in out and "dtbench restore FILE" in out
    from dtbench.cli.backup import run

    assert run(argparse.Namespace(command="list", db=None)) is None  # not ours


def test_cli_errors_are_one_line_with_exit_2(db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        _cli("backup", "--db", str(db_path))
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no database file" in err
    assert _cli("check", "--db", str(db_path)) == 2
    capsys.readouterr()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"hello" * 100)
    _demo_file(db_path)
    with pytest.raises(SystemExit):
        _cli("restore", str(junk), "--db", str(db_path))
    assert "is damaged and cannot be restored" in capsys.readouterr().err


# ------------------------------------------------------------------------- the GUI


def test_backups_dialog_lists_backups_and_restores_one(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    from dtbench.ui.exchange.backups import backups_dialog_for

    store = window.store
    uuid = create_demo(store)
    first = core.take_backup(store.path, "scheduled")
    service.create_engagement(store, client_name="备份后", title="备份之后的项目")
    bad = core.take_backup(store.path, "manual")
    _damage(bad.path)
    window.open_engagement(uuid)
    window.refresh()

    dialog = backups_dialog_for(window)
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.checking, timeout=30_000)
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert [r[1] for r in rows] == ["Manual", "Automatic"]
    assert [r[3] for r in rows] == ["Damaged", "OK"]
    assert rows[1][0] == first.created.strftime("%Y-%m-%d %H:%M:%S")
    assert all(r[2] for r in rows)
    assert not dialog.restore_button.isEnabled()  # the damaged one is selected

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dialog.folder_button.click()
    assert opened == [str(core.backups_folder(store.path))]

    asked: list[str] = []

    def answer(_parent, _title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    table.selectRow(1)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    wait_for_tasks(qtbot)

    assert asked and first.created.strftime("%Y-%m-%d %H:%M:%S") in asked[0]
    assert window.store is not store  # reopened on the restored file
    assert window.stack.currentWidget() is window.list_page
    assert {r.title for r in service.list_engagements(window.store)} == {
        r.title for r in service.list_engagements(open_store(first.path))
    }
    assert "备份之后的项目" not in {r.title for r in service.list_engagements(window.store)}
    aside = next(store.path.parent.glob(f"{store.path.name}.before-restore-*"))
    assert str(aside) in dialog.status.text()
    dialog.reject()


def test_backups_dialog_back_up_now_and_refused_restore(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from dtbench.ui.exchange.backups import backups_dialog_for

    service.create_engagement(window.store, client_name="甲", title="项目甲")
    dialog = backups_dialog_for(window)
    assert dialog is not None and dialog.table.rowCount() == 0
    assert not dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.backed_up, timeout=30_000):
        dialog.backup_button.click()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == "OK"
    assert "Backup saved" in dialog.status.text()

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    junk = Path(window.store.path).parent / "junk.sqlite3"
    junk.write_bytes(b"junk" * 100)
    dialog.restore_from_file(str(junk))
    wait_for_tasks(qtbot)
    assert warnings and "damaged" in warnings[0]
    assert "项目甲" in {r.title for r in service.list_engagements(window.store)}
    dialog.reject()


def test_scheduler_backs_up_only_when_the_database_changed(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from dtbench.ui.exchange.backups import BackupScheduler

    path = store.path
    assert path is not None
    folder = core.backups_folder(path)
    service.create_engagement(store, client_name="甲", title="一")
    scheduler = BackupScheduler(interval_minutes=0.002)  # ~0.1 s
    scheduler.set_database(path)
    with qtbot.waitSignal(scheduler.backed_up, timeout=10_000) as first:
        scheduler.start()
    assert first.args[0].ok and len(core.list_backups(folder)) == 1
    scheduler.stop()
    qtbot.waitUntil(lambda: not scheduler.busy)

    assert not scheduler.tick()  # nothing changed since
    service.create_engagement(store, client_name="乙", title="二")
    with qtbot.waitSignal(scheduler.backed_up, timeout=10_000):
        assert scheduler.tick()
    newest = core.list_backups(folder)[0]
    con = sqlite3.connect(newest.path)
    assert con.execute("SELECT count(*) FROM engagements").fetchone() == (2,)
    con.close()

    # a new session on the same, unchanged database: the first tick's copy is dropped
    scheduler.set_database(path)
    with qtbot.waitSignal(scheduler.finished, timeout=10_000):
        assert scheduler.tick()
    assert len(core.list_backups(folder)) == 2
    service.create_engagement(store, client_name="丙", title="三")
    # at close: what changed is backed up before the window goes, the window painting meanwhile
    painted = threading.Event()
    real_backup = core.scheduled_backup

    def slow_backup(*args: object, **kwargs: object) -> core.BackupInfo:
        assert painted.wait(30), "the UI thread never ran while the last backup was taken"
        return real_backup(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(core, "scheduled_backup", slow_backup)
    QTimer.singleShot(50, painted.set)
    closed: list[bool] = []
    scheduler.finish(lambda: closed.append(True))
    qtbot.waitUntil(lambda: bool(closed), timeout=30_000)
    assert len(core.list_backups(folder)) == 3


def test_scheduler_reports_a_failed_backup(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dtbench.ui.exchange.backups import BackupScheduler

    damaged = tmp_path / "broken.sqlite3"
    _demo_file(damaged)
    _damage(damaged)
    scheduler = BackupScheduler()
    scheduler.set_database(damaged)
    with qtbot.waitSignal(scheduler.failed, timeout=10_000) as failed:
        assert scheduler.tick()
    assert "cannot be backed up because it is damaged" in failed.args[0]


def test_recover_at_open_offers_the_backup_and_restores_it(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from dtbench.ui.exchange.backups import recover_at_open

    uuid = _demo_file(db_path)
    core.take_backup(db_path, "scheduled")
    _damage(db_path)
    seen: list[str] = []

    def click_restore() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # the check is still running: not asked yet
            QTimer.singleShot(20, click_restore)
            return
        seen.append(box.text())
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
                button.click()

    QTimer.singleShot(0, click_restore)
    assert _recover(qtbot, recover_at_open, db_path) is True
    assert seen and "is damaged" in seen[0] and ".damaged-" in seen[0]
    store = open_store(db_path)
    assert [r.uuid for r in service.list_engagements(store)] == [uuid]
    store.close()
    assert _recover(qtbot, recover_at_open, db_path) is False  # healthy now


def test_the_check_at_start_leaves_the_window_responsive(
    qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The integrity check reads the whole file (seconds for a large one): it runs on a
    thread while the window keeps handling events."""
    import threading

    from PySide6.QtCore import QTimer

    from dtbench.ui.exchange.backups import recover_at_open

    _demo_file(db_path)
    released = threading.Event()
    real = core.inspect_at_open

    def slow_check(path: Path) -> core.OpenCheck:
        assert released.wait(30), "the UI thread never ran while the check was going on"
        return real(path)

    monkeypatch.setattr(core, "inspect_at_open", slow_check)
    QTimer.singleShot(50, released.set)  # runs only if the event loop is alive meanwhile
    assert _recover(qtbot, recover_at_open, db_path) is False
    assert released.is_set()


def _recover(qtbot, recover_at_open, db_path: Path) -> bool:  # type: ignore[no-untyped-def]
    """Run the start-up check as the application does and wait for its outcome."""
    outcome: list[bool] = []
    recover_at_open(str(db_path), None, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
    return outcome[0]
