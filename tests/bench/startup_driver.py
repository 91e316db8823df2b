"""Child process of bench_startup.py: show a main window, say so, quit.

``floor``: a bare QApplication with an empty QMainWindow. ``dtbench``: the real start-up
(dtbench.cli.main) against the database named by DTBENCH_DB. Both print "shown" once the event
loop has run after the window's first Show event; dtbench then prints "filled" when the
engagement list holds the database's rows, and "ready" once the database itself is open.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _Watch(QObject):
    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode
        self.seen = False
        self.filled = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow) and not self.seen:
            self.seen = True
            QTimer.singleShot(0, lambda: self._shown(obj))
        return False

    def _shown(self, window: QObject) -> None:
        print("shown", flush=True)
        if self.mode == "floor":
            _quit()
            return
        # dtbench opens its database right after the window shows; wait for the list.
        model = window.list_page.model  # type: ignore[attr-defined]
        if model.rowCount():
            self._filled()
        else:
            model.modelReset.connect(self._filled)

    def _filled(self) -> None:
        if self.filled:
            return  # the list is filled again once the database is open
        self.filled = True
        print("filled", flush=True)
        # the list may come from the first look: the database itself opens after it
        self._wait_ready()

    def _wait_ready(self) -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
        if getattr(window, "store", None) is not None:
            print("ready", flush=True)
            _quit()
        else:
            QTimer.singleShot(5, self._wait_ready)


def _quit() -> None:
    app = QApplication.instance()
    assert app is not None
    app.quit()


def main() -> int:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    watch = _Watch(mode)
    app.installEventFilter(watch)
    if mode == "floor":
        window = QMainWindow()
        window.show()
        return app.exec()
    from dtbench.cli import main as dtbench_main

    return dtbench_main([])


if __name__ == "__main__":
    sys.exit(main())
