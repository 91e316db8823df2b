"""``dtbench benchmark refresh`` and ``dtbench benchmark show ID`` (wired into dtbench.cli):
the firm benchmark's anonymised entries and one client's comparison."""

from __future__ import annotations

import argparse
import json
from typing import Any

from dtbench.cli.common import add_engagement, open_store_or_fail, tr
from dtbench.errors import QT_TRANSLATE_NOOP

COMMANDS = ("benchmark",)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p_benchmark = sub.add_parser(
        "benchmark",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "the firm benchmark (opted-in engagements, anonymised)")),
    )
    actions = p_benchmark.add_subparsers(
        dest="benchmark_command", metavar="ACTION", parser_class=type(p_benchmark)
    )
    actions.required = True
    actions.add_parser(
        "refresh",
        parents=[common],
        help=tr(
            QT_TRANSLATE_NOOP(
                "cli", "bring the benchmark entries of the engagements you may see up to date"
            )
        ),
    )
    p_show = actions.add_parser(
        "show",
        parents=[common],
        help=tr(QT_TRANSLATE_NOOP("cli", "print an engagement's standing in the firm benchmark")),
    )
    add_engagement(p_show)


def run(args: argparse.Namespace) -> int | None:
    """Run the command when it is one of ours; None otherwise."""
    if getattr(args, "command", None) not in COMMANDS:
        return None
    from dtbench.team import benchmark

    store = open_store_or_fail(getattr(args, "db", None))
    try:
        if args.benchmark_command == "refresh":
            count = benchmark.refresh_all(store)
            print(
                tr(QT_TRANSLATE_NOOP("cli", "%1 benchmark entries up to date.")).replace(
                    "%1", str(count)
                )
            )
            return 0
        from dtbench.reports.summary import find_engagement

        uuid = find_engagement(store, args.id)[0]
        print(json.dumps(_as_data(benchmark.compare(store, uuid)), ensure_ascii=False, indent=2))
        return 0
    finally:
        store.close()


def _as_data(result: Any) -> dict[str, Any]:
    """The comparison as JSON: keys and numbers only."""

    def standing(s: Any) -> dict[str, Any]:
        d = s.distribution
        return {
            "key": s.key,
            "value": s.value,
            "percentile": s.percentile,
            "distribution": None
            if d is None
            else {
                "n": d.n,
                "min": d.minimum,
                "q1": d.q1,
                "median": d.median,
                "q3": d.q3,
                "max": d.maximum,
            },
        }

    return {
        "industry": result.industry,
        "size_band": result.size_band,
        "n": result.n,
        "shown": result.shown,
        "reason": result.reason,
        "areas": [
            {**standing(a.index), "clauses": [standing(c) for c in a.clauses]} for a in result.areas
        ],
    }
