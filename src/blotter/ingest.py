"""Documents into the database: ``ingest_documents(db, items) -> IngestSummary``.

The one path every source takes (``blotter ingest``, ``fetch``, ``watch``): documents
already stored (same id or same content) are skipped before extraction; the others are
extracted, stored with their merge in one transaction each, or recorded as failures with
their reason, so a run is safe to interrupt and repeat.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .models import ErrorRecord, InputDocument
from .read import ReadFailure, content_id

if TYPE_CHECKING:
    from .store import Database
    from .store.database import AddResult


@dataclass
class IngestSummary:
    stored: int = 0
    skipped: int = 0
    incidents: int = 0
    failed: int = 0

    def count(self, result: AddResult) -> None:
        """Count what storing one document did."""
        self.stored += result.stored
        self.skipped += not result.stored
        self.incidents += result.incidents

    def line(self) -> str:
        return (f"documents stored {self.stored}, already stored {self.skipped}, failed {self.failed}; "
                f"incidents found {self.incidents}")


def print_warning(message: str) -> None:
    print(f"blotter: {message}", file=sys.stderr)


def ingest_documents(db: Database, items: Iterable[InputDocument | ReadFailure], *, jobs: int = 0,
                     warn: Callable[[str], None] = print_warning,
                     on_document: Callable[[IngestSummary], None] = lambda summary: None,
                     summary: IngestSummary | None = None) -> IngestSummary:
    """Extract and store ``items`` (``jobs`` as in ``pipeline.extract_many``).

    Every failure is recorded in the database and passed to ``warn``; ``on_document`` hears
    of each item once it is counted (stored, skipped or failed), e.g. for a progress bar.
    Counts go into ``summary`` when given, so a caller still has them if the run is interrupted.
    """
    from .pipeline import extract_many  # the language models load only when something is extracted

    summary = summary if summary is not None else IngestSummary()
    content_hashes: dict[str, str] = {}

    def fail(key: str, document_id: str | None, code: str, message: str) -> None:
        summary.failed += 1
        db.add_failure(key, document_id, code, message)
        warn(f"{key}: {code} {message}")
        on_document(summary)

    def new_documents() -> Iterator[InputDocument]:
        """The items not stored yet (by id or content hash), each with its id set."""
        for item in items:
            if isinstance(item, ReadFailure):
                fail(item.id or item.origin, item.id, item.error.code, item.error.message)
                continue
            content_hash = content_id(item.html if item.html is not None else (item.text or ""))
            document_id = item.id or content_hash
            if db.has_document(document_id, content_hash):
                summary.skipped += 1
                on_document(summary)
                continue
            content_hashes[document_id] = content_hash
            yield item.model_copy(update={"id": document_id})

    for record in extract_many(new_documents(), jobs=jobs):
        content_hash = content_hashes.pop(record.id or "", None)
        if isinstance(record, ErrorRecord):
            fail(record.id or "?", record.id, record.error.code, record.error.message)
            continue
        summary.count(db.add_record(record, content_hash=content_hash))
        on_document(summary)
    return summary
