"""The Profile step: the client and the engagement, saved field by field with undo."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.engagement.errors import NotFoundError
from dtbench.engagement.records import (
    COMMON_SYSTEMS,
    EMPLOYEE_BANDS,
    LANGUAGES,
    REVENUE_BANDS,
    STATUSES,
    ContactRecord,
    Profile,
)
from dtbench.lazy import lazy_module
from dtbench.store.errors import StoreError
from dtbench.ui.kit.autosave import Autosave, LoadingFlag, shows
from dtbench.ui.kit.changes import ENGAGEMENTS, PROFILE, ChangeHub, Changes
from dtbench.ui.kit.date_field import DateField, date_range
from dtbench.ui.kit.labels import (
    employee_band_label,
    language_label,
    revenue_band_label,
    status_label,
    without_access_key,
)
from dtbench.ui.kit.reflow import reflow
from dtbench.ui.kit.undo import SetFieldCommand

if TYPE_CHECKING:
    from dtbench.engagement import service
    from dtbench.store.database import Store
else:
    service = lazy_module("dtbench.engagement.service")


# Narrower than this (logical pixels), the client and the engagement are one under the other.
SIDE_BY_SIDE_WIDTH = 800


class _Binding:
    """One editor bound to one profile field."""

    def __init__(self, get: Callable[[], Any], put: Callable[[Any], None], widget: QWidget) -> None:
        self.get = get
        self.put = put
        self.widget = widget


def _typed(widget: QWidget) -> bool:
    """Whether ``widget`` is typed into (its saves merge into one undo step)."""
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    if isinstance(widget, DateField):
        return False  # a date is committed whole: each one its own undo step
    return isinstance(widget, (QLineEdit, QPlainTextEdit))


def _holds(widget: QWidget, focused: QWidget | None) -> bool:
    return focused is not None and (widget is focused or widget.isAncestorOf(focused))


class ProfilePage(QWidget):
    """Edits a Profile; every committed edit is one undoable, immediately saved command."""

    _loading = LoadingFlag()

    error = Signal(str)

    def __init__(
        self,
        store: Store,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        hub: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self._stack = undo_stack
        self._hub = hub
        if hub is not None:
            hub.changed.connect(self._heard)
        self._profile: Profile | None = None
        self._bindings: dict[str, _Binding] = {}
        self.autosave = Autosave(self)
        self._build()
        self.retranslate()

    # ----------------------------------------------------------------- building
    def _line(self, field: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(field)
        self.autosave.line(edit, partial(self._commit, field))

        def put(value: str | None, e: QLineEdit = edit) -> None:
            e.setText(value or "")

        self._bind(field, edit.text, put, edit)
        return edit

    def _text(self, field: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(field)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(60)
        self.autosave.text(edit, partial(self._commit, field))

        def put(value: str | None, e: QPlainTextEdit = edit) -> None:
            e.setPlainText(value or "")

        self._bind(field, edit.toPlainText, put, edit)
        return edit

    def _combo(self, field: str, codes: tuple[str, ...]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(field)
        for code in codes:
            combo.addItem(code, code)
        combo.activated.connect(lambda _i, f=field: self._commit(f))

        def put(value: str, c: QComboBox = combo) -> None:
            c.setCurrentIndex(max(0, c.findData(value)))

        def get(c: QComboBox = combo) -> str:
            return str(c.currentData())

        self._bind(field, get, put, combo)
        return combo

    def _date(self, field: str) -> DateField:
        edit = DateField(self)
        edit.setObjectName(field)
        self.autosave.line(edit, partial(self._commit, field))
        self._bind(field, edit.date_value, edit.set_date_value, edit)
        return edit

    def _bind(
        self, field: str, get: Callable[[], Any], put: Callable[[Any], None], widget: QWidget
    ) -> None:
        self._bindings[field] = _Binding(get, put, widget)

    def _build(self) -> None:
        self.engagement_box = QGroupBox(self)
        form_e = QFormLayout(self.engagement_box)
        self.client_box = QGroupBox(self)
        form_c = QFormLayout(self.client_box)
        self.labels: dict[str, QLabel] = {}

        def row(form: QFormLayout, field: str, widget: QWidget) -> None:
            label = QLabel(self)
            label.setBuddy(widget)
            self.labels[field] = label
            form.addRow(label, widget)

        row(form_e, "title", self._line("title"))
        row(form_e, "consultants", self._line("consultants"))
        dates = QWidget(self)
        dl = QHBoxLayout(dates)
        dl.setContentsMargins(0, 0, 0, 0)
        self.start = self._date("start_date")
        self.end = self._date("end_date")
        date_range(self.start, self.end)
        self.to_label = QLabel(self)
        dl.addWidget(self.start)
        dl.addWidget(self.to_label)
        dl.addWidget(self.end)
        dl.addStretch(1)
        row(form_e, "start_date", dates)
        self.labels["start_date"].setBuddy(self.start)
        self.status = self._combo("status", STATUSES)
        row(form_e, "status", self.status)
        self.language = self._combo("language", LANGUAGES)
        row(form_e, "language", self.language)
        # The lead's choice to let the firm benchmark count this engagement: not a profile
        # field (no undo step), saved at once; its entry follows (dtbench.team.benchmark).
        self.benchmark_opt_in = QCheckBox(self)
        self.benchmark_opt_in.setObjectName("benchmark_opt_in")
        self.benchmark_opt_in.toggled.connect(self._set_benchmark_opt_in)
        form_e.addRow(self.benchmark_opt_in)
        row(form_e, "notes", self._text("notes"))

        row(form_c, "client_name", self._line("client_name"))
        row(form_c, "short_name", self._line("short_name"))
        self.industry = QComboBox(self)
        self.industry.setObjectName("industry")
        self.industry.setEditable(True)
        line = self.industry.lineEdit()
        assert line is not None
        self.autosave.line(line, lambda final: self._commit("industry", final))
        self.industry.activated.connect(lambda _i: self._commit("industry"))
        self._bind(
            "industry",
            self.industry.currentText,
            lambda v: self.industry.setCurrentText(v or ""),
            self.industry,
        )
        row(form_c, "industry", self.industry)
        self.size_employees = self._combo("size_employees", ("", *EMPLOYEE_BANDS))
        row(form_c, "size_employees", self.size_employees)
        self.size_revenue = self._combo("size_revenue", ("", *REVENUE_BANDS))
        row(form_c, "size_revenue", self.size_revenue)
        row(form_c, "region", self._line("region"))
        row(form_c, "main_products", self._text("main_products"))
        row(form_c, "existing_systems", self._systems())

        self.contacts_box = QGroupBox(self)
        self.contacts_box.setObjectName("contacts_box")
        cl = QVBoxLayout(self.contacts_box)
        self.contacts = QTableWidget(0, 4, self)
        self.contacts.setObjectName("contacts")
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts.verticalHeader().setVisible(False)
        self.contacts.setMinimumHeight(110)
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.itemChanged.connect(lambda _i: self._commit("contacts"))
        self._bind("contacts", self._contacts_value, self._show_contacts, self.contacts)
        buttons = QHBoxLayout()
        self.add_contact = QPushButton(self)
        self.add_contact.setObjectName("add_contact")
        self.add_contact.clicked.connect(self._add_contact)
        self.remove_contact = QPushButton(self)
        self.remove_contact.setObjectName("remove_contact")
        self.remove_contact.clicked.connect(self._remove_contact)
        buttons.addWidget(self.add_contact)
        buttons.addWidget(self.remove_contact)
        buttons.addStretch(1)
        cl.addWidget(self.contacts)
        cl.addLayout(buttons)

        body = QWidget(self)
        # client and engagement side by side when there is room, else one under the other
        pair = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        pair.addWidget(self.client_box, 1)
        pair.addWidget(self.engagement_box, 1)
        reflow(body, pair, SIDE_BY_SIDE_WIDTH)
        grid = QVBoxLayout(body)
        grid.addLayout(pair)
        grid.addWidget(self.contacts_box)
        grid.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)  # a long title would widen the page past the window
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.heading)
        outer.addWidget(scroll)

    def _systems(self) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.system_checks: dict[str, QCheckBox] = {}
        for i, name in enumerate(COMMON_SYSTEMS):
            check = QCheckBox(name, box)
            check.setObjectName(f"system_{name}")
            check.toggled.connect(lambda _c: self._commit("existing_systems"))
            self.system_checks[name] = check
            grid.addWidget(check, i // 5, i % 5)
        self.other_systems = QLineEdit(box)
        self.other_systems.setObjectName("other_systems")
        self.autosave.line(
            self.other_systems, lambda final: self._commit("existing_systems", final)
        )
        grid.addWidget(self.other_systems, 2, 0, 1, 5)

        def get() -> tuple[str, ...]:
            chosen = [n for n, c in self.system_checks.items() if c.isChecked()]
            others = [p.strip() for p in self.other_systems.text().replace("，", ",").split(",")]
            return tuple(dict.fromkeys([*chosen, *(o for o in others if o)]))

        def put(value: tuple[str, ...]) -> None:
            for n, c in self.system_checks.items():
                c.setChecked(n in value)
            self.other_systems.setText(", ".join(v for v in value if v not in COMMON_SYSTEMS))

        self._bind("existing_systems", get, put, box)
        return box

    # -------------------------------------------------------------- contacts
    def _contacts_value(self) -> tuple[ContactRecord, ...]:
        out = []
        for r in range(self.contacts.rowCount()):
            cells = []
            for c in range(4):
                item = self.contacts.item(r, c)
                cells.append(item.text().strip() if item else "")
            if any(cells):
                out.append(ContactRecord(*cells))
        return tuple(out)

    def _show_contacts(self, contacts: tuple[ContactRecord, ...]) -> None:
        self.contacts.setRowCount(len(contacts))
        for r, c in enumerate(contacts):
            for col, value in enumerate((c.name, c.role, c.phone, c.email)):
                self.contacts.setItem(r, col, QTableWidgetItem(value))

    def _add_contact(self) -> None:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        self.contacts.setCurrentCell(row, 0)
        self.contacts.setFocus()
        self.contacts.editItem(self.contacts.item(row, 0) or self._blank(row))

    def _blank(self, row: int) -> QTableWidgetItem:
        self._loading = True
        item = QTableWidgetItem("")
        self.contacts.setItem(row, 0, item)
        self._loading = False
        return item

    def _remove_contact(self) -> None:
        row = self.contacts.currentRow()
        if row >= 0:
            self.contacts.removeRow(row)
            self._commit("contacts")

    # ----------------------------------------------------------------- data
    @property
    def profile(self) -> Profile | None:
        return self._profile

    def load(self, profile: Profile) -> None:
        """Show ``profile`` without creating undo commands."""
        self._profile = profile
        self._loading = True
        try:
            industries = service.industries(self._store)
            self.industry.clear()
            self.industry.addItems(["", *industries])
            for field, binding in self._bindings.items():
                binding.put(getattr(profile, field))
            self._show_benchmark_opt_in()
        finally:
            self._loading = False
        self._update_heading()

    def _show_benchmark_opt_in(self) -> None:
        from dtbench.team import benchmark

        if self._profile is None:
            return
        try:
            chosen = benchmark.opted_in(self._store, self._profile.uuid)
        except (NotFoundError, StoreError):
            return
        blocked = self.benchmark_opt_in.blockSignals(True)
        self.benchmark_opt_in.setChecked(chosen)
        self.benchmark_opt_in.blockSignals(blocked)

    def _set_benchmark_opt_in(self, checked: bool) -> None:
        from dtbench.errors import UserError
        from dtbench.team import benchmark
        from dtbench.ui.kit.errors import describe

        if self._loading or self._profile is None:
            return
        try:
            benchmark.set_opt_in(self._store, self._profile.uuid, checked)
        except (UserError, NotFoundError, StoreError) as exc:
            self.error.emit(describe(exc))
            self._show_benchmark_opt_in()

    def _commit(self, field: str, final: bool = True) -> None:
        if self._loading or self._profile is None:
            return
        binding = self._bindings[field]
        new = binding.get()
        old = getattr(self._profile, field)
        if field in ("title", "client_name") and not str(new).strip():
            if not final:
                return  # still typing: emptied for a moment is not yet an error
            self.error.emit(self.tr("The title and the client name cannot be empty."))
            self._loading = True
            binding.put(old)
            self._loading = False
            return
        if isinstance(new, str) and field not in ("notes", "main_products"):
            new = new.strip()
        if new == old:
            return
        label = self.labels.get(field)
        name = without_access_key(label.text()) if label else field
        command = SetFieldCommand(
            self._store,
            self._profile.uuid,
            field,
            old,
            new,
            self.tr("Edit %1").replace("%1", name),
            self._show_saved,
            self._show_error,
            typing=_typed(binding.widget),
        )
        self._stack.push(command)

    def _show_saved(self, profile: Profile) -> None:
        self._show(profile)
        if self._hub is not None:
            self._hub.publish(Changes.of(profile.uuid, PROFILE), self)

    def _heard(self, changes: Changes, source: object) -> None:
        """The profile changed elsewhere (an engagement file imported over it, say)."""
        if source is self or self._profile is None:
            return
        if changes.touches(self._profile.uuid, (PROFILE, ENGAGEMENTS)):
            try:
                profile = service.get_profile(self._store, self._profile.uuid)
            except (NotFoundError, StoreError):
                return  # moved to the trash or unreadable: the shell shows the list
            self._show(profile)

    def _show(self, profile: Profile) -> None:
        focused = self.focusWidget()
        self._profile = profile
        self._loading = True
        try:
            for field, binding in self._bindings.items():
                # Leave the field being typed in alone; refresh every other one.
                if _holds(binding.widget, focused) and shows(
                    binding.get(), getattr(profile, field)
                ):
                    continue
                binding.put(getattr(profile, field))
        finally:
            self._loading = False
        self._update_heading()

    def _show_error(self, exc: Exception) -> None:
        self.error.emit(str(exc))
        if self._profile is not None:
            self._show_saved(service.get_profile(self._store, self._profile.uuid))

    def flush(self) -> None:
        """Save what is still being typed (before leaving the page)."""
        self.autosave.flush()

    def _update_heading(self) -> None:
        if self._profile is not None:
            self.heading.setText(f"{self._profile.client_name} — {self._profile.title}")

    # ------------------------------------------------------------- language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.engagement_box.setTitle(self.tr("Engagement"))
        self.client_box.setTitle(self.tr("Client"))
        self.contacts_box.setTitle(self.tr("Client contacts"))
        texts = {
            "title": self.tr("&Title:"),
            "consultants": self.tr("Cons&ultants:"),
            "start_date": self.tr("&Period:"),
            "status": self.tr("&Status:"),
            "language": self.tr("Deliverable &language:"),
            "notes": self.tr("N&otes:"),
            "client_name": self.tr("Client &name:"),
            "short_name": self.tr("Short na&me:"),
            "industry": self.tr("&Industry:"),
            "size_employees": self.tr("Size (emplo&yees):"),
            "size_revenue": self.tr("Size (&revenue):"),
            "region": self.tr("Re&gion:"),
            "main_products": self.tr("Main pro&ducts:"),
            "existing_systems": self.tr("E&xisting systems:"),
        }
        for field, text in texts.items():
            self.labels[field].setText(text)
        self.benchmark_opt_in.setText(self.tr("Include in the firm benchmark (anonymised)"))
        self.benchmark_opt_in.setToolTip(
            self.tr(
                "Shares with the firm's consultants, under a random code, only this "
                "engagement's industry, size band, area indices and clause levels; never the "
                "client's name, the title, people or any text. Other clients are compared "
                "with it only in groups of five or more. Untick to remove it."
            )
        )
        self.to_label.setText(self.tr("to"))
        self.other_systems.setPlaceholderText(self.tr("Other systems, separated by commas"))
        self.contacts.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Phone"), self.tr("E-mail")]
        )
        self.add_contact.setText(self.tr("&Add contact"))
        self.remove_contact.setText(self.tr("Remove &contact"))
        for combo, label in (
            (self.status, status_label),
            (self.language, language_label),
            (self.size_employees, employee_band_label),
            (self.size_revenue, revenue_band_label),
        ):
            for i in range(combo.count()):
                combo.setItemText(i, label(str(combo.itemData(i))))
