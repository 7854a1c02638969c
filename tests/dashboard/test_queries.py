"""The dashboard's queries on a warehouse built from hand-made records (numbers worked out in conftest)."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from majlis.dashboard import queries
from majlis.dashboard.queries import Filters
from majlis.readonly import QueryError

from .conftest import BATCH_1, BATCH_2

pytestmark = pytest.mark.slow  # the session fixture runs dbt once (about 10 s)


@pytest.fixture
def on_warehouse(warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(warehouse))
    return warehouse


def test_summary_counts_meetings_and_countries_and_filters_narrow_them(on_warehouse: Path) -> None:
    everything = queries.summary(Filters())
    assert (everything["meetings"], everything["countries"], everything["undated"]) == (9, 6, 1)
    assert (everything["first_date"], everything["last_date"]) == (date(2025, 1, 8), date(2025, 4, 22))

    france = queries.summary(Filters(countries=("FR",)))
    assert (france["meetings"], france["countries"]) == (3, 3)  # m01 m04 m08: JO FR IT
    assert queries.summary(Filters(topics=("training",)))["meetings"] == 3  # m01 m05 m09
    assert queries.summary(Filters(countries=("SA", "EG")))["meetings"] == 3  # any of them: m03 m05 m07
    spring = Filters(start=date(2025, 3, 1), end=date(2025, 4, 30))
    assert queries.summary(spring)["meetings"] == 5  # m05-m08 and the undated m09
    assert queries.summary(Filters(spring.start, spring.end, include_undated=False))["meetings"] == 4


def test_meetings_over_time_by_month_and_by_week(on_warehouse: Path) -> None:
    months = {
        (r["period"], r["event_type"]): r["meetings"] for r in queries.meetings_over_time(Filters(), "month")
    }
    assert months == {
        (date(2025, 1, 1), "call"): 1,
        (date(2025, 1, 1), "meeting"): 2,
        (date(2025, 2, 1), "meeting"): 1,
        (date(2025, 3, 1), "meeting"): 2,
        (date(2025, 4, 1), "meeting"): 2,
    }
    weeks = queries.meetings_over_time(Filters(), "week")
    assert len(weeks) == 8 and all(r["period"].weekday() == 0 for r in weeks)  # Mondays
    with pytest.raises(ValueError, match="grain"):
        queries.meetings_over_time(Filters(), "year")  # type: ignore[arg-type]


def test_countries_are_ranked_with_both_names_and_the_home_side_can_be_left_out(on_warehouse: Path) -> None:
    ranked = queries.meetings_by_country(Filters(), exclude=("JO",))
    assert [(r["country_code"], r["meetings"]) for r in ranked] == [
        ("FR", 3), ("EG", 2), ("IT", 2), ("US", 2), ("SA", 1),
    ]  # fmt: skip
    assert (ranked[0]["name_en"], ranked[0]["name_ar"]) == ("France", "فرنسا")
    assert queries.meetings_by_country(Filters())[0]["country_code"] == "JO"
    assert queries.filter_options()["usual_host"] == "JO"


def test_topics_by_country_pairs(on_warehouse: Path) -> None:
    pairs = {
        (r["country_code"], r["topic"]): r["meetings"] for r in queries.topics_by_country(Filters(), ("JO",))
    }
    assert len(pairs) == 13
    assert pairs[("FR", "training")] == 1 and pairs[("US", "counterterrorism")] == 1
    assert sum(v for (c, _), v in pairs.items() if c == "FR") == 4
    jordan = {
        r["topic"]: r["meetings"] for r in queries.topics_by_country(Filters()) if r["country_code"] == "JO"
    }
    assert jordan["training"] == 3 and jordan["counterterrorism"] == 2


def test_top_people_with_titles_ranks_and_countries(on_warehouse: Path) -> None:
    people = queries.top_people(Filters(), limit=3)
    assert [(p["person_name"], p["meetings"]) for p in people] == [
        ("فارس نبيل الحديدي", 5), ("سامر عادل الخطيب", 4), ("لوران ميشو", 3),
    ]  # fmt: skip
    assert (people[1]["title"], people[1]["rank"], people[1]["name_en"]) == (
        "رئيس هيئة الأركان المشتركة", "لواء", "Jordan",
    )  # fmt: skip
    egypt = queries.top_people(Filters(countries=("EG",)))
    assert {p["person_name"] for p in egypt} == {"عمرو صبحي الشناوي", "سامر عادل الخطيب"}


def test_recent_meetings_newest_first_with_participants_and_nullable_link(on_warehouse: Path) -> None:
    recent = queries.recent_meetings(Filters())
    assert [r["meeting_id"] for r in recent] == [
        "m08",
        "m07",
        "m06",
        "m05",
        "m04",
        "m03",
        "m02",
        "m01",
        "m09",
    ]
    latest = recent[0]
    assert [p["name"] for p in latest["participants"]] == ["فارس نبيل الحديدي", "لوران ميشو", "ماركو بيانكي"]
    assert latest["location_name_ar"] == "الأردن" and latest["evidence_sentence"].startswith("استقبل")
    call = recent[5]
    assert call["article_url"] is None and call["event_type"] == "call" and call["city"] is None
    assert (call["article_publisher"], call["article_external_id"]) == ("invented wire", "m03")
    assert len(queries.recent_meetings(Filters(), limit=2)) == 2


def test_data_quality_quarantine_and_runs(on_warehouse: Path) -> None:
    quarantine = queries.quarantined()
    assert len(quarantine) == 3
    twice = next(r for r in quarantine if r["source_file"] == "in/feed.jsonl")
    assert (twice["first_seen"].month, twice["last_seen"].month) == (2, 5)
    # every article of a run counts, the first run's article without a meeting too
    runs = [
        (r["batch_key"], r["articles"], r["articles_with_meetings"], r["meetings"]) for r in queries.runs()
    ]
    assert runs == [(BATCH_1, 5, 4, 4), (BATCH_2, 5, 5, 5)]


def test_batch_time_reads_the_keys_majlis_run_writes() -> None:
    from flows.pipeline import _batch_key  # imports Prefect: only here

    assert queries.batch_time(BATCH_2) == datetime(2025, 5, 1, 6, 0, tzinfo=UTC)
    assert queries.batch_time(_batch_key(["some-article"])) is not None  # the pipeline's own format
    assert queries.batch_time("20250501T061530123456-0a1b2c3d4e5f") == datetime(
        2025, 5, 1, 6, 15, 30, 123456, tzinfo=UTC
    )
    assert queries.batch_time("20250501T060000Z") == datetime(2025, 5, 1, 6, 0, tzinfo=UTC)
    assert queries.batch_time("manual-rerun") is None
    assert queries.batch_time("20251399T060000Z") is None  # no such month
    assert queries.batch_time("20250501T0600001-x") is None  # neither seconds nor microseconds


def test_a_swapped_in_build_is_seen_on_the_next_query(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Like the builder: a new file os.replace'd over the old one is what the next query reads."""
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(tmp_path))
    shutil.copy(warehouse / "majlis.duckdb", tmp_path / "majlis.duckdb")
    assert queries.summary(Filters())["meetings"] == 9
    newer = tmp_path / "build.duckdb"
    shutil.copy(warehouse / "majlis.duckdb", newer)
    with duckdb.connect(str(newer)) as con:
        con.execute("delete from fact_meetings where meeting_date < date '2025-01-25'")  # m01 m02
        con.execute("checkpoint")
    os.replace(newer, tmp_path / "majlis.duckdb")
    assert queries.summary(Filters())["meetings"] == 7


def test_missing_warehouse_says_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(tmp_path / "nothing"))
    with pytest.raises(QueryError, match=r"no warehouse at .*nothing/majlis\.duckdb"):
        queries.summary(Filters())
    with pytest.raises(QueryError, match="no warehouse"):
        queries.built_at()
