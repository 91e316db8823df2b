"""Common risks of a digital-transformation programme, for the consultant to pick from.

Each is drawn from a principle or success factor of the guide (5.2 基本原则; 6.1 leadership,
governance and security; 6.2 strategy and roadmap; 6.3 organisation; 9.4 platform
integration), with a typical probability and impact and a response the consultant adapts to
the client. People's resistance to change is not here: it has its own register (6.3.2 h).
"""

from __future__ import annotations

from dataclasses import dataclass

from dtbench.guide.model import Text
from dtbench.plan.records import Risk


@dataclass(frozen=True)
class StarterRisk:
    code: str
    category: str  # catalogue.RISK_CATEGORIES
    risk: Text
    response: Text
    probability: int
    impact: int
    guide_key: str  # the guide item it comes from

    def to_risk(self, lang: str) -> Risk:
        """A risk of the engagement, in its deliverable language."""
        return Risk(
            risk=self.risk.get(lang),
            category=self.category,
            probability=self.probability,
            impact=self.impact,
            response=self.response.get(lang),
            starter=self.code,
        )


def _s(
    code: str, category: str, key: str, p: int, i: int, risk: Text, response: Text
) -> StarterRisk:
    return StarterRisk(code, category, risk, response, p, i, key)


RISK_STARTERS: tuple[StarterRisk, ...] = (
    _s(
        "leadership_attention",
        "strategy",
        "5.2.f",
        3,
        5,
        Text(
            "高层领导的关注不能持续，转型逐渐变成信息部门自己的项目",
            "Senior leaders' attention fades and the transformation becomes the IT "
            "department's own project",
        ),
        Text(
            "由总经理担任转型领导小组组长并每月主持转型例会；转型目标纳入高管年度考核；"
            "跨部门的重大事项在领导小组会议上决策。",
            "The managing director chairs the steering group and its monthly review; "
            "transformation goals enter the executives' yearly objectives; decisions that cross "
            "departments are taken in the steering group.",
        ),
    ),
    _s(
        "value_unclear",
        "strategy",
        "5.2.d",
        3,
        4,
        Text(
            "举措与业务价值脱节，投入之后看不到可衡量的回报",
            "Initiatives are not tied to business value, and the spending shows no "
            "measurable return",
        ),
        Text(
            "每项举措立项时写明要解决的业务问题和可衡量的收益，并与关键绩效指标挂钩；"
            "阶段评审时收益不达预期的举措调整或暂停。",
            "Each initiative states the business problem it solves and a measurable benefit "
            "linked to a KPI; at each phase review, initiatives that fall short are reshaped "
            "or paused.",
        ),
    ),
    _s(
        "scope_creep",
        "strategy",
        "5.2.i",
        3,
        4,
        Text(
            "目标定得过大、范围不断扩张，超出企业的承受能力",
            "Goals are set too high and the scope keeps growing beyond what the company can carry",
        ),
        Text(
            "按整体规划分阶段推进，每期开始时冻结范围；需求变更经领导小组审批；"
            "新做法先试点、见效后再推广。",
            "Work in the planned phases with the scope frozen at the start of each; changes "
            "need the steering group's approval; new ways of working are piloted before they "
            "are rolled out.",
        ),
    ),
    _s(
        "business_ownership",
        "organization",
        "5.2.g",
        4,
        4,
        Text(
            "业务部门参与不足，需求由信息部门代为提出，系统不贴合业务",
            "Business departments take little part; IT writes their requirements and the "
            "systems miss how the business works",
        ),
        Text(
            "每项举措指定业务负责人并纳入其部门考核；关键用户在需求、测试和上线阶段"
            "投入固定时间；验收由业务部门签字。",
            "Each initiative has a business owner measured on it; key users give fixed time "
            "to requirements, testing and go-live; the business department signs the "
            "acceptance.",
        ),
    ),
    _s(
        "talent",
        "organization",
        "6.1.6.h",
        4,
        3,
        Text(
            "缺少数字化人才，关键岗位依赖个别人员，人员流失即影响项目",
            "Digital skills are scarce and key roles rest on a few people; one departure "
            "stalls the work",
        ),
        Text(
            "制定数字化人才培养计划；关键岗位设A/B角；在合同中约定供应商向内部团队"
            "转移知识；核心人员设保留激励。",
            "A digital skills plan; a deputy for every key role; contracts oblige vendors to "
            "hand their knowledge to the internal team; retention incentives for core staff.",
        ),
    ),
    _s(
        "workload",
        "organization",
        "6.3.1",
        3,
        3,
        Text(
            "系统上线与生产旺季、月末结账冲突，员工负荷过重",
            "Go-lives collide with peak production and month-end closing, and staff are overloaded",
        ),
        Text(
            "上线时间避开旺季和月末；分批切换；上线期间增派支持人员，对额外工作给予补贴。",
            "Go-lives avoid the peak season and month end; switch over in batches; extra "
            "support staff during go-live and pay for the extra work.",
        ),
    ),
    _s(
        "data_quality",
        "technology",
        "6.1.6.f",
        4,
        4,
        Text(
            "物料、BOM、工艺等基础数据不准确、不统一，系统上线后无法可靠使用",
            "Master data (items, bills of materials, routings) is wrong or inconsistent, so "
            "the systems cannot be relied on after go-live",
        ),
        Text(
            "上线前开展主数据清理，明确数据标准和数据责任人；数据质量达标作为上线的"
            "准入条件；上线后定期抽查。",
            "Clean the master data before go-live with data standards and a named owner per "
            "data set; data quality is an entry criterion for go-live, checked regularly "
            "afterwards.",
        ),
    ),
    _s(
        "integration",
        "technology",
        "9.4.c",
        3,
        4,
        Text(
            "新旧系统集成困难，形成新的信息孤岛",
            "New and existing systems are hard to integrate and form new data silos",
        ),
        Text(
            "统一规划接口标准与集成方式，先定主数据和接口再选型；每个项目的验收包含"
            "集成测试；集成由信息中心统一管理。",
            "One plan for interface standards and the way systems connect, decided before "
            "choosing products; every project's acceptance includes integration tests; IT "
            "owns the integration.",
        ),
    ),
    _s(
        "vendor",
        "technology",
        "9.4.c",
        3,
        4,
        Text(
            "供应商能力不足或产品与业务不匹配，交付质量差，或被单一供应商锁定",
            "A vendor lacks capability or its product does not fit, delivery is poor, or "
            "the company is locked in to one vendor",
        ),
        Text(
            "选型时考察同行业案例并做概念验证；合同约定交付标准、数据导出和知识转移；"
            "按里程碑验收付款。",
            "Check references in the same industry and run a proof of concept before "
            "choosing; the contract sets delivery standards, data export and knowledge "
            "transfer; pay by accepted milestones.",
        ),
    ),
    _s(
        "legacy_equipment",
        "technology",
        "9.2",
        3,
        3,
        Text(
            "老旧设备无法联网，设备数据采集覆盖不足",
            "Older machines cannot be connected, so machine data covers too little of the "
            "shop floor",
        ),
        Text(
            "先做设备普查和分类；老设备加装传感器或采集网关，只采关键参数；按价值排序分批接入。",
            "Survey and classify the machines first; fit older ones with sensors or gateways "
            "for the key signals only; connect them in batches by value.",
        ),
    ),
    _s(
        "schedule",
        "delivery",
        "6.2.2",
        3,
        3,
        Text(
            "项目进度延误，相互依赖的项目彼此等待",
            "Projects slip, and projects that depend on each other wait for one another",
        ),
        Text(
            "设项目管理办公室统一管理里程碑和依赖关系；双周例会跟踪进度；"
            "关键路径上的项目预留缓冲时间。",
            "A programme office manages milestones and dependencies; a fortnightly review "
            "tracks progress; projects on the critical path keep a time buffer.",
        ),
    ),
    _s(
        "adoption",
        "delivery",
        "5.2.h",
        4,
        4,
        Text(
            "系统上线后使用率低，线下台账与系统长期并行",
            "After go-live the systems are little used and paper or spreadsheet records run "
            "alongside them",
        ),
        Text(
            "上线即停用对应的纸质台账和表格；系统使用率纳入部门考核；上线后三个月安排现场支持。",
            "Retire the matching paper and spreadsheet records at go-live; system use enters "
            "the departments' objectives; on-site support for three months after go-live.",
        ),
    ),
    _s(
        "budget",
        "finance",
        "5.2.j",
        3,
        4,
        Text(
            "投资超出预算或资金不能按期到位，项目中途停滞",
            "Costs exceed the budget or funds arrive late, and projects stall halfway",
        ),
        Text(
            "按阶段安排预算并预留约10%的不可预见费；每季度复核投资与收益；"
            "积极申请各级政府的数字化转型补助。",
            "Budget by phase with about 10 % contingency; review spending and benefits every "
            "quarter; apply for public digital-transformation grants.",
        ),
    ),
    _s(
        "cyber",
        "security",
        "6.1.6.e",
        3,
        5,
        Text(
            "设备联网、系统打通后网络安全风险上升，勒索病毒等攻击可能导致停产",
            "Connecting machines and systems raises the cyber risk; ransomware could stop "
            "production",
        ),
        Text(
            "办公网与生产网分区隔离；工控安全加固；重要系统定期备份并演练恢复；"
            "制定网络安全应急预案。",
            "Separate the office and production networks; harden the control systems; back "
            "up key systems and rehearse the restore; a cyber incident response plan.",
        ),
    ),
    _s(
        "data_leak",
        "security",
        "5.2.k",
        2,
        4,
        Text(
            "图纸、客户数据等核心数据外泄，或不符合数据安全的合规要求",
            "Drawings, customer data or other core data leak, or data handling breaks "
            "data-security rules",
        ),
        Text(
            "数据分级分类并按岗位授权；与外部合作方签署保密协议；对外数据交换经审批并留痕。",
            "Classify data and grant access by role; non-disclosure agreements with partners; "
            "data sent outside is approved and logged.",
        ),
    ),
)


def risk_starters() -> tuple[StarterRisk, ...]:
    return RISK_STARTERS
