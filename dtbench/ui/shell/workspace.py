"""An open engagement: a step navigator on the left, the step's page on the right.

Steps: client profile, scope, fieldwork, diagnosis, dashboard, key findings, strategy,
roadmap, investment and benefits, KPIs, leadership, organization and culture, next steps, and
the guide for reference; Ctrl+1…9 open the first nine, Ctrl+0 the guide.
One undo stack covers every edit made in the workspace.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from dtbench.engagement.records import Profile
from dtbench.ui.diagnosis.dashboard_page import DashboardPage
from dtbench.ui.diagnosis.diagnosis_page import DiagnosisPage
from dtbench.ui.diagnosis.scope_page import ScopePage
from dtbench.ui.diagnosis.session import DiagnosisSession
from dtbench.ui.kit.drafts import DraftFields
from dtbench.ui.kit.page_stack import PageStack
from dtbench.ui.kit.reveal import focus, focus_first_field
from dtbench.ui.plan.blueprint_page import BlueprintPage
from dtbench.ui.plan.fieldwork_page import FieldworkPage
from dtbench.ui.plan.findings_page import FindingsPage
from dtbench.ui.plan.investment_page import InvestmentPage
from dtbench.ui.plan.kpi_page import KpiPage
from dtbench.ui.plan.leadership_page import LeadershipPage
from dtbench.ui.plan.next_steps_page import NextStepsPage
from dtbench.ui.plan.org_culture_page import OrgCulturePage
from dtbench.ui.plan.record_editor import RecordEditor
from dtbench.ui.plan.risks_page import RisksPage
from dtbench.ui.plan.roadmap_page import RoadmapPage
from dtbench.ui.plan.session import PlanSession
from dtbench.ui.plan.strategy_page import StrategyPage
from dtbench.ui.shell.guide_page import GuidePage
from dtbench.ui.shell.profile_page import ProfilePage
from dtbench.ui.shell.unsaved import DraftPlace
from dtbench.ui.team import conflict_dialog, history_dialog

if TYPE_CHECKING:
    from dtbench.deliverables.preflight import Target
    from dtbench.guide import Guide
    from dtbench.store.database import Store
    from dtbench.ui.kit.changes import ChangeHub


# The steps in the navigator's order, by their page's attribute name (``row_of`` and the
# presence of others on a firm's server name steps this way).
STEP_NAMES: Final = (
    "profile",
    "scope",
    "fieldwork",
    "diagnosis",
    "dashboard",
    "findings",
    "strategy",
    "blueprint",
    "roadmap",
    "investment",
    "kpis",
    "risks",
    "leadership",
    "org_culture",
    "next_steps",
    "guide",
)
OTHERS_ROLE = Qt.ItemDataRole.UserRole + 1  # logins of others on this step (firm's server)


class StepList(QListWidget):
    """The step navigator. Arrow keys walk it and keep the keyboard (the next arrow goes on);
    Enter, Tab and any other change of step give the keyboard to the step's page;
    Ctrl+PgDown / Ctrl+PgUp go to the next / previous step."""

    enter_page = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.walking = False  # the current row moves under the arrow keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = mods == Qt.KeyboardModifier.ControlModifier
        if ctrl and key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = 1 if key == Qt.Key.Key_PageDown else -1
            self.setCurrentRow(max(0, min(self.count() - 1, self.currentRow() + step)))
            self.enter_page.emit()
            return
        if not mods and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_page.emit()
            return
        self.walking = not mods and key in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
            Qt.Key.Key_PageUp,
            Qt.Key.Key_PageDown,
        )
        try:
            super().keyPressEvent(event)
        finally:
            self.walking = False

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab from the navigator goes to where the page's work starts."""
        if next:
            self.enter_page.emit()
            return True
        return super().focusNextPrevChild(next)


class Workspace(QWidget):
    error = Signal(str)
    place_changed = Signal()  # another step or clause in view: where the consultant is

    def __init__(
        self,
        store: Store,
        guide: Guide,
        language: str,
        hub: ChangeHub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.language = language  # the UI's: how places are named (drafts not saved)
        self.undo_stack = QUndoStack(self)
        self._others: list[Any] = []  # presence.Whereabouts of others on the server
        self._undo_index = 0
        self.undo_stack.indexChanged.connect(self._undo_moved)
        self.steps = StepList(self)
        self.steps.setObjectName("steps")
        self.steps.setMaximumWidth(170)
        # each page scrolls when the window is smaller than the page (a laptop at 200 %)
        self.pages = PageStack(self)
        self.session = DiagnosisSession(store, guide, self.undo_stack, self, hub)
        self.session.error.connect(self.error)
        self.plan = PlanSession(store, self.undo_stack, self, hub)
        self.plan.error.connect(self.error)
        # a save someone else's change refused: the consultant chooses (ui/team)
        self.session.resolver = self.plan.resolver = conflict_dialog.resolver(self.window)
        self.profile = ProfilePage(store, self.undo_stack, self, hub)
        self.scope = ScopePage(self.session, language, self)
        self.fieldwork = FieldworkPage(self.plan, self.session, self)
        self.diagnosis = DiagnosisPage(self.session, language, self)
        self.dashboard = DashboardPage(self.session, language, self)
        self.findings = FindingsPage(self.plan, self.session, self)
        self.strategy = StrategyPage(self.plan, self)
        self.blueprint = BlueprintPage(self.plan, self)
        self.roadmap = RoadmapPage(self.plan, self.session, self)
        self.investment = InvestmentPage(self.plan, self)
        self.kpis = KpiPage(self.plan, self)
        self.risks = RisksPage(self.plan, self)
        self.leadership = LeadershipPage(self.plan, self.session, self)
        self.org_culture = OrgCulturePage(self.plan, self)
        self.next_steps = NextStepsPage(self.plan, self)
        self.guide = GuidePage(guide, language, self)
        for page in (getattr(self, name) for name in STEP_NAMES):
            self.pages.addWidget(page)
            self.steps.addItem(QListWidgetItem())
        history_dialog.attach(self)  # History… of a clause and of a plan record (ui/team)
        self.steps.currentRowChanged.connect(self._go)
        self.steps.currentRowChanged.connect(lambda _row: self.place_changed.emit())
        self.diagnosis.clause_shown.connect(lambda _key: self.place_changed.emit())
        self.steps.enter_page.connect(self.focus_step)
        self.profile.error.connect(self.error)
        layout = QHBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.pages, 1)
        for row in range(self.steps.count()):
            key = self._step_key(row)
            if key:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{key}"), self)
                shortcut.activated.connect(lambda r=row: self._shortcut_to(r))
        self.retranslate()
        self.steps.setCurrentRow(0)

    def open(self, profile: Profile, step: int | str = 0) -> None:
        """Show ``profile``'s engagement on ``step`` (a row, or a page's name such as
        "dashboard")."""
        self.leave()  # typing in the engagement shown so far is saved first
        self.undo_stack.clear()
        self.profile.load(profile)
        self.session.open(profile.uuid, profile.language)
        self.plan.open(profile.uuid, profile.language)
        self.steps.setCurrentRow(self.row_of(step))
        self.set_others(self._others)
        self.place_changed.emit()

    def row_of(self, step: int | str) -> int:
        """The navigator's row of a step given by its row or its page's attribute name."""
        if isinstance(step, int):
            return step
        page = getattr(self, step, None)
        row = self.pages.indexOf(page) if isinstance(page, QWidget) else -1
        if row < 0:
            raise ValueError(f"no step called {step!r}")
        return row

    def _shortcut_to(self, row: int) -> None:
        """Ctrl+digit: the step, with the keyboard on its page (also when already shown)."""
        self.steps.setCurrentRow(row)
        self.focus_step()

    def show_step(self, step: int | str) -> None:
        self.steps.setCurrentRow(self.row_of(step))

    def go_to(self, target: Target) -> bool:
        """Show ``target``'s step, select its record and put the cursor in its field; False
        when the step is not one of the workspace's."""
        try:
            self.show_step(target.step)
        except ValueError:
            return False
        page = self.pages.currentWidget()
        assert page is not None
        # pages whose records are not one plain list say themselves how to get there
        if isinstance(page, (DiagnosisPage, InvestmentPage)) and page.reveal(
            target.kind, target.record, target.field
        ):
            return True
        if any(
            editor.kind == target.kind and editor.reveal(target.record, target.field)
            for editor in page.findChildren(RecordEditor)
        ):
            return True
        # a single record's field (the vision, the organization's notes, a profile field):
        # its editor carries the field's name
        widget = page.findChild(QWidget, target.field) if target.field else None
        focus(widget if widget is not None else self.steps)
        return True

    def place(self) -> tuple[str, str]:
        """The step in view (its name in STEP_NAMES) and, in the diagnosis, the clause."""
        row = self.steps.currentRow()
        step = STEP_NAMES[row] if 0 <= row < len(STEP_NAMES) else ""
        clause = self.diagnosis.current_clause() if step == "diagnosis" else None
        return step, clause or ""

    def set_others(self, others: list[Any]) -> None:
        """Mark the steps (and in the diagnosis the clauses) where other consultants are in
        this engagement now; ``others`` are everyone's whereabouts (presence.Whereabouts)."""
        self._others = list(others)
        here = [w for w in self._others if self.engagement and w.engagement == self.engagement]
        clauses: dict[str, list[str]] = {}
        for w in here:
            if w.step == "diagnosis" and w.clause_key:
                clauses.setdefault(w.clause_key, []).append(w.login)
        self.diagnosis.set_others(clauses)
        self._mark_others(here)

    def _mark_others(self, here: list[Any]) -> None:
        by_row: dict[int, list[str]] = {}
        for w in here:
            if w.step in STEP_NAMES:
                name = f"{w.login} ({w.clause_key})" if w.clause_key else w.login
                by_row.setdefault(STEP_NAMES.index(w.step), []).append(name)
        for row in range(self.steps.count()):
            item = self.steps.item(row)
            key = self._step_key(row)
            tip = f"Ctrl+{key}" if key else ""
            names = sorted(by_row.get(row, []))
            text = item.text().removesuffix(" ●")
            if names:
                text += " ●"
                also = self.tr("Also on this step now: %1").replace("%1", ", ".join(names))
                tip = f"{tip}\n{also}" if tip else also
            item.setText(text)
            item.setData(Qt.ItemDataRole.ToolTipRole, tip)
            item.setData(OTHERS_ROLE, [n.split(" (")[0] for n in names])

    @property
    def engagement(self) -> str:
        """The engagement shown ('' before the first is opened)."""
        profile = self.profile.profile
        return profile.uuid if profile is not None else ""

    def set_language(self, language: str) -> None:
        self.language = language
        for page in (self.scope, self.diagnosis, self.dashboard, self.guide):
            page.set_language(language)

    def _go(self, row: int) -> None:
        self.leave()
        self.pages.setCurrentIndex(row)
        if not self.steps.walking:
            self.focus_step()

    def focus_step(self) -> None:
        """Put the keyboard where work on the step in view starts (the checklist in the
        diagnosis, the first field elsewhere), whatever had it before: every way of changing
        step ends here, so the keys of a page work at once."""
        page = self.pages.currentWidget()
        if page is not None and self.isVisible():
            focus_first_field(page)

    def leave(self) -> None:
        """Save pending typing before the workspace (or a step) is hidden."""
        self.profile.flush()
        self.diagnosis.flush()
        self.findings.flush()
        self.strategy.flush()
        self.blueprint.flush()
        self.roadmap.flush()
        self.investment.flush()
        self.kpis.flush()
        self.risks.flush()
        self.leadership.flush()
        self.org_culture.flush()
        self.fieldwork.flush()
        self.next_steps.flush()

    def cancelled(self) -> int:
        """How many conflicts the consultant has cancelled (their typing kept, not saved)."""
        return self.session.cancelled + self.plan.cancelled

    # ------------------------------------------------------------ drafts
    def drafts(self) -> list[DraftPlace]:
        """Where typing a cancelled conflict left unsaved is kept: the diagnosis' clauses
        first, then the plan's records, each named for the reader (ui/shell/unsaved.py)."""
        from dtbench.deliverables.preflight import Target

        places = []
        several = len(self.session.rounds) > 1
        names = {r.uuid: r.name for r in self.session.rounds}
        for (rnd, key, field), draft in self.session.drafts().items():
            try:
                label = self.session.guide.clause(key).label(self.language)
            except KeyError:
                label = key
            if several and rnd in names:
                label = f"{label} · {names[rnd]}"
            target = Target("diagnosis", "clause", key, field, label)
            places.append(DraftPlace(target, rnd, draft.value))
        for (key, field), draft in self.plan.drafts().items():
            places.append(DraftPlace(self._plan_place(key, field, draft.value), "", draft.value))
        return places

    def _part_title(self, code: str) -> str:
        """The title of a part of a plan value (a culture trait, a strategy dimension) in
        the UI language; the code when it names neither."""
        from dtbench.plan.catalogue import CULTURE_TRAITS, STRATEGY_DIMENSIONS

        for trait in CULTURE_TRAITS:
            if trait.code == code:
                return trait.label.get(self.language)
        for dim in STRATEGY_DIMENSIONS:
            if dim.code == code:
                return dim.title.get(self.language)
        return code

    def _plan_place(self, key: str, field: str, value: object) -> Target:
        """The place of a plan record's draft: its step, its name, its field."""
        from dtbench.deliverables.preflight import NAME_FIELD, STEP_OF_KIND, Target

        if key.startswith("value:"):
            name = key.removeprefix("value:")
            if "/" in field:  # a part of the field: a table's cell, a trait's rating
                # "choices/<code>/rationale": its editor is named "<code>_rationale"
                top, part, *rest = field.split("/")
                return Target(
                    STEP_OF_KIND.get(name, ""),
                    name,
                    part,
                    f"{part}_{rest[-1]}" if rest else top,
                    self._part_title(part),
                )
            return Target(STEP_OF_KIND.get(name, ""), name, "", field)
        item = self.plan.item(key)
        if item is None:  # removed meanwhile (the conflict asks whether to keep it)
            return Target("", "", key, field, self.tr("a record removed meanwhile"))
        label = str(getattr(item.record, NAME_FIELD.get(item.kind, ""), "") or "")
        return Target(STEP_OF_KIND.get(item.kind, ""), item.kind, key, field, label)

    def discard_drafts(self) -> None:
        """Forget every draft (the consultant chose to discard them). The pages load their
        records again: a field still showing a draft shows what is stored, and no later
        save writes the discarded text over the colleague's."""
        if not (self.session.drafts() or self.plan.drafts()):
            return
        for fields in self.findChildren(DraftFields):
            fields.discard()
        self.session.discard_drafts()
        self.plan.discard_drafts()
        self.session.reload()
        self.plan.reload()

    def show_draft(self, place: DraftPlace) -> None:
        """Show the step and select the record (the clause, in its round) of a draft: its
        field shows the kept text, marked, with the cursor in it."""
        target = place.target
        if target.step != "diagnosis":
            if target.step:
                self.go_to(target)
            return
        self.show_step("diagnosis")
        if place.round and place.round != self.session.round.uuid:
            self.diagnosis.details.flush()
            self.session.select_round(place.round)
        self.diagnosis.select_clause(target.record)
        details = self.diagnosis.details
        focus(details.interviewees if target.field == "interviewees" else details.findings)

    @contextmanager
    def unattended(self) -> Iterator[None]:
        """Nobody is there to answer (a quit signal, a session ending): meanwhile a save
        meeting a colleague's change asks nothing and keeps the typing as a draft, as a
        cancel does."""
        resolvers = self.session.resolver, self.plan.resolver
        self.session.resolver = self.plan.resolver = lambda _conflict: None
        try:
            yield
        finally:
            self.session.resolver, self.plan.resolver = resolvers

    def _undo_moved(self, index: int) -> None:
        """An edit pushed remembers the step it was made on; undoing or redoing it later
        shows that step, so the consultant sees what changed."""
        previous, self._undo_index = self._undo_index, index
        if index == previous:
            return
        command = self.undo_stack.command(index if index < previous else index - 1)
        if command is None:
            return
        step = getattr(command, "step", None)
        if step is None:  # just pushed: made on the step in view
            command.step = self.pages.currentIndex()  # type: ignore[attr-defined]
        elif step != self.pages.currentIndex():
            # after the undo has finished: leaving the step saves its typing (a new edit)
            QTimer.singleShot(0, self, lambda row=step: self.steps.setCurrentRow(row))

    def _step_key(self, row: int) -> str:
        """Ctrl+1…9 open the first nine steps, Ctrl+0 the guide (the last); steps between
        are reached from the navigator with the arrow keys."""
        if row == self.steps.count() - 1:
            return "0"
        return str(row + 1) if row < 9 else ""

    def retranslate(self) -> None:
        names = (
            self.tr("Client profile"),
            self.tr("Scope"),
            self.tr("Fieldwork"),
            self.tr("Diagnosis"),
            self.tr("Dashboard"),
            self.tr("Key findings"),
            self.tr("Strategy"),
            self.tr("Blueprint"),
            self.tr("Roadmap"),
            self.tr("Investment and benefits"),
            self.tr("KPIs"),
            self.tr("Risks"),
            self.tr("Leadership"),
            self.tr("Organization and culture"),
            self.tr("Next steps"),
            self.tr("Guide"),
        )
        for i, name in enumerate(names):
            item = self.steps.item(i)
            key = self._step_key(i)
            item.setText(f"{key or ' '}  {name}")
            item.setData(Qt.ItemDataRole.ToolTipRole, f"Ctrl+{key}" if key else "")
        if self._others:
            self.set_others(self._others)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
