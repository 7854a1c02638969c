"""Meetings in the gold annotation format (GOLD_FORMAT.md), the output of `majlis extract`."""

from __future__ import annotations

from typing import Any

from majlis.records import Meeting


def meeting_to_gold(meeting: Meeting) -> dict[str, Any]:
    """One meeting with the gold format's field names."""
    return {
        "event_type": meeting.event_type,
        "date": meeting.meeting_date.isoformat() if meeting.meeting_date else None,
        "city": meeting.city,
        "location_country": meeting.location_country_code,
        "countries": sorted(meeting.countries),
        "participants": [
            {
                "name": p.person_name,
                "title": p.title,
                "rank": p.rank,
                "country": p.country_code,
                "role": p.role,
                "rules": list(p.rules),
            }
            for p in meeting.participants
        ],
        "topics": list(meeting.topics),
        "rules": list(meeting.rules),
    }
