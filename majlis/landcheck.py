"""Cheap checks of the landed Parquet files and the file log: magic bytes, footer and schema.

A file cut short (a failing disk, a copy gone wrong) makes every later `dbt build` fail on it, so each run
checks every file before it is used. The check reads 8 bytes and the footer of each file, never its data
pages: about a millisecond per file, so it runs on every run (and on every `majlis doctor`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from majlis.filelog import LOG_DIR
from majlis.land import expected_schema
from majlis.records import TABLES

MAGIC = b"PAR1"
DAMAGED_DIR = "_damaged"  # under landed/ and state/: damaged files moved aside, kept as evidence
STATE_LOG = "state log"  # the `table` of a damaged file-log part


@dataclass(frozen=True)
class Damage:
    """A landed (or file-log) Parquet file that cannot be used, and why."""

    path: Path
    table: str  # landed table name, or STATE_LOG
    reason: str

    @property
    def batch(self) -> str:
        """The batch key: the file name without `.parquet`."""
        return self.path.stem


# columns added to a landed table after files were written without them (staging reads files with
# `union_by_name`, so an older file just has them null): such a file is not damaged
ADDED_LATER = frozenset({"rules"})


def _same_columns(found: pa.Schema, expected: pa.Schema) -> bool:
    """Column names and types equal; nullability and metadata may differ; trailing columns added later may
    be missing from older files."""
    have = [(f.name, f.type) for f in found]
    want = [(f.name, f.type) for f in expected]
    while len(want) > len(have) and want[-1][0] in ADDED_LATER:
        want.pop()
    return have == want


def check_file(path: Path, schema: pa.Schema | None = None) -> str | None:
    """Why `path` is not a usable Parquet file (of `schema`, when given); None when it is."""
    try:
        size = path.stat().st_size
        if size < 2 * len(MAGIC) + 4:
            return f"cut short ({size} bytes)"
        with path.open("rb") as handle:
            head = handle.read(len(MAGIC))
            handle.seek(-len(MAGIC), 2)
            tail = handle.read(len(MAGIC))
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if head != MAGIC:
        return "not a Parquet file (no magic bytes at the start)"
    if tail != MAGIC:
        return f"cut short or overwritten: no magic bytes at the end ({size} bytes)"
    try:
        found = pq.read_schema(path)
    except (OSError, pa.ArrowException) as exc:
        return f"unreadable footer ({exc})"
    if schema is not None and not _same_columns(found, schema):
        return f"unexpected columns {found.names} (expected {schema.names})"
    return None


def check_landed(warehouse: Path) -> list[Damage]:
    """Every damaged file under `landed/<table>/` and `state/input_files/`, in path order."""
    damaged = []
    for table in TABLES:
        schema = expected_schema(table)
        for path in sorted((warehouse / "landed" / table).glob("*.parquet")):
            reason = check_file(path, schema)
            if reason:
                damaged.append(Damage(path, table, reason))
    for path in sorted((warehouse / LOG_DIR).glob("*.parquet")):
        reason = check_file(path)
        if reason:
            damaged.append(Damage(path, STATE_LOG, reason))
    return damaged
