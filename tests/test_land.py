"""Landing Parquet: atomic, idempotent per batch key, and readable by dbt's globs at every moment."""

from __future__ import annotations

import errno
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from majlis.land import EMPTY_FILE_NAME, LandingError, ensure_landing_dirs, expected_schema, land
from majlis.records import TABLES, QuarantineItem, to_table


def _quarantine(*reasons: str) -> pa.Table:
    seen = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    rows = [QuarantineItem("in/bad.jsonl", i + 1, reason, seen) for i, reason in enumerate(reasons)]
    return to_table(rows, QuarantineItem)


def _glob_rows(root: Path, table: str) -> list[str]:
    """What dbt's source sees: every file the `*.parquet` glob matches."""
    query = f"select reason from read_parquet('{root}/{table}/*.parquet', union_by_name=true) order by 1"
    return [row[0] for row in duckdb.execute(query).fetchall()]


def test_land_writes_one_file_per_batch_with_the_record_schema(tmp_path: Path) -> None:
    path = land("quarantine", _quarantine("ليس JSON", "empty body"), "20250102T030405Z-a", root=tmp_path)
    assert path == tmp_path / "quarantine" / "20250102T030405Z-a.parquet"
    assert pq.read_schema(path).names == expected_schema("quarantine").names
    assert _glob_rows(tmp_path, "quarantine") == ["empty body", "ليس JSON"]


def test_same_batch_twice_replaces_the_file(tmp_path: Path) -> None:
    land("quarantine", _quarantine("first try"), "b1", root=tmp_path)
    land("quarantine", _quarantine("second try"), "b1", root=tmp_path)
    land("quarantine", _quarantine("other batch"), "b2", root=tmp_path)
    assert sorted(p.name for p in (tmp_path / "quarantine").iterdir()) == ["b1.parquet", "b2.parquet"]
    assert _glob_rows(tmp_path, "quarantine") == ["other batch", "second try"]


def test_relanding_an_empty_batch_clears_its_rows_but_keeps_the_schema(tmp_path: Path) -> None:
    land("quarantine", _quarantine("stale"), "b1", root=tmp_path)
    path = land("quarantine", _quarantine(), "b1", root=tmp_path)
    assert pq.read_table(path).num_rows == 0
    assert pq.read_schema(path).names == expected_schema("quarantine").names
    assert _glob_rows(tmp_path, "quarantine") == []


def test_readers_never_see_the_file_being_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    land("quarantine", _quarantine("old"), "b1", root=tmp_path)
    seen_during_write: list[list[str]] = []
    temp_names: list[str] = []
    real_write = pq.write_table

    def write_then_look(table: pa.Table, where: object, **kwargs: object) -> None:
        real_write(table, where, **kwargs)
        handle = where
        assert hasattr(handle, "flush")
        handle.flush()
        temp_names.extend(p.name for p in (tmp_path / "quarantine").iterdir() if p.name.startswith("."))
        seen_during_write.append(_glob_rows(tmp_path, "quarantine"))

    monkeypatch.setattr(pq, "write_table", write_then_look)
    land("quarantine", _quarantine("new"), "b1", root=tmp_path)
    assert len(temp_names) == 1 and not temp_names[0].endswith(".parquet")
    assert seen_during_write == [["old"]]
    assert _glob_rows(tmp_path, "quarantine") == ["new"]
    assert [p.name for p in (tmp_path / "quarantine").iterdir()] == ["b1.parquet"]


@pytest.mark.parametrize(
    ("code", "words"), [(errno.ENOSPC, "no space left"), (errno.EACCES, "permission denied")]
)
def test_disk_errors_name_the_directory_and_keep_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    land("quarantine", _quarantine("kept"), "b1", root=tmp_path)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(LandingError) as info:
        land("quarantine", _quarantine("lost"), "b1", root=tmp_path)
    assert str(tmp_path / "quarantine") in str(info.value) and words in str(info.value)
    assert _glob_rows(tmp_path, "quarantine") == ["kept"]
    assert [p.name for p in (tmp_path / "quarantine").iterdir()] == ["b1.parquet"]


def test_unwritable_directory_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(LandingError, match="permission denied") as info:
        land("quarantine", _quarantine("x"), "b1", root=tmp_path)
    assert str(tmp_path / "quarantine") in str(info.value)


def test_bad_batch_keys_and_columns_are_refused(tmp_path: Path) -> None:
    for key in ("", ".hidden", "a/b", "../up", "_empty"):
        with pytest.raises(ValueError):
            land("quarantine", _quarantine("x"), key, root=tmp_path)
    with pytest.raises(ValueError, match="reason"):
        land("quarantine", _quarantine("x").drop_columns(["reason"]), "b1", root=tmp_path)
    with pytest.raises(ValueError, match="unknown table"):
        land("nonsense", _quarantine("x"), "b1", root=tmp_path)
    assert not (tmp_path / "quarantine").exists()


def test_ensure_landing_dirs_gives_every_table_a_typed_file_once(tmp_path: Path) -> None:
    land("quarantine", _quarantine("real"), "b1", root=tmp_path)
    created = ensure_landing_dirs(tmp_path)
    assert sorted(p.parent.name for p in created) == sorted(set(TABLES) - {"quarantine"})
    assert ensure_landing_dirs(tmp_path) == []
    meetings = tmp_path / "meetings" / EMPTY_FILE_NAME
    assert pq.read_schema(meetings) == expected_schema("meetings")
    described = duckdb.execute(
        f"describe select * from read_parquet('{tmp_path}/meetings/*.parquet')"
    ).fetchall()
    assert ("countries", "VARCHAR[]") in [(row[0], row[1]) for row in described]
