"""History… of a clause (Diagnosis step) or of a plan record (the plan pages' record editor):
who changed what, when, from what to what, newest first, filterable by item; a chosen value
can be restored.

A restore goes through the diagnosis or plan session like any edit: one undo step, the views
follow, and the store records it in the history too. The diagnosis and plan folders may not
import this one, so ``attach`` (called by the workspace) adds the History… buttons and their
key (Ctrl+H) to the clause details and to every record editor.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.errors import UserError
from dtbench.store.history import WHOLE, load
from dtbench.team import history
from dtbench.team.history import Change, Step
from dtbench.ui.diagnosis.diagnosis_page import DiagnosisPage
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.labels import without_access_key
from dtbench.ui.kit.scale_labels import status_label
from dtbench.ui.kit.times import local_time
from dtbench.ui.kit.window_fit import resize_within_screen
from dtbench.ui.plan.record_editor import RecordEditor
from dtbench.ui.plan.session import PlanSession

KEY = "Ctrl+H"
ID_ROLE = Qt.ItemDataRole.UserRole


class HistoryDialog(QDialog):
    """The changes ``load`` returns, with two restore buttons calling ``restore``."""

    def __init__(
        self,
        title: str,
        load_changes: Callable[[], list[Change]],
        restore: Callable[[Change, bool], None],
        field_names: dict[str, str] | None = None,
        parent: QWidget | None = None,
        *,
        one_record: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(title)
        self._load = load_changes
        self._restore = restore
        self._fields = dict(field_names or {})
        # One record's history: its title is the window's, not repeated on every row.
        self._one_record = one_record
        self.changes: list[Change] = []
        self.filter = QComboBox(self)
        self.filter.setObjectName("history_filter")
        filter_label = QLabel(self.tr("&Show:"), self)
        filter_label.setBuddy(self.filter)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("history_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Author"), self.tr("Item"), self.tr("From"), self.tr("To")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # A long item (an interview's title) is cut, not given the width the values need.
        header.setMaximumSectionSize(header.fontMetrics().horizontalAdvance("M" * 24))
        self.empty = QLabel(self.tr("No change has been recorded here yet."), self)
        self.restore_before = QPushButton(self.tr("Restore the value &before"), self)
        self.restore_before.setObjectName("restore_before")
        self.restore_before.setToolTip(self.tr("Write back the value before the selected change"))
        self.restore_after = QPushButton(self.tr("Restore the value &after"), self)
        self.restore_after.setObjectName("restore_after")
        # The selected change's values in full: a finding is cut to one line in the table,
        # where two versions that differ only at the end looked the same.
        self.before_text = self._detail_view("history_before")
        self.after_text = self._detail_view("history_after")
        details = QHBoxLayout()
        details.addWidget(self.before_text)
        details.addWidget(self.after_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.restore_before)
        bar.addWidget(self.restore_after)
        bar.addStretch(1)
        bar.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(details)
        layout.addLayout(bar)
        self.filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.restore_before.clicked.connect(lambda: self._restore_selected(False))
        self.restore_after.clicked.connect(lambda: self._restore_selected(True))
        resize_within_screen(self, 860, 420)
        self.reload()

    def _detail_view(self, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setObjectName(name)
        view.setReadOnly(True)
        view.setTabChangesFocus(True)
        view.setLineWrapMode(
            QPlainTextEdit.LineWrapMode.WidgetWidth
        )  # lines wrap: no sideways scrolling
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long URLs too
        lines = view.fontMetrics().lineSpacing() * 4
        view.setFixedHeight(lines + 2 * view.frameWidth() + 8)
        return view

    # ------------------------------------------------------------ showing
    def full_text(self, change: Change, text: str) -> str:
        """A stored value whole (a text up to 20,000 characters), for the detail views."""
        value = load(text) if text else None
        if isinstance(value, str) and value and change.field != "status":
            return value[:20000]
        return self.value_text(change, text)

    def item_text(self, change: Change) -> str:
        """What changed: the item (or record) and its field, in the UI language."""
        field = self.field_name(change.field)
        if change.kind == "heard":
            return self.tr("%1 (interview) · %2").replace("%1", change.label).replace("%2", field)
        if change.kind == "clause" or self._one_record:
            return field
        return f"{change.label} · {field}" if change.label else field

    def field_name(self, name: str) -> str:
        names = {
            "status": self.tr("Status"),
            "note": self.tr("Note"),
            "current_level": self.tr("Current level"),
            "target_level": self.tr("Target level"),
            "findings": self.tr("Findings"),
            "interviewees": self.tr("Interviewees"),
            WHOLE: self.tr("Whole record"),
        }
        return names.get(name) or self._fields.get(name) or name

    def value_text(self, change: Change, text: str) -> str:
        """A stored value as the reader knows it."""
        if text == "":
            return self.tr("(none)")
        value = load(text)
        if value is None or value == "":
            return "—"
        if change.field == "status" and isinstance(value, str):
            return status_label(value)
        if change.field == WHOLE and isinstance(value, dict):
            return self.tr("the whole record")
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, str):
            line = " ".join(value.split())
            return line[:80] + ("…" if len(line) > 80 else "")
        return text[:80]

    def reload(self) -> None:
        """Read the changes again (after a restore, or another's edit)."""
        self.changes = self._load()
        chosen = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("All items"), "")
        seen: list[str] = []
        for change in self.changes:
            key = f"{change.kind}:{change.label}"
            if key not in seen:
                seen.append(key)
                self.filter.addItem(change.label or self.tr("This record"), key)
        at = self.filter.findData(chosen) if chosen else 0
        self.filter.setCurrentIndex(max(0, at))
        self.filter.blockSignals(False)
        self._fill()

    def shown(self) -> list[Change]:
        """The changes the table lists (the filter applied), newest first."""
        wanted = self.filter.currentData()
        return [c for c in self.changes if not wanted or f"{c.kind}:{c.label}" == wanted]

    def _fill(self) -> None:
        shown = self.shown()
        self.table.setRowCount(len(shown))
        for row, change in enumerate(shown):
            cells = (
                local_time(change.at),
                change.author,
                self.item_text(change),
                self.value_text(change, change.old),
                self.value_text(change, change.new),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, change.id)
                if column == 2:
                    cell.setToolTip(f"{change.label} · {text}" if change.label else text)
                if column >= 3:
                    raw = change.old if column == 3 else change.new
                    cell.setToolTip(str(load(raw))[:2000] if raw else "")
                self.table.setItem(row, column, cell)
        self.empty.setVisible(not shown)
        self.table.setVisible(bool(shown))
        if shown:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> Change | None:
        row = self.table.currentRow()
        shown = self.shown()
        return shown[row] if 0 <= row < len(shown) else None

    def _update_buttons(self) -> None:
        change = self.selected()
        for view, label, raw in (
            (self.before_text, self.tr("Before the change:"), change.old if change else None),
            (self.after_text, self.tr("After the change:"), change.new if change else None),
        ):
            view.setVisible(change is not None)
            if change is not None and raw is not None:
                view.setPlainText(f"{label}\n{self.full_text(change, raw)}")
        usable = change is not None and change.kind != "heard"
        self.restore_before.setEnabled(usable)
        self.restore_after.setEnabled(usable)

    def _restore_selected(self, after: bool) -> None:
        change = self.selected()
        if change is None:
            return
        self._restore(change, after)
        self.reload()


# ---------------------------------------------------------------- restoring through a session
def _error(widget: QWidget, exc: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(
        widget, QCoreApplication.translate("HistoryDialog", "History"), describe(exc)
    )


def restore_in_diagnosis(session: DiagnosisSession, change: Change, after: bool, text: str) -> None:
    """Write the chosen value back as one undo step of the diagnosis session."""
    step = history.restoring(session.store, session.engagement, change, after=after)
    if step.op not in ("set_answer", "set_clause") or step.args[0] != session.data.round.uuid:
        raise history.NotRestorableError(change.label)
    if step.op == "set_answer":
        session.set_answer(step.args[1], text=text, **step.kwargs)
    else:
        session.set_clause(step.args[1], step.args[2], step.args[3], text)


def restore_in_plan(session: PlanSession, change: Change, after: bool, text: str) -> None:
    """Write the chosen value back as one undo step of the plan session."""
    step: Step = history.restoring(session.store, session.engagement, change, after=after)
    if step.op == "update_item":
        session.update(step.args[0], step.args[1], text)
    elif step.op == "remove_item":
        session.remove(step.args[0], text)
    elif step.op == "add_item":
        session.add(step.args[1], text, step.kwargs.get("position"))
    elif step.op == "set_value":
        session.set_value(step.args[1], step.args[2], text)
    else:
        raise history.NotRestorableError(change.label)


def _guarded(widget: QWidget, action: Callable[[Change, bool], None]) -> Any:
    def run(change: Change, after: bool) -> None:
        try:
            action(change, after)
        except (UserError, LookupError, ValueError) as exc:
            _error(widget, exc)

    return run


def clause_dialog(page: DiagnosisPage, parent: QWidget | None = None) -> HistoryDialog | None:
    """The history of the clause the Diagnosis step shows, or None without one."""
    session = page.session
    clause_key = page.current_clause()
    if not clause_key or not session.engagement:
        return None
    round_uuid = session.data.round.uuid
    dialog = HistoryDialog(
        "",
        lambda: history.clause_history(session.store, round_uuid, clause_key),
        lambda c, a: None,
        parent=parent or page,
    )
    # translate() with the class's context, not tr() on the variable: lupdate files that call under
    # the variable's name, a context nothing looks up (the title stayed English).
    dialog.setWindowTitle(
        QCoreApplication.translate("HistoryDialog", "History of clause %1").replace(
            "%1", clause_key
        )
    )
    text = QCoreApplication.translate("HistoryDialog", "Restore %1 from the history").replace(
        "%1", clause_key
    )
    dialog._restore = _guarded(  # set once the dialog can translate
        dialog, lambda c, a: restore_in_diagnosis(session, c, a, text)
    )
    return dialog


def record_dialog(editor: RecordEditor, parent: QWidget | None = None) -> HistoryDialog | None:
    """The history of the record selected in a plan record editor, or None without one."""
    item = editor.current_item()
    session = editor.session
    if item is None or not session.engagement:
        return None
    names = {f.name: without_access_key(f.label).rstrip(":：") for f in editor.fields}
    uuid = item.uuid
    dialog = HistoryDialog(
        "",
        lambda: history.record_history(session.store, session.engagement, "plan", uuid),
        lambda c, a: None,
        names,
        parent or editor,
        one_record=True,
    )
    title = editor.title_of(item.record)
    dialog.setWindowTitle(
        QCoreApplication.translate("HistoryDialog", "History of %1").replace("%1", title)
    )
    text = QCoreApplication.translate("HistoryDialog", "Restore %1 from the history").replace(
        "%1", title
    )
    dialog._restore = _guarded(dialog, lambda c, a: restore_in_plan(session, c, a, text))
    return dialog


def _open(make: Callable[[], HistoryDialog | None]) -> None:
    dialog = make()
    if dialog is not None:
        dialog.exec()


# ---------------------------------------------------------------- the buttons
def attach(root: QWidget) -> None:
    """Add History… (and Ctrl+H) to the Diagnosis step's clause details and to every plan
    record editor under ``root`` (the workspace)."""
    for page in root.findChildren(DiagnosisPage):
        button = HistoryButton(page.details)
        button.setObjectName("clause_history")
        page.details.history_button = button  # type: ignore[attr-defined]
        page.details.levels_layout.addWidget(button, 4, 0, 1, 2, Qt.AlignmentFlag.AlignTop)
        button.clicked.connect(partial(_open, partial(clause_dialog, page)))
        shortcut = QShortcut(QKeySequence(KEY), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(partial(_press, button))
    for editor in root.findChildren(RecordEditor):
        button = HistoryButton(editor)
        button.setObjectName(f"{editor.kind}_history")
        editor.history_button = button  # type: ignore[attr-defined]
        # Under the record's fields (it concerns the selected record), not in the list's
        # button row, which must stay narrow enough for two panes side by side on a laptop.
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        editor.form.addRow(row)
        button.clicked.connect(partial(_open, partial(record_dialog, editor)))
        editor.table.itemSelectionChanged.connect(partial(_enable, editor, button))
        editor.session.items_changed.connect(partial(_enable, editor, button))
        shortcut = QShortcut(QKeySequence(KEY), editor)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(partial(_press, button))
        _enable(editor, button)


class HistoryButton(QPushButton):
    """History…, in the UI language. No access key: every letter is taken on some page; Ctrl+H
    reaches it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(QCoreApplication.translate("HistoryDialog", "History…"))
        tip = QCoreApplication.translate(
            "HistoryDialog", "Who changed what and when; restore an earlier value (%1)"
        )
        self.setToolTip(tip.replace("%1", KEY))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _enable(editor: RecordEditor, button: QPushButton, *_args: object) -> None:
    button.setEnabled(editor.current_item() is not None)


def _press(button: QPushButton) -> None:
    if button.isEnabled() and button.isVisible():
        button.click()
