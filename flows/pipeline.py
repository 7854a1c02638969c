"""The majlis flow: ingest → Stanza NER → meeting extraction → Parquet → dbt marts.

Work is batched (many articles per task run), so Prefect's per-task cost grows with batches, not
articles. Within a batch, articles land last: a batch whose articles landed is complete, and a batch
interrupted before that is simply processed again on the next run (staging ignores its partial files).
The whole flow holds the warehouse's run lock, so a second run waits or stops with a clear message.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TypeVar, cast

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from majlis import config, timeline
from majlis.analysis import BatchOutput
from majlis.cancel import cancel_asked, clear_cancel
from majlis.filelog import FileStamp, ProcessedFile, append_log, scan_inputs
from majlis.heal import check_before_build, heal_landed, recoverable_articles
from majlis.ingest import IngestItem, read_file
from majlis.land import land
from majlis.records import TABLES, Article, QuarantineItem, to_table
from majlis.runlock import run_lock
from majlis.runtime import crash_point, fault_active, fault_point
from majlis.state import landed_article_batches, landed_articles, landed_quarantine_keys
from majlis.warehouse import (
    build_warehouse,
    current_counts,
    keep_dbt_between_builds,
    release_early_dbt,
    start_dbt_early,
)
from majlis.workers import (
    analyse_batch,
    analysis_workers,
    drop_preload,
    preload_here,
    start_workers,
    worker_count,
)

FILES_PER_BATCH = 200
MIN_FILES_PER_BATCH = 25  # below this, Prefect's cost per task run starts to show
TAPER = 4  # the last batches of a run with worker processes are this many times smaller
BATCHES_IN_FLIGHT = 2  # analysis batches submitted and not yet landed, when analysis runs in this process
T = TypeVar("T")


class StageError(RuntimeError):
    """A stage of the run failed; the message names the stage and the cause."""


def _stop_if_cancelled(step: str) -> None:
    if cancel_asked():
        raise StageError(f"run cancelled before {step}")


class NothingToDoError(RuntimeError):
    """The inputs gave neither an article nor a quarantined record (e.g. an empty directory)."""


@dataclass
class RunSummary:
    """What one run did, for the terminal and for tests."""

    files: int = 0
    files_unchanged: int = 0
    analysis_processes: int = 1  # worker processes that analysed batches (1: the flow's own process)
    articles_read: int = 0
    articles_new: int = 0
    articles_skipped: int = 0
    articles_reprocessed: int = 0
    quarantined: int = 0
    mentions: int = 0
    meetings: int = 0
    participants: int = 0
    damaged_files: int = 0  # landed files found damaged and moved to landed/_damaged/
    articles_recovered: int = 0  # articles of damaged batches analysed again from their landed text
    articles_lost: list[str] = field(default_factory=list)  # ids: damaged batch, no input or text left
    inputs_lost: list[str] = field(default_factory=list)  # the input files of those articles, now gone
    mart_counts: dict[str, int] = field(default_factory=dict)
    marts_incremental: bool | None = None  # the facts continued from the published marts; None: no build
    stage_seconds: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0  # the run's wall time (stages overlap: analysis runs while files are read)
    warehouse: str = ""

    def one_line(self) -> str:
        """The run in one log line: what it added and how long each stage took."""
        stages = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in self.stage_seconds.items())
        return (
            f"run done in {self.seconds:.1f} s: {self.articles_new} new articles "
            f"({self.articles_skipped} already loaded, {self.articles_reprocessed} reprocessed), "
            f"{self.meetings} meetings, {self.quarantined} quarantined, {self.files} input files "
            f"({self.files_unchanged} unchanged){self.damage_note()}; stages: {stages or 'none'}"
        )

    def damage_note(self) -> str:
        """What the check of the landed files repaired, or nothing when all were sound."""
        if not self.damaged_files:
            return ""
        lost = ""
        if self.articles_lost:
            lost = f", {len(self.articles_lost)} articles lost: {', '.join(self.articles_lost)}"
            lost += f" (inputs gone: {', '.join(self.inputs_lost)})" if self.inputs_lost else ""
        return (
            f", {self.damaged_files} damaged landed files moved to landed/_damaged "
            f"({self.articles_recovered} articles analysed again from their landed text{lost})"
        )

    def add_time(self, stage: str, seconds: float) -> None:
        self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds


def _batches(items: Sequence[T], size: int, workers: int = 0) -> list[list[T]]:
    """`items` in batches of `size`. With worker processes, the last `workers` batches' worth or a little
    more goes in batches about a quarter as big, so the workers finish at about the same time: otherwise
    one idles while another works through a whole last batch (about 3 s of a 10,000-article run)."""
    full = len(items) // size
    if workers >= 2:
        full = max(len(items) - workers * size, 0) // size
    bounds = [index * size for index in range(full + 1)]
    rest = len(items) - bounds[-1]
    small = max(min(size, MIN_FILES_PER_BATCH), size // TAPER) if workers >= 2 else size
    pieces = -(-rest // small)
    bounds += [bounds[-1] + round(rest * piece / pieces) for piece in range(1, pieces + 1)]
    return [list(items[start:end]) for start, end in itertools.pairwise(bounds)]


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def ingest_files(files: list[tuple[str, str]]) -> list[IngestItem]:
    """Read a batch of (file, input root) pairs (I/O: retried); bad files come back as quarantine items."""
    items: list[IngestItem] = []
    for name, root in files:
        path = Path(name)
        if not path.exists() and not path.is_symlink():  # vanished since discovery
            items.append(
                QuarantineItem(name, 0, "file not found (removed during the run?)", datetime.now(UTC))
            )
            continue
        items.extend(read_file(path, Path(root)))
    crash_point("ingest")
    return items


@task(cache_policy=NO_CACHE)
def analyse_articles(articles: list[Article]) -> BatchOutput:
    """Stanza NER over every sentence of the batch, then meeting extraction (on a worker process if any)."""
    output = analyse_batch(articles)
    crash_point("analyse")
    return output


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def land_batch(batch_key: str, articles: list[Article], output: BatchOutput) -> None:
    """Write the batch's tables as Parquet; articles last, so they mark the batch complete."""
    participants = [p for m in output.meetings for p in m.participants]
    for name, rows in (
        ("sentences", output.sentences),
        ("entity_mentions", output.mentions),
        ("meetings", output.meetings),
        ("meeting_participants", participants),
        ("articles", articles),
    ):
        crash_point(f"land:{name}")
        if name == "meeting_participants" and fault_active("dbt-test", "land"):  # a bad extraction
            rows = [dataclasses.replace(p, role="bogus") for p in participants]
        cls, exclude = TABLES[name]
        fault_point(f"land:{name}", land(name, to_table(list(rows), cls, exclude), batch_key))
    crash_point("landed")


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def land_quarantine(batch_key: str, items: list[QuarantineItem]) -> None:
    cls, exclude = TABLES["quarantine"]
    land("quarantine", to_table(list(items), cls, exclude), batch_key)
    crash_point("land:quarantine")


@task(cache_policy=NO_CACHE)
def build_marts(full_refresh: bool = False) -> tuple[dict[str, int], bool]:
    """dbt build (models and tests); a failure raises and fails the flow. The facts are continued from the
    published marts unless `full_refresh` (or the dbt project or pipeline version changed). Row counts, and
    whether the facts were continued."""
    built = build_warehouse(full_refresh=full_refresh)
    return built.counts, built.incremental


def _as_is(value: T) -> T:
    """`value` for a task argument that Prefect passes through untouched. Otherwise Prefect visits every
    record of a batch looking for futures, which took about 40 % of a core on large runs."""
    return cast(T, quote(value))


def _batch_key(ids: Sequence[str]) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    digest = hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:12]
    return f"{stamp}-{digest}"


def _stage(name: str, summary: RunSummary, work: Callable[[], T]) -> T:
    """Run one stage, add its time to the summary, and name the stage when it fails."""
    started = time.monotonic()
    try:
        return work()
    except Exception as exc:
        raise StageError(f"stage '{name}' failed: {type(exc).__name__}: {exc}") from exc
    finally:
        summary.add_time(name, time.monotonic() - started)


@dataclass
class _Analysis:
    """Batches submitted to the flow's task runner (threads, or Dask workers), landed in submission order.

    At most `in_flight` batches are analysed and not yet landed, so memory is bounded whatever the input size.
    A batch's input files are logged as processed only once its articles have landed.
    """

    summary: RunSummary
    in_flight: int
    local: bool  # batches run on this machine's threads (not shipped to Dask)
    pending: deque[tuple[list[Article], PrefectFuture[BatchOutput], list[ProcessedFile]]] = field(
        default_factory=deque
    )

    def submit(self, articles: list[Article], files: list[ProcessedFile]) -> None:
        while len(self.pending) >= max(self.in_flight, 1):
            self._land_oldest()
        # Dask ships arguments through its own serialiser, which turns quote()'s wrapper into a bare tuple
        argument = _as_is(articles) if self.local else articles
        self.pending.append((articles, analyse_articles.submit(argument), files))

    def drain(self) -> None:
        while self.pending:
            self._land_oldest()

    def _land_oldest(self) -> None:
        """NER, extraction (waited for) and landing of the oldest submitted batch."""
        articles, future, files = self.pending.popleft()
        output = _stage("ner+extract", self.summary, future.result)
        _stop_if_cancelled("landing a batch")
        for step, seconds in output.seconds.items():  # measured where the batch ran
            self.summary.add_time(f"analysis: {step}", seconds)
        key = _batch_key([a.article_id for a in articles])
        _stage("land", self.summary, lambda: land_batch(key, _as_is(articles), _as_is(output)))
        _log_files([dataclasses.replace(f, batch=key) for f in files])  # a damaged batch's inputs are known
        self.summary.mentions += len(output.mentions)
        self.summary.meetings += len(output.meetings)
        self.summary.participants += sum(len(m.participants) for m in output.meetings)


def _log_files(files: list[ProcessedFile]) -> None:
    """Record files as processed; failing to is only slower next time, so it warns and goes on."""
    try:
        append_log(config.warehouse_dir(), files)
    except OSError as exc:
        get_run_logger().warning("could not log %d processed input files (they are read again next run): %s",
                                 len(files), exc)  # fmt: skip


def _changed_files(
    paths: list[str], summary: RunSummary, rescan: bool
) -> list[tuple[str, str, FileStamp | None]]:
    """(file, input root, stamp) of every input file not processed before in its current state (with
    `rescan`, of every input file)."""
    scan = scan_inputs([Path(p) for p in paths], config.warehouse_dir(), ignore_log=rescan)
    summary.files, summary.files_unchanged = scan.files, scan.unchanged
    summary.articles_skipped += scan.unchanged_articles
    return scan.to_read


def _reprocess(summary: RunSummary, batches: list[list[Article]], analysis: _Analysis) -> None:
    logger = get_run_logger()
    total = sum(len(batch) for batch in batches)
    logger.info("reprocessing %d landed articles", total)
    started = time.monotonic()
    for number, chunk in enumerate(batches, start=1):
        analysis.submit(chunk, [])
        summary.articles_reprocessed += len(chunk)
        logger.info(
            "reprocess batch %d: %d/%d articles, %.1f articles/s",
            number, summary.articles_reprocessed, total,
            summary.articles_reprocessed / max(time.monotonic() - started, 1e-6),
        )  # fmt: skip


def _ingest(
    summary: RunSummary,
    batches: list[list[tuple[str, str, FileStamp | None]]],
    analysis: _Analysis,
    seen: set[str],
    seen_quarantine: set[tuple[str, int, str]],
) -> None:
    """Read the files batch by batch, quarantine what is bad, and submit what is new for analysis."""
    logger = get_run_logger()
    started = time.monotonic()
    total_files = sum(len(batch) for batch in batches)
    done = 0
    for number, batch in enumerate(batches, start=1):
        _stop_if_cancelled("reading a batch")
        items = _stage("ingest", summary, partial(ingest_files, [(name, root) for name, root, _ in batch]))
        articles: list[Article] = []
        quarantine: list[QuarantineItem] = []
        per_file = {name: 0 for name, _, _ in batch}
        for item in items:
            if isinstance(item, QuarantineItem):
                key = (item.source_file, item.record_index, item.reason)
                if key not in seen_quarantine:
                    seen_quarantine.add(key)
                    quarantine.append(item)
                summary.quarantined += 1
                logger.warning(
                    "quarantined %s (record %d): %s", item.source_file, item.record_index, item.reason
                )
                continue
            summary.articles_read += 1
            per_file[item.source_file] = per_file.get(item.source_file, 0) + 1
            if item.article_id in seen:
                summary.articles_skipped += 1
                continue
            seen.add(item.article_id)
            articles.append(item)
        processed = [ProcessedFile(name, stamp, per_file[name]) for name, _, stamp in batch if stamp]
        if quarantine:
            qkey = _batch_key([f"{q.source_file}:{q.record_index}" for q in quarantine])
            _stage("land", summary, partial(land_quarantine, qkey, _as_is(quarantine)))
        if articles:
            analysis.submit(articles, processed)
            summary.articles_new += len(articles)
        else:
            _log_files(processed)
        done += len(batch)
        logger.info(
            "batch %d/%d: %s (%d new)",
            number, len(batches),
            _progress(done, total_files, summary.articles_read, started), summary.articles_new,
        )  # fmt: skip


def _progress(done: int, total: int, articles: int, started: float) -> str:
    elapsed = max(time.monotonic() - started, 1e-6)
    left = (total - done) * elapsed / max(done, 1)
    rate = articles / elapsed
    return f"{done}/{total} files, {articles} articles, {rate:.1f} articles/s, about {left:.0f} s left"


@flow(name="majlis", log_prints=True)
def majlis_flow(
    paths: list[str],
    files_per_batch: int = FILES_PER_BATCH,
    reprocess: bool = False,
    lock_wait_seconds: float = 0.0,
    batches_in_flight: int | None = None,
    rescan: bool = False,
    full_refresh: bool = False,
) -> RunSummary:
    """Process every new article under `paths` (with `reprocess`, every landed one too); update the marts
    (with `reprocess` or `full_refresh`, build them all from scratch, even when nothing new landed)."""
    warehouse = config.warehouse_dir()
    clear_cancel()  # a cancel asked of an earlier run is not this run's
    with run_lock(warehouse, wait_seconds=lock_wait_seconds):
        try:
            return _run(paths, files_per_batch, reprocess, batches_in_flight, rescan, full_refresh)
        finally:
            release_early_dbt()  # started for a build that did not come (a failure), unless serve keeps it


def start_analysis_early(files_to_read: int, files_per_batch: int = FILES_PER_BATCH) -> None:
    """Before the flow starts: start the analysis workers a run of `files_to_read` files will want, so
    they load the model while Prefect starts (its temporary server takes seconds). The run uses them and
    stops them when it ends; a Dask run must not call this. A run of one batch loads the model in this
    process instead, and starts dbt's process too, which imports dbt and parses the project meanwhile
    (4-5 s of a core that a small run would otherwise wait for before its build)."""
    workers = worker_count()
    size = _batch_size(files_per_batch, files_to_read, workers)
    batches = len(_batches(range(files_to_read), size, workers))
    if batches >= 2:
        start_workers(min(workers, batches))
    elif batches == 1:
        preload_here()
        start_dbt_early()


def _batch_size(files_per_batch: int, items: int, workers: int) -> int:
    """Files (or articles) per batch: smaller than `files_per_batch` when a run is small, so that each
    worker process gets about four batches and none idles while the last one finishes (1,000 files in 5
    batches on 2 workers left one idle for a fifth of the run)."""
    if workers < 2:
        return files_per_batch
    return min(files_per_batch, max(MIN_FILES_PER_BATCH, -(-items // (4 * workers))))


def _local_threads() -> bool:
    """Whether this flow run's tasks run on this machine's threads (not shipped to Dask workers)."""
    run = FlowRunContext.get()
    return run is not None and isinstance(run.task_runner, ThreadPoolTaskRunner)


def _worker_processes(batches: int) -> int:
    """Analysis processes for this run: none for a single batch, or when the task runner is not local
    threads (Dask workers analyse in their own processes)."""
    if batches < 2 or not _local_threads():
        return 0
    return min(worker_count(), batches)


def _run(
    paths: list[str],
    files_per_batch: int,
    reprocess: bool,
    batches_in_flight: int | None,
    rescan: bool,
    full_refresh: bool,
) -> RunSummary:
    logger = get_run_logger()
    started = time.monotonic()
    timeline.mark("flow start")
    summary = RunSummary(warehouse=str(config.warehouse_dir()))
    landed = config.landed_dir()
    healed = _stage("check landed", summary, lambda: heal_landed(config.warehouse_dir()))
    summary.damaged_files = len(healed.damaged)
    for damage in healed.damaged:
        logger.warning("damaged landed file %s: %s; its batch is moved aside and redone", damage.path,
                       damage.reason)  # fmt: skip
    files = _stage("discover", summary, lambda: _changed_files(paths, summary, rescan))
    newest = landed_article_batches(landed)
    seen = set(newest)
    recovered = recoverable_articles(config.warehouse_dir(), newest)
    seen.update(a.article_id for a in recovered)
    summary.articles_recovered = len(recovered)
    seen_quarantine = landed_quarantine_keys(landed)
    logger.info(
        "%d input files under %s (%d unchanged since they were processed, not read again); warehouse %s",
        summary.files, ", ".join(paths), summary.files_unchanged, summary.warehouse,
    )  # fmt: skip
    crash_point("discover")
    stored = _stage("read landed", summary, lambda: landed_articles(landed)) if reprocess else []
    stored += recovered  # never in `stored` already: not landed
    local = _local_threads()
    planned = worker_count() if local else 0
    files_per_batch = _batch_size(files_per_batch, len(files) + len(stored), planned)
    file_batches = _batches(files, files_per_batch, planned)
    stored_batches = _batches(stored, files_per_batch, 0 if files else planned)  # only the run's last taper
    batches = len(file_batches) + len(stored_batches)
    workers = _worker_processes(batches)
    summary.analysis_processes = max(workers, 1)
    if workers:
        logger.info("analysing %d batches on %d worker processes", batches, workers)
        drop_preload()  # a served run's process loaded the model before it knew its size
    analysis = _Analysis(summary, batches_in_flight or (workers + 1 if workers else BATCHES_IN_FLIGHT), local)
    if batches == 1:  # a small run: dbt imports while its batch is read and analysed
        start_dbt_early()
    with analysis_workers(workers):
        if stored_batches:
            _reprocess(summary, stored_batches, analysis)
        _ingest(summary, file_batches, analysis, seen, seen_quarantine)
        # a larger run starts dbt's process after its workers end: beside them it raised a 10,000-article
        # run's peak RSS from 1.46 to 1.6 GB for about 4 s of dbt imports saved
        analysis.drain()
    timeline.mark("analysed")
    summary.articles_reprocessed -= len(recovered)  # counted as recovered, not reprocessed
    summary.articles_lost, summary.inputs_lost = sorted(healed.at_risk - seen), healed.lost_inputs
    nothing_found = summary.articles_read == 0 and summary.quarantined == 0 and summary.files_unchanged == 0
    if nothing_found and not reprocess:
        raise NothingToDoError(
            f"no articles and nothing quarantined under {', '.join(paths)}: "
            f"found {len(files)} input files with a supported extension (.txt, .html, .jsonl, ...)"
        )
    full_refresh = full_refresh or reprocess  # every article's facts may change: nothing to continue from
    up_to_date = None if full_refresh else current_counts()
    if up_to_date is not None:
        logger.info("nothing new landed and the marts are built from the same inputs: dbt build skipped")
        summary.mart_counts = up_to_date
    else:
        _stage("check landed", summary, lambda: check_before_build(config.warehouse_dir()))
        timeline.mark("dbt start")
        _stop_if_cancelled("the dbt build")
        built = _stage("dbt build", summary, lambda: build_marts(full_refresh))
        summary.mart_counts, summary.marts_incremental = built
        timeline.mark("dbt done")
    summary.seconds = time.monotonic() - started
    logger.info("%s", summary.one_line())
    return summary


def warm_up_served_run() -> None:
    """In `majlis serve`'s process, which runs the scheduled runs itself: load the model and lexicons (in
    a thread) and start dbt's process (it imports dbt and parses the project), and keep them from one run
    to the next. A run of a few articles then finds both ready instead of spending 5 s on the model and
    4-5 s on dbt's imports and parse. Called again after each run, for what a run let go of (a run of many
    files analyses on worker processes and drops the model here; a failed build ends dbt's process)."""
    keep_dbt_between_builds()
    preload_here()
    start_dbt_early()
