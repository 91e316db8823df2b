"""Typed plan records. Lists (phases, initiatives, KPIs, registers) are ``PlanItem``s of a
kind; the strategy, leadership checklist, organization and culture are one record each.

Records are msgspec Structs stored as JSON; every write is decoded back into its type first,
so only well-formed records reach the database.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any, Final

import msgspec

_Record = msgspec.Struct  # every record below: kw_only, frozen


# ---------------------------------------------------------------- list items
class Phase(msgspec.Struct, kw_only=True, frozen=True):
    name: str
    start: date | None = None
    end: date | None = None
    goals: str = ""
    entry_criteria: str = ""
    exit_criteria: str = ""
    contents: tuple[str, ...] = ()  # catalogue.TRANSFORMATION_CONTENTS


class Initiative(msgspec.Struct, kw_only=True, frozen=True):
    title: str
    description: str = ""
    clauses: tuple[str, ...] = ()  # guide clause keys
    phase: str = ""  # uuid of a phase item
    owner: str = ""
    start: date | None = None
    end: date | None = None
    # 万元 / CNY 10,000. When the initiative has cost lines, plan.service.list_items shows
    # their sum here (see plan/investment.py); this stored value counts only without them.
    budget: float | None = None
    value: int = 3  # expected value 1–5
    effort: int = 3  # effort 1–5
    status: str = "proposed"
    depends_on: tuple[str, ...] = ()  # uuids of initiatives
    consulting: bool = False
    consulting_task: str = ""  # catalogue.CONSULTING_TASKS
    source: str = ""  # the clause a suggestion came from
    # A key initiative gets a charter in the proposal: these fields are its content.
    key: bool = False
    objective: str = ""
    scope: str = ""
    deliverables: str = ""
    milestones: str = ""  # one per line: "2027-03 上线试运行"
    team: str = ""
    acceptance: str = ""  # acceptance criteria
    risks: str = ""  # besides the risk register's entries for it


class Kpi(msgspec.Struct, kw_only=True, frozen=True):
    category: str
    name: str
    definition: str = ""
    unit: str = ""
    data_source: str = ""
    owner: str = ""  # 数据收集责任者
    calculation: str = ""
    analysis: tuple[str, ...] = ()  # catalogue.ANALYSIS_METHODS
    frequency: str = "quarterly"
    baseline: str = ""
    targets: dict[str, str] = msgspec.field(default_factory=dict)  # phase uuid → target
    initiatives: tuple[str, ...] = ()
    direction: str = "up"
    starter: str = ""  # code of the starter KPI it came from


class GovernanceMember(msgspec.Struct, kw_only=True, frozen=True):
    role: str  # catalogue.GOVERNANCE_ROLES
    name: str
    position: str = ""
    responsibilities: str = ""


class Action(msgspec.Struct, kw_only=True, frozen=True):
    """An awareness action for managers (6.1.3) or employees (6.1.4)."""

    audience: str
    title: str
    owner: str = ""
    due: date | None = None
    status: str = "open"
    note: str = ""


class ChangeStep(msgspec.Struct, kw_only=True, frozen=True):
    """A step of the organisation's change process (6.3.1 h)."""

    title: str
    step: str = ""  # guide key, e.g. 6.3.1.h.2
    owner: str = ""
    due: date | None = None
    status: str = "open"
    note: str = ""


class Resistance(msgspec.Struct, kw_only=True, frozen=True):
    """An entry of the resistance register (6.3.2 h)."""

    source: str
    cause: str  # catalogue.RESISTANCE_CAUSES
    description: str = ""
    mitigation: str = ""
    owner: str = ""
    status: str = "open"


class Risk(msgspec.Struct, kw_only=True, frozen=True):
    """An entry of the project risk register: how likely, how bad, and the response."""

    risk: str
    category: str  # catalogue.RISK_CATEGORIES
    probability: int = 3  # 1–5
    impact: int = 3  # 1–5
    response: str = ""
    owner: str = ""
    status: str = "open"  # catalogue.RISK_STATUSES
    initiatives: tuple[str, ...] = ()  # uuids of the initiatives it concerns
    starter: str = ""  # code of the starter risk it came from


class Fieldwork(msgspec.Struct, kw_only=True, frozen=True):
    """What the diagnosis rests on: an interview, a workshop, a site visited or a document
    reviewed (the proposal's "fieldwork" section)."""

    kind: str  # catalogue.FIELDWORK_KINDS
    subject: str  # the person, the workshop, the site or the document
    role: str = ""  # role and department; who provided the document
    held_on: date | None = None
    notes: str = ""
    clauses: tuple[str, ...] = ()  # guide clause keys it informed (or, planned, to cover)
    # The interview plan (kind "interview"). Records stored before the plan existed were
    # written after the fact: they read as held.
    status: str = "held"  # catalogue.INTERVIEW_STATUSES
    department: str = ""
    starts: time | None = None
    minutes: int = 60  # planned length
    place: str = ""


class NextStep(msgspec.Struct, kw_only=True, frozen=True):
    """A step after the proposal, or a decision the client's leadership is asked to take."""

    action: str
    decision: bool = False  # a decision requested of the client's leadership
    owner: str = ""
    due: date | None = None
    notes: str = ""


class CostLine(msgspec.Struct, kw_only=True, frozen=True):
    """One line of an initiative's budget: a year, a kind, capital or running, in 万元."""

    initiative: str  # uuid of an initiative item
    year: int
    category: str = "software"  # investment.COST_CATEGORIES
    nature: str = "capex"  # investment.COST_NATURES
    amount: float = 0.0  # 万元 / CNY 10,000
    note: str = ""


class Benefit(msgspec.Struct, kw_only=True, frozen=True):
    """An expected benefit of an initiative: quantified when it has a yearly value (万元 a
    year from ``from_year`` on), else qualitative (the title and assumption say it)."""

    initiative: str  # uuid of an initiative item
    title: str
    kpi: str = ""  # uuid of a KPI item
    baseline: str = ""
    target: str = ""
    yearly_value: float | None = None  # 万元 / CNY 10,000 a year
    from_year: int | None = None
    assumption: str = ""


class System(msgspec.Struct, kw_only=True, frozen=True):
    """A system or platform of the target blueprint, existing or planned: where it sits
    (business domain of chapter 7, platform layer of chapter 9), what it is now and what it
    becomes, and when and by which initiative."""

    name: str
    domain: str = "management"  # catalogue.SYSTEM_DOMAINS
    layer: str = "application"  # catalogue.PLATFORM_LAYERS
    now: str = "none"  # catalogue.SYSTEM_STATUSES
    target: str = "new"  # catalogue.SYSTEM_TARGETS
    phase: str = ""  # uuid of a phase item
    initiative: str = ""  # uuid of an initiative item
    notes: str = ""


class Integration(msgspec.Struct, kw_only=True, frozen=True):
    """A link between two systems of the blueprint (9.4): what flows from one to the other."""

    source: str  # uuid of a system item
    target: str  # uuid of a system item
    flow: str = ""  # what flows: orders, BOM, quality data…
    now: str = "none"  # catalogue.SYSTEM_STATUSES
    goal: str = "new"  # catalogue.SYSTEM_TARGETS
    phase: str = ""  # uuid of a phase item
    notes: str = ""


class Finding(msgspec.Struct, kw_only=True, frozen=True):
    """A key finding (核心发现): one theme of the diagnosis, as the proposal leads with it."""

    title: str  # states the problem
    observations: str = ""  # what was seen
    impact: str = ""  # why it matters for the business
    sources: str = ""  # interviews, documents and evidence behind it
    clauses: tuple[str, ...] = ()  # guide clause keys


ITEM_KINDS: Final[dict[str, type[_Record]]] = {
    "phase": Phase,
    "initiative": Initiative,
    "kpi": Kpi,
    "governance": GovernanceMember,
    "action": Action,
    "change_step": ChangeStep,
    "resistance": Resistance,
    "fieldwork": Fieldwork,
    "next_step": NextStep,
    "cost": CostLine,
    "benefit": Benefit,
    "system": System,
    "integration": Integration,
    "risk": Risk,
    "finding": Finding,
}


class PlanItem(msgspec.Struct, frozen=True):
    uuid: str
    kind: str
    position: int
    record: Any


# ---------------------------------------------------------------- single records
class Choice(msgspec.Struct, kw_only=True, frozen=True):
    values: tuple[str, ...] = ()
    rationale: str = ""


class Adoption(msgspec.Struct, kw_only=True, frozen=True):
    adopted: bool = False
    note: str = ""


class Strategy(msgspec.Struct, kw_only=True, frozen=True):
    vision: str = ""
    choices: dict[str, Choice] = msgspec.field(default_factory=dict)  # dimension → choice
    principles: dict[str, Adoption] = msgspec.field(default_factory=dict)  # 5.2 item keys
    criteria: dict[str, Adoption] = msgspec.field(default_factory=dict)  # 5.3 item keys


class Leadership(msgspec.Struct, kw_only=True, frozen=True):
    """Kept for stored engagements and files; the leader competencies (6.1.1) are rated in
    one place only, the diagnosis (migration 0005 moved earlier ratings there)."""


class Organization(msgspec.Struct, kw_only=True, frozen=True):
    shape_now: str = ""
    shape_target: str = ""
    driver_now: str = ""
    driver_target: str = ""
    relation_now: str = ""
    relation_target: str = ""
    notes: str = ""
    mode: str = ""
    mode_rationale: str = ""


class TraitRating(msgspec.Struct, kw_only=True, frozen=True):
    now: int | None = None
    target: int | None = None


class Culture(msgspec.Struct, kw_only=True, frozen=True):
    targets: dict[str, Adoption] = msgspec.field(default_factory=dict)  # CULTURE_TARGETS
    traits: dict[str, TraitRating] = msgspec.field(default_factory=dict)  # CULTURE_TRAITS
    measures: dict[str, Adoption] = msgspec.field(default_factory=dict)  # 6.3.2.i keys


class Issue(msgspec.Struct, kw_only=True, frozen=True):
    """One version of the proposal given to the client (document control's history)."""

    version: str
    issued: date
    note: str = ""


class Deliverable(msgspec.Struct, kw_only=True, frozen=True):
    """What the consultant sets for the client documents."""

    summary: str = ""  # executive summary as edited; empty = the generated draft
    consulting_firm: str = ""  # empty: the firm set in the preferences
    version: str = "1.0"
    author: str = ""  # empty: the engagement's consultants
    reviewer: str = ""
    approver: str = ""
    confidentiality: str = "confidential"  # catalogue.CONFIDENTIALITY
    history: tuple[Issue, ...] = ()  # each export of the proposal records its version


VALUE_KINDS: Final[dict[str, type[_Record]]] = {
    "deliverable": Deliverable,
    "strategy": Strategy,
    "leadership": Leadership,
    "organization": Organization,
    "culture": Culture,
}


def to_data(record: msgspec.Struct) -> dict[str, Any]:
    data: dict[str, Any] = msgspec.to_builtins(record)
    return data


def from_data(kind_type: type[_Record], data: object) -> Any:
    """Decode stored or imported data; ValueError names what is wrong."""
    try:
        return msgspec.convert(data, type=kind_type, strict=False)
    except msgspec.ValidationError as exc:
        raise ValueError(str(exc)) from exc
