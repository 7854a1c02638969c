"""`majlis explain` and `majlis evaluate --by-rule`, run as the analyst runs them, on an invented article."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BODY = (
    "الكويت - 12 - 1 (كونا) -- استقبل وزير الدفاع الشيخ خالد الصباح اليوم سفير فرنسا لدى البلاد جان ماري "
    "دوبون وبحث معه التعاون العسكري.\nكما استقبل معاليه قائد القوات البحرية الباكستانية الأدميرال نويد أشرف."
)


def _majlis(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MAJLIS_WAREHOUSE": str(cwd / "wh")}
    return subprocess.run(
        [sys.executable, "-m", "majlis.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A gold file: the reception is real, the second meeting is left out of gold on purpose."""
    root = tmp_path_factory.mktemp("provenance")
    meeting = {
        "event_type": "meeting",
        "date": "2026-01-12",
        "location_country": "KW",
        "countries": ["FR", "KW"],
        "participants": [
            {"name": "خالد الصباح", "country": "KW", "role": "host"},
            {"name": "جان ماري دوبون", "country": "FR", "role": "guest"},
        ],
    }
    record = {"id": "inv-1", "title": "وزير الدفاع يستقبل السفير", "body": BODY, "published_at": "2026-01-12"}
    (root / "gold.jsonl").write_text(json.dumps(record | {"meetings": [meeting]}, ensure_ascii=False) + "\n")
    return root


def test_explain_shows_each_sentence_with_the_rules_of_its_meeting(article: Path) -> None:
    done = _majlis("explain", "gold.jsonl", "--id", "inv-1", cwd=article)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    second = out[out.index("[2] كما استقبل") :]
    # the «كما» sequel with «معاليه»: the subject is the host of the meeting before
    assert "subject.sequel" in second and "subject.pronoun" in second
    assert "host     خالد الصباح  [KW]" in second
    first = out[out.index("[1] ") : out.index("[2] ")]
    assert "voice.meeting.receives" in first and "place.in_host_country" in first
    assert "subject.sequel" not in first


def test_explain_refuses_an_unknown_id(article: Path) -> None:
    done = _majlis("explain", "gold.jsonl", "--id", "nope", cwd=article)
    assert done.returncode == 2
    assert "no article with id nope" in done.stdout


def test_by_rule_counts_the_sequel_rule_as_never_matching_gold(article: Path) -> None:
    done = _majlis("evaluate", "gold.jsonl", "--by-rule", "--no-per-article", cwd=article)
    assert done.returncode == 0, done.stderr
    rows = {
        line.split()[0]: line.split()[1:]
        for line in done.stdout.split("precision by rule")[1].splitlines()[1:]
        if line.strip()
    }
    assert rows["subject.sequel"] == ["0.000", "0/1"]  # only the meeting gold leaves out
    assert rows["place.in_host_country"] == ["1.000", "1/1"]
    assert rows["trigger.phrase"] == ["0.500", "1/2"]  # both meetings, one in gold
