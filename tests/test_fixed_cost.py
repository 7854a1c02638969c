"""A run's fixed costs: a dbt process started early and not used ends quietly, unit tests come back when
the project changes, a model preloaded in a thread is loaded once, and the incremental bench splits a
run's wall time from its milestones. That the early dbt process is the one that builds, and that unit
tests which already passed are not run again while data tests always are, is tested with the other
builds of one warehouse in test_warehouse.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from majlis import warehouse as wh
from majlis.bench.incremental import split_timeline
from majlis.bench.served import last_run_done, last_run_started


def test_an_early_dbt_process_no_build_used_ends_quietly(tmp_path: Path) -> None:
    wh.start_dbt_early(tmp_path)
    assert wh._ready is not None
    early = wh._ready[1]
    wh.discard_early_dbt()
    assert wh._ready is None and early.returncode == 0


def test_project_changes_bring_the_unit_tests_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / wh.UNIT_TESTED_FILE).write_text(wh.project_fingerprint(), encoding="utf-8")
    assert wh._skipped_resource_types(tmp_path) == ["--exclude-resource-type", "unit_test"]
    monkeypatch.setattr(wh, "project_fingerprint", lambda: "another project")
    assert wh._skipped_resource_types(tmp_path) == []


def test_a_run_is_split_into_stages_from_its_milestones() -> None:
    marks = [
        ("cli", 100.5), ("scanned", 100.7), ("flow imported", 102.5), ("prefect wait", 102.5),
        ("prefect ready", 106.0), ("flow start", 107.0), ("analysed", 110.0), ("dbt start", 110.1),
        ("dbt done", 116.1), ("flow done", 116.5),
    ]  # fmt: skip
    stages = {"ner+extract": 2.5, "analysis: ner": 1.5, "analysis: extract": 0.8}
    split = split_timeline(100.0, 118.0, {"marks": marks, "stages": stages})
    assert split["start-up, imports"] == pytest.approx(0.5)
    assert split["waiting for Prefect's server"] == pytest.approx(3.5)
    assert split["check, read, NER+extract, land"] == pytest.approx(3.0)
    assert split["ner+extract (waited for)"] == 2.5
    assert split["dbt build"] == pytest.approx(6.0)
    assert split["flow end, summary, exit"] == pytest.approx(1.5)
    quick = split_timeline(100.0, 101.5, {"marks": [("cli", 100.4), ("up to date", 101.2)], "stages": {}})
    assert quick == pytest.approx({"start-up, imports": 0.4, "scan, up-to-date check": 0.8, "exit": 0.3})


@pytest.mark.slow
def test_a_model_preloaded_in_a_thread_is_loaded_once_and_serves_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpus.articles import VISIT, write_articles

    from majlis import workers
    from majlis.ingest import iter_inputs
    from majlis.nlp.model import load_pipeline
    from majlis.records import Article

    monkeypatch.delenv("MAJLIS_NER_MODEL", raising=False)
    monkeypatch.setattr(workers, "_preload", None)
    write_articles(tmp_path, {"visit": VISIT})
    articles = [a for a in iter_inputs([tmp_path]) if isinstance(a, Article)]
    load_pipeline.cache_clear()
    workers.preload_here()
    output = workers.analyse_batch(articles)  # waits for the thread rather than loading a second copy
    assert workers._preload is not None and not workers._preload.is_alive()
    assert load_pipeline.cache_info().misses == 1
    assert output.meetings and output.mentions


RUN_DONE = (
    "{at} | INFO    | Flow run '{name}' - run done in {seconds} s: {new} new articles (40 already loaded, "
    "0 reprocessed), 0 meetings, 0 quarantined, 60 input files (40 unchanged); stages: {stages}"
)
SERVE_LOG = "\n".join(
    [
        RUN_DONE.format(at="11:08:30.625", name="spiked-mole", seconds="0.6", new=0,
                        stages="check landed 0.1 s, discover 0.3 s"),
        "11:08:59.731 | INFO    | Flow run 'clever-frigatebird' - Beginning flow run 'clever-frigatebird' "
        "for flow 'majlis'",
        RUN_DONE.format(at="11:09:11.688", name="clever-frigatebird", seconds="12.0", new=20,
                        stages="check landed 0.3 s, ingest 0.0 s, ner+extract 0.8 s, analysis: ner forward "
                        "0.3 s, land 0.1 s, dbt build 10.3 s"),
        RUN_DONE.format(at="11:09:30.102", name="spiked-mole", seconds="0.5", new=0,
                        stages="check landed 0.1 s, discover 0.3 s"),
    ]
)  # fmt: skip


def test_a_served_run_is_timed_from_what_serve_printed() -> None:
    from datetime import datetime

    day = datetime(2026, 12, 7)
    assert last_run_started(SERVE_LOG, day) == datetime(2026, 12, 7, 11, 8, 59, 731000).timestamp()
    flow, stages = last_run_done(SERVE_LOG)  # the last run that brought articles, not the empty one after
    assert flow == 12.0
    assert stages["ner+extract"] == 0.8 and stages["dbt build"] == 10.3
    assert stages["analysis: ner forward"] == 0.3
