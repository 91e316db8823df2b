"""The Fieldwork step: the interview plan (who, when, where, on which clauses; planned, held
or cancelled), suggested from the scope and the client's contacts or drafted from the
interviewees of the clauses, with each interview's guide and the schedule to print; and on
a second tab the workshops held, the sites visited and the documents reviewed. Both tabs
edit one list of fieldwork records, which the proposal's fieldwork section shows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dtbench.lazy import lazy_module
from dtbench.plan import catalogue as cat
from dtbench.plan.fieldwork import draft_interviews
from dtbench.plan.records import Fieldwork, PlanItem
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit import settings as prefs
from dtbench.ui.kit.choices import option_pairs
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.kit.tasks import run_task, show_failure
from dtbench.ui.plan.record_editor import Field, RecordEditor
from dtbench.ui.plan.session import PlanSession

if TYPE_CHECKING:
    from dtbench.deliverables import interview_guide as papers
    from dtbench.plan import interviews as plan_interviews
else:
    papers = lazy_module("dtbench.deliverables.interview_guide")
    plan_interviews = lazy_module("dtbench.plan.interviews")

FOLDER_KEY = "interviews/folder"


def _is_interview(item: PlanItem) -> bool:
    return isinstance(item.record, Fieldwork) and item.record.kind == "interview"


class InterviewEditor(RecordEditor):
    """The fieldwork records that are interviews."""

    def visible_items(self) -> list[PlanItem]:
        return [i for i in self.session.items(self.kind) if _is_interview(i)]


class OtherFieldworkEditor(RecordEditor):
    """The workshops, site visits and documents."""

    def visible_items(self) -> list[PlanItem]:
        return [i for i in self.session.items(self.kind) if not _is_interview(i)]


class FieldworkPage(QWidget):
    def __init__(
        self, session: PlanSession, diagnosis: DiagnosisSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.diagnosis = diagnosis
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.editor = InterviewEditor(
            session,
            "fieldwork",
            self._interview_fields(),
            lambda: Fieldwork(kind="interview", subject=self.tr("New interview"), status="planned"),
            lambda r: r.subject,
            self,
        )
        self.others = OtherFieldworkEditor(
            session,
            "fieldwork",
            self._other_fields(),
            lambda: Fieldwork(kind="workshop", subject=self.tr("New workshop")),
            lambda r: r.subject,
            self,
        )
        # two editors of one kind: names of their own for the second
        for widget, name in (
            (self.others.table, "other_fieldwork_table"),
            (self.others.add_button, "other_fieldwork_add"),
            (self.others.remove_button, "other_fieldwork_remove"),
        ):
            widget.setObjectName(name)
        self.suggest_button = QPushButton(self)
        self.suggest_button.setObjectName("suggest_interviews")
        self.suggest_button.clicked.connect(self.suggest)
        self.draft_button = QPushButton(self)
        self.draft_button.setObjectName("draft_interviews")
        self.draft_button.clicked.connect(self.draft)
        self.guide_button = QPushButton(self)
        self.guide_button.setObjectName("print_interview_guide")
        self.guide_button.clicked.connect(lambda: self.print_guide())
        self.schedule_button = QPushButton(self)
        self.schedule_button.setObjectName("print_interview_schedule")
        self.schedule_button.clicked.connect(lambda: self.print_schedule())
        # a row of their own: beside the list's buttons they made the page wider than a
        # laptop's window at 150 %
        papers_bar = QHBoxLayout()
        for button in (
            self.suggest_button,
            self.draft_button,
            self.guide_button,
            self.schedule_button,
        ):
            papers_bar.addWidget(button)
        papers_bar.addStretch(1)
        self.written = QLabel(self)
        self.written.setObjectName("interview_papers_written")
        self.written.setWordWrap(True)
        interviews_tab = QWidget(self)
        tab_layout = QVBoxLayout(interviews_tab)
        tab_layout.setContentsMargins(0, 0, 0, 0)
        tab_layout.addLayout(papers_bar)
        tab_layout.addWidget(self.editor, 1)
        tab_layout.addWidget(self.written)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("fieldwork_tabs")
        self.tabs.addTab(interviews_tab, "")
        self.tabs.addTab(self.others, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def _clause_options(self) -> list[tuple[str, str]]:
        lang = ui_language()
        return [(c.key, c.label(lang)) for c in self.diagnosis.guide.clauses()]

    def _interview_fields(self) -> list[Field]:
        return [
            Field("subject", self.tr("Interviewee"), "text", column=True),
            Field("role", self.tr("Role"), "text", column=True),
            Field("department", self.tr("Department"), "text"),
            Field(
                "status",
                self.tr("Status"),
                "choice",
                lambda: option_pairs(cat.INTERVIEW_STATUSES),
                column=True,
            ),
            Field("held_on", self.tr("Date"), "date", column=True),
            Field("starts", self.tr("Time"), "time", column=True),
            Field("minutes", self.tr("Minutes"), "int", low=0, high=600),
            Field("place", self.tr("Place"), "text", column=True),
            Field("clauses", self.tr("Clauses to cover"), "multi", self._clause_options),
            Field("notes", self.tr("Topics and observations"), "longtext"),
        ]

    def _other_fields(self) -> list[Field]:
        return [
            Field("subject", self.tr("Who / what"), "text", column=True),
            Field(
                "kind",
                self.tr("Kind"),
                "choice",
                lambda: option_pairs(cat.FIELDWORK_KINDS),
                column=True,
            ),
            Field("role", self.tr("Role, department / provided by"), "text", column=True),
            Field("held_on", self.tr("Date"), "date", column=True),
            Field("notes", self.tr("Topics and observations"), "longtext"),
            Field("clauses", self.tr("Clauses it informed"), "clauses"),
        ]

    # ------------------------------------------------------------ adding
    def suggest(self) -> int:
        """Add planned interviews for the clauses in scope that no interview covers yet: the
        client's contacts whose role fits, else the role to name; one undo step."""
        self.flush()
        suggested = plan_interviews.suggest_for(self.session.store, self.session.engagement)
        if not suggested:
            QMessageBox.information(
                self,
                self.tr("Suggest interviews"),
                self.tr("Every clause in scope is covered by a planned or held interview."),
            )
            return 0
        self.session.add_many(
            list(suggested), self.tr("Suggest %1 interviews").replace("%1", str(len(suggested)))
        )
        return len(suggested)

    def draft(self) -> int:
        """Add an interview for each person named as an interviewee of the clauses (of the
        round shown in the diagnosis) who is not in the register yet; one undo step."""
        self.flush()
        existing = [i.record for i in self.session.items("fieldwork")]
        drafted = draft_interviews(self.diagnosis.data.clauses, existing)
        if not drafted:
            QMessageBox.information(
                self,
                self.tr("Draft interviews"),
                self.tr(
                    "Everyone named as an interviewee of the clauses is already in the "
                    "register (the interviewees are entered with each clause's findings)."
                ),
            )
            return 0
        self.session.add_many(
            list(drafted), self.tr("Draft %1 interviews").replace("%1", str(len(drafted)))
        )
        return len(drafted)

    # ------------------------------------------------------------ printing
    def _folder(self) -> Path:
        saved = prefs.settings().value(FOLDER_KEY)
        if isinstance(saved, str) and Path(saved).is_dir():
            return Path(saved)
        documents = Path.home() / "Documents"
        return documents if documents.is_dir() else Path.home()

    def _ask(self, title: str, name: str) -> Path | None:
        safe = "".join("-" if ch in '\\/:*?"<>|' else ch for ch in name).strip() or "dtbench"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, title, str(self._folder() / f"{safe}.docx"), self.tr("Word documents (*.docx)")
        )
        if not chosen:
            return None
        return Path(chosen if chosen.lower().endswith(".docx") else chosen + ".docx")

    def print_guide(self, target: Path | None = None) -> None:
        """Write the guide of the selected interview, in the engagement's language, to a
        file the consultant chooses (``target`` skips the question)."""
        self.flush()
        item = self.editor.current_item()
        if item is None or not _is_interview(item):
            return
        record = item.record
        if target is None:
            name = self.tr("Interview guide %1").replace("%1", record.subject)
            target = self._ask(self.tr("Print interview guide"), name)
        if target is not None:
            store, engagement = self.session.store, self.session.engagement
            number = [i.uuid for i in self.editor.visible_items()].index(item.uuid) + 1

            def work(_context: object) -> Path:
                loaded = papers.load_papers(store, engagement)
                return papers.write_guide(loaded, papers.pick(loaded, number), target)

            self._write(work)

    def print_schedule(self, target: Path | None = None) -> None:
        """Write the schedule of the planned interviews for the client's coordinator."""
        self.flush()
        if target is None:
            target = self._ask(self.tr("Print schedule"), self.tr("Interview schedule"))
        if target is not None:
            store, engagement = self.session.store, self.session.engagement

            def work(_context: object) -> Path:
                return papers.write_schedule(papers.load_papers(store, engagement), target)

            self._write(work)

    def _write(self, work: Any) -> None:
        def written(path: Path) -> None:
            prefs.settings().setValue(FOLDER_KEY, str(path.parent))
            self.written.setText(self.tr("Written to %1").replace("%1", str(path)))

        def failed(error: BaseException) -> None:
            self.written.clear()
            show_failure(self, error)

        run_task(
            work,
            owner=self,
            on_success=written,
            on_failure=failed,
            label=self.tr("Writing…"),
            modal=True,
        )

    # ------------------------------------------------------------ the page
    def refresh(self) -> None:
        self.editor.refresh()
        self.others.refresh()

    def flush(self) -> None:
        self.editor.flush()
        self.others.flush()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "What the diagnosis rests on: the interviews planned and held, the workshops, "
                "the sites visited and the documents reviewed. Pick an interview in progress "
                "on the Diagnosis step to keep what each person said. The proposal lists the "
                "held interviews in its background chapter."
            )
        )
        self.tabs.setTabText(0, self.tr("&Interviews"))
        self.tabs.setTabText(1, self.tr("&Workshops, sites and documents"))
        self.suggest_button.setText(self.tr("&Suggest interviews"))
        self.draft_button.setText(self.tr("&Draft interviews from the diagnosis"))
        self.guide_button.setText(self.tr("&Print interview guide…"))
        self.schedule_button.setText(self.tr("Print s&chedule…"))
        self.editor.relabel(self._interview_fields())
        self.others.relabel(self._other_fields())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
