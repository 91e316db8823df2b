"""Read an engagement's history and restore an earlier value.

The entries are written by the store (``dtbench.store.history``); here they are read as frozen
``Change`` records, for a clause (its levels, findings, interviewees and every answer of its
items), for one record, or for the whole engagement, newest first.

A restore is a ``Step``: the service call that writes the chosen value back. ``restore`` runs
it through the services, so the restore is itself a change with an author, a time and an entry
of its own; the app runs the same step through its diagnosis or plan session instead, so it is
one undo step and the views follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

import msgspec
from sqlalchemy import select

from dtbench.diagnosis import service as diagnosis
from dtbench.diagnosis.scoring import ScopeEntry
from dtbench.engagement import service as engagements
from dtbench.engagement.lookup import engagement_id
from dtbench.engagement.records import CLIENT_FIELDS, ENGAGEMENT_FIELDS
from dtbench.errors import QT_TRANSLATE_NOOP, UserError
from dtbench.guide import load_guide
from dtbench.plan import service as plans
from dtbench.plan.records import ITEM_KINDS, VALUE_KINDS, from_data, to_data
from dtbench.store import history as recorder
from dtbench.store.database import Store
from dtbench.store.models import AssessmentRound, ClauseScope, Engagement, HistoryEntry, PlanItem

DEFAULT_LIMIT = 500


class HistoryEntryNotFoundError(UserError):
    context = "HistoryError"
    template = QT_TRANSLATE_NOOP("HistoryError", "There is no change %1 in the history.")


class UnknownClauseError(UserError):
    context = "HistoryError"
    template = QT_TRANSLATE_NOOP("HistoryError", "There is no clause %1 in the guide.")


class NotRestorableError(UserError):
    context = "HistoryError"
    template = QT_TRANSLATE_NOOP(
        "HistoryError", "This value cannot be restored from the history: %1"
    )


class RecordGoneError(UserError):
    context = "HistoryError"
    template = QT_TRANSLATE_NOOP(
        "HistoryError",
        "%1 has been removed since; restore the change that removed it first.",
    )


@dataclass(frozen=True)
class Change:
    """One changed field: who, when (UTC), which record and field, from what to what.

    ``old`` and ``new`` are the stored JSON texts ("" when the record was not there);
    ``label`` names the record for a reader (an item's key, a plan record's title…)."""

    id: int
    at: datetime
    author: str
    kind: str
    record: str
    field: str
    old: str
    new: str
    label: str

    @property
    def old_value(self) -> object:
        return recorder.load(self.old)

    @property
    def new_value(self) -> object:
        return recorder.load(self.new)

    @property
    def item(self) -> str:
        """The item or record key within its kind (an answer's item key, a plan uuid…)."""
        return self.record.rsplit(":", 1)[-1]


@dataclass(frozen=True)
class Step:
    """The service call that restores a value: ``op`` names it, ``args`` are its arguments."""

    op: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- reading
def _changes(store: Store, eid_of: Any, where: Any, limit: int | None) -> list[Change]:
    with store.session() as s:
        eid = eid_of(s)
        stmt = (
            select(HistoryEntry)
            .where(HistoryEntry.engagement_id == eid, *where)
            .order_by(HistoryEntry.at.desc(), HistoryEntry.id.desc())
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        rows = list(s.scalars(stmt))
        titles = _plan_titles(s, rows)
        return [_change(r, titles) for r in rows]


def _plan_titles(s: Any, rows: list[HistoryEntry]) -> dict[str, str]:
    """Plan records' titles, from the records still there and from their removal entries."""
    uuids = {r.record.split(":", 1)[1] for r in rows if r.kind == "plan"}
    titles: dict[str, str] = {}
    if not uuids:
        return titles
    for r in rows:
        if r.kind == "plan" and r.field == recorder.WHOLE:
            whole = recorder.load(r.old or r.new)
            if isinstance(whole, dict):
                titles.setdefault(r.record.split(":", 1)[1], _title(whole.get("data")))
    for uuid, data in s.execute(
        select(PlanItem.uuid, PlanItem.data).where(PlanItem.uuid.in_(uuids))
    ):
        titles[uuid] = _title(data)
    return titles


def _title(data: object) -> str:
    if isinstance(data, dict):
        for name in ("title", "name", "subject", "action", "description"):
            value = data.get(name)
            if isinstance(value, str) and value.strip():
                return value.strip()[:60]
    return ""


def _change(row: HistoryEntry, titles: dict[str, str]) -> Change:
    parts = row.record.split(":")
    if row.kind == "plan":
        label = titles.get(parts[1], "") or parts[1][:8]
    elif row.kind == "heard":
        label = parts[-1]
    elif row.kind in ("answer", "clause"):
        label = parts[2]
    elif row.kind == "contact":
        label = str(int(parts[2]) + 1)
    elif row.kind in ("scope", "value"):
        label = parts[1]
    else:
        label = ""
    return Change(
        id=row.id,
        at=row.at,
        author=row.author,
        kind=row.kind,
        record=row.record,
        field=row.field,
        old=row.old,
        new=row.new,
        label=label,
    )


def _round_engagement(round_uuid: str) -> Any:
    def eid_of(s: Any) -> int:
        found = s.scalar(
            select(AssessmentRound.engagement_id).where(AssessmentRound.uuid == round_uuid)
        )
        if found is None:
            raise diagnosis.RoundNotFoundError()
        return int(found)

    return eid_of


def clause_history(
    store: Store, round_uuid: str, clause_key: str, *, limit: int | None = DEFAULT_LIMIT
) -> list[Change]:
    """A clause's changes in a round: its levels, findings and interviewees, the answers of
    its items and sub-items, and what interviews said of them; newest first."""
    try:
        clause = load_guide().clause(clause_key.strip())
    except KeyError:
        raise UnknownClauseError(clause_key) from None
    clause_key = clause.key
    keys = [clause_key, *(point.key for point in clause.checkpoints())]
    records = [
        recorder.record_key("clause", round_uuid, clause_key),
        *(recorder.record_key("answer", round_uuid, key) for key in keys[1:]),
    ]
    heard = recorder.record_key("heard", round_uuid)
    wanted = set(keys)
    changes = _changes(
        store,
        _round_engagement(round_uuid),
        [HistoryEntry.record.in_(records) | HistoryEntry.record.like(f"{heard}:%")],
        None,
    )
    found = [c for c in changes if c.kind != "heard" or c.item in wanted]
    return found if limit is None else found[:limit]


def record_history(
    store: Store, engagement: str, kind: str, ident: str, *, limit: int | None = DEFAULT_LIMIT
) -> list[Change]:
    """One record's changes, newest first: ``kind`` and ``ident`` as in ``record_key``
    (a plan record's uuid, a single record's name, a round's uuid…)."""
    record = recorder.record_key(kind, ident)
    return _changes(
        store, lambda s: engagement_id(s, engagement), [HistoryEntry.record == record], limit
    )


def engagement_history(
    store: Store, engagement: str, *, limit: int | None = DEFAULT_LIMIT
) -> list[Change]:
    """Every change of the engagement, newest first (at most ``limit``)."""
    return _changes(store, lambda s: engagement_id(s, engagement), [], limit)


def get_change(store: Store, change_id: int) -> tuple[str, Change]:
    """The change ``change_id`` and the uuid of its engagement."""
    with store.session() as s:
        row = s.get(HistoryEntry, change_id)
        if row is None:
            raise HistoryEntryNotFoundError(change_id)
        uuid = s.scalar(select(Engagement.uuid).where(Engagement.id == row.engagement_id))
        titles = _plan_titles(s, [row])
        return str(uuid), _change(row, titles)


# ---------------------------------------------------------------- restoring
def restoring(store: Store, engagement: str, change: Change, *, after: bool = False) -> Step:
    """The step that writes back the value ``change`` replaced (or, with ``after``, the
    value it wrote)."""
    text = change.new if after else change.old
    value = recorder.load(text)
    absent = text == ""
    parts = change.record.split(":")
    name = change.field
    if change.kind == "answer":
        return Step("set_answer", (parts[1], parts[2]), {name: "" if absent else value})
    if change.kind == "heard":
        return Step("set_heard", (parts[1], parts[2], parts[3]), {name: "" if absent else value})
    if change.kind == "clause":
        short = {"current_level": "current", "target_level": "target"}.get(name, name)
        if absent:
            value = None if short in ("current", "target") else ""
        return Step("set_clause", (parts[1], parts[2], short, value))
    if change.kind == "scope":
        entry = diagnosis.get_scope(store, engagement).get(parts[1], ScopeEntry(True, 1.0))
        value = recorder.ABSENT[(ClauseScope, name)] if absent else value
        wanted = ScopeEntry(
            bool(value) if name == "in_scope" else entry.in_scope,
            float(value) if name == "weight" else entry.weight,  # type: ignore[arg-type]
        )
        return Step("set_scope", (engagement, {parts[1]: wanted}))
    if change.kind == "plan":
        return _plan_step(store, engagement, parts[1], change, name, value, absent)
    if change.kind == "value":
        kind_type = VALUE_KINDS[parts[1]]
        data = to_data(plans.get_value(store, engagement, parts[1]))
        _put(data, name, value, absent, to_data(kind_type()))
        return Step("set_value", (engagement, parts[1], from_data(kind_type, data)))
    if change.kind == "round" and name == "name" and not absent:
        return Step("rename_round", (parts[1], value))
    if change.kind == "engagement" and name in ENGAGEMENT_FIELDS:
        if name in ("start_date", "end_date") and isinstance(value, str) and value:
            value = date.fromisoformat(value)
        return Step("set_field", (engagement, name, None if absent and "date" in name else value))
    if change.kind == "client":
        profile_name = {column: key for key, column in CLIENT_FIELDS.items()}.get(name)
        if profile_name is not None:
            return Step("set_field", (engagement, profile_name, "" if absent else value))
        if name == "existing_systems":
            return Step("set_field", (engagement, name, [] if absent else value))
    if change.kind == "contact":
        contacts = list(engagements.get_profile(store, engagement).contacts)
        position = int(parts[2])
        if position < len(contacts):
            text_value = "" if absent else str(value)
            contacts[position] = replace(contacts[position], **{name: text_value})
            return Step("set_field", (engagement, "contacts", contacts))
    raise NotRestorableError(f"{change.kind} {change.label} {change.field}".strip())


def _put(
    data: dict[str, Any], name: str, value: object, absent: bool, empty: dict[str, Any]
) -> None:
    if absent:
        data[name] = empty.get(name)
        if data[name] is None:
            data.pop(name)
    else:
        data[name] = value


def _plan_step(
    store: Store,
    engagement: str,
    uuid: str,
    change: Change,
    name: str,
    value: object,
    absent: bool,
) -> Step:
    current = {item.uuid: item for item in plans.list_items(store, engagement)}.get(uuid)
    if name == recorder.WHOLE:
        if absent:
            if current is None:
                raise NotRestorableError(change.label)  # already gone
            return Step("remove_item", (uuid,))
        assert isinstance(value, dict)
        record = from_data(ITEM_KINDS[value["kind"]], value["data"])
        if current is None:
            return Step(
                "add_item", (engagement, record), {"position": value["position"], "uuid": uuid}
            )
        return Step("update_item", (uuid, record))
    if current is None:
        raise RecordGoneError(change.label)
    data = to_data(current.record)
    kind_type = ITEM_KINDS[current.kind]
    _put(data, name, value, absent, _empty_of(kind_type))
    return Step("update_item", (uuid, from_data(kind_type, data)))


def _empty_of(kind_type: type[Any]) -> dict[str, Any]:
    """The record's defaults, for the fields that have one (a removed field goes back to it)."""
    try:
        return to_data(kind_type())
    except TypeError:  # a record with required fields: only the fields with defaults
        return {
            f.name: f.default
            for f in msgspec.structs.fields(kind_type)
            if f.default is not msgspec.NODEFAULT
        }


def run(store: Store, step: Step) -> None:
    """Run a restoring step through the services (one transaction, recorded in the history)."""
    if step.op == "set_answer":
        diagnosis.set_answer(store, *step.args, **step.kwargs)
    elif step.op == "set_heard":
        diagnosis.set_heard(store, *step.args, **step.kwargs)
    elif step.op == "set_clause":
        diagnosis.set_clause(store, *step.args)
    elif step.op == "set_scope":
        diagnosis.set_scope(store, *step.args)
    elif step.op == "update_item":
        plans.update_item(store, *step.args)
    elif step.op == "add_item":
        plans.add_item(store, *step.args, **step.kwargs)
    elif step.op == "remove_item":
        plans.remove_item(store, *step.args)
    elif step.op == "set_value":
        plans.set_value(store, *step.args)
    elif step.op == "rename_round":
        diagnosis.rename_round(store, *step.args)
    elif step.op == "set_field":
        engagements.set_field(store, *step.args)
    else:
        raise ValueError(f"unknown step {step.op!r}")


def restore(store: Store, change_id: int, *, after: bool = False) -> Step:
    """Write back the value change ``change_id`` replaced (or wrote, with ``after``)."""
    engagement, change = get_change(store, change_id)
    step = restoring(store, engagement, change, after=after)
    run(store, step)
    return step
