"""Read-only access to the warehouse: a query can read the marts and nothing else."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class QueryResult:
    """Column names, the rows fetched, and whether the query had more rows than were fetched."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool


def query_readonly(query: str, limit: int | None = 100) -> QueryResult:
    """At most `limit` rows of the query's result (all with None), and whether rows were left out.

    One row more than asked is fetched, so a cut result is told apart from one that happens to fill it.
    """
    try:
        with connect_readonly() as con:
            cursor = con.execute(query)
            columns = [d[0] for d in cursor.description or []]
            if limit is None:
                return QueryResult(columns, cursor.fetchall(), truncated=False)
            rows = cursor.fetchmany(limit + 1)
            return QueryResult(columns, rows[:limit], truncated=len(rows) > limit)
    except duckdb.Error as exc:
        raise QueryError(str(exc)) from exc


def run_readonly(query: str, limit: int = 100) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and at most `limit` rows of the query's result."""
    result = query_readonly(query, limit)
    return result.columns, result.rows
