"""Fieldwork drafted from the diagnosis: the people named as interviewees of the clauses
become interview entries, each with the clauses it informed, for the consultant to complete
with dates and to add the workshops, sites and documents."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dtbench.diagnosis.records import ClauseRecord
from dtbench.plan.records import Fieldwork

_SEPARATORS = "、，,;；/\n"
_OPEN, _CLOSE = "（(", "）)"


def split_people(text: str) -> list[str]:
    """``"王建国（总经理）、刘海峰（副总经理（生产））"`` → the two people, separators inside
    brackets left alone."""
    people: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if ch in _SEPARATORS and depth == 0:
            people.append("".join(current))
            current = []
        else:
            current.append(ch)
    people.append("".join(current))
    return [p.strip() for p in people if p.strip()]


def name_and_role(person: str) -> tuple[str, str]:
    """``"刘海峰（副总经理（生产））"`` → ``("刘海峰", "副总经理（生产）")``; a bare name has no
    role."""
    for index, ch in enumerate(person):
        if ch in _OPEN and person[-1:] in _CLOSE:
            return person[:index].strip(), person[index + 1 : -1].strip()
    return person.strip(), ""


def draft_interviews(
    clauses: Mapping[str, ClauseRecord], existing: Iterable[Fieldwork] = ()
) -> list[Fieldwork]:
    """One interview per person named in the clauses' interviewees (in the guide's order of
    the clauses), with every clause they were heard on; people already in ``existing`` are
    left out."""
    known = {f.subject for f in existing if f.kind == "interview"}
    found: dict[str, tuple[str, list[str]]] = {}
    for key in sorted(clauses, key=_clause_order):
        for person in split_people(clauses[key].interviewees):
            name, role = name_and_role(person)
            if not name or name in known:
                continue
            entry = found.setdefault(name, (role, []))
            if key not in entry[1]:
                entry[1].append(key)
    return [
        Fieldwork(kind="interview", subject=name, role=role, clauses=tuple(keys))
        for name, (role, keys) in found.items()
    ]


def _clause_order(key: str) -> tuple[int, ...]:
    return tuple(int(part) for part in key.split(".") if part.isdigit())
