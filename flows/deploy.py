"""`majlis serve`: a Prefect deployment that runs the flow on an inbox directory on a schedule.

With `PREFECT_API_URL` unset, majlis starts a Prefect server of its own for as long as it serves, with
Prefect's scheduler running (Prefect's ephemeral server runs no scheduler: its schedules never fire). With
it set, the deployment registers with that server (e.g. `prefect server start`) and its scheduler creates
the runs. Either way this process polls for the scheduled runs and runs each in a child process.
SIGINT and SIGTERM stop it: a run in progress is cancelled (the pipeline leaves no half state: its next run
redoes what was not committed), the schedule is paused on a user's server, and majlis's own server ends.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from flows.pipeline import SERVED_RUN_ENV, majlis_flow

STOP_SECONDS = 6.0  # the runner's own shutdown (cancel a run, pause the schedule) gets this long
SCHEDULE_WAIT_SECONDS = 30.0  # how long the banner waits for the server to schedule the first run


def validate_cron(cron: str) -> str:
    """The cron string if it has five fields and Prefect's CronSchedule accepts it; ValueError otherwise."""
    from prefect.client.schemas.schedules import CronSchedule

    if len(cron.split()) != 5:
        raise ValueError(f"not a five-field cron schedule: {cron!r}")
    try:
        CronSchedule(cron=cron)
    except Exception as exc:  # pydantic's ValidationError is a ValueError; keep the message short
        raise ValueError(f"not a valid cron schedule: {cron!r}") from exc
    return cron


def inbox_deployment(
    inbox: Path, cron: str | None = None, name: str = "majlis-inbox", interval_seconds: float | None = None
) -> Any:
    """A RunnerDeployment running the flow on `inbox` (resolved) on a cron schedule, or every
    `interval_seconds` when that is given instead."""
    if interval_seconds is not None:
        if interval_seconds <= 0:
            raise ValueError(f"the interval must be a positive number of seconds, not {interval_seconds}")
        schedule: dict[str, Any] = {"interval": timedelta(seconds=interval_seconds)}
    else:
        schedule = {"cron": validate_cron(cron or "")}
    return majlis_flow.to_deployment(
        name=name,
        parameters={"paths": [str(inbox.resolve())]},
        description=f"majlis on new articles in {inbox.resolve()}",
        **schedule,
    )


def serve_inbox(deployment: Any, say: Callable[[str], None]) -> None:  # pragma: no cover - a subprocess
    """Serve `deployment` until SIGINT or SIGTERM (the tests run it as a process and signal it)."""
    from majlis.prefect_server import TemporaryPrefectServer, owned_prefect_server

    os.environ[SERVED_RUN_ENV] = "1"  # the run processes the runner starts warm up while they wait
    own = TemporaryPrefectServer.needed()
    with owned_prefect_server(services=True) as api_url:
        where = (
            f"a Prefect server majlis started for this serve at {api_url} (log: "
            f"{TemporaryPrefectServer.log_path_default()}); it stops when serving stops"
            if own
            else f"the Prefect server at {api_url}"
        )
        say(f"serving deployment majlis/{deployment.name} on {deployment.parameters['paths'][0]}")
        say(f"  schedule: {_describe_schedule(deployment)}; runs are scheduled by {where}")
        say(
            f"  run it now from another shell: PREFECT_API_URL={api_url} "
            f"prefect deployment run majlis/{deployment.name}"
        )
        say("  Ctrl-C or SIGTERM stops serving")
        asyncio.run(_serve(deployment, say))


def _describe_schedule(deployment: Any) -> str:
    schedule = deployment.schedules[0].schedule
    cron = getattr(schedule, "cron", None)
    if cron:
        return f"cron '{cron}' ({schedule.timezone or 'UTC'})"
    return f"every {schedule.interval.total_seconds():g} s"


async def _serve(deployment: Any, say: Callable[[str], None]) -> None:
    """Run Prefect's runner until a signal; then stop it, and whatever it still runs, within seconds."""
    from prefect.runner import Runner

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    def on_signal(*_: object) -> None:
        loop.call_soon_threadsafe(stop.set)

    # one run at a time: a run due while another still runs waits for it (both would write the warehouse)
    runner = Runner(name=f"majlis-serve-{deployment.name}", pause_on_shutdown=True, limit=1)
    # Prefect's runner installs its own SIGTERM handler when it starts (it calls `sys.exit` from inside the
    # event loop and can hang); ours only asks the loop below to stop.
    runner.handle_sigterm = on_signal  # type: ignore[method-assign]
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal)
    deployment_id = await runner.aadd_deployment(deployment)
    serving = asyncio.create_task(runner.start())
    announcing = asyncio.create_task(_announce_next_run(deployment_id, say))
    stopped = asyncio.create_task(stop.wait())
    await asyncio.wait({serving, stopped}, return_when=asyncio.FIRST_COMPLETED)
    announcing.cancel()
    say("stopping: cancelling a run in progress (its next run redoes it), pausing the schedule")
    if not serving.done():
        try:
            await asyncio.wait_for(runner.astop(), STOP_SECONDS)
            await asyncio.wait_for(serving, STOP_SECONDS)
        except (TimeoutError, asyncio.CancelledError, RuntimeError):
            serving.cancel()
    _end_children()
    say("stopped")


async def _announce_next_run(deployment_id: Any, say: Callable[[str], None]) -> None:
    """Say when the server's scheduler has the next run due (or that it has scheduled none yet)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.client.schemas.sorting import FlowRunSort

    deadline = asyncio.get_running_loop().time() + SCHEDULE_WAIT_SECONDS
    async with get_client() as client:
        while asyncio.get_running_loop().time() < deadline:
            runs = await client.read_flow_runs(
                deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])),
                flow_run_filter=FlowRunFilter(
                    state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))
                ),
                sort=FlowRunSort.EXPECTED_START_TIME_ASC,
                limit=1,
            )
            if runs and runs[0].expected_start_time:
                due: datetime = runs[0].expected_start_time.astimezone()
                say(f"  next run due at {due:%Y-%m-%d %H:%M:%S %Z}")
                return
            await asyncio.sleep(1.0)
    say(f"  warning: the server has scheduled no run in {SCHEDULE_WAIT_SECONDS:.0f} s; is its scheduler on?")


def _end_children() -> None:
    """End what this process still runs (a flow run the runner did not stop); majlis's own Prefect server
    is stopped by its context manager afterwards."""
    import psutil  # type: ignore[import-untyped]

    from majlis.prefect_server import owned_server_pid

    children = [c for c in psutil.Process().children(recursive=True) if c.pid != owned_server_pid()]
    for child in children:
        try:
            child.terminate()
        except psutil.NoSuchProcess:
            continue
    _, alive = psutil.wait_procs(children, timeout=3)
    for child in alive:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            continue
    sys.stdout.flush()
