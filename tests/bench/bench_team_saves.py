"""Team benchmark: ten consultants saving answers on the firm's server at once (issue 17, 8a).

Run: python tests/bench/bench_team_saves.py [--clients 10] [--saves 50]

The server is found as the tests find it (tests/pg.py: ``DTBENCH_TEST_PG``, else the local
test server of tests/team_server.sh); a fresh migrated database is made for the run and
dropped after. One engagement with its baseline round; each client answers checkpoints of
its own clause (so no two clients touch the same answer), alternating the status so that
every save writes.

Each client is a process of its own (no shared interpreter lock between clients, as on ten
laptops) with its own Store; they start together at a barrier. What is timed:

- save: ``diagnosis.service.set_answer`` — the session, the ORM flush, the author stamp,
  the version check, the change notice (``store/notify.py``) and the commit;
- the same saves by one client alone (before the ten), to tell contention from cost;
- F-save (the floor, same run, same server, same ten processes): a bare
  ``UPDATE answers SET status = … WHERE id = …`` and ``COMMIT`` through psycopg on a row of
  the client's own: the least a saved answer can cost on this server;
- notice latency: from a save's return (its commit done; also from its start, a bound that
  cannot flatter) until a separate connection
  LISTENing on ``dtbench_changes`` (as an open window does) has received that save's notice;
  a client's notices arrive in its commit order, so the k-th notice of a sender is the
  k-th save of that client. The issue's target: within two seconds.

Figures: median and 90th percentile (nearest rank) in ms, and save / F-save. Nothing is
asserted. On a shared machine (2 CPUs here) the figures include waiting for a CPU.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WARM_UP = 3  # untimed saves per client first (connections, caches)


def p90(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def _keys(index: int) -> list[str]:
    """Checkpoint keys of the index-th clause with several checkpoints (one per client)."""
    from dtbench.guide import load_guide

    clauses = [c for c in load_guide().clauses() if len(c.items) >= 2]
    return [item.key for item in clauses[index % len(clauses)].items]


def _dtbench_client(url: str, rnd: str, index: int, saves: int, barrier: Any, out: Any) -> None:
    from dtbench.diagnosis import service as dx
    from dtbench.store import notify, open_store

    store = open_store(url)
    keys = _keys(index)
    stored: dict[str, str] = {}

    def flip(key: str) -> str:  # always another status than the stored one: a real write
        stored[key] = "not_met" if stored.get(key) == "met" else "met"
        return stored[key]

    for _n in range(WARM_UP):
        dx.set_answer(store, rnd, keys[0], status=flip(keys[0]))
    barrier.wait()
    durations, returned, began = [], [], []
    for n in range(saves):
        key = keys[n % len(keys)]
        status = flip(key)
        start = time.monotonic()
        dx.set_answer(store, rnd, key, status=status)
        end = time.monotonic()
        durations.append(end - start)
        returned.append(end)
        began.append(start)
    out.put((index, notify.sender_of(store.sessions), durations, (returned, began)))
    store.close()


def _floor_client(conninfo: str, row_id: int, saves: int, barrier: Any, out: Any) -> None:
    import psycopg

    conn = psycopg.connect(conninfo)
    statuses = ("met", "not_met")
    for n in range(WARM_UP):
        conn.execute("UPDATE answers SET status = %s WHERE id = %s", (statuses[n % 2], row_id))
        conn.commit()
    barrier.wait()
    durations = []
    for n in range(saves):
        start = time.monotonic()
        conn.execute("UPDATE answers SET status = %s WHERE id = %s", (statuses[n % 2], row_id))
        conn.commit()
        durations.append(time.monotonic() - start)
    out.put((row_id, "", durations, ([], [])))
    conn.close()


class Listener(threading.Thread):
    """A LISTEN connection recording when each notice arrives, by sender."""

    def __init__(self, conninfo: str) -> None:
        super().__init__(daemon=True)
        import psycopg

        from dtbench.store import notify

        self.conn = psycopg.connect(conninfo, autocommit=True)
        self.conn.execute(f"LISTEN {notify.CHANNEL}")
        self.heard: dict[str, list[float]] = {}
        self.stopping = threading.Event()

    def run(self) -> None:
        from dtbench.store import notify

        while not self.stopping.is_set():
            for raw in self.conn.notifies(timeout=0.2):
                at = time.monotonic()
                notice = notify.parse(raw.payload)
                if notice is not None:
                    self.heard.setdefault(notice.sender, []).append(at)


def _run(target: Any, args_of: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    ctx = mp.get_context("spawn")  # clean processes: no engine or socket inherited
    barrier = ctx.Barrier(len(args_of))
    out = ctx.Queue()
    procs = [ctx.Process(target=target, args=(*args, barrier, out)) for args in args_of]
    for p in procs:
        p.start()
    results = [out.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    return results


def _line(name: str, samples: list[float], floor: list[float] | None = None) -> str:
    med, high = statistics.median(samples) * 1000, p90(samples) * 1000
    text = f"{name:<34} median {med:8.2f} ms   p90 {high:8.2f} ms   n={len(samples)}"
    if floor:
        text += (
            f"   ×{med / (statistics.median(floor) * 1000):.1f} / "
            f"×{high / (p90(floor) * 1000):.1f} F-save"
        )
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--saves", type=int, default=50, help="timed saves per client")
    options = parser.parse_args()

    from sqlalchemy import select

    from dtbench.diagnosis import service as dx
    from dtbench.engagement import service as engagements
    from dtbench.store import open_store
    from dtbench.store.models import Answer, AssessmentRound
    from tests import pg

    reason = pg._unavailable()
    if reason is not None:
        print(f"no server: {reason}")
        sys.exit(1)
    with pg.database() as url:
        conninfo = url.replace("postgresql+psycopg://", "postgresql://")
        store = open_store(url)
        profile = engagements.create_engagement(store, client_name="Bench", title="Team saves")
        rnd = dx.ensure_rounds(store, profile.uuid, "Baseline")[-1].uuid
        # the floor's rows: one answer per client, in the same table
        for i in range(options.clients):
            dx.set_answer(store, rnd, _keys(options.clients + i)[0], status="met")
        with store.session() as s:
            rid = s.scalar(select(AssessmentRound.id).where(AssessmentRound.uuid == rnd))
            floor_rows = list(s.scalars(select(Answer.id).where(Answer.round_id == rid)))
        store.close()

        floor = _run(_floor_client, [(conninfo, r, options.saves) for r in floor_rows])
        # the same saves by one client with the server to itself: what contention adds
        alone = _run(_dtbench_client, [(url, rnd, options.clients + 1, options.saves)])
        listener = Listener(conninfo)
        listener.start()
        saved = _run(
            _dtbench_client,
            [(url, rnd, i, options.saves) for i in range(options.clients)],
        )
        time.sleep(2.0)  # the last notices
        listener.stopping.set()
        listener.join()
        listener.conn.close()

    floor_samples = [d for _i, _s, durations, _r in floor for d in durations]
    save_samples = [d for _i, _s, durations, _r in saved for d in durations]
    latencies, bounds, missing = [], [], 0
    for _i, sender, _d, (returned, began) in saved:
        heard = listener.heard.get(sender, [])[WARM_UP:]
        missing += max(0, len(returned) - len(heard))
        latencies += [at - end for at, end in zip(heard, returned, strict=False)]
        bounds += [at - start for at, start in zip(heard, began, strict=False)]

    print(
        f"{options.clients} clients × {options.saves} saves at once, "
        f"server {pg.ADMIN_URL.rsplit('@', 1)[-1].rsplit('/', 1)[0]}"
    )
    print(_line("F-save (bare UPDATE + COMMIT)", floor_samples))
    print(_line("save (diagnosis.service.set_answer)", save_samples, floor_samples))
    print(_line("save, one client alone", alone[0][2]))
    if latencies:
        # from the save's return: the server delivers at its commit, which may be a little
        # before the client's call has returned (then the figure is negative)
        print(_line("notice latency (commit → listener)", latencies))
        # from the save's start: a bound that cannot flatter
        print(_line("save start → notice heard", bounds))
        print(f"{'':<34} max {max(bounds) * 1000:8.2f} ms (target: 2000 ms)")
    print(f"notices missing: {missing}")


if __name__ == "__main__":
    main()
