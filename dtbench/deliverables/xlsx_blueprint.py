"""The Excel plan's "Systems" sheet: the target blueprint's register of systems (the same
columns as the proposal's table) and the integration links below it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dtbench.deliverables.xlsx_book import FIRST_ROW, HEADER_ROW, Col, option_label
from dtbench.guide.model import Text
from dtbench.plan import catalogue as cat
from dtbench.plan.blueprint import phase_of
from dtbench.plan.records import Integration, System
from dtbench.reports.blueprint_charts import phase_tags

if TYPE_CHECKING:
    from dtbench.deliverables.xlsx_book import WorkbookWriter

TEXTS: dict[str, Text] = {
    "note": Text(
        "目标蓝图的系统清单：业务领域取自指南第7章，平台层级取自第9章；“目标”列可从下拉列表中选择。",
        "The target blueprint's register: domains from the guide's chapter 7, platform layers "
        "from chapter 9; the Target column takes a value from its drop-down list.",
    ),
    "no": Text("编号", "No."),
    "system": Text("系统", "System"),
    "domain": Text("业务领域", "Domain"),
    "layer": Text("平台层级", "Layer"),
    "now": Text("现状", "Now"),
    "target": Text("目标", "Target"),
    "phase": Text("阶段", "Phase"),
    "initiative": Text("举措", "Initiative"),
    "notes": Text("说明", "Notes"),
    "links": Text("集成链路", "Integration links"),
    "from": Text("来源系统", "From"),
    "to": Text("目标系统", "To"),
    "flow": Text("传递的数据", "What flows"),
    "no_systems": Text("尚未登记系统。", "No system has been registered yet."),
    "no_links": Text("尚未登记集成链路。", "No integration link has been registered yet."),
}


def _t(book: WorkbookWriter, key: str) -> str:
    return TEXTS[key].get(book.lang)


def sheet_systems(book: WorkbookWriter) -> None:
    """The register, then the links (two rows below it)."""
    c = book.c
    lang = book.lang
    ws = book.sheet("systems", "title_systems", _t(book, "note"))
    phases = c.items["phase"]
    initiatives = c.items["initiative"]
    tags = phase_tags(phases)
    titles = {i.uuid: f"I-{n:02d} {i.record.title}" for n, i in enumerate(initiatives, 1)}
    cols = [
        Col(_t(book, "no"), "center", 6, 7),
        Col(_t(book, "system"), "text", 14, 24),
        Col(_t(book, "domain"), "center", 10, 14),
        Col(_t(book, "layer"), "center", 10, 14),
        Col(_t(book, "now"), "center", 7, 10),
        Col(_t(book, "target"), "center", 7, 10),
        Col(_t(book, "phase"), "center", 6, 12),
        Col(_t(book, "initiative"), "text", 14, 30),
        Col(_t(book, "notes"), "text", 24, 50),
    ]
    systems = c.items["system"]
    numbers = {item.uuid: f"S-{n:02d}" for n, item in enumerate(systems, 1)}
    rows = []
    for item in systems:
        s: System = item.record
        rows.append(
            (
                numbers[item.uuid],
                s.name,
                option_label(cat.SYSTEM_DOMAINS, s.domain, lang),
                option_label(cat.PLATFORM_LAYERS, s.layer, lang),
                option_label(cat.SYSTEM_STATUSES, s.now, lang),
                option_label(cat.SYSTEM_TARGETS, s.target, lang),
                tags.get(phase_of(s, phases, initiatives), ""),
                titles.get(s.initiative, ""),
                s.notes,
            )
        )
    last = book.table(ws, HEADER_ROW, cols, rows, empty=_t(book, "no_systems"))
    if rows:
        labels = [o.label.get(lang) for o in cat.SYSTEM_TARGETS]
        book.status_list(ws, labels, 6, FIRST_ROW, last)
    book.finish_list(ws, len(cols), last, freeze=f"C{FIRST_ROW}")
    top = last + 2
    book.section(ws, top, _t(book, "links"))
    names = {item.uuid: f"{numbers[item.uuid]} {item.record.name}" for item in systems}
    link_rows: list[tuple[str, ...]] = []
    for item in c.items["integration"]:
        link: Integration = item.record
        link_rows.append(
            (
                f"L-{len(link_rows) + 1:02d}",
                names.get(link.source, "—"),
                names.get(link.target, "—"),
                link.flow,
                option_label(cat.SYSTEM_STATUSES, link.now, lang),
                option_label(cat.SYSTEM_TARGETS, link.goal, lang),
                tags.get(link.phase, ""),
                link.notes,
            )
        )
    # the links' columns line up with the register's: what flows under the layer, the notes
    # over the initiative and the notes
    link_cols = [
        Col(_t(book, "no"), "center", 6, 7),
        Col(_t(book, "from"), "text", 14, 24),
        Col(_t(book, "to"), "text", 10, 14),  # no wider than the register's columns:
        Col(_t(book, "flow"), "text", 10, 14),  # its rows' heights are set already
        Col(_t(book, "now"), "center", 7, 10),
        Col(_t(book, "target"), "center", 7, 10),
        Col(_t(book, "phase"), "center", 6, 12),
        Col(_t(book, "notes"), "text", 14, 30, span=2),
    ]
    link_last = book.table(ws, top + 1, link_cols, link_rows, empty=_t(book, "no_links"))
    ws.print_area = f"A1:I{max(link_last, FIRST_ROW)}"
