"""The processed-files log: stamps change with the file, the newest entry wins, the log stays small."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from majlis import filelog
from majlis.filelog import ProcessedFile, append_log, read_log, stamp_file


def test_stamp_changes_when_content_mtime_or_permissions_change(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("نص", encoding="utf-8")
    first = stamp_file(str(path))
    assert first is not None and first == stamp_file(str(path))
    os.utime(path, ns=(first.mtime_ns + 1_000_000, first.mtime_ns + 1_000_000))
    touched = stamp_file(str(path))
    assert touched is not None and touched != first
    path.chmod(0o600)  # metadata only: the change time moves, so a fixed permission is noticed
    assert stamp_file(str(path)) != touched
    assert stamp_file(str(tmp_path / "missing.txt")) is None


def test_newest_entry_per_path_wins_and_empty_log_is_empty(tmp_path: Path) -> None:
    assert read_log(tmp_path) == {}
    data = tmp_path / "in.txt"
    data.write_text("x", encoding="utf-8")
    stamp = stamp_file(str(data))
    assert stamp is not None
    append_log(tmp_path, [ProcessedFile("in.txt", stamp, 1), ProcessedFile("b.txt", stamp, 0)])
    data.write_text("longer", encoding="utf-8")
    newer = stamp_file(str(data))
    assert newer is not None
    append_log(tmp_path, [ProcessedFile("in.txt", newer, 2)])
    log = read_log(tmp_path)
    assert log["in.txt"] == ProcessedFile("in.txt", newer, 2)
    assert log["b.txt"].articles == 0


def test_log_is_merged_into_one_file_when_it_grows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filelog, "COMPACT_AFTER", 3)
    data = tmp_path / "in.txt"
    data.write_text("x", encoding="utf-8")
    stamp = stamp_file(str(data))
    assert stamp is not None
    for index in range(4):
        append_log(tmp_path, [ProcessedFile(f"f{index}.txt", stamp, index)])
    parts = list((tmp_path / filelog.LOG_DIR).glob("*.parquet"))
    assert len(parts) == 1 and parts[0].name.endswith("-merged.parquet")
    assert {name: f.articles for name, f in read_log(tmp_path).items()} == {f"f{i}.txt": i for i in range(4)}
