"""The five-level maturity scale and the answer statuses.

The levels follow the stages of digital transformation in GB/T 23011-2022 and
GB/T 45341-2025 (规范级, 场景级, 领域级, 平台级, 生态级); the short descriptions are ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from dtbench.guide.model import Text

Status = Literal["met", "partly", "not_met", "na"]
# The order in which statuses are offered (and the keys 1–4 that set them).
STATUSES: Final[tuple[Status, ...]] = ("met", "partly", "not_met", "na")
# An item without a status is unanswered; it is stored as "".
UNANSWERED: Final = ""
STATUS_SCORE: Final[dict[str, float]] = {"met": 1.0, "partly": 0.5, "not_met": 0.0}

STATUS_NAMES: Final[dict[str, Text]] = {
    "met": Text("符合", "Met"),
    "partly": Text("部分符合", "Partly met"),
    "not_met": Text("不符合", "Not met"),
    "na": Text("不适用", "Not applicable"),
    UNANSWERED: Text("未回答", "Unanswered"),
}


@dataclass(frozen=True)
class Level:
    number: int
    name: Text
    description: Text


MIN_LEVEL: Final = 1
MAX_LEVEL: Final = 5

LEVELS: Final[tuple[Level, ...]] = (
    Level(
        1,
        Text("规范级", "Standardised"),
        Text(
            "基本业务活动有规范和制度，主要依靠人工和单机工具，数据分散在表格和纸面上。",
            "Basic activities follow defined rules; work is mostly manual or in stand-alone "
            "tools and data sits in spreadsheets and on paper.",
        ),
    ),
    Level(
        2,
        Text("场景级", "Scenario"),
        Text(
            "在单个业务场景或部门用数字技术提升效率，系统之间基本不连通。",
            "Digital tools improve single scenarios or departments; systems are hardly "
            "connected to each other.",
        ),
    ),
    Level(
        3,
        Text("领域级", "Domain"),
        Text(
            "在一个业务领域内实现系统集成和数据共享，按领域协同优化。",
            "Systems are integrated and data is shared across a whole business domain, which "
            "is optimised as one.",
        ),
    ),
    Level(
        4,
        Text("平台级", "Platform"),
        Text(
            "建成企业级数字平台，跨领域数据贯通，用数据驱动经营决策。",
            "An enterprise-wide digital platform connects all domains; decisions are driven "
            "by data.",
        ),
    ),
    Level(
        5,
        Text("生态级", "Ecosystem"),
        Text(
            "与产业链和生态伙伴在线协同，数据成为核心要素，形成新的业务和商业模式。",
            "The enterprise collaborates online with its value chain and ecosystem; data is a "
            "core asset and new business models emerge.",
        ),
    ),
)


# Default names of rounds, in the engagement's language (they appear in deliverables).
BASELINE_NAME: Final = Text("基线评估", "Baseline assessment")
FOLLOW_UP_NAME: Final = Text("第%1次复评", "Follow-up %1")


def level(number: int) -> Level:
    if not MIN_LEVEL <= number <= MAX_LEVEL:
        raise ValueError(f"maturity level must be {MIN_LEVEL}–{MAX_LEVEL}, not {number}")
    return LEVELS[number - 1]


# Coverage (0–1) at or above each threshold suggests the level: below 20 % is level 1,
# 20–40 % level 2, 40–60 % level 3, 60–80 % level 4, 80 % and more level 5.
LEVEL_THRESHOLDS: Final[tuple[float, ...]] = (0.2, 0.4, 0.6, 0.8)


def suggested_level(coverage: float) -> int:
    """The level a clause's coverage suggests; the consultant may override it."""
    if not 0.0 <= coverage <= 1.0:
        raise ValueError(f"coverage must be within 0–1, not {coverage}")
    return MIN_LEVEL + sum(coverage >= t for t in LEVEL_THRESHOLDS)


def index_text(value: float | None) -> str:
    """An index (0–100) as every screen, chart and document shows it: whole points ("29"),
    "—" when there is none. One rounding everywhere, so the ring, the text and the app agree."""
    if value is None or value != value:  # None or NaN
        return "—"
    text = f"{value:.0f}"
    return "0" if text == "-0" else text
