"""Guide texts and option sets shown in the UI language (shared by the plan pages)."""

from __future__ import annotations

from functools import cache

from dtbench.guide import load_guide
from dtbench.guide.model import Text
from dtbench.plan import catalogue as cat
from dtbench.ui.kit.scale_labels import ui_language


@cache
def _guide_texts() -> dict[str, Text]:
    """Every clause purpose, item and sub-item text of the guide by key."""
    texts: dict[str, Text] = {}
    for clause in load_guide().clauses():
        texts[clause.key] = clause.purpose
        for point in clause.checkpoints():
            texts[point.key] = point.text
    return texts


def guide_text(key: str, lang: str) -> str:
    """The text of a guide clause (its purpose), item or sub-item; "" for an unknown key."""
    text = _guide_texts().get(key)
    return "" if text is None else text.get(lang)


def option_pairs(options: tuple[cat.Option, ...]) -> list[tuple[str, str]]:
    """(code, label in the UI language) of each option, for combo boxes and lists."""
    lang = ui_language()
    return [(o.code, o.label.get(lang)) for o in options]
