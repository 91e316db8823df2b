"""Start-up of the application bundle against a bare PySide6 bundle, in one run.

Run: python tests/bench/bench_bundle.py [--runs N] [--engagements N] [--rebuild]

Builds (once; ``--rebuild`` forces it) dtbench's one-folder bundle with packaging/build.py
and, as the floor, a bare PySide6 one-folder bundle made by PyInstaller from a script that
shows an empty QMainWindow (the floor of tests/bench/startup_driver.py). Then starts each
``--runs`` times, interleaved, and prints the median time from process start to the window
shown (the first turn of the event loop after it) and to its first frame painted, and for
dtbench also to the engagement list filled and to the database open
(``DTBENCH_STARTUP_MARKS``), with the ratios to the floor. Target (issue 18): the bundle's
window shown ≤ 1.5× the bare bundle's.
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
TARGET = 1.5


def build_bare(folder: Path) -> Path:
    script = folder / "bare.py"
    from startup_driver import FLOOR_SCRIPT

    script.write_text(FLOOR_SCRIPT, encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--onedir",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(folder / "dist"),
            "--workpath",
            str(folder / "build"),
            "--specpath",
            str(folder),
            str(script),
        ],
        check=True,
    )
    return folder / "dist" / "bare" / "bare"


def timed(command: list[str], env: dict[str, str], words: tuple[str, ...]) -> list[float]:
    """Seconds from start to each of ``words`` as the process prints them."""
    from bench_startup import read_marks

    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    return read_marks(proc, start, words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--engagements", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    exe = ROOT / "dist" / "dtbench" / "dtbench"
    if args.rebuild or not exe.exists():
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True)
    sys.path.insert(0, str(HERE))
    from bench_startup import make_database

    with tempfile.TemporaryDirectory(prefix="dtbench-bundle-") as tmp:
        folder = Path(tmp)
        bare = build_bare(folder)
        db = folder / "bench.sqlite3"
        make_database(db, args.engagements)
        env = dict(
            os.environ,
            DTBENCH_HOME=str(folder / "home"),
            DTBENCH_DB=str(db),
            DTBENCH_STARTUP_MARKS="1",
        )
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        from bench_startup import MARKS

        timed([str(bare)], env, MARKS[:2])  # the OS's file cache warm for both
        timed([str(exe)], env, MARKS)
        floors: list[list[float]] = []
        marks: list[list[float]] = []
        for _ in range(args.runs):
            floors.append(timed([str(bare)], env, MARKS[:2]))
            marks.append(timed([str(exe)], env, MARKS))
    base, base_painted = (statistics.median(run[i] for run in floors) for i in (0, 1))
    print(f"bundle start-up, median of {args.runs} ({args.engagements} engagements)")
    print(f"  floor: bare PySide6 bundle, window shown   {base * 1000:7.1f} ms")
    print(f"  floor: its first frame painted             {base_painted * 1000:7.1f} ms")
    for i, (name, floor, target) in enumerate(
        (
            ("dtbench bundle: window shown          ", base, f"  (target ≤ {TARGET})"),
            ("dtbench bundle: first frame painted   ", base_painted, "  (to the floor's frame)"),
            ("dtbench bundle: engagement list filled", base, ""),
            ("dtbench bundle: database open         ", base, ""),
        )
    ):
        m = statistics.median(run[i] for run in marks)
        print(f"  {name}   {m * 1000:7.1f} ms   ratio {m / floor:5.2f}{target}")


if __name__ == "__main__":
    main()
