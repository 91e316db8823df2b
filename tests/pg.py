"""A real PostgreSQL server for the tests: the store suite runs on it as on SQLite, and the
team-mode tests log in as several consultants.

The server is Debian's PostgreSQL on loopback, a throwaway cluster of its own on port 5433,
started by ``tests/team_server.sh`` (the README's test command runs it); ``DTBENCH_TEST_PG``
names another (a superuser's URL). Each
test gets a database of its own, copied from a migrated template (one per migration set, made
once under an advisory lock, so parallel workers share it); it is dropped afterwards. Under
CI a missing server fails the run; elsewhere the PostgreSQL tests are skipped with the reason.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

ADMIN_URL = os.environ.get(
    "DTBENCH_TEST_PG", "postgresql+psycopg://dtbench_test:dtbench_test@127.0.0.1:5433/postgres"
)
TO_START = "run sudo bash tests/team_server.sh"
MIGRATIONS = Path(__file__).resolve().parent.parent / "dtbench" / "store" / "migrations"


def url_for(database: str, *, user: str | None = None, password: str | None = None) -> str:
    """The admin URL pointed at ``database`` (and, given, logged in as ``user``)."""
    url = make_url(ADMIN_URL).set(database=database)
    if user is not None:
        url = url.set(username=user, password=password)
    return url.render_as_string(hide_password=False)


@cache
def _admin() -> Engine:
    return create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)


@cache
def _unavailable() -> str | None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[test,team]')"
    try:
        with _admin().connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any failure means: no server for the tests
        where = make_url(ADMIN_URL).render_as_string(hide_password=True)
        return f"no PostgreSQL server at {where} ({exc.__class__.__name__}): {TO_START}"
    return None


def require_server() -> None:
    """Skip (fail under CI) when there is no server to test against."""
    reason = _unavailable()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


def admin() -> Engine:
    """An autocommit superuser connection to the server's ``postgres`` database."""
    require_server()
    return _admin()


def _migrations_digest() -> str:
    h = hashlib.sha256()
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        h.update(script.name.encode())
        h.update(script.read_bytes())
    return h.hexdigest()[:12]


@cache
def _template() -> str:
    """A migrated, empty dtbench database to copy; made once for these migrations."""
    name = f"dtb_template_{_migrations_digest()}"
    with admin().connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(734212)"))
        try:
            exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
            if not exists:
                building = f"{name}_building_{uuid.uuid4().hex[:6]}"
                conn.execute(text(f'CREATE DATABASE "{building}"'))
                from dtbench.store import open_store

                store = open_store(url_for(building))
                store.close()
                conn.execute(text(f'ALTER DATABASE "{building}" RENAME TO "{name}"'))
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(734212)"))
    return name


def drop_database(name: str) -> None:
    with admin().connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextmanager
def database(*, migrated: bool = True) -> Iterator[str]:
    """A fresh database for one test (migrated to head unless told otherwise); its URL."""
    name = f"dtb_test_{uuid.uuid4().hex[:16]}"
    template = f' TEMPLATE "{_template()}"' if migrated else ""
    with admin().connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{template}'))
    try:
        yield url_for(name)
    finally:
        drop_database(name)


@contextmanager
def role(prefix: str = "consultant", *, password: str = "secret-pw") -> Iterator[str]:
    """A login role of its own for one test (roles are shared by the whole server, so the
    name is unique); dropped afterwards. Open it outside the test's database (so the database,
    dropped first, takes the role's privileges with it)."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with admin().connect() as conn:
        conn.execute(text(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'"))
    try:
        yield name
    finally:
        with admin().connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :n"),
                {"n": name},
            )
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
