"""Start-up on the last session's team server when its password is not kept on this computer
(empty or unusable keyring) or the server refuses the kept one: the Connect dialog asks for
it over the shown window, filled in, saying why; or the user works on the local database."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests import pg
from tests.test_team_access import FakeKeyring

PASSWORD = "secret-pw"


class BrokenKeyring(FakeKeyring):
    """A keyring that cannot be used (locked, no backend on this desktop)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("no usable keyring")


def _use_keyring(kind: type[FakeKeyring]) -> Iterator[FakeKeyring]:
    import keyring
    from keyring.backend import KeyringBackend

    class Backend(kind, KeyringBackend):  # type: ignore[misc, valid-type]
        pass

    previous = keyring.get_keyring()
    backend = Backend()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def kept() -> Iterator[FakeKeyring]:
    yield from _use_keyring(FakeKeyring)


@pytest.fixture
def server() -> Iterator[tuple[str, str, str]]:
    """A database on the test server and a consultant's login: (URL without password,
    login, database)."""
    from dtbench.store import open_store
    from dtbench.team.credentials import without_password

    pg.require_server()
    with pg.role("startup") as login, pg.database() as url:
        admin = open_store(url)
        with admin.engine.begin() as conn:
            conn.execute(text(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{login}"'))
            conn.execute(text(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{login}"'))
        admin.close()
        database = url.rsplit("/", 1)[-1]
        yield without_password(pg.url_for(database, user=login, password=PASSWORD)), login, database


@pytest.fixture
def starting(qtbot, translations, server) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """A main window as ``dtbench`` shows it before its database is open (closed before the
    server's login is dropped)."""
    from dtbench.ui import app
    from dtbench.ui.shell.main_window import MainWindow

    window = MainWindow(None, translations, open_store=app._open_store)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    if window.store is not None:
        window.store.close()


def _prompt(window: Any, url: str) -> Any:
    from dtbench.ui import app
    from dtbench.ui.team.connect_dialog import ConnectDialog

    dialog = app.open_at_start(window, url)
    assert isinstance(dialog, ConnectDialog)
    assert dialog.isVisible() and window.isVisible() and window.store is None
    return dialog


@pytest.mark.parametrize("keyring_kind", [FakeKeyring, BrokenKeyring], ids=["empty", "broken"])
def test_no_kept_password_asks_for_it_and_connects(  # type: ignore[no-untyped-def]
    qtbot, starting, server, keyring_kind
) -> None:
    from dtbench.ui.kit import settings as prefs

    url, login, database = server
    keyring = _use_keyring(keyring_kind)
    saved = next(keyring)
    try:
        dialog = _prompt(starting, url)
        assert "is not saved on this computer" in dialog.reason.text()
        where = make_url(url)
        assert f"{login}@{where.host}:{where.port}/{database}" in dialog.reason.text()
        assert (dialog.host.text(), dialog.port.value()) == (where.host, where.port)
        assert (dialog.database.text(), dialog.login.text()) == (database, login)
        assert dialog.password.text() == "" and not dialog.remember.isChecked()
        dialog.password.setText(PASSWORD)
        dialog.remember.setChecked(True)
        dialog.connect_to_server()
        qtbot.waitUntil(lambda: starting.store is not None, timeout=20000)
        assert starting.store.path is None and starting.store.author == login
        title = starting.windowTitle()
        assert "127.0.0.1" in title and database in title and login in title
        assert prefs.last_database() == url
        if keyring_kind is FakeKeyring:  # kept, as asked
            assert list(saved.saved.values()) == [PASSWORD]
    finally:
        next(keyring, None)


def test_choosing_the_local_database_opens_it(qtbot, starting, server, kept) -> None:  # type: ignore[no-untyped-def]
    url, _login, _database = server
    dialog = _prompt(starting, url)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: starting.store is not None, timeout=20000)
    assert starting.store.path is not None  # this computer's SQLite database
    assert kept.saved == {}


def test_a_refused_kept_password_asks_again_saying_so(qtbot, starting, server, kept) -> None:  # type: ignore[no-untyped-def]
    from dtbench.team.credentials import remember_password

    url, login, _database = server
    remember_password(url, "an-old-password")
    dialog = _prompt(starting, url)
    assert "The server refused the saved password" in dialog.reason.text()
    assert dialog.login.text() == login
    assert dialog.password.text() == ""  # the refused one is not offered again
    assert dialog.remember.isChecked()
    dialog.password.setText(PASSWORD)
    dialog.connect_to_server()
    qtbot.waitUntil(lambda: starting.store is not None, timeout=20000)
    assert starting.store.path is None and login in starting.windowTitle()
    assert list(kept.saved.values()) == [PASSWORD]  # the new one replaced it


def test_the_prompt_can_be_replaced(starting, server, kept) -> None:  # type: ignore[no-untyped-def]
    """Whoever starts the window (a test) may answer the question itself."""
    from dtbench.ui import app

    url, _login, _database = server
    asked: list[tuple[str, bool]] = []

    def prompt(_window: object, target: str, refused: bool) -> None:
        asked.append((target, refused))

    app.open_at_start(starting, url, prompt)
    assert asked == [(url, False)] and starting.store is None
    # A wrong password in the address itself (``--db``) was refused, not missing.
    wrong = make_url(url).set(password="typo").render_as_string(hide_password=False)
    app.open_at_start(starting, wrong, prompt)
    assert asked[-1] == (wrong, True) and starting.store is None
