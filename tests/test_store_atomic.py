"""Creating or updating a database survives a kill at any moment (tools/interrupt_migration).

The driver forks a child per point that ends itself (``os._exit``, like kill -9) at the Nth
database event of the creation or the update, then checks and opens the file as a user would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).resolve().parent / "tools" / "interrupt_migration.py"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the driver forks")


# Stride 2: an event before a statement and one after the previous are alike, so every
# statement (and every commit) of the run is still a stopping point. The update from 0001
# runs every migration on a database holding data: it stops at every statement
# (tests/test_store_atomic_update.py, a file of its own so that another test process runs it
# beside these). Creating runs the same migrations on an empty file, and an update from 0002
# or 0003 a part of them: these stop at every third or fourth statement, each an older start
# or an empty file, without doing the whole again.
@pytest.mark.parametrize(("start", "stride"), [("create", 6), ("0002", 8), ("0003", 8)])
def test_interrupted_creation_or_update_opens_with_all_data(
    start: str, stride: int, tmp_path: Path, home: Path
) -> None:
    check_interruptions(start, stride, tmp_path, home)


def check_interruptions(start: str, stride: int, folder: Path, home: Path) -> None:
    """Run the driver from ``start``, stopping at every ``stride``-th database event, and
    check that every stop left a file that checks, opens and holds everything."""
    done = subprocess.run(
        [sys.executable, str(DRIVER), str(folder), start, str(stride)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "DTBENCH_HOME": str(home)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    total = lines[0]["total"]
    points = [p for p in lines if "n" in p]
    assert total > 20 and len(points) > total // stride
    assert sum(p["killed"] for p in points) >= len(points) - 2  # the stops did happen
    old = None if start == "create" else start
    for p in points:
        where = f"stopped at event {p['n']} of {total}"
        # Left at the old revision or the new one, never in between; and check agrees.
        assert p["revision"] in (old, p["head"]), where
        assert p["check_ok"], f"{where}: check says {p['check']}"
        # Opens normally afterwards, with everything that was in it.
        assert p["open"] == "ok", f"{where}: {p['open']}"
        assert p["same"] and p["after"] == p["head"], where
    backups = lines[-1]["backups"]
    if start == "create":
        assert backups == []
    else:  # one verified backup, not one per retry
        assert len(backups) == 1 and f"before-migration-{start}" in backups[0]


def test_a_failed_update_leaves_the_file_as_it_was_and_retries_add_no_backups(
    tmp_path: Path,
) -> None:
    import sqlite3

    from dtbench.store import open_store
    from dtbench.store.backups import backups_folder, check_database
    from dtbench.store.errors import MigrationError

    db = tmp_path / "orphan.sqlite3"
    open_store(db, migrate_to="0001").close()
    con = sqlite3.connect(db)  # an engagement whose client is missing: the final check fails
    con.execute(
        "INSERT INTO engagements (id, uuid, created_at, updated_at, version, client_id, title, "
        "consultants, status, language, notes) VALUES (1, 'e-1', '2026-01-01', '2026-01-01', "
        "1, 99, '孤儿项目', '', 'active', 'zh', '')"
    )
    con.commit()
    con.close()
    for _ in range(3):
        with pytest.raises(MigrationError, match="left as it was"):
            open_store(db)
        check = check_database(db)
        assert check.ok and check.revision == "0001"
        con = sqlite3.connect(db)
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert con.execute("SELECT title FROM engagements").fetchall() == [("孤儿项目",)]
        con.close()
        assert "contacts" not in tables and not any(t.startswith("_alembic") for t in tables)
    assert len(list(backups_folder(db).glob("*before-migration-0001*"))) == 1
