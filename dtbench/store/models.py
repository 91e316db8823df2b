"""SQLAlchemy 2 typed schema.

Every entity that can leave the machine has a UUID, created/updated times and a version
counter (SQLAlchemy's version_id_col, so a stale write fails instead of silently winning).
Later issues add diagnosis answers, roadmap, KPIs, organization and culture, and attachments
as tables that reference ``engagements.id``.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from dtbench.store.values import guard, one_of, shaped, within

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

STATUSES = ("draft", "active", "delivered", "archived")
LANGUAGES = ("zh", "en")
# The diagnosis scale (dtbench.diagnosis.scale and scoring; a test keeps them equal): what the
# stored answers and levels may hold.
ANSWER_STATUSES = ("", "met", "partly", "not_met", "na")
LEVELS = (1, 5)
WEIGHTS = (0.1, 10.0)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Tracked:
    """UUID, timestamps and version counter shared by every stored entity."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # Who wrote the row last: the PostgreSQL login on a firm's server, the consultant's name
    # on a laptop (``Store.author``); kept with every change in ``history``.
    updated_by: Mapped[str] = mapped_column(String(63), default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Versioned:
    """Version counter, time and author of a record without a UUID of its own (an answer, a
    clause's assessment, a single plan record): a save against a stale version fails."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(63), default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Client(Tracked, Base):
    __tablename__ = "clients"

    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(100), default="")
    industry: Mapped[str] = mapped_column(String(100), default="")
    size_employees: Mapped[str] = mapped_column(String(20), default="")
    size_revenue: Mapped[str] = mapped_column(String(20), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    main_products: Mapped[str] = mapped_column(Text, default="")
    existing_systems: Mapped[list[str]] = mapped_column(JSON, default=list, info=shaped("list"))

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="Contact.position"
    )
    engagements: Mapped[list[Engagement]] = relationship(back_populates="client")


class Contact(Tracked, Base):
    __tablename__ = "contacts"

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")

    client: Mapped[Client] = relationship(back_populates="contacts")


class Engagement(Tracked, Base):
    __tablename__ = "engagements"

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    consultants: Mapped[str] = mapped_column(String(300), default="")
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", info=one_of(*STATUSES))
    language: Mapped[str] = mapped_column(String(5), default="zh", info=one_of(*LANGUAGES))
    notes: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    # The lead lets the firm benchmark count this engagement (anonymised).
    benchmark_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)

    client: Mapped[Client] = relationship(back_populates="engagements")
    scopes: Mapped[list[ClauseScope]] = relationship(
        back_populates="engagement", cascade="all, delete-orphan", passive_deletes=True
    )
    plan_items: Mapped[list[PlanItem]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    plan_values: Mapped[list[PlanValue]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    rounds: Mapped[list[AssessmentRound]] = relationship(
        back_populates="engagement",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AssessmentRound.number",
    )


class ClauseScope(Versioned, Base):
    """A clause taken out of scope or weighted; a clause without a row is in scope, weight 1."""

    __tablename__ = "clause_scopes"
    __table_args__ = (UniqueConstraint("engagement_id", "clause_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    clause_key: Mapped[str] = mapped_column(String(20))
    in_scope: Mapped[bool] = mapped_column(Boolean, default=True)
    weight: Mapped[float] = mapped_column(Float, default=1.0, info=within(*WEIGHTS))

    engagement: Mapped[Engagement] = relationship(back_populates="scopes")


class AssessmentRound(Tracked, Base):
    """One assessment of the engagement: the baseline, then follow-ups (guide 6.2.3 e–g)."""

    __tablename__ = "assessment_rounds"
    __table_args__ = (UniqueConstraint("engagement_id", "number"),)

    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    assessed_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    engagement: Mapped[Engagement] = relationship(back_populates="rounds")


class Answer(Versioned, Base):
    """The status and note of one item or sub-item in a round; status "" is unanswered."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("round_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_rounds.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(10), default="", info=one_of(*ANSWER_STATUSES))
    note: Mapped[str] = mapped_column(Text, default="")


class ClauseAssessment(Versioned, Base):
    """Levels, findings and interviewees of one clause in a round."""

    __tablename__ = "clause_assessments"
    __table_args__ = (UniqueConstraint("round_id", "clause_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_rounds.id", ondelete="CASCADE"), index=True
    )
    clause_key: Mapped[str] = mapped_column(String(20))
    current_level: Mapped[int | None] = mapped_column(Integer, nullable=True, info=within(*LEVELS))
    target_level: Mapped[int | None] = mapped_column(Integer, nullable=True, info=within(*LEVELS))
    findings: Mapped[str] = mapped_column(Text, default="")
    interviewees: Mapped[str] = mapped_column(Text, default="")


class InterviewAnswer(Versioned, Base):
    """What one interview of a round said of one item (status and note) or, under a clause's
    key, the findings typed while it was in progress. ``interview`` is the uuid of the
    interview's plan item; the consolidated answer stays in ``answers``."""

    __tablename__ = "interview_answers"
    __table_args__ = (UniqueConstraint("round_id", "interview", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_rounds.id", ondelete="CASCADE"), index=True
    )
    interview: Mapped[str] = mapped_column(String(36))
    key: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(10), default="", info=one_of(*ANSWER_STATUSES))
    note: Mapped[str] = mapped_column(Text, default="")


class Evidence(Tracked, Base):
    """A file attached to a clause in a round; its bytes live once in ``evidence_blobs``."""

    __tablename__ = "evidence"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_rounds.id", ondelete="CASCADE"), index=True
    )
    clause_key: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence_blobs.sha256"), index=True)
    caption: Mapped[str] = mapped_column(Text, default="")


class EvidenceBlob(Base):
    """The bytes of an evidence file, stored once whatever the number of rounds using it."""

    __tablename__ = "evidence_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    # Deferred: read only when ``data`` is used. A blob may be tens of MB and a database
    # holds gigabytes of them; looking one up (does it exist?) must not read its bytes.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class PlanItem(Tracked, Base):
    """One record of a plan list (phase, initiative, KPI, register entry) as typed JSON."""

    __tablename__ = "plan_items"

    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(30))
    position: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, info=shaped("object"))


class PlanValue(Versioned, Base):
    """One of the plan's single records (strategy, leadership, organization, culture)."""

    __tablename__ = "plan_values"
    __table_args__ = (UniqueConstraint("engagement_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(30))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, info=shaped("object"))


MEMBER_ROLES = ("lead", "member", "reader")


class Member(Base):
    """A consultant's place in an engagement on a firm's server: ``login`` is their
    PostgreSQL role; row-level security lets members (and only them) see its rows."""

    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("engagement_id", "login"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    login: Mapped[str] = mapped_column(String(63))
    role: Mapped[str] = mapped_column(String(10), default="member", info=one_of(*MEMBER_ROLES))


class HistoryEntry(Base):
    """One changed field of one record: who, when, from what to what (values as JSON).

    ``record`` names the record across databases (a round's uuid and an item's key, a plan
    record's uuid…), so a laptop's history and the server's speak of the same thing."""

    __tablename__ = "history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Names the entry across databases: a laptop's copy of a server's entry (and the server's
    # copy of a laptop's) keeps it, so synchronising copies each entry once (migration 0010).
    uuid: Mapped[str] = mapped_column(String(36), unique=True, index=True, default=new_uuid)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    author: Mapped[str] = mapped_column(String(63), default="")
    kind: Mapped[str] = mapped_column(String(20))
    record: Mapped[str] = mapped_column(String(120), index=True)
    field: Mapped[str] = mapped_column(String(40))
    old: Mapped[str] = mapped_column(Text, default="")
    new: Mapped[str] = mapped_column(Text, default="")


class Presence(Base):
    """Where a consultant is working now (engagement, step, clause), refreshed while the app
    is open; the list and navigator show who else is there."""

    __tablename__ = "presence"

    login: Mapped[str] = mapped_column(String(63), primary_key=True)
    engagement_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), nullable=True, index=True
    )
    step: Mapped[str] = mapped_column(String(30), default="")
    clause_key: Mapped[str] = mapped_column(String(20), default="")
    seen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class OfflineCopy(Base):
    """On a laptop: an engagement taken offline from a firm's server (its URL without the
    password, the login), when it was taken and last synchronised."""

    __tablename__ = "offline_copies"

    engagement_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    server_url: Mapped[str] = mapped_column(String(500))
    login: Mapped[str] = mapped_column(String(63), default="")
    taken_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_sync_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SyncBase(Base):
    """On a laptop: one record of an offline engagement as it was on the server at the last
    take-offline or synchronisation (its fields as JSON text, the server's version): the base
    of the three-way comparison. ``record`` is the record's name across databases."""

    __tablename__ = "sync_base"

    engagement_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    record: Mapped[str] = mapped_column(String(120), primary_key=True)
    fields: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=0)


class SyncJournal(Base):
    """On a laptop: the local half of a synchronisation whose server half is being committed;
    finished at the next sync when the server holds its receipt, dropped otherwise."""

    __tablename__ = "sync_journal"

    engagement_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    sync_id: Mapped[str] = mapped_column(String(36))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncReceipt(Base):
    """On the server: a synchronisation committed, written in its own transaction, so a
    laptop that lost the connection at the commit knows whether it went through."""

    __tablename__ = "sync_receipts"

    sync_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    author: Mapped[str] = mapped_column(String(63), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class BenchmarkLink(Base):
    """Which engagement an anonymised benchmark entry belongs to. Owned by the engagement
    (on a firm's server only its members see it): the entry itself names no engagement."""

    __tablename__ = "benchmark_links"

    token: Mapped[str] = mapped_column(String(32), primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True, unique=True
    )


class BenchmarkEntry(Base):
    """An opted-in engagement's figures for the firm benchmark (area indices and clause
    levels), under a random token, with its industry and size band: every consultant may read
    the whole table, so it holds nothing that names a client, an engagement or a person."""

    __tablename__ = "benchmark_entries"

    token: Mapped[str] = mapped_column(
        ForeignKey("benchmark_links.token", ondelete="CASCADE"), primary_key=True
    )
    industry: Mapped[str] = mapped_column(String(100), index=True)
    size_band: Mapped[str] = mapped_column(String(10))
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, info=shaped("object"))


class FirmTemplate(Base):
    """A template in the firm's library on the server (the same JSON as a ``.dtbt`` file)."""

    __tablename__ = "templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, info=shaped("object"))
    author: Mapped[str] = mapped_column(String(63), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


# Every column names itself when a stored value cannot be read as its type (store/values.py).
guard(Base.metadata)
