"""Start-up benchmark: process start → main window shown, with a 200-engagement database.

Run: python tests/bench/bench_startup.py [--runs N]
Prints the median of each and the ratio dtbench / floor, where the floor is a bare PySide6
QApplication with an empty QMainWindow measured in the same run. Targets: window shown
≤ 1.5×, list filled ≤ 2.5×; the database open (the list's final rows, every command usable)
is printed beside them.
Both start with their bytecode cached, as an installed copy does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DRIVER = HERE / "startup_driver.py"


def make_database(path: Path, count: int) -> None:
    sys.path.insert(0, str(ROOT))
    from dtbench.engagement import service
    from dtbench.store import open_store

    store = open_store(path)
    industries = ["装备制造", "化工", "物流", "电子", "食品", "汽车零部件"]
    for i in range(count):
        service.create_engagement(
            store,
            client_name=f"大连第{i}号制造有限公司",
            title=f"数字化转型诊断 {2020 + i % 7}",
            industry=industries[i % len(industries)],
        )
    store.close()


def time_once(mode: str, env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from process start to "shown", "filled" and "ready" (floor: shown thrice)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    shown = time.perf_counter() - start
    filled = ready = shown
    if mode == "dtbench":
        second = proc.stdout.readline()
        filled = time.perf_counter() - start
        if second.strip() != "filled":
            raise RuntimeError("dtbench: engagement list never filled")
        third = proc.stdout.readline()
        ready = time.perf_counter() - start
        if third.strip() != "ready":
            raise RuntimeError("dtbench: database never opened")
    proc.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError(f"{mode}: window never shown (exit {proc.returncode})")
    return shown, filled, ready


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--engagements", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        db = home / "bench.sqlite3"
        env = {
            **os.environ,
            "DTBENCH_HOME": str(home),
            "DTBENCH_DB": str(db),
            "PYTHONPATH": str(ROOT),
            # Bytecode cached as in an installed copy (pip and the bundle compile it), for
            # dtbench and the floor alike, even where PYTHONDONTWRITEBYTECODE is set.
            "PYTHONPYCACHEPREFIX": str(home / "pycache"),
            "DTBENCH_STARTUP_MARKS": "1",  # dtbench says when it is shown, filled, ready
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        make_database(db, args.engagements)
        time_once("dtbench", env)  # warm the OS file cache and the bytecode cache for both
        time_once("floor", env)
        floor, shown, filled, ready = [], [], [], []
        for _ in range(args.runs):
            floor.append(time_once("floor", env)[0])
            s, f_, r = time_once("dtbench", env)
            shown.append(s)
            filled.append(f_)
            ready.append(r)
    f, s, l_, r = (statistics.median(x) for x in (floor, shown, filled, ready))
    print(
        f"start-up, median of {args.runs} runs ({args.engagements} engagements, "
        f"QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']})"
    )
    print(f"  floor: bare QApplication + QMainWindow shown {f * 1000:7.1f} ms")
    print(
        f"  dtbench: main window shown                  {s * 1000:7.1f} ms"
        f"   ratio {s / f:5.2f}  (target ≤ 1.5)"
    )
    print(
        f"  dtbench: engagement list filled             {l_ * 1000:7.1f} ms   ratio {l_ / f:5.2f}"
        "  (target ≤ 2.5)"
    )
    print(f"  dtbench: database open (list final, usable) {r * 1000:7.1f} ms   ratio {r / f:5.2f}")


if __name__ == "__main__":
    main()
