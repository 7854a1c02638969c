"""Operations: the served schedule, the run lock, bad inputs, readers during a build, crashes."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from conftest import REPO, majlis_env
from corpus.articles import CALL, VISIT, VISIT_OTHER_WORDING, write_articles, write_bad_corpus

from majlis.runlock import RunLockedError, WarehouseUnwritableError, run_lock

MAJLIS = [sys.executable, "-m", "majlis.cli"]


def test_a_second_run_on_a_locked_warehouse_stops_with_a_clear_message(tmp_path: Path) -> None:
    held = pytest.raises(RunLockedError, match=f"pid {os.getpid()}")
    with run_lock(tmp_path), held, run_lock(tmp_path, wait_seconds=0.3, poll=0.1):
        pass
    with run_lock(tmp_path):  # released again
        pass


def test_unwritable_warehouse_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the warehouse directory should be")
    refused = pytest.raises(WarehouseUnwritableError, match="cannot write to the warehouse directory")
    with refused, run_lock(blocker / "warehouse"):
        pass
    assert blocker.read_text().startswith("a file")


def _run(warehouse: Path, *args: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MAJLIS, "run", *args], cwd=REPO, env=majlis_env(warehouse, **env),
        capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip


def _killed_run(warehouse: Path, inbox: Path, point: str, log: Path, api: str) -> int:
    """`majlis run` that dies at `point`; then kill whatever it left in its process group, as a kill of
    the whole group from a shell would. It analyses in its own process: worker processes would load the
    model in every killed run, most of which die before analysing (test_workers kills workers' parent)."""
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*MAJLIS, "run", "--files-per-batch", "1", str(inbox)], cwd=REPO,
            env=majlis_env(warehouse, MAJLIS_CRASH_AT=point, MAJLIS_WORKERS="0", PREFECT_API_URL=api),
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        code = proc.wait(timeout=300)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    return code


def _query(database: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.mark.slow
def test_bad_inputs_are_loaded_or_quarantined_with_reasons(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    files = write_bad_corpus(inbox, tmp_path / "outside")
    warehouse = tmp_path / "w"
    done = _run(warehouse, str(inbox), MAJLIS_MAX_FILE_BYTES="100000")
    assert done.returncode == 0, done.stdout + done.stderr
    # logs never print article text (the summary table shows extracted names, never sentences)
    assert "والوفد المرافق له. وجرى خلال اللقاء" not in done.stdout + done.stderr
    database = warehouse / "majlis.duckdb"
    reasons = {
        (Path(f).name, i): r
        for f, i, r in _query(database, "select source_file, record_index, reason from quarantine")
    }
    assert reasons[("empty.txt", 0)] == "empty file"
    assert "binary" in reasons[("binary.txt", 0)]
    assert reasons[("english.txt", 0)] == "no Arabic text"
    assert "malformed JSON" in reasons[("records.jsonl", 2)]
    assert "no 'body'" in reasons[("records.jsonl", 3)]
    assert "too large" in reasons[("big.txt", 0)]
    assert "outside the input directory" in reasons[("link.txt", 0)]
    assert len(reasons) == 7
    assert "quarantined: 7" in done.stdout
    loaded = {
        Path(f).name: e
        for f, e in _query(database, "select source_file, encoding from staging.stg_majlis__articles")
    }
    assert loaded == {
        "cp1256.txt": "cp1256",
        "utf16.txt": "utf-16",
        "page.html": "utf-8",
        "records.jsonl": "utf-8",
    }
    html_text = _query(
        database, "select article_text from staging.stg_majlis__articles where source_file like '%page.html'"
    )
    assert "<" not in str(html_text) and "color" not in str(html_text)
    dated = _query(
        database,
        "select m.meeting_date from staging.stg_majlis__meetings m"
        " join staging.stg_majlis__articles a using (article_id)"
        " where a.source_file like '%page.html'",
    )
    assert all(d == (None,) for d in dated)
    assert files["link.txt"].is_symlink()
    again = _run(warehouse, str(inbox), MAJLIS_MAX_FILE_BYTES="100000")  # nothing changed: no Prefect run
    assert again.returncode == 0 and "up to date" in again.stdout, again.stdout + again.stderr
    assert "Beginning flow run" not in again.stdout + again.stderr
    assert len(_query(database, "select * from quarantine")) == 7


def _reader_loop(
    database: Path, stop: threading.Event, seen: list[object], errors: list[BaseException]
) -> None:
    while not stop.is_set():
        try:
            with duckdb.connect(str(database), read_only=True) as con:
                seen.append(con.execute("select count(*) from fact_meetings").fetchone())
        except BaseException as exc:  # every failed read is a test failure
            errors.append(exc)
        time.sleep(0.02)


@pytest.mark.slow
def test_reads_during_a_run_see_the_old_or_the_new_state(tmp_path: Path, prefect_api: str) -> None:
    inbox = tmp_path / "inbox"
    write_articles(inbox, {"call": CALL})
    warehouse = tmp_path / "w"
    assert _run(warehouse, str(inbox), PREFECT_API_URL=prefect_api).returncode == 0
    database = warehouse / "majlis.duckdb"
    before = _query(database, "select count(*) from fact_meetings")[0]
    write_articles(inbox, {"visit": VISIT, "visit2": VISIT_OTHER_WORDING})
    stop, seen, errors = threading.Event(), [], []
    reader = threading.Thread(target=_reader_loop, args=(database, stop, seen, errors), daemon=True)
    reader.start()
    try:  # the reader stops even when an assertion fails, or pytest would wait for it forever at exit
        code, output, cli_reads = _run_while_reading(warehouse, inbox, prefect_api)
    finally:
        stop.set()
        reader.join()
    assert code == 0, output
    after = _query(database, "select count(*) from fact_meetings")[0]
    assert not errors and set(seen) <= {before, after} and after != before
    assert cli_reads and set(cli_reads) == {0}


def _run_while_reading(warehouse: Path, inbox: Path, api: str) -> tuple[int, str, list[int]]:
    """Run majlis as a process while `majlis sql` reads and a second run tries to start; return its exit code,
    output and the exit codes of the reads. The runs use the Prefect server at `api`."""
    writer = subprocess.Popen(
        [*MAJLIS, "run", str(inbox)], cwd=REPO, env=majlis_env(warehouse, PREFECT_API_URL=api),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        cli_reads = []
        busy_checked = False
        lock_file = warehouse / ".run.lock"
        while writer.poll() is None:
            cli = subprocess.run(
                [*MAJLIS, "sql", "select count(*) as n from fact_meetings"],
                cwd=REPO, env=majlis_env(warehouse), capture_output=True, text=True, check=False,
            )  # fmt: skip
            cli_reads.append(cli.returncode)
            holder = lock_file.read_text().strip() if lock_file.exists() else ""
            if not busy_checked and holder:
                busy_checked = True
                busy = subprocess.run([*MAJLIS, "run", str(inbox)], cwd=REPO,
                                      env=majlis_env(warehouse, PREFECT_API_URL=api),
                                      capture_output=True, text=True, check=False)  # fmt: skip
                # Either the writer still held the lock (a clear refusal), or it had released it (flow
                # done, process still stopping Prefect) and the second run found everything loaded.
                refused = busy.returncode == 75 and "another majlis run" in busy.stdout
                after_writer = busy.returncode == 0 and "new 0" in busy.stdout
                assert refused or after_writer, busy.stdout + busy.stderr
    except BaseException:
        writer.kill()
        writer.communicate()
        raise
    output = writer.communicate()[0]
    return writer.returncode, output, cli_reads


def test_a_second_run_while_the_lock_is_held_exits_75_naming_the_holder(
    tmp_path: Path, prefect_api: str
) -> None:
    inbox = tmp_path / "inbox"
    write_articles(inbox, {"call": CALL})
    warehouse = tmp_path / "w"
    with run_lock(warehouse):
        busy = _run(warehouse, str(inbox), PREFECT_API_URL=prefect_api)
    assert busy.returncode == 75, busy.stdout + busy.stderr
    assert f"another majlis run (pid {os.getpid()})" in busy.stdout + busy.stderr
    assert not (warehouse / "majlis.duckdb").exists()


# Ten points, one per stage boundary; more land:* points (meetings, meeting_participants) exist but
# behave like land:entity_mentions and cost a killed run each.
CRASH_POINTS = [
    "discover", "ingest", "analyse", "land:sentences", "land:entity_mentions", "land:articles", "landed",
    "dbt:during", "dbt:before-swap", "dbt:after-swap",
]  # fmt: skip


@pytest.mark.slow
def test_runs_killed_at_every_stage_end_like_an_uninterrupted_run(
    clean_run: tuple[Path, Path], prefect_api: str, tmp_path: Path
) -> None:
    """Each killed run resumes what the previous one left; the runs use the session's Prefect server (a
    server per run would add its start-up to each of the eleven) and end like the session's clean run."""
    inbox, reference = clean_run
    crashed = tmp_path / "crashed"
    for point in CRASH_POINTS:  # each run resumes what the previous killed run left
        log = tmp_path / f"{point.replace(':', '_')}.log"
        code = _killed_run(crashed, inbox, point, log, prefect_api)
        assert code == 137, f"{point}: exit {code}\n{log.read_text()[-3000:]}"
    final = _run(crashed, "--files-per-batch", "1", str(inbox), PREFECT_API_URL=prefect_api)
    assert final.returncode == 0, final.stdout + final.stderr
    for sql in (
        "select * exclude (batch_key) from fact_meetings order by all",
        "select * exclude (batch_key) from fact_meeting_participants order by all",
        "select * exclude (batch_key) from fact_entity_mentions order by all",
        "select article_id, external_id, version_number from article_versions order by all",
    ):
        assert _query(crashed / "majlis.duckdb", sql) == _query(reference / "majlis.duckdb", sql), sql
    assert not list(crashed.rglob("*.tmp"))


def test_a_file_that_vanishes_or_turns_unreadable_mid_run_is_quarantined(tmp_path: Path) -> None:
    from flows.pipeline import ingest_files

    inbox = tmp_path / "inbox"
    gone, kept = write_articles(inbox, {"gone": CALL, "kept": VISIT})
    dangling = inbox / "dangling.txt"
    dangling.symlink_to(inbox / "never-there.txt")  # discovered, then unreadable
    listed = [(str(p), str(inbox)) for p in (gone, kept, dangling)]
    gone.unlink()  # removed after discovery
    items = ingest_files.fn(listed)
    reasons = {Path(getattr(i, "source_file", "")).name: getattr(i, "reason", "article") for i in items}
    assert reasons["gone.txt"].startswith("file not found")
    assert reasons["kept.txt"] == "article"
    assert "cannot read file" in reasons["dangling.txt"] or "outside" in reasons["dangling.txt"]
