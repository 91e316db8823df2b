"""The plan's core: typed records stored and validated, roadmap checks, suggestions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dtbench.diagnosis import service as dx
from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.messages import translate
from dtbench.plan import service as plan
from dtbench.plan.checks import check_roadmap, find_cycles, would_cycle
from dtbench.plan.records import (
    Adoption,
    Choice,
    Culture,
    Initiative,
    Kpi,
    Organization,
    Phase,
    Resistance,
    Strategy,
    TraitRating,
)
from dtbench.plan.suggest import suggest_initiatives
from dtbench.sample import create_demo
from dtbench.store import Store, open_store

GUIDE = load_guide()


def _eng(store: Store) -> str:
    return service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid


def test_items_keep_their_order_and_survive_reopen(db_path: Path) -> None:
    store = open_store(db_path)
    eng = _eng(store)
    p1 = plan.add_item(store, eng, Phase(name="第一阶段", start=date(2026, 1, 1)))
    p2 = plan.add_item(store, eng, Phase(name="第二阶段"))
    first = plan.add_item(store, eng, Phase(name="准备阶段"), position=0)
    assert [i.record.name for i in plan.list_items(store, eng, "phase")] == [
        "准备阶段",
        "第一阶段",
        "第二阶段",
    ]
    old = plan.update_item(store, p2.uuid, Phase(name="第二阶段", goals="MES全面上线"))
    assert old == Phase(name="第二阶段")
    assert plan.move_item(store, first.uuid, 2) == 0
    removed = plan.remove_item(store, p1.uuid)
    assert [i.record.name for i in plan.list_items(store, eng, "phase")] == ["第二阶段", "准备阶段"]
    plan.add_item(store, eng, removed.record, position=removed.position, uuid=removed.uuid)
    store.close()

    store = open_store(db_path)
    items = plan.list_items(store, eng, "phase")
    assert [i.record.name for i in items] == ["第一阶段", "第二阶段", "准备阶段"]
    assert items[0].uuid == p1.uuid and items[0].record.start == date(2026, 1, 1)
    assert items[1].record.goals == "MES全面上线"
    store.close()


def test_single_records_round_trip_and_return_the_previous_one(store: Store) -> None:
    eng = _eng(store)
    assert plan.get_value(store, eng, "strategy") == Strategy()
    strategy = Strategy(
        vision="数字化驱动精益制造",
        choices={
            "technical_path": Choice(values=("hybrid",), rationale="保留U8，新建MES与数据中台"),
            "strategic_goals": Choice(values=("operations", "products"), rationale="先提效再升级"),
        },
        principles={"5.2.d": Adoption(adopted=True, note="每个项目算清收益")},
    )
    assert plan.set_value(store, eng, "strategy", strategy) == Strategy()
    assert plan.get_value(store, eng, "strategy") == strategy
    culture = Culture(traits={"openness": TraitRating(now=2, target=4)})
    plan.set_value(store, eng, "culture", culture)
    assert plan.get_value(store, eng, "culture").traits["openness"].target == 4
    org = Organization(shape_now="pyramid", shape_target="flat", mode="incremental")
    plan.set_value(store, eng, "organization", org)
    assert plan.get_value(store, eng, "organization").shape_target == "flat"


@pytest.mark.parametrize(
    "record",
    [
        Initiative(title="x", value=6),
        Initiative(title="x", status="maybe"),
        Initiative(title="x", clauses=("7.9.9",)),
        Initiative(title="x", start=date(2026, 5, 1), end=date(2026, 4, 1)),
        Initiative(title="  "),
        Kpi(category="nonsense", name="OEE"),
        Kpi(category="production_efficiency", name="OEE", analysis=("guessing",)),
        Resistance(source="班组长", cause="fear"),
        Strategy(choices={"technical_path": Choice(values=("hybrid", "data_core"))}),
        Strategy(choices={"colour": Choice(values=("red",))}),
        Culture(traits={"openness": TraitRating(now=0, target=9)}),
        Organization(shape_now="round"),
    ],
)
def test_bad_records_are_refused_and_nothing_is_written(store: Store, record: object) -> None:
    eng = _eng(store)
    with pytest.raises((ValueError, KeyError)):
        if isinstance(record, Strategy | Culture | Organization):
            name = type(record).__name__.lower()
            plan.set_value(store, eng, name, record)
        else:
            plan.add_item(store, eng, record)
    assert plan.list_items(store, eng) == []
    assert plan.get_value(store, eng, "strategy") == Strategy()


def test_roadmap_checks_dates_dependencies_and_cycles(store: Store) -> None:
    eng = _eng(store)
    phase = plan.add_item(
        store, eng, Phase(name="一期", start=date(2026, 1, 1), end=date(2026, 6, 30))
    )
    later = plan.add_item(store, eng, Phase(name="二期", start=date(2026, 7, 1)))
    mes = plan.add_item(
        store,
        eng,
        Initiative(
            title="MES一期", phase=phase.uuid, start=date(2026, 3, 1), end=date(2026, 8, 31)
        ),
    )
    kpi = plan.add_item(
        store,
        eng,
        Initiative(
            title="KPI看板",
            phase=phase.uuid,
            start=date(2026, 5, 1),
            end=date(2026, 6, 1),
            depends_on=(mes.uuid,),
        ),
    )
    plan.add_item(
        store,
        eng,
        Initiative(title="数据中台", phase=phase.uuid, depends_on=(kpi.uuid,)),
    )
    phases = plan.list_items(store, eng, "phase")
    inits = plan.list_items(store, eng, "initiative")
    messages = [p.message(lambda _c, t: t) for p in check_roadmap(phases, inits)]
    assert messages == [
        "“MES一期” runs from 2026-03-01 to 2026-08-31, outside its phase “一期” "
        "(2026-01-01 to 2026-06-30).",
        "“KPI看板” starts on 2026-05-01, before “MES一期”, which it depends on, ends (2026-08-31).",
    ]
    zh = [p.message(lambda c, t: translate(c, t, "zh")) for p in check_roadmap(phases, inits)]
    assert all("MES一期" in m for m in zh) and "超出" in zh[0]

    # closing a loop is detected before it is saved, and reported if it exists
    graph = {i.uuid: i.record.depends_on for i in inits}
    assert would_cycle(graph, mes.uuid, (inits[2].uuid,))
    assert not would_cycle(graph, mes.uuid, ())
    looped = [
        *inits[:2],
        type(inits[2])(
            inits[2].uuid,
            "initiative",
            2,
            Initiative(title="数据中台", depends_on=(kpi.uuid,)),
        ),
    ]
    looped[0] = type(looped[0])(
        mes.uuid, "initiative", 0, Initiative(title="MES一期", depends_on=(inits[2].uuid,))
    )
    cycles = [p for p in check_roadmap(phases, looped) if "cycle" in p.template]
    assert len(cycles) == 1
    assert cycles[0].message(lambda _c, t: t).count("→") == 3
    assert find_cycles({"a": ("a",)}) == [["a"]]
    assert later.record.name == "二期"


def test_suggestions_follow_the_prioritised_gaps(store: Store) -> None:
    eng = create_demo(store)
    rnd = dx.list_rounds(store, eng)[-1].uuid
    report = dx.round_report(store, eng, rnd)
    answers = dx.load_round(store, rnd).statuses()
    made = suggest_initiatives(GUIDE, report, answers, [], "zh")
    gaps = report.ranked_gaps()
    assert len(made) == len(gaps)  # one per prioritised gap
    assert {i.clauses[0] for i in made} == {c.key for c in gaps}
    top = next(i for i in made if i.source == gaps[0].key)
    assert top.value == 5
    open_items = [
        p.key
        for p in GUIDE.clause(top.source).checkpoints()
        if answers.get(p.key) in ("not_met", "partly")
    ]
    assert open_items and open_items[0] in top.description
    ratios = [i.value / i.effort for i in made]
    assert ratios == sorted(ratios, reverse=True)  # 从易到难: best value for effort first
    # clauses an initiative already covers get no second suggestion; English on request
    again = suggest_initiatives(GUIDE, report, answers, made[:3], "en")
    assert len(again) == len(made) - 3
    assert all(i.title.startswith("Improve ") for i in again)
    phases = [plan.add_item(store, eng, Phase(name=n)) for n in ("一期", "二期", "三期")]
    spread = suggest_initiatives(GUIDE, report, answers, [], "zh", phases)
    assert spread[0].phase == phases[0].uuid and spread[-1].phase == phases[-1].uuid
