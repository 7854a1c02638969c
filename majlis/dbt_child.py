"""A dbt process started before it is needed: it imports dbt (about 3.5 s of one core) and waits.

`python -m majlis.dbt_child` imports dbt's command line, then reads one line from stdin: a JSON list of
dbt arguments, which it runs as `dbt ARGS` would, exiting with dbt's own code. An empty stdin (the run
needed no build after all) ends it with code 0 and nothing done. `majlis.warehouse` starts one while a run
analyses its articles, so the build that follows does not wait for dbt's imports.
"""

from __future__ import annotations

import importlib
import json
import sys


def main() -> int:
    from dbt.cli.main import cli

    for module in ("dbt.adapters.duckdb", "dbt.task.build"):  # imported now, not once the arguments come
        importlib.import_module(module)

    line = sys.stdin.readline()
    if not line.strip():
        return 0
    args = json.loads(line)
    try:
        cli.main(args=[str(a) for a in args], prog_name="dbt", standalone_mode=True)
    except SystemExit as exc:  # click's standalone mode exits with dbt's code
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
