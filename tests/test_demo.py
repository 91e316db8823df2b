"""The sample engagement and ``dtbench summary``: a realistic, fully answered diagnosis in two
rounds, created from the command line or the empty engagement list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_cli import run

from dtbench.diagnosis import service as dx
from dtbench.diagnosis.scale import STATUSES
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.sample import load_demo
from dtbench.store import Store, open_store
from dtbench.ui.shell.main_window import MainWindow

GUIDE = load_guide()


def test_demo_content_answers_every_item_of_every_clause() -> None:
    meta, clauses = load_demo()
    assert list(clauses) == [c.key for c in GUIDE.clauses()]  # guide order, none missing
    for clause in GUIDE.clauses():
        entry = clauses[clause.key]
        base = entry["baseline"]
        assert set(base["answers"]) == {p.key for p in clause.checkpoints()}, clause.key
        assert all(a["status"] in STATUSES for a in base["answers"].values())
        assert 1 <= base["current"] <= base["target"] <= 5
        assert len(base["findings"]) >= 40 and base["interviewees"]
        follow = entry.get("followup")
        if follow:
            assert set(follow.get("answers", {})) <= set(base["answers"])
            assert follow.get("current", base["current"]) >= base["current"]
    assert sum(1 for e in clauses.values() if "followup" in e) >= 8
    assert "大连" in meta["client"]["client_name"]
    assert len(meta["rounds"]) == 2


def test_dtbench_demo_then_summary(db_path: Path) -> None:
    created = run("demo", "--db", str(db_path))
    assert created.returncode == 0, created.stderr
    uuid = created.stdout.strip()
    assert len(uuid) == 36

    store = open_store(db_path)
    rounds = dx.list_rounds(store, uuid)
    assert [r.name for r in rounds] == ["基线评估", "第一次复评"]
    first, second = (dx.round_report(store, uuid, r.uuid) for r in rounds)
    assert first.answered == first.total == second.answered == second.total
    assert second.overall_index is not None and first.overall_index is not None
    assert second.overall_index > first.overall_index  # the follow-up shows progress
    moved = dx.load_round(store, rounds[1].uuid)
    assert (
        moved.clauses["7.3.1"].current
        > dx.load_round(store, rounds[0].uuid).clauses["7.3.1"].current
    )
    profile = service.get_profile(store, uuid)
    assert profile.client_name == "大连澜岳精工机械有限公司"
    store.close()

    summary = run("summary", uuid[:8], "--db", str(db_path), "--json")
    assert summary.returncode == 0, summary.stderr
    data = json.loads(summary.stdout)
    assert data["engagement"]["uuid"] == uuid
    assert data["round"]["number"] == 2
    assert data["completion"] == 100.0
    assert [a["area"] for a in data["areas"]] == ["5", "6", "7", "8", "9"]
    assert data["overall_index"] == pytest.approx(second.overall_index, abs=0.05)
    priorities = [g["priority"] for g in data["top_gaps"]]
    assert priorities == sorted(priorities, reverse=True) and len(priorities) == 10
    assert data["top_gaps"][0]["priority"] == pytest.approx(second.ranked_gaps()[0].priority)

    baseline = json.loads(
        run("summary", uuid, "--round", "1", "--json", "--db", str(db_path)).stdout
    )
    assert baseline["overall_index"] < data["overall_index"]

    text = run("summary", uuid, "--db", str(db_path), "--lang", "zh", env={"LANG": "zh_CN.UTF-8"})
    assert text.returncode == 0
    assert "大连澜岳精工机械有限公司" in text.stdout and "规范级" in text.stdout
    assert "最大差距" in text.stdout


def test_summary_errors_are_one_clear_line(db_path: Path) -> None:
    run("demo", "--db", str(db_path))
    missing = run("summary", "ffffffff", "--db", str(db_path))
    assert missing.returncode == 2
    assert missing.stderr.strip() == "dtbench: No engagement has the id ffffffff."
    zh = run("summary", "ffffffff", "--db", str(db_path), env={"DTBENCH_LANG": "zh"})
    assert zh.stderr.strip() == "dtbench: 没有编号为 ffffffff 的咨询项目。"
    store = open_store(db_path)
    uuid = service.list_engagements(store)[0].uuid
    store.close()
    no_round = run("summary", uuid, "--round", "7", "--db", str(db_path))
    assert no_round.returncode == 2 and "round 7" in no_round.stderr and "1, 2" in no_round.stderr


def test_first_start_offers_the_sample_and_opens_it_on_the_dashboard(
    qtbot, window: MainWindow, store: Store
) -> None:
    page = window.list_page
    assert page.demo_button.isVisible()
    with qtbot.waitSignal(window.demo_opened, timeout=60_000):  # created off the GUI thread
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.workspace
    ws = window.workspace
    assert ws is not None and ws.pages.currentWidget() is ws.dashboard
    assert ws.session.report.completion == 1.0
    # created in the interface's language (English here), texts and deliverable language alike
    assert window.translations.language == "en"
    assert ws.profile.profile.client_name == "Dalian Lanyue Precision Machinery Co., Ltd."
    assert ws.profile.profile.language == "en"
    window.show_list()
    assert not page.demo_button.isVisible()  # only offered while the list is empty


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_dashboard_charts_of_the_sample_render_without_missing_glyphs(
    store: Store, lang: str
) -> None:
    import warnings

    from dtbench.reports.diagnosis_charts import CHART_NAMES, ChartTexts, DiagnosisCharts, build
    from dtbench.reports.raster import draw
    from dtbench.sample import create_demo

    uuid = create_demo(store)
    rounds = dx.list_rounds(store, uuid)
    reports = [(r.name, dx.round_report(store, uuid, r.uuid)) for r in rounds]
    texts = ChartTexts(
        "总体指数",
        "各领域完成情况",
        "已回答",
        "未回答",
        "成熟度",
        "现状",
        "目标",
        "差距",
        "优先级",
        "回答分布",
        ["符合", "部分符合", "不符合", "不适用", "未回答"],
        "条目",
        "各轮次指数",
        "指数",
        "尚无回答",
        "没有差距",
        "只有一轮",
    )
    data = DiagnosisCharts(GUIDE, lang, reports[-1][1], reports, texts)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # the job the dashboard sends to a chart worker, run here to catch the warnings
        rasters = {name: draw(build, data, name, (6.0, 4.0), dpi=80) for name in CHART_NAMES}
    assert not [w for w in caught if "missing" in str(w.message) or "Glyph" in str(w.message)]
    assert all((r.width, r.height) == (480, 320) for r in rasters.values())
    assert not any(r.is_blank() for r in rasters.values())
    # the sample's diagnosis is complete: the ratings chart has no column of "未回答" zeros
    heatmap = build(data, "heatmap", (6.0, 4.0))
    labels = [t.get_text() for ax in heatmap.axes for t in ax.get_xticklabels()]
    assert "符合" in labels and "未回答" not in labels


def test_sample_plan_is_complete_and_valid(db_path: Path) -> None:
    from dtbench.plan import service as plan
    from dtbench.plan.checks import check_roadmap

    uuid = run("demo", "--db", str(db_path)).stdout.strip()
    store = open_store(db_path)
    phases = plan.list_items(store, uuid, "phase")
    initiatives = plan.list_items(store, uuid, "initiative")
    kpis = plan.list_items(store, uuid, "kpi")
    assert len(phases) == 3 and len(initiatives) >= 12 and len(kpis) >= 8
    assert check_roadmap(phases, initiatives) == []  # a validated plan
    assert {i.record.phase for i in initiatives} == {p.uuid for p in phases}
    assert any(i.record.depends_on for i in initiatives)
    roles = {g.record.role for g in plan.list_items(store, uuid, "governance")}
    assert roles == {
        "senior_leader",
        "transformation_manager",
        "business_owner",
        "technology_expert",
    }
    causes = {r.record.cause for r in plan.list_items(store, uuid, "resistance")}
    assert causes == {"awareness", "interest", "ability", "emotion"}
    strategy = plan.get_value(store, uuid, "strategy")
    assert strategy.vision and len(strategy.choices) == 6
    assert plan.get_value(store, uuid, "organization").mode in ("radical", "incremental")
    assert len(plan.get_value(store, uuid, "culture").traits) == 6
    store.close()

    data = json.loads(run("summary", uuid, "--json", "--db", str(db_path)).stdout)
    assert [p["name"] for p in data["plan"]["phases"]] == [p.record.name for p in phases]
    assert len(data["plan"]["initiatives"]) == len(initiatives)
    assert {k["name"] for k in data["plan"]["kpis"]} == {k.record.name for k in kpis}
    first = data["plan"]["initiatives"][0]
    assert first["phase"] == phases[0].record.name  # references by name, not by id
    assert len(data["plan"]["resistance"]) >= 4 and data["plan"]["governance"]
