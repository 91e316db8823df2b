"""Backups in the GUI: the automatic scheduler, the Backups dialog, the check at start-up.

The work itself is in ``dtbench.store.backups`` (no Qt); this module runs it off the GUI thread
where it may take a while, and asks the user what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtbench.errors import UserError
from dtbench.store import backups as core
from dtbench.store.errors import NewerDatabaseError
from dtbench.ui.kit.changes import Changes
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.tasks import Task, TaskContext, alive, run_task, show_failure, task_manager
from dtbench.ui.kit.window_fit import resize_within_screen

if TYPE_CHECKING:
    from dtbench.store.backups import BackupInfo, CheckResult
    from dtbench.ui.kit.shell import Shell

DEFAULT_INTERVAL_MINUTES = 10
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def reason_label(reason: str) -> str:
    """The reason encoded in a backup's name, in the user's language."""
    if reason == "scheduled":
        return QCoreApplication.translate("Backups", "Automatic")
    if reason == "manual":
        return QCoreApplication.translate("Backups", "Manual")
    if reason.startswith("before-migration"):
        return QCoreApplication.translate("Backups", "Before a database update")
    if reason.startswith("before-import"):
        return QCoreApplication.translate("Backups", "Before an import")
    if reason.startswith("before-restore"):
        return QCoreApplication.translate("Backups", "Before a restore")
    return reason


def integrity_label(check: CheckResult) -> str:
    if check.ok and check.revision is not None:
        return QCoreApplication.translate("Backups", "OK")
    if isinstance(check.error, NewerDatabaseError):
        return QCoreApplication.translate("Backups", "From a newer dtbench")
    if check.damaged:
        return QCoreApplication.translate("Backups", "Damaged")
    return QCoreApplication.translate("Backups", "Not usable")


def _stamp(info: BackupInfo) -> str:
    return info.created.strftime("%Y-%m-%d %H:%M:%S")


# ------------------------------------------------------------------ the scheduler
class BackupScheduler(QObject):
    """Every ``interval_minutes``, backs the database up when it changed since the last backup.

    Change is detected from the modification time and size of the file and its -wal (no
    connection kept open); the backup (online backup API + integrity check + rotation) runs on
    a worker thread. A scheduled backup identical to the newest one is not kept. The owner
    calls ``set_database`` when a database is opened and ``finish`` before closing it.
    """

    backed_up = Signal(object)  # BackupInfo of a new backup
    failed = Signal(str)  # why a backup failed, in the UI language
    finished = Signal()  # after every attempt, successful or not

    def __init__(
        self,
        parent: QObject | None = None,
        interval_minutes: float = DEFAULT_INTERVAL_MINUTES,
        *,
        keep_recent: int = 10,
        keep_daily: int = 7,
        keep_weekly: int = 4,
    ) -> None:
        super().__init__(parent)
        self.keep = (keep_recent, keep_daily, keep_weekly)
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, int(interval_minutes * 60_000)))
        self.timer.timeout.connect(self.tick)
        self._path: Path | None = None
        self._backed: tuple[int, ...] | None = None  # signature when last backed up
        self._running: Task[BackupInfo | None] | None = None
        self._after: list[Callable[[], None]] = []  # what waits for the running backup

    @property
    def database(self) -> Path | None:
        return self._path

    @property
    def busy(self) -> bool:
        return self._running is not None

    def set_database(self, path: str | Path | None) -> None:
        """Watch ``path`` (None: nothing). The first tick compares with the newest backup."""
        self._path = Path(path) if path else None
        self._backed = None

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def changed(self) -> bool:
        """Whether the database changed since the last backup (always, before the first)."""
        if self._path is None or not self._path.is_file():
            return False
        return core.database_signature(self._path) != self._backed

    def tick(self) -> bool:
        """Start a backup when the database changed; True when one was started."""
        if self._path is None or self.busy or not self.changed():
            return False
        self._back_up(self._path, label=None, report=True)
        return True

    def _back_up(self, path: Path, *, label: str | None, report: bool) -> None:
        signature = core.database_signature(path)
        recent, daily, weekly = self.keep

        def work(_context: TaskContext) -> BackupInfo | None:
            return core.scheduled_backup(
                path, keep_recent=recent, keep_daily=daily, keep_weekly=weekly
            )

        def done(result: object) -> None:
            self._running = None
            if isinstance(result, BaseException):
                if report:
                    self.failed.emit(describe(result))
            elif path == self._path:
                self._backed = signature
                if result is not None:
                    self.backed_up.emit(result)
            self.finished.emit()
            after, self._after = self._after, []
            for then in after:
                then()

        self._running = run_task(
            work, owner=self, on_success=done, on_failure=done, label=label, modal=label is not None
        )

    def finish(self, then: Callable[[], None]) -> None:
        """Before the database is closed: after a running backup, back up what changed, then
        call ``then()``. Never fails: a failed backup must not keep the window from closing.
        The window keeps painting meanwhile; a progress dialog shows when it takes a while.
        """
        self.stop()
        if self.busy:
            self._after.append(lambda: self.finish(then))
            return
        if self._path is None or not self.changed():
            then()
            return
        self._after.append(then)
        label = self.tr("Taking a last backup of the database…")
        self._back_up(self._path, label=label, report=False)


# -------------------------------------------------------------------- the dialog
class BackupsDialog(QDialog):
    """The backups of one database: date, reason, size and integrity; restore one."""

    restored = Signal(object)  # the previous file's new name (Path), or None
    backed_up = Signal(object)  # BackupInfo of a backup taken with "Back up now"

    def __init__(
        self,
        db_path: Path,
        parent: QWidget | None = None,
        *,
        before_restore: Callable[[], bool | None] | None = None,
        after_restore: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("BackupsDialog")
        self.db_path = Path(db_path)
        self.folder = core.backups_folder(self.db_path)
        self._before_restore = before_restore
        self._after_restore = after_restore
        self.backups: list[BackupInfo] = []
        self._known: dict[str, CheckResult] = {}  # integrity already checked, by file
        self._checks: Task[None] | None = None

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("backups_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.backup_button = QPushButton(self)
        self.backup_button.setObjectName("backup_now")
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restore")
        self.restore_file_button = QPushButton(self)
        self.restore_file_button.setObjectName("restore_file")
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("open_folder")
        for button in (
            self.backup_button,
            self.restore_button,
            self.restore_file_button,
            self.folder_button,
        ):
            button.setAutoDefault(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        self.restore_file_button.clicked.connect(lambda: self.restore_from_file())
        self.folder_button.clicked.connect(self.open_folder)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 760, 440)
        self.retranslate()
        self.refresh()
        self.table.setFocus()

    # ------------------------------------------------------------------ contents
    def refresh(self) -> None:
        """Reload the list; integrity is checked in the background, newest first."""
        self._cancel_checks()
        self.backups = core.list_backups(self.folder)
        locale = QLocale()
        self.table.setRowCount(len(self.backups))
        pending: list[BackupInfo] = []
        for row, info in enumerate(self.backups):
            size = locale.formattedDataSize(info.size)
            cells = [_stamp(info), reason_label(info.reason), size, ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(PATH_ROLE, str(info.path))
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
            known = self._known.get(str(info.path))
            if known is not None:
                info.__dict__["check"] = known
                self._show_check(row, known)
            else:
                self.table.setItem(row, 3, QTableWidgetItem(self.tr("Checking…")))
                pending.append(info)
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()
        if pending:
            self._checks = run_task(
                partial(self._check_all, pending),
                owner=self,
                on_success=lambda _r: self._checks_ended(),
                on_failure=lambda _e: self._checks_ended(),
            )

    @property
    def checking(self) -> bool:
        return self._checks is not None

    def _check_all(self, infos: list[BackupInfo], context: TaskContext) -> None:
        manager = task_manager()
        for info in infos:  # task thread: reads each file, touches no widget
            context.check()
            check = info.check
            manager.run_on_main(partial(self._checked_if_shown, str(info.path), check))

    def _checked_if_shown(self, path: str, check: CheckResult) -> None:
        if alive(self):
            self._checked(path, check)

    def _checks_ended(self) -> None:
        self._checks = None

    def _checked(self, path: str, check: CheckResult) -> None:
        for row, info in enumerate(self.backups):
            if str(info.path) == path:
                info.__dict__.setdefault("check", check)
                self._known[path] = check
                self._show_check(row, check)
        self._update_buttons()

    def _show_check(self, row: int, check: CheckResult) -> None:
        item = QTableWidgetItem(integrity_label(check))
        if check.error is not None:
            item.setToolTip(describe(check.error))
        self.table.setItem(row, 3, item)

    def _cancel_checks(self) -> None:
        if self._checks is not None:
            self._checks.cancel()  # its late results are for files no longer listed
            self._checks = None

    def current(self) -> BackupInfo | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.backups) and self.table.selectionModel().hasSelection():
            return self.backups[row]
        return None

    def _update_buttons(self) -> None:
        info = self.current()
        known_bad = info is not None and "check" in info.__dict__ and not info.ok
        self.restore_button.setEnabled(info is not None and not known_bad)

    # ------------------------------------------------------------------ commands
    def back_up_now(self) -> None:
        """Take a verified backup now (off the GUI thread, progress after half a second)."""
        folder, db_path = self.folder, self.db_path

        def work(_context: TaskContext) -> BackupInfo:
            info = core.take_backup(db_path, "manual", folder)
            info.__dict__["check"] = info.check
            core.rotate(folder)
            return info

        def done(info: BackupInfo) -> None:
            self._known[str(info.path)] = info.check
            self.refresh()
            self.status.setText(self.tr("Backup saved: %1").replace("%1", str(info.path)))
            self.backed_up.emit(info)

        run_task(
            work,
            owner=self,
            on_success=done,
            on_failure=lambda exc: self._warn(self.tr("Backups"), exc),
            label=self.tr("Backing up the database…"),
            modal=True,
        )

    def _warn(self, title: str, error: BaseException) -> None:
        QMessageBox.warning(self, title, describe(error))

    def restore_selected(self, *, confirm: bool = True) -> bool:
        info = self.current()
        if info is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Restore backup"),
                self.tr(
                    "Replace the current database with the backup from %1?\n\n"
                    "The current database is kept aside first, next to it."
                ).replace("%1", _stamp(info)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self._restore(info.path, _stamp(info))

    def restore_from_file(self, path: str | None = None, *, confirm: bool = True) -> bool:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Restore from a file"),
                str(self.folder),
                self.tr("dtbench databases (*.sqlite3 *.db);;All files (*)"),
            )
            if not path:
                return False
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Restore backup"),
                self.tr(
                    "Replace the current database with %1?\n\n"
                    "The current database is kept aside first, next to it."
                ).replace("%1", path),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self._restore(Path(path), path)

    def _restore(self, source: Path, label: str) -> bool:
        """Replace the database with ``source`` off the GUI thread; True when started."""
        if self._before_restore is not None and self._before_restore() is False:
            return False  # the consultant stays with typing not saved: nothing replaced
        db_path = self.db_path

        def done(aside: Path | None) -> None:
            if self._after_restore is not None:
                self._after_restore()
            text = self.tr("Restored %1.").replace("%1", label)
            if aside is not None:
                text += " " + self.tr("The previous database was kept as %1.").replace(
                    "%1", str(aside)
                )
            self.status.setText(text)
            self.restored.emit(aside)
            self.refresh()

        def failed(error: BaseException) -> None:
            if self._after_restore is not None:
                self._after_restore()  # the database is as it was: show it again
            self._warn(self.tr("Restore backup"), error)

        run_task(
            lambda _context: core.restore(source, db_path),
            owner=self,
            on_success=done,
            on_failure=failed,
            label=self.tr("Restoring the backup…"),
            modal=True,
        )
        return True

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    # --------------------------------------------------------------------- Qt
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups"))
        self.intro.setText(
            self.tr(
                "Backups of %1 are made automatically when it changed (every %2 minutes), "
                "and before every import, database update and restore. They are checked for "
                "damage and kept in %3."
            )
            .replace("%1", str(self.db_path))
            .replace("%2", str(DEFAULT_INTERVAL_MINUTES))
            .replace("%3", str(self.folder))
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Reason"), self.tr("Size"), self.tr("Integrity")]
        )
        self.backup_button.setText(self.tr("&Back up now"))
        self.restore_button.setText(self.tr("&Restore…"))
        self.restore_file_button.setText(self.tr("Restore from &file…"))
        self.folder_button.setText(self.tr("Open &folder"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        self._cancel_checks()
        super().done(result)


# ------------------------------------------------------------------ entry points
def backups_dialog_for(shell: Shell) -> BackupsDialog | None:
    """The Backups dialog for the open database, wired to close and reopen it."""
    store = shell.store
    path = store.path if store is not None else None
    if path is None:
        shell.show_error(
            QCoreApplication.translate("Backups", "Backups are kept for database files only.")
        )
        return None

    def after() -> None:
        if shell.reopen_database(str(path)):
            shell.changes.publish(Changes.everything())

    return BackupsDialog(
        path, shell.window(), before_restore=shell.close_database, after_restore=after
    )


def open_backups_dialog(shell: Shell) -> None:
    """File ▸ Backups…: list the backups of the open database and restore one."""
    dialog = backups_dialog_for(shell)
    if dialog is not None:
        dialog.exec()
        dialog.deleteLater()


def check_at_open(path: str | Path) -> str | None:
    """Quick check before opening ``path``; a damaged file is moved aside, never written to.

    Returns the newest good backup to offer when the file was damaged (and moved aside as
    ``<name>.damaged-<time>``), else None.
    """
    found = core.inspect_at_open(path)
    return str(found.backup.path) if found.backup is not None else None


def recover_at_open(
    target: str | Path | None,
    parent: QWidget | None = None,
    then: Callable[[bool], None] | None = None,
) -> None:
    """GUI start-up: check the database off the GUI thread (it reads the whole file: seconds
    for a large one) and, if it is damaged, move it aside and offer the newest good backup.
    ``then(moved)`` follows, on the GUI thread, with True when a damaged file was moved aside.

    Call before ``open_store``; a locked file, a newer database or another program's file is
    left alone for ``open_store`` to explain.
    """
    finish = then or (lambda _moved: None)
    try:
        path = core.database_path(target)
    except UserError:
        path = None
    if path is None:
        finish(False)
        return

    def checked(found: core.OpenCheck) -> None:
        finish(_offer_backup(path, found, parent))

    def failed(error: BaseException) -> None:
        if isinstance(error, UserError):
            QMessageBox.warning(parent, "dtbench", describe(error))
        else:
            show_failure(parent, error)
        finish(False)

    run_task(
        lambda _context: core.inspect_at_open(path),
        owner=parent,
        on_success=checked,
        on_failure=failed,
    )


def _offer_backup(path: Path, found: core.OpenCheck, parent: QWidget | None) -> bool:
    if found.moved_to is None:
        return False
    text = QCoreApplication.translate(
        "Backups",
        "The database %1 is damaged. It was moved aside as %2 and will not be written to.",
    ).replace("%1", str(path))
    text = text.replace("%2", str(found.moved_to))
    if found.backup is None:
        QMessageBox.warning(
            parent,
            "dtbench",
            text
            + "\n\n"
            + QCoreApplication.translate(
                "Backups", "No good backup was found: dtbench starts with an empty database."
            ),
        )
        return True
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "dtbench",
        text
        + "\n\n"
        + QCoreApplication.translate("Backups", "Restore the newest good backup, from %1?").replace(
            "%1", _stamp(found.backup)
        ),
        parent=parent,
    )
    restore_button = box.addButton(
        QCoreApplication.translate("Backups", "&Restore the backup"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("Backups", "Start with an &empty database"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(restore_button)
    box.exec()
    if box.clickedButton() is restore_button:
        try:
            core.restore(found.backup, path)
        except UserError as exc:
            QMessageBox.warning(parent, "dtbench", describe(exc))
    return True
