"""A dbt process started before it is needed, which parses the project while it waits and then runs builds.

`python -m majlis.dbt_child RESULT_FD PROJECT PARSE_ARGS` imports dbt and its DuckDB adapter (about 3.5 s
of one core), parses the dbt project (`PARSE_ARGS`, a JSON list; about 1 s with partial parsing) and keeps
the parsed manifest, labelled with `PROJECT` (majlis's fingerprint of the project files). Then it reads
requests from stdin, one JSON object a line: `{"args": [...], "project": "..."}` runs `dbt ARGS` with
dbt's `dbtRunner` and that manifest (parsed again first when the project's fingerprint changed), and writes
`{"code": N, "output": "..."}` (dbt's exit code, what dbt printed) as one line to the file descriptor
`RESULT_FD`. At the end of stdin it exits with the last build's code (0 when none ran).

`majlis.warehouse` starts one while a run analyses its articles, so the build does not wait for dbt's
imports or the parse; `majlis serve` keeps the same process from one scheduled run's build to the next.
After every build the DuckDB file is closed: the parent publishes it (renames it) and builds the next in
a new copy at the same path, which must not reach the old file through a cached connection.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import sys
from typing import Any


def _close_duckdb() -> None:
    """Close dbt-duckdb's process-wide connection (it outlives an invocation otherwise)."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        env = DuckDBConnectionManager._ENV
        DuckDBConnectionManager._ENV = None
        if env is not None:
            with contextlib.suppress(Exception):  # best effort: the next build opens a new one anyway
                env.close()


def _invoke(args: list[str], manifest: Any) -> tuple[int, str, Any]:
    """Run dbt with `args` (and `manifest` when given): (exit code as dbt's CLI gives it, what it printed,
    the invocation's result)."""
    from dbt.cli.main import dbtRunner
    from dbt_common.events.functions import capture_stdout_logs, stop_capture_stdout_logs

    printed = io.StringIO()
    capture_stdout_logs(printed)
    try:
        outcome = dbtRunner(manifest=manifest).invoke(args)
    finally:
        stop_capture_stdout_logs()
        _close_duckdb()
    output = printed.getvalue()
    if outcome.exception is not None:
        output += f"\n{type(outcome.exception).__name__}: {outcome.exception}"
        return 2, output, None
    return (0 if outcome.success else 1), output, outcome.result


def _parse(parse_args: list[str]) -> Any:
    """The project's manifest, or None when parsing failed (the build then parses and reports it)."""
    code, _, result = _invoke(parse_args, None)
    return result if code == 0 else None


def main(argv: list[str]) -> int:
    for module in ("dbt.cli.main", "dbt.adapters.duckdb", "dbt.task.build"):  # imported now, not later
        importlib.import_module(module)
    results = os.fdopen(int(argv[1]), "w", encoding="utf-8")
    project, parse_args = argv[2], [str(a) for a in json.loads(argv[3])]
    manifest = _parse(parse_args)
    code = 0
    while line := sys.stdin.readline():
        if not line.strip():
            break
        request = json.loads(line)
        if manifest is None or request["project"] != project:
            project, manifest = request["project"], _parse(parse_args)
        code, output, _ = _invoke([str(a) for a in request["args"]], manifest)
        results.write(json.dumps({"code": code, "output": output[-8000:]}) + "\n")
        results.flush()
    return code


if __name__ == "__main__":
    sys.stdout.flush()
    os._exit(main(sys.argv))  # no interpreter teardown of dbt's modules: the parent waits for this exit
