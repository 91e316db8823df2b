"""Who is working where: each open window says which engagement, step and clause its
consultant is in (:func:`announce`, when that changes and every half minute); the engagement
list and the navigator show the others (:func:`who_is_where`).

A presence row is written outside the ORM session, so it is no record change: no history
entry, no author stamp, and only the light "presence" notice on the change channel. The
time is the server's (consultants' clocks differ); on a laptop's SQLite file there is no one
else to see, but it works the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import ColumnElement, delete, func, literal, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from dtbench.store import notify
from dtbench.store.database import Store
from dtbench.store.models import Engagement, Presence, utcnow

# Someone not heard of for this long has closed the app (or lost the network).
STALE_AFTER: Final = timedelta(minutes=2)
# How often an open window says it is still there (well inside STALE_AFTER).
ANNOUNCE_EVERY: Final = timedelta(seconds=30)


@dataclass(frozen=True)
class Whereabouts:
    """Where another consultant was last seen."""

    login: str
    engagement: str | None  # uuid, None on the engagement list
    step: str  # the workspace step's name ("diagnosis"), '' on the list
    clause_key: str  # the clause shown in the diagnosis, else ''
    seen_at: datetime


def _now(store: Store) -> ColumnElement[Any]:
    """The server's time in UTC (naive, as every stored time)."""
    if store.engine.dialect.name == "postgresql":
        return func.timezone("UTC", func.now())
    return literal(utcnow())


def _cutoff(store: Store) -> ColumnElement[Any] | datetime:
    """Seen after this is still there."""
    if store.engine.dialect.name == "postgresql":
        return _now(store) - STALE_AFTER
    return utcnow() - STALE_AFTER


def announce(store: Store, engagement: str | None, step: str = "", clause_key: str = "") -> None:
    """Record that ``store.author`` is in ``engagement`` (None: on the list), on ``step``,
    at ``clause_key``; tell the other windows with a presence notice."""
    if not store.author:
        return
    engagement_id = (
        select(Engagement.id).where(Engagement.uuid == engagement).scalar_subquery()
        if engagement
        else None
    )
    values = {
        "login": store.author,
        "engagement_id": engagement_id,
        "step": step[:30],
        "clause_key": clause_key[:20],
        "seen_at": _now(store),
    }
    postgres = store.engine.dialect.name == "postgresql"
    insert = pg_insert if postgres else sqlite_insert
    statement = insert(Presence).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=[Presence.login],
        set_={name: statement.excluded[name] for name in values if name != "login"},
    )
    with store.engine.begin() as conn:
        conn.execute(statement)
        if postgres:
            notify.send(
                conn,
                notify.sender_of(store.sessions),
                store.author,
                {engagement: {notify.PRESENCE}},
            )


def leave(store: Store) -> None:
    """The consultant closed the app (or this database): no longer anywhere."""
    if not store.author:
        return
    with store.engine.begin() as conn:
        conn.execute(delete(Presence).where(Presence.login == store.author))
        if store.engine.dialect.name == "postgresql":
            sender = notify.sender_of(store.sessions)
            notify.send(conn, sender, store.author, {None: {notify.PRESENCE}})


def who_is_where(store: Store) -> list[Whereabouts]:
    """The other consultants seen within :data:`STALE_AFTER`, by login."""
    query = (
        select(
            Presence.login,
            Engagement.uuid,
            Presence.step,
            Presence.clause_key,
            Presence.seen_at,
        )
        .outerjoin(Engagement, Engagement.id == Presence.engagement_id)
        .where(Presence.login != store.author, Presence.seen_at >= _cutoff(store))
        .order_by(Presence.login)
    )
    with store.engine.connect() as conn:
        return [Whereabouts(*row) for row in conn.execute(query)]
