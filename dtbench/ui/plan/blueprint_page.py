"""The Blueprint step: the register of the client's systems and platforms, existing and
planned (domain of chapter 7, platform layer of chapter 9, state now, target, phase and
initiative), the integration links between them (9.4), and the blueprint diagram (today's
landscape and the target). The profile's existing systems seed the register."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dtbench.engagement import service as engagements
from dtbench.plan import catalogue as cat
from dtbench.plan.blueprint import check_blueprint, propose_systems
from dtbench.plan.records import Integration, System
from dtbench.reports.raster import Raster
from dtbench.ui.kit.chart_view import LOGICAL_DPI, ChartError, ChartRenderer, ChartView
from dtbench.ui.kit.choices import option_pairs
from dtbench.ui.plan.record_editor import Field, RecordEditor
from dtbench.ui.plan.session import PlanSession

if TYPE_CHECKING:
    from dtbench.reports.blueprint_charts import BlueprintTexts

REDRAW_DELAY_MS = 200
CHART_TAB = 2
UUID_ROLE = Qt.ItemDataRole.UserRole
# what the diagram shows: a change to any of these draws it again
DRAWN_KINDS = ("system", "phase", "initiative")


class BlueprintPage(QWidget):
    drawn = Signal()  # both diagrams are drawn (or failed)

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.tabs = QTabWidget(self)

        self.systems = RecordEditor(
            session,
            "system",
            self._system_fields(),
            lambda: System(name=self.tr("New system")),
            lambda r: r.name,
            self,
        )
        self.seed_button = QPushButton(self)
        self.seed_button.setObjectName("add_profile_systems")
        self.seed_button.clicked.connect(self.add_profile_systems)
        self.systems.extra_bar.insertWidget(4, self.seed_button)
        self.problems_label = QLabel(self)
        self.problems = QListWidget(self)
        self.problems.setObjectName("blueprint_problems")
        self.problems.setMaximumHeight(80)
        self.problems.itemActivated.connect(self._go_to_problem)
        self.problems_label.setBuddy(self.problems)
        systems_tab = QWidget(self)
        sl = QVBoxLayout(systems_tab)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.systems, 1)
        sl.addWidget(self.problems_label)
        sl.addWidget(self.problems)

        self.links = RecordEditor(
            session, "integration", self._link_fields(), self._new_link, self._link_title, self
        )
        # A link needs two systems: the button says so instead of failing in the store.
        self.links.add_button.clicked.disconnect()
        self.links.add_button.clicked.connect(self.add_link)

        # The diagram: today's landscape above the target blueprint, drawn by the chart
        # workers when the tab is shown and something drawn has changed.
        self.renderer = ChartRenderer(self)
        self.today_view = ChartView("blueprint_today", 0.6, self)
        self.target_view = ChartView("blueprint_target", 0.7, self)
        charts_host = QWidget(self)
        cl = QVBoxLayout(charts_host)
        cl.setContentsMargins(0, 0, 0, 0)
        self.chart_error = ChartError(self.renderer, charts_host)
        cl.addWidget(self.chart_error)
        cl.addWidget(self.today_view)
        cl.addWidget(self.target_view)
        cl.addStretch(1)
        self.chart_scroll = QScrollArea(self)
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # always there, so the charts are drawn for the width they are shown at
        self.chart_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.chart_scroll.setWidget(charts_host)

        self.tabs.addTab(systems_tab, "")
        self.tabs.addTab(self.links, "")
        self.tabs.addTab(self.chart_scroll, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)

        self.renderer.chart_ready.connect(self._show_chart)
        self.renderer.ready.connect(self.drawn)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_DELAY_MS)
        self._timer.timeout.connect(self.redraw)
        self._dirty = True
        session.items_changed.connect(self._items_changed)
        self.tabs.currentChanged.connect(lambda _i: self._schedule())
        self.retranslate()

    # ------------------------------------------------------------ fields
    def _phase_options(self) -> list[tuple[str, str]]:
        return [(p.uuid, p.record.name) for p in self.session.items("phase")]

    def _initiative_options(self) -> list[tuple[str, str]]:
        return [
            (i.uuid, f"I-{n:02d} {i.record.title}")
            for n, i in enumerate(self.session.items("initiative"), 1)
        ]

    def _system_options(self) -> list[tuple[str, str]]:
        return [(s.uuid, s.record.name) for s in self.session.items("system")]

    def _system_fields(self) -> list[Field]:
        return [
            Field("name", self.tr("System"), "text", column=True),
            Field(
                "domain",
                self.tr("Domain"),
                "choice",
                lambda: option_pairs(cat.SYSTEM_DOMAINS),
                column=True,
            ),
            Field(
                "layer",
                self.tr("Platform layer"),
                "choice",
                lambda: option_pairs(cat.PLATFORM_LAYERS),
                column=True,
            ),
            Field(
                "now",
                self.tr("Now"),
                "choice",
                lambda: option_pairs(cat.SYSTEM_STATUSES),
                column=True,
            ),
            Field(
                "target",
                self.tr("Target"),
                "choice",
                lambda: option_pairs(cat.SYSTEM_TARGETS),
                column=True,
            ),
            Field("phase", self.tr("Phase"), "choice", self._phase_options, column=True),
            Field("initiative", self.tr("Initiative"), "choice", self._initiative_options),
            Field("notes", self.tr("Notes"), "longtext"),
        ]

    def _link_fields(self) -> list[Field]:
        return [
            Field("source", self.tr("From"), "choice", self._system_options, column=True),
            Field("target", self.tr("To"), "choice", self._system_options, column=True),
            Field("flow", self.tr("What flows"), "text", column=True),
            Field(
                "now",
                self.tr("Now"),
                "choice",
                lambda: option_pairs(cat.SYSTEM_STATUSES),
                column=True,
            ),
            Field(
                "goal",
                self.tr("Target"),
                "choice",
                lambda: option_pairs(cat.SYSTEM_TARGETS),
                column=True,
            ),
            Field("phase", self.tr("Phase"), "choice", self._phase_options, column=True),
            Field("notes", self.tr("Notes"), "longtext"),
        ]

    def _link_title(self, link: Integration) -> str:
        names = dict(self._system_options())
        return (
            self.tr("%1 → %2")
            .replace("%1", names.get(link.source, "?"))
            .replace("%2", names.get(link.target, "?"))
        )

    # ------------------------------------------------------------ editing
    def add_profile_systems(self) -> int:
        """Add the client profile's existing systems not yet in the register, in use and
        kept, as one undo step; returns how many."""
        self.flush()
        existing: tuple[str, ...] = ()
        if self.session.engagement:
            profile = engagements.get_profile(self.session.store, self.session.engagement)
            existing = profile.existing_systems
        register = [i.record for i in self.session.items("system")]
        proposed = propose_systems(existing, register)
        if not proposed:
            QMessageBox.information(
                self,
                self.tr("Add the profile's systems"),
                self.tr(
                    "Every existing system named in the client profile is already in the "
                    "register (the existing systems are ticked or typed in the Profile step)."
                ),
            )
            return 0
        self.session.add_many(
            list(proposed),
            self.tr("Add %1 systems from the profile").replace("%1", str(len(proposed))),
        )
        return len(proposed)

    def _new_link(self) -> Integration:
        systems = [s.uuid for s in self.session.items("system")]
        source = self.systems.uuid if self.systems.uuid in systems else systems[0]
        target = next(s for s in systems if s != source)
        return Integration(source=source, target=target)

    def add_link(self) -> None:
        if len(self.session.items("system")) < 2:
            self.session.error.emit(
                self.tr("A link connects two systems: register at least two systems first.")
            )
            return
        self.links.add()

    # ------------------------------------------------------------ checks
    def _update_problems(self) -> None:
        s = self.session
        problems = check_blueprint(
            s.items("system"), s.items("integration"), s.items("phase"), s.items("initiative")
        )
        self.problems.clear()
        for problem in problems:
            item = QListWidgetItem("⚠ " + problem.message(QCoreApplication.translate))
            item.setData(UUID_ROLE, problem.item)
            self.problems.addItem(item)
        self.problems_label.setText(
            self.tr("&Checks (%1)").replace("%1", str(len(problems)))
            if problems
            else self.tr("Checks: nothing to correct.")
        )
        self.problems.setVisible(bool(problems))

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        uuid = str(item.data(UUID_ROLE) or "")
        if any(s.uuid == uuid for s in self.session.items("system")):
            self.tabs.setCurrentIndex(0)
            self.systems.select(uuid)
            self.systems.editors["name"].setFocus()
        elif uuid:
            self.tabs.setCurrentIndex(1)
            self.links.select(uuid)
            self.links.editors["source"].setFocus()

    def _items_changed(self, kind: str) -> None:
        if kind == "system":
            self.links.refresh()  # system names in the links' table and form
        if kind in ("phase", "initiative"):
            self.systems.refresh()
        if kind in ("system", "integration", "phase", "initiative"):
            self._update_problems()
        if kind in DRAWN_KINDS:
            self._dirty = True
            self._schedule()

    # ------------------------------------------------------------ diagram
    def _schedule(self) -> None:
        if self.isVisible() and self.tabs.currentIndex() == CHART_TAB and self._dirty:
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule()

    def redraw(self) -> None:
        from dtbench.reports.blueprint_charts import (
            TARGET,
            TODAY,
            blueprint_figure,
            blueprint_size,
            boxes_of,
        )
        from dtbench.reports.raster import draw

        self._dirty = False
        systems = self.session.items("system")
        phases = self.session.items("phase")
        initiatives = self.session.items("initiative")
        layers = option_pairs(cat.PLATFORM_LAYERS)
        domains = option_pairs(cat.SYSTEM_DOMAINS)
        texts = self._texts()
        dpi = LOGICAL_DPI * self.devicePixelRatioF()
        width = max(self.chart_scroll.viewport().width() - 4, 400) / LOGICAL_DPI
        jobs = {}
        for view, widget in ((TODAY, self.today_view), (TARGET, self.target_view)):
            size = blueprint_size(boxes_of(systems, phases, view), layers, width)
            widget.aspect = size[1] / size[0]
            widget.setMinimumHeight(int(size[1] * LOGICAL_DPI))
            jobs[view] = partial(
                draw,
                blueprint_figure,
                systems,
                phases,
                view,
                texts,
                layers,
                domains,
                size,
                initiatives,
                dpi=dpi,
            )
        self.renderer.request(jobs)

    def _show_chart(self, name: str, raster: Raster) -> None:
        from dtbench.reports.blueprint_charts import TODAY

        (self.today_view if name == TODAY else self.target_view).show_raster(raster)

    def _texts(self) -> BlueprintTexts:
        from dtbench.reports.blueprint_charts import BlueprintTexts

        return BlueprintTexts(
            today_title=self.tr("Today's system landscape"),
            target_title=self.tr("Target blueprint"),
            empty=self.tr("Register the client's systems to see the blueprint."),
            legend_today=dict(
                (code, label) for code, label in option_pairs(cat.SYSTEM_STATUSES) if code != "none"
            ),
            legend_target=dict(option_pairs(cat.SYSTEM_TARGETS)),
        )

    # ------------------------------------------------------------ page
    def refresh(self) -> None:
        self.systems.refresh()
        self.links.refresh()
        self._update_problems()

    def flush(self) -> None:
        self.systems.flush()
        self.links.flush()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "The client's systems and platforms, existing and planned: where each sits "
                "(business domain, platform layer of the guide's chapter 9), what it is today "
                "and what it becomes, in which phase and by which initiative; and the links "
                "between them (9.4). The proposal draws today's landscape beside the target."
            )
        )
        self.tabs.setTabText(0, self.tr("S&ystems"))
        self.tabs.setTabText(1, self.tr("Integration &links"))
        self.tabs.setTabText(2, self.tr("Blueprint dia&gram"))
        self.seed_button.setText(self.tr("Add the &profile's systems"))
        self.systems.relabel(self._system_fields())
        self.links.relabel(self._link_fields())
        self._update_problems()
        self._dirty = True
        self._schedule()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
