"""Scores of one assessment round: pure functions of the guide, the answers, the levels and
the scope. In short: checkpoint scores → clause coverage and index → suggested level, gap and
priority → weighted area and overall indices. The formulas are described in words, for users
and the deliverables, in ``scoring_method`` (README.md "Formulas" shows that text): change the
description there when a formula here changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dtbench.diagnosis.scale import STATUS_SCORE, STATUSES, UNANSWERED, suggested_level
from dtbench.guide.model import Guide

ALL_STATUSES: tuple[str, ...] = (*STATUSES, UNANSWERED)


@dataclass(frozen=True)
class ScopeEntry:
    in_scope: bool = True
    weight: float = 1.0


IN_SCOPE = ScopeEntry()
MIN_WEIGHT = 0.1
MAX_WEIGHT = 10.0


@dataclass(frozen=True)
class LevelChoice:
    """The consultant's levels for a clause; ``current`` None means "use the suggested"."""

    current: int | None = None
    target: int | None = None


@dataclass(frozen=True)
class ClauseScore:
    key: str
    area: str
    weight: float
    total: int
    answered: int
    counts: Mapping[str, int]
    coverage: float | None
    suggested: int | None
    current: int | None
    current_overridden: bool
    target: int | None
    gap: int | None
    priority: float

    @property
    def index(self) -> float | None:
        return None if self.coverage is None else self.coverage * 100.0

    @property
    def complete(self) -> bool:
        return self.answered == self.total


@dataclass(frozen=True)
class AreaScore:
    key: str
    clauses: tuple[str, ...]
    index: float | None
    current_level: float | None
    target_level: float | None
    answered: int
    total: int
    counts: Mapping[str, int]


@dataclass(frozen=True)
class Report:
    clauses: tuple[ClauseScore, ...]
    areas: tuple[AreaScore, ...]
    overall_index: float | None
    current_level: float | None
    target_level: float | None
    answered: int
    total: int
    by_key: Mapping[str, ClauseScore] = field(repr=False, default_factory=dict)

    @property
    def completion(self) -> float:
        return self.answered / self.total if self.total else 0.0

    def ranked_gaps(self) -> list[ClauseScore]:
        """Clauses with a positive gap, highest priority first."""
        order = {c.key: n for n, c in enumerate(self.clauses)}
        gaps = [c for c in self.clauses if c.gap is not None and c.gap > 0]
        gaps.sort(key=lambda c: (-c.priority, -(c.gap or 0), c.coverage or 0.0, order[c.key]))
        return gaps

    def area(self, key: str) -> AreaScore:
        for area in self.areas:
            if area.key == key:
                return area
        raise KeyError(key)


@dataclass(frozen=True)
class _ClauseShape:
    key: str
    area: str
    checkpoints: tuple[str, ...]


_Shape = tuple[tuple[str, tuple[_ClauseShape, ...]], ...]
# Keyed by id(): hashing a whole Guide on every call would cost more than scoring it.
_SHAPES: dict[int, tuple[Guide, _Shape]] = {}


def _shape(guide: Guide) -> _Shape:
    cached = _SHAPES.get(id(guide))
    if cached is not None and cached[0] is guide:
        return cached[1]
    shape = tuple(
        (
            area.key,
            tuple(
                _ClauseShape(c.key, area.key, tuple(p.key for p in c.checkpoints()))
                for c in area.clauses()
            ),
        )
        for area in guide.areas
    )
    _SHAPES[id(guide)] = (guide, shape)
    return shape


def priority(gap: int | None, weight: float) -> float:
    if gap is None or gap <= 0:
        return 0.0
    return weight * ((1 + gap) ** 2 - 1)


def _clause(
    shape: _ClauseShape, answers: Mapping[str, str], choice: LevelChoice, weight: float
) -> ClauseScore:
    counts: Counter[str] = Counter(answers.get(k, UNANSWERED) for k in shape.checkpoints)
    applicable = sum(counts[s] for s in STATUS_SCORE)
    points = sum(counts[s] * v for s, v in STATUS_SCORE.items())
    coverage = points / applicable if applicable else None
    suggested = None if coverage is None else suggested_level(coverage)
    current = choice.current if choice.current is not None else suggested
    gap = None if current is None or choice.target is None else choice.target - current
    return ClauseScore(
        key=shape.key,
        area=shape.area,
        weight=weight,
        total=len(shape.checkpoints),
        answered=len(shape.checkpoints) - counts[UNANSWERED],
        counts={s: counts[s] for s in ALL_STATUSES},
        coverage=coverage,
        suggested=suggested,
        current=current,
        current_overridden=choice.current is not None,
        target=choice.target,
        gap=gap,
        priority=priority(gap, weight),
    )


def _weighted(pairs: Iterable[tuple[float | None, float]]) -> float | None:
    total = 0.0
    weights = 0.0
    for value, weight in pairs:
        if value is not None and weight > 0:
            total += value * weight
            weights += weight
    return total / weights if weights else None


def _clamp(value: float | None, low: float, high: float) -> float | None:
    # Guards against float rounding drifting a mean a hair outside its range.
    return None if value is None else min(high, max(low, value))


def aggregate(key: str, clauses: list[ClauseScore]) -> AreaScore:
    """Weighted indices and levels of a set of clauses (an area, or a group of the guide)."""
    counts: Counter[str] = Counter()
    for c in clauses:
        counts.update(c.counts)
    return AreaScore(
        key=key,
        clauses=tuple(c.key for c in clauses),
        index=_clamp(_weighted((c.index, c.weight) for c in clauses), 0, 100),
        current_level=_clamp(_weighted((c.current, c.weight) for c in clauses), 1, 5),
        target_level=_clamp(_weighted((c.target, c.weight) for c in clauses), 1, 5),
        answered=sum(c.answered for c in clauses),
        total=sum(c.total for c in clauses),
        counts={s: counts[s] for s in ALL_STATUSES},
    )


def score(
    guide: Guide,
    answers: Mapping[str, str],
    levels: Mapping[str, LevelChoice] | None = None,
    scope: Mapping[str, ScopeEntry] | None = None,
) -> Report:
    """Score one round. ``answers`` maps checkpoint keys to statuses (missing = unanswered),
    ``levels`` clause keys to level choices, ``scope`` clause keys to scope entries (missing =
    in scope with weight 1)."""
    levels = levels or {}
    scope = scope or {}
    clauses: list[ClauseScore] = []
    areas: list[AreaScore] = []
    for area_key, shapes in _shape(guide):
        in_area: list[ClauseScore] = []
        for shape in shapes:
            entry = scope.get(shape.key, IN_SCOPE)
            if not entry.in_scope:
                continue
            choice = levels.get(shape.key, LevelChoice())
            in_area.append(_clause(shape, answers, choice, entry.weight))
        if in_area:
            areas.append(aggregate(area_key, in_area))
            clauses.extend(in_area)
    return Report(
        clauses=tuple(clauses),
        areas=tuple(areas),
        overall_index=_clamp(_weighted((c.index, c.weight) for c in clauses), 0, 100),
        current_level=_clamp(_weighted((c.current, c.weight) for c in clauses), 1, 5),
        target_level=_clamp(_weighted((c.target, c.weight) for c in clauses), 1, 5),
        answered=sum(c.answered for c in clauses),
        total=sum(c.total for c in clauses),
        by_key={c.key: c for c in clauses},
    )


@dataclass(frozen=True)
class Movement:
    """A clause whose level or index changed between two rounds."""

    key: str
    level_before: int | None
    level_after: int | None
    index_before: float | None
    index_after: float | None

    @property
    def level_change(self) -> int | None:
        if self.level_before is None or self.level_after is None:
            return None
        return self.level_after - self.level_before


def moved_clauses(before: Report, after: Report) -> list[Movement]:
    """Clauses in both rounds whose current level or index changed, largest change first."""
    moved: list[Movement] = []
    for c in after.clauses:
        old = before.by_key.get(c.key)
        if old is None:
            continue
        index_changed = (old.index is None) != (c.index is None) or (
            old.index is not None and c.index is not None and abs(old.index - c.index) >= 0.05
        )
        if old.current != c.current or index_changed:
            moved.append(Movement(c.key, old.current, c.current, old.index, c.index))
    moved.sort(
        key=lambda m: (
            -abs(m.level_change or 0),
            -abs((m.index_after or 0.0) - (m.index_before or 0.0)),
        )
    )
    return moved
