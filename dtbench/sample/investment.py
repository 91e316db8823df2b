"""The sample engagement's investment and benefits (investment.json of the sample's folder): cost
lines by year and kind for each initiative, and the benefits expected of them.

The file names initiatives by the short ids of plan.json ("I02") and KPIs by their name; the
cost lines of each initiative add up to the budget plan.json gives it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dtbench.plan import service as plan
from dtbench.plan.records import Benefit, CostLine, from_data
from dtbench.store.database import Store


def add_sample_investment(
    store: Store, engagement: str, ids: Mapping[str, str], folder: Path
) -> None:
    """Add the cost lines and benefits of ``folder``; ``ids`` maps plan.json's ids to uuids."""
    data: dict[str, Any] = json.loads((folder / "investment.json").read_text(encoding="utf-8"))
    kpis = {k.record.name: k.uuid for k in plan.list_items(store, engagement, "kpi")}
    records: list[tuple[Any, str | None]] = []
    for entry in data.get("costs", []):
        fields = dict(entry, initiative=ids[entry["initiative"]])
        records.append((from_data(CostLine, fields), None))
    for entry in data.get("benefits", []):
        fields = dict(entry, initiative=ids[entry["initiative"]])
        fields["kpi"] = kpis.get(entry.get("kpi", ""), "")
        records.append((from_data(Benefit, fields), None))
    plan.add_items(store, engagement, records)
