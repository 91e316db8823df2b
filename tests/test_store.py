"""The store: round trips, SQLite settings, migrations, refusal of newer and damaged files."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from dtbench.engagement import service
from dtbench.engagement.records import ContactRecord
from dtbench.store import NewerDatabaseError, StoreError, UnreadableDatabaseError, open_store
from dtbench.store.backup import integrity_ok
from dtbench.store.database import Store
from dtbench.store.location import resolve_url
from dtbench.store.migrate import head_revision


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_profile_round_trip_survives_reopen(db_path: Path) -> None:
    store = open_store(db_path)
    created = service.create_engagement(
        store, client_name="大连华信精密机械有限公司", title="数字化转型诊断", industry="装备制造"
    )
    service.set_field(store, created.uuid, "start_date", date(2026, 11, 2))
    service.set_field(store, created.uuid, "size_employees", "300-999")
    service.set_field(store, created.uuid, "existing_systems", ("ERP", "MES", "用友U8"))
    service.set_field(
        store,
        created.uuid,
        "contacts",
        (ContactRecord("王建国", "总经理", "0411-1234"), ContactRecord("李敏")),
    )
    service.set_field(store, created.uuid, "language", "en")
    store.close()

    reopened = open_store(db_path)
    profile = service.get_profile(reopened, created.uuid)
    assert profile.client_name == "大连华信精密机械有限公司"
    assert profile.industry == "装备制造"
    assert profile.start_date == date(2026, 11, 2)
    assert profile.existing_systems == ("ERP", "MES", "用友U8")
    assert [c.name for c in profile.contacts] == ["王建国", "李敏"]
    assert profile.contacts[0].phone == "0411-1234"
    assert profile.language == "en"
    assert len(profile.uuid) == 36 and profile.created_at is not None
    reopened.close()


def test_every_change_bumps_the_version_counter(store: Store) -> None:
    profile = service.create_engagement(store, client_name="A", title="T")
    assert profile.version == 1
    _old, profile = service.set_field(store, profile.uuid, "title", "T2")
    _old, profile = service.set_field(store, profile.uuid, "notes", "n")
    assert profile.version == 3


def test_set_field_returns_previous_value_and_rejects_bad_values(store: Store) -> None:
    profile = service.create_engagement(store, client_name="A", title="T")
    old, _p = service.set_field(store, profile.uuid, "status", "active")
    assert old == "draft"
    for field, value in (
        ("status", "finished"),
        ("language", "fr"),
        ("title", "  "),
        ("size_revenue", "huge"),
        ("nonsense", 1),
    ):
        with pytest.raises(ValueError):
            service.set_field(store, profile.uuid, field, value)
    assert service.get_profile(store, profile.uuid).status == "active"


def test_trash_restore_and_empty(store: Store) -> None:
    a = service.create_engagement(store, client_name="A", title="one")
    b = service.duplicate_engagement(store, a.uuid, "two")
    assert b.client_uuid == a.client_uuid
    service.move_to_trash(store, a.uuid)
    assert [r.title for r in service.list_engagements(store)] == ["two"]
    assert [r.title for r in service.list_engagements(store, trash=True)] == ["one"]
    service.restore_from_trash(store, a.uuid)
    assert {r.title for r in service.list_engagements(store)} == {"one", "two"}
    service.move_to_trash(store, a.uuid)
    service.move_to_trash(store, b.uuid)
    assert service.empty_trash(store) == 2
    assert service.count_engagements(store) == 0
    with store.session() as s:
        assert s.execute(text("SELECT count(*) FROM clients")).scalar() == 0


@pytest.mark.sqlite_only
def test_sqlite_is_opened_safely(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_database_location_from_argument_environment_and_default(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resolve_url(None) == f"sqlite:///{home / 'dtbench.sqlite3'}"
    monkeypatch.setenv("DTBENCH_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url(tmp_path / "arg.db") == f"sqlite:///{tmp_path / 'arg.db'}"
    url = f"sqlite:///{tmp_path / 'url.db'}"
    store = open_store(url)
    service.create_engagement(store, client_name="A", title="T")
    store.close()
    assert (tmp_path / "url.db").exists()


def test_empty_database_is_migrated_to_head(store: Store) -> None:
    with store.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == head_revision()
        )
        tables = set(inspect(conn).get_table_names())
    assert {"clients", "engagements", "contacts"} <= tables


@pytest.mark.sqlite_only
def test_the_suites_copied_database_is_what_creating_gives(store: Store, tmp_path: Path) -> None:
    """The ``store`` fixture starts from a copy of a database created once (tests/conftest.py):
    it must be, schema and rows, what ``open_store`` creates on a new path."""

    def contents(path: Path) -> list[object]:
        # A table's constraints are listed in no fixed order by the migrations (two creations
        # differ in it): compared as SQLite reads them, not as text.
        con = sqlite3.connect(path)
        try:
            out: list[object] = con.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type != 'table' "
                "ORDER BY type, name"
            ).fetchall()
            tables = [
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
            for name in sorted(tables):
                indexes = sorted(i[1:] for i in con.execute(f'PRAGMA index_list("{name}")'))
                out.append(
                    (
                        name,
                        con.execute(f'PRAGMA table_info("{name}")').fetchall(),
                        sorted(con.execute(f'PRAGMA foreign_key_list("{name}")').fetchall()),
                        [
                            (i, con.execute(f'PRAGMA index_info("{i[0]}")').fetchall())
                            for i in indexes
                        ],
                        con.execute(f'SELECT * FROM "{name}"').fetchall(),
                    )
                )
            out.append(con.execute("PRAGMA user_version").fetchall())
            out.append(con.execute("PRAGMA journal_mode").fetchall())
            return out
        finally:
            con.close()

    created = open_store(tmp_path / "created.sqlite3")
    created.close()
    copied = Path(store.engine.url.database or "")
    assert contents(copied) == contents(tmp_path / "created.sqlite3")


def test_migration_from_previous_revision_keeps_data_and_backs_up(
    db_path: Path, home: Path
) -> None:
    open_store(db_path, migrate_to="0001").close()
    con = sqlite3.connect(db_path)
    con.execute(
        "INSERT INTO clients (id, uuid, created_at, updated_at, version, name, "
        "short_name, industry, size_employees, size_revenue, region, main_products, "
        "existing_systems) VALUES (1, 'c-1', '2026-01-01', '2026-01-01', 1, "
        "'旧客户', '', '化工', '', '', '大连', '', '[]')"
    )
    con.execute(
        "INSERT INTO engagements (id, uuid, created_at, updated_at, version, "
        "client_id, title, consultants, status, language, notes) VALUES "
        "(1, 'e-1', '2026-01-01', '2026-01-01', 1, 1, '旧项目', '', 'active', 'zh', '')"
    )
    con.commit()
    con.close()

    store = open_store(db_path)
    rows = service.list_engagements(store)
    assert [(r.client_name, r.title, r.status) for r in rows] == [("旧客户", "旧项目", "active")]
    profile = service.get_profile(store, "e-1")
    assert profile.contacts == () and profile.region == "大连"
    service.move_to_trash(store, "e-1")  # the column added by 0002 works
    store.close()
    from dtbench.store.backups import backups_folder

    # Beside this database's own backups, not the default database's.
    assert not list((home / "backups").glob("*.sqlite3"))
    backups = list(backups_folder(db_path).glob("*before-migration-0001*.sqlite3"))
    assert len(backups) == 1 and integrity_ok(backups[0])
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT title FROM engagements").fetchall() == [("旧项目",)]
    con.close()


def test_up_to_date_database_is_not_backed_up_again(db_path: Path, home: Path) -> None:
    open_store(db_path).close()
    open_store(db_path).close()
    assert not list((home / "backups").rglob("*.sqlite3"))


def test_newer_database_is_refused_and_left_untouched(db_path: Path) -> None:
    store = open_store(db_path)
    service.create_engagement(store, client_name="A", title="T")
    store.close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = _digest(db_path)
    with pytest.raises(NewerDatabaseError, match="newer version of dtbench"):
        open_store(db_path)
    assert _digest(db_path) == before


def test_damaged_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    before = _digest(path)
    with pytest.raises(UnreadableDatabaseError):
        open_store(path)
    assert _digest(path) == before


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE songs (title TEXT)")
    con.commit()
    con.close()
    with pytest.raises(UnreadableDatabaseError):
        open_store(path)


def test_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        open_store(tmp_path / "no" / "such" / "x.db")


def test_fast_revision_reading_agrees_with_alembic() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from dtbench.store.migrate import MIGRATIONS, known_revisions

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(cfg)
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {r.revision for r in script.walk_revisions()}


def test_every_saved_record_names_its_author(store: Store) -> None:
    """The login on a server, the computer's user on a laptop: kept with what they saved."""
    from dtbench.diagnosis import service as dx
    from dtbench.store.models import Answer, Engagement

    assert store.author
    uuid = service.create_engagement(store, client_name="作者测试", title="T").uuid
    rnd = dx.new_round(store, uuid, "基线").uuid
    dx.set_answer(store, rnd, "7.3.1.a", status="met")
    with store.session() as s:
        assert s.scalar(select(Engagement.updated_by)) == store.author
        assert s.scalar(select(Answer.updated_by)) == store.author
