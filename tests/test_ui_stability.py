"""Opening and closing engagements, the dashboard and whole windows while charts are still
being drawn: no crash, and no worker thread ever touches a Qt object (the one exception is
handing a result to the task manager, which lives as long as the application)."""

from __future__ import annotations

import functools
import logging
import random
import sys
import threading
from types import FrameType
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication

from dtbench.sample import create_demo
from dtbench.store import Store

DASHBOARD = "dashboard"
CYCLES = 200


class QtFromThreads:
    """A profiler for threads other than the GUI thread: records every call made on a Qt
    object (a method of a Qt class, Python-defined or not) outside TaskManager.run_on_main."""

    def __init__(self) -> None:
        from dtbench.ui.kit.tasks import TaskManager

        self.allowed = TaskManager.run_on_main.__code__
        self.seen: list[str] = []
        self.threads: set[str] = set()

    def _inside_allowed(self, frame: FrameType | None) -> bool:
        while frame is not None:
            if frame.f_code is self.allowed:
                return True
            frame = frame.f_back
        return False

    def __call__(self, frame: FrameType, event: str, arg: Any) -> None:
        self.threads.add(threading.current_thread().name)
        if event == "c_call":
            while isinstance(arg, functools.partial):  # a partial calls its function in C
                arg = arg.func
            target = getattr(arg, "__self__", None)
        elif event == "call":
            target = frame.f_locals.get("self")
        else:
            return
        if _is_qt(target) and not self._inside_allowed(frame):
            name = getattr(arg, "__qualname__", None) or frame.f_code.co_qualname
            self.seen.append(f"{threading.current_thread().name}: {type(target).__name__}.{name}")


def _is_qt(target: object) -> bool:
    """A Qt object, or a signal of one."""
    return isinstance(target, shiboken6.Shiboken.Object) or type(target).__module__.startswith(
        "PySide6."
    )


@pytest.fixture
def profiled_threads(qapp: Any) -> Any:
    """Fresh chart workers and task threads, all started under the profiler."""
    from dtbench.reports import render_pool
    from dtbench.ui.kit import tasks

    tasks.task_manager().close()
    tasks._manager = None
    render_pool.shutdown_shared_pool()
    render_pool._shared = None
    watcher = QtFromThreads()
    threading.setprofile(watcher)
    try:
        yield watcher
    finally:
        threading.setprofile(None)  # type: ignore[arg-type]


def test_opening_and_closing_while_charts_draw_never_crashes(
    qtbot: Any,
    store: Store,
    translations: Any,
    profiled_threads: QtFromThreads,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from dtbench.store import open_store
    from dtbench.ui.kit.tasks import busy
    from dtbench.ui.shell.main_window import MainWindow

    caplog.set_level(logging.ERROR, logger="concurrent.futures")
    uuid = create_demo(store)
    rng = random.Random(12)
    window = MainWindow(store, translations, open_store=open_store)
    window.show()
    for cycle in range(CYCLES):
        step = DASHBOARD if cycle % 3 else rng.choice([DASHBOARD, "roadmap", "org_culture"])
        window.open_engagement(uuid, step)
        qtbot.wait(rng.choice([0, 0, 1, 5, 20, 60]))
        what = rng.random()
        if what < 0.5:
            window.show_list()  # close the engagement, charts still drawing
        elif what < 0.8:
            window.workspace.show_step(rng.choice(["profile", "scope", "diagnosis", DASHBOARD]))
        else:  # the whole window goes, pages, renderers and all
            window.close()
            window.deleteLater()
            QCoreApplication.processEvents()
            window = MainWindow(store, translations, open_store=open_store)
            window.show()
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: not busy(), timeout=60_000)
    qtbot.wait(200)  # late chart results arrive for renderers that are gone: dropped quietly
    assert profiled_threads.threads, "no worker thread ran: the test proves nothing"
    assert profiled_threads.seen == []
    # a callback that failed on a worker thread is only logged there
    assert [r.getMessage() for r in caplog.records if r.name == "concurrent.futures"] == []
    assert sys.exc_info() == (None, None, None)
