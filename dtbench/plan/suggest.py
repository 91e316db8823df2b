"""Suggested initiatives: one per prioritised gap, prefilled from the clause's guide items.

Expected value follows the gap's priority (relative to the largest); effort follows the
size of the gap and how many items are still open. Suggestions are ordered by the guide's
从易到难 / 由点到面 criteria (5.3 b, c): the best value for the effort first, then the smaller
effort. The consultant accepts, edits or discards each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dtbench.diagnosis.scale import level
from dtbench.diagnosis.scoring import Report
from dtbench.guide import Guide
from dtbench.plan.records import Initiative, PlanItem

MAX_POINTS = 5  # open items quoted in a description
MANY_OPEN = 10  # this many open items make the work one step harder


def _value(priority: float, top: float) -> int:
    return max(1, min(5, round(1 + 4 * priority / top))) if top > 0 else 1


def _effort(gap: int, open_points: int) -> int:
    return max(1, min(5, gap + 1 + (1 if open_points >= MANY_OPEN else 0)))


def suggest_initiatives(
    guide: Guide,
    report: Report,
    answers: Mapping[str, str],
    existing: Sequence[Initiative],
    lang: str,
    phases: Sequence[PlanItem] = (),
) -> list[Initiative]:
    covered = {key for initiative in existing for key in initiative.clauses}
    gaps = [c for c in report.ranked_gaps() if c.key not in covered]
    if not gaps:
        return []
    top = max(c.priority for c in gaps)
    made: list[Initiative] = []
    for score in gaps:
        clause = guide.clause(score.key)
        points = [p for p in clause.checkpoints() if answers.get(p.key) in ("not_met", "partly")]
        # not met before partly met, items before their sub-items (reading order otherwise)
        points.sort(key=lambda p: answers.get(p.key) != "not_met")
        now = level(score.current or 1).name.get(lang)
        goal = level(score.target or 1).name.get(lang)
        title_text = clause.title.get(lang)
        if lang == "zh":
            title = f"{title_text}数字化提升"
            lines = [f"目标：{clause.key} {title_text}从{now}提升到{goal}。"]
            if points:
                lines.append("重点（指南条目）：")
        else:
            title = f"Improve {title_text[:1].lower()}{title_text[1:]}"
            lines = [f"Goal: raise {clause.key} {title_text} from {now} to {goal}."]
            if points:
                lines.append("Focus (guide items):")
        lines += [f"- {p.key}: {p.text.get(lang)}" for p in points[:MAX_POINTS]]
        made.append(
            Initiative(
                title=title,
                description="\n".join(lines),
                clauses=(clause.key,),
                value=_value(score.priority, top),
                effort=_effort(score.gap or 0, len(points)),
                status="proposed",
                source=clause.key,
            )
        )
    made.sort(key=lambda i: (-(i.value / i.effort), i.effort, -i.value))
    if phases:
        made = [
            _in_phase(i, phases[min(len(phases) - 1, n * len(phases) // len(made))].uuid)
            for n, i in enumerate(made)
        ]
    return made


def _in_phase(initiative: Initiative, phase: str) -> Initiative:
    import msgspec

    return msgspec.structs.replace(initiative, phase=phase)
