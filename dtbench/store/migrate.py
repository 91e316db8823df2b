"""Alembic migrations, run at open only when the database is behind.

The Alembic configuration is built in code with the scripts inside the package, so it works
from a checkout, a wheel and a frozen bundle. Migrations run in batch mode, all of them in
one transaction (see ``upgrade``); foreign keys are switched off while they run (a batch copy of
a parent table would otherwise fail) and checked with ``PRAGMA foreign_key_check`` before the
commit.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import Connection, Engine, inspect, text

from dtbench.store.revisions import MIGRATIONS as MIGRATIONS
from dtbench.store.revisions import head_revision as head_revision
from dtbench.store.revisions import known_revisions as known_revisions


def _config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_revision(conn: Connection) -> str | None:
    """The revision stamped in the database, or None for a database without dtbench tables."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def has_user_tables(conn: Connection) -> bool:
    return any(name != "alembic_version" for name in inspect(conn).get_table_names())


@cache
def expected_tables(revision: str) -> dict[str, frozenset[str]]:
    """Table → column names of a database at ``revision``, built by migrating one in memory.

    ``dtbench check`` compares a file with it, so a database whose update was cut half-way
    by an older dtbench (its stamp saying one revision, its tables another) is not called
    sound.
    """
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    try:
        upgrade(engine, revision)
        with engine.connect() as conn:
            inspector = inspect(conn)
            return {
                name: frozenset(c["name"] for c in inspector.get_columns(name))
                for name in inspector.get_table_names()
            }
    finally:
        engine.dispose()


def schema_problems(tables: dict[str, set[str]], revision: str) -> list[str]:
    """How ``tables`` (table → columns of a file) differ from a database at ``revision``."""
    expected = expected_tables(revision)
    problems: list[str] = []
    for name in sorted(set(expected) - set(tables)):
        problems.append(f"table {name} is missing (revision {revision})")
    for name in sorted(set(tables) - set(expected)):
        problems.append(f"unexpected table {name} (an interrupted update?)")
    for name in sorted(set(expected) & set(tables)):
        for column in sorted(expected[name] - tables[name]):
            problems.append(f"column {name}.{column} is missing (revision {revision})")
        for column in sorted(tables[name] - expected[name]):
            problems.append(f"unexpected column {name}.{column} (an interrupted update?)")
    return problems


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` (default: the newest) in ONE transaction.

    A kill at any moment leaves the database at its old revision or at the new one, never in
    between. SQLite's DDL is transactional, but Python's sqlite3 commits on its own before DDL
    and Alembic commits after each SQLite revision; so the driver's own transaction handling
    is switched off, the transaction is begun here and Alembic runs inside it (an "external"
    transaction: it neither begins nor commits). ``PRAGMA foreign_keys`` cannot change inside
    a transaction, so it is switched off before BEGIN (a batch copy of a parent table would
    otherwise fail) and the foreign keys are checked before COMMIT.
    """
    from alembic import command

    cfg = _config()
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        raw = conn.connection.dbapi_connection
        assert raw is not None
        saved = raw.isolation_level
        raw.isolation_level = None
        try:
            # IMMEDIATE: a second dtbench opening the same file waits here, then finds the
            # database already upgraded (Alembic reads the revision inside this transaction).
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"foreign key check failed after migration: {problems}")
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        finally:
            raw.isolation_level = saved
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()
