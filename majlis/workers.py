"""Analysis worker processes: NER and extraction on every core of one machine.

Tagging and extraction are mostly Python, so threads in one process share one core (the GIL). A run with
more than one batch therefore sends batches to a pool of worker processes, each with one torch thread and
its own copy of the model, loaded once when the worker starts. Workers import neither Prefect nor dbt (they
stay small), and the pool is shut down before the dbt build, so the two never hold memory at once.
`$MAJLIS_WORKERS` sets the number of processes (default: one per core, at most 4); 0 or 1 analyses in the
flow's own process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from majlis.analysis import BatchOutput, analyse
from majlis.records import Article

WORKERS_ENV = "MAJLIS_WORKERS"
MAX_DEFAULT_WORKERS = 4  # beyond this, a run is better spread over machines (Dask)
# Workers yield the CPU to the flow and Prefect's server, which feed them: Prefect's temporary server
# then starts about 2 s sooner while the workers load torch, and a batch is read and landed on time.
WORKER_NICENESS = 10

_pool: ProcessPoolExecutor | None = None


class WorkerSettingError(ValueError):
    """`$MAJLIS_WORKERS` is not a whole number of processes."""


def worker_count() -> int:
    """Analysis processes to start: `$MAJLIS_WORKERS`, else one per core (at most 4)."""
    raw = os.environ.get(WORKERS_ENV, "").strip()
    if not raw:
        return min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS)
    if not raw.isdigit():
        raise WorkerSettingError(f"{WORKERS_ENV} must be a whole number of processes (0 = none), not {raw!r}")
    return int(raw)


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End this worker when the flow process is gone (killed with -9, say): orphans would idle forever."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _start_worker(parent: int) -> None:
    """Load the model and lexicons before the first batch arrives; one torch thread, since the cores
    are used by processes; a lower priority than the processes that feed the workers."""
    import torch

    from majlis.extract import warm_up
    from majlis.nlp.corpus import lexicons
    from majlis.nlp.model import load_pipeline

    threading.Thread(target=_exit_with_parent, args=(parent,), name="parent-watch", daemon=True).start()
    os.nice(WORKER_NICENESS)
    torch.set_num_threads(1)
    load_pipeline()
    lexicons()
    warm_up()


_preload: threading.Thread | None = None


def _load_here() -> None:
    from majlis.extract import warm_up
    from majlis.nlp.corpus import lexicons
    from majlis.nlp.model import load_pipeline

    try:
        load_pipeline()
        lexicons()
        warm_up()
    except Exception:  # the batch loads again and reports the error where errors are handled
        return


def preload_here() -> None:
    """Load the model and lexicons in this process, in a background thread, for a run that analyses its
    one batch here: they load (about 5 s) while Prefect's server starts instead of after it."""
    global _preload
    if _preload is None:
        _preload = threading.Thread(target=_load_here, name="model-preload", daemon=True)
        _preload.start()


def drop_preload() -> None:
    """Let go of the model `preload_here` loaded, for a run that analyses on worker processes after all: a
    scheduled run's process preloads before it knows how many files it has, and the model would otherwise
    be held, unused, for the whole run (an analysis process holds about 380 MB)."""
    global _preload
    preload, _preload = _preload, None
    if preload is not None:
        from majlis.nlp.model import load_pipeline

        preload.join()
        load_pipeline.cache_clear()


def start_workers(count: int) -> None:
    """Start `count` workers now, so they load the model while something else waits (Prefect starting its
    temporary server); the next `analysis_workers` block uses them, and `stop_workers` ends them."""
    global _pool
    if count < 2 or _pool is not None:
        return
    # spawn, not fork: the flow process runs threads (Prefect, the task runner) that fork would copy mid-work
    _pool = ProcessPoolExecutor(
        count, multiprocessing.get_context("spawn"), initializer=_start_worker, initargs=(os.getpid(),)
    )
    for _ in range(count):  # the pool starts a process only for submitted work
        _pool.submit(os.getpid)


def stop_workers() -> None:
    """End the workers, if any (waits for the batch they are on)."""
    global _pool
    pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def analysis_workers(count: int) -> Iterator[None]:
    """Within the block, `analyse_batch` runs on `count` worker processes (in this process if count < 2);
    workers started earlier with `start_workers` are used, and all are stopped when the block ends."""
    if count < 2:
        stop_workers()  # started early for a run that turned out to need none
        yield
        return
    start_workers(count)
    try:
        yield
    finally:
        stop_workers()


def analyse_batch(articles: list[Article]) -> BatchOutput:
    """NER and extraction of one batch: on the worker pool inside `analysis_workers`, else here."""
    if _pool is None:
        if _preload is not None:
            _preload.join()  # one load: the model's cache is not shared by a load already under way
        return analyse(articles)
    return _pool.submit(analyse, articles).result()
