"""Shared fixtures: a private warehouse per test, a new user's first `majlis run` on the repository's seeds,
one Prefect server for the `majlis run` processes of the crash, fault and incremental tests, and the clean
run on three articles those tests compare with."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from corpus.articles import CALL, VISIT, VISIT_OTHER_WORDING, write_articles

REPO = Path(__file__).resolve().parent.parent
# a loaded CI machine can take longer than Prefect's default to start the ephemeral API server
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty warehouse directory set as $MAJLIS_WAREHOUSE for this test (and its subprocesses)."""
    path = tmp_path / "warehouse"
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(path))
    yield path


def majlis_env(warehouse: Path, **extra: str) -> dict[str, str]:
    """Environment for a `majlis` subprocess writing to `warehouse` (the NER model is the default one)."""
    env = dict(os.environ)
    env.update({"MAJLIS_WAREHOUSE": str(warehouse), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **extra})
    return env


@dataclass(frozen=True)
class SeedsRun:
    cwd: Path  # a directory without seeds/
    warehouse: Path
    done: subprocess.CompletedProcess[str]
    first_build: Path  # a copy of the database that run built (test_first_hour goes on using `warehouse`)


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> SeedsRun:
    """`majlis run` with no paths from a directory that has no seeds/ of its own, as a new user's first
    command: it loads the repository's seeds/, with the temporary Prefect server majlis starts."""
    cwd = tmp_path_factory.mktemp("elsewhere")
    warehouse = cwd / "warehouse"
    env = {**os.environ, "MAJLIS_WAREHOUSE": str(warehouse), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    env.pop("MAJLIS_NER_MODEL", None)  # the bundled model
    done = subprocess.run([sys.executable, "-m", "majlis.cli", "run"], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False, timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    first_build = tmp_path_factory.mktemp("seeds-first-build") / "majlis.duckdb"
    shutil.copyfile(warehouse / "majlis.duckdb", first_build)
    return SeedsRun(cwd, warehouse, done, first_build)


@pytest.fixture(scope="session")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API URL of one Prefect server (majlis's own temporary one, with a home of its own) for `majlis run`
    processes given it as PREFECT_API_URL, the way a user points runs at their server. Runs that test the
    warehouse (crashes, faults, the run lock, readers during a run, incremental builds) use it rather than
    each starting a server (5 s or more on 2 cores); test_first_hour's, the bad-input run and test_serve
    keep the default, a temporary server started by majlis (test_prefect_server checks that server)."""
    from prefect.settings import PREFECT_HOME, temporary_settings

    from majlis.prefect_server import TemporaryPrefectServer

    with temporary_settings(updates={PREFECT_HOME: str(tmp_path_factory.mktemp("prefect-home"))}):
        server = TemporaryPrefectServer()
        try:
            server.wait_until_ready()
        except BaseException:
            server.stop()
            raise
    try:
        yield server.api_url
    finally:
        server.stop()


THREE_ARTICLES = {"a_visit": VISIT, "b_visit2": VISIT_OTHER_WORDING, "c_call": CALL}


@pytest.fixture(scope="session")
def clean_run(tmp_path_factory: pytest.TempPathFactory, prefect_api: str) -> tuple[Path, Path]:
    """(inbox, warehouse) of one uninterrupted `majlis run --files-per-batch 1` on three invented articles
    (two reports of one visit, and a call), one batch each, analysed in the run's own process. The crash
    and fault tests compare their warehouses with it; they read it or work on copies, never change it."""
    base = tmp_path_factory.mktemp("clean-run")
    inbox, warehouse = base / "inbox", base / "warehouse"
    write_articles(inbox, THREE_ARTICLES)
    done = subprocess.run(
        [sys.executable, "-m", "majlis.cli", "run", "--files-per-batch", "1", str(inbox)], cwd=REPO,
        env=majlis_env(warehouse, MAJLIS_WORKERS="0", PREFECT_API_URL=prefect_api),
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return inbox, warehouse


def pytest_unconfigure(config: pytest.Config) -> None:
    """Prefect's temporary server logs "Stopping temporary server" at interpreter exit, after pytest has
    closed the captured streams; that log line cannot be written and is not a failure of any test."""
    import logging

    logging.raiseExceptions = False
