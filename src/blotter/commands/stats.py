"""``blotter stats [--db URL] [--json]``: what the database holds, by category, attack type,
country and month."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="count the database's incidents by category, attack type, country, month")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: $BLOTTER_DB, else sqlite:///blotter.db)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import BlotterError
    from ..store import open_database

    try:
        with open_database(args.db) as db:
            stats = db.stats()
    except BlotterError as exc:
        print(f"blotter: {exc.code} {exc.message}", file=sys.stderr)
        return 1
    print(json.dumps(stats, indent=2) if args.json else format_stats(stats))
    return 0


def format_stats(stats: dict) -> str:
    """The stats as a plain-text table: totals first, then one section per breakdown."""
    lines = [f"{name.replace('_', ' ')}: {stats[name]}"
             for name in ("documents", "incidents", "merged_incidents", "failed_documents")]
    for section in ("by_category", "by_attack_type", "by_country", "by_month"):
        lines.append("")
        lines.append(section.replace("_", " "))
        lines += [f"  {key:<32} {count:>7}" for key, count in stats[section].items()]
    return "\n".join(lines)
