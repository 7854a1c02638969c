"""Self-healing landing: damaged landed files are moved aside and their batch's articles done again.

A batch is one unit (articles land last and mark it complete), so one damaged file invalidates its whole
batch: every file of that batch moves to `landed/_damaged/<table>/`, a quarantine row says what and why,
and its articles are analysed again on this run:

- from the landed text, when the batch's articles file is intact (no input file needed);
- from their input files, when the articles file itself is damaged: those files are forgotten in the file
  log so the run reads them again; articles whose input is gone are lost and named.

Recovery from `_damaged/` is idempotent: each run analyses again every intact article there that is not
landed elsewhere, so a run killed mid-recovery is finished by the next.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq

from majlis.filelog import LOG_DIR, forget, read_log
from majlis.land import EMPTY_FILE_NAME, expected_schema, land
from majlis.landcheck import DAMAGED_DIR, STATE_LOG, Damage, check_file, check_landed
from majlis.records import TABLES, Article, QuarantineItem, to_table

DAMAGE_REASON = "damaged landed file"  # quarantine reasons start with this


@dataclass
class HealReport:
    """What a check of the landed files found and did."""

    damaged: list[Damage] = field(default_factory=list)
    moved: list[Path] = field(default_factory=list)  # where the damaged batches' files went
    inputs_reread: int = 0  # input files forgotten in the file log, so read again
    lost_inputs: list[str] = field(default_factory=list)  # input files of a damaged batch that are gone
    at_risk: set[str] = field(default_factory=set)  # article ids that only their inputs can bring back


def _move_aside(path: Path, warehouse: Path) -> Path:
    """Move `path` under the `_damaged` folder beside its table (or log), keeping its name."""
    base = warehouse / "landed" if path.parent.parent.name == "landed" else warehouse / LOG_DIR.parent
    target = base / DAMAGED_DIR / path.parent.name / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():  # the same batch damaged again: keep both
        target = target.with_name(f"{path.stem}.{datetime.now(UTC):%Y%m%dT%H%M%S%f}.parquet")
    os.replace(path, target)
    return target


def _article_ids(path: Path) -> set[str]:
    """Article ids in a readable landed file of any per-article table (empty when unreadable)."""
    if check_file(path) is not None:
        return set()
    try:
        return {str(v) for v in pq.read_table(path, columns=["article_id"]).column(0).to_pylist()}
    except (OSError, KeyError, ValueError):
        return set()


def _recovery(warehouse: Path, batch: str, damage: Damage, report: HealReport) -> str:
    """Arrange for a damaged batch's articles to be done again; say how, for the quarantine row."""
    landed = warehouse / "landed"
    if damage.table == "quarantine":  # quarantine rows come back only by reading every input again
        report.inputs_reread += forget(warehouse)
        return "every input file is read again to restore its quarantine rows"
    articles = landed / "articles" / f"{batch}.parquet"
    if not articles.exists():
        return "its batch never completed, nothing is lost"
    if damage.table != "articles" and check_file(articles, expected_schema("articles")) is None:
        return "its batch's articles are analysed again from their landed text"
    ids: set[str] = set()
    for table in TABLES:
        if table not in ("articles", "quarantine"):
            ids |= _article_ids(landed / table / f"{batch}.parquet")
    report.at_risk |= ids
    inputs = [f.path for f in read_log(warehouse).values() if f.batch == batch]
    if not inputs:  # a log from before batches were recorded: read every input again
        report.inputs_reread += forget(warehouse)
        return "its articles are read again from their input files (every input file is read again)"
    present = [name for name in inputs if os.path.exists(name)]
    gone = sorted(set(inputs) - set(present))
    report.inputs_reread += forget(warehouse, present) if present else 0
    report.lost_inputs += gone
    said = f"its {len(present)} input files are read again"
    return said + (f"; input files gone, their articles are lost: {', '.join(gone)}" if gone else "")


def heal_landed(warehouse: Path) -> HealReport:
    """Check every landed file; move damaged batches aside, record why, arrange their recovery."""
    report = HealReport(damaged=check_landed(warehouse))
    rows = []
    for damage in report.damaged:
        if not damage.path.exists():  # its batch was moved with an earlier damaged file
            continue
        if damage.table == STATE_LOG or damage.path.name == EMPTY_FILE_NAME:
            how = "a cache: its files are read again" if damage.table == STATE_LOG else "recreated"
            report.moved.append(_move_aside(damage.path, warehouse))
            rows.append((report.moved[-1], f"{DAMAGE_REASON} ({damage.table}): {damage.reason}; {how}"))
            continue
        how = _recovery(warehouse, damage.batch, damage, report)
        for table in TABLES:
            sibling = warehouse / "landed" / table / f"{damage.batch}.parquet"
            if sibling.exists():
                report.moved.append(_move_aside(sibling, warehouse))
        where = warehouse / "landed" / DAMAGED_DIR / damage.table / damage.path.name
        rows.append((where, f"{DAMAGE_REASON} ({damage.table}): {damage.reason}; {how}"))
    if rows:
        now = datetime.now(UTC)
        items = [QuarantineItem(str(path), 0, reason, now) for path, reason in rows]
        cls, exclude = TABLES["quarantine"]
        key = f"{now:%Y%m%dT%H%M%S%f}-damaged"
        land("quarantine", to_table(items, cls, exclude), key, warehouse / "landed")
    return report


class LandedDamageError(RuntimeError):
    """Landed files were damaged during this run (after its first check); they are moved aside."""


def check_before_build(warehouse: Path) -> None:
    """Right before dbt reads the landed files: stop, keeping the previous warehouse served, when one was
    damaged during the run. Its batch is moved aside at once, so the next run redoes it and builds."""
    report = heal_landed(warehouse)
    if report.damaged:
        first = report.damaged[0]
        raise LandedDamageError(
            f"{len(report.damaged)} landed files were damaged during this run "
            f"({first.path}: {first.reason}); "
            "moved to landed/_damaged, the next run analyses their batches again; the previous warehouse "
            "is still served"
        )


def recoverable_articles(warehouse: Path, landed: Mapping[str, str]) -> list[Article]:
    """Intact articles of damaged batches newer than any landed batch holding them (`landed`: article id
    to its newest landed batch): to be analysed again. A damaged batch that was an article's newest
    landing (a reprocessing, a changed input) must not let an older landing stand in for it."""
    directory = warehouse / "landed" / DAMAGED_DIR / "articles"
    newest: dict[str, tuple[str, dict[str, object]]] = {}
    schema = expected_schema("articles")
    for path in sorted(directory.glob("*.parquet")) if directory.is_dir() else []:
        if check_file(path, schema) is not None:
            continue
        try:
            rows = pq.read_table(path).to_pylist()
        except OSError:  # damaged in its pages, past what the footer check sees
            continue
        batch = path.name.split(".")[0]  # a batch moved aside twice carries a suffix
        for row in rows:
            article_id = str(row["article_id"])
            if batch > landed.get(article_id, "") and batch >= newest.get(article_id, ("", {}))[0]:
                newest[article_id] = (batch, row)
    names = {f.name for f in dataclasses.fields(Article)}
    return [
        Article(**{k: v for k, v in row.items() if k in names})  # type: ignore[arg-type]
        for _, (_, row) in sorted(newest.items())
    ]
