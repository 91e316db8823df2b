"""Child process of bench_startup.py: show a main window, say so, quit.

``floor``: a bare QApplication with an empty QMainWindow; it prints "shown" in the first turn
of the event loop after ``show()`` and "painted" in the turn after its window's first expose
(handling which paints it). ``dtbench``: the real start-up (``dtbench.cli.main``, as the
``dtbench`` command runs it) against the database named by DTBENCH_DB, with
DTBENCH_STARTUP_MARKS set: it prints "shown" and "painted" at the same moments, "filled" when
the engagement list holds the database's rows and "ready" once the database itself is open,
then quits.

Neither installs an event filter on the application: a Python filter there sees every event of
every widget, and made the richer window look slower than it is (the one on the native window
sees only that window's few events).
"""

from __future__ import annotations

import sys

# The floor, as a script: bench_bundle.py freezes the same one into a bare bundle.
FLOOR_SCRIPT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
said = []


def say(word):
    print(word, flush=True)
    said.append(word)
    if len(said) == 2:
        app.quit()


class FirstExpose(QObject):
    exposed = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and not self.exposed:
            self.exposed = True
            QTimer.singleShot(0, lambda: say("painted"))
        return False


first_expose = FirstExpose()
window.windowHandle().installEventFilter(first_expose)
QTimer.singleShot(0, lambda: say("shown"))
sys.exit(app.exec())
"""


def floor() -> int:
    exec(compile(FLOOR_SCRIPT, "floor", "exec"), {"__name__": "floor"})
    return 0


def main() -> int:
    if sys.argv[1] == "floor":
        return floor()
    from dtbench.cli import main as dtbench_main

    return dtbench_main([])


if __name__ == "__main__":
    sys.exit(main())
