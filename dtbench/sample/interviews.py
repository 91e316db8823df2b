"""What the sample's interviews said (interviews.json of the sample's folder): a few items
of the baseline round heard differently by different people, so the diagnosis shows which
interviews covered a clause and where they disagreed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dtbench.diagnosis import service as dx
from dtbench.plan import service as plan
from dtbench.plan.interviews import interviews
from dtbench.store.database import Store


def add_sample_interviews(store: Store, engagement: str, folder: Path) -> None:
    """Record each entry as said in the held interview of that person."""
    path = folder / "interviews.json"
    if not path.is_file():
        return
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    rounds = {r.number: r.uuid for r in dx.list_rounds(store, engagement)}
    round_uuid = rounds[int(data["round"])]
    held: dict[str, str] = {}
    for item in interviews(plan.list_items(store, engagement, "fieldwork")):
        if item.record.status == "held":
            held.setdefault(item.record.subject, item.uuid)
    for entry in data["heard"]:
        dx.set_heard(
            store,
            round_uuid,
            held[entry["interview"]],
            entry["key"],
            status=entry.get("status", ""),
            note=entry.get("note", ""),
        )
