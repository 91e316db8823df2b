"""The firm benchmark: a client's area indices and clause levels beside the firm's other
engagements of the same industry and size band.

Only engagements whose lead opted them in count, and only through their anonymised entry
(``benchmark_entries``: a random token, the industry, the size band and the figures; see
migration 0009). On a firm's server a consultant sees only their own engagements' rows, so
the comparison never reads another engagement: it reads entries, which every consultant may
read, and computes this client's own figures from its diagnosis. Nothing that names a client,
an engagement, a person or any text leaves this module: a result holds area and clause keys
and numbers.

An entry is written or refreshed by :func:`refresh` (after the diagnosis of an opted-in
engagement changes, when the lead opts in, and by ``dtbench benchmark refresh``) and removed
when the lead opts out, the engagement goes to the trash or loses its industry or size.
The scores are the diagnosis's own (``diagnosis.scoring``): an area's index and a clause's
current level of the engagement's latest round.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from dtbench.diagnosis import service as dx
from dtbench.diagnosis.scoring import Report
from dtbench.engagement.lookup import engagement_id as _engagement_id
from dtbench.engagement.records import EMPLOYEE_BANDS, REVENUE_BANDS
from dtbench.errors import QT_TRANSLATE_NOOP, UserError
from dtbench.store.database import Store
from dtbench.store.models import BenchmarkEntry, BenchmarkLink, Client, Engagement, Member

if TYPE_CHECKING:
    from dtbench.reports.benchmark_charts import BenchmarkData

# Fewer comparable engagements and a figure could point at one known client (a colleague who
# knows the two other shipyards the firm served would recognise them): nothing is shown.
MIN_COMPARABLE: Final = 5

# Size bands after 工信部's SME classes for industry: micro, small, medium, large.
SIZE_BANDS: Final = ("micro", "small", "medium", "large")


class NotLeadError(UserError):
    context = "BenchmarkError"
    template = QT_TRANSLATE_NOOP(
        "BenchmarkError",
        "Only the engagement's lead can include it in the firm benchmark or take it out.",
    )


def size_band(employees: str, revenue: str) -> str:
    """The client's size band from its size fields (codes of ``EMPLOYEE_BANDS`` and
    ``REVENUE_BANDS``), "" when neither is set.

    工信部's rule for industry: large needs ≥1000 staff *and* ≥4亿 revenue, medium ≥300 staff
    and ≥2000万, small ≥20 staff and ≥300万, micro below either. The four staff bands and the
    four revenue bands line up with those thresholds, so the class is the lower of the two
    band positions; with one field unknown the other decides alone."""
    positions = [
        bands.index(value)
        for value, bands in ((employees, EMPLOYEE_BANDS), (revenue, REVENUE_BANDS))
        if value in bands
    ]
    return SIZE_BANDS[min(positions)] if positions else ""


def industry_key(industry: str) -> str:
    """The industry as compared: case and spacing do not make another industry."""
    return " ".join(industry.split()).casefold()[:100]


# ---------------------------------------------------------------- figures
@dataclass(frozen=True)
class Figures:
    """What an entry holds: area key → index (0–100), clause key → current level (1–5);
    areas and clauses out of scope or unassessed are absent."""

    areas: Mapping[str, float]
    clauses: Mapping[str, int]

    def to_json(self) -> dict[str, Any]:
        return {"areas": dict(self.areas), "clauses": dict(self.clauses)}

    @classmethod
    def from_json(cls, data: object) -> Figures:
        """Figures from an entry's JSON; anything but finite numbers is left out (an entry
        is written by another consultant's app, or by hand)."""
        if not isinstance(data, Mapping):
            return cls({}, {})
        return cls(_numbers(data.get("areas"), float), _numbers(data.get("clauses"), int))


def _numbers(values: object, cast: type[float] | type[int]) -> dict[str, Any]:
    if not isinstance(values, Mapping):
        return {}
    out: dict[str, Any] = {}
    for key, value in values.items():
        kind = type(value)  # not isinstance: a bool is no number here
        if (kind is int or kind is float) and math.isfinite(value):
            out[str(key)] = cast(value)
    return out


def figures_of(report: Report) -> Figures:
    return Figures(
        {a.key: round(a.index, 2) for a in report.areas if a.index is not None},
        {c.key: c.current for c in report.clauses if c.current is not None},
    )


def _latest_report(store: Store, engagement: str) -> Report | None:
    rounds = dx.list_rounds(store, engagement)
    return dx.round_report(store, engagement, rounds[-1].uuid) if rounds else None


# ---------------------------------------------------------------- opt-in and entries
def opted_in(store: Store, engagement: str) -> bool:
    with store.session() as s:
        row = s.get(Engagement, _engagement_id(s, engagement))
        return bool(row and row.benchmark_opt_in)


def _check_lead(s: Session, eid: int, author: str) -> None:
    """On a firm's server an engagement with members lets only its lead decide; a laptop's
    engagement has no members and its consultant decides."""
    stmt = select(Member.login, Member.role).where(Member.engagement_id == eid)
    roles = {login: role for login, role in s.execute(stmt)}
    if roles and roles.get(author) != "lead":
        raise NotLeadError()


def set_opt_in(store: Store, engagement: str, value: bool) -> bool:
    """Include the engagement in the firm benchmark or take it out (its entry is deleted
    then); returns the previous choice."""
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        _check_lead(s, eid, store.author)
        row = s.get(Engagement, eid)
        assert row is not None
        old = bool(row.benchmark_opt_in)
        row.benchmark_opt_in = value
    refresh(store, engagement)
    return old


def refresh(store: Store, engagement: str) -> bool:
    """Bring the engagement's entry up to date with its latest round: written when it is
    opted in, in no trash, and has an industry, a size band and scores; deleted otherwise.
    Returns whether an entry exists now."""
    with store.session() as s:
        row = s.scalar(select(Engagement).where(Engagement.uuid == engagement))
        if row is None:
            return False
        client = s.get(Client, row.client_id)
        industry = industry_key(client.industry) if client else ""
        band = size_band(client.size_employees, client.size_revenue) if client else ""
        wanted = row.benchmark_opt_in and row.deleted_at is None and bool(industry and band)
        eid = row.id
    figures = _latest_report(store, engagement) if wanted else None
    data = figures_of(figures) if figures is not None else None
    if data is not None and not data.areas:
        data = None
    with store.session() as s:
        link = s.scalar(select(BenchmarkLink).where(BenchmarkLink.engagement_id == eid))
        if data is None:
            if link is not None:
                s.execute(delete(BenchmarkEntry).where(BenchmarkEntry.token == link.token))
                s.execute(delete(BenchmarkLink).where(BenchmarkLink.token == link.token))
            return False
        if link is None:
            link = BenchmarkLink(token=secrets.token_hex(16), engagement_id=eid)
            s.add(link)
            s.flush()
        entry = s.get(BenchmarkEntry, link.token)
        if entry is None:
            entry = BenchmarkEntry(token=link.token)
            s.add(entry)
        entry.industry = industry
        entry.size_band = band
        entry.figures = data.to_json()
        return True


def refresh_all(store: Store) -> int:
    """Refresh every engagement's entry this login may see; returns how many entries exist
    afterwards among them."""
    with store.session() as s:
        uuids = list(s.scalars(select(Engagement.uuid).order_by(Engagement.id)))
    return sum(refresh(store, uuid) for uuid in uuids)


# ---------------------------------------------------------------- the comparison
@dataclass(frozen=True)
class Distribution:
    """The comparable engagements' values of one figure."""

    n: int
    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Distribution | None:
        ordered = sorted(values)
        if len(ordered) < MIN_COMPARABLE:
            return None
        return cls(
            len(ordered),
            ordered[0],
            quantile(ordered, 0.25),
            quantile(ordered, 0.5),
            quantile(ordered, 0.75),
            ordered[-1],
        )


def quantile(ordered: Sequence[float], q: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default, and
    ``statistics.quantiles(method="inclusive")``) of sorted values."""
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def percentile(value: float, values: Sequence[float]) -> float:
    """Where ``value`` stands among ``values``, 0–100: the share below it, ties counted
    half (a client equal to everyone stands at 50)."""
    below = sum(v < value for v in values)
    equal = sum(v == value for v in values)
    return 100.0 * (below + equal / 2) / len(values)


@dataclass(frozen=True)
class Standing:
    """One figure: the firm's distribution (None when fewer than five have it), this
    client's value and its percentile among them."""

    key: str
    distribution: Distribution | None
    value: float | None
    percentile: float | None


@dataclass(frozen=True)
class AreaComparison:
    index: Standing
    clauses: tuple[Standing, ...]

    @property
    def key(self) -> str:
        return self.index.key


@dataclass(frozen=True)
class Comparison:
    """A client against the firm: ``shown`` only with at least MIN_COMPARABLE comparable
    engagements; then ``areas`` per area of the client's scope, in the guide's order."""

    industry: str
    size_band: str
    n: int
    areas: tuple[AreaComparison, ...] = ()

    @property
    def shown(self) -> bool:
        return self.n >= MIN_COMPARABLE and bool(self.areas)

    @property
    def reason(self) -> str:
        """Why nothing is shown (English, for the command line and logs); "" when shown."""
        if not self.industry or not self.size_band:
            return "no industry or size set for the client"
        if self.n < MIN_COMPARABLE:
            return f"not enough comparable engagements ({self.n} of {MIN_COMPARABLE})"
        return "" if self.areas else "no scores yet"


def _standing(key: str, value: float | None, values: Sequence[float]) -> Standing:
    distribution = Distribution.of(values)
    where = None if distribution is None or value is None else percentile(value, values)
    return Standing(key, distribution, value, where)


def compare_figures(
    mine: Figures, others: Sequence[Figures], industry: str = "", band: str = ""
) -> Comparison:
    """The comparison of one set of figures with comparable entries' figures."""
    n = len(others)
    if n < MIN_COMPARABLE:
        return Comparison(industry, band, n)
    from dtbench.guide import load_guide

    areas = []
    for area in load_guide().areas:
        if area.key not in mine.areas:
            continue
        index = _standing(
            area.key,
            mine.areas[area.key],
            [f.areas[area.key] for f in others if area.key in f.areas],
        )
        clauses = tuple(
            _standing(
                c.key,
                mine.clauses.get(c.key),
                [float(f.clauses[c.key]) for f in others if c.key in f.clauses],
            )
            for c in area.clauses()
            if c.key in mine.clauses
        )
        areas.append(AreaComparison(index, clauses))
    return Comparison(industry, band, n, tuple(areas))


def comparable(store: Store, industry: str, band: str, exclude: str = "") -> list[Figures]:
    """The figures of entries of this industry and size band (but the ``exclude`` token)."""
    with store.session() as s:
        stmt = select(BenchmarkEntry.token, BenchmarkEntry.figures).where(
            BenchmarkEntry.industry == industry, BenchmarkEntry.size_band == band
        )
        return [Figures.from_json(f) for token, f in s.execute(stmt) if token != exclude]


def compare(store: Store, engagement: str, report: Report | None = None) -> Comparison:
    """This engagement's latest round (or ``report``) against the firm's other opted-in
    engagements of its industry and size band."""
    with store.session() as s:
        eid = _engagement_id(s, engagement)
        row = s.get(Engagement, eid)
        assert row is not None
        client = s.get(Client, row.client_id)
        assert client is not None
        industry = industry_key(client.industry)
        band = size_band(client.size_employees, client.size_revenue)
        own = s.scalar(select(BenchmarkLink.token).where(BenchmarkLink.engagement_id == eid))
    if not industry or not band:
        return Comparison(industry, band, 0)
    others = comparable(store, industry, band, exclude=own or "")
    if len(others) < MIN_COMPARABLE:
        return Comparison(industry, band, len(others))
    report = report if report is not None else _latest_report(store, engagement)
    mine = figures_of(report) if report is not None else Figures({}, {})
    return compare_figures(mine, others, industry, band)


def proposal_data(store: Store, engagement: str, lang: str) -> BenchmarkData | None:
    """The proposal chapter's data (area labels in ``lang``), or None when the benchmark
    cannot be shown (too few comparable engagements, no industry or size, no scores)."""
    from dtbench.guide import load_guide
    from dtbench.reports.benchmark_charts import BenchmarkData, rows_of

    result = compare(store, engagement)
    if not result.shown:
        return None
    titles = {a.key: f"{a.key} {a.title.get(lang)}" for a in load_guide().areas}
    rows = rows_of([(titles.get(a.key, a.key), a.index) for a in result.areas])
    return BenchmarkData(result.n, result.size_band, rows) if rows else None
