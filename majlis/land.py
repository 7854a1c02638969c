"""Land Arrow tables as Parquet files, one file per (table, batch), atomically and idempotently.

Layout: `<landed root>/<table>/<batch_key>.parquet`. dbt reads each table with the glob `*.parquet`, so a
file is either fully there or not there: it is written as a hidden `.<batch_key>.parquet.<random>.tmp`
(which the glob never matches), fsynced and renamed over the final name. Landing the same batch key
again replaces that batch's file, so a retried batch never duplicates rows.

Empty tables are written too (schema only): re-landing a batch that now yields no rows must replace the
rows the batch landed before, and every source glob then always has at least one typed file.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from majlis import config
from majlis.records import TABLES, arrow_schema
from majlis.runtime import fault_point

EMPTY_FILE_NAME = "_empty.parquet"  # schema-only file that keeps a fresh table's glob readable
_BATCH_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.=-]{0,199}")


class LandingError(OSError):
    """Landing failed; the message names the directory. Files landed before are untouched."""


def expected_schema(table_name: str) -> pa.Schema:
    """The Arrow schema a landed table must have, from its record type."""
    if table_name not in TABLES:
        raise ValueError(f"unknown table {table_name!r}; expected one of {sorted(TABLES)}")
    cls, exclude = TABLES[table_name]
    return arrow_schema(cls, exclude)


def _conform(table_name: str, table: pa.Table) -> pa.Table:
    """Columns in the record's order and types, so every batch file of a table has one schema."""
    schema = expected_schema(table_name)
    missing = set(schema.names) - set(table.column_names)
    extra = set(table.column_names) - set(schema.names)
    if missing or extra:
        raise ValueError(f"{table_name}: columns missing {sorted(missing)}, unexpected {sorted(extra)}")
    return table.select(schema.names).cast(schema)


def write_atomically(table: pa.Table, target: Path) -> None:
    """Write `table` to `target` so readers see all of it or none: temp file, fsync, rename."""
    directory = target.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _landing_error(directory, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            fault_point("write", target)
            pq.write_table(table, handle, compression="zstd")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _fsync_dir(directory)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _landing_error(directory, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (best effort: some filesystems refuse directory fsync)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _landing_error(directory: Path, exc: OSError) -> LandingError:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = "permission denied"
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        why = "no space left on device"
    else:
        why = exc.strerror or str(exc)
    return LandingError(exc.errno or 0, f"cannot land Parquet in {directory}: {why}")


def land(table_name: str, table: pa.Table, batch_key: str, root: Path | None = None) -> Path:
    """Write `table` as `<root>/<table_name>/<batch_key>.parquet` and return that path.

    `root` defaults to `config.landed_dir()`. Batch keys should sort in landing order (e.g. a UTC
    timestamp first): when the same key row appears in several batches, staging keeps the newest batch's.
    """
    if not _BATCH_KEY.fullmatch(batch_key):
        raise ValueError(f"batch key {batch_key!r} must be 1-200 of [A-Za-z0-9_.=-], not starting with '.'")
    if batch_key + ".parquet" == EMPTY_FILE_NAME:
        raise ValueError(f"batch key {batch_key!r} is reserved")
    conformed = _conform(table_name, table)
    target = (root or config.landed_dir()) / table_name / f"{batch_key}.parquet"
    write_atomically(conformed, target)
    return target


def ensure_landing_dirs(root: Path | None = None) -> list[Path]:
    """Give every table with no landed file a schema-only `_empty.parquet`, so dbt's globs never fail.

    Returns the files it created (none when every table already has data files).
    """
    base = root or config.landed_dir()
    created = []
    for table_name in TABLES:
        directory = base / table_name
        if directory.is_dir() and any(directory.glob("*.parquet")):
            continue
        target = directory / EMPTY_FILE_NAME
        write_atomically(expected_schema(table_name).empty_table(), target)
        created.append(target)
    return created
