"""Following RSS and Atom feeds: ``watch_once(feeds, ...)`` fetches the new articles they list.

What was seen is kept in a small JSON state file (the store has no table for it): per feed
its ETag and Last-Modified for conditional requests and the article URLs already handled
(those it still lists, plus its last ``KEEP_HANDLED`` others, so the file stays small) and
those still to fetch, so a second round fetches nothing that has not changed and retries
what failed for a passing reason; and the redirects met, so a page is
known by the URL asked for as well as the one it is stored under. Pages stored in the
database are recognised by URL too, so several state files (or none) never cause a second fetch.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urljoin

import feedparser

from ..errors import InputError
from ..ingest import IngestSummary, ingest_documents
from ..models import InputDocument
from ..read import ReadFailure
from ..store import Database
from .fetch import Fetcher, FetchFailed, GaveUp, page_document
from .store import stored_urls

STATE_SUFFIX = ".watch.json"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Seconds in ``"90"``, ``"30s"``, ``"10m"``, ``"2h"`` or ``"1d"``."""
    match = _DURATION.match(text.lower())
    if not match:
        raise ValueError(f"not a duration: {text!r} (expected e.g. 30s, 10m, 2h)")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def state_path_for(db_url: str) -> Path:
    """The state file beside a SQLite database; in the current folder for a server database."""
    prefix = "sqlite:///"
    if db_url.startswith(prefix) and db_url[len(prefix):] not in ("", ":memory:"):
        return Path(db_url[len(prefix):] + STATE_SUFFIX)
    return Path("blotter" + STATE_SUFFIX)


KEEP_HANDLED = 500
KEEP_REDIRECTS = 5000


@dataclass
class FeedState:
    """One feed's validators for conditional requests, the article URLs it listed that were
    handled (stored, known, or failed for good), oldest first, and those still to fetch
    (they failed for a passing reason), which an unchanged feed would not list again."""

    etag: str | None = None
    last_modified: str | None = None
    handled: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)

    def mark_handled(self, url: str) -> None:
        if url not in self.handled:
            self.handled.append(url)

    def forget_old(self, listed: set[str], keep: int) -> None:
        """Keep the handled URLs the feed still lists and the last ``keep`` of the others:
        a feed lists its recent articles, so older ones will not come back in it."""
        unlisted = [url for url in self.handled if url not in listed]
        dropped = set(unlisted[:len(unlisted) - keep]) if len(unlisted) > keep else set()
        self.handled = [url for url in self.handled if url not in dropped]


@dataclass
class WatchState:
    """What earlier rounds saw; ``load`` and ``save`` keep it in a JSON file.

    ``redirects`` maps a URL asked for to the URL its page answered from (and is stored
    under), so the page is known by both; the last ``KEEP_REDIRECTS`` are kept.
    """

    feeds: dict[str, FeedState] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "WatchState":
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        feeds = {url: FeedState(**value) for url, value in data.get("feeds", {}).items()}
        for feed in feeds.values():  # a state file from before per-feed lists: every feed had seen them all
            feed.handled.extend(url for url in data.get("seen_urls", []) if url not in feed.handled)
        return cls(feeds=feeds, redirects=data.get("redirects", {}))

    def save(self, path: Path) -> None:
        """Write atomically, so an interrupted round never leaves a broken state file."""
        data = {"feeds": {url: asdict(value) for url, value in sorted(self.feeds.items())},
                "redirects": self.redirects}
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=1)
        os.replace(temporary, path)

    def handled_urls(self) -> set[str]:
        return {url for feed in self.feeds.values() for url in feed.handled}

    def remember_redirect(self, requested: str, final: str) -> None:
        self.redirects.pop(requested, None)  # re-inserted as the newest
        self.redirects[requested] = final
        for oldest in list(self.redirects)[:max(0, len(self.redirects) - KEEP_REDIRECTS)]:
            del self.redirects[oldest]


@dataclass
class WatchSummary:
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    articles_new: int = 0
    store: IngestSummary = field(default_factory=IngestSummary)

    def line(self) -> str:
        return (f"blotter: feeds unchanged {self.feeds_unchanged}, failed {self.feeds_failed}; "
                f"new articles {self.articles_new}; {self.store.line()}")


def feed_links(content: bytes, feed_url: str) -> list[str]:
    """The article URLs a feed lists, in feed order, made absolute. Raises InputError when
    the content is not a feed (broken XML with no entries, an HTML page, binary)."""
    parsed = feedparser.parse(content)
    links: list[str] = []
    for entry in parsed.entries:
        link = entry.get("link")
        if link and urljoin(feed_url, link) not in links:
            links.append(urljoin(feed_url, link))
    if parsed.bozo and not links:  # broken markup that yielded nothing usable
        reason = parsed.get("bozo_exception") or "not a feed"
        raise InputError(f"{feed_url}: not a readable RSS or Atom feed ({reason})")
    return links


def watch_once(feeds: list[str], fetcher: Fetcher, db: Database, state: WatchState, *,
               warn: Callable[[str], None], keep: int = KEEP_HANDLED) -> WatchSummary:
    """One round: poll every feed (conditionally), then fetch and store the unhandled articles.

    Each feed read remembers the URLs it still lists and the last ``keep`` others it handled;
    an unchanged feed's articles that failed for a passing reason are tried again.
    """
    summary = WatchSummary()
    handled = state.handled_urls()
    listings: dict[str, list[str]] = {}  # per feed read this round, its article URLs
    listed_by: dict[str, list[str]] = {}  # each unhandled article URL: the feeds that list it
    for feed_url in feeds:
        known = state.feeds.get(feed_url, FeedState())
        try:
            response = fetcher.get(feed_url, etag=known.etag, last_modified=known.last_modified)
            if response.not_modified:
                summary.feeds_unchanged += 1
                links = known.pending
            else:
                links = listings[feed_url] = feed_links(response.content, feed_url)
                known.etag, known.last_modified = response.etag, response.last_modified
                state.feeds[feed_url] = known
        except InputError as error:
            summary.feeds_failed += 1
            warn(f"{feed_url}: {error.code} {error.message}")
            continue
        for link in links:
            if link in handled:
                known.mark_handled(link)
            else:
                listed_by.setdefault(link, []).append(feed_url)

    def mark_handled(url: str) -> None:
        for feed_url in listed_by[url]:
            state.feeds[feed_url].mark_handled(url)

    summary.articles_new, summary.store = ingest_new_pages(list(listed_by), fetcher, db, state, warn=warn,
                                                           on_handled=mark_handled)
    for feed_url, links in listings.items():
        state.feeds[feed_url].forget_old(set(links), keep)
    for feed_url in set(state.feeds) & set(feeds):
        feed = state.feeds[feed_url]
        done = set(feed.handled)
        feed.pending = [url for url in listings.get(feed_url, feed.pending) if url not in done]
    return summary


def ingest_new_pages(urls: list[str], fetcher: Fetcher, db: Database, state: WatchState, *,
                     warn: Callable[[str], None],
                     on_handled: Callable[[str], None] = lambda url: None) -> tuple[int, IngestSummary]:
    """Fetch and store the pages of ``urls`` the database does not hold yet, under their own
    URL or the one they redirect to (known from ``state.redirects``, or learnt on fetching).

    Returns how many were fetched and what storing them did (known pages count as already
    stored). ``on_handled`` hears of every URL done for good, as in ``fetch_documents``.
    """
    urls = list(dict.fromkeys(urls))
    stored = stored_urls(db, urls + [state.redirects[url] for url in urls if url in state.redirects])
    known = {url for url in urls if url in stored or state.redirects.get(url) in stored}
    for url in known:
        on_handled(url)
    wanted = [url for url in urls if url not in known]
    redirected_to_stored = 0

    def handled(url: str, final_url: str | None) -> None:
        on_handled(url)
        if final_url and final_url != url:
            state.remember_redirect(url, final_url)

    def unless_stored(final_url: str) -> bool:
        nonlocal redirected_to_stored
        already = bool(stored_urls(db, [final_url]))
        redirected_to_stored += already
        return already

    pages = fetch_documents(wanted, fetcher, on_fetched=handled, skip=unless_stored)
    summary = ingest_documents(db, pages, jobs=1, warn=warn)  # one process: pages come at the network's pace
    summary.skipped += len(known) + redirected_to_stored
    return len(wanted), summary


def fetch_documents(urls: list[str], fetcher: Fetcher, *,
                    on_fetched: Callable[[str, str | None], None] = lambda url, final_url: None,
                    skip: Callable[[str], bool] = lambda final_url: False,
                    ) -> Iterator[InputDocument | ReadFailure]:
    """A document per URL, or a ReadFailure with the reason it could not be fetched or read.

    ``on_fetched(url, final_url)`` hears of every URL answered for good (a page, a 4xx,
    robots' refusal, a non-HTML answer), with the URL the page came from after redirects
    (None on failure); URLs that failed for a passing reason (5xx, time-out) are tried again
    later. A page that redirected to a URL ``skip`` accepts yields nothing.
    """
    for url in urls:
        try:
            response = fetcher.get(url)
        except FetchFailed as error:
            if not isinstance(error, GaveUp):
                on_fetched(url, None)
            yield ReadFailure(None, url, error)
            continue
        on_fetched(url, response.url)
        if response.url != url and skip(response.url):
            continue
        try:
            yield page_document(response)
        except InputError as error:
            yield ReadFailure(None, url, error)
