"""Take engagements offline: copy them from the firm's server into this computer's database,
uuids, authors and times kept, with each record's base (its values and version on the
server) for the first synchronisation.

The copying itself is the engagement file's (``transfer.snapshot``): one reader and one
writer of a whole engagement. What it does not carry (members, authors, the server's
positions of contacts) is set here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from dtbench import paths
from dtbench.engagement.errors import NotFoundError
from dtbench.store import Store, history
from dtbench.store.models import (
    Client,
    Engagement,
    EvidenceBlob,
    Member,
    OfflineCopy,
    SyncBase,
    SyncJournal,
    utcnow,
)
from dtbench.team.credentials import password_for, without_password
from dtbench.team.errors import (
    AlreadyLocalError,
    ConnectionLostError,
    NotAServerError,
    NotOnServerError,
    ServerUnreachableError,
)
from dtbench.team.records import Rec, default_of, kind_of, load
from dtbench.team.sync import Entry, copy_entries, history_of
from dtbench.transfer.snapshot import Snapshot, insert_snapshot, take_snapshot

Progress = Callable[[str, int, int], None]


def public_url(url: str) -> str:
    """The server's URL without its password (what an offline copy remembers)."""
    return without_password(url)


def open_server(url: str) -> Store:
    """Open the firm's server; one clear message (its URL without the password) when it
    cannot be reached, the login is refused or it is not a server at all."""
    from dtbench.store import StoreError, open_store

    if "://" not in url or url.startswith("sqlite"):
        raise NotAServerError(public_url(url) if "://" in url else url)
    try:
        # a URL without a password: the one kept in the keyring (Connect to team server…)
        return open_store(url, create=False, password=password_for(url))
    except (StoreError, SQLAlchemyError) as exc:
        raise ServerUnreachableError(public_url(url)) from exc


def local_database() -> str | Path:
    """This computer's own database: DTBENCH_DB when it names a file, else the default one
    (never the server the app may be connected to)."""
    named = os.environ.get(paths.DB_ENV, "")
    if named and ("://" not in named or named.startswith("sqlite")):
        return named
    return paths.default_database()


def offline_copies(local: Store) -> dict[str, OfflineCopy]:
    """The engagements of this database taken from a server, by uuid."""
    with local.session() as s:
        return {c.engagement_uuid: c for c in s.scalars(select(OfflineCopy))}


def take_offline(
    server: Store,
    local: Store,
    engagement_uuids: Iterable[str],
    progress: Progress | None = None,
) -> list[str]:
    """Copy the engagements into ``local``; returns their titles. Each engagement is one
    local transaction: one that fails leaves the others copied and itself absent."""
    wanted = list(engagement_uuids)
    titles = []
    for done, engagement in enumerate(wanted):
        snap, recs, blobs, entries = _read(server, engagement)
        if progress is not None:
            progress(snap.engagement.title, done, len(wanted))
        _write(local, server, snap, recs, blobs, entries)
        titles.append(snap.engagement.title)
    if progress is not None:
        progress("", len(wanted), len(wanted))
    return titles


def _read(
    server: Store, engagement: str
) -> tuple[Snapshot, dict[str, Rec], dict[str, bytes], list[Entry]]:
    """The engagement, its records, evidence bytes and history, in one snapshot."""
    try:
        with server.sessions() as s:
            if s.get_bind().dialect.name == "postgresql":
                s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            try:
                snap = take_snapshot(s, engagement)
                rows = load(s, engagement)
                recs = rows.records
            except (NotFoundError, LookupError):
                raise NotOnServerError(engagement) from None
            hashes = snap.evidence_hashes()
            blobs = {
                b.sha256: b.data
                for b in s.scalars(select(EvidenceBlob).where(EvidenceBlob.sha256.in_(hashes)))
            }
            return snap, recs, blobs, history_of(s, rows.engagement.id)
    except SQLAlchemyError as exc:
        raise ConnectionLostError() from exc


def _write(
    local: Store,
    server: Store,
    snap: Snapshot,
    recs: dict[str, Rec],
    blobs: dict[str, bytes],
    entries: list[Entry],
) -> None:
    uuid = snap.engagement.uuid
    with local.session() as s:
        # A copy of the whole engagement: one history entry, not one per field (store/history.py).
        s.info["history"] = False
        if s.scalar(select(Engagement.id).where(Engagement.uuid == uuid)) is not None:
            raise AlreadyLocalError(snap.engagement.title)
        # What a copy deleted from this computer left behind is not this one's.
        for table in (OfflineCopy, SyncBase, SyncJournal):
            s.execute(delete(table).where(table.engagement_uuid == uuid))
        client = s.scalar(select(Client).where(Client.uuid == snap.client.uuid))
        have = set(s.scalars(select(EvidenceBlob.sha256).where(EvidenceBlob.sha256.in_(blobs))))
        for digest, data in blobs.items():
            if digest not in have:
                s.add(EvidenceBlob(sha256=digest, data=data))
        s.flush()
        engagement = insert_snapshot(s, snap, client=client)
        # The server's history as it is (authors, times), then this computer's own note.
        copy_entries(s, engagement.id, entries)
        history.summary(s, engagement.id, uuid, "taken offline")
        for name, rec in recs.items():
            if kind_of(name) == "member":
                s.add(
                    Member(
                        engagement_id=engagement.id,
                        login=name.split(":", 1)[1],
                        role=rec.fields["role"],
                    )
                )
        s.flush()
        rows = load(s, uuid)
        if client is not None:
            # The client was here already (another of its engagements): the server's word on
            # it is the newer one.
            from dtbench.team.records import Write, write

            name = f"client:{client.uuid}"
            write(rows, [Write(name, recs[name].fields, recs[name].author, recs[name].at)])
        _keep_stamps(s, rows.rows, recs)
        for name, rec in recs.items():
            if rec.fields != default_of(name):
                s.add(
                    SyncBase(
                        engagement_uuid=uuid,
                        record=name,
                        fields=json.dumps(rec.fields),
                        version=rec.version,
                    )
                )
        url = make_url(server.url)
        s.add(
            OfflineCopy(
                engagement_uuid=uuid,
                server_url=public_url(server.url),
                login=url.username or server.author,
                taken_at=utcnow(),
            )
        )


def _keep_stamps(s: Any, rows: dict[str, Any], recs: dict[str, Rec]) -> None:
    """Who wrote each record and when, as on the server (and the contacts' order): written
    straight to the tables, since the session would stamp this computer's user."""
    by_table: dict[Any, list[dict[str, Any]]] = {}
    for name, row in rows.items():
        rec = recs.get(name)
        if rec is None or not hasattr(row, "updated_by"):
            continue
        values: dict[str, Any] = {"_id": row.id, "_by": rec.author, "_at": rec.at or utcnow()}
        by_table.setdefault(type(row), []).append(values)
        if kind_of(name) == "contact":
            values["_position"] = rec.fields["position"]
    for model, params in by_table.items():
        table = model.__table__
        extra: dict[str, Any] = {}
        if "position" in table.c and params and "_position" in params[0]:
            extra["position"] = bindparam("_position")
        stmt = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values(updated_by=bindparam("_by"), updated_at=bindparam("_at"), **extra)
        )
        s.connection().execute(stmt, params)
    s.expire_all()


def taken_at(local: Store, engagement: str) -> datetime | None:
    copy = offline_copies(local).get(engagement)
    return copy.taken_at if copy else None
