"""The sample engagement's key findings (findings.json of the sample's folder)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dtbench.plan import service as plan
from dtbench.plan.records import Finding, from_data
from dtbench.store.database import Store


def add_sample_findings(store: Store, engagement: str, folder: Path) -> None:
    """Add the key findings of ``folder``, in their order, to the engagement's plan."""
    data: dict[str, Any] = json.loads((folder / "findings.json").read_text(encoding="utf-8"))
    records = [from_data(Finding, entry) for entry in data.get("findings", [])]
    plan.add_items(store, engagement, [(record, None) for record in records])
