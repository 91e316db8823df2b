"""The sample engagement's key findings (resources/demo/findings.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dtbench.paths import resource_path
from dtbench.plan import service as plan
from dtbench.plan.records import Finding, from_data
from dtbench.store.database import Store


def sample_findings_path() -> Path:
    return resource_path("demo", "findings.json")


def add_sample_findings(store: Store, engagement: str, path: Path | None = None) -> None:
    """Add the sample's key findings, in their order, to the engagement's plan."""
    data: dict[str, Any] = json.loads((path or sample_findings_path()).read_text(encoding="utf-8"))
    records = [from_data(Finding, entry) for entry in data.get("findings", [])]
    plan.add_items(store, engagement, [(record, None) for record in records])
