"""The core stays free of Qt: every module outside dtbench/ui imports with PySide6 blocked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import importlib, pkgutil, sys

class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked for this test")
        return None

sys.meta_path.insert(0, Block())
import dtbench
names = []
for info in pkgutil.walk_packages(dtbench.__path__, "dtbench."):
    skip = ("dtbench.__main__", "dtbench.ui", "dtbench.store.migrations")
    if info.name.startswith(skip):
        continue
    importlib.import_module(info.name)
    names.append(info.name)
assert not any(n.startswith("PySide6") for n in sys.modules)
print("\n".join(names))
"""


def test_core_modules_import_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    assert {
        "dtbench.cli",
        "dtbench.guide.loader",
        "dtbench.store.database",
        "dtbench.engagement.service",
        "dtbench.messages",
    } <= imported


def test_the_command_line_parser_loads_no_heavy_library() -> None:
    """Building the parser (which every start of dtbench does, the GUI's included) must not
    load the database, workbook or chart libraries: that alone cost half a second once."""
    script = (
        "import sys; from dtbench.cli import build_parser; build_parser(); "
        "heavy = [m for m in ('sqlalchemy', 'openpyxl', 'matplotlib', 'docx', 'alembic') "
        "if m in sys.modules]; print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


CHARTS_SCRIPT = r"""
import json, os, sys, tempfile
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["DTBENCH_HOME"] = tempfile.mkdtemp()
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from dtbench.sample import create_demo
from dtbench.store import open_store
from dtbench.ui.main_window import MainWindow
from dtbench.ui.translations import Translations

app = QApplication([])
store = open_store(os.path.join(os.environ["DTBENCH_HOME"], "t.db"))
uuid = create_demo(store)
translations = Translations(app)
translations.apply("zh")
window = MainWindow(store, translations)
window.resize(1366, 768)
window.show()
window.open_engagement(uuid)
ws = window.workspace

def shown(page, signal, views, show):
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(120000, loop.quit)
    show()
    loop.exec()
    return [v.raster is not None and not v.raster.is_blank() for v in views]

drawn = shown(ws.dashboard, ws.dashboard.drawn, ws.dashboard.views.values(),
              lambda: ws.steps.setCurrentRow(ws.pages.indexOf(ws.dashboard)))
ws.steps.setCurrentRow(ws.pages.indexOf(ws.roadmap))
drawn += shown(ws.roadmap, ws.roadmap.drawn, [ws.roadmap.matrix_view, ws.roadmap.gantt_view],
               lambda: ws.roadmap.tabs.setCurrentIndex(2))
ws.steps.setCurrentRow(ws.pages.indexOf(ws.org_culture))
drawn += shown(ws.org_culture, ws.org_culture.drawn, [ws.org_culture.radar],
               lambda: ws.org_culture.tabs.setCurrentIndex(1))
print(json.dumps({"drawn": drawn, "matplotlib": "matplotlib" in sys.modules,
                  "font_checked": ws.dashboard.cjk_font}))
window.close()
"""


def test_the_window_draws_charts_without_loading_matplotlib() -> None:
    """Charts are drawn by the chart workers: opening an engagement and showing the dashboard,
    roadmap and culture charts leaves matplotlib (half a second to load) out of the UI."""
    result = subprocess.run(
        [sys.executable, "-c", CHARTS_SCRIPT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "DTBENCH_CHART_WORKERS": "1"},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["drawn"] == [True] * 9  # six dashboard charts, matrix, Gantt, culture radar
    assert report["matplotlib"] is False
