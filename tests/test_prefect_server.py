"""majlis starts Prefect's temporary server itself: runs work against it, the flow's process stays free of
Prefect's server code, nothing is left running, and a configured API is used as it is."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import psutil  # type: ignore[import-untyped]
from prefect.settings import PREFECT_API_URL, temporary_settings

from majlis.prefect_server import TemporaryPrefectServer

_SCRIPT = """
import sys
from prefect import flow, task

from majlis.prefect_server import prefect_api, start_prefect_server


@task
def double(x: int) -> int:
    return 2 * x


@flow
def small() -> int:
    return sum(f.result() for f in double.map([1, 2, 3]))


if __name__ == "__main__":
    start_prefect_server()
    with prefect_api():
        print("result", small(), flush=True)
        print("server code imported", "prefect.server.api.server" in sys.modules, flush=True)
"""


def _servers(home: Path) -> set[int]:
    """Prefect server processes (uvicorn serving Prefect's app) using the Prefect home `home`: other
    programs on the machine may run servers of their own meanwhile."""
    found = set()
    for proc in psutil.process_iter():
        try:
            if "prefect.server.api.server:create_app" not in " ".join(proc.cmdline()):
                continue
            if proc.environ().get("PREFECT_HOME") == str(home):
                found.add(proc.pid)
        except psutil.Error:  # ended while listed, or not ours to read
            continue
    return found


def test_a_flow_runs_against_the_server_majlis_starts_and_nothing_is_left(tmp_path: Path) -> None:
    script = tmp_path / "small_flow.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")  # a database of this test's own
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "result 12" in done.stdout
    assert "server code imported False" in done.stdout
    assert "starting a temporary Prefect server" in done.stdout + done.stderr
    assert not _servers(tmp_path / "prefect")  # the server ended with the script
    # task runs are recorded in batches, and what is still batched is written when the server stops
    with sqlite3.connect(tmp_path / "prefect" / "prefect.db") as db:
        states = db.execute("select state_type from task_run").fetchall()
    assert states == [("COMPLETED",)] * 3


def test_a_configured_api_is_used_as_it_is() -> None:
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        assert not TemporaryPrefectServer.needed()
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        assert TemporaryPrefectServer.needed()
