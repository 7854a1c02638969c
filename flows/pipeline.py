"""The majlis flow: ingest → Stanza NER → meeting extraction → Parquet → dbt marts.

Work is batched (many articles per task run), so Prefect's per-task cost grows with batches, not
articles. Within a batch, articles land last: a batch whose articles landed is complete, and a batch
interrupted before that is simply processed again on the next run.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from majlis import config
from majlis.extract import extract_batch
from majlis.ingest import IngestItem, discover_files, iter_inputs
from majlis.land import land
from majlis.records import TABLES, Article, Meeting, Mention, QuarantineItem, Sentence, to_table
from majlis.state import landed_article_ids, landed_quarantine_keys
from majlis.warehouse import build_warehouse

FILES_PER_BATCH = 200


@dataclass
class RunSummary:
    """What one run did, for the terminal and for tests."""

    files: int = 0
    articles_read: int = 0
    articles_new: int = 0
    articles_skipped: int = 0
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


def _batches(items: Sequence[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def ingest_files(files: list[str]) -> list[IngestItem]:
    """Read a batch of files (I/O: retried); bad files come back as quarantine items."""
    return list(iter_inputs([Path(f) for f in files]))


@task(cache_policy=NO_CACHE)
def analyse_articles(articles: list[Article]) -> BatchOutput:
    """Stanza NER over every sentence of the batch, then meeting extraction."""
    from majlis.nlp.model import load_pipeline
    from majlis.nlp.ner import run_ner

    sentences, mentions = run_ner(articles)
    model_name = load_pipeline().model_name
    meetings = extract_batch(articles, sentences, mentions, model_name)
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
        cls, exclude = TABLES[name]
        land(name, to_table(list(rows), cls, exclude), batch_key)


@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def land_quarantine(batch_key: str, items: list[QuarantineItem]) -> None:
    cls, exclude = TABLES["quarantine"]
    land("quarantine", to_table(list(items), cls, exclude), batch_key)


@task(cache_policy=NO_CACHE)
def build_marts() -> dict[str, int]:
    """dbt build (models and tests); a failure raises and fails the flow."""
    return build_warehouse().counts


def _batch_key(ids: Sequence[str]) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    digest = hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:12]
    return f"{stamp}-{digest}"


@flow(name="majlis", log_prints=True)
def majlis_flow(paths: list[str], files_per_batch: int = FILES_PER_BATCH) -> RunSummary:
    """Process every new article under `paths` and rebuild the marts."""
    logger = get_run_logger()
    summary = RunSummary(warehouse=str(config.warehouse_dir()))
    landed = config.landed_dir()
    files = [str(f) for f, _ in discover_files([Path(p) for p in paths])]
    summary.files = len(files)
    seen = landed_article_ids(landed)
    seen_quarantine = landed_quarantine_keys(landed)
    logger.info("%d input files under %s; warehouse %s", len(files), ", ".join(paths), summary.warehouse)
    started = time.monotonic()
    for number, batch in enumerate(_batches(files, files_per_batch), start=1):
        t0 = time.monotonic()
        items = ingest_files(batch)
        summary.add_time("ingest", time.monotonic() - t0)
        articles: list[Article] = []
        quarantine: list[QuarantineItem] = []
        for item in items:
            if isinstance(item, QuarantineItem):
                key = (item.source_file, item.record_index, item.reason)
                if key not in seen_quarantine:
                    seen_quarantine.add(key)
                    quarantine.append(item)
                summary.quarantined += 1
                logger.warning("quarantined %s (record %d): %s", item.source_file, item.record_index, item.reason)
                continue
            summary.articles_read += 1
            if item.article_id in seen:
                summary.articles_skipped += 1
                continue
            seen.add(item.article_id)
            articles.append(item)
        if quarantine:
            land_quarantine(_batch_key([f"{q.source_file}:{q.record_index}" for q in quarantine]), quarantine)
        if articles:
            t0 = time.monotonic()
            output = analyse_articles(articles)
            summary.add_time("ner+extract", time.monotonic() - t0)
            t0 = time.monotonic()
            land_batch(_batch_key([a.article_id for a in articles]), articles, output)
            summary.add_time("land", time.monotonic() - t0)
            summary.articles_new += len(articles)
            summary.mentions += len(output.mentions)
            summary.meetings += len(output.meetings)
            summary.participants += sum(len(m.participants) for m in output.meetings)
        done = min(number * files_per_batch, len(files))
        rate = summary.articles_read / max(time.monotonic() - started, 1e-6)
        left = (len(files) - done) / max(done / max(time.monotonic() - started, 1e-6), 1e-6)
        logger.info(
            "batch %d: %d/%d files, %d articles (%d new), %.1f articles/s, about %.0f s left",
            number, done, len(files), summary.articles_read, summary.articles_new, rate, left,
        )
    t0 = time.monotonic()
    summary.mart_counts = build_marts()
    summary.add_time("dbt build", time.monotonic() - t0)
    logger.info("stage seconds: %s", {k: round(v, 2) for k, v in summary.stage_seconds.items()})
    return summary
