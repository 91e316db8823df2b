"""SIGTERM, SIGINT (Ctrl+C) and SIGHUP quit the application the way closing its window does.

Without this a signal ends the process at once: no last backup, no saved window geometry, and
nothing stops the chart workers in an orderly way. Python runs its signal handlers only between
bytecodes, which never come while Qt waits for events: the C-level handler writes the signal's
number to a socket (``signal.set_wakeup_fd``) and a socket notifier wakes the event loop. The
window is closed from the event loop, never from the middle of whatever Python code the signal
interrupted. A second signal ends the process at once (its chart workers end with it).

Nobody may be there to answer a question (a logout sends SIGTERM, then SIGKILL a few seconds
later; ``kill`` from a script): while the windows close on a signal, :func:`unattended` is
true and closing asks nothing. Typing a colleague's change left unsaved is then written to a
file instead of being asked about (ui/shell/unsaved.py).
"""

from __future__ import annotations

import contextlib
import signal
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

QUIT_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


UNATTENDED = "dtbench_closing_on_signal"  # the application's property while it does


def unattended() -> bool:
    """Whether the windows are closing on a quit signal (nobody to ask)."""
    app = QApplication.instance()
    return app is not None and bool(app.property(UNATTENDED))


def _noted(_signum: int, _frame: FrameType | None) -> None:
    """The Python handler does nothing: the wakeup socket carries the signal to Qt."""


class QuitOnSignal(QObject):
    """While installed, a quit signal closes every window (their closeEvent runs) and quits."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.quitting = False
        import socket  # installed after the window's first paint: not on its way

        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._previous: dict[int, signal.Handlers | object] = {}
        for signum in QUIT_SIGNALS:
            if signal.getsignal(signum) is signal.SIG_IGN:
                continue  # started to ignore it (``nohup``, a background job): keep it so
            self._previous[signum] = signal.signal(signum, _noted)

    def _woken(self) -> None:
        try:
            received = self._reader.recv(64)
        except OSError:  # woken without data (spurious): nothing to do
            return
        if any(number in self._previous for number in received):
            self.quit()

    def quit(self) -> None:
        """Close the windows as the user would, then quit; a second signal ends at once."""
        if self.quitting:
            return
        self.quitting = True
        for signum in self._previous:
            signal.signal(signum, signal.SIG_DFL)
        self.app.setProperty(UNATTENDED, True)
        self.app.closeAllWindows()
        if any(widget.isVisible() for widget in self.app.topLevelWidgets()):
            # A window that closes later (it takes its last backup first): quit when it has
            # closed, not before (Qt 6 also defers quit() while a window refuses to close).
            self.app.lastWindowClosed.connect(self.app.quit)
        else:
            self.app.quit()

    def remove(self) -> None:
        """Give the signals back (after the event loop ended)."""
        self._notifier.setEnabled(False)
        if not self.quitting:
            for signum, previous in self._previous.items():
                if previous is not None:  # None: a handler not set from Python
                    signal.signal(signum, previous)  # type: ignore[arg-type]
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


def install(app: QApplication) -> QuitOnSignal | None:
    """Quit on a signal from now on; None when signals cannot be handled here (not the main
    thread)."""
    try:
        return QuitOnSignal(app)
    except ValueError:  # set_wakeup_fd and signal() work only in the main thread
        return None
