"""The Key findings step (核心发现): the handful of themes the diagnosis comes down to, each
with a title stating the problem, what was seen, why it matters, what it rests on and the
clauses it concerns. Candidates are drafted from the diagnosis for the consultant to rewrite,
merge or drop; the findings lead the proposal's diagnosis chapter."""

from __future__ import annotations

import msgspec
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.input_rules import MAX_TITLE_CHARS
from dtbench.plan.checks import check_findings
from dtbench.plan.records import Finding
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.window_fit import resize_within_screen
from dtbench.ui.plan.record_editor import Field, RecordEditor
from dtbench.ui.plan.session import PlanSession

UUID_ROLE = Qt.ItemDataRole.UserRole


def _tip(finding: Finding) -> str:
    return "\n\n".join(t for t in (finding.observations, finding.impact) if t.strip())


class DraftFindingsDialog(QDialog):
    """Candidate findings drafted from the diagnosis: tick the ones to accept; titles may be
    edited here."""

    def __init__(self, candidates: list[Finding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidates = candidates
        self.setWindowTitle(self.tr("Draft key findings from the diagnosis"))
        resize_within_screen(self, 900, 480)
        intro = QLabel(
            self.tr(
                "One candidate per part of the guide where the gaps are largest, quoting your "
                "clause findings and checkpoint notes. Untick the ones to drop; edit titles "
                "here and rewrite or merge the rest after accepting."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(candidates), 2, self)
        self.table.setObjectName("finding_candidates")
        self.table.verticalHeader().hide()
        self.table.setHorizontalHeaderLabels([self.tr("Finding"), self.tr("Clauses")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, finding in enumerate(candidates):
            title = QTableWidgetItem(finding.title)
            title.setFlags(title.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            title.setCheckState(Qt.CheckState.Checked)
            title.setToolTip(_tip(finding))
            self.table.setItem(row, 0, title)
            cell = QTableWidgetItem(", ".join(finding.clauses))
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            cell.setToolTip(_tip(finding))
            self.table.setItem(row, 1, cell)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Accept the ticked ones"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        none = buttons.addButton(self.tr("Tick none"), QDialogButtonBox.ButtonRole.ResetRole)
        none.clicked.connect(self._untick)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _untick(self) -> None:
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            if cell is not None:
                cell.setCheckState(Qt.CheckState.Unchecked)

    def accepted_findings(self) -> list[Finding]:
        out = []
        for row, finding in enumerate(self.candidates):
            cell = self.table.item(row, 0)
            if cell is not None and cell.checkState() == Qt.CheckState.Checked:
                title = cell.text().strip()[:MAX_TITLE_CHARS] or finding.title
                out.append(msgspec.structs.replace(finding, title=title))
        return out


class FindingsPage(QWidget):
    """A list of key findings with a form, and the draft from the diagnosis."""

    def __init__(
        self, plan: PlanSession, diagnosis: DiagnosisSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.diagnosis = diagnosis
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.editor = RecordEditor(
            plan,
            "finding",
            self._fields(),
            lambda: Finding(title=self.tr("New key finding")),
            lambda r: r.title,
            self,
            validate_field=self._validate_field,
        )
        self.draft_button = QPushButton(self)
        self.draft_button.setObjectName("draft_findings")
        self.draft_button.clicked.connect(self.draft)
        self.editor.extra_bar.insertWidget(4, self.draft_button)
        self.problems_label = QLabel(self)
        self.problems = QListWidget(self)
        self.problems.setObjectName("finding_problems")
        self.problems.setMaximumHeight(80)
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems_label.setBuddy(self.problems)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems)
        plan.items_changed.connect(self._items_changed)
        self.retranslate()

    def _fields(self) -> list[Field]:
        return [
            Field("title", self.tr("Title (the problem)"), "text", column=True),
            Field("clauses", self.tr("Clauses concerned"), "clauses", column=True),
            Field("observations", self.tr("What we saw"), "longtext"),
            Field("impact", self.tr("Why it matters"), "longtext"),
            Field("sources", self.tr("Based on (interviews, documents)"), "longtext"),
        ]

    def _validate_field(self, _uuid: str, name: str, value: object) -> str | None:
        if name == "title" and not str(value).strip():
            return self.tr("A key finding needs a title that states the problem.")
        if name == "clauses":
            assert isinstance(value, tuple)
            known = {c.key for c in self.diagnosis.guide.clauses()}
            unknown = [k for k in value if k not in known]
            if unknown:
                return self.tr("Not a clause of the guide: %1").replace("%1", ", ".join(unknown))
        return None

    def _items_changed(self, kind: str) -> None:
        if kind == "finding":
            self._update_problems()

    def _update_problems(self) -> None:
        from PySide6.QtCore import QCoreApplication

        problems = check_findings(self.plan.items("finding"))
        self.problems.clear()
        for p in problems:
            item = QListWidgetItem("⚠ " + p.message(QCoreApplication.translate))
            item.setData(UUID_ROLE, p.item)
            self.problems.addItem(item)
        if not problems:
            self.problems.addItem(self.tr("Each key finding says what was seen and cites clauses."))
        self.problems_label.setText(
            self.tr("Chec&ks: %1 problem(s)").replace("%1", str(len(problems)))
        )

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        uuid = item.data(UUID_ROLE)
        if uuid:
            self.editor.select(str(uuid))

    def draft(self) -> None:
        from dtbench.plan.findings_draft import draft_findings

        existing = [i.record for i in self.plan.items("finding")]
        candidates = draft_findings(
            self.diagnosis.guide,
            self.diagnosis.report,
            self.diagnosis.data,
            self.plan.language,
            existing,
        )
        if not candidates:
            self.plan.error.emit(
                self.tr(
                    "There is nothing to draft: no clause shows a gap that the key findings do "
                    "not already cover. Answer the checkpoints and set target levels in the "
                    "Diagnosis step first."
                )
            )
            return
        dialog = DraftFindingsDialog(candidates, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.accept_candidates(dialog.accepted_findings())

    def accept_candidates(self, accepted: list[Finding]) -> None:
        """Add the accepted candidates as one undo step."""
        text = self.tr("Add %1 drafted key findings").replace("%1", str(len(accepted)))
        self.plan.add_many(accepted, text)

    def refresh(self) -> None:
        self.editor.refresh()
        self._update_problems()

    def flush(self) -> None:
        self.editor.flush()

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "Bring the diagnosis together in a handful of key findings (typically 3–7), "
                "each stating a problem, what was seen, why it matters for the business and "
                "the clauses it concerns. They lead the proposal's diagnosis chapter, in this "
                "order (Alt+↑ and Alt+↓ move the selected one)."
            )
        )
        self.draft_button.setText(self.tr("&Draft from the diagnosis…"))
        self.editor.relabel(self._fields())
        self._update_problems()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
