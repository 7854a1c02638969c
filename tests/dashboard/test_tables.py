"""HTML rendering: Arabic cells right-to-left, every value escaped, only http(s) links."""

from __future__ import annotations

from datetime import date

from majlis.dashboard import tables


def test_arabic_is_marked_right_to_left_and_escaped() -> None:
    cell = tables.arabic("وزير <الدفاع> & رئيس")
    assert cell.startswith('<span class="majlis-ar" dir="rtl" lang="ar">')
    assert "&lt;الدفاع&gt; &amp;" in cell and "<الدفاع>" not in cell
    assert tables.arabic(None) == tables.arabic("") == tables.EMPTY


def test_links_only_for_web_addresses() -> None:
    assert 'href="https://x.example/a?b=1&amp;c=&quot;2&quot;"' in tables.link(
        'https://x.example/a?b=1&c="2"'
    )
    assert "href" not in tables.link("javascript:alert(1)")
    assert "no link" in tables.link(None)


def test_meetings_table_shows_evidence_rtl_and_missing_link() -> None:
    row = {
        "meeting_date": date(2025, 1, 8), "event_type": "call", "city": None, "location_country_code": None,
        "location_name_en": None, "location_name_ar": None, "topics": ["training", "new_topic"],
        "confidence": 0.5, "evidence_sentence": "أجرى الوزير اتصالا <b>", "article_url": None,
        "participants": [
            {"name": "سعيد", "title": "وزير", "rank": None, "country_code": "OM", "role": "host"},
        ],
    }  # fmt: skip
    html = tables.meetings_table([row], tables.country_names([]))
    assert '<p class="majlis-evidence" dir="rtl" lang="ar">أجرى الوزير اتصالا &lt;b&gt;</p>' in html
    assert "no link" in html and "2025-01-08" in html and "0.50" in html
    assert "Training · التدريب" in html and "New topic" in html
    assert '<ul class="majlis-people" dir="rtl" lang="ar"><li>سعيد — وزير' in html


def test_empty_table_still_has_headers() -> None:
    html = tables.quarantine_table([])
    assert 'data-table="quarantine"' in html and "<th>Reason</th>" in html and tables.EMPTY in html
