"""The firm benchmark in the app: the lead's opt-in on the profile page, the dashboard's
panel (a chart with five or more comparable engagements, else a line saying how many)."""

from __future__ import annotations

from sqlalchemy import select
from test_benchmark import POINTS, _engagement, _firm

from dtbench.diagnosis import service as dx
from dtbench.store import Store
from dtbench.store.models import BenchmarkEntry
from dtbench.ui.shell.main_window import MainWindow


def _entries(store: Store) -> list[dict[str, object]]:
    with store.session() as s:
        return list(s.scalars(select(BenchmarkEntry.figures)))


def test_dashboard_shows_the_firm_only_with_five_comparable_engagements(
    qtbot, window: MainWindow, store: Store, translations
) -> None:
    _firm(store, [1, 2, 3, 5])
    mine = _engagement(store, 4, name="本客户", opt_in=False)
    window.refresh(mine)
    window.open_engagement(mine)
    ws = window.workspace
    assert ws is not None
    with qtbot.waitSignal(ws.dashboard.drawn, timeout=20000):
        ws.show_step("dashboard")
    dash = ws.dashboard
    assert dash.benchmark_title.text() == "Firm benchmark"
    assert dash.benchmark_note.text() == "Not enough comparable engagements (4 of 5)."
    assert dash.benchmark_view.isHidden() and dash.benchmark_view.raster is None

    _firm(store, [6])  # a fifth lead opts in
    with qtbot.waitSignal(dash.drawn, timeout=20000):
        dash.redraw()
    assert not dash.benchmark_view.isHidden() and dash.benchmark_view.raster is not None
    assert dash.benchmark_note.text().startswith("Compared with 5 engagements of the firm")
    assert "同行" not in dash.benchmark_note.text()
    # the group compared with is named, in the UI language
    assert "(装备制造) and size band (medium-sized enterprises)" in dash.benchmark_note.text()
    translations.apply("zh")
    assert dash.benchmark_note.text().startswith(
        "与公司同行业（装备制造）、同规模档（中型企业）的 5 个"
    )


def test_the_lead_opts_in_on_the_profile_page_and_edits_follow(
    qtbot, window: MainWindow, store: Store
) -> None:
    uuid = _engagement(store, 2, opt_in=False)
    window.refresh(uuid)
    window.open_engagement(uuid)
    ws = window.workspace
    assert ws is not None
    box = ws.profile.benchmark_opt_in
    assert box.text() == "Include in the firm benchmark (anonymised)"
    assert "never the client's name" in box.toolTip()
    assert not box.isChecked() and _entries(store) == []
    box.setChecked(True)
    assert _entries(store) == [{"areas": {"5": 25.0}, "clauses": {"5.2": 2}}]

    ws.session.set_answer(POINTS[7], status="met", text="answer")  # as from the checklist
    window.benchmark_refresher.run()  # what its timer does a moment later
    assert _entries(store) == [{"areas": {"5": 37.5}, "clauses": {"5.2": 2}}]
    assert dx.list_rounds(store, uuid)

    box.setChecked(False)
    assert _entries(store) == []


def test_saving_a_template_on_a_firm_server_offers_the_firm_library(
    qtbot, translations, store: Store
) -> None:
    from dtbench.sample import create_demo
    from dtbench.store import open_store
    from dtbench.templates import library
    from dtbench.ui.exchange.templates import SaveTemplateDialog
    from tests import pg

    laptop = SaveTemplateDialog(store, create_demo(store), "本机模板")
    qtbot.addWidget(laptop)
    assert laptop.firm.isHidden() and not laptop.firm.isChecked()  # a file, as before

    pg.require_server()
    with pg.database() as url:
        server = open_store(url)
        try:
            dialog = SaveTemplateDialog(server, create_demo(server), "公司标准模板")
            qtbot.addWidget(dialog)
            assert not dialog.firm.isHidden() and not dialog.firm.isChecked()
            assert "firm library" in dialog.firm.text()
            dialog.firm.setChecked(True)
            dialog.save()
            assert dialog.result() == dialog.DialogCode.Accepted
            firm = [t.title("zh") for t in library.list_templates(store=server) if t.firm]
            assert firm == ["公司标准模板"]
            assert not [t for t in library.list_templates() if t.firm]  # no file written
        finally:
            server.close()


def test_a_refresh_the_server_cannot_take_is_left_for_later(
    qtbot, window: MainWindow, store: Store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The benchmark's background refresh meets a lost connection: no error reaches the
    window (the next change or `dtbench benchmark refresh` brings the entry up to date), and
    what is due is refreshed before the window closes, not after."""
    from sqlalchemy.exc import OperationalError

    from dtbench.team import benchmark

    calls: list[str] = []

    def lost(_store: Store, uuid: str) -> bool:
        calls.append(uuid)
        raise OperationalError("UPDATE", {}, Exception("server closed the connection"))

    monkeypatch.setattr(benchmark, "refresh", lost)
    refresher = window.benchmark_refresher
    refresher._due.add("an-engagement")
    refresher._timer.start()
    window.close()  # refreshed now, quietly; the timer will not fire on a closed database
    assert calls == ["an-engagement"]
    assert not refresher._timer.isActive()
