"""The sample engagement's plan (plan.json of the sample's folder): strategy, phases, initiatives,
KPIs, governance, actions, change steps, resistance register, organization and culture.

In the file, phases and initiatives carry short ids ("P1", "I03") that other records use to
refer to them; they become the stored items' uuids' references here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec

from dtbench.plan import service as plan
from dtbench.plan.records import ITEM_KINDS, VALUE_KINDS, from_data
from dtbench.sample.blueprint import add_sample_blueprint
from dtbench.sample.findings import add_sample_findings
from dtbench.sample.interviews import add_sample_interviews
from dtbench.sample.investment import add_sample_investment
from dtbench.sample.risks import add_sample_risks
from dtbench.store.database import Store

LIST_SECTIONS = {
    "governance": "governance",
    "actions": "action",
    "change_steps": "change_step",
    "resistance": "resistance",
    "fieldwork": "fieldwork",
    "next_steps": "next_step",
}


def add_sample_plan(store: Store, engagement: str, folder: Path) -> None:
    """Add the plan of ``folder`` (``demo_folder(language)``) and what hangs off it."""
    data: dict[str, Any] = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    for name, kind_type in VALUE_KINDS.items():
        if name in data:
            plan.set_value(store, engagement, name, from_data(kind_type, data[name]))
    ids: dict[str, str] = {}
    for entry in data.get("phases", []):
        fields = {k: v for k, v in entry.items() if k != "id"}
        item = plan.add_item(store, engagement, from_data(ITEM_KINDS["phase"], fields))
        ids[entry["id"]] = item.uuid
    added: list[tuple[str, list[str]]] = []
    for entry in data.get("initiatives", []):
        fields = {k: v for k, v in entry.items() if k not in ("id", "depends_on")}
        fields["phase"] = ids.get(fields.get("phase", ""), "")
        item = plan.add_item(store, engagement, from_data(ITEM_KINDS["initiative"], fields))
        ids[entry["id"]] = item.uuid
        added.append((item.uuid, list(entry.get("depends_on", []))))
    for uuid, depends_on in added:  # dependencies once every initiative has its uuid
        if depends_on:
            current = next(
                i.record for i in plan.list_items(store, engagement, "initiative") if i.uuid == uuid
            )
            deps = tuple(ids[d] for d in depends_on)
            plan.update_item(store, uuid, msgspec.structs.replace(current, depends_on=deps))
    for entry in data.get("kpis", []):
        fields = dict(entry)
        fields["targets"] = {ids[p]: t for p, t in entry.get("targets", {}).items()}
        fields["initiatives"] = [ids[i] for i in entry.get("initiatives", [])]
        plan.add_item(store, engagement, from_data(ITEM_KINDS["kpi"], fields))
    for section, kind in LIST_SECTIONS.items():
        for entry in data.get(section, []):
            plan.add_item(store, engagement, from_data(ITEM_KINDS[kind], entry))
    add_sample_investment(store, engagement, ids, folder)
    add_sample_blueprint(store, engagement, ids, folder)
    add_sample_risks(store, engagement, ids, folder)
    add_sample_findings(store, engagement, folder)
    add_sample_interviews(store, engagement, folder)
