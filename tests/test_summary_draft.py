"""The executive summary's draft reads as a page a chief executive reads: the situation, the
key problems, the vision and path, the key initiatives with cost and timing, the results
expected and the decisions asked, with figures that agree with the plan."""

from __future__ import annotations

from dtbench.deliverables.content import draft_summary, gather
from dtbench.engagement import service
from dtbench.plan import service as plan
from dtbench.sample import create_demo
from dtbench.store import Store


def test_the_sample_summary_tells_the_story_in_one_page(store: Store) -> None:
    uuid = create_demo(store)
    text = draft_summary(gather(store, uuid, "zh"))
    paragraphs = text.split("\n\n")
    assert paragraphs[0].startswith("大连澜岳精工机械有限公司是一家装备制造企业（300—999人）")
    assert "总体指数为29分（满分100）" in paragraphs[0]
    assert "透明工厂" in text  # the vision
    assert "建议分3个阶段推进：一期：夯实基础、打通一厂（2026年7月—2027年6月）" in text
    assert "重点举措：一期以MES二期：质量追溯推广与设备点检电子化（95万元）为重点；二期以" in text
    assert "、数据服务平台首期建设（110万元）为重点" in text  # every key initiative, by phase
    initiatives = [i.record for i in plan.list_items(store, uuid, "initiative")]
    ahead = sum(i.budget or 0 for i in initiatives if i.status not in ("done", "cancelled"))
    spent = sum(i.budget or 0 for i in initiatives if i.status == "done")
    assert f"尚需投入约{ahead:,.0f}万元（另有已完成举措投入{spent:,.0f}万元）" in text
    assert "订单准时交付率由82%提升到97%以上" in text
    assert "加工中心平均换型时间由约90分钟降至45分钟以内" in text  # a KPI better when lower
    assert "每年可带来约" in text and "投资约在2030年收回" in text  # from the investment case
    assert "提请澜岳精工领导层决策：一、批准本建议书确定的转型愿景" in text
    assert "9项尚未关闭的风险，其中3项为高风险" in text  # from the risk register
    assert "检查项中符合" not in text  # no statistics readout
    assert len(text) < 1200  # a page


def test_the_english_summary_counts_money_as_english_readers_do(store: Store) -> None:
    uuid = create_demo(store)
    text = draft_summary(gather(store, uuid, "en"))
    assert "(300–999 employees)" in text
    assert "MES二期：质量追溯推广与设备点检电子化 (一期, CNY 0.95 million)" in text
    assert "× 10,000" not in text
    assert "leadership is asked to decide: (1)" in text


def test_a_new_engagement_gets_a_short_honest_summary(store: Store) -> None:
    uuid = service.create_engagement(store, client_name="甲公司", title="诊断").uuid
    text = draft_summary(gather(store, uuid, "zh"))
    assert text.startswith("甲公司是一家企业")
    assert "重点举措" not in text and "提请" not in text  # nothing invented
