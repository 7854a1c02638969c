"""One record type per stage; field names and Arrow schemas match the landed Parquet tables."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where tables are built: analysis workers use records, never Arrow (≈ 26 MB)
    import pyarrow as pa


@dataclass(frozen=True)
class Article:
    """An ingested article. `text` is the original (title, blank line, body); offsets point into it."""

    article_id: str  # sha256 of the normalised text, first 16 hex digits: same content, same id
    external_id: str  # the record's own `id`, or the file name without extension
    source_file: str
    record_index: int  # line number in a .jsonl file (1-based), 0 for a .txt file
    title: str | None
    body: str
    text: str
    text_normalized: str
    published_at: date | None
    source: str | None
    url: str | None
    encoding: str
    ingested_at: datetime


@dataclass(frozen=True)
class QuarantineItem:
    """Input that could not become an article, with the reason in plain words."""

    source_file: str
    record_index: int
    reason: str
    seen_at: datetime


@dataclass(frozen=True)
class Sentence:
    article_id: str
    sentence_index: int
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One Stanza entity mention; offsets are into `Article.text`."""

    article_id: str
    sentence_index: int
    label: str
    text: str
    start_char: int
    end_char: int
    model_name: str
    model_version: str


@dataclass(frozen=True)
class Participant:
    meeting_id: str
    article_id: str
    participant_index: int
    person_name: str | None
    title: str | None
    rank: str | None
    country_code: str | None
    role: str  # host | guest | attendee
    name_start: int | None
    name_end: int | None
    rules: list[str] = field(default_factory=list)  # extraction rules that placed this person (provenance)


@dataclass(frozen=True)
class Meeting:
    meeting_id: str
    article_id: str
    meeting_index: int
    event_type: str  # meeting | call
    meeting_date: date | None
    date_note: str | None  # how the date was found, or why it is null
    city: str | None
    location_country_code: str | None
    host_country_code: str | None
    guest_country_code: str | None
    countries: list[str]
    topics: list[str]
    evidence_sentence: str
    evidence_start: int
    evidence_end: int
    confidence: float
    pipeline_version: str
    model_name: str
    participants: list[Participant] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # extraction rules that made this meeting (provenance)


def _arrow_type(py: Any) -> pa.DataType:
    import pyarrow as pa

    text = str(py)
    if "list[str]" in text:
        return pa.list_(pa.string())
    if "datetime" in text:
        return pa.timestamp("us", tz="UTC")
    if "date" in text:
        return pa.date32()
    if "float" in text:
        return pa.float64()
    if "int" in text:
        return pa.int64()
    return pa.string()


def arrow_schema(cls: type, exclude: tuple[str, ...] = ()) -> pa.Schema:
    """The Arrow schema of a record type, derived from its annotations so it is written once."""
    import pyarrow as pa

    fields = []
    for f in dataclasses.fields(cls):
        if f.name in exclude:
            continue
        nullable = "None" in str(f.type)
        fields.append(pa.field(f.name, _arrow_type(f.type), nullable=nullable or True))
    return pa.schema(fields)


def to_table(rows: list[Any], cls: type, exclude: tuple[str, ...] = ()) -> pa.Table:
    """Rows of a record type as an Arrow table with the record's schema (empty lists give empty tables)."""
    import pyarrow as pa

    schema = arrow_schema(cls, exclude)
    columns = {name: [getattr(r, name) for r in rows] for name in schema.names}
    return pa.table(columns, schema=schema)


TABLES: dict[str, tuple[type, tuple[str, ...]]] = {
    "articles": (Article, ()),
    "quarantine": (QuarantineItem, ()),
    "sentences": (Sentence, ()),
    "entity_mentions": (Mention, ()),
    "meetings": (Meeting, ("participants",)),
    "meeting_participants": (Participant, ()),
}
