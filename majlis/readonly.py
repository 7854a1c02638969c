"""Read-only access to the warehouse: a query can read the marts and nothing else."""

from __future__ import annotations

from typing import Any

import duckdb

from majlis import config


class QueryError(RuntimeError):
    """The query failed or the warehouse is missing; the message says which."""


def connect_readonly() -> duckdb.DuckDBPyConnection:
    """A connection that cannot write, attach, copy to files or load extensions."""
    path = config.database_path()
    if not path.exists():
        raise QueryError(f"no warehouse at {path}: run `majlis run` first (or set MAJLIS_WAREHOUSE)")
    return duckdb.connect(
        str(path),
        read_only=True,
        config={
            "enable_external_access": False,
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
            "lock_configuration": True,
        },
    )


def run_readonly(query: str, limit: int = 100) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and at most `limit` rows of the query's result."""
    try:
        with connect_readonly() as con:
            cursor = con.execute(query)
            columns = [d[0] for d in cursor.description or []]
            return columns, cursor.fetchmany(limit)
    except duckdb.Error as exc:
        raise QueryError(str(exc)) from exc
