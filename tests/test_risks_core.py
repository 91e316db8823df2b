"""The project risk register: stored and refused like every plan record, scored and ranked,
checked, started from the guide's common risks, and carried by the sample engagement."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from dtbench.engagement import service
from dtbench.guide import load_guide
from dtbench.messages import translate
from dtbench.plan import catalogue as cat
from dtbench.plan import service as plan
from dtbench.plan.records import Initiative, Risk
from dtbench.plan.risk_starters import risk_starters
from dtbench.plan.risks import check_risks, level, ranked, score
from dtbench.sample import create_demo
from dtbench.store import Store, open_store


def _eng(store: Store) -> str:
    return service.create_engagement(store, client_name="大连澜岳精工", title="规划").uuid


def test_a_risk_is_stored_and_read_back_after_reopening(db_path: Path) -> None:
    store = open_store(db_path)
    eng = _eng(store)
    ini = plan.add_item(store, eng, Initiative(title="MES二期"))
    risk = Risk(
        risk="主数据不一致",
        category="technology",
        probability=4,
        impact=5,
        response="先做主数据治理",
        owner="赵敏",
        status="mitigating",
        initiatives=(ini.uuid,),
    )
    plan.add_item(store, eng, risk)
    store.close()
    store = open_store(db_path)
    (item,) = plan.list_items(store, eng, "risk")
    assert item.record == risk
    store.close()


@pytest.mark.parametrize(
    "record",
    [
        Risk(risk="", category="technology"),
        Risk(risk="停产", category="weather"),
        Risk(risk="停产", category="security", status="forgotten"),
        Risk(risk="停产", category="security", probability=0),
        Risk(risk="停产", category="security", impact=6),
    ],
)
def test_a_bad_risk_is_refused_and_nothing_is_written(store: Store, record: Risk) -> None:
    eng = _eng(store)
    with pytest.raises(ValueError):
        plan.add_item(store, eng, record)
    assert plan.list_items(store, eng, "risk") == []


def test_level_and_order_follow_probability_times_impact() -> None:
    def item(n: int, p: int, i: int, status: str = "open") -> plan.PlanItem:
        risk = Risk(risk=f"r{n}", category="finance", probability=p, impact=i, status=status)
        return plan.PlanItem(f"u{n}", "risk", n, risk)

    assert [
        level(Risk(risk="x", category="finance", probability=p, impact=i))
        for p, i in ((3, 5), (5, 3), (4, 3), (2, 4), (2, 3), (1, 1))
    ] == ["high", "high", "medium", "medium", "low", "low"]
    items = [item(0, 2, 2), item(1, 5, 5, "closed"), item(2, 4, 4), item(3, 3, 3), item(4, 4, 4)]
    order = [(number, score(i.record)) for number, i in ranked(items)]
    # worst first, ties in the register's order, closed risks last; numbers stay the register's
    assert order == [("R-03", 16), ("R-05", 16), ("R-04", 9), ("R-01", 4), ("R-02", 25)]


def test_checks_ask_for_a_response_and_an_owner_of_each_open_high_risk(store: Store) -> None:
    eng = _eng(store)
    ini = plan.add_item(store, eng, Initiative(title="网络改造"))
    bare = plan.add_item(
        store, eng, Risk(risk="勒索病毒导致停产", category="security", probability=3, impact=5)
    )
    plan.add_item(  # high but closed: nothing to ask
        store,
        eng,
        Risk(risk="切换停线", category="delivery", probability=4, impact=4, status="closed"),
    )
    plan.add_item(  # medium: a response is welcome, not demanded
        store, eng, Risk(risk="进度延误", category="delivery", probability=3, impact=3)
    )
    gone = plan.add_item(
        store,
        eng,
        Risk(
            risk="供应商锁定",
            category="technology",
            response="约定数据导出",
            owner="孙立强",
            initiatives=(ini.uuid,),
        ),
    )
    plan.remove_item(store, ini.uuid)
    problems = check_risks(plan.list_items(store, eng, "risk"), plan.list_items(store, eng))
    assert [p.item for p in problems] == [bare.uuid, bare.uuid, gone.uuid]
    messages = [p.message(lambda c, t: translate(c, t, "zh")) for p in problems]
    assert "勒索病毒导致停产" in messages[0] and "3 × 5" in messages[0]
    assert all("%" not in m for m in messages)


def test_a_long_risk_is_quoted_short_in_a_check() -> None:
    long = Risk(risk="数" * 5000, category="security", probability=5, impact=5)
    (first, _second) = check_risks([plan.PlanItem("u", "risk", 0, long)], [])
    assert len(first.message(lambda c, t: t)) < 200


def test_starters_come_from_the_guide_in_both_languages() -> None:
    keys = load_guide().all_keys()
    starters = risk_starters()
    assert 12 <= len(starters) <= 15
    assert len({s.code for s in starters}) == len(starters)
    assert {s.category for s in starters} == set(cat.codes(cat.RISK_CATEGORIES))
    for s in starters:
        assert s.guide_key in keys
        for lang in ("zh", "en"):
            risk = s.to_risk(lang)
            plan.validate(risk)  # a starter is a valid record as it is
            assert risk.starter == s.code and risk.response
        assert any("\u4e00" <= ch <= "\u9fff" for ch in s.to_risk("zh").risk)
        assert s.to_risk("en").risk.isascii()


def test_the_sample_engagement_has_a_risk_register_that_fits_its_plan(store: Store) -> None:
    eng = create_demo(store)
    risks = plan.list_items(store, eng, "risk")
    assert 8 <= len(risks) <= 10
    titles = {i.uuid: i.record.title for i in plan.list_items(store, eng, "initiative")}
    people = {c.name for c in service.get_profile(store, eng).contacts} | {
        m.record.name for m in plan.list_items(store, eng, "governance")
    }
    assert check_risks(risks, plan.list_items(store, eng, "initiative")) == []
    for item in risks:
        r = item.record
        assert r.owner in people and r.initiatives
        assert all(u in titles for u in r.initiatives)
    assert {r.record.status for r in risks} == set(cat.codes(cat.RISK_STATUSES))
    assert any(level(r.record) == "high" for r in risks)
    assert any("主数据" in titles[u] for r in risks for u in r.record.initiatives)
    # a stored risk decodes as the record type (and can be edited as one)
    edited = msgspec.structs.replace(risks[0].record, probability=1)
    assert plan.update_item(store, risks[0].uuid, edited) == risks[0].record
