"""Where majlis keeps its data and which NER model it uses, from the environment only."""

from __future__ import annotations

import os
from pathlib import Path

WAREHOUSE_ENV = "MAJLIS_WAREHOUSE"
NER_MODEL_ENV = "MAJLIS_NER_MODEL"
STANZA_DIR_ENV = "MAJLIS_STANZA_DIR"

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
