"""What the warehouse already holds, read from the landed Parquet (the source of truth for 'seen')."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pyarrow.parquet as pq

from majlis.records import Article


def _column_values(table_dir: Path, columns: list[str]) -> set[tuple[object, ...]]:
    values: set[tuple[object, ...]] = set()
    if not table_dir.is_dir():
        return values
    for path in sorted(table_dir.glob("*.parquet")):
        table = pq.read_table(path, columns=columns)
        values.update(zip(*(table.column(c).to_pylist() for c in columns), strict=True))
    return values


def landed_article_batches(landed: Path) -> dict[str, str]:
    """The newest batch each landed article is in (batch keys sort by landing time)."""
    newest: dict[str, str] = {}
    table_dir = landed / "articles"
    for path in sorted(table_dir.glob("*.parquet")) if table_dir.is_dir() else []:
        for value in pq.read_table(path, columns=["article_id"]).column(0).to_pylist():
            newest[str(value)] = max(newest.get(str(value), ""), path.stem)
    return newest


def landed_quarantine_keys(landed: Path) -> set[tuple[str, int, str]]:
    """(file, record position, reason) of everything already quarantined."""
    return {
        (str(f), int(str(i)), str(r))
        for f, i, r in _column_values(landed / "quarantine", ["source_file", "record_index", "reason"])
    }


def landed_articles(landed: Path) -> list[Article]:
    """Every landed article (newest batch's row per article_id), rebuilt for reprocessing.

    Text comes back from the landed Parquet, so reprocessing needs no input files; `ingested_at` is
    kept, so article versions keep their order.
    """
    table_dir = landed / "articles"
    newest: dict[str, tuple[str, dict[str, object]]] = {}
    if not table_dir.is_dir():
        return []
    for path in sorted(table_dir.glob("*.parquet")):
        batch = path.stem
        for row in pq.read_table(path).to_pylist():
            article_id = str(row["article_id"])
            if article_id not in newest or newest[article_id][0] <= batch:
                newest[article_id] = (batch, row)
    names = {f.name for f in dataclasses.fields(Article)}
    return [
        Article(**{k: v for k, v in row.items() if k in names})  # type: ignore[arg-type]
        for _, (_, row) in sorted(newest.items())
    ]
