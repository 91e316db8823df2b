"""A list of plan records with a form: one generic editor serves phases, initiatives, KPIs
and the registers. The table shows the main columns; the form below edits every field of the
selected record, each change saved at once as an undoable step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import time
from functools import partial
from typing import Any

import msgspec
from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from dtbench.plan.records import PlanItem
from dtbench.ui.kit.autosave import Autosave, LoadingFlag, shows
from dtbench.ui.kit.date_field import DateField, date_range
from dtbench.ui.kit.drafts import DraftFields, unsaved_tip
from dtbench.ui.kit.fit_combo import FitCombo
from dtbench.ui.kit.labels import separator, without_access_key
from dtbench.ui.kit.reveal import focus
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.plan.session import PlanSession

NO_TIME = QTime(0, 0)  # shown empty: an interview does not start at midnight
UUID_ROLE = Qt.ItemDataRole.UserRole
UNSAVED_ROW = QColor(217, 119, 6, 70)  # a record holding a draft: amber, as its field
Options = Callable[[], Sequence[tuple[str, str]]]


@dataclass
class Field:
    """One field of a record: how it is labelled, edited and shown in the table."""

    name: str
    label: str
    kind: str  # text longtext date time int float choice multi bool refs clauses targets
    options: Options | None = None
    low: int = 1
    high: int = 5
    column: bool = False


def _options_label(options: Options | None, code: str) -> str:
    for value, text in options() if options else ():
        if value == code:
            return text
    return code


def column_title(label: str) -> str:
    """A field's label as a column title: without its mnemonic ("&Risk", "风险(&R)")."""
    return without_access_key(label)


def display(field: Field, value: Any) -> str:
    """The value as text for the table."""
    if value is None or value == "" or value == ():
        return ""
    if field.kind == "date":
        return value.isoformat()
    if field.kind == "time":
        return value.strftime("%H:%M")
    if field.kind == "choice":
        return _options_label(field.options, value)
    if field.kind in ("multi", "refs"):
        return separator(ui_language()).join(_options_label(field.options, v) for v in value)
    if field.kind == "clauses":
        return ", ".join(value)
    if field.kind == "bool":
        return "✓" if value else ""
    if field.kind == "float":
        return f"{value:g}"
    if field.kind == "targets":
        return "; ".join(f"{_options_label(field.options, k)}: {v}" for k, v in value.items() if v)
    if field.kind == "longtext":
        first = str(value).splitlines()[0] if str(value).strip() else ""
        return first[:60] + ("…" if len(first) > 60 or "\n" in str(value) else "")
    return str(value)


class RecordEditor(QWidget):
    """Table + form for the items of one kind in a PlanSession."""

    _loading = LoadingFlag()

    selected = Signal(str)

    def __init__(
        self,
        session: PlanSession,
        kind: str,
        fields: list[Field],
        make_new: Callable[[], Any],
        title_of: Callable[[Any], str],
        parent: QWidget | None = None,
        validate_field: Callable[[str, str, Any], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.fields = fields
        self.make_new = make_new
        self.title_of = title_of
        self.validate_field = validate_field
        self.uuid = ""
        self.autosave = Autosave(self)
        self.drafts = DraftFields(session, self.autosave)
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.add_button.setObjectName(f"{kind}_add")
        self.remove_button.setObjectName(f"{kind}_remove")
        bar = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            bar.addWidget(b)
        self.extra_bar = bar
        bar.addStretch(1)

        self.table = QTableWidget(self)
        self.table.setObjectName(f"{kind}_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        form_host = QWidget(self)
        self.form = QFormLayout(form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields:
            editor = self._editor(field)
            label = QLabel(field.label, form_host)
            label.setBuddy(editor)
            self.labels[field.name] = label
            self.editors[field.name] = editor
            self.form.addRow(label, editor)
        date_range(self.editors.get("start"), self.editors.get("end"))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        self.form_area = scroll

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(scroll)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        # Shortcut objects, not the buttons' own: a button's setText (relabel) replaces its
        # shortcut by the label's mnemonic. Hidden editors (another tab) do not take them.
        for keys, button in (
            ("Ctrl+Ins", self.add_button),
            ("Alt+Up", self.up_button),
            ("Alt+Down", self.down_button),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(partial(self._press, button))
        # Removal from the list only (in a form field Delete deletes a character).
        remove_key = QShortcut(QKeySequence("Del"), self.table)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(partial(self._press, self.remove_button))
        session.items_changed.connect(self._items_changed)
        self.relabel(fields)

    @staticmethod
    def _press(button: QPushButton) -> None:
        if button.isEnabled():
            button.click()

    # ------------------------------------------------------------ editors
    def _editor(self, field: Field) -> QWidget:
        name = field.name
        if field.kind == "longtext":
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(54)
            edit.setMaximumHeight(110)
            self.autosave.text(edit, partial(self._commit, name), partial(self._began, name))
            return edit
        if field.kind == "date":
            date_edit = DateField(self)
            self.autosave.line(date_edit, partial(self._commit, name))
            return date_edit
        if field.kind == "time":
            time_edit = QTimeEdit(self)
            time_edit.setDisplayFormat("HH:mm")
            time_edit.setMinimumTime(NO_TIME)
            time_edit.setSpecialValueText(" ")
            self.autosave.spin(time_edit, partial(self._commit, name))
            time_edit.timeChanged.connect(
                lambda _t: None if self._loading or time_edit.hasFocus() else self._commit(name)
            )
            return time_edit
        if field.kind == "int":
            spin = QSpinBox(self)
            spin.setRange(field.low, field.high)
            self.autosave.spin(spin, partial(self._commit, name))
            spin.valueChanged.connect(
                lambda _v: None if self._loading or spin.hasFocus() else self._commit(name)
            )
            return spin
        if field.kind == "float":
            dspin = QDoubleSpinBox(self)
            dspin.setRange(-1, 1e9)
            dspin.setDecimals(1)
            dspin.setSpecialValueText("—")
            self.autosave.spin(dspin, partial(self._commit, name))
            return dspin
        if field.kind == "choice":
            combo = FitCombo(self)
            combo.activated.connect(lambda _i: self._commit(name))
            return combo
        if field.kind in ("multi", "refs"):
            checks = QListWidget(self)
            checks.setMaximumHeight(110)
            checks.itemChanged.connect(lambda _i: None if self._loading else self._commit(name))
            return checks
        if field.kind == "bool":
            box = QCheckBox(self)
            box.clicked.connect(lambda _c: self._commit(name))
            return box
        if field.kind == "targets":
            table = QTableWidget(0, 2, self)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            table.setMaximumHeight(120)
            table.itemChanged.connect(lambda _i: None if self._loading else self._commit(name))
            return table
        line = QLineEdit(self)
        self.autosave.line(line, partial(self._commit, name), partial(self._began, name))
        return line

    def _began(self, name: str) -> None:
        """Typing began: what the field shows now is its save's base (a colleague's change
        loaded meanwhile is asked about, not overwritten)."""
        if self.uuid:
            self.session.editing(self.uuid, name)

    def _put(self, field: Field, value: Any) -> None:
        editor = self.editors[field.name]
        if isinstance(editor, QPlainTextEdit):
            if editor.toPlainText() != (value or ""):
                editor.setPlainText(value or "")
        elif isinstance(editor, DateField):
            editor.set_date_value(value)
        elif isinstance(editor, QTimeEdit):
            editor.setTime(NO_TIME if value is None else QTime(value.hour, value.minute))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or field.low))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(-1 if value is None else float(value))
        elif isinstance(editor, QComboBox):
            editor.clear()
            editor.addItem("", "")
            for code, text in field.options() if field.options else ():
                editor.addItem(text, code)
            editor.setCurrentIndex(max(0, editor.findData(value or "")))
        elif isinstance(editor, QListWidget):
            editor.clear()
            chosen = set(value or ())
            for code, text in field.options() if field.options else ():
                if field.kind == "refs" and code == self.uuid:
                    continue  # an item cannot refer to itself
                item = QListWidgetItem(text)
                item.setData(UUID_ROLE, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked
                )
                editor.addItem(item)
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QTableWidget):
            # Named headers, not Qt's "1" and "2" (set on each load: it follows the language).
            editor.setHorizontalHeaderLabels([self.tr("Phase"), self.tr("Target")])
            editor.setRowCount(0)
            options = list(field.options()) if field.options else []
            editor.setRowCount(len(options))
            for row, (code, text) in enumerate(options):
                head = QTableWidgetItem(text)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                head.setData(UUID_ROLE, code)
                editor.setItem(row, 0, head)
                editor.setItem(row, 1, QTableWidgetItem((value or {}).get(code, "")))
        elif isinstance(editor, QLineEdit):
            if field.kind == "clauses":
                text = ", ".join(value or ())
            else:
                text = "" if value is None else str(value)
            editor.setText(text)

    def _get(self, field: Field) -> Any:
        editor = self.editors[field.name]
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, DateField):
            return editor.date_value()
        if isinstance(editor, QTimeEdit):
            t = editor.time()
            return None if t == NO_TIME else time(t.hour(), t.minute())
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QDoubleSpinBox):
            return None if editor.value() < 0 else editor.value()
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        if isinstance(editor, QListWidget):
            return tuple(
                str(editor.item(i).data(UUID_ROLE))
                for i in range(editor.count())
                if editor.item(i).checkState() == Qt.CheckState.Checked
            )
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QTableWidget):
            out: dict[str, str] = {}
            for row in range(editor.rowCount()):
                head = editor.item(row, 0)
                cell = editor.item(row, 1)
                if head is not None and cell is not None and cell.text().strip():
                    out[str(head.data(UUID_ROLE))] = cell.text().strip()
            return out
        if isinstance(editor, QLineEdit):
            if field.kind == "clauses":
                parts = editor.text().replace("，", ",").replace(" ", ",").split(",")
                return tuple(p.strip() for p in parts if p.strip())
            return editor.text().strip()
        return None

    # ------------------------------------------------------------ list
    def _items_changed(self, kind: str) -> None:
        if kind == self.kind:
            self.refresh()

    def current_item(self) -> PlanItem | None:
        return self.session.item(self.uuid) if self.uuid else None

    def visible_items(self) -> list[PlanItem]:
        """The items the table lists (a subclass may show some of them only)."""
        return self.session.items(self.kind)

    def refresh(self) -> None:
        """Show the session's items; keep the selection; reload the form."""
        items = self.visible_items()
        columns = [f for f in self.fields if f.column]
        self.table.blockSignals(True)
        self.table.setRowCount(len(items))
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels([column_title(f.label) for f in columns])
        for row, item in enumerate(items):
            unsaved = self.session.has_drafts(item.uuid)
            for col, field in enumerate(columns):
                cell = QTableWidgetItem(display(field, getattr(item.record, field.name)))
                cell.setData(UUID_ROLE, item.uuid)
                if unsaved:  # typing a conflict left unsaved: seen in the list too
                    cell.setBackground(QBrush(UNSAVED_ROW))
                    cell.setToolTip(unsaved_tip())
                self.table.setItem(row, col, cell)
        header = self.table.horizontalHeader()
        for col in range(len(columns)):
            header.setSectionResizeMode(
                col,
                QHeaderView.ResizeMode.Stretch
                if col == 0
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        uuids = [i.uuid for i in items]
        if self.uuid not in uuids:
            self.uuid = uuids[0] if uuids else ""
        if self.uuid:
            self.table.selectRow(uuids.index(self.uuid))
        self.table.blockSignals(False)
        self._load_form()

    def select(self, uuid: str) -> None:
        items = [i.uuid for i in self.visible_items()]
        if uuid in items:
            self.flush()
            self.uuid = uuid
            self.table.selectRow(items.index(uuid))
            self._load_form()

    def reveal(self, uuid: str, field: str = "") -> bool:
        """Select ``uuid`` and put the cursor in ``field`` (the first field when it is not
        one of the form's); False when this editor does not list ``uuid``."""
        if uuid not in [i.uuid for i in self.visible_items()]:
            return False
        self.select(uuid)
        focus(self.editors.get(field) or self.editors[self.fields[0].name])
        return True

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        cell = self.table.item(rows[0].row(), 0)
        uuid = "" if cell is None else cell.data(UUID_ROLE)
        if uuid and uuid != self.uuid:
            self.flush()
            self.uuid = str(uuid)
            self._load_form()
            self.selected.emit(self.uuid)

    def _load_form(self) -> None:
        item = self.current_item()
        self._loading = True
        for field in self.fields:
            editor = self.editors[field.name]
            value = None if item is None else getattr(item.record, field.name)
            if self._typed(editor) and self.drafts.load(
                "" if item is None else item.uuid, field.name, editor, partial(self._put, field)
            ):
                continue  # typing a conflict left unsaved: shown, marked, saved again
            if self.autosave.pending(editor):
                continue  # typing not yet saved wins
            if editor.hasFocus() and item is not None and shows(self._get(field), value):
                continue  # what is being typed is saved already (a trailing space aside)
            self._put(field, value)
        self._loading = False
        has = item is not None
        self.form_area.setEnabled(has)
        self.remove_button.setEnabled(has)
        count = self.table.rowCount()
        row = self.table.currentRow()
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and 0 <= row < count - 1)

    # ------------------------------------------------------------ editing
    def _commit(self, name: str, final: bool = True) -> None:
        if self._loading:
            return
        item = self.current_item()
        if item is None:
            return
        field = next(f for f in self.fields if f.name == name)
        value = self._get(field)
        if value == getattr(item.record, name):
            had = self.session.draft(item.uuid, name) is not None
            self.session.drop_draft(item.uuid, name)  # typed back: nothing to save
            if had:
                self.refresh()
            return
        if self.validate_field is not None:
            problem = self.validate_field(item.uuid, name, value)
            if problem:
                if not final:
                    return  # still typing: judged when the field is left
                self.session.error.emit(problem)
                self._load_form()
                return
        record = msgspec.structs.replace(item.record, **{name: value})
        text = (
            self.tr("%1: %2").replace("%1", self.title_of(item.record)).replace("%2", field.label)
        )
        typed = self._typed(self.editors[name])
        self.session.update(item.uuid, record, text, typing=name if typed else "")

    @staticmethod
    def _typed(editor: QWidget) -> bool:
        """Whether ``editor`` is typed into, its saves one undo step per burst of typing,
        its text kept when a conflict leaves it unsaved (a date is committed whole)."""
        return isinstance(editor, (QLineEdit, QPlainTextEdit)) and not isinstance(editor, DateField)

    def flush(self) -> None:
        """Save typing still waiting for its pause."""
        self.autosave.flush()

    def add(self) -> None:
        self.flush()
        record = self.make_new()
        text = self.tr("Add %1").replace("%1", self.title_of(record))
        row = self.table.currentRow()
        uuid = self.session.add(record, text, None if row < 0 else row + 1)
        if uuid:
            self.select(uuid)
            first = self.editors[self.fields[0].name]
            first.setFocus()

    def add_record(self, record: Any) -> str:
        text = self.tr("Add %1").replace("%1", self.title_of(record))
        uuid = self.session.add(record, text)
        if uuid:
            self.select(uuid)
        return uuid

    def remove(self) -> None:
        item = self.current_item()
        if item is not None:
            text = self.tr("Remove %1").replace("%1", self.title_of(item.record))
            self.session.remove(item.uuid, text)

    def move_selected(self, step: int) -> None:
        item = self.current_item()
        if item is not None:
            text = self.tr("Move %1").replace("%1", self.title_of(item.record))
            self.session.move(item.uuid, item.position + step, text)

    # ------------------------------------------------------------ language
    def relabel(self, fields: list[Field]) -> None:
        """New labels (after a language change); options are re-read on the next load."""
        by_name = {f.name: f for f in fields}
        for field in self.fields:
            if field.name in by_name:
                field.label = by_name[field.name].label
                field.options = by_name[field.name].options
            self.labels[field.name].setText(field.label)
        self.add_button.setText(self.tr("&Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.add_button.setToolTip("Ctrl+Ins")
        self.up_button.setToolTip("Alt+↑")
        self.down_button.setToolTip("Alt+↓")
        self.refresh()
