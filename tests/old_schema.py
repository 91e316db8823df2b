"""Rows written into a database at an older revision, in the SQL of that version: today's
models have columns an old schema lacks, so the services cannot write there."""

from __future__ import annotations

import sqlite3
from typing import Any


def insert(con: sqlite3.Connection, table: str, **values: Any) -> int:
    """Insert one row, every other NOT NULL column given a blank of its type; its id."""
    columns: dict[str, Any] = {}
    for _cid, name, kind, notnull, _default, pk in con.execute(f"PRAGMA table_info({table})"):
        if pk or not notnull:
            continue
        kind = kind.upper()
        if kind in ("DATETIME", "DATE"):
            columns[name] = "2026-01-01 00:00:00" if kind == "DATETIME" else "2026-01-01"
        else:
            columns[name] = 1 if kind in ("INTEGER", "BOOLEAN") else ""
    columns.update(values)
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    cur = con.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(columns.values()))
    return int(cur.lastrowid or 0)


def insert_sa(conn: Any, table: str, **values: Any) -> int:
    """The same through a SQLAlchemy connection (a PostgreSQL database at an old revision)."""
    from sqlalchemy import inspect, text

    columns: dict[str, Any] = {}
    for column in inspect(conn).get_columns(table):
        name, kind = column["name"], str(column["type"]).upper()
        if column["nullable"] or name == "id" or column.get("default") is not None:
            continue
        if "TIMESTAMP" in kind or "DATE" in kind:
            columns[name] = "2026-01-01"
        elif "INT" in kind:
            columns[name] = 1
        elif "BOOL" in kind:
            columns[name] = True
        elif "JSON" in kind:
            columns[name] = "{}"
        else:
            columns[name] = ""
    columns.update(values)
    names = ", ".join(columns)
    marks = ", ".join(f":{name}" for name in columns)
    row = conn.execute(
        text(f"INSERT INTO {table} ({names}) VALUES ({marks}) RETURNING id"), columns
    )
    return int(row.scalar_one())
