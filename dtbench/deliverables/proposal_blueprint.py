"""The proposal's target blueprint (总体蓝图): what the register of systems keeps, upgrades,
builds and retires, phase by phase; today's landscape beside the target blueprint; the
register; the integration links 9.4 asks for. Also the two diagrams as chart jobs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from dtbench.deliverables.content import Content
from dtbench.guide.model import Text
from dtbench.plan import catalogue as cat
from dtbench.plan.blueprint import phase_of
from dtbench.plan.records import Integration, System
from dtbench.reports.blueprint_charts import (
    TARGET,
    TODAY,
    BlueprintTexts,
    blueprint_figure,
    blueprint_size,
    boxes_of,
    phase_tags,
)
from dtbench.reports.raster import png

if TYPE_CHECKING:
    from dtbench.deliverables.docx_writer import DocxWriter

FIGURES = {TODAY: "blueprint_today", TARGET: "blueprint_target"}
WIDTH = 6.3  # inches: an A4 page's text width

TEXTS: dict[str, Text] = {
    "blueprint": Text("目标蓝图", "Target blueprint"),
    "none": Text(
        "目标蓝图尚未编制：登记现有和规划中的系统后，本章将对照现状绘出目标架构。",
        "The target blueprint is not drawn up yet: once the existing and planned systems are "
        "registered, this chapter sets the target architecture beside today's.",
    ),
    "intro": Text(
        "目标蓝图按照指南第9章数字技术平台的层次（基础架构平台、物联网平台、应用服务平台、"
        "数据服务平台和平台集成），对照第7章的业务领域，描绘%1的系统现状与目标架构。",
        "The target blueprint follows the layers of the guide's digital technology platform "
        "(chapter 9: infrastructure, IoT, application services, data services and platform "
        "integration) across the business domains of chapter 7, and sets %1's systems today "
        "beside the target architecture.",
    ),
    "plan": Text("蓝图涵盖%1个系统：%2。", "It covers %1 systems: %2."),
    "keep": Text("保留%1个", "%1 kept as they are"),
    "upgrade": Text("升级%1个", "%1 upgraded"),
    "new": Text("新建%1个", "%1 built new"),
    "retire": Text("停用%1个", "%1 retired"),
    "new_ones": Text("新建的系统包括%1。", "The new systems are %1."),
    "retire_ones": Text("%1将在替代系统上线后停用。", "%1 will be retired once replaced."),
    "empty_layer": Text(
        "目前%1尚属空白，目标蓝图在这一层规划了%2。",
        "Today the %1 layer is empty; the target blueprint plans %2 there.",
    ),
    "by_phase": Text(
        "各阶段的系统建设安排如下：", "Phase by phase, the systems change as follows:"
    ),
    "phase_line": Text("%1：%2。", "%1: %2."),
    "built": Text("新建%1", "build %1"),
    "upgraded": Text("升级%1", "upgrade %1"),
    "retired": Text("停用%1", "retire %1"),
    "no_phase": Text("未定阶段", "Not yet phased"),
    "integration": Text("系统集成", "Integration"),
    "principle": Text(
        "系统集成遵循指南9.4的原则：统一规划、积极稳妥、成熟一个集成一个。横向上连通同一层次的"
        "业务系统，纵向上确保设备和车间的数据能够上传、管理指令能够下达。",
        "Integration follows the principles of the guide's 9.4: one overall plan, steady "
        "progress, and each system integrated once it is mature. Horizontally, the business "
        "systems of one level are connected; vertically, data from machines and the shop floor "
        "flows up and management's instructions flow down.",
    ),
    "platform": Text(
        "%1统一承载系统间的接口，取代点对点的人工导入导出。",
        "%1 carries the interfaces between systems, replacing manual point-to-point imports "
        "and exports.",
    ),
    "links": Text(
        "蓝图规划了%1条集成链路，其中%2条目前已部分打通，其余%3条需新建。",
        "The blueprint plans %1 integration links; %2 of them partly work today, the other "
        "%3 are to be built.",
    ),
    "links_all_new": Text(
        "蓝图规划了%1条集成链路，目前均需新建。",
        "The blueprint plans %1 integration links, none of which exists today.",
    ),
    "fig_today": Text("现状系统架构", "Today's system landscape"),
    "fig_target": Text("目标蓝图", "Target blueprint"),
    "register": Text("系统清单", "Register of systems"),
    "register_where": Text(
        "各系统的业务领域、平台层级、现状、目标和实施阶段见附录%1的系统清单。",
        "Appendix %1 lists every system with its domain, platform layer, status today, target "
        "and phase.",
    ),
    "links_table": Text("集成链路", "Integration links"),
    "system": Text("系统", "System"),
    "domain": Text("业务领域", "Domain"),
    "layer": Text("平台层级", "Layer"),
    "now": Text("现状", "Now"),
    "target": Text("目标", "Target"),
    "phase": Text("阶段", "Phase"),
    "notes": Text("说明", "Notes"),
    "from": Text("来源系统", "From"),
    "to": Text("目标系统", "To"),
    "flow": Text("传递的数据", "What flows"),
    "empty_view": Text("尚无系统。", "No systems yet."),
}


def texts(lang: str) -> BlueprintTexts:
    """The diagrams' labels in ``lang``."""
    return BlueprintTexts(
        today_title=TEXTS["fig_today"].get(lang),
        target_title=TEXTS["fig_target"].get(lang),
        empty=TEXTS["empty_view"].get(lang),
        legend_today={o.code: o.label.get(lang) for o in cat.SYSTEM_STATUSES if o.code != "none"},
        legend_target={o.code: o.label.get(lang) for o in cat.SYSTEM_TARGETS},
    )


def axes(lang: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The layers (bottom to top) and the domains, labelled in ``lang``."""
    return (
        [(o.code, o.label.get(lang)) for o in cat.PLATFORM_LAYERS],
        [(o.code, o.label.get(lang)) for o in cat.SYSTEM_DOMAINS],
    )


def blueprint_jobs(content: Content, dpi: float) -> dict[str, Callable[[], bytes]]:
    """The two diagrams as chart jobs (name → job returning PNG bytes); none without systems."""
    systems = content.items["system"]
    if not systems:
        return {}
    phases = content.items["phase"]
    layers, domains = axes(content.lang)
    jobs: dict[str, Callable[[], bytes]] = {}
    for view, name in FIGURES.items():
        size = blueprint_size(boxes_of(systems, phases, view), layers, WIDTH)
        jobs[name] = partial(
            png,
            blueprint_figure,
            systems,
            phases,
            view,
            replace(texts(content.lang), today_title="", target_title=""),  # the caption says
            layers,
            domains,
            size,
            content.items["initiative"],
            dpi=dpi,
        )
    return jobs


def _t(writer: DocxWriter, key: str, *args: object) -> str:
    return TEXTS[key].filled(writer.lang, *args)


def _sentences(writer: DocxWriter, sentences: Sequence[str]) -> str:
    """Sentences as one paragraph: Chinese runs them together, English puts a space."""
    return ("" if writer.lang == "zh" else " ").join(sentences)


def _names(writer: DocxWriter, systems: Sequence[System]) -> str:
    return writer.join(s.name for s in systems)


def write_blueprint(writer: DocxWriter, content: Content) -> str:
    """The chapter (level 1); returns its number."""
    systems = [i.record for i in content.items["system"] if isinstance(i.record, System)]
    number = writer.heading(1, _t(writer, "blueprint"))
    if not systems:
        writer.para(_t(writer, "none"))
        return number
    writer.para(_t(writer, "intro", content.profile.client_name))
    _summary(writer, systems)
    _phases(writer, content, systems)
    writer.figure(FIGURES[TODAY], _t(writer, "fig_today"), max_height_cm=12.0)
    writer.figure(FIGURES[TARGET], _t(writer, "fig_target"))
    where = writer.appendix_letter("supporting")
    if where:
        writer.para(_t(writer, "register_where", where))
    else:  # no appendix to hold it: the register follows the diagrams
        write_register(writer, content, heading=False)
    _integration(writer, content)
    return number


def _summary(writer: DocxWriter, systems: Sequence[System]) -> None:
    parts = []
    for code in ("keep", "upgrade", "new", "retire"):
        count = sum(1 for s in systems if s.target == code)
        if count:
            parts.append(_t(writer, code, count))
    sentences = [_t(writer, "plan", len(systems), writer.join(parts))]
    new = [s for s in systems if s.target == "new"]
    if new:
        sentences.append(_t(writer, "new_ones", _names(writer, new)))
    retired = [s for s in systems if s.target == "retire"]
    if retired:
        sentences.append(_t(writer, "retire_ones", _names(writer, retired)))
    # the layers nothing fills today: where the blueprint builds from scratch
    for option in cat.PLATFORM_LAYERS:
        layer = [s for s in systems if s.layer == option.code]
        if layer and all(s.now == "none" for s in layer):
            label = writer.label(cat.PLATFORM_LAYERS, option.code)
            if writer.lang != "zh":
                label = label[:1].lower() + label[1:]
            sentences.append(_t(writer, "empty_layer", label, _names(writer, layer)))
    writer.para(_sentences(writer, sentences))


def _phases(writer: DocxWriter, content: Content, systems: Sequence[System]) -> None:
    """One bullet per phase: what is built, upgraded and retired in it."""
    phases = content.items["phase"]
    order = [p.uuid for p in phases] + [""]
    names = {p.uuid: str(p.record.name) for p in phases}
    lines = []
    for uuid in order:
        changes = [s for s in systems if s.target != "keep" and _phase_of(s, content) == uuid]
        if not changes:
            continue
        parts = []
        for code, key in (("new", "built"), ("upgrade", "upgraded"), ("retire", "retired")):
            chosen = [s for s in changes if s.target == code]
            if chosen:
                parts.append(_t(writer, key, _names(writer, chosen)))
        sep = "；" if writer.lang == "zh" else "; "
        title = _phase_title(writer, names[uuid]) if uuid else _t(writer, "no_phase")
        lines.append(_t(writer, "phase_line", title, sep.join(parts)))
    if lines:
        writer.para(_t(writer, "by_phase"))
        for line in lines:
            writer.bullet(line)


def _phase_title(writer: DocxWriter, name: str) -> str:
    """ "一期：夯实基础" as "一期（夯实基础）", so that the line's own colon stands alone."""
    for sep in ("：", ":"):
        head, found, rest = name.partition(sep)
        if found and head.strip() and rest.strip():
            if writer.lang == "zh":
                return f"{head.strip()}（{rest.strip()}）"
            return f"{head.strip()} ({rest.strip()})"
    return name.strip()


def _phase_of(system: System, content: Content) -> str:
    return phase_of(system, content.items["phase"], content.items["initiative"])


def write_register(writer: DocxWriter, content: Content, heading: bool = True) -> None:
    """The register of systems (a part of the appendix of supporting detail)."""
    if not content.items["system"]:
        return
    if heading:
        writer.heading(2, _t(writer, "register"))
    tags = phase_tags(content.items["phase"])
    rows = []
    for item in content.items["system"]:
        s: System = item.record
        rows.append(
            (
                s.name,
                writer.label(cat.SYSTEM_DOMAINS, s.domain),
                writer.label(cat.PLATFORM_LAYERS, s.layer),
                writer.label(cat.SYSTEM_STATUSES, s.now),
                writer.label(cat.SYSTEM_TARGETS, s.target),
                tags.get(_phase_of(s, content), "—"),
                s.notes or "—",
            )
        )
    # widths (cm) that hold "Business management", "Upgrade" and "Phase" unbroken
    writer.table(
        _t(writer, "register"),
        [
            _t(writer, "system"),
            _t(writer, "domain"),
            _t(writer, "layer"),
            _t(writer, "now"),
            _t(writer, "target"),
            _t(writer, "phase"),
            _t(writer, "notes"),
        ],
        rows,
        (2.8, 2.3, 2.3, 1.6, 1.6, 1.4, 4.6),
        small=True,
    )


def _integration(writer: DocxWriter, content: Content) -> None:
    systems: dict[str, System] = {i.uuid: i.record for i in content.items["system"]}
    links = [
        i.record
        for i in content.items["integration"]
        if isinstance(i.record, Integration)
        and i.record.source in systems
        and i.record.target in systems
    ]
    platforms = [s for s in systems.values() if s.layer == "integration" and s.target != "retire"]
    if not links and not platforms:
        return
    writer.heading(2, _t(writer, "integration"))
    sentences = [_t(writer, "principle")]
    if platforms:
        sentences.append(_t(writer, "platform", _names(writer, platforms)))
    writer.para(_sentences(writer, sentences))
    if not links:
        return
    working = sum(1 for link in links if link.now != "none")
    if working:
        writer.para(_t(writer, "links", len(links), working, len(links) - working))
    else:
        writer.para(_t(writer, "links_all_new", len(links)))
    tags = phase_tags(content.items["phase"])
    writer.table(
        _t(writer, "links_table"),
        [
            _t(writer, "from"),
            _t(writer, "to"),
            _t(writer, "flow"),
            _t(writer, "now"),
            _t(writer, "target"),
            _t(writer, "phase"),
            _t(writer, "notes"),
        ],
        [
            (
                systems[link.source].name,
                systems[link.target].name,
                link.flow or "—",
                writer.label(cat.SYSTEM_STATUSES, link.now),
                writer.label(cat.SYSTEM_TARGETS, link.goal),
                tags.get(link.phase, "—"),
                link.notes or "—",
            )
            for link in links
        ],
        (2.6, 2.6, 3.0, 1.6, 1.6, 1.4, 3.8),
        small=True,
    )
