"""The Organization and culture step (guide 6.3.1, 6.3.2): a page of three tabs, each in its
own module —

- ``organization_tab``: where the organisation stands and where it should go, how it changes
  (mode), and the change process (``change_steps``);
- ``culture_tab``: the digital culture targets, the six traits rated now and target with their
  radar (``culture_traits``), and how the culture is evaluated;
- ``resistance_register``: the resistance met, its causes and mitigation.

``org_culture_parts`` holds what the tabs share. Each tab loads itself from the session, saves
its own edits and follows the language; the page only holds them together.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from dtbench.ui.kit.chart_view import ChartRenderer, ChartView
from dtbench.ui.plan.culture_tab import CultureTab
from dtbench.ui.plan.organization_tab import OrganizationTab
from dtbench.ui.plan.resistance_register import ResistanceRegister
from dtbench.ui.plan.session import PlanSession


class OrgCulturePage(QWidget):
    """Three tabs: Organization (6.3.1 a, f, h), Culture (6.3.2 d, e, i), Resistance (6.3.2 h).
    ``drawn`` fires each time the traits radar has been rendered and shown."""

    drawn = Signal()

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.organization_tab = OrganizationTab(session, self)
        self.culture_tab = CultureTab(session, self)
        self.resistance_tab = ResistanceRegister(session, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("org_culture_tabs")
        self.tabs.addTab(self.organization_tab, "")
        self.tabs.addTab(self.culture_tab, "")
        self.tabs.addTab(self.resistance_tab, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.culture_tab.traits.drawn.connect(self.drawn)
        self.retranslate()

    @property
    def radar(self) -> ChartView:
        """The traits radar (on the Culture tab)."""
        return self.culture_tab.traits.radar

    @property
    def renderer(self) -> ChartRenderer:
        """What draws the radar in a chart worker."""
        return self.culture_tab.traits.renderer

    def refresh(self) -> None:
        """Reload everything from the session."""
        self.organization_tab.refresh()
        self.culture_tab.refresh()
        self.resistance_tab.refresh()

    def flush(self) -> None:
        """Save typing still waiting for its pause."""
        self.organization_tab.flush()
        self.culture_tab.flush()
        self.resistance_tab.flush()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("&Organization"))
        self.tabs.setTabText(1, self.tr("&Culture"))
        self.tabs.setTabText(2, self.tr("&Resistance"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # each tab follows the language by itself
        super().changeEvent(event)
