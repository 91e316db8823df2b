"""Charts drawn away from the UI: the shared pool of chart workers renders, the views show.

A :class:`ChartRenderer` sends each chart of a request to the pool as its own job, so the
charts are drawn side by side and each appears as soon as it is ready; a newer request
supersedes an older one (its jobs not yet started are cancelled, late results are dropped).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from concurrent import futures
from concurrent.futures import Future
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from dtbench.reports import chart_cache
from dtbench.reports.raster import Raster
from dtbench.ui.kit.tasks import deliver

if TYPE_CHECKING:
    from dtbench.reports.render_pool import RenderPool

log = logging.getLogger(__name__)

LOGICAL_DPI = 100.0

Job = Callable[[], Raster]


class ChartRenderer(QObject):
    """Draws the charts of the newest request in the chart workers.

    ``chart_ready`` shows each chart as it arrives, ``ready`` follows the last one of a request
    and ``failed`` reports a chart that could not be drawn.
    """

    chart_ready = Signal(str, object)  # chart name, Raster
    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, pool: RenderPool | None = None) -> None:
        super().__init__(parent)
        from dtbench.reports.render_pool import shared_pool  # processes: not at start-up

        self.pool = pool or shared_pool()
        self.generation = 0
        self._jobs: dict[str, Job] = {}
        self._futures: dict[str, Future[Raster]] = {}
        self.failures: list[str] = []
        QTimer.singleShot(0, self.pool.warm)

    @property
    def busy(self) -> bool:
        return bool(self._futures)

    def request(self, jobs: Mapping[str, Job]) -> None:
        """Draw ``jobs`` (chart name → job); an earlier request still running is dropped."""
        self.generation += 1
        for future in self._futures.values():
            future.cancel()
        self._futures = {}
        self._jobs = dict(jobs)
        if not self._jobs:
            self.ready.emit()
            return
        self.failures = []
        # Every job is listed before any result is looked at: one that is done at once must
        # not look like the last one.
        for name, job in self._jobs.items():
            self._futures[name] = chart_cache.submit(self.pool, job)
        for name, future in list(self._futures.items()):
            self._watch(name, future)

    def _watch(self, name: str, future: Future[Raster]) -> None:
        # The pool's thread never touches this object: the task manager brings the outcome to
        # the GUI thread and drops it when this renderer is gone.
        deliver(future, self, partial(self._finished, self.generation, name))

    def _finished(self, generation: int, name: str, future: Future[Raster]) -> None:
        if generation != self.generation or self._futures.get(name) is not future:
            return  # superseded
        if future.cancelled():
            return
        error = future.exception()
        if error is not None and self.pool.is_broken(error):  # the worker died: draw it on a thread
            self.pool.fall_back(error)
            self._futures[name] = chart_cache.submit(self.pool, self._jobs[name])
            self._watch(name, self._futures[name])
            return
        del self._futures[name]
        if error is None:
            self.chart_ready.emit(name, future.result())
        else:
            self.failures.append(str(error) or type(error).__name__)
        if not self._futures:
            if self.failures:
                self.failed.emit("; ".join(self.failures))
            self.ready.emit()

    def ask(self, job: Callable[[], object], done: Callable[[object], None]) -> None:
        """Run ``job`` in a chart worker (where matplotlib lives) and hand its result to
        ``done`` on the UI thread; a job that fails is logged, ``done`` is not called."""
        future = self.pool.submit(job)
        deliver(future, self, partial(self._answered, done))

    def _answered(self, done: Callable[[object], None], future: Future[Any]) -> None:
        if future.cancelled():
            return
        error = future.exception()
        if error is None:
            done(future.result())
        else:
            log.warning("chart worker question failed: %s", error)

    def wait(self) -> None:
        """Block until the current request's jobs are done (their results still arrive as
        queued signals: process events afterwards)."""
        futures.wait(list(self._futures.values()))


class ChartError(QLabel):
    """Says which charts could not be drawn, and why; hidden again once a redraw succeeds."""

    def __init__(self, renderer: ChartRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chart_error")
        self.setWordWrap(True)
        self.setStyleSheet("color: #9c2b23;")
        self.hide()
        self.renderer = renderer
        renderer.failed.connect(self._failed)
        renderer.ready.connect(self._ready)

    def _failed(self, message: str) -> None:
        self.setText(self.tr("A chart could not be drawn: %1").replace("%1", message))
        self.show()

    def _ready(self) -> None:
        if not self.renderer.failures:
            self.hide()


class ChartView(QLabel):
    """Shows a rendered chart at the screen's pixel ratio (sharp at 200 %)."""

    resized = Signal()

    def __init__(self, name: str, aspect: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"chart_{name}")
        self.name = name
        self.aspect = aspect  # height / width
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(200, int(200 * aspect))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.raster: Raster | None = None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(width * self.aspect)

    def sizeHint(self) -> QSize:
        return QSize(480, int(480 * self.aspect))

    def inches(self) -> tuple[float, float]:
        width = max(self.width(), 200)
        return width / LOGICAL_DPI, width * self.aspect / LOGICAL_DPI

    def show_raster(self, raster: Raster) -> None:
        self.raster = raster
        image = QImage(
            raster.rgba,
            raster.width,
            raster.height,
            4 * raster.width,
            QImage.Format.Format_RGBA8888,
        )
        pixmap = QPixmap.fromImage(image)  # a copy: the bytes need not outlive this call
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if abs(event.size().width() - event.oldSize().width()) > 8:
            self.resized.emit()
