"""Incremental marts: a warehouse fed by several `majlis run`s, whose facts were each time continued from
the published marts, equals one built in full from the same landed files, table by table and row by row.

The chain (each a new `majlis run` process on one inbox that grows):
1. three of the example articles, a visit, and a wire story (story-7) in a JSON-lines feed;
2. a fourth example and another report of the same visit a day later, which merges into its meeting;
3. the fifth example and a new text of story-7 under the same id, which replaces the old version.

Then the chain's warehouse is rebuilt in full (`--full-refresh`) from the same landed files. The runs use
the session's Prefect server (conftest `prefect_api`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from corpus.articles import CALL, PLACEHOLDER_DATE, VISIT, VISIT_OTHER_WORDING, jsonl_line, write_articles

from majlis.warehouse import MARTS

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
INCREMENTAL = "marts: the facts of what changed replaced (incremental)"
FULL = "marts: built in full"


@dataclass
class Chain:
    inbox: Path
    warehouse: Path
    outputs: list[str]  # each run's stdout


def _majlis(warehouse: Path, api: str, *args: str) -> str:
    env = {**os.environ, "MAJLIS_WAREHOUSE": str(warehouse), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_API_URL": api}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "majlis.cli", *args], env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _feed(inbox: Path, story: str) -> None:
    (inbox / "wire.jsonl").write_text(jsonl_line("story-7", story, source="wire-b") + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory, prefect_api: str) -> Chain:
    root = tmp_path_factory.mktemp("incremental")
    inbox, warehouse = root / "inbox", root / "warehouse"
    inbox.mkdir()
    outputs = []
    for seeds, texts, story in (
        (SEEDS[:3], {"visit": VISIT}, CALL),
        (SEEDS[3:4], {"visit_next_day": VISIT_OTHER_WORDING}, None),
        (SEEDS[4:], {}, PLACEHOLDER_DATE),
    ):
        for seed in seeds:
            shutil.copy(seed, inbox / seed.name)
        write_articles(inbox, texts)
        if story is not None:
            _feed(inbox, story)
        outputs.append(_majlis(warehouse, prefect_api, "run", str(inbox)))
    return Chain(inbox, warehouse, outputs)


def _marts(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every mart, every column, in a fixed order."""
    with duckdb.connect(str(database), read_only=True) as con:
        return {mart: sorted(con.execute(f'select * from "{mart}"').fetchall(), key=repr) for mart in MARTS}


def _tests_left_out(warehouse: Path) -> list[str]:
    """The data tests of the project that the warehouse's last dbt build did not run, but those that read
    seeds alone (an incremental build leaves out the seeds, which its copy of the marts already holds)."""
    target = warehouse / "dbt" / "target"
    nodes = json.loads((target / "manifest.json").read_text(encoding="utf-8"))["nodes"].values()
    ran = {r["unique_id"] for r in json.loads((target / "run_results.json").read_text())["results"]}
    return [
        node["unique_id"]
        for node in nodes
        if node["resource_type"] == "test"
        and node["unique_id"] not in ran
        and not all(parent.startswith("seed.") for parent in node["depends_on"]["nodes"])
    ]


def test_a_chain_of_incremental_runs_equals_one_full_build(chain: Chain, prefect_api: str) -> None:
    assert FULL in chain.outputs[0]  # a new warehouse has nothing to continue from
    assert all(INCREMENTAL in out for out in chain.outputs[1:]), chain.outputs[1:]
    assert _tests_left_out(chain.warehouse) == []  # the last, incremental build ran every other data test
    # the chain did what it is meant to test: a report merged into a meeting of an earlier run, and a
    # story's new text replaced its first version
    with duckdb.connect(str(chain.warehouse / "majlis.duckdb"), read_only=True) as con:
        merged = con.execute("select count(*) from fact_meetings where article_count = 2").fetchone()
        versions = con.execute(
            "select version_number, is_current from article_versions where external_id = 'story-7'"
            " order by version_number"
        ).fetchall()
        superseded = con.execute(
            "select count(*) from fact_entity_mentions join article_versions using (article_id)"
            " where not is_current"
        ).fetchone()
    assert merged == (1,)
    assert versions == [(1, False), (2, True)]
    assert superseded == (0,)

    incremental = _marts(chain.warehouse / "majlis.duckdb")
    # nothing new: the marts are kept as they are; the option forces a build in full from the same landed
    # files, which must give the chain's marts table by table and row by row
    assert "up to date" in _majlis(chain.warehouse, prefect_api, "run", str(chain.inbox))
    assert _marts(chain.warehouse / "majlis.duckdb") == incremental
    assert FULL in _majlis(chain.warehouse, prefect_api, "run", "--full-refresh", str(chain.inbox))
    rebuilt = _marts(chain.warehouse / "majlis.duckdb")
    for mart in MARTS:
        assert incremental[mart] == rebuilt[mart], mart
