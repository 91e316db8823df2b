"""Plain records of a diagnosis, handed to the UI and the CLI: never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from dtbench.diagnosis.scoring import LevelChoice


@dataclass(frozen=True)
class RoundRecord:
    uuid: str
    number: int
    name: str
    assessed_on: date | None = None


@dataclass(frozen=True)
class AnswerRecord:
    status: str = ""
    note: str = ""


@dataclass(frozen=True)
class ClauseRecord:
    current: int | None = None
    target: int | None = None
    findings: str = ""
    interviewees: str = ""


CLAUSE_FIELDS = ("current", "target", "findings", "interviewees")


@dataclass(frozen=True)
class StoredFile:
    """A file's bytes kept in the database, not yet attached to a clause."""

    filename: str
    size: int
    sha256: str


@dataclass(frozen=True)
class EvidenceRecord:
    uuid: str
    clause_key: str
    filename: str
    size: int
    sha256: str
    caption: str = ""
    added_at: datetime | None = None


@dataclass
class Versions:
    """The stored version of each answer (item key) and clause record (clause key) of a
    round as loaded: the base of a save (a key missing here had no record, version 0)."""

    answers: dict[str, int] = field(default_factory=dict)
    clauses: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RoundData:
    """Everything recorded in one round."""

    round: RoundRecord
    answers: dict[str, AnswerRecord] = field(default_factory=dict)
    clauses: dict[str, ClauseRecord] = field(default_factory=dict)
    evidence: dict[str, list[EvidenceRecord]] = field(default_factory=dict)
    # interview uuid → item key (or clause key, for its findings) → what that interview said
    heard: dict[str, dict[str, AnswerRecord]] = field(default_factory=dict)
    # not part of what was recorded: two loads of the same answers are equal
    versions: Versions = field(default_factory=Versions, compare=False)

    def statuses(self) -> dict[str, str]:
        return {k: a.status for k, a in self.answers.items() if a.status}

    def levels(self) -> dict[str, LevelChoice]:
        return {k: LevelChoice(c.current, c.target) for k, c in self.clauses.items()}
