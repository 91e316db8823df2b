"""The Culture tab (guide 6.3.2): the digital culture targets the client chooses (d), the key
traits rated with their radar (e), and the evaluation measures it adopts (i)."""

from __future__ import annotations

from functools import partial

import msgspec
from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.plan import catalogue as cat
from dtbench.plan.records import Adoption, Culture
from dtbench.ui.kit.chart_view import ChartError
from dtbench.ui.kit.choices import guide_text
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.plan.adoption_cells import AdoptionCells
from dtbench.ui.plan.culture_traits import CultureTraits
from dtbench.ui.plan.org_culture_parts import TRAILING, explanation, subitems_of
from dtbench.ui.plan.session import PlanSession, record_key

KEY_ROLE = Qt.ItemDataRole.UserRole
KEY = record_key(value="culture")
FIELDS = {"culture_targets": "targets", "culture_measures": "measures"}  # table → field


class FitTable(QTableWidget):
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


def _fill_row(table: QTableWidget, row: int, key: str, label: str, entry: Adoption) -> None:
    check = QTableWidgetItem(label)
    check.setFlags(
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
    )
    check.setCheckState(Qt.CheckState.Checked if entry.adopted else Qt.CheckState.Unchecked)
    check.setData(KEY_ROLE, key)
    check.setToolTip(label)
    table.setItem(row, 0, check)


class CultureTab(QScrollArea):
    """Targets on top, traits and measures side by side below; the tab scrolls, not its
    tables. Each tick or note is saved at once; a note a cancelled conflict left unsaved is
    kept in its cell, marked (``AdoptionCells``), and saved (asked about) again with the next
    change of its table or when the page is left."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._loading = False
        self.cells: dict[str, AdoptionCells] = {}  # table name → its typed notes
        host = QWidget(self)
        layout = QVBoxLayout(host)

        self.targets_label = QLabel(host)
        self.targets = self._adoption_table("culture_targets", 3, host)
        header = self.targets.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.targets.setColumnWidth(2, 280)
        self.targets_label.setBuddy(self.targets)
        layout.addWidget(self.targets_label)
        layout.addWidget(self.targets)

        row = QHBoxLayout()
        self.traits = CultureTraits(session, host)
        row.addWidget(self.traits, 3)

        self.measures_box = QGroupBox(host)
        measures_layout = QVBoxLayout(self.measures_box)
        self.measures_label = QLabel(self.measures_box)
        self.measures_label.setWordWrap(True)
        self.measures = self._adoption_table("culture_measures", 2, self.measures_box)
        header = self.measures.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.measures_label.setBuddy(self.measures)
        measures_layout.addWidget(self.measures_label)
        measures_layout.addWidget(self.measures)
        measures_layout.addStretch(1)
        row.addWidget(self.measures_box, 2)
        self.chart_error = ChartError(self.traits.renderer, host)
        layout.addLayout(row, 1)
        layout.addWidget(self.chart_error)

        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(host)  # scrolls sideways when narrower than the tables need
        session.value_changed.connect(self._value_changed)
        self.retranslate()

    def _adoption_table(self, name: str, columns: int, parent: QWidget) -> QTableWidget:
        table = FitTable(0, columns, parent)
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
        table.itemChanged.connect(partial(self._commit_adoptions, name))
        self.cells[name] = AdoptionCells(self.session, table, KEY, FIELDS[name], self._load)
        return table

    # ------------------------------------------------------------ showing
    @property
    def culture(self) -> Culture:
        record = self.session.value("culture")
        assert isinstance(record, Culture)
        return record

    def _value_changed(self, name: str) -> None:
        if name == "culture":
            self._load()

    def refresh(self) -> None:
        """Reload everything from the session."""
        self._load()

    def _load(self) -> None:
        lang = ui_language()
        record = self.culture
        self._loading = True
        table = self.targets
        table.blockSignals(True)
        table.setRowCount(len(cat.CULTURE_TARGETS))
        for row, option in enumerate(cat.CULTURE_TARGETS):
            entry = record.targets.get(option.code, Adoption())
            _fill_row(table, row, option.code, option.label.get(lang), entry)
            text = QTableWidgetItem(explanation(option.guide_key, lang).rstrip(TRAILING))
            text.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            text.setToolTip(guide_text(option.guide_key, lang))
            table.setItem(row, 1, text)
            self.cells["culture_targets"].put(row, 2, entry.note)
        table.blockSignals(False)
        table.updateGeometry()

        table = self.measures
        subitems = subitems_of(cat.CULTURE_MEASURES_ITEM)
        table.blockSignals(True)
        table.setRowCount(len(subitems))
        for row, (key, text_of) in enumerate(subitems):
            entry = record.measures.get(key, Adoption())
            _fill_row(table, row, key, text_of.get(lang).rstrip(TRAILING), entry)
            self.cells["culture_measures"].put(row, 1, entry.note)
        table.blockSignals(False)
        self._loading = False
        self.traits.load(record)

    # ------------------------------------------------------------ editing
    def _commit_adoptions(self, name: str, changed: QTableWidgetItem | None = None) -> None:
        """Save table ``name`` as it shows (a note kept from a cancelled conflict too);
        ``changed``: the cell just edited (a note: typed)."""
        if self._loading:
            return
        cells = self.cells[name]
        field = FIELDS[name]
        old = self.culture
        stored: dict[str, Adoption] = getattr(old, field)
        entries, dropped = cells.entries(stored)
        if stored == entries:
            if dropped:
                self._load()  # the mark goes
            return
        text = self.tr("Culture targets") if field == "targets" else self.tr("Culture evaluation")
        cells.tries += 1
        self.session.set_value(
            "culture",
            msgspec.structs.replace(old, **{field: entries}),
            text,
            typing=cells.typed(stored, changed),
        )

    def flush(self) -> None:
        """Save a note being typed in a cell, a note kept from a cancelled conflict (asked
        about again), and a trait rating still waiting for its pause."""
        for name, cells in self.cells.items():
            cells.flush(partial(self._commit_adoptions, name))
        self.traits.flush()

    # ------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.targets_label.setText(self.tr("Digital culture tar&gets (6.3.2 d):"))
        self.targets.setHorizontalHeaderLabels(
            [self.tr("Chosen target"), self.tr("The guide's explanation"), self.tr("Note")]
        )
        self.measures_box.setTitle(self.tr("Culture evaluation (6.3.2 i)"))
        self.measures_label.setText(self.tr("Evaluation &measures the client adopts:"))
        self.measures.setHorizontalHeaderLabels([self.tr("Measure adopted"), self.tr("Note")])
        self._load()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
