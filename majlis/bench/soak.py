"""`majlis bench --soak N`: N runs of a feed that grows between runs, with random SIGKILLs and injected
faults, then one clean run; its facts must equal one clean build of the same inputs.

Every run is a `majlis run` subprocess, as a cron job would start it. Faults drawn at random (seeded): a
kill at a crash point, a landed file cut short between runs, ENOSPC on the next write, a landed file cut
during the run, a failing dbt test (followed by `--reprocess`, the fix an operator would apply).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from majlis.bench.corpus import article_text
from majlis.config import PROJECT_DIR

FACTS = (
    "select * exclude (batch_key) from fact_meetings",
    "select * exclude (batch_key) from fact_meeting_participants",
    "select * exclude (batch_key) from fact_entity_mentions",
    "select article_id, external_id, version_number from article_versions",
)
KILL_POINTS = ("ingest", "analyse", "land:entity_mentions", "land:articles", "landed", "dbt:during")
FAULTS = ("none", "kill", "cut-between", "enospc", "cut-during", "dbt-test")
PER_RUN = 4  # new articles the feed receives before each run


@dataclass
class SoakReport:
    runs: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    survived: int = 0  # faulted runs after which the next clean run succeeded
    not_survived: list[str] = field(default_factory=list)  # "run 12 after dbt-test: exit 65: <error>"
    exit_codes: Counter[int] = field(default_factory=Counter)
    facts_lost: int = 0
    facts_duplicated: int = 0
    seconds: float = 0.0


def _majlis(warehouse: Path, *args: str, log: Path | None = None, **env: str) -> int:
    """`majlis ARGS` as a new process; its output goes to `log` (kept to explain a run that failed)."""
    full = dict(os.environ, MAJLIS_WAREHOUSE=str(warehouse), MAJLIS_WORKERS="0", **env)
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") if log is not None else open(os.devnull, "w") as out:
        done = subprocess.run([sys.executable, "-m", "majlis.cli", *args], cwd=PROJECT_DIR, env=full,
                              stdout=out, stderr=subprocess.STDOUT, check=False)  # fmt: skip
    return done.returncode


def _first_error(log: Path) -> str:
    """The line of a run's output that says what failed (majlis prints «error:» or names the stage)."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    said = [line.strip() for line in lines if "error" in line.lower() or "failed" in line.lower()]
    return (said or lines or ["(no output)"])[0][:300]


def _grow(inbox: Path, start: int, count: int) -> None:
    inbox.mkdir(parents=True, exist_ok=True)
    for index in range(start, start + count):
        (inbox / f"soak_{index:05d}.txt").write_text(article_text(11, index)[0], encoding="utf-8")


def _facts(warehouse: Path) -> Counter[tuple[str, str]]:
    """Every fact row (lists inside, so compared by their repr), counted: a duplicate counts twice."""
    with duckdb.connect(str(warehouse / "majlis.duckdb"), read_only=True) as con:
        return Counter((sql, repr(row)) for sql in FACTS for row in con.execute(sql).fetchall())


def _cut_a_landed_file(warehouse: Path, rng: random.Random) -> None:
    files = sorted((warehouse / "landed").glob("*/2*.parquet"))
    if files:
        path = rng.choice(files)
        os.truncate(path, path.stat().st_size // 2)


def _faulted_run(warehouse: Path, inbox: Path, fault: str, rng: random.Random, log: Path) -> int:
    if fault == "kill":
        return _majlis(warehouse, "run", "--files-per-batch", "1", str(inbox), log=log,
                       MAJLIS_CRASH_AT=rng.choice(KILL_POINTS))  # fmt: skip
    if fault == "cut-between":
        _cut_a_landed_file(warehouse, rng)
        return _majlis(warehouse, "run", str(inbox), log=log)
    env = {"enospc": "enospc@write", "cut-during": "truncate@land:meetings", "dbt-test": "dbt-test@land"}
    return _majlis(warehouse, "run", "--files-per-batch", "1", str(inbox), log=log,
                   MAJLIS_FAULT=env.get(fault, ""))  # fmt: skip


def run_soak(runs: int, work_dir: Path, seed: int = 25) -> SoakReport:
    """N faulted runs of a growing feed in `work_dir`, a clean run, and the comparison with a clean build."""
    started = time.monotonic()
    rng = random.Random(seed)
    inbox, warehouse, clean = work_dir / "inbox", work_dir / "soak", work_dir / "clean"
    logs = work_dir / "runs"  # every run's output, to explain one that failed
    report = SoakReport(runs=runs)
    for number in range(runs):
        _grow(inbox, number * PER_RUN, PER_RUN)
        fault = "none" if number == 0 else rng.choice(FAULTS)
        code = _faulted_run(warehouse, inbox, fault, rng, logs / f"{number:03d}-{fault}.log")
        report.exit_codes[code] += 1
        if fault == "none":
            continue
        report.faults[fault] += 1
        clean_log = logs / f"{number:03d}-after-{fault}.log"
        option = "--reprocess" if fault == "dbt-test" else "--wait=60"
        after = _majlis(warehouse, "run", option, str(inbox), log=clean_log)
        report.survived += after == 0
        if after != 0:
            report.not_survived.append(f"run {number} after {fault}: exit {after}: {_first_error(clean_log)}")
    assert _majlis(warehouse, "run", str(inbox)) == 0, "the final clean run failed"
    assert _majlis(clean, "run", str(inbox)) == 0, "the clean reference build failed"
    got, want = _facts(warehouse), _facts(clean)
    report.facts_lost = sum((want - got).values())
    report.facts_duplicated = sum((got - want).values())
    report.seconds = time.monotonic() - started
    return report


def render(report: SoakReport) -> str:
    faults = ", ".join(f"{kind} {n}" for kind, n in sorted(report.faults.items())) or "none"
    codes = ", ".join(f"{code}: {n}" for code, n in sorted(report.exit_codes.items()))
    return (
        f"soak: {report.runs} runs in {report.seconds:.0f} s (a growing feed, {PER_RUN} articles per run)\n"
        f"  faults injected: {sum(report.faults.values())} ({faults})\n"
        f"  faults survived (next clean run succeeded): {report.survived}\n"
        + "".join(f"    not survived: {line}\n" for line in report.not_survived)
        + f"  exit codes of the faulted runs: {codes}\n"
        f"  facts lost: {report.facts_lost}   facts duplicated: {report.facts_duplicated}"
    )
