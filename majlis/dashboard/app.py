"""The analysts' dashboard: a Streamlit script, started by `majlis dashboard` (launcher.serve_dashboard).

Every rerun (page load, filter change) opens the warehouse read-only for each query and closes it
again, so the page always shows the latest published build and never holds a lock a build would need.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from majlis import config
from majlis.dashboard import charts, queries, tables
from majlis.dashboard.labels import topic_label
from majlis.readonly import QueryError

CSS = Path(__file__).with_name("style.css").read_text(encoding="utf-8")
Options = dict[str, Any]


def _sidebar(options: Options) -> tuple[queries.Filters, tuple[str, ...]]:
    """The filters every page applies, and the home countries left out of counterpart charts."""
    names = tables.country_names(options["countries"])
    codes = [c["code"] for c in options["countries"]]
    st.sidebar.header("Filters")
    start = end = None
    if options["first_date"] and options["last_date"]:
        picked = st.sidebar.date_input(
            "Meeting dates",
            value=(options["first_date"], options["last_date"]),
            format="YYYY-MM-DD",
        )
        span = [d for d in (picked if isinstance(picked, tuple) else (picked,)) if isinstance(d, date)]
        if span:
            start, end = min(span), max(span)
    include_undated = st.sidebar.checkbox("Include meetings without a date", value=True)
    countries = st.sidebar.multiselect("Countries involved", codes, format_func=names)
    topics = st.sidebar.multiselect("Topics", options["topics"], format_func=topic_label)
    home_default = [options["usual_host"]] if options["usual_host"] in codes else []
    home = st.sidebar.multiselect(
        "Home side (left out of counterpart charts)",
        codes,
        default=home_default,
        format_func=names,
        help="Defaults to the country that hosts most meetings.",
    )
    filters = queries.Filters(start, end, tuple(countries), tuple(topics), include_undated)
    return filters, tuple(home)


def _headline(filters: queries.Filters) -> dict[str, Any]:
    """Meetings and countries after filtering, as metrics above each page."""
    numbers = queries.summary(filters)
    left, right = st.columns(2)
    left.metric("Meetings", numbers["meetings"])
    right.metric("Countries", numbers["countries"], help="Countries involved in the meetings shown")
    st.caption(dates_caption(numbers))
    return numbers


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def dates_caption(numbers: dict[str, Any]) -> str:
    """The date span of the meetings shown, and how many have no date."""
    undated = int(numbers["undated"])
    if not numbers["first_date"]:
        if not numbers["meetings"]:
            return "No meeting matches the filters."
        return f"No meeting shown has a date: {_count(undated, 'meeting')} without a date."
    span = f"{numbers['first_date']:%Y-%m-%d} to {numbers['last_date']:%Y-%m-%d}"
    if not undated:
        return f"Meetings dated {span}; every meeting shown has a date."
    return f"Meetings dated {span}; {_count(undated, 'meeting')} without a date."


def _html(markup: str) -> None:
    st.html(markup)


def meetings_page(filters: queries.Filters, options: Options, home: tuple[str, ...]) -> None:
    st.title("Meetings over time")
    _headline(filters)
    grain = st.radio("Group by", ["month", "week"], horizontal=True)
    rows = queries.meetings_over_time(filters, "week" if grain == "week" else "month")
    if rows:
        st.altair_chart(charts.meetings_over_time(rows, "week" if grain == "week" else "month"))
    else:
        st.info("No dated meeting matches the filters.")


def countries_page(filters: queries.Filters, options: Options, home: tuple[str, ...]) -> None:
    st.title("Counterpart countries")
    _headline(filters)
    rows = queries.meetings_by_country(filters, exclude=home)
    left_out = ", ".join(tables.country_names(options["countries"])(c) for c in home) or "none"
    st.caption(f"Counterparts: {len(rows)} countries · home side left out: {left_out}")
    if not rows:
        st.info("No counterpart country matches the filters.")
        return
    st.altair_chart(charts.countries_ranked(rows))
    cells = [
        [str(i), tables.arabic(r["name_ar"]), tables.plain(r["name_en"]), tables.plain(r["country_code"]),
         tables.plain(r["region"]), tables.plain(r["meetings"])]
        for i, r in enumerate(rows, start=1)
    ]  # fmt: skip
    _html(tables.table("countries", ["#", "الدولة", "Country", "Code", "Region", "Meetings"], cells))


def topics_page(filters: queries.Filters, options: Options, home: tuple[str, ...]) -> None:
    st.title("Topics by country")
    _headline(filters)
    rows = queries.topics_by_country(filters, exclude=home)
    st.caption(
        f"{len({r['country_code'] for r in rows})} countries × {len({r['topic'] for r in rows})} topics"
    )
    if rows:
        st.altair_chart(charts.topics_heatmap(rows))
    else:
        st.info("No topic matches the filters.")


def people_page(filters: queries.Filters, options: Options, home: tuple[str, ...]) -> None:
    st.title("People")
    _headline(filters)
    limit = int(st.number_input("Officials shown", min_value=5, max_value=200, value=20, step=5))
    rows = queries.top_people(filters, limit)
    st.caption(f"{_count(len(rows), 'official')} with the most meetings, in the chart and the table")
    if rows:
        st.altair_chart(charts.people_ranked(rows))
    _html(tables.people_table(rows))


def recent_page(filters: queries.Filters, options: Options, home: tuple[str, ...]) -> None:
    st.title("Recent meetings")
    _headline(filters)
    limit = int(st.number_input("Meetings shown", min_value=10, max_value=500, value=50, step=10))
    rows = queries.recent_meetings(filters, limit)
    st.caption(f"{len(rows)} meetings, newest first; undated ones last")
    _html(tables.meetings_table(rows, tables.country_names(options["countries"])))


def quality_page(filters: queries.Filters, options: Options, home: tuple[str, ...]) -> None:
    st.title("Data quality")
    st.caption("Not filtered: these describe the whole warehouse.")
    quarantine = queries.quarantined()
    runs = [{**r, "run_time": queries.batch_time(r["batch_key"])} for r in queries.runs()]
    last_run = max((r["run_time"] for r in runs if r["run_time"]), default=None)
    last_quarantine = max((r["last_seen"] for r in quarantine if r["last_seen"]), default=None)
    latest = max((t for t in (last_run, last_quarantine) if t is not None), default=None)
    left, middle, right, far = st.columns(4)
    left.metric("Quarantined inputs", len(quarantine))
    middle.metric("Runs", len(runs), help="Landing batches: a run lands one per 200 input files.")
    right.metric("Articles", sum(r["articles"] for r in runs))
    far.metric("Articles with meetings", sum(r["articles_with_meetings"] for r in runs))
    shown = f"{latest:%Y-%m-%d %H:%M} UTC" if latest else "none yet"
    st.markdown(f"**Last run:** {shown} · **warehouse built:** {queries.built_at():%Y-%m-%d %H:%M} UTC")
    st.subheader("Quarantined inputs")
    _html(tables.quarantine_table(quarantine))
    st.subheader("Articles per run")
    st.caption(
        "Every article a landing batch brought, with a meeting or not (a reprocessed article counts in"
        " the run that reprocessed it)."
    )
    if runs:
        st.altair_chart(charts.articles_per_run(runs))
    cells = [
        [tables.plain(r["run_time"]), tables.plain(r["batch_key"]), tables.plain(r["articles"]),
         tables.plain(r["articles_with_meetings"]), tables.plain(r["meetings"])]
        for r in runs
    ]  # fmt: skip
    headers = ["Run time", "Batch key", "Articles", "With meetings", "Meetings reported"]
    _html(tables.table("runs", headers, cells))


Page = Callable[[queries.Filters, Options, tuple[str, ...]], None]
PAGES: list[tuple[Page, str, str]] = [
    (meetings_page, "Meetings over time", "meetings"),
    (countries_page, "Counterpart countries", "countries"),
    (topics_page, "Topics by country", "topics"),
    (people_page, "People", "people"),
    (recent_page, "Recent meetings", "recent"),
    (quality_page, "Data quality", "quality"),
]


def _bind(
    page: Page, filters: queries.Filters, options: Options, home: tuple[str, ...]
) -> Callable[[], None]:
    def render() -> None:
        try:
            page(filters, options, home)
        except QueryError as exc:
            st.error(str(exc))

    render.__name__ = page.__name__
    return render


def main() -> None:
    st.set_page_config(page_title="majlis dashboard", layout="wide")
    st.html(f"<style>{CSS}</style>")
    try:
        options = queries.filter_options()
    except QueryError as exc:
        st.title("majlis dashboard")
        st.error(str(exc))
        return
    filters, home = _sidebar(options)
    pages = [
        st.Page(_bind(page, filters, options, home), title=title, url_path=path, default=(i == 0))
        for i, (page, title, path) in enumerate(PAGES)
    ]
    st.navigation(pages).run()
    st.sidebar.caption(f"Warehouse: {config.database_path()}")


main()
