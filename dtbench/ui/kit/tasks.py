"""The one way to run work off the GUI thread (after Anki's ``CollectionOp``/``QueryOp`` and
its task manager).

The work runs on a thread (or in a process pool, for futures made elsewhere); it never
touches a Qt object. Its outcome is handed to the :class:`TaskManager`, one object that lives
as long as the application, and reaches the GUI thread through a queued connection. There
the result is dropped quietly when the widget that asked for it is gone; otherwise the
success or failure callback runs. A progress dialog appears only when the work takes longer
than about half a second, and offers Cancel when the work looks at
:meth:`TaskContext.cancelled`.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from dtbench.errors import UserError

log = logging.getLogger(__name__)

T = TypeVar("T")

PROGRESS_DELAY_MS = 500
MAX_THREADS = 4


class TaskCancelled(Exception):
    """Raised by work that saw :meth:`TaskContext.cancelled`; the task ends quietly."""


class TaskManager(QObject):
    """Carries closures from any thread to the GUI thread; owns the task threads.

    Created once, on the GUI thread, as a child of the application: it outlives every task.
    After :meth:`close` (the application quits) nothing more is delivered.
    """

    _wake = Signal()

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._lock = threading.Lock()
        self._pending: list[Callable[[], None]] = []
        self._closed = False
        self._executor = ThreadPoolExecutor(MAX_THREADS, thread_name_prefix="dtbench-task")
        self.active: set[Task[Any]] = set()
        self._wake.connect(self._drain, QtCore.Qt.ConnectionType.QueuedConnection)
        app.aboutToQuit.connect(self.close)

    def run_on_main(self, closure: Callable[[], None]) -> None:
        """Run ``closure`` on the GUI thread soon; safe from any thread."""
        with self._lock:
            if self._closed:
                return
            self._pending.append(closure)
            wake = len(self._pending) == 1
            # Emitted under the lock: close() cannot slip in between the check and the emit.
            if wake:
                self._wake.emit()

    def _drain(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, []
        for closure in pending:
            try:
                closure()
            except Exception:  # a failing callback must not drop the others
                sys.excepthook(*sys.exc_info())

    def submit(self, work: Callable[[], T]) -> Future[T]:
        return self._executor.submit(work)

    def close(self) -> None:
        """Stop delivering; queued work that has not started is dropped."""
        with self._lock:
            self._closed = True
            self._pending = []
        self._executor.shutdown(wait=False, cancel_futures=True)

    @property
    def closed(self) -> bool:
        return self._closed


_manager: TaskManager | None = None


def task_manager() -> TaskManager:
    """The application's task manager (created on first use, on the GUI thread)."""
    global _manager
    if _manager is None or not shiboken6.isValid(_manager):
        app = QCoreApplication.instance()
        assert app is not None, "a QApplication is needed"
        assert threading.current_thread() is threading.main_thread()
        _manager = TaskManager(app)
    return _manager


def alive(owner: QObject | None) -> bool:
    """Whether ``owner`` still exists (on the C++ side too)."""
    return owner is None or shiboken6.isValid(owner)


def deliver(
    future: Future[T],
    owner: QObject | None,
    callback: Callable[[Future[T]], None],
) -> None:
    """When ``future`` is done (on whatever thread completes it), call ``callback(future)`` on
    the GUI thread, unless ``owner`` is gone by then."""
    manager = task_manager()

    def on_main() -> None:
        if alive(owner):
            callback(future)

    future.add_done_callback(lambda _f: manager.run_on_main(on_main))


class TaskContext:
    """Given to the work: whether to stop, and progress to report (both thread-safe)."""

    def __init__(self, task: Task[Any]) -> None:
        self._task = task
        self._manager = task_manager()
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._latest: tuple[str, int, int] | None = None

    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`TaskCancelled` when the user cancelled."""
        if self._event.is_set():
            raise TaskCancelled

    def progress(self, label: str, done: int, total: int) -> None:
        """Report progress; only the latest report is shown."""
        with self._lock:
            first = self._latest is None
            self._latest = (label, done, total)
        if first:
            self._manager.run_on_main(self._show_latest)

    def _show_latest(self) -> None:
        with self._lock:
            latest, self._latest = self._latest, None
        if latest is not None:
            self._task._progress_changed(*latest)


class _InputBlocker(QObject):
    """While a modal task runs and before its dialog shows, clicks and keys are ignored."""

    BLOCKED = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.Shortcut,
            QEvent.Type.ShortcutOverride,
            QEvent.Type.Wheel,
        }
    )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in self.BLOCKED


class Task(Generic[T]):
    """One piece of work started by :func:`run_task`."""

    def __init__(
        self,
        work: Callable[[TaskContext], T],
        owner: QObject | None,
        on_success: Callable[[T], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        label: str | None,
        cancellable: bool,
        modal: bool,
    ) -> None:
        self.owner = owner
        self.on_success = on_success
        self.on_failure = on_failure
        self.label = label
        self.cancellable = cancellable
        self.modal = modal
        self.context = TaskContext(self)
        self.finished = False
        self.result: T | None = None
        self.error: BaseException | None = None
        self.dialog: QtWidgets.QProgressDialog | None = None
        self._focused: QWidget | None = None  # where the keyboard was when the dialog came
        self._blocker: _InputBlocker | None = None
        self._timer: QTimer | None = None
        manager = task_manager()
        manager.active.add(self)
        if modal:
            self._blocker = _InputBlocker()
            app = QCoreApplication.instance()
            assert app is not None
            app.installEventFilter(self._blocker)
            QApplication.setOverrideCursor(QtCore.Qt.CursorShape.BusyCursor)
        if label is not None:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._show_dialog)
            self._timer.start(PROGRESS_DELAY_MS)
        self.future = manager.submit(lambda: work(self.context))
        self.future.add_done_callback(lambda _f: manager.run_on_main(self._finish))

    def cancel(self) -> None:
        """Ask the work to stop (it looks at ``context.cancelled()``); its outcome, often
        :class:`TaskCancelled`, still arrives through the callbacks."""
        self.context._event.set()

    # ------------------------------------------------------------ GUI thread
    def _window(self) -> QWidget | None:
        owner = self.owner
        if isinstance(owner, QWidget) and alive(owner):
            return owner.window()
        return None

    def _show_dialog(self) -> None:
        if self.finished or self.dialog is not None:
            return
        dialog = QtWidgets.QProgressDialog(self._window())
        dialog.setWindowTitle("dtbench")
        dialog.setLabelText(self.label or "")
        dialog.setRange(0, 0)
        dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 48)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setWindowModality(QtCore.Qt.WindowModality.ApplicationModal)
        if self.cancellable:
            dialog.setCancelButtonText(QCoreApplication.translate("Tasks", "Cancel"))
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        self.dialog = dialog
        self._focused = QApplication.focusWidget()
        self._unblock()  # the modal dialog blocks input from now on
        dialog.show()

    def _progress_changed(self, label: str, done: int, total: int) -> None:
        if label:
            self.label = label
        if self.dialog is not None and not self.finished:
            if label:
                self.dialog.setLabelText(label)
            if total > 0:
                self.dialog.setRange(0, total)
                self.dialog.setValue(min(done, total))

    def _unblock(self) -> None:
        if self._blocker is not None:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self._blocker)
            self._blocker = None

    def _close_ui(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._unblock()
        if self.modal:
            QApplication.restoreOverrideCursor()
            self.modal = False
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
            # the keyboard goes back where it was, at once: not left to the window manager
            # re-activating the window some time later (keys typed meanwhile went nowhere)
            focused, self._focused = self._focused, None
            if focused is not None and alive(focused) and focused.isVisible():
                focused.activateWindow()
                focused.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def _finish(self) -> None:
        self.finished = True
        self._close_ui()
        task_manager().active.discard(self)
        try:
            self.result = self.future.result()
        except CancelledError:
            return  # the application is quitting
        except Exception as exc:  # reaches the caller's failure callback on this thread
            self.error = exc
        if not alive(self.owner):
            return  # the widget that asked is gone: nothing to show
        if self.error is not None:
            if self.on_failure is not None:
                self.on_failure(self.error)
            else:
                show_failure(self.owner, self.error)
        elif self.on_success is not None:
            self.on_success(self.result)  # type: ignore[arg-type]


def show_failure(owner: QObject | None, error: BaseException) -> None:
    """The default failure report: a message for a problem the user can act on, the crash
    dialog for anything else."""
    if isinstance(error, TaskCancelled):
        return
    if isinstance(error, (UserError, OSError)):
        from dtbench.ui.kit.errors import describe

        report = getattr(owner, "show_error", None)  # the main window's own message
        if callable(report):
            report(describe(error))
            return
        parent = owner.window() if isinstance(owner, QWidget) else None
        QtWidgets.QMessageBox.warning(parent, "dtbench", describe(error))
    else:
        sys.excepthook(type(error), error, error.__traceback__)


def run_task(
    work: Callable[[TaskContext], T],
    *,
    owner: QObject | None,
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    label: str | None = None,
    cancellable: bool = False,
    modal: bool = False,
) -> Task[T]:
    """Run ``work(context)`` on a task thread.

    ``on_success(result)`` or ``on_failure(error)`` run on the GUI thread afterwards, unless
    ``owner`` has been deleted meanwhile (then the outcome is dropped quietly). Without
    ``on_failure``, a :class:`UserError` or ``OSError`` becomes a message box. ``label``:
    a progress dialog with this text appears after half a second; ``cancellable`` gives it a
    Cancel button (the work must look at ``context.cancelled()``). ``modal``: until the task
    ends, clicks and keys are ignored and a busy cursor shows (for commands that change the
    database the window shows).
    """
    return Task(work, owner, on_success, on_failure, label, cancellable, modal)


def busy() -> bool:
    """Whether any task is still running (tests wait for this)."""
    return _manager is not None and shiboken6.isValid(_manager) and bool(_manager.active)
