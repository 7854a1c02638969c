"""The dbt warehouse build: marts from landed Parquet, atomic swap, failing dbt tests fail the build."""

from __future__ import annotations

import json
import logging
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from majlis import config
from majlis import warehouse as wh
from majlis.land import land
from majlis.records import Article, Meeting, Participant, to_table
from majlis.reference import COUNTRY_SEED, render_country_seed
from majlis.warehouse import WarehouseBuildError, build_warehouse

TEXT = (
    "وزير الدفاع يستقبل نظيره\n\n"
    "استقبل وزير الدفاع سالم فهد المرزوقي في مدينة الكويت نظيره الفرنسي ماتيو بلان."
)


def _article() -> Article:
    return Article(
        article_id="a" * 16,
        external_id="made-up-1",
        source_file="in/made_up.txt",
        record_index=0,
        title="وزير الدفاع يستقبل نظيره",
        body=TEXT.split("\n\n", 1)[1],
        text=TEXT,
        text_normalized=TEXT,
        published_at=date(2025, 3, 4),
        source="test wire",
        url=None,
        encoding="utf-8",
        ingested_at=datetime(2025, 3, 5, tzinfo=UTC),
    )


def _meeting(city: str = "الكويت", guest: str = "FR") -> Meeting:
    return Meeting(
        meeting_id="m-1",
        article_id="a" * 16,
        meeting_index=0,
        event_type="meeting",
        meeting_date=date(2025, 3, 4),
        date_note="published date",
        city=city,
        location_country_code="KW",
        host_country_code="KW",
        guest_country_code=guest,
        countries=["KW", guest],
        topics=["training"],
        evidence_sentence=TEXT.split("\n\n", 1)[1],
        evidence_start=TEXT.index("استقبل"),
        evidence_end=len(TEXT),
        confidence=0.9,
        pipeline_version="0.1.0",
        model_name="test-ner",
    )


def _participant(index: int, name: str, country: str, role: str) -> Participant:
    return Participant("m-1", "a" * 16, index, name, "وزير الدفاع", None, country, role, None, None)


def _land_batch(warehouse: Path, batch: str, meeting: Meeting, participants: list[Participant]) -> None:
    root = warehouse / "landed"
    land("articles", to_table([_article()], Article), batch, root=root)
    land("meetings", to_table([meeting], Meeting, ("participants",)), batch, root=root)
    land("meeting_participants", to_table(participants, Participant), batch, root=root)


def _query(database: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_committed_country_seed_is_what_the_generator_writes() -> None:
    assert COUNTRY_SEED.read_text(encoding="utf-8") == render_country_seed()


@pytest.mark.slow
def test_landed_meeting_becomes_marts_and_rebuilds_are_stable(tmp_path: Path) -> None:
    people = [
        _participant(0, "سالم فهد المرزوقي", "KW", "host"),
        _participant(1, "ماتيو بلان", "FR", "guest"),
    ]
    _land_batch(tmp_path, "20250305T000000Z", _meeting(city="مدينة قديمة"), people)
    _land_batch(tmp_path, "20250306T000000Z", _meeting(), people)  # reprocessed later: newest wins
    _land_batch(tmp_path, "20250306T000000Z", _meeting(), people)  # same batch landed twice

    first = build_warehouse(tmp_path)
    assert first.counts["fact_meetings"] == 1
    assert first.counts["fact_meeting_participants"] == 2
    meeting = _query(
        first.database,
        "select meeting_id, city, host_country_code, guest_country_code, countries, topics, article_title,"
        " batch_key from fact_meetings",
    )
    assert meeting == [
        ("m-1", "الكويت", "KW", "FR", ["KW", "FR"], ["training"], "وزير الدفاع يستقبل نظيره",
         "20250306T000000Z"),
    ]  # fmt: skip
    people_rows = _query(
        first.database,
        "select p.person_name, p.role, c.name_ar from fact_meeting_participants p"
        " join dim_country c on c.country_code = p.country_code order by p.participant_index",
    )
    assert people_rows == [("سالم فهد المرزوقي", "host", "الكويت"), ("ماتيو بلان", "guest", "فرنسا")]

    reader = duckdb.connect(str(first.database), read_only=True)  # a reader must not block the rebuild
    try:
        second = build_warehouse(tmp_path)
        assert reader.execute("select count(*) from fact_meetings").fetchone() == (1,)
    finally:
        reader.close()
    assert second.counts == first.counts


def _resource_types(warehouse: Path) -> set[str]:
    """The kinds of dbt node (model, seed, test, unit_test) the warehouse's last dbt build ran."""
    results = json.loads((warehouse / "dbt" / "target" / "run_results.json").read_text(encoding="utf-8"))
    return {r["unique_id"].split(".")[0] for r in results["results"]}


@pytest.mark.slow
def test_empty_warehouse_builds_then_failing_dbt_tests_fail_the_next_builds(tmp_path: Path) -> None:
    """One warehouse through three dbt builds: empty, it builds and runs every kind of node; then the dbt
    process started early builds a landed batch that data tests fail (the unit tests, passed before for the
    same project, are left out; data tests always run); then the same batch with a null where a column
    must have a value fails on that column's test alone. The first build stays the one served."""
    good = build_warehouse(tmp_path)
    assert good.database == tmp_path / "majlis.duckdb"
    assert good.counts["dim_country"] == 249
    assert good.counts["fact_meetings"] == good.counts["fact_meeting_participants"] == 0
    rows = _query(
        good.database, "select name_en, name_ar, region, is_gcc from dim_country where country_code='KW'"
    )
    assert rows == [("Kuwait", "الكويت", "Asia", True)]
    assert _query(good.database, "select count(*) from dim_country where is_gcc") == [(6,)]
    assert _query(good.database, "select count(*) from dim_country where name_ar is null") == [(0,)]
    assert not (tmp_path / "build" / "majlis.duckdb").exists()
    assert {"unit_test", "test", "model", "seed"} <= _resource_types(tmp_path)
    assert (tmp_path / wh.UNIT_TESTED_FILE).read_text(encoding="utf-8") == wh.project_fingerprint()

    people = [_participant(0, "ناصر الحربي", "KW", "bogus")]
    _land_batch(tmp_path, "20250307T000000Z", _meeting(guest="ZZ"), people)
    wh.start_dbt_early(tmp_path)
    assert wh._ready is not None
    early = wh._ready[1]
    with pytest.raises(WarehouseBuildError) as info:
        build_warehouse(tmp_path)
    assert wh._ready is None and early.returncode not in (None, 0)  # that process ran the failed build
    failed = {node for node, _ in info.value.failures}
    assert any(
        node.startswith("test.majlis.accepted_values_fact_meeting_participants_role") for node in failed
    )
    assert any("guest_country_code" in node for node in failed)
    assert any("assert_meeting_countries_in_dim_country" in node for node in failed)
    assert "accepted_values_fact_meeting_participants_role" in str(info.value)
    types = _resource_types(tmp_path)
    assert "unit_test" not in types and {"test", "model"} <= types  # passed before: only data tests run
    # the previous build is still the one served
    assert _query(good.database, "select count(*) from fact_meetings") == [(0,)]

    # the same batch landed again, its guest a real country and the role null
    _land_batch(tmp_path, "20250307T000000Z", _meeting(), [_participant(0, "سالم فهد المرزوقي", "KW", None)])  # type: ignore[arg-type]
    with pytest.raises(WarehouseBuildError) as null:
        build_warehouse(tmp_path)
    nodes = [node for node, _ in null.value.failures]
    assert len(nodes) == 1 and nodes[0].startswith("test.majlis.columns_not_null_fact_meeting_participants")
    nulls = _query(
        tmp_path / "build" / "majlis.duckdb",
        "select count(*) from fact_meeting_participants where role is null",
    )
    assert nulls == [(1,)]  # the build got as far as the table; the test on it failed the build
    assert _query(good.database, "select count(*) from fact_meetings") == [(0,)]


@pytest.mark.slow
def test_build_memory_budget_falls_back_when_too_small_unless_the_user_chose_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(config, "DBT_MEMORY_DEFAULT", "1MB")  # too small even for the country seed
    monkeypatch.delenv(config.DBT_MEMORY_ENV, raising=False)
    with caplog.at_level(logging.WARNING, logger="majlis.warehouse"):
        built = build_warehouse(tmp_path)
    assert built.counts["dim_country"] == 249
    assert "needs more than 1MB" in caplog.text

    monkeypatch.setenv(config.DBT_MEMORY_ENV, "1MB")
    with pytest.raises(WarehouseBuildError, match="Out of Memory"):
        build_warehouse(tmp_path)
    assert _query(built.database, "select count(*) from dim_country") == [(249,)]  # still served
