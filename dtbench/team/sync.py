"""Synchronise an offline copy with the firm's server: a three-way comparison per record and
field against the base both started from, then one server transaction and one local one.

``plan_sync`` reads both sides and writes nothing: a field changed on one side only goes to
the other, the same change on both is nothing to do, different changes are a
:class:`Conflict` the consultant decides. ``apply_sync`` then writes, in this order:

1. the local *journal*: what the local side will write once the server has committed;
2. the server transaction: every local change, each row checked against the version the plan
   saw (someone saved meanwhile: everything rolls back, :class:`ServerMovedError`), and a
   receipt naming this synchronisation;
3. the local transaction: the server's changes, the new bases, the journal removed.

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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, event, select
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from dtbench.store import Store
from dtbench.store.models import (
    EvidenceBlob,
    OfflineCopy,
    SyncBase,
    SyncJournal,
    SyncReceipt,
    utcnow,
)
from dtbench.team.errors import (
    CommitUnknownError,
    ConnectionLostError,
    NotOfflineError,
    NotOnServerError,
    ServerMovedError,
    UndecidedError,
)
from dtbench.team.records import (
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

    def changes(self, decisions: Mapping[tuple[str, str], Any] | None = None) -> tuple[int, int]:
        """How many records go to the server and come to this computer."""
        final = _final(self, decisions or {}, strict=False)
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
    server_recs = _read_server(server, engagement)
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
    return Conflict(name, f, b, lo, mine.author, mine.at, se, theirs.author, theirs.at)


def _read_server(server: Store, engagement: str) -> dict[str, Rec]:
    try:
        with server.sessions() as s:
            try:
                return load(s, engagement, rows=False).records
            except LookupError:
                raise NotOnServerError(engagement) from None
    except SQLAlchemyError as exc:
        if _connection_lost(exc):
            raise ConnectionLostError() from exc
        raise


# ---------------------------------------------------------------- deciding
def keep_all(plan: SyncPlan, side: str) -> dict[tuple[str, str], Any]:
    """Every conflict decided for ``side``: "mine" (this computer) or "theirs" (the server)."""
    return {c.key: (c.local if side == "mine" else c.server) for c in plan.conflicts}


def _final(
    plan: SyncPlan, decisions: Mapping[tuple[str, str], Any], *, strict: bool = True
) -> dict[str, Fields | None]:
    final = {name: (dict(f) if f is not None else None) for name, f in plan.merged.items()}
    undecided = 0
    for c in plan.conflicts:
        if c.key not in decisions:
            undecided += 1
            continue
        value = decisions[c.key]
        if c.field == WHOLE:
            final[c.record] = dict(value) if value is not None else None
        elif final.get(c.record) is not None:
            final[c.record][c.field] = value  # type: ignore[index]
    if strict and undecided:
        raise UndecidedError(str(undecided))
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
    decisions: Mapping[tuple[str, str], Any] | None = None,
    progress: Progress | None = None,
) -> SyncResult:
    """Write the plan with the consultant's ``decisions`` (conflict key → value): the server
    in one transaction, then this computer. See the module's description for the order."""
    report = progress or (lambda _label, _done, _total: None)
    final = _final(plan, decisions or {})
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
    sync_id = str(uuid_module.uuid4())
    payload: dict[str, Any] = {
        "sync_id": sync_id,
        "down": down,
        "bases": {name: [f, v] for name, (f, v) in bases.items()},
    }
    total = len(up) + len(down) + 1
    if up:
        report("", 0, total)
        _write_journal(plan.local, plan.engagement, sync_id, payload)
        versions = _write_server(plan, up, sync_id)
        for name, version in versions.items():
            if name in bases:
                bases[name] = (bases[name][0], version)
        payload["bases"] = {name: [f, v] for name, (f, v) in bases.items()}
    report("", len(up), total)
    finish_local(plan.local, plan.engagement, payload, _blob_source(plan.server))
    report("", total, total)
    return SyncResult(len(up), len(down), len(plan.conflicts))


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


def _write_server(plan: SyncPlan, up: list[Write], sync_id: str) -> dict[str, int]:
    """The server's half, in one transaction; the rows' new versions."""
    hashes = {str(w.fields["sha256"]) for w in up if kind_of(w.record) == "evidence" and w.fields}
    blobs = _local_blobs(plan.local, hashes)
    # Set by the connection just before the COMMIT itself goes to the server. Not before: a
    # commit first runs the session's before_commit listeners, which still execute statements
    # in the open transaction (the change notice's pg_notify, its queries, a last flush); a
    # connection lost there rolled the server back and is no "unknown" outcome.
    committing: list[bool] = []
    s = plan.server.sessions()
    try:
        try:
            rows = load(s, plan.engagement, [w.record for w in up])
        except LookupError:
            raise ServerMovedError() from None
        _check_versions(plan, rows, up)
        for digest in hashes:
            if s.get(EvidenceBlob, digest) is None and digest in blobs:
                s.add(EvidenceBlob(sha256=digest, data=blobs[digest]))
        versions = write(rows, up)
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


def _check_versions(plan: SyncPlan, rows: Rows, up: list[Write]) -> None:
    """Refuse when a row to be written is not the one the plan saw."""
    for w in up:
        seen = plan.server_recs.get(w.record)
        now = rows.records.get(w.record)
        if (seen is None) != (now is None) or (
            seen is not None and now is not None and seen.version != now.version
        ):
            raise ServerMovedError()
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
