"""What the warehouse holds, for `majlis schema`: the marts, their columns and dbt's descriptions.

The descriptions are dbt's (models/*.yml), written into DuckDB as comments by `persist_docs`, so this
reads only the warehouse file: what it prints is what the file you query holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from majlis.readonly import QueryError, connect_readonly

MART_SCHEMA = "main"  # staging, intermediate and seeds have schemas of their own (dbt_project.yml)


@dataclass(frozen=True)
class TableInfo:
    name: str
    rows: int
    description: str


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    data_type: str
    description: str


def first_sentence(text: str) -> str:
    """The description's opening sentence: enough for a list of tables."""
    text = " ".join(text.split())
    end = _SENTENCE_END.search(text)
    return text[: end.start() + 1] if end else text


_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z`])")  # not "i.e. which": a sentence starts with a capital


def list_marts() -> list[TableInfo]:
    """Every table of the marts' schema with its row count and description."""
    with connect_readonly() as con:
        found = con.execute(
            "select table_name, coalesce(comment, '') from duckdb_tables() "
            "where schema_name = ? and database_name = current_database() order by table_name",
            [MART_SCHEMA],
        ).fetchall()
        out = []
        for mart, comment in found:
            quoted = str(mart).replace('"', '""')
            row = con.execute(f'select count(*) from main."{quoted}"').fetchone()
            out.append(TableInfo(str(mart), int(row[0]) if row else 0, str(comment)))
    return out


def describe(table: str) -> tuple[TableInfo, list[ColumnInfo]]:
    """A mart's description and columns (`schema.table` for staging and intermediate models)."""
    schema, _, name = table.rpartition(".")
    schema = schema or MART_SCHEMA
    with connect_readonly() as con:
        found = con.execute(
            "select coalesce(comment, '') from duckdb_tables() where schema_name = ? and table_name = ? "
            "and database_name = current_database() union all "
            "select coalesce(comment, '') from duckdb_views() where schema_name = ? and view_name = ? "
            "and database_name = current_database()",
            [schema, name, schema, name],
        ).fetchone()
        if found is None:
            marts = ", ".join(t for (t,) in con.execute(
                "select table_name from duckdb_tables() where schema_name = ? "
                "and database_name = current_database() order by 1", [MART_SCHEMA]).fetchall())  # fmt: skip
            raise QueryError(f"no table {table!r} in the warehouse; the marts are: {marts}")
        columns = con.execute(
            "select column_name, data_type, coalesce(comment, '') from duckdb_columns() "
            "where schema_name = ? and table_name = ? and database_name = current_database() "
            "order by column_index",
            [schema, name],
        ).fetchall()
    info = TableInfo(table, -1, str(found[0]))
    return info, [ColumnInfo(str(c), str(t), str(d)) for c, t, d in columns]
