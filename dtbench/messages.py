"""User language for the command line, and translation of core messages outside Qt.

The GUI translates through Qt (QTranslator). The CLI must not load Qt, so it reads the same
Qt Linguist source catalogue (i18n/*.ts) with the standard XML parser.
"""

from __future__ import annotations

import locale
import os
from functools import cache

from dtbench.paths import i18n_dir

CATALOGUES = {"zh": "dtbench_zh_CN.ts"}


def system_language() -> str:
    """'zh' for a Chinese system locale, else 'en' (DTBENCH_LANG overrides)."""
    forced = os.environ.get("DTBENCH_LANG", "")
    if forced in ("zh", "en"):
        return forced
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh" if code.lower().startswith(("zh", "chinese")) else "en"


@cache
def _catalogue(lang: str) -> dict[tuple[str, str], str]:
    from xml.etree import ElementTree

    name = CATALOGUES.get(lang)
    if name is None:
        return {}
    try:
        root = ElementTree.parse(i18n_dir() / name).getroot()
    except (OSError, ElementTree.ParseError):
        return {}
    table: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        ctx = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            if (
                node is not None
                and node.text
                and node.get("type") not in ("unfinished", "obsolete")
            ):
                table[(ctx, source)] = node.text
    return table


def translate(context: str, text: str, lang: str | None = None) -> str:
    """``text`` in ``lang`` (default: the system language), falling back to the source."""
    return _catalogue(lang or system_language()).get((context, text), text)
