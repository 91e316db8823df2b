"""The Word proposal (数字化转型实施建议书): an editable .docx in the deliverable language.

``build_proposal`` writes the chosen sections in a fixed order, on the consultant's template
or on the built-in A4 layout. Headings carry their numbers in their text (reliable in Word,
WPS and LibreOffice alike); the table of contents, page numbers and caption numbers are
fields that Word refreshes on opening. Long tables are written as XML directly: the
checklist alone has about a thousand rows.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.image.image import Image
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from dtbench.deliverables.cancel import ExportCancelled
from dtbench.deliverables.content import ClauseContent, Content
from dtbench.deliverables.docx_template import (
    FONTS,
    Styles,
    new_document,
    open_template,
    prepare,
)
from dtbench.deliverables.files import write_atomically
from dtbench.diagnosis.scale import FOLLOW_UP_NAME, LEVELS, STATUS_NAMES
from dtbench.diagnosis.scoring import moved_clauses
from dtbench.engagement.records import EMPLOYEE_BANDS, REVENUE_BANDS
from dtbench.guide.model import Text
from dtbench.plan import catalogue as cat
from dtbench.plan.records import (
    Culture,
    Initiative,
    Kpi,
    Leadership,
    Organization,
    Phase,
    PlanItem,
    Strategy,
)

SECTIONS: tuple[str, ...] = (
    "cover",
    "info",
    "toc",
    "summary",
    "background",
    "method",
    "diagnosis",
    "clauses",
    "strategy",
    "roadmap",
    "kpis",
    "leadership",
    "organization",
    "next_steps",
    "glossary",
    "checklist",
)
APPENDICES = ("glossary", "checklist")
FIGURE_SECTIONS = ("diagnosis", "roadmap", "organization")
MAX_FIGURE_CM = 16.0
FULL_WIDTH_CM = 16.6  # A4 less 2 × 2.2 cm: the widths below add up to it
CM = 567  # twips per centimetre

HEADER_FILL = "DCE6F2"
LABEL_FILL = "F2F2F2"
BORDER = "A6A6A6"
STATUS_FILLS = {"met": "E2EFDA", "partly": "FFF2CC", "not_met": "FBE2D5", "na": "F2F2F2"}

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


# ---------------------------------------------------------------------------------- texts
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
    "date": Text("日期", "Date"),
    "language": Text("文档语言", "Language"),
    "language_value": Text("中文", "English"),
    "rounds_total": Text("%1（%2；共%3轮）", "%1 (%2; %3 rounds in all)"),
    "confidential": Text(
        "本文件仅供%1内部使用，未经许可不得对外提供。",
        "This document is for the internal use of %1 only; do not pass it on without consent.",
    ),
    "toc": Text("目录", "Contents"),
    "toc_hint": Text(
        "右键单击此处并选择“更新域”以生成目录。",
        "Right-click here and choose Update Field to build the table of contents.",
    ),
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
    # summary key figures
    "kf_index": Text("总体指数", "Overall index"),
    "kf_index_value": Text("%1（满分100）", "%1 out of 100"),
    "kf_level": Text("平均成熟度", "Average maturity level"),
    "kf_level_value": Text("现状 %1 级，目标 %2 级", "current %1, target %2"),
    "kf_scope": Text("评估范围", "Scope"),
    "kf_scope_value": Text(
        "%1个条款、%2个检查项，完成%3%", "%1 clauses, %2 checkpoints, %3 % answered"
    ),
    "kf_gaps": Text("优先差距", "Top gaps"),
    "kf_plan": Text("实施规划", "Plan"),
    "kf_plan_value": Text(
        "%1个阶段、%2项举措，预算合计%3万元",
        "%1 phases, %2 initiatives, budget CNY %3 × 10,000",
    ),
    "kf_kpis": Text("关键绩效指标", "KPIs"),
    "kf_kpis_value": Text("%1项", "%1"),
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
    "scope_out": Text("未纳入评估的条款：%1。", "Clauses left out: %1."),
    "scope_all": Text("指南的全部条款均纳入评估。", "Every clause of the guide is assessed."),
    "scope_weights": Text(
        "条款权重默认为1；权重高于1的条款在指数中所占比重更大：%1。",
        "Clauses weigh 1 by default; these weigh more in the indices: %1.",
    ),
    "scope_light": Text("权重低于1的条款：%1。", "These weigh less: %1."),
    "scope_table": Text("评估范围与条款权重", "Scope and clause weights"),
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
    "areas_table": Text("指南的五个部分", "The five parts of the guide"),
    "chapter": Text("章", "Ch."),
    "area": Text("部分", "Part"),
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
    "rule_1": Text(
        "顾问依据访谈、现场查看和证据资料，将每个检查项判定为符合、部分符合、不符合或不适用。"
        "检查项得分：符合1分，部分符合0.5分，不符合0分；不适用和未回答的检查项不计分。",
        "From interviews, site visits and evidence, the consultants rate every checkpoint as "
        "met, partly met, not met or not applicable. A checkpoint scores 1 when met, 0.5 when "
        "partly met and 0 when not met; checkpoints not applicable or unanswered are left out.",
    ),
    "rule_2": Text(
        "条款覆盖率为该条款已回答且适用的检查项的平均得分（0—100%）；条款指数 = 覆盖率 × 100。",
        "A clause's coverage is the mean score of its answered, applicable checkpoints "
        "(0–100 %); its index is the coverage × 100.",
    ),
    "rule_3": Text(
        "覆盖率对应建议等级：低于20%为1级，20%—40%为2级，40%—60%为3级，60%—80%为4级，"
        "80%及以上为5级；顾问可结合访谈判断调整现状等级。差距 = 目标等级 − 现状等级。",
        "Coverage suggests a level: below 20 % level 1, 20–40 % level 2, 40–60 % level 3, "
        "60–80 % level 4, 80 % and more level 5; the consultants may set the current level "
        "from what they saw. Gap = target level − current level.",
    ),
    "rule_4": Text(
        "优先级 = 权重 × ((1 + 差距)² − 1)：差距为1—4级时分别为3、8、15、24，"
        "一个大的差距优先于若干小的差距。",
        "Priority = weight × ((1 + gap)² − 1): 3, 8, 15 and 24 for gaps of 1–4 levels, so "
        "one large gap comes before several small ones.",
    ),
    "rule_5": Text(
        "领域指数和总体指数为纳入评估且有覆盖率的条款指数按权重的加权平均；"
        "平均成熟度按同样方法计算。",
        "Area and overall indices are the weighted means of the indices of the assessed "
        "clauses that have a coverage; average levels are computed the same way.",
    ),
    # diagnosis
    "overall": Text("总体结果", "Overall result"),
    "overall_text": Text(
        "%1的数字化转型总体指数为%2（满分100），平均成熟度为%3级，目标平均为%4级。"
        "本轮（%5）共评估%6个条款、%7个检查项，完成%8%。",
        "%1 reaches an overall index of %2 out of 100, an average maturity level of %3 "
        "against a target of %4. This round (%5) covers %6 clauses and %7 checkpoints, "
        "%8 % of which are answered.",
    ),
    "status_table": Text("检查项判定结果", "Checkpoint ratings"),
    "status": Text("判定", "Rating"),
    "state": Text("状态", "Status"),
    "count": Text("数量", "Count"),
    "share": Text("占比", "Share"),
    "areas": Text("各领域结果", "Results by area"),
    "areas_text": Text(
        "各部分的指数和成熟度如下表和下图所示；相对薄弱的是“%1”（指数%2）。",
        "The table and charts below show each part's index and levels; the weakest is “%1” "
        "(index %2).",
    ),
    "area_table": Text("各部分诊断结果", "Results by part of the guide"),
    "index": Text("指数", "Index"),
    "level_now": Text("现状等级", "Current level"),
    "level_target": Text("目标等级", "Target level"),
    "answered": Text("已回答/检查项", "Answered / checkpoints"),
    "gaps": Text("主要差距", "Main gaps"),
    "gaps_text": Text(
        "按优先级排序，差距最大的条款如下（共%1个条款存在差距）。",
        "The clauses with the largest gaps, by priority (%1 clauses have a gap).",
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
        "Compared with %1, %2 clauses changed level or index.",
    ),
    "no_moves": Text(
        "与上一轮相比，各条款的等级和指数没有变化。",
        "No clause changed level or index since the last round.",
    ),
    "before": Text("上一轮", "Before"),
    "after": Text("本轮", "Now"),
    "fig_index": Text("数字化转型总体指数", "Overall digital transformation index"),
    "fig_progress": Text("各领域完成情况", "Completion by area"),
    "fig_radar": Text("各部分成熟度：现状与目标", "Maturity by part: current and target"),
    "fig_heatmap": Text("各领域检查项判定分布", "Checkpoint ratings by area"),
    "fig_gaps": Text("按优先级排序的差距", "Gaps ranked by priority"),
    "fig_rounds": Text("各领域各轮次指数", "Index by area and round"),
    "fig_gantt": Text("分阶段实施计划", "Implementation schedule by phase"),
    "fig_matrix": Text("举措优先级矩阵", "Priority matrix of the initiatives"),
    "fig_culture": Text("数字文化特征：现状与目标", "Digital culture traits: now and target"),
    # clauses
    "clauses_text": Text(
        "本章逐条列出各条款的等级、差距、主要发现和检查项判定结果。条款编号为指南的编号。",
        "This chapter gives each clause's levels, gap, findings and checkpoint ratings. "
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
    "no_principles": Text("尚未确定采纳的基本原则。", "No basic principle has been adopted yet."),
    "criteria": Text("实施准则", "Implementation criteria"),
    "criteria_text": Text(
        "采纳指南5.3的以下实施准则：", "These implementation criteria of guide 5.3 are adopted:"
    ),
    "criteria_table": Text("采纳的实施准则", "Adopted implementation criteria"),
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
    "initiatives": Text("重点举措", "Initiatives"),
    "initiatives_table": Text("重点举措清单", "List of initiatives"),
    "no_initiatives": Text("尚未制定举措。", "No initiative has been planned yet."),
    "no_col": Text("编号", "No."),
    "initiative": Text("举措", "Initiative"),
    "phase": Text("阶段", "Phase"),
    "owner": Text("负责人", "Owner"),
    "dates": Text("起止日期", "Dates"),
    "budget": Text("预算（万元）", "Budget (CNY 10k)"),
    "value": Text("价值", "Value"),
    "effort": Text("难度", "Effort"),
    "depends": Text("前置举措", "Depends on"),
    "total": Text("合计", "Total"),
    "initiatives_text": Text(
        "共%1项举措，预算合计%2万元。价值和难度按1—5分评定。",
        "%1 initiatives with a total budget of CNY %2 × 10,000. Value and effort are rated 1–5.",
    ),
    "details": Text("举措说明", "Initiative descriptions"),
    "related": Text("对应条款", "Clauses addressed"),
    "consulting": Text("外部咨询支持", "External consulting support"),
    "schedule": Text("进度计划与优先级", "Schedule and priorities"),
    # KPIs
    "kpi_text": Text(
        "关键绩效指标按指南6.2.3 a的类别组织，目标值按实施阶段设定，用于跟踪转型成效。",
        "The KPIs follow the categories of guide 6.2.3 a; their targets are set per phase to "
        "track the results of the transformation.",
    ),
    "no_kpis": Text("尚未确定关键绩效指标。", "No KPI has been set yet."),
    "kpi_targets": Text("指标与目标值", "Indicators and targets"),
    "kpi_table": Text("%1类指标", "%1 indicators"),
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
        "指南6.1.6 c所列关键人员中尚未指定：%1。",
        "Of the key people of guide 6.1.6 c, still to be named: %1.",
    ),
    "roles_complete": Text(
        "指南6.1.6 c所列关键人员均已指定。", "All key people of guide 6.1.6 c are named."
    ),
    "competencies": Text("高层领导胜任力评估", "Senior leaders' competencies"),
    "competencies_text": Text(
        "对照指南6.1.1，高层领导者的数字化转型胜任力评估如下。",
        "Senior leaders' competencies for the transformation, rated against guide 6.1.1.",
    ),
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
    "mode_text": Text("采用%1。", "Mode: %1."),
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
        "按1—5分评定数字文化特征的现状与目标（指南6.3.2 e）。",
        "The traits of the digital culture, rated 1–5 now and as a target (guide 6.3.2 e).",
    ),
    "traits_table": Text("数字文化特征评分", "Ratings of the culture traits"),
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
    "near_term": Text("近期重点举措", "Initiatives to start with"),
    "near_table": Text("近期重点举措（%1）", "Initiatives to start with (%1)"),
    "near_table_plain": Text("近期重点举措", "Initiatives to start with"),
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
        "各条款检查项的逐项判定见第%1章，此处汇总各条款的判定结果。",
        "The rating of every checkpoint is given in chapter %1; this appendix sums them up "
        "by clause.",
    ),
    "checklist_full": Text(
        "以下列出纳入评估的各条款全部检查项的判定结果和说明。",
        "The ratings and notes of every checkpoint of the assessed clauses.",
    ),
    "checklist_table": Text("各条款检查项判定汇总", "Checkpoint ratings by clause"),
    "items_col": Text("检查项", "Checkpoints"),
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


# ---------------------------------------------------------------------------------- helpers
_PLACEHOLDER = re.compile(r"%(\d)")
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: object) -> str:
    """Client text made safe for XML (pasted text can carry control characters)."""
    return _INVALID_XML.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs; single line breaks are kept inside a paragraph."""
    parts = re.split(r"\n\s*\n", clean(text).strip())
    return [p.strip() for p in parts if p.strip()]


def fmt_date(value: date | None) -> str:
    return value.isoformat() if value else "—"


def fmt_number(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:.{decimals}f}"


def fmt_money(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    return day


def guide_ref(key: str) -> str:
    """``6.3.1.h.2`` → ``6.3.1 h) 2)``: the guide's own way of citing items."""
    parts = key.split(".")
    head: list[str] = []
    for part in parts:
        if not part.isdigit():
            break
        head.append(part)
    tail = parts[len(head) :]
    if not tail:
        return key
    return " ".join([".".join(head), *(f"{p})" for p in tail)])


@dataclass(frozen=True)
class Cell:
    text: str
    fill: str | None = None
    bold: bool = False
    align: str | None = None  # "center" or "right"
    span: int = 1
    indent: bool = False


CellValue = str | Cell


def _png_size_cm(png: bytes) -> tuple[float, float]:
    image = Image.from_blob(png)
    dpi_x = image.horz_dpi or 200
    dpi_y = image.vert_dpi or 200
    return image.px_width / dpi_x * 2.54, image.px_height / dpi_y * 2.54


# ---------------------------------------------------------------------------------- writer
class _Writer:
    """Appends the proposal to a document, numbering headings, figures and tables."""

    def __init__(
        self, content: Content, document: Document, styles: Styles, figures: dict[str, bytes]
    ) -> None:
        self.c = content
        self.lang = content.lang
        self.zh = content.lang != "en"
        self.doc = document
        self.st = styles
        self.figures = figures
        self.body = document.element.body
        self.sect = self.body.find(qn("w:sectPr"))
        self.numbers: list[int] = [0, 0, 0]
        self.appendix = ""
        self.figure_no = 0
        self.table_no = 0
        self.chapters: dict[str, str] = {}
        section = document.sections[-1]
        width = section.page_width or Cm(21)
        left = section.left_margin or Cm(2.2)
        right = section.right_margin or Cm(2.2)
        self.text_cm = max(8.0, Emu(width - left - right).cm)
        self.scale = min(1.0, self.text_cm / FULL_WIDTH_CM)
        self.table_id = styles.table.style_id
        self.text_id = styles.table_text.style_id
        self.small_id = styles.table_small.style_id
        phases = content.items["phase"]
        self.phase_index = {p.uuid: n for n, p in enumerate(phases, 1)}
        self.phase_short = {p.uuid: self._phase_short(p, n) for n, p in enumerate(phases, 1)}
        self.initiative_no = {
            i.uuid: f"I-{n:02d}" for n, i in enumerate(content.items["initiative"], 1)
        }

    # texts
    def t(self, key: str, *args: object) -> str:
        # One pass: a value that itself contains "%2" is left alone.
        values = [str(a) for a in args]
        return _PLACEHOLDER.sub(
            lambda m: values[int(m.group(1)) - 1] if int(m.group(1)) <= len(values) else m[0],
            T[key].get(self.lang),
        )

    def paren(self, text: str, note: str) -> str:
        return f"{text}（{note}）" if self.zh else f"{text} ({note})"

    def join(self, values: Iterable[str]) -> str:
        return self.t("sep").join(v for v in values if v)

    def label(self, options: tuple[cat.Option, ...], code: str) -> str:
        return cat.label(options, code, self.lang) if code else "—"

    def _phase_short(self, item: PlanItem, n: int) -> str:
        name = str(item.record.name).strip()
        for sep in ("：", ":", " - ", "—"):
            head = name.split(sep, 1)[0].strip()
            if head != name and 0 < len(head) <= 10:
                return head
        return name if len(name) <= 10 else self.t("phase_no", n)

    # low-level
    def _append(self, element: Any) -> None:
        if self.sect is not None:
            self.sect.addprevious(element)
        else:
            self.body.append(element)

    def _has_content(self) -> bool:
        for child in self.body:
            if child.tag == qn("w:tbl"):
                return True
            if child.tag == qn("w:p") and (
                "".join(child.itertext()).strip()
                or child.find(".//" + qn("w:drawing")) is not None
                or child.find(".//" + qn("w:sectPr")) is not None
            ):
                return True
        return False

    def _paragraph(self, style: ParagraphStyle, text: str = "") -> Paragraph:
        """A new paragraph at the end of the body. The style id is set directly: python-docx
        looks the default style up on every assignment, which is most of the build time."""
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = style.style_id
        if text:
            paragraph.add_run(clean(text))
        return paragraph

    def para(
        self,
        text: str = "",
        style: ParagraphStyle | None = None,
        *,
        bold: bool = False,
        size: float | None = None,
        align: WD_ALIGN_PARAGRAPH | None = None,
        color: str | None = None,
        keep_next: bool = False,
        space_before: float | None = None,
        space_after: float | None = None,
    ) -> Paragraph:
        paragraph = self._paragraph(style or self.st.normal)
        if text:
            run = paragraph.add_run(clean(text))
            if bold:
                run.bold = True
            if size:
                run.font.size = Pt(size)
            if color:
                run.font.color.rgb = RGBColor.from_string(color)
        fmt = paragraph.paragraph_format
        if align is not None:
            paragraph.alignment = align
        if keep_next:
            fmt.keep_with_next = True
        if space_before is not None:
            fmt.space_before = Pt(space_before)
        if space_after is not None:
            fmt.space_after = Pt(space_after)
        return paragraph

    def text(self, text: str) -> None:
        for part in _paragraphs(text):
            self.para(part)

    def labeled(self, label: str, text: str) -> None:
        paragraph = self._paragraph(self.st.normal)
        paragraph.add_run(label + self.t("colon")).bold = True
        paragraph.add_run(clean(text))

    def bullet(self, text: str) -> None:
        if self.st.bullet is not None:
            self.para(text, self.st.bullet)
        else:
            paragraph = self.para("• " + text)
            paragraph.paragraph_format.left_indent = Cm(0.6)
            paragraph.paragraph_format.first_line_indent = Cm(-0.4)

    def page_break(self) -> None:
        self.para().add_run().add_break(WD_BREAK.PAGE)

    def front_title(self, text: str) -> None:
        """A title of the front matter: not numbered, not in the table of contents."""
        fonts = FONTS.get(self.lang, FONTS["zh"])
        started = self._has_content()
        paragraph = self.para(keep_next=True, space_before=0, space_after=12)
        if started:
            paragraph.paragraph_format.page_break_before = True
        run = paragraph.add_run(clean(text))
        run.bold = True
        run.font.size = Pt(16)
        if not self.st.from_template:
            run.font.name = fonts.heading_latin
            run._element.get_or_add_rPr().get_or_add_rFonts().set(
                qn("w:eastAsia"), fonts.heading_east_asian
            )
            run.font.color.rgb = RGBColor.from_string("1F3864")

    def heading(self, level: int, title: str) -> str:
        """A numbered heading; returns its number ("3", "3.2", "A.1")."""
        if level == 1:
            self.numbers = [self.numbers[0] + 1, 0, 0]
            number = self.appendix or str(self.numbers[0])
        elif level == 2:
            self.numbers[1] += 1
            self.numbers[2] = 0
            number = f"{self.appendix or self.numbers[0]}.{self.numbers[1]}"
        else:
            self.numbers[2] += 1
            number = f"{self.appendix or self.numbers[0]}.{self.numbers[1]}.{self.numbers[2]}"
        if level == 1 and self.appendix:
            shown = f"{self.t('appendix', self.appendix)} {title}"
        elif self.st.numbered_headings:
            shown = title
        else:
            shown = f"{number} {title}"
        started = level == 1 and self._has_content()
        paragraph = self._paragraph(self.st.headings[level - 1], shown)
        if started:
            paragraph.paragraph_format.page_break_before = True
        return number

    def plain_heading3(self, title: str) -> None:
        """A level-3 heading that carries its own label (a guide clause)."""
        self._paragraph(self.st.headings[2], title)

    def _field_runs(self, paragraph: Paragraph, instruction: str, shown: str) -> None:
        p = paragraph._p
        begin = OxmlElement("w:r")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), "begin")
        char.set(qn("w:dirty"), "true")
        begin.append(char)
        p.append(begin)
        instr_run = OxmlElement("w:r")
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {instruction} "
        instr_run.append(instr)
        p.append(instr_run)
        sep = OxmlElement("w:r")
        sep_char = OxmlElement("w:fldChar")
        sep_char.set(qn("w:fldCharType"), "separate")
        sep.append(sep_char)
        p.append(sep)
        paragraph.add_run(shown)
        end = OxmlElement("w:r")
        end_char = OxmlElement("w:fldChar")
        end_char.set(qn("w:fldCharType"), "end")
        end.append(end_char)
        p.append(end)

    def caption(self, kind: str, text: str) -> Paragraph:
        """``图 3 …`` / ``Table 3 …`` with a SEQ field holding the number."""
        if kind == "figure":
            self.figure_no += 1
            number = self.figure_no
        else:
            self.table_no += 1
            number = self.table_no
        word = self.t(kind)
        paragraph = self._paragraph(self.st.caption)
        paragraph.add_run(word + " ")
        self._field_runs(paragraph, f"SEQ {word} \\* ARABIC", str(number))
        paragraph.add_run(" " + clean(text))
        if kind == "table":
            paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def figure(self, name: str, caption: str, max_cm: float = MAX_FIGURE_CM) -> None:
        png = self.figures.get(name)
        if not png:
            return
        width_cm, _ = _png_size_cm(png)
        width_cm = min(width_cm, max_cm, self.text_cm)
        paragraph = self.para(align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True, space_after=0)
        paragraph.paragraph_format.first_line_indent = Cm(0)
        paragraph.paragraph_format.line_spacing = 1.0
        paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))
        self.caption("figure", caption)

    def table(
        self,
        caption: str | None,
        headers: Sequence[CellValue] | None,
        rows: Iterable[Sequence[object]],
        widths: Sequence[float],
        *,
        small: bool = False,
        label_column: bool = False,
        aligns: Sequence[str | None] | None = None,
        keep: bool = False,
    ) -> None:
        """A table with a shaded header row repeated on every page, written as XML;
        ``keep`` holds a short table together with what follows."""
        if caption:
            self.caption("table", caption)
        twips = [round(w * self.scale * CM) for w in widths]
        style_id = self.small_id if small else self.text_id
        parts = [f"<w:tbl {nsdecls('w')}><w:tblPr>"]
        if self.table_id:
            parts.append(f'<w:tblStyle w:val="{escape(self.table_id)}"/>')
        parts.append(f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:jc w:val="center"/>')
        if not self.st.from_template:
            edges = "".join(
                f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>'
                for e in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            parts.append(f"<w:tblBorders>{edges}</w:tblBorders>")
        parts.append(
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="28" w:type="dxa"/>'
            '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/>'
            '<w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>'
        )
        parts.extend(f'<w:gridCol w:w="{w}"/>' for w in twips)
        parts.append("</w:tblGrid>")
        if headers:
            cells = [h if isinstance(h, Cell) else Cell(h, HEADER_FILL, True) for h in headers]
            parts.append(self._row(cells, twips, style_id, header=True, aligns=None, keep=True))
        for row in rows:
            cells = [c if isinstance(c, Cell) else Cell(str(c)) for c in row]
            if label_column and cells and cells[0].fill is None:
                first = cells[0]
                cells[0] = Cell(first.text, LABEL_FILL, True, first.align, first.span)
            parts.append(self._row(cells, twips, style_id, header=False, aligns=aligns, keep=keep))
        parts.append("</w:tbl>")
        self._append(parse_xml("".join(parts)))
        # A small gap after the table (and two tables never merge into one).
        self._append(
            parse_xml(
                f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:before="0" w:after="0" '
                'w:line="240" w:lineRule="auto"/><w:rPr><w:sz w:val="12"/>'
                '<w:szCs w:val="12"/></w:rPr></w:pPr></w:p>'
            )
        )

    def _row(
        self,
        cells: Sequence[Cell],
        twips: Sequence[int],
        style_id: str | None,
        *,
        header: bool,
        aligns: Sequence[str | None] | None,
        keep: bool,
    ) -> str:
        out = ["<w:tr>"]
        out.append(
            "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            if header
            else "<w:trPr><w:cantSplit/></w:trPr>"
        )
        column = 0
        for cell in cells:
            span = max(1, min(cell.span, len(twips) - column))
            width = sum(twips[column : column + span])
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>')
            if span > 1:
                out.append(f'<w:gridSpan w:val="{span}"/>')
            if cell.fill:
                out.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.fill}"/>')
            out.append('<w:vAlign w:val="center"/>' if header else "")
            out.append("</w:tcPr>")
            align = cell.align or (aligns[column] if aligns and column < len(aligns) else None)
            if header and align is None:
                align = "center"
            ppr = f'<w:pStyle w:val="{escape(style_id)}"/>' if style_id else ""
            if keep:
                ppr += "<w:keepNext/>"
            if cell.indent:
                ppr += '<w:ind w:left="198"/>'
            if align:
                ppr += f'<w:jc w:val="{align}"/>'
            rpr = "<w:rPr><w:b/></w:rPr>" if cell.bold else ""
            lines = clean(cell.text).split("\n") or [""]
            for line in lines:
                out.append(f"<w:p><w:pPr>{ppr}</w:pPr>")
                if line:
                    body = escape(line.replace("\t", " "))
                    out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{body}</w:t></w:r>')
                out.append("</w:p>")
            out.append("</w:tc>")
            column += span
        out.append("</w:tr>")
        return "".join(out)

    def kv_table(self, caption: str | None, rows: Sequence[tuple[str, str]]) -> None:
        self.table(caption, None, rows, (4.0, 12.6), label_column=True)

    # ------------------------------------------------------------------------- sections
    def cover(self, template_cover: bool) -> None:
        if template_cover:
            return
        c = self.c
        fonts = FONTS.get(self.lang, FONTS["zh"])
        self.para(space_before=90, space_after=0)
        client = self.para(
            c.profile.client_name or "—",
            bold=True,
            size=20,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            space_after=18,
        )
        title_style = self.st.title
        self.para(
            self.t("doc_title"),
            title_style,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            space_after=18,
            bold=title_style is None,
            size=None if title_style is not None else 26,
        )
        engagement = self.para(
            c.profile.title, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, color="404040"
        )
        standard = c.guide.standard
        based = self.para(
            self.t("based_on", standard.code, standard.title.get(self.lang)),
            size=11,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            color="595959",
            space_before=6,
        )
        bottom = [
            self.t("prepared_by", c.deliverable.consulting_firm.strip())
            if c.deliverable.consulting_firm.strip()
            else "",
            self.t("date_line", fmt_date(c.generated)),
        ]
        first = True
        for line in bottom:
            if not line:
                continue
            paragraph = self.para(
                line,
                size=12,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                space_before=200 if first else 4,
                space_after=4,
            )
            first = False
            if not self.st.from_template:
                self._heading_font(paragraph, fonts)
        if not self.st.from_template:
            for paragraph in (client, engagement, based):
                self._heading_font(paragraph, fonts)

    def _heading_font(self, paragraph: Paragraph, fonts: Any) -> None:
        for run in paragraph.runs:
            run.font.name = fonts.heading_latin
            run._element.get_or_add_rPr().get_or_add_rFonts().set(
                qn("w:eastAsia"), fonts.heading_east_asian
            )

    def info(self) -> None:
        c, p = self.c, self.c.profile
        self.front_title(self.t("info"))
        period = (
            f"{fmt_date(p.start_date)} {self.t('to')} {fmt_date(p.end_date)}"
            if p.start_date or p.end_date
            else "—"
        )
        round_text = self.t(
            "rounds_total", c.round.name, fmt_date(c.round.assessed_on), len(c.rounds)
        )
        standard = c.guide.standard
        rows = [
            (self.t("client"), p.client_name or "—"),
            (self.t("engagement"), p.title or "—"),
        ]
        if c.deliverable.consulting_firm.strip():
            rows.append((self.t("firm"), c.deliverable.consulting_firm.strip()))
        rows += [
            (self.t("consultants"), p.consultants or "—"),
            (self.t("period"), period),
            (self.t("round"), round_text),
            (
                self.t("reference"),
                f"{standard.code}《{standard.title.zh}》"
                if self.zh
                else f"{standard.code} {standard.title.en}",
            ),
            (self.t("version"), "1.0"),
            (self.t("date"), fmt_date(c.generated)),
            (self.t("language"), self.t("language_value")),
        ]
        self.kv_table(None, rows)
        self.para(
            self.t("confidential", p.client_name or "—"), size=9, color="595959", space_before=6
        )

    def toc(self) -> None:
        self.front_title(self.t("toc"))
        paragraph = self.para()
        self._field_runs(paragraph, 'TOC \\o "1-3" \\h \\z \\u', self.t("toc_hint"))

    def summary(self) -> None:
        c = self.c
        r = c.report
        self.heading(1, self.t("summary"))
        self.text(c.summary)
        initiatives = c.items["initiative"]
        budget = sum(float(i.record.budget or 0) for i in initiatives)
        gaps = r.ranked_gaps()[:3]
        rows = [
            (self.t("kf_index"), self.t("kf_index_value", fmt_number(r.overall_index))),
            (
                self.t("kf_level"),
                self.t(
                    "kf_level_value",
                    fmt_number(r.current_level, 1),
                    fmt_number(r.target_level, 1),
                ),
            ),
            (
                self.t("kf_scope"),
                self.t("kf_scope_value", len(r.clauses), r.total, fmt_number(100 * r.completion)),
            ),
        ]
        if gaps:
            rows.append(
                (
                    self.t("kf_gaps"),
                    "\n".join(
                        f"{g.key} {c.guide.clause(g.key).title.get(self.lang)}" for g in gaps
                    ),
                )
            )
        if c.items["phase"] or initiatives:
            rows.append(
                (
                    self.t("kf_plan"),
                    self.t(
                        "kf_plan_value", len(c.items["phase"]), len(initiatives), fmt_money(budget)
                    ),
                )
            )
        if c.items["kpi"]:
            rows.append((self.t("kf_kpis"), self.t("kf_kpis_value", len(c.items["kpi"]))))
        self.kv_table(self.t("key_figures"), rows)

    def background(self) -> None:
        c, p = self.c, self.c.profile
        self.chapters["background"] = self.heading(1, self.t("background"))
        self.heading(2, self.t("profile"))
        rows = [(self.t("client_name"), p.client_name or "—")]
        if p.short_name:
            rows.append((self.t("short_name"), p.short_name))
        rows += [
            (self.t("industry"), p.industry or "—"),
            (
                self.t("employees"),
                EMPLOYEE_LABELS[p.size_employees].get(self.lang)
                if p.size_employees in EMPLOYEE_LABELS
                else p.size_employees or "—",
            ),
            (
                self.t("revenue"),
                REVENUE_LABELS[p.size_revenue].get(self.lang)
                if p.size_revenue in REVENUE_LABELS
                else p.size_revenue or "—",
            ),
            (self.t("region"), p.region or "—"),
            (self.t("products"), p.main_products or "—"),
        ]
        self.kv_table(self.t("profile"), rows)
        if p.contacts:
            self.table(
                self.t("contacts"),
                [self.t("contact_name"), self.t("contact_role"), self.t("phone"), self.t("email")],
                [(k.name, k.role, k.phone, k.email) for k in p.contacts],
                (3.0, 4.6, 3.6, 5.4),
            )
        self.heading(2, self.t("systems"))
        if p.existing_systems:
            self.para(self.t("systems_text", self.join(p.existing_systems)))
        else:
            self.para(self.t("no_systems"))
        self.heading(2, self.t("scope"))
        every = list(c.guide.clauses())
        assessed = {s.key for s in c.report.clauses}
        self.para(self.t("scope_text", len(every), len(assessed), c.report.total))
        out = [f"{k.key} {k.title.get(self.lang)}" for k in every if k.key not in assessed]
        self.para(self.t("scope_out", self.join(out)) if out else self.t("scope_all"))
        heavy = [self.paren(s.key, f"{s.weight:g}") for s in c.report.clauses if s.weight > 1]
        light = [self.paren(s.key, f"{s.weight:g}") for s in c.report.clauses if s.weight < 1]
        if heavy:
            self.para(self.t("scope_weights", self.join(heavy)))
        if light:
            self.para(self.t("scope_light", self.join(light)))
        weights = {s.key: s.weight for s in c.report.clauses}
        rows2: list[list[CellValue]] = []
        for clause in every:
            inside = clause.key in assessed
            rows2.append(
                [
                    clause.key,
                    clause.title.get(self.lang),
                    Cell(self.t("yes") if inside else self.t("no"), align="center"),
                    Cell(f"{weights[clause.key]:g}" if inside else "—", align="center"),
                ]
            )
        self.table(
            self.t("scope_table"),
            [self.t("clause"), self.t("title"), self.t("in_scope"), self.t("weight")],
            rows2,
            (1.8, 10.4, 2.3, 2.1),
            small=True,
        )

    def method(self) -> None:
        c = self.c
        self.chapters["method"] = self.heading(1, self.t("method"))
        self.heading(2, self.t("basis"))
        standard = c.guide.standard
        areas = self.join(a.title.get(self.lang) for a in c.guide.areas)
        if self.zh:
            self.para(self.t("basis_text", standard.code, standard.title.zh, areas))
        else:
            self.para(self.t("basis_text", standard.code, standard.title.en, areas))
        counts: dict[str, int] = {}
        for score in c.report.clauses:
            counts[score.area] = counts.get(score.area, 0) + 1
        rows = [
            [
                Cell(area.key, align="center"),
                area.title.get(self.lang),
                self.join(g.title.get(self.lang) for g in area.groups),
                Cell(str(counts.get(area.key, 0)), align="center"),
            ]
            for area in c.guide.areas
        ]
        self.table(
            self.t("areas_table"),
            [self.t("chapter"), self.t("area"), self.t("groups"), self.t("clauses_assessed")],
            rows,
            (1.4, 3.6, 9.2, 2.4),
        )
        self.heading(2, self.t("scale"))
        self.para(self.t("scale_text"))
        self.table(
            self.t("scale_table"),
            [self.t("level"), self.t("level_name"), self.t("description")],
            [
                [
                    Cell(str(lv.number), align="center"),
                    lv.name.get(self.lang),
                    lv.description.get(self.lang),
                ]
                for lv in LEVELS
            ],
            (1.4, 2.6, 12.6),
        )
        self.heading(2, self.t("rules"))
        for key in ("rule_1", "rule_2", "rule_3", "rule_4", "rule_5"):
            self.bullet(self.t(key))

    def diagnosis(self) -> None:
        c = self.c
        r = c.report
        self.chapters["diagnosis"] = self.heading(1, self.t("diagnosis"))
        self.heading(2, self.t("overall"))
        self.para(
            self.t(
                "overall_text",
                c.profile.client_name or "—",
                fmt_number(r.overall_index),
                fmt_number(r.current_level, 1),
                fmt_number(r.target_level, 1),
                c.round.name,
                len(r.clauses),
                r.total,
                fmt_number(100 * r.completion),
            )
        )
        self.figure("index", self.t("fig_index"), max_cm=7.0)
        counts = {s: sum(cl.score.counts.get(s, 0) for cl in c.clauses) for s in STATUS_NAMES}
        total = sum(counts.values()) or 1
        self.table(
            self.t("status_table"),
            [self.t("status"), self.t("count"), self.t("share")],
            [
                [
                    Cell(STATUS_NAMES[s].get(self.lang), STATUS_FILLS.get(s)),
                    Cell(str(n), align="center"),
                    Cell(f"{100 * n / total:.0f}%", align="center"),
                ]
                for s, n in counts.items()
                if n or s != ""
            ],
            (6.0, 3.0, 3.0),
        )
        if r.completion < 1:
            self.figure("progress", self.t("fig_progress"))
        self.heading(2, self.t("areas"))
        scored = [a for a in r.areas if a.index is not None]
        if scored:
            weak = min(scored, key=lambda a: a.index or 0.0)
            self.para(self.t("areas_text", c.area_title(weak.key), fmt_number(weak.index)))
        self.table(
            self.t("area_table"),
            [
                self.t("chapter"),
                self.t("area"),
                self.t("index"),
                self.t("level_now"),
                self.t("level_target"),
                self.t("answered"),
            ],
            [
                [
                    Cell(a.key, align="center"),
                    c.area_title(a.key),
                    Cell(fmt_number(a.index), align="center"),
                    Cell(fmt_number(a.current_level, 1), align="center"),
                    Cell(fmt_number(a.target_level, 1), align="center"),
                    Cell(f"{a.answered}/{a.total}", align="center"),
                ]
                for a in r.areas
            ]
            + [
                [
                    Cell("", LABEL_FILL),
                    Cell(self.t("kf_index"), LABEL_FILL, True),
                    Cell(fmt_number(r.overall_index), LABEL_FILL, True, "center"),
                    Cell(fmt_number(r.current_level, 1), LABEL_FILL, True, "center"),
                    Cell(fmt_number(r.target_level, 1), LABEL_FILL, True, "center"),
                    Cell(f"{r.answered}/{r.total}", LABEL_FILL, True, "center"),
                ]
            ],
            (1.4, 5.6, 2.0, 2.4, 2.4, 2.8),
        )
        self.figure("radar", self.t("fig_radar"), max_cm=14.0)
        self.figure("heatmap", self.t("fig_heatmap"))
        self.heading(2, self.t("gaps"))
        gaps = r.ranked_gaps()
        if gaps:
            self.para(self.t("gaps_text", len(gaps)), keep_next=True)
            self.figure("gaps", self.t("fig_gaps"))
            self.table(
                self.t("gap_table"),
                [
                    self.t("rank"),
                    self.t("clause"),
                    self.t("level_now"),
                    self.t("level_target"),
                    self.t("coverage"),
                    self.t("gap"),
                    self.t("priority"),
                ],
                [
                    [
                        Cell(str(n), align="center"),
                        f"{g.key} {c.guide.clause(g.key).title.get(self.lang)}",
                        c.level_name(g.current),
                        c.level_name(g.target),
                        Cell(self._pct(g.coverage), align="center"),
                        Cell(str(g.gap), align="center"),
                        Cell(f"{g.priority:g}", align="center"),
                    ]
                    for n, g in enumerate(gaps[:10], 1)
                ],
                (1.0, 5.4, 2.5, 2.5, 1.8, 1.4, 2.0),
            )
        else:
            self.para(self.t("no_gaps"))
        self.heading(2, self.t("rounds"))
        self.table(
            self.t("rounds_table"),
            [
                self.t("round_name"),
                self.t("assessed_on"),
                self.t("kf_index"),
                self.t("level_now"),
                self.t("answered"),
            ],
            [
                [
                    rnd.name,
                    Cell(fmt_date(rnd.assessed_on), align="center"),
                    Cell(fmt_number(rep.overall_index), align="center"),
                    Cell(fmt_number(rep.current_level, 1), align="center"),
                    Cell(f"{rep.answered}/{rep.total}", align="center"),
                ]
                for rnd, rep in c.rounds
            ],
            (5.0, 3.0, 2.6, 2.6, 3.4),
        )
        if len(c.rounds) < 2:
            self.para(self.t("one_round"))
            return
        self.figure("rounds", self.t("fig_rounds"))
        (before_round, before), _ = c.rounds[-2], c.rounds[-1]
        moved = moved_clauses(before, r)
        if not moved:
            self.para(self.t("no_moves"))
            return
        self.para(self.t("moved_text", before_round.name, len(moved)))
        self.table(
            self.t("moved_table"),
            [
                self.t("clause"),
                self.paren(self.t("level_now"), self.t("before")),
                self.paren(self.t("level_now"), self.t("after")),
                self.paren(self.t("index"), self.t("before")),
                self.paren(self.t("index"), self.t("after")),
            ],
            [
                [
                    f"{m.key} {c.guide.clause(m.key).title.get(self.lang)}",
                    Cell(fmt_number(m.level_before), align="center"),
                    Cell(fmt_number(m.level_after), align="center"),
                    Cell(fmt_number(m.index_before), align="center"),
                    Cell(fmt_number(m.index_after), align="center"),
                ]
                for m in moved[:15]
            ],
            (7.0, 2.4, 2.4, 2.4, 2.4),
        )

    def _pct(self, value: float | None) -> str:
        return "—" if value is None else f"{100 * value:.0f}%"

    def clauses(self) -> None:
        c = self.c
        self.chapters["clauses"] = self.heading(1, self.t("clauses"))
        self.para(self.t("clauses_text"))
        for area, clauses in self._by_area():
            self.heading(2, self.t("area_heading", c.area_title(area), area))
            for clause in clauses:
                self._clause(clause)

    def _by_area(self) -> list[tuple[str, list[ClauseContent]]]:
        out: list[tuple[str, list[ClauseContent]]] = []
        for clause in self.c.clauses:
            if not out or out[-1][0] != clause.area:
                out.append((clause.area, []))
            out[-1][1].append(clause)
        return out

    def _clause(self, clause: ClauseContent) -> None:
        c = self.c
        s = clause.score
        self.plain_heading3(self.t("clause_heading", clause.key, clause.title))
        headers = [
            self.t("level_now"),
            self.t("level_target"),
            self.t("coverage"),
            self.t("gap"),
            self.t("priority"),
            self.t("weight"),
        ]
        values = [
            c.level_name(s.current),
            c.level_name(s.target),
            self._pct(s.coverage),
            "—" if s.gap is None else str(s.gap),
            f"{s.priority:g}",
            f"{s.weight:g}",
        ]
        self.table(
            None,
            headers,
            [[Cell(v, align="center") for v in values]],
            (3.2, 3.2, 2.6, 2.2, 2.6, 2.8),
            keep=True,
        )
        record = clause.record
        findings = _paragraphs(record.findings)
        if findings:
            self.labeled(self.t("findings"), findings[0])
            for part in findings[1:]:
                self.para(part)
        else:
            self.labeled(self.t("findings"), self.t("no_findings"))
        if record.interviewees.strip():
            self.labeled(self.t("interviewees"), record.interviewees.strip())
        if clause.purpose.strip():
            self.para(clean(clause.purpose.strip()), size=9, color="595959", keep_next=True)
        self._checklist(clause, self.t("check_table", clause.key))

    def _checklist(self, clause: ClauseContent, caption: str | None) -> None:
        rows = []
        for line in clause.lines:
            rows.append(
                [
                    Cell(line.ref, bold=line.is_item, indent=not line.is_item),
                    Cell(line.text, indent=not line.is_item),
                    Cell(
                        STATUS_NAMES.get(line.status, STATUS_NAMES[""]).get(self.lang),
                        STATUS_FILLS.get(line.status),
                        align="center",
                    ),
                    line.note,
                ]
            )
        self.table(
            caption,
            [self.t("ref"), self.t("checkpoint"), self.t("status"), self.t("note")],
            rows,
            (1.1, 8.5, 1.8, 5.2),
            small=True,
        )

    def strategy(self) -> None:
        c = self.c
        strategy = c.values["strategy"]
        assert isinstance(strategy, Strategy)
        self.chapters["strategy"] = self.heading(1, self.t("strategy"))
        self.heading(2, self.t("vision"))
        if strategy.vision.strip():
            self.text(strategy.vision)
        else:
            self.para(self.t("no_vision"))
        self.heading(2, self.t("choices"))
        rows = []
        for dim in cat.STRATEGY_DIMENSIONS:
            choice = strategy.choices.get(dim.code)
            if choice is None or not (choice.values or choice.rationale.strip()):
                continue
            chosen = self.join(self.label(dim.options, v) for v in choice.values) or "—"
            rows.append(
                [
                    Cell(f"{dim.title.get(self.lang)}\n{guide_ref(dim.guide_key)}", bold=False),
                    Cell(chosen, bold=True),
                    choice.rationale.strip() or "—",
                ]
            )
        if rows:
            self.table(
                self.t("choices_table"),
                [self.t("dimension"), self.t("choice"), self.t("rationale")],
                rows,
                (3.0, 3.2, 10.4),
            )
        else:
            self.para(self.t("no_choices"))
        for code, clause_key, adoptions in (
            ("principles", cat.PRINCIPLES_CLAUSE, strategy.principles),
            ("criteria", cat.CRITERIA_CLAUSE, strategy.criteria),
        ):
            self.heading(2, self.t(code))
            clause = c.guide.clause(clause_key)
            rows = []
            for item in clause.items:
                adoption = adoptions.get(item.key)
                if adoption is None or not adoption.adopted:
                    continue
                rows.append(
                    [
                        Cell(guide_ref(item.key), align="center"),
                        item.text.get(self.lang),
                        adoption.note.strip() or "—",
                    ]
                )
            if rows:
                self.para(self.t(f"{code}_text"))
                self.table(
                    self.t(f"{code}_table"),
                    [self.t("ref"), self.t("principle"), self.t("how")],
                    rows,
                    (1.6, 6.6, 8.4),
                )
            else:
                self.para(self.t(f"no_{code}"))

    def roadmap(self) -> None:
        c = self.c
        phases = c.items["phase"]
        initiatives = c.items["initiative"]
        self.chapters["roadmap"] = self.heading(1, self.t("roadmap"))
        self.heading(2, self.t("phases"))
        if phases:
            rows: list[list[CellValue]] = []
            for n, item in enumerate(phases, 1):
                phase = item.record
                assert isinstance(phase, Phase)
                dates = f"{fmt_date(phase.start)} {self.t('to')} {fmt_date(phase.end)}"
                title = self.paren(f"{self.t('phase_no', n)}  {phase.name}", dates)
                rows.append([Cell(title, HEADER_FILL, True, span=2)])
                contents = self.join(
                    self.label(cat.TRANSFORMATION_CONTENTS, code) for code in phase.contents
                )
                for key, value in (
                    ("goals", phase.goals),
                    ("entry", phase.entry_criteria),
                    ("exit", phase.exit_criteria),
                    ("contents", contents),
                ):
                    rows.append([self.t(key), value.strip() or "—"])
            self.table(self.t("phases_table"), None, rows, (3.4, 13.2), label_column=True)
        else:
            self.para(self.t("no_phases"))
        self.heading(2, self.t("initiatives"))
        if not initiatives:
            self.para(self.t("no_initiatives"))
        else:
            budget = sum(float(i.record.budget or 0) for i in initiatives)
            self.para(self.t("initiatives_text", len(initiatives), fmt_money(budget)))
            self._initiative_table(self.t("initiatives_table"), initiatives, full=True)
            self.heading(2, self.t("details"))
            for item in initiatives:
                record = item.record
                assert isinstance(record, Initiative)
                paragraph = self.para(keep_next=True, space_after=2, space_before=4)
                paragraph.add_run(
                    f"{self.initiative_no[item.uuid]}  {clean(record.title)}"
                ).bold = True
                if record.description.strip():
                    self.text(record.description)
                extra = []
                if record.clauses:
                    extra.append(
                        self.t("related")
                        + self.t("colon")
                        + self.join(f"{k} {self._clause_title(k)}".strip() for k in record.clauses)
                    )
                if record.consulting:
                    task = self.label(cat.CONSULTING_TASKS, record.consulting_task)
                    extra.append(
                        self.t("consulting")
                        + (self.t("colon") + task if record.consulting_task else "")
                    )
                for line in extra:
                    self.para(line, size=9, color="595959", space_after=2)
        if initiatives:
            self.heading(2, self.t("schedule"))
            self.figure("gantt", self.t("fig_gantt"))
            self.figure("matrix", self.t("fig_matrix"), max_cm=13.0)

    def _clause_title(self, key: str) -> str:
        try:
            return self.c.guide.clause(key).title.get(self.lang)
        except KeyError:
            return ""

    def _initiative_table(self, caption: str, items: Sequence[PlanItem], *, full: bool) -> None:
        rows: list[list[CellValue]] = []
        for item in items:
            r = item.record
            assert isinstance(r, Initiative)
            dates = f"{fmt_date(r.start)}\n{fmt_date(r.end)}" if r.start or r.end else "—"
            row: list[CellValue] = [
                Cell(self.initiative_no[item.uuid], align="center"),
                r.title,
                self.phase_short.get(r.phase, "—"),
                r.owner or "—",
                Cell(dates, align="center"),
            ]
            if full:
                row += [
                    Cell("—" if r.budget is None else fmt_money(r.budget), align="right"),
                    Cell(str(r.value), align="center"),
                    Cell(str(r.effort), align="center"),
                    self.label(cat.INITIATIVE_STATUSES, r.status),
                    self.join(self.initiative_no.get(d, "") for d in r.depends_on) or "—",
                ]
            else:
                row.append(self.label(cat.INITIATIVE_STATUSES, r.status))
            rows.append(row)
        headers = [
            self.t("no_col"),
            self.t("initiative"),
            self.t("phase"),
            self.t("owner"),
            self.t("dates"),
        ]
        if full:
            headers += [
                self.t("budget"),
                self.t("value"),
                self.t("effort"),
                self.t("state"),
                self.t("depends"),
            ]
            budget = sum(float(i.record.budget or 0) for i in items)
            rows.append(
                [
                    Cell("", LABEL_FILL),
                    Cell(self.t("total"), LABEL_FILL, True, span=4),
                    Cell(fmt_money(budget), LABEL_FILL, True, "right"),
                    Cell("", LABEL_FILL, span=4),
                ]
            )
            widths: tuple[float, ...] = (1.0, 3.4, 1.3, 1.3, 2.2, 1.5, 1.2, 1.2, 1.8, 1.7)
        else:
            headers.append(self.t("state"))
            widths = (1.2, 7.2, 1.8, 1.8, 2.4, 2.2)
        self.table(caption, headers, rows, widths, small=full)

    def kpis(self) -> None:
        c = self.c
        kpis = list(c.items["kpi"])
        phases = c.items["phase"]
        self.chapters["kpis"] = self.heading(1, self.t("kpis"))
        if not kpis:
            self.para(self.t("no_kpis"))
            return
        self.para(self.t("kpi_text"))
        self.heading(2, self.t("kpi_targets"))
        order = [o.code for o in cat.KPI_CATEGORIES]
        categories = sorted(
            {k.record.category for k in kpis},
            key=lambda code: order.index(code) if code in order else len(order),
        )
        columns = len(phases) <= 4
        for category in categories:
            rows: list[list[CellValue]] = []
            for item in kpis:
                k = item.record
                assert isinstance(k, Kpi)
                if k.category != category:
                    continue
                row: list[CellValue] = [
                    Cell(k.name, bold=True),
                    Cell(k.unit or "—", align="center"),
                    k.baseline or "—",
                ]
                if columns:
                    row += [Cell(k.targets.get(p.uuid, "") or "—", align="center") for p in phases]
                else:
                    row.append(
                        "\n".join(
                            f"{self.phase_short[p.uuid]}{self.t('colon')}{k.targets[p.uuid]}"
                            for p in phases
                            if k.targets.get(p.uuid)
                        )
                        or "—"
                    )
                row += [
                    Cell(self.label(cat.FREQUENCIES, k.frequency), align="center"),
                    k.owner or "—",
                    k.data_source or "—",
                ]
                rows.append(row)
            headers = [self.t("kpi"), self.t("unit"), self.t("baseline")]
            if columns:
                headers += [self.t("target_of", self.phase_short[p.uuid]) for p in phases]
                target_width = [1.5] * len(phases)
            else:
                headers.append(self.t("targets"))
                target_width = [3.0]
            headers += [self.t("frequency"), self.t("data_owner"), self.t("data_source")]
            rest = FULL_WIDTH_CM - sum(target_width) - (2.6 + 1.3 + 2.3 + 1.6 + 1.5)
            widths = [2.6, 1.3, 2.3, *target_width, 1.6, 1.5, max(2.0, rest)]
            self.table(
                self.t("kpi_table", self.label(cat.KPI_CATEGORIES, category)),
                headers,
                rows,
                widths,
                small=True,
            )
        self.heading(2, self.t("kpi_definitions"))
        rows = []
        for item in kpis:
            k = item.record
            assert isinstance(k, Kpi)
            linked = self.join(self.initiative_no.get(u, "") for u in k.initiatives)
            analysis = self.join(self.label(cat.ANALYSIS_METHODS, a) for a in k.analysis)
            notes = [
                self.t("up") if k.direction != "down" else self.t("down"),
            ]
            if analysis:
                notes.append(self.t("analysis") + self.t("colon") + analysis)
            if linked:
                notes.append(self.t("initiative") + self.t("colon") + linked)
            rows.append(
                [
                    Cell(k.name, bold=True),
                    k.definition or "—",
                    k.calculation or "—",
                    "\n".join(notes),
                ]
            )
        self.table(
            self.t("definitions_table"),
            [self.t("kpi"), self.t("definition"), self.t("calculation"), self.t("note")],
            rows,
            (2.8, 6.4, 4.0, 3.4),
            small=True,
        )

    def leadership(self) -> None:
        c = self.c
        self.chapters["leadership"] = self.heading(1, self.t("leadership"))
        self.heading(2, self.t("governance"))
        members = c.items["governance"]
        if members:
            self.table(
                self.t("governance_table"),
                [self.t("role"), self.t("name"), self.t("position"), self.t("responsibilities")],
                [
                    [
                        self.label(cat.GOVERNANCE_ROLES, m.record.role),
                        Cell(m.record.name, bold=True),
                        m.record.position or "—",
                        m.record.responsibilities or "—",
                    ]
                    for m in members
                ],
                (3.2, 1.8, 3.6, 8.0),
            )
            named = {m.record.role for m in members}
            missing = [o.label.get(self.lang) for o in cat.GOVERNANCE_ROLES if o.code not in named]
            self.para(
                self.t("roles_missing", self.join(missing)) if missing else self.t("roles_complete")
            )
        else:
            self.para(self.t("no_governance"))
        self.heading(2, self.t("competencies"))
        leadership = c.values["leadership"]
        assert isinstance(leadership, Leadership)
        if leadership.competencies:
            self.para(self.t("competencies_text"))
            clause = c.guide.clause(cat.LEADERSHIP_CLAUSE)
            rows = []
            for point in clause.checkpoints():
                rating = leadership.competencies.get(point.key)
                is_item = point.key.count(".") == clause.key.count(".") + 1
                status = rating.status if rating else ""
                rows.append(
                    [
                        Cell(point.key.rsplit(".", 1)[1] + ")", bold=is_item, indent=not is_item),
                        Cell(point.text.get(self.lang), indent=not is_item),
                        Cell(
                            STATUS_NAMES.get(status, STATUS_NAMES[""]).get(self.lang),
                            STATUS_FILLS.get(status),
                            align="center",
                        ),
                        rating.note if rating else "",
                    ]
                )
            self.table(
                self.t("competencies_table"),
                [self.t("ref"), self.t("checkpoint"), self.t("status"), self.t("note")],
                rows,
                (1.1, 8.0, 1.8, 5.7),
                small=True,
            )
        else:
            self.para(self.t("no_competencies"))
        self.heading(2, self.t("awareness"))
        actions = c.items["action"]
        if actions:
            self.table(
                self.t("awareness_table"),
                [
                    self.t("audience"),
                    self.t("action"),
                    self.t("owner"),
                    self.t("due"),
                    self.t("state"),
                    self.t("note"),
                ],
                [
                    [
                        self.label(cat.AUDIENCES, a.record.audience),
                        Cell(a.record.title, bold=True),
                        a.record.owner or "—",
                        Cell(fmt_date(a.record.due), align="center"),
                        self.label(cat.ACTION_STATUSES, a.record.status),
                        a.record.note or "",
                    ]
                    for a in actions
                ],
                (1.9, 3.7, 1.6, 2.1, 1.6, 5.7),
                small=True,
            )
        else:
            self.para(self.t("no_actions"))

    def organization(self) -> None:
        c = self.c
        org = c.values["organization"]
        culture = c.values["culture"]
        assert isinstance(org, Organization)
        assert isinstance(culture, Culture)
        self.chapters["organization"] = self.heading(1, self.t("organization"))
        self.heading(2, self.t("structure"))
        aspects = (
            ("shape", cat.ORG_SHAPES, org.shape_now, org.shape_target),
            ("driver", cat.ORG_DRIVERS, org.driver_now, org.driver_target),
            ("relation", cat.MANAGEMENT_RELATIONS, org.relation_now, org.relation_target),
        )
        if any(now or target for _, _, now, target in aspects):
            self.table(
                self.t("structure_table"),
                [self.t("aspect"), self.t("now"), self.t("target")],
                [
                    [
                        self.t(key),
                        self.label(options, now),
                        Cell(self.label(options, target), bold=True),
                    ]
                    for key, options, now, target in aspects
                ],
                (3.6, 6.5, 6.5),
                label_column=True,
            )
        else:
            self.para(self.t("no_structure"))
        if org.notes.strip():
            self.text(org.notes)
        self.heading(2, self.t("mode"))
        if org.mode:
            self.para(
                self.t("mode_text", self.label(cat.TRANSFORMATION_MODES, org.mode)), bold=True
            )
            if org.mode_rationale.strip():
                self.text(org.mode_rationale)
        else:
            self.para(self.t("no_mode"))
        self.heading(2, self.t("change_steps"))
        steps = c.items["change_step"]
        if steps:
            self.table(
                self.t("change_table"),
                [
                    self.t("rank"),
                    self.t("step"),
                    self.t("guide_ref"),
                    self.t("owner"),
                    self.t("due"),
                    self.t("state"),
                    self.t("note"),
                ],
                [
                    [
                        Cell(str(n), align="center"),
                        Cell(s.record.title, bold=True),
                        Cell(guide_ref(s.record.step) if s.record.step else "—", align="center"),
                        s.record.owner or "—",
                        Cell(fmt_date(s.record.due), align="center"),
                        self.label(cat.ACTION_STATUSES, s.record.status),
                        s.record.note or "",
                    ]
                    for n, s in enumerate(steps, 1)
                ],
                (0.9, 3.4, 1.9, 1.4, 2.0, 1.4, 5.6),
                small=True,
            )
        else:
            self.para(self.t("no_steps"))
        self.heading(2, self.t("culture_targets"))
        if culture.targets:
            self.table(
                self.t("culture_targets_table"),
                [self.t("target"), self.t("adopted"), self.t("note")],
                [
                    [
                        Cell(o.label.get(self.lang), bold=True),
                        Cell(
                            self.t("yes") if culture.targets[o.code].adopted else self.t("no"),
                            align="center",
                        ),
                        culture.targets[o.code].note or "",
                    ]
                    for o in cat.CULTURE_TARGETS
                    if o.code in culture.targets
                ],
                (3.6, 1.6, 11.4),
            )
        else:
            self.para(self.t("no_culture_targets"))
        self.heading(2, self.t("traits"))
        rated = [t for t in cat.CULTURE_TRAITS if t.code in culture.traits]
        if rated:
            self.para(self.t("traits_text"))
            self.table(
                self.t("traits_table"),
                [self.t("trait"), self.t("now"), self.t("target")],
                [
                    [
                        t.label.get(self.lang),
                        Cell(fmt_number(culture.traits[t.code].now), align="center"),
                        Cell(fmt_number(culture.traits[t.code].target), align="center"),
                    ]
                    for t in rated
                ],
                (5.0, 3.0, 3.0),
            )
            self.figure("culture", self.t("fig_culture"), max_cm=11.0)
        else:
            self.para(self.t("no_traits"))
        self.heading(2, self.t("resistance"))
        register = c.items["resistance"]
        if register:
            self.table(
                self.t("resistance_table"),
                [
                    self.t("source"),
                    self.t("cause"),
                    self.t("description"),
                    self.t("mitigation"),
                    self.t("owner"),
                    self.t("state"),
                ],
                [
                    [
                        Cell(r.record.source, bold=True),
                        Cell(self.label(cat.RESISTANCE_CAUSES, r.record.cause), align="center"),
                        r.record.description or "—",
                        r.record.mitigation or "—",
                        r.record.owner or "—",
                        self.label(cat.ACTION_STATUSES, r.record.status),
                    ]
                    for r in register
                ],
                (2.6, 1.3, 4.6, 5.3, 1.4, 1.4),
                small=True,
            )
        else:
            self.para(self.t("no_resistance"))
        self.heading(2, self.t("measures"))
        clause = c.guide.clause("6.3.2")
        measures = [
            sub
            for item in clause.items
            if item.key == cat.CULTURE_MEASURES_ITEM
            for sub in item.subitems
            if sub.key in culture.measures
        ]
        if measures:
            self.table(
                self.t("measures_table"),
                [self.t("measure"), self.t("adopted"), self.t("how")],
                [
                    [
                        sub.text.get(self.lang),
                        Cell(
                            self.t("yes") if culture.measures[sub.key].adopted else self.t("no"),
                            align="center",
                        ),
                        culture.measures[sub.key].note or "",
                    ]
                    for sub in measures
                ],
                (5.0, 1.6, 10.0),
            )
        else:
            self.para(self.t("no_measures"))

    def next_steps(self) -> None:
        c = self.c
        self.chapters["next_steps"] = self.heading(1, self.t("next_steps"))
        self.para(self.t("next_text", c.profile.short_name or c.profile.client_name or "—"))
        for key in ("next_1", "next_2", "next_3"):
            self.bullet(self.t(key))
        phase, items = self._near_term()
        self.heading(2, self.t("near_term"))
        if items:
            caption = (
                self.t("near_table", phase.record.name)
                if phase is not None
                else self.t("near_table_plain")
            )
            self._initiative_table(caption, items, full=False)
        else:
            self.para(self.t("no_initiatives"))
        self.heading(2, self.t("next_round"))
        name = FOLLOW_UP_NAME.get(self.lang).replace("%1", str(len(c.rounds)))
        if phase is not None and phase.record.end is not None:
            self.para(
                self.t("next_round_phase", phase.record.name, fmt_date(phase.record.end), name)
            )
        else:
            self.para(self.t("next_round_plain", fmt_date(_add_months(c.generated, 6)), name))

    def _near_term(self) -> tuple[PlanItem | None, list[PlanItem]]:
        """The phase under way (or next) and its open initiatives; else the first five."""
        c = self.c
        done = {"done", "cancelled"}
        initiatives = [i for i in c.items["initiative"] if i.record.status not in done]
        phases = c.items["phase"]
        current = next(
            (p for p in phases if p.record.end is None or p.record.end >= c.generated), None
        )
        if current is None and phases:
            current = phases[-1]
        if current is not None:
            inside = [i for i in initiatives if i.record.phase == current.uuid]
            if inside:
                return current, inside
        return current, initiatives[:5]

    def glossary(self) -> None:
        c = self.c
        self.appendix = chr(ord("A") + sum(1 for k in self.chapters if k in APPENDICES))
        self.chapters["glossary"] = self.heading(1, self.t("glossary"))
        self.heading(2, self.t("terms"))
        self.para(self.t("terms_text"))
        rows = []
        for term in c.guide.terms:
            text = term.definition.get(self.lang)
            notes = [n.get(self.lang) for n in term.notes]
            if term.source:
                notes.append(f"[{term.source}]")
            rows.append(
                [
                    Cell(term.key, align="center"),
                    Cell(term.term.get(self.lang), bold=True),
                    "\n".join([text, *notes]),
                ]
            )
        self.table(
            self.t("terms_table"),
            [self.t("rank"), self.t("term"), self.t("definition")],
            rows,
            (1.2, 3.6, 11.8),
            small=True,
        )
        self.heading(2, self.t("abbreviations"))
        if self.zh:
            self.table(
                self.t("abbr_table"),
                [self.t("abbr"), self.t("meaning"), self.t("english")],
                [[Cell(a.abbr, bold=True), a.zh, a.en] for a in c.guide.abbreviations],
                (2.6, 5.6, 8.4),
                small=True,
            )
        else:
            self.table(
                self.t("abbr_table"),
                [self.t("abbr"), self.t("meaning")],
                [[Cell(a.abbr, bold=True), a.en] for a in c.guide.abbreviations],
                (3.0, 13.6),
                small=True,
            )

    def checklist(self) -> None:
        c = self.c
        self.appendix = chr(ord("A") + sum(1 for k in self.chapters if k in APPENDICES))
        self.chapters["checklist"] = self.heading(1, self.t("checklist"))
        if "clauses" in self.chapters:
            self.para(self.t("checklist_compact", self.chapters["clauses"]))
            statuses = ("met", "partly", "not_met", "na", "")
            rows = []
            for clause in c.clauses:
                s = clause.score
                rows.append(
                    [
                        clause.key,
                        clause.title,
                        Cell(str(s.total), align="center"),
                        *(Cell(str(s.counts.get(st, 0)), align="center") for st in statuses),
                        Cell(self._pct(s.coverage), align="center"),
                        Cell(
                            self.t(
                                "levels_arrow",
                                fmt_number(s.current),
                                fmt_number(s.target),
                            ),
                            align="center",
                        ),
                    ]
                )
            self.table(
                self.t("checklist_table"),
                [
                    self.t("clause"),
                    self.t("title"),
                    self.t("items_col"),
                    *(STATUS_NAMES[st].get(self.lang) for st in statuses),
                    self.t("coverage"),
                    self.t("level"),
                ],
                rows,
                (1.5, 4.1, 1.4, 1.1, 1.3, 1.2, 1.3, 1.6, 1.7, 1.4),
                small=True,
            )
            return
        self.para(self.t("checklist_full"))
        for area, clauses in self._by_area():
            self.heading(2, self.t("area_heading", c.area_title(area), area))
            for clause in clauses:
                self.para(
                    self.t("clause_heading", clause.key, clause.title),
                    bold=True,
                    keep_next=True,
                    space_before=6,
                )
                self._checklist(clause, self.t("check_table", clause.key))

    # ------------------------------------------------------------------------- page frame
    def frame(self, *, cover_first: bool) -> None:
        """Header with the client's name and a "page X of Y" footer, unless the template
        brings its own."""
        section = self.doc.sections[-1]
        if cover_first:
            section.different_first_page_header_footer = True
            # The cover page: an empty header and footer of its own.
            section.first_page_header.is_linked_to_previous = False
            section.first_page_footer.is_linked_to_previous = False
        header = section.header
        if not self._frame_has_content(header):
            header.is_linked_to_previous = False
            paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            if self.st.header is not None:
                paragraph.style = self.st.header
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            name = self.c.profile.client_name or ""
            paragraph.add_run(
                clean(
                    f"{name}　{self.t('doc_title')}"
                    if self.zh
                    else f"{name} · {self.t('doc_title')}"
                )
            )
            self._bottom_border(paragraph)
        footer = section.footer
        if not self._frame_has_content(footer):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            if self.st.footer is not None:
                paragraph.style = self.st.footer
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            before, middle_after = self.t("page_footer").split("%1", 1)
            middle, after = middle_after.split("%2", 1)
            paragraph.add_run(before)
            self._field_runs(paragraph, "PAGE", "1")
            paragraph.add_run(middle)
            self._field_runs(paragraph, "NUMPAGES", "1")
            paragraph.add_run(after)

    @staticmethod
    def _frame_has_content(part: Any) -> bool:
        if part.is_linked_to_previous and part._prior_headerfooter is None:
            return False  # nothing to inherit: the section has no header yet
        element = part._element
        return bool("".join(element.itertext()).strip()) or (
            element.find(".//" + qn("w:drawing")) is not None
            or element.find(".//" + qn("w:pict")) is not None
        )

    @staticmethod
    def _bottom_border(paragraph: Paragraph) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        border = parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="4" w:space="4" '
            f'w:color="{BORDER}"/></w:pBdr>'
        )
        # pBdr follows keepNext…numPr and precedes shd, tabs, spacing, ind, jc in CT_PPr.
        anchor = None
        for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
            anchor = ppr.find(qn(tag))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(border)
        else:
            ppr.append(border)


# ---------------------------------------------------------------------------------- API
def _template_cover(document: Document) -> bool:
    """Whether the template's body has content (kept as the cover); empty paragraphs go."""
    body = document.element.body
    has = False
    for child in list(body):
        if child.tag == qn("w:sectPr"):
            continue
        if child.tag == qn("w:p"):
            text = "".join(child.itertext()).strip()
            visual = (
                child.find(".//" + qn("w:drawing")) is not None
                or child.find(".//" + qn("w:pict")) is not None
                or child.find(".//" + qn("w:sectPr")) is not None
            )
            if not text and not visual:
                body.remove(child)
                continue
        has = True
    return has


def _set_properties(document: Document, content: Content) -> None:
    props = document.core_properties
    lang = content.lang
    client = clean(content.profile.client_name)
    props.title = f"{T['doc_title'].get(lang)} — {client}"[:250]
    props.subject = clean(content.profile.title)[:250]
    author = clean(content.deliverable.consulting_firm.strip() or content.profile.consultants)
    props.author = author[:250]
    props.last_modified_by = author[:250]
    props.language = "en-US" if lang == "en" else "zh-CN"
    props.keywords = content.guide.standard.code
    props.comments = ""
    props.revision = 1


def build_proposal(
    content: Content,
    target: Path,
    *,
    figures: dict[str, bytes] | None = None,
    template: Path | None = None,
    sections: Collection[str] = SECTIONS,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Path:
    """Write the proposal to ``target`` atomically and return it.

    ``sections`` picks parts of :data:`SECTIONS` (always written in that order);
    ``progress(done, total)`` is called after each; when ``cancelled()`` turns true the export
    stops with :class:`ExportCancelled` and nothing is written. A ``template`` is checked first
    (:class:`~dtbench.deliverables.docx_template.TemplateError`).
    """
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown sections: {', '.join(sorted(unknown))}")
    chosen = [code for code in SECTIONS if code in sections]

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled()

    check()
    document = open_template(template) if template is not None else None
    if figures is None and any(code in FIGURE_SECTIONS for code in chosen):
        from dtbench.deliverables.figures import render_figures

        figures = render_figures(content)
    check()

    def write(tmp: Path) -> None:
        doc = document if document is not None else new_document()
        cover_kept = _template_cover(doc) if document is not None else False
        styles = prepare(doc, content.lang, from_template=document is not None)
        writer = _Writer(content, doc, styles, figures or {})
        total = len(chosen)
        for done, code in enumerate(chosen, 1):
            check()
            if code == "cover":
                writer.cover(cover_kept)
            else:
                getattr(writer, code)()
            if progress is not None:
                progress(done, total)
        writer.frame(cover_first="cover" in chosen and not cover_kept)
        _set_properties(doc, content)
        check()
        doc.save(str(tmp))

    return write_atomically(target, write)
