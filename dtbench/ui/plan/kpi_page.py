"""The KPI step (guide 6.2.3): indicators by the guide's categories, each with definition,
unit, data source, owner, calculation and analysis method, frequency, baseline, a target per
phase and the initiatives it measures; a starter set to pick from."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.deliverables.formats import short_phase_name
from dtbench.plan import catalogue as cat
from dtbench.plan.records import Kpi
from dtbench.plan.starters import StarterKpi, kpi_starters
from dtbench.ui.kit.choices import option_pairs
from dtbench.ui.kit.labels import bracketed
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.kit.window_fit import resize_within_screen
from dtbench.ui.plan.record_editor import Field, RecordEditor
from dtbench.ui.plan.session import PlanSession

CODE_ROLE = Qt.ItemDataRole.UserRole


_options = option_pairs


class StarterDialog(QDialog):
    """The starter KPIs by category; tick the ones to add (already added ones are marked)."""

    def __init__(self, taken: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Starter KPIs"))
        resize_within_screen(self, 820, 560)
        lang = ui_language()
        intro = QLabel(
            self.tr(
                "Indicators by the categories of the guide (6.2.3 a). Tick the ones to add; "
                "definitions, units, calculation and data sources are filled in, in the "
                "engagement's language. KPIs already in the plan are marked and cannot be "
                "added twice."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("starters")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("KPI"), self.tr("Unit")])
        self.tree.setColumnWidth(0, 560)
        self.items: dict[str, QTreeWidgetItem] = {}
        for category in cat.KPI_CATEGORIES:
            head = QTreeWidgetItem(
                [bracketed(category.label.get(lang), category.guide_key, lang), ""]
            )
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for kpi in kpi_starters():
                if kpi.category != category.code:
                    continue
                item = QTreeWidgetItem([kpi.name.get(lang), kpi.unit.get(lang)])
                item.setData(0, CODE_ROLE, kpi.code)
                item.setToolTip(0, f"{kpi.definition.get(lang)}\n{kpi.calculation.get(lang)}")
                if kpi.code in taken:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                    item.setText(1, self.tr("already added"))
                else:
                    item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable
                        | Qt.ItemFlag.ItemIsUserCheckable
                    )
                    item.setCheckState(0, Qt.CheckState.Unchecked)
                head.addChild(item)
                self.items[kpi.code] = item
        self.tree.expandAll()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add the ticked KPIs"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def tick(self, code: str) -> None:
        self.items[code].setCheckState(0, Qt.CheckState.Checked)

    def chosen(self) -> list[StarterKpi]:
        by_code = {k.code: k for k in kpi_starters()}
        return [
            by_code[code]
            for code, item in self.items.items()
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable
            and item.checkState(0) == Qt.CheckState.Checked
        ]


class KpiPage(QWidget):
    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.editor = RecordEditor(
            session,
            "kpi",
            self._fields(),
            lambda: Kpi(category="production_efficiency", name=self.tr("New KPI")),
            lambda r: r.name,
            self,
        )
        self.starter_button = QPushButton(self)
        self.starter_button.setObjectName("starters_button")
        self.starter_button.clicked.connect(self.choose_starters)
        self.editor.extra_bar.insertWidget(4, self.starter_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.editor, 1)
        session.items_changed.connect(self._items_changed)
        self.retranslate()

    def _phase_options(self) -> list[tuple[str, str]]:
        # The phase's short name ("一期"), as the proposal's KPI table heads its columns.
        return [(p.uuid, short_phase_name(p.record.name)) for p in self.session.items("phase")]

    def _initiative_options(self) -> list[tuple[str, str]]:
        return [(p.uuid, p.record.title) for p in self.session.items("initiative")]

    def _fields(self) -> list[Field]:
        return [
            Field("name", self.tr("Name"), "text", column=True),
            Field(
                "category",
                self.tr("Category (6.2.3 a)"),
                "choice",
                lambda: _options(cat.KPI_CATEGORIES),
                column=True,
            ),
            Field("unit", self.tr("Unit"), "text", column=True),
            Field("owner", self.tr("Data owner"), "text", column=True),
            Field(
                "frequency",
                self.tr("Frequency"),
                "choice",
                lambda: _options(cat.FREQUENCIES),
                column=True,
            ),
            Field("baseline", self.tr("Baseline"), "text", column=True),
            Field("targets", self.tr("Target per phase"), "targets", self._phase_options),
            Field("definition", self.tr("Definition"), "longtext"),
            Field("calculation", self.tr("Calculation method"), "longtext"),
            Field("data_source", self.tr("Data source and transfer"), "text"),
            Field(
                "analysis",
                self.tr("Analysis method (6.2.3 d)"),
                "multi",
                lambda: _options(cat.ANALYSIS_METHODS),
            ),
            Field(
                "direction",
                self.tr("Better when"),
                "choice",
                lambda: [("up", self.tr("higher")), ("down", self.tr("lower"))],
            ),
            Field("initiatives", self.tr("Measures initiatives"), "refs", self._initiative_options),
        ]

    def _items_changed(self, kind: str) -> None:
        if kind in ("phase", "initiative"):
            self.editor.refresh()  # phase names for the targets, initiative titles

    def refresh(self) -> None:
        self.editor.refresh()

    def flush(self) -> None:
        self.editor.flush()

    def choose_starters(self) -> None:
        taken = {i.record.starter for i in self.session.items("kpi") if i.record.starter}
        dialog = StarterDialog(taken, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_starters(dialog.chosen())

    def add_starters(self, starters: list[StarterKpi]) -> None:
        records = [s.to_kpi(self.session.language) for s in starters]
        text = self.tr("Add %1 starter KPIs").replace("%1", str(len(records)))
        self.session.add_many(records, text)

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Key performance indicators to judge the transformation (6.2.3): who collects "
                "the data, how it is calculated and analysed, the baseline, and the target at "
                "the end of each phase."
            )
        )
        self.starter_button.setText(self.tr("Add from the &starter set…"))
        self.editor.relabel(self._fields())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
