"""The preflight in the export dialog: the list above the buttons, and each item taking the
consultant to the field to fix (the step shown, the record selected, the cursor in the
field), through the main window as a user would go."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from dtbench.diagnosis import service as dx
from dtbench.engagement import service as engagements
from dtbench.engagement.firm import Firm, save_firm
from dtbench.guide import load_guide
from dtbench.plan import service as plan
from dtbench.plan.records import CostLine, Deliverable, Initiative
from dtbench.store import Store
from dtbench.ui.exchange.export_dialog import ExportDialog
from dtbench.ui.kit.rating_table import NOTE
from dtbench.ui.shell.main_window import MainWindow

YEAR = date.today().year


@pytest.fixture
def firm(home: object) -> Firm:
    return save_firm(Firm(name_zh="远见咨询", name_en="Foresight Consulting"))


def _engagement(store: Store) -> str:
    return engagements.create_engagement(
        store, client_name="Acme Valves", title="Transformation plan", language="en"
    ).uuid


def _initiative(store: Store, uuid: str, **fields: object) -> str:
    values: dict[str, object] = {
        "title": "MES rollout",
        "owner": "Production manager",
        "start": date(YEAR, 1, 1),
        "end": date(YEAR, 12, 31),
    }
    values.update(fields)
    return plan.add_item(store, uuid, Initiative(**values)).uuid  # type: ignore[arg-type]


def _export_and_activate(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    after: Callable[[ExportDialog], None] | None = None,
    double_click: bool = False,
) -> list[ExportDialog]:
    """Open the export dialog from the menu; in it, press Enter on the first check (or
    double-click it)."""
    shown: list[ExportDialog] = []

    def run(dialog: ExportDialog) -> int:
        shown.append(dialog)
        dialog.show()
        dialog.activateWindow()  # as exec() does
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        assert dialog.checks.count() >= 1
        dialog.checks.setFocus()
        dialog.checks.setCurrentRow(0)
        if double_click:
            rect = dialog.checks.visualItemRect(dialog.checks.item(0))
            viewport = dialog.checks.viewport()
            qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        else:
            qtbot.keyClick(dialog.checks, Qt.Key.Key_Return)
        assert dialog.task is None  # Enter went to the check, not to the Export button
        if after is not None:
            after(dialog)
        dialog.hide()
        return int(dialog.result())

    monkeypatch.setattr(ExportDialog, "exec", run)
    window.act_export.trigger()
    assert shown
    return shown


def _open(window: MainWindow, uuid: str) -> None:
    window.refresh(uuid)
    window.open_engagement(uuid)
    window.activateWindow()


def test_an_initiative_owner_in_chinese_leads_to_its_owner_field(
    qtbot: QtBot, window: MainWindow, store: Store, firm: Firm, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid = _engagement(store)
    _initiative(store, uuid, title="Barcode the warehouse")
    ini = _initiative(store, uuid, owner="生产部 王经理")
    _open(window, uuid)
    dialogs = _export_and_activate(qtbot, window, monkeypatch)
    dialog = dialogs[0]
    assert dialog.checks_label.text() == "1 issue(s) to &check before export:"
    assert dialog.checks.item(0).text() == (
        "Roadmap ▸ “MES rollout” ▸ owner: Chinese text in the English documents: “生产部 王经理”."
    )
    assert dialog.chosen_target is not None and not dialog.written
    ws = window.workspace
    assert ws is not None
    assert ws.pages.currentWidget() is ws.roadmap
    assert ws.roadmap.tabs.currentWidget().isAncestorOf(ws.roadmap.initiatives)
    assert ws.roadmap.initiatives.uuid == ini
    owner = ws.roadmap.initiatives.editors["owner"]
    # the window's focus (the keyboard's, once the window system gives it back the window)
    qtbot.waitUntil(lambda: window.focusWidget() is owner)


def test_a_future_cost_of_a_done_initiative_leads_to_the_cost_line(
    qtbot: QtBot, window: MainWindow, store: Store, firm: Firm, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid = _engagement(store)
    _initiative(store, uuid, title="Other")
    ini = _initiative(store, uuid, status="done", end=date(YEAR + 1, 6, 30))
    plan.add_item(store, uuid, CostLine(initiative=ini, year=YEAR, amount=40))
    line = plan.add_item(store, uuid, CostLine(initiative=ini, year=YEAR + 1, amount=20)).uuid
    _open(window, uuid)
    _export_and_activate(qtbot, window, monkeypatch, double_click=True)
    ws = window.workspace
    assert ws is not None
    page = ws.investment
    assert ws.pages.currentWidget() is page
    assert page.tabs.currentWidget() is page.costs
    assert page.costs.initiative == ini and page.costs.uuid == line
    year = page.costs.editors["year"]
    qtbot.waitUntil(lambda: window.focusWidget() is year)


def test_a_rated_clause_without_findings_leads_to_its_findings(
    qtbot: QtBot, window: MainWindow, store: Store, firm: Firm, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid = _engagement(store)
    _initiative(store, uuid)
    round_ = dx.ensure_rounds(store, uuid, "Baseline")[0]
    clause = load_guide().clause("7.3.3")
    dx.set_answer(store, round_.uuid, clause.items[0].key, status="met")
    _open(window, uuid)
    _export_and_activate(qtbot, window, monkeypatch)
    ws = window.workspace
    assert ws is not None
    assert ws.pages.currentWidget() is ws.diagnosis
    assert ws.diagnosis.current_clause() == "7.3.3"
    findings = ws.diagnosis.details.findings
    qtbot.waitUntil(lambda: window.focusWidget() is findings)


def test_a_round_named_in_chinese_leads_to_the_round_list(
    qtbot: QtBot, window: MainWindow, store: Store, firm: Firm, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid = _engagement(store)
    _initiative(store, uuid)
    rounds = dx.ensure_rounds(store, uuid, "基线评估")
    _open(window, uuid)
    dialog = _export_and_activate(qtbot, window, monkeypatch)[0]
    assert "基线评估" in dialog.checks.item(0).text()
    ws = window.workspace
    assert ws is not None
    assert ws.pages.currentWidget() is ws.diagnosis
    assert ws.diagnosis.rounds.currentData() == rounds[0].uuid
    qtbot.waitUntil(lambda: window.focusWidget() is ws.diagnosis.rounds)


def test_a_checkpoint_note_in_chinese_leads_to_its_note(
    qtbot: QtBot, window: MainWindow, store: Store, firm: Firm, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid = _engagement(store)
    _initiative(store, uuid)
    round_ = dx.ensure_rounds(store, uuid, "Baseline")[0]
    clause = load_guide().clause("7.3.3")
    item = clause.items[1]
    dx.set_answer(store, round_.uuid, item.key, status="partly", note="排产靠经验")
    dx.set_clause(store, round_.uuid, "7.3.3", "findings", "Scheduling relies on experience.")
    _open(window, uuid)
    _export_and_activate(qtbot, window, monkeypatch)
    ws = window.workspace
    assert ws is not None
    view = ws.diagnosis.checklist
    assert ws.pages.currentWidget() is ws.diagnosis
    assert ws.diagnosis.current_clause() == "7.3.3"
    qtbot.waitUntil(lambda: window.focusWidget() is view)
    index = view.currentIndex()
    assert (index.row(), index.column()) == (ws.diagnosis.model.row_of(item.key), NOTE)


def test_a_profile_field_in_chinese_leads_to_the_profile(
    qtbot: QtBot, window: MainWindow, store: Store, firm: Firm, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid = _engagement(store)
    _initiative(store, uuid)
    engagements.set_field(store, uuid, "main_products", "液压阀块")
    _open(window, uuid)
    ws = window.workspace
    assert ws is not None
    ws.show_step("roadmap")  # somewhere else first
    _export_and_activate(qtbot, window, monkeypatch)
    assert ws.pages.currentWidget() is ws.profile
    products = ws.profile.findChild(QWidget, "main_products")
    qtbot.waitUntil(lambda: window.focusWidget() is products)


def test_a_strategy_rationale_in_chinese_leads_to_its_line(
    qtbot: QtBot, window: MainWindow, store: Store, firm: Firm, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dtbench.plan import catalogue as cat
    from dtbench.plan.records import Choice, Strategy

    uuid = _engagement(store)
    _initiative(store, uuid)
    dim = cat.STRATEGY_DIMENSIONS[1]
    plan.set_value(
        store, uuid, "strategy", Strategy(choices={dim.code: Choice(rationale="先打通数据")})
    )
    _open(window, uuid)
    dialogs = _export_and_activate(qtbot, window, monkeypatch)
    assert dialogs[0].checks.item(0).text().startswith(f"Strategy ▸ “{dim.title.en}” ▸ rationale: ")
    ws = window.workspace
    assert ws is not None
    assert ws.pages.currentWidget() is ws.strategy
    rationale = ws.strategy.findChild(QWidget, f"{dim.code}_rationale")
    assert ws.strategy.tabs.currentWidget().isAncestorOf(rationale)
    qtbot.waitUntil(lambda: window.focusWidget() is rationale)


def test_a_missing_firm_name_opens_the_preferences_at_the_name(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dtbench.ui.shell.preferences_dialog import PreferencesDialog

    uuid = _engagement(store)
    _initiative(store, uuid)
    focused: list[QWidget | None] = []

    def run(dialog: PreferencesDialog) -> int:
        dialog.show()
        dialog.activateWindow()  # as exec() does
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
        focused.append(QApplication.focusWidget())
        focused.append(dialog.name_en)
        dialog.hide()
        return 0

    monkeypatch.setattr(PreferencesDialog, "exec", run)
    _open(window, uuid)
    _export_and_activate(qtbot, window, monkeypatch)
    assert focused and focused[0] is focused[1]


def test_a_field_of_the_dialog_itself_gets_the_cursor_there(
    qtbot: QtBot, window: MainWindow, store: Store, firm: Firm, monkeypatch: pytest.MonkeyPatch
) -> None:
    uuid = _engagement(store)
    _initiative(store, uuid)
    plan.set_value(store, uuid, "deliverable", Deliverable(consulting_firm="远见咨询"))
    _open(window, uuid)
    seen: list[bool] = []

    def still_open(dialog: ExportDialog) -> None:
        seen.append(dialog.isVisible())
        qtbot.waitUntil(dialog.firm.hasFocus)
        # corrected here, the list follows on leaving the field
        dialog.firm.selectAll()
        qtbot.keyClicks(dialog.firm, "Foresight Consulting")
        qtbot.keyClick(dialog.firm, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: dialog.checks_label.text() == "Nothing to fix before export.")
        dialog.reject()

    dialogs = _export_and_activate(qtbot, window, monkeypatch, still_open)
    assert seen == [True]
    assert dialogs[0].chosen_target is None
    ws = window.workspace
    assert ws is not None and ws.pages.currentIndex() == 0  # the workspace did not move


def test_nothing_to_fix_on_the_english_sample(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    from dtbench.sample import create_demo

    uuid = create_demo(store, "en")
    _open(window, uuid)
    ws = window.workspace
    assert ws is not None
    dialog = ExportDialog(store, ws.plan, uuid, "sample", "en", window)
    qtbot.addWidget(dialog)
    assert dialog.checks_label.text() == "Nothing to fix before export."
    assert not dialog.checks.isVisibleTo(dialog)
    # the documents in Chinese would carry the sample's English texts: listed at once
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    assert dialog.checks.count() > 0 and dialog.checks.isVisibleTo(dialog)
