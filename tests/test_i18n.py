"""Translations: complete, in step with the code, placeholders intact, compiled catalogue works."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "i18n" / "dtbench_zh_CN.ts"
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def _messages(path: Path) -> list[tuple[str, str, ElementTree.Element]]:
    root = ElementTree.parse(path).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def _translations(message: ElementTree.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    forms = [f.text or "" for f in node.iter("numerusform")]
    return forms or [node.text or ""]


def test_chinese_translation_is_complete_with_matching_placeholders() -> None:
    messages = _messages(TS)
    assert len(messages) > 100
    for context, source, message in messages:
        node = message.find("translation")
        assert node is not None
        assert node.get("type") not in ("unfinished", "obsolete", "vanished"), (context, source)
        for text in _translations(message):
            assert text.strip(), (context, source)
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                context,
                source,
                text,
            )
            if re.search(r"&\w", source):
                assert re.search(r"&\w", text), f"accelerator lost: {source} → {text}"


def _lupdate() -> str:
    exe = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    return exe


def test_catalogue_is_in_step_with_the_code(tmp_path: Path) -> None:
    """Every tr() string in the code is in the .ts (run lupdate on a copy and compare)."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(
        str(p) for p in (ROOT / "dtbench").rglob("*.py") if "migrations" not in p.parts
    )
    subprocess.run(
        [_lupdate(), *sources, "-ts", str(copy), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    fresh = {(c, s) for c, s, _m in _messages(copy)}
    committed = {(c, s) for c, s, _m in _messages(TS)}
    assert fresh - committed == set(), "strings missing from the .ts: run pyside6-lupdate"
    assert committed - fresh == set(), "obsolete strings left in the .ts"


def test_compiled_catalogue_translates(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from dtbench.paths import i18n_dir

    translator = QTranslator()
    assert translator.load(str(i18n_dir() / "dtbench_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        text = QCoreApplication.translate(
            "TrashDialog",
            "Delete %n engagement(s) in the trash for good? This cannot be undone.",
            "",
            3,
        )
        assert "3" in text and "回收站" in text
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("lang, expected", [("zh", "没有咨询项目。"), ("en", "No engagements.")])
def test_cli_messages_follow_the_language(lang: str, expected: str) -> None:
    from dtbench.messages import translate

    assert translate("cli", "No engagements.", lang) == expected
