"""Politeness towards the sites Blotter reads: robots.txt and a per-host pace.

A crawler that ignores either gets blocked, and deserves to be; both are kept per host
(``scheme://host:port``) for the life of one fetcher.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from typing import Callable
from urllib.parse import urlsplit


def host_key(url: str) -> str:
    """``scheme://host[:port]``: what robots.txt and the rate limit are kept per."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class HostPace:
    """At most one request per ``interval`` seconds to each host (robots.txt may ask for more)."""

    def __init__(self, interval: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._next_allowed: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_delay(self, host: str, seconds: float) -> None:
        """A longer pace for one host (a robots.txt Crawl-delay)."""
        self._delays[host] = max(seconds, self.interval)

    def wait(self, url: str) -> None:
        """Block until a request to the host of ``url`` is allowed, and book the slot."""
        host = host_key(url)
        with self._lock:
            now = self._clock()
            start = max(now, self._next_allowed.get(host, now))
            self._next_allowed[host] = start + self._delays.get(host, self.interval)
        if start > now:
            self._sleep(start - now)


class RobotsRules:
    """robots.txt rules per host, read once through ``load(robots_url) -> (status, text)``.

    Following RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one
    (5xx, network error: ``status`` None) disallows everything for this run.
    """

    def __init__(self, user_agent: str, load: Callable[[str], tuple[int | None, str]]):
        self.user_agent = user_agent
        self._load = load
        self._parsers: dict[str, urllib.robotparser.RobotFileParser] = {}

    def allows(self, url: str) -> bool:
        return self._parser(host_key(url)).can_fetch(self.user_agent, url)

    def crawl_delay(self, url: str) -> float | None:
        delay = self._parser(host_key(url)).crawl_delay(self.user_agent)
        return float(delay) if delay is not None else None

    def _parser(self, host: str) -> urllib.robotparser.RobotFileParser:
        if host not in self._parsers:
            parser = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
            status, text = self._load(f"{host}/robots.txt")
            if status is not None and 200 <= status < 300:
                parser.parse(text.splitlines())
            elif status is not None and 400 <= status < 500:
                parser.allow_all = True
            else:
                parser.disallow_all = True
            self._parsers[host] = parser
        return self._parsers[host]
