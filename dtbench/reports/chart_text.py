"""Text in charts, measured and cut by display width (a CJK character is two columns wide),
with nothing of matplotlib: the application measures and labels with it too (a blueprint's
size, a phase's tag) without loading the drawing library."""

from __future__ import annotations

import math
import re
import unicodedata

from dtbench.input_rules import clean_text


def plain(text: object) -> str:
    """Caller text shown literally: '$' must not switch matplotlib into mathtext, and a
    control character pasted from Word is a line break or nothing, not a missing glyph."""
    return clean_text(str(text)).replace("$", r"\$")


def _char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Display width: a CJK character counts as two Latin characters."""
    return sum(_char_width(char) for char in text)


def truncate(text: str, width: int) -> str:
    """Text cut to ``width`` display columns, ending with '…' when it was cut."""
    text = " ".join(str(text).split())
    if text_width(text) <= width:
        return text
    out = ""
    for char in text:
        if text_width(out + char) > width - 1:
            break
        out += char
    return out.rstrip() + "…"


# Latin words and numbers stay whole; every CJK character may start a new line.
_TOKENS = re.compile(r"\s+|[0-9A-Za-z][0-9A-Za-z.,:;%/\-_+&'()]*|.")
# Punctuation that must not begin a line (Chinese line-breaking rules, simplified).
_NO_LINE_START = set("，。、；：？！）》」』】〕…,.;:?!)%")


def _greedy_lines(text: str, width: int) -> tuple[list[str], int]:
    """Lines of at most ``width`` columns, and how many words had to be split."""
    lines: list[str] = []
    current = ""
    splits = 0
    for token in _TOKENS.findall(text):
        if token.isspace():
            if current:
                current += " "
            continue
        while text_width(token) > width:  # a Latin word longer than a line: split it
            splits += 1
            room = width - text_width(current)
            head = ""
            for char in token:
                if text_width(head + char) > room:
                    break
                head += char
            if head:
                lines.append((current + head).rstrip())
                token = token[len(head) :]
            elif current.strip():
                lines.append(current.rstrip())
            else:  # a single character wider than the line
                head, token = token[0], token[1:]
                lines.append(head)
            current = ""
        fits = text_width(current + token) <= width
        if current.strip() and not fits and token not in _NO_LINE_START:
            lines.append(current.rstrip())
            current = token
        else:
            current += token
    if current.strip():
        lines.append(current.rstrip())
    return lines, splits


def wrap(text: str, width: int = 16, max_lines: int = 3) -> str:
    """Wrap by display width (16 ≈ 8 CJK characters); CJK text breaks between characters.

    Lines are balanced ("生产计划与/调度管理", not "生产计划与调度管/理") and at most
    ``max_lines`` are kept, the last one ending with '…' when text was cut.
    """
    clean = " ".join(str(text).split())
    width = max(int(width), 2)
    lines, splits = _greedy_lines(clean, width)
    if 1 < len(lines) <= max_lines:
        for narrower in range(math.ceil(text_width(clean) / len(lines)), width):
            candidate, more = _greedy_lines(clean, narrower)
            if len(candidate) == len(lines) and more == splits:
                lines = candidate
                break
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], truncate(rest, width)]
    return "\n".join(lines)
