"""How the documents write numbers, amounts and dates (light: no document library)."""

from __future__ import annotations

from datetime import date


def fmt_date(value: date | None) -> str:
    return value.isoformat() if value else "—"


def fmt_number(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:.{decimals}f}"


def fmt_money(value: float) -> str:
    """An amount in 万元 (CNY 10,000): whole when it is, else one decimal."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
