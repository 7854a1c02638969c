"""`majlis bench --incremental N --served R`: N new articles through a warm `majlis serve`, R times.

`majlis serve` runs on an empty inbox beside a copy of the base warehouse (`majlis.bench.incremental`),
every 30 s. After each run, N new articles are dropped into the inbox; the bench waits until they are in
`fact_meeting_articles` and reads, from what serve printed, when that run began (Prefect's "Beginning flow
run", at its due time) and its stage times ("run done in …"). The figure is the issue's: seconds from
the run's start to the articles being visible.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from majlis.bench.incremental import _env, ensure_base, live_warehouse, write_new_articles

INTERVAL_SECONDS = 30
_BEGAN = re.compile(r"^(\d\d:\d\d:\d\d\.\d+) \| INFO .*Beginning flow run", re.M)
_DONE = re.compile(r"run done in ([\d.]+) s: (\d+) new articles.*?; stages: (.*)$", re.M)
_FLOW_FINISHED = re.compile(r"Flow run '[^']+' - Finished in state", re.M)


@dataclass
class ServedRun:
    visible: float  # seconds from the run's start to the new articles in fact_meeting_articles
    flow: float  # the flow's own "run done in" seconds
    stages: dict[str, float]
    load: float


def last_run_started(log: str, day: datetime) -> float:
    """Epoch seconds at which the last flow run serve printed began (its timestamps are local times)."""
    stamp = _BEGAN.findall(log)[-1]
    return datetime.strptime(f"{day:%Y-%m-%d} {stamp}", "%Y-%m-%d %H:%M:%S.%f").timestamp()


def _runs_with_new(log: str) -> list[tuple[str, str, str]]:
    return [m for m in _DONE.findall(log) if int(m[1]) > 0]


def last_run_done(log: str) -> tuple[float, dict[str, float]]:
    """The flow seconds and stage seconds of the last run that brought new articles."""
    seconds, _, stages = _runs_with_new(log)[-1]
    parts = (part.rsplit(" ", 2) for part in stages.split(", "))
    return float(seconds), {name: float(value) for name, value, _unit in parts}


def _articles(database: Path) -> int:
    try:
        with duckdb.connect(str(database), read_only=True) as con:
            row = con.execute("select count(distinct article_id) from fact_meeting_articles").fetchone()
    except duckdb.Error:
        return -1  # being swapped, or not built
    return int(row[0]) if row else 0


def _wait(condition: object, seconds: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} not within {seconds:.0f} s; serve printed:\n{log.read_text()[-3000:]}")


def _one_run(log: Path, inbox: Path, database: Path, first: int, new: int, seed: int) -> ServedRun:
    """Once a served run has finished, drop `new` articles and time the run that loads them."""
    finished = len(_FLOW_FINISHED.findall(log.read_text()))
    loaded = len(_runs_with_new(log.read_text()))
    _wait(lambda: len(_FLOW_FINISHED.findall(log.read_text())) > finished, 180, "a served run", log)
    write_new_articles(inbox, first, new, seed)
    before = _articles(database)
    _wait(lambda: _articles(database) > before, 300, "the new articles", log)
    visible = time.time()
    _wait(lambda: len(_runs_with_new(log.read_text())) > loaded, 30, "the run's summary", log)
    text = log.read_text()
    flow, stages = last_run_done(text)
    return ServedRun(visible - last_run_started(text, datetime.now()), flow, stages, os.getloadavg()[0])


def run_served(
    new: int, rounds: int, base: int = 10_000, work_dir: Path | None = None, seed: int = 7
) -> list[ServedRun]:
    """Serve a copy of the base warehouse and time `rounds` runs that each bring `new` articles."""
    from majlis.bench.incremental import default_work_dir

    work_dir = (work_dir or default_work_dir()).resolve()
    _, stored, _ = ensure_base(work_dir, base, seed)
    live = live_warehouse(work_dir)
    shutil.rmtree(live, ignore_errors=True)
    shutil.copytree(stored, live, symlinks=True)
    inbox, log = live.parent / "inbox", live.parent / "serve.log"
    shutil.rmtree(inbox, ignore_errors=True)
    inbox.mkdir()
    env = _env(live)
    env.pop("PREFECT_API_URL", None)  # serve's own server, with its scheduler
    env.update(PREFECT_HOME=str(live.parent / "prefect"), PREFECT_RUNNER_POLL_FREQUENCY="1")
    database = live / "majlis.duckdb"
    with log.open("w") as out:
        serving = subprocess.Popen(
            [sys.executable, "-m", "majlis.cli", "serve", "--inbox", str(inbox), "--interval",
             str(INTERVAL_SECONDS)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        return [_one_run(log, inbox, database, base + number * new, new, seed) for number in range(rounds)]
    finally:
        os.killpg(serving.pid, signal.SIGTERM)
        try:
            serving.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(serving.pid, signal.SIGKILL)


def render_served(runs: list[ServedRun], new: int) -> str:
    lines = [f"warm `majlis serve`, runs of {new} new articles (every {INTERVAL_SECONDS} s):"]
    for number, run in enumerate(runs, start=1):
        stages = ", ".join(
            f"{name} {run.stages[name]:.1f}" for name in ("ner+extract", "dbt build") if name in run.stages
        )
        lines.append(
            f"  run {number}: visible {run.visible:.2f} s after the run started (flow {run.flow:.1f} s: "
            f"{stages}; load average {run.load:.1f})"
        )
    return "\n".join(lines)
