"""The blueprint diagram: platform layers (rows, infrastructure at the bottom) × business
domains (columns), each system a box in its cell, coloured by what it becomes (keep, upgrade,
new, retire) or, for today's landscape, by how far it is in use; the phase as a small label.

Shared by the Blueprint step and the proposal; labels come translated. matplotlib is loaded
only when a chart is built (in the chart workers).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dtbench.plan.records import PlanItem, System

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_WORDS = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,:;%/\-_+&'()]*")

TODAY = "today"
TARGET = "target"

# face, edge, hatch, dashed edge: apart in grayscale print too (hatch and dashes)
STYLES: dict[str, tuple[str, str, str, bool]] = {
    "keep": ("#FFFFFF", "#1F4E79", "", False),
    "upgrade": ("#BDD7EE", "#1F4E79", "", False),
    "new": ("#F8CBAD", "#C55A11", "", False),
    "retire": ("#EDEDED", "#7F7F7F", "////", True),
    "in_use": ("#BDD7EE", "#1F4E79", "", False),
    "partial": ("#FFFFFF", "#1F4E79", "", True),
    "more": ("#FFFFFF", "#BFBFBF", "", True),
}

BOX_NAME_SIZE = 7.5
BOX_TAG_SIZE = 6.5
SLOT_IN = 0.6  # height of one box's slot, inches: three lines of a name and the phase
HEADER_IN = 0.5
MAX_PER_CELL = 8  # boxes in one cell; more are counted in the last one ("+12")
PAD_X = 0.05  # of a column, each side of a box  # the domains' heading row
ROW_LABEL_SHARE = 0.12  # of the width, for the layers' names


@dataclass(frozen=True)
class Box:
    name: str
    domain: str  # a column's code
    layer: str  # a row's code
    style: str  # a key of STYLES
    tag: str = ""  # the phase, short


@dataclass(frozen=True)
class BlueprintTexts:
    today_title: str
    target_title: str
    empty: str
    legend_today: Mapping[str, str]  # in_use / partial → label
    legend_target: Mapping[str, str]  # keep / upgrade / new / retire → label


def phase_tags(phases: Sequence[PlanItem]) -> dict[str, str]:
    """A short label per phase uuid: the name's part before a colon ("一期：夯实基础" →
    "一期"), else its first characters."""
    from dtbench.reports.chart_text import truncate

    tags: dict[str, str] = {}
    for n, item in enumerate(phases, 1):
        name = " ".join(str(item.record.name).split())
        for sep in ("：", ":", " - ", "—"):
            if sep in name:
                name = name.split(sep, 1)[0].strip()
                break
        tags[item.uuid] = truncate(name, 10) or f"P{n}"
    return tags


def boxes_of(
    systems: Sequence[PlanItem],
    phases: Sequence[PlanItem],
    view: str,
    initiatives: Sequence[PlanItem] = (),
) -> list[Box]:
    """The boxes of one view: today's landscape shows what exists now (by its state), the
    target blueprint every system (by what it becomes, with the phase it changes in)."""
    from dtbench.plan.blueprint import phase_of

    tags = phase_tags(phases)
    out: list[Box] = []
    for item in systems:
        system: System = item.record
        if view == TODAY:
            if system.now == "none":
                continue
            out.append(Box(system.name, system.domain, system.layer, system.now))
        else:
            phase = phase_of(system, phases, initiatives)
            tag = tags.get(phase, "") if system.target != "keep" else ""
            out.append(Box(system.name, system.domain, system.layer, system.target, tag))
    return out


def blueprint_size(
    boxes: Sequence[Box], layers: Sequence[tuple[str, str]], width: float
) -> tuple[float, float]:
    """Inches of the diagram ``width`` wide: as tall as its fullest cells need."""
    slots = sum(_row_slots(boxes, code) for code, _label in layers)
    return width, HEADER_IN + slots * SLOT_IN + 1.1


def _longest_word(labels: Sequence[str]) -> int:
    """Display width of the longest Latin word (CJK text may break between any characters)."""
    from dtbench.reports.chart_style import text_width

    words = [w for label in labels for w in _WORDS.findall(label)]
    return max((text_width(w) for w in words), default=0)


def _row_slots(boxes: Sequence[Box], layer: str) -> int:
    counts: dict[str, int] = {}
    for box in boxes:
        if box.layer == layer:
            counts[box.domain] = counts.get(box.domain, 0) + 1
    return min(max(counts.values(), default=1), MAX_PER_CELL)


def blueprint_chart(
    boxes: Sequence[Box],
    layers: Sequence[tuple[str, str]],
    domains: Sequence[tuple[str, str]],
    legend: Sequence[tuple[str, str]],
    *,
    title: str = "",
    empty: str = "",
    size: tuple[float, float] | None = None,
) -> Figure:
    """``layers`` bottom to top and ``domains`` left to right as (code, label); ``legend``
    the (style, label) pairs to explain. A box whose domain or layer is not listed is left
    out."""
    from matplotlib.patches import Patch, Rectangle

    from dtbench.reports import chart_style as cs

    rows = list(layers)
    columns = list(domains)
    shown = [b for b in boxes if any(b.layer == c for c, _ in rows)]
    shown = [b for b in shown if any(b.domain == c for c, _ in columns)]
    width, height = size or blueprint_size(shown, rows, 6.3)
    if not shown or not columns:
        return cs.empty_chart(empty, size=(width, min(height, 3.0)))
    figure = cs.new_figure((width, height))
    cs.add_title(figure, title)
    ax = figure.add_subplot()
    ax.set_axis_off()

    # Data units: x in columns (the layers' names take the first ``share`` of the width, more
    # when a word of theirs needs it: "Infrastructure" is not cut), y in slots.
    longest = _longest_word([label for _, label in rows])
    need = (longest * cs.SMALL_SIZE * 0.6 + 10) / 72
    share = min(max(ROW_LABEL_SHARE, need / width), 0.22)
    label_w = len(columns) * share / (1 - share)
    slots = [_row_slots(shown, code) for code, _ in rows]
    header = HEADER_IN / SLOT_IN
    top = sum(slots) + header
    ax.set_xlim(-label_w, len(columns))
    ax.set_ylim(0, top)
    col_in = width * (1 - share) / len(columns)
    # a CJK character is one em wide and counts two columns: what fits in a box's width
    name_cols = max(int(col_in * (1 - 2 * PAD_X) * 72 * 0.9 / (BOX_NAME_SIZE * 0.5)), 6)
    label_cols = max(int(width * share * 72 * 0.9 / (cs.SMALL_SIZE * 0.6)), longest, 6)
    # the domains' names: smaller type when a word would not fit the column's width
    col_pt = col_in * 72 * 0.92
    heads = [label for _, label in columns]
    head_size = max(min(cs.SMALL_SIZE, col_pt / (max(_longest_word(heads), 1) * 0.6)), 6.0)
    head_cols = max(int(col_pt / (head_size * 0.6)), _longest_word(heads), 4)

    for n, (_code, label) in enumerate(columns):
        ax.text(
            n + 0.5,
            top - header / 2,
            cs.plain(cs.wrap(label, head_cols, 3)),
            ha="center",
            va="center",
            fontproperties=cs.fp(head_size, bold=True),
            color=cs.TEXT_COLOR,
            multialignment="center",
        )
    y = 0.0
    for r, ((code, label), height_slots) in enumerate(zip(rows, slots, strict=True)):
        band = cs.mix("#DDE6F0", "#FFFFFF", 0.35 if r % 2 else 0.0)
        ax.add_patch(
            Rectangle(
                (-label_w, y), label_w + len(columns), height_slots, facecolor=band, lw=0, zorder=0
            )
        )
        ax.text(
            -label_w + 0.08,
            y + height_slots / 2,
            cs.plain(cs.wrap(label, label_cols, 3)),
            ha="left",
            va="center",
            fontproperties=cs.fp(cs.SMALL_SIZE, bold=True),
            color=cs.CURRENT_COLOR,
        )
        for n, (domain, _label) in enumerate(columns):
            cell = [b for b in shown if b.layer == code and b.domain == domain]
            if len(cell) > MAX_PER_CELL:  # the picture stays a page, however long the list
                more = len(cell) - (MAX_PER_CELL - 1)
                cell = [*cell[: MAX_PER_CELL - 1], Box(f"+{more}", domain, code, "more")]
            for k, box in enumerate(cell):
                _box(ax, box, n, y + height_slots - k - 1, name_cols, Rectangle)
        y += height_slots
    for n in range(len(columns) + 1):  # white gutters between the domains
        ax.plot([n, n], [0, top - header * 0.15], color="white", lw=2.0, zorder=1)
    for line in [sum(slots[:k]) for k in range(1, len(slots))]:
        ax.plot([-label_w, len(columns)], [line, line], color="white", lw=2.0, zorder=1)
    handles = []
    for style, text in legend:
        face, edge, hatch, dashed = STYLES[style]
        handles.append(
            Patch(
                facecolor=face,
                edgecolor=edge,
                hatch=hatch,
                linestyle="--" if dashed else "-",
                label=cs.plain(text),
            )
        )
    cs.add_legend(figure, handles)
    return figure


def _box(ax: object, box: Box, column: int, bottom: float, name_cols: int, rect: type) -> None:
    from dtbench.reports import chart_style as cs

    face, edge, hatch, dashed = STYLES.get(box.style, STYLES["keep"])
    pad_x, pad_y = PAD_X, 0.1
    patch = rect(
        (column + pad_x, bottom + pad_y),
        1 - 2 * pad_x,
        1 - 2 * pad_y,
        facecolor=face,
        edgecolor=edge,
        hatch=hatch,
        linestyle="--" if dashed else "-",
        lw=0.9,
        zorder=2,
    )
    ax.add_patch(patch)  # type: ignore[attr-defined]
    name = cs.wrap(box.name, name_cols, 3)
    centre = bottom + 0.5 + (0.09 if box.tag else 0.0)
    ax.text(  # type: ignore[attr-defined]
        column + 0.5,
        centre,
        cs.plain(name),
        ha="center",
        va="center",
        fontproperties=cs.fp(BOX_NAME_SIZE),
        color=cs.TEXT_COLOR,
        multialignment="center",
        zorder=3,
        linespacing=1.15,
        bbox={"facecolor": face, "edgecolor": "none", "pad": 1.5} if hatch else None,
    )
    if box.tag:
        ax.text(  # type: ignore[attr-defined]
            column + 0.5,
            bottom + pad_y + 0.05,
            cs.plain(box.tag),
            ha="center",
            va="bottom",
            fontproperties=cs.fp(BOX_TAG_SIZE),
            color=cs.MUTED_TEXT_COLOR,
            zorder=3,
            bbox={"facecolor": face, "edgecolor": "none", "pad": 1.0} if hatch else None,
        )


def blueprint_figure(
    systems: Sequence[PlanItem],
    phases: Sequence[PlanItem],
    view: str,
    texts: BlueprintTexts,
    layers: Sequence[tuple[str, str]],
    domains: Sequence[tuple[str, str]],
    size: tuple[float, float] | None = None,
    initiatives: Sequence[PlanItem] = (),
) -> Figure:
    """One view (``TODAY`` or ``TARGET``) of the register as a diagram. Both views show the
    same domains: those any system of the register is in, in ``domains``' order."""
    used = {s.record.domain for s in systems}
    columns = [(code, label) for code, label in domains if code in used]
    boxes = boxes_of(systems, phases, view, initiatives)
    legend_texts = texts.legend_today if view == TODAY else texts.legend_target
    # only the kinds drawn are explained, in the legend's order
    styles = {b.style for b in boxes}
    legend = [(k, v) for k, v in legend_texts.items() if k in styles]
    return blueprint_chart(
        boxes,
        layers,
        columns,
        legend,
        title=texts.today_title if view == TODAY else texts.target_title,
        empty=texts.empty,
        size=size,
    )
