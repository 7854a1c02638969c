"""Shared fixtures: a private warehouse per test, and the model the pipeline loads by default."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

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


def pytest_unconfigure(config: pytest.Config) -> None:
    """Prefect's temporary server logs "Stopping temporary server" at interpreter exit, after pytest has
    closed the captured streams; that log line cannot be written and is not a failure of any test."""
    import logging

    logging.raiseExceptions = False
