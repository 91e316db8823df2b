"""Printed papers for the interviews, in the engagement's language: the guide the consultant
takes into one interview (who, when, where, then per clause to cover the questions drawn
from the guide's items, each with room for notes and the statuses to tick) and the one-page
schedule of the planned interviews for the client's coordinator."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Cm, Pt
from docx.table import Table

from dtbench.atomic_files import write_atomically
from dtbench.deliverables.docx_template import new_document, prepare
from dtbench.deliverables.formats import doc_date
from dtbench.diagnosis.scale import STATUS_NAMES, STATUSES
from dtbench.engagement import service as engagements
from dtbench.errors import QT_TRANSLATE_NOOP, UserError
from dtbench.guide import Guide, load_guide
from dtbench.guide.model import Clause, Item, Text
from dtbench.plan import service as plan
from dtbench.plan.interviews import interviews
from dtbench.plan.records import Fieldwork, PlanItem
from dtbench.store.database import Store

TEXTS: dict[str, Text] = {
    "guide_title": Text("访谈提纲", "Interview guide"),
    "schedule_title": Text("访谈日程安排", "Interview schedule"),
    "client": Text("客户", "Client"),
    "engagement": Text("项目", "Engagement"),
    "interviewee": Text("受访人", "Interviewee"),
    "role": Text("职务 / 部门", "Role / department"),
    "when": Text("时间", "Date and time"),
    "place": Text("地点", "Place"),
    "consultant": Text("访谈顾问", "Consultant"),
    "topics": Text("访谈主题", "Topics"),
    "date": Text("日期", "Date"),
    "time": Text("时间", "Time"),
    "minutes": Text("时长", "Duration"),
    "duration": Text("%1分钟", "%1 min"),
    "opening": Text(
        "请介绍贵公司在“%1”方面的现状和主要做法。",
        "Please describe how the company handles %1 today.",
    ),
    "about": Text("%1. 关于“%2”，%3", "%1. On “%2”: %3"),
    "probe": Text("追问要点：", "Points to probe:"),
    "notes": Text("记录：", "Notes:"),
    "status": Text("评价：", "Assessment:"),
    "none": Text("（未安排访谈）", "(no interviews planned)"),
    "schedule_text": Text(
        "以下访谈请协调安排受访人按时参加，并准备相关制度、记录和系统演示。",
        "Please arrange for each interviewee to attend at the time shown, with the policies, "
        "records and system demonstrations concerned at hand.",
    ),
}
# The questions an item's requirement is followed by, in turn: asked the same way item after
# item, an interview goes flat.
QUESTIONS: tuple[Text, ...] = (
    Text("贵公司目前是怎么做的？", "How does the company do this today?"),
    Text(
        "目前做到了什么程度？有哪些制度、记录或系统可以说明？",
        "How far has the company got, and what shows it (policies, records, systems)?",
    ),
    Text("由谁负责？实际效果如何？", "Who is responsible, and how well does it work in practice?"),
)
TICK = "☐"


class InterviewNotFoundError(UserError):
    context = "InterviewError"
    template = QT_TRANSLATE_NOOP(
        "InterviewError", "The engagement has no interview %1: its plan lists %2."
    )

    def __init__(self, number: int, count: int) -> None:
        super().__init__(str(number), str(count))


class NoInterviewsError(UserError):
    context = "InterviewError"
    template = QT_TRANSLATE_NOOP(
        "InterviewError", "The engagement has no interviews planned: add them in Fieldwork."
    )


def _t(lang: str, key: str, *args: object) -> str:
    return TEXTS[key].filled(lang, *args)


# ------------------------------------------------------------------ questions
_ZH_LEAD = ("宜", "应", "可")
# Where a requirement turns into its list of examples or sub-items: the phrase is cut there.
_ZH_CUT = re.compile(r"(，?(如|例如|包括但不限于)$)|((宜|应)?(满足|考虑)?(以下|如下).*$)")
_EN_CUT = re.compile(
    r"(,? (such as|including|e\.g\.)\b.*$)|(\s+(should|shall) (meet|consider) the following.*$)"
    r"|(,? (through|in) (the )?(various means such as )?the following.*$)"
)


def requirement(item: Item, lang: str) -> str:
    """The item's requirement as a short phrase to quote: the text up to its list of
    sub-items or examples, without a leading "should"."""
    text = item.text.get(lang).strip()
    if lang == "en":
        head = re.split(r"[:;]|\. ", text, maxsplit=1)[0].rstrip(" .,")
        cut = _EN_CUT.sub("", head).rstrip(" ,")
        # "Clarify key contents such as …": a cut leaving a few words keeps the examples
        return cut if len(cut.split()) > 4 else head
    head = re.split(r"[：；。]", text, maxsplit=1)[0].rstrip("，、 ")
    parts = [p[1:] if p.startswith(_ZH_LEAD) else p for p in head.split("，")]
    # a part cut down to a word or two ("宜通过以下多种方式" → "通过") says nothing
    pairs = [(_ZH_CUT.sub("", p), p) for p in parts]
    kept = [c for c, p in pairs if c and (c == p or len(c) > 3)]
    return "，".join(kept) or head


def subject_of(clause: Clause, lang: str) -> str:
    """The clause's title as it reads inside a sentence ("leader capability")."""
    title = clause.title.get(lang)
    if lang == "en" and len(title) > 1 and title[1].islower():
        return title[0].lower() + title[1:]
    return title


def _probe(text: str) -> str:
    return text.strip().rstrip("；;。.，,")


@dataclass(frozen=True)
class Question:
    key: str  # the guide item
    requirement: str
    question: str
    probes: tuple[str, ...]


def questions(clause: Clause, lang: str) -> list[Question]:
    """One question per item of ``clause``: its requirement quoted, a question, and its
    sub-items as the points to probe."""
    return [
        Question(
            item.key,
            requirement(item, lang),
            QUESTIONS[index % len(QUESTIONS)].get(lang),
            tuple(_probe(sub.text.get(lang)) for sub in item.subitems),
        )
        for index, item in enumerate(clause.items)
    ]


# ------------------------------------------------------------------ data
@dataclass(frozen=True)
class Papers:
    """What the interview papers of an engagement are written from."""

    lang: str
    client: str
    title: str
    consultants: str
    items: tuple[PlanItem, ...]  # the interviews, in the plan's order


def load_papers(store: Store, engagement: str) -> Papers:
    profile = engagements.get_profile(store, engagement)
    items = interviews(plan.list_items(store, engagement, "fieldwork"))
    return Papers(
        profile.language,
        profile.client_name,
        profile.title,
        profile.consultants,
        tuple(items),
    )


def pick(papers: Papers, number: int) -> Fieldwork:
    """The ``number``-th interview of the plan (from 1)."""
    if not papers.items:
        raise NoInterviewsError()
    if not 1 <= number <= len(papers.items):
        raise InterviewNotFoundError(number, len(papers.items))
    record = papers.items[number - 1].record
    assert isinstance(record, Fieldwork)
    return record


def scheduled(papers: Papers) -> list[Fieldwork]:
    """The planned interviews by date and time (undated last), as the coordinator reads
    them."""
    planned = [
        i.record
        for i in papers.items
        if isinstance(i.record, Fieldwork) and i.record.status == "planned"
    ]
    return sorted(planned, key=lambda f: (f.held_on or date.max, f.starts or time.min))


def when(record: Fieldwork, lang: str) -> str:
    """ "2026年6月3日 09:30–10:30" / "3 Jun 2026, 09:30–10:30"."""
    day = doc_date(record.held_on, lang) if record.held_on else ""
    hours = _hours(record)
    if day and hours:
        return f"{day} {hours}" if lang != "en" else f"{day}, {hours}"
    return day or hours or "—"


def _hours(record: Fieldwork) -> str:
    if record.starts is None:
        return ""
    start = datetime.combine(date(2000, 1, 1), record.starts)
    if not record.minutes:
        return f"{start:%H:%M}"
    end = start + timedelta(minutes=record.minutes)
    return f"{start:%H:%M}–{end:%H:%M}"


def _role(record: Fieldwork, lang: str) -> str:
    sep = "、" if lang != "en" else ", "
    return sep.join(p for p in (record.role, record.department) if p) or "—"


def _clauses(guide: Guide, keys: Sequence[str]) -> list[Clause]:
    known = {c.key: c for c in guide.clauses()}
    return [known[k] for k in keys if k in known]


# ------------------------------------------------------------------ documents
def _document(lang: str) -> Document:
    document = new_document()
    prepare(document, lang, from_template=False)
    return document


def _kv(document: Document, rows: Sequence[tuple[str, str]]) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    _widths(table, (3.6, 13.0))
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(3.6), Cm(13.0)
        cells[0].text = label
        cells[1].text = value
        for run in cells[0].paragraphs[0].runs:
            run.bold = True


def _widths(table: Table, widths: Sequence[float]) -> None:
    """Fixed column widths (the grid is what LibreOffice and Word lay out by)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)


def _notes_box(document: Document, lang: str) -> None:
    """An empty ruled box to write in, then the statuses to tick."""
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    row = table.rows[0]
    row.height = Cm(3.0)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    row.cells[0].text = _t(lang, "notes")
    sep = "\u3000" if lang != "en" else "    "
    ticks = sep.join(f"{TICK} {STATUS_NAMES[s].get(lang)}" for s in STATUSES)
    document.add_paragraph(f"{_t(lang, 'status')}{'' if lang != 'en' else ' '}{ticks}")


def write_guide(
    papers: Papers, record: Fieldwork, target: Path, guide: Guide | None = None
) -> Path:
    """The interview guide for ``record``, written atomically to ``target``."""
    guide = guide or load_guide()
    lang = papers.lang
    document = _document(lang)
    document.add_paragraph(_t(lang, "guide_title"), style="Title")
    _kv(
        document,
        [
            (_t(lang, "client"), papers.client),
            (_t(lang, "engagement"), papers.title),
            (_t(lang, "interviewee"), record.subject),
            (_t(lang, "role"), _role(record, lang)),
            (_t(lang, "when"), when(record, lang)),
            (_t(lang, "place"), record.place or "—"),
            (_t(lang, "consultant"), papers.consultants or "—"),
        ],
    )
    for clause in _clauses(guide, record.clauses):
        document.add_heading(clause.label(lang), level=1)
        document.add_paragraph(_t(lang, "opening", subject_of(clause, lang)))
        _notes_box(document, lang)
        for number, q in enumerate(questions(clause, lang), start=1):
            asked = document.add_paragraph(_t(lang, "about", number, q.requirement, q.question))
            for run in asked.runs:
                run.bold = True
            if q.probes:
                document.add_paragraph(_t(lang, "probe"))
                for probe in q.probes:
                    document.add_paragraph(probe, style="List Bullet")
            _notes_box(document, lang)
    return write_atomically(Path(target), lambda tmp: document.save(str(tmp)))


def write_schedule(papers: Papers, target: Path, guide: Guide | None = None) -> Path:
    """One landscape page for the client's coordinator: the planned interviews in time order
    with where, who and on what; written atomically to ``target``."""
    guide = guide or load_guide()
    lang = papers.lang
    document = _document(lang)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    section.top_margin = section.bottom_margin = Cm(1.8)
    document.add_paragraph(_t(lang, "schedule_title"), style="Title")
    document.add_paragraph(
        f"{papers.client}　{papers.title}" if lang != "en" else f"{papers.client} — {papers.title}"
    )
    document.add_paragraph(_t(lang, "schedule_text"))
    heads = ("date", "time", "place", "interviewee", "role", "topics", "minutes")
    rows = scheduled(papers)
    table = document.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    widths = (2.6, 2.3, 3.4, 2.8, 3.6, 8.4, 2.2)  # 25.3 cm: A4 landscape less margins
    _widths(table, widths)
    for cell, key, width in zip(table.rows[0].cells, heads, widths, strict=True):
        cell.text = _t(lang, key)
        cell.width = Cm(width)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    sep = "、" if lang != "en" else "; "
    for record in rows:
        values = (
            doc_date(record.held_on, lang),
            _hours(record) or "—",
            record.place or "—",
            record.subject,
            _role(record, lang),
            sep.join(c.title.get(lang) for c in _clauses(guide, record.clauses)) or "—",
            _t(lang, "duration", record.minutes) if record.minutes else "—",
        )
        cells = table.add_row().cells
        for cell, value, width in zip(cells, values, widths, strict=True):
            cell.text = value
            cell.width = Cm(width)
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    if not rows:
        document.add_paragraph(_t(lang, "none"))
    return write_atomically(Path(target), lambda tmp: document.save(str(tmp)))
