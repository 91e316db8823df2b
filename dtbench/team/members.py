"""An engagement's members on a firm's server: who they are, their role, adding, changing and
removing them. Every call runs as the consultant's own login, so the server's row-level
security decides: a lead changes membership, the others only read it (a refused change
raises ``NotAllowedError`` from the store)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text

from dtbench.errors import QT_TRANSLATE_NOOP
from dtbench.store import Store
from dtbench.store.models import Engagement, Member
from dtbench.team.server import (
    LastLeadError,
    NoSuchEngagementError,
    NotAMemberError,
    TeamError,
    checked_login,
    checked_role,
)


class NoSuchLoginError(TeamError):
    template = QT_TRANSLATE_NOOP(
        "TeamError",
        "There is no login %1 on this server: the administrator adds it first (dtbench team "
        "add-consultant).",
    )


@dataclass(frozen=True)
class MemberRecord:
    login: str
    role: str


def _engagement_id(s, uuid: str) -> int:  # type: ignore[no-untyped-def]
    uuid = uuid.strip()
    rows = s.execute(select(Engagement.id, Engagement.uuid).where(Engagement.uuid.startswith(uuid)))
    found = rows.all()
    if len(found) != 1 or not uuid:
        raise NoSuchEngagementError(uuid)
    return int(found[0][0])


def list_members(store: Store, uuid: str) -> list[MemberRecord]:
    """The members of an engagement, leads first, then by login."""
    order = {"lead": 0, "member": 1, "reader": 2}
    with store.session() as s:
        eid = _engagement_id(s, uuid)
        rows = s.scalars(select(Member).where(Member.engagement_id == eid)).all()
        found = [MemberRecord(m.login, m.role) for m in rows]
    return sorted(found, key=lambda m: (order.get(m.role, 3), m.login))


def my_role(store: Store, uuid: str) -> str | None:
    """The role of the store's login in the engagement (None: not a member)."""
    for member in list_members(store, uuid):
        if member.login == store.author:
            return member.role
    return None


def set_member(store: Store, uuid: str, login: str, role: str) -> None:
    """Add ``login`` with ``role``, or change its role (leads only, enforced by the server)."""
    checked_login(login)
    checked_role(role)
    with store.session() as s:
        eid = _engagement_id(s, uuid)
        if not s.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}):
            raise NoSuchLoginError(login)
        member = s.scalar(select(Member).where(Member.engagement_id == eid, Member.login == login))
        if member is None:
            s.add(Member(engagement_id=eid, login=login, role=role))
        else:
            if member.role == "lead" and role != "lead":
                _keep_a_lead(s, eid, login)
            member.role = role
        s.flush()


def remove_member(store: Store, uuid: str, login: str) -> None:
    """Take ``login`` out of the engagement (leads only); the last lead stays."""
    with store.session() as s:
        eid = _engagement_id(s, uuid)
        member = s.scalar(select(Member).where(Member.engagement_id == eid, Member.login == login))
        if member is None:
            raise NotAMemberError(login)
        if member.role == "lead":
            _keep_a_lead(s, eid, login)
        s.delete(member)
        s.flush()


def _keep_a_lead(s, eid: int, login: str) -> None:  # type: ignore[no-untyped-def]
    leads = s.scalar(
        select(func.count()).where(
            Member.engagement_id == eid, Member.role == "lead", Member.login != login
        )
    )
    if not leads:
        raise LastLeadError(login)
