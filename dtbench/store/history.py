"""The history of an engagement: who changed which field of which record, when, from what to what.

A listener on every session of a store (``install``, called by ``open_store``) writes one
``HistoryEntry`` per changed field of the recorded models (``RECORDED``) inside the same
transaction as the change, so a change and its history are committed or rolled back together,
on a laptop's SQLite as on the firm's PostgreSQL server.

How a change is written:

- an update: one entry per changed field, ``old`` and ``new`` as JSON text;
- a new row: one entry per field holding something (``old`` is ""); a removed row: one entry
  per field that held something (``new`` is ""). "" means *the record is not there*, which for
  an answer, a clause's assessment, a scope or a single plan record means its default (an
  unanswered item, no level, in scope with weight 1…), since those rows exist only while they
  hold something;
- a plan list record (``PlanItem``) and a round are created and removed as a whole: one entry
  with field ``*`` holding the whole record (kind, position and data of a plan record);
  their later changes are one entry per top-level field of the data (``data`` is JSON);
- the JSON data of a single plan record (``PlanValue``): one entry per changed top-level field;
- several flushes of one transaction that touch the same field give one entry (first old,
  last new), and none when the field ends as it began (the contacts are rewritten as a whole).

Bulk writes that create whole engagements (the sample, an engagement file, a template) write
no entries: they run inside ``quiet()`` (or mark their session ``info["history"] = False``) and
add one summary entry (``summary``: field ``*``, new value "created", "imported"…) for the
engagement instead. Restoring a backup replaces the database with its own history.

Kept cheap: per flush, one query for the rounds (or clients) the changed rows belong to and
one INSERT of the entries (Core, in the same flush and transaction).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, event, insert, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from dtbench.store.models import (
    Answer,
    AssessmentRound,
    BenchmarkEntry,
    BenchmarkLink,
    ClauseAssessment,
    ClauseScope,
    Client,
    Contact,
    Engagement,
    Evidence,
    EvidenceBlob,
    FirmTemplate,
    HistoryEntry,
    InterviewAnswer,
    Member,
    OfflineCopy,
    PlanItem,
    PlanValue,
    Presence,
    SyncBase,
    SyncJournal,
    SyncReceipt,
    new_uuid,
    utcnow,
)

# The kind of record each recorded model is, in ``HistoryEntry.kind`` and ``record_key``.
KINDS: dict[type[Any], str] = {
    Answer: "answer",
    ClauseAssessment: "clause",
    InterviewAnswer: "heard",
    ClauseScope: "scope",
    PlanItem: "plan",
    PlanValue: "value",
    AssessmentRound: "round",
    Engagement: "engagement",
    Client: "client",
    Contact: "contact",
}

# The columns whose changes are recorded.
RECORDED: dict[type[Any], tuple[str, ...]] = {
    Answer: ("status", "note"),
    ClauseAssessment: ("current_level", "target_level", "findings", "interviewees"),
    InterviewAnswer: ("status", "note"),
    ClauseScope: ("in_scope", "weight"),
    PlanItem: ("data",),
    PlanValue: ("data",),
    AssessmentRound: ("name", "assessed_on"),
    Engagement: (
        "title",
        "consultants",
        "start_date",
        "end_date",
        "status",
        "language",
        "notes",
        "deleted_at",
        "benchmark_opt_in",
    ),
    Client: (
        "name",
        "short_name",
        "industry",
        "size_employees",
        "size_revenue",
        "region",
        "main_products",
        "existing_systems",
    ),
    Contact: ("name", "role", "phone", "email"),
}

# Columns deliberately not recorded, and why: bookkeeping, or what names the record (its key).
# A test fails on a column listed in neither, so a new field is a decision, not an oversight.
_BOOKKEEPING = ("id", "uuid", "version", "created_at", "updated_at", "updated_by")
_VERSIONED = ("id", "version", "updated_at", "updated_by")  # rows without a uuid of their own
NOT_RECORDED: dict[type[Any], tuple[str, ...]] = {
    Answer: (*_VERSIONED, "round_id", "key"),
    ClauseAssessment: (*_VERSIONED, "round_id", "clause_key"),
    InterviewAnswer: (*_VERSIONED, "round_id", "interview", "key"),
    ClauseScope: (*_VERSIONED, "engagement_id", "clause_key"),
    # The order of a list is not history worth restoring (moves are undone in the app).
    PlanItem: (*_BOOKKEEPING, "engagement_id", "kind", "position"),
    PlanValue: (*_VERSIONED, "engagement_id", "name"),
    AssessmentRound: (*_BOOKKEEPING, "engagement_id", "number"),
    Engagement: (*_BOOKKEEPING, "client_id"),
    Client: _BOOKKEEPING,
    Contact: (*_BOOKKEEPING, "client_id", "position"),
}

# Models whose rows are not recorded, and why: evidence files are added and removed as files
# (the round lists them; the bytes are not history's to keep), the rest is history, team and
# synchronisation bookkeeping. A test fails on a model in neither list.
UNRECORDED_MODELS: tuple[type[Any], ...] = (
    # the firm's anonymised benchmark figures and template library: not an engagement's
    BenchmarkLink,
    BenchmarkEntry,
    FirmTemplate,
    Evidence,
    EvidenceBlob,
    HistoryEntry,
    Member,
    Presence,
    OfflineCopy,
    SyncBase,
    SyncJournal,
    SyncReceipt,
)

# What a field is when its row is not there (the rows below exist only while they differ).
ABSENT: dict[tuple[type[Any], str], object] = {
    (ClauseScope, "in_scope"): True,
    (ClauseScope, "weight"): 1.0,
}

# The field of the entries that hold a whole record (created, removed) or a summary.
WHOLE = "*"

_quiet: ContextVar[bool] = ContextVar("dtbench_history_quiet", default=False)
# session.info: (engagement id, record, field) → (id, old) of this transaction's entries
_OPEN = "_history_open"


def record_key(kind: str, *parts: str) -> str:
    """The name of a record in ``HistoryEntry.record``, the same on every database.

    Made of uuids and keys only (never row ids, which differ between a laptop and the server):

    - ``answer:<round uuid>:<item key>`` — an item's answer in a round (status, note);
    - ``clause:<round uuid>:<clause key>`` — a clause's levels, findings and interviewees;
    - ``heard:<round uuid>:<interview uuid>:<item or clause key>`` — what an interview said;
    - ``scope:<clause key>`` — a clause's scope and weight in the engagement;
    - ``plan:<plan item uuid>`` — a plan list record (phase, initiative, KPI, risk…);
    - ``value:<name>`` — a single plan record (strategy, leadership, organization, culture…);
    - ``round:<round uuid>`` — an assessment round (name, date);
    - ``engagement:<engagement uuid>``, ``client:<client uuid>`` — the profile's fields;
    - ``contact:<client uuid>:<position>`` — the client's n-th contact (0-based).
    """
    if kind not in KINDS.values():
        raise ValueError(f"unknown kind of record {kind!r}")
    return ":".join((kind, *parts))


def dump(value: object) -> str:
    """A value as the JSON text an entry keeps (dates in ISO form)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_plain)


def load(text: str) -> object:
    """The value an entry keeps; "" (no record) stays ""."""
    return "" if text == "" else json.loads(text)


def _plain(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


@contextmanager
def quiet() -> Iterator[None]:
    """Write no history for the changes made inside (in this thread): bulk creations."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def summary(session: Session, engagement_id: int, engagement_uuid: str, what: str) -> None:
    """One entry saying the engagement was created or replaced as a whole (``what``)."""
    session.add(
        HistoryEntry(
            engagement_id=engagement_id,
            at=utcnow(),
            author=session.info.get("author", ""),
            kind="engagement",
            record=record_key("engagement", engagement_uuid),
            field=WHOLE,
            old="",
            new=dump(what),
        )
    )


def install(sessions: sessionmaker[Session]) -> None:
    """Record the changes of every session ``sessions`` makes."""
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "after_commit", _forget)
    event.listen(sessions, "after_rollback", _forget)


def _forget(session: Session) -> None:
    session.info.pop(_OPEN, None)


def _empty(model: type[Any], name: str, value: object) -> bool:
    if (model, name) in ABSENT:
        return value == ABSENT[(model, name)]
    return value is None or value is False or value == "" or value == [] or value == {}


# One change found: (engagement id, kind, record, field, old JSON, new JSON).
Change = tuple[int, str, str, str, str, str]


def _after_flush(session: Session, context: object) -> None:
    """Find the changed fields while the attributes still know their old values."""
    if _quiet.get() or session.info.get("history") is False:
        return
    # The flush's own list: it holds the orphans it deletes too (a client's replaced contacts).
    states: dict[Any, tuple[bool, bool]] = getattr(context, "states", {})
    touched = [
        (state.obj(), state, isdelete)
        for state, (isdelete, listonly) in states.items()
        if not listonly and state.class_ in RECORDED
    ]
    dropped = {o.id for o in session.deleted if isinstance(o, Engagement)}
    if not touched and not dropped:
        return
    changes: list[tuple[object, str, str, str, str]] = []  # obj, kind, field, old, new
    for obj, state, isdelete in touched:
        model = type(obj)
        kind = KINDS[model]
        if isdelete:
            if model is Engagement or model is Client:
                continue  # its history goes with it
            if model in (PlanItem, AssessmentRound):
                changes.append((obj, kind, WHOLE, dump(_whole(obj)), ""))
                continue
            for name in RECORDED[model]:
                value = getattr(obj, name)
                if model in (PlanValue,):
                    for key, item in sorted((value or {}).items()):
                        if not _empty(model, key, item):
                            changes.append((obj, kind, key, dump(item), ""))
                elif not _empty(model, name, value):
                    changes.append((obj, kind, name, dump(value), ""))
            continue
        created = obj in session.new
        if created and model in (PlanItem, AssessmentRound):
            changes.append((obj, kind, WHOLE, "", dump(_whole(obj))))
            continue
        for name in RECORDED[model]:
            attr = state.attrs[name]
            if created:
                value = attr.value
                if model is PlanValue:
                    for key, item in sorted((value or {}).items()):
                        if not _empty(model, key, item):
                            changes.append((obj, kind, key, "", dump(item)))
                elif not _empty(model, name, value):
                    changes.append((obj, kind, name, "", dump(value)))
                continue
            hist = attr.history
            if not hist.added and not hist.deleted:
                continue
            new_value = hist.added[0] if hist.added else None
            if not hist.deleted:
                continue  # the old value was never loaded: nothing honest to record
            old_value = hist.deleted[0]
            if name == "data":
                old_data = old_value or {}
                new_data = new_value or {}
                for key in sorted(set(old_data) | set(new_data)):
                    before = dump(old_data[key]) if key in old_data else ""
                    after = dump(new_data[key]) if key in new_data else ""
                    if before != after:
                        changes.append((obj, kind, key, before, after))
            else:
                before, after = dump(old_value), dump(new_value)
                if before != after:
                    changes.append((obj, kind, name, before, after))
    _write(session, _placed(session, changes) if changes else [], dropped)


def _whole(obj: object) -> dict[str, object]:
    if isinstance(obj, PlanItem):
        return {"kind": obj.kind, "position": obj.position, "data": obj.data}
    assert isinstance(obj, AssessmentRound)
    return {"number": obj.number, "name": obj.name, "assessed_on": obj.assessed_on}


def _placed(session: Session, changes: list[tuple[object, str, str, str, str]]) -> list[Change]:
    """The changes with the engagement(s) and record name each belongs to (one query per
    table the rows hang from)."""
    conn = session.connection()
    round_ids = {
        o.round_id
        for o, *_ in changes
        if isinstance(o, Answer | ClauseAssessment | InterviewAnswer)
    }
    rounds: dict[int, tuple[str, int]] = {}
    if round_ids:
        t = AssessmentRound.__table__
        rows = conn.execute(
            select(t.c.id, t.c.uuid, t.c.engagement_id).where(t.c.id.in_(round_ids))
        )
        rounds = {row[0]: (row[1], row[2]) for row in rows}
    client_ids = {o.id for o, *_ in changes if isinstance(o, Client)}
    client_ids |= {_client_id(o) for o, *_ in changes if isinstance(o, Contact)}
    clients: dict[int, tuple[str, list[int]]] = {}
    if client_ids:
        c, e = Client.__table__, Engagement.__table__
        for cid, cuuid in conn.execute(select(c.c.id, c.c.uuid).where(c.c.id.in_(client_ids))):
            clients[cid] = (cuuid, [])
        owners = conn.execute(select(e.c.id, e.c.client_id).where(e.c.client_id.in_(client_ids)))
        for eid, cid in owners:
            clients[cid][1].append(eid)
    placed: list[Change] = []
    for obj, kind, field, old, new in changes:
        eids: list[int]
        if isinstance(obj, Answer | ClauseAssessment | InterviewAnswer):
            if obj.round_id not in rounds:
                continue  # its round went in the same flush
            ruuid, eid = rounds[obj.round_id]
            eids = [eid]
            if isinstance(obj, Answer):
                record = record_key(kind, ruuid, obj.key)
            elif isinstance(obj, ClauseAssessment):
                record = record_key(kind, ruuid, obj.clause_key)
            else:
                record = record_key(kind, ruuid, obj.interview, obj.key)
        elif isinstance(obj, ClauseScope):
            eids, record = [obj.engagement_id], record_key(kind, obj.clause_key)
        elif isinstance(obj, PlanItem | AssessmentRound):
            eids, record = [obj.engagement_id], record_key(kind, obj.uuid)
        elif isinstance(obj, PlanValue):
            eids, record = [obj.engagement_id], record_key(kind, obj.name)
        elif isinstance(obj, Engagement):
            eids, record = [obj.id], record_key(kind, obj.uuid)
        elif isinstance(obj, Client):
            if obj.id not in clients:
                continue
            eids, record = clients[obj.id][1], record_key(kind, obj.uuid)
        else:
            assert isinstance(obj, Contact)
            if _client_id(obj) not in clients:
                continue
            cuuid, eids = clients[_client_id(obj)]
            record = record_key(kind, cuuid, str(obj.position))
        placed += [(eid, kind, record, field, old, new) for eid in eids]
    return placed


def _client_id(contact: Contact) -> int:
    """The contact's client, also when it was just removed from the client's list."""
    if contact.client_id is not None:
        return contact.client_id
    before = inspect(contact).attrs.client.history.deleted
    return before[0].id if before else -1


def _write(session: Session, todo: list[Change], dropped: set[int]) -> None:
    """Write the entries with the flush, merging them with this transaction's earlier entries
    for the same field (one entry: first old, last new; none when it ends as it began)."""
    opened: dict[tuple[int, str, str], tuple[int, str]] = session.info.setdefault(_OPEN, {})
    for key in [k for k in opened if k[0] in dropped]:
        del opened[key]  # the engagement's rows, history included, went with it
    merged: dict[tuple[int, str, str], list[str]] = {}  # key → kind, old, new
    for eid, kind, record, field, old, new in todo:
        if eid in dropped:
            continue
        key = (eid, record, field)
        if key in merged:
            merged[key][2] = new
        else:
            merged[key] = [kind, old, new]
    conn = session.connection()
    now = utcnow()
    author = session.info.get("author", "")
    rows: list[dict[str, object]] = []
    keys: list[tuple[int, str, str]] = []
    for key, (kind, old, new) in merged.items():
        if key in opened:
            entry_id, first = opened[key]
            if first == new:
                conn.execute(delete(HistoryEntry).where(HistoryEntry.id == entry_id))
                del opened[key]
            else:
                conn.execute(
                    update(HistoryEntry).where(HistoryEntry.id == entry_id).values(new=new, at=now)
                )
        elif old != new:
            eid, record, field = key
            rows.append(
                {
                    "uuid": new_uuid(),
                    "engagement_id": eid,
                    "at": now,
                    "author": author,
                    "kind": kind,
                    "record": record,
                    "field": field,
                    "old": old,
                    "new": new,
                }
            )
            keys.append(key)
    if rows:
        stmt = insert(HistoryEntry).returning(HistoryEntry.id, sort_by_parameter_order=True)
        ids = conn.execute(stmt, rows).scalars().all()
        for key, entry_id, row in zip(keys, ids, rows, strict=True):
            opened[key] = (entry_id, str(row["old"]))


def note(sessions: sessionmaker[Session], engagement_uuid: str, what: str) -> None:
    """Add the one summary entry of a bulk creation (``what``: "created", "imported"…) in a
    transaction of its own, after the creation's."""
    with sessions() as session, session.begin():
        eid = session.scalar(select(Engagement.id).where(Engagement.uuid == engagement_uuid))
        if eid is not None:
            summary(session, eid, engagement_uuid, what)
