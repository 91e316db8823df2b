"""Export benchmark: the sample engagement to .docx and .xlsx, with the time of each part.

Run: python tests/bench/bench_export.py [--runs N] [--lang zh|en]
Target: the whole export ≤ 3 s. Prints the median of each part (gather, charts, Word,
Excel) so the slowest is visible, and the ratio to a floor measured in the same run: an
empty python-docx document and an empty openpyxl workbook saved to the same folder.
Measured twice: as ``dtbench export`` runs it (charts drawn one after the other in the
process) and as the application's export dialog runs it (charts drawn side by side by the
chart worker processes, already started).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TARGET_S = 3.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dtbench-bench-"))
    os.environ["DTBENCH_HOME"] = str(folder)
    sys.path.insert(0, str(ROOT))
    from docx import Document
    from openpyxl import Workbook

    from dtbench.deliverables.export import ExportRequest, run_export
    from dtbench.reports.render_pool import RenderPool, probe, worker_count
    from dtbench.sample import create_demo
    from dtbench.store import open_store

    store = open_store(folder / "bench.sqlite3")
    uuid = create_demo(store)

    def floor() -> float:
        start = time.perf_counter()
        Document().save(str(folder / "floor.docx"))
        Workbook().save(str(folder / "floor.xlsx"))
        return time.perf_counter() - start

    floors = [floor() for _ in range(args.runs)]
    base = statistics.median(floors)
    workers = RenderPool(worker_count())
    workers.submit(probe).result()  # started and warm, as in the application
    modes = {
        "command line (charts drawn in this process)": None,
        f"application ({workers.workers} chart worker processes)": workers,
    }
    for mode, pool in modes.items():
        parts: dict[str, list[float]] = {}
        totals = []
        for n in range(args.runs + 1):
            request = ExportRequest(
                engagement=uuid,
                docx=folder / "proposal.docx",
                xlsx=folder / "plan.xlsx",
                lang=args.lang,
            )
            start = time.perf_counter()
            run_export(store, request, pool=pool)
            total = time.perf_counter() - start
            if n:  # the first run warms caches (fonts, imports)
                totals.append(total)
                for part, seconds in request.timings.items():
                    parts.setdefault(part, []).append(seconds)
        print(f"export of the sample engagement ({args.lang}), {mode}, median of {args.runs}")
        print(f"{'part':<12}{'median s':>10}{'ratio to floor':>16}")
        print(f"{'floor':<12}{base:>10.3f}{'':>16}")
        for part, values in parts.items():
            m = statistics.median(values)
            print(f"{part:<12}{m:>10.3f}{m / base:>15.1f}×")
        total = statistics.median(totals)
        verdict = "within" if total <= TARGET_S else "over"
        print(
            f"{'total':<12}{total:>10.3f}{total / base:>15.1f}×   "
            f"target ≤ {TARGET_S:.0f} s: {verdict}\n"
        )
    workers.shutdown()
    store.close()
    sizes = {p.name: p.stat().st_size for p in folder.glob("*.[dx]*x")}
    print("files:", ", ".join(f"{name} {size // 1024} KB" for name, size in sorted(sizes.items())))


if __name__ == "__main__":  # also keeps the chart worker processes from running main()
    main()
