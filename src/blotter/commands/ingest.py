"""``blotter ingest [INPUT ...] [--db URL] [--progress] [-j N]``: extract and store (CLI.md).

Each document is stored with its merge in one transaction, so the command is safe to
interrupt and run again; documents already stored are skipped before extraction.
"""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="extract documents and store them with their merged incidents",
                       description="Extract documents and store them, their incidents and the incidents merged "
                                   "across documents. Re-ingesting a document changes nothing; safe to interrupt.")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files, directories, .jsonl, .warc(.gz), or - for stdin (default)")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: $BLOTTER_DB, else sqlite:///blotter.db)")
    p.add_argument("--progress", action="store_true", help="show a progress bar even when stderr is not a terminal")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="worker processes that extract while this one stores (default: one per core "
                        "for batches, none for a few documents)")
    p.add_argument("--from-batch", metavar="DIR", help="store the records `blotter batch` wrote to DIR (no extraction)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.from_batch:
        from ..batch.output import ingest_command

        return ingest_command(args.from_batch, args.db)
    from tqdm import tqdm

    from ..errors import BlotterError
    from ..ingest import IngestSummary, ingest_documents
    from ..read import read_inputs
    from ..store import open_database

    try:
        db = open_database(args.db)
    except BlotterError as exc:
        print(f"blotter: {exc.code} {exc.message}", file=sys.stderr)
        return 1
    bar = tqdm(disable=not (args.progress or sys.stderr.isatty()), unit="doc", file=sys.stderr, desc="ingest",
               dynamic_ncols=True)
    summary = IngestSummary()  # counted into as the run goes, so an interrupted run still reports

    def progress(so_far: IngestSummary) -> None:
        bar.update(1)
        bar.set_postfix(stored=so_far.stored, skipped=so_far.skipped, incidents=so_far.incidents,
                        failed=so_far.failed, refresh=False)

    with db:
        try:
            ingest_documents(db, read_inputs(args.inputs or ["-"]), jobs=args.jobs, summary=summary, on_document=progress,
                             warn=lambda message: bar.write(f"blotter: {message}", file=sys.stderr))
        except BlotterError as exc:
            print(f"blotter: {exc.code} {exc.message}", file=sys.stderr)
            return 1
        finally:
            bar.close()
            print(f"blotter: {summary.line()}; the database holds {db.counts().merged} merged incidents",
                  file=sys.stderr)
    return 1 if summary.failed else 0
