"""Store and load the plan. Each call is one unit of work returning plain records; setters
return what they replaced so the UI can undo."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import msgspec
from sqlalchemy import func, select

from dtbench.engagement.lookup import engagement_id as _engagement_id
from dtbench.engagement.lookup import touch as _touch
from dtbench.guide import load_guide
from dtbench.input_rules import MAX_TITLE_CHARS, checked_text, clean_strings
from dtbench.plan import catalogue as cat
from dtbench.plan import investment
from dtbench.plan.records import (
    ITEM_KINDS,
    VALUE_KINDS,
    Action,
    Benefit,
    ChangeStep,
    CostLine,
    Culture,
    Deliverable,
    Fieldwork,
    Finding,
    GovernanceMember,
    Initiative,
    Integration,
    Issue,
    Kpi,
    Leadership,
    NextStep,
    Organization,
    Phase,
    PlanItem,
    Resistance,
    Risk,
    Strategy,
    System,
    from_data,
    to_data,
)
from dtbench.plan.risks import validate_risk
from dtbench.store.conflicts import (
    Base,
    EditConflict,
    FieldConflict,
    Stored,
    reconcile,
    retrying,
)
from dtbench.store.database import Store
from dtbench.store.models import PlanItem as PlanItemRow
from dtbench.store.models import PlanValue

MAX_VERSION_CHARS = 20
MAX_ISSUES = 200


# ---------------------------------------------------------------- validation
def _one_of(value: str, options: tuple[cat.Option, ...], name: str, empty: bool = True) -> None:
    if (value == "" and empty) or value in cat.codes(options):
        return
    raise ValueError(f"{name} must be one of {', '.join(cat.codes(options))}, not {value!r}")


def _all_of(values: tuple[str, ...], options: tuple[cat.Option, ...], name: str) -> None:
    for value in values:
        _one_of(value, options, name, empty=False)


def _range(value: int | None, low: int, high: int, name: str) -> None:
    if value is not None and not low <= value <= high:
        raise ValueError(f"{name} must be {low}–{high}")


def _dates(start: Any, end: Any, name: str) -> None:
    if start is not None and end is not None and end < start:
        raise ValueError(f"{name}: the end is before the start")


def validate(record: Any) -> None:
    """Refuse values outside the catalogue or range (ValueError naming the field)."""
    guide = load_guide()
    if isinstance(record, Phase):
        if not record.name.strip():
            raise ValueError("a phase needs a name")
        _dates(record.start, record.end, record.name)
        _all_of(record.contents, cat.TRANSFORMATION_CONTENTS, "contents")
    elif isinstance(record, Initiative):
        if not record.title.strip():
            raise ValueError("an initiative needs a title")
        _dates(record.start, record.end, record.title)
        _range(record.value, 1, 5, "value")
        _range(record.effort, 1, 5, "effort")
        _one_of(record.status, cat.INITIATIVE_STATUSES, "status", empty=False)
        _one_of(record.consulting_task, cat.CONSULTING_TASKS, "consulting_task")
        for key in record.clauses:
            guide.clause(key)
        if record.budget is not None and record.budget < 0:
            raise ValueError("budget must not be negative")
    elif isinstance(record, CostLine):
        if not record.initiative:
            raise ValueError("a cost line needs an initiative")
        _range(record.year, 1990, 2100, "year")
        _one_of(record.category, investment.COST_CATEGORIES, "category", empty=False)
        _one_of(record.nature, investment.COST_NATURES, "nature", empty=False)
        if record.amount < 0:
            raise ValueError("amount must not be negative")
    elif isinstance(record, Benefit):
        if not record.initiative:
            raise ValueError("a benefit needs an initiative")
        if not record.title.strip():
            raise ValueError("a benefit needs a title")
        _range(record.from_year, 1990, 2100, "from_year")
        if record.yearly_value is not None and record.yearly_value < 0:
            raise ValueError("yearly value must not be negative")
    elif isinstance(record, Kpi):
        if not record.name.strip():
            raise ValueError("a KPI needs a name")
        _one_of(record.category, cat.KPI_CATEGORIES, "category", empty=False)
        _all_of(record.analysis, cat.ANALYSIS_METHODS, "analysis")
        _one_of(record.frequency, cat.FREQUENCIES, "frequency")
        if record.direction not in ("up", "down"):
            raise ValueError("direction must be up or down")
    elif isinstance(record, Finding):
        if not record.title.strip():
            raise ValueError("a key finding needs a title")
        checked_text(record.title, MAX_TITLE_CHARS)  # a heading in the proposal
        known = {clause.key for clause in guide.clauses()}
        for key in record.clauses:
            if key not in known:
                raise ValueError(f"not a clause of the guide: {key!r}")
    elif isinstance(record, GovernanceMember):
        _one_of(record.role, cat.GOVERNANCE_ROLES, "role", empty=False)
    elif isinstance(record, Action):
        _one_of(record.audience, cat.AUDIENCES, "audience", empty=False)
        _one_of(record.status, cat.ACTION_STATUSES, "status", empty=False)
    elif isinstance(record, ChangeStep):
        _one_of(record.status, cat.ACTION_STATUSES, "status", empty=False)
    elif isinstance(record, Fieldwork):
        _one_of(record.kind, cat.FIELDWORK_KINDS, "kind", empty=False)
        if not record.subject.strip():
            raise ValueError("fieldwork needs a subject: who, which site or which document")
        for key in record.clauses:
            guide.clause(key)
        _one_of(record.status, cat.INTERVIEW_STATUSES, "status", empty=False)
        _range(record.minutes, 0, 600, "minutes")
    elif isinstance(record, NextStep):
        if not record.action.strip():
            raise ValueError("a next step needs an action")
    elif isinstance(record, Resistance):
        _one_of(record.cause, cat.RESISTANCE_CAUSES, "cause", empty=False)
        _one_of(record.status, cat.ACTION_STATUSES, "status", empty=False)
    elif isinstance(record, System):
        if not record.name.strip():
            raise ValueError("a system needs a name")
        _one_of(record.domain, cat.SYSTEM_DOMAINS, "domain", empty=False)
        _one_of(record.layer, cat.PLATFORM_LAYERS, "layer", empty=False)
        _one_of(record.now, cat.SYSTEM_STATUSES, "now", empty=False)
        _one_of(record.target, cat.SYSTEM_TARGETS, "target", empty=False)
    elif isinstance(record, Integration):
        if not record.source or not record.target:
            raise ValueError("an integration links two systems")
        if record.source == record.target:
            raise ValueError("an integration links two different systems")
        _one_of(record.now, cat.SYSTEM_STATUSES, "now", empty=False)
        _one_of(record.goal, cat.SYSTEM_TARGETS, "goal", empty=False)
    elif isinstance(record, Risk):
        validate_risk(record)
    elif isinstance(record, Strategy):
        dims = {d.code: d for d in cat.STRATEGY_DIMENSIONS}
        for code, choice in record.choices.items():
            if code not in dims:
                raise ValueError(f"unknown strategy dimension {code!r}")
            _all_of(choice.values, dims[code].options, code)
            if len(choice.values) > 1 and not dims[code].multiple:
                raise ValueError(f"{code} takes one choice")
        for key in (*record.principles, *record.criteria):
            if key not in guide.all_keys():
                raise ValueError(f"unknown guide item {key!r}")
    elif isinstance(record, Leadership):
        pass  # holds nothing to check (the competencies are the diagnosis's answers)
    elif isinstance(record, Organization):
        for field, options in (
            ("shape_now", cat.ORG_SHAPES),
            ("shape_target", cat.ORG_SHAPES),
            ("driver_now", cat.ORG_DRIVERS),
            ("driver_target", cat.ORG_DRIVERS),
            ("relation_now", cat.MANAGEMENT_RELATIONS),
            ("relation_target", cat.MANAGEMENT_RELATIONS),
            ("mode", cat.TRANSFORMATION_MODES),
        ):
            _one_of(getattr(record, field), options, field)
    elif isinstance(record, Culture):
        for code in record.targets:
            _one_of(code, cat.CULTURE_TARGETS, "culture target", empty=False)
        for code, trait in record.traits.items():
            _one_of(code, cat.CULTURE_TRAITS, "culture trait", empty=False)
            _range(trait.now, *cat.TRAIT_SCALE, code)
            _range(trait.target, *cat.TRAIT_SCALE, code)
        for key in record.measures:
            if key not in guide.all_keys():
                raise ValueError(f"unknown guide item {key!r}")
    elif isinstance(record, Deliverable):
        _one_of(record.confidentiality, cat.CONFIDENTIALITY, "confidentiality", empty=False)
        if not record.version.strip() or len(record.version) > MAX_VERSION_CHARS:
            raise ValueError(f"a version is 1 to {MAX_VERSION_CHARS} characters")
        if len(record.history) > MAX_ISSUES:
            raise ValueError(f"at most {MAX_ISSUES} versions are kept in the history")
    else:
        raise ValueError(f"not a plan record: {type(record).__name__}")


def _clean(record: Any) -> Any:
    """The record with its texts as dtbench stores them (TextTooLongError when one is far
    too long): line breaks normalised, characters Excel and Word cannot hold removed."""
    return from_data(type(record), clean_strings(to_data(record)))


def _kind_of(record: Any) -> str:
    for kind, kind_type in ITEM_KINDS.items():
        if isinstance(record, kind_type):
            return kind
    raise ValueError(f"not a plan list record: {type(record).__name__}")


def _item(row: PlanItemRow) -> PlanItem:
    return PlanItem(row.uuid, row.kind, row.position, from_data(ITEM_KINDS[row.kind], row.data))


# ---------------------------------------------------------------- list items
def list_items(store: Store, engagement: str, kind: str | None = None) -> list[PlanItem]:
    """Items of one kind (or all), in their order. An initiative with cost lines shows their
    sum as its budget (plan/investment.py), so every reader sees one figure."""
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        stmt = select(PlanItemRow).where(PlanItemRow.engagement_id == eid)
        if kind is not None:
            if kind not in ITEM_KINDS:
                raise ValueError(f"unknown kind {kind!r}")
            stmt = stmt.where(PlanItemRow.kind == kind)
        rows = s.scalars(stmt.order_by(PlanItemRow.kind, PlanItemRow.position, PlanItemRow.id))
        items = [_item(r) for r in rows]
        if kind not in (None, "initiative"):
            return items
        costs = (
            [i for i in items if i.kind == "cost"]
            if kind is None
            else [
                _item(r)
                for r in s.scalars(
                    select(PlanItemRow).where(
                        PlanItemRow.engagement_id == eid, PlanItemRow.kind == "cost"
                    )
                )
            ]
        )
        return _with_budgets(items, costs)


def item_versions(store: Store, engagement: str, kind: str | None = None) -> dict[str, int]:
    """The stored version of each item of one kind (or all) (uuid → version): the bases
    of saves."""
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        stmt = select(PlanItemRow.uuid, PlanItemRow.version).where(PlanItemRow.engagement_id == eid)
        if kind is not None:
            stmt = stmt.where(PlanItemRow.kind == kind)
        return {uuid: version for uuid, version in s.execute(stmt)}


def _with_budgets(items: list[PlanItem], costs: list[PlanItem]) -> list[PlanItem]:
    if not costs:
        return items
    sums = investment.budgets([i for i in items if i.kind == "initiative"], costs)
    return [
        PlanItem(i.uuid, i.kind, i.position, msgspec.structs.replace(i.record, budget=sums[i.uuid]))
        if i.kind == "initiative" and i.uuid in sums
        else i
        for i in items
    ]


def add_item(
    store: Store,
    engagement: str,
    record: Any,
    *,
    position: int | None = None,
    uuid: str | None = None,
) -> PlanItem:
    """Add a record at ``position`` (default: last); ``uuid`` restores a removed item."""
    validate(record)
    kind = _kind_of(record)
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        rows = list(
            s.scalars(
                select(PlanItemRow)
                .where(PlanItemRow.engagement_id == eid, PlanItemRow.kind == kind)
                .order_by(PlanItemRow.position, PlanItemRow.id)
            )
        )
        at = len(rows) if position is None else max(0, min(position, len(rows)))
        for n, row in enumerate(rows):
            wanted = n if n < at else n + 1
            if row.position != wanted:
                row.position = wanted
        created = PlanItemRow(
            engagement_id=eid, kind=kind, position=at, data=to_data(_clean(record))
        )
        if uuid:
            created.uuid = uuid
        s.add(created)
        _touch(s, eid)
        s.flush()
        return _item(created)


def add_items(
    store: Store, engagement: str, records: Sequence[tuple[Any, str | None]]
) -> list[PlanItem]:
    """Add records (each with a uuid, or None for a new one) at the end of their lists, in
    one unit of work: one query per list whatever the number of records (a template's
    thousands of KPIs come in linear time)."""
    for record, _uuid in records:
        validate(record)
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        ends: dict[str, int] = {}
        created: list[PlanItemRow] = []
        for record, uuid in records:
            kind = _kind_of(record)
            if kind not in ends:
                last = s.scalar(
                    select(func.max(PlanItemRow.position)).where(
                        PlanItemRow.engagement_id == eid, PlanItemRow.kind == kind
                    )
                )
                ends[kind] = 0 if last is None else last + 1
            row = PlanItemRow(
                engagement_id=eid, kind=kind, position=ends[kind], data=to_data(_clean(record))
            )
            ends[kind] += 1
            if uuid:
                row.uuid = uuid
            created.append(row)
        s.add_all(created)
        _touch(s, eid)
        s.flush()
        return [_item(row) for row in created]


def record_base(version: int, shown: Any) -> Base:
    """The base of a save from a view showing the record ``shown`` at ``version`` (0: none
    stored): its fields as stored data, merged field by field (store/conflicts.py)."""
    return Base(version, dict(to_data(shown)))


def _label(record: Any, fallback: str) -> str:
    """A record as a message names it: its title or name, else its kind."""
    for name in ("title", "name", "subject", "action"):
        value = getattr(record, name, "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return fallback


def _merged(kind_type: type, record: Any, stored: Stored, base: Base | None) -> Any:
    """``record`` merged field by field over the stored one (EditConflict when a field both
    sides changed holds different values), checked again as a whole."""
    mine = dict(to_data(_clean(record)))
    merged = reconcile(_label(record, kind_type.__name__), stored, mine, base, to_data(record))
    if merged == mine:
        return _clean(record)
    result = from_data(kind_type, {**stored.values, **merged})
    validate(result)
    return result


def update_item(store: Store, uuid: str, record: Any, base: Base | None = None) -> Any:
    """Replace an item's record; returns the previous record. With ``base`` (what the
    consultant's view showed, ``record_base``) a field someone else changed meanwhile is
    never overwritten: EditConflict; an item they removed meanwhile too (its version 0)."""
    validate(record)

    def attempt() -> Any:
        with store.session() as s:
            row = s.scalar(select(PlanItemRow).where(PlanItemRow.uuid == uuid))
            if row is None:
                if base is None:
                    raise LookupError(uuid)
                # removed meanwhile: theirs is no record at all (version 0)
                whole = FieldConflict("", record, None)
                raise EditConflict(_label(record, "item"), (whole,), Stored({}))
            if _kind_of(record) != row.kind:
                raise ValueError("an item cannot change its kind")
            kind_type = ITEM_KINDS[row.kind]
            old = from_data(kind_type, row.data)
            stored = Stored(dict(row.data), row.version, row.updated_by, row.updated_at)
            data = to_data(_merged(kind_type, record, stored, base))
            if data != row.data:
                row.data = data
                _touch(s, row.engagement_id)
            s.flush()  # a stale version: refused here
            return old

    return retrying(attempt)


def remove_item(store: Store, uuid: str) -> PlanItem:
    """Remove an item; returns it (with its position) so undo can put it back."""
    with store.session() as s:
        row = s.scalar(select(PlanItemRow).where(PlanItemRow.uuid == uuid))
        if row is None:
            raise LookupError(uuid)
        removed = _item(row)
        s.delete(row)
        s.flush()
        rest = s.scalars(
            select(PlanItemRow)
            .where(PlanItemRow.engagement_id == row.engagement_id, PlanItemRow.kind == row.kind)
            .order_by(PlanItemRow.position, PlanItemRow.id)
        )
        for n, other in enumerate(rest):
            other.position = n
        _touch(s, row.engagement_id)
        return removed


def move_item(store: Store, uuid: str, position: int) -> int:
    """Move an item within its list; returns its previous position."""
    with store.session() as s:
        row = s.scalar(select(PlanItemRow).where(PlanItemRow.uuid == uuid))
        if row is None:
            raise LookupError(uuid)
        rows = list(
            s.scalars(
                select(PlanItemRow)
                .where(PlanItemRow.engagement_id == row.engagement_id, PlanItemRow.kind == row.kind)
                .order_by(PlanItemRow.position, PlanItemRow.id)
            )
        )
        old = rows.index(row)
        rows.pop(old)
        rows.insert(max(0, min(position, len(rows))), row)
        for n, other in enumerate(rows):
            other.position = n
        return old


def count_items(store: Store, engagement: str, kind: str) -> int:
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        return int(
            s.scalar(
                select(func.count())
                .select_from(PlanItemRow)
                .where(PlanItemRow.engagement_id == eid, PlanItemRow.kind == kind)
            )
            or 0
        )


# ---------------------------------------------------------------- single records
def get_value(store: Store, engagement: str, name: str) -> Any:
    """The strategy, leadership, organization or culture record (empty when never set)."""
    kind_type = VALUE_KINDS[name]
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        row = s.scalar(
            select(PlanValue).where(PlanValue.engagement_id == eid, PlanValue.name == name)
        )
        return kind_type() if row is None else from_data(kind_type, row.data)


def get_value_versioned(store: Store, engagement: str, name: str) -> tuple[Any, int]:
    """A single record and its version (0: never set), the base of the next save."""
    kind_type = VALUE_KINDS[name]
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        row = s.scalar(
            select(PlanValue).where(PlanValue.engagement_id == eid, PlanValue.name == name)
        )
        if row is None:
            return kind_type(), 0
        return from_data(kind_type, row.data), row.version


def set_value(
    store: Store, engagement: str, name: str, record: Any, base: Base | None = None
) -> Any:
    """Replace one single record; returns the previous one. With ``base`` (what the
    consultant's view showed, ``record_base``) a field someone else changed meanwhile is
    never overwritten: EditConflict."""
    kind_type = VALUE_KINDS[name]
    if not isinstance(record, kind_type):
        raise ValueError(f"{name} takes a {kind_type.__name__}")
    validate(record)

    def attempt() -> Any:
        with store.session() as s:
            eid = _engagement_id(s, engagement)
            row = s.scalar(
                select(PlanValue).where(PlanValue.engagement_id == eid, PlanValue.name == name)
            )
            old = kind_type() if row is None else from_data(kind_type, row.data)
            stored = (
                Stored(dict(to_data(old)))
                if row is None
                else Stored(dict(row.data), row.version, row.updated_by, row.updated_at)
            )
            data = to_data(_merged(kind_type, record, stored, base))
            if row is None:
                s.add(PlanValue(engagement_id=eid, name=name, data=data))
            elif data != row.data:
                row.data = data
            _touch(s, eid)
            s.flush()  # a stale version or a record created meanwhile: refused here
            return old

    return retrying(attempt)


def with_issue(deliverable: Deliverable, issued: date) -> Deliverable:
    """``deliverable`` with its current version noted as given out on ``issued``: a new
    line in the history, or the last line's date moved when it is the same version."""
    history = list(deliverable.history)
    if history and history[-1].version == deliverable.version:
        history[-1] = msgspec.structs.replace(history[-1], issued=issued)
    else:
        history.append(Issue(version=deliverable.version, issued=issued))
    return msgspec.structs.replace(deliverable, history=tuple(history[-MAX_ISSUES:]))


def record_issue(store: Store, engagement: str, issued: date) -> Deliverable:
    """Note in the engagement that the proposal's current version was given out."""
    current = get_value(store, engagement, "deliverable")
    assert isinstance(current, Deliverable)
    updated = with_issue(current, issued)
    set_value(store, engagement, "deliverable", updated)
    return updated


def replace_struct(record: Any, **changes: Any) -> Any:
    """A copy of a record with some fields changed (records are immutable)."""
    return msgspec.structs.replace(record, **changes)
