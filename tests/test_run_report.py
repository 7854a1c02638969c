"""A run's summary counts its own meetings: new ones, and ones merged into meetings already known."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from majlis.land import land
from majlis.records import Article, Meeting, Participant, to_table
from majlis.run_report import meetings_line, run_meetings, skipped_line
from majlis.warehouse import build_warehouse

TEXT = "استقبل وزير الدفاع سالم فهد المرزوقي في الكويت نظيره الفرنسي ماتيو بلان {}."


def _land(warehouse: Path, batch: str, key: str, day: date, guest: str, guest_name: str) -> None:
    """One article reporting one meeting of KW's minister with a guest, landed as its own batch."""
    text = TEXT.format(key)
    article = Article(f"{key:a>16}", key, f"in/{key}.txt", 0, None, text, text, text, day, "wire", None,
                      "utf-8", datetime(2025, 3, 5, tzinfo=UTC))  # fmt: skip
    meeting = Meeting(
        meeting_id=f"m-{key}", article_id=article.article_id, meeting_index=0, event_type="meeting",
        meeting_date=day, date_note="published date", city="الكويت", location_country_code="KW",
        host_country_code="KW", guest_country_code=guest, countries=["KW", guest], topics=[],
        evidence_sentence=text, evidence_start=0, evidence_end=len(text), confidence=0.9,
        pipeline_version="test", model_name="test",
    )  # fmt: skip
    people = [
        Participant(meeting.meeting_id, article.article_id, 0, "سالم فهد المرزوقي", "وزير الدفاع", None, "KW",
                    "host", None, None),
        Participant(meeting.meeting_id, article.article_id, 1, guest_name, "وزير الدفاع", None, guest,
                    "guest", None, None),
    ]  # fmt: skip
    root = warehouse / "landed"
    land("articles", to_table([article], Article), batch, root=root)
    land("meetings", to_table([meeting], Meeting, ("participants",)), batch, root=root)
    land("meeting_participants", to_table(people, Participant), batch, root=root)


@pytest.mark.slow
def test_this_runs_meetings_are_new_or_merged_into_known_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(tmp_path))
    _land(tmp_path, "20250301T000000000000-aaaaaaaaaaaa", "old", date(2025, 3, 4), "FR", "ماتيو بلان")
    # this run: another outlet's report of the same meeting (a day later, same people) and a new meeting
    _land(tmp_path, "20250310T000000000000-bbbbbbbbbbbb", "again", date(2025, 3, 5), "FR", "ماتيو بلان")
    _land(tmp_path, "20250310T000000000000-cccccccccccc", "new", date(2025, 3, 9), "IT", "ماركو بيانكي")
    built = build_warehouse(tmp_path)
    assert built.counts["fact_meetings"] == 2

    found = run_meetings("20250310T000000000000")
    assert (found.new, found.merged) == (1, 1)
    assert len(found.rows) == 2 and found.rows[0][0] == date(2025, 3, 9)  # latest first
    line = meetings_line(found, reports=2, total=2, reprocess=False)
    assert line == "meetings: 2 reports → 1 new, 1 merged into meetings already known (fact_meetings: 2)"
    assert run_meetings("20250311T000000000000").rows == []


def test_skipped_files_are_counted_by_reason() -> None:
    skipped = Counter({"unsupported extension .pdf": 2, "hidden file": 1})
    assert skipped_line(skipped) == "3 (hidden file: 1, unsupported extension .pdf: 2)"
    assert skipped_line(Counter()) == "0"
