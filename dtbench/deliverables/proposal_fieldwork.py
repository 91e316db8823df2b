"""The proposal's fieldwork (who was heard, which sites were seen, which documents read) and
its next steps with the decisions asked of the client's leadership."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from dtbench.deliverables.formats import number_word
from dtbench.guide.model import Text
from dtbench.plan import catalogue as cat
from dtbench.plan.records import Fieldwork, NextStep, PlanItem

if TYPE_CHECKING:
    from dtbench.deliverables.docx_writer import DocxWriter

TEXTS: dict[str, Text] = {
    "fieldwork": Text("调研工作", "Fieldwork"),
    "interviews": Text("访谈对象", "People interviewed"),
    "workshops": Text("研讨会与现场调研", "Workshops and site visits"),
    "documents": Text("查阅资料", "Documents reviewed"),
    "where": Text(
        "访谈对象、研讨会与现场调研、查阅资料的明细见附录%1。",
        "Appendix %1 lists the people interviewed, the workshops and site visits, and the "
        "documents reviewed.",
    ),
    "who": Text("姓名", "Name"),
    "role": Text("职务 / 部门", "Role / department"),
    "when": Text("日期", "Date"),
    "topics": Text("访谈主题与涉及条款", "Topics and clauses"),
    "clauses": Text("涉及条款", "Clauses"),
    "event": Text("名称", "Name"),
    "kind": Text("类型", "Kind"),
    "participants": Text("参与人员", "Participants"),
    "observations": Text("主要发现", "Observations"),
    "document": Text("资料", "Document"),
    "provided_by": Text("提供方", "Provided by"),
    "notes": Text("要点", "Notes"),
    "decisions": Text("提请决策事项", "Decisions requested"),
    "decisions_text": Text(
        "为按计划启动转型，提请%1领导层就以下事项作出决定：",
        "To start the transformation as planned, %1's leadership is asked to decide:",
    ),
    "steps": Text("近期工作安排", "Next steps"),
    "action": Text("工作事项", "Action"),
    "owner": Text("负责人", "Owner"),
    "due": Text("完成时间", "Due"),
    # a dash, not brackets: an owner is often "王建国（总经理）" already
    "by": Text("——%1，%2前", " — %1, by %2"),
    "by_owner": Text("——%1", " — %1"),
}


def _t(writer: DocxWriter, key: str, *args: object) -> str:
    return TEXTS[key].filled(writer.lang, *args)


def summary_sentence(lang: str, items: Sequence[PlanItem]) -> str:
    """One sentence a reader takes in: when, how many people, which sites, which papers."""
    zh = lang == "zh"
    interviews = _records(items, "interview")
    workshops = _records(items, "workshop")
    visits = _records(items, "site_visit")
    documents = _records(items, "document")
    days = sorted(f.held_on for f in (*interviews, *workshops, *visits) if f.held_on)
    parts = []
    if zh:
        if interviews:
            parts.append(f"访谈了{len(interviews)}人")
        if workshops:
            parts.append(f"召开了{len(workshops)}场研讨会")
        if visits:
            more = f"等{len(visits)}处现场" if len(visits) > 1 else ""
            parts.append(f"实地查看了{visits[0].subject}{more}")
        if documents:
            more = f"等{len(documents)}份资料" if len(documents) > 1 else ""
            parts.append(f"查阅了{documents[0].subject}{more}")
        when = ""
        if days:
            first, last = days[0], days[-1]
            when = f"于{first.year}年{first.month}月" + (
                f"至{last.year}年{last.month}月"
                if (last.year, last.month) != (first.year, first.month)
                else ""
            )
        joined = "，".join(parts[:-1]) + ("，并" if len(parts) > 1 else "") + parts[-1]
        return f"项目组{when}{joined}。"
    if interviews:
        parts.append(f"interviewed {_count(len(interviews), 'person', 'people')}")
    if workshops:
        parts.append(f"ran {_count(len(workshops), 'workshop', 'workshops')}")
    if visits:
        parts.append(
            f"visited {_count(len(visits), 'site', 'sites')} (including {visits[0].subject})"
            if len(visits) > 1
            else f"visited {visits[0].subject}"
        )
    if documents:
        parts.append(
            f"reviewed {_count(len(documents), 'document', 'documents')}, among them "
            f"{documents[0].subject}"
            if len(documents) > 1
            else f"reviewed {documents[0].subject}"
        )
    when = ""
    if days:
        first, last = days[0], days[-1]
        when = (
            f"Between {first.strftime('%B %Y')} and {last.strftime('%B %Y')}"
            if first.month != last.month or first.year != last.year
            else f"In {first.strftime('%B %Y')}"
        )
    joined = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
    return f"{when} we {joined}." if when else f"We {joined}."


def _count(n: int, one: str, many: str) -> str:
    """'two workshops', '12 people'."""
    return f"{number_word(n)} {one if n == 1 else many}"


def _records(items: Sequence[PlanItem], kind: str) -> list[Fieldwork]:
    """The fieldwork of ``kind`` that took place: an interview still planned or cancelled
    is not claimed as done (``content.gather`` leaves them out already)."""
    return [
        i.record
        for i in items
        if isinstance(i.record, Fieldwork) and i.record.kind == kind and i.record.status == "held"
    ]


def _role(writer: DocxWriter, f: Fieldwork) -> str:
    return writer.join((f.role, f.department)) if f.department else f.role


def _topics(writer: DocxWriter, f: Fieldwork) -> str:
    """The topics noted, then the clauses the interview covered on a line of their own,
    comma-separated: next to a Chinese label or "、", LibreOffice takes the clause numbers
    for Chinese text and breaks them anywhere ("8.1" / ".4")."""
    clauses = ", ".join(f.clauses)
    return "\n".join(part for part in (f.notes, clauses) if part)


def write_fieldwork(writer: DocxWriter, items: Sequence[PlanItem], where: str = "") -> None:
    """A level-2 section: a sentence with the counts, then who was interviewed, the workshops
    and visits, and the documents, or, when ``where`` names the appendix that lists them, a
    sentence pointing there. Nothing when no fieldwork is recorded."""
    if not any(isinstance(i.record, Fieldwork) and i.record.status == "held" for i in items):
        return
    writer.heading(2, _t(writer, "fieldwork"))
    writer.para(summary_sentence(writer.lang, items))
    if where:
        writer.para(_t(writer, "where", where))
    else:
        write_fieldwork_tables(writer, items)


def write_fieldwork_tables(writer: DocxWriter, items: Sequence[PlanItem]) -> None:
    """Who was interviewed, the workshops and site visits, the documents reviewed."""
    interviews = _records(items, "interview")
    workshops = _records(items, "workshop")
    visits = _records(items, "site_visit")
    documents = _records(items, "document")
    if interviews:
        writer.table(
            _t(writer, "interviews"),
            [_t(writer, "who"), _t(writer, "role"), _t(writer, "when"), _t(writer, "topics")],
            [
                (f.subject, _role(writer, f), writer.date(f.held_on), _topics(writer, f))
                for f in interviews
            ],
            (2.4, 4.4, 2.8, 7.0),
            small=True,
        )
    events = workshops + visits
    if events:
        writer.table(
            _t(writer, "workshops"),
            [
                _t(writer, "event"),
                _t(writer, "kind"),
                _t(writer, "when"),
                _t(writer, "participants"),
                _t(writer, "observations"),
            ],
            [
                (
                    f.subject,
                    cat.label(cat.FIELDWORK_KINDS, f.kind, writer.lang),
                    writer.date(f.held_on),
                    f.role,
                    f.notes,
                )
                for f in events
            ],
            (3.6, 2.0, 2.6, 3.4, 5.0),
            small=True,
        )
    if documents:
        writer.table(
            _t(writer, "documents"),
            [_t(writer, "document"), _t(writer, "provided_by"), _t(writer, "notes")],
            [(f.subject, f.role, f.notes) for f in documents],
            (6.0, 3.4, 7.2),
            small=True,
        )


def write_decisions(writer: DocxWriter, items: Sequence[PlanItem], client: str) -> bool:
    """The decisions requested (a numbered list a board can answer) and the next steps
    (a table); False when none are recorded, so the caller writes its generic text."""
    steps = [i.record for i in items if isinstance(i.record, NextStep)]
    if not steps:
        return False
    decisions = [s for s in steps if s.decision]
    others = [s for s in steps if not s.decision]
    if decisions:
        writer.heading(2, _t(writer, "decisions"))
        writer.para(_t(writer, "decisions_text", client))
        writer.numbered(step.action + _owner_and_date(writer, step) for step in decisions)
    if others:
        writer.heading(2, _t(writer, "steps"))
        others.sort(key=lambda s: (s.due is None, s.due or date.min))  # by date, undated last
        writer.table(
            _t(writer, "steps"),
            [_t(writer, "action"), _t(writer, "owner"), _t(writer, "due")],
            [(s.action, s.owner or "—", writer.date(s.due)) for s in others],
            (9.6, 4.2, 2.8),
        )
    return True


def _owner_and_date(writer: DocxWriter, step: NextStep) -> str:
    if step.owner and step.due:
        return _t(writer, "by", step.owner, writer.date(step.due))
    if step.owner:
        return _t(writer, "by_owner", step.owner)
    return ""
