"""HTML tables for the dashboard, with Arabic cells laid out right-to-left.

Streamlit's own data grid draws on a canvas: it does not take `dir="rtl"` and its text cannot be read by
screen readers or tests. These tables are plain HTML, every value escaped, Arabic cells marked
`dir="rtl" lang="ar"` so the browser's bidi algorithm and an Arabic font shape them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from html import escape
from typing import Any

from majlis.dashboard.labels import country_label, topic_label

Row = dict[str, Any]
Names = Callable[[str | None], str]  # country code -> display label

EMPTY = '<span class="majlis-missing">—</span>'


def plain(value: object) -> str:
    """Any value as escaped text; None as a dash."""
    if value is None:
        return EMPTY
    if isinstance(value, datetime):
        return escape(value.strftime("%Y-%m-%d %H:%M UTC"))
    if isinstance(value, date):
        return escape(value.isoformat())
    if isinstance(value, float):
        return f"{value:.2f}"
    return escape(str(value))


def arabic(value: str | None) -> str:
    """Arabic text in a right-to-left, isolated span (so neighbouring Latin text does not reorder it)."""
    if not value:
        return EMPTY
    return f'<span class="majlis-ar" dir="rtl" lang="ar">{escape(value)}</span>'


def link(url: str | None, label: str = "source") -> str | None:
    """A link that opens the article; only http(s) addresses become links (None otherwise)."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    return (
        f'<a href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">'
        f"<bdi>{escape(label)}</bdi></a>"
    )


def source(row: Row) -> str:
    """Where a meeting was reported: a link to the article named by its publisher when the url is
    known, else the publisher (or input file) and the record's own id, so the article can be found."""
    publisher = row.get("article_publisher") or row.get("article_file")
    title = f' title="{escape(row["article_title"], quote=True)}"' if row.get("article_title") else ""
    linked = link(row.get("article_url"), row.get("article_publisher") or "article")
    if linked:
        return f'<span class="majlis-source"{title}>{linked}</span>'
    ident = row.get("article_external_id") or row.get("article_id")
    words = [f"<bdi>{escape(publisher)}</bdi>" if publisher else "", f"id {escape(ident)}" if ident else ""]
    shown = " · ".join(w for w in words if w)
    return f'<span class="majlis-source"{title}>{shown}</span>' if shown else EMPTY


def table(name: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A table of already-escaped cells; `name` becomes its `data-table` attribute for styling and tests."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    if not rows:
        body = f'<tr><td colspan="{len(headers)}">{EMPTY}</td></tr>'
    return (
        f'<div class="majlis-table-wrap"><table class="majlis-table" data-table="{escape(name, quote=True)}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def country_names(options: Sequence[Row]) -> Names:
    """Code -> `Arabic · English (code)` from filter_options()' countries."""
    known = {c["code"]: country_label(c["code"], c["name_en"], c["name_ar"]) for c in options}
    return lambda code: known.get(code or "", code or "unknown")


def people_table(rows: Sequence[Row]) -> str:
    """Most active officials: name, title, rank (Arabic) and country."""
    cells = [
        [
            arabic(r["person_name"]),
            arabic(r["title"]),
            arabic(r["rank"]),
            plain(country_label(r["country_code"], r["name_en"], r["name_ar"])),
            plain(r["meetings"]),
            plain(r["last_meeting"]),
        ]
        for r in rows
    ]
    return table("people", ["Name", "Title", "Rank", "Country", "Meetings", "Last meeting"], cells)


def _participant(p: Row, names: Names) -> str:
    """One participant, read right-to-left: name — rank title، country; then code and role in Latin."""
    office = " ".join(v for v in (p.get("rank"), p.get("title")) if v)
    words = " — ".join(v for v in (p.get("name") or "?", office) if v)
    note = (
        f'<span class="majlis-note" dir="ltr">{plain(p.get("country_code"))} · {plain(p.get("role"))}</span>'
    )
    return f"<li>{escape(words)} {note}</li>"


def meetings_table(rows: Sequence[Row], names: Names) -> str:
    """Recent meetings with participants, place, date, confidence, evidence (RTL) and source."""
    cells = []
    for r in rows:
        people = "".join(_participant(p, names) for p in r["participants"])
        place = arabic("، ".join(v for v in (r["city"], r["location_name_ar"]) if v) or None)
        if r["location_name_en"]:
            place += f' <span class="majlis-note">({plain(r["location_name_en"])})</span>'
        topics = ", ".join(plain(topic_label(t)) for t in r["topics"] or [])
        cells.append(
            [
                plain(r["meeting_date"])
                if r["meeting_date"]
                else '<span class="majlis-missing">undated</span>',
                plain(r["event_type"]),
                f'<ul class="majlis-people" dir="rtl" lang="ar">{people}</ul>' if people else EMPTY,
                place,
                topics or EMPTY,
                plain(r["confidence"]),
                f'<p class="majlis-evidence" dir="rtl" lang="ar">{escape(r["evidence_sentence"] or "")}</p>',
                source(r),
            ]
        )
    headers = ["Date", "Type", "Participants", "Place", "Topics", "Confidence", "Evidence", "Source"]
    return table("meetings", headers, cells)


def quarantine_table(rows: Sequence[Row]) -> str:
    """Quarantined inputs and why."""
    cells = [
        [plain(r["source_file"]), plain(r["record_index"]), plain(r["reason"]), plain(r["first_seen"]),
         plain(r["last_seen"])]
        for r in rows
    ]  # fmt: skip
    return table("quarantine", ["Source file", "Record", "Reason", "First seen", "Last seen"], cells)
