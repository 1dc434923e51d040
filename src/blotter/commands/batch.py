"""``blotter batch INPUT... --output DIR [--engine local|ray]``: extraction at scale.

Writes document records as Parquet under DIR/records and failures to DIR/failures.jsonl;
``blotter ingest --from-batch DIR`` stores them.
"""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="extract many documents into Parquet, on this machine or a Ray cluster",
                       description="Extract documents into DIR/records/*.parquet (id, url, title, published, "
                                   "content_hash, record JSON) and DIR/failures.jsonl; store them with "
                                   "`blotter ingest --from-batch DIR`.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, .jsonl, .warc(.gz)")
    p.add_argument("--output", required=True, metavar="DIR", help="an empty or new directory")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local: worker processes on this machine (default); ray: Ray Data actors")
    p.add_argument("--workers", type=int, default=0, metavar="N", help="processes or Ray actors (default: every core)")
    p.add_argument("--ray-address", metavar="ADDRESS",
                   help="an existing Ray cluster, e.g. ray://head:10001 (default: $RAY_ADDRESS, else a local instance)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..batch import run_batch

    try:
        summary = run_batch(args.inputs, Path(args.output), engine=args.engine, workers=args.workers,
                            ray_address=args.ray_address)
    except (FileExistsError, ValueError) as exc:
        print(f"blotter: {exc}", file=sys.stderr)
        return 2
    print(summary.line(), file=sys.stderr)
    return 1 if summary.failed else 0
