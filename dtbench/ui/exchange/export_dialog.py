"""Export the client documents: choose files, language, template and sections, edit the
executive summary; the export runs on a worker thread behind a progress dialog that can
cancel it; a locked file gets a message and a retry; afterwards open the file or its folder."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from dtbench.deliverables.docx_texts import SECTIONS
from dtbench.engagement import service as engagements
from dtbench.engagement.firm import load_firm
from dtbench.errors import UserError
from dtbench.guide.model import fill
from dtbench.lazy import lazy_module
from dtbench.plan import catalogue as cat
from dtbench.plan.records import Deliverable
from dtbench.plan.service import MAX_VERSION_CHARS
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.labels import language_label
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.kit.tasks import Task, TaskContext, run_task
from dtbench.ui.kit.window_fit import resize_within_screen
from dtbench.ui.plan.session import PlanSession

if TYPE_CHECKING:
    from dtbench.deliverables import content as content_module
    from dtbench.deliverables import preflight as preflight_module
    from dtbench.deliverables.export import ExportRequest
    from dtbench.deliverables.preflight import Check, Target
    from dtbench.reports.benchmark_charts import BenchmarkData
    from dtbench.store.database import Store
else:
    content_module = lazy_module("dtbench.deliverables.content")
    preflight_module = lazy_module("dtbench.deliverables.preflight")

CODE_ROLE = Qt.ItemDataRole.UserRole
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKS_HEIGHT = 130  # about five lines: the list stays above the buttons, the form above it


class _CheckList(QListWidget):
    """The preflight's list: Enter goes to the current check and stops there (a list view
    passes Enter on, and the dialog would take it for its default button: Export)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            event.accept()
            self.itemActivated.emit(item)
            return
        super().keyPressEvent(event)


class ExportDialog(QDialog):
    finished_export = Signal(object)  # list[Path] on success, else the exception

    def __init__(
        self,
        store: Store,
        plan: PlanSession,
        engagement: str,
        default_name: str,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.plan = plan
        self.engagement = engagement
        self.task: Task[list[Path]] | None = None
        self.written: list[Path] = []
        # A check of the preflight the consultant chose to fix: the dialog closes and the
        # main window goes there.
        self.chosen_target: Target | None = None
        self._content: content_module.Content | None = None  # as last gathered
        self._content_lang = ""  # the language it was gathered in
        self.setWindowTitle(self.tr("Export client documents"))
        resize_within_screen(self, 760, 720)  # the preflight list below the form
        folder = Path.home() / "Documents"
        folder = folder if folder.is_dir() else Path.home()

        self.word = QCheckBox(self.tr("&Word proposal (.docx)"), self)
        self.word.setChecked(True)
        self.word_path = QLineEdit(str(folder / f"{default_name}.docx"), self)
        self.word_path.setObjectName("docx_path")
        from dtbench.deliverables.office import find_soffice

        self.pdf = QCheckBox(self.tr("Also as &PDF, beside the Word file"), self)
        self.pdf.setObjectName("pdf")
        self.pdf_possible = find_soffice() is not None
        if not self.pdf_possible:  # said where the option is, not after a failed export
            self.pdf.setText(self.tr("Also as PDF (needs LibreOffice, not installed)"))
            self.pdf.setToolTip(
                self.tr(
                    "The PDF is made with LibreOffice. Install it, or save the Word file as "
                    "PDF from Word or WPS."
                )
            )
        self.excel = QCheckBox(self.tr("E&xcel action plan (.xlsx)"), self)
        self.excel.setChecked(True)
        self.excel_path = QLineEdit(str(folder / f"{default_name}.xlsx"), self)
        self.excel_path.setObjectName("xlsx_path")
        self.language = QComboBox(self)
        for code in ("zh", "en"):
            self.language.addItem(language_label(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.template = QLineEdit(self)
        self.template.setObjectName("template_path")
        self.template.setPlaceholderText(self.tr("None: dtbench's own layout"))
        self.firm = QLineEdit(self)
        self.firm.setObjectName("firm")
        self.version = QLineEdit(self)
        self.version.setObjectName("version")
        self.version.setMaxLength(MAX_VERSION_CHARS)
        self.author = QLineEdit(self)
        self.author.setObjectName("author")
        self.reviewer = QLineEdit(self)
        self.reviewer.setObjectName("reviewer")
        self.approver = QLineEdit(self)
        self.approver.setObjectName("approver")
        self.confidentiality = QComboBox(self)
        self.confidentiality.setObjectName("confidentiality")
        self.history = QLabel(self)
        self.history.setObjectName("history")
        self.history.setWordWrap(True)
        self.sections = QListWidget(self)
        self.sections.setObjectName("sections")
        for code in SECTIONS:
            item = QListWidgetItem(self._section_label(code))
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # The firm benchmark goes to a client only when the consultant chooses it.
            chosen = code != "benchmark"
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.sections.addItem(item)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summary")
        self.summary.setTabChangesFocus(True)
        self.redraft = QPushButton(self.tr("Re&draft from the scores"), self)
        self.checks_label = QLabel(self)
        self.checks_label.setObjectName("preflight_heading")
        self.checks = _CheckList(self)
        self.checks.setObjectName("preflight")
        self.checks.setWordWrap(True)
        self.checks.setMaximumHeight(CHECKS_HEIGHT)
        self.checks.setIconSize(QSize(16, 16))
        self.checks_label.setBuddy(self.checks)
        self.checks.itemActivated.connect(self._go_to_check)

        grid = QGridLayout()
        for row, (box, line, suffix) in enumerate(
            ((self.word, self.word_path, "docx"), (self.excel, self.excel_path, "xlsx"))
        ):
            browse = QPushButton(self.tr("Browse…"), self)
            browse.clicked.connect(lambda _c=False, e=line, s=suffix: self._browse(e, s))
            grid.addWidget(box, 2 * row, 0)
            grid.addWidget(line, 2 * row, 1)
            grid.addWidget(browse, 2 * row, 2)
        grid.addWidget(self.pdf, 1, 1)
        form = QFormLayout()
        language_label_widget = QLabel(self.tr("&Language of the documents:"), self)
        language_label_widget.setBuddy(self.language)
        form.addRow(language_label_widget, self.language)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_browse = QPushButton(self.tr("Choose…"), self)
        template_browse.clicked.connect(self._choose_template)
        template_row.addWidget(template_browse)
        template_label = QLabel(self.tr("Firm &template:"), self)
        template_label.setBuddy(self.template)
        form.addRow(template_label, template_row)
        firm_label = QLabel(self.tr("Consulting &firm:"), self)
        firm_label.setBuddy(self.firm)
        form.addRow(firm_label, self.firm)
        control = QGridLayout()
        for column, (text, widget) in enumerate(
            (
                (self.tr("&Version:"), self.version),
                (self.tr("Pre&pared by:"), self.author),
                (self.tr("&Reviewed by:"), self.reviewer),
                (self.tr("Appr&oved by:"), self.approver),
                (self.tr("Classificatio&n:"), self.confidentiality),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            control.addWidget(label, 0, column)
            control.addWidget(widget, 1, column)
        control.addWidget(self.history, 2, 0, 1, 5)
        control_label = QLabel(self.tr("Document control:"), self)
        form.addRow(control_label, control)
        sections_label = QLabel(self.tr("Sections of the proposal:"), self)
        summary_label = QLabel(self.tr("E&xecutive summary (edit before exporting):"), self)
        summary_label.setBuddy(self.summary)
        lower = QGridLayout()
        lower.addWidget(sections_label, 0, 0)
        lower.addWidget(self.sections, 1, 0)
        lower.addWidget(summary_label, 0, 1)
        lower.addWidget(self.summary, 1, 1)
        lower.addWidget(self.redraft, 2, 1, Qt.AlignmentFlag.AlignRight)
        lower.setColumnStretch(1, 2)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addLayout(lower, 1)
        layout.addWidget(self.checks_label)
        layout.addWidget(self.checks)
        layout.addWidget(self.buttons)

        self.word.toggled.connect(self._update)
        self.excel.toggled.connect(self._update)
        self.language.currentIndexChanged.connect(lambda _i: self._load_summary())
        self.redraft.clicked.connect(lambda: self._load_summary(draft=True))
        for edit in (self.firm, self.author, self.reviewer, self.approver):
            edit.editingFinished.connect(self.recheck)
        deliverable = plan.value("deliverable")
        self.firm.setText(deliverable.consulting_firm)
        self.firm.setPlaceholderText(
            load_firm().name(language) or self.tr("Set in Edit ▸ Preferences")
        )
        self.version.setText(deliverable.version)
        self.author.setText(deliverable.author)
        self.author.setPlaceholderText(engagements.get_profile(store, engagement).consultants)
        self.reviewer.setText(deliverable.reviewer)
        self.approver.setText(deliverable.approver)
        for option in cat.CONFIDENTIALITY:
            self.confidentiality.addItem(option.label.get(ui_language()), option.code)
        self.confidentiality.setCurrentIndex(
            max(0, self.confidentiality.findData(deliverable.confidentiality))
        )
        self._show_history(deliverable)
        self._load_summary()
        self._update()

    # ------------------------------------------------------------ form
    def _section_label(self, code: str) -> str:
        return {
            "cover": self.tr("Cover page"),
            "info": self.tr("Document information"),
            "toc": self.tr("Table of contents"),
            "summary": self.tr("Executive summary"),
            "background": self.tr("Background and scope"),
            "method": self.tr("Appendix: assessment method"),
            "diagnosis": self.tr("Diagnosis results"),
            "benchmark": self.tr("Firm benchmark (when five or more engagements compare)"),
            "clauses": self.tr("Appendix: findings clause by clause"),
            "strategy": self.tr("Strategy"),
            "blueprint": self.tr("Target blueprint"),
            "roadmap": self.tr("Roadmap"),
            "key_initiatives": self.tr("Key initiatives"),
            "investment": self.tr("Investment and benefits"),
            "kpis": self.tr("KPIs"),
            "leadership": self.tr("Leadership and governance"),
            "organization": self.tr("Organization and culture"),
            "risks": self.tr("Risks and responses"),
            "next_steps": self.tr("Next steps"),
            "glossary": self.tr("Appendix: glossary"),
            "checklist": self.tr("Appendix: checklist summary"),
            "supporting": self.tr("Appendix: supporting detail (systems, KPI definitions)"),
        }[code]

    def _show_history(self, deliverable: Deliverable) -> None:
        """The versions given to the client so far, so the consultant picks the next one."""
        if not deliverable.history:
            self.history.setText(self.tr("No version has been exported yet."))
            return
        issued = "; ".join(
            f"{issue.version} ({issue.issued.isoformat()})" for issue in deliverable.history[-5:]
        )
        self.history.setText(
            self.tr("Exported so far: %1. Exporting records version %2 with today's date.")
            .replace("%1", issued)
            .replace("%2", deliverable.version)
        )

    def lang(self) -> str:
        return str(self.language.currentData())

    def _load_summary(self, draft: bool = False) -> None:
        """The saved summary when it is in this language, else the generated draft; and
        the preflight of the documents in this language."""
        content = content_module.gather(self.store, self.engagement, self.lang())
        saved = self.plan.value("deliverable").summary
        if draft or not saved.strip() or content.profile.language != self.lang():
            self.summary.setPlainText(content_module.draft_summary(content))
        else:
            self.summary.setPlainText(saved)
        self._content = content
        self._content_lang = self.lang()
        self.recheck()

    def recheck(self) -> None:
        """The preflight of the documents as this dialog would write them: with the firm,
        the names and the summary typed here."""
        content = self._content
        if content is None:
            return
        deliverable = msgspec.structs.replace(
            content.deliverable,
            consulting_firm=self.firm.text().strip(),
            author=self.author.text().strip(),
            reviewer=self.reviewer.text().strip(),
            approver=self.approver.text().strip(),
        )
        edited = dataclasses.replace(content, values={**content.values, "deliverable": deliverable})
        self.show_checks(preflight_module.preflight(edited, self.summary.toPlainText()))

    # ------------------------------------------------------------ preflight
    def show_checks(self, checks: list[Check]) -> None:
        """What would go out wrong, errors first; each item leads to its field."""
        from PySide6.QtCore import QCoreApplication

        translate = QCoreApplication.translate
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self.checks.clear()
        hint = self.tr("Double-click or press Enter to go there.")
        line = self.tr("%1: %2")  # where, what
        for check in checks:
            text = fill(line, check.where(translate), check.message(translate))
            item = QListWidgetItem(icons[check.severity], text)
            item.setData(TARGET_ROLE, check.target)
            item.setToolTip(hint)
            self.checks.addItem(item)
        if checks:
            self.checks_label.setText(
                self.tr("%n issue(s) to &check before export:", "", len(checks))
            )
            self.checks.setCurrentRow(0)
        else:
            self.checks_label.setText(self.tr("Nothing to fix before export."))
        self.checks.setVisible(bool(checks))

    def _go_to_check(self, item: QListWidgetItem) -> None:
        """A field of this dialog gets the cursor; any other place closes the dialog and
        the main window goes there."""
        target = item.data(TARGET_ROLE)
        if target is None:
            return
        if target.step == "export":
            own = getattr(self, target.field, None)
            if isinstance(own, QWidget):
                own.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.task is not None:
            return  # exporting: the list waits
        self._save_settings()  # what was typed here is kept, as when exporting
        self.chosen_target = target
        self.reject()

    def _update(self) -> None:
        self.word_path.setEnabled(self.word.isChecked())
        self.pdf.setEnabled(self.word.isChecked() and self.pdf_possible)
        self.excel_path.setEnabled(self.excel.isChecked())
        self.sections.setEnabled(self.word.isChecked())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.word.isChecked() or self.excel.isChecked())

    def _browse(self, line: QLineEdit, suffix: str) -> None:
        pattern = (
            self.tr("Word documents (*.docx)")
            if suffix == "docx"
            else self.tr("Excel workbooks (*.xlsx)")
        )
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as"), line.text(), pattern)
        if path:
            if not path.lower().endswith(f".{suffix}"):
                path += f".{suffix}"
            line.setText(path)

    def _choose_template(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Firm template"), "", self.tr("Word documents (*.docx)")
        )
        if path:
            self.set_template(Path(path))

    def set_template(self, path: Path) -> bool:
        """Check a template at once; an unusable one is refused with what is wrong."""
        from dtbench.deliverables.docx_template import check_template

        try:
            notice = check_template(path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Firm template"), describe(exc))
            return False
        if notice is not None:  # macros, outside links, fetching fields: left out, and said
            QMessageBox.information(self, self.tr("Firm template"), describe(notice))
        self.template.setText(str(path))
        return True

    def chosen_sections(self) -> list[str]:
        return [
            str(self.sections.item(i).data(CODE_ROLE))
            for i in range(self.sections.count())
            if self.sections.item(i).checkState() == Qt.CheckState.Checked
        ]

    def pdf_path(self) -> Path:
        """The PDF beside the Word file, under its name."""
        return Path(self.word_path.text()).with_suffix(".pdf")

    def request(self) -> ExportRequest:
        from dtbench.deliverables.export import ExportRequest

        template = self.template.text().strip()
        return ExportRequest(
            engagement=self.engagement,
            docx=Path(self.word_path.text()) if self.word.isChecked() else None,
            pdf=self.pdf_path() if self.word.isChecked() and self.pdf.isChecked() else None,
            xlsx=Path(self.excel_path.text()) if self.excel.isChecked() else None,
            lang=self.lang(),
            template=Path(template) if template and self.word.isChecked() else None,
            sections=self.chosen_sections(),
            benchmark=self._benchmark(),
        )

    def _benchmark(self) -> BenchmarkData | None:
        """The firm benchmark chapter's data, when it is chosen (None: left out)."""
        if not self.word.isChecked() or "benchmark" not in self.chosen_sections():
            return None
        from dtbench.team.benchmark import proposal_data

        return proposal_data(self.store, self.engagement, self.lang())

    def _save_settings(self) -> None:
        """The edited summary and the firm name are part of the engagement (undoable)."""
        old = self.plan.value("deliverable")
        assert isinstance(old, Deliverable)
        # The engagement as gathered when the dialog opened (the dialog is modal: nothing
        # changed it since); gathering it again froze the window before the export started.
        content = self._content
        if content is None or self._content_lang != self.lang():
            content = content_module.gather(self.store, self.engagement, self.lang())
        text = self.summary.toPlainText().strip()
        draft = content_module.draft_summary(content).strip()
        summary = "" if text == draft else text
        new = msgspec.structs.replace(
            old,
            summary=summary,
            consulting_firm=self.firm.text().strip(),
            version=self.version.text().strip() or old.version,
            author=self.author.text().strip(),
            reviewer=self.reviewer.text().strip(),
            approver=self.approver.text().strip(),
            confidentiality=str(self.confidentiality.currentData()),
        )
        if new != old:
            self.plan.set_value("deliverable", new, self.tr("Export settings"))

    # ------------------------------------------------------------ running
    def start(self) -> None:
        self._save_settings()
        request = self.request()
        store = self.store
        labels = {
            "gather": self.tr("Gathering the engagement…"),
            "charts": self.tr("Drawing the charts…"),
            "docx": self.tr("Writing the Word proposal…"),
            "toc": self.tr("Numbering the pages of the table of contents…"),
            "pdf": self.tr("Writing the PDF…"),
            "xlsx": self.tr("Writing the Excel action plan…"),
        }
        spans = {
            "gather": (0, 5),
            "charts": (5, 35),
            "docx": (35, 55),
            "toc": (55, 70),
            "pdf": (70, 85),
            "xlsx": (85, 100),
        }

        def work(context: TaskContext) -> list[Path]:
            from dtbench.deliverables.export import run_export
            from dtbench.reports.render_pool import shared_pool

            def progress(stage: str, done: int, total: int) -> None:
                low, high = spans.get(stage, (0, 100))
                value = low + (high - low) * done // max(total, 1)
                # Nothing done yet: a moving busy bar rather than a bar stuck at 0 %.
                context.progress(labels.get(stage, stage), value, 100 if value else 0)

            return run_export(
                store,
                request,
                progress=progress,
                cancelled=context.cancelled,
                pool=shared_pool(),  # the charts, side by side in the chart workers
            )

        self.buttons.setEnabled(False)
        self.task = run_task(
            work,
            owner=self,
            on_success=self._done,
            on_failure=self._done,
            label=self.tr("Preparing…"),
            cancellable=True,
            modal=True,
        )

    def cancel(self) -> None:
        """What the progress dialog's Cancel button does."""
        if self.task is not None:
            self.task.cancel()

    def _done(self, result: Any) -> None:
        from dtbench.deliverables.cancel import ExportCancelled
        from dtbench.deliverables.files import OutputLockedError

        self.task = None
        self.buttons.setEnabled(True)
        self.finished_export.emit(result)
        if isinstance(result, ExportCancelled):
            return  # nothing written; the dialog stays for another try
        if isinstance(result, OutputLockedError):
            again = QMessageBox.question(
                self,
                self.tr("File in use"),
                describe(result) + "\n\n" + self.tr("Try again?"),
                QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
            )
            if again == QMessageBox.StandardButton.Retry:
                self.start()
            return
        if isinstance(result, BaseException):
            message = describe(result) if isinstance(result, UserError) else str(result)
            QMessageBox.warning(self, self.tr("Export failed"), message)
            return
        self.written = list(result)
        self._offer_to_open()
        self.accept()

    def reject(self) -> None:
        if self.task is not None:  # Esc while exporting: cancel the export first
            self.task.cancel()
            return
        super().reject()

    def _offer_to_open(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Export finished"))
        box.setText(self.tr("Written:\n%1").replace("%1", "\n".join(str(p) for p in self.written)))
        open_file = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_file:
            for path in self.written:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written[0].parent)))
