"""Table column widths that never split a word or a number.

A table is written with the widths its section chose; a column too narrow for its longest
unbreakable piece ("MES", "I-06", "2026-03-01", "95%", "Coverage") makes Word and LibreOffice
break the piece mid-word ("ME/S", "Coverag/e"). Here each column gets at least the width of
its longest piece, taken from the columns that have room to spare; the table keeps its total
width. Chinese text breaks between any two characters, so only Latin letters, digits and
their punctuation form pieces, and a Chinese date (2026年7月1日) is kept on one line.

Widths are estimated from character classes of a sans-serif or Song face at the table's
size, with a margin; the estimate errs wide (a column a little wider than needed costs
nothing, a split word is what the reader notices).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

PT_TWIPS = 20  # twips per point
CELL_MARGINS_TWIPS = 85 * 2 + 20  # left and right cell margins, and a little air
_PIECE = re.compile(
    r"\d{4}年\d{1,2}月(?:\d{1,2}日)?"  # a Chinese date reads as one piece: 2026年7月1日
    r"|[^ \t\r\n\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+"
)
_NARROW = set("il.,:;'!|()[]{}ijtfr-/·")
_WIDE = set("mwMW@%")


def char_em(ch: str) -> float:
    """A character's advance in em (1 em = the font size)."""
    if ch in _WIDE:
        return 0.88
    if ch in _NARROW:
        return 0.34
    if ch.isdigit():
        return 0.56
    if ch.isupper():
        return 0.7
    if ch.isascii():
        return 0.56
    return 1.0  # anything else (≥, ±, CJK punctuation met inside a piece): a full em


# a line may break after a hyphen before a letter ("machining-/centre", not "I-/06") and
# after a dash ("August–/September")
_BREAK_AFTER = re.compile(r"(?<=-)(?=[A-Za-z])|(?<=[–—/])")


def pieces(text: str) -> list[str]:
    """The unbreakable pieces of a cell's text."""
    return [part for piece in _PIECE.findall(text) for part in _BREAK_AFTER.split(piece) if part]


def piece_twips(piece: str, size_pt: float, *, bold: bool = False) -> int:
    em = sum(char_em(ch) for ch in piece)
    # Word and LibreOffice put a quarter-em of air between Chinese and Latin or digits
    kinds = [ch.isascii() for ch in piece]
    em += 0.25 * sum(1 for a, b in pairwise(kinds) if a != b)
    em *= 1.08 if bold else 1.0
    return round(em * size_pt * PT_TWIPS)


def fit(
    widths: Sequence[int],
    cells: Sequence[Sequence[tuple[str, bool]]],
    size_pt: float,
) -> list[int]:
    """Column widths (twips) giving every column room for its longest piece.

    ``cells`` is, per column, the (text, bold) of each cell that sits in that column alone
    (cells spanning columns are left out). Width comes from the columns with most room to
    spare; when the table cannot hold every piece, as many columns as possible get theirs."""
    need = []
    for column in cells:
        longest = 0
        for text, bold in column:
            for piece in pieces(text):
                longest = max(longest, piece_twips(piece, size_pt, bold=bold))
        need.append(longest + CELL_MARGINS_TWIPS if longest else 0)
    out = list(widths)
    slack = {i: w - n for i, (n, w) in enumerate(zip(need, widths, strict=True)) if w > n}
    spare = sum(slack.values())
    # widen the columns that lack least first: when the table cannot hold every piece, as
    # many columns as possible are whole
    granted = 0
    for i in sorted(
        (i for i in range(len(out)) if need[i] > out[i]), key=lambda i: need[i] - out[i]
    ):
        deficit = need[i] - out[i]
        if granted + deficit > spare:
            break
        out[i] = need[i]
        granted += deficit
    if not granted:
        return out
    for i, room in slack.items():  # give up room in proportion to the room each has
        out[i] = widths[i] - round(room * granted / spare)
    out[-1] += sum(widths) - sum(out)  # rounding: the table keeps its width
    return out
