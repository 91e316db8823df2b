"""Candidate key findings (核心发现) drafted from the diagnosis, for the consultant to rewrite,
merge or drop.

The clauses with the largest priority (the gap between current and target level, weighted)
are grouped by the guide's structure (6.1 leadership, 7.3 production management, 9 digital
technology platforms…): each group with gaps is one candidate, the groups with the largest
total priority first, at most ``MAX_THEMES`` of them, then shown in the guide's order
(leadership and strategy → business model → efficiency process → platforms). A candidate
quotes what the consultant recorded (the clause findings, the notes of unmet checkpoints, the
people interviewed, the evidence filed); only the title and the impact are drafted, the
impact from the guide's own statement of the clause's purpose. Pure and deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dtbench.diagnosis.records import ClauseRecord, RoundData
from dtbench.diagnosis.scale import level
from dtbench.diagnosis.scoring import ClauseScore, Report
from dtbench.guide import Guide
from dtbench.plan.records import Finding

MAX_THEMES = 7  # a proposal leads with a handful of findings
CLAUSES_PER_THEME = 3  # the weakest clauses of a group quoted in its observations
NOTES_PER_CLAUSE = 3  # notes of unmet checkpoints quoted per clause
QUOTE_CHARS = 220  # a clause finding is quoted up to about this length, by whole sentences
LOW_COVERAGE = 0.5  # without target levels, clauses below this coverage count as weak

_SENTENCE = re.compile(r"(?<=[。！？；!?])|(?<=\.)\s+")
# The guide's purposes end by announcing the list of items; the impact keeps the purpose only.
_LEAD_OUT = re.compile(
    r"\s*(宜考虑如下[^。]*[：:]|The following [^.]*should be considered:?)\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class _Weak:
    score: ClauseScore
    weight: float  # priority, or 1 − coverage when no target is set


def _weak_clauses(report: Report) -> list[_Weak]:
    gaps = report.ranked_gaps()
    if gaps:
        return [_Weak(c, c.priority) for c in gaps]
    # No target levels set yet: the clauses least covered are the weak ones.
    low = [c for c in report.clauses if c.coverage is not None and c.coverage < LOW_COVERAGE]
    return [_Weak(c, 1.0 - (c.coverage or 0.0)) for c in low]


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """The start of ``text``, by whole sentences, about ``limit`` characters (at least one
    sentence; a single sentence longer than that is cut with "…")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    out = ""
    for sentence in (s for s in _SENTENCE.split(text) if s):
        joined = f"{out} {sentence}" if out and not out.endswith(("。", "；")) else out + sentence
        if out and len(joined) > limit:
            break
        out = joined
    return out if len(out) <= limit + 40 else out[:limit].rstrip() + "…"


def purpose(guide: Guide, key: str, lang: str) -> str:
    """The guide's purpose of a clause without its lead-out to the list of items."""
    text = _LEAD_OUT.sub("", guide.clause(key).purpose.get(lang)).rstrip("，,；;。. ")
    return text + ("。" if lang == "zh" else ".")


def _names(records: Iterable[ClauseRecord]) -> list[str]:
    """Interviewees of the clauses, each once, in the order first met."""
    seen: list[str] = []
    for record in records:
        for name in re.split(r"[、,，;；\n]+", record.interviewees):
            name = name.strip()
            if name and name not in seen:
                seen.append(name)
    return seen


def _title(guide: Guide, group: str, clauses: Sequence[str], lang: str) -> str:
    titles = [guide.clause(k).title.get(lang) for k in clauses[:2]]
    if lang == "zh":
        what = "、".join(titles)
        return f"{group}短板突出：{what}亟待加强"
    what = " and ".join(t[:1].lower() + t[1:] for t in titles)
    return f"{group}: {what} lag behind"


def _observations(
    guide: Guide, data: RoundData, clauses: Sequence[str], lang: str
) -> tuple[str, ...]:
    lines: list[str] = []
    statuses = data.statuses()
    for key in clauses:
        clause = guide.clause(key)
        record = data.clauses.get(key, ClauseRecord())
        label = clause.label(lang)
        if record.findings.strip():
            lines.append(f"{label}{'：' if lang == 'zh' else ': '}{quote(record.findings)}")
        points = [
            p
            for p in clause.checkpoints()
            if statuses.get(p.key) in ("not_met", "partly")
            and (answer := data.answers.get(p.key)) is not None
            and answer.note.strip()
        ]
        points.sort(key=lambda p: statuses.get(p.key) != "not_met")  # not met first
        for p in points[:NOTES_PER_CLAUSE]:
            lines.append(f"- {p.key}{'：' if lang == 'zh' else ': '}{data.answers[p.key].note}")
    return tuple(lines)


def _impact(guide: Guide, score: ClauseScore, lang: str) -> str:
    clause = guide.clause(score.key)
    aim = purpose(guide, score.key, lang)
    title = clause.title.get(lang)
    if score.current is None or score.target is None:
        if lang == "zh":
            return f"{aim}目前{title}的大部分要求尚未满足，这一目标难以实现。"
        return f"{aim} Most of what {title} asks is not yet in place, so this is out of reach."
    now = level(score.current).name.get(lang)
    goal = level(score.target).name.get(lang)
    if lang == "zh":
        return f"{aim}目前{title}处于“{now}”水平，距“{goal}”的目标尚有差距，这一目标难以实现。"
    return (
        f"{aim} {title} is at the “{now}” level against a target of “{goal}”; until the gap "
        f"is closed this is out of reach."
    )


def _sources(data: RoundData, clauses: Sequence[str], lang: str) -> str:
    records = [data.clauses.get(k, ClauseRecord()) for k in clauses]
    names = _names(records)
    files = [e.caption.strip() or e.filename for k in clauses for e in data.evidence.get(k, ())]
    zh = lang == "zh"
    parts = []
    if names:
        parts.append("访谈：" + "、".join(names) if zh else "Interviews: " + "; ".join(names))
    if files:
        parts.append("资料：" + "、".join(files) if zh else "Documents: " + "; ".join(files))
    return "\n".join(parts)


def draft_findings(
    guide: Guide,
    report: Report,
    data: RoundData,
    lang: str,
    existing: Sequence[Finding] = (),
) -> list[Finding]:
    """Candidate key findings (at most ``MAX_THEMES``) in the guide's order; clauses that an
    existing finding already covers are left out. An empty diagnosis gives none."""
    covered = {key for finding in existing for key in finding.clauses}
    weak = [w for w in _weak_clauses(report) if w.score.key not in covered]
    groups: dict[str, list[_Weak]] = {}
    order: dict[str, int] = {}
    titles: dict[str, str] = {}
    for area in guide.areas:
        for group in area.groups:
            order[group.key] = len(order)
            titles[group.key] = group.title.get(lang)
            in_group = {c.key for c in group.clauses}
            members = [w for w in weak if w.score.key in in_group]
            if members:
                groups[group.key] = members  # already in priority order
    chosen = sorted(groups, key=lambda g: (-sum(w.weight for w in groups[g]), order[g]))
    chosen = sorted(chosen[:MAX_THEMES], key=order.__getitem__)
    made: list[Finding] = []
    for key in chosen:
        members = groups[key]
        keys = [w.score.key for w in members][:CLAUSES_PER_THEME]
        made.append(
            Finding(
                title=_title(guide, titles[key], keys, lang),
                observations="\n".join(_observations(guide, data, keys, lang)),
                impact=_impact(guide, members[0].score, lang),
                sources=_sources(data, keys, lang),
                clauses=tuple(keys),
            )
        )
    return made
