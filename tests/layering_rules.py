"""The import rules of dtbench, checked on the source with ``ast`` (nothing is imported).

``scan`` reads every module of a package folder and records each import it makes: ``import``
and ``from … import`` anywhere in the module (at module level and inside functions), and
``lazy_module("dotted.name")`` with a literal name. The ``check_*`` functions return one
message per broken rule, naming the importing file and line, the imported module and the rule,
so that whoever meets one knows where to look and what to do.

The rules (dtbench/ARCHITECTURE.md explains them):

* **Core layers.** Each top-level part of dtbench has a level; a module imports only its own
  level or lower, and parts on the same level (above level 0) do not import each other.
* **UI folders.** ``dtbench/ui`` is split by feature: ``kit`` (shared pieces) imports no other
  UI folder, ``diagnosis`` only ``kit``, ``plan`` ``kit`` and ``diagnosis``, ``exchange`` and
  ``team`` those three; ``shell`` and ``app`` may import anything in the UI. No core module
  imports the UI but the CLI and the launcher, which start it. Every UI module but
  ``__init__`` and ``app`` lives in one of the six folders.
* **No import circles** between modules (imports under ``if TYPE_CHECKING:`` are ignored here:
  they never run).
* **Nothing loaded by string**: no ``importlib.import_module``, ``__import__``, ``find_spec`` …
  nor ``lazy_module`` with a computed name, so that every dependency is visible to a reader
  and to these checks (``dtbench/lazy.py``, which implements ``lazy_module``, is exempt).
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = "dtbench"

# Level of each top-level part of dtbench ("dtbench" itself is the package's __init__).
LAYERS: dict[str, int] = {
    "dtbench": 0,
    "errors": 0,
    "paths": 0,
    "messages": 0,
    "input_rules": 0,
    "atomic_files": 0,
    "lazy": 0,
    "store": 1,
    "guide": 2,
    "engagement": 3,
    "diagnosis": 4,
    "plan": 5,
    "reports": 6,
    "deliverables": 7,
    "questionnaire": 8,
    "templates": 8,
    "transfer": 8,
    "sample": 8,
    "team": 9,  # a firm's server: access, history, sync, presence, benchmark
    "ui": 10,  # the windows; started by the CLI, which the UI never imports
    "cli": 11,
    "launcher": 12,  # entry points: they run the CLI
    "__main__": 12,
}
# Level 0 holds single small modules (errors, messages, paths …) that may use each other.
SHARED_LEVEL = 0
# Core parts that may import the UI: they start it.
UI_STARTERS = frozenset({"cli", "launcher"})

# Folders of dtbench/ui and the other folders each may import ("*": any).
UI_FOLDERS: dict[str, frozenset[str] | None] = {
    "kit": frozenset(),
    "diagnosis": frozenset({"kit"}),
    "plan": frozenset({"kit", "diagnosis"}),
    "exchange": frozenset({"kit", "diagnosis", "plan"}),
    "team": frozenset({"kit", "diagnosis", "plan"}),
    "shell": None,
}
UI_TOP_MODULES = frozenset({"__init__", "app"})  # the only files allowed directly in dtbench/ui
UI_ANYTHING = frozenset({"shell", "app"})  # may import any UI folder

# Calls that load a module named by a string (``lazy_module`` only with a non-literal name).
STRING_LOADERS = frozenset(
    {"import_module", "__import__", "find_spec", "module_from_spec", "spec_from_file_location"}
)
LAZY = "lazy_module"
STRING_LOADING_EXEMPT = frozenset({"dtbench.lazy"})


@dataclass(frozen=True)
class Import:
    """One import of one module by another, where the source says it."""

    importer: str
    file: str  # path of the importing file, relative to the scanned folder
    line: int
    imported: str
    type_checking: bool  # under ``if TYPE_CHECKING:``: never runs

    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class StringLoad:
    """A call that loads a module named by a string."""

    module: str
    file: str
    line: int
    call: str


@dataclass
class Graph:
    """The modules of a package and the imports between them."""

    modules: dict[str, str] = field(default_factory=dict)  # module name → relative file
    imports: list[Import] = field(default_factory=list)
    string_loads: list[StringLoad] = field(default_factory=list)


def module_name(relative: Path) -> str:
    """``dtbench/store/database.py`` → ``dtbench.store.database``; an ``__init__`` → its package."""
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def scan(root: Path, package: str = PACKAGE) -> Graph:
    """Read every module under ``root/package`` and record its imports (within ``package``)."""
    graph = Graph()
    trees: dict[str, tuple[ast.Module, str, bool]] = {}
    for path in sorted((root / package).rglob("*.py")):
        relative = path.relative_to(root)
        name = module_name(relative)
        graph.modules[name] = relative.as_posix()
        trees[name] = (
            ast.parse(path.read_text(encoding="utf-8"), filename=str(path)),
            relative.as_posix(),
            path.name == "__init__.py",
        )
    for name, (tree, file, is_package) in trees.items():
        visitor = _Visitor(graph, name, file, is_package, package)
        visitor.visit(tree)
    return graph


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal_argument(call: ast.Call) -> str | None:
    """The name in ``f("dotted.name")``; None when the argument is computed."""
    if len(call.args) == 1 and not call.keywords:
        argument = call.args[0]
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            return argument.value
    return None


class _Visitor(ast.NodeVisitor):
    def __init__(self, graph: Graph, module: str, file: str, is_package: bool, package: str):
        self.graph = graph
        self.module = module
        self.file = file
        self.is_package = is_package
        self.package = package
        self.type_checking = False
        self.seen: set[Import] = set()
        self.aliases: dict[str, str] = {}  # ``from importlib import import_module as load``

    def _add(self, imported: str, node: ast.stmt | ast.expr) -> None:
        if imported != self.package and not imported.startswith(self.package + "."):
            return  # the standard library or a third-party package
        found = Import(self.module, self.file, node.lineno, imported, self.type_checking)
        if found not in self.seen:  # ``from x import a, b`` is one import of x
            self.seen.add(found)
            self.graph.imports.append(found)

    def visit_If(self, node: ast.If) -> None:
        if not _is_type_checking(node.test):
            self.generic_visit(node)
            return
        self.visit(node.test)
        outer, self.type_checking = self.type_checking, True
        for child in node.body:
            self.visit(child)
        self.type_checking = outer
        for child in node.orelse:
            self.visit(child)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:  # relative: count from this module's package
            parts = self.module.split(".")
            if not self.is_package:
                parts.pop()
            parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join(parts + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        for alias in node.names:
            if alias.asname and alias.name in STRING_LOADERS | {LAZY}:
                self.aliases[alias.asname] = alias.name
            submodule = f"{base}.{alias.name}"
            # ``from pkg import name`` imports the submodule pkg.name when there is one.
            self._add(submodule if submodule in self.graph.modules else base, node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node.func)
        name = self.aliases.get(name, name) if name else name
        literal = _literal_argument(node)
        if name == LAZY and literal is not None:
            self._add(literal, node)
        elif (name == LAZY or name in STRING_LOADERS) and self.module not in STRING_LOADING_EXEMPT:
            self.graph.string_loads.append(
                StringLoad(self.module, self.file, node.lineno, ast.unparse(node.func))
            )
        self.generic_visit(node)


# ---------------------------------------------------------------- the rules
def part(module: str) -> str:
    """The top-level part of dtbench a module belongs to: ``dtbench.store.x`` → ``store``."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else pieces[0]


def ui_folder(module: str) -> str | None:
    """``dtbench.ui.plan.roadmap_page`` → ``plan``; ``dtbench.ui.app`` → ``app``; core → None."""
    pieces = module.split(".")
    if len(pieces) < 2 or pieces[1] != "ui":
        return None
    return pieces[2] if len(pieces) > 2 else "__init__"


def _level_names(level: int) -> str:
    return ", ".join(sorted(p for p, lv in LAYERS.items() if lv <= level))


def check_layers(graph: Graph) -> list[str]:
    """Each import goes to the importer's level or lower, and not sideways between parts."""
    problems = []
    unplaced = sorted({part(m) for m in graph.modules} - set(LAYERS))
    for name in unplaced:
        files = sorted(f for m, f in graph.modules.items() if part(m) == name)
        problems.append(
            f"{files[0]}: '{name}' has no place in the layer order: add it to LAYERS in "
            "tests/layering_rules.py (the level of the highest part it imports, or above) and "
            "to the architecture notes"
        )
    for imp in graph.imports:
        source, target = part(imp.importer), part(imp.imported)
        if source == target or source not in LAYERS or target not in LAYERS:
            continue  # a part without a level is reported above
        if target == "ui":
            continue  # the UI's own rule (check_ui_folders)
        low, high = LAYERS[target], LAYERS[source]
        if low > high:
            problems.append(
                f"{imp.where()}: {imp.importer} (layer {high}, '{source}') imports "
                f"{imp.imported} (layer {low}, '{target}'): a module may import only its own "
                f"layer or lower (here: {_level_names(high)}); move what both need down to "
                f"'{source}' or lower, or move the importing code up to '{target}' or above"
            )
        elif low == high and low != SHARED_LEVEL:
            problems.append(
                f"{imp.where()}: {imp.importer} ('{source}') imports {imp.imported} "
                f"('{target}'): both are on layer {low}, and parts on the same layer do not "
                "import each other; move the shared code to a lower layer"
            )
    return problems


def check_ui_folders(graph: Graph) -> list[str]:
    """The UI folders import only the folders below them; every UI module is in a folder."""
    problems = []
    for module, file in graph.modules.items():
        folder = ui_folder(module)
        if folder is not None and folder not in UI_FOLDERS and folder not in UI_TOP_MODULES:
            problems.append(
                f"{file}: {module} is not in one of the UI folders "
                f"({', '.join(UI_FOLDERS)}); move it into the folder of its feature "
                "(kit for pieces shared by several features)"
            )
    for imp in graph.imports:
        source, target = ui_folder(imp.importer), ui_folder(imp.imported)
        if source is None and target is not None and part(imp.importer) not in UI_STARTERS:
            problems.append(
                f"{imp.where()}: {imp.importer} imports {imp.imported}: the core never imports "
                "the user interface (only the CLI and the launcher start it); move the code "
                "into dtbench/ui, or pass what the core needs in as an argument"
            )
            continue
        if source is None or target is None or source == target or source in UI_ANYTHING:
            continue
        if target == "__init__":
            continue  # dtbench/ui/__init__.py holds nothing but its docstring
        allowed = UI_FOLDERS.get(source)
        if source == "__init__":
            allowed = frozenset()
        if allowed is None or target in allowed:
            continue
        rule = (
            f"ui/{source} may import only {', '.join(sorted(allowed))}"
            if allowed
            else f"ui/{source} imports no other UI folder"
        )
        problems.append(
            f"{imp.where()}: {imp.importer} (ui/{source}) imports {imp.imported} "
            f"(ui/{target}): {rule}; move the shared piece into ui/kit, or let the shell "
            "connect the two features"
        )
    return problems


def _components(nodes: list[str], edges: dict[str, set[str]]) -> Iterator[list[str]]:
    """Strongly connected components (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    counter = 0
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    yield sorted(component)


def _shortest_circle(component: list[str], edges: dict[str, set[str]]) -> list[str]:
    """The shortest way round inside a strongly connected component: [a, b, …, a]."""
    members = set(component)
    best: list[str] = []
    for start in component:  # breadth first from each member back to itself
        came_from: dict[str, str] = {}
        frontier = [start]
        found = False
        while frontier and not found:
            following = []
            for node in frontier:
                for child in sorted(edges.get(node, set()) & members):
                    if child == start:
                        came_from[start] = node
                        found = True
                        break
                    if child not in came_from:
                        came_from[child] = node
                        following.append(child)
                if found:
                    break
            frontier = following
        if not found:
            continue
        path = [start]
        node = came_from[start]
        while node != start:
            path.append(node)
            node = came_from[node]
        path.append(start)
        path.reverse()
        if not best or len(path) < len(best):
            best = path
    return best


def check_cycles(graph: Graph) -> list[str]:
    """No two modules depend on each other, however long the way round."""
    edges: dict[str, set[str]] = {}
    first: dict[tuple[str, str], Import] = {}
    for imp in graph.imports:
        if imp.type_checking or imp.importer == imp.imported:
            continue
        edges.setdefault(imp.importer, set()).add(imp.imported)
        first.setdefault((imp.importer, imp.imported), imp)
    problems = []
    for component in _components(sorted(graph.modules), edges):
        if len(component) < 2:
            continue
        circle = _shortest_circle(component, edges)
        steps = [
            f"  {first[(a, b)].where()}: {a} imports {b}" for a, b in itertools.pairwise(circle)
        ]
        tied = (
            f"  ({len(component)} modules are tied together through it: "
            + (", ".join(component) if len(component) <= 8 else ", ".join(component[:8]) + ", …")
            + ")\n"
            if len(component) > len(circle) - 1
            else ""
        )
        problems.append(
            "import circle: "
            + " → ".join(circle)
            + "\n"
            + "\n".join(steps)
            + "\n"
            + tied
            + "  break it: move what both sides need into a lower module, or pass it in as an "
            "argument"
        )
    return problems


def check_string_loading(graph: Graph) -> list[str]:
    """Modules are imported by name in the source, never loaded from a string."""
    return [
        f"{load.file}:{load.line}: {load.module} loads a module by string ({load.call}(…)); "
        'import it with an import statement (or lazy_module("dtbench.…") with a literal '
        "name) so that readers and tests/test_layering.py see the dependency"
        for load in graph.string_loads
    ]
