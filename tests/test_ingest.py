"""``ingest_documents``, the one path every source stores through: counts, failures kept,
progress per document, and nothing stored twice."""

from __future__ import annotations

from pathlib import Path

from blotter.errors import EmptyInput
from blotter.ingest import IngestSummary, ingest_documents
from blotter.models import InputDocument
from blotter.read import ReadFailure
from blotter.store import open_database

REPORTS = [
    "Gunmen shot dead two traders at a market in Kano, Nigeria, on Tuesday, police said.",
    "A car bomb killed four soldiers at a checkpoint near Mosul, Iraq, on Sunday, officials said.",
]


def inputs() -> list[InputDocument | ReadFailure]:
    documents: list[InputDocument | ReadFailure] = [InputDocument(text=text, origin=f"report-{n}")
                                                    for n, text in enumerate(REPORTS)]
    return [*documents, ReadFailure(None, "empty.txt", EmptyInput("empty.txt: nothing to read"))]


def test_documents_are_stored_once_failures_kept_and_every_item_reported(tmp_path: Path) -> None:
    warnings: list[str] = []
    progress: list[tuple[int, int, int]] = []
    with open_database(f"sqlite:///{tmp_path / 'news.db'}") as db:
        first = ingest_documents(db, inputs(), jobs=1, warn=warnings.append,
                                 on_document=lambda s: progress.append((s.stored, s.skipped, s.failed)))
        assert (first.stored, first.skipped, first.failed) == (2, 0, 1) and first.incidents >= 2
        assert len(progress) == 3 and progress[-1] == (2, 0, 1)
        assert warnings == ["empty.txt: E101 empty.txt: nothing to read"]

        again = IngestSummary()
        ingest_documents(db, inputs()[:2], jobs=1, summary=again, warn=warnings.append)
        assert (again.stored, again.skipped) == (0, 2)
        assert db.counts().documents == 2
