"""One engagement gathered into plain data for the documents, in the deliverable language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dtbench.diagnosis import service as dx
from dtbench.diagnosis.records import ClauseRecord, RoundData, RoundRecord
from dtbench.diagnosis.scale import BASELINE_NAME, level
from dtbench.diagnosis.scoring import ClauseScore, Report, ScopeEntry
from dtbench.engagement import service as engagements
from dtbench.engagement.firm import Firm, load_firm
from dtbench.engagement.records import Profile
from dtbench.guide import Guide, load_guide
from dtbench.plan import service as plan
from dtbench.plan.records import ITEM_KINDS, VALUE_KINDS, Deliverable, Issue, PlanItem
from dtbench.plan.service import with_issue
from dtbench.reports.benchmark_charts import BenchmarkData
from dtbench.store.database import Store


@dataclass(frozen=True)
class CheckLine:
    key: str
    ref: str  # "a)" for an item, "1)" for a sub-item
    text: str
    status: str  # met / partly / not_met / na / ""
    note: str
    is_item: bool


@dataclass(frozen=True)
class ClauseContent:
    key: str
    area: str
    title: str
    purpose: str
    score: ClauseScore
    record: ClauseRecord
    lines: tuple[CheckLine, ...]


@dataclass(frozen=True)
class Content:
    lang: str
    guide: Guide
    profile: Profile
    round: RoundRecord
    rounds: tuple[tuple[RoundRecord, Report], ...]
    report: Report
    data: RoundData
    scope: dict[str, ScopeEntry]
    clauses: tuple[ClauseContent, ...]
    items: dict[str, list[PlanItem]]
    values: dict[str, Any]
    generated: date = field(default_factory=date.today)
    # The firm benchmark, only when the export asked for it and enough engagements compare
    # (dtbench.team.benchmark makes it: the deliverables sit below team).
    benchmark: BenchmarkData | None = None
    firm: Firm = field(default_factory=Firm)  # the firm set on this computer

    @property
    def firm_name(self) -> str:
        """The consulting firm: as set for this engagement, else the firm's own name."""
        return self.deliverable.consulting_firm.strip() or self.firm.name(self.lang)

    @property
    def author(self) -> str:
        return self.deliverable.author.strip() or self.profile.consultants.strip()

    @property
    def issues(self) -> tuple[Issue, ...]:
        """The document history with this export as its last line."""
        return with_issue(self.deliverable, self.generated).history

    def area_title(self, key: str) -> str:
        for area in self.guide.areas:
            if area.key == key:
                return area.title.get(self.lang)
        return key

    def level_name(self, number: int | None) -> str:
        return "—" if number is None else f"{number} {level(number).name.get(self.lang)}"

    @property
    def deliverable(self) -> Deliverable:
        value = self.values["deliverable"]
        assert isinstance(value, Deliverable)
        return value

    @property
    def summary(self) -> str:
        """The executive summary: as the consultant edited it, else the generated draft."""
        return self.deliverable.summary.strip() or draft_summary(self)


def gather(store: Store, engagement: str, lang: str | None = None) -> Content:
    profile = engagements.get_profile(store, engagement)
    lang = lang or profile.language
    guide = load_guide()
    # The round is stored data: named in the engagement's language, as everywhere else.
    rounds = dx.ensure_rounds(store, engagement, BASELINE_NAME.get(profile.language))
    scope = dx.get_scope(store, engagement)
    # Every round's scores in one light read: only the latest round is needed whole (its
    # notes and evidence), not ten rounds of them.
    scored = dx.round_reports(store, engagement, [r.uuid for r in rounds], scope)
    reports = tuple((r, scored[r.uuid]) for r in rounds)
    current, report = reports[-1]
    data = dx.load_round(store, current.uuid)
    statuses = data.statuses()
    clauses = []
    for score in report.clauses:
        clause = guide.clause(score.key)
        lines = []
        for item in clause.items:
            answer = data.answers.get(item.key)
            lines.append(
                CheckLine(
                    item.key,
                    f"{item.letter})",
                    item.text.get(lang),
                    statuses.get(item.key, ""),
                    answer.note if answer else "",
                    True,
                )
            )
            for sub in item.subitems:
                answer = data.answers.get(sub.key)
                lines.append(
                    CheckLine(
                        sub.key,
                        f"{sub.key.rsplit('.', 1)[1]})",
                        sub.text.get(lang),
                        statuses.get(sub.key, ""),
                        answer.note if answer else "",
                        False,
                    )
                )
        clauses.append(
            ClauseContent(
                score.key,
                score.area,
                clause.title.get(lang),
                clause.purpose.get(lang),
                score,
                data.clauses.get(score.key, ClauseRecord()),
                tuple(lines),
            )
        )
    items = {kind: plan.list_items(store, engagement, kind) for kind in ITEM_KINDS}
    # The documents report fieldwork done: an interview still planned or cancelled is left
    # out of every section that lists or counts fieldwork.
    items["fieldwork"] = [
        i for i in items["fieldwork"] if getattr(i.record, "status", "") == "held"
    ]
    values = {name: plan.get_value(store, engagement, name) for name in VALUE_KINDS}
    return Content(
        lang,
        guide,
        profile,
        current,
        reports,
        report,
        data,
        scope,
        tuple(clauses),
        items,
        values,
        firm=load_firm(),
    )


def draft_summary(content: Content) -> str:
    """The executive summary's first draft (:mod:`dtbench.deliverables.summary_draft`)."""
    from dtbench.deliverables.summary_draft import draft_summary as draft

    return draft(content)
