"""``blotter fetch URL... [--db URL | -o OUT.jsonl]``: fetch pages, then store or write them.

Pages go through the same path as files: stored with their merge (skipping pages whose URL
or content is already stored, before fetching when the URL, or the URL it redirected to
before, is known), or extracted to JSON Lines. Redirects met are remembered in the state
file ``watch`` keeps beside the database.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # the HTTP stack loads only when a command runs, so --help stays fast
    from ..models import InputDocument
    from ..read import ReadFailure
    from ..sources.fetch import FetchSettings


def add_fetch_options(p: argparse.ArgumentParser) -> None:
    """The politeness options ``fetch`` and ``watch`` share."""
    p.add_argument("--user-agent", metavar="UA",
                   help="User-Agent header; put a contact in it (default: $BLOTTER_USER_AGENT, else Blotter/<version> (...))")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="seconds per request (default 20)")
    p.add_argument("--delay", type=float, default=1.0, metavar="S",
                   help="seconds between two requests to one host (default 1; robots.txt Crawl-delay may ask more)")
    p.add_argument("--retries", type=int, default=3, metavar="N",
                   help="attempts after a 5xx, 429, time-out or connection error (default 3, with doubling waits "
                        "or the Retry-After the server asks for, up to 120 s)")


def fetch_settings(args: argparse.Namespace) -> FetchSettings:
    from ..sources.fetch import FetchSettings

    settings = FetchSettings(timeout=args.timeout, host_interval=args.delay, retries=args.retries)
    return dataclasses.replace(settings, user_agent=args.user_agent) if args.user_agent else settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("fetch", help="fetch web pages and store them (or write their records)",
                       description="Fetch web pages politely (robots.txt, a per-host pace, retries) and ingest "
                                   "them into the database, or write their document records with -o.")
    p.add_argument("urls", nargs="+", metavar="URL", help="pages to fetch (http or https)")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: $BLOTTER_DB, else sqlite:///blotter.db)")
    target.add_argument("-o", "--output", metavar="OUT",
                        help="write document records as JSON Lines here (- for stdout)")
    add_fetch_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import BlotterError
    from ..sources.fetch import Fetcher
    from ..sources.watch import fetch_documents

    with Fetcher(fetch_settings(args)) as fetcher:
        if args.output:
            return _write_records(fetch_documents(args.urls, fetcher), args.output)
        from ..sources.watch import WatchState, ingest_new_pages, state_path_for
        from ..store import open_database, resolve_url

        state_path = state_path_for(resolve_url(args.db))  # shared with watch: the redirects met
        state = WatchState.load(state_path)
        try:
            with open_database(args.db) as db:
                _, summary = ingest_new_pages(args.urls, fetcher, db, state,
                                              warn=lambda message: print(f"blotter: {message}", file=sys.stderr))
                if state.redirects:
                    state.save(state_path)
                print(f"blotter: {summary.line()}; the database holds {db.counts().merged} merged incidents",
                      file=sys.stderr)
        except BlotterError as exc:
            print(f"blotter: {exc.code} {exc.message}", file=sys.stderr)
            return 1
    return 1 if summary.failed else 0


def _write_records(documents: Iterable[InputDocument | ReadFailure], output: str) -> int:
    from ..models import ErrorRecord
    from ..pipeline import extract_many

    failed = 0
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    try:
        for record in extract_many(documents, jobs=1):
            if isinstance(record, ErrorRecord):
                failed += 1
                print(f"blotter: {record.id or '?'}: {record.error.code} {record.error.message}", file=sys.stderr)
            out.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0
