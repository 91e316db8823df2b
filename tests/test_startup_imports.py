"""Start-up: the main window shows before any library it does not need is loaded (the
database layer, the chart and document libraries, the team server's driver). Each of them
cost a visible part of a second before the first window (issue 18)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from dtbench.engagement import service
from dtbench.store import open_store

ROOT = Path(__file__).resolve().parent.parent

DRIVER = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

HEAVY = ("sqlalchemy", "alembic", "matplotlib", "numpy", "docx", "openpyxl", "psycopg",
         "keyring", "PIL")


class Watch(QObject):
    done = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow) and not self.done:
            self.done = True
            loaded = sorted(m for m in HEAVY if m in sys.modules)
            import builtins, PySide6.QtCore

            print(json.dumps({
                "loaded_when_shown": loaded,
                # Qt's namespace: ~90 Python enums built on first use (~20 ms)
                "qt_namespace_built": "Qt" in vars(PySide6.QtCore),
                # PySide6's import hook, reading the source of every module imported
                "feature_hook": builtins.__import__ is getattr(builtins, "__feature_import__", 0),
            }), flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


app = QApplication(sys.argv[:1])
watch = Watch()
app.installEventFilter(watch)
from dtbench.cli import main
sys.exit(main([]))
"""


def _start_up(tmp_path: Path, driver: str, engagements: int) -> dict[str, object]:
    """Start dtbench with ``driver`` (a script that watches it and prints one JSON line)
    against a database of ``engagements``; what it printed."""
    db = tmp_path / "engagements.sqlite3"
    store = open_store(db)
    for n in range(engagements):
        service.create_engagement(store, client_name=f"客户{n}", title="诊断")
    store.close()
    env = dict(
        os.environ,
        DTBENCH_DB=str(db),
        DTBENCH_HOME=str(tmp_path / "home"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, "-c", driver],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr[-2000:]
    seen = json.loads(lines[0])
    assert isinstance(seen, dict)
    return seen


def test_the_window_shows_before_the_heavy_libraries_load(tmp_path: Path) -> None:
    """Nor is Qt's namespace of enums built (the list's sort order, alignments and the
    delete key's scope are given without it), nor does PySide6's import hook read each module
    imported (issue 18: the two were ~35 ms of the window's 0.23 s)."""
    assert _start_up(tmp_path, DRIVER, 3) == {
        "loaded_when_shown": [],
        "qt_namespace_built": False,
        "feature_hook": False,
    }


PAINTED = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

seen = {}


class Watch(QObject):
    def eventFilter(self, obj, event):
        view = obj.parent()
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(view, QTableView)
            and view.objectName() == "engagements"
            and view.model().rowCount()
            and "painted" not in seen
        ):
            seen["painted"] = True
            seen["loaded_when_painted"] = "sqlalchemy" in sys.modules
            seen["rows_painted"] = view.model().rowCount()
        return False


def look():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
    window = windows[0] if windows else None
    if window is not None and window.store is not None and "painted" in seen:
        seen["store_open"] = True
        if window.workspace is not None:  # built ahead, the list still shown
            seen["workspace_ahead"] = window.stack.currentWidget() is window.list_page
            print(json.dumps(seen), flush=True)
            QApplication.instance().quit()
            return
    QTimer.singleShot(10, look)


app = QApplication(sys.argv[:1])
watch = Watch()
app.installEventFilter(watch)
QTimer.singleShot(0, look)
from dtbench.cli import main
sys.exit(main([]))
"""


def test_the_list_is_painted_before_the_database_layer_loads(tmp_path: Path) -> None:
    """The list is read without SQLAlchemy and painted first; the database layer loads
    after that. (Loaded from the start on its thread, which holds Python's lock, it kept the
    window from sizing and painting its rows: the new window stayed unpainted for most of a
    second.)"""
    assert _start_up(tmp_path, PAINTED, 30) == {
        "painted": True,
        "loaded_when_painted": False,
        "rows_painted": 30,
        "store_open": True,
        # and the engagement workspace made while the list is looked at, so that the first
        # engagement opened does not wait for it
        "workspace_ahead": True,
    }


EXPORT = """
import json, sys
from pathlib import Path
from dtbench.deliverables.export import ExportRequest, run_export
from dtbench.reports.render_pool import RenderPool
from dtbench.store import open_store

folder = Path(sys.argv[1])
store = open_store(folder / "e.sqlite3")
uuid = sys.argv[2]
pool = RenderPool(1)
pool.warm()  # as the application's chart workers are
run_export(store, ExportRequest(engagement=uuid, docx=folder / "p.docx"), pool=pool)
print(json.dumps({"drawing_library_here": "matplotlib" in sys.modules}), flush=True)
pool.shutdown()
store.close()
"""


def test_an_export_in_the_application_leaves_the_drawing_to_the_chart_workers(
    tmp_path: Path,
) -> None:
    from dtbench.sample import create_demo

    store = open_store(tmp_path / "e.sqlite3")
    uuid = create_demo(store)
    store.close()
    env = dict(os.environ, DTBENCH_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", EXPORT, str(tmp_path), uuid],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr[-2000:]
    assert json.loads(lines[0]) == {"drawing_library_here": False}  # ~40 MB not loaded
    assert (tmp_path / "p.docx").stat().st_size > 100_000
