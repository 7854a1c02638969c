"""`majlis bench --incremental N`: what a scheduled run that brings N new articles costs.

A base warehouse of M generated articles is built once (a `majlis run` on articles 0..M-1) and kept under
the work directory, marked complete, so later benches reuse it. Each bench copies it to a scratch
warehouse, writes articles M..M+N-1 into a new directory, and times two `majlis run` processes on the
base and new directories, as a feed's inbox would be run: one landing the N new articles, then one with
nothing new. Each process records milestones (`majlis.timeline`), which split its wall time per stage.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from majlis import config
from majlis.bench.corpus import FILES_PER_SHARD, article_text, write_corpus
from majlis.timeline import TIMELINE_ENV

COMPLETE = ".base-complete"


@dataclass
class ProcessTimes:
    """One `majlis run` process: its wall time from launch to exit, and the seconds of each stage."""

    wall: float
    stages: dict[str, float] = field(default_factory=dict)
    output: str = ""
    cpu: float = 0.0  # user + system seconds of the process and the children it waited for


@dataclass
class IncrementalReport:
    base: int
    new: int
    base_seconds: float | None  # None: the base warehouse was reused
    with_new: ProcessTimes
    nothing_new: ProcessTimes
    directory: Path


def default_work_dir() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "majlis" / "bench-incremental"


def _majlis() -> str:
    return str(Path(sys.executable).with_name("majlis"))


def _env(warehouse: Path, timeline: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env[config.WAREHOUSE_ENV] = str(warehouse)
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.pop(TIMELINE_ENV, None)
    if timeline is not None:
        env[TIMELINE_ENV] = str(timeline)
    return env


def ensure_base(work_dir: Path, base: int, seed: int) -> tuple[Path, Path, float | None]:
    """(corpus dir, stored warehouse, seconds the build took or None when reused) of the M-article base.

    The base is built at the live warehouse path (`live_warehouse`) and copied aside, and every bench
    copies it back to that same path: dbt's partial-parse state and the file log hold absolute paths,
    which a scheduled feed's warehouse keeps from run to run."""
    root = work_dir / f"base-{base}-seed{seed}"
    corpus, stored = root / "corpus", root / "warehouse"
    if (root / COMPLETE).is_file():
        return corpus, stored, None
    shutil.rmtree(root, ignore_errors=True)
    write_corpus(corpus, base, seed)
    live = live_warehouse(work_dir)
    shutil.rmtree(live, ignore_errors=True)
    started = time.monotonic()
    subprocess.run([_majlis(), "run", str(corpus)], check=True, capture_output=True, env=_env(live))
    seconds = time.monotonic() - started
    shutil.copytree(live, stored, symlinks=True)
    (root / COMPLETE).write_text(
        f"{base} articles, seed {seed}, built in {seconds:.1f} s\n", encoding="utf-8"
    )
    return corpus, stored, seconds


def live_warehouse(work_dir: Path) -> Path:
    return work_dir / "live" / "warehouse"


def write_new_articles(directory: Path, first: int, count: int, seed: int) -> None:
    """Articles first..first+count-1 of the same generator (never among the base's 0..first-1)."""
    for index in range(first, first + count):
        shard = directory / f"{index // FILES_PER_SHARD:03d}"
        shard.mkdir(parents=True, exist_ok=True)
        text, _, _ = article_text(seed, index)
        (shard / f"bench_{index:06d}.txt").write_text(text, encoding="utf-8")


def split_timeline(launched: float, ended: float, data: dict[str, object]) -> dict[str, float]:
    """The stages of one process's wall time, from its milestones (epoch seconds) and its flow stages."""
    marks = {name: at for name, at in data.get("marks", [])}  # type: ignore[attr-defined]
    flow_stages: dict[str, float] = dict(data.get("stages", {}))  # type: ignore[call-overload]
    out: dict[str, float] = {}

    def span(start: str, end: str) -> float:
        return max(marks[end] - marks[start], 0.0) if start in marks and end in marks else 0.0

    out["start-up, imports"] = marks["cli"] - launched if "cli" in marks else 0.0
    if "up to date" in marks:
        out["scan, up-to-date check"] = span("cli", "up to date")
        out["exit"] = ended - marks["up to date"]
        return out
    out["scan, flow imports"] = span("cli", "flow imported")
    out["waiting for Prefect's server"] = span("prefect wait", "prefect ready")
    out["flow start (Prefect)"] = span("prefect ready", "flow start")
    out["check, read, NER+extract, land"] = span("flow start", "analysed")
    out["ner+extract (waited for)"] = flow_stages.get("ner+extract", 0.0)
    for step in ("ner", "extract"):
        out[f"  of which {step} itself"] = flow_stages.get(f"analysis: {step}", 0.0)
    out["dbt build"] = span("dbt start", "dbt done") or flow_stages.get("dbt build", 0.0)
    out["flow end, summary, exit"] = ended - marks["flow done"] if "flow done" in marks else 0.0
    return out


def timed_run(paths: list[Path], warehouse: Path, scratch: Path) -> ProcessTimes:
    """One `majlis run` process on `paths`: wall time from launch to exit, split per stage."""
    timeline = scratch / f"timeline-{time.time_ns()}.json"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    launched = time.time()
    proc = subprocess.run(
        [_majlis(), "run", *map(str, paths)], capture_output=True, text=True, env=_env(warehouse, timeline)
    )
    ended = time.time()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode != 0:
        raise RuntimeError(
            f"majlis run failed (exit {proc.returncode}):\n{(proc.stdout + proc.stderr)[-3000:]}"
        )
    data = json.loads(timeline.read_text(encoding="utf-8")) if timeline.is_file() else {}
    return ProcessTimes(ended - launched, split_timeline(launched, ended, data), proc.stdout, cpu)


def run_incremental(
    new: int, base: int = 10_000, work_dir: Path | None = None, seed: int = 7
) -> IncrementalReport:
    """Build or reuse the base, then time a run landing `new` articles and a run with nothing new."""
    work_dir = (work_dir or default_work_dir()).resolve()
    corpus, stored, base_seconds = ensure_base(work_dir, base, seed)
    live = live_warehouse(work_dir)
    shutil.rmtree(live, ignore_errors=True)
    shutil.copytree(stored, live, symlinks=True)
    inbox = live.parent / "new"
    shutil.rmtree(inbox, ignore_errors=True)
    write_new_articles(inbox, base, new, seed)
    scratch = Path(tempfile.mkdtemp(prefix="timeline-", dir=live.parent))
    try:
        with_new = timed_run([corpus, inbox], live, scratch)
        nothing_new = timed_run([corpus, inbox], live, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return IncrementalReport(base, new, base_seconds, with_new, nothing_new, work_dir)


def render_incremental(report: IncrementalReport) -> str:
    built = f"built in {report.base_seconds:.1f} s" if report.base_seconds is not None else "reused"
    lines = [
        f"base warehouse: {report.base} generated articles ({built}, under {report.directory})",
        f"one-shot `majlis run` landing {report.new} new articles: {report.with_new.wall:.2f} s "
        f"(CPU {report.with_new.cpu:.1f} s; load average {os.getloadavg()[0]:.1f})",
    ]
    lines += [f"  {stage:<34}{seconds:>8.2f}" for stage, seconds in report.with_new.stages.items()]
    lines.append(
        f"one-shot `majlis run` with nothing new: {report.nothing_new.wall:.2f} s "
        f"(CPU {report.nothing_new.cpu:.1f} s)"
    )
    lines += [f"  {stage:<34}{seconds:>8.2f}" for stage, seconds in report.nothing_new.stages.items()]
    return "\n".join(lines)
