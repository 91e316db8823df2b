"""Per clause in a round: current and target level (with the level's description), findings,
interviewees and evidence files."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dtbench.diagnosis.records import EvidenceRecord, StoredFile
from dtbench.diagnosis.scale import LEVELS
from dtbench.errors import UserError
from dtbench.lazy import lazy_module
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.autosave import Autosave, shows
from dtbench.ui.kit.drafts import DraftFields
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.fit_combo import FitCombo
from dtbench.ui.kit.reflow import reflow
from dtbench.ui.kit.scale_labels import level_description, level_label
from dtbench.ui.kit.tasks import TaskContext, run_task, show_failure

if TYPE_CHECKING:
    from dtbench.diagnosis import service as dx
else:
    dx = lazy_module("dtbench.diagnosis.service")

UUID_ROLE = Qt.ItemDataRole.UserRole
# Narrower than this, the details are laid out one under the other.
SIDE_BY_SIDE_WIDTH = 720


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class ClauseDetails(QWidget):
    def __init__(self, session: DiagnosisSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.clause_key = ""
        self._loading = False
        self.current = FitCombo(self)
        self.current.setObjectName("current_level")
        self.target = FitCombo(self)
        self.target.setObjectName("target_level")
        self.current_help = QLabel(self)
        self.target_help = QLabel(self)
        for label in (self.current_help, self.target_help):
            label.setWordWrap(True)
            label.setObjectName("level_help")
            label.setStyleSheet("color: palette(mid);")
        self.findings = QPlainTextEdit(self)
        self.findings.setObjectName("findings")
        self.findings.setTabChangesFocus(True)
        self.interviewees = QLineEdit(self)
        self.interviewees.setObjectName("interviewees")
        self.evidence = QListWidget(self)
        self.evidence.setObjectName("evidence")
        self.evidence.setWordWrap(True)  # a long file name shown whole, on two lines
        self.attach = QPushButton(self)
        self.attach.setObjectName("attach")
        self.open_button = QPushButton(self)
        self.remove_button = QPushButton(self)

        self.current_label = QLabel(self)
        self.current_label.setBuddy(self.current)
        self.target_label = QLabel(self)
        self.target_label.setBuddy(self.target)
        self.findings_label = QLabel(self)
        self.findings_label.setBuddy(self.findings)
        self.interviewees_label = QLabel(self)
        self.interviewees_label.setBuddy(self.interviewees)
        self.evidence_label = QLabel(self)
        self.evidence_label.setBuddy(self.evidence)

        levels = QGridLayout()
        levels.addWidget(self.current_label, 0, 0)
        levels.addWidget(self.current, 0, 1)
        levels.addWidget(self.current_help, 1, 0, 1, 2)
        levels.addWidget(self.target_label, 2, 0)
        levels.addWidget(self.target, 2, 1)
        levels.addWidget(self.target_help, 3, 0, 1, 2)
        levels.setColumnStretch(1, 1)
        levels.setRowStretch(4, 1)
        self.levels_layout = levels  # row 4 takes a button of another folder (History…)

        texts = QFormLayout()
        texts.addRow(self.findings_label, self.findings)
        texts.addRow(self.interviewees_label, self.interviewees)

        buttons = QVBoxLayout()
        buttons.addWidget(self.attach)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        files = QHBoxLayout()
        files.addWidget(self.evidence, 1)
        files.addLayout(buttons)
        evidence_box = QVBoxLayout()
        evidence_box.addWidget(self.evidence_label)
        evidence_box.addLayout(files)

        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(levels, 3)
        layout.addLayout(texts, 5)
        layout.addLayout(evidence_box, 3)
        # levels, texts and evidence side by side when there is room, else one under the
        # other (a laptop at 150 %): each keeps a usable width
        reflow(self, layout, SIDE_BY_SIDE_WIDTH)

        self.autosave = Autosave(self)
        # the findings and interviewees a cancelled conflict left unsaved, per clause
        self.drafts = DraftFields(session, self.autosave)
        self.autosave.text(
            self.findings,
            lambda _final: self._commit_findings(),
            lambda: session.editing(self.clause_key, "findings"),
        )
        self.autosave.line(
            self.interviewees,
            lambda _final: self._commit_interviewees(),
            lambda: session.editing(self.clause_key, "interviewees"),
        )
        session.conflict_kept.connect(self._kept)
        self.current.activated.connect(lambda _i: self._commit_level("current", self.current))
        self.target.activated.connect(lambda _i: self._commit_level("target", self.target))
        self.attach.clicked.connect(self.choose_evidence)
        self.open_button.clicked.connect(self.open_evidence)
        self.remove_button.clicked.connect(self.remove_evidence)
        self.evidence.itemActivated.connect(lambda _item: self.open_evidence())
        self.evidence.currentRowChanged.connect(lambda _r: self._update_buttons())
        session.report_changed.connect(self._update_level_texts)
        session.evidence_changed.connect(self._evidence_changed)
        self.retranslate()

    # ------------------------------------------------------------ showing
    def show_clause(self, key: str, flushed: bool = False) -> None:
        """Show clause ``key``, saving the typing of the one shown unless the page just did
        (a second save would ask again about a conflict just cancelled)."""
        if not flushed:
            self.flush()
        self.clause_key = key
        self.reload()

    def reload(self) -> None:
        self._load_texts()
        self._update_level_texts()
        self._fill_evidence()

    def _load_texts(self) -> None:
        """The clause's findings and interviewees: a draft of this clause (marked), else
        typing not saved yet, else what is stored."""
        record = self.session.clause(self.clause_key)
        key = self.clause_key
        self._loading = self.autosave.suspended = True
        if self.drafts.load(
            key, "findings", self.findings, lambda v: self.findings.setPlainText(str(v))
        ):
            pass  # typing a conflict left unsaved: shown, marked, saved (asked) again
        # Typing not yet saved wins: it is saved after its pause, on leaving, on flush().
        elif not self.autosave.pending(self.findings) and self.findings.toPlainText() != (
            record.findings
        ):
            self.findings.setPlainText(record.findings)
        if self.drafts.load(
            key, "interviewees", self.interviewees, lambda v: self.interviewees.setText(str(v))
        ):
            pass
        elif not self.autosave.pending(self.interviewees) and not shows(
            self.interviewees.text(), record.interviewees
        ):
            self.interviewees.setText(record.interviewees)
        self._loading = self.autosave.suspended = False

    def _kept(self, clause_key: str, name: str, _value: object) -> None:
        """A save the consultant cancelled in the conflict dialog: when it is of the clause
        shown, their text stays in the field, marked as not saved, and the next save
        (leaving it) asks again; a draft of another clause waits for that clause."""
        if clause_key == self.clause_key and name in ("findings", "interviewees"):
            self._load_texts()

    def _update_level_texts(self) -> None:
        if not self.clause_key:
            return
        record = self.session.clause(self.clause_key)
        score = self.session.report.by_key.get(self.clause_key)
        suggested = None if score is None else score.suggested
        self.current.blockSignals(True)
        self.current.clear()
        if suggested is None:
            self.current.addItem(self.tr("Suggested: answer items first"), None)
        else:
            self.current.addItem(
                self.tr("Suggested: %1").replace("%1", level_label(suggested)), None
            )
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(self.tr("Not set"), None)
        for lv in LEVELS:
            for combo in (self.current, self.target):
                combo.addItem(level_label(lv.number), lv.number)
                combo.setItemData(
                    combo.count() - 1, level_description(lv.number), Qt.ItemDataRole.ToolTipRole
                )
        self.current.setCurrentIndex(max(0, self.current.findData(record.current)))
        self.target.setCurrentIndex(max(0, self.target.findData(record.target)))
        self.current.blockSignals(False)
        self.target.blockSignals(False)
        shown = record.current if record.current is not None else suggested
        self.current_help.setText(level_description(shown))
        self.target_help.setText(level_description(record.target))

    def _fill_evidence(self) -> None:
        self.evidence.clear()
        for record in self.session.evidence(self.clause_key):
            item = QListWidgetItem(f"{record.filename}  ({human_size(record.size)})")
            item.setData(UUID_ROLE, record.uuid)
            item.setToolTip(record.filename)
            self.evidence.addItem(item)
        if self.evidence.count():
            self.evidence.setCurrentRow(0)
        self._update_buttons()

    def _evidence_changed(self, clause_key: str) -> None:
        if clause_key == self.clause_key:
            self._fill_evidence()

    def _update_buttons(self) -> None:
        has = self.evidence.currentItem() is not None
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    # ------------------------------------------------------------ editing
    def _commit_level(self, name: str, combo: QComboBox) -> None:
        value = combo.currentData()
        self.flush()  # read first: saving the findings reloads the editors
        text = (
            self.tr("Current level of %1") if name == "current" else self.tr("Target level of %1")
        ).replace("%1", self.clause_key)
        self.session.set_clause(self.clause_key, name, value, text)
        self._update_level_texts()

    def flush(self) -> None:
        """Save typing that is still waiting for its idle pause."""
        self.autosave.flush()

    def _commit_findings(self) -> None:
        if not self.clause_key or self._loading:
            return
        value = self.findings.toPlainText()
        if value == self.session.clause(self.clause_key).findings:
            self._typed_back("findings")
        else:
            text = self.tr("Findings of %1").replace("%1", self.clause_key)
            self.session.set_clause(self.clause_key, "findings", value, text, typing=True)

    def _commit_interviewees(self) -> None:
        if not self.clause_key or self._loading:
            return
        value = self.interviewees.text().strip()
        if value == self.session.clause(self.clause_key).interviewees:
            self._typed_back("interviewees")
        else:
            text = self.tr("Interviewees of %1").replace("%1", self.clause_key)
            self.session.set_clause(self.clause_key, "interviewees", value, text, typing=True)

    def _typed_back(self, name: str) -> None:
        """The field says what is stored again: a draft of it has nothing left to save."""
        if self.session.draft(self.clause_key, name) is not None:
            self.session.drop_draft(self.clause_key, name)
            self._load_texts()

    def choose_evidence(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach evidence"),
            "",
            self.tr(
                "Documents and photos (*.pdf *.jpg *.jpeg *.png *.docx *.xlsx *.pptx)"
                ";;All files (*)"
            ),
        )
        self.attach_files([Path(path) for path in paths])

    def attach_files(self, paths: list[Path]) -> None:
        """Attach files to the clause shown, each an undoable step. The files are read,
        hashed and kept in the database on a task thread (one may be 50 MB), with progress
        when it takes a while; then attached to the clause and round that were shown when
        they were chosen. A file that can't be attached is reported; the others are."""
        if not paths:
            return
        store = self.session.store
        rnd, clause_key = self.session.data.round.uuid, self.clause_key

        def work(context: TaskContext) -> list[StoredFile | Exception]:
            kept: list[StoredFile | Exception] = []
            for path in paths:
                context.check()
                try:
                    kept.append(dx.store_evidence_file(store, path))
                except (UserError, OSError) as exc:
                    kept.append(exc)
            return kept

        def attach(kept: list[StoredFile | Exception]) -> None:
            for one in kept:
                if isinstance(one, StoredFile):
                    text = self.tr("Attach %1").replace("%1", one.filename)
                    self.session.attach_evidence(rnd, clause_key, one, text)
            refused = [describe(one) for one in kept if isinstance(one, Exception)]
            if refused:
                self.session.error.emit("\n".join(refused))

        label = (
            self.tr("Attaching %1…").replace("%1", paths[0].name)
            if len(paths) == 1
            else self.tr("Attaching %n files…", "", len(paths))
        )
        run_task(work, owner=self, on_success=attach, label=label, cancellable=True)

    def attach_file(self, path: Path) -> None:
        self.attach_files([path])

    def _selected(self) -> EvidenceRecord | None:
        item = self.evidence.currentItem()
        if item is None:
            return None
        uuid = item.data(UUID_ROLE)
        return next((e for e in self.session.evidence(self.clause_key) if e.uuid == uuid), None)

    def open_evidence(self) -> None:
        """Copy the stored file to a temporary folder and open it with the system viewer.

        The copy is made on a task thread (a file may be 50 MB, read from a database of
        gigabytes): the window stays live, with a progress dialog when it takes a while."""
        record = self._selected()
        if record is None:
            return
        store = self.session.store

        def work(_context: TaskContext) -> Path:
            data = dx.evidence_data(store, record.sha256)
            folder = Path(tempfile.mkdtemp(prefix="dtbench-evidence-"))
            target = folder / Path(record.filename).name
            target.write_bytes(data)
            return target

        def failed(exc: BaseException) -> None:
            if isinstance(exc, (OSError, LookupError)):
                self.session.error.emit(describe(exc))
            else:
                show_failure(self, exc)

        run_task(
            work,
            owner=self,
            on_success=lambda target: self._show_file(record, target),
            on_failure=failed,
            label=self.tr("Opening %1…").replace("%1", record.filename),
        )

    def _show_file(self, record: EvidenceRecord, target: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.session.error.emit(
                self.tr("No program is set up to open %1. It was saved as %2.")
                .replace("%1", record.filename)
                .replace("%2", str(target))
            )

    def remove_evidence(self) -> None:
        record = self._selected()
        if record is not None:
            text = self.tr("Remove %1").replace("%1", record.filename)
            self.session.remove_evidence(record, text)

    # ------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.current_label.setText(self.tr("Current &level:"))
        self.target_label.setText(self.tr("Tar&get level:"))
        self.findings_label.setText(self.tr("Fin&dings:"))
        self.interviewees_label.setText(self.tr("Intervie&wees:"))
        self.evidence_label.setText(self.tr("Evidence:"))
        self.findings.setPlaceholderText(
            self.tr("What is in place, what is missing, the main risks…")
        )
        self.interviewees.setPlaceholderText(self.tr("Names and roles"))
        self.attach.setText(self.tr("&Attach…"))
        self.open_button.setText(self.tr("Open"))
        self.remove_button.setText(self.tr("Remove"))
        self._update_level_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
