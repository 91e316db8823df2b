"""The starter set of KPIs (resources/plan/kpi_starters.json), by the categories of 6.2.3 a."""

from __future__ import annotations

from functools import cache

import msgspec

from dtbench.guide.model import Text
from dtbench.paths import resource_path
from dtbench.plan import catalogue as cat
from dtbench.plan.records import Kpi


class StarterKpi(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    code: str
    category: str
    name: Text
    definition: Text
    unit: Text
    calculation: Text
    data_source: Text
    analysis: tuple[str, ...]
    frequency: str
    direction: str

    def to_kpi(self, lang: str) -> Kpi:
        """A KPI of the engagement, in its deliverable language."""
        return Kpi(
            category=self.category,
            name=self.name.get(lang),
            definition=self.definition.get(lang),
            unit=self.unit.get(lang),
            data_source=self.data_source.get(lang),
            calculation=self.calculation.get(lang),
            analysis=self.analysis,
            frequency=self.frequency,
            direction=self.direction,
            starter=self.code,
        )


class _Category(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    code: str
    name: Text
    guide_key: str


class _StarterFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    categories: tuple[_Category, ...]
    kpis: tuple[StarterKpi, ...]


@cache
def kpi_starters() -> tuple[StarterKpi, ...]:
    path = resource_path("plan", "kpi_starters.json")
    data = msgspec.json.decode(path.read_bytes(), type=_StarterFile)
    known = set(cat.codes(cat.KPI_CATEGORIES))
    for kpi in data.kpis:
        if kpi.category not in known:
            raise ValueError(f"{path}: {kpi.code}: unknown category {kpi.category!r}")
    return data.kpis
