"""The sample engagement's project risk register (risks.json of the sample's folder).

Risks name the initiatives they concern by the plan file's short ids ("I03"); ``ids`` maps
those to the stored initiatives' uuids.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dtbench.plan import service as plan
from dtbench.plan.records import Risk, from_data
from dtbench.store.database import Store


def add_sample_risks(store: Store, engagement: str, ids: Mapping[str, str], folder: Path) -> None:
    data: dict[str, Any] = json.loads((folder / "risks.json").read_text(encoding="utf-8"))
    records = []
    for entry in data.get("risks", []):
        fields = dict(entry)
        fields["initiatives"] = [ids[i] for i in entry.get("initiatives", [])]
        records.append((from_data(Risk, fields), None))
    plan.add_items(store, engagement, records)
