"""Interrupt the creation or the upgrade of a database at many points; report what survives.

Run by tests/test_store_atomic.py in a fresh interpreter (``python interrupt_migration.py
FOLDER SCENARIO [STRIDE]``), so that forking is safe (no Qt, no threads). SCENARIO is
"create" or the revision to start from ("0001", "0002", "0003"; the database then holds
data). For each point N, a forked child opens the database with a hook that ends the process
(``os._exit``, no clean-up, like a kill -9) at the Nth database event (before or after each
SQL statement, before each commit); the parent then checks the file as ``dtbench check``
does and opens it normally. One JSON line per point goes to stdout. STRIDE (default 1) takes
every STRIDE-th point (the events before and after a statement are alike: 2 still stops at
every statement).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

STOPS = ("before_cursor_execute", "after_cursor_execute", "commit")


def _count_events(limit: int | None) -> list[int]:
    """Listen to every engine; end the process at event number ``limit``."""
    seen = [0]

    def hook(*_args: Any, **_kw: Any) -> None:
        seen[0] += 1
        if limit is not None and seen[0] >= limit:
            os._exit(9)

    for name in STOPS:
        event.listen(Engine, name, hook)
    return seen


def _make_source(path: Path, revision: str) -> None:
    """A database at ``revision`` holding a client, an engagement and what that revision has."""
    from dtbench.store import open_store

    open_store(path, migrate_to="0001").close()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO clients (id, uuid, created_at, updated_at, version, name, short_name, "
        "industry, size_employees, size_revenue, region, main_products, existing_systems) "
        "VALUES (1, 'c-1', '2026-01-01', '2026-01-01', 1, '旧客户', '', '化工', '', '', "
        "'大连', '', '[\"ERP\"]')"
    )
    con.execute(
        "INSERT INTO engagements (id, uuid, created_at, updated_at, version, client_id, title, "
        "consultants, status, language, notes) VALUES (1, 'e-1', '2026-01-01', '2026-01-01', "
        "1, 1, '旧项目', '', 'active', 'zh', '')"
    )
    con.commit()
    con.close()
    if revision == "0001":
        return
    open_store(path, migrate_to=revision).close()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO contacts (id, uuid, created_at, updated_at, version, client_id, position, "
        "name, role, phone, email) VALUES (1, 'k-1', '2026-01-02', '2026-01-02', 1, 1, 0, "
        "'王经理', '', '', '')"
    )
    if revision == "0003":
        con.execute(
            "INSERT INTO assessment_rounds (id, uuid, created_at, updated_at, version, "
            "engagement_id, number, name) VALUES (1, 'r-1', '2026-01-03', '2026-01-03', 1, 1, "
            "1, '基线')"
        )
        con.execute(
            "INSERT INTO answers (round_id, key, status, note) VALUES (1, '5.1.1a', 'met', '有')"
        )
    con.commit()
    con.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _revision(path: Path) -> str | None:
    if not path.exists() or path.stat().st_size == 0:
        return None
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name='alembic_version'").fetchone():
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        con.close()


def _content(store: Any) -> dict[str, Any]:
    from sqlalchemy import text

    from dtbench.engagement import service

    rows = service.list_engagements(store)
    out: dict[str, Any] = {"engagements": [(r.client_name, r.title, r.status) for r in rows]}
    if rows:
        profile = service.get_profile(store, rows[0].uuid)
        out["systems"] = list(profile.existing_systems)
        out["contacts"] = [c.name for c in profile.contacts]
    with store.engine.connect() as conn:
        out["answers"] = [
            tuple(r) for r in conn.execute(text("SELECT key, status, note FROM answers"))
        ]
    return out


def main() -> None:
    folder, scenario = Path(sys.argv[1]), sys.argv[2]
    stride = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    from dtbench.store import open_store
    from dtbench.store.backups import backups_folder, check_database
    from dtbench.store.migrate import head_revision

    head = head_revision()
    source = folder / "source.sqlite3"
    if scenario != "create":
        _make_source(source, scenario)
    db = folder / "engagements.sqlite3"

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        if scenario != "create":
            shutil.copyfile(source, db)

    # A first complete run fills the caches (the schema ``check`` compares with) and takes the
    # backup the retries reuse; a second one, counted, gives the range of points and the
    # expected content.
    fresh()
    open_store(db).close()
    fresh()
    seen = _count_events(None)
    store = open_store(db)
    total = seen[0]
    expected = _content(store)
    store.close()
    print(json.dumps({"total": total}), flush=True)

    for n in [*range(1, total + 1, stride), total, total + 1]:
        fresh()
        pid = os.fork()
        if pid == 0:
            seen[0] = 0

            def stop(*_args: Any, limit: int = n, **_kw: Any) -> None:
                if seen[0] >= limit:
                    os._exit(9)

            for name in STOPS:
                event.listen(Engine, name, stop)
            try:
                open_store(db).close()
            finally:
                os._exit(0)
        _pid, status = os.waitpid(pid, 0)
        killed = os.waitstatus_to_exitcode(status) == 9
        left = _revision(db)
        check = check_database(db, full=True)
        report: dict[str, Any] = {
            "n": n,
            "killed": killed,
            "revision": left,
            "check_ok": check.ok,
            "check": check.error.detail if check.error else "",
        }
        try:
            store = open_store(db)
        except Exception as exc:  # the failure this test is about
            report["open"] = f"{type(exc).__name__}: {exc}"
        else:
            report["open"] = "ok"
            report["same"] = _content(store) == expected
            with store.engine.connect() as conn:
                report["after"] = conn.exec_driver_sql(
                    "SELECT version_num FROM alembic_version"
                ).scalar()
            store.close()
        report["head"] = head
        print(json.dumps(report, ensure_ascii=False), flush=True)
    backups = sorted(p.name for p in backups_folder(db).glob("*.sqlite3"))
    print(json.dumps({"backups": backups}), flush=True)


if __name__ == "__main__":
    main()
