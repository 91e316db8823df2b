"""Child process of bench_startup.py: show a main window, say so, quit.

``floor``: a bare QApplication with an empty QMainWindow; it prints "shown" in the first turn
of the event loop after ``show()``. ``dtbench``: the real start-up (``dtbench.cli.main``, as
the ``dtbench`` command runs it) against the database named by DTBENCH_DB, with
DTBENCH_STARTUP_MARKS set: it prints "shown" at the same moment (the first turn of its event
loop after ``show()``), "filled" when the engagement list holds the database's rows and
"ready" once the database itself is open, then quits.

Neither installs an event filter: a Python filter on the application sees every event of every
widget, and made the richer window look slower than it is.
"""

from __future__ import annotations

import sys


def floor() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()

    def shown() -> None:
        print("shown", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    return app.exec()


def main() -> int:
    if sys.argv[1] == "floor":
        return floor()
    from dtbench.cli import main as dtbench_main

    return dtbench_main([])


if __name__ == "__main__":
    sys.exit(main())
