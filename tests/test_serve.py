"""`majlis serve` as an operator runs it: the schedule fires by itself, and a signal stops everything."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest
from conftest import REPO, majlis_env
from corpus.articles import VISIT, write_articles

from flows.deploy import inbox_deployment
from flows.pipeline import warm_up_served_run
from majlis import warehouse as wh
from majlis import workers
from majlis.nlp.model import load_pipeline

MAJLIS = [sys.executable, "-m", "majlis.cli"]


def test_a_deployment_carries_the_schedule_and_the_inbox(tmp_path: Path) -> None:
    deployment = inbox_deployment(tmp_path, "*/30 * * * *", name="inbox-test")
    assert deployment.parameters == {"paths": [str(tmp_path.resolve())]}
    assert deployment.schedules[0].schedule.cron == "*/30 * * * *"
    every = inbox_deployment(tmp_path, interval_seconds=90)
    assert every.schedules[0].schedule.interval.total_seconds() == 90
    with pytest.raises(ValueError, match="cron"):
        inbox_deployment(tmp_path, "every half hour")
    with pytest.raises(ValueError, match="positive"):
        inbox_deployment(tmp_path, interval_seconds=0)


def _meetings(database: Path) -> int:
    try:
        with duckdb.connect(str(database), read_only=True) as con:
            row = con.execute("select count(*) from fact_meetings").fetchone()
    except duckdb.Error:
        return 0  # not built yet
    return int(row[0]) if row else 0


def _wait_for(condition: object, seconds: float, what: str, log: Path) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if condition():  # type: ignore[operator]
            return time.monotonic() - started
        time.sleep(1)
    raise AssertionError(f"{what} not within {seconds:.0f} s; serve printed:\n{log.read_text()[-4000:]}")


@pytest.mark.slow
def test_the_schedule_loads_a_dropped_file_and_a_signal_stops_serving(tmp_path: Path) -> None:
    inbox, warehouse, log = tmp_path / "inbox", tmp_path / "w", tmp_path / "serve.log"
    inbox.mkdir()
    env = majlis_env(warehouse, PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_RUNNER_POLL_FREQUENCY="2")
    env.pop("PREFECT_API_URL", None)  # the README's way: majlis runs the server
    with log.open("w") as out:
        serving = subprocess.Popen(
            [*MAJLIS, "serve", "--inbox", str(inbox), "--interval", "5"], cwd=REPO, env=env,
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        _wait_for(lambda: "next run due at" in log.read_text(), 120, "the banner's next run", log)
        banner = log.read_text()
        assert "prefect deployment run majlis/majlis-inbox" in banner and "PREFECT_API_URL=http" in banner
        # nothing is triggered by hand: the file is picked up by a scheduled run
        write_articles(inbox, {"visit.txt": VISIT})
        _wait_for(lambda: _meetings(warehouse / "majlis.duckdb") > 0, 150, "the dropped file's meetings", log)
        assert "run done in" in log.read_text() and "1 new articles" in log.read_text()
        family = [serving.pid, *(c.pid for c in psutil.Process(serving.pid).children(recursive=True))]
        assert len(family) >= 2  # majlis serve and the Prefect server it started
        serving.send_signal(signal.SIGTERM)
        stopped_in = _wait_for(lambda: not any(psutil.pid_exists(p) and _alive(p) for p in family), 10,
                               "every process of serve gone", log)  # fmt: skip
        assert serving.wait(timeout=1) == 0
        assert "stopped" in log.read_text()
        print(f"stopped {stopped_in:.1f} s after SIGTERM")
    finally:
        if serving.poll() is None:
            os.killpg(serving.pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_serve_keeps_the_model_and_a_parsed_dbt_between_runs(
    warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse.mkdir()
    monkeypatch.setattr(wh, "_keep_warm", False)
    monkeypatch.setattr(workers, "_preload", None)
    warm_up_served_run()  # what `majlis serve` does before its first run and after each
    try:
        assert wh._ready is not None and wh._ready[1].poll() is None  # dbt imported, waiting for its build
        early = wh._ready[1]
        wh.release_early_dbt()  # a run's end: serve keeps it for the next run
        assert wh._ready is not None and wh._ready[1] is early and early.poll() is None
        assert workers._preload is not None  # the model and lexicons load in this process
        workers._preload.join()
        assert load_pipeline.cache_info().currsize == 1
        workers.drop_preload()  # what a run of many files does: it analyses on worker processes
        assert workers._preload is None and load_pipeline.cache_info().currsize == 0
    finally:
        wh.discard_early_dbt()


async def _cancel_flow_run(api_url: str, name: str) -> str:
    """Ask the server to cancel the flow run `name`, as Prefect's UI does; its state type when it ends."""
    from prefect.client.orchestration import PrefectClient
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName
    from prefect.client.schemas.sorting import FlowRunSort
    from prefect.states import Cancelling

    async with PrefectClient(api_url) as client:
        runs = await client.read_flow_runs(
            flow_run_filter=FlowRunFilter(name=FlowRunFilterName(any_=[name])),
            limit=1,
            sort=FlowRunSort.START_TIME_DESC,
        )
        await client.set_flow_run_state(runs[0].id, Cancelling(), force=True)
        for _ in range(120):
            state = (await client.read_flow_run(runs[0].id)).state
            if state is not None and state.is_final():
                return str(state.type.value)
            await asyncio.sleep(0.5)
    return "not final"


@pytest.mark.slow
def test_a_served_run_cancelled_from_the_api_stops_and_serving_goes_on(tmp_path: Path) -> None:
    from majlis.bench.incremental import write_new_articles

    inbox, warehouse, log = tmp_path / "inbox", tmp_path / "w", tmp_path / "serve.log"
    write_new_articles(inbox, 0, 80, 7)  # four batches on worker processes: seconds to cancel it in
    env = majlis_env(warehouse, PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_RUNNER_POLL_FREQUENCY="1")
    env.pop("PREFECT_API_URL", None)
    with log.open("w") as out:
        serving = subprocess.Popen(
            [*MAJLIS, "serve", "--inbox", str(inbox), "--interval", "30"], cwd=REPO, env=env,
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        _wait_for(lambda: "Beginning flow run" in log.read_text(), 120, "the first run", log)
        api_url = re.search(r"PREFECT_API_URL=(\S+)", log.read_text())
        name = re.search(r"Beginning flow run '([^']+)'", log.read_text())
        assert api_url and name
        time.sleep(2)
        assert asyncio.run(_cancel_flow_run(api_url.group(1), name.group(1))) == "CANCELLED"
        assert serving.poll() is None  # serving goes on
        # the next run takes the warehouse (the cancelled one let go of it) and loads the articles
        _wait_for(lambda: _meetings(warehouse / "majlis.duckdb") > 0, 150, "the next run's meetings", log)
        assert "RunLockedError" not in log.read_text()
        serving.send_signal(signal.SIGTERM)
        assert serving.wait(timeout=15) == 0
    finally:
        if serving.poll() is None:
            os.killpg(serving.pid, signal.SIGKILL)
