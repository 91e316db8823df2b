"""Scale benchmark: an engagement with ten rounds and 500 evidence files (≈ 2 GB database).

Run: python tests/bench/bench_scale.py [--folder DIR] [--files N] [--mb M] [--language zh|en]

Issue 18, point 6: opening, next clause, dashboard, export and a verified backup measured and
kept interactive (progress for anything over half a second, never a frozen window).

The database is built once and kept in ``--folder`` (default: a temporary folder, removed at
the end): the sample engagement (``create_demo``) extended to ten assessment rounds with
``diagnosis.service.new_round`` (each round starts as a copy of the last one, its evidence
included), and ``--files`` evidence files of ``--mb`` MB of random (incompressible) bytes,
an equal share added in each round, spread over the clauses. A later run with the same folder
reuses the database (remove the folder to build it again).

What is timed, each with the longest gap seen by a 5 ms GUI-thread timer while it ran (how
long the window stopped responding) and whether a progress dialog appeared (and after how
long) when it took more than half a second:

- start-up: ``dtbench.ui.app.run`` in a child process against the database: window shown,
  the damage check (the list says "checking…" meanwhile), the database open;
- in this process, a MainWindow shown offscreen at 1366×768: the engagement opened, the
  Diagnosis step shown, next clause (median, p90 and longest, every in-scope clause of the
  latest round), the dashboard first shown and redrawn, the export dialog opened and an
  export (.docx + .xlsx) run from it, the backups dialog opened (with its integrity checks),
  and "Back up now" (a verified backup).

The operating system's file cache holds most of the database after it is built or read once:
the figures are for a warm cache. Nothing is asserted. DTBENCH_HOME and XDG_CONFIG_HOME point
to a temporary folder: nothing touches the user's data.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bench_diagnosis import (  # noqa: E402
    StallWatch,
    guard_singletons,
    quiet_qt,
    settle,
    wait_for,
)

ROUNDS = 10
DATABASE = "scale.sqlite3"
BUILT = "scale.json"  # the engagement's uuid, written once the database is complete
PROGRESS_AFTER_S = 0.5


# ------------------------------------------------------------------ the database
def build_database(folder: Path, files: int, mb: float) -> tuple[Path, str]:
    """The ten-round engagement with its evidence, built once in ``folder``."""
    path = folder / DATABASE
    marker = folder / BUILT
    if marker.is_file() and path.is_file():
        meta = json.loads(marker.read_text())
        if meta.get("files") == files and meta.get("mb") == mb:
            print(f"reusing {path} ({path.stat().st_size / 2**30:.2f} GiB)")
            return path, str(meta["uuid"])
    for stale in folder.glob(DATABASE + "*"):
        stale.unlink()
    marker.unlink(missing_ok=True)

    from sqlalchemy import select

    from dtbench.diagnosis import service as dx
    from dtbench.guide import load_guide
    from dtbench.sample import create_demo
    from dtbench.store import open_store
    from dtbench.store.models import AssessmentRound, Evidence, EvidenceBlob

    start = time.perf_counter()
    store = open_store(path)
    uuid = create_demo(store, "zh")
    existing = len(dx.list_rounds(store, uuid))
    clauses = [c.key for c in load_guide().clauses()]
    size = int(mb * 1024 * 1024)
    per_round = [files // ROUNDS + (1 if n < files % ROUNDS else 0) for n in range(ROUNDS)]
    carried: list[tuple[str, str, str]] = []  # clause, file name, sha256 of earlier rounds
    made = 0
    for n, count in enumerate(per_round):
        # A new round starts as a copy of the last (its evidence included); the demo's own
        # second round gets the first round's files here.
        if n >= existing:
            dx.new_round(store, uuid, f"第{n + 1}轮评估")
        rnd = dx.list_rounds(store, uuid)[n]
        with store.session() as s:
            rid = s.scalar(select(AssessmentRound.id).where(AssessmentRound.uuid == rnd.uuid))
            if n < existing:
                for clause, name, digest in carried:
                    s.add(
                        Evidence(
                            round_id=rid, clause_key=clause, filename=name, size=size, sha256=digest
                        )
                    )
            for k in range(count):
                data = os.urandom(size)
                digest = hashlib.sha256(data).hexdigest()
                s.add(EvidenceBlob(sha256=digest, data=data))
                s.flush()
                clause = clauses[(made + k) % len(clauses)]
                name = f"证据 {n + 1}-{k + 1:03d} 访谈记录.pdf"
                s.add(
                    Evidence(
                        round_id=rid, clause_key=clause, filename=name, size=size, sha256=digest
                    )
                )
                s.flush()
                s.expunge_all()  # keep no 4 MB objects around
                carried.append((clause, name, digest))
        made += count
        print(f"  round {n + 1}: {count} new files, {len(carried)} in all", flush=True)
    store.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    marker.write_text(json.dumps({"uuid": uuid, "files": files, "mb": mb}))
    seconds = time.perf_counter() - start
    print(f"built {path} in {seconds:.0f} s: {path.stat().st_size / 2**30:.2f} GiB")
    return path, uuid


# ------------------------------------------------------------------ measuring
@dataclass
class Figure:
    operation: str
    seconds: list[float]
    stall: float
    progress_after: float | None  # seconds until a progress dialog showed; None: none
    note: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def longest(self) -> float:
        return max(self.seconds)


class ProgressSeen:
    """Notes when a QProgressDialog is shown (any run_task with a label shows one)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication, QProgressDialog

        outer = self

        class Filter(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Show and isinstance(obj, QProgressDialog):
                    outer.shown.append(time.perf_counter())
                return False

        self.shown: list[float] = []
        self.filter = Filter()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self.filter)

    def since(self, start: float) -> float | None:
        later = [t - start for t in self.shown if t >= start]
        return min(later) if later else None


class MessageBoxes:
    """Prints and closes any message box (offscreen, nobody would answer it)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(200)
        self.timer.timeout.connect(self._close)
        self.timer.start()

    def _close(self) -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                text = widget.text().replace("\n", " ")[:300]
                self.seen.append(text)
                print(f"  message box closed: {text}", flush=True)
                widget.reject()


def run_until(done: Callable[[], bool], timeout_s: float = 1800.0) -> None:
    """Run the event loop until ``done()``. A QEventLoop, as the application's: it lets go of
    the GIL while it waits (QTest.qWait does not, and starves the task threads)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()
    end = time.perf_counter() + timeout_s

    def check() -> None:
        if done() or time.perf_counter() > end:
            loop.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not done():
        raise RuntimeError("timed out")


def measure(
    name: str,
    progress: ProgressSeen,
    action: Callable[[], object],
    done: Callable[[], bool] = lambda: True,
    note: str = "",
) -> Figure:
    from PySide6.QtWidgets import QApplication

    watch = StallWatch()
    watch.start()
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    run_until(done)
    seconds = time.perf_counter() - start
    stall = watch.stop()
    figure = Figure(name, [seconds], stall, progress.since(start), note)
    print(f"  {name}: {seconds * 1000:.0f} ms, longest stall {stall * 1000:.0f} ms", flush=True)
    return figure


# ------------------------------------------------------------------ start-up (child process)
def startup_child(db: Path) -> None:
    """Start dtbench as the application does; print JSON figures once the database is open."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    quiet_qt()
    progress = ProgressSeen()
    watch = StallWatch()
    watch.start()
    marks: dict[str, float] = {}
    start = time.perf_counter()

    def poll() -> None:
        from dtbench.ui.shell.main_window import MainWindow

        now = time.perf_counter() - start
        window = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None
        )
        if window is None:
            return
        marks.setdefault("shown", now)
        state = getattr(window.list_page, "_state", "")
        if state == "checking":
            marks.setdefault("checking", now)
        elif "checking" in marks:
            marks.setdefault("checked", now)
        if window.store is not None:
            marks["open"] = now
            marks["stall"] = watch.stop()
            marks["progress"] = -1.0 if progress.since(start) is None else progress.since(start)  # type: ignore[operator]
            poller.stop()
            app.quit()

    poller = QTimer()
    poller.setInterval(5)
    poller.timeout.connect(poll)
    poller.start()
    from dtbench.ui import app as ui_app

    ui_app.run(str(db))
    print("FIGURES " + json.dumps(marks), flush=True)


def startup(db: Path, env: dict[str, str]) -> Figure:
    result = subprocess.run(
        [sys.executable, __file__, "--startup-child", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    line = next((x for x in result.stdout.splitlines() if x.startswith("FIGURES ")), None)
    if line is None:
        raise RuntimeError(f"start-up child failed:\n{result.stdout}\n{result.stderr}")
    marks = json.loads(line.split(" ", 1)[1])
    checked = marks.get("checked", marks["open"]) - marks.get("checking", marks["shown"])
    print(f"  start-up: {marks}", flush=True)
    return Figure(
        "start-up → database open",
        [marks["open"]],
        marks["stall"],
        None if marks["progress"] < 0 else marks["progress"],
        f"window {marks['shown'] * 1000:.0f} ms; damage check {checked * 1000:.0f} ms "
        "(list says checking)",
    )


# ------------------------------------------------------------------ in the application
def bench(db: Path, uuid: str, work: Path, translations: Any) -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from dtbench.store import open_store
    from dtbench.ui.exchange.backups import BackupsDialog
    from dtbench.ui.exchange.export_dialog import ExportDialog
    from dtbench.ui.shell.main_window import MainWindow

    progress = ProgressSeen()
    boxes = MessageBoxes()
    figures: list[Figure] = []
    store = open_store(db)
    window = MainWindow(store, translations, open_store=open_store)
    window.resize(1366, 768)
    window.show()
    settle(1000)
    # as the application does once the database is open (ui/app.py: the workspace built
    # ahead, while the list is looked at)
    window.prepare_workspace()
    settle(1000)

    figures.append(measure("engagement opened", progress, lambda: window.open_engagement(uuid)))
    settle(300)
    workspace = window.workspace
    assert workspace is not None
    page = workspace.diagnosis
    figures.append(
        measure(
            "Diagnosis step shown",
            progress,
            lambda: workspace.steps.setCurrentRow(workspace.pages.indexOf(page)),
        )
    )
    settle(300)
    session = workspace.session
    rounds = len(session.rounds)
    evidence = sum(len(v) for v in session.data.evidence.values())

    # next clause, through every in-scope clause of the latest round
    keys = [c.key for c in session.guide.clauses() if session.in_scope(c.key)]
    page.select_clause(keys[0])
    QApplication.processEvents()
    samples: list[float] = []
    watch = StallWatch()
    watch.start()
    for _ in keys[1:]:
        start = time.perf_counter()
        page.move_clause(1)
        QApplication.processEvents()
        samples.append(time.perf_counter() - start)
    stall = watch.stop()
    figures.append(
        Figure(
            "next clause shown",
            samples,
            stall,
            None,
            f"{len(keys)} clauses, {evidence} evidence files in the round",
        )
    )
    print(f"  next clause: median {statistics.median(samples) * 1000:.0f} ms", flush=True)

    dashboard = workspace.dashboard
    drawn: list[float] = []
    dashboard.drawn.connect(lambda: drawn.append(time.perf_counter()))
    figures.append(
        measure(
            "dashboard first shown",
            progress,
            lambda: (
                drawn.clear(),
                workspace.steps.setCurrentRow(workspace.pages.indexOf(dashboard)),
            ),
            lambda: bool(drawn),
            f"{rounds} rounds",
        )
    )
    settle(300)
    while dashboard.renderer.busy or dashboard.redraw_when_shown.pending():
        wait_for(dashboard.drawn)
        settle(300)
    from dtbench.reports import chart_cache

    chart_cache.clear_memory()
    figures.append(
        measure(
            "dashboard redrawn (all charts)",
            progress,
            lambda: (drawn.clear(), dashboard.redraw(everything=True)),
            lambda: bool(drawn),
        )
    )
    settle(300)

    # export, from the dialog as the consultant runs it
    profile = workspace.profile.profile
    assert profile is not None
    holder: list[Any] = []

    def open_export() -> None:
        dialog = ExportDialog(
            store, workspace.plan, profile.uuid, "scale", profile.language, window
        )
        dialog.show()
        holder.append(dialog)

    figures.append(measure("export dialog opened", progress, open_export))
    dialog = holder[0]
    dialog.word.setChecked(True)
    dialog.word_path.setText(str(work / "scale.docx"))
    dialog.pdf.setChecked(False)
    dialog.excel.setChecked(True)
    dialog.excel_path.setText(str(work / "scale.xlsx"))
    results: list[Any] = []
    dialog.finished_export.connect(results.append)
    figures.append(measure("export .docx + .xlsx", progress, dialog.start, lambda: bool(results)))
    if isinstance(results[0], BaseException):
        print(f"  export failed: {results[0]!r}")
    dialog.close()
    dialog.deleteLater()
    settle(200)

    # backups: the dialog (integrity of the backups listed) and "Back up now"
    backups: list[Any] = []

    def open_backups() -> None:
        backups.append(BackupsDialog(db, window))
        backups[0].show()

    figures.append(
        measure(
            "backups dialog opened",
            progress,
            open_backups,
            lambda: not backups[0].checking,
            "until its integrity checks end",
        )
    )
    taken: list[Any] = []
    backups[0].backed_up.connect(taken.append)
    errors: list[str] = []
    figures.append(
        measure(
            "back up now (verified)",
            progress,
            backups[0].back_up_now,
            lambda: bool(taken) or bool(errors),
        )
    )
    backups[0].close()
    dashboard.renderer.wait()
    window.close()
    window.deleteLater()
    settle(100)
    store.close()
    boxes.timer.stop()
    return figures


def print_table(figures: list[Figure]) -> None:
    head = (
        f"{'operation':<34} {'median ms':>9} {'p90 ms':>8} {'max ms':>8} {'stall ms':>9} "
        f"{'progress':>12}  note"
    )
    print(head)
    print("-" * len(head))
    for f in figures:
        ordered = sorted(f.seconds)
        p90 = ordered[max(0, -(-9 * len(ordered) // 10) - 1)]
        if f.progress_after is not None:
            shown = f"at {f.progress_after * 1000:.0f} ms"
        elif f.longest > PROGRESS_AFTER_S and len(f.seconds) == 1:
            shown = "NONE"
        else:
            shown = "—"
        print(
            f"{f.operation:<34} {statistics.median(f.seconds) * 1000:9.0f} {p90 * 1000:8.0f} "
            f"{f.longest * 1000:8.0f} {f.stall * 1000:9.0f} {shown:>12}  {f.note}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--folder", type=Path, help="where the database is built and kept")
    parser.add_argument("--files", type=int, default=500, help="evidence files")
    parser.add_argument("--mb", type=float, default=4.0, help="size of each file in MB")
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    parser.add_argument("--startup-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    guard_singletons()
    import faulthandler
    import signal

    faulthandler.register(signal.SIGUSR1, all_threads=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.startup_child:
        startup_child(args.startup_child)
        return

    with tempfile.TemporaryDirectory(prefix="dtbench-scale-") as tmp:
        home = Path(tmp)
        os.environ["DTBENCH_HOME"] = str(home / "home")
        os.environ["XDG_CONFIG_HOME"] = str(home / "config")
        os.environ.pop("DTBENCH_DB", None)
        folder = args.folder or home / "db"
        folder.mkdir(parents=True, exist_ok=True)
        db, uuid = build_database(folder, args.files, args.mb)
        size = db.stat().st_size / 2**30
        figures = [startup(db, dict(os.environ))]
        shutil.rmtree(home / "home" / "backups", ignore_errors=True)

        from PySide6.QtWidgets import QApplication

        from dtbench.ui.kit.fonts import ensure_chinese_font
        from dtbench.ui.kit.translations import Translations

        app = QApplication([sys.argv[0]])
        quiet_qt()
        translations = Translations(app)
        translations.apply(args.language)
        ensure_chinese_font()
        (home / "out").mkdir()
        figures += bench(db, uuid, home / "out", translations)

    print()
    print(
        f"scale: {ROUNDS} rounds, {args.files} evidence files of {args.mb:g} MB, "
        f"database {size:.2f} GiB; language {args.language}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs; stall = longest gap of a 5 ms GUI-thread timer; progress = "
        "when a progress dialog showed (NONE: over 0.5 s without one)"
    )
    print_table(figures)


if __name__ == "__main__":
    main()
