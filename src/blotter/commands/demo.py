"""``blotter demo [DIR]``: extract the example reports and print a readable summary of each incident."""

from __future__ import annotations

import argparse
import json
import os
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="extract the example reports and summarise their incidents")
    p.add_argument("directory", nargs="?", default="examples")
    p.add_argument("-o", "--output", default="out/demo.jsonl", help="where the full JSON records go")
    p.add_argument("--db", default="sqlite:///out/demo.db", metavar="URL",
                   help="also store the records here, for the dashboard (default: %(default)s)")
    p.set_defaults(func=run)


def _count(c) -> str:
    if c.best is None:
        return "?"
    if c.high is None and c.low is not None and c.low == c.best and c.evidence and "least" in c.evidence[0].quote.lower():
        return f"{c.best}+"
    return str(c.best)


def describe(record) -> str:
    """A person-readable summary of one document record."""
    lines = [f"== {record.title or record.id}"]
    if record.published:
        lines.append(f"   published {record.published}")
    if not record.incidents:
        lines.append("   no violent incident")
    for inc in record.incidents:
        mark = "MAIN" if inc.is_primary else "also"
        lines.append(f"   [{mark}] {inc.category} / {', '.join(inc.attack_types)} ({inc.status})")
        when = inc.date.start or "date unknown"
        if inc.date.end and inc.date.end != inc.date.start:
            when += f" .. {inc.date.end}"
        where = ", ".join(x for x in (inc.location.name, inc.location.admin1, inc.location.country) if x) or "place unknown"
        lines.append(f"       when:  {when} ({inc.date.precision})   where: {where}")
        actors = [p.name or p.mention for p in inc.perpetrators] + [f"{g.name} ({g.relation})" for g in inc.groups]
        if actors:
            lines.append(f"       actors: {'; '.join(actors)}")
        lines.append(f"       killed {_count(inc.casualties.killed)}, injured {_count(inc.casualties.injured)}"
                     + (f"; weapons: {', '.join(w.mention for w in inc.weapons)}" if inc.weapons else ""))
        for claim in inc.claims:
            disputed = f"; disputed by {', '.join(d.who for d in claim.disputed_by)}" if claim.disputed_by else ""
            lines.append(f"       claim: {claim.claimant} {claim.status}" + (f" via {claim.channel}" if claim.channel else "") + disputed)
        if inc.summary:
            lines.append(f"       {inc.summary}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..models import ErrorRecord
    from ..pipeline import extract_many
    from ..read import read_inputs
    from ..store import open_database

    if not os.path.isdir(args.directory):
        print(f"blotter demo: no folder {args.directory!r}", file=sys.stderr)
        return 2
    os.makedirs(os.path.dirname(args.output) or ".", exist_ok=True)
    failed = 0
    with open(args.output, "w", encoding="utf-8") as out, open_database(args.db) as db:
        for record in extract_many(read_inputs([args.directory])):
            out.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")
            if isinstance(record, ErrorRecord):
                failed += 1
                print(f"== {record.id}: failed: {record.error.code} {record.error.message}")
            else:
                db.add_record(record)
                print(describe(record))
            print()
    print(f"Full JSON records: {args.output}  (one per line; `blotter extract FILE --format json` pretty-prints one)")
    print(f"Stored in {args.db}; to browse them: .venv/bin/blotter serve --db {args.db}  (then open http://127.0.0.1:8000/)")
    return 1 if failed else 0
