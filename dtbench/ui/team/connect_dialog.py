"""File ▸ Connect to team server…: server, port, database, login and password; the password
may be kept in the OS keyring (never in the settings). The connection is made on a task
thread (``ui/kit/tasks.py``): the window stays live while a far server answers, and a failure
is shown in the dialog, which stays open with what was typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

from dtbench.team import credentials
from dtbench.ui.kit import settings as prefs
from dtbench.ui.kit.errors import describe
from dtbench.ui.kit.tasks import TaskContext, run_task

if TYPE_CHECKING:
    from dtbench.store.database import Store

DRIVER = "postgresql+psycopg"
LAST_SERVER = "team/last_server"  # the last server's URL, without its password


def server_url(host: str, port: int, database: str, login: str) -> str:
    """The URL of a team server as settings and titles keep it: no password."""
    url = URL.create(DRIVER, username=login, host=host, port=port, database=database)
    return url.render_as_string(hide_password=False)


def last_server() -> str | None:
    value = prefs.settings().value(LAST_SERVER)
    return str(value) if value else None


def remember_server(url: str) -> None:
    prefs.settings().setValue(LAST_SERVER, credentials.without_password(url))


class ConnectDialog(QDialog):
    """Asks for a team server and connects to it; ``store`` and ``target`` after success.

    At start-up (``server`` given: the last session's server, whose password is not kept
    here or was refused, ``refused`` saying which) it is filled in from ``server``, says why
    it asks, and its other choice is to work on this computer's database instead. Otherwise
    it is filled in from ``current`` (the database the window works on) when that is a
    server, else from the last server connected to.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        server: str | None = None,
        refused: bool = False,
        current: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connect_dialog")
        self.store: Store | None = None
        self.target = ""
        self._server = server
        self._refused = refused
        self._given_up = False
        # Why the dialog asks (at start-up only): above the form, read first.
        self.reason = QLabel(self)
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.reason.setVisible(server is not None)
        self.host = QLineEdit(self)
        self.host.setObjectName("host")
        self.port = QSpinBox(self)
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(credentials.DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.database.setObjectName("database")
        self.login = QLineEdit(self)
        self.login.setObjectName("login")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self)
        self.remember.setObjectName("remember")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(5)]
        for label, field in zip(
            self.labels,
            (self.host, self.port, self.database, self.login, self.password),
            strict=True,
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.form.addRow("", self.remember)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.connect_to_server)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if server is None:
            server_now = current if credentials.is_server(current) else None
            self._fill_from(server_now or last_server())
        else:
            self._fill_from(server)
        if server is not None:
            # The kept password (if any) was just refused: it is typed afresh; keep it
            # again only if it was kept before (the box stays the user's to tick).
            self.password.clear()
            self.remember.setChecked(refused)
            self.password.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect to team server"))
        texts = (
            self.tr("&Server:"),
            self.tr("P&ort:"),
            self.tr("&Database:"),
            self.tr("&Login:"),
            self.tr("Pass&word:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.remember.setText(self.tr("&Remember the password (in the system's keyring)"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Connect"))
        if self._server is not None:
            who = credentials.account(self._server)
            if self._refused:
                why = self.tr(
                    "The server refused the saved password for %1. Type the password to "
                    "connect, or work on this computer's database instead."
                )
            else:
                why = self.tr(
                    "The password for %1 is not saved on this computer. Type it to connect, "
                    "or work on this computer's database instead."
                )
            self.reason.setText(why.replace("%1", who))
            cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            cancel.setText(self.tr("Work on this computer's &database"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_from(self, url: str | None) -> None:
        if not url or not credentials.is_server(url):
            self.host.setText("localhost")
            return
        parsed = make_url(url)
        self.host.setText(parsed.host or "localhost")
        self.port.setValue(parsed.port or credentials.DEFAULT_PORT)
        self.database.setText(parsed.database or "")
        self.login.setText(parsed.username or "")
        kept = credentials.stored_password(url)
        if kept is not None:
            self.password.setText(kept)
            self.remember.setChecked(True)

    def url(self) -> str:
        return server_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.login.text().strip(),
        )

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def connect_to_server(self) -> None:
        """Connect on a task thread; the dialog closes only once the server accepted."""
        if not (self.host.text().strip() and self.database.text().strip() and self.login.text()):
            self.show_message(self.tr("Give the server, the database and your login."))
            return
        url = self.url()
        password = self.password.text()
        remember = self.remember.isChecked()
        self._given_up = False
        self.buttons.setEnabled(False)
        self.show_message(self.tr("Connecting to %1…").replace("%1", self.host.text().strip()))

        def work(_context: TaskContext) -> Store:
            # No Qt here: only the store and the keyring.
            from dtbench.store import open_store

            store = open_store(url, password=password)
            if remember:
                credentials.remember_password(url, password)
            else:
                credentials.forget_password(url)
            return store

        run_task(work, owner=self, on_success=self._connected, on_failure=self._failed)

    def _connected(self, store: Store) -> None:
        self.buttons.setEnabled(True)
        if self._given_up:  # closed while connecting: the user chose otherwise meanwhile
            store.close()
            return
        self.store = store
        self.target = self.url()
        remember_server(self.target)
        self.accept()

    def reject(self) -> None:
        self._given_up = True
        super().reject()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_message(describe(error))
        self.password.setFocus()
