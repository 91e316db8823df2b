"""The Organization and culture step (guide 6.3.1, 6.3.2): where the organisation stands and
where it should go, how it changes (mode and change process), the digital culture targets,
the six traits rated now and target (with a radar), how the culture is evaluated, and a
register of resistance with its causes and mitigation."""

from __future__ import annotations

import math
import re
from functools import partial

import msgspec
from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dtbench.guide import Text, load_guide
from dtbench.plan import catalogue as cat
from dtbench.plan.records import (
    Adoption,
    ChangeStep,
    Culture,
    Organization,
    Resistance,
    TraitRating,
)
from dtbench.reports.raster import Raster
from dtbench.ui.kit.autosave import TEXT_IDLE_MS, Autosave, LoadingFlag
from dtbench.ui.kit.chart_view import LOGICAL_DPI, ChartError, ChartRenderer, ChartView
from dtbench.ui.kit.choices import guide_text, option_pairs
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.plan.record_editor import Field, RecordEditor
from dtbench.ui.plan.session import PlanSession

REDRAW_DELAY_MS = 150
KEY_ROLE = Qt.ItemDataRole.UserRole
RADAR_ASPECT = 0.8
TRAILING = "；;。.，,：: "
# aspect of the organisation, its option set, the guide's explanation (6.3.1 a)
ORG_ASPECTS: tuple[tuple[str, tuple[cat.Option, ...], str], ...] = (
    ("shape", cat.ORG_SHAPES, "6.3.1.a.1"),
    ("driver", cat.ORG_DRIVERS, "6.3.1.a.2"),
    ("relation", cat.MANAGEMENT_RELATIONS, "6.3.1.a.3"),
)
_MNEMONIC = re.compile(r"\(&.\)|&(?=.)")


def explanation(key: str, lang: str) -> str:
    """The guide's text without its leading name ("行为改变。通过…" → "通过…")."""
    text = guide_text(key, lang)
    for mark in ("。", ". "):
        head, found, rest = text.partition(mark)
        if found and rest.strip() and len(head) <= (12 if mark == "。" else 40):
            return rest.strip()
    return text


def plain(text: str) -> str:
    """A label without its mnemonic ("来源(&S)" → "来源", "&Source" → "Source")."""
    return _MNEMONIC.sub("", text).replace("&&", "&").rstrip("：:")


_options = option_pairs


def _hint(parent: QWidget) -> QLabel:
    """A wrapped explanatory text, dimmed but still easy to read."""
    label = QLabel(parent)
    label.setWordWrap(True)
    palette = label.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    mixed = QColor(
        (2 * text.red() + back.red()) // 3,
        (2 * text.green() + back.green()) // 3,
        (2 * text.blue() + back.blue()) // 3,
    )
    palette.setColor(QPalette.ColorRole.WindowText, mixed)
    label.setPalette(palette)
    return label


class _FitTable(QTableWidget):
    """A table as tall as its rows (word-wrapped rows grow when the table narrows): the page
    scrolls, not the table."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        self.verticalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        header = self.horizontalHeader().sizeHint().height()
        return QSize(hint.width(), rows + header + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self, self.updateGeometry)


class _Editor(RecordEditor):
    """A RecordEditor whose column headers show the labels without their mnemonics."""

    def refresh(self) -> None:
        super().refresh()
        columns = [f for f in self.fields if f.column]
        self.table.setHorizontalHeaderLabels([plain(f.label) for f in columns])


class OrgCulturePage(QWidget):
    """Three tabs: Organization (6.3.1 a, f, h), Culture (6.3.2 d, e, i), Resistance (6.3.2 h).
    ``drawn`` fires each time the traits radar has been rendered and shown."""

    _loading = LoadingFlag()

    drawn = Signal()

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.autosave = Autosave(self)
        self._dirty = True
        self.renderer = ChartRenderer(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("org_culture_tabs")
        self.tabs.addTab(self._build_organization(), "")
        self.tabs.addTab(self._build_culture(), "")
        self.tabs.addTab(self._build_resistance(), "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.renderer.chart_ready.connect(self._show_chart)
        self.renderer.ready.connect(self.drawn)
        self._chart_timer = QTimer(self)
        self._chart_timer.setSingleShot(True)
        self._chart_timer.setInterval(REDRAW_DELAY_MS)
        self._chart_timer.timeout.connect(self.redraw)
        self.radar.resized.connect(self.schedule)
        self.tabs.currentChanged.connect(lambda _i: self._draw_if_needed())

        session.value_changed.connect(self._value_changed)
        session.items_changed.connect(self._items_changed)
        self.retranslate()

    # ------------------------------------------------------------ building
    def _text_edit(self, name: str, parent: QWidget) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(48)
        edit.setMaximumHeight(80)
        self.autosave.text(edit, lambda _final: self._commit_text(name))
        self.texts[name] = edit
        return edit

    def _build_organization(self) -> QWidget:
        self.org_combos: dict[str, QComboBox] = {}
        self.org_labels: dict[str, QLabel] = {}
        self.org_hints: dict[str, QLabel] = {}
        self.texts: dict[str, QPlainTextEdit] = {}

        host = QWidget(self)
        left = QVBoxLayout(host)
        self.org_box = QGroupBox(host)
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
                combo = QComboBox(self.org_box)
                field = f"{aspect}_{when}"
                combo.setObjectName(field)
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                combo.setMinimumContentsLength(10)
                combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                combo.activated.connect(lambda _i, f=field: self._commit_org(f))
                self.org_combos[field] = combo
                grid.addWidget(combo, 1 + 2 * n, col)
            label.setBuddy(self.org_combos[f"{aspect}_now"])
            hint = _hint(self.org_box)
            self.org_hints[aspect] = hint
            grid.addWidget(hint, 2 + 2 * n, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.notes_label = QLabel(self.org_box)
        notes = self._text_edit("notes", self.org_box)
        self.notes_label.setBuddy(notes)
        grid.addWidget(self.notes_label, 7, 0, 1, 3)
        grid.addWidget(notes, 8, 0, 1, 3)
        left.addWidget(self.org_box)

        self.mode_box = QGroupBox(host)
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
                hint = _hint(self.mode_box)
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
        left.addWidget(self.mode_box)
        left.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(host)

        self.steps_box = QGroupBox(self)
        steps_layout = QVBoxLayout(self.steps_box)
        self.steps_hint = _hint(self.steps_box)
        self.change_steps = _Editor(
            self.session,
            "change_step",
            self._step_fields(),
            lambda: ChangeStep(title=self.tr("New step")),
            lambda r: str(r.title) or self.tr("Step"),
            self.steps_box,
        )
        self.guide_steps_button = QPushButton(self.steps_box)
        self.guide_steps_button.setObjectName("guide_steps")
        self.guide_steps_button.clicked.connect(self.add_guide_steps)
        self.change_steps.extra_bar.insertWidget(4, self.guide_steps_button)
        QWidget.setTabOrder(self.change_steps.down_button, self.guide_steps_button)
        steps_layout.addWidget(self.steps_hint)
        steps_layout.addWidget(self.change_steps, 1)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(scroll)
        split.addWidget(self.steps_box)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 450])
        self.org_split = split
        return split

    def _adoption_table(self, name: str, columns: int) -> QTableWidget:
        table = _FitTable(0, columns, self)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        table.setObjectName(name)
        table.verticalHeader().hide()
        table.setWordWrap(True)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.itemChanged.connect(lambda _i, n=name: self._commit_adoptions(n))
        return table

    def _build_culture(self) -> QWidget:
        host = QWidget(self)
        layout = QVBoxLayout(host)

        self.targets_label = QLabel(host)
        self.targets = self._adoption_table("culture_targets", 3)
        header = self.targets.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.targets.setColumnWidth(2, 280)
        self.targets_label.setBuddy(self.targets)
        layout.addWidget(self.targets_label)
        layout.addWidget(self.targets)

        row = QHBoxLayout()
        self.traits_box = QGroupBox(host)
        traits_layout = QHBoxLayout(self.traits_box)
        grid = QGridLayout()
        self.trait_now_head = QLabel(self.traits_box)
        self.trait_target_head = QLabel(self.traits_box)
        grid.addWidget(self.trait_now_head, 0, 1)
        grid.addWidget(self.trait_target_head, 0, 2)
        self.trait_labels: dict[str, QLabel] = {}
        self.trait_spins: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        for n, option in enumerate(cat.CULTURE_TRAITS):
            label = QLabel(self.traits_box)
            spins: list[QSpinBox] = []
            for col, when in ((1, "now"), (2, "target")):
                spin = QSpinBox(self.traits_box)
                spin.setObjectName(f"trait_{option.code}_{when}")
                spin.setRange(0, cat.TRAIT_SCALE[1])
                spin.setSpecialValueText("—")
                spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
                spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
                spin.valueChanged.connect(lambda _v, s=spin: self._trait_changed(s))
                spin.editingFinished.connect(self._commit_traits)
                grid.addWidget(spin, 1 + n, col)
                spins.append(spin)
            label.setBuddy(spins[0])
            self.trait_labels[option.code] = label
            self.trait_spins[option.code] = (spins[0], spins[1])
            grid.addWidget(label, 1 + n, 0)
        self.traits_label = QLabel(self.traits_box)
        self.traits_label.setBuddy(self.trait_spins[cat.CULTURE_TRAITS[0].code][0])
        self.traits_scale = _hint(self.traits_box)
        left = QVBoxLayout()
        left.addWidget(self.traits_label)
        left.addLayout(grid)
        left.addWidget(self.traits_scale)
        left.addStretch(1)
        traits_layout.addLayout(left)
        self.radar = ChartView("culture_radar", RADAR_ASPECT, self.traits_box)
        self.radar.setMinimumSize(280, int(280 * RADAR_ASPECT))
        self.radar.setMaximumWidth(460)
        traits_layout.addWidget(self.radar, 1)
        self._traits_timer = QTimer(self)
        self._traits_timer.setSingleShot(True)
        self._traits_timer.setInterval(TEXT_IDLE_MS)
        self._traits_timer.timeout.connect(self._commit_traits)
        row.addWidget(self.traits_box, 3)

        self.measures_box = QGroupBox(host)
        measures_layout = QVBoxLayout(self.measures_box)
        self.measures_label = QLabel(self.measures_box)
        self.measures_label.setWordWrap(True)
        self.measures = self._adoption_table("culture_measures", 2)
        header = self.measures.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.measures_label.setBuddy(self.measures)
        measures_layout.addWidget(self.measures_label)
        measures_layout.addWidget(self.measures)
        measures_layout.addStretch(1)
        row.addWidget(self.measures_box, 2)
        self.chart_error = ChartError(self.renderer, host)
        layout.addLayout(row, 1)
        layout.addWidget(self.chart_error)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(host)
        return scroll

    def _build_resistance(self) -> QWidget:
        host = QWidget(self)
        layout = QVBoxLayout(host)
        self.resistance_hint = _hint(host)
        self.resistances = _Editor(
            self.session,
            "resistance",
            self._resistance_fields(),
            lambda: Resistance(source="", cause=cat.RESISTANCE_CAUSES[0].code),
            lambda r: str(r.source) or self.tr("resistance entry"),
            host,
        )
        self.cause_hint = QLabel(host)
        self.cause_hint.setObjectName("cause_hint")
        self.cause_hint.setWordWrap(True)
        self.cause_hint.setStyleSheet(
            "background: palette(alternate-base); padding: 6px; border-radius: 3px;"
        )
        cause = self.resistances.editors["cause"]
        assert isinstance(cause, QComboBox)
        cause.highlighted.connect(self._cause_highlighted)
        self.resistances.selected.connect(lambda _u: self._show_cause())
        layout.addWidget(self.resistance_hint)
        layout.addWidget(self.resistances, 1)
        layout.addWidget(self.cause_hint)
        return host

    def _step_fields(self) -> list[Field]:
        return [
            Field("title", self.tr("&Title:"), "text", column=True),
            Field("owner", self.tr("O&wner:"), "text", column=True),
            Field("due", self.tr("&Due date:"), "date", column=True),
            Field(
                "status",
                self.tr("Stat&us:"),
                "choice",
                options=lambda: _options(cat.ACTION_STATUSES),
                column=True,
            ),
            Field("note", self.tr("Remar&ks:"), "longtext"),
        ]

    def _resistance_fields(self) -> list[Field]:
        return [
            Field("source", self.tr("&Source:"), "text", column=True),
            Field(
                "cause",
                self.tr("Ca&use:"),
                "choice",
                options=lambda: _options(cat.RESISTANCE_CAUSES),
                column=True,
            ),
            Field("description", self.tr("&Description:"), "longtext"),
            Field("mitigation", self.tr("&Mitigation:"), "longtext"),
            Field("owner", self.tr("O&wner:"), "text", column=True),
            Field(
                "status",
                self.tr("S&tatus:"),
                "choice",
                options=lambda: _options(cat.ACTION_STATUSES),
                column=True,
            ),
        ]

    # ------------------------------------------------------------ records
    @property
    def organization(self) -> Organization:
        record = self.session.value("organization")
        assert isinstance(record, Organization)
        return record

    @property
    def culture(self) -> Culture:
        record = self.session.value("culture")
        assert isinstance(record, Culture)
        return record

    def _value_changed(self, name: str) -> None:
        if name == "organization":
            self._load_organization()
        elif name == "culture":
            self._load_culture()

    def _items_changed(self, kind: str) -> None:
        if kind == "change_step":
            self._update_guide_button()
        elif kind == "resistance":
            self._show_cause()

    # ------------------------------------------------------------ showing
    def refresh(self) -> None:
        """Reload everything from the session."""
        self._load_organization()
        self._load_culture()
        self.change_steps.refresh()
        self.resistances.refresh()
        self._update_guide_button()
        self._show_cause()

    def _load_organization(self) -> None:
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
                combo.setAccessibleName(self._when(plain(self.org_labels[aspect].text()), when))
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
            value = str(getattr(record, name))
            if not self.autosave.pending(edit) and edit.toPlainText() != value:
                edit.setPlainText(value)
        self._loading = False

    def _load_culture(self) -> None:
        lang = ui_language()
        record = self.culture
        self._loading = True
        table = self.targets
        table.blockSignals(True)
        table.setRowCount(len(cat.CULTURE_TARGETS))
        for row, option in enumerate(cat.CULTURE_TARGETS):
            entry = record.targets.get(option.code, Adoption())
            self._fill_row(table, row, option.code, option.label.get(lang), entry)
            text = QTableWidgetItem(explanation(option.guide_key, lang).rstrip(TRAILING))
            text.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            text.setToolTip(guide_text(option.guide_key, lang))
            table.setItem(row, 1, text)
            table.setItem(row, 2, QTableWidgetItem(entry.note))
        table.blockSignals(False)
        table.updateGeometry()

        table = self.measures
        subitems = self._measure_items()
        table.blockSignals(True)
        table.setRowCount(len(subitems))
        for row, (key, text_of) in enumerate(subitems):
            entry = record.measures.get(key, Adoption())
            self._fill_row(table, row, key, text_of.get(lang).rstrip(TRAILING), entry)
            table.setItem(row, 1, QTableWidgetItem(entry.note))
        table.blockSignals(False)

        if not self._traits_timer.isActive():
            for code, (now, target) in self.trait_spins.items():
                rating = record.traits.get(code, TraitRating())
                now.setValue(rating.now or 0)
                target.setValue(rating.target or 0)
        for option in cat.CULTURE_TRAITS:
            name = option.label.get(lang)
            self.trait_labels[option.code].setText(name)
            now, target = self.trait_spins[option.code]
            now.setAccessibleName(self._when(name, "now"))
            target.setAccessibleName(self._when(name, "target"))
        self._loading = False
        self.schedule()

    @staticmethod
    def _fill_row(table: QTableWidget, row: int, key: str, label: str, entry: Adoption) -> None:
        check = QTableWidgetItem(label)
        check.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsSelectable
        )
        check.setCheckState(Qt.CheckState.Checked if entry.adopted else Qt.CheckState.Unchecked)
        check.setData(KEY_ROLE, key)
        check.setToolTip(label)
        table.setItem(row, 0, check)

    @staticmethod
    def _measure_items() -> list[tuple[str, Text]]:
        guide = load_guide()
        clause_key = cat.CULTURE_MEASURES_ITEM.rsplit(".", 1)[0]
        for item in guide.clause(clause_key).items:
            if item.key == cat.CULTURE_MEASURES_ITEM:
                return [(s.key, s.text) for s in item.subitems]
        return []

    def _update_guide_button(self) -> None:
        present = {i.record.step for i in self.session.items("change_step")}
        missing = [k for k, _t in self._guide_steps() if k not in present]
        self.guide_steps_button.setEnabled(bool(self.session.engagement) and bool(missing))

    @staticmethod
    def _guide_steps() -> list[tuple[str, Text]]:
        guide = load_guide()
        clause_key = cat.CHANGE_PROCESS_ITEM.rsplit(".", 1)[0]
        for item in guide.clause(clause_key).items:
            if item.key == cat.CHANGE_PROCESS_ITEM:
                return [(s.key, s.text) for s in item.subitems]
        return []

    def _cause_text(self, code: str) -> str:
        lang = ui_language()
        for option in cat.RESISTANCE_CAUSES:
            if option.code == code:
                return (
                    self.tr("%1 (guide %2): %3")
                    .replace("%1", option.label.get(lang))
                    .replace("%2", option.guide_key)
                    .replace("%3", explanation(option.guide_key, lang).rstrip(TRAILING))
                )
        return ""

    def _show_cause(self) -> None:
        item = self.resistances.current_item()
        if item is None:
            lang = ui_language()
            sep = "、" if lang == "zh" else ", "
            self.cause_hint.setText(
                self.tr("Causes of resistance named by the guide (6.3.2 h): %1").replace(
                    "%1", sep.join(o.label.get(lang) for o in cat.RESISTANCE_CAUSES)
                )
            )
        else:
            self.cause_hint.setText(self._cause_text(str(item.record.cause)))

    def _cause_highlighted(self, index: int) -> None:
        cause = self.resistances.editors["cause"]
        assert isinstance(cause, QComboBox)
        code = str(cause.itemData(index) or "")
        if code:
            self.cause_hint.setText(self._cause_text(code))

    # ------------------------------------------------------------ radar
    def schedule(self) -> None:
        self._dirty = True
        if self.radar.isVisible():
            self._chart_timer.start()

    def _draw_if_needed(self) -> None:
        if self._dirty and self.radar.isVisible():
            self._chart_timer.start(0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._draw_if_needed()

    def _ratings(self) -> dict[str, TraitRating]:
        ratings: dict[str, TraitRating] = {}
        for code, (now, target) in self.trait_spins.items():
            rating = TraitRating(now=now.value() or None, target=target.value() or None)
            if rating != TraitRating():
                ratings[code] = rating
        return ratings

    def redraw(self) -> None:
        """Render the radar in a chart worker; ``drawn`` fires when it is shown."""
        from dtbench.reports.plan_charts import traits_radar
        from dtbench.reports.raster import draw

        self._dirty = False
        lang = ui_language()
        ratings = self._ratings()

        def values(attribute: str) -> list[float]:
            out: list[float] = []
            for code in cat.codes(cat.CULTURE_TRAITS):
                value = getattr(ratings.get(code, TraitRating()), attribute)
                out.append(math.nan if value is None else float(value))
            return out

        axes = [o.label.get(lang) for o in cat.CULTURE_TRAITS]
        series = [(self.tr("Now"), values("now")), (self.tr("Target"), values("target"))]
        dpi = LOGICAL_DPI * self.devicePixelRatioF()
        self.renderer.request(
            {
                "culture_radar": partial(
                    draw,
                    traits_radar,
                    axes,
                    series,
                    cat.TRAIT_SCALE[1],
                    self.radar.inches(),
                    dpi=dpi,
                )
            }
        )

    def _show_chart(self, _name: str, raster: Raster) -> None:
        self.radar.show_raster(raster)

    def _when(self, name: str, when: str) -> str:
        """Undo texts and accessible names: "Structure (now)", "Openness (target)"."""
        text = self.tr("%1 (now)") if when == "now" else self.tr("%1 (target)")
        return text.replace("%1", name)

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
        text = self._when(plain(self.org_labels[aspect].text()), when)
        self._set_organization(msgspec.structs.replace(old, **{field: value}), text)

    def _commit_mode(self) -> None:
        if self._loading:
            return
        code = next((c for c, b in self.mode_buttons.items() if b.isChecked()), "")
        old = self.organization
        if old.mode == code:
            return
        self.flush()
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
            return
        text = self.tr("Organization notes") if name == "notes" else self.tr("Mode rationale")
        record = msgspec.structs.replace(old, **{name: value})
        self.session.set_value("organization", record, text, typing=name)

    def _trait_changed(self, spin: QSpinBox) -> None:
        if self._loading:
            return
        self.schedule()
        if spin.hasFocus():
            self._traits_timer.start()  # saved on a pause, Enter or leaving the field
        else:
            self._commit_traits()

    def _commit_traits(self) -> None:
        self._traits_timer.stop()
        if self._loading:
            return
        ratings = self._ratings()
        old = self.culture
        if old.traits == ratings:
            return
        self.session.set_value(
            "culture", msgspec.structs.replace(old, traits=ratings), self.tr("Cultural traits")
        )

    def _commit_adoptions(self, name: str) -> None:
        if self._loading:
            return
        table = self.targets if name == "culture_targets" else self.measures
        note_col = table.columnCount() - 1
        entries: dict[str, Adoption] = {}
        for row in range(table.rowCount()):
            check = table.item(row, 0)
            note = table.item(row, note_col)
            if check is None:
                continue
            entry = Adoption(
                adopted=check.checkState() == Qt.CheckState.Checked,
                note="" if note is None else note.text().strip(),
            )
            if entry != Adoption():
                entries[str(check.data(KEY_ROLE))] = entry
        field = "targets" if name == "culture_targets" else "measures"
        old = self.culture
        if getattr(old, field) == entries:
            return
        text = self.tr("Culture targets") if field == "targets" else self.tr("Culture evaluation")
        self.session.set_value("culture", msgspec.structs.replace(old, **{field: entries}), text)

    def add_guide_steps(self) -> None:
        """Add the guide's change-process steps (6.3.1 h) that are not there yet, one undo."""
        self.change_steps.flush()
        present = {i.record.step for i in self.session.items("change_step")}
        lang = self.session.language
        records = [
            ChangeStep(title=text.get(lang).rstrip(TRAILING), step=key)
            for key, text in self._guide_steps()
            if key not in present
        ]
        self.session.add_many(records, self.tr("Add the guide's change steps"))

    def flush(self) -> None:
        """Save typing still waiting for its pause."""
        self.autosave.flush()
        if self._traits_timer.isActive():
            self._commit_traits()
        self.change_steps.flush()
        self.resistances.flush()

    # ------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("&Organization"))
        self.tabs.setTabText(1, self.tr("&Culture"))
        self.tabs.setTabText(2, self.tr("&Resistance"))
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
        self.steps_box.setTitle(self.tr("Change process (6.3.1 h)"))
        self.steps_hint.setText(
            self.tr(
                "The guide's steps: diagnose, analyse and plan, select and implement, "
                "evaluate and feed back. Give each an owner and a due date."
            )
        )
        self.guide_steps_button.setText(self.tr("Add the guide's ste&ps"))
        self.guide_steps_button.setToolTip(
            self.tr("Adds the four steps of 6.3.1 h that are not in the list yet.")
        )
        self.change_steps.relabel(self._step_fields())

        self.targets_label.setText(self.tr("Digital culture tar&gets (6.3.2 d):"))
        self.targets.setHorizontalHeaderLabels(
            [self.tr("Chosen target"), self.tr("The guide's explanation"), self.tr("Note")]
        )
        self.traits_box.setTitle(self.tr("Key cultural traits (6.3.2 e)"))
        self.traits_label.setText(self.tr("Rate the &traits, now and target:"))
        self.trait_now_head.setText(self.tr("Now"))
        self.trait_target_head.setText(self.tr("Target"))
        self.traits_scale.setText(self.tr("1 = weak … 5 = strong; — = not rated."))
        self.measures_box.setTitle(self.tr("Culture evaluation (6.3.2 i)"))
        self.measures_label.setText(self.tr("Evaluation &measures the client adopts:"))
        self.measures.setHorizontalHeaderLabels([self.tr("Measure adopted"), self.tr("Note")])

        self.resistance_hint.setText(
            self.tr(
                "Resistance to digital culture (6.3.2 h): who resists, why, and how it is resolved."
            )
        )
        self.resistances.relabel(self._resistance_fields())
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
