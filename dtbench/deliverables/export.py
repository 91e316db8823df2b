"""One export run: gather the engagement once, draw the charts once, write the chosen
documents (each atomically), report progress and honour cancellation. Used by the CLI and,
on a worker thread, by the export dialog."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from dtbench.errors import QT_TRANSLATE_NOOP, UserError
from dtbench.store.database import Store

if TYPE_CHECKING:
    from dtbench.reports.benchmark_charts import BenchmarkData
    from dtbench.reports.render_pool import RenderPool

Progress = Callable[[str, int, int], None]  # stage, done, total


class TocNotNumbered(UserError):
    """Not an error: the table of contents is there, its page numbers are not yet."""

    context = "ExportError"
    template = QT_TRANSLATE_NOOP(
        "ExportError",
        "The table of contents lists every chapter but has no page numbers yet: LibreOffice, "
        "which lays the pages out, is not installed. Word adds them when you update the "
        "table (right-click it, Update Field).",
    )


class PdfUnavailable(UserError):
    """The PDF needs LibreOffice, which this machine does not have."""

    context = "ExportError"
    template = QT_TRANSLATE_NOOP(
        "ExportError",
        "The PDF could not be written: it is made with LibreOffice, which is not installed "
        "on this computer. Install LibreOffice, or export the Word file and save it as PDF "
        "from Word or WPS.",
    )


class PdfFailed(UserError):
    """LibreOffice did not turn the proposal into a PDF (crashed or took too long)."""

    context = "ExportError"
    template = QT_TRANSLATE_NOOP(
        "ExportError",
        "LibreOffice could not turn the proposal into %1; the Word file is complete. Try "
        "again, or save it as PDF from Word or WPS.",
    )


@dataclass(frozen=True)
class ExportRequest:
    engagement: str
    docx: Path | None = None
    pdf: Path | None = None  # the proposal as PDF too (needs LibreOffice)
    xlsx: Path | None = None
    lang: str | None = None  # None: the engagement's deliverable language
    template: Path | None = None
    sections: Collection[str] | None = None  # None: every section of the proposal
    record_issue: bool = True  # note the proposal's version and date in the engagement
    # The firm benchmark chapter's data (dtbench.team.benchmark.proposal_data), when the
    # consultant chose it and enough engagements compare; None leaves the chapter out.
    benchmark: BenchmarkData | None = None
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    # Filled by run_export: what the user should know though nothing failed (the template's
    # macros, outside links and fetching fields were left out). The CLI prints each as one
    # line on stderr; the export dialog shows them.
    notices: list[UserError] = field(default_factory=list, compare=False)


def run_export(
    store: Store,
    request: ExportRequest,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    pool: RenderPool | None = None,
) -> list[Path]:
    """Write the requested documents; returns their paths. Raises UserError subclasses with
    a message for the user (template unusable, file locked, folder missing) and
    ExportCancelled when ``cancelled()`` turned true (nothing is left half-written).

    ``pool``: chart workers to draw the proposal's charts side by side (the application's,
    already running); without it they are drawn one after the other here."""
    from dtbench.reports.memory import give_back

    try:
        return _write(store, request, progress, cancelled, pool)
    finally:
        # The documents' trees (python-docx, openpyxl, lxml) are freed by now, but the C
        # library keeps their pages: 50–70 MB held by the application after each export.
        give_back()


def _write(
    store: Store,
    request: ExportRequest,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    pool: RenderPool | None,
) -> list[Path]:
    import time

    from dtbench.deliverables.content import gather

    def report(stage: str, done: int, total: int) -> None:
        if progress is not None:
            progress(stage, done, total)

    # At once: the progress shows the first stage before anything slow has started.
    report("gather", 0, 1)
    clock = time.perf_counter()
    written: list[Path] = []
    _check_outputs(request)
    soffice = None
    if request.pdf is not None:
        from dtbench.deliverables.office import find_soffice

        soffice = find_soffice()
        if soffice is None:  # said before any work is done
            raise PdfUnavailable()
    if request.docx is not None and request.template is not None:
        from dtbench.deliverables.docx_template import check_template

        notice = check_template(request.template)  # before any work: a clear message at once
        if notice is not None:
            request.notices.append(notice)
    content = gather(store, request.engagement, request.lang)
    if request.benchmark is not None:
        content = replace(content, benchmark=request.benchmark)
    report("gather", 1, 1)
    request.timings["gather"] = time.perf_counter() - clock
    with tempfile.TemporaryDirectory(prefix="dtbench-export-") as scratch:
        # the PDF alone: the Word file it is made from is written where nobody sees it
        docx = request.docx or (Path(scratch) / "proposal.docx" if request.pdf else None)
        if docx is not None:
            from dtbench.deliverables.docx_proposal import SECTIONS, build_proposal
            from dtbench.deliverables.figures import render_figures

            sections = SECTIONS if request.sections is None else request.sections
            clock = time.perf_counter()
            figures = render_figures(
                content,
                pool=pool,
                cancelled=cancelled,
                progress=lambda done, total: report("charts", done, total),
                sections=sections,
            )
            request.timings["charts"] = time.perf_counter() - clock
            clock = time.perf_counter()
            build_proposal(
                content,
                docx,
                figures=figures,
                template=request.template,
                sections=sections,
                progress=lambda done, total: report("docx", done, total),
                cancelled=cancelled,
            )
            request.timings["docx"] = time.perf_counter() - clock
            if "toc" in sections:
                from dtbench.deliverables.toc import paginate

                clock = time.perf_counter()
                report("toc", 0, 1)
                # with LibreOffice the table of contents gets its page numbers; without it
                # the entries are there and Word numbers them when the field is updated
                if not paginate(docx, cancelled):
                    request.notices.append(TocNotNumbered())
                report("toc", 1, 1)
                request.timings["toc"] = time.perf_counter() - clock
            if request.docx is not None:
                written.append(request.docx)
            if request.pdf is not None and soffice is not None:
                written.append(_pdf(docx, request.pdf, soffice, Path(scratch), report, cancelled))
            if request.record_issue:
                from dtbench.plan.service import record_issue

                record_issue(store, request.engagement, content.generated)
    if request.xlsx is not None:
        from dtbench.deliverables.xlsx_plan import build_action_plan

        clock = time.perf_counter()
        written.append(
            build_action_plan(
                content,
                request.xlsx,
                progress=lambda done, total: report("xlsx", done, total),
                cancelled=cancelled,
            )
        )
        request.timings["xlsx"] = time.perf_counter() - clock
    return written


def _check_outputs(request: ExportRequest) -> None:
    """Every file the export will write can be written where it goes: said before seconds of
    drawing, naming the folder or file (the same checks the writing itself makes)."""
    from dtbench.deliverables.files import check_writable

    for target in (request.docx, request.pdf, request.xlsx):
        if target is not None:
            check_writable(target)


def _pdf(
    docx: Path,
    target: Path,
    soffice: str,
    scratch: Path,
    report: Callable[[str, int, int], None],
    cancelled: Callable[[], bool] | None,
) -> Path:
    """The proposal laid out by LibreOffice (fonts embedded), written atomically."""
    import shutil

    from dtbench.deliverables.files import write_atomically
    from dtbench.deliverables.office import to_pdf

    report("pdf", 0, 1)
    folder = scratch / "pdf"
    folder.mkdir(exist_ok=True)
    made = to_pdf(docx, folder, soffice, cancelled)
    if made is None:
        raise PdfFailed(target.name)

    def copy(tmp: Path) -> None:
        shutil.copyfile(made, tmp)

    write_atomically(target, copy)
    report("pdf", 1, 1)
    return target
