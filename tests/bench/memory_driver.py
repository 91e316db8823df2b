"""Child process of bench_memory.py: the real application, driven as a consultant would.

Run: python memory_driver.py DB UUID OUT_FOLDER
Starts dtbench as its launcher does (``dtbench.cli.main(["--db", DB])``); once the engagement
list is filled it opens engagement UUID, shows its dashboard until the charts are drawn, runs an
export (.docx + .xlsx) as the export dialog does (on a thread, the charts in the shared chart
workers), waits a moment, then prints one line of JSON: the RSS and PSS of this process and of
every process it started, and the RSS of this process at each stage, and quits.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

# Nothing else at module level: a chart worker process imports this module as the
# application's ``python -m dtbench`` makes it import dtbench.__main__, and must not load Qt.
from dtbench.cli import main as dtbench_main

# After the export: a moment (what the application keeps, not what it is still freeing), and
# once the consultant has read for a while (workers that end when idle have ended).
MOMENTS_S = {"a moment after the export (2 s)": 2.0, "20 s after the export": 20.0}


def _field(pid: int, path: str, name: str) -> int:
    try:
        text = Path(f"/proc/{pid}/{path}").read_text(encoding="ascii")
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1])
    return 0


def rss_kb(pid: int) -> int:
    return _field(pid, "status", "VmRSS")


def pss_kb(pid: int) -> int:
    """The proportional share: pages shared by several processes count once in all."""
    return _field(pid, "smaps_rollup", "Pss") or rss_kb(pid)


def descendants(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            text = (task / "children").read_text(encoding="ascii")
        except OSError:
            continue
        for child in map(int, text.split()):
            found += [child, *descendants(child)]
    return found


def role(pid: int) -> str:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return "gone"
    if "resource_tracker" in cmdline:
        return "resource tracker"
    if "spawn_main" in cmdline:
        return "chart worker"
    return cmdline[:60]


def _drive(uuid: str, out: Path) -> Any:
    """The event filter that drives the application (Qt loaded only here)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class _Drive(QObject):
        def __init__(self, uuid: str, out: Path) -> None:
            super().__init__()
            self.uuid = uuid
            self.out = out
            self.window: Any = None
            self.stages: list[tuple[str, int]] = []
            self.export_done = threading.Event()
            self.export_error: list[str] = []

        def stage(self, name: str) -> None:
            self.stages.append((name, rss_kb(_pid())))

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (
                self.window is None
                and event.type() == QEvent.Type.Show
                and isinstance(obj, QMainWindow)
            ):
                self.window = obj
                QTimer.singleShot(0, self._wait_ready)
            return False

        def _wait_ready(self) -> None:
            window = self.window
            if window.store is None or self.uuid not in window.list_page.model.uuids():
                QTimer.singleShot(20, self._wait_ready)
                return
            self.stage("list filled, database open")
            QTimer.singleShot(1500, self._open)  # the consultant reads the list a moment

        def _open(self) -> None:
            self.stage("before opening the sample")
            self.window.open_engagement(self.uuid)
            QTimer.singleShot(1500, self._dashboard)

        def _dashboard(self) -> None:
            self.stage("sample open")
            workspace = self.window.workspace
            dashboard = workspace.dashboard
            dashboard.drawn.connect(self._drawn)
            workspace.steps.setCurrentRow(workspace.pages.indexOf(dashboard))

        def _drawn(self) -> None:
            if any(name == "dashboard drawn" for name, _kb in self.stages):
                return
            self.stage("dashboard drawn")
            QTimer.singleShot(500, self._export)

        def _export(self) -> None:
            from dtbench.deliverables.export import ExportRequest, run_export
            from dtbench.reports.render_pool import shared_pool

            store = self.window.store
            request = ExportRequest(
                engagement=self.uuid, docx=self.out / "p.docx", xlsx=self.out / "p.xlsx"
            )

            def work() -> None:  # the export dialog's task thread
                try:
                    run_export(store, request, pool=shared_pool())
                except Exception as exc:  # reported in the JSON, the measure still taken
                    self.export_error.append(repr(exc))
                finally:
                    self.export_done.set()

            threading.Thread(target=work, name="export", daemon=True).start()
            self._wait_export()

        def _wait_export(self) -> None:
            if not self.export_done.is_set():
                QTimer.singleShot(20, self._wait_export)
                return
            self.stage("exported")
            self.exported = time.monotonic()
            self.moments: list[dict[str, Any]] = []
            self._next_moment()

        def _next_moment(self) -> None:
            pending = list(MOMENTS_S.items())[len(self.moments) :]
            if not pending:
                report = {
                    "moments": self.moments,
                    "stages": self.stages,
                    "export_error": self.export_error,
                }
                print("memory " + json.dumps(report), flush=True)
                app = QApplication.instance()
                assert app is not None
                app.quit()
                return
            label, after = pending[0]
            wait = max(0.0, self.exported + after - time.monotonic())
            QTimer.singleShot(int(wait * 1000), lambda: self._measure(label))

        def _measure(self, label: str) -> None:
            me = _pid()
            self.stage(label)
            processes = [{"pid": me, "role": "application", "rss": rss_kb(me), "pss": pss_kb(me)}]
            for pid in descendants(me):
                processes.append(
                    {"pid": pid, "role": role(pid), "rss": rss_kb(pid), "pss": pss_kb(pid)}
                )
            self.moments.append({"label": label, "processes": processes})
            self._next_moment()

    return _Drive(uuid, out)


def _pid() -> int:
    import os

    return os.getpid()


def main() -> int:
    db, uuid, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    drive = _drive(uuid, out)
    app.installEventFilter(drive)
    QTimer.singleShot(180_000, app.quit)  # never a benchmark that hangs
    started = time.perf_counter()
    code = dtbench_main(["--db", db])
    print(f"ran {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return code


if __name__ == "__main__":  # also keeps the chart worker processes from running main()
    sys.exit(main())
