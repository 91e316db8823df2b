"""Chart jobs run in worker processes: every core draws, and the UI's thread never waits.

matplotlib is pure Python for most of a chart's work (artists, layout, text), so threads would
take turns on one interpreter lock; processes draw the dashboard's charts side by side and
leave the interpreter of the UI free. The workers are started with ``spawn`` (the same on
Windows, macOS and Linux, and safe next to Qt's threads), warmed up once (matplotlib, the CJK
font and the guide loaded, a first chart drawn), and run at a lower priority than the UI.

When worker processes cannot be used (one CPU, ``DTBENCH_CHART_WORKERS=0``, a system that
refuses new processes, a worker that died), jobs run on one background thread instead:
slower, never lost.

The workers start when charts are about to be needed and end when idle (each holds ~75 MB
of matplotlib): the first after :data:`IDLE_S` seconds without a job, the others after
:data:`EXTRA_IDLE_S`; the next chart starts the first again (see :class:`RenderPool`). Each
worker frees the figures it drew and gives their memory back to the system shortly after its
last job (see :func:`_tidy`).

The workers end with the application, however it ends (quit, a signal, a crash, ``kill -9``):
each watches its parent process and exits when it is gone (see :func:`_end_with_parent`), and
multiprocessing's resource tracker then ends too, once no process holds its pipe any more.

Jobs must pickle: module-level functions (see :func:`dtbench.reports.raster.draw`) with plain
data. The shipped guide pickles as a reference (see ``guide.loader._pickle_guide``).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

WORKERS_ENV = "DTBENCH_CHART_WORKERS"
MAX_WORKERS = 3  # the dashboard's slowest chart bounds a redraw: more workers add little
WORKER_NICENESS = 5
IDLE_ENV = "DTBENCH_CHART_IDLE_S"
IDLE_S = 90.0  # a consultant reading a page: no worker needed; the next chart restarts them
EXTRA_IDLE_S = 15.0  # the workers beyond the first: a dashboard's bursts, then gone
TIDY_S = 0.5  # a worker gives its freed memory back once no job came for this long


def idle_seconds() -> float:
    """Seconds without a job after which the workers end: ``DTBENCH_CHART_IDLE_S`` if set
    (0 = never), else :data:`IDLE_S`."""
    value = os.environ.get(IDLE_ENV, "").strip()
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            log.warning("%s=%r is not a number; using the default", IDLE_ENV, value)
    return IDLE_S


def worker_count() -> int:
    """Worker processes to use: ``DTBENCH_CHART_WORKERS`` if set (0 = a thread), else one per
    CPU up to :data:`MAX_WORKERS`, and none on a single-CPU machine."""
    value = os.environ.get(WORKERS_ENV, "").strip()
    if value:
        try:
            return max(0, int(value))
        except ValueError:
            log.warning("%s=%r is not a number; using the default", WORKERS_ENV, value)
    cpus = os.cpu_count() or 1
    return 0 if cpus < 2 else min(MAX_WORKERS, cpus)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


class _WorkerProcess(SpawnProcess):
    """A spawned worker that knows whether the parent's main thread started it (travels to
    the worker with the process object)."""

    started_by_main_thread = False

    def start(self) -> None:
        self.started_by_main_thread = threading.current_thread() is threading.main_thread()
        super().start()


class _WorkerContext(SpawnContext):
    Process = _WorkerProcess


def _exit_when_gone(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])  # an fd (POSIX), a process handle (Windows)
    os._exit(0)


def _end_with_parent() -> None:
    """Make this worker end as soon as the application's process does, however it ends.

    A thread waits on the parent's sentinel (Windows, macOS and Linux alike): it fires when the
    parent is gone, even after ``kill -9``, and the worker exits at once, mid-job or idle. On
    Linux the kernel also kills the worker with its parent (no wait for the interpreter lock),
    but only for workers started by the parent's main thread: the signal follows the *thread*
    that started the process, and the pool may start a worker from any thread that submits a
    job (an export's thread ends long before the application does).
    """
    parent = multiprocessing.parent_process()
    if parent is None:  # not a worker process (the initializer called directly)
        return
    current = multiprocessing.current_process()
    if (
        sys.platform == "linux"
        and getattr(current, "started_by_main_thread", False)
        and os.getppid() == parent.pid  # else the parent is gone already: the thread sees it
    ):
        # Any failure leaves the thread alone on watch: never a worker that cannot start.
        with contextlib.suppress(ImportError, OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    watch = threading.Thread(
        target=_exit_when_gone, args=(parent.sentinel,), name="dtbench-parent-watch", daemon=True
    )
    watch.start()


def _warm_worker() -> None:
    """Initializer of each worker process: end with the application, lower priority, then
    load what every chart needs so that the first real job does not pay for it."""
    _end_with_parent()  # first: warming up takes seconds, the application may end meanwhile
    # Ctrl+C in a terminal reaches every process of the group: the application decides when to
    # quit, and its workers then end with it (no traceback from each worker).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):  # not permitted: keep the normal priority
            os.nice(WORKER_NICENESS)
    from dtbench.guide import load_guide
    from dtbench.reports.chart_style import empty_chart
    from dtbench.reports.raster import render_raster

    load_guide()
    render_raster(empty_chart("数字化转型 Digital transformation", size=(2, 1)), 50)
    # What is loaded now lives as long as the worker: keep the collector from scanning it
    # again and again (its full passes showed as 80 ms hiccups in a redraw).
    gc.freeze()


def _pid() -> int:
    return os.getpid()


_tidy_timer: threading.Timer | None = None
_tidy_lock = threading.Lock()


def _run_job(fn: Callable[..., T], args: tuple[Any, ...]) -> T:
    """Every job as the pool runs it: then, once no other job follows for :data:`TIDY_S`
    seconds, the worker tidies up (see :func:`_tidy`)."""
    global _tidy_timer
    with _tidy_lock:
        if _tidy_timer is not None:
            _tidy_timer.cancel()  # never a collection in the middle of a redraw
            _tidy_timer = None
    try:
        return fn(*args)
    finally:
        if multiprocessing.parent_process() is not None:  # a worker, not the UI's thread
            with _tidy_lock:
                if _tidy_timer is not None:
                    _tidy_timer.cancel()
                _tidy_timer = threading.Timer(TIDY_S, _tidy)
                _tidy_timer.daemon = True
                _tidy_timer.start()


def _tidy() -> None:
    """Free the figures drawn and give their memory back to the system.

    A matplotlib figure is a web of reference cycles (figure, canvas, axes, artists): it goes
    only when the collector runs a full pass, and :func:`_warm_worker` froze the collector's
    view of everything loaded, so full passes are rare. Each figure drawn at print resolution
    stayed, with its pixel buffers: 50 MB per worker after an export.
    """
    from dtbench.reports.memory import give_back

    gc.collect()
    give_back()


def cjk_font_found() -> bool:
    """Whether the charts can draw Chinese (asked of a worker: the UI does not load
    matplotlib)."""
    from dtbench.reports.fonts import find_cjk_font

    return find_cjk_font() is not None


def probe() -> dict[str, object]:
    """What a worker draws with (the bundle's smoke test): its process id, the CJK font file,
    and whether a Chinese chart came out with pixels."""
    from dtbench.reports.chart_style import empty_chart
    from dtbench.reports.fonts import find_cjk_font
    from dtbench.reports.raster import render_raster

    font = find_cjk_font()
    raster = render_raster(empty_chart("数字化转型", size=(2, 1)), 50)
    return {
        "pid": os.getpid(),
        "chart_font_file": str(font.path) if font else None,
        "drawn": not raster.is_blank(),
    }


class _Tier:
    """Worker processes that start together and end together, after ``idle_s`` seconds
    without a job (0: never). Used with the pool's lock held."""

    def __init__(self, workers: int, idle_s: float) -> None:
        self.workers = workers
        self.idle_s = idle_s
        self.executor: ProcessPoolExecutor | None = None
        self.ready = False  # its workers have warmed up and answered
        self.pending = 0  # jobs submitted and not done
        self.countdown: threading.Timer | None = None
        self.end_when_idle = False  # end once no job is pending, not after idle_s

    def stop_countdown(self) -> None:
        if self.countdown is not None:
            self.countdown.cancel()
            self.countdown = None


class RenderPool:
    """Runs chart jobs in worker processes, or on one thread when processes are unavailable.

    The workers come in two tiers, both started when charts are about to be needed
    (:meth:`warm`: the database or an engagement opened, another step shown, an export): the
    first worker, which a job also starts and which ends after ``idle_s`` seconds without a
    job; the others (``workers - 1``), which take jobs once warmed up and end after
    ``extra_idle_s`` seconds without one. A dashboard's burst of charts is drawn side by
    side; a consultant reading a page holds one worker, or none.
    """

    def __init__(
        self,
        workers: int,
        idle_s: float | None = None,
        extra_idle_s: float | None = None,
        *,
        batch: bool = False,
    ) -> None:
        """``batch``: all workers in one tier, taking jobs as they come free (a command
        line's export: one burst of charts, then the end)."""
        self.workers = workers
        self.idle_s = idle_seconds() if idle_s is None else idle_s
        if extra_idle_s is None:
            extra_idle_s = min(self.idle_s, EXTRA_IDLE_S) if self.idle_s else 0.0
        # re-entrant: a future already done runs its callback (which locks) at once
        self._lock = threading.RLock()
        # Processes until they fail: an export asks before any worker has started.
        self.in_processes = workers > 0
        first = workers if batch else 1
        self._tiers = [_Tier(first, self.idle_s)] if workers > 0 else []
        if workers > first:
            self._tiers.append(_Tier(workers - 1, extra_idle_s))
        self._thread: ThreadPoolExecutor | None = None

    # ------------------------------------------------------------ with the lock held
    def _start(self, tier: _Tier) -> None:
        """Start ``tier``'s workers (they warm up in the background); on failure, fall back
        to a thread."""
        try:
            executor = ProcessPoolExecutor(
                tier.workers, mp_context=_WorkerContext(), initializer=_warm_worker
            )
            # every worker starts now, not at the first job
            warming = [executor.submit(_pid) for _ in range(tier.workers)]
        except (OSError, RuntimeError, ValueError, BrokenProcessPool) as exc:
            log.warning("chart worker processes unavailable, drawing on a thread: %s", exc)
            self._use_thread()
            return
        tier.executor, tier.ready = executor, False

        def warmed(_future: object) -> None:
            if all(future.done() for future in warming):
                with self._lock:
                    if tier.executor is executor:
                        tier.ready = True
                        # idle from now: a warm-up took 8 s on a loaded machine, and a worker
                        # ended before it could take a job would be started again and again
                        self._count_down(tier)

        for future in warming:
            future.add_done_callback(warmed)

    def _count_down(self, tier: _Tier) -> None:
        """(Re)start ``tier``'s idle countdown (once it has warmed up)."""
        tier.stop_countdown()
        if (tier.idle_s > 0 or tier.end_when_idle) and tier.ready and not tier.pending:
            wait = 0.0 if tier.end_when_idle else tier.idle_s
            countdown = threading.Timer(wait, self._end_if_idle, (tier,))
            countdown.args = (tier, countdown)  # a countdown cancelled too late ends nothing
            countdown.daemon = True
            tier.countdown = countdown
            countdown.start()

    def _use_thread(self) -> Executor:
        ended = [tier.executor for tier in self._tiers]
        for tier in self._tiers:
            tier.stop_countdown()
            tier.executor, tier.ready, tier.pending = None, False, 0
        self._tiers = []
        self.in_processes = False
        for executor in ended:
            if executor is not None:
                executor.shutdown(wait=False, cancel_futures=True)
        if self._thread is None:
            self._thread = ThreadPoolExecutor(1, thread_name_prefix="dtbench-chart")
        return self._thread

    def _choose(self) -> tuple[Executor, _Tier | None]:
        """The executor for the next job: the first worker, or another tier's if it is warm
        and has less to do. A job never starts the other workers: on two CPUs, one warming
        up while the charts are drawn slowed that redraw and the next (672 ms instead of
        230)."""
        if not self._tiers:
            return self._use_thread(), None
        first = self._tiers[0]
        if first.executor is None:
            self._start(first)
        best = first
        for tier in self._tiers[1:]:  # started by warm(), never in the middle of a burst
            if tier.ready and tier.pending * best.workers < best.pending * tier.workers:
                best = tier
        if best.executor is None:  # the start failed: a thread took over
            return self._use_thread(), None
        return best.executor, best

    # ------------------------------------------------------------------- the API
    def warm(self, every_worker: bool = True) -> None:
        """Charts will be needed soon: start the workers now (they warm up in the
        background), or keep them from ending for their idle period more; only the first
        one unless ``every_worker``."""
        with self._lock:
            for tier in self._tiers if every_worker else self._tiers[:1]:
                tier.end_when_idle = False  # charts are coming
                if tier.executor is None:
                    self._start(tier)
                else:
                    self._count_down(tier)

    def end_extra(self) -> None:
        """A burst of charts is over and nothing waits for more (an export's are all drawn):
        the workers beyond the first end as soon as their last job is done, not after their
        idle period (~75 MB each); the next :meth:`warm` starts them again. The first worker
        stays for the next chart."""
        with self._lock:
            for tier in self._tiers[1:]:
                if tier.executor is not None:
                    tier.end_when_idle = True
                    self._count_down(tier)

    @property
    def running(self) -> int:
        """Worker processes started and not ended (a thread in their place counts 0)."""
        with self._lock:
            return sum(tier.workers for tier in self._tiers if tier.executor is not None)

    def _end_if_idle(self, tier: _Tier, countdown: threading.Timer) -> None:
        with self._lock:
            if tier.countdown is not countdown or tier.pending:
                return
            tier.countdown = None
            executor, tier.executor, tier.ready = tier.executor, None, False
            tier.end_when_idle = False
        log.info("chart workers idle: ended until the next chart")
        _end(executor)

    def _job_done(self, tier: _Tier, executor: Executor, _future: object = None) -> None:
        with self._lock:
            if tier.executor is executor:  # not a tier ended (or fallen back) meanwhile
                tier.pending -= 1
                self._count_down(tier)

    @staticmethod
    def is_broken(error: BaseException) -> bool:
        """True when ``error`` says the pool itself failed (not the job)."""
        return isinstance(error, BrokenProcessPool)

    def fall_back(self, reason: BaseException) -> None:
        """Use one thread from now on (a worker process died or could not start)."""
        with self._lock:
            if not self.in_processes:
                return
            log.warning("chart worker processes failed, drawing on a thread: %s", reason)
            self._use_thread()

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Run ``fn(*args)``; a pool that broke before the job was taken falls back first.
        Workers ended for idleness start again."""
        for attempt in (1, 2):
            with self._lock:
                executor, tier = self._choose()
                try:
                    future = executor.submit(_run_job, fn, args)
                except (BrokenProcessPool, RuntimeError) as exc:
                    if attempt == 2:
                        raise
                    log.warning("chart worker processes failed, drawing on a thread: %s", exc)
                    self._use_thread()
                    continue
                if tier is not None:
                    tier.pending += 1
                    tier.stop_countdown()
            if tier is not None:
                future.add_done_callback(partial(self._job_done, tier, executor))
            return future
        raise AssertionError("unreachable")

    def shutdown(self) -> None:
        """End the workers now; queued jobs are dropped, running ones fail (the pool starts
        again when needed).

        A worker is not left to finish its job: the application's process waits for its
        workers when it exits, and a worker still warming up took 8 s, with no window left.
        """
        with self._lock:
            ended: list[Executor | None] = []
            for tier in self._tiers:
                tier.stop_countdown()
                ended.append(tier.executor)
                tier.executor, tier.ready, tier.pending = None, False, 0
            ended.append(self._thread)
            self._thread = None
        for executor in ended:
            _end(executor)


def _end(executor: Executor | None) -> None:
    """Shut ``executor`` down and end its worker processes now."""
    if executor is None:
        return
    # ProcessPoolExecutor has no public way to end its workers before Python 3.14
    # (terminate_workers); its process table is the same private dict from 3.8 on.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):  # ended or closed meanwhile
            process.terminate()


_shared: RenderPool | None = None
_shared_lock = threading.Lock()


def shared_pool() -> RenderPool:
    """The application's one pool of chart workers (created on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = RenderPool(worker_count())
        return _shared


def shutdown_shared_pool() -> None:
    with _shared_lock:
        pool = _shared
    if pool is not None:
        pool.shutdown()
