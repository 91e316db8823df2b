"""Roadmap checks: dates inside their phase, dependencies scheduled in order, no cycles; and
checks of the key findings.

Each problem is a message in the user's language (``message(translate)``) and names the
initiative it belongs to, so the UI can take the user there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dtbench.errors import QT_TRANSLATE_NOOP
from dtbench.plan.records import Finding, Initiative, Phase, PlanItem

CONTEXT = "PlanCheck"
OUTSIDE_PHASE = QT_TRANSLATE_NOOP(
    "PlanCheck", "“%1” runs from %2 to %3, outside its phase “%4” (%5 to %6)."
)
PHASE_DATES = QT_TRANSLATE_NOOP("PlanCheck", "Phase “%1” ends before it starts.")
INITIATIVE_DATES = QT_TRANSLATE_NOOP("PlanCheck", "“%1” ends before it starts.")
UNKNOWN_PHASE = QT_TRANSLATE_NOOP("PlanCheck", "“%1” belongs to a phase that no longer exists.")
UNKNOWN_DEPENDENCY = QT_TRANSLATE_NOOP(
    "PlanCheck", "“%1” depends on an initiative that no longer exists."
)
DEPENDENCY_ORDER = QT_TRANSLATE_NOOP(
    "PlanCheck", "“%1” starts on %2, before “%3”, which it depends on, ends (%4)."
)
CYCLE = QT_TRANSLATE_NOOP("PlanCheck", "Dependency cycle: %1.")
PHASE_ORDER = QT_TRANSLATE_NOOP(
    "PlanCheck", "“%1” is in phase “%2”, which comes before the phase of “%3”, which it depends on."
)


@dataclass(frozen=True)
class Problem:
    template: str
    args: tuple[str, ...]
    item: str = ""  # uuid of the initiative or phase concerned

    def message(self, translate: Callable[[str, str], str]) -> str:
        text = translate(CONTEXT, self.template)
        for n, value in enumerate(self.args, start=1):
            text = text.replace(f"%{n}", value)
        return text


def _d(value: object) -> str:
    return "—" if value is None else str(value)


def check_roadmap(phases: Sequence[PlanItem], initiatives: Sequence[PlanItem]) -> list[Problem]:
    problems: list[Problem] = []
    phase_by = {p.uuid: p.record for p in phases}
    phase_rank = {p.uuid: n for n, p in enumerate(phases)}
    init_by = {i.uuid: i.record for i in initiatives}
    for p in phases:
        ph: Phase = p.record
        if ph.start and ph.end and ph.end < ph.start:
            problems.append(Problem(PHASE_DATES, (ph.name,), p.uuid))
    for item in initiatives:
        ini: Initiative = item.record
        if ini.start and ini.end and ini.end < ini.start:
            problems.append(Problem(INITIATIVE_DATES, (ini.title,), item.uuid))
        if ini.phase:
            phase = phase_by.get(ini.phase)
            if phase is None:
                problems.append(Problem(UNKNOWN_PHASE, (ini.title,), item.uuid))
            elif (
                (ini.start and phase.start and ini.start < phase.start)
                or (ini.end and phase.end and ini.end > phase.end)
                or (ini.start and phase.end and ini.start > phase.end)
            ):
                problems.append(
                    Problem(
                        OUTSIDE_PHASE,
                        (
                            ini.title,
                            _d(ini.start),
                            _d(ini.end),
                            phase.name,
                            _d(phase.start),
                            _d(phase.end),
                        ),
                        item.uuid,
                    )
                )
        for dep_uuid in ini.depends_on:
            dep = init_by.get(dep_uuid)
            if dep is None:
                problems.append(Problem(UNKNOWN_DEPENDENCY, (ini.title,), item.uuid))
                continue
            if ini.start and dep.end and ini.start < dep.end:
                problems.append(
                    Problem(
                        DEPENDENCY_ORDER,
                        (ini.title, _d(ini.start), dep.title, _d(dep.end)),
                        item.uuid,
                    )
                )
            elif (
                ini.phase in phase_rank
                and dep.phase in phase_rank
                and phase_rank[ini.phase] < phase_rank[dep.phase]
            ):
                problems.append(
                    Problem(
                        PHASE_ORDER,
                        (ini.title, phase_by[ini.phase].name, dep.title),
                        item.uuid,
                    )
                )
    for cycle in find_cycles({i.uuid: i.record.depends_on for i in initiatives}):
        names = " → ".join(init_by[u].title for u in [*cycle, cycle[0]])
        problems.append(Problem(CYCLE, (names,), cycle[0]))
    return problems


def find_cycles(graph: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """Each dependency cycle once (as the list of its nodes), in a stable order."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(graph, WHITE)
    cycles: list[list[str]] = []
    seen: set[frozenset[str]] = set()

    def visit(node: str, path: list[str]) -> None:
        colour[node] = GREY
        path.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in graph:
                continue
            if colour[nxt] == GREY:
                cycle = path[path.index(nxt) :]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    cycles.append(cycle)
            elif colour[nxt] == WHITE:
                visit(nxt, path)
        path.pop()
        colour[node] = BLACK

    for node in graph:
        if colour[node] == WHITE:
            visit(node, [])
    return cycles


def would_cycle(graph: dict[str, tuple[str, ...]], node: str, depends_on: tuple[str, ...]) -> bool:
    """Whether giving ``node`` these dependencies would close a cycle: some dependency leads
    back to ``node``."""
    trial = dict(graph)
    trial[node] = depends_on
    seen: set[str] = set()
    stack = list(depends_on)
    while stack:
        current = stack.pop()
        if current == node:
            return True
        if current not in seen:
            seen.add(current)
            stack.extend(trial.get(current, ()))
    return False


# ---------------------------------------------------------------- key findings
FINDING_NO_CLAUSE = QT_TRANSLATE_NOOP(
    "PlanCheck", "“%1” names no clause: the proposal cannot say what in the guide it concerns."
)
FINDING_NO_OBSERVATION = QT_TRANSLATE_NOOP(
    "PlanCheck", "“%1” does not say what was seen: the client reads a claim without evidence."
)
FINDINGS_MANY = QT_TRANSLATE_NOOP(
    "PlanCheck",
    "There are %1 key findings: a proposal leads with a handful (typically 3 to 7); merge "
    "the related ones.",
)
MAX_FINDINGS = 7


def check_findings(findings: Sequence[PlanItem]) -> list[Problem]:
    """What a partner would send back: findings that cite no clause or no observation, and
    more findings than a reader keeps in mind."""
    problems: list[Problem] = []
    if len(findings) > MAX_FINDINGS:
        problems.append(Problem(FINDINGS_MANY, (str(len(findings)),)))
    for item in findings:
        finding: Finding = item.record
        if not finding.observations.strip():
            problems.append(Problem(FINDING_NO_OBSERVATION, (finding.title,), item.uuid))
        if not finding.clauses:
            problems.append(Problem(FINDING_NO_CLAUSE, (finding.title,), item.uuid))
    return problems
