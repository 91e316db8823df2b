"""The main window: the engagement list, the engagement workspace, menus and shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from dtbench.engagement.errors import NotFoundError
from dtbench.errors import UserError
from dtbench.lazy import lazy_module
from dtbench.store.errors import StoreError
from dtbench.store.location import display_name, new_database_at
from dtbench.ui.kit import settings as prefs
from dtbench.ui.kit.changes import ENGAGEMENTS, PLAN, PROFILE, ChangeHub, Changes
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.field_undo import FieldUndoFirst
from dtbench.ui.kit.tasks import run_task
from dtbench.ui.kit.translations import Translations
from dtbench.ui.kit.window_fit import place
from dtbench.ui.shell import quit_signals
from dtbench.ui.shell.engagement_list import EngagementListPage
from dtbench.ui.team.benchmark_refresh import BenchmarkRefresher

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QSessionManager

    from dtbench.deliverables.preflight import Target
    from dtbench.engagement import service
    from dtbench.store.database import Store
    from dtbench.ui.kit import undo as undo_kit
    from dtbench.ui.shell import unsaved
    from dtbench.ui.shell.workspace import Workspace
else:
    service = lazy_module("dtbench.engagement.service")
    # asked about only when something is left unsaved at a close or a switch
    unsaved = lazy_module("dtbench.ui.shell.unsaved")
    # its commands are made once an engagement is edited
    undo_kit = lazy_module("dtbench.ui.kit.undo")


def ask_database_path(parent: QWidget | None) -> str:
    """Ask for a database file to open or create; '' when cancelled."""
    path, _filter = QtWidgets.QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("MainWindow", "Open or create a database"),
        str(Path.home()),
        QCoreApplication.translate(
            "MainWindow", "dtbench databases (*.sqlite3 *.db);;All files (*)"
        ),
        options=QtWidgets.QFileDialog.Option.DontConfirmOverwrite,
    )
    return path


def confirm_new_database(parent: QWidget | None, target: str) -> bool:
    """True to go on opening ``target``: it holds a database, or the user agreed to create
    one there. A mistyped name or a moved file must not silently become an empty database."""
    try:
        path = new_database_at(target)
    except StoreError:
        return True  # not a usable name: opening it says why
    if path is None:
        return True
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Question,
        QCoreApplication.translate("MainWindow", "New database"),
        QCoreApplication.translate(
            "MainWindow", "There is no database at %1. Create a new database there?"
        ).replace("%1", str(path)),
        QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QtWidgets.QMessageBox.StandardButton.No)
    box.exec()
    return box.clickedButton() is box.button(QtWidgets.QMessageBox.StandardButton.Yes)


CHART_WORKERS_START_MS = 500


def _start_chart_workers(every_worker: bool = True) -> None:
    from dtbench.reports.render_pool import shared_pool  # processes: not at start-up

    shared_pool().warm(every_worker)


class MainWindow(QMainWindow):
    """Owns the open store and switches between the list and an engagement's workspace.

    It is the :class:`dtbench.ui.kit.shell.Shell` that feature code is given: the features
    reach the database, the open engagement, messages and change notices through that
    protocol only.
    """

    demo_opened = Signal(str)  # the sample engagement was created and opened

    def __init__(
        self,
        store: Store | None,
        translations: Translations,
        open_store: Callable[[str], Store] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.store = store
        self.translations = translations
        self._open_store = open_store
        # Created on first open: keeps the guide off the start-up path.
        self.workspace: Workspace | None = None
        self._pending_open: tuple[str, int | str] | None = None  # asked before the store opened
        self.backups: Any = None  # BackupScheduler, created with the first database
        self._closing = False  # a close waits for the last backup
        self._backed_up_for_close = False
        self.undo_group = QUndoGroup(self)
        self.changes = ChangeHub(self)
        self.changes.changed.connect(self._heard)
        self.live: Any = None  # on a firm's server: others' changes (ui/team/live.py)
        self.presence: Any = None  # and where the others are
        # No lambda over self here: a cycle would keep a closed window's wrapper alive.
        self.benchmark_refresher = BenchmarkRefresher(self.changes, self)
        self._create_actions()
        self.list_page = EngagementListPage(
            [
                self.act_new,
                self.act_open,
                self.act_edit,
                self.act_duplicate,
                self.act_archive,
                self.act_delete,
                self.act_trash,
            ],
            self,
        )
        # Delete acts on the list only (a text field keeps its own Delete key).
        self.list_page.addAction(self.act_delete)
        self.list_page.open_requested.connect(self.open_engagement)
        self.list_page.demo_requested.connect(lambda: self._guarded(self.open_demo))
        self.list_page.selection_changed.connect(self._update_actions)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list_page)
        self.setCentralWidget(self.stack)
        # The title names the engagement in view: it follows the page shown.
        self.stack.currentChanged.connect(lambda _index: self._update_title())
        self.stack.currentChanged.connect(lambda _index: self._announce_place())
        self._create_menus()
        self.translations.changed.connect(self._language_changed)
        self.retranslate()
        if store is None:
            self.list_page.set_state("loading")
        else:
            self._start_chart_workers_soon()
        self.refresh()
        self._restore_geometry()
        self._start_live()

    # ---------------------------------------------------------------- actions
    def _action(
        self,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(lambda _checked=False: self._guarded(slot))
        return action

    def _guarded(self, slot: Callable[[], object]) -> None:
        """Run a command; a problem the user can act on becomes a message, not a crash."""
        try:
            slot()
        except (UserError, NotFoundError, ValueError, OSError) as exc:
            self.show_error(describe(exc))
            self.refresh()

    def _create_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.act_new = self._action(self.new_engagement, key.New, "new")
        self.act_open = self._action(self.open_selected, None, "open")
        # both Enter keys; the menu shows the first, named as on the key: "Ctrl+Enter"
        self.act_open.setShortcuts([QKeySequence("Ctrl+Enter"), QKeySequence("Ctrl+Return")])
        self.act_edit = self._action(self.edit_profile, "Ctrl+E", "edit")
        self.act_duplicate = self._action(self.duplicate, "Ctrl+D", "duplicate")
        self.act_archive = self._action(self.archive, None, "archive")
        self.act_delete = self._action(self.delete, key.Delete, "delete")
        # by name: Qt.ShortcutContext would build Qt's namespace enums before the first window
        self.act_delete.setProperty("shortcutContext", "WidgetWithChildrenShortcut")
        self.act_trash = self._action(self.show_trash, None, "trash")
        self.act_back = self._action(self.show_list, "Alt+Left", "back")
        self.act_export = self._action(self.export_documents, "Ctrl+Shift+E", "export")
        self.act_from_template = self._action(
            self._new_from_template,
            "Ctrl+Shift+N",
            "from_tpl",
        )
        self.act_save_template = self._action(self._save_as_template, None, "save_tpl")
        self.act_library = self._action(self._open_template_library, None, "library")
        self.act_package_out = self._action(
            self._export_package,
            None,
            "package_out",
        )
        self.act_package_in = self._action(self._import_package, None, "package_in")
        self.act_questionnaire_out = self._action(
            self._export_questionnaire,
            None,
            "quest_out",
        )
        self.act_questionnaire_in = self._action(
            self._import_questionnaire,
            None,
            "quest_in",
        )
        self.act_backups = self._action(self._open_backups_dialog, None, "backups")
        self.act_take_offline = self._action(self._take_offline, None, "take_offline")
        self.act_sync = self._action(self._synchronise, None, "synchronise")
        self.act_open_db = self._action(self.choose_database, key.Open, "open_db")
        self.act_connect = self._action(self.connect_team_server, None, "connect")
        self.act_members = self._action(self.show_members, None, "members")
        self.act_quit = self._action(self.close, key.Quit, "quit")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_demo = self._action(self.open_demo, None, "demo")
        self.act_prefs = self._action(self.preferences, "Ctrl+,", "preferences")
        self.act_prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_about = self._action(self.about, None, "about")
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_shortcuts = self._action(self.show_shortcuts, None, "shortcuts")
        self.act_shortcuts.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        self.act_undo = self.undo_group.createUndoAction(self)
        self.act_undo.setShortcuts(key.Undo)
        self.act_redo = self.undo_group.createRedoAction(self)
        self.act_redo.setShortcuts(key.Redo)
        self.undo_group.undoTextChanged.connect(self._label_undo)
        self.undo_group.redoTextChanged.connect(self._label_undo)
        self._field_undo = FieldUndoFirst(self)  # Ctrl+Z in a text field: its own undo first
        self.lang_group = QActionGroup(self)
        self.act_zh = QAction("中文", self, checkable=True)
        self.act_en = QAction("English", self, checkable=True)
        for act, code in ((self.act_zh, "zh"), (self.act_en, "en")):
            self.lang_group.addAction(act)
            act.triggered.connect(lambda _c=False, c=code: self.set_language(c))

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_new)
        self.menu_file.addAction(self.act_from_template)
        self.menu_file.addAction(self.act_open)
        self.menu_file.addAction(self.act_back)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_export)
        self.menu_file.addAction(self.act_questionnaire_out)
        self.menu_file.addAction(self.act_questionnaire_in)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_save_template)
        self.menu_file.addAction(self.act_library)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_package_out)
        self.menu_file.addAction(self.act_package_in)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_take_offline)
        self.menu_file.addAction(self.act_sync)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_backups)
        self.menu_file.addAction(self.act_open_db)
        self.menu_file.addAction(self.act_connect)
        self.menu_recent = QMenu(self)
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addMenu(self.menu_recent)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addAction(self.act_undo)
        self.menu_edit.addAction(self.act_redo)
        self.menu_edit.addSeparator()
        for act in (self.act_edit, self.act_duplicate, self.act_archive, self.act_delete):
            self.menu_edit.addAction(act)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_trash)
        self.menu_edit.addAction(self.act_members)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_prefs)
        self.menu_view = bar.addMenu("")
        self.menu_lang = self.menu_view.addMenu("")
        self.menu_lang.addAction(self.act_zh)
        self.menu_lang.addAction(self.act_en)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_shortcuts)
        self.menu_help.addAction(self.act_demo)
        self.menu_help.addSeparator()
        self.menu_help.addAction(self.act_about)

    def retranslate(self) -> None:
        self._update_title()
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.menu_lang.setTitle(self.tr("&Language"))
        self.menu_recent.setTitle(self.tr("&Recent databases"))
        self.act_new.setText(self.tr("&New engagement…"))
        self.act_open.setText(self.tr("&Open engagement"))
        self.act_edit.setText(self.tr("Edit &profile"))
        self.act_duplicate.setText(self.tr("D&uplicate…"))
        self.act_archive.setText(self.tr("&Archive"))
        self.act_delete.setText(self.tr("&Delete…"))
        self.act_trash.setText(self.tr("&Trash…"))
        self.act_back.setText(self.tr("&Back to engagement list"))
        self.act_export.setText(self.tr("E&xport client documents…"))
        self.act_from_template.setText(self.tr("New engagement from &template…"))
        self.act_save_template.setText(self.tr("Save as te&mplate…"))
        self.act_library.setText(self.tr("Template &library…"))
        self.act_package_out.setText(self.tr("Export engagement &file (.dtbx)…"))
        self.act_package_in.setText(self.tr("&Import engagement file (.dtbx)…"))
        self.act_take_offline.setText(self.tr("Take o&ffline…"))
        self.act_sync.setText(self.tr("S&ynchronise…"))
        self.act_questionnaire_out.setText(self.tr("Export client &questionnaire…"))
        self.act_questionnaire_in.setText(self.tr("Import filled q&uestionnaire…"))
        self.act_backups.setText(self.tr("&Backups…"))
        self.act_open_db.setText(self.tr("Open &database…"))
        self.act_connect.setText(self.tr("Connect to team ser&ver…"))
        self.act_members.setText(self.tr("Mem&bers…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_about.setText(self.tr("&About dtbench"))
        self.act_shortcuts.setText(self.tr("&Keyboard shortcuts…"))
        self.act_prefs.setText(self.tr("Pre&ferences…"))
        self.act_demo.setText(self.tr("Open the &sample engagement"))
        self._label_undo()
        self.act_zh.setChecked(self.translations.language == "zh")
        self.act_en.setChecked(self.translations.language == "en")

    def _label_undo(self, _text: str = "") -> None:
        """Undo and Redo name the edit they take back, in the UI's language ("Undo Edit
        Region"); an "&" in the name is shown as such, never taken for an access key."""
        for action, name, bare, named in (
            (self.act_undo, self.undo_group.undoText(), self.tr("&Undo"), self.tr("&Undo %1")),
            (self.act_redo, self.undo_group.redoText(), self.tr("&Redo"), self.tr("&Redo %1")),
        ):
            action.setText(named.replace("%1", name.replace("&", "&&")) if name else bare)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        """ "dtbench — <client in view, else the product> — <database>": which database a
        window works on is always in sight (two windows, a copy, the firm's server)."""
        parts = [self.tr("dtbench — Digital Transformation Consulting Workbench")]
        uuid = self.showing()
        if uuid and self.store is not None:
            from sqlalchemy.exc import SQLAlchemyError  # loaded with the store by then

            try:
                profile = service.get_profile(self.store, uuid)
            except (StoreError, NotFoundError, SQLAlchemyError):  # a server out of reach too
                profile = None
            if profile is not None:
                name = profile.client_name or profile.title
                parts = ["dtbench", name if len(name) <= 40 else name[:39] + "…"]
        if self.store is not None:
            database = display_name(self.store.url)
            if self.store.path is None and self.store.author:  # a team server: who is in
                database = (
                    self.tr("%1 as %2").replace("%1", database).replace("%2", self.store.author)
                )
            if self.store.read_only:
                database = self.tr("%1 (read-only)").replace("%1", database)
            parts.append(database)
        self.setWindowTitle(" — ".join(parts))

    # ------------------------------------------------------------------ state
    def _db(self) -> Store:
        # Commands are disabled until a database is open.
        assert self.store is not None
        return self.store

    def set_store(self, store: Store) -> None:
        """Show the engagements of ``store`` (the window opens before the database does)."""
        self.store = store
        self.list_page.set_state("ready")
        self._update_title()
        self.refresh()
        pending, self._pending_open = self._pending_open, None
        if pending is not None and pending[0] in self.list_page.model.uuids():
            self.open_engagement(*pending)  # asked for while the database was opening
        self._schedule_backups(store)
        self._start_chart_workers_soon()
        self._start_live()

    # ------------------------------------------------------ a firm's server
    def _start_live(self) -> None:
        """On a firm's server: others' changes appear by themselves, and the list and the
        navigator show who else is where. Nothing of the kind on a laptop's database."""
        self._stop_live()
        store = self.store
        if store is None or store.engine.dialect.name != "postgresql":
            self.list_page.show_people(None)
            return
        from dtbench.ui.team.live import LiveChanges, PresenceKeeper

        self.live = LiveChanges(store, self.changes, self)
        self.live.connection_lost.connect(
            lambda: self.statusBar().showMessage(
                self.tr(
                    "Lost the connection to the server: others' changes will show again "
                    "once it is back."
                )
            )
        )
        self.live.reconnected.connect(
            lambda: self.status(self.tr("Connected to the server again."))
        )
        self.presence = PresenceKeeper(store, self.live, self)
        self.presence.others_changed.connect(self._show_others)
        self.list_page.show_people({})
        self.live.start()
        self._announce_place()
        self.presence.refresh()

    def _stop_live(self) -> None:
        for part in (self.live, self.presence):
            if part is not None:
                part.stop()
                part.deleteLater()
        self.live = self.presence = None

    def _announce_place(self) -> None:
        """Tell the others where this consultant is now (engagement, step, clause)."""
        if self.presence is None:
            return
        uuid = self.showing()
        step, clause = self.workspace.place() if uuid and self.workspace else ("", "")
        self.presence.place(uuid, step, clause)

    def _show_others(self, others: list[Any]) -> None:
        people: dict[str, list[str]] = {}
        for where in others:
            if where.engagement:
                people.setdefault(where.engagement, []).append(where.login)
        self.list_page.show_people(people)
        if self.workspace is not None:
            self.workspace.set_others(others)

    def _start_chart_workers_soon(self, every_worker: bool = True) -> None:
        """Start the chart workers while the consultant looks at the list or moves between
        steps, so that the next dashboard does not wait for them (they end again after
        :data:`dtbench.reports.render_pool.IDLE_S` seconds without a chart)."""
        QTimer.singleShot(CHART_WORKERS_START_MS, partial(_start_chart_workers, every_worker))

    def _schedule_backups(self, store: Store) -> None:
        """Verified backups every few minutes while something changed (file databases)."""
        from dtbench.ui.exchange.backups import BackupScheduler

        if self.backups is None:
            self.backups = BackupScheduler(self)
            self.backups.backed_up.connect(
                lambda *_a: self.status(self.tr("Backup of the database taken."))
            )
            self.backups.failed.connect(self.show_error)
        self.backups.stop()
        if store.path is not None:
            self.backups.set_database(store.path)
            self.backups.start()

    def refresh(self, keep: str | None = None) -> None:
        if self.store is None:
            self._update_actions()
            return
        try:
            rows = service.list_engagements(self._db())
        except StoreError as exc:
            self.show_error(describe(exc))
            return
        self.list_page.set_rows(rows, keep)
        self._update_actions()

    def _update_actions(self) -> None:
        selected = self.list_page.current_uuid() is not None and self.store is not None
        in_list = self.stack.currentWidget() is self.list_page
        for act in (
            self.act_new,
            self.act_trash,
            self.act_from_template,
            self.act_library,
            self.act_package_in,
            self.act_backups,
        ):
            act.setEnabled(self.store is not None)
        for act in (
            self.act_save_template,
            self.act_package_out,
            self.act_questionnaire_out,
            self.act_questionnaire_in,
        ):
            act.setEnabled(selected or not in_list)
        for act in (
            self.act_open,
            self.act_edit,
            self.act_duplicate,
            self.act_archive,
            self.act_delete,
        ):
            act.setEnabled(selected and in_list)
        self.act_back.setEnabled(not in_list)
        on_server = self.store is not None and self.store.path is None
        self.act_members.setEnabled(on_server and (selected or not in_list))
        self.act_export.setEnabled(not in_list and self.workspace is not None)
        on_server = self.store is not None and self.store.url.startswith("postgresql")
        self.act_take_offline.setEnabled(on_server)
        self.act_sync.setEnabled((selected or not in_list) and not on_server)

    def show_error(self, message: str) -> None:
        QtWidgets.QMessageBox.warning(self, self.tr("dtbench"), message)

    def status(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    # --------------------------------------------------------------- commands
    def new_engagement(self) -> str | None:
        from dtbench.ui.shell.dialogs import NewEngagementDialog

        dialog = NewEngagementDialog(
            service.industries(self._db()), self.translations.language, self
        )
        if dialog.exec() != NewEngagementDialog.DialogCode.Accepted:
            return None
        profile = service.create_engagement(self._db(), **dialog.values())
        self.changes.publish(Changes.of(profile.uuid, ENGAGEMENTS))
        self.open_engagement(profile.uuid)
        return profile.uuid

    def open_selected(self) -> None:
        uuid = self.list_page.current_uuid()
        if uuid:
            self.open_engagement(uuid)

    def edit_profile(self) -> None:
        self.open_selected()

    def current_engagement(self) -> str | None:
        """The engagement open in the workspace (its pending typing saved first), else the
        one selected in the list."""
        shown = self.showing()
        if shown is not None and self.workspace is not None:
            self.workspace.leave()
            return shown
        return self.list_page.current_uuid()

    # Entry points of the exchange features (each module loads on first use).
    def _new_from_template(self) -> None:
        from dtbench.ui.exchange import templates

        if self.store is not None:
            templates.new_from_template(self)

    def _save_as_template(self) -> None:
        from dtbench.ui.exchange import templates

        if self.store is not None:
            templates.save_as_template(self)

    def _open_template_library(self) -> None:
        from dtbench.ui.exchange import templates

        if self.store is not None:
            templates.open_template_library(self)

    def _export_package(self) -> None:
        from dtbench.ui.exchange import engagement_files

        if self.store is not None:
            engagement_files.export_package(self)

    def _import_package(self) -> None:
        from dtbench.ui.exchange import engagement_files

        if self.store is not None:
            engagement_files.import_package(self)

    def _take_offline(self) -> None:
        from dtbench.ui.team import offline

        offline.take_offline(self)

    def _synchronise(self) -> None:
        from dtbench.ui.team import offline

        offline.synchronise(self)

    def _export_questionnaire(self) -> None:
        from dtbench.ui.exchange import questionnaire

        if self.store is not None:
            questionnaire.export_questionnaire(self)

    def _import_questionnaire(self) -> None:
        from dtbench.ui.exchange import questionnaire

        if self.store is not None:
            questionnaire.import_questionnaire(self)

    def _open_backups_dialog(self) -> None:
        from dtbench.ui.exchange import backups

        if self.store is not None:
            backups.open_backups_dialog(self)

    # ------------------------------------------------------------ the shell
    def ui_language(self) -> str:
        return self.translations.language

    def showing(self) -> str | None:
        """The engagement shown in the workspace, None when the list is shown."""
        workspace = self.workspace
        if workspace is None or self.stack.currentWidget() is not workspace:
            return None
        return workspace.engagement or None

    def release_engagement(self, uuid: str) -> None:
        if self.showing() == uuid:
            self.show_list()

    def close_database(self) -> bool:
        if self.workspace is not None:
            if not self._may_drop_workspace(
                self.tr("Replace the database anyway and discard them?"),
                self.tr("&Discard and replace"),
            ):
                return False
            self.show_list()  # saves pending typing into the database being closed
        if self.store is not None:
            self.store.close()
        return True

    def reopen_database(self, path: str) -> bool:
        if self.switch_database(path):
            return True
        if self.store is None:
            self.database_unavailable()
        return False

    def perform(
        self,
        engagement: str,
        text: str,
        redo: Callable[[], object],
        undo: Callable[[], object],
        changes: Changes,
    ) -> None:
        def after() -> None:
            self.changes.publish(changes)

        workspace = self.workspace
        if workspace is not None and workspace.engagement == engagement:
            workspace.undo_stack.push(
                undo_kit.CallCommand(
                    text, redo, undo, after, lambda e: self.show_error(describe(e))
                )
            )
        else:
            redo()
            after()

    def go_to(self, target: Target) -> None:
        """The place a preflight check names: the firm's identity in the preferences, else
        the step of the engagement shown, with the record selected and the field focused."""
        if target.step == "preferences":
            self.preferences(target.field)
            return
        workspace = self.workspace
        if workspace is not None and self.showing() is not None:
            workspace.go_to(target)

    def _heard(self, changes: Changes, _source: object) -> None:
        """The engagement list shows names, clients, status and dates: read it again when
        they may have changed (or when it is in view: an engagement's date changes with
        every edit)."""
        if changes.kinds & {ENGAGEMENTS, PROFILE} or self.showing() is None:
            self.refresh(changes.engagement)
        if changes.kinds & {ENGAGEMENTS, PROFILE}:
            self._update_title()

    def export_documents(self) -> None:
        """The export dialog for the open engagement (its pending typing saved first)."""
        from dtbench.ui.exchange.export_dialog import ExportDialog

        workspace = self.workspace
        if workspace is None or self.stack.currentWidget() is not workspace:
            return
        workspace.leave()
        profile = workspace.profile.profile
        if profile is None:
            return
        name = f"{profile.client_name}-{profile.title}".replace("/", "-").replace("\\", "-")
        dialog = ExportDialog(
            self._db(), workspace.plan, profile.uuid, name, profile.language, self
        )
        # charts are coming: every worker warms up while the options are chosen (the ones
        # beyond the first ended after the last export's charts)
        self._start_chart_workers_soon()
        dialog.exec()
        if dialog.written:
            # The export noted the proposal's version in the engagement's document history.
            self.changes.publish(Changes.of(profile.uuid, PLAN))
            self.status(self.tr("Exported %1 file(s).").replace("%1", str(len(dialog.written))))
        elif dialog.chosen_target is not None:  # a check of the list, to fix first
            self.go_to(dialog.chosen_target)

    def open_demo(self) -> None:
        """Create the sample engagement (off the GUI thread) and open it on its dashboard."""
        from dtbench.sample import create_demo

        store = self._db()

        def created(uuid: str) -> None:
            if self.store is not store:
                return  # another database was opened meanwhile
            self.changes.publish(Changes.of(uuid, ENGAGEMENTS))
            self.open_engagement(uuid, step="dashboard")
            self.demo_opened.emit(uuid)

        run_task(
            lambda _context: create_demo(store, self.translations.language),
            owner=self,
            on_success=created,
            label=self.tr("Creating the sample engagement…"),
            modal=True,
        )

    def open_engagement(self, uuid: str, step: int | str = 0) -> None:
        if self.store is None:  # the list's first look, before the database is open
            self._pending_open = (uuid, step)
            self.status(self.tr("Opening the database…"))
            return
        try:
            profile = service.get_profile(self._db(), uuid)
        except (StoreError, NotFoundError) as exc:
            self.show_error(describe(exc))
            self.refresh()
            return
        if not self._may_open_instead(uuid):
            return
        workspace = self._workspace()
        self._start_chart_workers_soon()  # again if they ended while the list was shown
        workspace.open(profile, step)
        self.undo_group.setActiveStack(workspace.undo_stack)
        self.stack.setCurrentWidget(workspace)
        workspace.focus_step()  # not the navigator: the step's keys must work at once
        self._update_actions()

    def prepare_workspace(self) -> None:
        """Build the engagement workspace ahead of its first use, while the consultant looks
        at the list: its pages and their modules cost ~0.3 s, which the first engagement
        opened would otherwise add to its own (on a large one, over the half second a
        frozen window may take)."""
        if self.store is not None and self.workspace is None:
            self._workspace()

    def _workspace(self) -> Workspace:
        if self.workspace is None:
            from dtbench.guide import load_guide
            from dtbench.ui.shell.workspace import Workspace

            self.workspace = Workspace(
                self._db(), load_guide(), self.translations.language, self.changes, self
            )
            self.workspace.error.connect(self.show_error)
            self.workspace.place_changed.connect(self._announce_place)
            # the consultant moves about: a chart may be next (workers end when idle); on
            # each clause only the first one, not a worker started again and again
            self.workspace.place_changed.connect(
                lambda: self._start_chart_workers_soon(every_worker=False)
            )
            self.workspace.steps.currentRowChanged.connect(
                lambda _row: self._start_chart_workers_soon()
            )
            if self.presence is not None:
                self.workspace.set_others(self.presence.others)
            # in the group, the stack leaves it when deleted (a database switch): the Undo
            # action never reaches into a deleted history
            self.undo_group.addStack(self.workspace.undo_stack)
            self.stack.addWidget(self.workspace)
        return self.workspace

    def show_list(self) -> None:
        if self.workspace is not None:
            self.workspace.leave()
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]
        self.stack.setCurrentWidget(self.list_page)
        self.refresh()
        self.list_page.view.setFocus()

    def duplicate(self) -> None:
        uuid = self.list_page.current_uuid()
        if not uuid:
            return
        profile = service.get_profile(self._db(), uuid)
        title, ok = QtWidgets.QInputDialog.getText(
            self,
            self.tr("Duplicate engagement"),
            self.tr("Title of the copy:"),
            text=self.tr("%1 (copy)").replace("%1", profile.title),
        )
        if not ok or not title.strip():
            return
        copy = service.duplicate_engagement(self._db(), uuid, title.strip())
        self.changes.publish(Changes.of(copy.uuid, ENGAGEMENTS))
        self.status(self.tr("Engagement duplicated."))

    def archive(self) -> None:
        uuid = self.list_page.current_uuid()
        if uuid:
            service.set_field(self._db(), uuid, "status", "archived")
            self.changes.publish(Changes.of(uuid, ENGAGEMENTS, PROFILE))
            self.status(self.tr("Engagement archived."))

    def delete(self, *, confirm: bool = True) -> None:
        uuid = self.list_page.current_uuid()
        if not uuid:
            return
        profile = service.get_profile(self._db(), uuid)
        if confirm:
            answer = QtWidgets.QMessageBox.question(
                self,
                self.tr("Delete engagement"),
                self.tr("Move “%1” to the trash? You can restore it from Edit ▸ Trash.").replace(
                    "%1", f"{profile.client_name} — {profile.title}"
                ),
            )
            if answer != QtWidgets.QMessageBox.StandardButton.Yes:
                return
        service.move_to_trash(self._db(), uuid)
        self.changes.publish(Changes.of(uuid, ENGAGEMENTS))
        self.status(self.tr("Engagement moved to the trash."))

    def show_trash(self) -> None:
        from dtbench.ui.shell.trash_dialog import TrashDialog

        dialog = TrashDialog(self._db(), self)
        dialog.exec()
        if dialog.changed:
            self.changes.publish(Changes.of(None, ENGAGEMENTS))

    def choose_database(self) -> None:
        if not self._may_leave_database():
            return
        path = ask_database_path(self)
        if path:
            self.open_database_at(path)

    def open_database_at(self, target: str) -> bool:
        """Switch to the database at ``target`` the user named, asking before creating one."""
        return confirm_new_database(self, target) and self.switch_database(target)

    def database_unavailable(self) -> None:
        """No database could be opened: say so and leave File ▸ Open database… to the user."""
        self._pending_open = None
        self.list_page.set_rows([])  # a first look at a file that could not be opened
        self.list_page.set_state("closed")
        self._update_actions()

    def switch_database(self, target: str) -> bool:
        if self._open_store is None:
            return False
        if not self._may_leave_database():
            return False
        try:
            store = self._open_store(target)
        except StoreError as exc:
            self.show_error(describe(exc))
            return False
        return self.use_store(store, target)

    def connect_team_server(self) -> None:
        """File ▸ Connect to team server…: on success the window works on the server, as
        after opening another database."""
        from dtbench.ui.team.connect_dialog import ConnectDialog

        if not self._may_leave_database():
            return
        dialog = ConnectDialog(self, current=self.store.url if self.store is not None else None)
        if dialog.exec() == ConnectDialog.DialogCode.Accepted and dialog.store is not None:
            self.use_store(dialog.store, dialog.target)

    def show_members(self) -> None:
        """Engagement ▸ Members… (on a team server)."""
        from dtbench.ui.team.members_dialog import MembersDialog

        uuid = self.current_engagement()
        if uuid is None or self.store is None:
            return
        MembersDialog(self.store, uuid, self).exec()

    def use_store(self, store: Store, target: str) -> bool:
        """Work on ``store`` (opened from ``target``) instead of the current database; False
        (``store`` closed again) when the consultant stays with typing not saved."""
        if not self._may_leave_database():
            store.close()
            return False
        if self.workspace is not None:
            self.workspace.leave()
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        self._stop_live()
        self.benchmark_refresher.finish()
        if self.store is not None:
            self.store.close()
        self.store = store
        self.list_page.set_state("ready")
        self._update_title()
        prefs.remember_database(target)
        self._start_live()
        self.show_list()
        self.status(self.tr("Opened %1").replace("%1", target))
        return True

    # ------------------------------------------------- typing not saved
    def _may_open_instead(self, uuid: str) -> bool:
        """Before another engagement replaces the one open (its sessions drop its typing
        not saved): asked about."""
        shown = self.workspace.engagement if self.workspace is not None else ""
        return shown in ("", uuid) or self._may_drop_workspace(
            self.tr("Open the other engagement anyway and discard them?"),
            self.tr("&Discard and open"),
        )

    def _may_leave_database(self) -> bool:
        """Before another database replaces this one: typing not saved asked about."""
        return self._may_drop_workspace(
            self.tr("Open the other database anyway and discard them?"),
            self.tr("&Discard and open"),
        )

    def _may_close_workspace(self) -> bool:
        """Before the window closes: typing not saved asked about."""
        return self._may_drop_workspace(
            self.tr("Close anyway and discard them?"), self.tr("&Discard and close"), True
        )

    def _may_drop_workspace(self, question: str, go_on: str, closing: bool = False) -> bool:
        """Before the open engagement's sessions are dropped or replaced (closing, another
        engagement or database): what is being typed is saved, and typing a colleague's
        change left unsaved (drafts) is asked about (ui/shell/unsaved.py). False: stay (a
        conflict cancelled while saving, Cancel, or Show them)."""
        workspace = self.workspace
        if workspace is None:
            return True
        cancelled = workspace.cancelled()
        workspace.leave()
        if workspace.cancelled() != cancelled:
            # a save met a colleague's change and the consultant cancelled: their text
            # stays, marked, and so does the window (as an editor's unsaved changes)
            self.status(
                self.tr(
                    "Not closed: some text you typed is not saved, as someone else "
                    "changed it meanwhile. It is kept and marked; close again to choose."
                )
                if closing
                else self.tr(
                    "Stayed: some text you typed is not saved, as someone else changed it "
                    "meanwhile. It is kept and marked; try again to choose."
                )
            )
            return False
        return unsaved.settled(workspace, self, question, go_on, self._show_draft)

    def _show_draft(self, place: unsaved.DraftPlace) -> None:
        """Show the workspace (the list may be in view) on a draft's record, marked."""
        workspace = self._workspace()
        self.undo_group.setActiveStack(workspace.undo_stack)
        self.stack.setCurrentWidget(workspace)
        self._update_actions()
        workspace.show_draft(place)

    def _rescue_drafts(self) -> None:
        """Nobody to ask (a quit signal, a session ending without interaction): what is
        being typed is saved without a question, and typing not saved is written to a file
        in the data folder (still kept, marked, in the window)."""
        workspace = self.workspace
        if workspace is None:
            return
        with workspace.unattended():
            workspace.leave()
        unsaved.rescue(workspace.drafts())

    def session_ending(self, manager: QSessionManager) -> None:
        """The desktop session ends (logout; ``commitDataRequest``): typing not saved is
        asked about when the session manager lets the application ask; Cancel or Show them
        cancel the logout. Without interaction nothing is asked: kept in a file."""
        if not self.end_of_session(manager.allowsInteraction()):
            manager.cancel()
        manager.release()

    def end_of_session(self, interactive: bool) -> bool:
        """False: the consultant wants to stay (the session end is cancelled)."""
        if interactive:
            return self._may_close_workspace()
        self._rescue_drafts()
        return True

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        for entry in prefs.recent_databases():
            act = self.menu_recent.addAction(entry)
            act.triggered.connect(lambda _c=False, e=entry: self.open_database_at(e))
        if self.menu_recent.isEmpty():
            act = self.menu_recent.addAction(self.tr("(none)"))
            act.setEnabled(False)

    def preferences(self, field: str = "") -> None:
        """The consulting firm's name, address and logo for every proposal; ``field`` (e.g.
        "name_en") gets the cursor."""
        from dtbench.ui.shell.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self)
        editor = getattr(dialog, field, None) if field else None
        if isinstance(editor, QWidget):
            editor.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.status(self.tr("Preferences saved."))

    def show_shortcuts(self) -> None:
        """Every key, read from the menus' actions and the views' own keys."""
        from dtbench.ui.shell.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    def about(self) -> None:
        from dtbench.ui.shell.dialogs import about_text

        QtWidgets.QMessageBox.about(
            self, self.tr("About dtbench"), about_text(self.store.url if self.store else "")
        )

    def set_language(self, language: str) -> None:
        self.translations.apply(language)
        prefs.settings().setValue("language", language)

    def _language_changed(self, language: str) -> None:
        if self.workspace is not None:
            self.workspace.set_language(language)

    # --------------------------------------------------------------- geometry
    def _restore_geometry(self) -> None:
        """The last size and place, fitted into the screen as it is now (a smaller laptop
        screen, another scaling); at the first start a size the screen has room for."""
        self._maximized_at_start = False
        geometry = prefs.settings().value("window/geometry")
        saved = None
        if (
            isinstance(geometry, QByteArray)
            and not geometry.isEmpty()
            and self.restoreGeometry(geometry)
        ):
            if self.isMaximized() or self.isFullScreen():
                return  # the window manager fits it to the screen
            saved = self.geometry()
        self._maximized_at_start = place(self, saved)

    def show_placed(self) -> None:
        """Show the window where it was placed: maximised at a first start on a screen with
        no room for its preferred size (a laptop's)."""
        if self._maximized_at_start:
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what is being typed, take a last backup (off the GUI thread, the window
        painting meanwhile), then close; not when the consultant cancelled a conflict while
        saving (their text kept, unsaved), nor when typing not saved remains and they do not
        discard it (asked; on a quit signal nothing is asked: it is kept in a file)."""
        if self.workspace is not None:
            if quit_signals.unattended():  # a quit signal: nobody to ask, never wait
                self._rescue_drafts()
                self.workspace.discard_drafts()  # kept in a file: not written again
            elif not self._may_close_workspace():
                event.ignore()
                return
        if not self._backed_up_for_close and self.backups is not None:
            event.ignore()
            if not self._closing:
                self._closing = True
                self.status(self.tr("Taking a last backup of the database…"))
                self.backups.finish(self._close_after_backup)
            return
        prefs.settings().setValue("window/geometry", self.saveGeometry())
        self._stop_live()
        self.benchmark_refresher.finish()
        super().closeEvent(event)

    def _close_after_backup(self) -> None:
        self._backed_up_for_close = True
        self._closing = False
        self.close()
