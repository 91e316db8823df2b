"""Translated display names for stored codes (status, size bands, languages)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_KEY_SUFFIX = re.compile(r"\s*[(（]&[^)）][)）]")  # Chinese style: "地区(&G)"


def without_access_key(label: str) -> str:
    """A label as a name in running text (an undo step, a column title): without its access
    key ("Re&gion:" → "Region", "地区(&G)：" → "地区"); "&&" stays one "&"."""
    text = _KEY_SUFFIX.sub("", label)
    return re.sub(r"&(.)", r"\1", text).rstrip(":：").strip()


def bracketed(text: str, note: str, lang: str) -> str:
    """ "数字化转型战略（6.1.2）", "Digital transformation strategy (6.1.2)": brackets and
    spaces of the text's language."""
    return f"{text}（{note}）" if lang == "zh" else f"{text} ({note})"


def separator(lang: str) -> str:
    """Between the items of a list in running text: "、" in Chinese, ", " in English."""
    return "、" if lang == "zh" else ", "


def status_label(code: str) -> str:
    return {
        "draft": QCoreApplication.translate("Labels", "Draft"),
        "active": QCoreApplication.translate("Labels", "Active"),
        "delivered": QCoreApplication.translate("Labels", "Delivered"),
        "archived": QCoreApplication.translate("Labels", "Archived"),
    }.get(code, code)


def employee_band_label(code: str) -> str:
    return {
        "": QCoreApplication.translate("Labels", "Not set"),
        "lt20": QCoreApplication.translate("Labels", "Fewer than 20 employees"),
        "20-299": QCoreApplication.translate("Labels", "20–299 employees"),
        "300-999": QCoreApplication.translate("Labels", "300–999 employees"),
        "ge1000": QCoreApplication.translate("Labels", "1,000 employees or more"),
    }.get(code, code)


def revenue_band_label(code: str) -> str:
    return {
        "": QCoreApplication.translate("Labels", "Not set"),
        "lt3m": QCoreApplication.translate("Labels", "Under CNY 3 million"),
        "3m-20m": QCoreApplication.translate("Labels", "CNY 3–20 million"),
        "20m-400m": QCoreApplication.translate("Labels", "CNY 20–400 million"),
        "ge400m": QCoreApplication.translate("Labels", "CNY 400 million or more"),
    }.get(code, code)


def language_label(code: str) -> str:
    return {
        "zh": QCoreApplication.translate("Labels", "Chinese"),
        "en": QCoreApplication.translate("Labels", "English"),
    }.get(code, code)
