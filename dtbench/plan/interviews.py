"""The interview plan: interviews are fieldwork records of kind "interview" with a status,
date, time, place and the clauses to cover. Suggested from the engagement's scope and the
client's contacts: each clause concerns a function of the company (``CLAUSE_ROLES``); a
contact whose role names that function is interviewed on it, and a function nobody on the
contact list holds gets an interview with the role as a placeholder for the consultant to
name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from dtbench.engagement.records import ContactRecord
from dtbench.guide.model import Text
from dtbench.plan.records import Fieldwork, PlanItem
from dtbench.store.database import Store


@dataclass(frozen=True)
class Function:
    """A function of the client the guide's clauses concern: who to interview on them."""

    code: str
    placeholder: Text  # the role named until the consultant knows the person
    words: tuple[str, ...]  # any of these in a contact's role (case ignored) …
    unless: tuple[str, ...] = ()  # … unless one of these is there too


FUNCTIONS: Final[tuple[Function, ...]] = (
    Function(
        "leadership",
        Text("总经理", "General manager"),
        (
            "董事长",
            "总经理",
            "总裁",
            "ceo",
            "general manager",
            "managing director",
            "president",
            "chairman",
        ),
        ("副", "vice", "deputy", "assistant"),
    ),
    Function(
        "strategy",
        Text("战略规划负责人", "Head of strategy"),
        ("战略", "规划", "企划", "strategy", "planning director"),
    ),
    Function(
        "hr",
        Text("人力资源负责人", "Head of HR"),
        ("人力", "人事", "hr", "human resources", "people"),
    ),
    Function(
        "rnd",
        Text("研发负责人", "Head of R&D"),
        ("研发", "技术", "设计", "工艺", "r&d", "engineering", "design", "technology"),
        ("信息技术", "information technology"),
    ),
    Function(
        "equipment",
        Text("设备负责人", "Head of equipment"),
        ("设备", "equipment", "maintenance"),
    ),
    Function(
        "production",
        Text("生产负责人", "Head of production"),
        ("生产", "制造", "厂长", "车间", "production", "manufacturing", "plant", "operations"),
    ),
    Function(
        "quality",
        Text("质量负责人", "Head of quality"),
        ("质量", "品质", "质检", "quality"),
    ),
    Function(
        "sales",
        Text("销售负责人", "Head of sales"),
        ("销售", "市场", "营销", "sales", "marketing"),
    ),
    Function(
        "procurement",
        Text("采购负责人", "Head of procurement"),
        ("采购", "供应", "purchasing", "procurement", "supply"),
    ),
    Function(
        "logistics",
        Text("物流仓储负责人", "Head of logistics"),
        ("物流", "仓储", "仓库", "logistics", "warehouse"),
    ),
    Function(
        "service",
        Text("售后服务负责人", "Head of after-sales service"),
        ("售后", "客服", "服务", "after-sales", "service"),
    ),
    Function(
        "operations",
        Text("运营管理负责人", "Head of operations management"),
        ("运营", "经营", "企管", "operations management", "business management"),
    ),
    Function(
        "it",
        Text("信息化负责人", "Head of IT"),
        ("信息", "数字化", "it", "cio", "information", "digital"),
    ),
)

# Guide clause (or its group, or its area) → the function interviewed on it; the longest
# key that begins a clause's key wins. Chapter 5 is the leadership's (principles and
# criteria are decided at the top), 6.1 leadership, 6.2 strategy, 6.3 organization and
# culture, 7.1 design, 7.2–7.3 production with equipment and quality, 7.4 the management
# functions, 7.5 the ecosystem's partners, 8 the business's results (operations, the
# products and services themselves), 9 IT.
CLAUSE_ROLES: Final[Mapping[str, str]] = {
    "5": "leadership",
    "6.1": "leadership",
    "6.2": "strategy",
    "6.3": "hr",
    "7.1": "rnd",
    "7.2": "equipment",
    "7.2.2": "quality",
    "7.3": "production",
    "7.3.3": "quality",
    "7.4.1": "sales",
    "7.4.2": "production",
    "7.4.3": "procurement",
    "7.4.4": "logistics",
    "7.4.5": "service",
    "7.5.1": "procurement",
    "7.5.2": "rnd",
    "8.1": "operations",
    "8.2": "operations",
    "8.3.1": "rnd",
    "8.3.2": "service",
    "9": "it",
}

BY_CODE: Final[Mapping[str, Function]] = {f.code: f for f in FUNCTIONS}


def function_of(clause_key: str) -> Function | None:
    """The function interviewed on ``clause_key`` (the longest matching key of
    ``CLAUSE_ROLES``), None for a clause the table does not place."""
    parts = clause_key.split(".")
    for n in range(len(parts), 0, -1):
        code = CLAUSE_ROLES.get(".".join(parts[:n]))
        if code is not None:
            return BY_CODE[code]
    return None


def holds(function: Function, role: str) -> bool:
    """Whether a contact's ``role`` names ``function``."""
    text = role.casefold()
    if any(word in text for word in function.unless):
        return False
    return any(_has_word(text, word) for word in function.words)


def _has_word(text: str, word: str) -> bool:
    """Chinese words are found anywhere; a Latin word only as a word ("it" is not in
    "quality")."""
    if not word.isascii():
        return word in text
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(word, start + 1)
    return False


def interviews(items: Iterable[PlanItem]) -> list[PlanItem]:
    """The interview plan: the fieldwork items that are interviews, in their order."""
    return [i for i in items if isinstance(i.record, Fieldwork) and i.record.kind == "interview"]


def suggest_interviews(
    clauses: Sequence[str],
    contacts: Sequence[ContactRecord],
    existing: Iterable[Fieldwork] = (),
    lang: str = "zh",
) -> list[Fieldwork]:
    """Planned interviews for the ``clauses`` in scope (guide order) that no planned or
    held interview covers yet: one per contact holding a function they concern, with all
    of its clauses; one per function nobody holds, the role as the placeholder name.
    A person (or placeholder) already in the plan is not suggested again."""
    kept = [f for f in existing if f.kind == "interview" and f.status != "cancelled"]
    covered = {key for f in kept for key in f.clauses}
    planned_names = {f.subject.strip() for f in existing if f.kind == "interview"}
    found: dict[tuple[str, str], list[str]] = {}  # (name, role) → clauses
    for key in clauses:
        function = function_of(key)
        if function is None or key in covered:
            continue
        contact = next((c for c in contacts if c.name.strip() and holds(function, c.role)), None)
        who = (
            (contact.name.strip(), contact.role.strip())
            if contact is not None
            else (function.placeholder.get(lang), function.placeholder.get(lang))
        )
        found.setdefault(who, []).append(key)
    return [
        Fieldwork(
            kind="interview",
            subject=name,
            role=role,
            clauses=tuple(keys),
            status="planned",
            minutes=min(120, 30 + 15 * len(keys)),
        )
        for (name, role), keys in found.items()
        if name not in planned_names
    ]


def suggest_for(store: Store, engagement: str) -> list[Fieldwork]:
    """:func:`suggest_interviews` for the engagement: its clauses in scope, its client's
    contacts, its interview plan, in its language."""
    from dtbench.diagnosis.service import get_scope
    from dtbench.engagement.service import get_profile
    from dtbench.guide import load_guide
    from dtbench.plan.service import list_items

    scope = get_scope(store, engagement)
    keys = [c.key for c in load_guide().clauses() if c.key not in scope or scope[c.key].in_scope]
    profile = get_profile(store, engagement)
    existing = [i.record for i in interviews(list_items(store, engagement, "fieldwork"))]
    return suggest_interviews(keys, profile.contacts, existing, profile.language)
