"""The Strategy step (guide 5.2, 5.3, 6.1.2, 6.2.1): the vision, the strategic choices the
guide offers (each with a rationale), and which principles and criteria the client adopts."""

from __future__ import annotations

from functools import partial

import msgspec
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dtbench.guide import load_guide
from dtbench.plan import catalogue as cat
from dtbench.plan.records import Adoption, Choice, Strategy
from dtbench.ui.kit.autosave import Autosave, LoadingFlag, shows
from dtbench.ui.kit.choices import guide_text
from dtbench.ui.kit.drafts import DraftFields
from dtbench.ui.kit.labels import bracketed
from dtbench.ui.kit.reflow import reflow
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.plan.adoption_cells import AdoptionCells
from dtbench.ui.plan.session import PlanSession, field_path, record_key

KEY_ROLE = Qt.ItemDataRole.UserRole
# Narrower than this (logical pixels), the strategic choices are one under the other.
TWO_COLUMNS_WIDTH = 900
KEY = record_key(value="strategy")


def _put(editor: QPlainTextEdit, value: object) -> None:
    editor.setPlainText(str(value or ""))


def rationale_path(code: str) -> str:
    """Where dimension ``code``'s rationale is kept in the strategy (a draft of it: that
    rationale only, not the other choices, which a colleague may change meanwhile)."""
    return field_path("choices", code, "rationale")


class _DimensionRow:
    def __init__(self, dim: cat.Dimension, parent: QWidget) -> None:
        self.dim = dim
        self.box = QGroupBox(parent)
        self.box.setObjectName(f"dim_{dim.code}")
        layout = QGridLayout(self.box)
        self.combo: QComboBox | None = None
        self.checks: dict[str, QCheckBox] = {}
        if dim.multiple:
            # one under the other: a row of long English options made the page wider than
            # a laptop's window
            row = QVBoxLayout()
            for option in dim.options:
                box = QCheckBox(self.box)
                box.setObjectName(f"{dim.code}_{option.code}")
                self.checks[option.code] = box
                row.addWidget(box)
            layout.addLayout(row, 0, 0, 1, 2)
        else:
            self.combo = QComboBox(self.box)
            self.combo.setObjectName(dim.code)
            layout.addWidget(self.combo, 0, 0)
        self.explain = QLabel(self.box)
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.explain, 1, 0, 1, 2)
        self.rationale_label = QLabel(self.box)
        # a rationale is a few sentences: shown whole, wrapped, not as a line's last words
        self.rationale = QPlainTextEdit(self.box)
        self.rationale.setObjectName(f"{dim.code}_rationale")
        self.rationale.setTabChangesFocus(True)
        line = self.rationale.fontMetrics().lineSpacing()
        self.rationale.setMinimumHeight(2 * line + 14)
        self.rationale.setMaximumHeight(4 * line + 14)
        self.rationale_label.setBuddy(self.rationale)
        layout.addWidget(self.rationale_label, 2, 0, 1, 2)
        layout.addWidget(self.rationale, 3, 0, 1, 2)
        layout.setColumnStretch(1, 1)

    def values(self) -> tuple[str, ...]:
        if self.combo is not None:
            code = str(self.combo.currentData() or "")
            return (code,) if code else ()
        return tuple(code for code, box in self.checks.items() if box.isChecked())


class StrategyPage(QWidget):
    _loading = LoadingFlag()

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.autosave = Autosave(self)
        self.drafts = DraftFields(session, self.autosave)
        self.cells: dict[str, AdoptionCells] = {}  # table name → its typed notes
        self.tabs = QTabWidget(self)

        # vision and choices
        choices = QWidget(self)
        grid = QGridLayout(choices)
        self.vision_label = QLabel(choices)
        self.vision = QPlainTextEdit(choices)
        self.vision.setObjectName("vision")
        self.vision.setTabChangesFocus(True)
        self.vision.setMaximumHeight(80)
        self.vision_label.setBuddy(self.vision)
        self.vision_hint = QLabel(choices)
        self.vision_hint.setWordWrap(True)
        self.vision_hint.setStyleSheet("color: palette(mid);")
        grid.addWidget(self.vision_label, 0, 0, 1, 2)
        grid.addWidget(self.vision, 1, 0, 1, 2)
        grid.addWidget(self.vision_hint, 2, 0, 1, 2)
        self.rows: dict[str, _DimensionRow] = {}
        pair = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for n, dim in enumerate(cat.STRATEGY_DIMENSIONS):
            row = _DimensionRow(dim, choices)
            self.rows[dim.code] = row
            if n % 2 == 0:
                # two choices side by side when there is room, else one under the other
                pair = QBoxLayout(QBoxLayout.Direction.LeftToRight)
                reflow(choices, pair, TWO_COLUMNS_WIDTH)
                grid.addLayout(pair, 3 + n // 2, 0, 1, 2)
            pair.addWidget(row.box, 1)
            if row.combo is not None:
                row.combo.activated.connect(lambda _i, c=dim.code: self._commit_choice(c))
            for box in row.checks.values():
                box.clicked.connect(lambda _c, c=dim.code: self._commit_choice(c))
            self.autosave.text(
                row.rationale,
                partial(self._commit_rationale, dim.code),
                partial(self.session.editing, KEY, rationale_path(dim.code)),
            )
        grid.setRowStretch(3 + len(cat.STRATEGY_DIMENSIONS) // 2 + 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(choices)  # scrolls sideways too: the English choices are wide
        self.choices_scroll = scroll

        # principles and criteria
        lists = QWidget(self)
        lists_layout = QVBoxLayout(lists)
        self.principles_label = QLabel(lists)
        self.principles = self._adoption_table("principles")
        self.criteria_label = QLabel(lists)
        self.criteria = self._adoption_table("criteria")
        self.principles_label.setBuddy(self.principles)
        self.criteria_label.setBuddy(self.criteria)
        for widget in (self.principles_label, self.principles, self.criteria_label, self.criteria):
            lists_layout.addWidget(widget)

        self.tabs.addTab(scroll, "")
        self.tabs.addTab(lists, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.autosave.text(
            self.vision,
            lambda _final: self._commit_vision(),
            lambda: self.session.editing(KEY, "vision"),
        )
        session.value_changed.connect(lambda name: self.refresh() if name == "strategy" else None)
        self.retranslate()

    def _adoption_table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 3, self)
        table.setObjectName(name)
        table.verticalHeader().hide()
        table.setWordWrap(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(2, 260)
        table.itemChanged.connect(partial(self._commit_table, name))
        self.cells[name] = AdoptionCells(self.session, table, KEY, name, self.refresh)
        return table

    @property
    def strategy(self) -> Strategy:
        record = self.session.value("strategy")
        assert isinstance(record, Strategy)
        return record

    # ------------------------------------------------------------ showing
    def refresh(self) -> None:
        lang = ui_language()
        record = self.strategy
        self._loading = True
        if self.drafts.load(KEY, "vision", self.vision, lambda v: self.vision.setPlainText(str(v))):
            pass  # typing a conflict left unsaved: shown, marked, saved again
        elif not self.autosave.pending(self.vision) and self.vision.toPlainText() != record.vision:
            self.vision.setPlainText(record.vision)
        for code, row in self.rows.items():
            choice = record.choices.get(code, Choice())
            if row.combo is not None:
                row.combo.clear()
                row.combo.addItem(self.tr("Not decided"), "")
                for option in row.dim.options:
                    row.combo.addItem(option.label.get(lang), option.code)
                    row.combo.setItemData(
                        row.combo.count() - 1,
                        guide_text(option.guide_key, lang),
                        Qt.ItemDataRole.ToolTipRole,
                    )
                chosen = choice.values[0] if choice.values else ""
                row.combo.setCurrentIndex(max(0, row.combo.findData(chosen)))
                key = row.dim.option(chosen).guide_key if chosen else row.dim.guide_key
            else:
                for option in row.dim.options:
                    box = row.checks[option.code]
                    box.setText(option.label.get(lang))
                    box.setToolTip(guide_text(option.guide_key, lang))
                    box.setChecked(option.code in choice.values)
                key = row.dim.guide_key
            row.explain.setText(guide_text(key, lang))
            row.box.setTitle(bracketed(row.dim.title.get(lang), row.dim.guide_key, lang))
            # a rationale a cancelled conflict left unsaved: shown, marked, saved (asked)
            # again; the other dimensions show what is stored
            rationale = row.rationale
            if self.drafts.load(KEY, rationale_path(code), rationale, partial(_put, rationale)):
                continue
            if not self.autosave.pending(rationale) and not shows(
                rationale.toPlainText(), choice.rationale
            ):
                rationale.setPlainText(choice.rationale)
        self._fill_table(self.principles, cat.PRINCIPLES_CLAUSE, record.principles, lang)
        self._fill_table(self.criteria, cat.CRITERIA_CLAUSE, record.criteria, lang)
        self.vision_hint.setText(
            self.tr("Examples from the guide (6.1.2 c): %1").replace(
                "%1",
                ("；" if lang == "zh" else "; ").join(
                    guide_text(f"6.1.2.c.{n}", lang).rstrip("；;。.") for n in (1, 2, 3)
                ),
            )
        )
        self._loading = False

    def _fill_table(
        self, table: QTableWidget, clause_key: str, adopted: dict[str, Adoption], lang: str
    ) -> None:
        clause = load_guide().clause(clause_key)
        table.blockSignals(True)
        table.setRowCount(len(clause.items))
        for row, item in enumerate(clause.items):
            entry = adopted.get(item.key, Adoption())
            check = QTableWidgetItem(f"{item.letter})")
            check.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            check.setCheckState(Qt.CheckState.Checked if entry.adopted else Qt.CheckState.Unchecked)
            check.setData(KEY_ROLE, item.key)
            text = QTableWidgetItem(item.text.get(lang))
            text.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            text.setToolTip(item.text.get(lang))
            table.setItem(row, 0, check)
            table.setItem(row, 1, text)
            self.cells[table.objectName()].put(row, 2, entry.note)
        table.resizeRowsToContents()
        table.blockSignals(False)

    # ------------------------------------------------------------ editing
    def _commit_vision(self) -> None:
        if self._loading:
            return
        value = self.vision.toPlainText()
        if value == self.strategy.vision:
            had = self.session.draft(KEY, "vision") is not None
            self.session.drop_draft(KEY, "vision")  # typed back: nothing to save
            if had:
                self.refresh()
        else:
            record = msgspec.structs.replace(self.strategy, vision=value)
            self.session.set_value("strategy", record, self.tr("Vision"), typing="vision")

    def _commit_rationale(self, code: str, _final: bool) -> None:
        self._commit_choice(code, typing=rationale_path(code))

    def _commit_choice(self, code: str, typing: str = "") -> None:
        if self._loading:
            return
        row = self.rows[code]
        choice = Choice(values=row.values(), rationale=row.rationale.toPlainText().strip())
        record = self.strategy
        if record.choices.get(code, Choice()) == choice:
            if typing and self.session.draft(KEY, typing) is not None:
                self.session.drop_draft(KEY, typing)  # typed back: nothing to save
                self.refresh()
            return
        self.flush()
        record = self.strategy
        choices = dict(record.choices)
        if choice == Choice():
            choices.pop(code, None)
        else:
            choices[code] = choice
        self.session.set_value(
            "strategy",
            msgspec.structs.replace(record, choices=choices),
            row.dim.title.get(ui_language()),
            typing=typing,
        )

    def _commit_table(self, name: str, changed: QTableWidgetItem | None = None) -> None:
        """Save table ``name`` as it shows (a note kept from a cancelled conflict too);
        ``changed``: the cell just edited (a note: typed)."""
        if self._loading:
            return
        cells = self.cells[name]
        record = self.strategy
        stored: dict[str, Adoption] = getattr(record, name)
        entries, dropped = cells.entries(stored)
        if stored == entries:
            if dropped:
                self.refresh()  # the mark goes
            return
        text = self.tr("Basic principles") if name == "principles" else self.tr("Criteria")
        cells.tries += 1
        self.session.set_value(
            "strategy",
            msgspec.structs.replace(record, **{name: entries}),
            text,
            typing=cells.typed(stored, changed),
        )

    def flush(self) -> None:
        """Save what is still being typed (before leaving the page), and what a cancelled
        conflict left unsaved (asked about again)."""
        self.autosave.flush()
        for name, cells in self.cells.items():
            cells.flush(partial(self._commit_table, name))

    # ------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Vision and &choices"))
        self.tabs.setTabText(1, self.tr("&Principles and criteria"))
        self.vision_label.setText(self.tr("Vision (6.1.2):"))
        for row in self.rows.values():
            row.rationale_label.setText(self.tr("Rationale:"))
        self.principles_label.setText(self.tr("Basic principles the client adopts (5.2):"))
        self.criteria_label.setText(self.tr("Implementation criteria the client adopts (5.3):"))
        for table in (self.principles, self.criteria):
            table.setHorizontalHeaderLabels(
                [self.tr("Adopted"), self.tr("Principle or criterion"), self.tr("Note")]
            )
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
