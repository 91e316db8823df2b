"""The Excel plan's "KPI tracking" sheet: the PMO's tool for following the indicators once the
plan runs. One row per KPI with its baseline and its target per phase as numbers (read from
the KPI texts, "≥92%" → 92), an amber tolerance, an empty "actual" column per reporting
period, and the latest actual, the target it is held against and a red/amber/green status
computed by simple formulas (IF, ISNUMBER, COUNT, ABS: the same in Excel, WPS and LibreOffice
in any locale), coloured by conditional formatting.

The periods are quarters from the first phase's start to the last phase's end (half-years or
years when a quarter a column would make more than :data:`MAX_PERIODS`); an actual is held
against the target of the phase its period ends in. Phases without dates get one column per
phase end instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Final

from openpyxl.utils import get_column_letter

from dtbench.deliverables.xlsx_book import FIRST_ROW, HEADER_ROW, Col, tint_labels, validate
from dtbench.deliverables.xlsx_cells import put_formula
from dtbench.guide.model import Text
from dtbench.plan.records import Kpi, PlanItem
from dtbench.reports.blueprint_charts import phase_tags

if TYPE_CHECKING:
    from dtbench.deliverables.xlsx_book import WorkbookWriter

MAX_PERIODS: Final = 12  # actual columns a sheet holds before coarser periods are used
TEXT_LIMIT: Final = 2000  # characters of a KPI text searched for its figure (it comes first)
TOLERANCE: Final = 10  # the amber tolerance: the gap from baseline to final target over this
UP, DOWN = "↑", "↓"  # the direction column: language-neutral, so formulas can compare it

TEXTS: Final[dict[str, Text]] = {
    "note": Text(
        "用法：在“实际”列按报告期填入实测值（按指标单位的数值，如93%填93）。状态比较最新一期"
        "实际值与该期所在阶段的目标：绿＝达到目标；黄＝未达到，但差距不超过黄灯容差；红＝差距"
        "更大；未填实际值时为空。↑ 越高越好，↓ 越低越好。目标值取自“绩效指标”表的文字，"
        "不是数值的目标留空，可自行填写；黄灯容差为基线与最终目标之差的10%（无基线时为最终"
        "目标的10%），可修改。",
        "How to use: enter each period's measured value in its Actual column (a number in "
        "the KPI's unit: 93 for 93%). Status compares the latest actual with the target of "
        "the phase that period falls in: green = target met; amber = short of it by no more "
        "than the amber tolerance; red = further off; blank until an actual is entered. "
        "↑ higher is better, ↓ lower is better. Targets are the numbers in the KPI sheet's "
        "texts; a target that is not a number is left blank for you to fill in. The amber "
        "tolerance is 10% of the gap between the baseline and the final target (10% of the "
        "final target without a baseline); change it as needed.",
    ),
    "no": Text("编号", "No."),
    "kpi": Text("指标名称", "Indicator"),
    "unit": Text("单位", "Unit"),
    "direction": Text("方向", "Better"),
    "baseline": Text("基线值", "Baseline"),
    "target_of": Text("目标：%1", "Target: %1"),
    "tolerance": Text("黄灯容差", "Amber tolerance"),
    "actual": Text("实际\n%1", "Actual\n%1"),
    "latest": Text("最新实际值", "Latest actual"),
    "target_then": Text("对应目标", "Target then"),
    "status": Text("状态", "Status"),
    "green": Text("绿", "Green"),
    "amber": Text("黄", "Amber"),
    "red": Text("红", "Red"),
    "quarter": Text("%1年Q%2", "Q%2 %1"),
    "half": Text("%1年H%2", "H%2 %1"),
    "year": Text("%1年", "%1"),
    "phase_end": Text("%1末", "end of %1"),
    "number": Text(
        "请输入数值（按指标单位，如93%填93）。",
        "Enter a number in the KPI's unit (93 for 93%).",
    ),
    "number_title": Text("数值", "Number"),
    "choose_direction": Text("请选择 ↑ 或 ↓。", "Choose ↑ or ↓."),
    "none": Text("尚未设定关键绩效指标。", "No key performance indicator has been set yet."),
    "no_phases": Text(
        "尚未划分实施阶段：目标按阶段设定，划分阶段后本表才有目标、实际值和状态列。",
        "No phases yet: targets are set by phase, so the target, actual and status columns "
        "appear once the plan has phases.",
    ),
}
STATUS_FILLS: Final = {  # fill, font colour
    "green": ("C6EFCE", "006100"),
    "amber": ("FFEB9C", "9C5700"),
    "red": ("FFC7CE", "9C0006"),
}

# ---------------------------------------------------------------- numbers in KPI texts
_NUMBER = r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d]|,\d{3})"
_SIGNED = re.compile(r"[≥≤<>]=?\s*(?:[A-Za-z¥$€]+\.?\s*)?" + _NUMBER)
_ANY = re.compile(_NUMBER)
_WIDE = str.maketrans(
    {**{chr(0xFF10 + n): str(n) for n in range(10)}, "％": "%", "．": ".", "＞": ">",
     "＜": "<", "≧": "≥", "≦": "≤", "＝": "="}
)  # fmt: skip


def _unit_head(unit: str) -> str:
    """The word a number in a KPI text stands next to: "%" for a percentage, else the
    unit's first word ("分钟/次" → "分钟", "hours a month" → "hours", "CNY million" →
    "CNY"), a plural's "s" dropped."""
    unit = unit.translate(_WIDE).strip()
    if "%" in unit:
        return "%"
    head = re.split(r"\s*/\s*|\s+", unit, maxsplit=1)[0] if unit else ""
    return head[:-1] if len(head) > 3 and head.endswith("s") else head


def kpi_number(text: str, unit: str = "") -> float | int | None:
    """The figure a KPI text states, or None: the number after a comparison sign ("≥92%",
    "每月≤35小时", "≤CNY 23 million"), else the first number written with the KPI's unit
    ("约90分钟（2026年3月）" → 90, "Plant 1 100%" → 100), else the only number of a text
    whose KPI has no unit. Years, counts and dates around it are not taken for it."""
    text = text[:TEXT_LIMIT].translate(_WIDE)
    match = _SIGNED.search(text)
    if match is None:
        head = _unit_head(unit)
        if head:
            follows = re.compile(r"\s*" + re.escape(head))
            for candidate in _ANY.finditer(text):
                start = candidate.start()
                before = text[max(0, start - len(head) - 3) : start].rstrip()
                if follows.match(text, candidate.end()) or (head != "%" and before.endswith(head)):
                    match = candidate
                    break
        else:
            found = list(_ANY.finditer(text))
            match = found[0] if len(found) == 1 else None
    if match is None:
        return None
    value = float(match.group(1).replace(",", ""))
    return int(value) if value.is_integer() else value


# ---------------------------------------------------------------- reporting periods
@dataclass(frozen=True)
class Period:
    label: str
    phase: int  # index of the phase whose target an actual of this period is held against


def _add_months(day: date, months: int) -> date:
    n = day.year * 12 + day.month - 1 + months
    return date(n // 12, n % 12 + 1, 1)


def periods(phases: list[PlanItem], t: dict[str, str]) -> list[Period]:
    """The reporting periods of the plan, each with the phase it falls in (see the module)."""
    if not phases:
        return []
    starts = [p.record.start for p in phases]
    ends = [p.record.end for p in phases]
    if any(d is None for d in starts + ends):
        tags = phase_tags(phases)
        return [Period(t["phase_end"].replace("%1", tags[p.uuid]), n) for n, p in enumerate(phases)]
    first, last = min(d for d in starts if d), max(d for d in ends if d)
    by_end = sorted(range(len(phases)), key=lambda n: ends[n] or last)
    for months, key in ((3, "quarter"), (6, "half"), (12, "year")):
        at = date(first.year, first.month - (first.month - 1) % months, 1)
        found: list[Period] = []
        while at <= last:
            following = _add_months(at, months)
            end = date.fromordinal(following.toordinal() - 1)
            phase = next((n for n in by_end if (ends[n] or last) >= end), by_end[-1])
            part = (at.month - 1) // months + 1
            label = t[key].replace("%1", str(at.year)).replace("%2", str(part))
            found.append(Period(label, phase))
            at = following
        if len(found) <= MAX_PERIODS or key == "year":
            return found[:MAX_PERIODS]  # a plan over 12 years: its first 12
    return []  # not reached


# ---------------------------------------------------------------- the sheet
def write_kpi_tracking_sheet(book: WorkbookWriter, numbers: dict[str, str]) -> None:
    """The "kpi_tracking" sheet of ``book``; ``numbers`` are the KPIs' numbers (K-01…)."""
    lang = book.lang
    t = {key: text.get(lang) for key, text in TEXTS.items()}
    c = book.c
    phases = c.items["phase"]
    kpis = c.items["kpi"]
    ws = book.sheet("kpi_tracking", "title_kpi_tracking", t["note"] if phases else t["no_phases"])
    tags = phase_tags(phases)
    spans = periods(phases, t)
    n_targets, n_actuals = len(phases), len(spans)
    cols = [
        Col(t["no"], "center", 6, 7),
        Col(t["kpi"], "text", 16, 28),
        Col(t["unit"], "center", 6, 10),
        Col(t["direction"], "center", 6, 7),
        Col(t["baseline"], "num", 8, 10),
        *(Col(t["target_of"].replace("%1", tags[p.uuid]), "num", 8, 10) for p in phases),
    ]
    if phases:
        cols += [
            Col(t["tolerance"], "num", 8, 10),
            *(Col(t["actual"].replace("%1", s.label), "num", 8, 9) for s in spans),
            Col(t["latest"], "num", 8, 10),
            Col(t["target_then"], "num", 8, 10),
            Col(t["status"], "center", 7, 8),
        ]
    rows: list[list[object]] = []
    for item in kpis:
        k = item.record
        assert isinstance(k, Kpi)
        row: list[object] = [
            numbers[item.uuid],
            k.name,
            k.unit,
            DOWN if k.direction == "down" else UP,
            kpi_number(k.baseline, k.unit),
            *(kpi_number(k.targets.get(p.uuid, ""), k.unit) for p in phases),
        ]
        if phases:
            row += [None] * (1 + n_actuals + 3)  # the tolerance and the formulas: below
        rows.append(row)
    last = book.table(ws, HEADER_ROW, cols, rows, empty=t["none"])
    if not rows or not phases:
        book.finish_list(ws, len(cols), last, freeze=f"C{FIRST_ROW}")
        return

    def letter(n: int) -> str:  # 1-based column number
        return get_column_letter(n)

    base = 5
    target_cols = list(range(base + 1, base + 1 + n_targets))
    tol = base + n_targets + 1
    actual_cols = list(range(tol + 1, tol + 1 + n_actuals))
    latest, then, status = tol + n_actuals + 1, tol + n_actuals + 2, tol + n_actuals + 3
    runs: list[tuple[int, list[int]]] = []  # consecutive periods of one phase
    for col, span in zip(actual_cols, spans, strict=True):
        if runs and runs[-1][0] == span.phase:
            runs[-1][1].append(col)
        else:
            runs.append((span.phase, [col]))
    labels = {key: t[key] for key in ("green", "amber", "red")}
    for r, row in zip(range(FIRST_ROW, last + 1), rows, strict=True):
        targets = row[base : base + n_targets]
        final = max((n for n, v in enumerate(targets) if v is not None), default=None)
        if final is not None:
            final_ref = f"{letter(target_cols[final])}{r}"
            put_formula(ws, r, tol, f"=ABS({final_ref}-{letter(base)}{r})/{TOLERANCE}")
        pick = '""'
        for col in actual_cols:  # the last period with a number wins
            ref = f"{letter(col)}{r}"
            pick = f"IF(ISNUMBER({ref}),{ref},{pick})"
        put_formula(ws, r, latest, f"={pick}")
        goal = '""'
        for phase, cols_of in runs:
            cells = f"{letter(cols_of[0])}{r}:{letter(cols_of[-1])}{r}"
            target = f"{letter(target_cols[phase])}{r}"
            goal = f'IF(COUNT({cells})>0,IF(ISNUMBER({target}),{target},""),{goal})'
        put_formula(ws, r, then, f"={goal}")
        lt, th, d, o = (f"{letter(n)}{r}" for n in (latest, then, 4, tol))
        ahead = f'({lt}-{th})*IF({d}="{DOWN}",-1,1)'  # > 0: better than the target
        put_formula(
            ws,
            r,
            status,
            f'=IF(COUNT({lt},{th})<2,"",IF({ahead}>=0,"{labels["green"]}",'
            f'IF({ahead}>=-{o},"{labels["amber"]}","{labels["red"]}")))',
        )
    for n in (latest, then):
        for r in range(FIRST_ROW, last + 1):
            ws.cell(r, n).fill = book.label_fill  # computed: not for typing in
    area = f"{letter(status)}{FIRST_ROW}:{letter(status)}{last}"
    tints = [(labels[key], fill, color) for key, (fill, color) in STATUS_FILLS.items()]
    tint_labels(ws, area, tints, bold=True)
    validate(
        ws,
        [
            f"{letter(base)}{FIRST_ROW}:{letter(tol)}{last}",
            f"{letter(actual_cols[0])}{FIRST_ROW}:{letter(actual_cols[-1])}{last}",
        ],
        type="decimal",
        operator="between",
        formula1="-1000000000000",
        formula2="1000000000000",
        allow_blank=True,
        showInputMessage=True,
        error=t["number"],
        errorTitle=t["number_title"],
        prompt=t["number"],
    )
    validate(
        ws,
        [f"D{FIRST_ROW}:D{last}"],
        type="list",
        formula1=f'"{UP},{DOWN}"',
        allow_blank=False,
        error=t["choose_direction"],
        errorTitle=t["direction"],
    )
    book.finish_list(ws, len(cols), last, freeze=f"C{FIRST_ROW}")
