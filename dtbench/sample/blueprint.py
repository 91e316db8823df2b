"""The sample engagement's target blueprint (blueprint.json of the sample's folder): its systems and
the integration links between them.

In the file, systems carry short ids ("S01") that the links use, and refer to the sample
plan's phases and initiatives by their ids ("P1", "I08"); ``ids`` maps those to the stored
items' uuids.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dtbench.plan import service as plan
from dtbench.plan.records import Integration, System, from_data
from dtbench.store.database import Store


def add_sample_blueprint(
    store: Store, engagement: str, ids: Mapping[str, str], folder: Path
) -> None:
    """Add the sample's systems and links; a phase or initiative id the plan does not have
    leaves the reference empty."""
    data: dict[str, Any] = json.loads((folder / "blueprint.json").read_text(encoding="utf-8"))
    systems: dict[str, str] = {}
    for entry in data.get("systems", []):
        fields = {k: v for k, v in entry.items() if k != "id"}
        fields["phase"] = ids.get(fields.get("phase", ""), "")
        fields["initiative"] = ids.get(fields.get("initiative", ""), "")
        item = plan.add_item(store, engagement, from_data(System, fields))
        systems[entry["id"]] = item.uuid
    for entry in data.get("integrations", []):
        fields = dict(entry)
        fields["source"] = systems[entry["source"]]
        fields["target"] = systems[entry["target"]]
        fields["phase"] = ids.get(fields.get("phase", ""), "")
        plan.add_item(store, engagement, from_data(Integration, fields))
