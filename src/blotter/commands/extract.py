"""``blotter extract [INPUT ...] [-o OUT] [--format jsonl|json]`` (CLI.md)."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import nullcontext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract document and incident records; nothing is stored",
                       description="Read documents and write one document record per document, in input order.")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files, directories, .jsonl, .warc(.gz), or - for stdin (default)")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    p.add_argument("--format", choices=("jsonl", "json"), default="jsonl", help="JSON Lines (default) or a pretty JSON array")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="worker processes (default: one per core for batches, none for a few documents)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..models import ErrorRecord
    from ..pipeline import extract_many
    from ..read import read_inputs

    inputs = args.inputs or ["-"]
    failed = 0
    out_cm = open(args.output, "w", encoding="utf-8") if args.output else nullcontext(sys.stdout)
    with out_cm as out:
        if args.format == "json":
            out.write("[")
        for n, record in enumerate(extract_many(read_inputs(inputs), jobs=args.jobs)):
            if isinstance(record, ErrorRecord):
                failed += 1
                print(f"blotter: {record.id or '?'}: {record.error.code} {record.error.message}", file=sys.stderr)
            data = record.model_dump(mode="json")
            if args.format == "json":
                out.write(("\n" if n == 0 else ",\n") + json.dumps(data, ensure_ascii=False, indent=2))
            else:
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
            out.flush()
        if args.format == "json":
            out.write("\n]\n")
    return 1 if failed else 0
