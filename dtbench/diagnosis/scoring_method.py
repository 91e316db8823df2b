"""How a round is scored, in words: the one description of ``dtbench.diagnosis.scoring``, in
Chinese and English.

README.md ("Formulas"), the Word proposal's method section and the Excel plan's diagnosis sheet
print these texts (each deliverable in the engagement's language); a test keeps the README's
copy equal to them. Every number is taken from the constants and functions the scores use, so
a change of a status score, a threshold, the weight range or the priority formula changes the
text, and tests/test_scoring_method.py checks the rest of the wording against the code.
"""

from __future__ import annotations

from collections.abc import Sequence

from dtbench.diagnosis.scale import (
    LEVEL_THRESHOLDS,
    MAX_LEVEL,
    MIN_LEVEL,
    STATUS_NAMES,
    STATUS_SCORE,
    STATUSES,
    UNANSWERED,
)
from dtbench.diagnosis.scoring import IN_SCOPE, MAX_WEIGHT, MIN_WEIGHT, priority
from dtbench.guide.model import Text

# The formulas as written in both languages; the statements and the summary share them.
GAP_FORMULA = Text("差距 = 目标等级 − 现状等级", "gap = target level − current level")
PRIORITY_FORMULA = Text("优先级 = 权重 × ((1 + 差距)² − 1)", "priority = weight × ((1 + gap)² − 1)")


# English writes "80%" like the rest of the documents (no space before the sign).
_PCT = "%"


def _num(value: float) -> str:
    """1.0 → "1", 0.5 → "0.5"; rounded so that 0.6 × 100 reads 60."""
    return f"{round(value, 6):g}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _and(words: Sequence[str], lang: str) -> str:
    if len(words) < 2:
        return "".join(words)
    last = "和" if lang == "zh" else " and "
    first = ("、" if lang == "zh" else ", ").join(words[:-1])
    return first + last + words[-1]


def _names(statuses: Sequence[str]) -> Text:
    """The statuses' names joined: 不适用和未回答 / not applicable and unanswered."""
    return Text(
        _and([STATUS_NAMES[s].zh for s in statuses], "zh"),
        _and([STATUS_NAMES[s].en.lower() for s in statuses], "en"),
    )


def _scores() -> Text:
    """The status scores: 符合1分，部分符合0.5分，不符合0分 / met 1, partly met 0.5, not met 0."""
    return Text(
        "，".join(f"{STATUS_NAMES[s].zh}{_num(v)}分" for s, v in STATUS_SCORE.items()),
        ", ".join(f"{STATUS_NAMES[s].en.lower()} {_num(v)}" for s, v in STATUS_SCORE.items()),
    )


def _bands() -> Text:
    """The coverage bands of ``scale.suggested_level``: "below 20% → 1, 20–40% → 2, …"."""
    pct = [_num(t * 100) for t in LEVEL_THRESHOLDS]
    top = MIN_LEVEL + len(pct)
    zh = [f"低于{pct[0]}%为{MIN_LEVEL}级"]
    en = [f"below {pct[0]}{_PCT} → {MIN_LEVEL}"]
    for n in range(1, len(pct)):
        zh.append(f"{pct[n - 1]}%—{pct[n]}%为{MIN_LEVEL + n}级")
        en.append(f"{pct[n - 1]}–{pct[n]}{_PCT} → {MIN_LEVEL + n}")
    zh.append(f"{pct[-1]}%及以上为{top}级")
    en.append(f"{pct[-1]}{_PCT} and more → {top}")
    return Text("，".join(zh), ", ".join(en))


def method() -> tuple[Text, ...]:
    """The scoring method as short statements, in the order a score is computed."""
    scores = _scores()
    left_out = _names([s for s in (*STATUSES, UNANSWERED) if s not in STATUS_SCORE])
    answered_unscored = _names([s for s in STATUSES if s not in STATUS_SCORE])
    low, high, default = _num(MIN_WEIGHT), _num(MAX_WEIGHT), _num(IN_SCOPE.weight)
    bands = _bands()
    largest = MAX_LEVEL - MIN_LEVEL
    gaps = Text(
        "、".join(_num(priority(g, 1.0)) for g in range(1, largest + 1)),
        ", ".join(_num(priority(g, 1.0)) for g in range(1, largest + 1)),
    )
    none = _num(priority(0, 1.0))
    return (
        Text(
            f"只有纳入评估范围的条款参与计分；每个条款的权重为{low}—{high}（默认{default}）。",
            f"Only the clauses in scope are scored; each has a weight from {low} to {high} "
            f"(default {default}).",
        ),
        Text(
            f"检查项（条目和子条目）得分：{scores.zh}；{left_out.zh}的检查项不计入任何得分。",
            f"Checkpoint (item or sub-item) score: {scores.en}. {_cap(left_out.en)} "
            "checkpoints are left out of every score.",
        ),
        Text(
            "条款覆盖率 = 该条款已回答且适用的检查项的平均得分（0—100%）；没有此类检查项的条款"
            "没有覆盖率，不计入各项指数。条款指数 = 覆盖率 × 100。",
            "Clause coverage = the mean score of the clause's answered, applicable checkpoints "
            f"(0–100{_PCT}); a clause without any has no coverage and is left out of the indices. "
            "Clause index = coverage × 100.",
        ),
        Text(f"覆盖率对应建议等级：{bands.zh}。", f"Suggested level from coverage: {bands.en}."),
        Text(
            "现状等级 = 顾问结合访谈和证据设定的等级；未设定时取建议等级。",
            "Current level = the consultant's level, set from interviews and evidence; while "
            "none is set, the suggested level.",
        ),
        Text(
            f"{GAP_FORMULA.zh}；没有目标等级的条款没有差距。",
            f"{_cap(GAP_FORMULA.en)}; a clause without a target level has no gap.",
        ),
        Text(
            f"{PRIORITY_FORMULA.zh}，差距为负时按0计：没有差距为{none}，差距为1—{largest}级时"
            f"分别为{gaps.zh}，因此一个大的差距优先于若干小的差距；权重为2的条款相当于两个"
            "同样的条款。优先级相同时，差距大的在前，其次覆盖率低的在前，再按指南顺序。",
            f"{_cap(PRIORITY_FORMULA.en)}, a negative gap counting as 0: {none} without a gap, "
            f"then {gaps.en} for gaps of 1–{largest} levels, so one large gap outranks several "
            "small ones; a clause weighted 2 counts like two such clauses. Ties are broken by "
            "the larger gap, then the lower coverage, then the guide's order.",
        ),
        Text(
            "领域指数和总体指数 = 纳入评估范围且有覆盖率的条款的指数按权重的加权平均（权重在这些"
            "条款之间重新归一）。领域和总体的现状等级、目标等级同样按权重加权平均，取有相应等级的"
            "条款。",
            "Area index and overall index = the weighted mean of the clause indices over the "
            "in-scope clauses that have a coverage (weights re-normalised over those clauses). "
            "The current and target levels of an area and overall are weighted means of the "
            "clause levels in the same way, over the clauses that have such a level.",
        ),
        Text(
            f"完成率 = 已回答的检查项数（含{answered_unscored.zh}）÷ 纳入评估范围的条款的"
            "检查项总数。",
            f"Completion = answered checkpoints ({answered_unscored.en} included) ÷ all "
            "checkpoints of the in-scope clauses.",
        ),
    )


def summary() -> Text:
    """The formulas in one line, for a sheet's note."""
    scores = _scores()
    return Text(
        f"{GAP_FORMULA.zh}；{PRIORITY_FORMULA.zh}；"
        f"覆盖率 = 已回答且适用的检查项的平均得分（{scores.zh}）。",
        f"{_cap(GAP_FORMULA.en)}; {PRIORITY_FORMULA.en}; coverage = mean score of the "
        f"answered, applicable checkpoints ({scores.en}).",
    )
