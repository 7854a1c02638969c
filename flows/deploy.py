"""A Prefect deployment of the majlis flow that reads an inbox directory on a cron schedule.

`majlis serve` builds it here and serves it in this process: with `PREFECT_API_URL` unset Prefect starts
a local ephemeral server, with it set the deployment registers with that server (e.g. `prefect server start`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flows.pipeline import majlis_flow


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


def inbox_deployment(inbox: Path, cron: str, name: str = "majlis-inbox") -> Any:
    """A RunnerDeployment running the flow on `inbox` (resolved) with the given cron schedule."""
    return majlis_flow.to_deployment(
        name=name,
        cron=validate_cron(cron),
        parameters={"paths": [str(inbox.resolve())]},
        description=f"majlis on new articles in {inbox.resolve()}",
    )


def serve_deployment(deployment: Any) -> None:  # pragma: no cover - blocks until interrupted
    """Serve the deployment until Ctrl-C (Prefect's runner polls for scheduled runs)."""
    from prefect import serve

    serve(deployment)
