"""The Dashboard step: overall index, completion, area radar, ranked gaps, heatmap, rounds.

Scores are recomputed at once on every answer; the charts are redrawn in the chart worker
processes shortly after the last change (and only while the dashboard is shown), so typing
never waits for matplotlib.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.diagnosis.scale import STATUS_NAMES, index_text
from dtbench.diagnosis.scoring import ALL_STATUSES, moved_clauses
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.chart_view import LOGICAL_DPI, ChartError, ChartRenderer, ChartView
from dtbench.ui.kit.redraw import RedrawWhenShown
from dtbench.ui.kit.scale_labels import level_label

if TYPE_CHECKING:
    from dtbench.reports.benchmark_charts import BenchmarkChart
    from dtbench.reports.diagnosis_charts import ChartTexts
    from dtbench.reports.raster import Raster
    from dtbench.team.benchmark import Comparison

REDRAW_DELAY_MS = 100


# name, row, column, column span, height / width
LAYOUT = (
    ("index", 0, 0, 1, 0.6),
    ("progress", 0, 1, 1, 0.6),
    ("radar", 1, 0, 1, 0.9),
    ("gaps", 1, 1, 1, 0.9),
    ("heatmap", 2, 0, 1, 0.62),
    ("rounds", 2, 1, 1, 0.62),
)


# The slowest charts first, so that the workers finish together (longest job first).
DRAW_ORDER = ("gaps", "radar", "heatmap", "rounds", "progress", "index")


class DashboardPage(QWidget):
    drawn = Signal()

    def __init__(self, session: DiagnosisSession, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._lang = language
        self.redraw_when_shown = RedrawWhenShown(self, self.redraw, REDRAW_DELAY_MS)
        self.figures = QLabel(self)
        self.figures.setObjectName("key_figures")
        self.figures.setWordWrap(True)
        font = self.figures.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.figures.setFont(font)
        self.font_warning = QLabel(self)
        self.font_warning.setObjectName("font_warning")
        self.font_warning.setWordWrap(True)
        self.font_warning.setStyleSheet(
            "background: #fff3cd; color: #5c4400; padding: 6px; border-radius: 3px;"
        )
        self.font_warning.hide()
        self.cjk_font: bool | None = None  # can the charts draw Chinese? (asked below)

        self.views: dict[str, ChartView] = {}
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        for name, row, col, span, aspect in LAYOUT:
            view = ChartView(name, aspect, grid_host)
            view.resized.connect(self.redraw_when_shown.invalidate)
            grid.addWidget(view, row, col, 1, span)
            self.views[name] = view
        self.moved_title = QLabel(grid_host)
        self.moved_title.setObjectName("moved_title")
        self.moved = QTableWidget(0, 4, grid_host)
        self.moved.setObjectName("moved_clauses")
        self.moved.verticalHeader().hide()
        self.moved.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.moved.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            self.moved.horizontalHeader().setSectionResizeMode(
                c, QHeaderView.ResizeMode.ResizeToContents
            )
        self.moved.setMinimumHeight(160)
        grid.addWidget(self.moved_title, 3, 0, 1, 2)
        grid.addWidget(self.moved, 4, 0, 1, 2)
        # The firm benchmark: this client among the firm's opted-in engagements of its
        # industry and size band (dtbench.team.benchmark), or a line saying why not.
        self.benchmark_title = QLabel(grid_host)
        self.benchmark_title.setObjectName("benchmark_title")
        self.benchmark_note = QLabel(grid_host)
        self.benchmark_note.setObjectName("benchmark_note")
        self.benchmark_note.setWordWrap(True)
        self.benchmark_view = ChartView("benchmark", 0.5, grid_host)
        self.benchmark_view.resized.connect(self.redraw_when_shown.invalidate)
        self.benchmark_view.hide()
        self.benchmark: Comparison | None = None
        grid.addWidget(self.benchmark_title, 5, 0, 1, 2)
        grid.addWidget(self.benchmark_note, 6, 0, 1, 2)
        grid.addWidget(self.benchmark_view, 7, 0, 1, 2)
        self.views_all = {**self.views, "benchmark": self.benchmark_view}

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(grid_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.figures)
        layout.addWidget(self.font_warning)
        layout.addWidget(self.scroll_area, 1)

        self.renderer = ChartRenderer(self)
        self.chart_error = ChartError(self.renderer, self)
        layout.insertWidget(2, self.chart_error)
        self.renderer.chart_ready.connect(self._show_one)
        self.renderer.ready.connect(self.drawn)
        self._shown: dict[str, Hashable] = {}  # what each view shows now
        self._pending: dict[str, Hashable] = {}  # what the views are being redrawn with
        from dtbench.reports.render_pool import cjk_font_found

        self.renderer.ask(cjk_font_found, self._font_checked)
        session.report_changed.connect(self._report_changed)
        session.rounds_changed.connect(self._report_changed)
        self.retranslate()

    def first_focus(self) -> QScrollArea:
        """The charts, from the top: the arrow keys and PgDown scroll them (the list of
        clauses that moved, the first field, would scroll the charts out of view)."""
        return self.scroll_area

    def _font_checked(self, found: object) -> None:
        self.cjk_font = bool(found)
        self.font_warning.setVisible(not found)

    def set_language(self, language: str) -> None:
        self._lang = language
        self._report_changed()

    # ------------------------------------------------------------ updating
    def _report_changed(self) -> None:
        self._update_figures()
        self._update_moved()
        self.redraw_when_shown.invalidate()

    def redraw(self, everything: bool = False) -> None:
        """Draw the charts whose content changed, side by side in the chart workers, each
        shown as soon as it is drawn; ``drawn`` fires when the last one is shown."""
        from dtbench.reports.diagnosis_charts import DiagnosisCharts, build, chart_key
        from dtbench.reports.raster import draw

        session = self.session
        rounds = [(r.name, session.report_of(r.uuid)) for r in session.rounds]
        data = DiagnosisCharts(session.guide, self._lang, session.report, rounds, self._texts())
        dpi = LOGICAL_DPI * self.devicePixelRatioF()
        jobs = {}
        self._pending = {}
        for name in DRAW_ORDER:
            view = self.views[name]
            size = view.inches()
            key = (chart_key(data, name), size, dpi)
            if not everything and self._shown.get(name) == key:
                continue
            self._pending[name] = key
            jobs[name] = partial(draw, build, data, name, size, dpi=dpi)
        chart = self._update_benchmark()
        if chart is not None:
            from dtbench.reports import benchmark_charts

            key = (benchmark_charts.chart_key(chart), self.benchmark_view.inches(), dpi)
            if everything or self._shown.get("benchmark") != key:
                self._pending["benchmark"] = key
                jobs["benchmark"] = partial(
                    draw, benchmark_charts.build, chart, self.benchmark_view.inches(), dpi=dpi
                )
        self.renderer.request(jobs)

    def _update_benchmark(self) -> BenchmarkChart | None:
        """Compare this round with the firm's entries; the chart's data when there are
        enough comparable engagements, else None and the note says why."""
        from dtbench.team import benchmark

        session = self.session
        if not session.engagement:
            return None
        self.benchmark = result = benchmark.compare(
            session.store, session.engagement, session.report
        )
        self._show_benchmark_note()
        if not result.shown:
            return None
        from dtbench.reports.benchmark_charts import BenchmarkChart, BenchmarkTexts, rows_of

        titles = {a.key: f"{a.key} {a.title.get(self._lang)}" for a in session.guide.areas}
        rows = rows_of([(titles.get(a.key, a.key), a.index) for a in result.areas])
        texts = BenchmarkTexts(
            title=self.tr("Index by area: this client among the firm's engagements"),
            firm_range=self.tr("Firm: lowest to highest"),
            middle_half=self.tr("Firm: middle half"),
            median=self.tr("Firm: median"),
            client=self.tr("This client"),
            axis=self.tr("Index (0–100)"),
            count=self.tr("n = %1"),
        )
        return BenchmarkChart(rows, texts)

    def _show_benchmark_note(self) -> None:
        result = self.benchmark
        shown = result is not None and result.shown
        self.benchmark_view.setVisible(shown)
        if result is None:
            self.benchmark_note.setText("")
        elif not result.industry or not result.size_band:
            self.benchmark_note.setText(
                self.tr(
                    "Set the client's industry and size in the profile to compare it with "
                    "the firm's other engagements."
                )
            )
        elif shown:
            # Which group the client is compared with, named: "the same industry" alone
            # left the consultant to guess what the profile's fields had matched.
            bands = {
                "micro": self.tr("micro enterprises"),
                "small": self.tr("small enterprises"),
                "medium": self.tr("medium-sized enterprises"),
                "large": self.tr("large enterprises"),
            }
            self.benchmark_note.setText(
                self.tr(
                    "Compared with %1 engagements of the firm in the same industry (%2) and "
                    "size band (%3), anonymised; only those their leads included."
                )
                .replace("%1", str(result.n))
                .replace("%2", result.industry)
                .replace("%3", bands.get(result.size_band, result.size_band))
            )
        else:
            from dtbench.team.benchmark import MIN_COMPARABLE

            self.benchmark_note.setText(
                self.tr("Not enough comparable engagements (%1 of %2).")
                .replace("%1", str(result.n))
                .replace("%2", str(MIN_COMPARABLE))
            )

    def _show_one(self, name: str, raster: Raster) -> None:
        self.views_all[name].show_raster(raster)
        if name in self._pending:
            self._shown[name] = self._pending[name]

    def _update_figures(self) -> None:
        report = self.session.report
        parts = [
            self.tr("Overall index: %1").replace("%1", index_text(report.overall_index)),
            self.tr("Answered: %1 of %2 (%3 %)")
            .replace("%1", str(report.answered))
            .replace("%2", str(report.total))
            .replace("%3", f"{100 * report.completion:.0f}"),
        ]
        if report.current_level is not None:
            parts.append(
                self.tr("Average level now: %1").replace("%1", f"{report.current_level:.1f}")
            )
        if report.target_level is not None:
            parts.append(self.tr("target: %1").replace("%1", f"{report.target_level:.1f}"))
        gaps = report.ranked_gaps()
        if gaps:
            top = ", ".join(c.key for c in gaps[:3])
            parts.append(self.tr("Top gaps: %1").replace("%1", top))
        self.figures.setText("  ·  ".join(parts))

    def _update_moved(self) -> None:
        session = self.session
        rounds = session.rounds
        index = next((n for n, r in enumerate(rounds) if r.uuid == session.round.uuid), -1)
        self.moved.setRowCount(0)
        if index <= 0:
            self.moved_title.setText(
                self.tr("Clauses that moved: start a follow-up round to compare with this one.")
            )
            return
        before = rounds[index - 1]
        moved = moved_clauses(session.report_of(before.uuid), session.report)
        self.moved_title.setText(
            self.tr("Clauses that moved since “%1”: %2")
            .replace("%1", before.name)
            .replace("%2", str(len(moved)))
        )
        self.moved.setRowCount(len(moved))
        for row, m in enumerate(moved):
            label = session.guide.clause(m.key).label(self._lang)

            def index_text(v: float | None) -> str:
                return "—" if v is None else f"{v:.0f}"

            cells = (
                label,
                f"{level_label(m.level_before)} → {level_label(m.level_after)}",
                f"{index_text(m.index_before)} → {index_text(m.index_after)}",
                "" if m.level_change is None else f"{m.level_change:+d}",
            )
            for col, text in enumerate(cells):
                self.moved.setItem(row, col, QTableWidgetItem(text))

    def _texts(self) -> ChartTexts:
        from dtbench.reports.diagnosis_charts import ChartTexts

        lang = self._lang
        return ChartTexts(
            overall_index=self.tr("Overall index"),
            progress_title=self.tr("Completion by area"),
            answered=self.tr("Answered"),
            open=self.tr("Unanswered"),
            radar_title=self.tr("Maturity level by part of the guide"),
            current=self.tr("Current"),
            target=self.tr("Target"),
            gaps_title=self.tr("Gaps ranked by priority"),
            priority=self.tr("Priority"),
            heatmap_title=self.tr("Answers by area"),
            statuses=tuple(STATUS_NAMES[s].get(lang) for s in ALL_STATUSES),
            items=self.tr("Items"),
            rounds_title=self.tr("Index by area and round"),
            index_axis=self.tr("Index (0–100)"),
            no_data=self.tr("No answers yet."),
            no_gaps=self.tr("No gaps: set target levels above the current ones."),
            one_round=self.tr("Only one round so far. Start a follow-up round to compare."),
        )

    def retranslate(self) -> None:
        self.font_warning.setText(
            self.tr(
                "No font that can display Chinese was found, so Chinese text in charts may "
                "appear as empty boxes. Install a Chinese font (for example Noto Sans CJK SC) "
                "and restart dtbench."
            )
        )
        self.moved.setHorizontalHeaderLabels(
            [self.tr("Clause"), self.tr("Level"), self.tr("Index"), self.tr("Change")]
        )
        self.benchmark_title.setText(self.tr("Firm benchmark"))
        self._show_benchmark_note()
        self._update_figures()
        self._update_moved()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.redraw_when_shown.invalidate()
        super().changeEvent(event)
