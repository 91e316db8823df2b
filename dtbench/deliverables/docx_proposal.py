"""The Word proposal (数字化转型实施建议书): an editable .docx in the deliverable language.

``build_proposal`` writes the chosen sections in a fixed order, on the consultant's template
or on the built-in A4 layout. Headings carry their numbers in their text (reliable in Word,
WPS and LibreOffice alike); the table of contents, page numbers and caption numbers are
fields that Word refreshes on opening. Long tables are written as XML directly: the
checklist alone has about a thousand rows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from dtbench.deliverables import abbreviations
from dtbench.deliverables.cancel import ExportCancelled
from dtbench.deliverables.content import ClauseContent, Content
from dtbench.deliverables.docx_metadata import set_metadata
from dtbench.deliverables.docx_template import (
    FONTS,
    Styles,
    new_document,
    open_template,
    prepare,
)
from dtbench.deliverables.docx_texts import (
    APPENDICES,
    EMPLOYEE_LABELS,
    REVENUE_LABELS,
    SECTIONS,
)
from dtbench.deliverables.docx_writer import (
    FULL_WIDTH_CM,
    HEADER_FILL,
    LABEL_FILL,
    STATUS_FILLS,
    Cell,
    CellValue,
    DocxWriter,
    add_months,
    add_text,
    clean,
    fmt_number,
    guide_ref,
    paragraphs,
)
from dtbench.deliverables.files import write_atomically
from dtbench.deliverables.formats import (
    range_dashes,
    short_phase_name,
    standard_reference,
    unnest_brackets,
)
from dtbench.deliverables.proposal_benchmark import write_benchmark
from dtbench.deliverables.proposal_blueprint import write_blueprint, write_register
from dtbench.deliverables.proposal_charters import TEXTS as charter_texts
from dtbench.deliverables.proposal_charters import write_charters
from dtbench.deliverables.proposal_fieldwork import (
    write_decisions,
    write_fieldwork,
    write_fieldwork_tables,
)
from dtbench.deliverables.proposal_findings import write_findings
from dtbench.deliverables.proposal_investment import write_initiative_costs, write_investment
from dtbench.deliverables.proposal_risks import write_risks
from dtbench.deliverables.toc import write_entries
from dtbench.diagnosis import scoring_method
from dtbench.diagnosis.scale import FOLLOW_UP_NAME, LEVELS, STATUS_NAMES, index_text
from dtbench.diagnosis.scoring import Movement, moved_clauses
from dtbench.plan import catalogue as cat
from dtbench.plan.money import amount, money
from dtbench.plan.records import (
    Culture,
    Initiative,
    Kpi,
    Organization,
    Phase,
    PlanItem,
    Strategy,
)

LOGO_HEIGHT_CM = 1.6
FIGURE_SECTIONS = (
    "diagnosis",
    "benchmark",
    "blueprint",
    "roadmap",
    "investment",
    "organization",
    "risks",
)
ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


class _Writer(DocxWriter):
    """Writes the proposal's sections, in order."""

    def __init__(
        self, content: Content, document: Document, styles: Styles, figures: dict[str, bytes]
    ) -> None:
        super().__init__(content, document, styles, figures)
        phases = content.items["phase"]
        self.phase_index = {p.uuid: n for n, p in enumerate(phases, 1)}
        self.phase_short = {p.uuid: self._phase_short(p, n) for n, p in enumerate(phases, 1)}
        self.toc_anchor: Paragraph | None = None
        self.initiative_no = {
            i.uuid: f"I-{n:02d}" for n, i in enumerate(content.items["initiative"], 1)
        }

    def _phase_short(self, item: PlanItem, n: int) -> str:
        name = str(item.record.name).strip()
        for sep in ("：", ":", " - ", "—"):
            head = name.split(sep, 1)[0].strip()
            if head != name and 0 < len(head) <= 10:
                return head
        return name if len(name) <= 10 else self.t("phase_no", n)

    # ------------------------------------------------------------------------- sections
    def cover(self, template_cover: bool) -> None:
        if template_cover:
            return
        c = self.c
        fonts = FONTS.get(self.lang, FONTS["zh"])
        logo = c.firm.logo_path()
        if logo is not None:
            picture = self.para(align=WD_ALIGN_PARAGRAPH.LEFT, space_after=0)
            # A logo Word could not show is left out, never the proposal.
            with contextlib.suppress(OSError, ValueError, ZeroDivisionError):
                picture.add_run().add_picture(str(logo), height=Cm(LOGO_HEIGHT_CM))
        self.para(space_before=90 if logo is None else 70, space_after=0)
        client = self.para(
            c.profile.client_name or "—",
            bold=True,
            size=20,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            space_after=18,
        )
        title_style = self.st.title
        self.para(
            self.t("doc_title"),
            title_style,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            space_after=18,
            bold=title_style is None,
            size=None if title_style is not None else 26,
        )
        engagement = self.para(
            c.profile.title, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, color="404040"
        )
        standard = c.guide.standard
        based = self.para(
            self.t("based_on", standard.code, standard.title.get(self.lang)),
            size=11,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            color="595959",
            space_before=6,
        )
        bottom = [
            self.t("prepared_by", c.firm_name) if c.firm_name else "",
            c.firm.address(self.lang),
            self.t("date_line", self.date(c.generated)),
        ]
        first = True
        for line in bottom:
            if not line:
                continue
            paragraph = self.para(
                line,
                size=12,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                space_before=200 if first else 4,
                space_after=4,
            )
            first = False
            if not self.st.from_template:
                self._heading_font(paragraph, fonts)
        if not self.st.from_template:
            for paragraph in (client, engagement, based):
                self._heading_font(paragraph, fonts)

    def _heading_font(self, paragraph: Paragraph, fonts: Any) -> None:
        for run in paragraph.runs:
            run.font.name = fonts.heading_latin
            run._element.get_or_add_rPr().get_or_add_rFonts().set(
                qn("w:eastAsia"), fonts.heading_east_asian
            )

    def info(self) -> None:
        c, p = self.c, self.c.profile
        self.front_title(self.t("info"))
        period = (
            f"{self.date(p.start_date)} {self.t('to')} {self.date(p.end_date)}"
            if p.start_date or p.end_date
            else "—"
        )
        round_text = self.t(
            "rounds_total", c.round.name, self.date(c.round.assessed_on), len(c.rounds)
        )
        standard = c.guide.standard
        rows = [
            (self.t("client"), p.client_name or "—"),
            (self.t("engagement"), p.title or "—"),
        ]
        d = c.deliverable
        if c.firm_name:
            rows.append((self.t("firm"), c.firm_name))
        rows += [
            (self.t("consultants"), p.consultants or "—"),
            (self.t("period"), period),
            (self.t("round"), round_text),
            (
                self.t("reference"),
                f"{standard.code}《{standard.title.zh}》"
                if self.zh
                else f"{standard.code} {standard.title.en}",
            ),
            (self.t("version"), d.version),
            (self.t("date"), self.date(c.generated)),
            (self.t("author"), c.author or "—"),
            (self.t("reviewer"), d.reviewer.strip() or "—"),
            (self.t("approver"), d.approver.strip() or "—"),
            (
                self.t("classification"),
                cat.label(cat.CONFIDENTIALITY, d.confidentiality, self.lang),
            ),
            (self.t("language"), self.t("language_value")),
        ]
        self.kv_table(None, rows)
        self.table(
            self.t("history"),
            [self.t("version"), self.t("issued"), self.t("change_note")],
            [
                (
                    issue.version,
                    self.date(issue.issued),
                    issue.note or (self.t("first_issue") if n == 0 else ""),
                )
                for n, issue in enumerate(c.issues)
            ],
            (3.0, 4.0, 9.6),
            keep=True,
        )
        self.table(
            self.t("signoff"),
            [self.t("role"), self.t("name"), self.t("signature"), self.t("date")],
            [
                (self.t(role), person or "", "", "")
                for role, person in (
                    ("author", c.author),
                    ("reviewer", d.reviewer.strip()),
                    ("approver", d.approver.strip()),
                )
            ],
            (3.0, 5.0, 5.0, 3.6),
            keep=True,
        )
        if d.confidentiality != "public":
            self.para(
                self.t("confidential", p.client_name or "—"),
                size=9,
                color="595959",
                space_before=6,
            )

    def toc(self) -> None:
        """The title and a place for the entries, written once every heading is known."""
        self.front_title(self.t("toc"))
        self.toc_anchor = self.para()

    def finish_toc(self) -> None:
        if self.toc_anchor is None or not self.outline:
            return
        fonts = None if self.st.from_template else FONTS.get(self.lang, FONTS["zh"])
        write_entries(
            self.doc,
            self.toc_anchor,
            self.outline,
            self.text_cm,
            (fonts.body_latin, fonts.body_east_asian) if fonts else None,
        )
        self.toc_anchor = None

    def summary(self) -> None:
        c = self.c
        r = c.report
        self.heading(1, self.t("summary"))
        self.text(c.summary)
        # the figures a CEO looks for, in one strip under the text (the page stays one page)
        initiatives = c.items["initiative"]
        budget = sum(float(i.record.budget or 0) for i in initiatives)
        figures = [
            (self.t("kf_index"), self.t("kf_index_value", index_text(r.overall_index))),
            (
                self.t("kf_level"),
                self.t(
                    "kf_level_value",
                    fmt_number(r.current_level, 1),
                    fmt_number(r.target_level, 1),
                ),
            ),
        ]
        if c.items["phase"] or initiatives:
            figures.append(
                (
                    self.t("kf_plan"),
                    self.t("kf_plan_value", len(c.items["phase"]), len(initiatives)),
                )
            )
        if budget:
            figures.append((self.t("kf_budget"), money(budget, self.lang)))
        width = FULL_WIDTH_CM / len(figures)
        self.table(
            self.t("key_figures"),
            [label for label, _value in figures],
            [[Cell(value, align="center", bold=True) for _label, value in figures]],
            [width] * len(figures),
            keep=True,
        )

    def background(self) -> None:
        c, p = self.c, self.c.profile
        self.chapters["background"] = self.heading(1, self.t("background"))
        self.heading(2, self.t("profile"))
        rows = [(self.t("client_name"), p.client_name or "—")]
        if p.short_name:
            rows.append((self.t("short_name"), p.short_name))
        rows += [
            (self.t("industry"), p.industry or "—"),
            (
                self.t("employees"),
                EMPLOYEE_LABELS[p.size_employees].get(self.lang)
                if p.size_employees in EMPLOYEE_LABELS
                else p.size_employees or "—",
            ),
            (
                self.t("revenue"),
                REVENUE_LABELS[p.size_revenue].get(self.lang)
                if p.size_revenue in REVENUE_LABELS
                else p.size_revenue or "—",
            ),
            (self.t("region"), p.region or "—"),
            (self.t("products"), p.main_products or "—"),
        ]
        self.kv_table(self.t("profile"), rows)
        if p.contacts:
            self.table(
                self.t("contacts"),
                [self.t("contact_name"), self.t("contact_role"), self.t("phone"), self.t("email")],
                [(k.name, k.role, k.phone, k.email) for k in p.contacts],
                (3.0, 4.6, 3.6, 5.4),
            )
        self.heading(2, self.t("systems"))
        if p.existing_systems:
            self.para(self.t("systems_text", self.join(p.existing_systems)))
        else:
            self.para(self.t("no_systems"))
        self.heading(2, self.t("scope"))
        every = list(c.guide.clauses())
        assessed = {s.key for s in c.report.clauses}
        out = [f"{k.key} {k.title.get(self.lang)}" for k in every if k.key not in assessed]
        if out:
            self.para(self.t("scope_text", len(every), len(assessed), c.report.total))
            self.para(self.t("scope_out", self.join(out)))
        else:
            self.para(self.t("scope_every", len(every), c.report.total))
        heavy = [self.paren(s.key, f"{s.weight:g}") for s in c.report.clauses if s.weight > 1]
        light = [self.paren(s.key, f"{s.weight:g}") for s in c.report.clauses if s.weight < 1]
        letter = self.appendix_letter("method")
        if letter and (heavy or light):  # the appendix's table holds the weights
            self.para(self.t("scope_where", letter))
        else:
            if heavy:
                self.para(self.t("scope_weights", self.join(heavy)))
            if light:
                self.para(self.t("scope_light", self.join(light)))
        write_fieldwork(self, c.items["fieldwork"], self.appendix_letter("supporting"))

    def _scope_rows(self) -> list[list[CellValue]]:
        """The clauses that differ from "in scope, weight 1": left out or weighted."""
        c = self.c
        weights = {s.key: s.weight for s in c.report.clauses}
        rows: list[list[CellValue]] = []
        for clause in c.guide.clauses():
            inside = clause.key in weights
            if inside and weights[clause.key] == 1:
                continue
            rows.append(
                [
                    clause.key,
                    clause.title.get(self.lang),
                    Cell(self.t("yes") if inside else self.t("no"), align="center"),
                    Cell(f"{weights[clause.key]:g}" if inside else "—", align="center"),
                ]
            )
        return rows

    def method(self) -> None:
        c = self.c
        self.chapters["method"] = self.heading(1, self.t("method"))
        self.heading(2, self.t("basis"))
        standard = c.guide.standard
        areas = self.join(a.title.get(self.lang) for a in c.guide.areas)
        if self.zh:
            self.para(self.t("basis_text", standard.code, standard.title.zh, areas))
        else:
            self.para(self.t("basis_text", standard.code, standard.title.en, areas))
        counts: dict[str, int] = {}
        for score in c.report.clauses:
            counts[score.area] = counts.get(score.area, 0) + 1
        rows = [
            [
                Cell(area.key, align="center"),
                area.title.get(self.lang),
                self.join(g.title.get(self.lang) for g in area.groups),
                Cell(str(counts.get(area.key, 0)), align="center"),
            ]
            for area in c.guide.areas
        ]
        self.table(
            self.t("areas_table"),
            [self.t("chapter"), self.t("area"), self.t("groups"), self.t("clauses_assessed")],
            rows,
            (1.4, 3.6, 9.2, 2.4),
        )
        self.heading(2, self.t("scale"))
        self.para(self.t("scale_text"))
        self.table(
            self.t("scale_table"),
            [self.t("level"), self.t("level_name"), self.t("description")],
            [
                [
                    Cell(str(lv.number), align="center"),
                    lv.name.get(self.lang),
                    lv.description.get(self.lang),
                ]
                for lv in LEVELS
            ],
            (1.4, 2.6, 12.6),
        )
        self.heading(2, self.t("rules"))
        self.para(self.t("rules_text"))
        for rule in scoring_method.method():
            self.bullet(rule.get(self.lang))
        scope = self._scope_rows()
        if scope:
            self.heading(2, self.t("scope_table"))
            self.table(
                self.t("scope_table"),
                [self.t("clause"), self.t("title"), self.t("in_scope"), self.t("weight")],
                scope,
                (1.8, 10.4, 2.3, 2.1),
                small=True,
            )

    def diagnosis(self) -> None:
        c = self.c
        r = c.report
        self.chapters["diagnosis"] = self.heading(1, self.t("diagnosis"))
        self.key_findings()
        self.heading(2, self.t("overall"))
        self.para(
            self.t(
                "overall_text",
                c.profile.client_name or "—",
                index_text(r.overall_index),
                fmt_number(r.current_level, 1),
                fmt_number(r.target_level, 1),
                c.round.name,
                len(r.clauses),
                r.total,
                fmt_number(100 * r.completion),
            )
        )
        self.figure("index", self.t("fig_index"), max_cm=5.5)
        counts = {s: sum(cl.score.counts.get(s, 0) for cl in c.clauses) for s in STATUS_NAMES}
        total = sum(counts.values()) or 1
        self.table(
            self.t("status_table"),
            [self.t("status"), self.t("count"), self.t("share")],
            [
                [
                    Cell(STATUS_NAMES[s].get(self.lang), STATUS_FILLS.get(s)),
                    Cell(str(n), align="center"),
                    Cell(f"{100 * n / total:.0f}%", align="center"),
                ]
                for s, n in counts.items()
                if n or s != ""
            ],
            (6.0, 3.0, 3.0),
        )
        if r.completion < 1:
            self.figure("progress", self.t("fig_progress"))
        self.heading(2, self.t("areas"))
        scored = [a for a in r.areas if a.index is not None]
        if scored:
            weak = min(scored, key=lambda a: a.index or 0.0)
            self.para(self.t("areas_text", c.area_title(weak.key), index_text(weak.index)))
        self.table(
            self.t("area_table"),
            [
                self.t("chapter"),
                self.t("area"),
                self.t("index"),
                self.t("level_now"),
                self.t("level_target"),
                self.t("answered"),
            ],
            [
                [
                    Cell(a.key, align="center"),
                    c.area_title(a.key),
                    Cell(index_text(a.index), align="center"),
                    Cell(fmt_number(a.current_level, 1), align="center"),
                    Cell(fmt_number(a.target_level, 1), align="center"),
                    Cell(f"{a.answered}/{a.total}", align="center"),
                ]
                for a in r.areas
            ]
            + [
                [
                    Cell("", LABEL_FILL),
                    Cell(self.t("kf_index"), LABEL_FILL, True),
                    Cell(index_text(r.overall_index), LABEL_FILL, True, "center"),
                    Cell(fmt_number(r.current_level, 1), LABEL_FILL, True, "center"),
                    Cell(fmt_number(r.target_level, 1), LABEL_FILL, True, "center"),
                    Cell(f"{r.answered}/{r.total}", LABEL_FILL, True, "center"),
                ]
            ],
            (1.4, 5.6, 2.0, 2.4, 2.4, 2.8),
        )
        self.figure("radar", self.t("fig_radar"), max_cm=12.0)
        self.figure("heatmap", self.t("fig_heatmap"))
        self.heading(2, self.t("gaps"))
        gaps = r.ranked_gaps()
        if gaps:
            shown = min(len(gaps), 10)
            self.para(self.t("gaps_text", len(gaps), len(r.clauses), shown), keep_next=True)
            self.figure("gaps", self.t("fig_gaps"))
            self.table(
                self.t("gap_table"),
                [
                    self.t("rank"),
                    self.t("clause"),
                    self.t("level_now"),
                    self.t("level_target"),
                    self.t("coverage"),
                    self.t("gap"),
                    self.t("priority"),
                ],
                [
                    [
                        Cell(str(n), align="center"),
                        f"{g.key} {c.guide.clause(g.key).title.get(self.lang)}",
                        c.level_name(g.current),
                        c.level_name(g.target),
                        Cell(self._pct(g.coverage), align="center"),
                        Cell(str(g.gap), align="center"),
                        Cell(f"{g.priority:g}", align="center"),
                    ]
                    for n, g in enumerate(gaps[:shown], 1)
                ],
                (1.0, 5.4, 2.5, 2.5, 1.8, 1.4, 2.0),
            )
        else:
            self.para(self.t("no_gaps"))
        self.heading(2, self.t("rounds"))
        self.table(
            self.t("rounds_table"),
            [
                self.t("round_name"),
                self.t("assessed_on"),
                self.t("kf_index"),
                self.t("level_now"),
                self.t("answered"),
            ],
            [
                [
                    rnd.name,
                    Cell(self.date(rnd.assessed_on), align="center"),
                    Cell(index_text(rep.overall_index), align="center"),
                    Cell(fmt_number(rep.current_level, 1), align="center"),
                    Cell(f"{rep.answered}/{rep.total}", align="center"),
                ]
                for rnd, rep in c.rounds
            ],
            (5.0, 3.0, 2.6, 2.6, 3.4),
        )
        if len(c.rounds) < 2:
            self.para(self.t("one_round"))
            return
        self.figure("rounds", self.t("fig_rounds"))
        name, moved = self._moved()
        if not moved:
            self.para(self.t("no_moves"))
            return
        letter = self.appendix_letter("supporting")
        if letter:  # the clause-by-clause table is supporting detail
            self.para(self.t("moved_where", name, len(moved), letter))
        else:
            self.para(self.t("moved_text", name, len(moved)))
            self._moved_table(moved)

    def _moved(self) -> tuple[str, list[Movement]]:
        """The last round's name and the clauses that moved since it (none with one round)."""
        c = self.c
        if len(c.rounds) < 2:
            return "", []
        (before_round, before), _ = c.rounds[-2], c.rounds[-1]
        return before_round.name, moved_clauses(before, c.report)

    def _moved_table(self, moved: Sequence[Movement]) -> None:
        c = self.c
        self.table(
            self.t("moved_table"),
            [
                self.t("clause"),
                self.paren(self.t("level_now"), self.t("before")),
                self.paren(self.t("level_now"), self.t("after")),
                self.paren(self.t("index"), self.t("before")),
                self.paren(self.t("index"), self.t("after")),
            ],
            [
                [
                    f"{m.key} {c.guide.clause(m.key).title.get(self.lang)}",
                    Cell(fmt_number(m.level_before), align="center"),
                    Cell(fmt_number(m.level_after), align="center"),
                    Cell(index_text(m.index_before), align="center"),
                    Cell(index_text(m.index_after), align="center"),
                ]
                for m in moved
            ],
            (7.0, 2.4, 2.4, 2.4, 2.4),
        )

    def supporting(self) -> None:
        """Appendix: the registers and tables the body refers to."""
        c = self.c
        self.chapters["supporting"] = self.heading(1, self.t("supporting"))
        self.para(self.t("supporting_text"))
        if c.items["fieldwork"]:
            self.heading(2, self.t("fieldwork_records"))
            write_fieldwork_tables(self, c.items["fieldwork"])
        _name, moved = self._moved()
        if moved:
            self.heading(2, self.t("moved_table"))
            self._moved_table(moved)
        for code in ("principles", "criteria"):
            adopted = self._adopted(code)
            if adopted:
                self.heading(2, self.t(f"{code}_table"))
                self._adoption_table(code, adopted)
        write_register(self, c)
        if self._described():
            self.heading(2, self.t("details"))
            self._descriptions()
        if any(i.record.budget for i in c.items["initiative"]) or c.items["cost"]:
            self.heading(2, self.t("initiative_costs"))
            write_initiative_costs(self, self.initiative_no)
        if c.items["kpi"]:
            self.heading(2, self.t("kpi_definitions"))
            self._kpi_definitions()

    def _described(self) -> list[PlanItem]:
        """The initiatives described one by one: all but those with a charter."""
        initiatives = self.c.items["initiative"]
        if self.chapter_number("key_initiatives"):
            return [i for i in initiatives if not i.record.key]
        return list(initiatives)

    def _descriptions(self) -> None:
        initiatives = self.c.items["initiative"]
        charters = self.chapter_number("key_initiatives")
        described = self._described()
        if len(described) < len(initiatives):
            # a key initiative is described once: in its charter
            self.para(self.t("details_key", charters))
        for item in described:
            record = item.record
            assert isinstance(record, Initiative)
            paragraph = self.para(keep_next=True, space_after=2, space_before=4)
            for run in add_text(paragraph, f"{self.initiative_no[item.uuid]}  {record.title}"):
                run.bold = True
            if record.description.strip():
                self.text(record.description)
            extra = []
            if record.clauses:
                extra.append(
                    self.t("related")
                    + self.t("colon")
                    + self.join(f"{k} {self._clause_title(k)}".strip() for k in record.clauses)
                )
            if record.consulting:
                task = self.label(cat.CONSULTING_TASKS, record.consulting_task)
                extra.append(
                    self.t("consulting")
                    + (self.t("colon") + task if record.consulting_task else "")
                )
            for line in extra:
                self.para(line, size=9, color="595959", space_after=2)

    def key_findings(self) -> None:
        write_findings(self, self.c.items["finding"])

    def _pct(self, value: float | None) -> str:
        return "—" if value is None else f"{100 * value:.0f}%"

    def clauses(self) -> None:
        c = self.c
        self.chapters["clauses"] = self.heading(1, self.t("clauses"))
        self.para(self.t("clauses_text"))
        for area, clauses in self._by_area():
            self.heading(2, self.t("area_heading", c.area_title(area), area))
            for clause in clauses:
                self._clause(clause)

    def _by_area(self) -> list[tuple[str, list[ClauseContent]]]:
        out: list[tuple[str, list[ClauseContent]]] = []
        for clause in self.c.clauses:
            if not out or out[-1][0] != clause.area:
                out.append((clause.area, []))
            out[-1][1].append(clause)
        return out

    def _clause(self, clause: ClauseContent) -> None:
        c = self.c
        s = clause.score
        self.plain_heading3(self.t("clause_heading", clause.key, clause.title))
        headers = [
            self.t("level_now"),
            self.t("level_target"),
            self.t("coverage"),
            self.t("gap"),
            self.t("priority"),
            self.t("weight"),
        ]
        values = [
            c.level_name(s.current),
            c.level_name(s.target),
            self._pct(s.coverage),
            "—" if s.gap is None else str(s.gap),
            f"{s.priority:g}",
            f"{s.weight:g}",
        ]
        self.table(
            None,
            headers,
            [[Cell(v, align="center") for v in values]],
            (3.2, 3.2, 2.6, 2.2, 2.6, 2.8),
            keep=True,
        )
        record = clause.record
        findings = paragraphs(record.findings)
        if findings:
            self.labeled(self.t("findings"), findings[0])
            for part in findings[1:]:
                self.para(part)
        else:
            self.labeled(self.t("findings"), self.t("no_findings"))
        if record.interviewees.strip():
            self.labeled(self.t("interviewees"), record.interviewees.strip())
        if clause.purpose.strip():
            self.para(clean(clause.purpose.strip()), size=9, color="595959", keep_next=True)
        self._checklist(clause, self.t("check_table", clause.key))

    def _checklist(self, clause: ClauseContent, caption: str | None) -> None:
        rows = []
        for line in clause.lines:
            rows.append(
                [
                    Cell(line.ref, bold=line.is_item, indent=not line.is_item),
                    Cell(line.text, indent=not line.is_item),
                    Cell(
                        STATUS_NAMES.get(line.status, STATUS_NAMES[""]).get(self.lang),
                        STATUS_FILLS.get(line.status),
                        align="center",
                    ),
                    line.note,
                ]
            )
        self.table(
            caption,
            [self.t("ref"), self.t("checkpoint"), self.t("status"), self.t("note")],
            rows,
            (1.1, 8.5, 1.8, 5.2),
            small=True,
        )

    def strategy(self) -> None:
        c = self.c
        strategy = c.values["strategy"]
        assert isinstance(strategy, Strategy)
        self.chapters["strategy"] = self.heading(1, self.t("strategy"))
        self.heading(2, self.t("vision"))
        if strategy.vision.strip():
            self.text(strategy.vision)
        else:
            self.para(self.t("no_vision"))
        self.heading(2, self.t("choices"))
        rows = []
        for dim in cat.STRATEGY_DIMENSIONS:
            choice = strategy.choices.get(dim.code)
            if choice is None or not (choice.values or choice.rationale.strip()):
                continue
            chosen = self.join(self.label(dim.options, v) for v in choice.values) or "—"
            rows.append(
                [
                    Cell(f"{dim.title.get(self.lang)}\n{guide_ref(dim.guide_key)}", bold=False),
                    Cell(chosen, bold=True),
                    choice.rationale.strip() or "—",
                ]
            )
        if rows:
            self.table(
                self.t("choices_table"),
                [self.t("dimension"), self.t("choice"), self.t("rationale")],
                rows,
                (3.0, 3.2, 10.4),
            )
        else:
            self.para(self.t("no_choices"))
        where = self.appendix_letter("supporting")
        for code in ("principles", "criteria"):
            self.heading(2, self.t(code))
            adopted = self._adopted(code)
            if not adopted:
                self.para(self.t(f"no_{code}"))
            elif where:  # the guide's wording and how each is applied: supporting detail
                names = self.join(
                    _short_name(item.text.get(self.lang), self.zh) for item, _n in adopted
                )
                self.para(self.t(f"{code}_named", len(adopted), names, where))
            else:
                self._adoption_table(code, adopted)

    def _adopted(self, code: str) -> list[tuple[Any, str]]:
        """(guide item, how it is applied) of the principles or criteria adopted."""
        strategy = self.c.values["strategy"]
        assert isinstance(strategy, Strategy)
        clause_key, adoptions = (
            (cat.PRINCIPLES_CLAUSE, strategy.principles)
            if code == "principles"
            else (cat.CRITERIA_CLAUSE, strategy.criteria)
        )
        out = []
        for item in self.c.guide.clause(clause_key).items:
            adoption = adoptions.get(item.key)
            if adoption is not None and adoption.adopted:
                out.append((item, adoption.note.strip()))
        return out

    def _adoption_table(self, code: str, adopted: list[tuple[Any, str]]) -> None:
        self.para(self.t(f"{code}_text"))
        self.table(
            self.t(f"{code}_table"),
            [self.t("ref"), self.t("principle"), self.t("how")],
            [
                [Cell(guide_ref(item.key), align="center"), item.text.get(self.lang), note or "—"]
                for item, note in adopted
            ],
            (1.6, 6.6, 8.4),
        )

    def blueprint(self) -> None:
        self.chapters["blueprint"] = write_blueprint(self, self.c)

    def roadmap(self) -> None:
        c = self.c
        phases = c.items["phase"]
        initiatives = c.items["initiative"]
        self.chapters["roadmap"] = self.heading(1, self.t("roadmap"))
        self.heading(2, self.t("phases"))
        if phases:
            rows: list[list[CellValue]] = []
            for n, item in enumerate(phases, 1):
                phase = item.record
                assert isinstance(phase, Phase)
                dates = f"{self.date(phase.start)} {self.t('to')} {self.date(phase.end)}"
                # "一期：夯实基础" names itself; a bare "夯实基础" gets "第1阶段" before it
                named = short_phase_name(phase.name) != phase.name.strip()
                label = phase.name if named else f"{self.t('phase_no', n)}  {phase.name}"
                title = self.paren(label, dates)
                rows.append([Cell(title, HEADER_FILL, True, span=2)])
                contents = self.join(
                    self.label(cat.TRANSFORMATION_CONTENTS, code) for code in phase.contents
                )
                for key, value in (
                    ("goals", phase.goals),
                    ("entry", phase.entry_criteria),
                    ("exit", phase.exit_criteria),
                    ("contents", contents),
                ):
                    rows.append([self.t(key), value.strip() or "—"])
            self.table(self.t("phases_table"), None, rows, (3.4, 13.2), label_column=True)
        else:
            self.para(self.t("no_phases"))
        self.heading(2, self.t("initiatives"))
        if not initiatives:
            self.para(self.t("no_initiatives"))
        else:
            budget = sum(float(i.record.budget or 0) for i in initiatives)
            self.para(self.t("initiatives_text", len(initiatives), money(budget, self.lang)))
            self._initiative_table(self.t("initiatives_table"), initiatives, full=True)
            where = self.appendix_letter("supporting")
            described = self._described()
            if where and described:  # the descriptions are supporting detail
                charters = self.chapter_number("key_initiatives")
                if charters and len(described) < len(initiatives):
                    self.para(self.t("details_where_key", charters, where))
                else:
                    self.para(self.t("details_where", where))
            elif described or initiatives:
                self.heading(2, self.t("details"))
                self._descriptions()
        if initiatives:
            self.heading(2, self.t("schedule"))
            self.figure("gantt", self.t("fig_gantt"))
            self.figure("matrix", self.t("fig_matrix"), max_cm=9.5)

    def key_initiatives(self) -> None:
        self.chapters["key_initiatives"] = self.heading(
            1, charter_texts["key_initiatives"].get(self.lang)
        )
        write_charters(self, self.c, self.initiative_no)

    def investment(self) -> None:
        self.chapters["investment"] = write_investment(self, self.phase_short, self.initiative_no)

    def _clause_title(self, key: str) -> str:
        try:
            return self.c.guide.clause(key).title.get(self.lang)
        except KeyError:
            return ""

    def _initiative_table(self, caption: str, items: Sequence[PlanItem], *, full: bool) -> None:
        rows: list[list[CellValue]] = []
        for item in items:
            r = item.record
            assert isinstance(r, Initiative)
            dates = f"{self.date(r.start)}\n{self.date(r.end)}" if r.start or r.end else "—"
            row: list[CellValue] = [
                Cell(self.initiative_no[item.uuid], align="center"),
                r.title,
                self.phase_short.get(r.phase, "—"),
                r.owner or "—",
                Cell(dates, align="center"),
            ]
            if full:
                row += [
                    Cell("—" if r.budget is None else amount(r.budget, self.lang), align="right"),
                    Cell(str(r.value), align="center"),
                    Cell(str(r.effort), align="center"),
                    self.label(cat.INITIATIVE_STATUSES, r.status),
                    self.join(self.initiative_no.get(d, "") for d in r.depends_on) or "—",
                ]
            else:
                row.append(self.label(cat.INITIATIVE_STATUSES, r.status))
            rows.append(row)
        headers = [
            self.t("no_col"),
            self.t("initiative"),
            self.t("phase"),
            self.t("owner"),
            self.t("dates"),
        ]
        if full:
            headers += [
                self.t("budget"),
                self.t("value"),
                self.t("effort"),
                self.t("state"),
                self.t("depends"),
            ]
            budget = sum(float(i.record.budget or 0) for i in items)
            rows.append(
                [
                    Cell("", LABEL_FILL),
                    Cell(self.t("total"), LABEL_FILL, True, span=4),
                    Cell(amount(budget, self.lang), LABEL_FILL, True, "right"),
                    Cell("", LABEL_FILL, span=4),
                ]
            )
            widths: tuple[float, ...] = (1.0, 3.4, 1.3, 1.3, 2.2, 1.5, 1.2, 1.2, 1.8, 1.7)
        else:
            headers.append(self.t("state"))
            widths = (1.2, 7.2, 1.8, 1.8, 2.4, 2.2)
        self.table(caption, headers, rows, widths, small=full)

    def kpis(self) -> None:
        c = self.c
        kpis = list(c.items["kpi"])
        phases = c.items["phase"]
        self.chapters["kpis"] = self.heading(1, self.t("kpis"))
        if not kpis:
            self.para(self.t("no_kpis"))
            return
        self.para(self.t("kpi_text"))
        self.heading(2, self.t("kpi_targets"))
        order = [o.code for o in cat.KPI_CATEGORIES]
        categories = sorted(
            {k.record.category for k in kpis},
            key=lambda code: order.index(code) if code in order else len(order),
        )
        columns = len(phases) <= 4
        headers = [self.t("kpi"), self.t("unit"), self.t("baseline")]
        if columns:
            headers += [self.t("target_of", self.phase_short[p.uuid]) for p in phases]
            target_width = [1.8] * len(phases)
        else:
            headers.append(self.t("targets"))
            target_width = [4.2]
        # who measures how often is part of each definition in appendix B when there is one;
        # the body's table keeps to the figures
        tracking = not self.appendix_letter("supporting")
        if tracking:
            headers += [self.t("frequency"), self.t("data_owner")]
        # English needs room for "Quarterly" and a full name on one line
        unit, frequency, owner = (1.2, 1.4, 1.6) if self.zh else (1.3, 1.9, 2.1)
        if not tracking:
            frequency = owner = 0.0
        name_width = max(3.0, FULL_WIDTH_CM - sum(target_width) - (unit + 3.0 + frequency + owner))
        widths = [name_width, unit, 3.0, *target_width]
        if tracking:
            widths += [frequency, owner]
        rows: list[list[CellValue]] = []
        for category in categories:
            # one table for every indicator, a shaded row naming each category
            rows.append(
                [
                    Cell(
                        self.label(cat.KPI_CATEGORIES, category),
                        LABEL_FILL,
                        True,
                        span=len(headers),
                    )
                ]
            )
            for item in kpis:
                k = item.record
                assert isinstance(k, Kpi)
                if k.category != category:
                    continue
                row: list[CellValue] = [
                    k.name,
                    Cell(k.unit or "—", align="center"),
                    k.baseline or "—",
                ]
                if columns:
                    row += [Cell(k.targets.get(p.uuid, "") or "—", align="center") for p in phases]
                else:
                    row.append(
                        "\n".join(
                            f"{self.phase_short[p.uuid]}{self.t('colon')}{k.targets[p.uuid]}"
                            for p in phases
                            if k.targets.get(p.uuid)
                        )
                        or "—"
                    )
                if tracking:
                    row += [
                        Cell(self.label(cat.FREQUENCIES, k.frequency), align="center"),
                        k.owner or "—",
                    ]
                rows.append(row)
        self.table(self.t("kpi_table"), headers, rows, widths, small=True)
        letter = self.appendix_letter("supporting")
        if letter:
            self.para(self.t("kpi_where", letter))
        else:  # no appendix to hold them: the definitions follow here
            self.heading(2, self.t("kpi_definitions"))
            self._kpi_definitions()

    def _kpi_definitions(self) -> None:
        kpis = self.c.items["kpi"]
        rows = []
        for item in kpis:
            k = item.record
            assert isinstance(k, Kpi)
            linked = self.join(self.initiative_no.get(u, "") for u in k.initiatives)
            analysis = self.join(self.label(cat.ANALYSIS_METHODS, a) for a in k.analysis)
            notes = [
                self.t("up") if k.direction != "down" else self.t("down"),
            ]
            if analysis:
                notes.append(self.t("analysis") + self.t("colon") + analysis)
            if linked:
                notes.append(self.t("initiative") + self.t("colon") + linked)
            if k.data_source:
                notes.append(self.t("data_source") + self.t("colon") + k.data_source)
            if self.appendix_letter("supporting"):  # not in the chapter's table
                if k.frequency:
                    frequency = self.label(cat.FREQUENCIES, k.frequency)
                    notes.append(self.t("frequency") + self.t("colon") + frequency)
                if k.owner:
                    notes.append(self.t("data_owner") + self.t("colon") + k.owner)
            rows.append(
                [
                    Cell(k.name, bold=True),
                    k.definition or "—",
                    k.calculation or "—",
                    "\n".join(notes),
                ]
            )
        self.table(
            self.t("definitions_table"),
            [self.t("kpi"), self.t("definition"), self.t("calculation"), self.t("note")],
            rows,
            (2.8, 6.4, 4.0, 3.4),
            small=True,
        )

    def leadership(self) -> None:
        c = self.c
        self.chapters["leadership"] = self.heading(1, self.t("leadership"))
        self.heading(2, self.t("governance"))
        members = c.items["governance"]
        if members:
            self.table(
                self.t("governance_table"),
                [self.t("role"), self.t("name"), self.t("position"), self.t("responsibilities")],
                [
                    [
                        self.label(cat.GOVERNANCE_ROLES, m.record.role),
                        Cell(m.record.name, bold=True),
                        m.record.position or "—",
                        m.record.responsibilities or "—",
                    ]
                    for m in members
                ],
                (3.2, 1.8, 3.6, 8.0),
            )
            named = {m.record.role for m in members}
            missing = [o.label.get(self.lang) for o in cat.GOVERNANCE_ROLES if o.code not in named]
            self.para(
                self.t("roles_missing", self.join(missing)) if missing else self.t("roles_complete")
            )
        else:
            self.para(self.t("no_governance"))
        self.heading(2, self.t("competencies"))
        # The diagnosis's answers to 6.1.1 (an item is rated in one place only), told in two
        # sentences: the line-by-line rating is the clause's in appendix "clauses".
        clause = c.guide.clause(cat.LEADERSHIP_CLAUSE)
        points = list(clause.checkpoints())
        statuses = [
            (c.data.answers[p.key].status if p.key in c.data.answers else "") for p in points
        ]
        if any(statuses):
            counts = [statuses.count(s) for s in ("met", "partly", "not_met")]
            letter = self.appendix_letter("clauses")
            if letter:
                self.para(self.t("competencies_text", len(points), *counts, letter))
            else:
                self.para(self.t("competencies_short", len(points), *counts))
            gaps = [
                p.text.get(self.lang).strip().rstrip("；;。.，,：:")
                for p, status in zip(points, statuses, strict=True)
                if status == "not_met"
            ][:3]
            if gaps:
                self.para(self.t("competencies_gaps"), keep_next=True)
                for gap in gaps:
                    self.bullet(gap[:1].upper() + gap[1:] if not self.zh else gap)
        else:
            self.para(self.t("no_competencies"))
        self.heading(2, self.t("awareness"))
        actions = c.items["action"]
        if actions:
            self.table(
                self.t("awareness_table"),
                [
                    self.t("audience"),
                    self.t("action"),
                    self.t("owner"),
                    self.t("due"),
                    self.t("state"),
                    self.t("note"),
                ],
                [
                    [
                        self.label(cat.AUDIENCES, a.record.audience),
                        Cell(a.record.title, bold=True),
                        a.record.owner or "—",
                        Cell(self.date(a.record.due), align="center"),
                        self.label(cat.ACTION_STATUSES, a.record.status),
                        a.record.note or "",
                    ]
                    for a in actions
                ],
                (1.9, 3.7, 1.6, 2.1, 1.6, 5.7),
                small=True,
            )
        else:
            self.para(self.t("no_actions"))

    def organization(self) -> None:
        c = self.c
        org = c.values["organization"]
        culture = c.values["culture"]
        assert isinstance(org, Organization)
        assert isinstance(culture, Culture)
        self.chapters["organization"] = self.heading(1, self.t("organization"))
        self.heading(2, self.t("structure"))
        aspects = (
            ("shape", cat.ORG_SHAPES, org.shape_now, org.shape_target),
            ("driver", cat.ORG_DRIVERS, org.driver_now, org.driver_target),
            ("relation", cat.MANAGEMENT_RELATIONS, org.relation_now, org.relation_target),
        )
        if any(now or target for _, _, now, target in aspects):
            self.table(
                self.t("structure_table"),
                [self.t("aspect"), self.t("now"), self.t("target")],
                [
                    [
                        self.t(key),
                        self.label(options, now),
                        Cell(self.label(options, target), bold=True),
                    ]
                    for key, options, now, target in aspects
                ],
                (3.6, 6.5, 6.5),
                label_column=True,
            )
        else:
            self.para(self.t("no_structure"))
        if org.notes.strip():
            self.text(org.notes)
        self.heading(2, self.t("mode"))
        if org.mode:
            self.para(
                self.t("mode_text", self.label(cat.TRANSFORMATION_MODES, org.mode)), bold=True
            )
            if org.mode_rationale.strip():
                self.text(org.mode_rationale)
        else:
            self.para(self.t("no_mode"))
        self.heading(2, self.t("change_steps"))
        steps = c.items["change_step"]
        if steps:
            self.table(
                self.t("change_table"),
                [
                    self.t("rank"),
                    self.t("step"),
                    self.t("guide_ref"),
                    self.t("owner"),
                    self.t("due"),
                    self.t("state"),
                    self.t("note"),
                ],
                [
                    [
                        Cell(str(n), align="center"),
                        Cell(s.record.title, bold=True),
                        Cell(guide_ref(s.record.step) if s.record.step else "—", align="center"),
                        s.record.owner or "—",
                        Cell(self.date(s.record.due), align="center"),
                        self.label(cat.ACTION_STATUSES, s.record.status),
                        s.record.note or "",
                    ]
                    for n, s in enumerate(steps, 1)
                ],
                (0.9, 3.4, 1.9, 1.4, 2.0, 1.4, 5.6),
                small=True,
            )
        else:
            self.para(self.t("no_steps"))
        self.heading(2, self.t("culture_targets"))
        if culture.targets:
            self.table(
                self.t("culture_targets_table"),
                [self.t("target"), self.t("adopted"), self.t("note")],
                [
                    [
                        Cell(o.label.get(self.lang), bold=True),
                        Cell(
                            self.t("yes") if culture.targets[o.code].adopted else self.t("no"),
                            align="center",
                        ),
                        culture.targets[o.code].note or "",
                    ]
                    for o in cat.CULTURE_TARGETS
                    if o.code in culture.targets
                ],
                (3.6, 1.6, 11.4),
            )
        else:
            self.para(self.t("no_culture_targets"))
        self.heading(2, self.t("traits"))
        rated = [t for t in cat.CULTURE_TRAITS if t.code in culture.traits]
        if rated and self.figures.get("culture"):
            # the chart shows every rating; the text names where the gap is widest
            def gap(code: str) -> int:
                rating = culture.traits[code]
                if rating.now is None or rating.target is None:
                    return 0
                return rating.target - rating.now

            gaps = sorted((t for t in rated if gap(t.code) > 0), key=lambda t: -gap(t.code))[:3]
            self.para(self.t("traits_text"))
            if gaps:
                widest = self.join(
                    self.t(
                        "trait_gap",
                        t.label.get(self.lang),
                        fmt_number(culture.traits[t.code].now),
                        fmt_number(culture.traits[t.code].target),
                    )
                    for t in gaps
                )
                self.para(self.t("traits_widest", widest), keep_next=True)
            self.figure("culture", self.t("fig_culture"), max_cm=9.5)
        elif rated:
            self.para(self.t("traits_text"))
            self.table(
                self.t("traits_table"),
                [self.t("trait"), self.t("now"), self.t("target")],
                [
                    [
                        t.label.get(self.lang),
                        Cell(fmt_number(culture.traits[t.code].now), align="center"),
                        Cell(fmt_number(culture.traits[t.code].target), align="center"),
                    ]
                    for t in rated
                ],
                (5.0, 3.0, 3.0),
            )
            self.figure("culture", self.t("fig_culture"), max_cm=9.5)
        else:
            self.para(self.t("no_traits"))
        self.heading(2, self.t("resistance"))
        register = c.items["resistance"]
        if register:
            self.table(
                self.t("resistance_table"),
                [
                    self.t("source"),
                    self.t("cause"),
                    self.t("description"),
                    self.t("mitigation"),
                    self.t("owner"),
                    self.t("state"),
                ],
                [
                    [
                        Cell(r.record.source, bold=True),
                        Cell(self.label(cat.RESISTANCE_CAUSES, r.record.cause), align="center"),
                        r.record.description or "—",
                        r.record.mitigation or "—",
                        r.record.owner or "—",
                        self.label(cat.ACTION_STATUSES, r.record.status),
                    ]
                    for r in register
                ],
                (2.6, 1.3, 4.6, 5.3, 1.4, 1.4),
                small=True,
            )
        else:
            self.para(self.t("no_resistance"))
        self.heading(2, self.t("measures"))
        clause = c.guide.clause("6.3.2")
        measures = [
            sub
            for item in clause.items
            if item.key == cat.CULTURE_MEASURES_ITEM
            for sub in item.subitems
            if sub.key in culture.measures
        ]
        if measures:
            self.table(
                self.t("measures_table"),
                [self.t("measure"), self.t("adopted"), self.t("how")],
                [
                    [
                        sub.text.get(self.lang),
                        Cell(
                            self.t("yes") if culture.measures[sub.key].adopted else self.t("no"),
                            align="center",
                        ),
                        culture.measures[sub.key].note or "",
                    ]
                    for sub in measures
                ],
                (5.0, 1.6, 10.0),
            )
        else:
            self.para(self.t("no_measures"))

    def risks(self) -> None:
        write_risks(self, self.initiative_no)

    def benchmark(self) -> None:
        write_benchmark(self)

    def next_steps(self) -> None:
        c = self.c
        self.chapters["next_steps"] = self.heading(1, self.t("next_steps"))
        client = c.profile.short_name or c.profile.client_name or "—"
        if not write_decisions(self, c.items["next_step"], client):
            self.para(self.t("next_text", client))
            for key in ("next_1", "next_2", "next_3"):
                self.bullet(self.t(key))
        phase, items = self._near_term()
        self.heading(2, self.t("near_term"))
        if items:
            caption = (
                self.t("near_table", phase.record.name)
                if phase is not None
                else self.t("near_table_plain")
            )
            self._initiative_table(caption, items, full=False)
        else:
            self.para(self.t("no_initiatives"))
        self.heading(2, self.t("next_round"))
        name = FOLLOW_UP_NAME.get(self.lang).replace("%1", str(len(c.rounds)))
        if phase is not None and phase.record.end is not None:
            self.para(
                self.t(
                    "next_round_phase",
                    short_phase_name(phase.record.name),
                    self.date(phase.record.end),
                    name,
                )
            )
        else:
            self.para(self.t("next_round_plain", self.date(add_months(c.generated, 6)), name))

    def _near_term(self) -> tuple[PlanItem | None, list[PlanItem]]:
        """The phase under way (or next) and its open initiatives; else the first five."""
        c = self.c
        done = {"done", "cancelled"}
        initiatives = [i for i in c.items["initiative"] if i.record.status not in done]
        phases = c.items["phase"]
        current = next(
            (p for p in phases if p.record.end is None or p.record.end >= c.generated), None
        )
        if current is None and phases:
            current = phases[-1]
        if current is not None:
            inside = [i for i in initiatives if i.record.phase == current.uuid]
            if inside:
                return current, inside
        return current, initiatives[:5]

    def glossary(self) -> None:
        c = self.c
        self.chapters["glossary"] = self.heading(1, self.t("glossary"))
        self.heading(2, self.t("terms"))
        self.para(self.t("terms_text"))
        rows = []
        for term in c.guide.terms:
            text = term.definition.get(self.lang)
            notes = [n.get(self.lang) for n in term.notes]
            if term.source:
                notes.append(f"[{standard_reference(term.source, self.lang)}]")
            rows.append(
                [
                    Cell(term.key, align="center"),
                    Cell(term.term.get(self.lang), bold=True),
                    "\n".join([text, *notes]),
                ]
            )
        self.table(
            self.t("terms_table"),
            [self.t("rank"), self.t("term"), self.t("definition")],
            rows,
            (1.2, 3.6, 11.8),
            small=True,
        )
        # the abbreviations the document uses (written so far: the glossary comes last)
        text = " ".join(node.text or "" for node in self.body.iter(qn("w:t")))
        found = abbreviations.used(text, c.guide.abbreviations)
        if not found:
            return
        self.heading(2, self.t("abbreviations"))
        if self.zh:
            self.table(
                self.t("abbr_table"),
                [self.t("abbr"), self.t("meaning"), self.t("english")],
                [[Cell(a.abbr, bold=True), a.zh, a.en] for a in found],
                (2.6, 5.6, 8.4),
                small=True,
            )
        else:
            self.table(
                self.t("abbr_table"),
                [self.t("abbr"), self.t("meaning")],
                [[Cell(a.abbr, bold=True), a.en] for a in found],
                (3.0, 13.6),
                small=True,
            )

    def checklist(self) -> None:
        c = self.c
        self.chapters["checklist"] = self.heading(1, self.t("checklist"))
        if "clauses" in self.chapters:
            self.para(self.t("checklist_compact", self.chapters["clauses"]))
            statuses = ("met", "partly", "not_met", "na", "")
            rows = []
            for clause in c.clauses:
                s = clause.score
                rows.append(
                    [
                        clause.key,
                        clause.title,
                        Cell(str(s.total), align="center"),
                        *(Cell(str(s.counts.get(st, 0)), align="center") for st in statuses),
                        Cell(self._pct(s.coverage), align="center"),
                        Cell(
                            self.t(
                                "levels_arrow",
                                fmt_number(s.current),
                                fmt_number(s.target),
                            ),
                            align="center",
                        ),
                    ]
                )
            self.table(
                self.t("checklist_table"),
                [
                    self.t("clause"),
                    self.t("title"),
                    self.t("items_col"),
                    *(STATUS_NAMES[st].get(self.lang) for st in statuses),
                    self.t("coverage"),
                    self.t("level"),
                ],
                rows,
                (1.5, 4.1, 1.4, 1.1, 1.3, 1.2, 1.3, 1.6, 1.7, 1.4),
                small=True,
            )
            return
        self.para(self.t("checklist_full"))
        for area, clauses in self._by_area():
            self.heading(2, self.t("area_heading", c.area_title(area), area))
            for clause in clauses:
                self.para(
                    self.t("clause_heading", clause.key, clause.title),
                    bold=True,
                    keep_next=True,
                    space_before=6,
                )
                self._checklist(clause, self.t("check_table", clause.key))


# ---------------------------------------------------------------------------------- API
def _short_name(text: str, zh: bool) -> str:
    """A principle's name as the guide gives it: '价值导向原则：…' → '价值导向',
    'Principle of value orientation: …' → 'value orientation'."""
    head = text.split("：" if zh else ":", 1)[0].strip()
    for affix in ("原则", "准则") if zh else ("Principle of ", "Criterion of "):
        head = head.removesuffix(affix) if zh else head.removeprefix(affix)
    return head


def has_details(content: Content) -> bool:
    """Whether the appendix of supporting detail has anything to hold."""
    moved = len(content.rounds) >= 2 and moved_clauses(content.rounds[-2][1], content.report)
    return bool(
        content.items["system"]
        or content.items["kpi"]
        or content.items["fieldwork"]
        or content.items["initiative"]
        or moved
    )


def _template_cover(document: Document) -> bool:
    """Whether the template's body has content (kept as the cover); empty paragraphs go."""
    body = document.element.body
    has = False
    for child in list(body):
        if child.tag == qn("w:sectPr"):
            continue
        if child.tag == qn("w:p"):
            text = "".join(child.itertext()).strip()
            visual = (
                child.find(".//" + qn("w:drawing")) is not None
                or child.find(".//" + qn("w:pict")) is not None
                or child.find(".//" + qn("w:sectPr")) is not None
            )
            if not text and not visual:
                body.remove(child)
                continue
        has = True
    return has


def build_proposal(
    content: Content,
    target: Path,
    *,
    figures: dict[str, bytes] | None = None,
    template: Path | None = None,
    sections: Collection[str] = SECTIONS,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Path:
    """Write the proposal to ``target`` atomically and return it.

    ``sections`` picks parts of :data:`SECTIONS` (always written in that order);
    ``progress(done, total)`` is called after each; when ``cancelled()`` turns true the export
    stops with :class:`ExportCancelled` and nothing is written. A ``template`` is checked first
    (:class:`~dtbench.deliverables.docx_template.TemplateError`).
    """
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown sections: {', '.join(sorted(unknown))}")
    chosen = [code for code in SECTIONS if code in sections]
    if not has_details(content):  # an appendix with nothing in it is left out
        chosen = [code for code in chosen if code != "supporting"]
    if content.benchmark is None:  # not asked for, or too few engagements to compare
        chosen = [code for code in chosen if code != "benchmark"]

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled()

    check()
    document = open_template(template) if template is not None else None
    if figures is None and any(code in FIGURE_SECTIONS for code in chosen):
        from dtbench.deliverables.figures import render_figures

        figures = render_figures(content, sections=chosen)
    check()

    def write(tmp: Path) -> None:
        doc = document if document is not None else new_document()
        cover_kept = _template_cover(doc) if document is not None else False
        styles = prepare(doc, content.lang, from_template=document is not None)
        writer = _Writer(content, doc, styles, figures or {})
        writer.planned = chosen
        total = len(chosen)
        for done, code in enumerate(chosen, 1):
            check()
            if code in APPENDICES:  # lettered in the order they come
                writer.appendix = chr(ord("A") + sum(1 for k in writer.chapters if k in APPENDICES))
            if code == "cover":
                writer.cover(cover_kept)
            else:
                getattr(writer, code)()
            if progress is not None:
                progress(done, total)
        writer.finish_toc()
        writer.frame(cover_first="cover" in chosen and not cover_kept)
        for node in doc.element.body.iter(qn("w:t")):  # whoever typed it: one range dash,
            text = node.text or ""  # no brackets in brackets
            if any(d in text for d in "–—～~"):
                text = range_dashes(text, content.lang)
            if text.count("（") > 1 or text.count("(") > 1:
                text = unnest_brackets(text, content.lang)
            if text != (node.text or ""):
                node.text = text
        set_metadata(doc, content)
        check()
        doc.save(str(tmp))

    return write_atomically(target, write)
