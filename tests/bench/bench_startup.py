"""Start-up benchmark: process start → main window shown, with a 200-engagement database.

Run: python tests/bench/bench_startup.py [--runs N]
Prints the median of each and the ratio dtbench / floor, where the floor is a bare PySide6
QApplication with an empty QMainWindow measured in the same run. Targets: window shown
≤ 1.5×, list filled ≤ 2.5×. Printed beside them: the first frame painted (what the user
sees: the window drawn, the list in it), against the floor's first frame, and the database
open (the list's final rows, every command usable).
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


MARKS = ("shown", "painted", "filled", "ready")


def read_marks(proc: subprocess.Popen[str], start: float, words: tuple[str, ...]) -> list[float]:
    """Seconds from ``start`` to each of ``words`` as the process prints them (any order)."""
    assert proc.stdout is not None
    seen: dict[str, float] = {}
    while len(seen) < len(words):
        line = proc.stdout.readline()
        if not line:
            break
        word = line.strip()
        if word in words and word not in seen:
            seen[word] = time.perf_counter() - start
    proc.wait(timeout=60)
    missing = [w for w in words if w not in seen]
    if missing:
        raise RuntimeError(f"never said {missing} (exit {proc.returncode})")
    return [seen[w] for w in words]


def time_once(mode: str, env: dict[str, str]) -> list[float]:
    """Seconds from process start to each mark: the floor's "shown" and "painted", dtbench's
    MARKS."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    return read_marks(proc, start, MARKS if mode == "dtbench" else MARKS[:2])


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
        floors: list[list[float]] = []
        marks: list[list[float]] = []
        for _ in range(args.runs):
            floors.append(time_once("floor", env))
            marks.append(time_once("dtbench", env))
    floor_shown, floor_painted = (statistics.median(run[i] for run in floors) for i in (0, 1))
    s, p, l_, r = (statistics.median(run[i] for run in marks) for i in range(4))
    print(
        f"start-up, median of {args.runs} runs ({args.engagements} engagements, "
        f"QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']})"
    )
    print(f"  floor: bare QApplication + QMainWindow shown    {floor_shown * 1000:7.1f} ms")
    print(f"  floor: its first frame painted                 {floor_painted * 1000:7.1f} ms")
    print(
        f"  dtbench: main window shown                     {s * 1000:7.1f} ms"
        f"   ratio {s / floor_shown:5.2f}  (target ≤ 1.5)"
    )
    print(
        f"  dtbench: first frame painted (list drawn)      {p * 1000:7.1f} ms"
        f"   ratio {p / floor_painted:5.2f}  (to the floor's first frame)"
    )
    print(
        f"  dtbench: engagement list filled                {l_ * 1000:7.1f} ms"
        f"   ratio {l_ / floor_shown:5.2f}  (target ≤ 2.5)"
    )
    print(
        f"  dtbench: database open (list final, usable)   {r * 1000:7.1f} ms"
        f"   ratio {r / floor_shown:5.2f}"
    )


if __name__ == "__main__":
    main()
