"""Investment and benefits: cost lines and benefits stored and checked, the budget as one
figure, totals by year, phase and kind, benefits, cumulative net and payback (hand-computed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dtbench.engagement import service
from dtbench.messages import translate
from dtbench.plan import investment as inv
from dtbench.plan import service as plan
from dtbench.plan.records import Benefit, CostLine, Initiative, Kpi, Phase, PlanItem
from dtbench.store import Store, open_store


def _eng(store: Store) -> str:
    return service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid


def _item(uuid: str, record: object) -> PlanItem:
    kind = {
        Phase: "phase",
        Initiative: "initiative",
        CostLine: "cost",
        Benefit: "benefit",
        Kpi: "kpi",
    }[type(record)]
    return PlanItem(uuid, kind, 0, record)


PHASES = [
    _item("P1", Phase(name="一期", start=date(2026, 7, 1), end=date(2027, 6, 30))),
    _item("P2", Phase(name="二期", start=date(2027, 7, 1), end=date(2028, 3, 31))),
]
INITIATIVES = [
    _item(
        "MES",
        Initiative(
            title="MES一期",
            phase="P1",
            status="done",
            start=date(2026, 7, 1),
            end=date(2026, 12, 31),
            budget=999,  # replaced by its cost lines
        ),
    ),
    _item(
        "APS",
        Initiative(title="APS", phase="P2", start=date(2027, 7, 1), end=date(2028, 3, 31)),
    ),
    # a budget without cost lines: counted in the start year, "not split"
    _item("BI", Initiative(title="看板", phase="P1", start=date(2027, 1, 1), budget=20)),
]
COSTS = [
    _item("c1", CostLine(initiative="MES", year=2026, category="software", amount=100)),
    _item("c2", CostLine(initiative="MES", year=2026, category="services", amount=50)),
    _item("c3", CostLine(initiative="APS", year=2027, category="software", amount=60)),
    _item(
        "c4",
        CostLine(initiative="APS", year=2028, category="staff", nature="opex", amount=40),
    ),
    _item("c5", CostLine(initiative="gone", year=2027, amount=500)),  # left out, checked
]
BENEFITS = [
    _item(
        "b1",
        Benefit(
            initiative="MES",
            title="减少报废",
            yearly_value=80,
            from_year=2027,
            assumption="报废率下降1个百分点",
        ),
    ),
    _item("b2", Benefit(initiative="APS", title="库存下降", yearly_value=50)),  # from 2029
    _item("b3", Benefit(initiative="APS", title="计划透明")),  # qualitative
]


def test_totals_by_year_phase_kind_and_payback_are_the_hand_computed_ones() -> None:
    s = inv.summarize(INITIATIVES, PHASES, COSTS, BENEFITS)
    # costs 2026–2028, two more years for benefits
    assert s.years == (2026, 2027, 2028, 2029, 2030)
    assert s.cost == {2026: 150, 2027: 80, 2028: 40, 2029: 0, 2030: 0}
    assert s.total == 270  # 150 + 60 + 40 + 20; the orphan line's 500 is not counted
    assert s.spent == {2026: 150, 2027: 0, 2028: 0, 2029: 0, 2030: 0}
    assert s.total_forward == 120
    assert s.by_phase["P1"] == {2026: 0, 2027: 20, 2028: 0, 2029: 0, 2030: 0}
    assert s.by_phase["P2"] == {2026: 0, 2027: 60, 2028: 40, 2029: 0, 2030: 0}
    assert s.by_kind == {
        ("software", "capex"): 160,
        ("services", "capex"): 50,
        ("staff", "opex"): 40,
        ("", ""): 20,
    }
    # MES benefit 80 a year from 2027; APS 50 a year from the year after it ends (2029)
    assert s.benefit == {2026: 0, 2027: 80, 2028: 80, 2029: 130, 2030: 130}
    assert s.cumulative_cost[2028] == 270
    assert s.cumulative_benefit[2028] == 160
    assert s.cumulative_net == {2026: -150, 2027: -150, 2028: -110, 2029: 20, 2030: 150}
    assert s.payback == 2029
    assert (s.quantified, s.qualitative, s.not_split) == (2, 1, 1)
    assert inv.payback_sentence(s, "en").endswith("pays back in 2029, year 4 of the plan.")
    assert "2029年" in inv.payback_sentence(s, "zh")
    words = " ".join(inv.assumptions(s, "en"))
    assert "2026 to 2030" in words
    assert "CNY 1.50 million" in words  # the finished initiative, counted as spent
    assert "not yet split by year and kind (1 in this plan)" in words


def test_no_payback_within_the_horizon_is_said_so() -> None:
    small = [_item("b", Benefit(initiative="APS", title="x"))]
    s = inv.summarize(INITIATIVES, PHASES, COSTS, small)
    assert s.payback is None
    assert "No quantified benefit" in inv.payback_sentence(s, "en")
    slow = [
        _item(
            "b",
            Benefit(initiative="APS", title="x", yearly_value=10, from_year=2027, assumption="a"),
        )
    ]
    s = inv.summarize(INITIATIVES, PHASES, COSTS, slow)
    assert s.payback is None
    assert "no payback within the horizon" in inv.payback_sentence(s, "en")
    assert "2030" in inv.payback_sentence(s, "en")


def test_checks_name_orphans_costs_outside_the_dates_and_missing_assumptions() -> None:
    costs = [*COSTS, _item("c6", CostLine(initiative="MES", year=2028, amount=5))]
    benefits = [
        *BENEFITS,
        _item("b4", Benefit(initiative="gone", title="孤儿")),
        _item("b5", Benefit(initiative="MES", title="准时交付", kpi="K-gone")),
    ]
    problems = inv.check_investment(INITIATIVES, costs, benefits, [])
    messages = {p.item: p.message(translate) for p in problems}
    assert set(messages) == {"c5", "c6", "b2", "b4", "b5"}
    assert "no longer exists" in messages["c5"]
    assert (
        messages["c6"] == "“MES一期” has costs in 2028, outside the years it runs (2026 to 2026)."
    )
    assert "no assumption" in messages["b2"]
    assert "KPI that no longer exists" in messages["b5"]


def test_cost_lines_make_the_budget_every_reader_sees_and_undo_restores_it(
    db_path: Path,
) -> None:
    store = open_store(db_path)
    eng = _eng(store)
    ini = plan.add_item(store, eng, Initiative(title="MES", budget=30))
    line = plan.add_item(store, eng, CostLine(initiative=ini.uuid, year=2027, amount=12.5))
    plan.add_item(
        store, eng, CostLine(initiative=ini.uuid, year=2028, category="hardware", amount=7.5)
    )
    budget = next(i.record.budget for i in plan.list_items(store, eng, "initiative"))
    assert budget == 20
    every = plan.list_items(store, eng)
    assert next(i.record.budget for i in every if i.kind == "initiative") == 20
    plan.remove_item(store, line.uuid)
    assert plan.list_items(store, eng, "initiative")[0].record.budget == 7.5
    store.close()
    store = open_store(db_path)
    for item in plan.list_items(store, eng, "cost"):
        plan.remove_item(store, item.uuid)
    # no cost lines: the budget typed on the roadmap counts again
    assert plan.list_items(store, eng, "initiative")[0].record.budget == 30
    store.close()


@pytest.mark.parametrize(
    "record",
    [
        CostLine(initiative="x", year=2027, category="furniture"),
        CostLine(initiative="x", year=2027, nature="later"),
        CostLine(initiative="x", year=2027, amount=-1),
        CostLine(initiative="", year=2027),
        CostLine(initiative="x", year=27),
        Benefit(initiative="x", title=" "),
        Benefit(initiative="x", title="y", yearly_value=-5),
    ],
)
def test_bad_cost_lines_and_benefits_are_refused(db_path: Path, record: object) -> None:
    store = open_store(db_path)
    eng = _eng(store)
    with pytest.raises(ValueError):
        plan.add_item(store, eng, record)
    assert plan.list_items(store, eng) == []
    store.close()


def test_the_sample_splits_its_budgets_and_pays_back_within_the_horizon(db_path: Path) -> None:
    from dtbench.sample import create_demo

    store = open_store(db_path)
    eng = create_demo(store)
    initiatives = plan.list_items(store, eng, "initiative")
    phases = plan.list_items(store, eng, "phase")
    costs = plan.list_items(store, eng, "cost")
    benefits = plan.list_items(store, eng, "benefit")
    kpis = plan.list_items(store, eng, "kpi")
    store.close()
    # every initiative's lines add up to the budget the roadmap shows: 1,094 万元 in all
    assert {c.record.initiative for c in costs} == {i.uuid for i in initiatives}
    assert sum(i.record.budget or 0 for i in initiatives) == 1094
    assert inv.check_investment(initiatives, costs, benefits, kpis) == []
    s = inv.summarize(initiatives, phases, costs, benefits)
    assert s.total == 1094
    # the money that can no longer be spent in 2026 (I-05 hardening, I-06 licences) is in 2027
    assert s.cost == {2026: 277, 2027: 472, 2028: 345, 2029: 0, 2030: 0}
    assert s.total_spent == 168  # MES 一期, finished
    assert s.total_forward == 926
    assert {k for k, _n in s.by_kind} == {"software", "hardware", "services", "staff"}
    assert s.benefit == {2026: 0, 2027: 45, 2028: 205, 2029: 440, 2030: 440}
    assert s.payback == 2030
    assert s.not_split == 0 and s.quantified == 7 and s.qualitative == 4
    assert all(b.record.kpi for b in benefits)  # each linked to a sample KPI
