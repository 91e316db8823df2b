"""Synchronise an offline copy with the firm's server: a three-way comparison per record and
field against the base both started from, then one server transaction and one local one.

``plan_sync`` reads both sides and writes nothing: a field changed on one side only goes to
the other, the same change on both is nothing to do, different changes are a
:class:`Conflict` the consultant decides (a :class:`Decision`: mine, theirs, or a merged text
for free text only). It also reads which history entries (named by uuid, migration 0010) one
side has and the other not. ``apply_sync`` checks the decisions and then writes, in this
order:

1. the local *journal*: what the local side will write once the server has committed;
2. the server transaction: every local change, each row checked against the version the plan
   saw (someone saved meanwhile: everything rolls back, :class:`ServerMovedError`), and a
   receipt naming this synchronisation;
3. the local transaction: the server's changes, the new bases, the journal removed.

The history travels with the data, in the same transactions: the laptop's own entries go up
(under the login the server stamps its records with), the server's come down as they are,
and a decided conflict adds one entry by the consultant who decided, so both histories end on
the value kept. The writes themselves record nothing again (that would say it twice).

A connection lost in 2 before the COMMIT is sent (also in the session's before_commit
listeners: the change notice) rolls the server back and drops the journal; lost at the
COMMIT itself or between 2 and 3, the outcome is unknown: the journal stays, and the next
sync finishes 3 from it when the server holds the receipt, or drops it when not. Either way
nothing decided is lost and nothing is done twice.
"""

from __future__ import annotations

import contextlib
import json
import uuid as uuid_module
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, event, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from dtbench.deliverables.preflight import TEXT_FIELDS
from dtbench.errors import excerpt
from dtbench.store import Store
from dtbench.store.history import WHOLE as WHOLE_ENTRY
from dtbench.store.history import dump
from dtbench.store.models import (
    Engagement,
    EvidenceBlob,
    HistoryEntry,
    OfflineCopy,
    SyncBase,
    SyncJournal,
    SyncReceipt,
    new_uuid,
    utcnow,
)
from dtbench.team.errors import (
    BadChoiceError,
    CommitUnknownError,
    ConnectionLostError,
    MergedNotTextError,
    NotMergeableError,
    NotOfflineError,
    NotOnServerError,
    ServerMovedError,
    UndecidedError,
    UnknownDecisionError,
)
from dtbench.team.records import (
    CONTACT_FIELDS,
    DATA,
    Fields,
    Rec,
    Rows,
    Write,
    default_of,
    kind_of,
    load,
    round_of,
    write,
)

Progress = Callable[[str, int, int], None]
WHOLE = ""  # a conflict's field when a record was removed on one side and changed on the other

# A list record's place in its list (plan records, contacts): each side renumbers its lists
# when a record is added or moved, so both sides "change" it; never a question for the
# consultant (the history does not keep it either): the server's order stands.
ORDER = "position"

# How a conflict is decided: this computer's value, the server's, or a merged text.
MINE, THEIRS, MERGE = "mine", "theirs", "merge"

# The fields typed as free text (answers' notes, clauses' findings, the plan records' texts):
# the only ones a merged text may decide. A merged status like "partly+met" or date would be
# unreadable to everyone.
FREE_TEXT = frozenset(
    {"note", "findings", "interviewees", "notes", "main_products", "title", "caption"}
    | {name for names in TEXT_FIELDS.values() for name in names}
)

# A history entry as it travels between databases (JSON-able; ``at`` in ISO form).
Entry = dict[str, str]
_ENTRY_COLUMNS = ("uuid", "at", "author", "kind", "record", "field", "old", "new")
_CHUNK = 500  # uuids per IN (…) list


@dataclass(frozen=True)
class Conflict:
    """One field changed differently on both sides since the base (or, ``field`` empty, a
    record removed on one side and changed on the other: values are whole records or None)."""

    record: str
    field: str
    base: Any
    local: Any
    local_author: str
    local_at: datetime | None
    server: Any
    server_author: str
    server_at: datetime | None

    @property
    def key(self) -> tuple[str, str]:
        return (self.record, self.field)

    @property
    def kind(self) -> str:
        return kind_of(self.record)

    @property
    def mergeable(self) -> bool:
        """Whether a merged text may decide it: free text on both sides, never a coded value
        (a status, a role, a date) or a whole record."""
        return (
            self.field != WHOLE
            and self.field.rsplit(".", 1)[-1] in FREE_TEXT
            and isinstance(self.local, str)
            and isinstance(self.server, str)
        )


@dataclass(frozen=True)
class Decision:
    """How one conflict is decided: ``choice`` is "mine", "theirs" or "merge" (then ``text``
    is the merged text)."""

    choice: str
    text: str | None = None


Decisions = Mapping[tuple[str, str], "Decision | str"]


@dataclass
class SyncPlan:
    """What a synchronisation would do; nothing is written until :func:`apply_sync`."""

    engagement: str
    local: Store
    server: Store
    login: str
    bases: dict[str, Rec]
    local_recs: dict[str, Rec]
    server_recs: dict[str, Rec]
    merged: dict[str, Fields | None]
    conflicts: list[Conflict] = field(default_factory=list)
    # The history entries one side has and the other not (by uuid), read with the records.
    history_down: list[Entry] = field(default_factory=list)
    history_up: list[Entry] = field(default_factory=list)

    def changes(self, decisions: Decisions | None = None) -> tuple[int, int]:
        """How many records go to the server and come to this computer (decisions that are
        missing or not valid are left out)."""
        final = _final(self, _values(self, decisions or {}, strict=False))
        up = sum(1 for name, f in final.items() if f != _side(self.server_recs, name))
        down = sum(1 for name, f in final.items() if f != _side(self.local_recs, name))
        return up, down


@dataclass(frozen=True)
class SyncResult:
    sent: int
    received: int
    decided: int


# ---------------------------------------------------------------- comparing
def _side(recs: Mapping[str, Rec], name: str) -> Fields | None:
    rec = recs.get(name)
    return dict(rec.fields) if rec is not None else default_of(name)


def _merge(
    name: str, base: Fields | None, local: Fields | None, server: Fields | None
) -> tuple[Fields | None, list[tuple[str, Any, Any, Any]]]:
    """The three-way result of one record and its conflicting fields (field, base, local,
    server); a conflicting field holds the server's value until decided."""
    if local in (server, base):
        return server, []
    if server == base:
        return local, []
    if local is None or server is None:
        return server, [(WHOLE, base, local, server)]
    b = base or {}
    out: Fields = {}
    clashes = []
    for f in dict.fromkeys([*b, *local, *server]):
        bv, lv, sv = b.get(f), local.get(f), server.get(f)
        if lv in (sv, bv):
            out[f] = sv
        elif sv == bv:
            out[f] = lv
        elif f == ORDER:
            out[f] = sv
        else:
            out[f] = sv
            clashes.append((f, bv, lv, sv))
    return out, clashes


def _copy_of(s: Session, engagement: str) -> OfflineCopy:
    copy = s.get(OfflineCopy, engagement)
    if copy is None:
        raise NotOfflineError(engagement)
    return copy


def _connection_lost(exc: BaseException) -> bool:
    return isinstance(exc, DBAPIError) and not isinstance(exc, IntegrityError)


def plan_sync(local: Store, server: Store, engagement: str) -> SyncPlan:
    """Compare the offline copy, the server and their base; nothing is written (apart from
    finishing a synchronisation an earlier lost connection left half done)."""
    finish_pending(local, server, engagement)
    with local.session() as s:
        copy = _copy_of(s, engagement)
        login = copy.login
        try:
            local_recs = load(s, engagement, rows=False).records
        except LookupError:
            raise NotOfflineError(engagement) from None
        bases = {
            b.record: Rec(json.loads(b.fields), b.version)
            for b in s.scalars(select(SyncBase).where(SyncBase.engagement_uuid == engagement))
        }
        local_entries = _entries(s, _engagement_id(s, engagement))
    server_recs, server_uuids, read_entries = _read_server(server, engagement, set(local_entries))
    names = list(dict.fromkeys([*bases, *local_recs, *server_recs]))

    def base(name: str) -> Fields | None:
        return _side(bases, name)

    # A round removed on one side and kept on the other: what the remover's children say
    # is not a change (they went with the round); if the keeper changed any, the removal
    # is a question for the consultant.
    removed_by: dict[str, str] = {}
    for name in names:
        if kind_of(name) != "round":
            continue
        b, lo, se = base(name), _side(local_recs, name), _side(server_recs, name)
        if b is not None and (lo is None) != (se is None):
            removed_by[name.split(":", 1)[1]] = "local" if lo is None else "server"
    plan = SyncPlan(engagement, local, server, login, bases, local_recs, server_recs, {})
    plan.history_down = read_entries
    # The laptop's own entries go up, but not its summaries ("taken offline"): those say what
    # was done to this computer's database, not to the engagement.
    plan.history_up = [
        e
        for e in _travelling(local_entries.values())
        if e["uuid"] not in server_uuids
        and not (e["kind"] == "engagement" and e["field"] == WHOLE_ENTRY)
    ]
    changed_children: set[str] = set()
    for name in names:
        if kind_of(name) == "round":
            continue
        b, lo, se = base(name), _side(local_recs, name), _side(server_recs, name)
        owner = round_of(name, lo or se or b)
        gone = removed_by.get(owner or "")
        if gone == "local":
            lo = b
            if se != b:
                changed_children.add(owner or "")
        elif gone == "server":
            se = b
            if lo != b:
                changed_children.add(owner or "")
        _add(plan, name, b, lo, se)
    for name in names:
        if kind_of(name) != "round":
            continue
        b, lo, se = base(name), _side(local_recs, name), _side(server_recs, name)
        if name.split(":", 1)[1] in changed_children:
            plan.merged[name] = se if lo is None else lo
            plan.conflicts.append(_conflict(plan, name, WHOLE, b, lo, se))
        else:
            _add(plan, name, b, lo, se)
    _number_new_rounds(plan)
    return plan


def _number_new_rounds(plan: SyncPlan) -> None:
    """Rounds made on both sides since the base may share a number (each laptop's "round
    2"): the server's keeps it, the one made here follows the last."""
    taken: dict[int, list[str]] = {}
    for name, fields in plan.merged.items():
        if kind_of(name) == "round" and fields is not None:
            taken.setdefault(int(fields["number"]), []).append(name)
    last = max(taken, default=0)
    for names in taken.values():
        for name in names:
            if len(names) > 1 and name not in plan.server_recs:
                last += 1
                fields = plan.merged[name]
                assert fields is not None
                fields["number"] = last


def _add(plan: SyncPlan, name: str, b: Fields | None, lo: Fields | None, se: Fields | None) -> None:
    merged, clashes = _merge(name, b, lo, se)
    plan.merged[name] = merged
    for f, bv, lv, sv in clashes:
        plan.conflicts.append(_conflict(plan, name, f, bv, lv, sv))


def _conflict(plan: SyncPlan, name: str, f: str, b: Any, lo: Any, se: Any) -> Conflict:
    mine = plan.local_recs.get(name) or Rec({})
    theirs = plan.server_recs.get(name) or Rec({})
    # This side's changes go up under the server login: name them so, not by the OS user.
    local_author = plan.login or mine.author
    return Conflict(name, f, b, lo, local_author, mine.at, se, theirs.author, theirs.at)


def _read_server(
    server: Store, engagement: str, have: set[str]
) -> tuple[dict[str, Rec], set[str], list[Entry]]:
    """The server's records, the uuids of its history entries and those of its entries not
    in ``have`` (this computer's), read in one snapshot so the history matches the data."""
    try:
        with server.sessions() as s:
            if s.get_bind().dialect.name == "postgresql":
                s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            try:
                rows = load(s, engagement, rows=False)
            except LookupError:
                raise NotOnServerError(engagement) from None
            eid = rows.engagement.id
            uuids = set(
                s.scalars(select(HistoryEntry.uuid).where(HistoryEntry.engagement_id == eid))
            )
            missing = sorted(uuids - have)
            entries: list[Entry] = []
            for start in range(0, len(missing), _CHUNK):
                chunk = missing[start : start + _CHUNK]
                entries += _entries(s, eid, chunk).values()
            return rows.records, uuids, _travelling(entries)
    except SQLAlchemyError as exc:
        if _connection_lost(exc):
            raise ConnectionLostError() from exc
        raise


# ---------------------------------------------------------------- history
def _engagement_id(s: Session, engagement: str) -> int:
    eid = s.scalar(select(Engagement.id).where(Engagement.uuid == engagement))
    if eid is None:
        raise NotOfflineError(engagement)
    return int(eid)


def _entries(s: Session, engagement_id: int, only: list[str] | None = None) -> dict[str, Entry]:
    """The engagement's history entries (or those of ``only``), by uuid, as they travel, in
    the order they were written (entries of one moment keep their order when copied)."""
    t = HistoryEntry.__table__
    stmt = (
        select(t.c.id, *(t.c[name] for name in _ENTRY_COLUMNS))
        .where(t.c.engagement_id == engagement_id)
        .order_by(t.c.at, t.c.id)
    )
    if only is not None:
        stmt = stmt.where(t.c.uuid.in_(only))
    out: dict[str, Entry] = {}
    for row in s.execute(stmt):
        entry = dict(zip(_ENTRY_COLUMNS, row[1:], strict=True))
        entry["at"] = entry["at"].isoformat()
        entry["_order"] = str(row[0]).zfill(20)  # dropped before it travels
        out[entry["uuid"]] = entry
    return out


def _travelling(entries: Iterable[Entry]) -> list[Entry]:
    """Entries oldest first, as written, without their row ids (which are each side's own)."""
    ordered = sorted(entries, key=lambda e: (e["at"], e["_order"]))
    return [{k: v for k, v in e.items() if k != "_order"} for e in ordered]


def history_of(s: Session, engagement_id: int) -> list[Entry]:
    """The engagement's whole history as it travels, oldest first."""
    return _travelling(_entries(s, engagement_id).values())


def copy_entries(s: Session, engagement_id: int, entries: list[Entry]) -> int:
    """Add ``entries`` to the engagement's history as they are (uuid, author, time, values),
    leaving out those already there; how many were added."""
    if not entries:
        return 0
    wanted = [e["uuid"] for e in entries]
    have: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        have |= set(s.scalars(select(HistoryEntry.uuid).where(HistoryEntry.uuid.in_(chunk))))
    rows = [
        {**e, "at": datetime.fromisoformat(e["at"]), "engagement_id": engagement_id}
        for e in entries
        if e["uuid"] not in have
    ]
    if rows:
        s.execute(insert(HistoryEntry), rows)
    return len(rows)


def _later(c: Conflict) -> Any:
    """The value of the side changed last: what the history read in time order ends with."""
    if (c.local_at or datetime.min) > (c.server_at or datetime.min):
        return c.local
    return c.server


def _whole_entry(kind: str, fields: Fields | None) -> str:
    """A whole plan record or round as the history keeps it (store/history.py ``_whole``)."""
    if fields is None:
        return ""
    if kind == "item":
        data = {k[len(DATA) :]: v for k, v in fields.items() if k.startswith(DATA)}
        return dump({"kind": fields.get("kind"), "position": fields.get("position"), "data": data})
    return dump({k: fields.get(k) for k in ("number", "name", "assessed_on")})


def _decision_entries(
    plan: SyncPlan, final: Mapping[str, Fields | None], at: datetime
) -> list[Entry]:
    """One entry per decided conflict whose value is not the one the history ends with: the
    consultant who synchronised chose it (what each side typed is in the copied entries)."""
    client = next(
        (
            str(r.fields.get("client"))
            for n, r in plan.server_recs.items()
            if kind_of(n) == "engagement"
        ),
        "",
    )
    found: list[tuple[str, str, str, str, str]] = []  # kind, record, field, old, new
    for c in plan.conflicts:
        kind, _, rest = c.record.partition(":")
        if kind in ("evidence", "member"):
            continue  # not recorded in the history
        target = final.get(c.record)
        later = _later(c)
        if c.field == WHOLE:
            if kind in ("item", "round"):
                hkind = "plan" if kind == "item" else kind
                found.append(
                    (
                        hkind,
                        f"{hkind}:{rest}",
                        WHOLE_ENTRY,
                        _whole_entry(kind, later),
                        _whole_entry(kind, target),
                    )
                )
            elif kind == "contact":
                for name in CONTACT_FIELDS[1:]:
                    before = "" if later is None else dump(later.get(name))
                    after = "" if target is None else dump(target.get(name))
                    position = (target or later or {}).get("position", 0)
                    found.append((kind, f"contact:{client}:{position}", name, before, after))
            continue
        if target is None or c.field in ("number", "position", "kind", "client"):
            continue  # gone with its round, or not recorded
        name = c.field[len(DATA) :] if c.field.startswith(DATA) else c.field
        record = c.record
        if kind == "item":
            record = f"plan:{rest}"
        elif kind == "contact":
            record = f"contact:{client}:{target.get('position', 0)}"
        found.append(
            (
                kind if kind != "item" else "plan",
                record,
                name,
                dump(later),
                dump(target.get(c.field)),
            )
        )
    stamp = at.isoformat()
    return [
        {
            "uuid": new_uuid(),
            "at": stamp,
            "author": plan.login,
            "kind": kind,
            "record": record,
            "field": name,
            "old": old,
            "new": new,
        }
        for kind, record, name, old, new in found
        if old != new
    ]


# ---------------------------------------------------------------- deciding
def keep_all(plan: SyncPlan, side: str) -> dict[tuple[str, str], Decision]:
    """Every conflict decided for ``side``: "mine" (this computer) or "theirs" (the server)."""
    return {c.key: Decision(side) for c in plan.conflicts}


def _shown(key: object) -> str:
    """A conflict's key as a message names it (short: it may hold anything)."""
    if isinstance(key, tuple) and len(key) == 2:
        return excerpt(f"{key[0]} / {key[1]}" if key[1] else str(key[0]), 80)
    return excerpt(repr(key), 80)


def _values(
    plan: SyncPlan, decisions: Decisions, *, strict: bool = True
) -> dict[tuple[str, str], Any]:
    """The value each decision keeps. Strict: every decision must name a conflict of this
    plan, choose mine, theirs or (free text only) a merged text, and every conflict must be
    decided, else a :class:`DecisionError` before anything is written; lenient (counting
    what a sync would do): the valid decisions only."""
    conflicts = {c.key: c for c in plan.conflicts}
    values: dict[tuple[str, str], Any] = {}
    for key, decision in decisions.items():
        try:
            c = conflicts.get(key)
            if c is None:
                raise UnknownDecisionError(_shown(key))
            choice = decision.choice if isinstance(decision, Decision) else decision
            if choice == MINE:
                values[key] = c.local
            elif choice == THEIRS:
                values[key] = c.server
            elif choice == MERGE:
                if not c.mergeable:
                    raise NotMergeableError(_shown(key))
                text = decision.text if isinstance(decision, Decision) else None
                if not isinstance(text, str):
                    raise MergedNotTextError(_shown(key))
                values[key] = text
            else:
                raise BadChoiceError(_shown(key), excerpt(repr(choice), 40))
        except (UnknownDecisionError, NotMergeableError, MergedNotTextError, BadChoiceError):
            if strict:
                raise
    undecided = len(conflicts) - len(values)
    if strict and undecided:
        raise UndecidedError(str(undecided))
    return values


def _final(plan: SyncPlan, decisions: Mapping[tuple[str, str], Any]) -> dict[str, Fields | None]:
    """The records as they end up on both sides, ``decisions`` holding each decided
    conflict's value (from :func:`_values`)."""
    final = {name: (dict(f) if f is not None else None) for name, f in plan.merged.items()}
    for c in plan.conflicts:
        if c.key not in decisions:
            continue
        value = decisions[c.key]
        if c.field == WHOLE:
            final[c.record] = dict(value) if value is not None else None
        elif final.get(c.record) is not None:
            final[c.record][c.field] = value  # type: ignore[index]
    # What lived in a removed round went with it.
    gone = {
        name.split(":", 1)[1] for name, f in final.items() if kind_of(name) == "round" and f is None
    }
    if gone:
        for name in list(final):
            owner = round_of(name, final[name] or plan.merged.get(name) or _side(plan.bases, name))
            if owner in gone:
                del final[name]
    return final


# ---------------------------------------------------------------- writing
def apply_sync(
    plan: SyncPlan,
    decisions: Decisions | None = None,
    progress: Progress | None = None,
) -> SyncResult:
    """Write the plan with the consultant's ``decisions`` (conflict key → :class:`Decision`,
    or "mine"/"theirs"): the server in one transaction, then this computer. See the module's
    description for the order. Decisions that are not valid, or a server that moved since the
    plan was made, are refused before anything is written."""
    report = progress or (lambda _label, _done, _total: None)
    final = _final(plan, _values(plan, decisions or {}))
    now = utcnow()
    up: list[Write] = []
    down: list[dict[str, Any]] = []
    bases: dict[str, tuple[Fields | None, int]] = {}
    for name, target in final.items():
        mine = _side(plan.local_recs, name)
        theirs = _side(plan.server_recs, name)
        lrec, srec = plan.local_recs.get(name), plan.server_recs.get(name)
        version = srec.version if srec is not None else 0
        if target != theirs:
            if target == mine and lrec is not None:
                up.append(Write(name, target, plan.login or lrec.author, lrec.at))
            else:
                up.append(Write(name, target, plan.login, now))
            version = version + 1 if srec is not None else 1
        if target != mine:
            if target == theirs and srec is not None:
                author, at = srec.author, srec.at
            else:
                author, at = plan.login, now
            down.append(
                {
                    "record": name,
                    "fields": target,
                    "expected": mine,
                    "author": author,
                    "at": at.isoformat() if at else None,
                }
            )
        if target != _side(plan.bases, name) or (
            name in plan.bases and plan.bases[name].version != version
        ):
            bases[name] = (None if target == default_of(name) else target, version)
    # The history: the laptop's own entries go up under the login the server knows it by (the
    # one its records are stamped with), the server's come down as they are, and each decided
    # conflict adds one entry on both sides.
    decided = _decision_entries(plan, final, now)
    history_up = [{**e, "author": plan.login or e["author"]} for e in plan.history_up]
    sync_id = str(uuid_module.uuid4())
    payload: dict[str, Any] = {
        "sync_id": sync_id,
        "down": down,
        "bases": {name: [f, v] for name, (f, v) in bases.items()},
        "history": [*plan.history_down, *decided],
        "login": plan.login,
        "renamed": [e["uuid"] for e in plan.history_up] if plan.login else [],
    }
    # Everything the plan read from the server and acts on: it must still be so.
    involved = (
        {w.record for w in up} | {d["record"] for d in down} | {c.record for c in plan.conflicts}
    )
    total = len(up) + len(down) + 1
    if up or history_up or decided:
        report("", 0, total)
        _write_journal(plan.local, plan.engagement, sync_id, payload)
        versions = _write_server(plan, up, sync_id, involved, [*history_up, *decided])
        for name, version in versions.items():
            if name in bases:
                bases[name] = (bases[name][0], version)
        payload["bases"] = {name: [f, v] for name, (f, v) in bases.items()}
    elif involved:
        _check_unmoved(plan, involved)
    report("", len(up), total)
    finish_local(plan.local, plan.engagement, payload, _blob_source(plan.server))
    report("", total, total)
    return SyncResult(len(up), len(down), len(plan.conflicts))


def _check_unmoved(plan: SyncPlan, involved: set[str]) -> None:
    """Refuse a plan whose server records have changed since it was made (nothing is
    written on the server: only read)."""
    try:
        with plan.server.sessions() as s:
            try:
                rows = load(s, plan.engagement, sorted(involved), rows=False)
            except LookupError:
                raise ServerMovedError() from None
            _check_versions(plan, rows, [], involved)
    except SQLAlchemyError as exc:
        if _connection_lost(exc):
            raise ConnectionLostError() from exc
        raise


def _write_journal(local: Store, engagement: str, sync_id: str, payload: dict[str, Any]) -> None:
    with local.session() as s:
        s.execute(delete(SyncJournal).where(SyncJournal.engagement_uuid == engagement))
        s.add(SyncJournal(engagement_uuid=engagement, sync_id=sync_id, payload=json.dumps(payload)))


def _drop_journal(local: Store, engagement: str) -> None:
    with local.session() as s:
        s.execute(delete(SyncJournal).where(SyncJournal.engagement_uuid == engagement))


def _local_blobs(local: Store, hashes: set[str]) -> dict[str, bytes]:
    if not hashes:
        return {}
    with local.session() as s:
        rows = s.scalars(select(EvidenceBlob).where(EvidenceBlob.sha256.in_(hashes)))
        return {b.sha256: b.data for b in rows}


def _write_server(
    plan: SyncPlan, up: list[Write], sync_id: str, involved: set[str], entries: list[Entry]
) -> dict[str, int]:
    """The server's half, in one transaction: the records, their history entries (copied,
    not recorded again), the receipt; the rows' new versions."""
    hashes = {str(w.fields["sha256"]) for w in up if kind_of(w.record) == "evidence" and w.fields}
    blobs = _local_blobs(plan.local, hashes)
    # Set by the connection just before the COMMIT itself goes to the server. Not before: a
    # commit first runs the session's before_commit listeners, which still execute statements
    # in the open transaction (the change notice's pg_notify, its queries, a last flush); a
    # connection lost there rolled the server back and is no "unknown" outcome.
    committing: list[bool] = []
    s = plan.server.sessions()
    # What changes here is told by the entries copied below: the laptop's own, with their
    # authors and times, and the decisions. Recording the writes again would say it twice.
    s.info["history"] = False
    try:
        try:
            rows = load(s, plan.engagement, sorted(involved))
        except LookupError:
            raise ServerMovedError() from None
        _check_versions(plan, rows, up, involved)
        for digest in hashes:
            if s.get(EvidenceBlob, digest) is None and digest in blobs:
                s.add(EvidenceBlob(sha256=digest, data=blobs[digest]))
        versions = write(rows, up)
        copy_entries(s, rows.engagement.id, entries)
        s.add(SyncReceipt(sync_id=sync_id, engagement_id=rows.engagement.id, author=plan.login))
        s.flush()
        event.listen(s.connection(), "commit", lambda _conn: committing.append(True))
        s.commit()
        return versions
    except (StaleDataError, IntegrityError) as exc:
        s.rollback()
        _drop_journal(plan.local, plan.engagement)
        raise ServerMovedError() from exc
    except ServerMovedError:
        s.rollback()
        _drop_journal(plan.local, plan.engagement)
        raise
    except SQLAlchemyError as exc:
        with contextlib.suppress(SQLAlchemyError):
            s.rollback()
        if committing:
            # The commit may or may not have reached the server: the journal stays, and the
            # next sync asks the server for this one's receipt.
            raise CommitUnknownError() from exc
        _drop_journal(plan.local, plan.engagement)
        raise ConnectionLostError() from exc
    finally:
        s.close()


def _check_versions(plan: SyncPlan, rows: Rows, up: list[Write], involved: set[str]) -> None:
    """Refuse when a record the plan acts on (writes, brings here, or asked about) is not the
    one the plan saw: someone saved or synchronised meanwhile."""
    for name in involved:
        seen = plan.server_recs.get(name)
        now = rows.records.get(name)
        if (seen is None) != (now is None) or (
            seen is not None and now is not None and seen.version != now.version
        ):
            raise ServerMovedError()
    for w in up:
        owner = round_of(w.record, w.fields)
        made = any(x.record == f"round:{owner}" and x.fields for x in up)
        if owner is not None and owner not in rows.round_ids and not made:
            raise ServerMovedError()


def _blob_source(server: Store) -> Callable[[set[str]], dict[str, bytes]]:
    def fetch(hashes: set[str]) -> dict[str, bytes]:
        with server.sessions() as s:
            rows = s.scalars(select(EvidenceBlob).where(EvidenceBlob.sha256.in_(hashes)))
            return {b.sha256: b.data for b in rows}

    return fetch


def finish_local(
    local: Store,
    engagement: str,
    payload: Mapping[str, Any],
    blobs: Callable[[set[str]], dict[str, bytes]],
) -> None:
    """The local half: the server's changes (a record the consultant changed meanwhile is
    left as they typed it: its base moves on, so the next sync sends it), the new bases."""
    down = payload["down"]
    with local.session() as s:
        # The server's entries (and the decisions') say what changes here: copied below, in
        # this transaction, rather than recorded again.
        s.info["history"] = False
        rows = load(s, engagement, [entry["record"] for entry in down])
        writes = []
        for entry in down:
            name = entry["record"]
            current = _side(rows.records, name)
            if current != entry["expected"]:
                continue
            at = datetime.fromisoformat(entry["at"]) if entry["at"] else None
            writes.append(Write(name, entry["fields"], entry["author"], at))
        wanted = {
            str(w.fields["sha256"])
            for w in writes
            if kind_of(w.record) == "evidence" and w.fields is not None
        }
        have = set(s.scalars(select(EvidenceBlob.sha256).where(EvidenceBlob.sha256.in_(wanted))))
        missing = wanted - have
        if missing:
            for digest, data in blobs(missing).items():
                s.add(EvidenceBlob(sha256=digest, data=data))
            s.flush()
        write(rows, writes)
        stored = {
            b.record: b
            for b in s.scalars(
                select(SyncBase).where(
                    SyncBase.engagement_uuid == engagement,
                    SyncBase.record.in_(list(payload["bases"])),
                )
            )
        }
        for name, (fields, version) in payload["bases"].items():
            row = stored.get(name)
            if fields is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(
                    SyncBase(
                        engagement_uuid=engagement,
                        record=name,
                        fields=json.dumps(fields),
                        version=version,
                    )
                )
            else:
                row.fields, row.version = json.dumps(fields), version
        copy_entries(s, rows.engagement.id, payload.get("history", []))
        renamed = payload.get("renamed", [])
        for start in range(0, len(renamed), _CHUNK):
            s.execute(
                update(HistoryEntry)
                .where(HistoryEntry.uuid.in_(renamed[start : start + _CHUNK]))
                .values(author=payload["login"])
            )
        s.execute(delete(SyncJournal).where(SyncJournal.engagement_uuid == engagement))
        copy = _copy_of(s, engagement)
        copy.last_sync_at = utcnow()


def finish_pending(local: Store, server: Store, engagement: str) -> bool:
    """Finish (or drop) a synchronisation a lost connection left half done; True when one
    was finished."""
    with local.session() as s:
        journal = s.get(SyncJournal, engagement)
        if journal is None:
            return False
        sync_id, payload = journal.sync_id, json.loads(journal.payload)
    try:
        with server.sessions() as s:
            committed = s.get(SyncReceipt, sync_id) is not None
    except SQLAlchemyError as exc:
        if _connection_lost(exc):
            raise ConnectionLostError() from exc
        raise
    if not committed:
        _drop_journal(local, engagement)
        return False
    finish_local(local, engagement, payload, _blob_source(server))
    return True


def synchronise(
    local: Store,
    server: Store,
    engagement: str,
    keep: str | None = None,
    progress: Progress | None = None,
) -> tuple[SyncPlan, SyncResult | None]:
    """Plan and, when nothing conflicts or ``keep`` ("mine"/"theirs") decides, apply; a
    server that moved meanwhile is planned again (up to three times)."""
    for attempt in range(3):
        plan = plan_sync(local, server, engagement)
        if plan.conflicts and keep is None:
            return plan, None
        try:
            return plan, apply_sync(plan, keep_all(plan, keep or "mine"), progress)
        except ServerMovedError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")
