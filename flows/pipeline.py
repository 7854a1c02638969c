"""The majlis flow: ingest → Stanza NER → meeting extraction → Parquet → dbt marts.

Work is batched (many articles per task run), so Prefect's per-task cost grows with batches, not
articles. Within a batch, articles land last: a batch whose articles landed is complete, and a batch
interrupted before that is simply processed again on the next run (staging ignores its partial files).
The whole flow holds the warehouse's run lock, so a second run waits or stops with a clear message.
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TypeVar

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture

from majlis import config
from majlis.extract import extract_batch
from majlis.ingest import IngestItem, discover_files, read_file
from majlis.land import land
from majlis.records import TABLES, Article, Meeting, Mention, QuarantineItem, Sentence, to_table
from majlis.runlock import run_lock
from majlis.runtime import crash_point
from majlis.state import landed_article_ids, landed_articles, landed_quarantine_keys
from majlis.warehouse import build_warehouse, current_counts

FILES_PER_BATCH = 200
BATCHES_IN_FLIGHT = 2  # analysis batches submitted to the task runner and not yet landed
T = TypeVar("T")


class StageError(RuntimeError):
    """A stage of the run failed; the message names the stage and the cause."""


class NothingToDoError(RuntimeError):
    """The inputs gave neither an article nor a quarantined record (e.g. an empty directory)."""


@dataclass
class RunSummary:
    """What one run did, for the terminal and for tests."""

    files: int = 0
    articles_read: int = 0
    articles_new: int = 0
    articles_skipped: int = 0
    articles_reprocessed: int = 0
    quarantined: int = 0
    mentions: int = 0
    meetings: int = 0
    participants: int = 0
    mart_counts: dict[str, int] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    warehouse: str = ""

    def add_time(self, stage: str, seconds: float) -> None:
        self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds


@dataclass
class BatchOutput:
    sentences: list[Sentence]
    mentions: list[Mention]
    meetings: list[Meeting]


def _batches(items: Sequence[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


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
    """Stanza NER over every sentence of the batch, then meeting extraction."""
    from majlis.nlp.model import load_pipeline
    from majlis.nlp.ner import run_ner

    sentences, mentions = run_ner(articles)
    model_name = load_pipeline().model_name
    meetings = extract_batch(articles, sentences, mentions, model_name)
    crash_point("analyse")
    return BatchOutput(sentences, mentions, meetings)


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
        cls, exclude = TABLES[name]
        land(name, to_table(list(rows), cls, exclude), batch_key)
    crash_point("landed")


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def land_quarantine(batch_key: str, items: list[QuarantineItem]) -> None:
    cls, exclude = TABLES["quarantine"]
    land("quarantine", to_table(list(items), cls, exclude), batch_key)
    crash_point("land:quarantine")


@task(cache_policy=NO_CACHE)
def build_marts() -> dict[str, int]:
    """dbt build (models and tests); a failure raises and fails the flow."""
    return build_warehouse().counts


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
    """

    summary: RunSummary
    in_flight: int
    pending: deque[tuple[list[Article], PrefectFuture[BatchOutput]]] = field(default_factory=deque)

    def submit(self, articles: list[Article]) -> None:
        while len(self.pending) >= max(self.in_flight, 1):
            self._land_oldest()
        self.pending.append((articles, analyse_articles.submit(articles)))

    def drain(self) -> None:
        while self.pending:
            self._land_oldest()

    def _land_oldest(self) -> None:
        """NER, extraction (waited for) and landing of the oldest submitted batch."""
        articles, future = self.pending.popleft()
        output = _stage("ner+extract", self.summary, future.result)
        key = _batch_key([a.article_id for a in articles])
        _stage("land", self.summary, lambda: land_batch(key, articles, output))
        self.summary.mentions += len(output.mentions)
        self.summary.meetings += len(output.meetings)
        self.summary.participants += sum(len(m.participants) for m in output.meetings)


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
    batches_in_flight: int = BATCHES_IN_FLIGHT,
) -> RunSummary:
    """Process every new article under `paths` (with `reprocess`, every landed one too); rebuild the marts."""
    warehouse = config.warehouse_dir()
    with run_lock(warehouse, wait_seconds=lock_wait_seconds):
        return _run(paths, files_per_batch, reprocess, batches_in_flight)


def _run(paths: list[str], files_per_batch: int, reprocess: bool, batches_in_flight: int) -> RunSummary:
    logger = get_run_logger()
    summary = RunSummary(warehouse=str(config.warehouse_dir()))
    analysis = _Analysis(summary, batches_in_flight)
    landed = config.landed_dir()
    files = _stage(
        "discover", summary, lambda: [(str(f), str(r)) for f, r in discover_files([Path(p) for p in paths])]
    )
    summary.files = len(files)
    seen = landed_article_ids(landed)
    seen_quarantine = landed_quarantine_keys(landed)
    logger.info("%d input files under %s; warehouse %s", len(files), ", ".join(paths), summary.warehouse)
    crash_point("discover")
    if reprocess:
        stored = _stage("read landed", summary, lambda: landed_articles(landed))
        logger.info("reprocessing %d landed articles", len(stored))
        started = time.monotonic()
        for number, chunk in enumerate(_batches(stored, files_per_batch), start=1):
            analysis.submit(chunk)
            summary.articles_reprocessed += len(chunk)
            logger.info(
                "reprocess batch %d: %d/%d articles, %.1f articles/s",
                number, summary.articles_reprocessed, len(stored),
                summary.articles_reprocessed / max(time.monotonic() - started, 1e-6),
            )  # fmt: skip
    started = time.monotonic()
    total_batches = (len(files) + files_per_batch - 1) // files_per_batch
    for number, batch in enumerate(_batches(files, files_per_batch), start=1):
        items = _stage("ingest", summary, partial(ingest_files, batch))
        articles: list[Article] = []
        quarantine: list[QuarantineItem] = []
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
            if item.article_id in seen:
                summary.articles_skipped += 1
                continue
            seen.add(item.article_id)
            articles.append(item)
        if quarantine:
            qkey = _batch_key([f"{q.source_file}:{q.record_index}" for q in quarantine])
            _stage("land", summary, partial(land_quarantine, qkey, quarantine))
        if articles:
            analysis.submit(articles)
            summary.articles_new += len(articles)
        done = min(number * files_per_batch, len(files))
        logger.info(
            "batch %d/%d: %s (%d new)",
            number, total_batches,
            _progress(done, len(files), summary.articles_read, started), summary.articles_new,
        )  # fmt: skip
    analysis.drain()
    if not reprocess and summary.articles_read == 0 and summary.quarantined == 0:
        raise NothingToDoError(
            f"no articles and nothing quarantined under {', '.join(paths)}: "
            f"found {len(files)} input files with a supported extension (.txt, .html, .jsonl, ...)"
        )
    up_to_date = None if reprocess else current_counts()
    if up_to_date is not None:
        logger.info("nothing new landed and the marts are built from the same inputs: dbt build skipped")
        summary.mart_counts = up_to_date
    else:
        summary.mart_counts = _stage("dbt build", summary, lambda: build_marts())
    logger.info(
        "run done: %d files, %d articles read (%d new, %d already loaded, %d reprocessed), %d quarantined, "
        "%d mentions, %d meetings; stage seconds %s",
        summary.files, summary.articles_read, summary.articles_new, summary.articles_skipped,
        summary.articles_reprocessed, summary.quarantined, summary.mentions, summary.meetings,
        {k: round(v, 2) for k, v in summary.stage_seconds.items()},
    )  # fmt: skip
    return summary
