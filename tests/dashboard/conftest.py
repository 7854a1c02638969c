"""A small hand-made warehouse for the dashboard tests, built through the real landing and dbt build.

Invented records (no pipeline run): Jordan hosts most meetings; nine meetings from January to April
2025 (one undated, one phone call), six countries, six topics, ten articles (one without a meeting),
seventeen officials (ten of them delegation members at one meeting), two landing batches named as
`majlis run` names them and three quarantined inputs. The numbers the tests expect are worked out by
hand in the comments below.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from majlis.land import land
from majlis.records import TABLES, Article, Meeting, Participant, QuarantineItem, to_table
from majlis.warehouse import build_warehouse

# Batch keys as flows.pipeline._batch_key makes them: UTC time to the microsecond, then a content hash.
BATCH_1 = "20250201T060000000000-0a1b2c3d4e5f"
BATCH_2 = "20250501T060000000000-5f4e3d2c1b0a"

# Ministers and officers, all invented: name, title, rank, country.
PEOPLE = {
    "haddidi": ("فارس نبيل الحديدي", "وزير الدفاع", None, "JO"),
    "khatib": ("سامر عادل الخطيب", "رئيس هيئة الأركان المشتركة", "لواء", "JO"),
    "michaud": ("لوران ميشو", "وزير القوات المسلحة", None, "FR"),
    "harlow": ("جيمس هارلو", "قائد القيادة المركزية", "فريق أول", "US"),
    "shinnawi": ("عمرو صبحي الشناوي", "وزير الدفاع والإنتاج الحربي", "فريق", "EG"),
    "zahrani": ("بندر فيصل الزهراني", "نائب وزير الدفاع", None, "SA"),
    "bianchi": ("ماركو بيانكي", "رئيس أركان الدفاع", "أميرال", "IT"),
}


@dataclass(frozen=True)
class Row:
    """One invented meeting with the article that reports it."""

    key: str
    day: date | None
    event_type: str
    city: str | None
    location: str | None
    host: str
    guest: str
    countries: tuple[str, ...]
    topics: tuple[str, ...]
    confidence: float
    batch: str
    url: str | None
    people: tuple[str, ...]  # PEOPLE keys, host side first


# Delegation members (attendees) at m06 only, one meeting each: JO and US officers.
ATTENDEES = {
    "m06": (
        ("خالد منصور العبادي", "عميد", "JO"), ("يزن طارق المجالي", "عقيد", "JO"),
        ("رامي سليم الزعبي", "مقدم", "JO"), ("مهند عيسى الرواشدة", "رائد", "JO"),
        ("أنس فؤاد الطراونة", "نقيب", "JO"), ("دانيال كروفورد", "عميد", "US"),
        ("مايكل بريستون", "عقيد", "US"), ("روبرت أوسبورن", "مقدم", "US"),
        ("ستيفن ويلكوكس", "رائد", "US"), ("توماس هيغينز", "نقيب", "US"),
    ),
}  # fmt: skip

# By month: Jan 3 (m01 m02 m03), Feb 1 (m04), Mar 2 (m05 m06), Apr 2 (m07 m08), undated 1 (m09).
# Meetings per country: JO 9, FR 3, US 2, EG 2, IT 2, SA 1.  With FR only: m01 m04 m08 (JO FR IT).
MEETINGS = (
    Row("m01", date(2025, 1, 8), "meeting", "عمّان", "JO", "JO", "FR", ("JO", "FR"),
        ("training", "joint_exercises"), 0.92, BATCH_1, "https://news.example.org/a/m01",
        ("haddidi", "michaud")),
    Row("m02", date(2025, 1, 21), "meeting", "عمّان", "JO", "JO", "US", ("JO", "US"),
        ("counterterrorism", "intelligence_sharing"), 0.88, BATCH_1, "https://news.example.org/a/m02",
        ("haddidi", "harlow")),
    Row("m03", date(2025, 1, 29), "call", None, None, "JO", "EG", ("JO", "EG"),
        ("border_security",), 0.75, BATCH_1, None, ("khatib", "shinnawi")),
    Row("m04", date(2025, 2, 17), "meeting", "باريس", "FR", "FR", "JO", ("FR", "JO"),
        ("defense_industry",), 0.81, BATCH_1, "https://news.example.org/a/m04", ("michaud", "khatib")),
    Row("m05", date(2025, 3, 5), "meeting", "عمّان", "JO", "JO", "SA", ("JO", "SA"),
        ("maritime_security", "training"), 0.90, BATCH_2, "https://news.example.org/a/m05",
        ("haddidi", "zahrani")),
    Row("m06", date(2025, 3, 12), "meeting", "العقبة", "JO", "JO", "US", ("JO", "US"),
        ("joint_exercises",), 0.86, BATCH_2, "https://news.example.org/a/m06", ("khatib", "harlow")),
    Row("m07", date(2025, 4, 9), "meeting", "القاهرة", "EG", "EG", "JO", ("EG", "JO"),
        ("counterterrorism",), 0.70, BATCH_2, "https://news.example.org/a/m07", ("shinnawi", "khatib")),
    Row("m08", date(2025, 4, 22), "meeting", "عمّان", "JO", "JO", "FR", ("JO", "FR", "IT"),
        ("maritime_security",), 0.83, BATCH_2, "https://news.example.org/a/m08",
        ("haddidi", "michaud", "bianchi")),
    Row("m09", None, "meeting", "عمّان", "JO", "JO", "IT", ("JO", "IT"),
        ("training",), 0.60, BATCH_2, "https://news.example.org/a/m09", ("haddidi", "bianchi")),
)  # fmt: skip

# Quarantine rows per batch; ("in/feed.jsonl", 4) is seen in both, so the mart has 3 rows.
QUARANTINED = {
    BATCH_1: [
        ("in/feed.jsonl", 4, "empty body"),
        ("in/bad.txt", 0, "cannot decode as UTF-8 or Windows-1256"),
    ],
    BATCH_2: [("in/feed.jsonl", 4, "empty body"), ("in/feed2.jsonl", 7, "no title and no body")],
}


def _batch_time(batch: str) -> datetime:
    return datetime.strptime(batch.split("-")[0], "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)


def _ingest_time(batch: str) -> datetime:
    """Inputs are read (and bad ones quarantined) a minute before their batch lands."""
    return _batch_time(batch) - timedelta(minutes=1)


# An article with no meeting in it, landed with the first batch: runs count it, meetings do not.
QUIET_ARTICLE = Article(
    article_id="0000000000000a10",
    external_id="a10",
    source_file="in/invented.jsonl",
    record_index=10,
    title="افتتاح معرض للكتاب",
    body="افتتح وزير الثقافة معرضا للكتاب في العاصمة.",
    text="افتتاح معرض للكتاب\n\nافتتح وزير الثقافة معرضا للكتاب في العاصمة.",
    text_normalized="افتتاح معرض للكتاب\n\nافتتح وزير الثقافة معرضا للكتاب في العاصمة.",
    published_at=date(2025, 1, 30),
    source="invented wire",
    url=None,
    encoding="utf-8",
    ingested_at=_ingest_time(BATCH_1),
)


def evidence(row: Row) -> str:
    """The invented evidence sentence of a meeting (Arabic, as an article would have it)."""
    host, guest = PEOPLE[row.people[0]][0], PEOPLE[row.people[1]][0]
    verb = "أجرى" if row.event_type == "call" else "استقبل"
    if row.event_type == "call":
        return f"{verb} {host} اتصالا هاتفيا مع {guest} تناول التعاون العسكري بين البلدين."
    return f"{verb} {host} في {row.city} {guest} وبحث الجانبان سبل تعزيز التعاون الدفاعي."


def _article(row: Row) -> Article:
    sentence = evidence(row)
    title = f"لقاء عسكري ({row.key})"
    text = f"{title}\n\n{sentence}"
    return Article(
        article_id=f"{row.key:0>16}",
        external_id=row.key,
        source_file="in/invented.jsonl",
        record_index=int(row.key[1:]),
        title=title,
        body=sentence,
        text=text,
        text_normalized=text,
        published_at=row.day,
        source="invented wire",
        url=row.url,
        encoding="utf-8",
        ingested_at=_ingest_time(row.batch),
    )


def _meeting(row: Row) -> Meeting:
    article = _article(row)
    sentence = evidence(row)
    start = article.text.index(sentence)
    return Meeting(
        meeting_id=row.key,
        article_id=article.article_id,
        meeting_index=0,
        event_type=row.event_type,
        meeting_date=row.day,
        date_note="invented" if row.day else "no date in the article",
        city=row.city,
        location_country_code=row.location,
        host_country_code=row.host,
        guest_country_code=row.guest,
        countries=list(row.countries),
        topics=list(row.topics),
        evidence_sentence=sentence,
        evidence_start=start,
        evidence_end=start + len(sentence),
        confidence=row.confidence,
        pipeline_version="0.1.0",
        model_name="invented",
    )


def _participants(row: Row) -> list[Participant]:
    out = []
    for index, key in enumerate(row.people):
        name, title, rank, country = PEOPLE[key]
        role = "host" if index == 0 else "guest"
        out.append(
            Participant(row.key, f"{row.key:0>16}", index, name, title, rank, country, role, None, None)
        )
    for index, (name, rank, country) in enumerate(ATTENDEES.get(row.key, ()), start=len(out)):
        out.append(
            Participant(row.key, f"{row.key:0>16}", index, name, None, rank, country, "attendee", None, None)
        )
    return out


def land_invented(landed: Path) -> None:
    """Land the invented records in two batches, as two pipeline runs would."""
    for batch in (BATCH_1, BATCH_2):
        rows = [r for r in MEETINGS if r.batch == batch]
        tables: dict[str, list[Any]] = {
            "articles": [_article(r) for r in rows] + ([QUIET_ARTICLE] if batch == BATCH_1 else []),
            "meetings": [_meeting(r) for r in rows],
            "meeting_participants": [p for r in rows for p in _participants(r)],
            "quarantine": [
                QuarantineItem(f, i, why, _ingest_time(batch)) for f, i, why in QUARANTINED[batch]
            ],
        }
        for name, records in tables.items():
            cls, exclude = TABLES[name]
            land(name, to_table(records, cls, exclude), batch, root=landed)


def build_invented_warehouse(warehouse: Path) -> Path:
    """Land the invented records and build the marts; return the DuckDB file."""
    land_invented(warehouse / "landed")
    return build_warehouse(warehouse).database


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A built warehouse directory (`majlis.duckdb` inside), shared by the dashboard tests."""
    directory = tmp_path_factory.mktemp("dashboard-warehouse")
    build_invented_warehouse(directory)
    yield directory
