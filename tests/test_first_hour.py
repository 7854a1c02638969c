"""A new user's first hour, as subprocesses on a warehouse built by `majlis run` on the repository's seeds/.

`majlis run` runs twice from a directory that has no seeds/ of its own: first with no paths (the session's
`seeds_run`, conftest), then on another outlet's copy of a seed article and a file majlis cannot read; the
tests read that warehouse.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SeedsRun

from majlis import __version__

REPO = Path(__file__).resolve().parent.parent
ARTICLE = (REPO / "seeds" / "000_3c2ef171a2c72616.txt").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Seeded:
    warehouse: Path
    cwd: Path  # a directory without seeds/
    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]


def majlis(cwd: Path, warehouse: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MAJLIS_WAREHOUSE": str(warehouse), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    return subprocess.run([sys.executable, "-m", "majlis.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False, timeout=900)  # fmt: skip


@pytest.fixture(scope="module")
def seeded(seeds_run: SeedsRun) -> Seeded:
    cwd, warehouse, first = seeds_run.cwd, seeds_run.warehouse, seeds_run.done
    inbox = cwd / "inbox"
    inbox.mkdir()
    title, body = ARTICLE.split("\n", 1)
    record = {"id": "copy-1", "title": title, "body": body + "\n\nوذكر بيان أن اللقاء جرى اليوم.",
              "published_at": "2026-03-04", "source": "test wire"}  # fmt: skip
    (inbox / "feed.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (inbox / "brief.pdf").write_bytes(b"%PDF-1.4")
    second = majlis(cwd, warehouse, "run", str(inbox))
    assert second.returncode == 0, second.stdout + second.stderr
    return Seeded(warehouse, cwd, first, second)


@pytest.mark.slow
def test_run_without_paths_loads_the_repositorys_seeds_from_any_directory(seeded: Seeded) -> None:
    assert not (seeded.cwd / "seeds").exists()
    assert "files: 5 (0 unchanged" in seeded.first.stdout
    assert "articles read: 5 (new 5" in seeded.first.stdout


@pytest.mark.slow
def test_run_summary_tells_this_runs_meetings_stages_and_skipped_files(seeded: Seeded) -> None:
    first, second = seeded.first.stdout, seeded.second.stdout
    assert "meetings: 6 reports → 6 new, 0 merged into meetings already known (fact_meetings: 6)" in first
    assert "skipped: 0" in first
    assert "skipped: 1 (unsupported extension .pdf: 1)" in second
    assert "meetings: 1 reports → 1 new, 0 merged" in second
    for stage in ("discover", "ner+extract", "dbt build", "whole run"):
        assert stage in second  # the stage table, on stdout
    shown = second[second.index("this run's meetings") :]
    assert "جون سويفت" in shown and "سيف الهملان" not in shown  # this run's meeting, not the oldest ones


@pytest.mark.slow
def test_schema_lists_only_marts_with_descriptions(seeded: Seeded) -> None:
    listing = majlis(seeded.cwd, seeded.warehouse, "schema")
    assert listing.returncode == 0, listing.stderr
    assert "fact_meetings" in listing.stdout and "One row per ISO 3166-1 country" in listing.stdout
    assert (
        "stg_" not in listing.stdout and "int_" not in listing.stdout and "countries " not in listing.stdout
    )
    table = majlis(seeded.cwd, seeded.warehouse, "schema", "fact_meeting_participants")
    assert "person_name" in table.stdout and "role" in table.stdout
    unknown = majlis(seeded.cwd, seeded.warehouse, "schema", "meetings")
    assert unknown.returncode == 1 and "fact_meetings" in unknown.stdout


@pytest.mark.slow
def test_sql_formats_and_a_note_when_rows_are_cut(seeded: Seeded) -> None:
    query = "select country_code, name_ar from dim_country order by 1"
    cut = majlis(seeded.cwd, seeded.warehouse, "sql", query)
    assert "only the first 100 rows are shown" in cut.stdout
    whole = majlis(seeded.cwd, seeded.warehouse, "sql", query, "--limit", "0", "--format", "csv")
    rows = list(csv.reader(io.StringIO(whole.stdout)))
    assert rows[0] == ["country_code", "name_ar"] and len(rows) == 250 and whole.stderr == ""
    some = majlis(seeded.cwd, seeded.warehouse, "sql", query, "--limit", "2", "-f", "json")
    assert json.loads(some.stdout) == [{"country_code": "AD", "name_ar": "أندورا"},
                                       {"country_code": "AE", "name_ar": "الإمارات"}]  # fmt: skip
    assert "only the first 2 rows" in some.stderr


@pytest.mark.slow
def test_country_names_as_people_type_them(seeded: Seeded) -> None:
    query = (
        "select country_code, iso_name_ar from dim_country"
        " where name_ar in ('السعودية', 'الإمارات', 'كوريا الجنوبية', 'الكويت') order by 1"
    )
    found = majlis(seeded.cwd, seeded.warehouse, "sql", query, "-f", "json")
    assert json.loads(found.stdout) == [
        {"country_code": "AE", "iso_name_ar": "الإمارات العربية المتحدة"},
        {"country_code": "KR", "iso_name_ar": "كوريا، جمهورية كوريا"},
        {"country_code": "KW", "iso_name_ar": "الكويت"},
        {"country_code": "SA", "iso_name_ar": "السعودية"},
    ]


def test_version(tmp_path: Path) -> None:
    shown = majlis(tmp_path, tmp_path / "warehouse", "--version")
    assert shown.returncode == 0 and shown.stdout.startswith(f"majlis {__version__}")


def test_a_directory_without_articles_is_one_line_counting_what_was_skipped(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "brief.pdf").write_bytes(b"%PDF-1.4")
    failed = majlis(tmp_path, tmp_path / "warehouse", "run", "in")
    assert failed.returncode == 1 and "Traceback" not in failed.stdout + failed.stderr
    assert failed.stdout.strip().count("\n") == 0
    assert "no article files under in" in failed.stdout
    assert "skipped: 1 (unsupported extension .pdf: 1)" in failed.stdout
