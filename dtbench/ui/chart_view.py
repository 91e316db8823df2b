"""Charts drawn off the GUI thread: one worker renders PNGs, the views show them.

matplotlib is not thread-safe across figures that share fonts, so a single worker thread
renders one request at a time; a newer request supersedes an older one that has not started.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

LOGICAL_DPI = 100.0


class _Signals(QObject):
    one = Signal(int, str, bytes)  # generation, chart name, png
    done = Signal(int, object)  # generation, dict[name, bytes] or Exception


class _Job(QRunnable):
    def __init__(
        self,
        generation: int,
        work: Callable[[], dict[str, bytes]] | Sequence[tuple[str, Callable[[], bytes]]],
        signals: _Signals,
    ):
        super().__init__()
        self.generation = generation
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            if callable(self.work):
                result: object = self.work()
            else:  # one chart after the other, each shown as soon as it is drawn
                for name, draw in self.work:
                    self.signals.one.emit(self.generation, name, draw())
                result = {}
        except Exception as exc:  # reported to the UI, never lost in the thread
            result = exc
        self.signals.done.emit(self.generation, result)


class ChartRenderer(QObject):
    """Runs render jobs on one background thread; ``ready`` carries the newest result."""

    ready = Signal(object)  # dict[str, bytes] (empty after request_each)
    chart_ready = Signal(str, bytes)  # one chart of request_each
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._signals.one.connect(self._one)
        self.generation = 0
        self.busy = False

    def request(self, work: Callable[[], dict[str, bytes]]) -> None:
        self.generation += 1
        self.pool.clear()  # drop queued, not yet started, older requests
        self.busy = True
        self.pool.start(_Job(self.generation, work, self._signals))

    def request_each(self, jobs: Sequence[tuple[str, Callable[[], bytes]]]) -> None:
        """Draw charts one after the other; ``chart_ready`` shows each at once."""
        self.generation += 1
        self.pool.clear()
        self.busy = True
        self.pool.start(_Job(self.generation, jobs, self._signals))

    def _one(self, generation: int, name: str, png: bytes) -> None:
        if generation == self.generation:
            self.chart_ready.emit(name, png)

    def _done(self, generation: int, result: object) -> None:
        if generation != self.generation:
            return  # superseded
        self.busy = False
        if isinstance(result, Exception):
            self.failed.emit(str(result))
        else:
            self.ready.emit(result)

    def wait(self) -> None:
        self.pool.waitForDone()


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
        self.png = b""

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(width * self.aspect)

    def sizeHint(self) -> QSize:
        return QSize(480, int(480 * self.aspect))

    def inches(self) -> tuple[float, float]:
        width = max(self.width(), 200)
        return width / LOGICAL_DPI, width * self.aspect / LOGICAL_DPI

    def show_png(self, png: bytes) -> None:
        self.png = png
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if abs(event.size().width() - event.oldSize().width()) > 8:
            self.resized.emit()
