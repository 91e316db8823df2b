"""The sample engagement's client and diagnosis: a fictitious Dalian manufacturer, fully
diagnosed, in two rounds; ``create_demo`` then adds its plan (``dtbench.sample.plan``).

Its content lives in resources/demo/ (engagement.json and clauses_*.json, one entry per
clause with the baseline answers, levels and findings, and what changed by the follow-up);
resources/demo/en/ holds the same files in English. ``create_demo`` picks the folder once and
hands it to every loader, so no sample file can come from the other language.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select

from dtbench.diagnosis.scoring import ScopeEntry
from dtbench.engagement import service as engagements
from dtbench.engagement.records import ContactRecord
from dtbench.paths import resource_path
from dtbench.store import history
from dtbench.store.database import Store
from dtbench.store.models import Answer, AssessmentRound, ClauseAssessment, ClauseScope, Engagement

SAMPLE_LANGUAGES: Final = ("zh", "en")


def demo_folder(language: str = "zh") -> Path:
    """The folder of the sample's files in ``language``: resources/demo/ holds the Chinese
    original, resources/demo/en/ its English translation (same files, same structure)."""
    if language not in SAMPLE_LANGUAGES:
        raise ValueError(f"no sample engagement in {language!r}")
    return resource_path("demo") if language == "zh" else resource_path("demo", language)


def load_demo(folder: Path | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The engagement description and the per-clause content."""
    folder = folder or demo_folder()
    meta = json.loads((folder / "engagement.json").read_text(encoding="utf-8"))
    clauses: dict[str, Any] = {}
    for path in sorted(folder.glob("clauses_*.json")):
        clauses.update(json.loads(path.read_text(encoding="utf-8")))
    return meta, clauses


def create_demo(store: Store, language: str = "zh") -> str:
    """Create the sample engagement in ``language`` ("zh" or "en") and return its id.

    Its thousands of rows write no history: one entry says it was created (store/history.py).
    """
    with history.quiet():
        uuid = _create_demo(store, language)
    history.note(store.sessions, uuid, "created")
    return uuid


def _create_demo(store: Store, language: str) -> str:
    folder = demo_folder(language)
    meta, clauses = load_demo(folder)
    client = dict(meta["client"])
    contacts = tuple(ContactRecord(**c) for c in client.pop("contacts"))
    info = dict(meta["engagement"])
    for name in ("start_date", "end_date"):
        info[name] = date.fromisoformat(info[name])
    profile = engagements.create_engagement(store, contacts=contacts, **client, **info)
    rounds = meta["rounds"]
    with store.session() as s:
        eid = s.scalar(select(Engagement.id).where(Engagement.uuid == profile.uuid))
        assert eid is not None
        for key, entry in clauses.items():
            weight = float(entry.get("weight", 1))
            if weight != 1 or not entry.get("in_scope", True):
                scope = ScopeEntry(bool(entry.get("in_scope", True)), weight)
                s.add(
                    ClauseScope(
                        engagement_id=eid,
                        clause_key=key,
                        in_scope=scope.in_scope,
                        weight=scope.weight,
                    )
                )
        previous: dict[str, dict[str, Any]] = {}
        for number, spec in enumerate(rounds, start=1):
            rnd = AssessmentRound(
                engagement_id=eid,
                number=number,
                name=spec["name"],
                assessed_on=date.fromisoformat(spec["assessed_on"]),
            )
            s.add(rnd)
            s.flush()
            for key, entry in clauses.items():
                state = _round_state(entry, number, previous.get(key))
                previous[key] = state
                s.add(
                    ClauseAssessment(
                        round_id=rnd.id,
                        clause_key=key,
                        current_level=state["current"],
                        target_level=state["target"],
                        findings=state["findings"],
                        interviewees=state["interviewees"],
                    )
                )
                for point, answer in state["answers"].items():
                    s.add(
                        Answer(
                            round_id=rnd.id,
                            key=point,
                            status=answer["status"],
                            note=answer.get("note", ""),
                        )
                    )
    from dtbench.sample.plan import add_sample_plan

    add_sample_plan(store, profile.uuid, folder)
    return profile.uuid


def _round_state(
    entry: dict[str, Any], number: int, previous: dict[str, Any] | None
) -> dict[str, Any]:
    """Round 1 is the baseline; later rounds apply the clause's follow-up to the last state."""
    if number == 1 or previous is None:
        base = entry["baseline"]
        return {
            "current": base["current"],
            "target": base["target"],
            "findings": base["findings"],
            "interviewees": base.get("interviewees", ""),
            "answers": dict(base["answers"]),
        }
    follow = entry.get("followup")
    if not follow:
        return previous
    return {
        "current": follow.get("current", previous["current"]),
        "target": follow.get("target", previous["target"]),
        "findings": follow.get("findings", previous["findings"]),
        "interviewees": follow.get("interviewees", previous["interviewees"]),
        "answers": previous["answers"] | follow.get("answers", {}),
    }
