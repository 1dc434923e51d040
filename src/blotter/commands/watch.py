"""``blotter watch FEED... [--db URL] [--every 10m] [--once]``: follow RSS/Atom feeds.

Each round polls the feeds with conditional requests and ingests the articles not seen
before. The feeds' ETags and the URLs handled are kept in a JSON state file beside a SQLite
database (``blotter.db.watch.json``), or where ``--state`` says.
"""

from __future__ import annotations

import argparse
import sys
import time

from .fetch import add_fetch_options, fetch_settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("watch", help="poll RSS/Atom feeds and ingest their new articles",
                       description="Poll RSS/Atom feeds and ingest the articles they list that were not seen "
                                   "before, every --every interval (or once).")
    p.add_argument("feeds", nargs="+", metavar="FEED", help="feed URLs (RSS or Atom)")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: $BLOTTER_DB, else sqlite:///blotter.db)")
    p.add_argument("--every", default="10m", metavar="DURATION", help="time between rounds: 30s, 10m, 1h (default 10m)")
    p.add_argument("--once", action="store_true", help="one round, then exit")
    p.add_argument("--state", metavar="FILE",
                   help="JSON state file (default: beside a SQLite database, else ./blotter.watch.json)")
    add_fetch_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..errors import BlotterError
    from ..sources.fetch import Fetcher
    from ..sources.watch import WatchState, parse_duration, state_path_for, watch_once
    from ..store import open_database, resolve_url

    try:
        interval = parse_duration(args.every)
    except ValueError as exc:
        print(f"blotter: {exc}", file=sys.stderr)
        return 2
    state_path = Path(args.state) if args.state else state_path_for(resolve_url(args.db))
    state = WatchState.load(state_path)

    def warn(message: str) -> None:
        print(f"blotter: {message}", file=sys.stderr)

    try:
        with open_database(args.db) as db, Fetcher(fetch_settings(args)) as fetcher:
            while True:
                summary = watch_once(args.feeds, fetcher, db, state, warn=warn)
                state.save(state_path)
                print(summary.line(), file=sys.stderr)
                if args.once:
                    return 1 if summary.feeds_failed or summary.store.failed else 0
                time.sleep(interval)
    except BlotterError as exc:
        print(f"blotter: {exc.code} {exc.message}", file=sys.stderr)
        return 1
