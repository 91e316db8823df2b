"""The window title names the database open and the client in view (issue 16, point 6)."""

from __future__ import annotations

from pathlib import Path

from dtbench.engagement import service
from dtbench.store import open_store
from dtbench.store.database import Store
from dtbench.store.location import display_name
from dtbench.ui.kit.changes import PROFILE, Changes
from dtbench.ui.kit.translations import Translations
from dtbench.ui.shell.main_window import MainWindow


def test_title_names_the_database_and_the_client_in_view(
    qtbot, window: MainWindow, store: Store, translations: Translations, tmp_path: Path
) -> None:
    assert store.path is not None
    assert window.windowTitle().endswith(f" — {store.path.name}")
    created = service.create_engagement(store, client_name="澜岳精工", title="数字化转型")
    window.refresh()
    window.open_engagement(created.uuid)
    assert window.windowTitle() == f"dtbench — 澜岳精工 — {store.path.name}"
    # A rename in the profile shows at once.
    service.set_field(store, created.uuid, "client_name", "澜岳精工集团")
    window.changes.publish(Changes.of(created.uuid, PROFILE))
    assert "澜岳精工集团" in window.windowTitle()
    translations.apply("zh")
    assert window.windowTitle() == f"dtbench — 澜岳精工集团 — {store.path.name}"
    window.act_back.trigger()
    assert "澜岳精工" not in window.windowTitle()
    assert window.windowTitle().endswith(f" — {store.path.name}")
    other = tmp_path / "other-client.sqlite3"
    open_store(other).close()
    assert window.switch_database(str(other))
    assert window.windowTitle().endswith(" — other-client.sqlite3")


def test_a_server_is_named_by_host_and_database_never_by_password() -> None:
    url = "postgresql+psycopg://alice:s3cret@db.firm.local:5433/dtbench"
    assert display_name(url) == "db.firm.local:5433/dtbench"
    assert display_name("sqlite:////home/u/demo.sqlite3") == "demo.sqlite3"


def test_title_says_when_the_database_is_read_only(
    qtbot, store: Store, translations: Translations
) -> None:
    from dataclasses import replace

    read_only = replace(store, read_only=True)
    window = MainWindow(read_only, translations, open_store=open_store)
    qtbot.addWidget(window)
    assert store.path is not None
    assert window.windowTitle().endswith(f" — {store.path.name} (read-only)")
