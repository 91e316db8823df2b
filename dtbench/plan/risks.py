"""The project risk register: a risk's score and level (probability × impact on 1–5 scales),
the register in the order a reader wants it (worst first), and its checks.

The levels are the usual ones of a 5 × 5 matrix: a score of 15 or more is high, 8 to 12
medium, 6 or less low (7 cannot occur). Checks follow :mod:`dtbench.plan.checks`: each
problem is a message in the user's language naming the risk it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from dtbench.errors import QT_TRANSLATE_NOOP
from dtbench.guide.model import Text
from dtbench.plan import catalogue as cat
from dtbench.plan.checks import Problem
from dtbench.plan.records import PlanItem, Risk

HIGH: Final = 15  # lowest score of a high risk
MEDIUM: Final = 8  # lowest score of a medium risk
LEVELS: Final[tuple[str, ...]] = ("high", "medium", "low")
LEVEL_NAMES: Final[dict[str, Text]] = {
    "high": Text("高", "High"),
    "medium": Text("中", "Medium"),
    "low": Text("低", "Low"),
}

NO_RESPONSE = QT_TRANSLATE_NOOP(
    "PlanCheck", "“%1” is a high risk (%2) with no response: say how it is to be handled."
)
NO_OWNER = QT_TRANSLATE_NOOP(
    "PlanCheck", "“%1” is a high risk (%2) with no owner: name who answers for it."
)
UNKNOWN_INITIATIVE = QT_TRANSLATE_NOOP(
    "PlanCheck", "“%1” concerns an initiative that no longer exists."
)


def validate_risk(record: Risk) -> None:
    """Refuse a risk without a description or with values outside the catalogue or scale."""
    if not record.risk.strip():
        raise ValueError("a risk needs a description")
    if record.category not in cat.codes(cat.RISK_CATEGORIES):
        raise ValueError(
            f"category must be one of {', '.join(cat.codes(cat.RISK_CATEGORIES))}, "
            f"not {record.category!r}"
        )
    if record.status not in cat.codes(cat.RISK_STATUSES):
        raise ValueError(
            f"status must be one of {', '.join(cat.codes(cat.RISK_STATUSES))}, "
            f"not {record.status!r}"
        )
    low, high = cat.RISK_SCALE
    for name in ("probability", "impact"):
        value = getattr(record, name)
        if not low <= value <= high:
            raise ValueError(f"{name} must be {low}–{high}")


def score(risk: Risk) -> int:
    """Probability × impact, 1–25."""
    return risk.probability * risk.impact


def level(risk: Risk) -> str:
    """ "high", "medium" or "low" by the risk's score."""
    value = score(risk)
    return "high" if value >= HIGH else "medium" if value >= MEDIUM else "low"


def number_of(n: int) -> str:
    """The short label of the n-th risk (0-based) of the register, on the chart and in tables:
    R-01… (the register's own order, so a risk keeps its number when its score changes)."""
    return f"R-{n + 1:02d}"


def ranked(items: Sequence[PlanItem]) -> list[tuple[str, PlanItem]]:
    """(number, item) of each risk, the highest score first; closed risks after the others,
    ties in the register's order."""
    numbered = [(number_of(n), item) for n, item in enumerate(items)]
    return sorted(
        numbered,
        key=lambda pair: (pair[1].record.status == "closed", -score(pair[1].record)),
    )


def short(text: str, width: int = 30) -> str:
    """A risk named in a message: its first ``width`` characters (a description may be long)."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def check_risks(risks: Sequence[PlanItem], initiatives: Iterable[PlanItem]) -> list[Problem]:
    """High risks still open need a response and an owner; the initiatives a risk concerns
    must exist."""
    known = {i.uuid for i in initiatives}
    problems: list[Problem] = []
    for item in risks:
        risk: Risk = item.record
        name = short(risk.risk)
        shown = f"{risk.probability} × {risk.impact}"
        if level(risk) == "high" and risk.status != "closed":
            if not risk.response.strip():
                problems.append(Problem(NO_RESPONSE, (name, shown), item.uuid))
            if not risk.owner.strip():
                problems.append(Problem(NO_OWNER, (name, shown), item.uuid))
        if any(u not in known for u in risk.initiatives):
            problems.append(Problem(UNKNOWN_INITIATIVE, (name,), item.uuid))
    return problems
