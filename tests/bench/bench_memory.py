"""Memory benchmark: what the application holds with the sample open, after the dashboard and
an export, in all its processes (the window's, the chart workers', multiprocessing's resource
tracker).

Run: python tests/bench/bench_memory.py
Linux only (reads /proc). The sample is written by ``python -m dtbench demo`` in a process of its
own; the application then runs as a consultant starts it (tests/bench/memory_driver.py: the
launcher's ``dtbench.cli.main(["--db", X])``), opens the sample, shows its dashboard, exports
.docx + .xlsx as the export dialog does, and reports, a moment (2 s) and 20 s later, the
resident memory (RSS) and proportional share (PSS) of itself and of every process it started.
Printed: each process, the total, the target (≤ 300 MB RSS in all) and the floor: a bare
QApplication with an empty QMainWindow and the same libraries imported (PySide6, SQLAlchemy,
matplotlib, python-docx, openpyxl in one process), measured in a process of its own in the same run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TARGET_MB = 300

FLOOR = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
import sqlalchemy.orm, matplotlib.figure, docx, openpyxl
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents()
print(open("/proc/self/status").read().split("VmRSS:")[1].split()[0], flush=True)
"""


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="dtbench-bench-"))
    env = dict(os.environ, DTBENCH_HOME=str(folder), DTBENCH_SOFFICE="none")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    db = folder / "bench.sqlite3"
    uuid = subprocess.run(
        [sys.executable, "-m", "dtbench", "demo", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[-1]
    run = subprocess.run(
        [sys.executable, str(HERE / "memory_driver.py"), str(db), uuid, str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    line = next((x for x in run.stdout.splitlines() if x.startswith("memory ")), None)
    if line is None:
        sys.exit(f"the driver reported nothing (exit {run.returncode}):\n{run.stderr[-3000:]}")
    report = json.loads(line[len("memory ") :])
    floor = int(
        subprocess.run(
            [sys.executable, "-c", FLOOR], env=env, capture_output=True, text=True, check=True
        ).stdout.split()[0]
    )
    if report["export_error"]:
        print("the export failed:", *report["export_error"])
    print("the application process, stage by stage (RSS)")
    for name, kb in report["stages"]:
        print(f"  {name:<40}{kb / 1024:8.1f} MB")
    for moment in report["moments"]:
        print(f"memory with the sample open, after the dashboard and an export: {moment['label']}")
        print(f"  {'':<40}{'RSS':>8}    {'PSS':>8}")
        processes = moment["processes"]
        for p in processes:
            name = f"{p['role']} ({p['pid']})"
            print(f"  {name:<40}{p['rss'] / 1024:8.1f} MB {p['pss'] / 1024:8.1f} MB")
        total = sum(p["rss"] for p in processes)
        total_pss = sum(p["pss"] for p in processes)
        verdict = "within" if total / 1024 <= TARGET_MB else "over"
        print(
            f"  {'total':<40}{total / 1024:8.1f} MB {total_pss / 1024:8.1f} MB   "
            f"target ≤ {TARGET_MB} MB (RSS): {verdict}, ratio to the floor {total / floor:.2f}"
        )
    print(f"  {'floor: bare window + the libraries':<40}{floor / 1024:8.1f} MB")


if __name__ == "__main__":  # also keeps the chart worker processes from running main()
    main()
