"""An engagement as named records across databases: read them, write them back.

A laptop's copy and the firm's server hold the same engagement under different row ids, so
every record is named by what both sides share (``answer:<round uuid>:<item key>``,
``item:<uuid>``, ``value:strategy``…) and seen as plain JSON-able fields with the version,
author and time of its row. Synchronising compares these, field by field, and writes
records through the ORM (so every write is version-checked, stamped and seen by whoever
listens to the session's flush).

Two sorts of records: those whose missing row *means* empty values (an answer emptied is a
deleted row; a clause not in the scope table is in scope, weight 1), which are never created
or deleted as such, only changed to and from their default; and those that exist or not
(rounds, evidence, contacts, plan records, members).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dtbench.store.models import (
    Answer,
    AssessmentRound,
    ClauseAssessment,
    ClauseScope,
    Contact,
    Engagement,
    Evidence,
    InterviewAnswer,
    Member,
    PlanItem,
    PlanValue,
)

Fields = dict[str, Any]

DATA = "data."  # a plan record's JSON keys are fields of their own: "data.title"

CLIENT_FIELDS = (
    "name",
    "short_name",
    "industry",
    "size_employees",
    "size_revenue",
    "region",
    "main_products",
    "existing_systems",
)
CONTACT_FIELDS = ("position", "name", "role", "phone", "email")
ENGAGEMENT_FIELDS = (
    "title",
    "consultants",
    "start_date",
    "end_date",
    "status",
    "language",
    "notes",
    "benchmark_opt_in",
)
ROUND_FIELDS = ("number", "name", "assessed_on")
EVIDENCE_FIELDS = ("round", "clause_key", "filename", "size", "sha256", "caption")
DATE_FIELDS = frozenset({"start_date", "end_date", "assessed_on"})

# What a missing row means, for the records that are never created or deleted as such.
DEFAULTS: dict[str, Fields] = {
    "scope": {"in_scope": True, "weight": 1.0},
    "answer": {"status": "", "note": ""},
    "clause": {"current_level": None, "target_level": None, "findings": "", "interviewees": ""},
    "heard": {"status": "", "note": ""},
}
# The order records are written in: a round before its answers, a client before contacts.
ORDER = (
    "client",
    "contact",
    "engagement",
    "round",
    "scope",
    "answer",
    "clause",
    "heard",
    "evidence",
    "item",
    "value",
    "member",
)
# Records that live inside a round: dropped with it.
ROUND_CHILDREN = frozenset({"answer", "clause", "heard", "evidence"})


@dataclass(frozen=True)
class Rec:
    """One record as a side holds it: its fields, the row's version, author and time."""

    fields: Fields
    version: int = 0
    author: str = ""
    at: datetime | None = None


def kind_of(record: str) -> str:
    return record.split(":", 1)[0]


def default_of(record: str) -> Fields | None:
    """The fields a missing row stands for (None: the record does not exist)."""
    found = DEFAULTS.get(kind_of(record))
    return dict(found) if found is not None else None


def round_of(record: str, fields: Fields | None) -> str | None:
    """The uuid of the round a record lives in (None for records outside rounds)."""
    kind = kind_of(record)
    if kind == "evidence":
        return None if fields is None else str(fields.get("round"))
    if kind in ROUND_CHILDREN:
        return record.split(":")[1]
    return None


def _json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _pick(row: Any, names: Iterable[str]) -> Fields:
    return {name: _json(getattr(row, name)) for name in names}


def _rec(fields: Fields, row: Any) -> Rec:
    return Rec(
        fields,
        int(getattr(row, "version", 0) or 0),
        str(getattr(row, "updated_by", "") or ""),
        getattr(row, "updated_at", None),
    )


def _flat(data: Mapping[str, Any]) -> Fields:
    return {DATA + key: value for key, value in data.items()}


def _unflat(fields: Fields) -> dict[str, Any]:
    return {key[len(DATA) :]: value for key, value in fields.items() if key.startswith(DATA)}


class Rows:
    """Every row of one engagement in one session, by record name (``load``)."""

    def __init__(self, s: Session, engagement: Engagement) -> None:
        self.session = s
        self.engagement = engagement
        self.rows: dict[str, Any] = {}
        self.records: dict[str, Rec] = {}
        self.round_ids: dict[str, int] = {}

    def add(self, record: str, row: Any, fields: Fields) -> None:
        self.rows[record] = row
        self.records[record] = _rec(fields, row)


def load(
    s: Session, engagement_uuid: str, only: Iterable[str] | None = None, *, rows: bool = True
) -> Rows:
    """Read the engagement's records (LookupError when the engagement is not there); with
    ``only``, just those records (and the rounds, the client and the engagement). Without
    ``rows`` the records are read as plain table rows (quicker; nothing to write back)."""
    e = s.scalar(select(Engagement).where(Engagement.uuid == engagement_uuid))
    if e is None:
        raise LookupError(engagement_uuid)
    wanted: dict[str, set[str]] | None = None
    if only is not None:
        wanted = {}
        for name in only:
            kind, _, rest = name.partition(":")
            wanted.setdefault(kind, set()).add(rest.rsplit(":", 1)[-1])

    def query(kind: str, stmt: Any, column: Any) -> Any:
        if wanted is not None:
            if kind not in wanted:
                return []
            stmt = stmt.where(column.in_(sorted(wanted[kind])))
        if rows:
            return s.scalars(stmt)
        # the same statement, for the table's plain rows (no objects to track)
        table = stmt.get_final_froms()[0]
        return s.execute(stmt.with_only_columns(*table.c)).all()

    out = Rows(s, e)
    c = e.client
    out.add(f"client:{c.uuid}", c, _pick(c, CLIENT_FIELDS))
    if wanted is None or "contact" in wanted:
        for k in c.contacts:
            out.add(f"contact:{k.uuid}", k, _pick(k, CONTACT_FIELDS))
    fields = _pick(e, ENGAGEMENT_FIELDS)
    fields["client"] = c.uuid
    out.add(f"engagement:{e.uuid}", e, fields)
    stmt: Any = select(ClauseScope).where(ClauseScope.engagement_id == e.id)
    for scope in query("scope", stmt, ClauseScope.clause_key):
        out.add(f"scope:{scope.clause_key}", scope, _pick(scope, DEFAULTS["scope"]))
    rounds = list(s.scalars(select(AssessmentRound).where(AssessmentRound.engagement_id == e.id)))
    by_id: dict[int, str] = {}
    for r in rounds:
        out.add(f"round:{r.uuid}", r, _pick(r, ROUND_FIELDS))
        out.round_ids[r.uuid] = r.id
        by_id[r.id] = r.uuid
    ids = list(by_id)
    if ids:
        stmt = select(Answer).where(Answer.round_id.in_(ids))
        for a in query("answer", stmt, Answer.key):
            out.add(f"answer:{by_id[a.round_id]}:{a.key}", a, _pick(a, DEFAULTS["answer"]))
        stmt = select(ClauseAssessment).where(ClauseAssessment.round_id.in_(ids))
        for x in query("clause", stmt, ClauseAssessment.clause_key):
            name = f"clause:{by_id[x.round_id]}:{x.clause_key}"
            out.add(name, x, _pick(x, DEFAULTS["clause"]))
        stmt = select(InterviewAnswer).where(InterviewAnswer.round_id.in_(ids))
        for h in query("heard", stmt, InterviewAnswer.key):
            name = f"heard:{by_id[h.round_id]}:{h.interview}:{h.key}"
            out.add(name, h, _pick(h, DEFAULTS["heard"]))
        stmt = select(Evidence).where(Evidence.round_id.in_(ids))
        for ev in query("evidence", stmt, Evidence.uuid):
            fields = _pick(ev, EVIDENCE_FIELDS[1:])
            fields["round"] = by_id[ev.round_id]
            out.add(f"evidence:{ev.uuid}", ev, fields)
    stmt = select(PlanItem).where(PlanItem.engagement_id == e.id)
    for item in query("item", stmt, PlanItem.uuid):
        fields = {"kind": item.kind, "position": item.position, **_flat(item.data or {})}
        out.add(f"item:{item.uuid}", item, fields)
    stmt = select(PlanValue).where(PlanValue.engagement_id == e.id)
    for value in query("value", stmt, PlanValue.name):
        out.add(f"value:{value.name}", value, _flat(value.data or {}))
    stmt = select(Member).where(Member.engagement_id == e.id)
    for m in query("member", stmt, Member.login):
        out.add(f"member:{m.login}", m, {"role": m.role})
    return out


# ---------------------------------------------------------------- writing
def _value(name: str, value: Any) -> Any:
    if name in DATE_FIELDS and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _assign(row: Any, fields: Fields, names: Iterable[str]) -> None:
    for name in names:
        if name in fields:
            setattr(row, name, _value(name, fields[name]))


def _new_row(rows: Rows, record: str, fields: Fields) -> Any:
    """A new row for ``record`` (added to the session), or None when its parent is gone."""
    kind, _, rest = record.partition(":")
    e = rows.engagement
    if kind == "contact":
        row: Any = Contact(uuid=rest, client_id=e.client_id, name=fields.get("name") or "?")
    elif kind == "round":
        row = AssessmentRound(uuid=rest, engagement_id=e.id, number=0, name="")
    elif kind == "scope":
        row = ClauseScope(engagement_id=e.id, clause_key=rest)
    elif kind in ("answer", "clause", "heard"):
        parts = rest.split(":")
        rid = rows.round_ids.get(parts[0])
        if rid is None:
            return None
        if kind == "answer":
            row = Answer(round_id=rid, key=parts[1])
        elif kind == "clause":
            row = ClauseAssessment(round_id=rid, clause_key=parts[1], findings="", interviewees="")
        else:
            row = InterviewAnswer(round_id=rid, interview=parts[1], key=parts[2])
    elif kind == "evidence":
        rid = rows.round_ids.get(str(fields.get("round")))
        if rid is None:
            return None
        row = Evidence(uuid=rest, round_id=rid)
    elif kind == "item":
        row = PlanItem(uuid=rest, engagement_id=e.id, kind=fields["kind"], data={})
    elif kind == "value":
        row = PlanValue(engagement_id=e.id, name=rest, data={})
    elif kind == "member":
        row = Member(engagement_id=e.id, login=rest)
    else:  # the client and the engagement are there on both sides
        raise ValueError(f"cannot create {record}")
    rows.session.add(row)
    return row


def _fill(row: Any, record: str, fields: Fields) -> None:
    kind = kind_of(record)
    if kind == "client":
        _assign(row, fields, CLIENT_FIELDS)
    elif kind == "contact":
        _assign(row, fields, CONTACT_FIELDS)
    elif kind == "engagement":
        _assign(row, fields, ENGAGEMENT_FIELDS)
    elif kind == "round":
        _assign(row, fields, ROUND_FIELDS)
    elif kind in DEFAULTS:
        _assign(row, fields, DEFAULTS[kind])
    elif kind == "evidence":
        _assign(row, fields, EVIDENCE_FIELDS[1:])
    elif kind == "item":
        _assign(row, fields, ("kind", "position"))
        row.data = _unflat(fields)
    elif kind == "value":
        row.data = _unflat(fields)
    elif kind == "member":
        _assign(row, fields, ("role",))


@dataclass(frozen=True)
class Write:
    """Make ``record`` hold ``fields`` (None: remove it), stamped with ``author`` and ``at``."""

    record: str
    fields: Fields | None
    author: str = ""
    at: datetime | None = None


def _phase(w: Write, rows: Rows) -> int:
    """0: parents made or changed; 1: everything inside them; 2: parents removed."""
    kind = kind_of(w.record)
    if kind in ("client", "contact", "engagement", "round"):
        return 2 if w.fields is None else 0
    return 1


def write(rows: Rows, writes: Iterable[Write]) -> dict[str, int]:
    """Apply ``writes`` in a safe order, flushing per author so each row keeps who wrote it;
    returns the new version of every row written (0 for a removed one). A stale row fails
    the flush (StaleDataError)."""
    s = rows.session
    # rows there already before new ones: a round renumbered frees its number for another
    ordered = sorted(
        writes,
        key=lambda w: (
            _phase(w, rows),
            ORDER.index(kind_of(w.record)),
            w.record not in rows.rows,
        ),
    )
    saved_author = s.info.get("author", "")
    touched: dict[str, Any] = {}
    try:
        for phase in (0, 1, 2):
            batch = [w for w in ordered if _phase(w, rows) == phase]
            authors = list(dict.fromkeys(w.author for w in batch))
            for author in authors:
                s.info["author"] = author or saved_author
                for w in batch:
                    if w.author != author:
                        continue
                    row = _apply_one(rows, w)
                    if row is not None:
                        touched[w.record] = row
                s.flush()
                if phase == 0:  # new rounds: their children need the id
                    for name, row in touched.items():
                        if kind_of(name) == "round" and row is not None:
                            rows.round_ids[name.split(":", 1)[1]] = row.id
    finally:
        s.info["author"] = saved_author
    return {
        name: (0 if row is False else int(getattr(row, "version", 1) or 1))
        for name, row in touched.items()
    }


def _apply_one(rows: Rows, w: Write) -> Any:
    s = rows.session
    row = rows.rows.get(w.record)
    default = default_of(w.record)
    fields = w.fields
    if fields is None or (default is not None and fields == default):
        if row is not None:
            s.delete(row)
            rows.rows.pop(w.record, None)
            return False
        return None
    if row is None:
        row = _new_row(rows, w.record, fields)
        if row is None:
            return None
        rows.rows[w.record] = row
    _fill(row, w.record, fields)
    if hasattr(row, "updated_at") and w.at is not None:
        row.updated_at = w.at
    return row
