"""Fetching web pages politely: ``Fetcher.get(url) -> Response``, ``page_document(response)``.

Every request carries Blotter's user agent, honours robots.txt (on every host a redirect
leads to) and a per-host pace, has a time-out and a size cap, and is retried with exponential
back-off when the failure is the server's or the network's (5xx, time-out, connection error)
or the server asks us to slow down (429); a Retry-After header sets the wait. Other 4xx
answers are final.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from importlib import metadata
from typing import Callable
from urllib.parse import urljoin, urlsplit

import httpx

from .. import read
from ..errors import InputError, UnsupportedInput
from ..models import InputDocument
from .politeness import HostPace, RobotsRules, host_key

USER_AGENT_ENV = "BLOTTER_USER_AGENT"
HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5


def default_user_agent() -> str:
    """``$BLOTTER_USER_AGENT``, else an honest agent that names Blotter and says how to add a
    contact (we have no address of the operator to put in it, and invent none)."""
    try:
        version = metadata.version("blotter")
    except metadata.PackageNotFoundError:
        version = "0"
    return os.environ.get(USER_AGENT_ENV) or (
        f"Blotter/{version} (news incident extraction; set {USER_AGENT_ENV} to add your contact)")


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """The wait a Retry-After header asks for: delay-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


@dataclass(frozen=True)
class FetchSettings:
    """How politely and patiently to fetch. ``retries`` counts the attempts after the first;
    a Retry-After longer than ``max_retry_after`` seconds is waited for only that long."""

    user_agent: str = field(default_factory=default_user_agent)
    timeout: float = 20.0
    max_bytes: int = read.MAX_DOCUMENT_BYTES
    retries: int = 3
    backoff: float = 1.0
    host_interval: float = 1.0
    max_retry_after: float = 120.0
    respect_robots: bool = True


@dataclass(frozen=True)
class Response:
    """A page as fetched: final URL (after redirects) and the URL asked for, status, body and
    the headers we use."""

    url: str
    requested_url: str
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    fetched: str
    location: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchFailed(InputError):
    """A page could not be fetched (HTTP error, time-out, too large, refused by robots.txt)."""


class DisallowedByRobots(FetchFailed):
    """robots.txt asks us not to fetch this URL."""


class GaveUp(FetchFailed):
    """The server or the network kept failing (5xx, 429, time-outs): worth trying again later."""


class _Retryable(Exception):
    """A failure worth another attempt (5xx, 429, time-out, connection error), after
    ``wait`` seconds when the server said how long (Retry-After)."""

    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.wait = wait


class Fetcher:
    """An HTTP client that behaves: one per run, closed when done (``with Fetcher() as f``)."""

    def __init__(self, settings: FetchSettings | None = None, *, sleep: Callable[[float], None] = time.sleep):
        self.settings = settings or FetchSettings()
        self._sleep = sleep
        self._client = httpx.Client(
            headers={"User-Agent": self.settings.user_agent}, timeout=self.settings.timeout,
            follow_redirects=False)
        self._pace = HostPace(self.settings.host_interval, sleep=sleep)
        self._robots = RobotsRules(self.settings.user_agent, self._load_robots)

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The page at ``url``; a 304 Response when the conditional headers say it is unchanged.

        Redirects are followed (at most five), each hop only where robots.txt allows it.
        Raises DisallowedByRobots, or FetchFailed once the retries are spent or on a 4xx.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._follow(url, headers, check_robots=self.settings.respect_robots)
        if response.status >= 400:
            raise FetchFailed(f"{url}: HTTP {response.status}")
        return response

    def _follow(self, url: str, headers: dict[str, str], *, check_robots: bool) -> Response:
        hop = url
        for _ in range(MAX_REDIRECTS + 1):
            redirected = f" (redirected from {url})" if hop != url else ""
            if urlsplit(hop).scheme not in ("http", "https"):
                raise FetchFailed(f"{hop}{redirected}: not an http or https URL")
            if check_robots and not self._robots.allows(hop):
                raise DisallowedByRobots(f"{hop}{redirected}: disallowed by robots.txt")
            if check_robots and (delay := self._robots.crawl_delay(hop)) is not None:
                self._pace.set_delay(host_key(hop), delay)
            response = self._with_retries(hop, headers)
            if response.status not in REDIRECTS or not response.location:
                return replace(response, requested_url=url)
            hop = urljoin(hop, response.location)
        raise FetchFailed(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _load_robots(self, robots_url: str) -> tuple[int | None, str]:
        """robots.txt itself, its redirects followed (RFC 9309) without asking robots.txt."""
        try:
            response = self._follow(robots_url, {}, check_robots=False)
        except FetchFailed:
            return None, ""
        return response.status, response.content.decode("utf-8", "replace")

    def _with_retries(self, url: str, headers: dict[str, str]) -> Response:
        attempts = 1 + self.settings.retries
        for attempt in range(attempts):
            self._pace.wait(url)
            try:
                return self._request(url, headers)
            except _Retryable as problem:
                if attempt + 1 == attempts:
                    raise GaveUp(f"{url}: {problem} (gave up after {attempts} attempts)") from None
                wait = self.settings.backoff * 2 ** attempt
                if problem.wait is not None:
                    wait = min(problem.wait, self.settings.max_retry_after)
                self._sleep(wait)
        raise AssertionError("unreachable")

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        """One attempt, reading at most ``max_bytes`` of the body."""
        try:
            with self._client.stream("GET", url, headers=headers) as answer:
                if answer.status_code >= 500 or answer.status_code == 429:
                    raise _Retryable(f"HTTP {answer.status_code}",
                                     retry_after_seconds(answer.headers.get("Retry-After")))
                body = self._read_capped(url, answer)
        except httpx.TimeoutException:
            raise _Retryable(f"timed out after {self.settings.timeout:g} s") from None
        except httpx.TransportError as error:
            raise _Retryable(f"connection failed ({type(error).__name__})") from None
        return Response(
            url=str(answer.url), requested_url=url, status=answer.status_code, content=body,
            content_type=answer.headers.get("Content-Type", ""), etag=answer.headers.get("ETag"),
            last_modified=answer.headers.get("Last-Modified"), location=answer.headers.get("Location"),
            fetched=datetime.now(timezone.utc).isoformat(timespec="seconds"))

    def _read_capped(self, url: str, answer: httpx.Response) -> bytes:
        limit = self.settings.max_bytes
        declared = answer.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchFailed(f"{url}: {int(declared):,} bytes is over the limit of {limit:,} bytes per page")
        chunks, size = [], 0
        for chunk in answer.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchFailed(f"{url}: more than the limit of {limit:,} bytes per page")
            chunks.append(chunk)
        return b"".join(chunks)


def page_document(response: Response) -> InputDocument:
    """The fetched page as a document (its URL and fetch time kept), checked like a file.

    Raises an InputError for what is not an HTML page (an image, a PDF, binary junk).
    """
    media_type, _, params = response.content_type.partition(";")
    media_type = media_type.strip().lower()
    if media_type and media_type not in HTML_TYPES:
        raise UnsupportedInput(f"{response.url}: {media_type} is not an HTML page")
    declared = None
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "charset" and value:
            declared = value.strip("\"' ")
    html = read.decode_bytes(response.content, response.url, declared=declared)
    return InputDocument(id=read.content_id(html), url=response.url, html=html, origin=response.url,
                         fetched=response.fetched)
