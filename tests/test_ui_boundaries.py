"""Feature code talks to the application through the narrow shell protocol
(``dtbench.ui.kit.shell.Shell``): outside ``dtbench/ui/shell`` no module names the main window
or the workspace, and none reaches into another object's private members (``window._db()``,
``session._items``…)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "dtbench" / "ui"
SHELL_ONLY = ("MainWindow", "Workspace")


def _own_names(tree: ast.AST) -> set[str]:
    """Private names a module defines itself (its functions, classes and attributes)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def boundary_problems(path: Path, source: str) -> list[str]:
    """Where ``source`` (a module outside the shell) crosses the shell's boundary."""
    tree = ast.parse(source)
    own = _own_names(tree)
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            name = node.attr
            value = node.value
            if not name.startswith("_") or name.startswith("__") or name in own:
                continue
            if isinstance(value, ast.Name) and value.id in ("self", "cls"):
                continue
            problems.append(
                f"{path}:{node.lineno}: reaches into a private member ({ast.unparse(node)}); "
                "ask the shell (dtbench.ui.kit.shell.Shell) or the object's public methods"
            )
        elif isinstance(node, ast.Name | ast.alias):
            name = node.id if isinstance(node, ast.Name) else node.name.rsplit(".", 1)[-1]
            if name in SHELL_ONLY:
                problems.append(
                    f"{path}:{node.lineno}: names {name}, which only the shell may use; "
                    "take a Shell instead"
                )
    return problems


def test_feature_code_uses_only_the_shell_protocol() -> None:
    problems = []
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[2] in ("shell", "app.py"):
            continue
        problems += boundary_problems(relative, path.read_text(encoding="utf-8"))
    assert problems == []


def test_the_boundary_check_catches_what_the_shell_protocol_forbids() -> None:
    source = (
        "from dtbench.ui.shell.main_window import MainWindow\n"
        "def export(window):\n"
        "    store = window._db()\n"
        "    window.workspace.session._items.clear()\n"
        "class Mine:\n"
        "    def __init__(self):\n"
        "        self._cache = {}\n"
        "    def merge(self, other: 'Mine'):\n"
        "        return other._cache\n"  # its own class's member: allowed
    )
    problems = boundary_problems(Path("feature.py"), source)
    assert len(problems) == 3, problems
    assert "names MainWindow" in problems[0]
    assert "window._db" in problems[1] and "session._items" in problems[2]
