"""The core stays free of Qt: every module outside dtbench/ui imports with PySide6 blocked."""

from __future__ import annotations

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
