"""The layers hold: the core imports without Qt, the parser loads nothing heavy, and the
import rules of tests/layering_rules.py (layers, UI folders, no circles, nothing loaded by
string) hold for dtbench and are proven to catch each kind of violation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from layering_rules import (
    Graph,
    check_cycles,
    check_layers,
    check_string_loading,
    check_ui_folders,
    scan,
)

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
from dtbench.ui.shell.main_window import MainWindow
from dtbench.ui.kit.translations import Translations

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


# ---------------------------------------------------------------- the import rules
# tests/layering_rules.py reads the source with ast; each rule is checked on dtbench itself,
# and on a tiny package written to tmp_path with exactly one kind of violation, to prove the
# check catches it.


@pytest.fixture(scope="module")
def graph() -> Graph:
    return scan(ROOT)


def _explain(problems: list[str], rule: str) -> str:
    return f"{len(problems)} place(s) break the rule '{rule}':\n" + "\n".join(problems)


def test_imports_follow_the_core_layers(graph: Graph) -> None:
    problems = check_layers(graph)
    assert not problems, _explain(problems, "core layers (LAYERS in tests/layering_rules.py)")


def test_the_user_interface_folders_import_only_the_folders_below_them(graph: Graph) -> None:
    problems = check_ui_folders(graph)
    assert not problems, _explain(problems, "UI folders (UI_FOLDERS in tests/layering_rules.py)")


def test_no_module_imports_itself_round_a_circle(graph: Graph) -> None:
    problems = check_cycles(graph)
    assert not problems, _explain(problems, "no import circles")


def test_no_module_is_loaded_by_string(graph: Graph) -> None:
    problems = check_string_loading(graph)
    assert not problems, _explain(problems, "nothing loaded by string")


def test_the_scan_sees_the_imports_of_dtbench(graph: Graph) -> None:
    """The real checks pass only if the scan finds the imports at all."""
    found = {(i.importer, i.imported) for i in graph.imports}
    assert ("dtbench.cli.backup", "dtbench.cli.common") in found  # module level
    assert ("dtbench.cli", "dtbench.sample") in found  # inside a function
    assert ("dtbench.cli", "dtbench.cli.backup") in found  # from a package, a submodule
    assert any(i.importer.startswith("dtbench.ui.") and i.type_checking for i in graph.imports)


def _package(root: Path, files: dict[str, str]) -> Graph:
    """Write a package of ``files`` (path → source) under ``root``, __init__.py files added."""
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        for folder in path.relative_to(root).parents:
            if folder != Path("."):
                (root / folder / "__init__.py").touch()
    return scan(root)


# Imports the rules allow: each synthetic package below is this plus one violation.
ALLOWED = {
    "dtbench/errors.py": "from dtbench import messages\n",
    "dtbench/messages.py": "import dtbench\n",
    "dtbench/store/database.py": "from dtbench.errors import UserError\n",
    "dtbench/diagnosis/service.py": "from dtbench.store import database\n",
    "dtbench/plan/service.py": """\
        from typing import TYPE_CHECKING

        from dtbench.diagnosis import service
        from . import records

        if TYPE_CHECKING:
            from dtbench.plan.suggest import Suggestion
        """,
    "dtbench/plan/records.py": "",
    "dtbench/plan/suggest.py": "from dtbench.plan.service import add\n",
    "dtbench/lazy.py": """\
        import importlib.util

        def lazy_module(name):
            return importlib.util.module_from_spec(importlib.util.find_spec(name))
        """,
    "dtbench/ui/kit/undo.py": "from dtbench.plan import service\n",
    "dtbench/ui/diagnosis/page.py": "from dtbench.ui.kit import undo\n",
    "dtbench/ui/plan/page.py": "from dtbench.ui.diagnosis.page import Page\n",
    "dtbench/ui/exchange/export.py": "from dtbench.ui.plan import page\nfrom ..kit import undo\n",
    "dtbench/ui/shell/window.py": """\
        from dtbench.lazy import lazy_module
        from dtbench.ui.exchange import export

        service = lazy_module("dtbench.plan.service")
        """,
    "dtbench/ui/app.py": "from dtbench.ui.shell.window import Window\n",
    "dtbench/cli/__init__.py": "def gui():\n    from dtbench.ui.app import run\n",
    "dtbench/launcher.py": "from dtbench import cli\n",
}


def test_the_allowed_imports_break_no_rule(tmp_path: Path) -> None:
    graph = _package(tmp_path, ALLOWED)
    assert len(graph.imports) >= 18
    assert check_layers(graph) == []
    assert check_ui_folders(graph) == []
    assert check_cycles(graph) == []
    assert check_string_loading(graph) == []


@pytest.mark.parametrize(
    ("file", "source", "expected"),
    [
        (  # the store (layer 1) reaching up to the CLI, inside a function
            "dtbench/store/backups.py",
            "def run():\n    from dtbench.cli import fail\n",
            "dtbench/store/backups.py:2: dtbench.store.backups (layer 1, 'store') imports "
            "dtbench.cli (layer 11, 'cli')",
        ),
        (  # diagnosis (4) below plan (5), even for type hints only
            "dtbench/diagnosis/summary.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from dtbench.plan.records import Item\n",
            "dtbench/diagnosis/summary.py:3: dtbench.diagnosis.summary (layer 4, 'diagnosis') "
            "imports dtbench.plan.records (layer 5, 'plan')",
        ),
        (  # lazy_module("…") is an import too
            "dtbench/store/models.py",
            'from dtbench.lazy import lazy_module\nplan = lazy_module("dtbench.plan.service")\n',
            "dtbench/store/models.py:2: dtbench.store.models (layer 1, 'store') imports "
            "dtbench.plan.service (layer 5, 'plan')",
        ),
        (  # sideways between two parts of one layer
            "dtbench/templates/library.py",
            "from dtbench.transfer import package\n",
            "dtbench.templates.library ('templates') imports dtbench.transfer ('transfer'): "
            "both are on layer 8",
        ),
        (  # a new top-level part nobody placed
            "dtbench/newpart/thing.py",
            "",
            "'newpart' has no place in the layer order",
        ),
    ],
)
def test_the_layer_check_catches(tmp_path: Path, file: str, source: str, expected: str) -> None:
    problems = check_layers(_package(tmp_path, {**ALLOWED, file: source}))
    assert len(problems) == 1 and expected in problems[0], problems


@pytest.mark.parametrize(
    ("file", "source", "expected"),
    [
        (
            "dtbench/ui/kit/choices.py",
            "from dtbench.ui.diagnosis import page\n",
            "dtbench/ui/kit/choices.py:1: dtbench.ui.kit.choices (ui/kit) imports "
            "dtbench.ui.diagnosis.page (ui/diagnosis): ui/kit imports no other UI folder",
        ),
        (
            "dtbench/ui/diagnosis/scope.py",
            "def f():\n    from dtbench.ui.plan.page import Page\n",
            "dtbench/ui/diagnosis/scope.py:2: dtbench.ui.diagnosis.scope (ui/diagnosis) imports "
            "dtbench.ui.plan.page (ui/plan): ui/diagnosis may import only kit",
        ),
        (
            "dtbench/ui/plan/roadmap.py",
            "from dtbench.ui.exchange import export\n",
            "(ui/exchange): ui/plan may import only diagnosis, kit",
        ),
        (
            "dtbench/ui/exchange/backups.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from dtbench.ui.shell.window import Window\n",
            "dtbench/ui/exchange/backups.py:3: dtbench.ui.exchange.backups (ui/exchange) imports "
            "dtbench.ui.shell.window (ui/shell): ui/exchange may import only diagnosis, kit, plan",
        ),
        (
            "dtbench/plan/checks.py",
            "from dtbench.ui.kit import undo\n",
            "dtbench/plan/checks.py:1: dtbench.plan.checks imports dtbench.ui.kit.undo: the "
            "core never imports the user interface",
        ),
        (
            "dtbench/ui/kpi_page.py",
            "from dtbench.ui.kit import undo\n",
            "dtbench/ui/kpi_page.py: dtbench.ui.kpi_page is not in one of the UI folders",
        ),
    ],
)
def test_the_ui_folder_check_catches(tmp_path: Path, file: str, source: str, expected: str) -> None:
    problems = check_ui_folders(_package(tmp_path, {**ALLOWED, file: source}))
    assert len(problems) == 1 and expected in problems[0], problems


def test_the_circle_check_catches_a_circle_through_a_function(tmp_path: Path) -> None:
    graph = _package(
        tmp_path,
        {
            **ALLOWED,
            "dtbench/store/database.py": "from dtbench.store import backups\n",
            "dtbench/store/backups.py": "def path():\n    from dtbench.store.location import x\n",
            "dtbench/store/location.py": "from dtbench.store.database import y\n",
        },
    )
    problems = check_cycles(graph)
    assert len(problems) == 1, problems
    assert problems[0].startswith(
        "import circle: dtbench.store.backups → dtbench.store.location → "
        "dtbench.store.database → dtbench.store.backups\n"
        "  dtbench/store/backups.py:2: dtbench.store.backups imports dtbench.store.location\n"
        "  dtbench/store/location.py:1: dtbench.store.location imports dtbench.store.database\n"
        "  dtbench/store/database.py:1: dtbench.store.database imports dtbench.store.backups\n"
    )


def test_the_circle_check_ignores_imports_for_type_hints_only(tmp_path: Path) -> None:
    """ALLOWED has plan.service ↔ plan.suggest with one side under TYPE_CHECKING; take the
    guard away and it is a circle."""
    source = "from dtbench.plan.suggest import Suggestion\nfrom . import records\n"
    problems = check_cycles(_package(tmp_path, {**ALLOWED, "dtbench/plan/service.py": source}))
    assert len(problems) == 1
    assert problems[0].startswith(
        "import circle: dtbench.plan.service → dtbench.plan.suggest → dtbench.plan.service\n"
    )


@pytest.mark.parametrize(
    ("source", "call"),
    [
        ("import importlib\nm = importlib.import_module('dtbench.plan.' + 'service')\n", "import"),
        ("from importlib import import_module\nm = import_module(NAME)\n", "import_module"),
        ("import sys\nm = __import__('dtbench.plan.service')\n", "__import__"),
        ("import importlib.util\ns = importlib.util.find_spec('dtbench.plan')\n", "find_spec"),
        ("from dtbench.lazy import lazy_module\nm = lazy_module(f'dtbench.{x}')\n", "lazy_module"),
        ("from dtbench.lazy import lazy_module as load\nm = load(NAME)\n", "load"),
    ],
)
def test_the_string_loading_check_catches(tmp_path: Path, source: str, call: str) -> None:
    files = {**ALLOWED, "dtbench/ui/shell/features.py": source}
    problems = check_string_loading(_package(tmp_path, files))
    assert len(problems) == 1, problems
    assert problems[0].startswith(
        "dtbench/ui/shell/features.py:2: dtbench.ui.shell.features loads a module by string"
    )
    assert call in problems[0]
