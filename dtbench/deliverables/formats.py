"""How the documents write numbers, amounts and dates (light: no document library)."""

from __future__ import annotations

import re
from datetime import date

from dtbench.plan.money import amount


def language_tag(lang: str) -> str:
    """The language a deliverable's file properties name: zh-CN / en-US."""
    return "en-US" if lang == "en" else "zh-CN"


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def doc_date(value: date | None, lang: str) -> str:
    """A date as the document's reader writes it: 2026年12月4日 / 4 Dec 2026 ("—" if none)."""
    if value is None:
        return "—"
    if lang == "en":
        # no-break spaces: a date never wraps inside a table cell
        return f"{value.day}\u00a0{_MONTHS_EN[value.month - 1]}\u00a0{value.year}"
    return f"{value.year}年{value.month}月{value.day}日"


def fmt_number(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:.{decimals}f}"


def short_phase_name(name: str) -> str:
    """'一期：夯实基础、打通一厂' → '一期' (the label before a colon), for running text."""
    for colon in ("：", ": "):
        if colon in name:
            head = name.split(colon, 1)[0].strip()
            if head:
                return head
    return name.strip()


def target_phrase(text: str, zh: bool) -> str:
    """'≥97%' → '97%以上' / 'at least 97%'; '≤45分钟' → '45分钟以内' / 'at most 45分钟'."""
    text = text.strip()
    if text[:1] in "≥>":
        rest = text[1:].strip()
        return f"{rest}以上" if zh else f"at least {rest}"
    if text[:1] in "≤<":
        rest = text[1:].strip()
        return f"{rest}以内" if zh else f"at most {rest}"
    return text


_NUMBER_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
)
_ZH_DIGITS = "零一二三四五六七八九"


def number_word(n: int) -> str:
    """A count as English prose writes it: up to ten in words ('three'), then figures."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def chinese_number(n: int) -> str:
    """1–99 in Chinese numerals as Word's chineseCounting writes them (七, 十二, 二十);
    figures beyond."""
    if 0 <= n < 10:
        return _ZH_DIGITS[n]
    if 10 <= n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[ones] if ones else "")
    return str(n)


def count_words(n: int, lang: str) -> str:
    """A count as a sentence writes it: 十二项 / three (figures once English words grow)."""
    return number_word(n) if lang == "en" else chinese_number(n)


def fmt_money(value: float) -> str:
    """An amount in 万元 (CNY 10,000): whole when it is, else one decimal."""
    return amount(value, "zh")


def standard_reference(source: str, lang: str) -> str:
    """A term's source as the guide gives it ('GB/T 25486-2010，定义2.54', '…，有修改') in the
    document's language: 'GB/T 25486-2010, definition 2.54', '…, modified'."""
    if lang == "zh":
        return source
    text = source.replace("，有修改", ", modified").replace("，定义", ", definition ")
    return text.replace("定义", "definition ").replace("—", "-").replace("，", ", ")


# A range between two figures: 1—5 in Chinese (GB/T 15834 一字线), 1–5 in English. Whoever
# typed it (the consultant's 2–3天, a starter's 1～5分), the document writes one dash.
_RANGE = re.compile(r"(?<=\d)\s?[–—～~]\s?(?=\d)")


def range_dashes(text: str, lang: str) -> str:
    return _RANGE.sub("–" if lang == "en" else "—", text)


# Brackets inside brackets, "刘海峰（副总经理（生产））", read clumsily; the inner pair becomes
# commas: "刘海峰（副总经理，生产）".
_NESTED = {
    "zh": (re.compile(r"（([^（）]*)（([^（）]*)）([^（）]*)）"), "（", "）", "，"),
    "en": (re.compile(r"\(([^()]*)\(([^()]*)\)([^()]*)\)"), "(", ")", ", "),
}


def unnest_brackets(text: str, lang: str) -> str:
    """Brackets in brackets as commas; a formula ("weight × ((1 + gap)² − 1)") keeps its."""
    if any(sign in text for sign in "×÷=²＝"):
        return text
    pattern, opening, closing, comma = _NESTED["en" if lang == "en" else "zh"]

    def flat(found: re.Match[str]) -> str:
        head, inner, tail = found[1].rstrip(), found[2], found[3]
        if tail and tail[0] not in "，。；：、,.;:":
            tail = comma + tail.lstrip()
        return f"{opening}{head}{comma}{inner}{tail}{closing}"

    return pattern.sub(flat, text)
