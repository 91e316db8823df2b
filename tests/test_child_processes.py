"""The processes dtbench starts (chart workers, multiprocessing's resource tracker) end with it,
however it ends: killed (``kill -9``), asked to stop (SIGTERM, Ctrl+C) or quit.

The GUI and the pool run in processes of their own, which these tests end from outside and
then watch their children through /proc (Linux).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dtbench.engagement import service
from dtbench.reports.render_pool import WORKER_NICENESS, RenderPool
from dtbench.store import open_store
from dtbench.store.backups import backups_folder, list_backups

ROOT = Path(__file__).resolve().parent.parent
GONE_WITHIN_S = 5.0  # the bound of the issue: nothing of the application left after 5 s
STARTUP_S = 180.0  # a loaded machine: the workers may take long to start (not asserted)
WORKERS = 2
GUI_WORKERS = 1  # the application's others end after a few seconds without a chart

pytestmark = pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
    reason="reads children from /proc (Linux)",
)


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat from the state on (field 3 is index 0); None when gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def _children(pid: int) -> set[int]:
    """The children of ``pid``, started by any of its threads."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(child) for child in (task / "children").read_text().split())
        except OSError:  # the thread ended meanwhile
            continue
    return found


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _workers(pid: int) -> list[int]:
    """The chart workers of ``pid`` that have begun to warm up: they lower their priority
    once they watch their parent (before that, nothing of dtbench runs in them)."""
    own = _stat(pid)
    lowered = min(int(own[16]) + WORKER_NICENESS, 19) if own else 19  # field 19: niceness
    warming = []
    for child in _children(pid):
        fields = _stat(child)
        if fields and "spawn_main" in _command(child) and int(fields[16]) >= lowered:
            warming.append(child)
    return warming


def _wait_for_workers(
    pid: int, process: subprocess.Popen[bytes], count: int = WORKERS
) -> dict[int, str]:
    """Wait until ``pid`` runs ``count`` chart workers; then every process it started, by id,
    with its start time (an id used again later is not the same process)."""
    deadline = time.monotonic() + STARTUP_S
    while len(_workers(pid)) < count:
        assert process.poll() is None, f"the process ended early ({process.returncode})"
        assert time.monotonic() < deadline, "the chart workers did not start"
        time.sleep(0.1)
    started = {}
    for child in _children(pid):
        fields = _stat(child)
        if fields:
            started[child] = fields[19]
    commands = " | ".join(_command(child) for child in started)
    assert "resource_tracker" in commands, commands  # the tracker is watched too
    return started


def _alive(started: dict[int, str]) -> list[str]:
    """The commands of those processes still running (a zombie has ended)."""
    alive = []
    for pid, start in started.items():
        fields = _stat(pid)
        if fields and fields[0] != "Z" and fields[19] == start:
            alive.append(_command(pid))
    return alive


def _left_after(started: dict[int, str], since: float) -> list[str]:
    """Poll until the processes are gone, at most until ``GONE_WITHIN_S`` after ``since``."""
    while (alive := _alive(started)) and time.monotonic() < since + GONE_WITHIN_S:
        time.sleep(0.05)
    return alive


@pytest.fixture
def ended() -> Iterator[list[dict[int, str]]]:
    """Processes a test watched: whatever a failing test leaves is ended afterwards."""
    watched: list[dict[int, str]] = []
    yield watched
    for started in watched:
        for pid, start in started.items():
            fields = _stat(pid)
            if fields and fields[19] == start:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)


def _popen(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "DTBENCH_CHART_WORKERS": str(WORKERS),
        "QT_QPA_PLATFORM": "offscreen",
    }
    with log.open("wb") as output:
        return subprocess.Popen(
            [sys.executable, *args], stdout=output, stderr=subprocess.STDOUT, cwd=ROOT, env=env
        )


# ------------------------------------------------------------------ the application
def _start_gui(db: Path, tmp_path: Path) -> subprocess.Popen[bytes]:
    """The GUI as ``dtbench --db DB`` starts it, on an existing database (a name that
    holds none would make it ask first)."""
    open_store(db).close()
    code = (
        f"import sys; from dtbench.cli import gui_main; sys.exit(gui_main(['--db', {str(db)!r}]))"
    )
    return _popen(["-c", code], tmp_path / "gui.log")


def _settings(home: Path) -> str:
    path = home / "settings.ini"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_killing_the_application_ends_its_workers_and_the_tracker(
    db_path: Path, tmp_path: Path, ended: list[dict[int, str]]
) -> None:
    gui = _start_gui(db_path, tmp_path)
    started = _wait_for_workers(gui.pid, gui, GUI_WORKERS)
    ended.append(started)
    gui.kill()
    killed = time.monotonic()
    gui.wait(60)
    assert _left_after(started, killed) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_closes_the_application_as_its_window_does(
    signum: signal.Signals,
    db_path: Path,
    home: Path,
    tmp_path: Path,
    ended: list[dict[int, str]],
) -> None:
    if signal.getsignal(signum) is signal.SIG_IGN:
        pytest.skip(f"{signum.name} is ignored here, and so in the application (nohup)")
    gui = _start_gui(db_path, tmp_path)
    started = _wait_for_workers(gui.pid, gui, GUI_WORKERS)
    ended.append({**started, gui.pid: (_stat(gui.pid) or [""] * 20)[19]})
    assert "window" not in _settings(home)
    store = open_store(db_path)  # a change that closing must back up
    service.create_engagement(store, client_name="信号 Signal", title="最后备份 Last backup")
    store.close()
    gui.send_signal(signum)
    asked = time.monotonic()
    assert gui.wait(60) == 0, (tmp_path / "gui.log").read_text(errors="replace")
    assert _left_after(started, asked) == []
    # Closed the way closing the window does: its size and place are remembered, and the
    # last backup holds the change.
    assert "window" in _settings(home)
    newest = list_backups(backups_folder(db_path))[0].path
    copy = shutil.copy(newest, tmp_path / "newest.sqlite3")
    backup = open_store(copy)
    assert [row.client_name for row in service.list_engagements(backup)] == ["信号 Signal"]
    backup.close()


# ------------------------------------------------------------------ the pool alone
POOL_SCRIPT = """
import sys, threading, time
from dtbench.reports.render_pool import RenderPool, probe

pool = RenderPool({workers})
if {from_thread}:
    # An export's thread starts the workers (it warms the pool before its charts) and ends:
    # they must live on (no job breaks).
    starter = threading.Thread(target=lambda: [pool.warm(), pool.submit(probe)])
    starter.start()
    starter.join()
else:
    pool.warm()
answers = [pool.submit(probe) for _ in range(4)]
assert all(answer.result(timeout=300)["drawn"] for answer in answers)
assert pool.in_processes
print("ready", flush=True)
time.sleep(600)
"""


@pytest.mark.parametrize("from_thread", [False, True], ids=["main-thread", "other-thread"])
def test_a_pool_s_workers_end_when_its_process_is_killed(
    from_thread: bool, tmp_path: Path, ended: list[dict[int, str]]
) -> None:
    log = tmp_path / "pool.log"
    owner = _popen(["-c", POOL_SCRIPT.format(workers=WORKERS, from_thread=from_thread)], log)
    started = _wait_for_workers(owner.pid, owner)
    ended.append(started)
    deadline = time.monotonic() + STARTUP_S
    while b"ready" not in log.read_bytes():
        assert owner.poll() is None, log.read_text(errors="replace")
        assert time.monotonic() < deadline, "the jobs were not answered"
        time.sleep(0.1)
    owner.kill()
    killed = time.monotonic()
    owner.wait(60)
    assert _left_after(started, killed) == []


def test_shutting_the_pool_down_ends_a_busy_worker(ended: list[dict[int, str]]) -> None:
    """At quit the application's process waits for its workers: one drawing (or warming up,
    seconds) must not keep it alive."""
    pool = RenderPool(1)
    worker = pool.submit(os.getpid).result(timeout=300)
    started = {worker: (_stat(worker) or [""] * 20)[19]}
    ended.append(started)
    busy = pool.submit(time.sleep, 300)
    while not busy.running():
        time.sleep(0.05)
    pool.shutdown()
    assert _left_after(started, time.monotonic()) == []


def test_the_command_line_draws_charts_side_by_side_and_its_workers_end_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``dtbench export`` on a machine with several CPUs draws the proposal's charts in
    worker processes that take them as they come free (not one after the other in its own
    process), and leaves none of them behind."""
    from docx import Document

    from dtbench.cli import main
    from dtbench.reports import render_pool
    from dtbench.sample import create_demo

    db = tmp_path / "db.sqlite3"
    store = open_store(db)
    uuid = create_demo(store)
    store.close()
    monkeypatch.setenv("DTBENCH_CHART_WORKERS", str(WORKERS))
    pools: list[RenderPool] = []
    jobs: list[object] = []
    real_submit = render_pool.RenderPool.submit

    started: dict[int, str] = {}
    before = _children(os.getpid())

    def submit(pool: RenderPool, fn: object, *args: object) -> object:
        pools.append(pool)
        jobs.append(fn)
        future = real_submit(pool, fn, *args)  # type: ignore[arg-type]
        for pid in _children(os.getpid()) - before:  # the workers (started by then)
            fields = _stat(pid)
            # multiprocessing's tracker lives as long as the process (here: the tests')
            if fields and "resource_tracker" not in _command(pid):
                started.setdefault(pid, fields[19])
        return future

    monkeypatch.setattr(render_pool.RenderPool, "submit", submit)
    docx = tmp_path / "proposal.docx"
    assert main(["export", uuid, "--docx", str(docx), "--db", str(db)]) == 0
    pictures = Document(str(docx)).inline_shapes
    assert len(pictures) >= 8  # the proposal is whole, its charts placed
    assert len(jobs) == len(pictures)  # every chart drawn by the workers
    pool = pools[0]
    assert pool.in_processes and [t.workers for t in pool._tiers] == [WORKERS]
    assert len(started) >= WORKERS
    assert _left_after(started, time.monotonic()) == []
