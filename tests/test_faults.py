"""Faults a long-running feed meets: damaged landed files, a full disk, a dead Prefect server, a failing dbt
test. Each ends in one plain line with its own exit code, and the next clean run loses and duplicates no
fact. The slow tests work on copies of the session's clean run on three articles (conftest `clean_run`)
and run `majlis` as a user would, against the session's Prefect server."""

from __future__ import annotations

import dataclasses
import errno
import shutil
import socket
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest
from conftest import REPO, majlis_env
from corpus.articles import CALL, write_articles

from majlis.faults import (
    EXIT_DAMAGED,
    EXIT_DBT_TEST,
    EXIT_NO_SPACE,
    EXIT_PERMISSION,
    EXIT_PREFECT_UNREACHABLE,
    classify,
)
from majlis.filelog import FileStamp, ProcessedFile, append_log, scan_inputs
from majlis.heal import LandedDamageError, heal_landed, recoverable_articles
from majlis.land import land
from majlis.landcheck import check_landed
from majlis.records import TABLES, Article, Sentence, to_table
from majlis.runlock import RunLockedError
from majlis.state import landed_article_batches
from majlis.warehouse import WarehouseBuildError

MAJLIS = [sys.executable, "-m", "majlis.cli"]
SAME_FACTS = (
    "select * exclude (batch_key) from fact_meetings order by all",
    "select * exclude (batch_key) from fact_meeting_participants order by all",
    "select * exclude (batch_key) from fact_entity_mentions order by all",
    "select article_id, external_id, version_number from article_versions order by all",
)


def _article(article_id: str, source_file: str) -> Article:
    text = f"عنوان {article_id}\n\nنص"
    return Article(article_id, article_id, source_file, 0, "عنوان", "نص", text, text, date(2025, 5, 1),
                   None, None, "utf-8", datetime(2025, 5, 1, tzinfo=UTC))  # fmt: skip


def _land_batch(landed: Path, key: str, article: Article) -> None:
    for name, rows in (
        ("sentences", [Sentence(article.article_id, 0, 0, 5, "عنوان")]),
        ("articles", [article]),
    ):
        cls, exclude = TABLES[name]
        land(name, to_table(rows, cls, exclude), key, landed)


def _cut(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def test_a_damaged_batch_is_moved_aside_and_its_articles_come_back(tmp_path: Path) -> None:
    warehouse, landed = tmp_path / "w", tmp_path / "w" / "landed"
    kept_input, gone_input = tmp_path / "kept.txt", tmp_path / "gone.txt"
    kept_input.write_text("x", encoding="utf-8")
    _land_batch(landed, "b1", _article("a1", str(kept_input)))  # sentences damaged, articles intact
    _land_batch(landed, "b2", _article("a2", str(kept_input)))  # articles damaged, input still there
    _land_batch(landed, "b3", _article("a3", str(gone_input)))  # articles damaged, input gone
    stamp = FileStamp(1, 1, 1, 1)
    append_log(
        warehouse,
        [ProcessedFile(str(kept_input), stamp, 1, "b2"), ProcessedFile(str(gone_input), stamp, 1, "b3")],
    )
    _cut(landed / "sentences" / "b1.parquet")
    _cut(landed / "articles" / "b2.parquet")
    (landed / "articles" / "b3.parquet").write_bytes(b"PAR1 not really")
    assert {d.path.name for d in check_landed(warehouse)} == {"b1.parquet", "b2.parquet", "b3.parquet"}

    report = heal_landed(warehouse)
    assert check_landed(warehouse) == []
    assert not list(landed.glob("*/b?.parquet"))
    assert (landed / "_damaged" / "sentences" / "b1.parquet").exists()
    assert [a.article_id for a in recoverable_articles(warehouse, {})] == ["a1"]  # from its landed text
    assert report.at_risk == {"a2", "a3"} and report.lost_inputs == [str(gone_input)]
    assert [name for name, _, _ in scan_inputs([kept_input], warehouse).to_read] == [str(kept_input)]
    reasons = duckdb.execute(f"select reason from '{landed}/quarantine/*.parquet' order by 1").fetchall()
    assert len(reasons) == 3 and all(r[0].startswith("damaged landed file") for r in reasons)
    assert "input files gone, their articles are lost: " + str(gone_input) in str(reasons)


def test_a_damaged_newest_landing_comes_back_instead_of_an_older_one(tmp_path: Path) -> None:
    """A reprocessed (or changed) article whose newest batch is damaged is analysed again from that batch's
    text: the older landing of the same article must not stand in for it."""
    warehouse, landed = tmp_path / "w", tmp_path / "w" / "landed"
    old, new = _article("a1", "in.txt"), _article("a1", "in.txt")
    new = dataclasses.replace(new, body="نص أحدث", text="عنوان a1\n\nنص أحدث")
    _land_batch(landed, "20260101T000000000000-old", old)
    _land_batch(landed, "20260102T000000000000-new", new)
    _cut(landed / "sentences" / "20260102T000000000000-new.parquet")
    heal_landed(warehouse)
    newest = landed_article_batches(landed)
    assert newest == {"a1": "20260101T000000000000-old"}
    assert [a.body for a in recoverable_articles(warehouse, newest)] == ["نص أحدث"]
    # once analysed again it lands in a newer batch, and nothing is left to recover
    _land_batch(landed, "20260103T000000000000-again", new)
    assert recoverable_articles(warehouse, landed_article_batches(landed)) == []


def test_faults_are_classified_into_one_line_and_their_own_exit_code() -> None:
    def raised(exc: BaseException, outer: type[Exception] = RuntimeError) -> BaseException:
        try:
            try:
                raise exc
            except BaseException as inner:
                raise outer("stage 'land' failed") from inner
        except Exception as caught:
            return caught

    assert classify(raised(OSError(errno.ENOSPC, "No space left on device", "/w/x"))).code == EXIT_NO_SPACE
    assert classify(raised(PermissionError(errno.EACCES, "Permission denied"))).code == EXIT_PERMISSION
    assert classify(raised(RunLockedError("another majlis run (pid 1)"))).code == 75
    failed = WarehouseBuildError("dbt build failed\n- test.majlis.not_null_x.abc: 1 row", [
        ("test.majlis.accepted_values_role.abc", "Got 1 result")])  # fmt: skip
    fault = classify(raised(failed))
    assert fault.code == EXIT_DBT_TEST and "accepted_values_role" in fault.line and "\n" not in fault.line
    unreachable = classify(raised(RuntimeError("Failed to reach API at http://127.0.0.1:9/api/")))
    assert unreachable.code == EXIT_PREFECT_UNREACHABLE and "Prefect server" in unreachable.line
    damaged = LandedDamageError("2 landed files were damaged during this run")
    assert classify(raised(damaged)).code == EXIT_DAMAGED
    assert classify(ValueError("something else\nmore")).line == "something else"


def _majlis(warehouse: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MAJLIS, *args], cwd=REPO, env=majlis_env(warehouse, MAJLIS_WORKERS="0", **env),
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip


def _one_line_error(done: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    out = done.stdout + done.stderr
    assert done.returncode == code, out[-3000:]
    assert "Traceback" not in out, out[-3000:]
    errors = [line for line in out.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and all(word.lower() in errors[0].lower() for word in words), out[-3000:]


def _facts(warehouse: Path) -> list[list[tuple[object, ...]]]:
    with duckdb.connect(str(warehouse / "majlis.duckdb"), read_only=True) as con:
        return [con.execute(sql).fetchall() for sql in SAME_FACTS]


def test_no_space_and_an_unreachable_prefect_server_stop_before_anything_changes(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_articles(inbox, {"call": CALL})
    full = _majlis(tmp_path / "w", "run", str(inbox), MAJLIS_MIN_FREE_BYTES=str(10**15))
    _one_line_error(full, EXIT_NO_SPACE, "not enough free space in", str(tmp_path / "w"), "MB")
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/api"
    unreachable = _majlis(tmp_path / "w", "run", str(inbox), PREFECT_API_URL=dead)
    _one_line_error(unreachable, EXIT_PREFECT_UNREACHABLE, "cannot reach the Prefect server", dead)
    assert not (tmp_path / "w" / "landed").exists()


def _copy(reference: Path, target: Path) -> Path:
    shutil.copytree(reference, target, ignore=shutil.ignore_patterns("dbt"))
    return target


@pytest.mark.slow
def test_damaged_landed_files_are_healed_even_by_a_run_killed_midway(
    clean_run: tuple[Path, Path], prefect_api: str, tmp_path: Path
) -> None:
    inbox, clean = clean_run
    warehouse = _copy(clean, tmp_path / "w")
    batches = sorted(p.stem for p in (warehouse / "landed" / "articles").glob("2*.parquet"))
    _cut(warehouse / "landed" / "meetings" / f"{batches[0]}.parquet")  # text still landed
    _cut(warehouse / "landed" / "articles" / f"{batches[1]}.parquet")  # only the input file has it
    # killed after the check moved the damaged files aside
    killed = _majlis(warehouse, "run", str(inbox), MAJLIS_CRASH_AT="discover", PREFECT_API_URL=prefect_api)
    assert killed.returncode == 137, killed.stdout + killed.stderr
    healed = _majlis(warehouse, "run", str(inbox), PREFECT_API_URL=prefect_api)
    assert healed.returncode == 0, healed.stdout + healed.stderr
    assert _facts(warehouse) == _facts(clean)
    with duckdb.connect(str(warehouse / "majlis.duckdb"), read_only=True) as con:
        moved = con.execute("select source_file from quarantine where reason like 'damaged landed file%'")
        assert sorted(Path(row[0]).parent.name for row in moved.fetchall()) == ["articles", "meetings"]
    doctor = _majlis(warehouse, "doctor")
    assert doctor.returncode == 0 and "healthy" in doctor.stdout, doctor.stdout + doctor.stderr


@pytest.mark.slow
def test_a_full_disk_a_file_cut_mid_run_and_a_failing_dbt_test_lose_and_duplicate_nothing(
    clean_run: tuple[Path, Path], prefect_api: str, tmp_path: Path
) -> None:
    inbox, clean = clean_run
    warehouse = _copy(clean, tmp_path / "w")
    before = _facts(warehouse)
    api = {"PREFECT_API_URL": prefect_api}
    full = _majlis(warehouse, "run", "--reprocess", str(inbox), MAJLIS_FAULT="enospc@write", **api)
    _one_line_error(full, EXIT_NO_SPACE, "No space left on device")
    assert (warehouse / "logs" / "majlis.log").read_text().count("Traceback") >= 1
    cut = _majlis(warehouse, "run", "--reprocess", str(inbox), MAJLIS_FAULT="truncate@land:meetings", **api)
    _one_line_error(cut, EXIT_DAMAGED, "damaged during this run", "previous warehouse is still served")
    assert _facts(warehouse) == before  # readers still see the last good build
    bad = _majlis(warehouse, "run", "--reprocess", str(inbox), MAJLIS_FAULT="dbt-test@land", **api)
    _one_line_error(bad, EXIT_DBT_TEST, "dbt test failed", "accepted_values")
    assert _facts(warehouse) == before
    # the extraction fixed: facts replaced
    fixed = _majlis(warehouse, "run", "--reprocess", str(inbox), **api)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert _facts(warehouse) == _facts(clean)
