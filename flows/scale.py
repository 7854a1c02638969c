"""Task runners for the majlis flow: Dask for NER and extraction on many cores or machines.

`MAJLIS_DASK_ADDRESS` (e.g. tcp://scheduler:8786) sends batches to an existing cluster whose workers have
the same majlis package and NER model installed; otherwise a LocalCluster of single-threaded worker
processes is started (one per core: a small BiLSTM runs fastest with one torch thread per process).
Landing Parquet and the dbt/DuckDB build stay in the flow's own process.
"""

from __future__ import annotations

import os
from typing import Any

DASK_ADDRESS_ENV = "MAJLIS_DASK_ADDRESS"
DASK_WORKERS_ENV = "MAJLIS_DASK_WORKERS"


def local_cluster_kwargs(workers: int | None = None) -> dict[str, Any]:
    """LocalCluster settings: `workers` processes (default `$MAJLIS_DASK_WORKERS`, else one per core)."""
    count = workers or int(os.environ.get(DASK_WORKERS_ENV) or 0) or os.cpu_count() or 1
    return {
        "n_workers": count,
        "threads_per_worker": 1,
        "processes": True,
        "dashboard_address": ":0",  # any free port: two runs never collide on 8787
    }


def dask_task_runner(address: str | None = None, workers: int | None = None) -> Any:
    """A DaskTaskRunner for `address` (default `$MAJLIS_DASK_ADDRESS`), or for a new LocalCluster."""
    from prefect_dask.task_runners import DaskTaskRunner

    address = address or os.environ.get(DASK_ADDRESS_ENV) or None
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_class=_local_cluster, cluster_kwargs=local_cluster_kwargs(workers))


def prefect_api_url() -> str | None:
    """The Prefect API this process reports to: the configured one, else its running ephemeral server."""
    from prefect.settings import PREFECT_API_URL

    configured = PREFECT_API_URL.value()
    if configured:
        return str(configured)
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    return server.api_url if server.running else None


def _local_cluster(**kwargs: Any) -> Any:
    """A LocalCluster whose workers report task runs to this process's Prefect API.

    Without it every worker would start an ephemeral Prefect server of its own (slow, and it times out).
    The task runner builds the cluster inside the flow run, when the ephemeral server is already up.
    """
    from distributed import LocalCluster

    url = prefect_api_url()
    env = {"PREFECT_API_URL": url} if url else {}
    return LocalCluster(env=env, **kwargs)  # type: ignore[no-untyped-call]
