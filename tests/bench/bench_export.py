"""Export benchmark: the sample engagement to .docx and .xlsx, against an honest floor.

Run: python tests/bench/bench_export.py [--runs N] [--lang zh|en]

1. **As a process**, as a consultant runs ``dtbench export``: the whole command, from Python's
   start to both files written, against the floor: ``export_floor.py`` in its own process,
   writing a comparable document with the bare libraries (as many charts at the same pixel
   size and resolution, as many paragraphs, tables, rows and cells, measured from dtbench's
   own files of this run). Printed cold (no chart drawn before: the chart cache off) and
   warm (the charts of an earlier export of the same data kept on disk), with the ratio to
   the floor and the target (≤ 1.3×). Cold also with ``DTBENCH_CHART_WORKERS=0``: the charts
   drawn one after the other in the command's own process, as on a one-CPU machine (on
   several CPUs the command draws them side by side in worker processes).
2. **In this process, by part** (gather, charts, Word, Excel), cold and warm, as the
   command line draws on one CPU (one chart after the other) and as the application's
   export dialog does (side by side in the chart worker processes, already started).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HERE = Path(__file__).resolve().parent
TARGET_RATIO = 1.3


def _spec(docx: Path, xlsx: Path) -> dict[str, object]:
    """What dtbench wrote, as counts the floor can reproduce."""
    import docx as python_docx
    from openpyxl import load_workbook
    from PIL import Image

    document = python_docx.Document(str(docx))
    with zipfile.ZipFile(docx) as z:
        charts = []
        for name in z.namelist():
            if name.startswith("word/media/") and name.endswith(".png"):
                with Image.open(z.open(name)) as image:
                    if image.width > 300:  # a chart, not the firm's logo
                        charts.append(list(image.size))
    book = load_workbook(xlsx)
    from dtbench.reports.fonts import find_cjk_font

    font = find_cjk_font()
    return {
        "charts": charts,
        "paragraphs": len(document.paragraphs),
        "tables": [[len(t.rows), len(t.columns)] for t in document.tables],
        "sheets": {s.title: [s.max_row, s.max_column] for s in book.worksheets},
        "font": font.family if font else None,
    }


def _timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def as_process(folder: Path, db: Path, uuid: str, lang: str, runs: int) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), DTBENCH_SOFFICE="none")
    docx, xlsx = folder / "proposal.docx", folder / "plan.xlsx"
    export = [sys.executable, "-m", "dtbench", "export", uuid, "--db", str(db)]
    export += ["--docx", str(docx), "--xlsx", str(xlsx), "--lang", lang]
    cold_env = dict(env, DTBENCH_CHART_CACHE="off", DTBENCH_HOME=str(folder / "cold"))
    serial_env = dict(cold_env, DTBENCH_CHART_WORKERS="0")
    warm_env = dict(env, DTBENCH_CHART_CACHE="on", DTBENCH_HOME=str(folder / "warm"))
    _timed(export, cold_env)  # files for the spec; the system's caches warm
    _timed(export, warm_env)  # the charts kept on disk for the warm runs
    spec = folder / "spec.json"
    spec.write_text(json.dumps(_spec(docx, xlsx), ensure_ascii=False), encoding="utf-8")
    floor_command = [sys.executable, str(HERE / "export_floor.py"), str(spec), str(folder)]
    floors, colds, warms, serials = [], [], [], []
    for _ in range(runs):  # interleaved: a busy moment of the machine hits all four
        floors.append(_timed(floor_command, env))
        colds.append(_timed(export, cold_env))
        warms.append(_timed(export, warm_env))
        serials.append(_timed(export, serial_env))
    described = json.loads(spec.read_text(encoding="utf-8"))
    base = statistics.median(floors)
    print(
        f"`dtbench export` of the sample ({lang}) as a process, median of {runs}; the floor "
        f"writes {len(described['charts'])} charts, {len(described['tables'])} tables, "
        f"{described['paragraphs']} paragraphs and {len(described['sheets'])} sheets with the "
        "bare libraries"
    )
    print(f"{'':<28}{'median s':>10}{'ratio':>9}   target ≤ {TARGET_RATIO}×")
    print(f"{'floor (bare libraries)':<28}{base:>10.3f}")
    for name, values in (
        ("dtbench export, cold", colds),
        ("dtbench export, warm", warms),
        ("cold, no chart workers", serials),
    ):
        m = statistics.median(values)
        verdict = "within" if m / base <= TARGET_RATIO else "over"
        print(f"{name:<28}{m:>10.3f}{m / base:>8.2f}×   {verdict}")
    print()


def by_part(folder: Path, store: object, uuid: str, lang: str, runs: int) -> None:
    from dtbench.deliverables.export import ExportRequest, run_export
    from dtbench.reports import chart_cache
    from dtbench.reports.render_pool import RenderPool, probe, worker_count

    workers = RenderPool(worker_count())
    workers.submit(probe).result()  # started and warm, as in the application
    modes = {
        "charts drawn in this process": None,
        f"{workers.workers} chart worker processes": workers,
    }
    for mode, pool in modes.items():
        for state in ("cold", "warm"):
            parts: dict[str, list[float]] = {}
            for n in range(runs + 1):
                if state == "cold":
                    chart_cache.clear_memory()
                request = ExportRequest(
                    engagement=uuid,
                    docx=folder / "proposal.docx",
                    xlsx=folder / "plan.xlsx",
                    lang=lang,
                )
                start = time.perf_counter()
                run_export(store, request, pool=pool)  # type: ignore[arg-type]
                total = time.perf_counter() - start
                if n:  # the first run warms caches (fonts, imports)
                    for part, seconds in request.timings.items():
                        parts.setdefault(part, []).append(seconds)
                    parts.setdefault("total", []).append(total)
            print(f"in this process, {mode}, {state}, median of {runs}")
            print("  " + "  ".join(f"{p} {statistics.median(v):.3f}" for p, v in parts.items()))
    workers.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dtbench-bench-"))
    os.environ["DTBENCH_HOME"] = str(folder)
    os.environ["DTBENCH_CHART_CACHE"] = "off"  # in this process: memory only
    os.environ["DTBENCH_SOFFICE"] = "none"
    sys.path.insert(0, str(ROOT))
    from dtbench.sample import create_demo
    from dtbench.store import open_store

    db = folder / "bench.sqlite3"
    store = open_store(db)
    uuid = create_demo(store)
    as_process(folder, db, uuid, args.lang, args.runs)
    by_part(folder, store, uuid, args.lang, args.runs)
    store.close()
    sizes = {p.name: p.stat().st_size for p in folder.glob("*.[dx]*x")}
    print("files:", ", ".join(f"{name} {size // 1024} KB" for name, size in sorted(sizes.items())))


if __name__ == "__main__":  # also keeps the chart worker processes from running main()
    main()
