"""Analysis worker processes give exactly what the flow's own process gives, and are configured clearly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psutil  # type: ignore[import-untyped]
import pytest
from corpus.articles import CALL, VISIT, write_articles

from majlis.analysis import analyse
from majlis.ingest import iter_inputs
from majlis.records import Article
from majlis.workers import WORKER_NICENESS, WorkerSettingError, analyse_batch, analysis_workers, worker_count


def test_worker_count_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAJLIS_WORKERS", "3")
    assert worker_count() == 3
    monkeypatch.setenv("MAJLIS_WORKERS", "")
    assert 1 <= worker_count() <= 4
    monkeypatch.setenv("MAJLIS_WORKERS", "two")
    with pytest.raises(WorkerSettingError, match=r"MAJLIS_WORKERS.*'two'"):
        worker_count()


@pytest.mark.slow
def test_workers_analyse_like_this_process_and_yield_it_the_cpu(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What workers give equals what this process gives, and they run niced below the process that feeds
    them (one pool of workers, which takes seconds to start, serves both checks)."""
    monkeypatch.delenv("MAJLIS_NER_MODEL", raising=False)
    write_articles(tmp_path, {"visit": VISIT, "call": CALL})
    articles = [a for a in iter_inputs([tmp_path]) if isinstance(a, Article)]
    here = analyse(articles)
    with analysis_workers(2):
        there = [analyse_batch([article]) for article in articles]
        workers = [p for p in _live_children() if "spawn_main" in " ".join(p.cmdline())]
        niceness = {p.nice() for p in workers}
    assert [m for out in there for m in out.meetings] == here.meetings and here.meetings
    assert [s for out in there for s in out.sentences] == here.sentences
    assert [m for out in there for m in out.mentions] == here.mentions
    assert all(out.seconds["ner forward"] > 0 for out in there)
    assert len(workers) >= 2 and niceness == {min(psutil.Process().nice() + WORKER_NICENESS, 19)}


def _live_children() -> list[psutil.Process]:
    """This process's children that still run: one an earlier test started may be a zombie until reaped,
    and a zombie has no command line to read."""
    return [p for p in psutil.Process().children() if p.status() != psutil.STATUS_ZOMBIE]


_HOLD_WORKERS = """
import os, sys, time
import majlis.workers as workers
with workers.analysis_workers(2):
    pool = workers._pool
    assert pool is not None
    pids = {pool.submit(os.getpid).result() for _ in range(8)}
    print(" ".join(map(str, sorted(pids))), flush=True)
    time.sleep(120)
"""


@pytest.mark.slow
def test_workers_end_when_the_flow_process_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", _HOLD_WORKERS], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    pids = [int(p) for p in parent.stdout.readline().split()]
    assert pids and parent.pid not in pids
    workers = [psutil.Process(pid) for pid in pids]
    parent.kill()  # SIGKILL: no cleanup code runs in the flow process
    parent.wait()
    _, alive = psutil.wait_procs(workers, timeout=20)
    for proc in alive:
        proc.kill()
    assert not alive, f"orphaned workers still running: {[p.pid for p in alive]}"


@pytest.mark.slow
def test_workers_started_early_serve_the_run_and_stop_with_it() -> None:
    """`majlis run` starts workers while Prefect starts; the run must use those, not start more."""
    import os

    from majlis import workers

    workers.start_workers(2)
    early = workers._pool
    assert early is not None
    with analysis_workers(2):
        assert workers._pool is early
        assert len({early.submit(os.getpid).result() for _ in range(6)}) <= 2
    assert workers._pool is None
    workers.start_workers(2)
    with analysis_workers(0):  # the run found a single batch: the early workers are not needed
        assert workers._pool is None


_WORKER_IMPORTS = """
import majlis.workers as workers
with workers.analysis_workers(2):
    assert workers._pool is not None
    print(" ".join(workers._pool.submit(eval, "sorted(__import__('sys').modules)").result()))
"""


@pytest.mark.slow
def test_workers_load_the_model_but_not_prefect_dbt_or_arrow() -> None:
    """Workers stay small: they import torch and Stanza, never Prefect, dbt, pyarrow or DuckDB. A clean
    parent process, since spawned workers re-import the parent's main module."""
    done = subprocess.run([sys.executable, "-c", _WORKER_IMPORTS], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert {"torch", "stanza"} <= loaded
    assert {"prefect", "dbt", "pyarrow", "duckdb"} & loaded == set()
