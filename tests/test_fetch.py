"""Fetching pages politely, against a local HTTP server the tests start (127.0.0.1 only)."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Iterator

import pytest

from blotter.cli import main
from blotter.errors import BinaryInput, UnsupportedInput
from blotter.sources.fetch import (DisallowedByRobots, FetchFailed, Fetcher, FetchSettings, GaveUp, page_document,
                                  retry_after_seconds)
from blotter.sources.politeness import HostPace

ARTICLE = """<html><head><title>Gunmen kill two at Kano market</title></head><body><article>
<h1>Gunmen kill two at Kano market</h1>
<p>Two traders were shot dead when gunmen opened fire at a busy market in Kano, Nigeria, on Tuesday,
police said. Three other people were wounded and taken to hospital.</p>
<p>A police spokesman said officers had arrested one suspect and were searching for the others.</p>
</article></body></html>"""

ROBOTS = "User-agent: *\nDisallow: /private/\n"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0


Route = Callable[[dict[str, str]], Reply]


class Site:
    """A small web site in a thread: ``routes`` maps a path to a function of the request headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {"/robots.txt": lambda h: Reply(body=ROBOTS.encode(),
                                                                          headers={"Content-Type": "text/plain"})}
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.hits[self.path] += 1
                site.user_agents.append(self.headers.get("User-Agent", ""))
                route = site.routes.get(self.path)
                reply = route(dict(self.headers)) if route else Reply(status=404, body=b"not here")
                time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def page(self, path: str, html: str = ARTICLE, **reply: object) -> None:
        self.routes[path] = lambda headers: Reply(body=html.encode(), **reply)


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


def quick(**changes: object) -> FetchSettings:
    """Settings for tests: no pace between requests, short waits."""
    return FetchSettings(**{"host_interval": 0.0, "backoff": 0.01, "timeout": 2.0, **changes})


def test_a_page_becomes_a_document_with_its_url_and_fetch_time(site: Site) -> None:
    site.page("/news/kano.html")
    with Fetcher(quick(user_agent="Blotter/test (+mailto:desk@example.org)")) as fetcher:
        document = page_document(fetcher.get(site.url("/news/kano.html")))
    assert document.url == site.url("/news/kano.html")
    assert "Kano" in (document.html or "") and document.fetched
    assert set(site.user_agents) == {"Blotter/test (+mailto:desk@example.org)"}


def test_the_default_user_agent_names_blotter_and_how_to_add_a_contact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BLOTTER_USER_AGENT", raising=False)
    agent = FetchSettings().user_agent
    assert agent.startswith("Blotter/") and "BLOTTER_USER_AGENT" in agent and "http" not in agent
    monkeypatch.setenv("BLOTTER_USER_AGENT", "Blotter/1 (+mailto:desk@example.org)")
    assert FetchSettings().user_agent == "Blotter/1 (+mailto:desk@example.org)"


def test_robots_txt_is_read_once_and_a_disallowed_path_is_never_requested(site: Site) -> None:
    site.page("/private/secret.html")
    site.page("/news/kano.html")
    with Fetcher(quick()) as fetcher:
        with pytest.raises(DisallowedByRobots):
            fetcher.get(site.url("/private/secret.html"))
        fetcher.get(site.url("/news/kano.html"))
    assert site.hits["/private/secret.html"] == 0
    assert site.hits["/robots.txt"] == 1


def test_a_crawl_delay_in_robots_txt_slows_the_pace_for_that_host(site: Site) -> None:
    site.routes["/robots.txt"] = lambda h: Reply(body=b"User-agent: *\nCrawl-delay: 3\n",
                                                  headers={"Content-Type": "text/plain"})
    site.page("/a.html")
    site.page("/b.html")
    waits: list[float] = []
    with Fetcher(quick(), sleep=waits.append) as fetcher:
        fetcher.get(site.url("/a.html"))
        fetcher.get(site.url("/b.html"))
    assert len(waits) == 1 and 2.5 < waits[0] <= 3.0


def test_a_missing_robots_txt_allows_everything(site: Site) -> None:
    del site.routes["/robots.txt"]
    site.page("/news/kano.html")
    with Fetcher(quick()) as fetcher:
        assert fetcher.get(site.url("/news/kano.html")).status == 200


def test_a_server_error_is_retried_until_the_page_comes(site: Site) -> None:
    answers = iter([Reply(status=500, body=b"oops"), Reply(status=503, body=b"busy"), Reply(body=ARTICLE.encode())])
    site.routes["/flaky.html"] = lambda headers: next(answers)
    with Fetcher(quick(retries=3)) as fetcher:
        response = fetcher.get(site.url("/flaky.html"))
    assert response.status == 200 and site.hits["/flaky.html"] == 3


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_in_seconds_sets_the_wait_before_the_retry(site: Site, status: int) -> None:
    answers = iter([Reply(status=status, headers={"Retry-After": "7"}), Reply(body=ARTICLE.encode())])
    site.routes["/busy.html"] = lambda headers: next(answers)
    waits: list[float] = []
    with Fetcher(quick(), sleep=waits.append) as fetcher:
        assert fetcher.get(site.url("/busy.html")).status == 200
    assert waits == [7.0] and site.hits["/busy.html"] == 2


def test_retry_after_as_a_date_is_honoured_up_to_the_cap(site: Site) -> None:
    in_an_hour = format_datetime(datetime.now(timezone.utc) + timedelta(hours=1), usegmt=True)
    answers = iter([Reply(status=429, headers={"Retry-After": in_an_hour}), Reply(body=ARTICLE.encode())])
    site.routes["/busy.html"] = lambda headers: next(answers)
    waits: list[float] = []
    with Fetcher(quick(max_retry_after=120.0), sleep=waits.append) as fetcher:
        assert fetcher.get(site.url("/busy.html")).status == 200
    assert waits == [120.0]


def test_retry_after_dates_and_nonsense() -> None:
    now = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("Sun, 01 Mar 2026 12:00:30 GMT", now=now) == 30.0
    assert retry_after_seconds("Sun, 01 Mar 2026 11:00:00 GMT", now=now) == 0.0
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_a_client_error_is_not_retried_even_with_retry_after(site: Site) -> None:
    site.routes["/forbidden.html"] = lambda headers: Reply(status=403, headers={"Retry-After": "1"})
    with Fetcher(quick(retries=3)) as fetcher:
        with pytest.raises(FetchFailed, match="HTTP 404"):
            fetcher.get(site.url("/gone.html"))
        with pytest.raises(FetchFailed, match="HTTP 403"):
            fetcher.get(site.url("/forbidden.html"))
    assert site.hits["/gone.html"] == 1 and site.hits["/forbidden.html"] == 1


def redirect(location: str) -> Route:
    return lambda headers: Reply(status=301, headers={"Location": location})


def test_redirects_are_followed_and_robots_txt_is_asked_at_every_hop(site: Site) -> None:
    other = Site()  # a second host, with its own robots.txt
    other.thread.start()
    try:
        other.routes["/robots.txt"] = lambda h: Reply(body=b"User-agent: *\nDisallow: /members/\n",
                                                       headers={"Content-Type": "text/plain"})
        other.page("/news/kano.html")
        other.page("/members/kano.html")
        site.routes["/short/1"] = redirect(other.url("/news/kano.html"))
        site.routes["/short/2"] = redirect(other.url("/members/kano.html"))
        site.routes["/short/3"] = redirect("/private/kano.html")
        site.page("/private/kano.html")
        with Fetcher(quick()) as fetcher:
            response = fetcher.get(site.url("/short/1"))
            assert (response.url, response.requested_url) == (other.url("/news/kano.html"), site.url("/short/1"))
            with pytest.raises(DisallowedByRobots):
                fetcher.get(site.url("/short/2"))
            with pytest.raises(DisallowedByRobots):
                fetcher.get(site.url("/short/3"))
        assert other.hits["/robots.txt"] == 1 and other.hits["/members/kano.html"] == 0
        assert site.hits["/private/kano.html"] == 0
    finally:
        other.server.shutdown()
        other.server.server_close()


def test_a_redirect_loop_fails(site: Site) -> None:
    site.routes["/loop"] = redirect("/loop")
    with Fetcher(quick()) as fetcher, pytest.raises(FetchFailed, match="redirects"):
        fetcher.get(site.url("/loop"))


def test_a_slow_page_times_out_and_the_fetcher_gives_up_after_its_retries(site: Site) -> None:
    site.page("/slow.html", delay=1.0)
    waits: list[float] = []
    with Fetcher(quick(timeout=0.2, retries=2, backoff=0.05), sleep=waits.append) as fetcher:
        with pytest.raises(GaveUp, match="timed out"):
            fetcher.get(site.url("/slow.html"))
    assert site.hits["/slow.html"] == 3
    assert waits == [0.05, 0.1]  # exponential back-off between the attempts


def test_a_page_over_the_size_limit_is_refused(site: Site) -> None:
    site.page("/huge.html", html="<p>" + "x" * 5000 + "</p>")
    with Fetcher(quick(max_bytes=1000)) as fetcher, pytest.raises(FetchFailed, match="limit"):
        fetcher.get(site.url("/huge.html"))


def test_binary_answers_are_not_documents(site: Site) -> None:
    site.routes["/photo.png"] = lambda h: Reply(body=b"\x89PNG\r\n\x1a\n" + bytes(200),
                                                headers={"Content-Type": "image/png"})
    site.routes["/mislabelled.html"] = lambda h: Reply(body=b"\x89PNG\r\n\x1a\n" + bytes(200))
    with Fetcher(quick()) as fetcher:
        with pytest.raises(UnsupportedInput):
            page_document(fetcher.get(site.url("/photo.png")))
        with pytest.raises(BinaryInput):
            page_document(fetcher.get(site.url("/mislabelled.html")))


def test_a_conditional_request_gets_not_modified(site: Site) -> None:
    def feed(headers: dict[str, str]) -> Reply:
        if headers.get("If-None-Match") == '"v1"':
            return Reply(status=304, headers={"ETag": '"v1"'})
        return Reply(body=b"<rss/>", headers={"ETag": '"v1"', "Content-Type": "application/rss+xml"})

    site.routes["/feed.xml"] = feed
    with Fetcher(quick()) as fetcher:
        first = fetcher.get(site.url("/feed.xml"))
        second = fetcher.get(site.url("/feed.xml"), etag=first.etag)
    assert first.etag == '"v1"' and not first.not_modified
    assert second.not_modified and second.content == b""


def test_requests_to_one_host_keep_their_distance() -> None:
    now = [100.0]
    waits: list[float] = []
    pace = HostPace(2.0, clock=lambda: now[0], sleep=waits.append)
    pace.wait("http://a.example/1")
    pace.wait("http://a.example/2")
    pace.wait("http://b.example/1")
    assert waits == [2.0]
    pace.set_delay("http://a.example", 5.0)
    pace.wait("http://a.example/3")
    assert waits == [2.0, 4.0]  # booked after the second request's slot at 102


def test_fetch_command_writes_records_or_stores_each_page_once(site: Site, tmp_path) -> None:
    site.page("/news/kano.html")
    url = site.url("/news/kano.html")
    out = tmp_path / "out.jsonl"
    assert main(["fetch", url, "-o", str(out), "--delay", "0"]) == 0
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["url"] == url and record["incidents"]

    db = f"sqlite:///{tmp_path / 'news.db'}"
    assert main(["fetch", url, "--db", db, "--delay", "0"]) == 0
    assert main(["fetch", url, "--db", db, "--delay", "0"]) == 0
    assert site.hits["/news/kano.html"] == 2  # once for -o, once for the database; never again
