"""Firm benchmark: one client's comparison over 1,000 opted-in engagements (issue 17, 8c).

Run: python tests/bench/bench_firm_benchmark.py [--engagements N] [--runs N] [--pg]

The database holds the demo engagement (the client compared) and N other engagements with a
benchmark entry each (bulk inserts: engagement rows, their links and entries with random area
indices and clause levels): half of them share the client's industry and size band, the rest
are spread over three other industries. ``--pg`` runs on a fresh PostgreSQL database of the
test server (tests/pg.py) instead of a SQLite file.

Timed, each ``--runs`` times (median and 90th percentile, nearest rank, in ms):

- compare: ``benchmark.compare(store, client)``: the client's latest round scored from the
  database, the comparable entries read through SQLAlchemy, and per area and clause the
  distribution and the client's percentile;
- refresh: ``benchmark.refresh(store, client)``: its own entry rescored and written;
- floor: the same comparable entries read with a bare SELECT (sqlite3 / psycopg), decoded
  with json, and the same quantiles and percentiles computed with numpy over them (the
  client's own figures given, not computed): what the comparison costs at the least.

The ratio compare / floor is printed; nothing is asserted (no timing assertions).
DTBENCH_HOME points to a temporary folder; nothing touches the user's data.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p90 = ordered[max(0, round(0.9 * len(ordered)) - 1)]
    return statistics.median(ordered) * 1000, p90 * 1000


def _timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm: imports, caches
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


@contextmanager
def _database(pg: bool, folder: Path) -> Iterator[str]:
    if not pg:
        yield f"sqlite:///{folder / 'bench.sqlite3'}"
        return
    from tests import pg as pg_server

    with pg_server.database() as url:
        yield url


def _fill(store: object, client: str, count: int, seed: int = 17) -> tuple[str, str]:
    """Bulk-insert ``count`` engagements with entries; returns the client's industry key and
    size band."""
    from sqlalchemy import insert, select

    from dtbench.guide import load_guide
    from dtbench.store.models import BenchmarkEntry, BenchmarkLink, Client, Engagement
    from dtbench.team import benchmark

    rng = random.Random(seed)
    guide = load_guide()
    areas = [a.key for a in guide.areas]
    clauses = [c.key for a in guide.areas for c in a.clauses()]
    with store.session() as s:  # type: ignore[attr-defined]
        row = s.scalar(select(Engagement).where(Engagement.uuid == client))
        c = s.get(Client, row.client_id)
        industry = benchmark.industry_key(c.industry)
        band = benchmark.size_band(c.size_employees, c.size_revenue)
        other = s.execute(insert(Client).values(name="bench", existing_systems=[]))
        other_id = other.inserted_primary_key[0]
        s.execute(
            insert(Engagement),
            [{"client_id": other_id, "title": f"bench {n}"} for n in range(count)],
        )
        ids = list(s.scalars(select(Engagement.id).where(Engagement.client_id == other_id)))
        tokens = [f"{n:032x}" for n in range(count)]
        s.execute(
            insert(BenchmarkLink),
            [{"token": t, "engagement_id": i} for t, i in zip(tokens, ids, strict=True)],
        )
        entries = []
        for n, token in enumerate(tokens):
            same = n % 2 == 0
            figures = {
                "areas": {a: round(rng.uniform(5, 95), 2) for a in areas},
                "clauses": {k: rng.randint(1, 5) for k in clauses},
            }
            entries.append(
                {
                    "token": token,
                    "industry": industry if same else f"other {n % 3}",
                    "size_band": band,
                    "figures": figures,
                }
            )
        s.execute(insert(BenchmarkEntry), entries)
    return industry, band


def _floor(url: str, industry: str, band: str, mine: object) -> Callable[[], object]:
    """Bare SELECT + json + numpy over the same entries."""
    import numpy as np

    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"))
        sql = "SELECT figures FROM benchmark_entries WHERE industry = ? AND size_band = ?"
        params: tuple[str, ...] = (industry, band)

        def rows() -> list[dict[str, dict[str, float]]]:
            return [json.loads(f) for (f,) in conn.execute(sql, params)]
    else:
        import psycopg
        from sqlalchemy.engine import make_url

        u = make_url(url)
        conn_pg = psycopg.connect(
            host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database
        )
        sql = "SELECT figures FROM benchmark_entries WHERE industry = %s AND size_band = %s"

        def rows() -> list[dict[str, dict[str, float]]]:
            with conn_pg.cursor() as cur:
                cur.execute(sql, (industry, band))
                return [f if isinstance(f, dict) else json.loads(f) for (f,) in cur.fetchall()]

    def run() -> object:
        figures = rows()
        out = {}
        for part in ("areas", "clauses"):
            own = getattr(mine, part)
            for key, value in own.items():
                values = np.array([f[part][key] for f in figures if key in f[part]], float)
                if len(values) < 5:
                    continue
                q = np.quantile(values, [0, 0.25, 0.5, 0.75, 1])
                where = 100 * ((values < value).sum() + (values == value).sum() / 2) / len(values)
                out[key] = (q, where)
        return out

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engagements", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--pg", action="store_true", help="run on the PostgreSQL test server")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dtbench-bench-firm-") as tmp:
        folder = Path(tmp)
        os.environ["DTBENCH_HOME"] = str(folder / "home")
        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
        from dtbench.sample import create_demo
        from dtbench.store import open_store
        from dtbench.team import benchmark

        with _database(args.pg, folder) as url:
            store = open_store(url)
            client = create_demo(store)
            start = time.perf_counter()
            industry, band = _fill(store, client, args.engagements)
            filled = time.perf_counter() - start
            result = benchmark.compare(store, client)
            mine = benchmark.figures_of(benchmark._latest_report(store, client))
            floor = _floor(url, industry, band, mine)
            compare_t = _timed(lambda: benchmark.compare(store, client), args.runs)
            floor_t = _timed(floor, args.runs)
            benchmark.set_opt_in(store, client, True)
            refresh_t = _timed(lambda: benchmark.refresh(store, client), args.runs)
            store.close()
        engine = "PostgreSQL" if args.pg else "SQLite"
        print(f"firm benchmark on {engine}: {args.engagements} engagements with entries")
        print(f"  bulk insert of engagements, links and entries: {filled * 1000:.0f} ms")
        print(
            f"  comparable to the client: n = {result.n}; areas shown {len(result.areas)}, "
            f"clauses {sum(len(a.clauses) for a in result.areas)}"
        )
        c_med, c_p90 = _ms(compare_t)
        f_med, f_p90 = _ms(floor_t)
        r_med, r_p90 = _ms(refresh_t)
        print(f"  compare  median {c_med:7.1f} ms  p90 {c_p90:7.1f} ms")
        print(f"  refresh  median {r_med:7.1f} ms  p90 {r_p90:7.1f} ms")
        print(f"  floor    median {f_med:7.1f} ms  p90 {f_p90:7.1f} ms  (bare SELECT + numpy)")
        print(f"  ratio compare / floor (median): {c_med / f_med:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
