"""Stored times as the consultant's clock shows them."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone


def local_time(at: datetime | None) -> str:
    """A stored time (a naive one is UTC, as the store keeps them) in this computer's time
    zone, written the UI language's way; "" for none. History, the merge screen and the
    conflict dialog all show times through this, so they agree."""
    if at is None:
        return ""
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    utc = QDateTime(
        QDate(at.year, at.month, at.day),
        QTime(at.hour, at.minute, at.second),
        QTimeZone.utc(),
    )
    return QLocale().toString(utc.toLocalTime(), QLocale.FormatType.ShortFormat)
