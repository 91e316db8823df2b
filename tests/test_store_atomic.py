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


@pytest.mark.parametrize("start", ["create", "0001", "0002", "0003"])
def test_interrupted_creation_or_update_opens_with_all_data(
    start: str, tmp_path: Path, home: Path
) -> None:
    # Stride 2: an event before a statement and one after the previous are alike, so every
    # statement (and every commit) of the run is still a stopping point.
    done = subprocess.run(
        [sys.executable, str(DRIVER), str(tmp_path), start, "2"],
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
    assert total > 20 and len(points) > total // 2
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
