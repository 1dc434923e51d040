"""Fetched pages into the database, through the same library path as ``blotter ingest``.

Documents already stored (same id or same content) are skipped before extraction; the
others are extracted, stored with their merge, or recorded as failures with their reason.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

import sqlalchemy as sa

from ..models import ErrorRecord, InputDocument
from ..pipeline import extract_many
from ..read import ReadFailure, content_id
from ..store import Database
from ..store.schema import documents


@dataclass
class StoreSummary:
    stored: int = 0
    skipped: int = 0
    incidents: int = 0
    failed: int = 0

    def line(self) -> str:
        return (f"documents stored {self.stored}, already stored {self.skipped}, failed {self.failed}; "
                f"incidents found {self.incidents}")


def _print_warning(message: str) -> None:
    print(f"blotter: {message}", file=sys.stderr)


def store_documents(db: Database, items: Iterable[InputDocument | ReadFailure], *,
                    warn: Callable[[str], None] = _print_warning) -> StoreSummary:
    """Extract and store ``items``; every failure is recorded in the database and passed to ``warn``."""
    summary = StoreSummary()
    content_hashes: dict[str, str] = {}

    def fail(key: str, document_id: str | None, code: str, message: str) -> None:
        summary.failed += 1
        db.add_failure(key, document_id, code, message)
        warn(f"{key}: {code} {message}")

    def new_documents() -> Iterator[InputDocument]:
        for item in items:
            if isinstance(item, ReadFailure):
                fail(item.id or item.origin, item.id, item.error.code, item.error.message)
                continue
            content_hash = content_id(item.html if item.html is not None else (item.text or ""))
            document_id = item.id or content_hash
            if db.has_document(document_id, content_hash):
                summary.skipped += 1
                continue
            content_hashes[document_id] = content_hash
            yield item.model_copy(update={"id": document_id})

    # One process: pages arrive at the pace of the network, and a forked pool would share the HTTP client.
    for record in extract_many(new_documents(), jobs=1):
        content_hash = content_hashes.pop(record.id or "", None)
        if isinstance(record, ErrorRecord):
            fail(record.id or "?", record.id, record.error.code, record.error.message)
            continue
        result = db.add_record(record, content_hash=content_hash)
        summary.stored += result.stored
        summary.skipped += not result.stored
        summary.incidents += result.incidents
    return summary


def stored_urls(db: Database, urls: Iterable[str]) -> set[str]:
    """Which of ``urls`` already belong to a stored document (so they need no fetching)."""
    wanted = sorted(set(urls))
    found: set[str] = set()
    with db.engine.connect() as conn:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            found.update(conn.execute(sa.select(documents.c.url).where(documents.c.url.in_(chunk))).scalars())
    return found
