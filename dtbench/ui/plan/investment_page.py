"""The Investment and benefits step: for each initiative, its cost lines (year, kind, capital
or running, 万元) and its expected benefits (KPI, baseline → target, yearly value, from which
year, the assumption); a summary (totals by year, phase and kind, payback, assumptions, the
chart) that follows every edit. The figures are those of :mod:`dtbench.plan.investment`,
which the proposal and the Excel plan show too."""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dtbench.plan import investment as inv
from dtbench.plan.records import Benefit, CostLine, Initiative, PlanItem
from dtbench.ui.kit.chart_view import LOGICAL_DPI, ChartError, ChartRenderer, ChartView
from dtbench.ui.kit.choices import option_pairs
from dtbench.ui.kit.redraw import RedrawWhenShown
from dtbench.ui.kit.reflow import reflow_splitter
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.plan.record_editor import Field, RecordEditor
from dtbench.ui.plan.session import PlanSession

# Narrower than this (logical pixels), the panes are one above the other.
SIDE_BY_SIDE_WIDTH = 900

UUID_ROLE = Qt.ItemDataRole.UserRole
_MNEMONIC = re.compile(r"\(&.\)|&(?=.)")
REDRAW_DELAY_MS = 150
NO_YEAR = 1989  # the from-year spin box's "—": no year given
CHART_ASPECT = 0.45


def _plain(label: str) -> str:
    """A field label as a column header: no mnemonic, no colon ("年度(&Y)：" → "年度")."""
    return _MNEMONIC.sub("", label).replace("&&", "&").rstrip("：:")


def _money(value: float) -> str:
    return inv.fmt_amount(value) if abs(value) >= 0.05 else "–"


class _LinesEditor(RecordEditor):
    """A RecordEditor listing the items of one initiative only; new ones are added last."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.initiative = ""
        super().__init__(*args, **kwargs)

    def visible_items(self) -> list[PlanItem]:
        return [i for i in self.session.items(self.kind) if i.record.initiative == self.initiative]

    def show_initiative(self, uuid: str) -> None:
        if uuid != self.initiative:
            self.flush()
            self.initiative = uuid
            self.uuid = ""
            self.refresh()
        self.add_button.setEnabled(bool(uuid))

    def add(self) -> None:
        if not self.initiative:
            return
        self.flush()
        record = self.make_new()
        text = self.tr("Add %1").replace("%1", self.title_of(record))
        uuid = self.session.add(record, text)
        if uuid:
            self.select(uuid)
            self.editors[self.fields[0].name].setFocus()

    def refresh(self) -> None:
        super().refresh()
        columns = [f for f in self.fields if f.column]
        self.table.setHorizontalHeaderLabels([_plain(f.label) for f in columns])

    def _put(self, field: Field, value: Any) -> None:
        if field.name == "from_year" and value is None:
            value = NO_YEAR
        super()._put(field, value)

    def _get(self, field: Field) -> Any:
        value = super()._get(field)
        return None if field.name == "from_year" and value == NO_YEAR else value


class InvestmentPage(QWidget):
    """Initiatives on the left; their cost lines, their benefits and the plan's summary in
    tabs. ``drawn`` fires each time the chart has been rendered and shown."""

    drawn = Signal()

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.renderer = ChartRenderer(self)

        self.headline = QLabel(self)
        self.headline.setObjectName("investment_headline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.initiatives = QListWidget(self)
        self.initiatives.setObjectName("investment_initiatives")
        # long titles are cut with "…" (the full title in the tooltip), never scrolled sideways
        self.initiatives.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.initiatives.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.initiatives.currentItemChanged.connect(lambda _a, _b: self._initiative_chosen())
        self.initiatives_label = QLabel(self)
        self.initiatives_label.setBuddy(self.initiatives)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.initiatives_label)
        left_layout.addWidget(self.initiatives, 1)

        self.costs = _LinesEditor(
            session,
            "cost",
            self._cost_fields(),
            self._new_cost,
            lambda r: self.tr("cost line %1").replace("%1", str(r.year)),
            validate_field=self._check_cost,
        )
        self.benefits = _LinesEditor(
            session,
            "benefit",
            self._benefit_fields(),
            lambda: Benefit(initiative=self.costs.initiative, title=self.tr("New benefit")),
            lambda r: str(r.title) or self.tr("benefit"),
        )
        spin = self.benefits.editors["from_year"]
        assert isinstance(spin, QSpinBox)
        spin.setSpecialValueText("—")

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("investment_tabs")
        self.tabs.addTab(self.costs, "")
        self.tabs.addTab(self.benefits, "")
        self.tabs.addTab(self._build_summary(), "")
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 800])
        split.setChildrenCollapsible(False)
        reflow_splitter(split, SIDE_BY_SIDE_WIDTH)  # the sheets under the list on a laptop
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(split, 1)

        self.renderer.chart_ready.connect(lambda _n, raster: self.chart.show_raster(raster))
        self.renderer.ready.connect(self.drawn)
        # the chart is drawn when it is shown, after a burst of changes
        self.redraw_when_shown = RedrawWhenShown(self.chart, self.redraw, REDRAW_DELAY_MS)
        self.chart.resized.connect(self.schedule)
        session.items_changed.connect(self._items_changed)
        self.retranslate()

    # ------------------------------------------------------------ building
    def _build_summary(self) -> QWidget:
        host = QWidget(self)
        layout = QVBoxLayout(host)
        self.payback = QLabel(host)
        self.payback.setObjectName("investment_payback")
        self.payback.setWordWrap(True)
        font = self.payback.font()
        font.setBold(True)
        self.payback.setFont(font)
        self.by_year = self._table("investment_by_year", host)
        self.by_phase = self._table("investment_by_phase", host)
        self.by_kind = self._table("investment_by_kind", host)
        self.by_year_label = QLabel(host)
        self.by_phase_label = QLabel(host)
        self.by_kind_label = QLabel(host)
        self.assumptions = QLabel(host)
        self.assumptions.setObjectName("investment_assumptions")
        self.assumptions.setWordWrap(True)
        self.problems = QLabel(host)
        self.problems.setObjectName("investment_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a33;")
        self.chart = ChartView("investment", CHART_ASPECT, host)
        self.chart_error = ChartError(self.renderer, host)
        for widget in (
            self.payback,
            self.problems,
            self.by_year_label,
            self.by_year,
            self.chart,
            self.chart_error,
            self.by_phase_label,
            self.by_phase,
            self.by_kind_label,
            self.by_kind,
            self.assumptions,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        return scroll

    @staticmethod
    def _table(name: str, parent: QWidget) -> QTableWidget:
        table = QTableWidget(parent)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

    def _cost_fields(self) -> list[Field]:
        return [
            Field("year", self.tr("&Year:"), "int", low=1990, high=2100, column=True),
            Field(
                "category",
                self.tr("&Kind:"),
                "choice",
                partial(option_pairs, inv.COST_CATEGORIES),
                column=True,
            ),
            Field(
                "nature",
                self.tr("&Nature:"),
                "choice",
                partial(option_pairs, inv.COST_NATURES),
                column=True,
            ),
            Field("amount", self.tr("A&mount (CNY 10k):"), "float", column=True),
            Field("note", self.tr("N&ote:"), "text", column=True),
        ]

    def _benefit_fields(self) -> list[Field]:
        return [
            Field("title", self.tr("Be&nefit:"), "text", column=True),
            Field("kpi", self.tr("&KPI:"), "choice", self._kpi_options, column=True),
            Field("baseline", self.tr("Base&line:"), "text"),
            Field("target", self.tr("&Target:"), "text"),
            Field("yearly_value", self.tr("&Yearly value (CNY 10k):"), "float", column=True),
            Field("from_year", self.tr("F&rom year:"), "int", low=NO_YEAR, high=2100, column=True),
            Field("assumption", self.tr("Assu&mption:"), "longtext"),
        ]

    def _kpi_options(self) -> list[tuple[str, str]]:
        return [(k.uuid, k.record.name) for k in self.session.items("kpi")]

    def _initiative(self, uuid: str) -> Initiative | None:
        item = self.session.item(uuid)
        return item.record if item is not None and item.kind == "initiative" else None

    def _new_cost(self) -> CostLine:
        ini = self._initiative(self.costs.initiative)
        year = (ini.start.year if ini and ini.start else None) or date.today().year
        return CostLine(initiative=self.costs.initiative, year=year)

    def _check_cost(self, _uuid: str, name: str, value: Any) -> str | None:
        if name == "amount" and value is None:
            return self.tr("A cost line needs an amount (0 or more).")
        return None

    # ------------------------------------------------------------ showing
    def _items_changed(self, kind: str) -> None:
        if kind in ("initiative", "phase", "cost", "benefit", "kpi"):
            if kind in ("initiative", "cost"):
                self._fill_initiatives()
            if kind == "kpi":
                self.benefits.refresh()
            self.update_summary()

    def refresh(self) -> None:
        self._fill_initiatives()
        self.costs.refresh()
        self.benefits.refresh()
        self.update_summary()

    def _fill_initiatives(self) -> None:
        current = self.costs.initiative
        self.initiatives.blockSignals(True)
        self.initiatives.clear()
        row = 0
        for n, item in enumerate(self.session.items("initiative")):
            ini: Initiative = item.record
            budget = self.tr("%1 (CNY 10k)").replace("%1", _money(ini.budget or 0))
            # one line, the budget before the title: a long title is cut, never the figure
            entry = QListWidgetItem(f"I-{n + 1:02d}  {budget}  {ini.title}")
            entry.setData(UUID_ROLE, item.uuid)
            tip = ini.title
            if inv.is_finished(ini):
                tip += "\n" + self.tr("Finished: counted as spent")
            entry.setToolTip(tip)
            self.initiatives.addItem(entry)
            if item.uuid == current:
                row = n
        if self.initiatives.count():
            self.initiatives.setCurrentRow(row)
        self.initiatives.blockSignals(False)
        self._initiative_chosen()

    def _initiative_chosen(self) -> None:
        entry = self.initiatives.currentItem()
        uuid = str(entry.data(UUID_ROLE)) if entry is not None else ""
        self.costs.show_initiative(uuid)
        self.benefits.show_initiative(uuid)
        self.benefits.initiative = uuid

    def select_initiative(self, uuid: str) -> None:
        for row in range(self.initiatives.count()):
            if self.initiatives.item(row).data(UUID_ROLE) == uuid:
                self.initiatives.setCurrentRow(row)

    def reveal(self, kind: str, uuid: str, field: str = "") -> bool:
        """Go to a cost line or a benefit (its initiative chosen first), cursor in ``field``."""
        editor = {"cost": self.costs, "benefit": self.benefits}.get(kind)
        item = self.session.item(uuid)
        if editor is None or item is None:
            return False
        self.select_initiative(item.record.initiative)
        return editor.reveal(uuid, field)

    def summary(self) -> inv.Summary:
        s = self.session
        return inv.summarize(
            s.items("initiative"), s.items("phase"), s.items("cost"), s.items("benefit")
        )

    def update_summary(self) -> None:
        """Totals, payback and checks as they are now; the chart follows."""
        s = self.summary()
        lang = ui_language()

        def money(value: float) -> str:
            return self.tr("%1 (CNY 10k)").replace("%1", _money(value))

        parts = [self.tr("Investment %1").replace("%1", money(s.total))]
        if s.total_spent:
            parts.append(self.tr("spent %1").replace("%1", money(s.total_spent)))
            parts.append(self.tr("still to spend %1").replace("%1", money(s.total_forward)))
        full = s.benefit[s.years[-1]] if s.years else 0.0
        parts.append(self.tr("benefit a year at full effect %1").replace("%1", money(full)))
        payback = (
            self.tr("payback in %1").replace("%1", str(s.payback))
            if s.payback is not None
            else self.tr("no payback within the horizon")
        )
        parts.append(payback)
        self.headline.setText(" · ".join(parts))
        self.payback.setText(inv.payback_sentence(s, lang))
        self.assumptions.setText("\n".join(f"• {a}" for a in inv.assumptions(s, lang)))
        problems = inv.check_investment(
            self.session.items("initiative"),
            self.session.items("cost"),
            self.session.items("benefit"),
            self.session.items("kpi"),
        )
        text = "\n".join("⚠ " + p.message(QCoreApplication.translate) for p in problems)
        self.problems.setText(text)
        self.problems.setVisible(bool(problems))
        years = list(s.years)
        total = self.tr("Total")
        rows = [
            (self.tr("Investment"), [s.cost[y] for y in years], s.total),
            (self.tr("of which spent"), [s.spent[y] for y in years], s.total_spent),
            (self.tr("Benefit"), [s.benefit[y] for y in years], s.total_benefit),
            (self.tr("Cumulative net"), [s.cumulative_net[y] for y in years], None),
        ]
        self._fill(self.by_year, [str(y) for y in years] + [total], rows)
        names = {p.uuid: p.record.name for p in self.session.items("phase")}
        phase_rows: list[tuple[str, list[float], float | None]] = [
            (names.get(u, self.tr("No phase")), [v[y] for y in years], sum(v.values()))
            for u, v in s.by_phase.items()
            if any(v.values())
        ]
        if s.total_spent:
            phase_rows.append(
                (self.tr("Finished (spent)"), [s.spent[y] for y in years], s.total_spent)
            )
        self._fill(self.by_phase, [str(y) for y in years] + [total], phase_rows)
        kinds = sorted({k for k, _n in s.by_kind})
        kind_rows: list[tuple[str, list[float], float | None]] = [
            (
                inv.label(inv.COST_CATEGORIES, k, lang),
                [s.by_kind.get((k, n.code), 0.0) for n in inv.COST_NATURES],
                sum(v for (kk, _n), v in s.by_kind.items() if kk == k),
            )
            for k in kinds
        ]
        natures = [n.label.get(lang) for n in inv.COST_NATURES]
        self._fill(self.by_kind, [*natures, total], kind_rows)
        self.schedule()

    @staticmethod
    def _fill(
        table: QTableWidget, headers: list[str], rows: list[tuple[str, list[float], float | None]]
    ) -> None:
        table.setColumnCount(len(headers))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels(headers)
        table.setVerticalHeaderLabels([r[0] for r in rows])
        for r, (_label, values, total) in enumerate(rows):
            for c, value in enumerate([*values, total]):
                cell = QTableWidgetItem("" if value is None else _money(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, cell)
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += sum(max(table.rowHeight(r), 22) for r in range(len(rows)))
        table.setFixedHeight(height + 4)
        # as wide as its row names and figures: at 200 % the summary scrolls sideways
        # instead of the row names covering the figures
        columns = sum(
            max(table.horizontalHeader().sectionSizeHint(c), table.sizeHintForColumn(c))
            for c in range(table.columnCount())
        )
        table.setMinimumWidth(table.verticalHeader().sizeHint().width() + columns + 4)

    # ------------------------------------------------------------ chart
    def schedule(self) -> None:
        """The figures changed: the chart is drawn again (now if shown, else when shown)."""
        self.redraw_when_shown.invalidate()

    def redraw(self) -> None:
        """Render the chart in a chart worker; ``drawn`` fires when it is shown."""
        from dtbench.reports.investment_charts import InvestmentTexts, investment_figure
        from dtbench.reports.raster import draw

        s = self.session
        texts = InvestmentTexts(
            title=self.tr("Investment and benefit by year"),
            investment=self.tr("Investment"),
            benefit=self.tr("Benefit"),
            net=self.tr("Cumulative net"),
            unit=self.tr("CNY 10,000"),
            payback=self.tr("Payback %1"),
            empty=self.tr("No investment entered yet."),
        )
        dpi = LOGICAL_DPI * self.devicePixelRatioF()
        self.renderer.request(
            {
                "investment": partial(
                    draw,
                    investment_figure,
                    s.items("initiative"),
                    s.items("phase"),
                    s.items("cost"),
                    s.items("benefit"),
                    texts,
                    self.chart.inches(),
                    dpi=dpi,
                )
            }
        )

    # ------------------------------------------------------------ editing, language
    def flush(self) -> None:
        self.costs.flush()
        self.benefits.flush()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("&Cost lines"))
        self.tabs.setTabText(1, self.tr("&Benefits"))
        self.tabs.setTabText(2, self.tr("&Summary"))
        self.initiatives_label.setText(self.tr("&Initiatives:"))
        self.by_year_label.setText(self.tr("By year (CNY 10k)"))
        self.by_phase_label.setText(self.tr("By phase (CNY 10k)"))
        self.by_kind_label.setText(self.tr("By kind (CNY 10k)"))
        self.costs.relabel(self._cost_fields())
        self.benefits.relabel(self._benefit_fields())
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
