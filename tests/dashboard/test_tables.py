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
    linked = tables.link('https://x.example/a?b=1&c="2"')
    assert linked is not None and 'href="https://x.example/a?b=1&amp;c=&quot;2&quot;"' in linked
    assert tables.link("javascript:alert(1)") is None
    assert tables.link(None) is None


def test_source_links_the_article_else_names_publisher_and_id() -> None:
    row = {"article_url": "https://news.example/a/1", "article_publisher": "كونا", "article_title": "لقاء",
           "article_external_id": "a1", "article_id": "00ab", "article_file": "in/feed.jsonl"}  # fmt: skip
    linked = tables.source(row)
    assert 'href="https://news.example/a/1"' in linked and "<bdi>كونا</bdi>" in linked
    assert 'title="لقاء"' in linked
    unlinked = tables.source({**row, "article_url": None})
    assert "href" not in unlinked and "<bdi>كونا</bdi> · id a1" in unlinked
    no_publisher = tables.source({**row, "article_url": "ftp://x", "article_publisher": None})
    assert "href" not in no_publisher and "<bdi>in/feed.jsonl</bdi> · id a1" in no_publisher
    assert tables.source({}) == tables.EMPTY


def test_meetings_table_shows_evidence_rtl_and_missing_link() -> None:
    row = {
        "meeting_date": date(2025, 1, 8), "event_type": "call", "city": None, "location_country_code": None,
        "location_name_en": None, "location_name_ar": None, "topics": ["training", "new_topic"],
        "confidence": 0.5, "evidence_sentence": "أجرى الوزير اتصالا <b>", "article_url": None,
        "article_publisher": "invented wire", "article_external_id": "m03",
        "participants": [
            {"name": "سعيد", "title": "وزير", "rank": None, "country_code": "OM", "role": "host"},
        ],
    }  # fmt: skip
    html = tables.meetings_table([row], tables.country_names([]))
    assert '<p class="majlis-evidence" dir="rtl" lang="ar">أجرى الوزير اتصالا &lt;b&gt;</p>' in html
    assert "no link" not in html and "2025-01-08" in html and "0.50" in html
    assert "<bdi>invented wire</bdi> · id m03" in html
    assert "Training · التدريب" in html and "New topic" in html
    assert '<ul class="majlis-people" dir="rtl" lang="ar"><li>سعيد — وزير' in html


def test_empty_table_still_has_headers() -> None:
    html = tables.quarantine_table([])
    assert 'data-table="quarantine"' in html and "<th>Reason</th>" in html and tables.EMPTY in html
