"""The target blueprint's register seeded from the client profile, and its checks.

The profile lists the systems the client runs ("ERP", "MES", "用友U8"…); each one not yet in
the register becomes a system in use, kept, placed in the domain and layer its name suggests
for the consultant to correct.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from dtbench.errors import QT_TRANSLATE_NOOP
from dtbench.plan.checks import Problem
from dtbench.plan.records import Integration, PlanItem, System

# (pattern, domain, layer), most specific first: "数据中台" is data, not "台账".
_KNOWN: tuple[tuple[str, str, str], ...] = (
    (r"SCADA|DCS|PLC|DNC|MDC|IIoT|IoT|物联网|联网|数采|数据采集", "production", "iot"),
    (r"ESB|EAI|iPaaS|集成平台|中间件|接口平台", "common", "integration"),
    (r"MDM|主数据", "common", "data"),
    (r"BI|DW|数据仓库|数据平台|数据中台|大数据|报表|看板|驾驶舱", "common", "data"),
    (r"IDC|云|机房|服务器|网络|防火墙|存储|备份|虚拟化", "common", "infrastructure"),
    (r"PLM|PDM|CAD|CAE|CAPP|CAM|研发|设计", "design", "application"),
    (r"QMS|LIMS|SPC|质量|检验|追溯", "quality", "application"),
    (r"APS|排产|排程", "production", "application"),
    (r"MES|MOM|EAM|TPM|设备管理|生产", "production", "application"),
    (r"WMS|TMS|SRM|SCM|仓储|仓库|物流|采购|供应链", "supply_chain", "application"),
    (r"CRM|DMS|SFA|营销|销售|客户|售后|服务", "sales_service", "application"),
    (r"ERP|U8|NC|SAP|金蝶|用友|财务|OA|HR|HRM|EHR|人力|办公|协同", "management", "application"),
)
_LATIN = re.compile(r"[A-Za-z]")


def _matches(pattern: str, name: str) -> bool:
    for word in pattern.split("|"):
        if _LATIN.match(word):
            # an acronym as a word of its own: "HR" is not in "CHROME", "NC" not in "SYNC"
            if re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", name, re.IGNORECASE):
                return True
        elif word in name:
            return True
    return False


def place(name: str) -> tuple[str, str]:
    """(domain, layer) a system's name suggests; business management's application when
    nothing is recognised."""
    for pattern, domain, layer in _KNOWN:
        if _matches(pattern, name):
            return domain, layer
    return "management", "application"


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


def _known(name: str, registered: Sequence[str]) -> bool:
    """Whether the profile's ``name`` is in the register already: "ERP" is "用友U8 ERP",
    "OA" is "泛微OA"; a longer name is the same name written with other spaces or case."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9/+-]*", name):
        return any(_matches(name, other) for other in registered)
    key = _key(name)
    return any(key == _key(other) or key in _key(other) for other in registered)


def propose_systems(existing: Iterable[str], register: Iterable[System]) -> list[System]:
    """A system in use, kept, for each of the profile's ``existing`` systems not in the
    ``register`` yet (an acronym found as a word of a registered name counts as there; each
    name once), placed in the domain and layer its name suggests."""
    registered = [s.name for s in register]
    out: list[System] = []
    for raw in existing:
        name = " ".join(raw.split())
        if not name or _known(name, registered):
            continue
        registered.append(name)
        domain, layer = place(name)
        out.append(System(name=name, domain=domain, layer=layer, now="in_use", target="keep"))
    return out


def phase_of(
    system: System, phases: Sequence[PlanItem], initiatives: Sequence[PlanItem] = ()
) -> str:
    """The uuid of the phase a system changes in: its own, else its initiative's; "" when
    neither names a phase that exists."""
    known = {p.uuid for p in phases}
    if system.phase in known:
        return system.phase
    for item in initiatives:
        if item.uuid == system.initiative and item.record.phase in known:
            return str(item.record.phase)
    return ""


CONTEXT = "PlanCheck"
UNKNOWN_SYSTEM_PHASE = QT_TRANSLATE_NOOP(
    "PlanCheck", "System “%1” belongs to a phase that no longer exists."
)
UNKNOWN_SYSTEM_INITIATIVE = QT_TRANSLATE_NOOP(
    "PlanCheck", "System “%1” refers to an initiative that no longer exists."
)
OTHER_PHASE = QT_TRANSLATE_NOOP(
    "PlanCheck", "System “%1” is placed in phase “%2”, but its initiative “%3” is in phase “%4”."
)
NOTHING_TO_KEEP = QT_TRANSLATE_NOOP(
    "PlanCheck", "System “%1” does not exist today: it cannot be kept, upgraded or retired."
)
NO_PHASE = QT_TRANSLATE_NOOP(
    "PlanCheck", "System “%1” is to be built, upgraded or retired but has no phase."
)
LOST_LINK = QT_TRANSLATE_NOOP(
    "PlanCheck", "An integration link (%1) connects a system that is no longer in the register."
)

LINK_TO_NOTHING = QT_TRANSLATE_NOOP(
    "PlanCheck", "The link “%1” is said to work today, but system “%2” does not exist yet."
)


def check_blueprint(
    systems: Sequence[PlanItem],
    links: Sequence[PlanItem],
    phases: Sequence[PlanItem],
    initiatives: Sequence[PlanItem],
) -> list[Problem]:
    """What a reader of the blueprint would trip over: references to removed phases,
    initiatives or systems, a system placed in another phase than its initiative, a system
    kept that does not exist, a change without a phase, a link said to work today with a
    system that does not exist yet."""
    problems: list[Problem] = []
    phase_names = {p.uuid: p.record.name for p in phases}
    by_initiative = {i.uuid: i.record for i in initiatives}
    names = {s.uuid: s.record.name for s in systems}
    missing_today = {s.uuid for s in systems if s.record.now == "none"}
    for item in systems:
        system: System = item.record
        if system.phase and system.phase not in phase_names:
            problems.append(Problem(UNKNOWN_SYSTEM_PHASE, (system.name,), item.uuid))
        if system.initiative and system.initiative not in by_initiative:
            problems.append(Problem(UNKNOWN_SYSTEM_INITIATIVE, (system.name,), item.uuid))
        initiative = by_initiative.get(system.initiative)
        if (
            initiative is not None
            and system.phase in phase_names
            and initiative.phase in phase_names
            and initiative.phase != system.phase
        ):
            problems.append(
                Problem(
                    OTHER_PHASE,
                    (
                        system.name,
                        phase_names[system.phase],
                        initiative.title,
                        phase_names[initiative.phase],
                    ),
                    item.uuid,
                )
            )
        if system.now == "none" and system.target in ("keep", "upgrade", "retire"):
            problems.append(Problem(NOTHING_TO_KEEP, (system.name,), item.uuid))
        if system.target != "keep" and not system.phase and not system.initiative:
            problems.append(Problem(NO_PHASE, (system.name,), item.uuid))
    for item in links:
        link: Integration = item.record
        if link.source not in names or link.target not in names:
            shown = link.flow or "—"
            problems.append(Problem(LOST_LINK, (shown,), item.uuid))
        elif link.now != "none":
            for end in (link.source, link.target):
                if end in missing_today:
                    shown = link.flow or f"{names[link.source]} → {names[link.target]}"
                    problems.append(Problem(LINK_TO_NOTHING, (shown, names[end]), item.uuid))
                    break
    return problems
