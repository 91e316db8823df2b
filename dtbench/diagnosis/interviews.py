"""What the interviews of a round said of a clause: which interviews covered it and the
items on which they gave different statuses."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from dtbench.diagnosis.records import AnswerRecord
from dtbench.guide.model import Clause

Heard = Mapping[str, Mapping[str, AnswerRecord]]  # interview uuid → key → what it said


@dataclass(frozen=True)
class Disagreement:
    """An item on which interviews gave different statuses."""

    key: str
    statuses: tuple[tuple[str, str], ...]  # (interview uuid, status) in the interviews' order


def _keys(clause: Clause) -> list[str]:
    return [clause.key, *(point.key for point in clause.checkpoints())]


def covering(heard: Heard, clause: Clause, known: Collection[str] | None = None) -> list[str]:
    """The interviews (uuids, in ``heard``'s order) that said something of ``clause``: a
    status or note on one of its items, or findings; only those in ``known`` when given
    (a removed interview no longer counts)."""
    keys = _keys(clause)
    return [
        uuid
        for uuid, said in heard.items()
        if (known is None or uuid in known)
        and any(k in said and said[k] != AnswerRecord() for k in keys)
    ]


def disagreements(
    heard: Heard, clause: Clause, known: Collection[str] | None = None
) -> list[Disagreement]:
    """The items of ``clause`` (reading order) to which two interviews gave different
    statuses; an interview that gave none does not count."""
    found = []
    for point in clause.checkpoints():
        statuses = tuple(
            (uuid, said[point.key].status)
            for uuid, said in heard.items()
            if (known is None or uuid in known) and point.key in said and said[point.key].status
        )
        if len({status for _uuid, status in statuses}) > 1:
            found.append(Disagreement(point.key, statuses))
    return found
