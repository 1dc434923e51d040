"""The local engine: every core of this machine, in worker processes (``pipeline.extract_many``)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator, Sequence

from ..models import ErrorRecord, InputDocument
from ..pipeline import extract_many
from ..read import ReadFailure, read_inputs
from .output import BatchSummary, BatchWriter, failure_of, record_row, with_content_ids, write_summary


def run_local(inputs: Sequence[str], output: Path, *, workers: int) -> BatchSummary:
    """Extract ``inputs`` with ``workers`` processes into the batch layout under ``output``."""
    summary = BatchSummary(engine="local", workers=workers)
    started = time.perf_counter()
    content_hashes: dict[str, str] = {}

    with BatchWriter(output) as writer:
        def readable_documents() -> Iterator[InputDocument]:
            """Unreadable inputs are written off here, where their origin is still known."""
            for item, content_hash in with_content_ids(read_inputs(inputs)):
                if isinstance(item, ReadFailure):
                    summary.documents += 1
                    summary.failed += 1
                    writer.add_failure(failure_of(item))
                    continue
                content_hashes[item.id or ""] = content_hash or ""
                yield item

        for result in extract_many(readable_documents(), jobs=workers):
            summary.documents += 1
            if isinstance(result, ErrorRecord):
                summary.failed += 1
                writer.add_failure(failure_of(result))
                continue
            summary.incidents += len(result.incidents)
            writer.add_record(record_row(result, content_hashes.pop(result.id, None)))
    summary.seconds = round(time.perf_counter() - started, 2)
    write_summary(output, summary)
    return summary
