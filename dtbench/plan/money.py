"""How an amount is written. Budgets, costs and benefits are kept in 万元 (CNY 10,000), the unit
Chinese plans count in; English readers count in millions, so an English document writes
1,094 万元 as "CNY 10.94 million" and a table column of them in CNY million."""

from __future__ import annotations


def amount(value: float, lang: str) -> str:
    """A figure in a table: 万元 in Chinese (thousands separated, at most one decimal),
    CNY million in English (two decimals)."""
    if lang == "en":
        return f"{value / 100:,.2f}"
    value = round(value, 1)
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def money(value: float, lang: str) -> str:
    """An amount in running text: '1,094万元' / 'CNY 10.94 million'."""
    if lang == "en":
        return f"CNY {amount(value, lang)} million".replace(".00 million", " million")
    return f"{amount(value, lang)}万元"


def scale(lang: str) -> float:
    """The factor from 万元 to the unit a table or chart in ``lang`` shows."""
    return 0.01 if lang == "en" else 1.0
