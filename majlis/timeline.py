"""Wall-clock milestones of one `majlis` process, for `majlis bench --incremental`.

With `$MAJLIS_TIMELINE` naming a file, `mark(name)` records (name, time.time()) and the process writes
them there as JSON when it exits, so a benchmark that noted when it launched the process can split its
wall time into start-up and imports, Prefect's server, analysis and the dbt build. Without the variable
nothing is recorded.
"""

from __future__ import annotations

import atexit
import json
import os
import time
from pathlib import Path

TIMELINE_ENV = "MAJLIS_TIMELINE"
_marks: list[tuple[str, float]] = []
_stages: dict[str, float] = {}


def _write() -> None:
    target = os.environ.get(TIMELINE_ENV)
    if not target:
        return
    data = {"marks": _marks, "stages": _stages}
    Path(target).write_text(json.dumps(data), encoding="utf-8")


def enabled() -> bool:
    return bool(os.environ.get(TIMELINE_ENV))


def mark(name: str) -> None:
    """Record that the process reached `name` now (when `$MAJLIS_TIMELINE` is set)."""
    if not enabled():
        return
    if not _marks:
        atexit.register(_write)
    _marks.append((name, time.time()))


def stages(seconds: dict[str, float]) -> None:
    """Record the flow's own stage times (its summary's) for the same file."""
    if enabled():
        _stages.update(seconds)
