"""Chart jobs run in worker processes: every core draws, and the UI's thread never waits.

matplotlib is pure Python for most of a chart's work (artists, layout, text), so threads would
take turns on one interpreter lock; processes draw the dashboard's charts side by side and
leave the interpreter of the UI free. The workers are started with ``spawn`` (the same on
Windows, macOS and Linux, and safe next to Qt's threads), warmed up once (matplotlib, the CJK
font and the guide loaded, a first chart drawn), and run at a lower priority than the UI.

When worker processes cannot be used (one CPU, ``DTBENCH_CHART_WORKERS=0``, a system that
refuses new processes, a worker that died), jobs run on one background thread instead:
slower, never lost.

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
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

WORKERS_ENV = "DTBENCH_CHART_WORKERS"
MAX_WORKERS = 3  # the dashboard's slowest chart bounds a redraw: more workers add little
WORKER_NICENESS = 5


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


class RenderPool:
    """Runs chart jobs in worker processes, or on one thread when processes are unavailable."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: Executor | None = None
        self._lock = threading.Lock()
        self.in_processes = False

    def _start(self) -> Executor:
        if self.workers > 0:
            try:
                context = _WorkerContext()
                executor = ProcessPoolExecutor(
                    self.workers, mp_context=context, initializer=_warm_worker
                )
                for _ in range(self.workers):  # starts every worker now, not at the first job
                    executor.submit(_pid)
            except (OSError, RuntimeError, ValueError, BrokenProcessPool) as exc:
                log.warning("chart worker processes unavailable, drawing on a thread: %s", exc)
            else:
                self.in_processes = True
                return executor
        self.in_processes = False
        return ThreadPoolExecutor(1, thread_name_prefix="dtbench-chart")

    def _get(self) -> Executor:
        with self._lock:
            if self._executor is None:
                self._executor = self._start()
            return self._executor

    def warm(self) -> None:
        """Start the workers now (they warm up in the background)."""
        self._get()

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
            old, self._executor = self._executor, ThreadPoolExecutor(1)
            self.in_processes = False
        if old is not None:
            old.shutdown(wait=False, cancel_futures=True)

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Run ``fn(*args)``; a pool that broke before the job was taken falls back first."""
        try:
            return self._get().submit(fn, *args)
        except (BrokenProcessPool, RuntimeError) as exc:
            self.fall_back(exc)
            return self._get().submit(fn, *args)

    def shutdown(self) -> None:
        """End the workers now; queued jobs are dropped, running ones fail (the pool starts
        again when needed).

        A worker is not left to finish its job: the application's process waits for its
        workers when it exits, and a worker still warming up took 8 s, with no window left.
        """
        with self._lock:
            executor, self._executor = self._executor, None
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
