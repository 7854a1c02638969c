"""What the warehouse already holds, read from the landed Parquet (the source of truth for 'seen')."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq


def _column_values(table_dir: Path, columns: list[str]) -> set[tuple[object, ...]]:
    values: set[tuple[object, ...]] = set()
    if not table_dir.is_dir():
        return values
    for path in sorted(table_dir.glob("*.parquet")):
        table = pq.read_table(path, columns=columns)
        values.update(zip(*(table.column(c).to_pylist() for c in columns), strict=True))
    return values


def landed_article_ids(landed: Path) -> set[str]:
    """Ids of articles whose batch landed completely (articles land last in a batch)."""
    return {str(v[0]) for v in _column_values(landed / "articles", ["article_id"])}


def landed_quarantine_keys(landed: Path) -> set[tuple[str, int, str]]:
    """(file, record position, reason) of everything already quarantined."""
    return {
        (str(f), int(str(i)), str(r))
        for f, i, r in _column_values(landed / "quarantine", ["source_file", "record_index", "reason"])
    }
