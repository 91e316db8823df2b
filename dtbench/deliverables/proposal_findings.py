"""The key findings (核心发现) that lead the proposal's current-state diagnosis chapter: each
finding as a titled block (what was seen, why it matters, what it rests on, the clauses it
concerns), before the charts and statistics. Nothing is written when there are none."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dtbench.deliverables.formats import count_words
from dtbench.guide.model import Text
from dtbench.plan.records import Finding, PlanItem

if TYPE_CHECKING:
    from dtbench.deliverables.docx_writer import DocxWriter

TEXTS: dict[str, Text] = {
    "heading": Text("核心发现", "Key findings"),
    "intro": Text(
        "综合访谈、现场调研、资料查阅和逐条诊断，%1当前的主要问题归纳为以下%2个方面，"
        "每个方面列出所见现状、对经营的影响和所依据的指南条款。条款层面的评分与差距见本章后续各节。",
        "Drawing on the interviews, site visits, documents and the clause-by-clause assessment, "
        "the main problems %1 faces come down to the %2 themes below; each gives what we saw, "
        "why it matters for the business and the guide's clauses it concerns. The scores and "
        "gaps behind them follow in the rest of this chapter.",
    ),
    "seen": Text("现状", "What we saw"),
    "impact": Text("影响", "Why it matters"),
    "sources": Text("依据", "Based on"),
    "clauses": Text("涉及条款", "Clauses concerned"),
    "client": Text("企业", "the company"),
}
TITLE_COLOR = "1F3864"  # the built-in layout's heading blue
_LABELED = re.compile(r"^([^：:，,。.]{1,12})[：:]\s*(.+)$")


def _lines(text: str) -> list[str]:
    """A text's lines as points (a leading dash or bullet dropped)."""
    return [line.strip().lstrip("-•·").strip() for line in text.splitlines() if line.strip()]


def write_findings(writer: DocxWriter, items: Sequence[PlanItem]) -> None:
    """The "Key findings" section at the head of the diagnosis chapter."""
    findings: list[Finding] = [i.record for i in items if isinstance(i.record, Finding)]
    if not findings:
        return
    lang = writer.lang
    c = writer.c

    def t(key: str) -> str:
        return TEXTS[key].get(lang)

    client = c.profile.short_name or c.profile.client_name or t("client")
    writer.heading(2, t("heading"))
    writer.para(t("intro").replace("%1", client).replace("%2", count_words(len(findings), lang)))
    numbered = writer.numbering.new_list()
    for finding in findings:
        # A bold run-in title, not a heading: it is the consultant's sentence, in whatever
        # language it was written, and the headings stay the document's own frame. Its
        # number, （一） / 1., is Word's.
        title = writer.para(
            " ".join(finding.title.split()),
            bold=True,
            color=TITLE_COLOR,
            keep_next=True,
            space_before=8,
        )
        writer.numbering.number_item(title, numbered, bold=True, color=TITLE_COLOR)
        seen = _lines(finding.observations)
        if seen:
            writer.para(t("seen") + writer.t("colon"), bold=True, keep_next=True)
            for line in seen:
                writer.bullet(line)
        if finding.impact.strip():
            writer.labeled(t("impact"), " ".join(_lines(finding.impact)))
        for line in _lines(finding.sources):
            # "访谈：…" / "Interviews: …" carry their own label; other lines get "依据".
            labeled = _LABELED.match(line)
            if labeled:
                writer.labeled(labeled[1], labeled[2])
            else:
                writer.labeled(t("sources"), line)
        if finding.clauses:
            labels = []
            for key in finding.clauses:
                try:
                    labels.append(c.guide.clause(key).label(lang))
                except KeyError:  # stored before a guide change: cited as written
                    labels.append(key)
            writer.labeled(t("clauses"), writer.join(labels))
