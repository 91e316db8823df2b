"""Stored values read as their column's type, or a clear DamagedValueError naming the column.

A row can pass SQLite's own checks and still hold a value its column cannot hold (SQLite
stores any value in any column): a text weight, a date that is no date, broken JSON. Without
care such a value crashes whatever reads it, far from the cause. Every column of the schema
is given a checked type (``guard``), so the one place where rows become Python values
raises ``DamagedValueError("table.column", value, what was expected)`` instead; ``problems``
runs the same checks over a file for ``dtbench check``. A column can ask for more in its
``info`` (``one_of``, ``within``, ``shaped``): a status the code does not know, a level out of
the scale or JSON of the wrong shape crashes the reader just the same.
"""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    String,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

from dtbench.errors import QT_TRANSLATE_NOOP
from dtbench.store.errors import DamagedValueError

# What a column expects, in the words of the message (translated with the message).
EXPECTED = {
    "datetime": QT_TRANSLATE_NOOP("StoreError", "not a date and time"),
    "date": QT_TRANSLATE_NOOP("StoreError", "not a date"),
    "json": QT_TRANSLATE_NOOP("StoreError", "not valid JSON"),
    "number": QT_TRANSLATE_NOOP("StoreError", "not a number"),
    "integer": QT_TRANSLATE_NOOP("StoreError", "not a whole number"),
    "boolean": QT_TRANSLATE_NOOP("StoreError", "not yes or no"),
    "text": QT_TRANSLATE_NOOP("StoreError", "not text"),
    "bytes": QT_TRANSLATE_NOOP("StoreError", "not a file's bytes"),
    # Checks a column asks for in its ``info`` (see ``one_of``, ``within``, ``shaped``).
    "choice": QT_TRANSLATE_NOOP("StoreError", "not one of the values this column may hold"),
    "range": QT_TRANSLATE_NOOP("StoreError", "outside the range this column may hold"),
    "object": QT_TRANSLATE_NOOP("StoreError", "not a JSON object"),
    "list": QT_TRANSLATE_NOOP("StoreError", "not a JSON list of texts"),
}


def one_of(*allowed: object) -> dict[str, Any]:
    """Column ``info``: the stored value must be one of ``allowed``."""
    choices = frozenset(allowed)
    return {"accept": lambda value: value in choices, "expected": "choice"}


def within(low: float, high: float) -> dict[str, Any]:
    """Column ``info``: the stored number must lie within ``low``–``high``."""
    return {"accept": lambda value: low <= value <= high, "expected": "range"}


def shaped(kind: str) -> dict[str, Any]:
    """Column ``info``: the stored JSON must be an object (``"object"``) or a list of texts."""
    if kind == "object":
        return {"accept": lambda value: isinstance(value, dict), "expected": "object"}
    return {
        "accept": lambda value: isinstance(value, list) and all(isinstance(v, str) for v in value),
        "expected": "list",
    }


def _kind(type_: TypeEngine[Any]) -> str | None:
    # Order matters: DateTime before Date, Boolean and Integer are distinct classes.
    for cls, kind in (
        (DateTime, "datetime"),
        (Date, "date"),
        (JSON, "json"),
        (Boolean, "boolean"),
        (Integer, "integer"),
        (Float, "number"),
        (LargeBinary, "bytes"),
        (String, "text"),
    ):
        if isinstance(type_, cls):
            return kind
    return None


def _raw_ok(kind: str, value: Any) -> bool:
    """The value as SQLite returns it, before SQLAlchemy converts it."""
    if kind in ("datetime", "date", "json", "text"):
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, int) and value in (0, 1)
    if kind == "integer":
        return isinstance(value, int)
    if kind == "number":
        return isinstance(value, (int, float))
    if kind == "bytes":
        return isinstance(value, (bytes, memoryview))
    return True


class Checked(TypeDecorator[Any]):
    """A column type whose stored values are checked on the way out (see the module)."""

    cache_ok = True
    impl = String  # replaced per column by ``guard``

    def __init__(
        self,
        inner: TypeEngine[Any],
        kind: str,
        where: str,
        accept: Callable[[Any], bool] | None = None,
        expected: str = "",
    ) -> None:
        super().__init__()
        self.impl = inner  # type: ignore[assignment]
        self.impl_instance = inner
        self.kind = kind
        self.where = where
        self.accept = accept
        self.expected = expected

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        return self.impl_instance.dialect_impl(dialect)

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any] | None:
        inner = self.impl_instance.dialect_impl(dialect).result_processor(dialect, coltype)
        kind, where, accept = self.kind, self.where, self.accept
        expected = EXPECTED.get(self.expected, EXPECTED[kind])
        # SQLite stores any value in any column; a server such as PostgreSQL enforces the
        # column's type itself, so only the range and shape checks remain there.
        typed = dialect.name != "sqlite"

        def process(value: Any) -> Any:
            if value is None:
                return None
            if not typed and not _raw_ok(kind, value):
                raise DamagedValueError(where, value, EXPECTED[kind])
            try:
                out = inner(value) if inner is not None else value
            except (ValueError, TypeError) as exc:
                raise DamagedValueError(where, value, EXPECTED[kind]) from exc
            if accept is not None and not accept(out):
                raise DamagedValueError(where, value, expected)
            return out

        return process

    def copy(self, **kw: Any) -> Checked:
        return Checked(self.impl_instance, self.kind, self.where, self.accept, self.expected)

    def __repr__(self) -> str:
        return repr(self.impl_instance)


def guard(metadata: MetaData) -> None:
    """Give every column of ``metadata`` a checked type that names it when a value is bad."""
    for table in metadata.tables.values():
        for column in table.columns:
            if isinstance(column.type, Checked):
                continue
            kind = _kind(column.type)
            if kind is not None:
                column.type = Checked(
                    copy.copy(column.type),
                    kind,
                    f"{table.name}.{column.name}",
                    column.info.get("accept"),
                    column.info.get("expected", ""),
                )


def problems(
    con: sqlite3.Connection, metadata: MetaData, limit: int = 20
) -> list[DamagedValueError]:
    """The stored values of a file that its columns cannot hold, read as dtbench reads them."""
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    present = {str(r[0]) for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    found: list[DamagedValueError] = []
    for table in metadata.sorted_tables:
        if table.name not in present:
            continue
        columns = {str(c[1]) for c in con.execute(f'PRAGMA table_info("{table.name}")')}
        for column in table.columns:
            checked = column.type
            if not isinstance(checked, Checked) or column.name not in columns:
                continue
            if checked.kind == "bytes":
                continue  # evidence files: any bytes are fine, and reading them all is costly
            process = checked.dialect_impl(dialect).result_processor(dialect, None)
            assert process is not None
            rows = con.execute(
                f'SELECT rowid, "{column.name}" FROM "{table.name}" '
                f'WHERE "{column.name}" IS NOT NULL'
            )
            for rowid, value in rows:
                try:
                    process(value)
                except DamagedValueError as exc:
                    exc.rowid = int(rowid)
                    found.append(exc)
                    if len(found) >= limit:
                        return found
    return found
