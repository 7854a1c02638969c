"""NER and extraction on a 2-worker Dask LocalCluster give the same marts as the default task runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import SeedsRun

from flows.scale import dask_task_runner, local_cluster_kwargs
from majlis.nlp.model import BUNDLED_MODEL

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
MEETINGS_SQL = (
    "select meeting_date, event_type, host_country_code, guest_country_code, location_country_code, "
    "array_to_string(list_sort(topics), ',') from fact_meetings order by all"
)


def test_local_cluster_is_single_threaded_processes() -> None:
    kwargs = local_cluster_kwargs(2)
    assert kwargs["n_workers"] == 2 and kwargs["threads_per_worker"] == 1 and kwargs["processes"]


def _marts(database: Path) -> tuple[dict[str, int], list[tuple[object, ...]]]:
    with duckdb.connect(str(database), read_only=True) as con:
        tables = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'main'"
            ).fetchall()
        ]
        counts = {t: int(con.execute(f'select count(*) from "{t}"').fetchone()[0]) for t in tables}  # type: ignore[index]
        return counts, con.execute(MEETINGS_SQL).fetchall()


@pytest.mark.skipif(not BUNDLED_MODEL.is_file(), reason="the bundled NER model is not built yet")
def test_dask_runner_gives_the_same_marts(
    seeds_run: SeedsRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seeds through the Dask runner give the marts the session's `majlis run` on them built with the
    default task runner (conftest `seeds_run`; the bundled model is the default one there too)."""
    from flows.pipeline import majlis_flow

    monkeypatch.delenv("MAJLIS_NER_MODEL", raising=False)  # the default (bundled) model
    monkeypatch.delenv("MAJLIS_DASK_ADDRESS", raising=False)
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(tmp_path / "dask"))
    run = majlis_flow.with_options(task_runner=dask_task_runner(workers=2))
    summary = run([str(inputs)], files_per_batch=2)  # 3 batches, so both workers get work
    assert summary.articles_new == len(list(SEEDS.glob("*.txt")))
    default_counts, default_rows = _marts(seeds_run.first_build)
    dask_counts, dask_rows = _marts(tmp_path / "dask" / "majlis.duckdb")
    assert default_counts == dask_counts
    assert default_rows == dask_rows and default_counts["fact_meetings"] > 0
