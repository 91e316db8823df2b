"""Start the GUI: application object, language, fonts, database, main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from dtbench import __version__
from dtbench.paths import resource_path
from dtbench.store import Store, StoreError, open_store
from dtbench.ui import settings as prefs
from dtbench.ui.errors import describe
from dtbench.ui.fonts import ensure_chinese_font
from dtbench.ui.translations import Translations, system_language


def open_with_recovery(target: str | None) -> Store | None:
    """Open the database, letting the user pick another file when it cannot be used."""
    while True:
        try:
            store = open_store(target)
            prefs.remember_database(target or store.url)
            return store
        except StoreError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, "dtbench", describe(exc))
            other = box.addButton(
                QCoreApplication.translate("App", "Open another database…"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if box.clickedButton() is not other:
                return None
            path, _f = QFileDialog.getSaveFileName(
                None,
                QCoreApplication.translate("App", "Open or create a database"),
                "",
                QCoreApplication.translate(
                    "App", "dtbench databases (*.sqlite3 *.db);;All files (*)"
                ),
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if not path:
                return None
            target = path


def run(db: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("dtbench")
    app.setApplicationName("dtbench")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "dtbench.svg"))))
    translations = Translations(app)
    saved = prefs.settings().value("language")
    translations.apply(str(saved) if saved in ("zh", "en") else system_language())
    font = ensure_chinese_font()
    store = open_with_recovery(db or _remembered())
    if store is None:
        return 1
    from dtbench.ui.main_window import MainWindow

    window = MainWindow(store, translations, open_store=open_store)
    window.show()
    if font is None:
        QTimer.singleShot(
            0,
            lambda: window.show_error(
                QCoreApplication.translate(
                    "App",
                    "No font that can display Chinese was found. Chinese text may appear as empty "
                    "boxes; install a Chinese font such as Noto Sans CJK SC.",
                )
            ),
        )
    return app.exec()


def _remembered() -> str | None:
    import os

    from dtbench.paths import DB_ENV

    if os.environ.get(DB_ENV):
        return None
    return prefs.last_database()
