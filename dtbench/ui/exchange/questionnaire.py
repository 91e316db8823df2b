"""Client self-assessment in the GUI: export the questionnaire workbook, and import a filled
one through a preview where the consultant ticks the changes to apply.

Applying is one step on the workspace's undo stack when the engagement is open there, and
publishes a change notice of the answers, so that the open diagnosis reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.diagnosis.records import AnswerRecord, RoundRecord
from dtbench.guide import load_guide
from dtbench.lazy import lazy_module
from dtbench.ui.kit import settings as prefs
from dtbench.ui.kit.changes import ANSWERS, Changes
from dtbench.ui.kit.scale_labels import STATUS_COLOURS, status_label, ui_language
from dtbench.ui.kit.tasks import TaskContext, run_task, show_failure
from dtbench.ui.kit.window_fit import resize_within_screen

if TYPE_CHECKING:
    from dtbench.engagement import service
    from dtbench.questionnaire import workbook as qn
    from dtbench.questionnaire.workbook import Change
    from dtbench.store.database import Store
    from dtbench.ui.kit.shell import Shell
else:
    service = lazy_module("dtbench.engagement.service")
    qn = lazy_module("dtbench.questionnaire.workbook")

FOLDER_KEY = "questionnaire/folder"
NOTE_CHARS = 120  # characters of a note shown in a cell (the tooltip has all of it)


def _folder() -> Path:
    saved = prefs.settings().value(FOLDER_KEY)
    if isinstance(saved, str) and Path(saved).is_dir():
        return Path(saved)
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def _remember_folder(path: Path) -> None:
    prefs.settings().setValue(FOLDER_KEY, str(path.parent))


Done = Callable[[Any], None]


def _nothing(_result: object) -> None:
    pass


def _safe_name(text: str) -> str:
    return "".join("-" if ch in '\\/:*?"<>|' else ch for ch in text).strip() or "dtbench"


# ---------------------------------------------------------------- export
def export_questionnaire(shell: Shell, done: Done = _nothing) -> None:
    """Ask where to save the open (or selected) engagement's questionnaire, and write it off
    the GUI thread; ``done(path)`` follows, None when nothing was written."""
    uuid = shell.current_engagement()
    if not uuid:
        done(None)
        return
    store = shell.store
    if store is None:
        done(None)
        return
    profile = service.get_profile(store, uuid)
    name = _safe_name(profile.short_name or profile.client_name)
    suffix = QCoreApplication.translate("Questionnaire", "questionnaire")
    default = _folder() / f"{name}-{suffix}.xlsx"
    chosen, _filter = QFileDialog.getSaveFileName(
        shell.window(),
        QCoreApplication.translate("Questionnaire", "Export questionnaire"),
        str(default),
        QCoreApplication.translate("Questionnaire", "Excel workbooks (*.xlsx)"),
    )
    if not chosen:
        done(None)
        return
    if not chosen.lower().endswith(".xlsx"):
        chosen += ".xlsx"
    target = Path(chosen)
    language = profile.language

    def written(path: Path) -> None:
        _remember_folder(path)
        shell.status(
            QCoreApplication.translate("Questionnaire", "Questionnaire written to %1").replace(
                "%1", str(path)
            )
        )
        done(path)

    def failed(error: BaseException) -> None:
        show_failure(shell.window(), error)
        done(None)

    run_task(
        lambda _context: qn.export_questionnaire(store, uuid, target, lang=language),
        owner=shell.window(),
        on_success=written,
        on_failure=failed,
        label=QCoreApplication.translate("Questionnaire", "Writing the questionnaire…"),
        modal=True,
    )


# ---------------------------------------------------------------- import
def import_questionnaire(shell: Shell, done: Done = _nothing) -> None:
    """Read a filled questionnaire (off the GUI thread), preview its changes, apply the
    ticked ones; ``done(count)`` follows with how many were applied."""
    uuid = shell.current_engagement()
    if not uuid:
        done(0)
        return
    store = shell.store
    if store is None:
        done(0)
        return
    chosen, _filter = QFileDialog.getOpenFileName(
        shell.window(),
        QCoreApplication.translate("Questionnaire", "Import questionnaire"),
        str(_folder()),
        QCoreApplication.translate("Questionnaire", "Excel workbooks (*.xlsx);;All files (*)"),
    )
    if not chosen:
        done(0)
        return
    path = Path(chosen)
    _remember_folder(path)

    def read(_context: TaskContext) -> tuple[RoundRecord, list[Change]]:
        questionnaire = qn.read_questionnaire(path)
        rnd = qn.target_round(store, uuid, questionnaire)
        return rnd, list(qn.compare(store, rnd.uuid, questionnaire))

    def failed(error: BaseException) -> None:
        show_failure(shell.window(), error)
        done(0)

    run_task(
        read,
        owner=shell.window(),
        on_success=lambda found: done(_preview(shell, uuid, path, *found)),
        on_failure=failed,
        label=QCoreApplication.translate("Questionnaire", "Reading the questionnaire…"),
        modal=True,
    )


def _preview(shell: Shell, uuid: str, path: Path, rnd: RoundRecord, changes: list[Change]) -> int:
    if not changes:
        QMessageBox.information(
            shell.window(),
            QCoreApplication.translate("Questionnaire", "Import questionnaire"),
            QCoreApplication.translate(
                "Questionnaire",
                "%1 changes nothing in round %2: every answer in it is already recorded.",
            )
            .replace("%1", path.name)
            .replace("%2", _round_name(rnd)),
        )
        return 0
    dialog = QuestionnairePreviewDialog(changes, rnd, path.name, shell.window())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    selected = dialog.selected_changes()
    if selected:
        apply_changes(shell, uuid, rnd, selected)
    return len(selected)


def _round_name(rnd: RoundRecord) -> str:
    return f"{rnd.number} “{rnd.name}”"


def apply_changes(
    shell: Shell, engagement: str, rnd: RoundRecord, changes: Sequence[Change]
) -> None:
    """Apply ``changes``: one undo step when the engagement is open in the workspace."""
    store = shell.store
    if store is None:
        return
    chosen = list(changes)
    text = QCoreApplication.translate(
        "Questionnaire", "Import %1 answer(s) from a questionnaire"
    ).replace("%1", str(len(chosen)))
    step = _ImportStep(store, rnd.uuid, chosen)
    shell.perform(engagement, text, step.redo, step.undo, Changes.of(engagement, ANSWERS))
    shell.status(
        QCoreApplication.translate("Questionnaire", "%1 answer(s) imported into round %2.")
        .replace("%1", str(len(chosen)))
        .replace("%2", _round_name(rnd))
    )


# ---------------------------------------------------------------- preview
class QuestionnairePreviewDialog(QDialog):
    """Every change the workbook proposes, item by item, each with a tick box."""

    COLUMNS = 6

    def __init__(
        self,
        changes: Sequence[Change],
        rnd: RoundRecord,
        filename: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("questionnaire_preview")
        self.changes = list(changes)
        self._round = rnd
        self._filename = filename
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(self.changes), self.COLUMNS, self)
        self.table.setObjectName("changes")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.count = QLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.all_button = QPushButton(self)
        self.all_button.setObjectName("select_all")
        self.none_button = QPushButton(self)
        self.none_button.setObjectName("select_none")
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("apply")
        self.apply_button.setDefault(True)
        self.buttons.addButton(self.all_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.none_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemChanged.connect(lambda _item: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self._fill()
        self.retranslate()
        resize_within_screen(self, 1120, 600)
        self.table.setFocus()
        if self.changes:
            self.table.setCurrentCell(0, 0)

    # ------------------------------------------------------------ content
    def _fill(self) -> None:
        guide = load_guide()
        lang = ui_language()
        texts = {
            point.key: point.text.get(lang)
            for clause in guide.clauses()
            for point in clause.checkpoints()
        }
        titles = {clause.key: clause.title.get(lang) for clause in guide.clauses()}
        bold = QFont(self.font())
        bold.setBold(True)
        self.table.blockSignals(True)
        for row, change in enumerate(self.changes):
            clause = QTableWidgetItem(f"{change.clause} {titles.get(change.clause, '')}")
            clause.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            clause.setCheckState(Qt.CheckState.Checked)
            item_text = texts.get(change.key, "")
            item = QTableWidgetItem(f"{change.key} {item_text}")
            item.setToolTip(item_text)
            cells = [
                clause,
                item,
                self._status(change.current.status, False, bold),
                self._note(change.current.note, False, bold),
                self._status(change.proposed.status, change.status_changed, bold),
                self._note(change.proposed.note, change.note_changed, bold),
            ]
            for col, cell in enumerate(cells):
                if col:
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, col, cell)
        self.table.blockSignals(False)
        widths = (170, 290, 110, 170, 110, 170)
        for col, width in enumerate(widths):
            self.table.setColumnWidth(col, width)
        self.table.resizeRowsToContents()
        self._update()

    @staticmethod
    def _status(code: str, changed: bool, bold: QFont) -> QTableWidgetItem:
        cell = QTableWidgetItem(status_label(code))
        cell.setForeground(STATUS_COLOURS.get(code, STATUS_COLOURS[""]))
        if changed:
            cell.setFont(bold)
        return cell

    @staticmethod
    def _note(note: str, changed: bool, bold: QFont) -> QTableWidgetItem:
        flat = " ".join(note.split())
        shown = flat if len(flat) <= NOTE_CHARS else flat[: NOTE_CHARS - 1] + "…"
        cell = QTableWidgetItem(shown)
        cell.setToolTip(note)
        if changed:
            cell.setFont(bold)
        return cell

    # ------------------------------------------------------------ choice
    def is_checked(self, row: int) -> bool:
        cell = self.table.item(row, 0)
        return cell is not None and cell.checkState() == Qt.CheckState.Checked

    def set_checked(self, row: int, checked: bool) -> None:
        cell = self.table.item(row, 0)
        if cell is not None:
            cell.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def set_all(self, checked: bool) -> None:
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            self.set_checked(row, checked)
        self.table.blockSignals(False)
        self.table.viewport().update()
        self._update()

    def selected_changes(self) -> list[Change]:
        return [c for row, c in enumerate(self.changes) if self.is_checked(row)]

    def _update(self) -> None:
        chosen = len(self.selected_changes())
        self.apply_button.setEnabled(chosen > 0)
        self.count.setText(
            self.tr("%n of %1 change(s) selected.", "", chosen).replace(
                "%1", str(len(self.changes))
            )
        )

    # ------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import questionnaire"))
        self.intro.setText(
            self.tr(
                "%1 proposes %n change(s) to round %2. Untick those you do not want and "
                "apply the rest; nothing is changed until you do.",
                "",
                len(self.changes),
            )
            .replace("%1", self._filename)
            .replace("%2", _round_name(self._round))
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Clause"),
                self.tr("Item"),
                self.tr("Current status"),
                self.tr("Current note"),
                self.tr("Proposed status"),
                self.tr("Proposed note"),
            ]
        )
        self.all_button.setText(self.tr("Select &all"))
        self.none_button.setText(self.tr("Select &none"))
        self.apply_button.setText(self.tr("A&pply selected"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _ImportStep:
    """Apply imported answers, and put the previous ones back."""

    def __init__(self, store: Store, round_uuid: str, changes: list[Change]) -> None:
        self.store = store
        self.round_uuid = round_uuid
        self.changes = changes
        self.previous: dict[str, AnswerRecord] = {}

    def redo(self) -> None:
        self.previous = qn.apply(self.store, self.round_uuid, self.changes)

    def undo(self) -> None:
        qn.restore(self.store, self.round_uuid, self.previous)
