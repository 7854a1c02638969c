"""The Streamlit script under AppTest: filters feed the numbers; a missing warehouse is explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from majlis.dashboard.launcher import APP


def _metrics(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


@pytest.mark.slow
def test_sidebar_filters_change_the_headline_numbers(
    warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(warehouse))
    app = AppTest.from_file(str(APP), default_timeout=30).run()
    assert not app.exception
    assert _metrics(app) == {"Meetings": "9", "Countries": "6"}
    countries = next(w for w in app.sidebar.multiselect if w.label == "Countries involved")
    countries.select("FR").run()
    assert _metrics(app) == {"Meetings": "3", "Countries": "3"}
    topics = next(w for w in app.sidebar.multiselect if w.label == "Topics")
    topics.select("maritime_security").run()
    assert _metrics(app) == {"Meetings": "1", "Countries": "3"}  # m08 only


def test_missing_warehouse_shows_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(tmp_path))
    app = AppTest.from_file(str(APP), default_timeout=30).run()
    assert not app.exception
    assert [e.value for e in app.error] == [
        f"no warehouse at {tmp_path / 'majlis.duckdb'}: run `majlis run` first (or set MAJLIS_WAREHOUSE)"
    ]
