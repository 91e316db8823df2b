"""One engagement as plain, typed data, and back into the database.

A snapshot holds the client (with its contacts), the engagement's own fields, the scope,
every assessment round with its answers, clause assessments and evidence metadata (the
evidence bytes travel beside it, named by their sha256), and the plan items and values.
Every uuid is kept, so an engagement carried to another machine is the same engagement.

Reading is strict: ``parse_snapshot`` decodes into typed structs (msgspec names the first
wrong field) and ``check_snapshot`` refuses anything the services would refuse, so only
well-formed rows ever reach the database.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Annotated, Any

import msgspec
from sqlalchemy import select
from sqlalchemy.orm import Session

from dtbench.diagnosis.scale import MAX_LEVEL, MIN_LEVEL, STATUSES, UNANSWERED
from dtbench.diagnosis.scoring import MAX_WEIGHT, MIN_WEIGHT
from dtbench.engagement.errors import NotFoundError
from dtbench.engagement.records import (
    EMPLOYEE_BANDS,
    LANGUAGES,
    REVENUE_BANDS,
)
from dtbench.engagement.records import (
    STATUSES as ENGAGEMENT_STATUSES,
)
from dtbench.guide import load_guide
from dtbench.input_rules import MAX_LIST_ITEMS, MAX_TEXT_CHARS, canonical_uuid, clean_strings
from dtbench.plan.records import ITEM_KINDS, VALUE_KINDS, from_data, to_data
from dtbench.plan.service import validate as validate_plan_record
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
    PlanItem,
    PlanValue,
)

# \Z, not $: "$" also matches before a final line break ("…abc\n" would pass).
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z"
SHA256_PATTERN = r"^[0-9a-f]{64}\Z"

# Every field has bounds: an integer the database cannot hold (2^63 and more), a text of
# megabytes or a list of millions is refused while decoding, before anything is stored.
MAX_ROUNDS = 1_000
MAX_PEOPLE = 1_000  # contacts, existing systems
MAX_EVIDENCE = 20_000  # files attached in one round
MAX_EVIDENCE_SIZE = 200 * 1024 * 1024  # larger than any part a package may hold
MAX_POSITION = 1_000_000

# Ids are read in any usual form and made canonical (see canonical_snapshot); written
# snapshots hold the canonical form only.
Uuid = Annotated[str, msgspec.Meta(min_length=32, max_length=100)]
Sha256 = Annotated[str, msgspec.Meta(pattern=SHA256_PATTERN)]
Stamp = Annotated[datetime, msgspec.Meta(tz=False)]  # stored times are naive UTC
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Short = Annotated[str, msgspec.Meta(max_length=100)]
Key = Annotated[str, msgspec.Meta(min_length=1, max_length=30)]
Text = Annotated[str, msgspec.Meta(max_length=MAX_TEXT_CHARS)]
Count = Annotated[int, msgspec.Meta(ge=0, le=MAX_EVIDENCE_SIZE)]
Position = Annotated[int, msgspec.Meta(ge=0, le=MAX_POSITION)]
RoundNumber = Annotated[int, msgspec.Meta(ge=1, le=MAX_ROUNDS)]
Level = Annotated[int, msgspec.Meta(ge=MIN_LEVEL, le=MAX_LEVEL)]


class SnapshotError(ValueError):
    """The data is well-formed JSON but not an engagement dtbench can store (names why)."""


class ContactData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    uuid: Uuid
    name: Short
    role: Short = ""
    phone: Annotated[str, msgspec.Meta(max_length=50)] = ""
    email: Annotated[str, msgspec.Meta(max_length=200)] = ""
    created_at: Stamp | None = None
    updated_at: Stamp | None = None


class ClientData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    uuid: Uuid
    name: Name
    short_name: Short = ""
    industry: Short = ""
    size_employees: Short = ""
    size_revenue: Short = ""
    region: Short = ""
    main_products: Text = ""
    existing_systems: Annotated[list[Short], msgspec.Meta(max_length=MAX_PEOPLE)] = msgspec.field(
        default_factory=list
    )
    contacts: Annotated[list[ContactData], msgspec.Meta(max_length=MAX_PEOPLE)] = msgspec.field(
        default_factory=list
    )
    created_at: Stamp | None = None
    updated_at: Stamp | None = None


class EngagementData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    uuid: Uuid
    title: Name
    consultants: Annotated[str, msgspec.Meta(max_length=300)] = ""
    start_date: date | None = None
    end_date: date | None = None
    status: Short = "draft"
    language: Short = "zh"
    notes: Text = ""
    created_at: Stamp | None = None
    updated_at: Stamp | None = None


class ScopeData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    clause_key: Key
    in_scope: bool = True
    weight: float = 1.0


class AnswerData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    key: Key
    status: Short = ""
    note: Text = ""


class HeardData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """What one interview (the uuid of its plan item) said of an item, or under a clause's
    key the findings typed during it."""

    interview: Annotated[str, msgspec.Meta(min_length=1, max_length=36)]
    key: Key
    status: Short = ""
    note: Text = ""


class ClauseData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    clause_key: Key
    current_level: Level | None = None
    target_level: Level | None = None
    findings: Text = ""
    interviewees: Text = ""


class EvidenceData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    uuid: Uuid
    clause_key: Key
    filename: Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
    size: Count
    sha256: Sha256
    caption: Text = ""
    created_at: Stamp | None = None
    updated_at: Stamp | None = None


class RoundData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    uuid: Uuid
    number: RoundNumber
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    assessed_on: date | None = None
    created_at: Stamp | None = None
    updated_at: Stamp | None = None
    answers: list[AnswerData] = msgspec.field(default_factory=list)
    clauses: list[ClauseData] = msgspec.field(default_factory=list)
    evidence: Annotated[list[EvidenceData], msgspec.Meta(max_length=MAX_EVIDENCE)] = msgspec.field(
        default_factory=list
    )
    heard: list[HeardData] = msgspec.field(default_factory=list)


class PlanItemData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    uuid: Uuid
    kind: Key
    position: Position
    data: dict[str, Any]
    created_at: Stamp | None = None
    updated_at: Stamp | None = None


class PlanValueData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    name: Key
    data: dict[str, Any]
    updated_at: Stamp | None = None


class Snapshot(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    client: ClientData
    engagement: EngagementData
    scope: list[ScopeData] = msgspec.field(default_factory=list)
    rounds: Annotated[list[RoundData], msgspec.Meta(max_length=MAX_ROUNDS)] = msgspec.field(
        default_factory=list
    )
    plan_items: list[PlanItemData] = msgspec.field(default_factory=list)
    plan_values: list[PlanValueData] = msgspec.field(default_factory=list)

    def evidence_hashes(self) -> list[str]:
        """The sha256 of every evidence file the engagement refers to, each once."""
        return list(dict.fromkeys(e.sha256 for r in self.rounds for e in r.evidence))

    def uuids(self) -> Iterator[str]:
        """Every uuid the snapshot gives a row (client, contacts, engagement, rounds…)."""
        yield self.client.uuid
        yield from (k.uuid for k in self.client.contacts)
        yield self.engagement.uuid
        for r in self.rounds:
            yield r.uuid
            yield from (e.uuid for e in r.evidence)
        yield from (i.uuid for i in self.plan_items)


# ---------------------------------------------------------------- engagement → data
def take_snapshot(s: Session, uuid: str) -> Snapshot:
    """Everything of engagement ``uuid`` as a snapshot (NotFoundError when there is none)."""
    e = s.scalar(select(Engagement).where(Engagement.uuid == uuid))
    if e is None:
        raise NotFoundError(uuid)
    c = e.client
    client = ClientData(
        uuid=c.uuid,
        name=c.name,
        short_name=c.short_name,
        industry=c.industry,
        size_employees=c.size_employees,
        size_revenue=c.size_revenue,
        region=c.region,
        main_products=c.main_products,
        existing_systems=list(c.existing_systems or []),
        contacts=[
            ContactData(
                uuid=k.uuid,
                name=k.name,
                role=k.role,
                phone=k.phone,
                email=k.email,
                created_at=k.created_at,
                updated_at=k.updated_at,
            )
            for k in c.contacts
        ],
        created_at=c.created_at,
        updated_at=c.updated_at,
    )
    engagement = EngagementData(
        uuid=e.uuid,
        title=e.title,
        consultants=e.consultants,
        start_date=e.start_date,
        end_date=e.end_date,
        status=e.status,
        language=e.language,
        notes=e.notes,
        created_at=e.created_at,
        updated_at=e.updated_at,
    )
    scope = [
        ScopeData(clause_key=r.clause_key, in_scope=r.in_scope, weight=r.weight)
        for r in s.scalars(
            select(ClauseScope)
            .where(ClauseScope.engagement_id == e.id)
            .order_by(ClauseScope.clause_key)
        )
    ]
    rounds = [
        _round_data(s, r)
        for r in s.scalars(
            select(AssessmentRound)
            .where(AssessmentRound.engagement_id == e.id)
            .order_by(AssessmentRound.number)
        )
    ]
    items = [
        PlanItemData(
            uuid=i.uuid,
            kind=i.kind,
            position=i.position,
            data=dict(i.data),
            created_at=i.created_at,
            updated_at=i.updated_at,
        )
        for i in s.scalars(
            select(PlanItem)
            .where(PlanItem.engagement_id == e.id)
            .order_by(PlanItem.kind, PlanItem.position, PlanItem.id)
        )
    ]
    values = [
        PlanValueData(name=v.name, data=dict(v.data), updated_at=v.updated_at)
        for v in s.scalars(
            select(PlanValue).where(PlanValue.engagement_id == e.id).order_by(PlanValue.name)
        )
    ]
    return Snapshot(
        client=client,
        engagement=engagement,
        scope=scope,
        rounds=rounds,
        plan_items=items,
        plan_values=values,
    )


def _round_data(s: Session, r: AssessmentRound) -> RoundData:
    answers = [
        AnswerData(key=a.key, status=a.status, note=a.note)
        for a in s.scalars(select(Answer).where(Answer.round_id == r.id).order_by(Answer.key))
    ]
    clauses = [
        ClauseData(
            clause_key=c.clause_key,
            current_level=c.current_level,
            target_level=c.target_level,
            findings=c.findings,
            interviewees=c.interviewees,
        )
        for c in s.scalars(
            select(ClauseAssessment)
            .where(ClauseAssessment.round_id == r.id)
            .order_by(ClauseAssessment.clause_key)
        )
    ]
    evidence = [
        EvidenceData(
            uuid=x.uuid,
            clause_key=x.clause_key,
            filename=x.filename,
            size=x.size,
            sha256=x.sha256,
            caption=x.caption,
            created_at=x.created_at,
            updated_at=x.updated_at,
        )
        for x in s.scalars(select(Evidence).where(Evidence.round_id == r.id).order_by(Evidence.id))
    ]
    heard = [
        HeardData(interview=h.interview, key=h.key, status=h.status, note=h.note)
        for h in s.scalars(
            select(InterviewAnswer)
            .where(InterviewAnswer.round_id == r.id)
            .order_by(InterviewAnswer.id)
        )
    ]
    return RoundData(
        uuid=r.uuid,
        number=r.number,
        name=r.name,
        assessed_on=r.assessed_on,
        created_at=r.created_at,
        updated_at=r.updated_at,
        answers=answers,
        clauses=clauses,
        evidence=evidence,
        heard=heard,
    )


def to_dict(snapshot: Snapshot) -> dict[str, Any]:
    """The snapshot as plain JSON-able data (dates and times as ISO text)."""
    data: dict[str, Any] = msgspec.to_builtins(snapshot)
    return data


def to_json(snapshot: Snapshot) -> bytes:
    """UTF-8 JSON, indented so that a person can read the file."""
    return msgspec.json.format(msgspec.json.encode(snapshot), indent=1)


# ---------------------------------------------------------------- data → checked snapshot
def parse_snapshot(raw: bytes | Mapping[str, Any]) -> Snapshot:
    """Decode JSON bytes (or plain data) into a checked snapshot.

    msgspec.DecodeError for text that is not JSON; SnapshotError for JSON that is not a
    storable engagement; TextTooLongError for a text longer than any field holds. Check
    the nesting of untrusted bytes first (input_rules.json_depth_exceeds).
    """
    if not isinstance(raw, bytes | bytearray):
        raw = msgspec.json.encode(raw)
    try:
        snapshot = msgspec.json.decode(raw, type=Snapshot)
    except msgspec.ValidationError as exc:
        raise SnapshotError(str(exc)) from exc
    snapshot = canonical_snapshot(snapshot)
    check_snapshot(snapshot)
    return snapshot


def canonical_snapshot(snap: Snapshot) -> Snapshot:
    """The snapshot with every text as dtbench stores it (input_rules.clean_text) and every
    id in its canonical form, references in the plan included; SnapshotError for an id
    that is not a uuid. The same engagement is thus found again however its id was written
    (upper case, braces, a trailing line break…)."""
    mapping: dict[str, str] = {}
    for value in snap.uuids():
        canonical = canonical_uuid(value)
        if canonical is None:
            raise SnapshotError(f"{value[:40]!r} is not an id (uuid)")
        if canonical != value:
            mapping[value] = canonical
    data = clean_strings(to_dict(snap))
    if mapping:
        data = _replace_deep(data, mapping)
    try:
        return msgspec.convert(data, type=Snapshot)
    except msgspec.ValidationError as exc:  # cleaning can empty a name
        raise SnapshotError(str(exc)) from exc


def _unique(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise SnapshotError(f"{what} {value!r} appears twice")
        seen.add(value)


def check_snapshot(snap: Snapshot) -> None:
    """Refuse what the services would refuse (SnapshotError naming the first problem)."""
    guide = load_guide()
    keys = guide.all_keys()
    clauses = {c.key for c in guide.clauses()}

    def clause(key: str, where: str) -> None:
        if key not in clauses:
            raise SnapshotError(f"{where}: unknown clause {key!r}")

    _unique(list(snap.uuids()), "the id")
    for kind in ITEM_KINDS:
        count = sum(1 for item in snap.plan_items if item.kind == kind)
        if count > MAX_LIST_ITEMS:
            raise SnapshotError(f"{count} plan items of kind {kind}, more than {MAX_LIST_ITEMS}")
    c, e = snap.client, snap.engagement
    if not c.name.strip():
        raise SnapshotError("the client has no name")
    if not e.title.strip():
        raise SnapshotError("the engagement has no title")
    if c.size_employees not in ("", *EMPLOYEE_BANDS):
        raise SnapshotError(f"unknown size_employees {c.size_employees!r}")
    if c.size_revenue not in ("", *REVENUE_BANDS):
        raise SnapshotError(f"unknown size_revenue {c.size_revenue!r}")
    if e.status not in ENGAGEMENT_STATUSES:
        raise SnapshotError(f"unknown status {e.status!r}")
    if e.language not in LANGUAGES:
        raise SnapshotError(f"unknown language {e.language!r}")
    _unique([x.clause_key for x in snap.scope], "the scope of clause")
    for entry in snap.scope:
        clause(entry.clause_key, "scope")
        if not MIN_WEIGHT <= entry.weight <= MAX_WEIGHT:
            raise SnapshotError(f"scope of {entry.clause_key}: weight {entry.weight} out of range")
    _unique([str(r.number) for r in snap.rounds], "round number")
    for r in snap.rounds:
        where = f"round {r.number}"
        _unique([a.key for a in r.answers], f"{where}: the answer to")
        for a in r.answers:
            if a.key not in keys:
                raise SnapshotError(f"{where}: unknown guide item {a.key!r}")
            if a.status not in (*STATUSES, UNANSWERED):
                raise SnapshotError(f"{where}, {a.key}: unknown status {a.status!r}")
        _unique([f"{h.interview} {h.key}" for h in r.heard], f"{where}: what was heard of")
        for h in r.heard:
            if h.key not in keys:
                raise SnapshotError(f"{where}: unknown guide item {h.key!r}")
            if h.status not in (*STATUSES, UNANSWERED):
                raise SnapshotError(f"{where}, {h.key}: unknown status {h.status!r}")
        _unique([x.clause_key for x in r.clauses], f"{where}: the assessment of clause")
        for x in r.clauses:
            clause(x.clause_key, where)
            for level in (x.current_level, x.target_level):
                if level is not None and not MIN_LEVEL <= level <= MAX_LEVEL:
                    raise SnapshotError(f"{where}, {x.clause_key}: level {level} out of range")
        for ev in r.evidence:
            clause(ev.clause_key, f"{where}, evidence {ev.filename}")
            if any(ch in ev.filename for ch in "/\\\x00") or ev.filename in (".", ".."):
                raise SnapshotError(f"{where}: evidence file name {ev.filename!r} is a path")
    for item in snap.plan_items:
        kind_type = ITEM_KINDS.get(item.kind)
        if kind_type is None:
            raise SnapshotError(f"unknown plan item kind {item.kind!r}")
        _check_record(kind_type, item.data, f"{item.kind} {item.uuid}")
    _unique([v.name for v in snap.plan_values], "the plan record")
    for value in snap.plan_values:
        value_type = VALUE_KINDS.get(value.name)
        if value_type is None:
            raise SnapshotError(f"unknown plan record {value.name!r}")
        _check_record(value_type, value.data, value.name)


def _check_record(kind_type: type[msgspec.Struct], data: dict[str, Any], where: str) -> None:
    try:
        validate_plan_record(from_data(kind_type, data))
    except (ValueError, KeyError) as exc:
        raise SnapshotError(f"{where}: {exc}") from exc


def _normalised(kind_type: type[msgspec.Struct], data: dict[str, Any]) -> dict[str, Any]:
    return to_data(from_data(kind_type, data))


# ---------------------------------------------------------------- new ids
def _replace_deep(value: Any, mapping: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return mapping.get(value, value)
    if isinstance(value, list):
        return [_replace_deep(v, mapping) for v in value]
    if isinstance(value, dict):
        return {mapping.get(k, k): _replace_deep(v, mapping) for k, v in value.items()}
    return value


def renamed(snap: Snapshot, mapping: Mapping[str, str], *, title: str | None = None) -> Snapshot:
    """A copy whose uuids in ``mapping`` are replaced everywhere, references in the plan
    (phases, initiatives, dependencies, KPI targets) included; ``title`` renames it."""
    data = _replace_deep(to_dict(snap), mapping) if mapping else to_dict(snap)
    if title is not None:
        data["engagement"]["title"] = title
    return msgspec.json.decode(msgspec.json.encode(data), type=Snapshot)


# ---------------------------------------------------------------- data → rows
CLIENT_FIELDS = (
    "name",
    "short_name",
    "industry",
    "size_employees",
    "size_revenue",
    "region",
    "main_products",
)


def same_client(row: Client, data: ClientData) -> bool:
    """True when the stored client says exactly what the snapshot's client says."""
    if any(getattr(row, f) != getattr(data, f) for f in CLIENT_FIELDS):
        return False
    if list(row.existing_systems or []) != data.existing_systems:
        return False
    ours = [(k.name, k.role, k.phone, k.email) for k in row.contacts]
    theirs = [(k.name, k.role, k.phone, k.email) for k in data.contacts]
    return ours == theirs


def _stamps(data: Any) -> dict[str, datetime]:
    out = {}
    for name in ("created_at", "updated_at"):
        value = getattr(data, name, None)
        if value is not None:
            out[name] = value
    return out


def insert_snapshot(s: Session, snap: Snapshot, *, client: Client | None = None) -> Engagement:
    """Add the snapshot's rows with their uuids (blobs must be there already); ``client``
    links the engagement to an existing client instead of adding the snapshot's."""
    if client is None:
        c = snap.client
        client = Client(
            uuid=c.uuid,
            existing_systems=list(c.existing_systems),
            **{f: getattr(c, f) for f in CLIENT_FIELDS},
            **_stamps(c),
        )
        for position, k in enumerate(c.contacts):
            client.contacts.append(
                Contact(
                    uuid=k.uuid,
                    position=position,
                    name=k.name,
                    role=k.role,
                    phone=k.phone,
                    email=k.email,
                    **_stamps(k),
                )
            )
        s.add(client)
    d = snap.engagement
    engagement = Engagement(
        uuid=d.uuid,
        client=client,
        title=d.title,
        consultants=d.consultants,
        start_date=d.start_date,
        end_date=d.end_date,
        status=d.status,
        language=d.language,
        notes=d.notes,
        **_stamps(d),
    )
    s.add(engagement)
    s.flush()
    eid = engagement.id
    for entry in snap.scope:
        s.add(
            ClauseScope(
                engagement_id=eid,
                clause_key=entry.clause_key,
                in_scope=entry.in_scope,
                weight=entry.weight,
            )
        )
    for r in snap.rounds:
        row = AssessmentRound(
            uuid=r.uuid,
            engagement_id=eid,
            number=r.number,
            name=r.name,
            assessed_on=r.assessed_on,
            **_stamps(r),
        )
        s.add(row)
        s.flush()
        for a in r.answers:
            s.add(Answer(round_id=row.id, key=a.key, status=a.status, note=a.note))
        for h in r.heard:
            s.add(
                InterviewAnswer(
                    round_id=row.id,
                    interview=h.interview,
                    key=h.key,
                    status=h.status,
                    note=h.note,
                )
            )
        for x in r.clauses:
            s.add(
                ClauseAssessment(
                    round_id=row.id,
                    clause_key=x.clause_key,
                    current_level=x.current_level,
                    target_level=x.target_level,
                    findings=x.findings,
                    interviewees=x.interviewees,
                )
            )
        for ev in r.evidence:
            s.add(
                Evidence(
                    uuid=ev.uuid,
                    round_id=row.id,
                    clause_key=ev.clause_key,
                    filename=ev.filename,
                    size=ev.size,
                    sha256=ev.sha256,
                    caption=ev.caption,
                    **_stamps(ev),
                )
            )
    for item in snap.plan_items:
        s.add(
            PlanItem(
                uuid=item.uuid,
                engagement_id=eid,
                kind=item.kind,
                position=item.position,
                data=_normalised(ITEM_KINDS[item.kind], item.data),
                **_stamps(item),
            )
        )
    for value in snap.plan_values:
        s.add(
            PlanValue(
                engagement_id=eid,
                name=value.name,
                data=_normalised(VALUE_KINDS[value.name], value.data),
                **_stamps(value),
            )
        )
    s.flush()
    return engagement
