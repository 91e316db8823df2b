"""The Excel plan's "Key findings" sheet: one row per finding (title, what was seen, why it
matters, what it rests on, the clauses it concerns), in the consultant's order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dtbench.deliverables.xlsx_book import FIRST_ROW, HEADER_ROW, Col
from dtbench.guide.model import Text
from dtbench.plan.records import Finding

if TYPE_CHECKING:
    from dtbench.deliverables.xlsx_book import WorkbookWriter

TEXTS: dict[str, Text] = {
    "no": Text("编号", "No."),
    "title": Text("核心发现", "Finding"),
    "seen": Text("现状", "What we saw"),
    "impact": Text("影响", "Why it matters"),
    "sources": Text("依据", "Based on"),
    "clauses": Text("涉及条款", "Clauses concerned"),
    "none": Text(
        "尚未归纳核心发现（在 dtbench 的“核心发现”步骤中编写）。",
        "No key findings yet (written in dtbench's Key findings step).",
    ),
}


def write_findings_sheet(book: WorkbookWriter) -> None:
    lang = book.lang

    def t(key: str) -> str:
        return TEXTS[key].get(lang)

    ws = book.sheet("findings", "title_findings")
    cols = [
        Col(t("no"), "center", 6, 7),
        Col(t("title"), "text", 20, 30),
        Col(t("seen"), "text", 40, 70),
        Col(t("impact"), "text", 30, 45),
        Col(t("sources"), "text", 20, 30),
        Col(t("clauses"), "text", 14, 24),
    ]
    guide = book.c.guide
    rows = []
    for n, item in enumerate(book.c.items["finding"], start=1):
        finding = item.record
        assert isinstance(finding, Finding)
        labels = []
        for key in finding.clauses:
            try:
                labels.append(guide.clause(key).label(lang))
            except KeyError:  # stored before a guide change: cited as written
                labels.append(key)
        rows.append(
            (
                f"F-{n:02d}",
                finding.title,
                finding.observations,
                finding.impact,
                finding.sources,
                "\n".join(labels),
            )
        )
    last = book.table(ws, HEADER_ROW, cols, rows, empty=t("none"))
    book.finish_list(ws, len(cols), last, freeze=f"C{FIRST_ROW}")
