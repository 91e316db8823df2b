"""Saves that never overwrite someone else's change silently.

A view remembers the version of each record it shows (``Base``: the version and the fields as
it showed them). A save with a base writes only through an UPDATE (or DELETE) conditional on
the version it has just read — SQLAlchemy's ``version_id_col`` adds ``WHERE version = :read``
and raises ``StaleDataError`` when the database matched no row — so whatever committed in
between is never overwritten: the save is read and decided again (``retrying``).

Deciding is a three-way merge per field (``reconcile``): a field the other side changed and I
did not keeps theirs, a field I changed and they did not takes mine, the same value on both
sides is no conflict; only a field both changed, to different values, refuses the whole save
with :class:`EditConflict`, which carries both values (mine verbatim), their author, time and
version, so the consultant can choose or merge and save again against *their* version.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from dtbench.errors import QT_TRANSLATE_NOOP, UserError

# A save whose read went stale (or whose new row met one inserted meanwhile) is read and
# decided again; each retry sees a later committed state, so a few are plenty.
TRIES = 8

T = TypeVar("T")


class _NoBase:
    """The value a field had in the consultant's view is not known."""

    def __repr__(self) -> str:
        return "NO_BASE"


NO_BASE: object = _NoBase()


@dataclass(frozen=True)
class Base:
    """What the consultant's view showed when they began editing: the record's version (0:
    no record was stored) and its fields as shown (field name → value; a field missing here
    conflicts whenever the stored value differs from mine)."""

    version: int
    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Stored:
    """The record as stored now: its fields (defaults when there is no row), version (0: no
    row), author and time of its last save."""

    values: Mapping[str, object]
    version: int = 0
    author: str = ""
    at: datetime | None = None


@dataclass(frozen=True)
class FieldConflict:
    """One field both sides changed: mine (as typed), theirs (as stored), and what the view
    showed before (``NO_BASE`` when unknown) for a three-way text merge."""

    field: str
    mine: object
    theirs: object
    base: object = NO_BASE


class EditConflict(UserError):
    """Someone else saved the same field meanwhile: nothing of mine was written."""

    context = "Errors"
    template = QT_TRANSLATE_NOOP(
        "Errors", "%1 changed %2 at %3 (UTC) while you were editing it: your change is not saved."
    )
    ANONYMOUS = QT_TRANSLATE_NOOP(
        "Errors", "Someone else changed %2 while you were editing it: your change is not saved."
    )

    def __init__(
        self,
        record: str,
        conflicts: tuple[FieldConflict, ...],
        theirs: Stored,
    ) -> None:
        if not theirs.author:
            self.template = self.ANONYMOUS
        at = theirs.at.strftime("%Y-%m-%d %H:%M") if theirs.at is not None else ""
        super().__init__(theirs.author, record, at)
        self.record = record
        self.conflicts = conflicts
        self.theirs = theirs

    @property
    def version(self) -> int:
        """Their version: a save against it overwrites theirs knowingly."""
        return self.theirs.version

    @property
    def author(self) -> str:
        return self.theirs.author

    @property
    def at(self) -> datetime | None:
        return self.theirs.at

    @property
    def deleted(self) -> bool:
        """The other side removed the record (there is no row any more)."""
        return self.theirs.version == 0


def reconcile(
    record: str,
    stored: Stored,
    mine: Mapping[str, object],
    base: Base | None,
    typed: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """The fields to write: ``mine`` merged field by field over what is stored.

    Without a base (the command line, importers, the sample) mine simply wins, as before.
    EditConflict when a field both sides changed holds different values; ``typed`` gives
    mine as the consultant typed it (before cleaning) for the conflict's display."""
    if base is None or base.version == stored.version:
        return dict(mine)
    merged: dict[str, object] = {}
    conflicts: list[FieldConflict] = []
    for name, value in mine.items():
        theirs = stored.values.get(name)
        was = base.values.get(name, NO_BASE)
        if theirs == value or was == theirs:
            merged[name] = value  # the same on both sides, or they left it alone
        elif was == value:
            merged[name] = theirs  # I left it alone: theirs stays
        else:
            shown = value if typed is None else typed.get(name, value)
            conflicts.append(FieldConflict(name, shown, theirs, was))
    if conflicts:
        raise EditConflict(record, tuple(conflicts), stored)
    return merged


def retrying(attempt: Callable[[], T]) -> T:
    """Run one unit of work again when the database refused it because the row changed
    between its read and its write (or a row with the same key was inserted meanwhile)."""
    from sqlalchemy.exc import IntegrityError  # not at import: the window shows before the ORM
    from sqlalchemy.orm.exc import StaleDataError

    for n in range(TRIES):
        try:
            return attempt()
        except (StaleDataError, IntegrityError):
            if n == TRIES - 1:
                raise
    raise AssertionError("unreachable")


def rebased(base: Base, conflict: EditConflict) -> Base:
    """The base of the save that settles ``conflict``: the consultant has now seen theirs, so
    the conflicting fields take the chosen value while every other field still merges."""
    return Base(base.version, {**base.values, **{c.field: c.theirs for c in conflict.conflicts}})


def merge_text(base: object, theirs: str, mine: str, labels: tuple[str, str, str]) -> str:
    """A line-level three-way merge of a text both sides changed, for the consultant to edit:
    lines changed on one side only are taken, a part changed on both comes as theirs then
    mine between ``labels`` (theirs, mine, end) lines. Without a known base: the whole of
    theirs, then the whole of mine."""
    b = base.splitlines() if isinstance(base, str) else None
    t, m = theirs.splitlines(), mine.splitlines()
    if b is None:
        return "\n".join(_both(t, m, labels))
    in_t, in_m = _aligned(b, t), _aligned(b, m)
    out: list[str] = []
    ib = it = im = 0
    while True:
        i = ib
        # the next base line both sides kept, after what is merged so far
        while i < len(b) and not (in_t.get(i, -1) >= it and in_m.get(i, -1) >= im):
            i += 1
        jt, jm = (len(t), len(m)) if i == len(b) else (in_t[i], in_m[i])
        cb, ct, cm = b[ib:i], t[it:jt], m[im:jm]
        if ct == cm or cm == cb:
            out += ct
        elif ct == cb:
            out += cm
        else:
            out += _both(ct, cm, labels)
        if i == len(b):
            return "\n".join(out)
        out.append(b[i])
        ib, it, im = i + 1, jt + 1, jm + 1


def _aligned(base: list[str], other: list[str]) -> dict[int, int]:
    """Base line → the same line in ``other``, where the two agree."""
    from difflib import SequenceMatcher  # a merge is rare: not loaded at start-up

    matcher = SequenceMatcher(None, base, other, autojunk=False)
    blocks = matcher.get_matching_blocks()
    return {block.a + n: block.b + n for block in blocks for n in range(block.size)}


def _both(theirs: list[str], mine: list[str], labels: tuple[str, str, str]) -> list[str]:
    return [labels[0], *theirs, labels[1], *mine, labels[2]]
