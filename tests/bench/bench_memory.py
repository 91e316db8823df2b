"""Memory benchmark: what the application holds with the sample open, after the dashboard and
an export, in all its processes (the window's and the chart workers').

Run: python tests/bench/bench_memory.py
Linux only (reads /proc). Prints the resident memory (RSS) of the application process and of
each child, the total, and the target (≤ 300 MB in all). The floor beside it is a bare
QApplication with an empty QMainWindow and the same libraries imported (PySide6, SQLAlchemy,
matplotlib in one process), measured in a process of its own in the same run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
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


def rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def pss_kb(pid: int) -> int:
    """The process's proportional share of memory: a library's pages shared by several
    processes count once in all, not once in each."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii")
    except OSError:
        return rss_kb(pid)
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return rss_kb(pid)


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            text = (task / "children").read_text(encoding="ascii")
        except OSError:
            continue
        for child in text.split():
            found.append(int(child))
            found += children(int(child))
    return found


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="dtbench-bench-"))
    os.environ["DTBENCH_HOME"] = str(folder)
    os.environ["DTBENCH_SOFFICE"] = "none"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    from bench_diagnosis import settle, wait_for
    from PySide6.QtWidgets import QApplication

    from dtbench.deliverables.export import ExportRequest, run_export
    from dtbench.reports.render_pool import shared_pool
    from dtbench.sample import create_demo
    from dtbench.store import open_store
    from dtbench.ui.kit.translations import Translations
    from dtbench.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    translations = Translations(app)
    translations.apply("zh")
    store = open_store(folder / "bench.sqlite3")
    uuid = create_demo(store)
    stages = [("sample written, no window", rss_kb(os.getpid()))]
    window = MainWindow(store, translations, open_store=open_store)
    window.resize(1366, 768)
    window.show()
    settle(200)
    stages.append(("window shown", rss_kb(os.getpid())))
    window.open_engagement(uuid)
    settle(200)
    stages.append(("sample open", rss_kb(os.getpid())))
    workspace = window.workspace
    assert workspace is not None
    dashboard = workspace.dashboard
    workspace.steps.setCurrentRow(workspace.pages.indexOf(dashboard))
    wait_for(dashboard.drawn)
    settle(500)
    stages.append(("dashboard drawn", rss_kb(os.getpid())))
    run_export(
        store,
        ExportRequest(engagement=uuid, docx=folder / "p.docx", xlsx=folder / "p.xlsx"),
        pool=shared_pool(),
    )
    settle(500)
    time.sleep(1)
    stages.append(("exported", rss_kb(os.getpid())))
    me = os.getpid()
    parts = [("application (window, store, data)", rss_kb(me), pss_kb(me))]
    parts += [(f"child process {pid}", rss_kb(pid), pss_kb(pid)) for pid in children(me)]
    total = sum(kb for _name, kb, _pss in parts)
    total_pss = sum(pss for _name, _kb, pss in parts)
    floor = int(
        subprocess.run(
            [sys.executable, "-c", FLOOR], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    )
    print("the application process, stage by stage (RSS)")
    for name, kb in stages:
        print(f"  {name:<40}{kb / 1024:8.1f} MB")
    print("memory with the sample open, after the dashboard and an export")
    print(f"  {'':<40}{'RSS':>8}    {'PSS':>8}")
    for name, kb, pss in parts:
        print(f"  {name:<40}{kb / 1024:8.1f} MB {pss / 1024:8.1f} MB")
    verdict = "within" if total / 1024 <= TARGET_MB else "over"
    print(
        f"  {'total':<40}{total / 1024:8.1f} MB {total_pss / 1024:8.1f} MB   "
        f"target ≤ {TARGET_MB} MB (RSS): {verdict}"
    )
    print(
        f"  {'floor: bare window + the libraries':<40}{floor / 1024:8.1f} MB   "
        f"ratio {total / floor:.2f}"
    )
    window.close()
    store.close()


if __name__ == "__main__":  # also keeps the chart worker processes from running main()
    main()
