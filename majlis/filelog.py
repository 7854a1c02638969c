"""Input files already processed in full, by path and `stat`: what lets a re-run skip unchanged files.

Re-running on an archive of tens of thousands of files must not read and hash every file again. Once a
batch's articles and quarantine items have landed, the stamp (size, modification and change time, inode)
of each of its files is written here; the next run reads only files whose stamp differs or is new.
Stamps are taken before a file is read, so a file that changes while it is being read is read again next
time. The log lives in the warehouse (`state/input_files/`), so deleting the warehouse resets it.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from majlis.ingest import discover_files
from majlis.land import write_atomically

LOG_DIR = Path("state") / "input_files"
COMPACT_AFTER = 64  # log files; beyond this the next write merges them into one
_SCHEMA = pa.schema(
    [
        ("path", pa.string()),
        ("size", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("ctime_ns", pa.int64()),
        ("inode", pa.int64()),
        ("articles", pa.int64()),
        ("batch", pa.string()),  # batch key the file's articles landed in ("" when none; older logs lack it)
    ]
)
FORGOTTEN = -1  # a stamp field no real file has: a forgotten file never matches, so it is read again
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileStamp:
    """What must be unchanged for a file to count as already processed."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int


@dataclass(frozen=True)
class ProcessedFile:
    """A file whose batch landed: its stamp then, and how many articles it held."""

    path: str
    stamp: FileStamp
    articles: int
    batch: str = ""


def stamp_file(path: str) -> FileStamp | None:
    """The file's stamp now (symlinks followed), or None when it cannot be stat'ed."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileStamp(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def read_log(warehouse: Path) -> dict[str, ProcessedFile]:
    """Every logged file, the newest entry per path.

    A damaged log part is skipped with a warning: its files are then read again, which costs time but
    loses nothing (their articles are already landed and skipped); `majlis run` moves it aside.
    """
    directory = warehouse / LOG_DIR
    logged: dict[str, ProcessedFile] = {}
    for part in sorted(directory.glob("*.parquet")) if directory.is_dir() else []:
        try:
            rows = pq.read_table(part).to_pylist()
        except (OSError, pa.ArrowException) as exc:
            logger.warning("skipping damaged file log part %s (its files are read again): %s", part, exc)
            continue
        for row in rows:
            stamp = FileStamp(row["size"], row["mtime_ns"], row["ctime_ns"], row["inode"])
            logged[row["path"]] = ProcessedFile(row["path"], stamp, row["articles"], row.get("batch") or "")
    return logged


def forget(warehouse: Path, paths: list[str] | None = None) -> int:
    """Make the next run read `paths` (default: every logged file) again, as if never processed.

    Used when a landed batch is damaged: its articles must be extracted again from their inputs.
    Returns how many files were forgotten.
    """
    names = list(read_log(warehouse)) if paths is None else paths
    gone = FileStamp(FORGOTTEN, FORGOTTEN, FORGOTTEN, FORGOTTEN)
    append_log(warehouse, [ProcessedFile(name, gone, 0) for name in names])
    return len(names)


def _table(files: list[ProcessedFile]) -> pa.Table:
    return pa.table(
        {
            "path": [f.path for f in files],
            "size": [f.stamp.size for f in files],
            "mtime_ns": [f.stamp.mtime_ns for f in files],
            "ctime_ns": [f.stamp.ctime_ns for f in files],
            "inode": [f.stamp.inode for f in files],
            "articles": [f.articles for f in files],
            "batch": [f.batch for f in files],
        },
        schema=_SCHEMA,
    )


def _key() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")


def append_log(warehouse: Path, files: list[ProcessedFile]) -> None:
    """Log `files` as processed (one new Parquet file); merge the log when it has grown to many files."""
    if not files:
        return
    directory = warehouse / LOG_DIR
    write_atomically(_table(files), directory / f"{_key()}.parquet")
    parts = sorted(directory.glob("*.parquet"))
    if len(parts) > COMPACT_AFTER:
        target = directory / f"{_key()}-merged.parquet"  # sorts after every part, so it wins
        write_atomically(_table(list(read_log(warehouse).values())), target)
        for part in parts:
            if part != target:
                part.unlink(missing_ok=True)


@dataclass
class InputScan:
    """The input files of a run, split into those to read and those unchanged since they were processed."""

    files: int = 0
    to_read: list[tuple[str, str, FileStamp | None]] = field(default_factory=list)  # (file, root, stamp)
    unchanged: int = 0
    unchanged_articles: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # files in the directories that are not articles


def scan_inputs(paths: list[Path], warehouse: Path, ignore_log: bool = False) -> InputScan:
    """Discover every input file under `paths` and compare its stamp with the log (unless `ignore_log`)."""
    logged = {} if ignore_log else read_log(warehouse)
    scan = InputScan()
    for path, root in discover_files(paths, scan.skipped):
        scan.files += 1
        name = str(path)
        stamp = stamp_file(name)
        before = logged.get(name)
        if stamp is not None and before is not None and before.stamp == stamp:
            scan.unchanged += 1
            scan.unchanged_articles += before.articles
        else:
            scan.to_read.append((name, str(root), stamp))
    return scan
