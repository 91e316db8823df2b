"""Every fixed text of the Excel action plan, in Chinese and English (key → Text, with %1,
%2 … for the values filled in)."""

from __future__ import annotations

from dtbench.guide.model import Text

T: dict[str, Text] = {
    # sheet names (≤ 31 characters, none of []:*?/\)
    "sheet_summary": Text("概览", "Summary"),
    "sheet_diagnosis": Text("现状诊断", "Diagnosis"),
    "sheet_plan": Text("行动计划", "Action plan"),
    "sheet_kpis": Text("绩效指标", "KPIs"),
    "sheet_governance": Text("治理组织", "Governance"),
    "sheet_awareness": Text("宣贯与变革", "Awareness & change"),
    "sheet_org": Text("组织与文化", "Organization & culture"),
    "sheet_resistance": Text("阻力登记", "Resistance register"),
    "sheet_checklist": Text("检查清单", "Checklist"),
    # titles of the sheets
    "title_summary": Text("数字化转型行动计划", "Digital transformation action plan"),
    "title_diagnosis": Text(
        "现状诊断：各条款的成熟度与差距", "Diagnosis: maturity and gaps by clause"
    ),
    "title_plan": Text("行动计划与时间轴", "Action plan and timeline"),
    "title_kpis": Text("关键绩效指标", "Key performance indicators"),
    "title_governance": Text("数字化转型治理组织", "Transformation governance"),
    "title_awareness": Text("数字化意识提升与组织变革步骤", "Awareness actions and change steps"),
    "title_org": Text("组织形态与数字文化", "Organization and digital culture"),
    "title_resistance": Text("转型阻力登记", "Resistance register"),
    "title_checklist": Text("诊断检查清单", "Diagnosis checklist"),
    "subtitle": Text("%1 · %2 · 编制日期 %3", "%1 · %2 · prepared %3"),
    # summary
    "sec_engagement": Text("项目信息", "Engagement"),
    "sec_figures": Text("关键数字", "Key figures"),
    "sec_areas": Text("各领域得分", "Scores by area"),
    "sec_phases": Text("分阶段概览", "Phases"),
    "sec_rounds": Text("历次评估", "Assessment rounds"),
    "client": Text("客户", "Client"),
    "engagement": Text("项目", "Engagement"),
    "industry": Text("行业", "Industry"),
    "round": Text("评估轮次", "Assessment round"),
    "assessed_on": Text("评估日期", "Assessed on"),
    "prepared_on": Text("编制日期", "Prepared on"),
    "consultants": Text("咨询顾问", "Consultants"),
    "firm": Text("咨询机构", "Consulting firm"),
    "overall_index": Text("总体指数（0–100）", "Overall index (0–100)"),
    "completion": Text("诊断完成度", "Diagnosis completion"),
    "level_now": Text("平均成熟度等级（现状）", "Average maturity level (current)"),
    "level_target": Text("平均成熟度等级（目标）", "Average maturity level (target)"),
    "n_clauses": Text("诊断条款", "Clauses assessed"),
    "n_checkpoints": Text("检查项", "Checkpoints"),
    "n_phases": Text("实施阶段", "Phases"),
    "n_initiatives": Text("举措", "Initiatives"),
    "budget_total": Text("预算合计（万元）", "Total budget (CNY 10,000)"),
    "n_kpis": Text("关键绩效指标", "Key performance indicators"),
    "area": Text("领域", "Area"),
    "index": Text("指数", "Index"),
    "now": Text("现状", "Current"),
    "target": Text("目标", "Target"),
    "level_now_short": Text("现状等级", "Current level"),
    "level_target_short": Text("目标等级", "Target level"),
    "gap": Text("差距", "Gap"),
    "phase": Text("阶段", "Phase"),
    "start": Text("开始", "Start"),
    "end": Text("结束", "End"),
    "initiatives": Text("举措数", "Initiatives"),
    "budget": Text("预算（万元）", "Budget (CNY 10,000)"),
    "round_name": Text("轮次", "Round"),
    "radar_title": Text(
        "各领域成熟度等级：现状与目标", "Maturity level by area: current and target"
    ),
    "bar_title": Text("各领域指数", "Index by area"),
    "no_phase": Text("未分阶段", "No phase"),
    "none": Text("无", "None"),
    # diagnosis
    "diag_note": Text(
        "成熟度等级：%1。差距 = 目标等级 − 现状等级；优先级 = 权重 × ((1 + 差距)² − 1)；"
        "覆盖率 = 适用检查项的平均得分（符合 1，部分符合 0.5，不符合 0）。",
        "Maturity levels: %1. Gap = target − current level; priority = weight × "
        "((1 + gap)² − 1); coverage = mean score of the applicable checkpoints (met 1, partly "
        "met 0.5, not met 0).",
    ),
    "clause": Text("条款", "Clause"),
    "clause_title": Text("条款名称", "Clause title"),
    "weight": Text("权重", "Weight"),
    "priority": Text("优先级", "Priority"),
    "coverage": Text("覆盖率", "Coverage"),
    "answered": Text("已回答", "Answered"),
    "checkpoints": Text("检查项数", "Checkpoints"),
    "no_clauses": Text(
        "本项目没有纳入诊断范围的条款。", "No clause is in the scope of this engagement."
    ),
    # action plan
    "plan_note": Text(
        "预算单位：万元。预期价值与投入难度按1–5分评定。时间轴按月显示各举措的起止时间（深色为已完成）。",
        "Budgets in CNY 10,000. Expected value and effort are rated 1–5. The timeline shows "
        "each initiative's months (darker: done).",
    ),
    "no": Text("编号", "No."),
    "initiative": Text("举措", "Initiative"),
    "owner": Text("负责人", "Owner"),
    "value": Text("预期价值（1–5）", "Value (1–5)"),
    "effort": Text("投入难度（1–5）", "Effort (1–5)"),
    "status": Text("状态", "Status"),
    "depends": Text("前置举措", "Depends on"),
    "clauses": Text("关联条款", "Clauses"),
    "consulting": Text("咨询任务", "Consulting task"),
    "consulting_yes": Text("外部咨询", "External consulting"),
    "no_initiatives": Text("尚未规划举措。", "No initiative has been planned yet."),
    "no_dates": Text(
        "举措尚未设置日期，因此没有时间轴。",
        "No initiative has dates yet, so there is no timeline.",
    ),
    # KPIs
    "kpi_note": Text(
        "每项指标的目标值按实施阶段列出；关联举措的编号见“行动计划”。",
        "Targets are listed by phase; the numbers of the linked initiatives refer to the "
        "action plan.",
    ),
    "category": Text("类别", "Category"),
    "kpi_name": Text("指标名称", "Indicator"),
    "definition": Text("定义", "Definition"),
    "unit": Text("单位", "Unit"),
    "calculation": Text("计算方法", "Calculation"),
    "data_source": Text("数据来源", "Data source"),
    "data_owner": Text("数据收集责任者", "Data owner"),
    "analysis": Text("分析方法", "Analysis methods"),
    "frequency": Text("频次", "Frequency"),
    "baseline": Text("基线", "Baseline"),
    "target_of": Text("目标：%1", "Target: %1"),
    "linked": Text("关联举措", "Initiatives"),
    "no_kpis": Text("尚未设定关键绩效指标。", "No key performance indicator has been set yet."),
    # governance, awareness, change, resistance
    "role": Text("角色", "Role"),
    "name": Text("姓名", "Name"),
    "position": Text("职务", "Position"),
    "responsibilities": Text("职责", "Responsibilities"),
    "no_governance": Text(
        "尚未确定治理组织成员。", "No member of the governance body has been named yet."
    ),
    "kind": Text("类别", "Type"),
    "item": Text("事项", "Item"),
    "due": Text("完成期限", "Due"),
    "note": Text("说明", "Note"),
    "aw_managers": Text("管理者意识提升（6.1.3）", "Managers' awareness (6.1.3)"),
    "aw_employees": Text("员工意识提升（6.1.4）", "Employees' awareness (6.1.4)"),
    "change_step": Text("组织变革步骤（6.3.1 h）", "Change step (6.3.1 h)"),
    "no_awareness": Text(
        "尚未安排意识提升活动和组织变革步骤。",
        "No awareness action or change step has been planned yet.",
    ),
    "source": Text("阻力来源", "Source"),
    "cause": Text("原因", "Cause"),
    "description": Text("表现", "Description"),
    "mitigation": Text("应对措施", "Mitigation"),
    "no_resistance": Text("尚未登记转型阻力。", "No resistance has been recorded yet."),
    # organization and culture
    "sec_shape": Text("组织形态（6.3.1）", "Organizational form (6.3.1)"),
    "aspect": Text("方面", "Aspect"),
    "org_shape": Text("组织结构", "Structure"),
    "org_driver": Text("驱动方式", "Driver"),
    "org_relation": Text("管理关系", "Management relation"),
    "org_mode": Text("转变方式", "Mode of change"),
    "org_notes": Text("总体说明", "Overall notes"),
    "no_org": Text("尚未描述组织形态。", "The organizational form has not been described yet."),
    "sec_traits": Text(
        "数字文化特征（6.3.2 e，1–5分）", "Digital culture traits (6.3.2 e, rated 1–5)"
    ),
    "trait": Text("特征", "Trait"),
    "no_traits": Text("尚未评价文化特征。", "The culture traits have not been rated yet."),
    "traits_chart": Text("数字文化特征：现状与目标", "Digital culture traits: current and target"),
    "sec_culture_targets": Text("文化塑造目标（6.3.2 d）", "Culture goals (6.3.2 d)"),
    "goal": Text("目标", "Goal"),
    "adopted": Text("采纳", "Adopted"),
    "yes": Text("是", "Yes"),
    "no_answer": Text("否", "No"),
    "no_culture_targets": Text("尚未确定文化塑造目标。", "No culture goal has been set yet."),
    "sec_measures": Text("文化评价措施（6.3.2 i）", "Culture evaluation measures (6.3.2 i)"),
    "measure": Text("措施", "Measure"),
    "no_measures": Text("尚未确定文化评价措施。", "No evaluation measure has been chosen yet."),
    # checklist
    "checklist_note": Text(
        "本表列出纳入诊断范围的全部检查项及本轮（%1）的评估结果。",
        "Every checkpoint of the clauses in scope, with the result of this round (%1).",
    ),
    "ref": Text("编号", "Ref."),
    "checkpoint": Text("检查项", "Checkpoint"),
    "no_checkpoints": Text("没有检查项。", "There are no checkpoints."),
    # print
    "footer": Text("第 &P 页，共 &N 页", "Page &P of &N"),
    "invalid_status": Text("请从列表中选择状态。", "Please choose a status from the list."),
}
