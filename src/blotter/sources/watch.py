"""Following RSS and Atom feeds: ``watch_once(feeds, ...)`` fetches the new articles they list.

What was seen is kept in a small JSON state file (the store has no table for it): per feed
its ETag and Last-Modified for conditional requests, and every article URL already handled,
so a second round fetches nothing that has not changed. Pages stored in the database are
recognised by URL too, so several state files (or none) never cause a second fetch.
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
from ..models import InputDocument
from ..read import ReadFailure
from ..store import Database
from .fetch import Fetcher, FetchFailed, GaveUp, page_document
from .store import StoreSummary, store_documents, stored_urls

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


@dataclass
class FeedState:
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class WatchState:
    """What earlier rounds saw; ``load`` and ``save`` keep it in a JSON file."""

    feeds: dict[str, FeedState] = field(default_factory=dict)
    seen_urls: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> "WatchState":
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(feeds={url: FeedState(**value) for url, value in data.get("feeds", {}).items()},
                   seen_urls=set(data.get("seen_urls", [])))

    def save(self, path: Path) -> None:
        """Write atomically, so an interrupted round never leaves a broken state file."""
        data = {"feeds": {url: asdict(value) for url, value in sorted(self.feeds.items())},
                "seen_urls": sorted(self.seen_urls)}
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=1)
        os.replace(temporary, path)


@dataclass
class WatchSummary:
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    articles_new: int = 0
    store: StoreSummary = field(default_factory=StoreSummary)

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
               warn: Callable[[str], None]) -> WatchSummary:
    """One round: poll every feed (conditionally), then fetch and store the unseen articles."""
    summary = WatchSummary()
    new_links: list[str] = []
    for feed_url in feeds:
        known = state.feeds.get(feed_url, FeedState())
        try:
            response = fetcher.get(feed_url, etag=known.etag, last_modified=known.last_modified)
            if response.not_modified:
                summary.feeds_unchanged += 1
                continue
            links = feed_links(response.content, feed_url)
        except InputError as error:
            summary.feeds_failed += 1
            warn(f"{feed_url}: {error.code} {error.message}")
            continue
        state.feeds[feed_url] = FeedState(etag=response.etag, last_modified=response.last_modified)
        for link in links:
            if link not in state.seen_urls and link not in new_links:
                new_links.append(link)
    already_stored = stored_urls(db, new_links)
    state.seen_urls.update(already_stored)
    unseen = [link for link in new_links if link not in already_stored]
    summary.articles_new = len(unseen)
    summary.store = store_documents(db, fetch_documents(unseen, fetcher, on_fetched=state.seen_urls.add), warn=warn)
    return summary


def fetch_documents(urls: list[str], fetcher: Fetcher, *,
                    on_fetched: Callable[[str], None] = lambda url: None) -> Iterator[InputDocument | ReadFailure]:
    """A document per URL, or a ReadFailure with the reason it could not be fetched or read.

    ``on_fetched`` hears of every URL answered for good (a page, a 4xx, robots' refusal, a
    non-HTML answer); URLs that failed for a passing reason (5xx, time-out) are tried again later.
    """
    for url in urls:
        try:
            response = fetcher.get(url)
        except FetchFailed as error:
            if not isinstance(error, GaveUp):
                on_fetched(url)
            yield ReadFailure(None, url, error)
            continue
        on_fetched(url)
        try:
            yield page_document(response)
        except InputError as error:
            yield ReadFailure(None, url, error)
