"""Start-up of the application bundle against a bare PySide6 bundle, in one run.

Run: python tests/bench/bench_bundle.py [--runs N] [--engagements N] [--rebuild]

Builds (once; ``--rebuild`` forces it) dtbench's one-folder bundle with packaging/build.py
and, as the floor, a bare PySide6 one-folder bundle made by PyInstaller from a script that
shows an empty QMainWindow. Then starts each ``--runs`` times, interleaved, and prints the
median time from process start to the window shown (the first turn of the event loop after
it), and for dtbench also to the engagement list filled and to the database open
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
BARE_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
sys.exit(app.exec())
"""


def build_bare(folder: Path) -> Path:
    script = folder / "bare.py"
    script.write_text(BARE_SCRIPT, encoding="utf-8")
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


def timed(command: list[str], env: dict[str, str], marks: int) -> list[float]:
    """Seconds from start to each of the first ``marks`` lines the process prints."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert proc.stdout is not None
    seen = []
    for _ in range(marks):
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"{command[0]} ended before its marks ({seen})")
        seen.append(time.perf_counter() - start)
    proc.wait(timeout=60)
    return seen


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
        timed([str(bare)], env, 1)  # the OS's file cache warm for both
        timed([str(exe)], env, 3)
        floors, shown, filled, ready = [], [], [], []
        for _ in range(args.runs):
            floors.append(timed([str(bare)], env, 1)[0])
            s, f, r = timed([str(exe)], env, 3)
            shown.append(s)
            filled.append(f)
            ready.append(r)
    base = statistics.median(floors)
    print(f"bundle start-up, median of {args.runs} ({args.engagements} engagements)")
    print(f"  floor: bare PySide6 bundle, window shown   {base * 1000:7.1f} ms")
    for name, values, target in (
        ("dtbench bundle: window shown          ", shown, f"  (target ≤ {TARGET})"),
        ("dtbench bundle: engagement list filled", filled, ""),
        ("dtbench bundle: database open         ", ready, ""),
    ):
        m = statistics.median(values)
        print(f"  {name}   {m * 1000:7.1f} ms   ratio {m / base:5.2f}{target}")


if __name__ == "__main__":
    main()
