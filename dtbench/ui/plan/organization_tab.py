"""The Organization tab (guide 6.3.1): the organisation's key characteristics now and target
(a), the transformation mode with its rationale (f), and the change process (h)."""

from __future__ import annotations

from functools import partial

import msgspec
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dtbench.plan import catalogue as cat
from dtbench.plan.records import Organization
from dtbench.ui.kit.autosave import Autosave, LoadingFlag
from dtbench.ui.kit.choices import guide_text
from dtbench.ui.kit.drafts import DraftFields
from dtbench.ui.kit.fit_combo import FitCombo
from dtbench.ui.kit.reflow import reflow_splitter
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.plan.change_steps import ChangeSteps
from dtbench.ui.plan.org_culture_parts import (
    TRAILING,
    explanation,
    hint_label,
    now_or_target,
    plain,
)
from dtbench.ui.plan.session import PlanSession, record_key

# Narrower than this (logical pixels), the panes are one above the other.
SIDE_BY_SIDE_WIDTH = 900

KEY = record_key(value="organization")

# aspect of the organisation, its option set, the guide's explanation (6.3.1 a)
ORG_ASPECTS: tuple[tuple[str, tuple[cat.Option, ...], str], ...] = (
    ("shape", cat.ORG_SHAPES, "6.3.1.a.1"),
    ("driver", cat.ORG_DRIVERS, "6.3.1.a.2"),
    ("relation", cat.MANAGEMENT_RELATIONS, "6.3.1.a.3"),
)


def _put_text(edit: QPlainTextEdit, value: object) -> None:
    edit.setPlainText(str(value))


class OrganizationTab(QWidget):
    """Characteristics and mode on the left (scrolling), the change steps on the right; each
    choice is saved at once, typing after a pause."""

    _loading = LoadingFlag()

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.autosave = Autosave(self)
        self.drafts = DraftFields(session, self.autosave)
        self.org_combos: dict[str, QComboBox] = {}
        self.org_labels: dict[str, QLabel] = {}
        self.org_hints: dict[str, QLabel] = {}
        self.texts: dict[str, QPlainTextEdit] = {}

        host = QWidget(self)
        left = QVBoxLayout(host)
        left.addWidget(self._build_characteristics(host))
        left.addWidget(self._build_mode(host))
        left.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(host)  # wider than the pane: it scrolls, the choices are not cut

        self.steps = ChangeSteps(session, self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(scroll)
        split.addWidget(self.steps)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 450])
        reflow_splitter(split, SIDE_BY_SIDE_WIDTH)  # the change steps below on a laptop
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        session.value_changed.connect(self._value_changed)
        self.retranslate()

    # ------------------------------------------------------------ building
    def _text_edit(self, name: str, parent: QWidget) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(48)
        edit.setMaximumHeight(80)
        self.autosave.text(
            edit,
            lambda _final: self._commit_text(name),
            lambda: self.session.editing(KEY, name),
        )
        self.texts[name] = edit
        return edit

    def _build_characteristics(self, parent: QWidget) -> QGroupBox:
        self.org_box = QGroupBox(parent)
        grid = QGridLayout(self.org_box)
        self.now_head = QLabel(self.org_box)
        self.target_head = QLabel(self.org_box)
        grid.addWidget(self.now_head, 0, 1)
        grid.addWidget(self.target_head, 0, 2)
        for n, (aspect, _options_set, _key) in enumerate(ORG_ASPECTS):
            label = QLabel(self.org_box)
            label.setObjectName(f"{aspect}_label")
            label.setWordWrap(True)
            self.org_labels[aspect] = label
            grid.addWidget(label, 1 + 2 * n, 0)
            for col, when in ((1, "now"), (2, "target")):
                combo = FitCombo(self.org_box)
                field = f"{aspect}_{when}"
                combo.setObjectName(field)
                combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                combo.activated.connect(lambda _i, f=field: self._commit_org(f))
                self.org_combos[field] = combo
                grid.addWidget(combo, 1 + 2 * n, col)
            label.setBuddy(self.org_combos[f"{aspect}_now"])
            hint = hint_label(self.org_box)
            self.org_hints[aspect] = hint
            grid.addWidget(hint, 2 + 2 * n, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.notes_label = QLabel(self.org_box)
        notes = self._text_edit("notes", self.org_box)
        self.notes_label.setBuddy(notes)
        grid.addWidget(self.notes_label, 7, 0, 1, 3)
        grid.addWidget(notes, 8, 0, 1, 3)
        return self.org_box

    def _build_mode(self, parent: QWidget) -> QGroupBox:
        self.mode_box = QGroupBox(parent)
        mode_layout = QVBoxLayout(self.mode_box)
        self.mode_label = QLabel(self.mode_box)
        mode_layout.addWidget(self.mode_label)
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        self.mode_hints: dict[str, QLabel] = {}
        for n, code in enumerate(("", *cat.codes(cat.TRANSFORMATION_MODES))):
            button = QRadioButton(self.mode_box)
            button.setObjectName(f"mode_{code or 'none'}")
            self.mode_group.addButton(button, n)
            self.mode_buttons[code] = button
            mode_layout.addWidget(button)
            if code:
                hint = hint_label(self.mode_box)
                hint.setContentsMargins(22, 0, 0, 2)
                self.mode_hints[code] = hint
                mode_layout.addWidget(hint)
        self.mode_label.setBuddy(self.mode_buttons[""])
        self.mode_group.idClicked.connect(lambda _id: self._commit_mode())
        self.rationale_label = QLabel(self.mode_box)
        rationale = self._text_edit("mode_rationale", self.mode_box)
        self.rationale_label.setBuddy(rationale)
        mode_layout.addWidget(self.rationale_label)
        mode_layout.addWidget(rationale)
        return self.mode_box

    # ------------------------------------------------------------ showing
    @property
    def organization(self) -> Organization:
        record = self.session.value("organization")
        assert isinstance(record, Organization)
        return record

    def _value_changed(self, name: str) -> None:
        if name == "organization":
            self._load()

    def refresh(self) -> None:
        """Reload everything from the session."""
        self._load()
        self.steps.refresh()

    def _load(self) -> None:
        lang = ui_language()
        record = self.organization
        self._loading = True
        for aspect, options, key in ORG_ASPECTS:
            text = guide_text(key, lang)
            self.org_labels[aspect].setToolTip(text)
            self.org_hints[aspect].setText(
                self.tr("Guide: %1").replace("%1", explanation(key, lang).rstrip(TRAILING))
            )
            for when in ("now", "target"):
                field = f"{aspect}_{when}"
                combo = self.org_combos[field]
                combo.clear()
                combo.addItem(self.tr("Not set"), "")
                for option in options:
                    combo.addItem(option.label.get(lang), option.code)
                combo.setCurrentIndex(max(0, combo.findData(getattr(record, field))))
                combo.setToolTip(text)
                combo.setAccessibleName(now_or_target(plain(self.org_labels[aspect].text()), when))
        for option in cat.TRANSFORMATION_MODES:
            button = self.mode_buttons[option.code]
            button.setText(option.label.get(lang))
            description = explanation(option.guide_key, lang).rstrip(TRAILING)
            button.setToolTip(description)
            self.mode_hints[option.code].setText(description)
        chosen = record.mode if record.mode in self.mode_buttons else ""
        self.mode_buttons[chosen].setChecked(True)
        self.mode_label.setBuddy(self.mode_buttons[chosen])  # Alt+M lands on the choice
        for name, edit in self.texts.items():
            if self.drafts.load(KEY, name, edit, partial(_put_text, edit)):
                continue  # typing a conflict left unsaved: shown, marked, saved again
            value = str(getattr(record, name))
            if not self.autosave.pending(edit) and edit.toPlainText() != value:
                edit.setPlainText(value)
        self._loading = False

    # ------------------------------------------------------------ editing
    def _set_organization(self, record: Organization, text: str) -> None:
        self.session.set_value("organization", record, text)

    def _commit_org(self, field: str) -> None:
        if self._loading:
            return
        value = str(self.org_combos[field].currentData() or "")
        old = self.organization
        if getattr(old, field) == value:
            return
        aspect, when = field.rsplit("_", 1)
        text = now_or_target(plain(self.org_labels[aspect].text()), when)
        self._set_organization(msgspec.structs.replace(old, **{field: value}), text)

    def _commit_mode(self) -> None:
        if self._loading:
            return
        code = next((c for c, b in self.mode_buttons.items() if b.isChecked()), "")
        old = self.organization
        if old.mode == code:
            return
        self.flush()  # the rationale typed just before is its own undo step, first
        old = self.organization
        self._set_organization(
            msgspec.structs.replace(old, mode=code), self.tr("Transformation mode")
        )

    def _commit_text(self, name: str) -> None:
        if self._loading:
            return
        value = self.texts[name].toPlainText()
        old = self.organization
        if getattr(old, name) == value:
            had = self.session.draft(KEY, name) is not None
            self.session.drop_draft(KEY, name)  # typed back: nothing to save
            if had:
                self._load()
            return
        text = self.tr("Organization notes") if name == "notes" else self.tr("Mode rationale")
        record = msgspec.structs.replace(old, **{name: value})
        self.session.set_value("organization", record, text, typing=name)

    def flush(self) -> None:
        """Save typing still waiting for its pause."""
        self.autosave.flush()
        self.steps.flush()

    # ------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.org_box.setTitle(self.tr("Key characteristics of a digital organization (6.3.1 a)"))
        self.now_head.setText(self.tr("Now"))
        self.target_head.setText(self.tr("Target"))
        self.org_labels["shape"].setText(self.tr("&Structure:"))
        self.org_labels["driver"].setText(self.tr("Dr&iving force:"))
        self.org_labels["relation"].setText(self.tr("Mana&gement relationship:"))
        self.notes_label.setText(self.tr("&Notes on the organization:"))
        self.mode_box.setTitle(self.tr("Transformation mode (6.3.1 f)"))
        self.mode_label.setText(self.tr("Transformation &mode:"))
        self.mode_buttons[""].setText(self.tr("Not decided"))
        self.rationale_label.setText(self.tr("Rationa&le for the mode:"))
        self._load()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
