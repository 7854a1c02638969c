"""What `majlis run` says when it ends: this run's meetings, where its time went, what it did not read.

A run's reports land under batch keys that start with the UTC time they were landed
(`flows.pipeline._batch_key`), so "this run's" meetings are those with a report landed since the run
began; a meeting that also has an earlier report was merged into a meeting already known.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from majlis.readonly import connect_readonly

THIS_RUN = """
with this_run as (select distinct meeting_id from fact_meeting_articles where batch_key >= ?),
earlier as (select distinct meeting_id from fact_meeting_articles where batch_key < ?)
select count(*) filter (where meeting_id not in (select meeting_id from earlier)),
       count(*) filter (where meeting_id in (select meeting_id from earlier))
from this_run
"""

SHOWN = """
select m.meeting_date as date, m.event_type as type, m.host_country_code as host,
       m.guest_country_code as guest, m.location_country_code as place,
       string_agg(coalesce(p.person_name, p.title), ' · ' order by p.participant_index) as participants,
       m.article_count as articles, round(m.confidence, 2) as conf
from fact_meetings m left join fact_meeting_participants p
  on p.meeting_id = m.meeting_id and p.role <> 'attendee'
where m.meeting_id in (select meeting_id from fact_meeting_articles where batch_key >= ?)
group by all order by date desc nulls last, host, guest limit ?
"""


def batch_stamp(moment: datetime | None = None) -> str:
    """The batch-key prefix of a moment: batch keys landed after it compare greater."""
    return (moment or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%f")


@dataclass(frozen=True)
class RunMeetings:
    """Meetings this run's articles report: new ones, and ones merged into meetings already known."""

    new: int
    merged: int
    columns: list[str]
    rows: list[tuple[Any, ...]]  # the most recent of them, for a glance


def run_meetings(since: str, shown: int = 8) -> RunMeetings:
    """This run's meetings in the published warehouse (`since` from `batch_stamp` at the run's start)."""
    with connect_readonly() as con:
        counts = con.execute(THIS_RUN, [since, since]).fetchone() or (0, 0)
        cursor = con.execute(SHOWN, [since, shown])
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall()
    return RunMeetings(int(counts[0]), int(counts[1]), columns, rows)


def meetings_line(found: RunMeetings, reports: int, total: int, reprocess: bool) -> str:
    """One line: how many meeting reports this run extracted and what they became in fact_meetings."""
    if reprocess:
        again = found.new + found.merged
        return f"meetings: {reports} reports extracted again, {again} meetings ({total} in all)"
    return (
        f"meetings: {reports} reports → {found.new} new, {found.merged} merged into meetings already known "
        f"(fact_meetings: {total})"
    )


def stage_rows(stage_seconds: dict[str, float], wall: float) -> list[tuple[str, str, str]]:
    """(stage, seconds, share of the run's wall time); analysis stages overlap reading, so shares can
    add up to more than 100 %."""
    return [
        (stage, f"{seconds:.1f}", f"{100 * seconds / wall:.0f} %" if wall > 0 else "")
        for stage, seconds in stage_seconds.items()
    ]


def skipped_line(skipped: Counter[str]) -> str:
    """Files in the input directories that were not read, by reason: "2 (unsupported extension .pdf: 2)"."""
    if not skipped:
        return "0"
    reasons = ", ".join(f"{reason}: {n}" for reason, n in sorted(skipped.items()))
    return f"{sum(skipped.values())} ({reasons})"
