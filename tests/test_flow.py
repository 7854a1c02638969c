"""End-to-end flow runs (real Stanza model, real dbt): batching, reprocessing and versions."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest
from corpus.articles import CALL, PLACEHOLDER_DATE, VISIT, jsonl_line, write_articles

from flows.pipeline import NothingToDoError, majlis_flow

pytestmark = pytest.mark.slow

MART_QUERIES = {
    "fact_meetings": "select * exclude (batch_key) from fact_meetings",
    "fact_meeting_participants": "select * exclude (batch_key) from fact_meeting_participants",
    "fact_meeting_articles": "select * exclude (batch_key) from fact_meeting_articles",
    "fact_entity_mentions": "select * exclude (batch_key) from fact_entity_mentions",
    "dim_person": "select * from dim_person",
    "article_versions": "select article_id, external_id, version_number, superseded_by from article_versions",
}


def marts(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every mart's rows, sorted, without the columns that name landing batches."""
    with duckdb.connect(str(database), read_only=True) as con:
        return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in MART_QUERIES.items()}


def test_three_batches_equal_one_and_reprocess_changes_nothing(
    clean_run: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session's clean run (conftest) landed three articles in three batches; the same files in one
    batch here give the same marts, and reprocessing them in three batches changes nothing."""
    inbox, three = clean_run
    assert len(list((three / "landed/articles").glob("2*.parquet"))) == 3
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(tmp_path / "one"))
    one = majlis_flow([str(inbox)], files_per_batch=10)
    assert one.articles_new == 3
    assert len(list((tmp_path / "one/landed/articles").glob("2*.parquet"))) == 1
    expected = marts(three / "majlis.duckdb")
    assert expected["fact_meetings"], "the invented articles report meetings"
    assert marts(tmp_path / "one/majlis.duckdb") == expected

    again = majlis_flow([str(inbox)], files_per_batch=1, reprocess=True)
    assert (again.articles_new, again.articles_skipped, again.articles_reprocessed) == (0, 3, 3)
    assert marts(tmp_path / "one/majlis.duckdb") == expected


def test_new_content_under_the_same_id_replaces_the_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(tmp_path / "w"))
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "wire.jsonl").write_text(jsonl_line("story-7", CALL, source="wire-b") + "\n", encoding="utf-8")
    majlis_flow([str(feed)])
    (feed / "wire.jsonl").write_text(
        jsonl_line("story-7", PLACEHOLDER_DATE, source="wire-b") + "\n", encoding="utf-8"
    )
    (feed / "copy.jsonl").write_text(
        jsonl_line("story-7", PLACEHOLDER_DATE, source="wire-b") + "\n", encoding="utf-8"
    )
    second = majlis_flow([str(feed)])
    assert second.articles_new == 1 and second.articles_skipped == 1  # the copy adds nothing
    with duckdb.connect(str(tmp_path / "w/majlis.duckdb"), read_only=True) as con:
        versions = con.execute(
            "select version_number, superseded_by is null, is_current from article_versions"
            " order by version_number"
        ).fetchall()
        current = con.execute("select article_id from article_versions where is_current").fetchone()
        from_articles = con.execute("select distinct article_id from fact_meeting_articles").fetchall()
        dates = con.execute("select meeting_date from fact_meetings").fetchall()
    assert versions == [(1, False, False), (2, True, True)]
    assert current is not None and from_articles in ([], [current])
    assert all(d == (None,) for d in dates)  # «[تاريخ الزيارة]» is no date


def test_inputs_with_no_article_and_no_quarantine_fail_clearly(tmp_path: Path, warehouse: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(NothingToDoError, match="no articles and nothing quarantined"):
        majlis_flow([str(tmp_path / "empty")])
    assert not (warehouse / "majlis.duckdb").exists()


def test_unchanged_files_are_not_read_again_and_changed_ones_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(tmp_path / "w"))
    inbox = tmp_path / "inbox"
    write_articles(inbox, {"visit": VISIT, "call": CALL})
    first = majlis_flow([str(inbox)])
    assert (first.files_unchanged, first.articles_new) == (0, 2)
    second = majlis_flow([str(inbox)])
    assert (second.files, second.files_unchanged, second.articles_read) == (2, 2, 0)
    assert second.articles_skipped == 2 and "dbt build" not in second.stage_seconds
    touched = next(inbox.iterdir())
    stamp = touched.stat().st_mtime_ns + 10**9
    os.utime(touched, ns=(stamp, stamp))  # same text, new modification time: read again, nothing new
    third = majlis_flow([str(inbox)])
    assert (third.files_unchanged, third.articles_read, third.articles_new) == (1, 1, 0)
    assert third.articles_skipped == 2
