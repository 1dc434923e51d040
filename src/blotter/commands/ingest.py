"""``blotter ingest [INPUT ...] [--db URL] [--progress]``: extract and store (CLI.md).

Each document is stored with its merge in one transaction, so the command is safe to
interrupt and run again; documents already stored are skipped before extraction.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Iterator


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="extract documents and store them with their merged incidents",
                       description="Extract documents and store them, their incidents and the incidents merged "
                                   "across documents. Re-ingesting a document changes nothing; safe to interrupt.")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files, directories, .jsonl, .warc(.gz), or - for stdin (default)")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: $BLOTTER_DB, else sqlite:///blotter.db)")
    p.add_argument("--progress", action="store_true", help="show a progress bar even when stderr is not a terminal")
    p.add_argument("--from-batch", metavar="DIR", help="store the records `blotter batch` wrote to DIR (no extraction)")
    p.set_defaults(func=run)


@dataclass
class IngestSummary:
    stored: int = 0
    skipped: int = 0
    incidents: int = 0
    failed: int = 0

    def line(self, merged_total: int) -> str:
        return (f"blotter: documents stored {self.stored}, already stored {self.skipped}, failed {self.failed}; "
                f"incidents found {self.incidents}; the database holds {merged_total} merged incidents")


def run(args: argparse.Namespace) -> int:
    if args.from_batch:
        from ..batch.output import ingest_command

        return ingest_command(args.from_batch, args.db)
    from tqdm import tqdm

    from ..errors import BlotterError
    from ..models import ErrorRecord, InputDocument
    from ..pipeline import extract_many
    from ..read import ReadFailure, content_id, read_inputs
    from ..store import open_database

    try:
        db = open_database(args.db)
    except BlotterError as exc:
        print(f"blotter: {exc.code} {exc.message}", file=sys.stderr)
        return 1
    summary = IngestSummary()
    content_hashes: dict[str, str] = {}
    bar = tqdm(disable=not (args.progress or sys.stderr.isatty()), unit="doc", file=sys.stderr, desc="ingest",
               dynamic_ncols=True)

    def fail(key: str, document_id: str | None, code: str, message: str) -> None:
        summary.failed += 1
        db.add_failure(key, document_id, code, message)
        bar.write(f"blotter: {key}: {code} {message}", file=sys.stderr)

    def new_documents() -> Iterator[InputDocument]:
        """The inputs not stored yet (by id or content hash), each with its id set."""
        for item in read_inputs(args.inputs or ["-"]):
            if isinstance(item, ReadFailure):
                bar.update(1)
                fail(item.id or item.origin, item.id, item.error.code, item.error.message)
                continue
            content_hash = content_id(item.html if item.html is not None else (item.text or ""))
            doc_id = item.id or content_hash
            if db.has_document(doc_id, content_hash):
                bar.update(1)
                summary.skipped += 1
                continue
            content_hashes[doc_id] = content_hash
            yield item.model_copy(update={"id": doc_id})

    with db:
        try:
            for record in extract_many(new_documents()):
                bar.update(1)
                content_hash = content_hashes.pop(record.id or "", None)
                if isinstance(record, ErrorRecord):
                    fail(record.id or "?", record.id, record.error.code, record.error.message)
                    continue
                result = db.add_record(record, content_hash=content_hash)
                summary.stored += result.stored
                summary.skipped += not result.stored
                summary.incidents += result.incidents
                bar.set_postfix(stored=summary.stored, skipped=summary.skipped, incidents=summary.incidents,
                                failed=summary.failed, refresh=False)
        except BlotterError as exc:
            print(f"blotter: {exc.code} {exc.message}", file=sys.stderr)
            return 1
        finally:
            bar.close()
            print(summary.line(db.counts().merged), file=sys.stderr)
    return 1 if summary.failed else 0
