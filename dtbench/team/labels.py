"""Conflicts in words: which record and field, the values as short one-line texts.

The words are English source strings marked for translation (context "Sync"); the CLI and
the merge screen translate them with ``translate(context, text)``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from dtbench.diagnosis.scale import STATUS_NAMES, level
from dtbench.errors import QT_TRANSLATE_NOOP, excerpt
from dtbench.guide.model import fill
from dtbench.plan import catalogue as cat
from dtbench.plan import investment
from dtbench.plan.catalogue import Option
from dtbench.plan.money import money
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
    "short_name": QT_TRANSLATE_NOOP("Sync", "short name"),
    "industry": QT_TRANSLATE_NOOP("Sync", "industry"),
    "size_employees": QT_TRANSLATE_NOOP("Sync", "staff size"),
    "size_revenue": QT_TRANSLATE_NOOP("Sync", "revenue size"),
    "region": QT_TRANSLATE_NOOP("Sync", "region"),
    "main_products": QT_TRANSLATE_NOOP("Sync", "main products"),
    "existing_systems": QT_TRANSLATE_NOOP("Sync", "existing systems"),
    "position": QT_TRANSLATE_NOOP("Sync", "position"),
    "role": QT_TRANSLATE_NOOP("Sync", "role"),
    "phone": QT_TRANSLATE_NOOP("Sync", "phone"),
    "email": QT_TRANSLATE_NOOP("Sync", "e-mail"),
    "consultants": QT_TRANSLATE_NOOP("Sync", "consultants"),
    "start_date": QT_TRANSLATE_NOOP("Sync", "start date"),
    "end_date": QT_TRANSLATE_NOOP("Sync", "end date"),
    "language": QT_TRANSLATE_NOOP("Sync", "language"),
    "notes": QT_TRANSLATE_NOOP("Sync", "notes"),
    "benchmark_opt_in": QT_TRANSLATE_NOOP("Sync", "benchmark participation"),
    "number": QT_TRANSLATE_NOOP("Sync", "number"),
    "assessed_on": QT_TRANSLATE_NOOP("Sync", "assessed on"),
    "filename": QT_TRANSLATE_NOOP("Sync", "file name"),
    "clause_key": QT_TRANSLATE_NOOP("Sync", "clause"),
    "acceptance": QT_TRANSLATE_NOOP("Sync", "acceptance criteria"),
    "action": QT_TRANSLATE_NOOP("Sync", "action"),
    "amount": QT_TRANSLATE_NOOP("Sync", "amount"),
    "analysis": QT_TRANSLATE_NOOP("Sync", "analysis method"),
    "assumption": QT_TRANSLATE_NOOP("Sync", "assumption"),
    "audience": QT_TRANSLATE_NOOP("Sync", "audience"),
    "baseline": QT_TRANSLATE_NOOP("Sync", "baseline"),
    "budget": QT_TRANSLATE_NOOP("Sync", "budget"),
    "calculation": QT_TRANSLATE_NOOP("Sync", "calculation"),
    "category": QT_TRANSLATE_NOOP("Sync", "category"),
    "cause": QT_TRANSLATE_NOOP("Sync", "cause"),
    "clauses": QT_TRANSLATE_NOOP("Sync", "clauses"),
    "consulting": QT_TRANSLATE_NOOP("Sync", "consulting support"),
    "consulting_task": QT_TRANSLATE_NOOP("Sync", "consulting task"),
    "contents": QT_TRANSLATE_NOOP("Sync", "contents"),
    "data_source": QT_TRANSLATE_NOOP("Sync", "data source"),
    "decision": QT_TRANSLATE_NOOP("Sync", "decision requested"),
    "definition": QT_TRANSLATE_NOOP("Sync", "definition"),
    "deliverables": QT_TRANSLATE_NOOP("Sync", "deliverables"),
    "department": QT_TRANSLATE_NOOP("Sync", "department"),
    "depends_on": QT_TRANSLATE_NOOP("Sync", "depends on"),
    "description": QT_TRANSLATE_NOOP("Sync", "description"),
    "direction": QT_TRANSLATE_NOOP("Sync", "better when"),
    "domain": QT_TRANSLATE_NOOP("Sync", "domain"),
    "due": QT_TRANSLATE_NOOP("Sync", "due date"),
    "effort": QT_TRANSLATE_NOOP("Sync", "effort"),
    "end": QT_TRANSLATE_NOOP("Sync", "end"),
    "entry_criteria": QT_TRANSLATE_NOOP("Sync", "entry criteria"),
    "exit_criteria": QT_TRANSLATE_NOOP("Sync", "exit criteria"),
    "flow": QT_TRANSLATE_NOOP("Sync", "what flows"),
    "frequency": QT_TRANSLATE_NOOP("Sync", "frequency"),
    "from_year": QT_TRANSLATE_NOOP("Sync", "from year"),
    "goal": QT_TRANSLATE_NOOP("Sync", "goal"),
    "goals": QT_TRANSLATE_NOOP("Sync", "goals"),
    "held_on": QT_TRANSLATE_NOOP("Sync", "date"),
    "impact": QT_TRANSLATE_NOOP("Sync", "impact"),
    "initiative": QT_TRANSLATE_NOOP("Sync", "initiative"),
    "initiatives": QT_TRANSLATE_NOOP("Sync", "initiatives"),
    "key": QT_TRANSLATE_NOOP("Sync", "key initiative"),
    "kind": QT_TRANSLATE_NOOP("Sync", "kind"),
    "kpi": QT_TRANSLATE_NOOP("Sync", "KPI"),
    "layer": QT_TRANSLATE_NOOP("Sync", "layer"),
    "milestones": QT_TRANSLATE_NOOP("Sync", "milestones"),
    "minutes": QT_TRANSLATE_NOOP("Sync", "minutes"),
    "mitigation": QT_TRANSLATE_NOOP("Sync", "mitigation"),
    "nature": QT_TRANSLATE_NOOP("Sync", "nature"),
    "now": QT_TRANSLATE_NOOP("Sync", "now"),
    "objective": QT_TRANSLATE_NOOP("Sync", "objective"),
    "observations": QT_TRANSLATE_NOOP("Sync", "observations"),
    "owner": QT_TRANSLATE_NOOP("Sync", "owner"),
    "phase": QT_TRANSLATE_NOOP("Sync", "phase"),
    "place": QT_TRANSLATE_NOOP("Sync", "place"),
    "probability": QT_TRANSLATE_NOOP("Sync", "probability"),
    "response": QT_TRANSLATE_NOOP("Sync", "response"),
    "responsibilities": QT_TRANSLATE_NOOP("Sync", "responsibilities"),
    "risk": QT_TRANSLATE_NOOP("Sync", "risk"),
    "risks": QT_TRANSLATE_NOOP("Sync", "risks"),
    "scope": QT_TRANSLATE_NOOP("Sync", "scope"),
    "source": QT_TRANSLATE_NOOP("Sync", "source"),
    "sources": QT_TRANSLATE_NOOP("Sync", "sources"),
    "start": QT_TRANSLATE_NOOP("Sync", "start"),
    "starter": QT_TRANSLATE_NOOP("Sync", "starter"),
    "starts": QT_TRANSLATE_NOOP("Sync", "time"),
    "step": QT_TRANSLATE_NOOP("Sync", "step"),
    "subject": QT_TRANSLATE_NOOP("Sync", "subject"),
    "target": QT_TRANSLATE_NOOP("Sync", "target"),
    "targets": QT_TRANSLATE_NOOP("Sync", "targets"),
    "team": QT_TRANSLATE_NOOP("Sync", "team"),
    "unit": QT_TRANSLATE_NOOP("Sync", "unit"),
    "value": QT_TRANSLATE_NOOP("Sync", "expected value"),
    "year": QT_TRANSLATE_NOOP("Sync", "year"),
    "yearly_value": QT_TRANSLATE_NOOP("Sync", "yearly value"),
    WHOLE: QT_TRANSLATE_NOOP("Sync", "the whole record"),
}
REMOVED = QT_TRANSLATE_NOOP("Sync", "(removed)")
EMPTY = QT_TRANSLATE_NOOP("Sync", "(empty)")
KEPT = QT_TRANSLATE_NOOP("Sync", "(kept, with changes)")
YES_NO = (QT_TRANSLATE_NOOP("Sync", "no"), QT_TRANSLATE_NOOP("Sync", "yes"))
# Stored codes as the rest of the app names them (the same source texts and contexts, so one
# translation serves both).
CODES: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("engagement", "status"): {
        "draft": ("Labels", "Draft"),
        "active": ("Labels", "Active"),
        "delivered": ("Labels", "Delivered"),
        "archived": ("Labels", "Archived"),
    },
    ("engagement", "language"): {"zh": ("Labels", "Chinese"), "en": ("Labels", "English")},
    ("client", "size_employees"): {
        "lt20": ("Labels", "Fewer than 20 employees"),
        "20-299": ("Labels", "20–299 employees"),
        "300-999": ("Labels", "300–999 employees"),
        "ge1000": ("Labels", "1,000 employees or more"),
    },
    ("client", "size_revenue"): {
        "lt3m": ("Labels", "Under CNY 3 million"),
        "3m-20m": ("Labels", "CNY 3–20 million"),
        "20m-400m": ("Labels", "CNY 20–400 million"),
        "ge400m": ("Labels", "CNY 400 million or more"),
    },
    ("member", "role"): {
        "lead": ("Sync", QT_TRANSLATE_NOOP("Sync", "lead")),
        "member": ("Sync", QT_TRANSLATE_NOOP("Sync", "member")),
        "reader": ("Sync", QT_TRANSLATE_NOOP("Sync", "reader")),
    },
    ("kpi", "direction"): {
        "up": ("KpiPage", "higher"),
        "down": ("KpiPage", "lower"),
    },
}
# A plan record's coded fields (by record kind): the guide's option sets.
PLAN_CHOICES: dict[tuple[str, str], tuple[Option, ...]] = {
    ("phase", "contents"): cat.TRANSFORMATION_CONTENTS,
    ("initiative", "status"): cat.INITIATIVE_STATUSES,
    ("initiative", "consulting_task"): cat.CONSULTING_TASKS,
    ("kpi", "category"): cat.KPI_CATEGORIES,
    ("kpi", "analysis"): cat.ANALYSIS_METHODS,
    ("kpi", "frequency"): cat.FREQUENCIES,
    ("governance", "role"): cat.GOVERNANCE_ROLES,
    ("action", "audience"): cat.AUDIENCES,
    ("action", "status"): cat.ACTION_STATUSES,
    ("change_step", "status"): cat.ACTION_STATUSES,
    ("resistance", "cause"): cat.RESISTANCE_CAUSES,
    ("resistance", "status"): cat.ACTION_STATUSES,
    ("risk", "category"): cat.RISK_CATEGORIES,
    ("risk", "status"): cat.RISK_STATUSES,
    ("fieldwork", "kind"): cat.FIELDWORK_KINDS,
    ("fieldwork", "status"): cat.INTERVIEW_STATUSES,
    ("cost", "category"): investment.COST_CATEGORIES,
    ("cost", "nature"): investment.COST_NATURES,
    ("system", "domain"): cat.SYSTEM_DOMAINS,
    ("system", "layer"): cat.PLATFORM_LAYERS,
    ("system", "now"): cat.SYSTEM_STATUSES,
    ("system", "target"): cat.SYSTEM_TARGETS,
    ("integration", "now"): cat.SYSTEM_STATUSES,
    ("integration", "goal"): cat.SYSTEM_TARGETS,
}
# Plan record fields holding other records' uuids: shown by those records' titles.
PLAN_REFS = frozenset(
    {
        ("initiative", "phase"),
        ("initiative", "depends_on"),
        ("kpi", "initiatives"),
        ("kpi", "targets"),
        ("risk", "initiatives"),
        ("cost", "initiative"),
        ("benefit", "initiative"),
        ("benefit", "kpi"),
        ("system", "phase"),
        ("system", "initiative"),
        ("integration", "source"),
        ("integration", "target"),
        ("integration", "phase"),
    }
)
# Amounts in 万元, written as the plan pages and documents write them.
PLAN_MONEY = frozenset({("initiative", "budget"), ("cost", "amount"), ("benefit", "yearly_value")})
LEVEL_FIELDS = frozenset({"current_level", "target_level"})


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


def _record_kind(plan: SyncPlan | None, c: Conflict) -> str:
    """The kind a field belongs to: "answer", "clause"…, for a plan record its own kind."""
    if c.kind == "item" and plan is not None:
        return str(_fields(plan, c.record).get("kind", ""))
    return c.kind


def _title(plan: SyncPlan | None, uuid: Any) -> str:
    """Another plan record as the plan pages name it (its title or name), else its uuid."""
    if plan is not None:
        fields = _fields(plan, f"item:{uuid}")
        for key in ("title", "name", "action", "risk", "subject"):
            if fields.get(DATA + key):
                return str(fields[DATA + key])
    return str(uuid)


def coded_text(
    c: Conflict, value: Any, translate: Translate, lang: str, plan: SyncPlan | None = None
) -> str | None:
    """A stored code, reference, amount or flag as the app shows it elsewhere (the
    diagnosis page's status names, a level's name, a catalogue label, a record's title…);
    None for free text, which is shown as it is."""
    field = c.field[len(DATA) :] if c.field.startswith(DATA) else c.field
    kind = _record_kind(plan, c)
    sep = "、" if lang == "zh" else ", "
    if kind in ("answer", "heard") and field == "status" and value in STATUS_NAMES:
        return STATUS_NAMES[value].get(lang)
    if kind == "clause" and field in LEVEL_FIELDS and isinstance(value, int):
        return f"{value} {level(value).name.get(lang)}"
    if isinstance(value, bool):
        return translate(CONTEXT, YES_NO[value])
    codes = CODES.get((kind, field))
    if codes is not None and isinstance(value, str) and value in codes:
        return translate(*codes[value])
    options = PLAN_CHOICES.get((kind, field)) if c.kind == "item" else None
    if options is not None:
        items = value if isinstance(value, list) else [value]
        return sep.join(cat.label(options, str(v), lang) for v in items)
    if c.kind == "item" and (kind, field) in PLAN_REFS:
        if isinstance(value, dict):  # a KPI's targets: phase → target
            return "; ".join(f"{_title(plan, k)}: {v}" for k, v in value.items() if v)
        items = value if isinstance(value, list) else [value]
        return sep.join(_title(plan, v) for v in items)
    if c.kind == "item" and (kind, field) in PLAN_MONEY and isinstance(value, int | float):
        return money(float(value), lang)
    if c.kind == "item" and (kind, field) == ("fieldwork", "starts") and isinstance(value, str):
        return value[:5]  # "09:30", as the fieldwork page shows it
    if isinstance(value, float):
        return f"{value:g}"
    return None


def value_text(
    c: Conflict,
    value: Any,
    translate: Translate,
    limit: int = 120,
    *,
    lang: str = "en",
    plan: SyncPlan | None = None,
) -> str:
    """A value as one short line in ``lang`` ("(removed)", "(empty)" when there is
    nothing); a code as its label, never the code (see :func:`coded_text`)."""
    if c.field == WHOLE:
        return translate(CONTEXT, REMOVED if value is None else KEPT)
    if value is None or value == "" or value == []:
        return translate(CONTEXT, EMPTY)
    shown = coded_text(c, value, translate, lang, plan)
    if shown is not None:
        return excerpt(shown, limit)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return excerpt(value, limit)


def local_time(at: datetime | None, seconds: bool = False) -> str:
    """A stored time (naive ones are UTC) on this computer's clock, "2026-12-06 22:05"."""
    if at is None:
        return ""
    utc = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return utc.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def stamp(author: str, at: datetime | None) -> str:
    """ "alice, 2026-12-06 14:05" (in this computer's time zone, as History shows it)."""
    return ", ".join(p for p in (author, local_time(at)) if p)
