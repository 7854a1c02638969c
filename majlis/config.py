"""Where majlis keeps its data and which NER model it uses, from the environment only."""

from __future__ import annotations

import os
from pathlib import Path

WAREHOUSE_ENV = "MAJLIS_WAREHOUSE"
NER_MODEL_ENV = "MAJLIS_NER_MODEL"
STANZA_DIR_ENV = "MAJLIS_STANZA_DIR"
DBT_MEMORY_ENV = "MAJLIS_DBT_MEMORY"  # DuckDB's memory budget during the dbt build, e.g. "600MB" or "4GB"
DBT_MEMORY_DEFAULT = "600MB"  # ~1.5x what a 10,000-article warehouse needs; the build retries without it

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DBT_PROJECT_DIR = PROJECT_DIR / "dbt_project"


def warehouse_dir() -> Path:
    """The warehouse directory: `$MAJLIS_WAREHOUSE`, else `warehouse/` under the current directory."""
    return Path(os.environ.get(WAREHOUSE_ENV) or "warehouse").resolve()


def landed_dir() -> Path:
    """Root of the landed Parquet datasets, one sub-directory per table."""
    return warehouse_dir() / "landed"


def database_path() -> Path:
    """The DuckDB file that holds the dbt marts."""
    return warehouse_dir() / "majlis.duckdb"
