"""`majlis serve`: a Prefect deployment that runs the flow on an inbox directory on a schedule.

With `PREFECT_API_URL` unset, majlis starts a Prefect server of its own for as long as it serves, with
Prefect's scheduler running (Prefect's ephemeral server runs no scheduler: its schedules never fire). With
it set, the deployment registers with that server (e.g. `prefect server start`) and its scheduler creates
the runs. Either way this process takes the due runs and runs each itself, one at a time, with Prefect's
flow engine (Prefect's own runner would start a process per run): the model and its caches, the lexicons
and a dbt process with the parsed project stay loaded from one run to the next, so a run of a few articles
pays for little more than their analysis and the build.
SIGINT and SIGTERM stop it: a run in progress is cancelled (the pipeline leaves no half state: its next run
redoes what was not committed), the schedule is paused on a user's server, and majlis's own server ends.
A run cancelled from Prefect's API or UI is stopped the same way and marked cancelled.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import os
import signal
import sys
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from flows.pipeline import majlis_flow, warm_up_served_run
from majlis.cancel import cancel_run

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

    warm_up_served_run()  # the model, the lexicons and dbt's process load while Prefect's server starts
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
    # exit now: a cancelled run's thread may still be analysing (its work is discarded), and Prefect's
    # and dbt's exit handlers have nothing left to do (the server and every child process have ended)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _describe_schedule(deployment: Any) -> str:
    schedule = deployment.schedules[0].schedule
    cron = getattr(schedule, "cron", None)
    if cron:
        return f"cron '{cron}' ({schedule.timezone or 'UTC'})"
    return f"every {schedule.interval.total_seconds():g} s"


async def _serve(deployment: Any, say: Callable[[str], None]) -> None:
    """Take the deployment's due runs and run them here, one at a time, until a signal; then cancel a run
    in progress and pause the schedule within seconds."""
    from prefect.client.orchestration import get_client
    from prefect.settings import get_current_settings

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    def on_signal(*_: object) -> None:
        loop.call_soon_threadsafe(stop.set)

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal)
    deployment_id = await deployment.aapply()
    poll = max(float(get_current_settings().runner.poll_frequency), 0.5)
    announcing = asyncio.create_task(_announce_next_run(deployment_id, say))
    async with get_client() as client:
        serving = asyncio.create_task(_take_due_runs(client, deployment_id, stop, poll, say))
        stopped = asyncio.create_task(stop.wait())
        await asyncio.wait({serving, stopped}, return_when=asyncio.FIRST_COMPLETED)
        stop.set()
        announcing.cancel()
        say("stopping: cancelling a run in progress (its next run redoes it), pausing the schedule")
        # the run in progress is cancelled within STOP_SECONDS; a call to a server that is gone (a signal
        # to the whole process group ends it too) retries for longer, so it is given up
        with contextlib.suppress(Exception, asyncio.CancelledError):
            await asyncio.wait_for(serving, STOP_SECONDS)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(client.pause_deployment(deployment_id), STOP_SECONDS / 2)
    _end_children()
    say("stopped")


async def _take_due_runs(
    client: Any, deployment_id: Any, stop: asyncio.Event, poll: float, say: Callable[[str], None]
) -> None:
    """Until `stop`: every `poll` seconds, run the deployment's due runs here, one at a time."""
    while not stop.is_set():
        try:
            for flow_run in await _due_runs(client, deployment_id):
                if stop.is_set() or not await _take(client, flow_run):
                    continue
                await _InProcessRun(flow_run).wait(client, stop, poll)
                if stop.is_set():
                    return
                warm_up_served_run()  # again, if the run let go of what was loaded (many files, a failure)
        except Exception as exc:  # the server busy or restarting: try again at the next poll
            say(f"warning: could not take the due runs ({type(exc).__name__}: {exc}); trying again")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), poll)


async def _due_runs(client: Any, deployment_id: Any) -> list[Any]:
    """The deployment's scheduled runs that are due, the earliest first."""
    from prefect.types._datetime import now

    runs = await client.get_scheduled_flow_runs_for_deployments(
        deployment_ids=[deployment_id], scheduled_before=now("UTC")
    )
    return sorted(
        runs, key=lambda run: (run.next_scheduled_start_time is None, run.next_scheduled_start_time)
    )


def _due_order(flow_run: Any) -> tuple[bool, Any]:
    return flow_run.next_scheduled_start_time is None, flow_run.next_scheduled_start_time


async def _take(client: Any, flow_run: Any) -> bool:
    """Move a scheduled run to Pending, as Prefect's runner does; False if the server would not (another
    process took it, or it was cancelled meanwhile)."""
    from prefect.exceptions import Abort
    from prefect.states import Pending
    from prefect.utilities.engine import propose_state

    try:
        state = await propose_state(client, Pending(), flow_run_id=flow_run.id)
    except Abort:
        return False
    return bool(state.is_pending())


class _InProcessRun:
    """One flow run executed by Prefect's flow engine in a thread of this process, so what the process
    keeps loaded (the model and its caches, the lexicons, dbt's process with the parsed project) serves
    it. Cancelled from the API by asking it to stop at its next step (`cancel_run`: a batch, a landing,
    the build) and ending a dbt build in progress; then marked cancelled. On a signal serve also ends
    the analysis workers and exits without waiting for the run."""

    def __init__(self, flow_run: Any) -> None:
        from prefect.flow_engine import run_flow

        self.flow_run = flow_run
        self.done = threading.Event()
        self.cancelled = False

        def target() -> None:
            try:
                run_flow(majlis_flow, flow_run=flow_run, return_type="state")
            except BaseException:  # the engine has recorded the run's state already
                pass
            finally:
                self.done.set()

        # the thread sees this process's Prefect settings (the API URL of the server serve uses: they are
        # context variables, which a new thread would not inherit, and it would start a server of its own)
        context = contextvars.copy_context()
        self.thread = threading.Thread(
            target=context.run, args=(target,), name=f"flow-run-{flow_run.name}", daemon=True
        )
        self.thread.start()

    async def wait(self, client: Any, stop: asyncio.Event, poll: float) -> None:
        """Until the run ends; cancel it when its state asks for that or `stop` is set."""
        while not self.done.is_set():
            if stop.is_set() or await self._cancelling(client):
                await self._cancel(client, stopping=stop.is_set())
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), min(poll, 1.0))

    async def _cancelling(self, client: Any) -> bool:
        try:
            state = (await client.read_flow_run(self.flow_run.id)).state
        except Exception:  # the server busy or stopping: ask again next time
            return False
        return state is not None and state.is_cancelling()

    async def _cancel(self, client: Any, stopping: bool) -> None:
        """Stop the run and mark it cancelled; when serve is `stopping`, within about half of
        STOP_SECONDS (the server may be ending too: a signal to the whole process group)."""
        from prefect.states import Cancelled

        self.cancelled = True
        cancel_run()  # the run stops at its next step (a batch, a landing, the build)
        # a build in progress fails at once; when stopping, the analysis workers end too
        _end_children(only=None if stopping else "majlis.dbt_child")
        wait = STOP_SECONDS / 2 if stopping else STOP_SECONDS
        await asyncio.to_thread(self.done.wait, wait)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(
                client.set_flow_run_state(
                    self.flow_run.id, Cancelled(message="cancelled by majlis serve"), force=True
                ),
                wait,
            )


def _has_in_command(process: Any, text: str) -> bool:
    try:
        return any(text in part for part in process.cmdline())
    except Exception:  # gone meanwhile, or not ours to read
        return False


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


def _end_children(only: str | None = None) -> None:
    """End what this process runs besides majlis's own Prefect server (stopped by its context manager
    afterwards): dbt's process, analysis workers; with `only`, the processes whose command line has it."""
    import psutil  # type: ignore[import-untyped]

    from majlis.prefect_server import owned_server_pid

    children = [c for c in psutil.Process().children(recursive=True) if c.pid != owned_server_pid()]
    if only is not None:
        children = [c for c in children if _has_in_command(c, only)]
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
