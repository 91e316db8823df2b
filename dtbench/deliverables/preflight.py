"""Before an export: what would go out wrong, each with the place in the app to fix it.

:func:`preflight` reads the engagement as the documents read it (:class:`Content`) and
returns a list of :class:`Check`: text in the other language than the deliverable's, rated
clauses without findings, initiatives without owner or dates, budgets that still count
finished work, figures that disagree, a missing firm name, and the plan's own checks
(roadmap, findings, investment, risks, blueprint), so the consultant sees everything in one
list. Each check has a severity, a message in the user's language (``message(translate)``,
the templates marked with ``QT_TRANSLATE_NOOP``) and a :class:`Target`: the step of the app,
the record and the field to go to.

Pure and quick: no database access beyond the gathered content, no document library.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

from dtbench.deliverables.content import Content, gather
from dtbench.errors import QT_TRANSLATE_NOOP, excerpt
from dtbench.guide.model import fill
from dtbench.plan import catalogue as cat
from dtbench.plan import checks as plan_checks
from dtbench.plan.blueprint import check_blueprint
from dtbench.plan.investment import check_investment
from dtbench.plan.money import money
from dtbench.plan.records import (
    Benefit,
    CostLine,
    Culture,
    Initiative,
    Kpi,
    Organization,
    PlanItem,
    Strategy,
)
from dtbench.plan.risks import check_risks
from dtbench.store.database import Store

CONTEXT: Final = "Preflight"
ERROR: Final = "error"  # the documents would go out wrong
WARNING: Final = "warning"  # worth a look; the documents are not wrong as such
EXCERPT_CHARS: Final = 40

Translate = Callable[[str, str], str]


# ---------------------------------------------------------------- where to go
@dataclass(frozen=True)
class Target:
    """Where the consultant fixes a problem.

    ``step`` names a step of the workspace by its page's name (``roadmap``, ``diagnosis``…),
    or ``export`` (a field of the export dialog itself) or ``preferences`` (the firm's
    identity); ``kind`` is what the record is (a plan item's kind, ``clause``, ``answer``,
    ``profile``, ``strategy``…); ``record`` the plan item's uuid, the clause key or the
    checkpoint key; ``field`` the field of that record (for the single records of a step,
    the name of the field's editor); ``label`` how the record is called, for the reader.
    """

    step: str
    kind: str = ""
    record: str = ""
    field: str = ""
    label: str = ""


# The step where each kind of record is edited (the workspace's page names).
STEP_OF_KIND: Final[dict[str, str]] = {
    "profile": "profile",
    "fieldwork": "fieldwork",
    "clause": "diagnosis",
    "answer": "diagnosis",
    "finding": "findings",
    "strategy": "strategy",
    "system": "blueprint",
    "integration": "blueprint",
    "phase": "roadmap",
    "initiative": "roadmap",
    "cost": "investment",
    "benefit": "investment",
    "kpi": "kpis",
    "risk": "risks",
    "governance": "leadership",
    "action": "leadership",
    "organization": "org_culture",
    "culture": "org_culture",
    "change_step": "org_culture",
    "resistance": "org_culture",
    "next_step": "next_steps",
    "deliverable": "export",
    "firm": "preferences",
}

STEP_LABELS: Final[dict[str, str]] = {
    "profile": QT_TRANSLATE_NOOP("Preflight", "Client profile"),
    "fieldwork": QT_TRANSLATE_NOOP("Preflight", "Fieldwork"),
    "diagnosis": QT_TRANSLATE_NOOP("Preflight", "Diagnosis"),
    "findings": QT_TRANSLATE_NOOP("Preflight", "Key findings"),
    "strategy": QT_TRANSLATE_NOOP("Preflight", "Strategy"),
    "blueprint": QT_TRANSLATE_NOOP("Preflight", "Blueprint"),
    "roadmap": QT_TRANSLATE_NOOP("Preflight", "Roadmap"),
    "investment": QT_TRANSLATE_NOOP("Preflight", "Investment and benefits"),
    "kpis": QT_TRANSLATE_NOOP("Preflight", "KPIs"),
    "risks": QT_TRANSLATE_NOOP("Preflight", "Risks"),
    "leadership": QT_TRANSLATE_NOOP("Preflight", "Leadership"),
    "org_culture": QT_TRANSLATE_NOOP("Preflight", "Organization and culture"),
    "next_steps": QT_TRANSLATE_NOOP("Preflight", "Next steps"),
    "export": QT_TRANSLATE_NOOP("Preflight", "Export settings"),
    "preferences": QT_TRANSLATE_NOOP("Preflight", "Preferences"),
}

# Labels of the fields named in the list (by field name; the same name reads the same).
FIELD_LABELS: Final[dict[str, str]] = {
    "title": QT_TRANSLATE_NOOP("Preflight", "title"),
    "name": QT_TRANSLATE_NOOP("Preflight", "name"),
    "description": QT_TRANSLATE_NOOP("Preflight", "description"),
    "owner": QT_TRANSLATE_NOOP("Preflight", "owner"),
    "start": QT_TRANSLATE_NOOP("Preflight", "start"),
    "end": QT_TRANSLATE_NOOP("Preflight", "end"),
    "budget": QT_TRANSLATE_NOOP("Preflight", "budget"),
    "year": QT_TRANSLATE_NOOP("Preflight", "year"),
    "amount": QT_TRANSLATE_NOOP("Preflight", "amount"),
    "objective": QT_TRANSLATE_NOOP("Preflight", "objective"),
    "scope": QT_TRANSLATE_NOOP("Preflight", "scope"),
    "deliverables": QT_TRANSLATE_NOOP("Preflight", "deliverables"),
    "milestones": QT_TRANSLATE_NOOP("Preflight", "milestones"),
    "team": QT_TRANSLATE_NOOP("Preflight", "team"),
    "acceptance": QT_TRANSLATE_NOOP("Preflight", "acceptance criteria"),
    "risks": QT_TRANSLATE_NOOP("Preflight", "risks"),
    "goals": QT_TRANSLATE_NOOP("Preflight", "goals"),
    "entry_criteria": QT_TRANSLATE_NOOP("Preflight", "entry criteria"),
    "exit_criteria": QT_TRANSLATE_NOOP("Preflight", "exit criteria"),
    "definition": QT_TRANSLATE_NOOP("Preflight", "definition"),
    "unit": QT_TRANSLATE_NOOP("Preflight", "unit"),
    "data_source": QT_TRANSLATE_NOOP("Preflight", "data source"),
    "calculation": QT_TRANSLATE_NOOP("Preflight", "calculation"),
    "baseline": QT_TRANSLATE_NOOP("Preflight", "baseline"),
    "targets": QT_TRANSLATE_NOOP("Preflight", "targets"),
    "target": QT_TRANSLATE_NOOP("Preflight", "target"),
    "position": QT_TRANSLATE_NOOP("Preflight", "position"),
    "responsibilities": QT_TRANSLATE_NOOP("Preflight", "responsibilities"),
    "note": QT_TRANSLATE_NOOP("Preflight", "note"),
    "notes": QT_TRANSLATE_NOOP("Preflight", "notes"),
    "source": QT_TRANSLATE_NOOP("Preflight", "source"),
    "mitigation": QT_TRANSLATE_NOOP("Preflight", "mitigation"),
    "risk": QT_TRANSLATE_NOOP("Preflight", "risk"),
    "response": QT_TRANSLATE_NOOP("Preflight", "response"),
    "subject": QT_TRANSLATE_NOOP("Preflight", "subject"),
    "role": QT_TRANSLATE_NOOP("Preflight", "role"),
    "department": QT_TRANSLATE_NOOP("Preflight", "department"),
    "place": QT_TRANSLATE_NOOP("Preflight", "place"),
    "action": QT_TRANSLATE_NOOP("Preflight", "action"),
    "flow": QT_TRANSLATE_NOOP("Preflight", "what flows"),
    "assumption": QT_TRANSLATE_NOOP("Preflight", "assumption"),
    "observations": QT_TRANSLATE_NOOP("Preflight", "what we saw"),
    "impact": QT_TRANSLATE_NOOP("Preflight", "why it matters"),
    "sources": QT_TRANSLATE_NOOP("Preflight", "based on"),
    "vision": QT_TRANSLATE_NOOP("Preflight", "vision"),
    "principles": QT_TRANSLATE_NOOP("Preflight", "principle adopted"),
    "criteria": QT_TRANSLATE_NOOP("Preflight", "criterion adopted"),
    "culture_targets": QT_TRANSLATE_NOOP("Preflight", "culture target"),
    "culture_measures": QT_TRANSLATE_NOOP("Preflight", "culture measure"),
    "rationale": QT_TRANSLATE_NOOP("Preflight", "rationale"),
    "mode_rationale": QT_TRANSLATE_NOOP("Preflight", "why this mode"),
    "summary": QT_TRANSLATE_NOOP("Preflight", "executive summary"),
    "firm": QT_TRANSLATE_NOOP("Preflight", "consulting firm"),
    "author": QT_TRANSLATE_NOOP("Preflight", "prepared by"),
    "reviewer": QT_TRANSLATE_NOOP("Preflight", "reviewed by"),
    "approver": QT_TRANSLATE_NOOP("Preflight", "approved by"),
    "client_name": QT_TRANSLATE_NOOP("Preflight", "client name"),
    "short_name": QT_TRANSLATE_NOOP("Preflight", "short name"),
    "industry": QT_TRANSLATE_NOOP("Preflight", "industry"),
    "region": QT_TRANSLATE_NOOP("Preflight", "region"),
    "main_products": QT_TRANSLATE_NOOP("Preflight", "main products"),
    "other_systems": QT_TRANSLATE_NOOP("Preflight", "existing systems"),
    "contacts": QT_TRANSLATE_NOOP("Preflight", "contacts"),
    "consultants": QT_TRANSLATE_NOOP("Preflight", "consultants"),
    "findings": QT_TRANSLATE_NOOP("Preflight", "findings"),
    "interviewees": QT_TRANSLATE_NOOP("Preflight", "interviewees"),
    "name_zh": QT_TRANSLATE_NOOP("Preflight", "firm name (Chinese)"),
    "name_en": QT_TRANSLATE_NOOP("Preflight", "firm name (English)"),
    "address_zh": QT_TRANSLATE_NOOP("Preflight", "firm address (Chinese)"),
    "address_en": QT_TRANSLATE_NOOP("Preflight", "firm address (English)"),
}


def where(t: Target, translate: Translate) -> str:
    """'Roadmap ▸ “MES rollout” ▸ owner': the step, the record and the field of ``t``, for
    the reader (a check's place; the place of typing not saved, when closing asks)."""
    parts = [translate(CONTEXT, STEP_LABELS.get(t.step, t.step))]
    if t.label:
        parts.append(f"“{excerpt(t.label, EXCERPT_CHARS)}”")
    # "technical_path_rationale": a field named after its dimension reads "rationale"
    field = t.field if t.field in FIELD_LABELS else t.field.rsplit("_", 1)[-1]
    if field in FIELD_LABELS:
        parts.append(translate(CONTEXT, FIELD_LABELS[field]))
    return " ▸ ".join(parts)


# ---------------------------------------------------------------- one problem
@dataclass(frozen=True)
class Check:
    """One thing to look at before the documents go out."""

    severity: str  # ERROR or WARNING
    template: str  # marked with QT_TRANSLATE_NOOP(context, …); %1, %2… are ``args``
    args: tuple[str, ...]
    target: Target
    context: str = CONTEXT

    def message(self, translate: Translate) -> str:
        # in one pass: a "%2" typed in a title is not a place holder
        return fill(translate(self.context, self.template), *self.args)

    def where(self, translate: Translate) -> str:
        """'Roadmap ▸ “MES rollout” ▸ owner': the step, the record and the field."""
        return where(self.target, translate)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


# ---------------------------------------------------------------- messages
CJK_IN_ENGLISH = QT_TRANSLATE_NOOP("Preflight", "Chinese text in the English documents: “%1”.")
ENGLISH_IN_CHINESE = QT_TRANSLATE_NOOP(
    "Preflight", "English sentence in the Chinese documents: “%1”."
)
CLAUSE_NO_FINDINGS = QT_TRANSLATE_NOOP(
    "Preflight",
    "Clause %1 is rated but has no findings: the proposal will say that none were recorded.",
)
NO_OWNER = QT_TRANSLATE_NOOP("Preflight", "“%1” has no owner.")
NO_DATES = QT_TRANSLATE_NOOP(
    "Preflight", "“%1” has no start or end date: the roadmap cannot place it."
)
CANCELLED_BUDGET = QT_TRANSLATE_NOOP(
    "Preflight",
    "“%1” is cancelled, but its budget (%2) still counts in the investment plan as money to "
    "be spent.",
)
DONE_FUTURE_COST = QT_TRANSLATE_NOOP(
    "Preflight",
    "“%1” is done, but a cost line of %2 is planned for %3: finished work is counted as "
    "spending still to come.",
)
BENEFIT_BASELINE = QT_TRANSLATE_NOOP(
    "Preflight",
    "The baseline cited, “%1”, is not the baseline of its KPI “%2”: “%3”.",
)
BENEFIT_TARGET = QT_TRANSLATE_NOOP(
    "Preflight",
    "The target cited, “%1”, is none of the targets of its KPI “%2”: “%3”.",
)
NO_FIRM_NAME = QT_TRANSLATE_NOOP(
    "Preflight",
    "No consulting firm is named: the cover and the document control will show no firm. "
    "Set the firm's name in the preferences (or for this engagement in the export settings).",
)


# ---------------------------------------------------------------- language
_CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
SENTENCE_WORDS: Final = 3  # a line of this many Latin words or more …
SENTENCE_SMALL_WORDS: Final = 2  # … of which this many in lower case reads as a sentence


def reads_as_english(line: str) -> bool:
    """A line without any Chinese character that reads as an English sentence: at least
    three words, two of them in lower case ("Upgrade the MES" does; "MES", "OPC UA",
    "ERP/MES", "Kingdee K/3 Cloud", "Manufacturing Execution System" do not)."""
    if _IDEOGRAPH.search(line):
        return False
    words = _WORD.findall(line)
    small = [w for w in words if len(w) >= 2 and w.islower()]
    return len(words) >= SENTENCE_WORDS and len(small) >= SENTENCE_SMALL_WORDS


def wrong_language(text: str, lang: str) -> str | None:
    """A short excerpt of ``text`` where it is not in ``lang``, else None. English documents
    take no Chinese character (nor full-width punctuation); Chinese documents take no line
    that reads as an English sentence (names and abbreviations are fine)."""
    if lang == "en":
        found = _CJK.search(text)
        if found is None:
            return None
        start = max(0, found.start() - 8)
        return ("…" if start else "") + excerpt(text[start:], EXCERPT_CHARS)
    for line in text.splitlines():
        if reads_as_english(line):
            return excerpt(line.strip(), EXCERPT_CHARS)
    return None


# The consultant's free texts of each kind of plan record: what the documents print as typed.
# Every other field of a record holds a code, a key, a uuid, a date or a number (CODE_FIELDS);
# tests/test_preflight.py fails when a new text field is in neither list.
TEXT_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "phase": ("name", "goals", "entry_criteria", "exit_criteria"),
    "initiative": (
        "title",
        "description",
        "owner",
        "objective",
        "scope",
        "deliverables",
        "milestones",
        "team",
        "acceptance",
        "risks",
    ),
    "kpi": (
        "name",
        "definition",
        "unit",
        "data_source",
        "owner",
        "calculation",
        "baseline",
        "targets",
    ),
    "governance": ("name", "position", "responsibilities"),
    "action": ("title", "owner", "note"),
    "change_step": ("title", "owner", "note"),
    "resistance": ("source", "description", "mitigation", "owner"),
    "fieldwork": ("subject", "role", "department", "place", "notes"),
    "next_step": ("action", "owner", "notes"),
    "cost": ("note",),
    "benefit": ("title", "baseline", "target", "assumption"),
    "system": ("name", "notes"),
    "integration": ("flow", "notes"),
    "risk": ("risk", "response", "owner"),
    "finding": ("title", "observations", "impact", "sources"),
}
CODE_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "phase": ("contents",),
    "initiative": ("clauses", "phase", "status", "depends_on", "consulting_task", "source"),
    "kpi": ("category", "analysis", "frequency", "initiatives", "direction", "starter"),
    "governance": ("role",),
    "action": ("audience", "status"),
    "change_step": ("step", "status"),
    "resistance": ("cause", "status"),
    "fieldwork": ("kind", "clauses", "status"),
    "next_step": (),
    "cost": ("initiative", "category", "nature"),
    "benefit": ("initiative", "kpi"),
    "system": ("domain", "layer", "now", "target", "phase", "initiative"),
    "integration": ("source", "target", "now", "goal", "phase"),
    "risk": ("category", "status", "initiatives", "starter"),
    "finding": ("clauses",),
}
# The record's name as the list shows it.
NAME_FIELD: Final[dict[str, str]] = {
    "phase": "name",
    "initiative": "title",
    "kpi": "name",
    "governance": "name",
    "action": "title",
    "change_step": "title",
    "resistance": "source",
    "fieldwork": "subject",
    "next_step": "action",
    "benefit": "title",
    "system": "name",
    "integration": "flow",
    "risk": "risk",
    "finding": "title",
}
PROFILE_TEXTS: Final = (
    "title",
    "consultants",
    "client_name",
    "short_name",
    "industry",
    "region",
    "main_products",
)
DELIVERABLE_TEXTS: Final = ("summary", "author", "reviewer", "approver")


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _texts(v)
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _texts(v)


# ---------------------------------------------------------------- the checks
class _Collector:
    def __init__(self, content: Content) -> None:
        self.c = content
        self.lang = content.lang
        self.found: list[Check] = []
        self.flagged: set[Target] = set()
        self.items: dict[str, PlanItem] = {}
        for items in content.items.values():
            for item in items:
                self.items[item.uuid] = item
        self.summary = content.deliverable.summary

    def add(self, severity: str, template: str, args: Iterable[str], target: Target) -> None:
        self.found.append(Check(severity, template, tuple(args), target))

    def item_target(self, item: PlanItem, field: str = "") -> Target:
        return Target(
            STEP_OF_KIND.get(item.kind, ""), item.kind, item.uuid, field, self.item_label(item)
        )

    def item_label(self, item: PlanItem) -> str:
        if item.kind == "cost":
            line: CostLine = item.record
            owner = self.items.get(line.initiative)
            name = owner.record.title if owner is not None else ""
            return f"{name} · {line.year}" if name else str(line.year)
        name = NAME_FIELD.get(item.kind, "")
        return str(getattr(item.record, name, "")) if name else ""

    def language(self, text: str, target: Target) -> None:
        if target in self.flagged:
            return  # one line per field: a KPI's three targets are one place to fix
        found = wrong_language(text, self.lang)
        if found is not None:
            self.flagged.add(target)
            template = CJK_IN_ENGLISH if self.lang == "en" else ENGLISH_IN_CHINESE
            self.add(ERROR, template, (found,), target)


def _language(col: _Collector) -> None:
    c = col.c
    profile = c.profile
    for name in PROFILE_TEXTS:
        col.language(str(getattr(profile, name)), Target("profile", "profile", "", name))
    for system in profile.existing_systems:
        col.language(system, Target("profile", "profile", "", "other_systems"))
    for contact in profile.contacts:
        for text in (contact.name, contact.role):
            col.language(text, Target("profile", "profile", contact.name, "contacts", contact.name))
    # the rounds, named by the consultant in the engagement's language ("第一次复评")
    for rnd, _report in c.rounds:
        col.language(rnd.name, Target("diagnosis", "round", rnd.uuid, "rounds", rnd.name))
    # the clauses of the round the proposal shows, with their checkpoints' notes
    for clause in c.clauses:
        label = f"{clause.key} {clause.title}"
        for name in ("findings", "interviewees"):
            col.language(
                str(getattr(clause.record, name)),
                Target("diagnosis", "clause", clause.key, name, label),
            )
        for line in clause.lines:
            if line.note:
                col.language(line.note, Target("diagnosis", "answer", line.key, "note", line.key))
    for kind, fields in TEXT_FIELDS.items():
        for item in c.items.get(kind, []):
            for name in fields:
                for text in _texts(getattr(item.record, name)):
                    col.language(text, col.item_target(item, name))
    strategy = c.values.get("strategy")
    if isinstance(strategy, Strategy):
        col.language(strategy.vision, Target("strategy", "strategy", "", "vision"))
        dimensions = {d.code: d.title.get(c.lang) for d in cat.STRATEGY_DIMENSIONS}
        for dim, choice in strategy.choices.items():
            target = Target(
                "strategy", "strategy", dim, f"{dim}_rationale", dimensions.get(dim, dim)
            )
            col.language(choice.rationale, target)
        for group in ("principles", "criteria"):
            for key, adoption in getattr(strategy, group).items():
                col.language(adoption.note, Target("strategy", "strategy", key, group, key))
    org = c.values.get("organization")
    if isinstance(org, Organization):
        for name in ("notes", "mode_rationale"):
            col.language(getattr(org, name), Target("org_culture", "organization", "", name))
    culture = c.values.get("culture")
    if isinstance(culture, Culture):
        names = {o.code: o.label.get(c.lang) for o in cat.CULTURE_TARGETS}
        for key, adoption in culture.targets.items():
            target = Target("org_culture", "culture", key, "culture_targets", names.get(key, key))
            col.language(adoption.note, target)
        for key, adoption in culture.measures.items():
            col.language(
                adoption.note, Target("org_culture", "culture", key, "culture_measures", key)
            )
    deliverable = c.deliverable
    for name in DELIVERABLE_TEXTS:
        text = col.summary if name == "summary" else getattr(deliverable, name)
        col.language(text, Target("export", "deliverable", "", name))
    if deliverable.consulting_firm.strip():
        col.language(deliverable.consulting_firm, Target("export", "deliverable", "", "firm"))
    else:  # the firm set on this computer, in the document's language (else the other)
        col.language(c.firm.name(c.lang), Target("preferences", "firm", "", f"name_{c.lang}"))
    address = c.firm.address(c.lang)
    col.language(address, Target("preferences", "firm", "", f"address_{c.lang}"))


def _clause_findings(col: _Collector) -> None:
    """A clause rated in the proposal's round whose findings are empty: the clause appendix
    prints "no findings recorded" beside its levels."""
    for clause in col.c.clauses:
        rated = clause.score.answered > 0 or clause.record.current is not None
        if rated and not clause.record.findings.strip():
            col.add(
                WARNING,
                CLAUSE_NO_FINDINGS,
                (clause.key,),
                Target("diagnosis", "clause", clause.key, "findings", clause.title),
            )


def _initiatives(col: _Collector) -> None:
    """Owner and dates of every initiative still in the plan (not cancelled)."""
    for item in col.c.items.get("initiative", []):
        ini: Initiative = item.record
        if ini.status == "cancelled":
            continue
        if not ini.owner.strip():
            col.add(WARNING, NO_OWNER, (ini.title,), col.item_target(item, "owner"))
        if ini.start is None or ini.end is None:
            field = "start" if ini.start is None else "end"
            col.add(WARNING, NO_DATES, (ini.title,), col.item_target(item, field))


def _finished_budgets(col: _Collector) -> None:
    """Budgets that still count finished work: a cancelled initiative's budget counted as
    money to be spent (plan/investment.py counts every initiative not done), and cost lines
    of a done initiative in years still to come."""
    c = col.c
    costs_of: dict[str, list[PlanItem]] = {}
    for cost in c.items.get("cost", []):
        costs_of.setdefault(cost.record.initiative, []).append(cost)
    this_year = c.generated.year
    for item in c.items.get("initiative", []):
        ini: Initiative = item.record
        lines = costs_of.get(item.uuid, [])
        if ini.status == "cancelled" and ini.budget:
            counted = [x for x in lines if x.record.amount]
            target = (
                col.item_target(counted[0], "amount")
                if counted
                else col.item_target(item, "budget")
            )
            col.add(ERROR, CANCELLED_BUDGET, (ini.title, money(ini.budget, c.lang)), target)
        if ini.status == "done":
            for cost in lines:
                line: CostLine = cost.record
                if line.year > this_year and line.amount:
                    col.add(
                        ERROR,
                        DONE_FUTURE_COST,
                        (ini.title, money(line.amount, c.lang), str(line.year)),
                        col.item_target(cost, "year"),
                    )


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers(text: str) -> list[float]:
    """The figures in a text as typed ("≥CNY 1,094.5 million (2026)" → [1094.5, 2026])."""
    out = []
    for match in _NUMBER.finditer(text):
        raw = match.group().replace(",", "")
        try:
            out.append(float(raw))
        except ValueError:  # "1.2.3": not a figure
            continue
    return out


def cites(cited: str, source: Iterable[str]) -> bool:
    """Whether the figure ``cited`` leads with (its first number) is one of the figures of
    ``source``; a text without a figure, or a source without any, cites nothing to compare."""
    mine = numbers(cited)
    theirs = {n for text in source for n in numbers(text)}
    return not mine or not theirs or mine[0] in theirs


def _figures(col: _Collector) -> None:
    """A benefit linked to a KPI cites the KPI's baseline and one of its targets: the figure
    it leads with must be the KPI's (the proposal prints both, a reader compares them)."""
    kpis = {k.uuid: k.record for k in col.c.items.get("kpi", [])}
    for item in col.c.items.get("benefit", []):
        b: Benefit = item.record
        kpi: Kpi | None = kpis.get(b.kpi)
        if kpi is None:
            continue  # no KPI, or a removed one (the investment checks name it)
        if not cites(b.baseline, [kpi.baseline]):
            col.add(
                ERROR,
                BENEFIT_BASELINE,
                (
                    excerpt(b.baseline.strip(), EXCERPT_CHARS),
                    kpi.name,
                    excerpt(kpi.baseline.strip(), EXCERPT_CHARS),
                ),
                col.item_target(item, "baseline"),
            )
        targets = [t.strip() for t in kpi.targets.values() if t.strip()]
        if not cites(b.target, targets):
            col.add(
                ERROR,
                BENEFIT_TARGET,
                (
                    excerpt(b.target.strip(), EXCERPT_CHARS),
                    kpi.name,
                    excerpt(" / ".join(targets), EXCERPT_CHARS),
                ),
                col.item_target(item, "target"),
            )


def _firm(col: _Collector) -> None:
    """The firm's name on the cover and the document control (the logo is optional)."""
    c = col.c
    if not c.firm_name:
        col.add(
            WARNING,
            NO_FIRM_NAME,
            (),
            Target("preferences", "firm", "", "name_zh" if c.lang == "zh" else "name_en"),
        )


def _plan_problems(col: _Collector) -> None:
    """The plan pages' own checks, with the record each names."""
    items = col.c.items

    def of(kind: str) -> list[PlanItem]:
        return items.get(kind, [])

    found: list[tuple[plan_checks.Problem, str]] = []
    found += [(p, "roadmap") for p in plan_checks.check_roadmap(of("phase"), of("initiative"))]
    found += [(p, "findings") for p in plan_checks.check_findings(of("finding"))]
    found += [
        (p, "investment")
        for p in check_investment(of("initiative"), of("cost"), of("benefit"), of("kpi"))
    ]
    found += [(p, "risks") for p in check_risks(of("risk"), of("initiative"))]
    found += [
        (p, "blueprint")
        for p in check_blueprint(of("system"), of("integration"), of("phase"), of("initiative"))
    ]
    for problem, step in found:
        item = col.items.get(problem.item)
        target = col.item_target(item) if item is not None else Target(step)
        col.found.append(
            Check(WARNING, problem.template, problem.args, target, plan_checks.CONTEXT)
        )


CHECKS: Final = (
    _language,
    _clause_findings,
    _initiatives,
    _finished_budgets,
    _figures,
    _firm,
    _plan_problems,
)


def preflight(content: Content, summary: str | None = None) -> list[Check]:
    """Everything to look at before ``content`` goes out, errors first, then in the order
    of the app's steps. ``summary``: the executive summary as it will be written when it
    is not the saved one (the export dialog's, being edited)."""
    col = _Collector(content)
    if summary is not None:
        col.summary = summary
    for check in CHECKS:
        check(col)
    steps = list(STEP_LABELS)
    return sorted(
        col.found,
        key=lambda f: (
            f.severity != ERROR,
            steps.index(f.target.step) if f.target.step in steps else len(steps),
        ),
    )


def run_preflight(store: Store, engagement: str, lang: str | None = None) -> list[Check]:
    """Gather ``engagement`` as the documents in ``lang`` would, and check it."""
    return preflight(gather(store, engagement, lang))
