"""The Word proposal's sections in their order, and every fixed text of it in Chinese and
English: ``T`` (key → Text, with %1, %2 … for the values filled in) and the labels of the
client's size bands. Light to import: the export dialog lists the sections from here."""

from __future__ import annotations

from dtbench.engagement.records import EMPLOYEE_BANDS, REVENUE_BANDS
from dtbench.guide.model import Text

SECTIONS: tuple[str, ...] = (
    "cover",
    "info",
    "toc",
    "summary",
    "background",
    "diagnosis",
    "benchmark",  # optional: only with the firm benchmark's comparison (proposal_benchmark)
    "strategy",
    "blueprint",
    "roadmap",
    "key_initiatives",
    "investment",
    "leadership",
    "organization",
    "risks",
    "kpis",
    "next_steps",
    # appendices: the detail a consultant may include or leave out
    "method",
    "supporting",
    "clauses",
    "checklist",
    "glossary",
)
FRONT = ("cover", "info", "toc")
# appendices are lettered A, B, … in the order they come
APPENDICES = ("method", "supporting", "clauses", "checklist", "glossary")
BODY_CHAPTERS = tuple(code for code in SECTIONS if code not in FRONT + APPENDICES)

T: dict[str, Text] = {
    # cover and front matter
    "doc_title": Text("数字化转型实施建议书", "Digital Transformation Implementation Proposal"),
    "based_on": Text("依据 %1《%2》", "Based on %1 %2"),
    "prepared_by": Text("编制单位：%1", "Prepared by %1"),
    "date_line": Text("编制日期：%1", "Date: %1"),
    "info": Text("文档信息", "Document information"),
    "client": Text("委托单位", "Client"),
    "engagement": Text("项目名称", "Engagement"),
    "firm": Text("咨询机构", "Consulting firm"),
    "consultants": Text("咨询顾问", "Consultants"),
    "period": Text("项目周期", "Engagement period"),
    "round": Text("评估轮次", "Assessment round"),
    "reference": Text("评估依据", "Reference"),
    "version": Text("版本", "Version"),
    "author": Text("编制", "Prepared by"),
    "reviewer": Text("审核", "Reviewed by"),
    "approver": Text("批准", "Approved by"),
    "classification": Text("密级", "Classification"),
    "history": Text("版本历史", "Version history"),
    "signoff": Text("审批签署", "Sign-off"),
    "signature": Text("签字", "Signature"),
    "issued": Text("发布日期", "Issued"),
    "change_note": Text("说明", "Notes"),
    "first_issue": Text("首次提交", "First issue"),
    "date": Text("日期", "Date"),
    "language": Text("文档语言", "Language"),
    "language_value": Text("中文", "English"),
    "rounds_total": Text("%1（%2；共%3轮）", "%1 (%2; %3 rounds in all)"),
    "confidential": Text(
        "本文件仅供%1内部使用，未经许可不得对外提供。",
        "This document is for the internal use of %1 only; do not pass it on without consent.",
    ),
    "toc": Text("目录", "Contents"),
    "page_footer": Text("第 %1 页 / 共 %2 页", "Page %1 of %2"),
    "figure": Text("图", "Figure"),
    "table": Text("表", "Table"),
    "appendix": Text("附录%1", "Appendix %1"),
    "to": Text("至", "to"),
    "none": Text("无", "None"),
    "yes": Text("是", "Yes"),
    "no": Text("否", "No"),
    "sep": Text("、", ", "),
    "colon": Text("：", ": "),
    "period_end": Text("。", "."),
    # chapters
    "summary": Text("执行摘要", "Executive summary"),
    "key_figures": Text("关键数据", "Key figures"),
    "background": Text("项目背景与范围", "Background and scope"),
    "method": Text("诊断方法", "Assessment method"),
    "diagnosis": Text("诊断结果", "Diagnosis results"),
    "clauses": Text("各条款诊断详情", "Findings by clause"),
    "strategy": Text("转型战略", "Transformation strategy"),
    "roadmap": Text("实施路线图", "Implementation roadmap"),
    "kpis": Text("关键绩效指标", "Key performance indicators"),
    "leadership": Text("领导作用与治理", "Leadership and governance"),
    "organization": Text("组织与文化", "Organisation and culture"),
    "next_steps": Text("近期工作建议", "Next steps"),
    "glossary": Text("术语和缩略语", "Terms and abbreviations"),
    "checklist": Text("诊断检查表", "Assessment checklist"),
    "supporting": Text("补充资料", "Supporting detail"),
    "supporting_text": Text(
        "本附录汇集正文引用的明细资料，各部分按正文章节顺序排列。",
        "This appendix holds the detail the chapters refer to, in the order of the chapters.",
    ),
    "fieldwork_records": Text("调研工作记录", "Fieldwork records"),
    "initiative_costs": Text("各举措分年度投资", "Investment by initiative and year"),
    # summary key figures
    "kf_index": Text("总体指数", "Overall index"),
    "kf_index_value": Text("%1（满分100）", "%1 out of 100"),
    "kf_level": Text("平均成熟度", "Average maturity level"),
    "kf_level_value": Text("现状%1级 → 目标%2级", "%1 now → %2 target"),
    "kf_plan": Text("实施规划", "Plan"),
    "kf_plan_value": Text("%1个阶段、%2项举措", "%1 phases, %2 initiatives"),
    "kf_budget": Text("投资估算", "Investment"),
    # background
    "profile": Text("企业概况", "Client profile"),
    "client_name": Text("企业名称", "Name"),
    "short_name": Text("简称", "Short name"),
    "industry": Text("所属行业", "Industry"),
    "employees": Text("员工人数", "Employees"),
    "revenue": Text("年营业收入", "Annual revenue"),
    "region": Text("所在地区", "Region"),
    "products": Text("主要产品与业务", "Main products and business"),
    "contacts": Text("主要联系人", "Contacts"),
    "contact_name": Text("姓名", "Name"),
    "contact_role": Text("职务", "Position"),
    "phone": Text("电话", "Phone"),
    "email": Text("电子邮件", "E-mail"),
    "systems": Text("现有信息系统", "Existing systems"),
    "systems_text": Text(
        "企业目前使用的主要信息系统：%1。", "The client currently runs these systems: %1."
    ),
    "no_systems": Text(
        "企业尚未登记在用的信息系统。", "No information system in use has been recorded."
    ),
    "scope": Text("评估范围", "Scope of the assessment"),
    "scope_text": Text(
        "本次评估覆盖指南第5—9章%1个条款中的%2个条款，共%3个检查项。",
        "The assessment covers %2 of the %1 clauses of chapters 5–9 of the guide, with %3 "
        "checkpoints.",
    ),
    "scope_every": Text(
        "本次评估覆盖指南第5—9章全部%1个条款，共%2个检查项。",
        "The assessment covers all %1 clauses of chapters 5–9 of the guide (%2 checkpoints).",
    ),
    "scope_out": Text("未纳入评估的条款：%1。", "Clauses left out: %1."),
    "scope_weights": Text(
        "条款权重默认为1；权重高于1的条款在指数中所占比重更大：%1。",
        "Clauses weigh 1 by default; these weigh more in the indices: %1.",
    ),
    "scope_light": Text("权重低于1的条款：%1。", "These weigh less: %1."),
    "scope_table": Text("评估范围与条款权重", "Scope and clause weights"),
    "scope_where": Text(
        "各条款的权重见附录%1：权重高于1的条款在指数中所占比重更大。",
        "Appendix %1 gives each clause's weight: a clause weighing more than 1 counts for more "
        "in the indices.",
    ),
    "clause": Text("条款", "Clause"),
    "title": Text("名称", "Title"),
    "in_scope": Text("纳入评估", "Assessed"),
    "weight": Text("权重", "Weight"),
    # method
    "basis": Text("评估依据", "Reference framework"),
    "basis_text": Text(
        "本次诊断以%1《%2》为依据。指南第5—9章从%3五个方面提出了企业数字化转型的要求，"
        "每个条款细分为若干检查项（条目和子条目）。",
        "The assessment follows %1 %2. Chapters 5–9 of the guide set out the requirements of "
        "digital transformation under five headings: %3. Each clause is broken down into "
        "checkpoints (items and sub-items).",
    ),
    "areas_table": Text("指南的五个领域", "The five areas of the guide"),
    "chapter": Text("章", "Ch."),
    "area": Text("领域", "Area"),
    "groups": Text("主要内容", "Contents"),
    "clauses_assessed": Text("评估条款数", "Clauses assessed"),
    "scale": Text("成熟度等级", "Maturity scale"),
    "scale_text": Text(
        "各条款的成熟度按五个等级评定，等级名称参照GB/T 23011-2022和GB/T 45341-2025的"
        "数字化转型发展阶段。",
        "Each clause is rated on five maturity levels, named after the stages of digital "
        "transformation in GB/T 23011-2022 and GB/T 45341-2025.",
    ),
    "level": Text("等级", "Level"),
    "level_name": Text("名称", "Name"),
    "description": Text("特征", "Description"),
    "scale_table": Text("成熟度等级", "Maturity levels"),
    "rules": Text("评分规则", "Scoring rules"),
    # The rules themselves come from dtbench.diagnosis.scoring_method.
    "rules_text": Text(
        "顾问依据访谈、现场查看和证据资料，将每个检查项判定为符合、部分符合、不符合或不适用，"
        "并按以下规则计分：",
        "From interviews, site visits and evidence, the consultants rate every checkpoint as "
        "met, partly met, not met or not applicable, and score them as follows:",
    ),
    # diagnosis
    "overall": Text("总体结果", "Overall result"),
    "overall_text": Text(
        "%1的数字化转型总体指数为%2（满分100），平均成熟度为%3级，目标平均为%4级。"
        "本轮（%5）共评估%6个条款、%7个检查项，完成%8%。",
        "%1 reaches an overall index of %2 out of 100 and an average maturity level of %3 "
        "against a target of %4. This round (%5) covers %6 clauses and %7 checkpoints, "
        "%8% of them answered.",
    ),
    "status_table": Text("检查项判定结果", "Checkpoint ratings"),
    "status": Text("判定", "Rating"),
    "state": Text("状态", "Status"),
    "count": Text("数量", "Count"),
    "share": Text("占比", "Share"),
    "areas": Text("各领域结果", "Results by area"),
    "areas_text": Text(
        "各领域的指数和成熟度如下表和下图所示；相对薄弱的是“%1”（指数%2）。",
        "The table and charts below show each area's index and levels; the weakest is “%1” "
        "(index %2).",
    ),
    "area_table": Text("各领域诊断结果", "Results by area of the guide"),
    "index": Text("指数", "Index"),
    "level_now": Text("现状等级", "Current level"),
    "level_target": Text("目标等级", "Target level"),
    "answered": Text("已回答/检查项", "Answered / checkpoints"),
    "gaps": Text("主要差距", "Main gaps"),
    "gaps_text": Text(
        "%2个评估条款中有%1个尚未达到目标等级。下图按优先级列出差距最大的条款，下表列出优先级最高的%3个。",
        "%1 of the %2 clauses assessed fall short of their target level. The chart ranks the "
        "largest gaps by priority; the table lists the %3 highest.",
    ),
    "no_gaps": Text(
        "各条款的现状等级均已达到目标，没有差距。", "Every clause has reached its target level."
    ),
    "gap_table": Text("优先级最高的差距", "Highest-priority gaps"),
    "rank": Text("序号", "No."),
    "gap": Text("差距", "Gap"),
    "priority": Text("优先级", "Priority"),
    "coverage": Text("覆盖率", "Coverage"),
    "rounds": Text("评估轮次对比", "Comparison of rounds"),
    "rounds_table": Text("各轮次结果", "Results by round"),
    "round_name": Text("轮次", "Round"),
    "assessed_on": Text("评估日期", "Assessed on"),
    "one_round": Text(
        "目前只进行了一轮评估；下一轮评估后将在此对比各领域的变化。",
        "Only one round has been assessed so far; the next round will be compared here.",
    ),
    "moved_table": Text("与上一轮相比变化的条款", "Clauses that moved since the last round"),
    "moved_text": Text(
        "与%1相比，%2个条款的等级或指数发生了变化。",
        "Since the %1, %2 clauses have changed level or index.",
    ),
    "moved_where": Text(
        "与%1相比，%2个条款的等级或指数发生了变化，明细见附录%3。",
        "Since the %1, %2 clauses have changed level or index; appendix %3 lists them.",
    ),
    "no_moves": Text(
        "与上一轮相比，各条款的等级和指数没有变化。",
        "No clause changed level or index since the last round.",
    ),
    "before": Text("上一轮", "Before"),
    "after": Text("本轮", "Now"),
    "fig_index": Text("数字化转型总体指数", "Overall digital transformation index"),
    "fig_progress": Text("各领域完成情况", "Completion by area"),
    "fig_radar": Text(
        "指南各节成熟度：现状与目标",
        "Maturity by section of the guide: now and target",
    ),
    "fig_heatmap": Text("各领域检查项判定分布", "Checkpoint ratings by area"),
    "fig_gaps": Text("按优先级排序的差距", "Gaps ranked by priority"),
    "fig_rounds": Text("各领域各轮次指数", "Index by area and round"),
    "fig_gantt": Text("分阶段实施计划", "Implementation schedule by phase"),
    "fig_matrix": Text("举措优先级矩阵", "Priority matrix of the initiatives"),
    "fig_culture": Text("数字文化特征：现状与目标", "Digital culture traits: now and target"),
    # clauses
    "clauses_text": Text(
        "本附录逐条列出各条款的等级、差距、主要发现和检查项判定结果。条款编号为指南的编号。",
        "This appendix gives each clause's levels, gap, findings and checkpoint ratings. "
        "Clause numbers are those of the guide.",
    ),
    "area_heading": Text("%1（指南第%2章）", "%1 (chapter %2 of the guide)"),
    "clause_heading": Text("条款 %1 %2", "Clause %1 %2"),
    "findings": Text("主要发现", "Findings"),
    "no_findings": Text("未记录主要发现。", "No findings recorded."),
    "interviewees": Text("访谈对象", "Interviewees"),
    "requirement": Text("指南要求", "The guide asks"),
    "check_table": Text("条款 %1 检查项判定", "Checkpoints of clause %1"),
    "ref": Text("条目", "Ref."),
    "checkpoint": Text("检查项", "Checkpoint"),
    "note": Text("说明", "Note"),
    "levels_arrow": Text("%1 → %2", "%1 → %2"),
    # strategy
    "vision": Text("转型愿景", "Vision"),
    "no_vision": Text("尚未确定转型愿景。", "The vision has not been set yet."),
    "choices": Text("战略选择", "Strategic choices"),
    "choices_table": Text("战略选择及理由", "Strategic choices and rationale"),
    "dimension": Text("决策事项", "Decision"),
    "choice": Text("选择", "Choice"),
    "rationale": Text("理由", "Rationale"),
    "no_choices": Text("尚未作出战略选择。", "No strategic choice has been made yet."),
    "principles": Text("基本原则", "Basic principles"),
    "principles_text": Text(
        "采纳指南5.2的以下基本原则，并明确落实方式：",
        "These basic principles of guide 5.2 are adopted, each with how it is applied:",
    ),
    "principles_table": Text("采纳的基本原则", "Adopted basic principles"),
    "principles_named": Text(
        "本项目采纳指南5.2的%1项基本原则：%2。各原则的落实方式见附录%3。",
        "The engagement adopts %1 basic principles of clause 5.2 of the guide: %2. Appendix %3 "
        "says how each is applied.",
    ),
    "no_principles": Text("尚未确定采纳的基本原则。", "No basic principle has been adopted yet."),
    "criteria": Text("实施准则", "Implementation criteria"),
    "criteria_text": Text(
        "采纳指南5.3的以下实施准则：", "These implementation criteria of guide 5.3 are adopted:"
    ),
    "criteria_table": Text("采纳的实施准则", "Adopted implementation criteria"),
    "criteria_named": Text(
        "实施中遵循指南5.3的%1项准则：%2。各准则的落实方式见附录%3。",
        "The implementation follows %1 criteria of clause 5.3 of the guide: %2. Appendix %3 "
        "says how each is applied.",
    ),
    "no_criteria": Text("尚未确定采纳的实施准则。", "No implementation criterion adopted yet."),
    "principle": Text("内容", "Text of the guide"),
    "how": Text("落实方式", "How it is applied"),
    # roadmap
    "phases": Text("实施阶段", "Phases"),
    "phases_table": Text("实施阶段与准入准出条件", "Phases with entry and exit criteria"),
    "no_phases": Text("尚未划分实施阶段。", "No phase has been planned yet."),
    "goals": Text("阶段目标", "Goals"),
    "entry": Text("准入条件", "Entry criteria"),
    "exit": Text("准出条件", "Exit criteria"),
    "contents": Text("转型内容", "Transformation contents"),
    "phase_no": Text("第%1阶段", "Phase %1"),
    "initiatives": Text("举措总览", "Initiatives"),
    "initiatives_table": Text("重点举措清单", "List of initiatives"),
    "no_initiatives": Text("尚未制定举措。", "No initiative has been planned yet."),
    "no_col": Text("编号", "No."),
    "initiative": Text("举措", "Initiative"),
    "phase": Text("阶段", "Phase"),
    "owner": Text("负责人", "Owner"),
    "dates": Text("起止日期", "Dates"),
    "budget": Text("预算（万元）", "Budget (CNY m)"),
    "value": Text("价值", "Value"),
    "effort": Text("难度", "Effort"),
    "depends": Text("前置举措", "Depends on"),
    "total": Text("合计", "Total"),
    "initiatives_text": Text(
        "共%1项举措，预算合计%2。价值和难度按1—5分评定。",
        "%1 initiatives with a total budget of %2. Value and effort are rated 1–5.",
    ),
    "details": Text("举措说明", "Initiative descriptions"),
    "details_where": Text("各举措的说明见附录%1。", "Appendix %1 describes each initiative."),
    "details_where_key": Text(
        "重点举措的任务书见第%1章，其余举措的说明见附录%2。",
        "The key initiatives have their charters in chapter %1; appendix %2 describes the others.",
    ),
    "details_key": Text(
        "重点举措的任务书见第%1章，此处说明其余举措。",
        "The key initiatives have their charters in chapter %1; the others are described here.",
    ),
    "related": Text("对应条款", "Clauses addressed"),
    "consulting": Text("外部咨询支持", "External consulting support"),
    "schedule": Text("进度计划与优先级", "Schedule and priorities"),
    # KPIs
    "kpi_text": Text(
        "关键绩效指标按指南6.2.3 a)的类别组织，目标值按实施阶段设定，用于跟踪转型成效。",
        "The KPIs follow the categories of clause 6.2.3 a) of the guide; each has a target for "
        "every phase, so that the results of the transformation can be tracked.",
    ),
    "no_kpis": Text("尚未确定关键绩效指标。", "No KPI has been set yet."),
    "kpi_targets": Text("指标与目标值", "Indicators and targets"),
    "kpi_table": Text(
        "关键绩效指标与分阶段目标", "Key performance indicators and targets by phase"
    ),
    "kpi": Text("指标", "Indicator"),
    "unit": Text("单位", "Unit"),
    "baseline": Text("基线", "Baseline"),
    "target_of": Text("%1目标", "%1 target"),
    "targets": Text("目标值", "Targets"),
    "frequency": Text("频次", "Frequency"),
    "data_owner": Text("数据责任人", "Data owner"),
    "data_source": Text("数据来源", "Data source"),
    "kpi_definitions": Text("指标定义与计算方法", "Definitions and calculation"),
    "definitions_table": Text("指标定义与计算方法", "KPI definitions and calculation"),
    "kpi_where": Text(
        "各指标的定义、计算方法和分析方法见附录%1。",
        "Appendix %1 defines each indicator and how it is calculated and analysed.",
    ),
    "definition": Text("定义", "Definition"),
    "calculation": Text("计算方法", "Calculation"),
    "analysis": Text("分析方法", "Analysis"),
    "direction": Text("方向", "Direction"),
    "up": Text("越高越好", "Higher is better"),
    "down": Text("越低越好", "Lower is better"),
    # leadership
    "governance": Text("治理组织", "Governance organisation"),
    "governance_table": Text("数字化转型治理组织", "Governance of the transformation"),
    "role": Text("角色", "Role"),
    "name": Text("姓名", "Name"),
    "position": Text("职务", "Position"),
    "responsibilities": Text("职责", "Responsibilities"),
    "no_governance": Text("尚未建立治理组织。", "No governance organisation has been set up."),
    "roles_missing": Text(
        "指南6.1.6 c)所列关键岗位中尚未明确人选的有：%1。",
        "Key roles required by clause 6.1.6 c) of the guide still without a named holder: %1.",
    ),
    "roles_complete": Text(
        "指南6.1.6 c)所列关键岗位均已明确人选。",
        "Every key role required by clause 6.1.6 c) of the guide has a named holder.",
    ),
    "competencies": Text("高层领导胜任力评估", "Senior leaders' competencies"),
    "competencies_text": Text(
        "指南6.1.1对高层领导者提出了%1项数字化转型胜任力要求。诊断认为，其中%2项已完全具备，"
        "%3项部分具备，%4项尚不具备（逐项判定见附录%5的条款6.1.1）。",
        "Clause 6.1.1 of the guide asks %1 digital transformation competencies of senior "
        "leaders. The diagnosis found %2 of them fully in place, %3 in part and %4 not yet "
        "(appendix %5 rates each under clause 6.1.1).",
    ),
    "competencies_short": Text(
        "指南6.1.1对高层领导者提出了%1项数字化转型胜任力要求。诊断认为，其中%2项已完全具备，"
        "%3项部分具备，%4项尚不具备。",
        "Clause 6.1.1 of the guide asks %1 digital transformation competencies of senior "
        "leaders. The diagnosis found %2 of them fully in place, %3 in part and %4 not yet.",
    ),
    "competencies_gaps": Text("需要优先补足的是：", "The ones to build first:"),
    "competencies_table": Text("高层领导胜任力评估", "Senior leaders' competencies"),
    "no_competencies": Text(
        "尚未评估高层领导者的胜任力。", "The senior leaders' competencies are not rated yet."
    ),
    "awareness": Text("认识提升行动", "Awareness actions"),
    "awareness_table": Text("管理者和员工的认识提升行动", "Awareness actions"),
    "audience": Text("对象", "Audience"),
    "action": Text("行动", "Action"),
    "due": Text("完成期限", "Due"),
    "no_actions": Text("尚未安排认识提升行动。", "No awareness action has been planned yet."),
    # organization and culture
    "structure": Text("组织结构与管理方式", "Structure and management"),
    "structure_table": Text("组织形态：现状与目标", "Organisation: now and target"),
    "aspect": Text("方面", "Aspect"),
    "now": Text("现状", "Now"),
    "target": Text("目标", "Target"),
    "shape": Text("组织结构", "Structure"),
    "driver": Text("驱动方式", "Driver"),
    "relation": Text("管理关系", "Management relationship"),
    "no_structure": Text(
        "尚未评估组织形态的现状与目标。", "The organisation's shape has not been assessed yet."
    ),
    "mode": Text("组织转变方式", "Mode of change"),
    "mode_text": Text("建议的转变方式：%1", "Recommended mode of change: %1"),
    "no_mode": Text("尚未确定组织转变方式。", "The mode of change has not been chosen yet."),
    "change_steps": Text("组织变革步骤", "Change process"),
    "change_table": Text("组织变革步骤", "Steps of the organisational change"),
    "step": Text("步骤", "Step"),
    "guide_ref": Text("指南条目", "Guide"),
    "no_steps": Text("尚未制定组织变革步骤。", "No step of the change has been planned yet."),
    "culture_targets": Text("文化塑造目标", "Culture targets"),
    "culture_targets_table": Text("数字文化塑造目标", "Targets of the digital culture"),
    "adopted": Text("采纳", "Adopted"),
    "no_culture_targets": Text("尚未确定文化塑造目标。", "No culture target has been chosen yet."),
    "traits": Text("数字文化特征", "Digital culture traits"),
    "traits_text": Text(
        "按1—5分评定数字文化特征的现状与目标（指南6.3.2 e)）。",
        "The traits of the digital culture, rated 1–5 now and as a target "
        "(clause 6.3.2 e) of the guide).",
    ),
    "traits_table": Text("数字文化特征评分", "Ratings of the culture traits"),
    "traits_widest": Text(
        "现状与目标差距最大的是%1。", "The widest gaps between today and the target: %1."
    ),
    "trait_gap": Text("%1（%2→%3）", "%1 (%2 → %3)"),
    "trait": Text("特征", "Trait"),
    "no_traits": Text("尚未评定数字文化特征。", "The culture traits are not rated yet."),
    "resistance": Text("转型阻力与应对", "Resistance and responses"),
    "resistance_table": Text("转型阻力登记表", "Resistance register"),
    "source": Text("来源", "Source"),
    "cause": Text("原因", "Cause"),
    "mitigation": Text("应对措施", "Response"),
    "no_resistance": Text("尚未登记转型阻力。", "No resistance has been recorded."),
    "measures": Text("文化评价措施", "Evaluating the culture"),
    "measures_table": Text("文化评价措施", "Measures of the culture"),
    "measure": Text("评价内容", "Measure"),
    "no_measures": Text("尚未确定文化评价措施。", "No evaluation measure has been chosen."),
    # next steps
    "next_text": Text(
        "建议%1按以下顺序推进：",
        "We recommend that %1 proceeds as follows:",
    ),
    "next_1": Text(
        "由数字化转型领导小组审议本建议书，确认愿景、阶段目标和预算。",
        "The transformation steering group reviews this proposal and confirms the vision, the "
        "phase goals and the budget.",
    ),
    "next_2": Text(
        "启动下表所列近期举措，明确负责人、里程碑和所需资源。",
        "The initiatives below start, each with its owner, milestones and resources.",
    ),
    "next_3": Text(
        "按本建议书的关键绩效指标建立跟踪机制，定期检查进展与偏差。",
        "The KPIs of this proposal are tracked regularly for progress and deviations.",
    ),
    "near_term": Text("近期启动的举措", "Initiatives to start with"),
    "near_table": Text("近期启动的举措（%1）", "Initiatives to start with (%1)"),
    "near_table_plain": Text("近期启动的举措", "Initiatives to start with"),
    "next_round": Text("下一轮评估", "Next assessment"),
    "next_round_phase": Text(
        "建议在%1结束时（约%2）开展%3，按同一范围和权重复核各条款的等级、差距和关键绩效"
        "指标，检验阶段准出条件是否达到，并据此调整下一阶段的计划。",
        "We recommend the next round (“%3”) at the end of %1 (around %2), on the same scope "
        "and weights: "
        "re-rate the clauses, the gaps and the KPIs, check the phase's exit criteria and "
        "adjust the plan for the next phase.",
    ),
    "next_round_plain": Text(
        "建议约六个月后（约%1）开展%2，按同一范围和权重复核各条款的等级、差距和关键绩效指标。",
        "We recommend the next round (“%2”) in about six months (around %1), on the same "
        "scope and weights: "
        "re-rate the clauses, the gaps and the KPIs.",
    ),
    # appendices
    "terms": Text("术语和定义", "Terms and definitions"),
    "terms_text": Text(
        "以下术语和定义引自指南第3章。",
        "These terms and definitions are those of chapter 3 of the guide.",
    ),
    "terms_table": Text("术语和定义", "Terms and definitions"),
    "term": Text("术语", "Term"),
    "abbreviations": Text("缩略语", "Abbreviations"),
    "abbr_table": Text("缩略语", "Abbreviations"),
    "abbr": Text("缩略语", "Abbreviation"),
    "meaning": Text("中文全称", "Meaning"),
    "english": Text("英文全称", "English"),
    "checklist_compact": Text(
        "各条款检查项的逐项判定见附录%1，此处汇总各条款的判定结果。",
        "The rating of every checkpoint is given in appendix %1; this appendix sums them up "
        "by clause.",
    ),
    "checklist_full": Text(
        "以下列出纳入评估的各条款全部检查项的判定结果和说明。",
        "The ratings and notes of every checkpoint of the assessed clauses.",
    ),
    "checklist_table": Text("各条款检查项判定汇总", "Checkpoint ratings by clause"),
    "items_col": Text("检查项", "Checks"),
}

EMPLOYEE_LABELS: dict[str, Text] = {
    "lt20": Text("20人以下", "Fewer than 20"),
    "20-299": Text("20—299人", "20–299"),
    "300-999": Text("300—999人", "300–999"),
    "ge1000": Text("1000人及以上", "1,000 or more"),
}
REVENUE_LABELS: dict[str, Text] = {
    "lt3m": Text("300万元以下", "Below CNY 3 million"),
    "3m-20m": Text("300万—2000万元", "CNY 3–20 million"),
    "20m-400m": Text("2000万—4亿元", "CNY 20–400 million"),
    "ge400m": Text("4亿元及以上", "CNY 400 million or more"),
}
assert set(EMPLOYEE_LABELS) == set(EMPLOYEE_BANDS)
assert set(REVENUE_LABELS) == set(REVENUE_BANDS)
