"""Small pieces the Organization and culture tabs share: the guide's explanation of an option,
the sub-items of a guide item, a label without its mnemonic, a dimmed hint, the "now" /
"target" wording, and a record editor headed by plain labels."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from dtbench.guide import Text, load_guide
from dtbench.ui.kit.choices import guide_text
from dtbench.ui.plan.record_editor import RecordEditor

TRAILING = "；;。.，,：: "
_MNEMONIC = re.compile(r"\(&.\)|&(?=.)")


def explanation(key: str, lang: str) -> str:
    """The guide's text without its leading name ("行为改变。通过…" → "通过…")."""
    text = guide_text(key, lang)
    for mark in ("。", ". "):
        head, found, rest = text.partition(mark)
        if found and rest.strip() and len(head) <= (12 if mark == "。" else 40):
            return rest.strip()
    return text


def subitems_of(item_key: str) -> list[tuple[str, Text]]:
    """The sub-items of a guide item ("6.3.1.h" → its steps h.1–h.4): (key, text)."""
    clause_key = item_key.rsplit(".", 1)[0]
    for item in load_guide().clause(clause_key).items:
        if item.key == item_key:
            return [(s.key, s.text) for s in item.subitems]
    return []


def plain(text: str) -> str:
    """A label without its mnemonic ("来源(&S)" → "来源", "&Source" → "Source")."""
    return _MNEMONIC.sub("", text).replace("&&", "&").rstrip("：:")


def now_or_target(name: str, when: str) -> str:
    """Undo texts and accessible names: "Structure (now)", "Openness (target)"."""
    if when == "now":
        text = QCoreApplication.translate("OrgCultureParts", "%1 (now)")
    else:
        text = QCoreApplication.translate("OrgCultureParts", "%1 (target)")
    return text.replace("%1", name)


def hint_label(parent: QWidget) -> QLabel:
    """A wrapped explanatory text, dimmed but still easy to read."""
    label = QLabel(parent)
    label.setWordWrap(True)
    palette = label.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    mixed = QColor(
        (2 * text.red() + back.red()) // 3,
        (2 * text.green() + back.green()) // 3,
        (2 * text.blue() + back.blue()) // 3,
    )
    palette.setColor(QPalette.ColorRole.WindowText, mixed)
    label.setPalette(palette)
    return label


class PlainHeaderEditor(RecordEditor):
    """A RecordEditor whose column headers show the labels without their mnemonics."""

    def refresh(self) -> None:
        super().refresh()
        columns = [f for f in self.fields if f.column]
        self.table.setHorizontalHeaderLabels([plain(f.label) for f in columns])
