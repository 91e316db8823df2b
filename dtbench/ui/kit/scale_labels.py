"""Display names and colours of answer statuses and maturity levels in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor

from dtbench.diagnosis.scale import LEVELS, STATUS_NAMES, level


def ui_language() -> str:
    """The language guide content is shown in: the UI language."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def status_label(status: str) -> str:
    return STATUS_NAMES[status].get(ui_language())


# Status colours: readable on light backgrounds and distinguishable without colour
# (the status is always written out as well).
STATUS_COLOURS = {
    "met": QColor("#2e7d32"),
    "partly": QColor("#b26a00"),
    "not_met": QColor("#c62828"),
    "na": QColor("#616161"),
    "": QColor("#9e9e9e"),
}
STATUS_BACKGROUNDS = {
    "met": QColor("#e8f5e9"),
    "partly": QColor("#fff3e0"),
    "not_met": QColor("#ffebee"),
    "na": QColor("#f0f0f0"),
}
PROGRESS_COLOURS = {
    "none": QColor("#bdbdbd"),
    "partial": QColor("#f0a030"),
    "done": QColor("#43a047"),
}


def level_label(number: int | None) -> str:
    if number is None:
        return QCoreApplication.translate("Diagnosis", "Not set")
    return f"{number} {level(number).name.get(ui_language())}"


def level_description(number: int | None) -> str:
    if number is None:
        return ""
    return level(number).description.get(ui_language())


__all__ = ["LEVELS", "level_description", "level_label", "status_label"]
