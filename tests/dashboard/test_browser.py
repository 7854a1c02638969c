"""The dashboard in a real browser: Debian's headless Chromium, driven by Playwright, on the test warehouse.

Charts are read through the SVG that Vega draws: every bar or cell carries an aria-label with its
values, so the test checks the numbers the analyst sees, not the data sent to the page. Screenshots of
each page land in test-artifacts/dashboard/.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from majlis.dashboard.launcher import dashboard_command, dashboard_env

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "dashboard"
CHART = '[data-testid="stVegaLiteChart"] svg'

pytestmark = pytest.mark.slow

if not CHROMIUM.exists():
    reason = "needs Debian's chromium (apt-get install -y chromium)"
    if os.environ.get("CI"):
        raise RuntimeError(reason)  # CI installs it: a missing browser there is a broken setup
    pytest.skip(reason, allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"streamlit did not answer within 40 s:\n{log.read_text(errors='replace')}")


@pytest.fixture(scope="module")
def served(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The dashboard serving its own copy of the test warehouse (this test swaps a new build in)."""
    directory = tmp_path_factory.mktemp("served-warehouse")
    shutil.copy(warehouse / "majlis.duckdb", directory / "majlis.duckdb")
    port = _free_port()
    log = directory / "streamlit.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            dashboard_command(port), env=dashboard_env(directory), stdout=out, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield url, directory
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, never a downloaded one; Playwright gives each launch a fresh empty profile."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    yield tab
    context.close()


def _open(page: Page, url: str, first_metric: str) -> None:
    page.goto(url)
    expect(page.get_by_test_id("stMetric").first).to_contain_text(first_metric)


def _metric(page: Page, label: str) -> str:
    metric = page.get_by_test_id("stMetric").filter(has=page.get_by_text(label, exact=True))
    return metric.get_by_test_id("stMetricValue").inner_text().strip()


def _expect_metric(page: Page, label: str, value: str) -> None:
    metric = page.get_by_test_id("stMetric").filter(has=page.get_by_text(label, exact=True))
    expect(metric.get_by_test_id("stMetricValue")).to_have_text(value)


def _marks(page: Page, kind: str, expected: int) -> list[dict[str, str]]:
    """The values of each drawn `kind` mark (bar, rect mark), read from Vega's aria-labels."""
    marks = page.locator(f'{CHART} path[aria-roledescription="{kind}"]')
    expect(marks).to_have_count(expected)
    parsed = []
    for label in marks.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))"):
        fields = dict(part.split(": ", 1) for part in str(label).split("; "))
        parsed.append(fields)
    return parsed


def _caption(page: Page, start: str) -> Locator:
    return page.get_by_test_id("stCaptionContainer").filter(has_text=start)


def _legend_labels(page: Page) -> list[str]:
    """The label texts of the chart legends on the page, as drawn (a cut label ends in «…»)."""
    labels = page.locator(f"{CHART} g.role-legend-label text")
    expect(labels.first).to_be_visible()
    return [str(t) for t in labels.evaluate_all("els => els.map(e => e.textContent)")]


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)  # let Vega finish its transitions
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _pick(page: Page, label: str, option: str) -> None:
    box = page.get_by_test_id("stMultiSelect").filter(has=page.get_by_text(label, exact=True))
    box.locator("input").click()
    box.locator("input").fill(option)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def _clear(page: Page, label: str) -> None:
    """Remove every choice of a multiselect with the buttons on its tags."""
    box = page.get_by_test_id("stMultiSelect").filter(has=page.get_by_text(label, exact=True))
    remove = box.locator('button[aria-label^="Remove "]')
    while remove.count():
        remove.first.click()
    expect(remove).to_have_count(0)


def test_each_page_renders_its_charts_and_a_filter_changes_them(served: tuple[str, Path], page: Page) -> None:
    url, _ = served

    # meetings over time: 9 meetings in 6 countries; dated ones Jan 3, Feb 1, Mar 2, Apr 2
    _open(page, url, "Meetings")
    assert (_metric(page, "Meetings"), _metric(page, "Countries")) == ("9", "6")
    expect(_caption(page, "Meetings dated")).to_have_text(
        "Meetings dated 2025-01-08 to 2025-04-22; 1 meeting without a date."
    )
    by_month: dict[str, int] = {}
    for bar in _marks(page, "bar", 5):  # January has a call and meetings: two stacked bars
        by_month[bar["period"]] = by_month.get(bar["period"], 0) + int(bar["meetings"])
    assert by_month == {"2025-01": 3, "2025-02": 1, "2025-03": 2, "2025-04": 2}
    _shot(page, "01-meetings-over-time")

    page.get_by_text("week", exact=True).click()
    weeks = _marks(page, "bar", 8)
    assert all(w["meetings"] == "1" for w in weeks) and weeks[0]["period"].startswith("2025-01-06")

    _pick(page, "Countries involved", "France")
    _expect_metric(page, "Meetings", "3")  # m01 m04 m08
    _expect_metric(page, "Countries", "3")  # JO FR IT
    expect(_caption(page, "Meetings dated")).to_have_text(
        "Meetings dated 2025-01-08 to 2025-04-22; every meeting shown has a date."
    )
    assert {w["period"][:10] for w in _marks(page, "bar", 3)} == {"2025-01-06", "2025-02-17", "2025-04-21"}
    _shot(page, "02-meetings-filtered-france")

    # counterpart countries, home side (Jordan) left out: FR 3, EG 2, IT 2, US 2, SA 1
    _open(page, f"{url}/countries", "Meetings")
    bars = {b["country"]: int(b["meetings"]) for b in _marks(page, "bar", 5)}
    assert bars == {
        "فرنسا · France (FR)": 3, "مصر · Egypt (EG)": 2, "إيطاليا · Italy (IT)": 2,
        "الولايات المتحدة · United States (US)": 2, "السعودية · Saudi Arabia (SA)": 1,
    }  # fmt: skip
    axis = page.locator(f'{CHART} [aria-roledescription="axis"]').filter(has_text="فرنسا").first
    assert "5 values: فرنسا · France (FR), " in str(axis.get_attribute("aria-label"))  # ranked first
    arabic = page.locator('table[data-table="countries"] span[dir="rtl"]')
    expect(arabic).to_have_count(5)
    assert arabic.first.inner_text() == "فرنسا"
    assert arabic.first.evaluate("e => getComputedStyle(e).direction") == "rtl"
    _shot(page, "03-countries")

    # topics by country: 13 (country, topic) cells once Jordan is left out
    _open(page, f"{url}/topics", "Meetings")
    cells = {(c["country"], c["topic"]): c["meetings"] for c in _marks(page, "rect mark", 13)}
    assert cells[("فرنسا · France (FR)", "Training · التدريب")] == "1"
    assert sum(1 for country, _ in cells if country.endswith("(FR)")) == 4
    _clear(page, "Home side (left out of counterpart charts)")  # Jordan back: counts 1 to 3
    cells = {(c["country"], c["topic"]): c["meetings"] for c in _marks(page, "rect mark", 20)}
    assert cells[("الأردن · Jordan (JO)", "Training · التدريب")] == "3"
    assert _legend_labels(page) == ["1", "2", "3"]  # whole counts, each once (not 3, 3, 2, 2, 1)
    _shot(page, "04-topics-by-country")

    # people: 17 officials (20 asked for), all drawn; the Jordanian minister in five meetings
    _open(page, f"{url}/people", "Meetings")
    people = sorted(((int(p["meetings"]), p["person"]) for p in _marks(page, "bar", 17)), reverse=True)
    assert people[:2] == [(5, "فارس نبيل الحديدي"), (4, "سامر عادل الخطيب")]
    expect(page.get_by_text("17 officials with the most meetings")).to_be_visible()
    legend = _legend_labels(page)  # the bars' colour: country names in full
    assert "الولايات المتحدة · United States (US)" in legend and "السعودية · Saudi Arabia (SA)" in legend
    assert all(label.endswith(")") and "…" not in label for label in legend), legend
    rows = page.locator('table[data-table="people"] tbody tr')
    expect(rows).to_have_count(17)
    expect(rows.nth(1)).to_contain_text("لواء")
    expect(rows.nth(1)).to_contain_text("Jordan (JO)")
    _shot(page, "05-people")

    # recent meetings: newest first, undated last, evidence right-to-left, one meeting without a link
    _open(page, f"{url}/recent", "Meetings")
    rows = page.locator('table[data-table="meetings"] tbody tr')
    expect(rows).to_have_count(9)
    expect(rows.first).to_contain_text("2025-04-22")
    expect(rows.last).to_contain_text("undated")
    evidence = page.locator("p.majlis-evidence").first
    assert evidence.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert evidence.inner_text().startswith("استقبل فارس نبيل الحديدي")
    links = page.locator('table[data-table="meetings"] a[href^="https://news.example.org/"]')
    expect(links).to_have_count(8)
    expect(links.first).to_have_text("invented wire")  # named by the publisher
    expect(page.locator('table[data-table="meetings"]').get_by_text("no link")).to_have_count(0)
    expect(rows.nth(5).locator("td").last).to_have_text("invented wire · id m03")  # the call: no url
    _assert_arabic_is_shaped(page)
    _shot(page, "06-recent-meetings")

    _pick(page, "Countries involved", "Italy")  # m08 m09
    _pick(page, "Topics", "Training")  # m01 m05 m09: only the undated m09 has both
    _expect_metric(page, "Meetings", "1")
    expect(_caption(page, "No meeting shown")).to_have_text(
        "No meeting shown has a date: 1 meeting without a date."
    )

    # data quality: 3 quarantined inputs, two runs of 5 articles each (one article without a meeting)
    _open(page, f"{url}/quality", "Quarantined inputs")
    assert _metric(page, "Quarantined inputs") == "3"
    assert (_metric(page, "Runs"), _metric(page, "Articles"), _metric(page, "Articles with meetings")) == (
        "2", "10", "9",
    )  # fmt: skip
    expect(page.get_by_text("Last run: 2025-05-01 06:00 UTC")).to_be_visible()  # the newest batch key
    assert {b["run"]: b["articles"] for b in _marks(page, "bar", 2)} == {
        "2025-02-01 06:00:00": "5", "2025-05-01 06:00:00": "5",
    }  # fmt: skip
    runs = page.locator('table[data-table="runs"] tbody tr')
    expect(runs).to_have_count(2)
    expect(runs.first.locator("td").first).to_have_text("2025-02-01 06:00 UTC")
    expect(page.locator('table[data-table="quarantine"] tbody tr')).to_have_count(3)
    _shot(page, "07-data-quality")


def _assert_arabic_is_shaped(page: Page) -> None:
    """Joined letters (initial, medial, final forms) are narrower than the same letters kept apart.

    With no Arabic font, or no shaping, both strings would be equal runs of boxes or isolated forms.
    """
    widths = page.evaluate(
        """() => {
            const measure = text => {
                const span = document.createElement('span');
                span.className = 'majlis-ar'; span.dir = 'rtl'; span.lang = 'ar'; span.textContent = text;
                document.body.appendChild(span);
                const width = span.getBoundingClientRect().width;
                span.remove();
                return width;
            };
            return [measure('ببببب'), measure('ب\u200cب\u200cب\u200cب\u200cب')];
        }"""
    )
    joined, apart = widths
    assert 0 < joined < apart * 0.8, widths


def test_a_new_build_shows_on_the_next_page_load(served: tuple[str, Path], page: Page) -> None:
    """The dashboard holds no connection: a build swapped in with os.replace is what the next load reads."""
    url, directory = served
    _open(page, url, "Meetings")
    assert _metric(page, "Meetings") == "9"
    newer = directory / "next-build.duckdb"
    shutil.copy(directory / "majlis.duckdb", newer)
    with duckdb.connect(str(newer)) as con:
        con.execute("delete from fact_meetings where meeting_date < date '2025-01-25'")  # m01 m02
        con.execute("checkpoint")
    os.replace(newer, directory / "majlis.duckdb")  # succeeds while the dashboard is serving
    page.reload()
    _expect_metric(page, "Meetings", "7")
