"""Any Python string made writable into an Office XML file.

XML 1.0 forbids most control characters (Word pastes U+000B for a manual line break, a
terminal pastes ESC or BEL) and lone surrogates; lxml and openpyxl refuse them and the
whole export fails. The writers (Word and Excel) pass every text through :func:`xml_text`:
vertical tab and form feed become line breaks, the rest of the forbidden characters go.
Text is cleaned at input too; this side is for old databases and any path that bypasses it.
"""

from __future__ import annotations

import re

# Line breaks in all their spellings, including the two Word and terminals paste.
_BREAKS = re.compile("\r\n|[\r\x0b\x0c]")
# What XML 1.0 cannot hold: C0 controls but tab and line feed, lone surrogates, U+FFFE/FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: object) -> str:
    """``value`` as text that XML can hold; nothing but forbidden characters is lost."""
    text = value if isinstance(value, str) else str(value)
    return _FORBIDDEN.sub("", _BREAKS.sub("\n", text))


def pieces(text: str, size: int) -> list[str]:
    """``text`` in consecutive pieces of at most ``size`` characters (one piece if short)."""
    if len(text) <= size:
        return [text]
    return [text[n : n + size] for n in range(0, len(text), size)]
