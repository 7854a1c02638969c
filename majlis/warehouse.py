"""Build the DuckDB warehouse with dbt, into a fresh file that is swapped in only when every test passed.

`dbt build` (seeds, models, data tests, unit tests) runs in a subprocess of this Python with the project
in `config.DBT_PROJECT_DIR`; a run starts that process early (`start_dbt_early`), so dbt's imports overlap
the analysis, and dbt's partial parsing state stays in `<warehouse>/dbt/target`. It writes
`<warehouse>/build/majlis.duckdb` (same file name, so the DuckDB catalog name is the same), then the file
is checkpointed and `os.replace`d over `<warehouse>/majlis.duckdb`: readers never see a half-built
database and are never locked out by the build. dbt's target and log directories live in
`<warehouse>/dbt/`, never in the repository. Any failed dbt node raises `WarehouseBuildError` and leaves
the previous database in place.

The build file starts as a copy of the published database when that was built by the same dbt project and
pipeline version (`.incremental-base`), so the incremental facts replace only the rows of what changed;
otherwise (first build, a changed project or version, `full_refresh`) it starts empty and every mart is
built in full.
"""

from __future__ import annotations

import atexit
import fcntl
import hashlib
import json
import logging
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from majlis import PIPELINE_VERSION, config
from majlis.land import ensure_landing_dirs
from majlis.runtime import CRASH_ENV, crash_point, die_with_parent

MARTS = (
    "fact_meetings", "fact_meeting_participants", "fact_meeting_articles", "fact_meeting_topics",
    "fact_entity_mentions", "dim_country", "dim_person", "dim_date", "dim_topic", "article_versions",
    "quarantine",
)  # fmt: skip
DUCKDB_PATH_ENV = "MAJLIS_DUCKDB_PATH"
_FAILED = {"error", "fail", "runtime error"}


logger = logging.getLogger(__name__)


class WarehouseBuildError(RuntimeError):
    """dbt build failed; `failures` holds (node unique_id, message) pairs."""

    def __init__(self, message: str, failures: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.failures = failures


@dataclass(frozen=True)
class BuildResult:
    database: Path
    counts: dict[str, int]  # rows per mart
    seconds: float
    log_path: Path  # dbt's log file for this warehouse
    incremental: bool = False  # started from the published marts (else every mart was built in full)


@contextmanager
def _build_lock(warehouse: Path) -> Iterator[None]:
    """One build per warehouse at a time: two would write the same build file."""
    with (warehouse / ".build.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _dbt_env(warehouse: Path, building: Path, memory: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            config.WAREHOUSE_ENV: str(warehouse),
            DUCKDB_PATH_ENV: str(building),
            config.DBT_MEMORY_ENV: memory,
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "DO_NOT_TRACK": "1",
            "DBT_VERSION_CHECK": "false",
            "DBT_USE_COLORS": "false",
        }
    )
    return env


def _failures(run_results: Path) -> list[tuple[str, str]]:
    if not run_results.exists():
        return []
    results = json.loads(run_results.read_text(encoding="utf-8")).get("results", [])
    return [
        (str(r.get("unique_id")), str(r.get("message") or r.get("status")))
        for r in results
        if str(r.get("status")) in _FAILED
    ]


def _dbt_paths(warehouse: Path) -> tuple[Path, Path]:
    """dbt's target and log directories for `warehouse`."""
    return warehouse / "dbt" / "target", warehouse / "dbt" / "logs"


class _DbtProcess(subprocess.Popen[str]):
    """A `majlis.dbt_child` process: builds are asked on its stdin, answered on the pipe `results`."""

    results: int  # read end of the pipe the child writes one JSON line per build to


def _spawn_dbt(warehouse: Path, building: Path, memory: str) -> _DbtProcess:
    """A dbt process (`majlis.dbt_child`) that imports dbt, parses the project and waits on stdin for
    builds. What it prints (dbt's own output is returned with each build) goes to dbt's log directory."""
    read_end, write_end = os.pipe()
    log_dir = _dbt_paths(warehouse)[1]
    log_dir.mkdir(parents=True, exist_ok=True)
    with (log_dir / "dbt-process.log").open("a", encoding="utf-8") as printed:
        child = _DbtProcess(
            [sys.executable, "-m", "majlis.dbt_child", str(write_end), project_fingerprint(),
             json.dumps(_dbt_args(warehouse, "parse"))],
            env=_dbt_env(warehouse, building, memory), cwd=warehouse, stdin=subprocess.PIPE, stdout=printed,
            stderr=subprocess.STDOUT, text=True, pass_fds=(write_end,), preexec_fn=die_with_parent,
        )  # fmt: skip
    os.close(write_end)
    child.results = read_end
    return child


def _end_dbt(child: _DbtProcess, timeout: float = 10) -> None:
    """Let `child` exit (the end of its stdin) and wait for it; kill it if it does not."""
    try:
        if child.stdin is not None and not child.stdin.closed:
            child.stdin.close()
    except BrokenPipeError:
        pass
    try:
        child.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    os.close(child.results)
    child.results = -1


_ready: tuple[tuple[Path, Path, str], _DbtProcess] | None = None
_keep_warm = False  # `majlis serve`: the dbt process stays for the next run's build


def keep_dbt_between_builds(keep: bool = True) -> None:
    """Keep the dbt process (dbt imported, the project parsed) after a build for the next one, as a
    long-lived `majlis serve` wants; `discard_early_dbt` still ends it."""
    global _keep_warm
    _keep_warm = keep


def _build_paths(warehouse: Path) -> tuple[Path, Path]:
    """(resolved warehouse, the build file dbt writes) for `warehouse`."""
    warehouse = warehouse.resolve()
    return warehouse, warehouse / "build" / config.database_path().name


def start_dbt_early(warehouse: Path | None = None) -> None:
    """Start the dbt process of this warehouse's next build now, so it imports dbt and parses the project
    (seconds of one core) while the run analyses its articles; `build_warehouse` then hands it its
    arguments. A build that does not come (nothing new, a failure) leaves it waiting until
    `discard_early_dbt` or this process's exit."""
    global _ready
    warehouse, building = _build_paths(warehouse or config.warehouse_dir())
    key = (
        warehouse,
        building,
        os.environ.get(config.DBT_MEMORY_ENV, "").strip() or config.DBT_MEMORY_DEFAULT,
    )
    if _ready is not None and _ready[0] == key and _ready[1].poll() is None:
        return
    discard_early_dbt()
    if not warehouse.is_dir():
        return
    _ready = (key, _spawn_dbt(*key))
    atexit.register(discard_early_dbt)


def discard_early_dbt() -> None:
    """End a dbt process `start_dbt_early` started and no build used (idempotent)."""
    global _ready
    ready, _ready = _ready, None
    if ready is not None:
        _end_dbt(ready[1])


def release_early_dbt() -> None:
    """At a run's end: end a dbt process no build used, unless `keep_dbt_between_builds` keeps it."""
    if not _keep_warm:
        discard_early_dbt()


def _dbt_process(warehouse: Path, building: Path, memory: str) -> _DbtProcess:
    """The process started early for exactly this build, if any and still waiting, else a new one."""
    global _ready
    ready, _ready = _ready, None
    if ready is not None:
        if ready[0] == (warehouse, building, memory) and ready[1].poll() is None:
            return ready[1]
        _ready = ready
        discard_early_dbt()
    return _spawn_dbt(warehouse, building, memory)


def _dbt_args(warehouse: Path, command: str) -> list[str]:
    """dbt's arguments for `command` (parse, build) on this warehouse's project and directories."""
    target_path, log_path = _dbt_paths(warehouse)
    return [
        "--quiet", "--no-use-colors", command,
        "--project-dir", str(config.DBT_PROJECT_DIR),
        "--profiles-dir", str(config.DBT_PROJECT_DIR),
        "--target-path", str(target_path),
        "--log-path", str(log_path),
    ]  # fmt: skip


def _ask_build(child: _DbtProcess, args: list[str], timeout: float | None) -> tuple[int, str]:
    """Have `child` run dbt with `args`: (dbt's exit code, what it printed). Raises TimeoutExpired."""
    assert child.stdin is not None
    try:
        child.stdin.write(json.dumps({"args": args, "project": project_fingerprint()}) + "\n")
        child.stdin.flush()
    except BrokenPipeError:
        pass  # it died: reported below
    deadline = None if timeout is None else time.monotonic() + timeout
    answer = b""
    while not answer.endswith(b"\n"):
        left = None if deadline is None else max(deadline - time.monotonic(), 0.0)
        if left == 0.0:
            raise subprocess.TimeoutExpired(child.args, timeout or 0)
        ready, _, _ = select.select([child.results], [], [], left)
        if not ready:
            continue
        chunk = os.read(child.results, 65536)
        if not chunk:  # it ended without answering (killed, or crashed before dbt ran)
            child.wait()
            return child.returncode or 2, ""
        answer += chunk
    result = json.loads(answer)
    return int(result["code"]), str(result["output"])


def _run_dbt(warehouse: Path, building: Path, timeout: float | None, memory: str, incremental: bool) -> Path:
    """Run `dbt build` (`incremental`: in a copy of the published marts); return the dbt log file, or
    raise WarehouseBuildError naming the failed nodes."""
    target_path, log_path = _dbt_paths(warehouse)
    run_results = target_path / "run_results.json"
    run_results.unlink(missing_ok=True)
    args = [*_dbt_args(warehouse, "build"), *_skipped_nodes(warehouse, incremental)]
    child = _dbt_process(warehouse, building, memory)
    assert child.stdin is not None
    if os.environ.get(CRASH_ENV) == "dbt:during":  # crash tests: die while dbt is writing the build file
        child.stdin.write(json.dumps({"args": args, "project": project_fingerprint()}) + "\n")
        child.stdin.flush()
        while not building.exists() and child.poll() is None:
            time.sleep(0.05)
        time.sleep(0.5)
        crash_point("dbt:during")
    try:
        code, output = _ask_build(child, args, timeout)
    except subprocess.TimeoutExpired as exc:
        child.kill()
        _end_dbt(child)
        raise WarehouseBuildError(f"dbt build took longer than {timeout} s", []) from exc
    global _ready
    if _keep_warm and child.poll() is None:
        _ready = ((warehouse, building, memory), child)  # for the next build
    else:
        _end_dbt(child)
    if code != 0:
        failures = _failures(run_results)
        if failures:
            detail = "\n".join(f"- {node}: {message}" for node, message in failures)
        else:  # dbt stopped before running nodes (parse or connection error): show what it said
            detail = output.strip()[-4000:] or _printed_tail(log_path / "dbt-process.log")
        raise WarehouseBuildError(
            f"dbt build failed (exit {code}); log in {log_path / 'dbt.log'}\n{detail}", failures
        )
    return log_path / "dbt.log"


def _printed_tail(path: Path) -> str:
    """The end of what the dbt process printed (a traceback when it died before answering)."""
    return path.read_text(encoding="utf-8", errors="replace")[-4000:] if path.is_file() else ""


def _start_build_file(warehouse: Path, building: Path, full_refresh: bool) -> bool:
    """Put a copy of the published database where dbt builds, when its marts can be continued: built by
    this very dbt project and pipeline version, and no WAL beside it (an old writer's, which the copy would
    miss). Otherwise leave no file, so dbt builds every mart in full. Whether the build is incremental."""
    _remove_build_file(building)
    published = warehouse / config.database_path().name
    stamp = warehouse / INCREMENTAL_BASE_FILE
    if full_refresh or not published.is_file() or published.with_name(published.name + ".wal").exists():
        return False
    if not stamp.is_file() or stamp.read_text(encoding="utf-8") != build_signature(warehouse):
        return False
    shutil.copyfile(published, building)
    return True


def _run_dbt_within_budget(
    warehouse: Path, building: Path, timeout: float | None, full_refresh: bool
) -> tuple[Path, bool]:
    """`dbt build` with DuckDB's memory capped (`$MAJLIS_DBT_MEMORY`, else 600MB), so a run's memory does
    not grow with the warehouse. Some steps (per-person aggregates) cannot spill to disk; if the default
    budget is too small for them, the build runs again with DuckDB's own limit rather than fail. A budget
    the user set is kept: their limit is the point."""
    chosen = os.environ.get(config.DBT_MEMORY_ENV, "").strip()
    incremental = _start_build_file(warehouse, building, full_refresh)
    try:
        memory = chosen or config.DBT_MEMORY_DEFAULT
        return _run_dbt(warehouse, building, timeout, memory, incremental), incremental
    except WarehouseBuildError as exc:
        # a node that runs out fails the build (exit 1); running out outside a node is a runtime error
        # (exit 2) whose message carries it
        out_of_memory = _OUT_OF_MEMORY in str(exc) or any(_OUT_OF_MEMORY in m for _, m in exc.failures)
        if chosen or not out_of_memory:
            raise
        logger.warning(
            "dbt build needs more than %s of memory for this warehouse; building again without that cap "
            "(set %s, e.g. 2GB, to choose one)", config.DBT_MEMORY_DEFAULT, config.DBT_MEMORY_ENV,
        )  # fmt: skip
        incremental = _start_build_file(warehouse, building, full_refresh)
        return _run_dbt(warehouse, building, timeout, DUCKDB_OWN_MEMORY_LIMIT, incremental), incremental


def _remove_build_file(building: Path) -> None:
    """A build file (and its WAL) left by an earlier, failed or interrupted build."""
    for stale in (building, building.with_name(building.name + ".wal")):
        stale.unlink(missing_ok=True)


_OUT_OF_MEMORY = "Out of Memory Error"
DUCKDB_OWN_MEMORY_LIMIT = "80%"  # DuckDB's default: 80 % of the machine's RAM


def _count_and_checkpoint(database: Path) -> dict[str, int]:
    """Row count per mart, and a checkpoint so the file holds everything (no WAL to carry along)."""
    with duckdb.connect(str(database)) as con:
        counts = {}
        for mart in MARTS:
            row = con.execute(f'select count(*) from main."{mart}"').fetchone()
            counts[mart] = int(row[0]) if row else 0
        con.execute("checkpoint")
    return counts


def build_warehouse(
    warehouse: Path | None = None, timeout: float | None = 1800, full_refresh: bool = False
) -> BuildResult:
    """Run `dbt build` over `warehouse`'s landed Parquet (default `config.warehouse_dir()`) and publish it;
    with `full_refresh`, every mart is built from scratch rather than continued from the published one."""
    started = time.monotonic()
    warehouse = (warehouse or config.warehouse_dir()).resolve()
    if any(ch in str(warehouse) for ch in "'{}"):
        raise ValueError(f"warehouse path {warehouse} must not contain ' {{ or }} (it is pasted into SQL)")
    warehouse.mkdir(parents=True, exist_ok=True)
    ensure_landing_dirs(warehouse / "landed")
    target = warehouse / config.database_path().name
    build_dir = warehouse / "build"
    building = build_dir / target.name
    with _build_lock(warehouse):
        build_dir.mkdir(exist_ok=True)
        log_file, incremental = _run_dbt_within_budget(warehouse, building, timeout, full_refresh)
        counts = _count_and_checkpoint(building)
        crash_point("dbt:before-swap")
        # until the new file is published and stamped, no build may continue from what is published
        (warehouse / INCREMENTAL_BASE_FILE).unlink(missing_ok=True)
        # a WAL left by an old writer of the published file must not be replayed onto the new file
        target.with_name(target.name + ".wal").unlink(missing_ok=True)
        os.replace(building, target)
        crash_point("dbt:after-swap")
        _write_atomically(warehouse / FINGERPRINT_FILE, inputs_fingerprint(warehouse))
        _write_atomically(warehouse / UNIT_TESTED_FILE, project_fingerprint())
        _write_atomically(warehouse / INCREMENTAL_BASE_FILE, build_signature(warehouse))
    return BuildResult(target, counts, time.monotonic() - started, log_file, incremental)


FINGERPRINT_FILE = ".built-from"
UNIT_TESTED_FILE = ".unit-tested"  # the project fingerprint whose dbt unit tests last passed here
INCREMENTAL_BASE_FILE = ".incremental-base"  # build_signature() of the published marts


def build_signature(warehouse: Path) -> str:
    """What the published marts depend on besides the landed rows: the dbt project (its models' SQL, dbt's
    and DuckDB's versions), the pipeline version, and the warehouse's path (the staging views read the
    landed files by it). A build continues from them only when it is the same. (The NER model needs no
    place here: its output is landed data, and marts follow landed data.)"""
    return f"{project_fingerprint()} {PIPELINE_VERSION} {warehouse.resolve()}\n"


def inputs_fingerprint(warehouse: Path) -> str:
    """What a build depends on: the landed files' names and sizes, and the dbt project's files."""
    digest = hashlib.sha256()
    for path in sorted((warehouse / "landed").glob("*/*.parquet")):
        digest.update(f"{path.relative_to(warehouse)}:{path.stat().st_size}\n".encode())
    digest.update(project_fingerprint().encode())
    return digest.hexdigest()


def project_fingerprint() -> str:
    """The dbt project's files, and the versions of dbt, dbt-duckdb and DuckDB that run them."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    for path in sorted(config.DBT_PROJECT_DIR.rglob("*")):
        if path.is_file() and not {"target", "logs"} & set(path.parts):
            digest.update(path.read_bytes())
    digest.update(" ".join(version(p) for p in ("dbt-core", "dbt-duckdb", "duckdb")).encode())
    return digest.hexdigest()


def _skipped_nodes(warehouse: Path, incremental: bool) -> list[str]:
    """dbt arguments that leave out work whose result cannot have changed: the unit tests once they passed
    here (`_skipped_resource_types`), and in an incremental build (a copy of what this same project built
    for this same warehouse, `build_signature`) the seeds, with the data tests on them alone, and the
    views, whose definitions are already the ones the build would make (the staging views read the
    landed files when queried, new files included; creating one costs 0.3-0.6 s at 10,000 articles).
    dbt leaves out with a node every test that reads it (relationships too), so only nodes no test reads
    besides their own tests may be left out this way: no test reads a view, and the seeds' own tests
    are all that read them (the models built from them, dim_country and dim_topic, are built again)."""
    skipped = _skipped_resource_types(warehouse)
    if incremental:
        skipped += ["--exclude", "resource_type:seed", "config.materialized:view"]
    return skipped


def _skipped_resource_types(warehouse: Path) -> list[str]:
    """dbt arguments that leave out work whose result cannot have changed: the unit tests (fixed inputs
    written in the project, checking the models' SQL) once they passed here for this very project and
    these versions. Data tests always run."""
    stamp = warehouse / UNIT_TESTED_FILE
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == project_fingerprint():
        return ["--exclude-resource-type", "unit_test"]
    return []


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def current_counts(warehouse: Path | None = None) -> dict[str, int] | None:
    """Row counts of the published warehouse if it was built from exactly today's inputs, else None.

    A run that landed nothing new need not pay for a dbt build (tens of seconds) when the marts are
    already built from the same landed files and the same dbt project.
    """
    warehouse = (warehouse or config.warehouse_dir()).resolve()
    stamp = warehouse / FINGERPRINT_FILE
    database = warehouse / config.database_path().name
    if not (stamp.is_file() and database.is_file()):
        return None
    if stamp.read_text(encoding="utf-8") != inputs_fingerprint(warehouse):
        return None
    with duckdb.connect(str(database), read_only=True) as con:
        counts = {}
        for mart in MARTS:
            row = con.execute(f'select count(*) from main."{mart}"').fetchone()
            counts[mart] = int(row[0]) if row else 0
    return counts
