"""Run the majlis flow on a synthetic corpus in a fresh warehouse and measure every stage."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from majlis import config
from majlis.bench.corpus import CorpusStats, write_corpus
from majlis.bench.probe import StageTimes, sample_rss

# Stages run in the flow's process: name → (module, attribute) of the callable timed for it.
STAGES: dict[str, tuple[str, str]] = {
    "ingest": ("flows.pipeline", "ingest_files.fn"),
    "land": ("flows.pipeline", "land_batch.fn"),
    "dbt build": ("flows.pipeline", "build_marts.fn"),
}
# Stages run wherever batches are analysed (worker processes): name → the step each batch reports.
ANALYSIS_STAGES: dict[str, str] = {
    "ner (split+tag)": "analysis: ner",
    "ner forward": "analysis: ner forward",
    "extract": "analysis: extract",
}
REPORT_ORDER = ("ingest", "ner (split+tag)", "ner forward", "extract", "land", "dbt build")
ANALYSE_TASK = ("flows.pipeline", "analyse_articles.fn")


@dataclass
class RunFigures:
    """One run: wall time, stage times and RSS, task-run counts, and what it produced."""

    wall: float
    times: StageTimes
    articles_new: int
    task_runs: int
    processes: int = 1  # where batches were analysed
    analysis_seconds: dict[str, float] = field(default_factory=dict)  # summed over batches

    def seconds(self, stage: str) -> float:
        if stage in ANALYSIS_STAGES:
            return self.analysis_seconds.get(ANALYSIS_STAGES[stage], 0.0)
        return self.times.seconds(stage)

    def ner_alone(self) -> float:
        """Wall time of the model alone: its seconds summed over batches, spread over the processes."""
        return self.seconds("ner forward") / max(self.processes, 1)


@dataclass
class BenchReport:
    corpus: CorpusStats
    sentences: int
    first: RunFigures
    second: RunFigures
    second_process_wall: float
    extra: dict[str, float] = field(default_factory=dict)


def _resolve(module: str, dotted: str) -> tuple[Any, str]:
    owner: Any = sys.modules[module] if module in sys.modules else __import__(module, fromlist=["_"])
    *path, name = dotted.split(".")
    for part in path:
        owner = getattr(owner, part)
    return owner, name


@contextmanager
def _instrumented(times: StageTimes) -> Iterator[None]:
    """Wrap every stage's callable for the duration of the block, then put the originals back."""
    patched: list[tuple[Any, str, Callable[..., Any]]] = []
    targets = {**STAGES, "analyse task": ANALYSE_TASK}
    try:
        for stage, (module, dotted) in targets.items():
            owner, name = _resolve(module, dotted)
            original = getattr(owner, name)
            setattr(owner, name, functools.wraps(original)(times.wrap(stage, original)))
            patched.append((owner, name, original))
        yield
    finally:
        for owner, name, original in reversed(patched):
            setattr(owner, name, original)


def _run_once(corpus_dir: Path, dask: bool = False) -> RunFigures:
    """One in-process flow run; with `dask`, analysis batches go to Dask (their stage times are not seen)."""
    from flows.pipeline import majlis_flow, start_analysis_early
    from majlis.filelog import scan_inputs
    from majlis.prefect_server import prefect_api, start_prefect_server
    from majlis.workers import stop_workers

    times = StageTimes()
    runner = majlis_flow
    if dask:
        from flows.scale import dask_task_runner, local_cluster_kwargs

        runner = majlis_flow.with_options(task_runner=dask_task_runner())
    with _instrumented(times), sample_rss(times):
        started = time.monotonic()
        start_prefect_server()  # as `majlis run` does (the second run in this process reuses it)
        if not dask:  # workers load the model while Prefect's server starts
            scan = scan_inputs([corpus_dir], config.warehouse_dir())
            start_analysis_early(len(scan.to_read))
        try:
            with prefect_api():
                summary = runner([str(corpus_dir)])
        finally:
            stop_workers()
        wall = time.monotonic() - started
    task_runs = sum(times.calls(s) for s in (*STAGES, "analyse task"))
    processes = local_cluster_kwargs()["n_workers"] if dask else summary.analysis_processes
    analysis = {k: v for k, v in summary.stage_seconds.items() if k.startswith("analysis: ")}
    return RunFigures(wall, times, summary.articles_new, task_runs, processes, analysis)


def _landed_rows(table: str) -> int:
    files = sorted((config.landed_dir() / table).glob("*.parquet"))
    return sum(pq.ParquetFile(f).metadata.num_rows for f in files)


def _second_process(corpus_dir: Path) -> float:
    """Wall time of `majlis run` on the same input in a new process (imports and Prefect start included)."""
    command = [str(Path(sys.executable).with_name("majlis")), "run", str(corpus_dir)]
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True, env=os.environ.copy())
    return time.monotonic() - started


def run_bench(articles: int, work_dir: Path | None = None, seed: int = 7, dask: bool = False) -> BenchReport:
    """Generate the corpus, run the flow twice in a fresh warehouse, then once more as a new process."""
    base = work_dir or Path(tempfile.mkdtemp(prefix="majlis-bench-"))
    corpus = write_corpus(base / "corpus", articles, seed)
    os.environ[config.WAREHOUSE_ENV] = str(base / "warehouse")
    first = _run_once(corpus.directory, dask)
    second = _run_once(corpus.directory)
    return BenchReport(corpus, _landed_rows("sentences"), first, second, _second_process(corpus.directory))


def _ratio(total: float, part: float) -> str:
    return f"{total / part:.2f}" if part > 0 else "n/a"


def render(report: BenchReport) -> str:
    """The figures as a plain-text table."""
    first, n = report.first, report.corpus.articles
    lines = [
        f"corpus: {n} articles, {report.corpus.words} words, {report.sentences} sentences, "
        f"{report.corpus.meetings} generated meetings ({report.corpus.directory})",
        f"analysis ran in {first.processes} process(es); its stage seconds are summed over batches",
        f"{'stage':<18}{'wall s':>9}{'articles/s':>12}{'sentences/s':>13}{'peak RSS MB':>13}{'calls':>7}",
    ]
    for stage in REPORT_ORDER:
        seconds = first.seconds(stage)
        in_flow = stage in STAGES
        peak = f"{first.times.peak_rss(stage) / 2**20:>13.0f}" if in_flow else f"{'(workers)':>13}"
        calls = first.times.calls(stage) if in_flow else first.times.calls("analyse task")
        lines.append(
            f"{stage:<18}{seconds:>9.2f}{n / max(seconds, 1e-9):>12.1f}"
            f"{report.sentences / max(seconds, 1e-9):>13.1f}{peak}{calls:>7}"
        )
    alone = first.ner_alone()
    lines += [
        f"{'TOTAL':<18}{first.wall:>9.2f}{n / first.wall:>12.1f}{report.sentences / first.wall:>13.1f}"
        f"{first.times.peak_rss() / 2**20:>13.0f}",
        f"peak memory of the process tree: RSS {first.times.peak_rss() / 2**20:.0f} MB, "
        f"PSS {first.times.peak_pss() / 2**20:.0f} MB (shared library pages counted once)",
        "largest single process, RSS MB: "
        + ", ".join(f"{role} {rss / 2**20:.0f}" for role, rss in sorted(first.times.role_peaks.items())),
        "CPU seconds by process role (as last sampled, every second): "
        + ", ".join(f"{role} {sec:.1f}" for role, sec in sorted(first.times.cpu_seconds().items())),
        f"NER forward pass alone: {alone:.2f} s (its seconds / {first.processes} process(es)); "
        f"total / NER forward pass: {_ratio(first.wall, alone)}",
        f"Prefect task runs: {first.task_runs} (analyse batches: {first.times.calls('analyse task')})",
        f"second run, same process, unchanged input: {report.second.wall:.2f} s "
        f"(new articles {report.second.articles_new}; "
        f"dbt build {report.second.times.seconds('dbt build'):.2f} s)",
        f"second run, new `majlis run` process: {report.second_process_wall:.2f} s",
    ]
    return "\n".join(lines)
