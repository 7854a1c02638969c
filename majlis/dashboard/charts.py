"""Vega-Lite charts (Altair) of the query results; every mark carries a tooltip with its exact count."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import altair as alt

from majlis.dashboard.labels import country_label, topic_label
from majlis.dashboard.queries import Grain

Row = dict[str, Any]
Chart = alt.Chart | alt.LayerChart | alt.FacetChart
ARABIC_FONT = "Noto Sans Arabic, Noto Naskh Arabic, DejaVu Sans, sans-serif"


def period_label(period: date, grain: Grain) -> str:
    """`2025-01` for a month, `2025-01-06 – 01-12` for a week starting Monday."""
    if grain == "month":
        return period.strftime("%Y-%m")
    return f"{period.isoformat()} – {(period + timedelta(days=6)).strftime('%m-%d')}"


def _data(rows: Sequence[Row]) -> alt.Data:
    return alt.Data(values=list(rows))  # type: ignore[no-untyped-call]


def _with_font(chart: Chart) -> Chart:
    """Axis and legend text in a font with Arabic glyphs (country names and people are Arabic); legend
    labels are never cut (Vega's default cuts them at 160 px: «السعودية · Saudi Arabi…»)."""
    configured: Chart = chart.configure_axis(labelFont=ARABIC_FONT, titleFont=ARABIC_FONT).configure_legend(
        labelFont=ARABIC_FONT, labelLimit=0, titleLimit=0
    )
    return configured


def meetings_over_time(rows: Sequence[Row], grain: Grain) -> Chart:
    """Stacked bars: meetings and calls per period."""
    values = [
        {"period": period_label(r["period"], grain), "event_type": r["event_type"], "meetings": r["meetings"]}
        for r in rows
    ]
    chart = (
        alt.Chart(_data(values), title=f"Meetings per {grain}")
        .mark_bar()
        .encode(
            x=alt.X(
                "period:O",
                title=grain.capitalize(),
                sort="ascending",
                axis=alt.Axis(labelAngle=-30, labelLimit=240),
            ),
            y=alt.Y("meetings:Q", title="Meetings", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("event_type:N", title="Type"),
            tooltip=[alt.Tooltip("period:O"), alt.Tooltip("event_type:N"), alt.Tooltip("meetings:Q")],
        )
    )
    return _with_font(chart)


def countries_ranked(rows: Sequence[Row]) -> Chart:
    """Horizontal bars, most meetings on top, labelled with the Arabic and English country name."""
    values = [
        {"country": country_label(r["country_code"], r["name_en"], r["name_ar"]), "meetings": r["meetings"]}
        for r in rows
    ]
    chart = (
        alt.Chart(_data(values), title="Meetings by counterpart country")
        .mark_bar()
        .encode(
            y=alt.Y("country:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("meetings:Q", title="Meetings", axis=alt.Axis(tickMinStep=1)),
            tooltip=[alt.Tooltip("country:N"), alt.Tooltip("meetings:Q")],
        )
    )
    return _with_font(chart)


def topics_heatmap(rows: Sequence[Row]) -> Chart:
    """Country x topic grid, darker for more meetings, with the count written in each cell."""
    values = [
        {
            "country": country_label(r["country_code"], r["name_en"], r["name_ar"]),
            "topic": topic_label(r["topic"]),
            "meetings": r["meetings"],
        }
        for r in rows
    ]
    base = (
        alt.Chart(_data(values), title="Topics by country")
        .encode(
            x=alt.X(
                "topic:N", title="Topic", axis=alt.Axis(labelAngle=-35, labelLimit=260, labelOverlap=False)
            ),
            y=alt.Y("country:N", title=None, axis=alt.Axis(labelLimit=320)),
        )
        .properties(height=alt.Step(34))
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "meetings:Q",
            title="Meetings",
            scale=alt.Scale(scheme="blues"),
            legend=alt.Legend(format="d", tickMinStep=1),  # whole counts only: 1, 2, 3, not 1, 1.5, 2
        ),
        tooltip=[alt.Tooltip("country:N"), alt.Tooltip("topic:N"), alt.Tooltip("meetings:Q")],
    )
    counts = base.mark_text(baseline="middle").encode(text="meetings:Q")
    return _with_font(alt.layer(cells, counts))


def people_ranked(rows: Sequence[Row]) -> Chart:
    """Horizontal bars of the most active officials."""
    values = [
        {
            "person": r["person_name"],
            "country": country_label(r["country_code"], r["name_en"], r["name_ar"]),
            "meetings": r["meetings"],
        }
        for r in rows
    ]
    chart = (
        alt.Chart(_data(values), title="Most active officials")
        .mark_bar()
        .encode(
            y=alt.Y("person:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("meetings:Q", title="Meetings", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("country:N", title="Country"),
            tooltip=[alt.Tooltip("person:N"), alt.Tooltip("country:N"), alt.Tooltip("meetings:Q")],
        )
    )
    return _with_font(chart)


def articles_per_run(rows: Sequence[Row]) -> Chart:
    """Bars of the articles each landing batch brought (with a meeting or not), labelled by its time."""
    values = [
        {
            "run": f"{r['run_time']:%Y-%m-%d %H:%M:%S}" if r.get("run_time") else r["batch_key"],
            "batch_key": r["batch_key"],
            "articles": r["articles"],
            "with_meetings": r["articles_with_meetings"],
            "meetings": r["meetings"],
        }
        for r in rows
    ]
    chart = (
        alt.Chart(_data(values), title="Articles per run")
        .mark_bar()
        .encode(
            x=alt.X("run:O", title="Run (UTC)", axis=alt.Axis(labelAngle=-30, labelLimit=240)),
            y=alt.Y("articles:Q", title="Articles", axis=alt.Axis(tickMinStep=1)),
            tooltip=[
                alt.Tooltip("run:O"),
                alt.Tooltip("batch_key:N", title="batch key"),
                alt.Tooltip("articles:Q"),
                alt.Tooltip("with_meetings:Q", title="articles with meetings"),
                alt.Tooltip("meetings:Q"),
            ],
        )
    )
    return _with_font(chart)
