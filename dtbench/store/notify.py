"""Change notices on a firm's server: every transaction that changes an engagement's records
sends one ``NOTIFY`` on :data:`CHANNEL`, inside the transaction, so PostgreSQL delivers it
only when (and if) the transaction commits.

The other consultants' windows LISTEN on the channel and turn each notice into the change
notice their views already follow (``dtbench.ui.kit.changes``): an answer saved on one
laptop appears on the others without anyone pressing anything.

What a notice says is found from the ORM rows flushed in the transaction (:data:`KINDS_OF`,
one table from model class to kind of change): nothing else has to remember to send one.
One ``pg_notify`` per transaction, however many rows it wrote.

Row-level security does not filter NOTIFY payloads: every login listening on the channel
receives every notice. A payload therefore holds only engagement uuids, kinds of change, the
author's login and the sender's id — never a name, a title or any text typed.
"""

from __future__ import annotations

import json
import uuid as uuid_module
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Connection, Engine, event, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.util import IdentitySet

from dtbench.store.models import (
    Answer,
    AssessmentRound,
    ClauseAssessment,
    ClauseScope,
    Client,
    Contact,
    Engagement,
    Evidence,
    InterviewAnswer,
    Member,
    PlanItem,
    PlanValue,
)

CHANNEL: Final = "dtbench_changes"
# The kinds of change (the UI's change hub knows the same names: ui/kit/changes.py; a test
# keeps them equal), and "presence": someone moved to another engagement, step or clause.
ENGAGEMENTS, PROFILE, ROUNDS, ANSWERS, CLAUSES, EVIDENCE, SCOPE, PLAN = (
    "engagements",
    "profile",
    "rounds",
    "answers",
    "clauses",
    "evidence",
    "scope",
    "plan",
)
PRESENCE: Final = "presence"

# How a row names its engagement: the engagement itself (its uuid), or through a column
# holding an engagement's, a round's or a client's id.
_UUID, _ENGAGEMENT, _ROUND, _CLIENT = "uuid", "engagement_id", "round_id", "client_id"

# Model class → (kinds of change, how its engagement is found). A table missing here sends
# nothing (history, presence, evidence blobs: not what a view shows as a record).
KINDS_OF: Final[Mapping[type, tuple[frozenset[str], str, str]]] = {
    # class: (kinds, how its engagement is found, the attribute holding that uuid or id)
    Engagement: (frozenset((ENGAGEMENTS, PROFILE)), _UUID, "uuid"),
    Client: (frozenset((ENGAGEMENTS, PROFILE)), _CLIENT, "id"),
    Contact: (frozenset((PROFILE,)), _CLIENT, "client_id"),
    Member: (frozenset((ENGAGEMENTS,)), _ENGAGEMENT, "engagement_id"),
    AssessmentRound: (frozenset((ROUNDS,)), _ENGAGEMENT, "engagement_id"),
    Answer: (frozenset((ANSWERS,)), _ROUND, "round_id"),
    InterviewAnswer: (frozenset((ANSWERS,)), _ROUND, "round_id"),
    ClauseAssessment: (frozenset((CLAUSES,)), _ROUND, "round_id"),
    Evidence: (frozenset((EVIDENCE,)), _ROUND, "round_id"),
    ClauseScope: (frozenset((SCOPE,)), _ENGAGEMENT, "engagement_id"),
    PlanItem: (frozenset((PLAN,)), _ENGAGEMENT, "engagement_id"),
    PlanValue: (frozenset((PLAN,)), _ENGAGEMENT, "engagement_id"),
}

# Columns every save writes: a row changed in these only was touched, not edited.
BOOKKEEPING: Final = frozenset(("updated_at", "updated_by", "version"))
SENDER_KEY: Final = "dtbench_sender"  # in the session factory's info: this store's id
_PENDING_KEY: Final = "dtbench_changed"  # in a session's info: what it flushed so far
_KNOWN_KEY: Final = "dtbench_engagement_of"  # (way, id) → engagement uuid, per store
_LASTING: Final = frozenset((_ENGAGEMENT, _ROUND))  # ids that always name one engagement
MAX_KNOWN: Final = 10_000
# A payload must stay under PostgreSQL's 8000 bytes: past this many engagements one notice
# says "these kinds, in any engagement".
MAX_ENGAGEMENTS: Final = 100


@dataclass(frozen=True)
class Notice:
    """One committed transaction as heard on the channel."""

    sender: str  # the store that wrote it (see :func:`sender_of`)
    author: str  # the login that wrote it
    changes: tuple[tuple[str | None, frozenset[str]], ...]  # (engagement or None: any, kinds)


def payload(sender: str, author: str, changes: Mapping[str | None, Iterable[str]]) -> str:
    """The JSON a notice carries (uuids and kinds only: see the module's note)."""
    named = {e: sorted(k) for e, k in changes.items() if k}
    if len(named) > MAX_ENGAGEMENTS:
        named = {None: sorted({kind for kinds in named.values() for kind in kinds})}
    listed = [{"engagement": e, "kinds": k} for e, k in named.items()]
    return json.dumps(
        {"sender": sender, "author": author, "changes": listed}, separators=(",", ":")
    )


def parse(text_: str) -> Notice | None:
    """The notice in a payload, or None for one that is not dtbench's."""
    try:
        data = json.loads(text_)
        changes = tuple(
            (
                None if entry["engagement"] is None else str(entry["engagement"]),
                frozenset(str(kind) for kind in entry["kinds"]),
            )
            for entry in data["changes"]
        )
        return Notice(str(data["sender"]), str(data["author"]), changes)
    except (ValueError, KeyError, TypeError):
        return None


def send(conn: Connection, sender: str, author: str, changes: Mapping[str | None, Any]) -> None:
    """Queue one notice in ``conn``'s transaction (delivered on commit)."""
    conn.execute(
        text("SELECT pg_notify(:channel, :payload)"),
        {"channel": CHANNEL, "payload": payload(sender, author, changes)},
    )


def sender_of(sessions: sessionmaker[Session]) -> str:
    """The id this store's notices carry ('' when it sends none): a window ignores its own."""
    info = sessions.kw.get("info") or {}
    return str(info.get(SENDER_KEY, ""))


def install(sessions: sessionmaker[Session], engine: Engine) -> None:
    """Send a notice from every transaction of ``sessions`` that changes records (on
    PostgreSQL only: a laptop's SQLite file has no one to tell)."""
    if engine.dialect.name != "postgresql":
        return
    info = sessions.kw.setdefault("info", {})
    info[SENDER_KEY] = uuid_module.uuid4().hex
    info[_KNOWN_KEY] = {}  # shared by the store's sessions (their info is a shallow copy)
    event.listen(sessions, "after_flush", _collect)
    event.listen(sessions, "do_orm_execute", _collect_statement)
    event.listen(sessions, "before_commit", _send_pending)
    event.listen(sessions, "after_transaction_end", _forget)


def _pending(session: Session) -> dict[tuple[str, Any], set[str]]:
    pending: dict[tuple[str, Any], set[str]] = session.info.setdefault(_PENDING_KEY, {})
    return pending


def _collect(session: Session, _context: object) -> None:
    """Note what this flush wrote: the kinds, and the id naming each row's engagement."""
    pending = _pending(session)
    dirty = [obj for obj in session.dirty if session.is_modified(obj)]
    touched = IdentitySet(dirty)
    for obj in (*session.new, *dirty, *session.deleted):
        entry = KINDS_OF.get(type(obj))
        if entry is None:
            continue
        kinds, via, attribute = entry
        if obj in touched and _only_bookkeeping(obj):
            # the engagement marked as changed now (its date in the list), nothing shown
            # elsewhere: a plan record saved must not reload the profile page
            kinds = frozenset((ENGAGEMENTS,))
        try:
            value = getattr(obj, attribute)
        except SQLAlchemyError:  # a deleted row whose column was never loaded
            value = None
        pending.setdefault((via, value), set()).update(kinds)


def touched(session: Session, engagement_id: int) -> None:
    """The engagement was marked as changed by a plain UPDATE of its time (engagement.lookup's
    ``touch``): the others' lists show its new date."""
    _pending(session).setdefault((_ENGAGEMENT, engagement_id), set()).add(ENGAGEMENTS)


def _only_bookkeeping(obj: object) -> bool:
    """Whether an updated row changed only its time, author and version."""
    state = inspect(obj)
    return all(
        name in BOOKKEEPING or not attr.history.has_changes() for name, attr in state.attrs.items()
    )


def _collect_statement(state: ORMExecuteState) -> None:
    """An UPDATE or DELETE statement run through the session (not row by row): its rows are
    not known here, so the notice names its kinds in any engagement."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    mapper = state.bind_mapper
    entry = KINDS_OF.get(mapper.class_) if mapper is not None else None
    if entry is not None:
        _pending(state.session).setdefault(("any", None), set()).update(entry[0])


def _send_pending(session: Session) -> None:
    """Just before the commit: one NOTIFY for everything the transaction wrote."""
    if session.in_nested_transaction():
        return  # a savepoint: the outer transaction sends
    session.flush()  # the commit's own last flush, done now so that it is counted
    pending = session.info.pop(_PENDING_KEY, None)
    if not pending:
        return
    changes = _resolve(session, pending)
    if changes:
        info = session.info
        send(session.connection(), info.get(SENDER_KEY, ""), info.get("author", ""), changes)


def _forget(session: Session, transaction: Any) -> None:
    """A transaction rolled back (or ended) sends nothing later for what it had written."""
    if transaction.parent is None:
        session.info.pop(_PENDING_KEY, None)


def _resolve(
    session: Session, pending: Mapping[tuple[str, Any], set[str]]
) -> dict[str | None, set[str]]:
    """Engagement uuid → kinds changed (None: any engagement): one query per way of naming
    an engagement that occurs (usually one)."""
    wanted: dict[str, set[Any]] = {}
    for (via, value), _kinds in pending.items():
        wanted.setdefault(via, set()).add(value)
    found: dict[tuple[str, Any], list[str]] = {}
    queries = {
        _ENGAGEMENT: lambda ids: select(Engagement.id, Engagement.uuid).where(
            Engagement.id.in_(ids)
        ),
        _CLIENT: lambda ids: select(Engagement.client_id, Engagement.uuid).where(
            Engagement.client_id.in_(ids)
        ),
        _ROUND: lambda ids: (
            select(AssessmentRound.id, Engagement.uuid)
            .join(Engagement, Engagement.id == AssessmentRound.engagement_id)
            .where(AssessmentRound.id.in_(ids))
        ),
    }
    # a round's or an engagement's id names the same engagement for good (the server's
    # sequences never reuse one): remembered per store, a save costs no extra query
    known: dict[tuple[str, Any], str] = session.info.get(_KNOWN_KEY, {})
    for via, build in queries.items():
        ids = [i for i in wanted.get(via, ()) if i is not None]
        if via in _LASTING:
            for i in [i for i in ids if (via, i) in known]:
                found[(via, i)] = [known[(via, i)]]
                ids.remove(i)
        if ids:
            for key, uuid in session.execute(build(ids)):
                found.setdefault((via, key), []).append(uuid)
                if via in _LASTING:
                    if len(known) > MAX_KNOWN:
                        known.clear()
                    known[(via, key)] = uuid
    changes: dict[str | None, set[str]] = {}
    for (via, value), kinds in pending.items():
        if via == _UUID:
            engagements: list[str | None] = [value]
        else:
            # gone with its engagement (deleted in this transaction), or a statement on
            # many rows: say "any engagement" rather than nothing
            engagements = list(found.get((via, value), [])) or [None]
        for engagement in engagements:
            changes.setdefault(engagement, set()).update(kinds)
    return changes
