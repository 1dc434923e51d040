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

from .test_api_records import fill_database

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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real ``blotter serve`` over the hand-made reports, on a free port."""
    url = fill_database(tmp_path_factory.mktemp("dashboard") / "blotter.db")
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
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
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
    assert sorted(table_places(page)) == ["Ikeja, NG", "Nairobi, KE", "Paris, FR"]
    assert page.locator("#total").inner_text() == "3 incidents"
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
    page.wait_for_selector("body[data-extracted='1']")
    assert page.locator("#error").is_hidden()
    page.locator("dt:text-is('Killed') + dd button").first.click()
    assert "three" in " ".join(page.locator("#doc-text mark").all_inner_texts())
    assert "<script>" in page.locator("#doc-text").inner_text()
    assert page.evaluate("window.pwned === undefined")
    assert page.request.get(server + "/api/documents/anything").status == 404  # nothing was stored
    shoot(page, "paste")
