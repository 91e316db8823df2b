"""The choices the guide offers, as option sets with labels in both languages.

Each option names the guide clause or item it comes from, so the workbench offers the
guide's own alternatives (5.2–6.3) instead of blank text boxes.
"""

from __future__ import annotations

from dataclasses import dataclass

from dtbench.guide.model import Text


@dataclass(frozen=True)
class Option:
    code: str
    label: Text
    guide_key: str = ""


@dataclass(frozen=True)
class Dimension:
    """A strategy decision: pick one option (or several when ``multiple``) with a rationale."""

    code: str
    title: Text
    guide_key: str
    options: tuple[Option, ...]
    multiple: bool = False

    def option(self, code: str) -> Option:
        for o in self.options:
            if o.code == code:
                return o
        raise KeyError(code)


def _o(code: str, zh: str, en: str, key: str = "") -> Option:
    return Option(code, Text(zh, en), key)


STRATEGY_DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "technical_path",
        Text("技术路径", "Technical path"),
        "6.2.1.d",
        (
            _o("traditional_it", "基于传统IT", "Based on traditional IT", "6.2.1.d.1"),
            _o("data_core", "以数据为核心", "Data at the core", "6.2.1.d.2"),
            _o("hybrid", "混合式", "Hybrid", "6.2.1.d.3"),
        ),
    ),
    Dimension(
        "implementation_path",
        Text("实施路径", "Implementation path"),
        "6.2.1.e",
        (
            _o("endogenous", "内生转型", "Endogenous transformation", "6.2.1.e.1"),
            _o("expansion", "扩张转型", "Expansion transformation", "6.2.1.e.2"),
            _o("crossover", "跨界转型", "Cross-industry transformation", "6.2.1.e.3"),
        ),
    ),
    Dimension(
        "pace",
        Text("推进节奏", "Pace"),
        "6.2.1.f",
        (
            _o("phased", "分阶段", "In phases"),
            _o("gradual", "循序渐进", "Step by step"),
            _o("iterative", "持续迭代", "Continuous iteration"),
            _o("radical", "激进", "Radical"),
        ),
    ),
    Dimension(
        "goal_stance",
        Text("目标设定", "Goal stance"),
        "6.2.1.g.1",
        (
            _o("aggressive", "激进的目标", "Aggressive goals"),
            _o("steady", "积极稳妥的目标", "Active but prudent goals"),
        ),
    ),
    Dimension(
        "goal_method",
        Text("目标制定方法", "Goal-setting method"),
        "6.2.1.i",
        (
            _o("benchmark", "对标方法", "Benchmarking", "6.2.1.i.1"),
            _o("holistic", "整体规划", "Overall planning", "6.2.1.i.2"),
            _o("agile", "敏捷方法", "Agile method", "6.2.1.i.3"),
        ),
    ),
    Dimension(
        "strategic_goals",
        Text("战略目标", "Strategic goals"),
        "6.2.1.j",
        (
            _o("operations", "运营优化", "Operational optimisation", "6.2.1.j.1"),
            _o("products", "产品和服务升级", "Product and service upgrading", "6.2.1.j.2"),
            _o(
                "business_model",
                "业务重构与新商业模式",
                "Business restructuring and new business models",
                "6.2.1.j.3",
            ),
            _o("competitiveness", "核心竞争力", "Core competitiveness", "6.2.1.j.4"),
        ),
        multiple=True,
    ),
)

PRINCIPLES_CLAUSE = "5.2"  # basic principles: the clause's items
CRITERIA_CLAUSE = "5.3"  # implementation criteria: the clause's items

# 6.2.2 c: the transformation contents a phase covers
TRANSFORMATION_CONTENTS: tuple[Option, ...] = (
    _o("manufacturing", "制造模式转型", "Manufacturing model"),
    _o("operations", "运营模式转型", "Operating model"),
    _o("rd", "产品设计研发模式转型", "Product design and R&D model"),
    _o("service", "服务模式转型", "Service model"),
    _o("products", "产品与服务转型", "Products and services"),
    _o("supply_chain", "供应链转型", "Supply chain"),
    _o("decision", "决策模式转型", "Decision-making model"),
    _o("business_model", "商业模式转型", "Business model"),
    _o("ecosystem", "生态转型", "Ecosystem"),
)

# 6.2.2 e: tasks an external consulting organisation may carry out
CONSULTING_TASKS: tuple[Option, ...] = (
    _o("diagnosis", "现状诊断", "Current-state diagnosis"),
    _o("requirements", "需求分析", "Requirements analysis"),
    _o("process", "流程梳理", "Process review"),
    _o("architecture", "整体框架设计", "Overall framework design"),
    _o("implementation_plan", "实施方案制定", "Implementation plan"),
)

FIELDWORK_KINDS: tuple[Option, ...] = (
    _o("interview", "访谈", "Interview"),
    _o("workshop", "研讨会", "Workshop"),
    _o("site_visit", "现场调研", "Site visit"),
    _o("document", "资料查阅", "Document reviewed"),
)

INTERVIEW_STATUSES: tuple[Option, ...] = (
    _o("planned", "计划中", "Planned"),
    _o("held", "已访谈", "Held"),
    _o("cancelled", "已取消", "Cancelled"),
)

CONFIDENTIALITY: tuple[Option, ...] = (
    _o("public", "公开", "Public"),
    _o("internal", "内部", "Internal"),
    _o("confidential", "机密", "Confidential"),
    _o("strictly_confidential", "绝密", "Strictly confidential"),
)

INITIATIVE_STATUSES: tuple[Option, ...] = (
    _o("proposed", "拟议", "Proposed"),
    _o("planned", "已计划", "Planned"),
    _o("in_progress", "进行中", "In progress"),
    _o("done", "已完成", "Done"),
    _o("on_hold", "暂停", "On hold"),
    _o("cancelled", "已取消", "Cancelled"),
)

ACTION_STATUSES: tuple[Option, ...] = (
    _o("open", "未开始", "Not started"),
    _o("in_progress", "进行中", "In progress"),
    _o("done", "已完成", "Done"),
)

# 6.2.3 a: KPI categories (the starter set in resources/plan/kpi_starters.json uses them)
KPI_CATEGORIES: tuple[Option, ...] = (
    _o("production_efficiency", "生产效率", "Production efficiency", "6.2.3.a.1"),
    _o("competitiveness", "竞争力", "Competitiveness", "6.2.3.a.2"),
    _o("process_capability", "过程能力", "Process capability", "6.2.3.a.3"),
    _o("benefit_value", "效益价值", "Benefit and value", "6.2.3.a.4"),
    _o("model_optimisation", "模式优化重构", "Model optimisation and restructuring", "6.2.3.a.5"),
    _o("ecosystem", "生态融入和链接", "Ecosystem integration and connection", "6.2.3.a.6"),
    _o("digital_operations", "数字化运营能力", "Digital operation capability", "6.2.3.a.7"),
)

# 6.2.3 d
ANALYSIS_METHODS: tuple[Option, ...] = (
    _o("trend", "趋势分析", "Trend analysis"),
    _o("comparison", "对比分析", "Comparative analysis"),
    _o("causal", "因果分析", "Causal analysis"),
    _o("correlation", "相关分析", "Correlation analysis"),
)

FREQUENCIES: tuple[Option, ...] = (
    _o("weekly", "每周", "Weekly"),
    _o("monthly", "每月", "Monthly"),
    _o("quarterly", "每季度", "Quarterly"),
    _o("half_yearly", "每半年", "Half-yearly"),
    _o("yearly", "每年", "Yearly"),
)

# 6.1.6 c: the governance organisation's key people
GOVERNANCE_ROLES: tuple[Option, ...] = (
    _o("senior_leader", "高层领导者", "Senior leader", "6.1.6.c.1"),
    _o("transformation_manager", "数字化转型管理责任者", "Transformation manager", "6.1.6.c.2"),
    _o("business_owner", "数字化转型业务主体", "Business owner", "6.1.6.c.3"),
    _o("technology_expert", "数字技术专家", "Digital technology expert", "6.1.6.c.4"),
)

LEADERSHIP_CLAUSE = "6.1.1"  # the competency checklist: the clause's items and sub-items

# 6.1.3 / 6.1.4: who an awareness action addresses
AUDIENCES: tuple[Option, ...] = (
    _o("managers", "管理者", "Managers", "6.1.3"),
    _o("employees", "员工", "Employees", "6.1.4"),
)

# 6.3.1 a
ORG_SHAPES: tuple[Option, ...] = (
    _o("pyramid", "金字塔式", "Pyramid"),
    _o("flat", "扁平化", "Flat"),
    _o("distributed", "分布式", "Distributed"),
    _o("network", "网络化", "Networked"),
)
ORG_DRIVERS: tuple[Option, ...] = (
    _o("task_command", "任务指令驱动", "Driven by task orders"),
    _o("business_value", "业务需求和价值实现驱动", "Driven by business needs and value"),
)
MANAGEMENT_RELATIONS: tuple[Option, ...] = (
    _o("control", "基于控制的刚性监督", "Rigid supervision based on control"),
    _o("trust", "基于信任和授权", "Trust and delegation"),
)
# 6.3.1 f
TRANSFORMATION_MODES: tuple[Option, ...] = (
    _o("radical", "激进式转变", "Radical change", "6.3.1.f.1"),
    _o("incremental", "渐进式转变", "Incremental change", "6.3.1.f.2"),
)
CHANGE_PROCESS_ITEM = "6.3.1.h"  # its sub-items are the steps of the change process

# 6.3.2 d
CULTURE_TARGETS: tuple[Option, ...] = (
    _o("behaviour", "行为改变", "Behaviour change", "6.3.2.d.1"),
    _o("data_thinking", "数据思维", "Data thinking", "6.3.2.d.2"),
    _o("technology_fusion", "技术融合", "Technology fusion", "6.3.2.d.3"),
    _o("win_win", "协同共赢", "Collaboration and shared success", "6.3.2.d.4"),
)
# 6.3.2 e
CULTURE_TRAITS: tuple[Option, ...] = (
    _o("openness", "开放性", "Openness"),
    _o("collaboration", "协作性", "Collaboration"),
    _o("innovation", "创新性", "Innovation"),
    _o("agility", "敏捷性", "Agility"),
    _o("diversity", "多元化", "Diversity"),
    _o("inclusiveness", "包容性", "Inclusiveness"),
)
TRAIT_SCALE = (1, 5)
# 6.3.2 h
RESISTANCE_CAUSES: tuple[Option, ...] = (
    _o("awareness", "认识", "Awareness", "6.3.2.h.1"),
    _o("interest", "利益", "Interests", "6.3.2.h.2"),
    _o("ability", "能力", "Ability", "6.3.2.h.3"),
    _o("emotion", "情感", "Emotions", "6.3.2.h.4"),
)
CULTURE_MEASURES_ITEM = "6.3.2.i"  # its sub-items are the culture evaluation measures

# The target blueprint: business domains (chapter 7's business areas, with the management
# functions an ERP or OA serves), platform layers (chapter 9, bottom to top), a system's
# state now and what it becomes.
SYSTEM_DOMAINS: tuple[Option, ...] = (
    _o("design", "研发设计", "R&D and design", "7.1"),
    _o("production", "生产制造", "Production", "7.3"),
    _o("quality", "质量管理", "Quality", "7.3.3"),
    _o("supply_chain", "采购供应与物流", "Procurement and logistics", "7.4.3"),
    _o("sales_service", "营销与服务", "Sales and service", "7.4.1"),
    _o("management", "经营管理", "Business management", "7.4"),
    _o("common", "跨领域共享", "Shared across domains", "9"),
)
PLATFORM_LAYERS: tuple[Option, ...] = (
    _o("infrastructure", "基础架构平台", "Infrastructure platform", "9.1"),
    _o("iot", "物联网平台", "IoT platform", "9.2"),
    _o("application", "应用服务平台", "Application services", "9.4"),
    _o("integration", "平台集成", "Platform integration", "9.4"),
    _o("data", "数据服务平台", "Data services platform", "9.3"),
)
SYSTEM_STATUSES: tuple[Option, ...] = (
    _o("none", "无", "None"),
    _o("partial", "部分应用", "Partly in use"),
    _o("in_use", "在用", "In use"),
)
SYSTEM_TARGETS: tuple[Option, ...] = (
    _o("keep", "保留", "Keep"),
    _o("upgrade", "升级", "Upgrade"),
    _o("new", "新建", "New"),
    _o("retire", "停用", "Retire"),
)
# The project risk register: what a risk concerns, and how far its response has come.
RISK_CATEGORIES: tuple[Option, ...] = (
    _o("strategy", "战略与领导", "Strategy and leadership", "6.1.1"),
    _o("organization", "组织与人员", "Organization and people", "6.3.1"),
    _o("technology", "技术与数据", "Technology and data", "9.4"),
    _o("delivery", "项目交付", "Project delivery", "6.2.2"),
    _o("finance", "财务", "Finance", "5.2.j"),
    _o("security", "安全与合规", "Security and compliance", "6.1.6.e"),
)
RISK_STATUSES: tuple[Option, ...] = (
    _o("open", "未处理", "Open"),
    _o("mitigating", "应对中", "Mitigating"),
    _o("closed", "已关闭", "Closed"),
)
RISK_SCALE = (1, 5)  # probability and impact


def codes(options: tuple[Option, ...]) -> tuple[str, ...]:
    return tuple(o.code for o in options)


def label(options: tuple[Option, ...], code: str, lang: str) -> str:
    for o in options:
        if o.code == code:
            return o.label.get(lang)
    return code
