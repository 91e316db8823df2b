"""Finding an engagement's row inside a unit of work, for the services built on it."""

from __future__ import annotations

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from dtbench.engagement.errors import NotFoundError
from dtbench.store import notify
from dtbench.store.models import Engagement, utcnow


def engagement_id(s: Session, uuid: str) -> int:
    """The row id of an engagement that is not in the trash; NotFoundError otherwise."""
    found = s.scalar(
        select(Engagement.id).where(Engagement.uuid == uuid, Engagement.deleted_at.is_(None))
    )
    if found is None:
        raise NotFoundError(uuid)
    return found


def touch(s: Session, engagement_id: int) -> None:
    """Mark the engagement as changed now (the engagement list sorts by it).

    A plain UPDATE of the time, not a versioned change of the engagement: two consultants
    saving different records of one engagement must not collide on its row."""
    s.execute(
        update(Engagement.__table__)  # type: ignore[arg-type]
        .where(Engagement.__table__.c.id == engagement_id)
        .values(updated_at=utcnow())
    )
    notify.touched(s, engagement_id)


def engagement_label(s: Session, ident: str) -> str:
    """“title” (uuid) of the engagement whose uuid starts with ``ident``, read without any
    conversion: it names an engagement in a message even when its row holds a damaged value.
    """
    row = s.execute(
        text(
            "SELECT uuid, title FROM engagements WHERE substr(uuid, 1, length(:start)) = :start "
            "LIMIT 1"
        ),
        {"start": ident.strip().lower()},
    ).first()
    if row is None:
        return ident
    return f"“{str(row[1])[:60]}” ({row[0]})"
