"""Services on engagements: each call is one unit of work returning plain records."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import astuple
from datetime import date
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, selectinload

from dtbench.engagement.errors import NotFoundError
from dtbench.engagement.lookup import engagement_label
from dtbench.engagement.records import (
    CLIENT_FIELDS,
    EDITABLE_FIELDS,
    EMPLOYEE_BANDS,
    ENGAGEMENT_FIELDS,
    LANGUAGES,
    REVENUE_BANDS,
    STATUSES,
    ContactRecord,
    EngagementRow,
    Profile,
)
from dtbench.input_rules import checked_text
from dtbench.store.database import Store
from dtbench.store.errors import DamagedEngagementError, DamagedValueError
from dtbench.store.models import Client, Contact, Engagement, utcnow

log = logging.getLogger(__name__)

__all__ = ["NotFoundError"]  # re-exported: callers catch it from here


def _row(e: Engagement) -> EngagementRow:
    return EngagementRow(
        uuid=e.uuid,
        title=e.title,
        client_name=e.client.name,
        industry=e.client.industry,
        status=e.status,
        updated_at=max(e.updated_at, e.client.updated_at),
        deleted_at=e.deleted_at,
    )


def _profile(e: Engagement) -> Profile:
    c = e.client
    return Profile(
        uuid=e.uuid,
        client_uuid=c.uuid,
        title=e.title,
        consultants=e.consultants,
        start_date=e.start_date,
        end_date=e.end_date,
        status=e.status,
        language=e.language,
        notes=e.notes,
        client_name=c.name,
        short_name=c.short_name,
        industry=c.industry,
        size_employees=c.size_employees,
        size_revenue=c.size_revenue,
        region=c.region,
        main_products=c.main_products,
        existing_systems=tuple(c.existing_systems or ()),
        contacts=tuple(
            ContactRecord(name=k.name, role=k.role, phone=k.phone, email=k.email)
            for k in c.contacts
        ),
        version=e.version,
        created_at=e.created_at,
        updated_at=max(e.updated_at, c.updated_at),
    )


def _get(session: Session, uuid: str, *, in_trash: bool | None = False) -> Engagement:
    stmt = (
        select(Engagement)
        .where(Engagement.uuid == uuid)
        .options(selectinload(Engagement.client).selectinload(Client.contacts))
    )
    found = session.scalars(stmt).first()
    if found is None:
        raise NotFoundError(uuid)
    if in_trash is not None and (found.deleted_at is not None) != in_trash:
        raise NotFoundError(uuid)
    return found


def list_engagements(
    store: Store, *, trash: bool = False, damaged: list[DamagedEngagementError] | None = None
) -> list[EngagementRow]:
    """Engagements (or those in the trash), most recently changed first.

    An engagement whose row holds a value that cannot be read (see store/values.py) does not
    hide the others: it is left out of the list and reported in ``damaged`` when given.
    """
    cond = Engagement.deleted_at.is_not(None) if trash else Engagement.deleted_at.is_(None)
    stmt = select(Engagement).where(cond).options(selectinload(Engagement.client))
    try:
        with store.session() as s:
            rows = [_row(e) for e in s.scalars(stmt)]
    except DamagedValueError:
        rows = []
        with store.session() as s:
            ids = list(s.scalars(select(Engagement.id).where(cond)))
        for eid in ids:  # one at a time, to find which ones cannot be read
            try:
                with store.session() as s:
                    rows += [_row(e) for e in s.scalars(stmt.where(Engagement.id == eid))]
            except DamagedValueError as exc:
                with store.session() as s:
                    found = s.scalar(text("SELECT uuid FROM engagements WHERE id = :i"), {"i": eid})
                    problem = DamagedEngagementError(exc, engagement_label(s, str(found)))
                log.info("not listed: %s", problem)
                if damaged is not None:
                    damaged.append(problem)
    rows.sort(key=lambda r: r.updated_at, reverse=True)
    return rows


def count_engagements(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(Engagement)) or 0)


def industries(store: Store) -> list[str]:
    with store.session() as s:
        found = s.scalars(select(Client.industry).distinct().where(Client.industry != ""))
        return sorted(found)


def create_engagement(
    store: Store,
    *,
    client_name: str,
    title: str,
    industry: str = "",
    language: str = "zh",
    **extra: Any,
) -> Profile:
    """Create a client and an engagement for it; ``extra`` takes any editable profile field."""
    client_name = checked_text(client_name).strip()
    title = checked_text(title).strip()
    industry = checked_text(industry)
    if not client_name:
        raise ValueError("client_name")
    if not title:
        raise ValueError("title")
    with store.session() as s:
        client = Client(name=client_name, industry=industry.strip(), existing_systems=[])
        engagement = Engagement(client=client, title=title, language=_check_language(language))
        s.add(engagement)
        for name, value in extra.items():
            _apply(s, engagement, name, value)
        s.flush()
        return _profile(engagement)


def get_profile(store: Store, uuid: str) -> Profile:
    with store.session() as s:
        return _profile(_get(s, uuid, in_trash=None))


def set_field(store: Store, uuid: str, name: str, value: Any) -> tuple[Any, Profile]:
    """Change one profile field; returns the previous value (for undo) and the new profile."""
    with store.session() as s:
        engagement = _get(s, uuid)
        old = getattr(_profile(engagement), name) if name in EDITABLE_FIELDS else None
        _apply(s, engagement, name, value)
        s.flush()
        return old, _profile(engagement)


def _check_language(value: str) -> str:
    if value not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    return value


def _cleaned(value: Any) -> Any:
    """Texts as dtbench stores them (input_rules.checked_text), in contacts and lists too."""
    if isinstance(value, str):
        return checked_text(value)
    if isinstance(value, ContactRecord):
        return ContactRecord(*(checked_text(v) for v in astuple(value)))
    if isinstance(value, list | tuple):
        return [_cleaned(v) for v in value]
    return value


def _apply(s: Session, engagement: Engagement, name: str, value: Any) -> None:
    if name not in EDITABLE_FIELDS:
        raise ValueError(f"unknown profile field {name!r}")
    value = _cleaned(value)
    if name in ("title", "client_name") and not str(value).strip():
        raise ValueError(f"{name} must not be empty")
    if name == "status" and value not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    if name == "language":
        _check_language(value)
    if name == "size_employees" and value not in ("", *EMPLOYEE_BANDS):
        raise ValueError("size_employees")
    if name == "size_revenue" and value not in ("", *REVENUE_BANDS):
        raise ValueError("size_revenue")
    if name in ("start_date", "end_date") and value is not None and not isinstance(value, date):
        raise ValueError(f"{name} must be a date")
    if name in ENGAGEMENT_FIELDS:
        setattr(engagement, name, value)
    elif name == "contacts":
        _set_contacts(s, engagement.client, value)
    elif name == "existing_systems":
        engagement.client.existing_systems = list(dict.fromkeys(str(v) for v in value))
    else:
        setattr(engagement.client, CLIENT_FIELDS[name], value)


def _set_contacts(s: Session, client: Client, contacts: Iterable[ContactRecord]) -> None:
    client.contacts.clear()
    s.flush()
    for position, c in enumerate(contacts):
        client.contacts.append(
            Contact(position=position, name=c.name, role=c.role, phone=c.phone, email=c.email)
        )
    client.updated_at = utcnow()


def duplicate_engagement(store: Store, uuid: str, title: str) -> Profile:
    """A new engagement for the same client with a copy of the engagement's own fields."""
    with store.session() as s:
        src = _get(s, uuid)
        copy = Engagement(
            client=src.client,
            title=checked_text(title),
            consultants=src.consultants,
            start_date=src.start_date,
            end_date=src.end_date,
            status="draft",
            language=src.language,
            notes=src.notes,
        )
        s.add(copy)
        s.flush()
        return _profile(copy)


def move_to_trash(store: Store, uuid: str) -> None:
    with store.session() as s:
        _get(s, uuid).deleted_at = utcnow()


def restore_from_trash(store: Store, uuid: str) -> None:
    with store.session() as s:
        _get(s, uuid, in_trash=True).deleted_at = None


def empty_trash(store: Store) -> int:
    """Delete every engagement in the trash for good, and clients left without engagements."""
    with store.session() as s:
        doomed = list(s.scalars(select(Engagement).where(Engagement.deleted_at.is_not(None))))
        clients = {e.client for e in doomed}
        for e in doomed:
            s.delete(e)
        s.flush()
        for client in clients:
            remaining = s.scalar(
                select(func.count())
                .select_from(Engagement)
                .where(Engagement.client_id == client.id)
            )
            if not remaining:
                s.delete(client)
        return len(doomed)
