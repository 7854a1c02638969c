"""`majlis sql`'s output formats: a table to read, CSV and JSON to hand to other tools.

CSV and JSON go to stdout untouched (the note that rows were cut goes to stderr), so
`majlis sql … --format csv > meetings.csv` gives a clean file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import Any


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _plain(value: Any) -> Any:
    """A JSON value for a DuckDB value: dates as ISO text, decimals as numbers, lists and structs kept."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    return value


def to_json(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A JSON array with one object per row, keys in the query's column order."""
    records = [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=1)


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """CSV with a header row; lists and structs are written as JSON, nulls as empty fields."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        cells = []
        for value in row:
            plain = _plain(value)
            if isinstance(plain, list | dict):
                cells.append(json.dumps(plain, ensure_ascii=False))
            else:
                cells.append("" if plain is None else plain)
        writer.writerow(cells)
    return out.getvalue()


def cut_note(shown: int) -> str:
    """Said whenever a result had more rows than were printed."""
    return f"only the first {shown} rows are shown; the result has more (--limit N, or --limit 0 for all)"
