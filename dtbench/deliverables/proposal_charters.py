"""The proposal's key initiatives: one charter each (objective, scope, deliverables,
milestones, owner and team, timing, budget, KPIs, risks, acceptance criteria)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from dtbench.guide.model import Text
from dtbench.plan.money import money
from dtbench.plan.records import Initiative, Kpi, PlanItem
from dtbench.plan.risks import number_of as risk_number

if TYPE_CHECKING:
    from dtbench.deliverables.content import Content
    from dtbench.deliverables.docx_writer import DocxWriter

TEXTS: dict[str, Text] = {
    "key_initiatives": Text("重点举措", "Key initiatives"),
    "intro": Text(
        "以下%1项举措对实现转型目标最为关键，逐项列出其任务书，作为立项和启动的依据。",
        "The following %1 initiatives matter most for the transformation's goals; each has "
        "a charter below, the basis for approving and starting it.",
    ),
    "none": Text(
        "尚未确定重点举措。在“路线图”中将举措标为重点后，此处为其列出任务书。",
        "No key initiative is marked yet; mark them on the roadmap to give each a charter here.",
    ),
    "charter": Text("任务书：%1", "Charter: %1"),
    "objective": Text("目标", "Objective"),
    "scope": Text("范围", "Scope"),
    "deliverables": Text("主要交付物", "Deliverables"),
    "milestones": Text("里程碑", "Milestones"),
    "owner_team": Text("负责人与团队", "Owner and team"),
    "timing": Text("时间安排", "Timing"),
    "budget": Text("预算", "Budget"),
    "kpis": Text("绩效指标", "KPIs"),
    "risks": Text("主要风险", "Risks"),
    "acceptance": Text("验收标准", "Acceptance criteria"),
    "clauses": Text("对应指南条款", "Guide clauses"),
    "to": Text("至", "to"),
}


def _t(writer: DocxWriter, key: str, *args: object) -> str:
    return TEXTS[key].filled(writer.lang, *args)


def key_initiatives(content: Content) -> list[PlanItem]:
    """The initiatives marked key, in the roadmap's order."""
    return [
        i for i in content.items["initiative"] if isinstance(i.record, Initiative) and i.record.key
    ]


def _risks(content: Content, uuid: str, record: Initiative) -> str:
    """The risk register's entries for this initiative, with their numbers (R-04 …), then the
    charter's own risk lines that the register does not already hold."""
    listed: list[str] = []
    for n, item in enumerate(content.items.get("risk", [])):
        entry: Any = item.record
        if uuid in getattr(entry, "initiatives", ()):
            text = str(getattr(entry, "risk", "") or getattr(entry, "description", "")).strip()
            if text:
                listed.append(f"{risk_number(n)} {text}")
    own = [line.strip() for line in record.risks.splitlines() if line.strip()]
    known = [_key(line) for line in listed]
    lines = [line for line in own if not any(_key(line)[:12] in k for k in known)] + listed
    return "\n".join(lines)


def _key(text: str) -> str:
    """A risk line compared as words: no numbering, punctuation or spaces."""
    return re.sub(r"[\W_]+", "", re.sub(r"^R-\d+\s*", "", text)).lower()


def _owner_and_team(record: Initiative) -> str:
    """The owner, then the team, once: a team line that already names the owner stands alone."""
    owner, team = record.owner.strip(), record.team.strip()
    if owner and team and owner in team:
        return team
    return "\n".join(part for part in (owner, team) if part)


def write_charters(writer: DocxWriter, content: Content, numbers: dict[str, str]) -> None:
    """The chapter's body, under a heading the caller wrote."""
    chosen = key_initiatives(content)
    if not chosen:
        writer.para(_t(writer, "none"))
        return
    writer.para(_t(writer, "intro", len(chosen)))
    kpis = [k for k in content.items["kpi"] if isinstance(k.record, Kpi)]
    for item in chosen:
        record = item.record
        assert isinstance(record, Initiative)
        writer.heading(2, f"{numbers.get(item.uuid, '')}  {record.title}".strip())
        if record.description.strip():
            writer.text(record.description)
        measured = [k.record.name for k in kpis if item.uuid in k.record.initiatives]
        owner_team = _owner_and_team(record)
        timing = (
            f"{writer.date(record.start)} {_t(writer, 'to')} {writer.date(record.end)}"
            if record.start or record.end
            else ""
        )
        budget = money(record.budget, writer.lang) if record.budget is not None else ""
        rows = [
            (_t(writer, "objective"), record.objective),
            (_t(writer, "scope"), record.scope),
            (_t(writer, "deliverables"), record.deliverables),
            (_t(writer, "milestones"), record.milestones),
            (_t(writer, "owner_team"), owner_team),
            (_t(writer, "timing"), timing),
            (_t(writer, "budget"), budget),
            (_t(writer, "kpis"), writer.join(measured)),
            (_t(writer, "risks"), _risks(content, item.uuid, record)),
            (_t(writer, "acceptance"), record.acceptance),
            (_t(writer, "clauses"), writer.join(record.clauses)),
        ]
        writer.kv_table(
            _t(writer, "charter", record.title),
            [(label, value.strip() or "—") for label, value in rows],
        )
