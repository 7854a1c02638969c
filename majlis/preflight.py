"""Checks before a run writes anything: free space for what it will write, and a reachable Prefect server.

A run that fills the disk fails deep inside `dbt build`; a run against a dead Prefect server fails in
Prefect's client. Both are cheaper to say up front, in one line, before anything changes.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from majlis.faults import PrefectUnreachableError, SpaceError

if TYPE_CHECKING:
    from majlis.filelog import InputScan

MB = 1024 * 1024
LANDED_PER_INPUT_BYTE = 2  # landed Parquet (text, normalised text, sentences, mentions) per input byte
BUILD_FLOOR = 5 * MB  # an empty warehouse's DuckDB file (countries, dates) is about 4.5 MB
FIXED = 8 * MB  # dbt's target and logs, the file log, the quarantine rows
SPACE_ENV = "MAJLIS_MIN_FREE_BYTES"  # override the estimate (tests, or an operator's own margin)


def space_needed(warehouse: Path, input_bytes: int) -> int:
    """Bytes a run needs free: landed Parquet for the new inputs, plus a new DuckDB file written beside
    the published one (as large as the last build, or an empty one's size), plus dbt's own files."""
    if os.environ.get(SPACE_ENV):
        return int(os.environ[SPACE_ENV])
    database = warehouse / "majlis.duckdb"
    last_build = database.stat().st_size if database.is_file() else 0
    return LANDED_PER_INPUT_BYTE * input_bytes + max(last_build, BUILD_FLOOR) + FIXED


def _existing(path: Path) -> Path:
    """The nearest existing directory at or above `path` (the warehouse may not exist yet)."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def check_space(warehouse: Path, input_bytes: int) -> None:
    """Raise SpaceError naming the directory and the space needed when there is not that much free."""
    needed = space_needed(warehouse, input_bytes)
    free = shutil.disk_usage(_existing(warehouse)).free
    if free < needed:
        raise SpaceError(
            f"not enough free space in {warehouse}: this run needs about {needed / MB:.1f} MB "
            f"({input_bytes / MB:.1f} MB of new input, a new database file and dbt's files), "
            f"{free / MB:.1f} MB free; free some space or set MAJLIS_WAREHOUSE to a larger disk"
        )


def prefect_api_url() -> str | None:
    """The Prefect API a run will use: PREFECT_API_URL (environment or Prefect profile), else None."""
    url = os.environ.get("PREFECT_API_URL")
    if url:
        return url
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value() or None


def check_prefect(timeout: float = 10.0) -> None:
    """With PREFECT_API_URL set, raise PrefectUnreachableError unless its health endpoint answers."""
    url = prefect_api_url()
    if not url:
        return
    import httpx

    try:
        httpx.get(f"{url.rstrip('/')}/health", timeout=timeout).raise_for_status()
    except httpx.HTTPError as exc:
        raise PrefectUnreachableError(
            f"cannot reach the Prefect server at PREFECT_API_URL={url} ({exc or type(exc).__name__}); "
            "start it (prefect server start) or unset PREFECT_API_URL to use a temporary one"
        ) from exc


def preflight(warehouse: Path, scan: InputScan) -> None:
    """Every check before a run writes: the Prefect server it will use, then free space for its inputs."""
    check_prefect()
    check_space(warehouse, sum(stamp.size for _, _, stamp in scan.to_read if stamp))
