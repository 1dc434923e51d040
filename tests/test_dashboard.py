"""The dashboard as a person uses it, in a real browser against a real ``blotter serve``.

Needs Debian's Chromium at /usr/bin/chromium (``make browser`` installs it); skipped without it.
Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .test_api_records import fill_database, report_record

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no browser: /usr/bin/chromium is absent (run `make browser`)"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# A report that gives no date, published after every dated one: "newest first" must still put it last.
UNDATED = {"id": "accra-1", "country": ("Ghana", "GH"), "place": "Accra", "lat": 5.556, "lon": -0.1969,
           "date": "2024-03-20", "killed": 3, "group": None, "perpetrator": "gunmen", "category": "crime",
           "attack": "armed_assault", "text": "3 traders were shot dead in Accra. Police said gunmen fled."}


def add_undated_report(url: str) -> None:
    from blotter.models import IncidentDate
    from blotter.store import open_database

    record = report_record(UNDATED)
    record.incidents[0].date = IncidentDate()
    with open_database(url) as database:
        database.add_record(record)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real ``blotter serve`` over the hand-made reports, on a free port."""
    url = fill_database(tmp_path_factory.mktemp("dashboard") / "blotter.db")
    add_undated_report(url)
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "dashboard-server.log", "wb")
    process = subprocess.Popen([sys.executable, "-m", "blotter", "serve", "--db", url, "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, BLOTTER_API_TOKEN=""))
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(base + "/api/stats", timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("blotter serve did not start: see test-artifacts/dashboard-server.log")
            time.sleep(0.3)
    yield base
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that fails the test on any script error, dialog or CSP violation."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.failed_loads_expected = False  # a test that breaks the API on purpose sets this
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" and not (
        page.failed_loads_expected and message.text.startswith("Failed to load resource")) else None)
    yield page
    context.close()
    assert problems == []


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def table_places(page) -> list[str]:
    return page.locator("#incidents tbody tr td:nth-child(2)").all_inner_texts()


def test_dashboard_shows_map_timeline_and_table(server, page):
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # country outlines
    assert page.locator(".incident-marker, .incident-cluster").count() >= 1
    assert page.locator("#timeline rect.bar").count() == 3
    assert sorted(table_places(page)) == ["Accra, GH", "Ikeja, NG", "Nairobi, KE", "Paris, FR"]
    assert page.locator("#total").inner_text() == "4 incidents"
    assert page.locator(".map-legend").is_visible()
    shoot(page, "dashboard")


def test_filters_stay_in_the_address(server, page):
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.fill("input[name=country]", "fr")
    page.fill("input[name=since]", "2023-01-01")
    page.click("button[type=submit]")
    expect(page.locator("#total")).to_have_text("1 incident")
    assert table_places(page) == ["Paris, FR"]
    assert "country=fr" in page.url and "since=2023-01-01" in page.url
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    assert page.input_value("input[name=country]") == "fr" and table_places(page) == ["Paris, FR"]
    page.goto(server + "/?since=2024-01-01&until=2024-01-31")
    page.wait_for_selector("body[data-ready='1']")
    assert table_places(page) == ["Nairobi, KE"] and page.locator("#timeline rect.bar").count() == 1
    shoot(page, "dashboard-filtered")


def test_incident_page_highlights_a_fields_evidence(server, page):
    page.goto(server + "/?country=NG")
    page.wait_for_selector("body[data-ready='1']")
    page.click("#incidents tbody a")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("article.source").count() == 2
    assert page.locator(".conflict-value").count() == 2  # 4 killed against 5 killed, side by side
    page.get_by_role("button", name="Boko Haram (perpetrator)").click()
    marks = page.locator("article.source mark").all_inner_texts()
    assert marks == ["Boko Haram", "Boko Haram"]
    page.locator("dt:text-is('Killed') + dd button").click()
    assert set(page.locator("article.source mark").all_inner_texts()) <= {"4", "5"}
    assert page.locator("article.source a[href^='https://news.example.org/']").count() == 2
    shoot(page, "incident")


def test_script_in_a_report_is_shown_not_run(server, page):
    page.goto(server + "/?country=KE")
    page.wait_for_selector("body[data-ready='1']")
    page.click("#incidents tbody a")
    page.wait_for_selector("body[data-ready='1']")
    assert "<script>window.pwned=1</script>" in page.locator("article.source .source-text").inner_text()
    assert page.evaluate("window.pwned === undefined")
    assert page.locator("article.source script").count() == 0


def test_paste_a_report_shows_its_record(server, page):
    page.goto(server + "/paste")
    page.wait_for_selector("body[data-ready='1']")
    page.fill("input[name=published]", "2024-05-06")
    page.fill("textarea[name=body]", "Gunmen killed three villagers in Kaduna on Sunday, police said. A note signed "
                                      "<script>window.pwned=1</script><img src=x onerror='window.pwned=2'> was found.")
    page.click("button[type=submit]")
    page.wait_for_selector("body[data-extracted='1']", timeout=90_000)  # the model may still be loading
    assert page.locator("#error").is_hidden()
    page.locator("dt:text-is('Killed') + dd button").first.click()
    assert "three" in " ".join(page.locator("#doc-text mark").all_inner_texts())
    assert "<script>" in page.locator("#doc-text").inner_text()
    assert page.evaluate("window.pwned === undefined")
    assert page.request.get(server + "/api/documents/anything").status == 404  # nothing was stored
    shoot(page, "paste")


def test_incidents_table_is_readable(server, page):
    page.goto(server + "/?country=NG")
    page.wait_for_selector("body[data-ready='1']")
    row = page.locator("#incidents tbody tr").first.locator("td").all_inner_texts()
    assert row[:4] == ["2 Mar 2024", "Ikeja, NG", "terrorism", "bombing"]
    widths = page.evaluate("""() => {
      const cells = [...document.querySelectorAll('#incidents thead th')].map((th) => th.getBoundingClientRect().width);
      const panel = document.querySelector('.table-panel');
      return {summary: cells[6], table: document.getElementById('incidents').clientWidth,
              scrolls: panel.scrollWidth > panel.clientWidth};
    }""")
    assert widths["summary"] > 0.4 * widths["table"] and not widths["scrolls"]


def test_unknown_dates_show_as_unknown(server, page):
    page.goto(server + "/?country=GH")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#incidents tbody tr td").first.inner_text() == "unknown"


def test_unknown_dates_sort_last_both_ways(server, page):
    for sort in ("", "&sort=date"):
        page.goto(server + "/?" + sort)
        page.wait_for_selector("body[data-ready='1']")
        assert table_places(page)[-1] == "Accra, GH"


def test_map_fits_the_incidents_without_seams(server, page):
    page.goto(server + "/?country=FR")
    page.wait_for_selector("body[data-ready='1']")
    view = page.evaluate("""() => {
      const map = document.getElementById('map').getBoundingClientRect();
      const widest = Math.max(...[...document.querySelectorAll('.leaflet-overlay-pane path')]
        .map((path) => path.getBoundingClientRect().width));
      return {widest, map: map.width};
    }""")
    assert view["widest"] < 3 * view["map"]  # zoomed in on Paris: France's outline, no world-wide seam
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']")
    # Across the whole world no outline (a seam along a parallel) is as wide as the world.
    assert page.evaluate("""() => {
      const map = document.getElementById('map').getBoundingClientRect().width;
      return Math.max(...[...document.querySelectorAll('.leaflet-overlay-pane path')]
        .map((path) => path.getBoundingClientRect().width)) / map;
    }""") < 0.7


def test_incident_page_lists_sources_and_conflicts(server, page):
    page.goto(server + "/?country=NG")
    page.wait_for_selector("body[data-ready='1']")
    page.click("#incidents tbody a")
    page.wait_for_selector("body[data-ready='1']")
    sources = page.locator(".source-list li")
    assert sources.count() == 2
    assert sources.locator("a[href^='https://news.example.org/']").all_inner_texts() == ["Report lagos-1",
                                                                                        "Report lagos-2"]
    assert "2 Mar 2024" in sources.first.inner_text()
    values = page.locator(".conflict-value")
    assert page.locator("#conflicts h3").inner_text() == "Killed"
    first, second = values.nth(0).bounding_box(), values.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"] + first["width"] - 1  # side by side
    values.filter(has_text="lagos-2").get_by_role("button").click()
    assert page.locator("article[data-document='lagos-2'] mark").all_inner_texts() == ["5"]
    assert page.locator("article[data-document='lagos-1'] mark").count() == 0
    assert page.locator("dt:text-is('Groups (1)') + dd li").all_inner_texts() == ["Boko Haram (perpetrator)"]
    shoot(page, "incident-conflicts")


def test_no_match_and_a_failing_api_are_explained(server, page):
    page.goto(server + "/?country=ZZ")
    page.wait_for_selector("body[data-ready='1']")
    assert "No incidents match these filters" in page.locator("#incidents tbody").inner_text()
    page.get_by_role("button", name="Clear the filters").click()
    expect(page.locator("#total")).to_have_text("4 incidents")
    page.failed_loads_expected = True
    page.route("**/api/overview*", lambda route: route.fulfill(status=503, content_type="application/json",
                                                                body='{"message": "database is busy"}'))
    page.click("button[type=submit]")
    expect(page.locator("#error")).to_contain_text("503 database is busy")
    shoot(page, "dashboard-error")


def test_timeline_bars_work_from_the_keyboard(server, page):
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.locator("#timeline rect.bar").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#total")).to_have_text("1 incident")
    assert "since=2023-11-01" in page.url
