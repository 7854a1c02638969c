"""The dashboard's questions to the marts, as SQL over a read-only connection opened for each question.

Nothing here keeps the DuckDB file open: the warehouse build swaps a new file in with `os.replace`, so
every call reconnects and sees the newest published build, and a reader never blocks a build.
The marts are small, so nothing is cached: every page view shows the latest build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

import duckdb

from majlis import config
from majlis.readonly import QueryError, connect_readonly

Row = dict[str, Any]
Grain = Literal["week", "month"]


@dataclass(frozen=True)
class Filters:
    """What the analyst narrowed the meetings to; empty tuples mean no narrowing."""

    start: date | None = None
    end: date | None = None
    countries: tuple[str, ...] = ()  # a meeting matches when it involves any of them
    topics: tuple[str, ...] = ()  # a meeting matches when it has any of them
    include_undated: bool = True  # meetings whose date is unknown pass the date range

    def where(self) -> tuple[str, list[Any]]:
        """A SQL condition on fact_meetings (alias-free) and its parameters."""
        clauses: list[str] = ["true"]
        params: list[Any] = []
        if self.start or self.end:
            dated = "meeting_date between ? and ?"
            params += [self.start or date.min, self.end or date.max]
            clauses.append(f"({dated} or meeting_date is null)" if self.include_undated else dated)
        elif not self.include_undated:
            clauses.append("meeting_date is not null")
        if self.countries:
            clauses.append("list_has_any(countries, ?::varchar[])")
            params.append(list(self.countries))
        if self.topics:
            clauses.append("list_has_any(topics, ?::varchar[])")
            params.append(list(self.topics))
        return " and ".join(clauses), params


def built_at() -> datetime:
    """When the published database file was written (the end of the last warehouse build)."""
    path = config.database_path()
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    except FileNotFoundError:
        raise QueryError(
            f"no warehouse at {path}: run `majlis run` first, or set MAJLIS_WAREHOUSE to a built warehouse"
        ) from None


def fetch(sql: str, params: list[Any] | None = None) -> list[Row]:
    """Rows as dicts, from a connection opened and closed for this one query."""
    try:
        with connect_readonly() as con:
            cursor = con.execute(sql, params or [])
            names = [d[0] for d in cursor.description or []]
            return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    except duckdb.Error as exc:
        raise QueryError(f"warehouse query failed: {exc}") from exc


def _filtered(filters: Filters) -> tuple[str, list[Any]]:
    condition, params = filters.where()
    return f"filtered as (select * from fact_meetings where {condition})", params


def summary(filters: Filters) -> Row:
    """Meetings, countries involved, and the date span of the filtered meetings."""
    cte, params = _filtered(filters)
    rows = fetch(
        f"""with {cte}
        select
            (select count(*) from filtered) as meetings,
            (select count(distinct c) from (select unnest(countries) as c from filtered)) as countries,
            (select min(meeting_date) from filtered) as first_date,
            (select max(meeting_date) from filtered) as last_date,
            (select count(*) from filtered where meeting_date is null) as undated""",
        params,
    )
    return rows[0]


def meetings_over_time(filters: Filters, grain: Grain) -> list[Row]:
    """Dated meetings per week (starting Monday) or month, split by event type."""
    if grain not in ("week", "month"):
        raise ValueError(f"grain must be week or month, not {grain!r}")
    cte, params = _filtered(filters)
    return fetch(
        f"""with {cte}
        select date_trunc('{grain}', meeting_date)::date as period, event_type, count(*) as meetings
        from filtered where meeting_date is not null
        group by all order by period, event_type""",
        params,
    )


def meetings_by_country(filters: Filters, exclude: tuple[str, ...] = ()) -> list[Row]:
    """Meetings per country involved, most first, with the country's English and Arabic names."""
    cte, params = _filtered(filters)
    return fetch(
        f"""with {cte},
        involved as (select meeting_id, unnest(countries) as country_code from filtered)
        select i.country_code, c.name_en, c.name_ar, c.region, count(distinct i.meeting_id) as meetings
        from involved i left join dim_country c using (country_code)
        where not list_contains(?::varchar[], i.country_code)
        group by all order by meetings desc, c.name_en""",
        [*params, list(exclude)],
    )


def topics_by_country(filters: Filters, exclude: tuple[str, ...] = ()) -> list[Row]:
    """Meetings per (country, topic) pair, for the heat map."""
    cte, params = _filtered(filters)
    return fetch(
        f"""with {cte},
        pairs as (
            select meeting_id, unnest(countries) as country_code, topics from filtered
        ),
        flat as (select meeting_id, country_code, unnest(topics) as topic from pairs)
        select f.country_code, c.name_en, c.name_ar, f.topic, count(distinct f.meeting_id) as meetings
        from flat f left join dim_country c using (country_code)
        where not list_contains(?::varchar[], f.country_code)
        group by all order by f.country_code, f.topic""",
        [*params, list(exclude)],
    )


def top_people(filters: Filters, limit: int = 20) -> list[Row]:
    """The officials in the most filtered meetings, with title, rank and country."""
    cte, params = _filtered(filters)
    return fetch(
        f"""with {cte}
        select p.person_name, p.title, p.rank, p.country_code, c.name_en, c.name_ar,
               count(distinct p.meeting_id) as meetings, max(f.meeting_date) as last_meeting
        from fact_meeting_participants p
        join filtered f using (meeting_id)
        left join dim_country c on c.country_code = p.country_code
        where p.person_name is not null
        group by all order by meetings desc, last_meeting desc nulls last, p.person_name
        limit ?""",
        [*params, limit],
    )


def recent_meetings(filters: Filters, limit: int = 50) -> list[Row]:
    """The latest filtered meetings with participants, place, evidence and the article that reports them
    (url, publisher, the record's own id); undated ones last."""
    cte, params = _filtered(filters)
    return fetch(
        f"""with {cte},
        people as (
            select meeting_id,
                   list({{'name': person_name, 'title': title, 'rank': rank,
                          'country_code': country_code, 'role': role}}
                        order by participant_index) as participants
            from fact_meeting_participants group by meeting_id
        )
        select f.meeting_id, f.meeting_date, f.event_type, f.city, f.location_country_code,
               c.name_en as location_name_en, c.name_ar as location_name_ar, f.countries, f.topics,
               f.confidence, f.evidence_sentence, f.article_title, f.article_url, f.article_id,
               f.article_publisher, a.external_id as article_external_id, a.source_file as article_file,
               coalesce(p.participants, []) as participants
        from filtered f
        left join people p using (meeting_id)
        left join dim_country c on c.country_code = f.location_country_code
        left join article_versions a on a.article_id = f.article_id
        order by f.meeting_date desc nulls last, f.meeting_id
        limit ?""",
        [*params, limit],
    )


def filter_options() -> Row:
    """Countries and topics that occur in fact_meetings, and the span of meeting dates."""
    rows = fetch(
        """with involved as (select distinct unnest(countries) as country_code from fact_meetings)
        select
            (select list({'code': i.country_code, 'name_en': c.name_en, 'name_ar': c.name_ar}
                         order by c.name_en)
             from involved i left join dim_country c using (country_code)) as countries,
            (select list(distinct t order by t) from (select unnest(topics) as t from fact_meetings))
                as topics,
            (select min(meeting_date) from fact_meetings) as first_date,
            (select max(meeting_date) from fact_meetings) as last_date,
            (select mode(host_country_code) from fact_meetings) as usual_host"""
    )
    row = rows[0]
    row["countries"] = row["countries"] or []
    row["topics"] = row["topics"] or []
    return row


def quarantined() -> list[Row]:
    """Every quarantined input with its reason, most recently seen first."""
    return fetch(
        "select source_file, record_index, reason, first_seen, last_seen from quarantine"
        " order by last_seen desc, source_file, record_index"
    )


def runs() -> list[Row]:
    """Per landing batch, oldest first: every article it landed (with a meeting or not) and the meetings
    those articles report. `majlis run` lands one batch per 200 input files, so a run is one batch or more."""
    return fetch(
        """with reported as (
            select batch_key, count(distinct meeting_id) as meetings
            from fact_meeting_articles group by batch_key
        )
        select a.batch_key, count(*) as articles,
               count(*) filter (where a.article_id in (select article_id from fact_meeting_articles))
                   as articles_with_meetings,
               coalesce(any_value(r.meetings), 0) as meetings
        from article_versions a left join reported r using (batch_key)
        group by a.batch_key order by a.batch_key"""
    )


# `majlis run`'s batch keys start with the UTC time to the microsecond (flows.pipeline._batch_key:
# 20250501T060000123456-<hash>); hand-made ones may stop at the second, with or without a trailing Z.
_BATCH_TIME = re.compile(r"(\d{8}T\d{6})(\d{6})?(?![\d])")


def batch_time(batch_key: str) -> datetime | None:
    """The UTC time a batch key starts with (`YYYYmmddTHHMMSS`, optionally microseconds), else None."""
    match = _BATCH_TIME.match(batch_key)
    if not match:
        return None
    try:
        stamp = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None
    return stamp.replace(microsecond=int(match.group(2) or 0))
