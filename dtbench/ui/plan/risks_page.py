"""The Risks step: the project risk register (risk, category, probability and impact 1–5,
response, owner, status, initiatives concerned), its checks, the probability × impact
matrix, and a starter set of common transformation risks to pick from. People's resistance
to change is not here: it is in Organization and culture (6.3.2 h)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dtbench.plan import catalogue as cat
from dtbench.plan.records import Risk
from dtbench.plan.risk_starters import StarterRisk, risk_starters
from dtbench.plan.risks import LEVEL_NAMES, check_risks, level, number_of
from dtbench.ui.kit.chart_view import LOGICAL_DPI, ChartError, ChartRenderer, ChartView
from dtbench.ui.kit.choices import option_pairs
from dtbench.ui.kit.pick_dialog import PickDialog, PickRow
from dtbench.ui.kit.redraw import RedrawWhenShown
from dtbench.ui.kit.reflow import reflow_splitter
from dtbench.ui.kit.scale_labels import ui_language
from dtbench.ui.plan.record_editor import Field, RecordEditor
from dtbench.ui.plan.session import PlanSession

# Narrower than this (logical pixels), the panes are one above the other.
SIDE_BY_SIDE_WIDTH = 900

if TYPE_CHECKING:
    from dtbench.reports.raster import Raster
    from dtbench.reports.risk_charts import RiskTexts

UUID_ROLE = Qt.ItemDataRole.UserRole
REDRAW_DELAY_MS = 200
MATRIX_ASPECT = 1.0


class RisksPage(QWidget):
    """``drawn`` fires each time the risk matrix has been rendered and shown."""

    drawn = Signal()

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.editor = RecordEditor(
            session,
            "risk",
            self._fields(),
            lambda: Risk(risk=self.tr("New risk"), category="delivery"),
            lambda r: r.risk if len(r.risk) <= 30 else r.risk[:29] + "…",
            self,
        )
        self.starter_button = QPushButton(self)
        self.starter_button.setObjectName("risk_starters_button")
        self.starter_button.clicked.connect(self.choose_starters)
        self.editor.extra_bar.insertWidget(4, self.starter_button)
        self.problems_label = QLabel(self)
        self.problems = QListWidget(self)
        self.problems.setObjectName("risk_problems")
        self.problems.setMaximumHeight(80)
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems_label.setBuddy(self.problems)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.editor, 1)
        left_layout.addWidget(self.problems_label)
        left_layout.addWidget(self.problems)

        self.renderer = ChartRenderer(self)
        self.matrix_view = ChartView("risk_matrix", MATRIX_ASPECT, self)
        self.matrix_view.setMinimumSize(260, 260)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(ChartError(self.renderer, right))
        right_layout.addWidget(self.matrix_view)
        right_layout.addStretch(1)

        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        reflow_splitter(split, SIDE_BY_SIDE_WIDTH)  # the matrix under the list on a laptop
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(split, 1)

        # Drawn once per burst of changes, and only while the matrix is shown.
        self.redraw_when_shown = RedrawWhenShown(self.matrix_view, self.redraw, REDRAW_DELAY_MS)
        self.renderer.chart_ready.connect(self._show_chart)
        self.renderer.ready.connect(self.drawn)
        self.matrix_view.resized.connect(self.invalidate)
        session.items_changed.connect(self._items_changed)
        self.retranslate()

    # ------------------------------------------------------------ fields
    def _initiative_options(self) -> list[tuple[str, str]]:
        from dtbench.reports.plan_charts import number_of

        return [
            (p.uuid, f"{number_of(n)} {p.record.title}")
            for n, p in enumerate(self.session.items("initiative"))
        ]

    def _fields(self) -> list[Field]:
        return [
            Field("risk", self.tr("&Risk"), "longtext", column=True),
            Field(
                "category",
                self.tr("Cate&gory"),
                "choice",
                lambda: option_pairs(cat.RISK_CATEGORIES),
                column=True,
            ),
            Field("probability", self.tr("Pro&bability (1–5)"), "int", column=True),
            Field("impact", self.tr("&Impact (1–5)"), "int", column=True),
            Field("response", self.tr("Res&ponse"), "longtext"),
            Field("owner", self.tr("O&wner"), "text", column=True),
            Field(
                "status",
                self.tr("S&tatus"),
                "choice",
                lambda: option_pairs(cat.RISK_STATUSES),
                column=True,
            ),
            Field(
                "initiatives", self.tr("Concerns i&nitiatives"), "refs", self._initiative_options
            ),
        ]

    # ------------------------------------------------------------ updating
    def refresh(self) -> None:
        self.editor.refresh()
        self._number_rows()
        self._update_problems()
        self.invalidate()

    def flush(self) -> None:
        self.editor.flush()

    def _items_changed(self, kind: str) -> None:
        if kind == "initiative":
            self.editor.refresh()  # initiative titles in the form
        if kind in ("risk", "initiative"):
            self._number_rows()
            self._update_problems()
        if kind == "risk":
            self.invalidate()

    def _number_rows(self) -> None:
        """Each row numbered as on the matrix and in the documents (R-01…, the register's
        order), so a number on the chart leads to its row."""
        table = self.editor.table
        table.verticalHeader().show()
        table.setVerticalHeaderLabels([number_of(n) for n in range(table.rowCount())])

    def _update_problems(self) -> None:
        problems = check_risks(self.session.items("risk"), self.session.items("initiative"))
        self.problems.clear()
        for p in problems:
            item = QListWidgetItem("⚠ " + p.message(QCoreApplication.translate))
            item.setData(UUID_ROLE, p.item)
            self.problems.addItem(item)
        risks = [i.record for i in self.session.items("risk")]
        high = sum(1 for r in risks if level(r) == "high" and r.status != "closed")
        if not problems:
            self.problems.addItem(self.tr("Every open high risk has a response and an owner."))
        self.problems_label.setText(
            self.tr("Chec&ks: %1 open high risk(s), %2 problem(s)")
            .replace("%1", str(high))
            .replace("%2", str(len(problems)))
        )

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        uuid = item.data(UUID_ROLE)
        if uuid:
            self.editor.select(str(uuid))
            self.editor.editors["response"].setFocus()

    # ------------------------------------------------------------ starters
    def choose_starters(self) -> None:
        lang = ui_language()
        starters = risk_starters()
        taken = {i.record.starter for i in self.session.items("risk") if i.record.starter}
        rows = [
            PickRow(
                (
                    s.risk.get(lang),
                    cat.label(cat.RISK_CATEGORIES, s.category, lang),
                    f"{s.probability} × {s.impact}",
                    LEVEL_NAMES[level(s.to_risk(lang))].get(lang),
                ),
                tooltip=s.response.get(lang),
                taken=s.code in taken,
            )
            for s in starters
        ]
        dialog = PickDialog(
            self.tr("Starter risks"),
            self.tr(
                "Common risks of a transformation programme, drawn from the guide's principles "
                "and success factors, with a typical probability and impact and a suggested "
                "response (shown as a tooltip). Tick the ones that apply (Space ticks the "
                "current row); adapt the ratings, response and owner to the client afterwards. "
                "People's resistance to change belongs in Organization and culture."
            ),
            [self.tr("Risk"), self.tr("Category"), self.tr("P × I"), self.tr("Level")],
            rows,
            self.tr("Add the ticked risks"),
            self.tr("already added"),
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_starters([starters[n] for n in dialog.chosen()])

    def add_starters(self, starters: list[StarterRisk]) -> None:
        """Add the starters, in the engagement's language, as one undoable step."""
        if not starters:
            return
        records = [s.to_risk(self.session.language) for s in starters]
        text = self.tr("Add %1 starter risks").replace("%1", str(len(records)))
        self.session.add_many(records, text)

    # ------------------------------------------------------------ chart
    def invalidate(self) -> None:
        """The register changed: redraw the matrix shortly if shown, else when next shown."""
        self.redraw_when_shown.invalidate()

    def redraw(self) -> None:
        from dtbench.reports.raster import draw
        from dtbench.reports.risk_charts import risk_matrix_figure

        dpi = LOGICAL_DPI * self.devicePixelRatioF()
        self.renderer.request(
            {
                "risk_matrix": partial(
                    draw,
                    risk_matrix_figure,
                    self.session.items("risk"),
                    self._texts(),
                    self.matrix_view.inches(),
                    dpi=dpi,
                )
            }
        )

    def _show_chart(self, _name: str, raster: Raster) -> None:
        self.matrix_view.show_raster(raster)

    def _texts(self) -> RiskTexts:
        from dtbench.reports.risk_charts import RiskTexts

        return RiskTexts(
            title=self.tr("Risk matrix"),
            probability=self.tr("Probability"),
            impact=self.tr("Impact"),
            levels=(self.tr("High"), self.tr("Medium"), self.tr("Low")),
            closed=self.tr("Closed"),
            empty=self.tr("No risks yet: add one, or pick from the starter set."),
        )

    # ------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "The programme's risks (guide 6.1.6 g: warn of transformation risks and plan "
                "the response): how likely each is and how much it would hurt, on a scale of 1 "
                "to 5, what is done about it and who answers for it. The matrix places them; "
                "a score of 15 or more is high."
            )
        )
        self.starter_button.setText(self.tr("Add from the &starter set…"))
        self.editor.relabel(self._fields())
        self._number_rows()
        self._update_problems()
        self.invalidate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
