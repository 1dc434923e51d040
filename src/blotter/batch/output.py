"""The layout ``blotter batch`` writes, whatever the engine, and how ``ingest`` loads it.

    DIR/records/*.parquet   one row per document record: id, url, title, published,
                            content_hash (SHA-256 of the input page or text) and record (JSON)
    DIR/failures.jsonl      one line per document that failed: key, id, code, message
    DIR/summary.json        engine, workers, counts and seconds of the run

Rows are in input order within and across the sorted Parquet files.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from ..models import DocumentRecord, ErrorRecord, InputDocument
from ..read import ReadFailure, content_id

if TYPE_CHECKING:
    from ..ingest import IngestSummary
    from ..store import Database

RECORDS_DIR = "records"
FAILURES_FILE = "failures.jsonl"
SUMMARY_FILE = "summary.json"
RECORD_COLUMNS = ("id", "url", "title", "published", "content_hash", "record")
RECORD_SCHEMA = pa.schema([(name, pa.string()) for name in RECORD_COLUMNS])
ROW_GROUP_SIZE = 256


@dataclass
class Failure:
    """A document that failed: where it was (``key``), its id when known, and why."""

    key: str
    id: str | None
    code: str
    message: str


@dataclass
class BatchSummary:
    engine: str
    workers: int
    documents: int = 0
    failed: int = 0
    incidents: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (f"blotter: {self.documents} documents ({self.failed} failed), {self.incidents} incidents "
                f"in {self.seconds:.1f} s = {rate:.1f} documents/s ({self.engine}, {self.workers} workers)")


def prepare_output(output: Path) -> None:
    """Create ``output``; refuse one that already holds batch output, so runs never mix."""
    if (output / RECORDS_DIR).exists() and any((output / RECORDS_DIR).iterdir()):
        raise FileExistsError(f"{output} already holds batch output; choose an empty directory")
    (output / RECORDS_DIR).mkdir(parents=True, exist_ok=True)


Item = InputDocument | ReadFailure


def with_content_ids(items: Iterable[Item]) -> Iterator[tuple[Item, str | None]]:
    """Each item with the hash of its content, and documents with their id set (as ``ingest`` does)."""
    for item in items:
        if isinstance(item, ReadFailure):
            yield item, None
            continue
        content_hash = content_id(item.html if item.html is not None else (item.text or ""))
        yield item.model_copy(update={"id": item.id or content_hash}), content_hash


def record_row(record: DocumentRecord, content_hash: str | None) -> dict[str, str | None]:
    return {"id": record.id, "url": record.url, "title": record.title, "published": record.published,
            "content_hash": content_hash, "record": record.model_dump_json()}


def failure_of(result: ErrorRecord | ReadFailure, origin: str | None = None) -> Failure:
    if isinstance(result, ReadFailure):
        return Failure(result.id or result.origin, result.id, result.error.code, result.error.message)
    return Failure(result.id or origin or "?", result.id, result.error.code, result.error.message)


class BatchWriter:
    """Writes the layout above as results arrive (``with BatchWriter(dir) as w: w.add(...)``)."""

    def __init__(self, output: Path):
        self.output = output
        self._rows: list[dict[str, str | None]] = []
        self._parquet = pq.ParquetWriter(output / RECORDS_DIR / "part-00000.parquet", RECORD_SCHEMA)
        self._failures = open(output / FAILURES_FILE, "w", encoding="utf-8")

    def __enter__(self) -> "BatchWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self._flush()
        self._parquet.close()
        self._failures.close()

    def add_record(self, row: dict[str, str | None]) -> None:
        self._rows.append(row)
        if len(self._rows) >= ROW_GROUP_SIZE:
            self._flush()

    def add_failure(self, failure: Failure) -> None:
        self._failures.write(json.dumps(asdict(failure), ensure_ascii=False) + "\n")

    def _flush(self) -> None:
        if self._rows:
            self._parquet.write_table(pa.Table.from_pylist(self._rows, schema=RECORD_SCHEMA))
            self._rows = []


def write_failures(output: Path, failures: Iterable[Failure]) -> None:
    with open(output / FAILURES_FILE, "w", encoding="utf-8") as stream:
        for failure in failures:
            stream.write(json.dumps(asdict(failure), ensure_ascii=False) + "\n")


def write_summary(output: Path, summary: BatchSummary) -> None:
    (output / SUMMARY_FILE).write_text(json.dumps(asdict(summary), indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- reading it back


def read_record_rows(output: Path) -> Iterator[dict[str, Any]]:
    """The record rows of a batch output directory (or of one .parquet file), in order."""
    files = [output] if output.is_file() else sorted((output / RECORDS_DIR).glob("*.parquet"))
    if not files:
        raise FileNotFoundError(f"{output}: no batch output (expected {RECORDS_DIR}/*.parquet)")
    for path in files:
        parquet = pq.ParquetFile(path)
        for batch in parquet.iter_batches(batch_size=ROW_GROUP_SIZE, columns=list(RECORD_COLUMNS)):
            yield from batch.to_pylist()


def read_failures(output: Path) -> Iterator[Failure]:
    path = output / FAILURES_FILE
    if output.is_dir() and path.exists():
        with open(path, encoding="utf-8") as stream:
            for line in stream:
                if line.strip():
                    yield Failure(**json.loads(line))


def ingest_batch_output(db: Database, output: Path, *, warn: Callable[[str], None]) -> IngestSummary:
    """Store the records of a batch run (no extraction) and its failures, merging as ``ingest`` does."""
    from ..ingest import IngestSummary

    summary = IngestSummary()
    for row in read_record_rows(output):
        if db.has_document(row["id"], row["content_hash"]):
            summary.skipped += 1
            continue
        summary.count(db.add_record(DocumentRecord.model_validate_json(row["record"]),
                                    content_hash=row["content_hash"]))
    for failure in read_failures(output):
        summary.failed += 1
        db.add_failure(failure.key, failure.id, failure.code, failure.message)
        warn(f"{failure.key}: {failure.code} {failure.message}")
    return summary


def ingest_command(output: str, db_url: str | None) -> int:
    """``blotter ingest --from-batch DIR``: exit 1 when the batch had failures, as ``ingest`` does."""
    from ..errors import BlotterError
    from ..store import open_database

    def warn(message: str) -> None:
        print(f"blotter: {message}", file=sys.stderr)

    try:
        with open_database(db_url) as db:
            summary = ingest_batch_output(db, Path(output), warn=warn)
            print(f"blotter: {summary.line()}; the database holds {db.counts().merged} merged incidents",
                  file=sys.stderr)
    except BlotterError as exc:
        print(f"blotter: {exc.code} {exc.message}", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"blotter: {exc}", file=sys.stderr)
        return 1
    return 1 if summary.failed else 0
