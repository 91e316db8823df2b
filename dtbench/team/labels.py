"""Conflicts in words: which record and field, the values as short one-line texts.

The words are English source strings marked for translation (context "Sync"); the CLI and
the merge screen translate them with ``translate(context, text)``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from dtbench.errors import QT_TRANSLATE_NOOP, excerpt
from dtbench.guide.model import fill
from dtbench.team.records import DATA
from dtbench.team.sync import WHOLE, Conflict, SyncPlan

CONTEXT = "Sync"
Translate = Callable[[str, str], str]

RECORDS = {
    "client": QT_TRANSLATE_NOOP("Sync", "Client"),
    "contact": QT_TRANSLATE_NOOP("Sync", "Contact %1"),
    "engagement": QT_TRANSLATE_NOOP("Sync", "Engagement"),
    "round": QT_TRANSLATE_NOOP("Sync", "Round %1"),
    "scope": QT_TRANSLATE_NOOP("Sync", "Scope of clause %1"),
    "answer": QT_TRANSLATE_NOOP("Sync", "Item %1"),
    "clause": QT_TRANSLATE_NOOP("Sync", "Clause %1"),
    "heard": QT_TRANSLATE_NOOP("Sync", "Interview note on %1"),
    "evidence": QT_TRANSLATE_NOOP("Sync", "Evidence %1"),
    "item": QT_TRANSLATE_NOOP("Sync", "Plan record %1"),
    "value": QT_TRANSLATE_NOOP("Sync", "Plan: %1"),
    "member": QT_TRANSLATE_NOOP("Sync", "Member %1"),
}
FIELDS = {
    "status": QT_TRANSLATE_NOOP("Sync", "status"),
    "note": QT_TRANSLATE_NOOP("Sync", "note"),
    "findings": QT_TRANSLATE_NOOP("Sync", "findings"),
    "interviewees": QT_TRANSLATE_NOOP("Sync", "interviewees"),
    "current_level": QT_TRANSLATE_NOOP("Sync", "current level"),
    "target_level": QT_TRANSLATE_NOOP("Sync", "target level"),
    "in_scope": QT_TRANSLATE_NOOP("Sync", "in scope"),
    "weight": QT_TRANSLATE_NOOP("Sync", "weight"),
    "name": QT_TRANSLATE_NOOP("Sync", "name"),
    "title": QT_TRANSLATE_NOOP("Sync", "title"),
    "caption": QT_TRANSLATE_NOOP("Sync", "caption"),
    WHOLE: QT_TRANSLATE_NOOP("Sync", "the whole record"),
}
REMOVED = QT_TRANSLATE_NOOP("Sync", "(removed)")
EMPTY = QT_TRANSLATE_NOOP("Sync", "(empty)")
KEPT = QT_TRANSLATE_NOOP("Sync", "(kept, with changes)")


def _fields(plan: SyncPlan, record: str) -> dict[str, Any]:
    for recs in (plan.local_recs, plan.server_recs, plan.bases):
        if record in recs:
            return recs[record].fields
    return {}


def record_label(plan: SyncPlan, c: Conflict, translate: Translate) -> str:
    """ "Item 5.2.d", "Plan record “Workshop”", "Round Follow-up"…"""
    kind, _, rest = c.record.partition(":")
    parts = rest.split(":")
    fields = _fields(plan, c.record)
    if kind in ("answer", "clause"):
        what = parts[1]
    elif kind == "heard":
        what = parts[2]
    elif kind in ("round", "contact"):
        what = str(fields.get("name", ""))
    elif kind == "evidence":
        what = str(fields.get("filename", ""))
    elif kind == "item":
        title = fields.get(DATA + "title") or fields.get(DATA + "name") or fields.get("kind")
        what = f"“{excerpt(title, 40)}”"
    else:
        what = parts[0] if parts else ""
    return fill(translate(CONTEXT, RECORDS.get(kind, "%1")), what)


def field_label(c: Conflict, translate: Translate) -> str:
    name = c.field[len(DATA) :] if c.field.startswith(DATA) else c.field
    text = FIELDS.get(name)
    return translate(CONTEXT, text) if text is not None else name.replace("_", " ")


def value_text(c: Conflict, value: Any, translate: Translate, limit: int = 120) -> str:
    """A value as one short line ("(removed)", "(empty)" when there is nothing)."""
    if c.field == WHOLE:
        return translate(CONTEXT, REMOVED if value is None else KEPT)
    if value is None or value == "" or value == []:
        return translate(CONTEXT, EMPTY)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return excerpt(value, limit)


def stamp(author: str, at: datetime | None) -> str:
    """ "alice, 2026-12-06 14:05" (times are stored in UTC)."""
    when = at.strftime("%Y-%m-%d %H:%M") + " UTC" if at is not None else ""
    return ", ".join(p for p in (author, when) if p)
