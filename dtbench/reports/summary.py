"""``dtbench summary``: an engagement's scores, completion and top gaps, as text or JSON."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from dtbench.diagnosis import service as dx
from dtbench.diagnosis.records import RoundRecord
from dtbench.diagnosis.scale import BASELINE_NAME, level
from dtbench.diagnosis.scoring import Report
from dtbench.engagement.lookup import engagement_label
from dtbench.errors import QT_TRANSLATE_NOOP, UserError
from dtbench.guide import load_guide
from dtbench.plan import service as plan_service
from dtbench.plan.records import VALUE_KINDS, to_data
from dtbench.store.database import Store
from dtbench.store.errors import DamagedEngagementError, DamagedValueError
from dtbench.store.models import Engagement


class SummaryError(UserError):
    context = "DiagnosisError"


class NoSuchEngagementError(SummaryError):
    template = QT_TRANSLATE_NOOP("DiagnosisError", "No engagement has the id %1.")


class AmbiguousIdError(SummaryError):
    template = QT_TRANSLATE_NOOP(
        "DiagnosisError", "%1 matches %2 engagements; give more of the id."
    )


class NoSuchRoundError(SummaryError):
    template = QT_TRANSLATE_NOOP(
        "DiagnosisError", "The engagement has no assessment round %1 (it has %2)."
    )


def find_engagement(store: Store, ident: str) -> tuple[str, str, str, str]:
    """uuid, title, client name and language of the engagement whose id starts with ``ident``."""
    ident = ident.strip().lower()
    with store.session() as s:
        stmt = select(Engagement).where(
            Engagement.uuid.startswith(ident, autoescape=True), Engagement.deleted_at.is_(None)
        )
        found = list(s.scalars(stmt.limit(3)))
        if not ident or not found:
            raise NoSuchEngagementError(ident)
        if len(found) > 1 and found[0].uuid != ident:
            raise AmbiguousIdError(ident, len(found))
        e = found[0]
        return e.uuid, e.title, e.client.name, e.language


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@dataclass(frozen=True)
class Summary:
    uuid: str
    title: str
    client: str
    round: RoundRecord
    rounds: list[RoundRecord]
    report: Report
    lang: str
    top: int
    plan: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        guide = load_guide()
        r = self.report
        return {
            "engagement": {"uuid": self.uuid, "title": self.title, "client": self.client},
            "round": {
                "number": self.round.number,
                "name": self.round.name,
                "assessed_on": self.round.assessed_on.isoformat()
                if self.round.assessed_on
                else None,
            },
            "rounds": [x.number for x in self.rounds],
            "overall_index": _r(r.overall_index),
            "current_level": _r(r.current_level),
            "target_level": _r(r.target_level),
            "answered": r.answered,
            "total": r.total,
            "completion": round(100 * r.completion, 1),
            "areas": [
                {
                    "area": a.key,
                    "title": next(x.title.get(self.lang) for x in guide.areas if x.key == a.key),
                    "index": _r(a.index),
                    "current_level": _r(a.current_level),
                    "target_level": _r(a.target_level),
                    "answered": a.answered,
                    "total": a.total,
                }
                for a in r.areas
            ],
            "plan": plan_summary(self.plan),
            "top_gaps": [
                {
                    "clause": c.key,
                    "title": guide.clause(c.key).title.get(self.lang),
                    "current": c.current,
                    "target": c.target,
                    "gap": c.gap,
                    "weight": c.weight,
                    "priority": round(c.priority, 2),
                }
                for c in r.ranked_gaps()[: self.top]
            ],
        }

    def to_text(self, tr: Callable[[str], str]) -> str:
        d = self.to_dict()

        def num(v: float | None) -> str:
            return "—" if v is None else f"{v:g}"

        lines = [
            f"{self.client} — {self.title}",
            f"{tr(QT_TRANSLATE_NOOP('cli', 'Round'))} {self.round.number}: {self.round.name}",
            f"{tr(QT_TRANSLATE_NOOP('cli', 'Overall index'))}: {num(d['overall_index'])}"
            f"   {tr(QT_TRANSLATE_NOOP('cli', 'Level now / target'))}: "
            f"{num(d['current_level'])} / {num(d['target_level'])}",
            f"{tr(QT_TRANSLATE_NOOP('cli', 'Completion'))}: {d['answered']}/{d['total']}"
            f" ({d['completion']:g} %)",
            "",
            tr(QT_TRANSLATE_NOOP("cli", "Areas (index, level now → target):")),
        ]
        for a in d["areas"]:
            lines.append(
                f"  {a['area']:<3} {a['title']}: {num(a['index'])}"
                f"  ({num(a['current_level'])} → {num(a['target_level'])})"
            )
        lines += ["", tr(QT_TRANSLATE_NOOP("cli", "Top gaps (priority):"))]
        for g in d["top_gaps"]:
            now = level(g["current"]).name.get(self.lang)
            goal = level(g["target"]).name.get(self.lang)
            lines.append(
                f"  {g['priority']:>5g}  {g['clause']:<6} {g['title']}: "
                f"{g['current']} {now} → {g['target']} {goal}"
            )
        if not d["top_gaps"]:
            lines.append("  " + tr(QT_TRANSLATE_NOOP("cli", "none")))
        return "\n".join(lines)


def summarise(
    store: Store, ident: str, *, round_number: int | None = None, top: int = 10, lang: str = "zh"
) -> Summary:
    """The summary of one engagement; a value of it that cannot be read is named with it."""
    try:
        return _summarise(store, ident, round_number, top, lang)
    except DamagedValueError as exc:
        with store.session() as s:
            label = engagement_label(s, ident)
        raise DamagedEngagementError(exc, label) from exc


def _summarise(store: Store, ident: str, round_number: int | None, top: int, lang: str) -> Summary:
    uuid, title, client, language = find_engagement(store, ident)
    rounds = dx.list_rounds(store, uuid)
    if not rounds:
        rounds = dx.ensure_rounds(store, uuid, BASELINE_NAME.get(language))
    if round_number is None:
        chosen = rounds[-1]
    else:
        match = [r for r in rounds if r.number == round_number]
        if not match:
            raise NoSuchRoundError(round_number, ", ".join(str(r.number) for r in rounds))
        chosen = match[0]
    report = dx.round_report(store, uuid, chosen.uuid)
    items = {
        kind: plan_service.list_items(store, uuid, kind)
        for kind in (
            "phase",
            "initiative",
            "kpi",
            "governance",
            "action",
            "change_step",
            "resistance",
            "finding",
        )
    }
    values = {name: plan_service.get_value(store, uuid, name) for name in VALUE_KINDS}
    return Summary(
        uuid, title, client, chosen, rounds, report, lang, max(0, top), {**items, **values}
    )


def plan_summary(plan: dict[str, Any]) -> dict[str, Any]:
    """The plan as plain data; references to phases and initiatives are given by name."""
    names = {i.uuid: i.record.name for i in plan["phase"]}
    titles = {i.uuid: i.record.title for i in plan["initiative"]}

    def rows(kind: str) -> list[dict[str, Any]]:
        out = []
        for item in plan[kind]:
            row: dict[str, Any] = {"uuid": item.uuid, **to_data(item.record)}
            if kind == "initiative":
                row["phase"] = names.get(item.record.phase, "")
                row["depends_on"] = [titles.get(u, u) for u in item.record.depends_on]
            if kind == "kpi":
                row["targets"] = {names.get(p, p): t for p, t in item.record.targets.items()}
                row["initiatives"] = [titles.get(u, u) for u in item.record.initiatives]
            out.append(row)
        return out

    return {
        "key_findings": rows("finding"),
        "strategy": to_data(plan["strategy"]),
        "phases": rows("phase"),
        "initiatives": rows("initiative"),
        "kpis": rows("kpi"),
        "governance": rows("governance"),
        "awareness_actions": rows("action"),
        "change_steps": rows("change_step"),
        "resistance": rows("resistance"),
        "leadership": to_data(plan["leadership"]),
        "organization": to_data(plan["organization"]),
        "culture": to_data(plan["culture"]),
    }
