"""Guarded start for the frozen bundle (used only by packaging/entry.py).

dtbench.ui.shell.crash covers errors once the QApplication exists. This wrapper also covers what
happens before that — a missing module, a broken Qt plugin, an unreadable data folder: the
traceback is appended to ``logs/dtbench.log`` in the user data folder (the same file the crash
hook writes) and a message box names that file, or, when Qt itself cannot start, the message is
printed on stderr.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

MESSAGE = "dtbench could not start: {error}\n\nDetails were written to {path}"


def _log_file() -> Path:
    try:
        from dtbench.paths import data_dir

        folder = data_dir() / "logs"
    except Exception:
        folder = Path(tempfile.gettempdir()) / "dtbench-logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "dtbench.log"


def write_log(error: BaseException) -> Path | None:
    """Append the traceback of ``error`` to the log; None when no log can be written."""
    try:
        path = _log_file()
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"\n--- {datetime.now().isoformat(timespec='seconds')} (start-up)\n")
            handle.write("".join(traceback.format_exception(error)))
        return path
    except OSError:
        return None


def _show(text: str) -> bool:
    """Show ``text`` in a message box; False when Qt cannot show one."""
    if os.environ.get("DTBENCH_NO_DIALOG"):
        return False
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication(sys.argv[:1])
        del app
        QMessageBox.critical(None, "dtbench", text)
        return True
    except Exception:
        return False


def report(error: BaseException) -> None:
    path = write_log(error)
    text = MESSAGE.format(error=str(error) or type(error).__name__, path=path or "(no log)")
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(text + "\n")
    _show(text)


def guarded(entry: Callable[[Sequence[str] | None], int], argv: Sequence[str] | None = None) -> int:
    """Run ``entry(argv)``; any unexpected exception is logged and shown, exit code 1."""
    try:
        return entry(argv)
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as error:
        report(error)
        return 1


def main(gui: bool, argv: Sequence[str] | None = None) -> int:
    """``dtbench`` (the CLI, the GUI without a sub-command) or ``dtbench-gui``."""

    def entry(args: Sequence[str] | None) -> int:
        from dtbench import cli

        return cli.gui_main(args) if gui else cli.main(args)

    return guarded(entry, argv)
