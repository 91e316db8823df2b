"""The Roadmap step (guide 6.2.2): phases, initiatives, suggestions from the diagnosis, the
roadmap checks, and the priority matrix and Gantt chart."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

import msgspec
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dtbench.plan import catalogue as cat
from dtbench.plan.checks import check_roadmap, would_cycle
from dtbench.plan.records import Initiative, Phase
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.chart_view import LOGICAL_DPI, ChartError, ChartRenderer, ChartView
from dtbench.ui.kit.choices import option_pairs
from dtbench.ui.kit.redraw import RedrawWhenShown
from dtbench.ui.kit.window_fit import resize_within_screen
from dtbench.ui.plan.record_editor import Field, RecordEditor
from dtbench.ui.plan.session import PlanSession

if TYPE_CHECKING:
    from dtbench.reports.plan_charts import RoadmapTexts
    from dtbench.reports.raster import Raster

UUID_ROLE = Qt.ItemDataRole.UserRole
REDRAW_DELAY_MS = 200


_options = option_pairs


class SuggestDialog(QDialog):
    """Suggested initiatives: tick the ones to accept; titles may be edited here."""

    def __init__(self, suggestions: list[Initiative], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestions = suggestions
        self.setWindowTitle(self.tr("Suggested initiatives"))
        resize_within_screen(self, 900, 520)
        intro = QLabel(
            self.tr(
                "One initiative per prioritised gap, prefilled from the clause's open guide "
                "items and ordered from easy to hard (value for effort first). Untick the ones "
                "to discard; edit titles here and everything else after accepting."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(suggestions), 4, self)
        self.table.setObjectName("suggestions")
        self.table.verticalHeader().hide()
        self.table.setHorizontalHeaderLabels(
            [self.tr("Initiative"), self.tr("Clause"), self.tr("Value"), self.tr("Effort")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for row, ini in enumerate(suggestions):
            title = QTableWidgetItem(ini.title)
            title.setFlags(title.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            title.setCheckState(Qt.CheckState.Checked)
            title.setToolTip(ini.description)
            self.table.setItem(row, 0, title)
            for col, text in enumerate((", ".join(ini.clauses), str(ini.value), str(ini.effort))):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                cell.setToolTip(ini.description)
                self.table.setItem(row, col + 1, cell)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Accept the ticked ones"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        all_button = buttons.addButton(self.tr("Tick none"), QDialogButtonBox.ButtonRole.ResetRole)
        all_button.clicked.connect(lambda: self._tick(False))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _tick(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            if cell is not None:
                cell.setCheckState(state)

    def accepted_initiatives(self) -> list[Initiative]:
        out = []
        for row, ini in enumerate(self.suggestions):
            cell = self.table.item(row, 0)
            if cell is not None and cell.checkState() == Qt.CheckState.Checked:
                title = cell.text().strip() or ini.title
                out.append(msgspec.structs.replace(ini, title=title))
        return out


class RoadmapPage(QWidget):
    drawn = Signal()

    def __init__(
        self, plan: PlanSession, diagnosis: DiagnosisSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.diagnosis = diagnosis
        self.tabs = QTabWidget(self)
        self.phases = RecordEditor(
            plan,
            "phase",
            self._phase_fields(),
            lambda: Phase(name=self.tr("New phase")),
            lambda r: r.name,
            self,
        )
        self.initiatives = RecordEditor(
            plan,
            "initiative",
            self._initiative_fields(),
            lambda: Initiative(title=self.tr("New initiative")),
            lambda r: r.title,
            self,
            validate_field=self._validate_field,
        )
        self.suggest_button = QPushButton(self)
        self.suggest_button.setObjectName("suggest")
        self.suggest_button.clicked.connect(self.suggest)
        self.initiatives.extra_bar.insertWidget(4, self.suggest_button)
        self.problems_label = QLabel(self)
        self.problems = QListWidget(self)
        self.problems.setObjectName("roadmap_problems")
        self.problems.setMaximumHeight(90)
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems_label.setBuddy(self.problems)
        initiatives_tab = QWidget(self)
        il = QVBoxLayout(initiatives_tab)
        il.setContentsMargins(0, 0, 0, 0)
        il.addWidget(self.initiatives, 1)
        il.addWidget(self.problems_label)
        il.addWidget(self.problems)

        self.renderer = ChartRenderer(self)
        self.matrix_view = ChartView("matrix", 0.8, self)
        self.gantt_view = ChartView("gantt", 0.6, self)
        charts_host = QWidget(self)
        outer = QVBoxLayout(charts_host)
        outer.setContentsMargins(0, 0, 0, 0)
        self.chart_error = ChartError(self.renderer, charts_host)
        outer.addWidget(self.chart_error)
        cl = QHBoxLayout()
        outer.addLayout(cl, 1)
        split = QSplitter(self)
        split.addWidget(self.matrix_view)
        self.gantt_scroll = QScrollArea(self)
        self.gantt_scroll.setWidgetResizable(True)
        self.gantt_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there, so the chart is drawn for the width it is shown at (a scroll bar that
        # appeared after drawing would cut the picture's edges off).
        self.gantt_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.gantt_scroll.setWidget(self.gantt_view)
        split.addWidget(self.gantt_scroll)
        split.setSizes([420, 700])
        cl.addWidget(split)

        self.tabs.addTab(self.phases, "")
        self.tabs.addTab(initiatives_tab, "")
        self.tabs.addTab(charts_host, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.renderer.chart_ready.connect(self._show_chart)
        # the charts tab: drawn when it is the one shown
        self.redraw_when_shown = RedrawWhenShown(charts_host, self.redraw, REDRAW_DELAY_MS)
        for view in (self.matrix_view, self.gantt_view):
            view.resized.connect(self.redraw_when_shown.invalidate)
        self.renderer.ready.connect(self.drawn)
        plan.items_changed.connect(self._items_changed)
        self.retranslate()

    # ------------------------------------------------------------ fields
    def _phase_options(self) -> list[tuple[str, str]]:
        return [(p.uuid, p.record.name) for p in self.plan.items("phase")]

    def _initiative_options(self) -> list[tuple[str, str]]:
        from dtbench.reports.plan_charts import number_of

        return [
            (p.uuid, f"{number_of(n)} {p.record.title}")
            for n, p in enumerate(self.plan.items("initiative"))
        ]

    def _phase_fields(self) -> list[Field]:
        return [
            Field("name", self.tr("Name"), "text", column=True),
            Field("start", self.tr("Start"), "date", column=True),
            Field("end", self.tr("End"), "date", column=True),
            Field("goals", self.tr("Goals"), "longtext"),
            Field("entry_criteria", self.tr("Entry criteria"), "longtext"),
            Field("exit_criteria", self.tr("Exit criteria"), "longtext"),
            Field(
                "contents",
                self.tr("Transformation contents (6.2.2 c)"),
                "multi",
                lambda: _options(cat.TRANSFORMATION_CONTENTS),
                column=True,
            ),
        ]

    def _initiative_fields(self) -> list[Field]:
        return [
            Field("title", self.tr("Title"), "text", column=True),
            Field("phase", self.tr("Phase"), "choice", self._phase_options, column=True),
            Field("owner", self.tr("Owner"), "text", column=True),
            Field("start", self.tr("Start"), "date", column=True),
            Field("end", self.tr("End"), "date", column=True),
            Field(
                "status",
                self.tr("Status"),
                "choice",
                lambda: _options(cat.INITIATIVE_STATUSES),
                column=True,
            ),
            Field("value", self.tr("Expected value (1–5)"), "int", column=True),
            Field("effort", self.tr("Effort (1–5)"), "int", column=True),
            Field("budget", self.tr("Budget (CNY 10,000)"), "float", column=True),
            Field("description", self.tr("Description"), "longtext"),
            Field("clauses", self.tr("Linked clauses"), "clauses"),
            Field("depends_on", self.tr("Depends on"), "refs", self._initiative_options),
            Field("consulting", self.tr("External consulting needed"), "bool"),
            Field(
                "consulting_task",
                self.tr("Consulting task (6.2.2 e)"),
                "choice",
                lambda: _options(cat.CONSULTING_TASKS),
            ),
            Field("key", self.tr("Key initiative: a charter in the proposal"), "bool"),
            Field("objective", self.tr("Charter: objective"), "longtext"),
            Field("scope", self.tr("Charter: scope"), "longtext"),
            Field("deliverables", self.tr("Charter: deliverables"), "longtext"),
            Field("milestones", self.tr("Charter: milestones (one per line)"), "longtext"),
            Field("team", self.tr("Charter: team"), "longtext"),
            Field("acceptance", self.tr("Charter: acceptance criteria"), "longtext"),
            Field("risks", self.tr("Charter: risks"), "longtext"),
        ]

    def _validate_field(self, uuid: str, name: str, value: object) -> str | None:
        if name == "budget" and any(
            c.record.initiative == uuid for c in self.plan.items("cost")
        ):  # one figure: the budget is the sum of the cost lines (plan/investment.py)
            return self.tr(
                "This initiative's budget is the sum of its cost lines; change them in the "
                "Investment and benefits step."
            )
        if name == "depends_on":
            graph = {i.uuid: i.record.depends_on for i in self.plan.items("initiative")}
            assert isinstance(value, tuple)
            if would_cycle(graph, uuid, value):
                return self.tr(
                    "That dependency would close a cycle: an initiative cannot depend, "
                    "directly or through others, on itself."
                )
        if name == "clauses":
            assert isinstance(value, tuple)
            known = {c.key for c in self.diagnosis.guide.clauses()}
            unknown = [k for k in value if k not in known]
            if unknown:
                return self.tr("Not a clause of the guide: %1").replace("%1", ", ".join(unknown))
        return None

    # ------------------------------------------------------------ updating
    def refresh(self) -> None:
        self.phases.refresh()
        self.initiatives.refresh()
        self._update_problems()
        self.redraw_when_shown.invalidate()

    def _items_changed(self, kind: str) -> None:
        if kind == "phase":
            self.initiatives.refresh()  # phase names in the initiatives table and form
        if kind in ("phase", "initiative"):
            self._update_problems()
            self.redraw_when_shown.invalidate()

    def _update_problems(self) -> None:
        from PySide6.QtCore import QCoreApplication

        problems = check_roadmap(self.plan.items("phase"), self.plan.items("initiative"))
        self.problems.clear()
        for p in problems:
            item = QListWidgetItem("⚠ " + p.message(QCoreApplication.translate))
            item.setData(UUID_ROLE, p.item)
            self.problems.addItem(item)
        if not problems:
            self.problems.addItem(self.tr("No problems found in dates and dependencies."))
        self.problems_label.setText(
            self.tr("Roadmap chec&ks: %1 problem(s)").replace("%1", str(len(problems)))
        )

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        uuid = item.data(UUID_ROLE)
        if not uuid:
            return
        found = self.plan.item(str(uuid))
        if found is not None and found.kind == "phase":
            self.tabs.setCurrentIndex(0)
            self.phases.select(str(uuid))
        elif found is not None:
            self.initiatives.select(str(uuid))

    def suggest(self) -> None:
        from dtbench.plan.suggest import suggest_initiatives

        existing = [i.record for i in self.plan.items("initiative")]
        suggestions = suggest_initiatives(
            self.diagnosis.guide,
            self.diagnosis.report,
            self.diagnosis.data.statuses(),
            existing,
            self.plan.language,
            self.plan.items("phase"),
        )
        if not suggestions:
            self.plan.error.emit(
                self.tr(
                    "There is nothing to suggest: every clause with a gap (target above current "
                    "level) already has an initiative. Set target levels in the Diagnosis step."
                )
            )
            return
        dialog = SuggestDialog(suggestions, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.accept_suggestions(dialog.accepted_initiatives())

    def accept_suggestions(self, accepted: list[Initiative]) -> None:
        text = self.tr("Accept %1 suggested initiatives").replace("%1", str(len(accepted)))
        self.plan.add_many(accepted, text)

    def redraw(self) -> None:
        from dtbench.reports.plan_charts import gantt_figure, gantt_size, matrix_figure
        from dtbench.reports.raster import draw

        initiatives = self.plan.items("initiative")
        phases = self.plan.items("phase")
        texts = self._texts()
        dpi = LOGICAL_DPI * self.devicePixelRatioF()
        width = max(self.gantt_scroll.viewport().width(), 400) / LOGICAL_DPI
        self.renderer.request(
            {
                "matrix": partial(
                    draw,
                    matrix_figure,
                    initiatives,
                    phases,
                    texts,
                    self.matrix_view.inches(),
                    dpi=dpi,
                ),
                "gantt": partial(
                    draw,
                    gantt_figure,
                    initiatives,
                    phases,
                    texts,
                    gantt_size(initiatives, phases, width),
                    today=date.today(),
                    dpi=dpi,
                ),
            }
        )

    def _show_chart(self, name: str, raster: Raster) -> None:
        if name == "matrix":
            self.matrix_view.show_raster(raster)
        else:
            self.gantt_view.show_raster(raster)
            pixmap = self.gantt_view.pixmap()
            self.gantt_view.setMinimumHeight(int(pixmap.deviceIndependentSize().height()))

    def _texts(self) -> RoadmapTexts:
        from dtbench.reports.plan_charts import RoadmapTexts

        return RoadmapTexts(
            matrix_title=self.tr("Priority matrix"),
            value=self.tr("Expected value"),
            effort=self.tr("Effort"),
            quadrants=(
                self.tr("Quick wins"),
                self.tr("Major projects"),
                self.tr("Fill-ins"),
                self.tr("Reconsider"),
            ),
            gantt_title=self.tr("Roadmap by phase"),
            no_phase=self.tr("No phase"),
            no_dates=self.tr("Give initiatives start and end dates to see the Gantt chart."),
            milestone=self.tr("Milestone"),
            dependency=self.tr("Depends on"),
        )

    def flush(self) -> None:
        self.phases.flush()
        self.initiatives.flush()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("&Phases"))
        self.tabs.setTabText(1, self.tr("&Initiatives"))
        self.tabs.setTabText(2, self.tr("Cha&rts"))
        self.suggest_button.setText(self.tr("&Suggest initiatives…"))
        self.phases.relabel(self._phase_fields())
        self.initiatives.relabel(self._initiative_fields())
        self._update_problems()
        self.redraw_when_shown.invalidate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
