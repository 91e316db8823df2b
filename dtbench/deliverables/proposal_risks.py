"""The proposal's chapter "Risks and responses" (风险与应对): one paragraph saying in words
how many risks matter and what they concern, the probability × impact matrix, and the
register ranked by score. Its fixed texts are here, in Chinese and English; the Excel sheet
and the chart use them too."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dtbench.deliverables.docx_writer import Cell, DocxWriter
from dtbench.deliverables.formats import count_words
from dtbench.guide.model import Text
from dtbench.plan import catalogue as cat
from dtbench.plan.records import PlanItem, Risk
from dtbench.plan.risks import LEVEL_NAMES, level, ranked, score
from dtbench.reports.risk_charts import RiskTexts

TEXTS: dict[str, Text] = {
    "chapter": Text("风险与应对", "Risks and responses"),
    "none": Text(
        "尚未识别项目风险。", "No project risks have been recorded for the programme yet."
    ),
    "figure": Text("风险矩阵（发生可能性 × 影响程度）", "Risk matrix (probability × impact)"),
    "table": Text("项目风险登记册（按风险值排序）", "Project risk register, ranked by score"),
    "matrix": Text("风险矩阵", "Risk matrix"),
    "probability": Text("发生可能性", "Probability"),
    "impact": Text("影响程度", "Impact"),
    "closed_legend": Text("已关闭", "Closed"),
    "empty_chart": Text("尚未识别风险。", "No risks recorded yet."),
    "no": Text("编号", "No."),
    "risk": Text("风险", "Risk"),
    "category": Text("类别", "Category"),
    "p": Text("可能性", "Prob."),
    "i": Text("影响", "Impact"),
    "score": Text("风险值", "Score"),
    "level": Text("等级", "Level"),
    "response": Text("应对措施", "Response"),
    "owner": Text("责任人", "Owner"),
    "status": Text("状态", "Status"),
    "owner_status": Text("责任人／状态", "Owner / status"),
    "concerns": Text("涉及举措：%1", "Initiatives: %1"),
    "initiatives": Text("涉及举措", "Initiatives"),
}

# Column widths (cm, adding up to the text width): English words need wider narrow columns.
WIDTHS_ZH = (1.1, 4.2, 1.5, 1.2, 0.9, 1.1, 4.5, 2.1)
WIDTHS_EN = (1.0, 4.0, 2.2, 1.2, 1.4, 1.6, 3.6, 1.6)
LEVEL_FILLS = {"high": "F8CBAD", "medium": "FFF2CC", "low": "E2EFDA"}


def _list(parts: Sequence[str], lang: str) -> str:
    """'A、B、C' / 'A, B and C' (with a serial comma once there are three)."""
    if lang != "en":
        return "、".join(parts)
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + ", and " + parts[-1]


def _categories(items: Sequence[PlanItem], lang: str) -> list[str]:
    """The categories of ``items`` (ranked worst first): the most frequent first, ties in the
    order the risks come."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.record.category] = counts.get(item.record.category, 0) + 1
    codes = sorted(counts, key=lambda c: -counts[c])  # stable: first come stays first
    labels = [cat.label(cat.RISK_CATEGORIES, c, lang) for c in codes]
    return labels if lang != "en" else [label.lower() for label in labels]


def introduction(risks: Sequence[PlanItem], lang: str) -> str:
    """The chapter's opening sentences: how many risks, how many high and what they concern,
    and how the register is kept; in the engagement's language."""
    numbered = ranked(risks)
    live = [(no, item) for no, item in numbered if item.record.status != "closed"]
    closed = len(numbered) - len(live)
    high = [(no, item) for no, item in live if level(item.record) == "high"]
    medium = [(no, item) for no, item in live if level(item.record) == "medium"]
    en = lang == "en"
    total = count_words(len(numbered), lang)
    if en:
        first = f"We have identified {total} project risk{'s' if len(numbered) != 1 else ''} "
        first += "that could hold the transformation back"
        first += f" ({count_words(closed, lang)} already closed)." if closed else "."
    else:
        first = f"我们识别出{total}项可能影响转型成效的项目风险"
        first += f"，其中{count_words(closed, lang)}项已经关闭。" if closed else "。"
    if high:
        numbers = _list([no for no, _ in high], lang)
        kinds = _categories([i for _, i in high], lang)
        areas = _list(kinds, lang) + ("等" if len(kinds) > 1 and lang != "en" else "")
        if en:
            n = len(high)
            verb = "is" if n == 1 else "are"
            second = (
                f"{count_words(n, lang).capitalize()} of the open risks {verb} high ({numbers}), "
                f"concerning {areas}; their responses come first."
            )
        else:
            second = (
                f"尚未关闭的风险中有{count_words(len(high), lang)}项为高风险（{numbers}），"
                f"涉及{areas}方面，须优先落实应对措施。"
            )
    elif medium:
        kinds = _categories([i for _, i in medium], lang)
        areas = _list(kinds, lang) + ("等" if len(kinds) > 1 and lang != "en" else "")
        second = (
            f"None is high; the medium ones concern {areas}."
            if en
            else f"目前没有高风险，中等风险主要涉及{areas}方面。"
        )
    else:
        second = (
            "" if not live else ("All open risks are low." if en else "尚未关闭的风险均为低风险。")
        )
    third = (
        "The risk matrix shows where each risk stands; the register ranks them by score "
        "(probability × impact, each rated 1 to 5) and gives each a response and an owner. "
        "The steering group should review the register every month and update it at each "
        "phase review."
        if en
        else "风险矩阵标出了各项风险所处的位置；风险登记册按风险值（发生可能性 × 影响程度，"
        "各按1～5分评定）从高到低排列，并为每项风险明确了应对措施和责任人。建议转型领导小组"
        "每月复核风险登记册，并在每个阶段评审时更新。"
    )
    return (
        " ".join(p for p in (first, second, third) if p) if en else "".join((first, second, third))
    )


def write_risks(w: DocxWriter, initiative_no: Mapping[str, str]) -> None:
    """The chapter, written with the proposal's writer ``w``; ``initiative_no`` gives the
    initiatives' numbers (I-01…) as the roadmap chapter shows them."""
    lang = w.lang

    def t(key: str, *args: str) -> str:
        text = TEXTS[key].get(lang)
        for n, value in enumerate(args, start=1):
            text = text.replace(f"%{n}", value)
        return text

    risks = list(w.c.items["risk"])
    w.chapters["risks"] = w.heading(1, t("chapter"))
    if not risks:
        w.para(t("none"))
        return
    w.para(introduction(risks, lang))
    w.figure("risks", t("figure"), max_cm=10.5)
    rows = []
    for number, item in ranked(risks):
        r: Risk = item.record
        linked = w.join(initiative_no.get(u, "") for u in r.initiatives)
        text = r.risk + ("\n" + t("concerns", linked) if linked else "")
        code = level(r)
        rows.append(
            [
                Cell(number, align="center"),
                text,
                w.label(cat.RISK_CATEGORIES, r.category),
                Cell(str(r.probability), align="center"),
                Cell(str(r.impact), align="center"),
                Cell(
                    f"{LEVEL_NAMES[code].get(lang)} {score(r)}",
                    LEVEL_FILLS[code],
                    bold=code == "high",
                    align="center",
                ),
                r.response or "—",
                f"{r.owner or '—'}\n{w.label(cat.RISK_STATUSES, r.status)}",
            ]
        )
    w.table(
        t("table"),
        [t(k) for k in ("no", "risk", "category", "p", "i", "level", "response", "owner_status")],
        rows,
        WIDTHS_EN if lang == "en" else WIDTHS_ZH,
        small=True,
    )


def risk_texts(lang: str) -> RiskTexts:
    """The matrix's labels in ``lang``."""
    return RiskTexts(
        title=TEXTS["matrix"].get(lang),
        probability=TEXTS["probability"].get(lang),
        impact=TEXTS["impact"].get(lang),
        levels=(
            LEVEL_NAMES["high"].get(lang),
            LEVEL_NAMES["medium"].get(lang),
            LEVEL_NAMES["low"].get(lang),
        ),
        closed=TEXTS["closed_legend"].get(lang),
        empty=TEXTS["empty_chart"].get(lang),
    )
