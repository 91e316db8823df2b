"""Slow work off the UI thread when the caller has to wait for its result anyway."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QTimer

T = TypeVar("T")

POLL_MS = 20


def wait_responsive(work: Callable[[], T]) -> T:
    """``work()`` run on a thread while the event loop keeps the windows painting and
    answering; returns its result or raises its exception (a 4-second integrity check of a
    large database at start-up must not look like a frozen window)."""
    with ThreadPoolExecutor(1, thread_name_prefix="dtbench-wait") as pool:
        future = pool.submit(work)
        if not future.done():
            loop = QEventLoop()
            timer = QTimer()
            timer.setInterval(POLL_MS)
            timer.timeout.connect(lambda: loop.quit() if future.done() else None)
            timer.start()
            loop.exec()
            timer.stop()
        return future.result()
