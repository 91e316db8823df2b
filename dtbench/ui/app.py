"""Start the GUI: application object, language, fonts, database, main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from dtbench import __version__
from dtbench.paths import DB_ENV, resource_path
from dtbench.store.errors import StoreError
from dtbench.ui.kit import settings as prefs
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.first_paint import after_first_paint
from dtbench.ui.kit.fonts import ensure_chinese_font
from dtbench.ui.kit.translations import Translations, system_language
from dtbench.ui.shell import crash, quit_signals
from dtbench.ui.shell.main_window import MainWindow, ask_database_path, confirm_new_database

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from dtbench.store.database import Store


class PasswordNeeded(Exception):
    """The team server at ``target`` wants a password that is not kept on this computer
    (``refused`` False) or refused the one kept (``refused`` True)."""

    def __init__(self, target: str, *, refused: bool) -> None:
        super().__init__(target)
        self.target = target
        self.refused = refused


def open_with_recovery(
    target: str | None, parent: QWidget | None = None, *, ask_password: bool = False
) -> Store | None:
    """Open the database, letting the user pick another file when it cannot be used.

    A named ``target`` (``--db``, the last database, a file picked) that holds no database
    is created only if the user agrees; the default one (None) is created silently. A team
    server out of reach opens this computer's database instead, with a message; one that
    refuses the login raises :class:`PasswordNeeded` when ``ask_password`` (the caller asks
    for the password) and is treated as out of reach otherwise.
    """
    from sqlalchemy.engine import make_url

    from dtbench.store.errors import ServerError, WrongPasswordError
    from dtbench.team.credentials import is_server, password_for

    while True:
        if target and not confirm_new_database(parent, target):
            return None
        try:
            store = _open_store(target or "")
            prefs.remember_database(target or store.url)
            return store
        except ServerError as exc:
            if not is_server(target):
                raise
            assert target is not None
            if ask_password and isinstance(exc, WrongPasswordError):
                # A password was tried (the address's own or the keyring's), or none is kept.
                tried = make_url(target).password is not None or password_for(target) is not None
                raise PasswordNeeded(target, refused=tried) from exc
            # The firm's server is out of reach (on site, on a train): work on this
            # computer's database, and say why.
            QtWidgets.QMessageBox.warning(
                parent,
                "dtbench",
                QCoreApplication.translate(
                    "App", "%1\n\nThis computer's own database is opened instead."
                ).replace("%1", describe(exc)),
            )
            target = None
        except StoreError as exc:
            box = QtWidgets.QMessageBox(
                QtWidgets.QMessageBox.Icon.Warning, "dtbench", describe(exc), parent=parent
            )
            other = box.addButton(
                QCoreApplication.translate("App", "Open another database…"),
                QtWidgets.QMessageBox.ButtonRole.AcceptRole,
            )
            box.addButton(QtWidgets.QMessageBox.StandardButton.Close)
            box.exec()
            if box.clickedButton() is not other:
                return None
            path = ask_database_path(parent)
            if not path:
                return None
            target = path


PasswordPrompt = Callable[[MainWindow, str, bool], object]


def open_at_start(
    window: MainWindow, target: str | None, prompt: PasswordPrompt | None = None
) -> object:
    """Open the start-up database in the (already shown) ``window``.

    When it is a team server whose password is not kept here, or was refused, ``prompt``
    (by default :func:`ask_password_at_start`) is called with the window, the server and
    whether the password was refused, and its result returned; it opens a database in the
    window itself. Otherwise None.
    """
    try:
        store = open_with_recovery(target, window, ask_password=True)
    except PasswordNeeded as needed:
        window.database_unavailable()  # until the user chooses
        return (prompt or ask_password_at_start)(window, needed.target, needed.refused)
    if store is None:
        window.database_unavailable()
    else:
        window.set_store(store)
    return None


def ask_password_at_start(window: MainWindow, target: str, refused: bool) -> QDialog:
    """The Connect dialog over the window (not blocking the start-up), filled in from
    ``target`` and saying why it asks; connecting works on the server, the other choice on
    this computer's database. The dialog is returned (tests drive it)."""
    from dtbench.ui.team.connect_dialog import ConnectDialog

    dialog = ConnectDialog(window, server=target, refused=refused)

    def chosen(result: int) -> None:
        dialog.deleteLater()
        store = dialog.store if result == QtWidgets.QDialog.DialogCode.Accepted else None
        if store is None:  # work on this computer's database
            store = open_with_recovery(None, window)
            if store is None:
                window.database_unavailable()
                return
            target_opened = store.url
        else:
            target_opened = dialog.target
        if window.store is None:
            prefs.remember_database(target_opened)
            window.set_store(store)
        else:  # another database was opened meanwhile (Ctrl+O): this one replaces it
            window.use_store(store, target_opened)

    dialog.finished.connect(chosen)
    dialog.open()  # window-modal, returns at once: the window is up and painting
    return dialog


def _open_store(target: str) -> Store:
    """Open ``target``; a team server's password comes from the keyring (never settings)."""
    from dtbench.store import open_store
    from dtbench.team.credentials import is_server, password_for

    password = password_for(target) if is_server(target) else None
    return open_store(target or None, password=password)


def run(db: str | None = None) -> int:
    """Show the main window at once, then open the database (SQLAlchemy loads meanwhile)."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("dtbench")
    app.setApplicationName("dtbench")
    app.setApplicationVersion(__version__)
    crash.install()
    app.setWindowIcon(QIcon(str(resource_path("icons", "dtbench.svg"))))
    translations = Translations(app)
    saved = prefs.settings().value("language")
    translations.apply(str(saved) if saved in ("zh", "en") else system_language())
    font = ensure_chinese_font()
    window = MainWindow(None, translations, open_store=_open_store)
    window.show_placed()
    if os.environ.get(MARKS_ENV):
        _mark_start_up(window)
    target = db or _remembered()

    def open_database() -> None:
        from dtbench.engagement.first_look import engagement_rows
        from dtbench.ui.kit.tasks import run_task

        # The list first, read with the standard library alone; the store has the last word
        # once it is open (loading it takes most of a second, on a thread once the window is
        # painted: see ui/kit/first_paint).
        rows = engagement_rows(target)
        if rows:
            window.list_page.set_rows(rows)
        window.list_page.set_state("checking")
        after_first_paint(
            window,
            lambda: run_task(
                lambda _context: _load_store_modules(),
                owner=window,
                on_success=lambda _done: check_for_damage(),
                on_failure=lambda _error: check_for_damage(),  # opening will say what is wrong
            ),
        )

    def check_for_damage() -> None:
        from dtbench.ui.exchange.backups import recover_at_open

        # A damaged file is moved aside and the newest good backup offered before opening;
        # the check reads the whole file (seconds for a large one), the window stays live.
        recover_at_open(target, window, lambda _moved: checked())

    def checked() -> None:
        if window.store is not None:  # another database was opened meanwhile (Ctrl+O)
            return
        window.list_page.set_state("loading")
        open_at_start(window, target)
        QTimer.singleShot(WORKSPACE_AHEAD_MS, window, window.prepare_workspace)
        if font is None:
            window.show_error(
                QCoreApplication.translate(
                    "App",
                    "No font that can display Chinese was found. Chinese text may appear as "
                    "empty boxes; install a Chinese font such as Noto Sans CJK SC.",
                )
            )
        if os.environ.get(SMOKE_ENV):
            _smoke_report(window, font)

    QTimer.singleShot(0, open_database)
    app.aboutToQuit.connect(_stop_chart_workers)
    # a logout: typing not saved is asked about if the session manager allows (ui/shell/unsaved)
    app.commitDataRequest.connect(window.session_ending)
    # SIGTERM, Ctrl+C: quit as closing the window does, from the first paint on (before it
    # there is nothing to keep; its socket module is not on the window's way)
    on_signal: list[quit_signals.QuitOnSignal] = []

    def handle_signals() -> None:
        installed = quit_signals.install(app)
        if installed is not None:
            on_signal.append(installed)

    after_first_paint(window, handle_signals)
    try:
        return app.exec()
    finally:
        for installed in on_signal:
            installed.remove()


def _load_store_modules() -> None:
    """Load the database layer (SQLAlchemy, the models, the SQLite dialect) on a task thread,
    so that opening the store on the GUI thread does not freeze the window while it loads."""
    import sqlalchemy.dialects.sqlite  # noqa: F401

    import dtbench.engagement.service
    import dtbench.store.database  # noqa: F401


def _stop_chart_workers() -> None:
    pool = sys.modules.get("dtbench.reports.render_pool")
    if pool is not None:  # started only once a chart was drawn
        pool.shutdown_shared_pool()


SMOKE_ENV = "DTBENCH_SMOKE"
# Once the database is open, the engagement workspace is built this much later (the list has
# been read, painted and answered first).
WORKSPACE_AHEAD_MS = 800
# The start-up benchmarks (tests/bench/bench_startup.py, bench_bundle.py): "shown", "painted",
# "filled" and "ready" on stdout as the window shows, is first painted, the list fills and the
# database opens; then quit.
MARKS_ENV = "DTBENCH_STARTUP_MARKS"


def _mark_start_up(window: MainWindow) -> None:
    said: set[str] = set()

    def say(word: str) -> None:
        if word not in said:
            said.add(word)
            print(word, flush=True)

    model = window.list_page.model

    def filled() -> None:
        if model.rowCount():
            say("filled")

    def look() -> None:
        filled()
        if window.store is not None:
            say("ready")
            QCoreApplication.quit()
            return
        QTimer.singleShot(5, look)

    # the list's rows arrive by a model reset: said then, not at the next look
    model.modelReset.connect(filled)
    QTimer.singleShot(0, lambda: say("shown"))  # the first turn of the event loop after show
    QTimer.singleShot(0, look)
    after_first_paint(window, lambda: say("painted"))  # what the user sees: the window drawn


def _smoke_report(window: MainWindow, font: str | None) -> None:
    """DTBENCH_SMOKE=1 (the bundle test): print what started, then quit."""
    import json

    from PySide6.QtGui import QFontDatabase

    from dtbench.reports.fonts import find_cjk_font
    from dtbench.reports.render_pool import probe, shared_pool

    chart = find_cjk_font()
    app_fonts: list[str] = []
    for font_id in range(8):  # fonts added by ensure_chinese_font() (ids count from 0)
        app_fonts += QFontDatabase.applicationFontFamilies(font_id)
    info: dict[str, object] = {
        "store": window.store is not None,
        "qt_font": font,
        "qt_app_fonts": app_fonts,
        "chart_font": chart.family if chart else None,
        "chart_font_file": str(chart.path) if chart else None,
    }
    # One chart job through the worker pool: in the bundle it starts the executable again.
    pool = shared_pool()
    worker = pool.submit(probe).result(timeout=60)
    info["chart_worker"] = {**worker, "in_processes": pool.in_processes, "main_pid": os.getpid()}
    print("dtbench-smoke-ok " + json.dumps(info, ensure_ascii=False), flush=True)
    QTimer.singleShot(0, QCoreApplication.quit)


def _remembered() -> str | None:
    if os.environ.get(DB_ENV):
        return None
    return prefs.last_database()
