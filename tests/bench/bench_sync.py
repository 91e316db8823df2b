"""Synchronisation benchmark: a fully assessed engagement (the sample, ``create_demo``) taken
offline from a PostgreSQL server, then, each run, 100 records changed on the laptop and 100
others on the server, and one synchronisation.

Run: python tests/bench/bench_sync.py [--runs N]   (needs the test server: tests/team_server.sh)

What is timed, each run:

- plan: ``plan_sync`` (both sides read, three-way comparison of every record and field);
- apply: ``apply_sync`` (journal, one server transaction version-checked, the local one with
  the new bases);
- sync: both together, what the consultant waits for.

Also printed once: taking the engagement offline (``take_offline``) and how many records
the engagement has.

Floor, measured in the same run on the same databases: the same 200 rows written with bare
SQLAlchemy Core — 100 ``UPDATE answers SET note=… WHERE id=…`` on the server in one
transaction and 100 on the laptop's SQLite file in one transaction (dtbench's pragmas). The
ratio is sync / floor. Figures are medians and 90th percentiles (nearest rank) in ms; nothing
is asserted. Nothing touches the user's data: DTBENCH_HOME points to a temporary folder and
the server database is dropped afterwards.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent))


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def line(name: str, values: list[float], floor: float | None = None) -> str:
    med = statistics.median(values)
    text = f"{name:<10} median {med:8.1f} ms   p90 {p90(values):8.1f} ms"
    if floor:
        text += f"   ratio {med / floor:6.1f}× the floor"
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--changes", type=int, default=100, help="records changed on each side")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="dtbench-bench-sync-")
    os.environ["DTBENCH_HOME"] = home

    import pg
    from sqlalchemy import bindparam, select, update

    from dtbench.diagnosis import service as dx
    from dtbench.sample import create_demo
    from dtbench.store import open_store
    from dtbench.store.models import Answer, AssessmentRound, Engagement
    from dtbench.team.offline import take_offline
    from dtbench.team.sync import apply_sync, plan_sync

    if pg._unavailable():
        print(f"no server: {pg._unavailable()}")
        return 1
    with pg.database() as url:
        server = open_store(url)
        local = open_store(Path(home) / "laptop.sqlite3")
        engagement = create_demo(server, "zh")
        started = time.perf_counter()
        take_offline(server, local, [engagement])
        offline_ms = (time.perf_counter() - started) * 1000
        round_uuid = dx.list_rounds(server, engagement)[-1].uuid
        keys = sorted(dx.load_round(server, round_uuid).answers)
        n = args.changes
        if len(keys) < 2 * n:
            print(f"the sample has {len(keys)} answers in its last round, fewer than {2 * n}")
            return 1
        mine, theirs = keys[:n], keys[n : 2 * n]
        plan = plan_sync(local, server, engagement)
        print(f"engagement: {len(plan.merged)} records; taken offline in {offline_ms:.0f} ms")

        def answer_ids(store_engine: object, store: object) -> list[int]:
            with store.session() as s:  # type: ignore[attr-defined]
                rid = s.scalar(
                    select(AssessmentRound.id)
                    .join(Engagement)
                    .where(AssessmentRound.uuid == round_uuid)
                )
                rows = s.execute(select(Answer.id, Answer.key).where(Answer.round_id == rid)).all()
                return [i for i, key in rows if key in set(mine)]

        server_ids, local_ids = answer_ids(None, server), answer_ids(None, local)
        stmt = (
            update(Answer.__table__)
            .where(Answer.__table__.c.id == bindparam("_id"))
            .values(note=bindparam("_note"))
        )
        timings: dict[str, list[float]] = {"plan": [], "apply": [], "sync": [], "floor": []}
        for run in range(args.runs):
            for key in mine:
                dx.set_answer(local, round_uuid, key, note=f"laptop {run} {key}")
            for key in theirs:
                dx.set_answer(server, round_uuid, key, note=f"server {run} {key}")
            t0 = time.perf_counter()
            plan = plan_sync(local, server, engagement)
            t1 = time.perf_counter()
            result = apply_sync(plan, {})
            t2 = time.perf_counter()
            assert (result.sent, result.received) == (n, n), result
            timings["plan"].append((t1 - t0) * 1000)
            timings["apply"].append((t2 - t1) * 1000)
            timings["sync"].append((t2 - t0) * 1000)
            # The floor: the same 200 rows written with bare Core updates.
            t3 = time.perf_counter()
            for engine, ids in ((server.engine, server_ids), (local.engine, local_ids)):
                with engine.begin() as conn:
                    conn.execute(stmt, [{"_id": i, "_note": f"floor {run}"} for i in ids])
            timings["floor"].append((time.perf_counter() - t3) * 1000)
            # put the notes back as the sync left them (untimed), so both sides agree again
            for key in mine:
                dx.set_answer(server, round_uuid, key, note=f"laptop {run} {key}")
                dx.set_answer(local, round_uuid, key, note=f"laptop {run} {key}")
        floor = statistics.median(timings["floor"])
        print(f"{args.runs} runs, {n} records changed on each side")
        print(line("floor", timings["floor"]))
        for name in ("plan", "apply", "sync"):
            print(line(name, timings[name], floor))
        local.close()
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
