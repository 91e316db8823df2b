"""The guide DB2102/T as typed, validated data (no Qt, no database)."""

from dtbench.guide.loader import GuideDataError, load_guide
from dtbench.guide.model import (
    Abbreviation,
    Area,
    Clause,
    Group,
    Guide,
    Item,
    SubItem,
    Term,
    Text,
)

__all__ = [
    "Abbreviation",
    "Area",
    "Clause",
    "Group",
    "Guide",
    "GuideDataError",
    "Item",
    "SubItem",
    "Term",
    "Text",
    "load_guide",
]
