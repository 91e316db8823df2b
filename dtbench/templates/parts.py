"""The parts of an engagement a template can carry (light: the CLI lists them in its help)."""

from __future__ import annotations

from typing import Final

PARTS: Final[tuple[str, ...]] = (
    "scope",
    "targets",
    "phases",
    "initiatives",
    "kpis",
    "strategy",
    "governance",
    "actions",
    "change_steps",
    "resistance",
    "organization",
    "culture",
    "notes",
)
ORG_CULTURE_PARTS: Final[tuple[str, ...]] = (
    "governance",
    "actions",
    "change_steps",
    "resistance",
    "organization",
    "culture",
)
# The client's vision and the engagement notes are usually about that client: off by default.
DEFAULT_PARTS: Final = frozenset(PARTS) - {"strategy", "notes"}
