"""English is written with English punctuation (issue 16, point 5): no "，" or "（" in an English
UI string, nor in a text the UI builds (a list joined with "、" under the English UI)."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CJK_PUNCTUATION = re.compile("[，。：；（）、！？【】《》]")
# normalising what the consultant typed or the guide holds (trailing "。", a "，" typed for a
# ","), not text shown: the Chinese marks are what is looked for
# the guide's own title, quoted in Chinese in the bilingual About box
PROPER_NAMES = ("《企业数字化转型实施指南》",)
NORMALISING = {"rstrip", "lstrip", "strip", "replace", "split", "startswith", "endswith"}


def test_english_source_strings_have_no_chinese_punctuation() -> None:
    tree = ET.parse(ROOT / "i18n" / "dtbench_zh_CN.ts")
    wrong = [
        source.text
        for source in tree.iter("source")
        if source.text and CJK_PUNCTUATION.search(source.text)
    ]
    assert wrong == [], wrong


def _chinese_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether the text ``node`` is used only for Chinese, or to read input, not shown."""
    child, parent = node, parents.get(node)
    while parent is not None:
        if isinstance(parent, (ast.IfExp, ast.If)) and "'zh'" in ast.unparse(parent.test):
            return parent.test is not child and (
                child is parent.body
                if isinstance(parent, ast.IfExp)
                else child in parent.body  # the Chinese branch
            ) == ("==" in ast.unparse(parent.test))
        if isinstance(parent, ast.Call):
            func = parent.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in NORMALISING and child is not func:
                return True
            if name in ("compile", "sub", "search", "match", "fullmatch") and child is not func:
                return True
        if isinstance(parent, ast.Compare) or (
            isinstance(parent, ast.For) and child is parent.iter
        ):
            return True  # looked for in what was typed
        if isinstance(parent, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id.isupper() for t in parent.targets
        ):
            return True  # a module's constant of marks to strip (TRAILING)
        if isinstance(parent, (ast.FunctionDef, ast.ClassDef, ast.Module)):
            return False
        child, parent = parent, parents.get(parent)
    return False


def test_texts_built_by_the_ui_use_the_languages_punctuation() -> None:
    wrong: list[str] = []
    for path in sorted((ROOT / "dtbench" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if not CJK_PUNCTUATION.search(node.value):
                continue
            if isinstance(parents.get(node), ast.Expr):
                continue  # a docstring
            if any(name in node.value for name in PROPER_NAMES):
                continue
            if not _chinese_only(node, parents):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert wrong == [], "\n".join(wrong)
