"""Last line of defence: an unexpected error is logged and shown, and the app keeps running."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from dtbench.errors import UserError
from dtbench.paths import data_dir


def log_path() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "dtbench.log"


def write_log(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> Path:
    from datetime import datetime  # the hook is installed first thing: load on a crash

    path = log_path()
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\n--- {datetime.now().isoformat(timespec='seconds')}\n")
        handle.write("".join(traceback.format_exception(kind, value, tb)))
    return path


def _hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    try:
        path = write_log(kind, value, tb)
    except OSError:
        path = None
    sys.__excepthook__(kind, value, tb)
    if QApplication.instance() is None:
        return
    from PySide6.QtWidgets import QMessageBox

    if isinstance(value, UserError):  # a problem the user can act on (a damaged database…)
        QMessageBox.warning(None, "dtbench", value.message(QCoreApplication.translate))
        return
    text = QCoreApplication.translate(
        "Crash", "Something went wrong: %1\n\nYour saved work is safe. Details were written to %2."
    )
    QMessageBox.critical(
        None, "dtbench", text.replace("%1", str(value) or kind.__name__).replace("%2", str(path))
    )


def install() -> None:
    sys.excepthook = _hook
