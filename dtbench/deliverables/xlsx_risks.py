"""The Excel plan's risk register sheet: one row per risk, worst first, with the score as a
formula (probability × impact) and the level following it, so the client can re-rate a risk
and see its score and level change; drop-downs keep the ratings and statuses valid."""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from dtbench.deliverables.proposal_risks import LEVEL_FILLS, TEXTS
from dtbench.deliverables.xlsx_book import (
    FIRST_ROW,
    HEADER_ROW,
    Col,
    WorkbookWriter,
    option_label,
    validate,
)
from dtbench.deliverables.xlsx_cells import put_formula
from dtbench.guide.model import Text
from dtbench.plan import catalogue as cat
from dtbench.plan.risks import HIGH, LEVEL_NAMES, MEDIUM, ranked

SHEET_TEXTS: dict[str, Text] = {
    "note": Text(
        "风险值 = 发生可能性 × 影响程度（各1～5分）；15分及以上为高风险，8～12分为中风险。"
        "修改可能性或影响后，风险值和等级随之更新。编号与建议书的风险矩阵一致。",
        "Score = probability × impact (each 1 to 5); 15 or more is high, 8 to 12 medium. "
        "Change a probability or an impact and the score and level follow. The numbers match "
        "the proposal's risk matrix.",
    ),
    "none": Text("尚未识别项目风险。", "No project risks recorded yet."),
    "rating": Text("请输入1～5的整数。", "Enter a whole number from 1 to 5."),
}

P_COL, I_COL, SCORE_COL, LEVEL_COL, STATUS_COL = 4, 5, 6, 7, 10


def write_risk_sheet(book: WorkbookWriter, numbers: dict[str, str]) -> None:
    """The "risks" sheet of ``book``; ``numbers`` are the initiatives' numbers (I-01…)."""
    lang = book.lang

    def t(key: str) -> str:
        return (SHEET_TEXTS[key] if key in SHEET_TEXTS else TEXTS[key]).get(lang)

    ws = book.sheet("risks", "title_risks", t("note"))
    cols = [
        Col(t("no"), "center", 6, 7),
        Col(t("risk"), "text", 24, 44),
        Col(t("category"), "center", 8, 12),
        Col(t("p"), "int", 7, 8),
        Col(t("i"), "int", 6, 8),
        Col(t("score"), "int", 7, 8),
        Col(t("level"), "center", 6, 8),
        Col(t("response"), "text", 30, 50),
        Col(t("owner"), "center", 8, 10),
        Col(t("status"), "center", 8, 10),
        Col(t("initiatives"), "center", 10, 16),
    ]
    order = ranked(book.c.items["risk"])
    rows = [
        (
            number,
            item.record.risk,
            option_label(cat.RISK_CATEGORIES, item.record.category, lang),
            item.record.probability,
            item.record.impact,
            None,  # the score: a formula, below
            None,  # the level: a formula, below
            item.record.response,
            item.record.owner,
            option_label(cat.RISK_STATUSES, item.record.status, lang),
            "、".join(numbers[u] for u in item.record.initiatives if u in numbers)
            if lang != "en"
            else ", ".join(numbers[u] for u in item.record.initiatives if u in numbers),
        )
        for number, item in order
    ]
    last = book.table(ws, HEADER_ROW, cols, rows, empty=t("none"))
    if not rows:
        book.finish_list(ws, len(cols), last)
        return
    p, i, s = (get_column_letter(c) for c in (P_COL, I_COL, SCORE_COL))
    high, medium, low = (LEVEL_NAMES[k].get(lang) for k in ("high", "medium", "low"))
    for row in range(FIRST_ROW, last + 1):
        put_formula(ws, row, SCORE_COL, f"={p}{row}*{i}{row}")
        put_formula(
            ws,
            row,
            LEVEL_COL,
            f'=IF({s}{row}>={HIGH},"{high}",IF({s}{row}>={MEDIUM},"{medium}","{low}"))',
        )
    # Score and level tinted by the score, as in the proposal; they follow a change too.
    area = f"{s}{FIRST_ROW}:{get_column_letter(LEVEL_COL)}{last}"
    for code, test in (
        ("high", f"${s}{FIRST_ROW}>={HIGH}"),
        ("medium", f"${s}{FIRST_ROW}>={MEDIUM}"),
        ("low", f"${s}{FIRST_ROW}<{MEDIUM}"),
    ):
        fill = PatternFill("solid", start_color=LEVEL_FILLS[code], end_color=LEVEL_FILLS[code])
        ws.conditional_formatting.add(area, FormulaRule(formula=[test], fill=fill, stopIfTrue=True))
    validate(
        ws,
        [f"{p}{FIRST_ROW}:{i}{last}"],
        type="whole",
        operator="between",
        formula1="1",
        formula2="5",
        error=t("rating"),
        errorTitle=t("score"),
    )
    labels = [o.label.get(lang) for o in cat.RISK_STATUSES]
    book.status_list(ws, labels, STATUS_COL, FIRST_ROW, last)
    book.finish_list(ws, len(cols), last, freeze=f"C{FIRST_ROW}")
