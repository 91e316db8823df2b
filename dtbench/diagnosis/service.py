"""Store and load a diagnosis: scope and weights, rounds, answers, clause levels, evidence.

Each call is one unit of work and returns plain records; setters return the previous value
so the UI can undo.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from dtbench.diagnosis.errors import (
    EvidenceTooLargeError,
    EvidenceUnreadableError,
    RoundNotFoundError,
)
from dtbench.diagnosis.records import (
    CLAUSE_FIELDS,
    AnswerRecord,
    ClauseRecord,
    EvidenceRecord,
    RoundData,
    RoundRecord,
    StoredFile,
    Versions,
)
from dtbench.diagnosis.scale import MAX_LEVEL, MIN_LEVEL, STATUSES, UNANSWERED
from dtbench.diagnosis.scoring import (
    IN_SCOPE,
    MAX_WEIGHT,
    MIN_WEIGHT,
    LevelChoice,
    Report,
    ScopeEntry,
    score,
)
from dtbench.engagement.lookup import engagement_id as _engagement_id
from dtbench.engagement.lookup import touch as _touch
from dtbench.errors import os_reason
from dtbench.guide import load_guide
from dtbench.input_rules import checked_text, clean_text
from dtbench.store.conflicts import Base, Stored, reconcile, retrying
from dtbench.store.database import Store
from dtbench.store.models import (
    Answer,
    AssessmentRound,
    ClauseAssessment,
    ClauseScope,
    Evidence,
    EvidenceBlob,
    InterviewAnswer,
)

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024


# ---------------------------------------------------------------- lookups
def _round(s: Session, uuid: str) -> AssessmentRound:
    found = s.scalar(select(AssessmentRound).where(AssessmentRound.uuid == uuid))
    if found is None:
        raise RoundNotFoundError()
    return found


def _round_id(s: Session, uuid: str) -> int:
    found = s.scalar(select(AssessmentRound.id).where(AssessmentRound.uuid == uuid))
    if found is None:
        raise RoundNotFoundError()
    return found


def _record(r: AssessmentRound) -> RoundRecord:
    return RoundRecord(uuid=r.uuid, number=r.number, name=r.name, assessed_on=r.assessed_on)


def _check_clause(key: str) -> None:
    load_guide().clause(key)  # KeyError for an unknown clause


def _check_checkpoint(key: str) -> None:
    if key not in load_guide().all_keys():
        raise ValueError(f"unknown guide item {key!r}")


# ---------------------------------------------------------------- scope
def get_scope(store: Store, engagement: str) -> dict[str, ScopeEntry]:
    """Clauses that are out of scope or weighted; others are in scope with weight 1."""
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        rows = s.scalars(select(ClauseScope).where(ClauseScope.engagement_id == eid))
        return {r.clause_key: ScopeEntry(r.in_scope, r.weight) for r in rows}


def set_scope(
    store: Store, engagement: str, changes: Mapping[str, ScopeEntry]
) -> dict[str, ScopeEntry]:
    """Set scope entries of several clauses at once; returns the previous entries."""
    for key, entry in changes.items():
        _check_clause(key)
        if not MIN_WEIGHT <= entry.weight <= MAX_WEIGHT:
            raise ValueError(f"weight must be within {MIN_WEIGHT}–{MAX_WEIGHT}")
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        rows = {
            r.clause_key: r
            for r in s.scalars(select(ClauseScope).where(ClauseScope.engagement_id == eid))
        }
        old: dict[str, ScopeEntry] = {}
        for key, entry in changes.items():
            row = rows.get(key)
            old[key] = ScopeEntry(row.in_scope, row.weight) if row else IN_SCOPE
            if entry == IN_SCOPE:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(ClauseScope(engagement_id=eid, clause_key=key, **_scope_kw(entry)))
            else:
                row.in_scope, row.weight = entry.in_scope, entry.weight
        _touch(s, eid)
        return old


def _scope_kw(entry: ScopeEntry) -> dict[str, object]:
    return {"in_scope": entry.in_scope, "weight": entry.weight}


# ---------------------------------------------------------------- rounds
def list_rounds(store: Store, engagement: str) -> list[RoundRecord]:
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        stmt = (
            select(AssessmentRound)
            .where(AssessmentRound.engagement_id == eid)
            .order_by(AssessmentRound.number)
        )
        return [_record(r) for r in s.scalars(stmt)]


def ensure_rounds(store: Store, engagement: str, baseline_name: str) -> list[RoundRecord]:
    """The engagement's rounds, creating the baseline round when there is none yet."""
    rounds = list_rounds(store, engagement)
    if rounds:
        return rounds
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        s.add(AssessmentRound(engagement_id=eid, number=1, name=baseline_name))
    return list_rounds(store, engagement)


def new_round(
    store: Store, engagement: str, name: str, assessed_on: date | None = None
) -> RoundRecord:
    """A new round that starts as a copy of the latest one (answers, levels, evidence)."""
    name = checked_text(name).strip()
    if not name:
        raise ValueError("name must not be empty")
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        last = s.scalar(
            select(AssessmentRound)
            .where(AssessmentRound.engagement_id == eid)
            .order_by(AssessmentRound.number.desc())
        )
        number = 1 if last is None else last.number + 1
        created = AssessmentRound(
            engagement_id=eid, number=number, name=name, assessed_on=assessed_on
        )
        s.add(created)
        s.flush()
        if last is not None:
            _copy_round(s, last.id, created.id)
        _touch(s, eid)
        return _record(created)


def _copy_round(s: Session, source: int, target: int) -> None:
    for a in s.scalars(select(Answer).where(Answer.round_id == source)):
        s.add(Answer(round_id=target, key=a.key, status=a.status, note=a.note))
    for c in s.scalars(select(ClauseAssessment).where(ClauseAssessment.round_id == source)):
        s.add(
            ClauseAssessment(
                round_id=target,
                clause_key=c.clause_key,
                current_level=c.current_level,
                target_level=c.target_level,
                findings=c.findings,
                interviewees=c.interviewees,
            )
        )
    for e in s.scalars(select(Evidence).where(Evidence.round_id == source)):
        s.add(
            Evidence(
                round_id=target,
                clause_key=e.clause_key,
                filename=e.filename,
                size=e.size,
                sha256=e.sha256,
                caption=e.caption,
            )
        )


def rename_round(store: Store, round_uuid: str, name: str) -> str:
    name = checked_text(name).strip()
    if not name:
        raise ValueError("name must not be empty")
    with store.session() as s:
        r = _round(s, round_uuid)
        old, r.name = r.name, name
        return old


def delete_round(store: Store, round_uuid: str) -> None:
    """Delete a round and everything recorded in it (the baseline stays if it is the last)."""
    with store.session() as s:
        r = _round(s, round_uuid)
        count = s.scalar(
            select(func.count())
            .select_from(AssessmentRound)
            .where(AssessmentRound.engagement_id == r.engagement_id)
        )
        if (count or 0) <= 1:
            raise ValueError("the only round of an engagement cannot be deleted")
        s.delete(r)


# ---------------------------------------------------------------- answers and levels
def load_round(store: Store, round_uuid: str) -> RoundData:
    with store.session() as s:
        r = _round(s, round_uuid)
        # In the order written (a server returns rows in no set order without ORDER BY).
        versions = Versions()
        answers = {}
        for a in s.scalars(select(Answer).where(Answer.round_id == r.id).order_by(Answer.id)):
            answers[a.key] = _answer(a)
            versions.answers[a.key] = a.version
        clauses = {}
        stmt_c = (
            select(ClauseAssessment)
            .where(ClauseAssessment.round_id == r.id)
            .order_by(ClauseAssessment.id)
        )
        for c in s.scalars(stmt_c):
            clauses[c.clause_key] = _clause(c)
            versions.clauses[c.clause_key] = c.version
        evidence: dict[str, list[EvidenceRecord]] = {}
        stmt = select(Evidence).where(Evidence.round_id == r.id).order_by(Evidence.id)
        for e in s.scalars(stmt):
            evidence.setdefault(e.clause_key, []).append(_evidence(e))
        return RoundData(_record(r), answers, clauses, evidence, _heard(s, r.id), versions)


def _answer(row: Answer | None) -> AnswerRecord:
    return AnswerRecord() if row is None else AnswerRecord(row.status, row.note)


def _clause(row: ClauseAssessment | None) -> ClauseRecord:
    if row is None:
        return ClauseRecord()
    return ClauseRecord(row.current_level, row.target_level, row.findings, row.interviewees)


def _stored(fields: Mapping[str, object], row: Answer | ClauseAssessment | None) -> Stored:
    if row is None:
        return Stored(fields)
    return Stored(fields, row.version, row.updated_by, row.updated_at)


def answer_base(version: int, shown: AnswerRecord) -> Base:
    """The base of a save from a view showing ``shown`` at ``version`` (0: no record)."""
    return Base(version, {"status": shown.status, "note": shown.note})


def clause_base(version: int, shown: ClauseRecord) -> Base:
    """The base of a save from a view showing ``shown`` at ``version`` (0: no record)."""
    return Base(version, {name: getattr(shown, name) for name in CLAUSE_FIELDS})


def set_answer(
    store: Store,
    round_uuid: str,
    key: str,
    *,
    status: str | None = None,
    note: str | None = None,
    interview: str = "",
    base: Base | None = None,
) -> AnswerRecord:
    """Set the status and/or note of an item or sub-item; returns the previous answer.

    With ``interview`` (the uuid of the interview in progress) the same change is also
    recorded as what that interview said, in the same transaction. With ``base`` (what the
    consultant's view showed, ``answer_base``) a field someone else changed meanwhile is
    never overwritten: EditConflict (store/conflicts.py)."""
    _check_checkpoint(key)
    if status is not None and status not in (*STATUSES, UNANSWERED):
        raise ValueError(f"status must be one of {', '.join(STATUSES)} or empty")
    typed = {} if note is None else {"note": note}
    note = None if note is None else checked_text(note)
    _check_interview(interview)
    mine: dict[str, object] = {}
    if status is not None:
        mine["status"] = status
    if note is not None:
        mine["note"] = note

    def attempt() -> AnswerRecord:
        with store.session() as s:
            rid = _round_id(s, round_uuid)
            row = s.scalar(select(Answer).where(Answer.round_id == rid, Answer.key == key))
            old = _answer(row)
            stored = _stored({"status": old.status, "note": old.note}, row)
            merged = reconcile(key, stored, mine, base, typed)
            new = AnswerRecord(
                str(merged.get("status", old.status)), str(merged.get("note", old.note))
            )
            if new == AnswerRecord():
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(Answer(round_id=rid, key=key, status=new.status, note=new.note))
            elif new != old:
                row.status, row.note = new.status, new.note
            if interview:
                _write_heard(s, rid, interview, key, status, note)
            s.flush()  # a stale version or a row inserted meanwhile: refused here
            return old

    return retrying(attempt)


def _check_interview(interview: str) -> None:
    if len(interview) > 36:
        raise ValueError("an interview is named by its uuid")


def _write_heard(
    s: Session, rid: int, interview: str, key: str, status: str | None, note: str | None
) -> AnswerRecord:
    row = s.scalar(
        select(InterviewAnswer).where(
            InterviewAnswer.round_id == rid,
            InterviewAnswer.interview == interview,
            InterviewAnswer.key == key,
        )
    )
    old = AnswerRecord(row.status, row.note) if row else AnswerRecord()
    new = AnswerRecord(old.status if status is None else status, old.note if note is None else note)
    if new == AnswerRecord():
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(
            InterviewAnswer(
                round_id=rid, interview=interview, key=key, status=new.status, note=new.note
            )
        )
    else:
        row.status, row.note = new.status, new.note
    return old


def set_heard(
    store: Store,
    round_uuid: str,
    interview: str,
    key: str,
    *,
    status: str | None = None,
    note: str | None = None,
) -> AnswerRecord:
    """Set what ``interview`` said of an item (status, note) or, under a clause's key, the
    findings typed while it was in progress; returns the previous record (undo)."""
    _check_checkpoint(key)
    if any(clause.key == key for clause in load_guide().clauses()):
        if status:
            raise ValueError("a clause's findings have no status")
    elif status is not None and status not in (*STATUSES, UNANSWERED):
        raise ValueError(f"status must be one of {', '.join(STATUSES)} or empty")
    if not interview:
        raise ValueError("which interview?")
    _check_interview(interview)
    note = None if note is None else checked_text(note)
    with store.session() as s:
        return _write_heard(s, _round_id(s, round_uuid), interview, key, status, note)


def set_clause(
    store: Store,
    round_uuid: str,
    clause_key: str,
    name: str,
    value: object,
    interview: str = "",
    base: Base | None = None,
) -> object:
    """Set a clause's current or target level (1–5 or None), findings or interviewees;
    returns the previous value. Findings set with ``interview`` (the uuid of the interview
    in progress) are also recorded as typed during that interview. With ``base`` (what the
    consultant's view showed, ``clause_base``) a value someone else saved meanwhile is never
    overwritten: EditConflict (store/conflicts.py)."""
    _check_interview(interview)
    typed = {name: value}
    _check_clause(clause_key)
    if name not in CLAUSE_FIELDS:
        raise ValueError(f"unknown clause field {name!r}")
    if name in ("current", "target"):
        if value is not None and (
            not isinstance(value, int) or not MIN_LEVEL <= value <= MAX_LEVEL
        ):
            raise ValueError(f"level must be {MIN_LEVEL}–{MAX_LEVEL}")
    elif not isinstance(value, str):
        raise ValueError(f"{name} must be text")
    else:
        value = checked_text(value)
    column = {"current": "current_level", "target": "target_level"}.get(name, name)

    def attempt() -> object:
        with store.session() as s:
            rid = _round_id(s, round_uuid)
            row = s.scalar(
                select(ClauseAssessment).where(
                    ClauseAssessment.round_id == rid, ClauseAssessment.clause_key == clause_key
                )
            )
            shown = _clause(row)
            stored = _stored({n: getattr(shown, n) for n in CLAUSE_FIELDS}, row)
            merged = reconcile(clause_key, stored, {name: value}, base, typed)
            if row is None:
                row = ClauseAssessment(
                    round_id=rid, clause_key=clause_key, findings="", interviewees=""
                )
                s.add(row)
            old: object = getattr(shown, name)
            if getattr(row, column) != merged[name]:
                setattr(row, column, merged[name])
            if interview and name == "findings":
                _write_heard(s, rid, interview, clause_key, None, str(merged[name]))
            s.flush()  # a stale version or a row inserted meanwhile: refused here
            return old

    return retrying(attempt)


# ---------------------------------------------------------------- evidence
def _evidence(e: Evidence) -> EvidenceRecord:
    return EvidenceRecord(
        uuid=e.uuid,
        clause_key=e.clause_key,
        filename=e.filename,
        size=e.size,
        sha256=e.sha256,
        caption=e.caption,
        added_at=e.created_at,
    )


def _blob_stored(s: Session, digest: str) -> bool:
    """Whether the bytes ``digest`` are stored (their hash is read, never the bytes)."""
    stmt = select(EvidenceBlob.sha256).where(EvidenceBlob.sha256 == digest)
    return s.scalar(stmt) is not None


def store_evidence_file(store: Store, path: Path, *, limit: int | None = None) -> StoredFile:
    """Read a file (at most ``limit`` bytes, MAX_EVIDENCE_BYTES by default) and keep its
    bytes in the database, once for the same bytes; what evidence needs to refer to them.

    The slow half of attaching (a file may be 50 MB): the window runs it on a task thread
    and then attaches the stored file in an undoable step (:func:`attach_evidence`)."""
    limit = MAX_EVIDENCE_BYTES if limit is None else limit
    try:
        size = path.stat().st_size
        if size > limit:
            mb = 1024 * 1024
            raise EvidenceTooLargeError(path.name, f"{size / mb:.1f}", f"{limit // mb}")
        data = path.read_bytes()
    except OSError as exc:
        raise EvidenceUnreadableError(path.name, os_reason(exc)) from exc
    digest = hashlib.sha256(data).hexdigest()
    with store.session() as s:
        if not _blob_stored(s, digest):
            s.add(EvidenceBlob(sha256=digest, data=data))
    # a name may hold control characters
    return StoredFile(clean_text(path.name) or "file", len(data), digest)


def attach_evidence(
    store: Store, round_uuid: str, clause_key: str, stored: StoredFile
) -> EvidenceRecord:
    """Attach a stored file (:func:`store_evidence_file`) to a clause as evidence."""
    _check_clause(clause_key)
    with store.session() as s:
        rid = _round_id(s, round_uuid)
        # the bytes are not looked for: on a firm's server a consultant sees stored bytes
        # only once evidence refers to them (row-level security); the foreign key checks
        row = Evidence(
            round_id=rid,
            clause_key=clause_key,
            filename=stored.filename,
            size=stored.size,
            sha256=stored.sha256,
        )
        s.add(row)
        s.flush()
        return _evidence(row)


def add_evidence(
    store: Store, round_uuid: str, clause_key: str, path: Path, *, limit: int | None = None
) -> EvidenceRecord:
    """Copy a file into the database as evidence of a clause (at most ``limit`` bytes,
    MAX_EVIDENCE_BYTES by default)."""
    _check_clause(clause_key)
    return attach_evidence(
        store, round_uuid, clause_key, store_evidence_file(store, path, limit=limit)
    )


def remove_evidence(store: Store, evidence_uuid: str) -> EvidenceRecord:
    """Detach evidence; its bytes stay until ``purge_orphan_blobs`` so undo can restore it."""
    with store.session() as s:
        row = s.scalar(select(Evidence).where(Evidence.uuid == evidence_uuid))
        if row is None:
            raise LookupError(evidence_uuid)
        record = _evidence(row)
        s.delete(row)
        return record


def restore_evidence(store: Store, round_uuid: str, record: EvidenceRecord) -> None:
    with store.session() as s:
        rid = _round_id(s, round_uuid)
        if not _blob_stored(s, record.sha256):
            raise LookupError(record.sha256)
        s.add(
            Evidence(
                uuid=record.uuid,
                round_id=rid,
                clause_key=record.clause_key,
                filename=record.filename,
                size=record.size,
                sha256=record.sha256,
                caption=record.caption,
            )
        )


def evidence_data(store: Store, sha256: str) -> bytes:
    with store.session() as s:
        blob = s.get(EvidenceBlob, sha256)
        if blob is None:
            raise LookupError(sha256)
        return blob.data


def purge_orphan_blobs(store: Store) -> int:
    """Delete stored files no evidence refers to any more; returns how many."""
    with store.session() as s:
        used = select(Evidence.sha256)
        result = s.execute(delete(EvidenceBlob).where(EvidenceBlob.sha256.not_in(used)))
        return int(getattr(result, "rowcount", 0) or 0)


# ---------------------------------------------------------------- scores
def round_report(store: Store, engagement: str, round_uuid: str) -> Report:
    scope = get_scope(store, engagement)
    data = load_round(store, round_uuid)
    return score(load_guide(), data.statuses(), data.levels(), scope)


def round_reports(
    store: Store, engagement: str, round_uuids: list[str], scope: Mapping[str, ScopeEntry]
) -> dict[str, Report]:
    """The scores of several rounds of ``engagement`` (by uuid), read in two queries of the
    columns scoring needs: no notes, findings, evidence or interviews (a dashboard of ten
    rounds reads what it draws, not ten whole rounds)."""
    if not round_uuids:
        return {}
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        stmt_r = select(AssessmentRound.id, AssessmentRound.uuid).where(
            AssessmentRound.engagement_id == eid, AssessmentRound.uuid.in_(round_uuids)
        )
        ids: dict[int, str] = {rid: uuid for rid, uuid in s.execute(stmt_r)}
        statuses: dict[int, dict[str, str]] = {rid: {} for rid in ids}
        stmt_a = (
            select(Answer.round_id, Answer.key, Answer.status)
            .where(Answer.round_id.in_(ids), Answer.status != "")
            .order_by(Answer.id)
        )
        for rid, key, status in s.execute(stmt_a):
            statuses[rid][key] = status
        levels: dict[int, dict[str, LevelChoice]] = {rid: {} for rid in ids}
        stmt_c = (
            select(
                ClauseAssessment.round_id,
                ClauseAssessment.clause_key,
                ClauseAssessment.current_level,
                ClauseAssessment.target_level,
            )
            .where(ClauseAssessment.round_id.in_(ids))
            .order_by(ClauseAssessment.id)
        )
        for rid, key, current, target in s.execute(stmt_c):
            levels[rid][key] = LevelChoice(current, target)
    guide = load_guide()
    reports = {uuid: score(guide, statuses[rid], levels[rid], scope) for rid, uuid in ids.items()}
    missing = set(round_uuids) - set(reports)
    if missing:
        raise LookupError(sorted(missing)[0])
    return reports


def load_heard(store: Store, round_uuid: str) -> dict[str, dict[str, AnswerRecord]]:
    """What each interview of the round said: interview uuid → key → status and note."""
    with store.session() as s:
        return _heard(s, _round_id(s, round_uuid))


def _heard(s: Session, rid: int) -> dict[str, dict[str, AnswerRecord]]:
    heard: dict[str, dict[str, AnswerRecord]] = {}
    stmt = (
        select(InterviewAnswer).where(InterviewAnswer.round_id == rid).order_by(InterviewAnswer.id)
    )
    for h in s.scalars(stmt):
        heard.setdefault(h.interview, {})[h.key] = AnswerRecord(h.status, h.note)
    return heard


def load_answer(store: Store, round_uuid: str, key: str) -> AnswerRecord:
    return load_answer_versioned(store, round_uuid, key)[0]


def load_answer_versioned(store: Store, round_uuid: str, key: str) -> tuple[AnswerRecord, int]:
    """An item's answer and its version (0: none stored), the base of the next save."""
    with store.session() as s:
        rid = _round_id(s, round_uuid)
        row = s.scalar(select(Answer).where(Answer.round_id == rid, Answer.key == key))
        return _answer(row), 0 if row is None else row.version


def load_clause(store: Store, round_uuid: str, clause_key: str) -> ClauseRecord:
    return load_clause_versioned(store, round_uuid, clause_key)[0]


def load_clause_versioned(
    store: Store, round_uuid: str, clause_key: str
) -> tuple[ClauseRecord, int]:
    """A clause's levels and texts and their version (0: none stored), the base of the next
    save."""
    with store.session() as s:
        rid = _round_id(s, round_uuid)
        c = s.scalar(
            select(ClauseAssessment).where(
                ClauseAssessment.round_id == rid, ClauseAssessment.clause_key == clause_key
            )
        )
        return _clause(c), 0 if c is None else c.version
