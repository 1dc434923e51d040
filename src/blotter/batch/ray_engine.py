"""The Ray engine: Ray Data reads the input files in parallel tasks and runs the pipeline in
actors that load the models once (``map_batches`` with a callable class, one actor per worker).

Works on a local Ray instance (started here with ``workers`` CPUs) or on an existing cluster
(``address``, e.g. ``ray://head:10001``, else $RAY_ADDRESS); every node of a cluster needs
Blotter, its pinned dependencies and the spaCy model package installed.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Sequence

import pyarrow as pa

from ..read import KNOWN_SUFFIXES, STDIN_PATH
from .output import (RECORD_COLUMNS, RECORDS_DIR, BatchSummary, Failure, write_failures, write_summary)

BATCH_SIZE = 16
TARGET_BLOCK_BYTES = 128 * 1024
# Reading is light next to extraction, and the actors hold every CPU for the whole run: read
# tasks that asked for CPU would wait for them for ever.
READ_TASK_CPUS = 0
# Files are spread over at most this many blocks (one read task each): plenty of parallelism
# without one task per file of a large corpus.
MAX_READ_BLOCKS = 256

_TEXT = pa.string()
DOCUMENT_SCHEMA = pa.schema([("key", _TEXT), ("id", _TEXT), ("url", _TEXT), ("title", _TEXT),
                             ("published", _TEXT), ("html", _TEXT), ("text", _TEXT), ("fetched", _TEXT),
                             ("content_hash", _TEXT), ("error_code", _TEXT), ("error_message", _TEXT)])
RESULT_SCHEMA = pa.schema([(name, _TEXT) for name in RECORD_COLUMNS]
                          + [("key", _TEXT), ("error_code", _TEXT), ("error_message", _TEXT),
                             ("incidents", pa.int64())])


def input_files(inputs: Sequence[str]) -> list[str]:
    """Files to read, one per Ray task: directories expanded to their files of a known kind."""
    files: list[str] = []
    for path in inputs:
        if path == STDIN_PATH:
            raise ValueError("the ray engine reads files and directories, not standard input")
        if not os.path.isdir(path):
            files.append(path)
            continue
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files.extend(os.path.join(root, name) for name in sorted(names)
                         if not name.startswith(".") and name.lower().endswith(KNOWN_SUFFIXES))
    return files


def read_files(batch: pa.Table) -> pa.Table:
    """The documents (or read failures) of a batch of input files, one row each."""
    from ..read import ReadFailure, read_inputs
    from .output import with_content_ids

    rows = []
    for item, content_hash in with_content_ids(read_inputs(batch.column("path").to_pylist())):
        if isinstance(item, ReadFailure):
            rows.append({"key": item.origin, "id": item.id, "error_code": item.error.code,
                         "error_message": item.error.message})
        else:
            rows.append({"key": item.origin, "id": item.id, "url": item.url, "title": item.title,
                         "published": item.published, "html": item.html, "text": item.text,
                         "fetched": item.fetched, "content_hash": content_hash})
    return pa.Table.from_pylist(rows, schema=DOCUMENT_SCHEMA)


class Extractor:
    """A Ray actor: loads the models once, then extracts batch after batch."""

    def __init__(self) -> None:
        from ..nlp import load_nlp

        load_nlp()

    def __call__(self, batch: pa.Table) -> pa.Table:
        from ..errors import InputError
        from ..models import DocumentRecord, InputDocument
        from ..pipeline import extract_batch
        from ..read import ReadFailure
        from .output import record_row

        rows = batch.to_pylist()
        items = [ReadFailure(row["id"], row["key"], InputError(row["error_message"])) if row["error_code"]
                 else InputDocument(**{name: row[name] for name in
                                       ("id", "url", "title", "published", "html", "text", "fetched")})
                 for row in rows]
        results = []
        for row, result in zip(rows, extract_batch(items)):
            base = {"key": row["key"], "id": row["id"], "incidents": 0}
            if row["error_code"]:
                results.append({**base, "error_code": row["error_code"], "error_message": row["error_message"]})
            elif isinstance(result, DocumentRecord):
                results.append({**base, **record_row(result, row["content_hash"]), "incidents": len(result.incidents)})
            else:
                results.append({**base, "error_code": result.error.code, "error_message": result.error.message})
        return pa.Table.from_pylist(results, schema=RESULT_SCHEMA)


def run_ray(inputs: Sequence[str], output: Path, *, workers: int, address: str | None = None) -> BatchSummary:
    """Extract ``inputs`` on Ray with ``workers`` actors into the batch layout under ``output``."""
    import ray
    from ray.data.expressions import col

    files = input_files(inputs)
    if not files:
        raise ValueError("no input files to read")
    summary = BatchSummary(engine="ray", workers=workers)
    started = time.perf_counter()
    address = address or os.environ.get("RAY_ADDRESS")
    owns_ray = not ray.is_initialized()
    if owns_ray:
        if address:
            ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # records in input order, as the local engine
        context.enable_progress_bars = False
        # Blocks are what actors share out: a single JSON Lines file read as one block would keep
        # all but one worker idle, so read output is cut into small blocks (a few dozen articles).
        context.target_max_block_size = TARGET_BLOCK_BYTES
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        paths = ray.data.from_items([{"path": path} for path in files],
                                    override_num_blocks=min(len(files), MAX_READ_BLOCKS))
        results = (paths
                   .map_batches(read_files, batch_size=1, batch_format="pyarrow", num_cpus=READ_TASK_CPUS)
                   .map_batches(Extractor, batch_size=BATCH_SIZE, batch_format="pyarrow",
                                compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1)
                   .materialize())
        (results.filter(expr=col("error_code").is_null())
         .select_columns(list(RECORD_COLUMNS))
         .write_parquet(str(output.resolve() / RECORDS_DIR)))
        failures = [Failure(row["key"] or row["id"] or "?", row["id"], row["error_code"], row["error_message"])
                    for row in results.filter(expr=col("error_code").is_not_null()).take_all()]
        write_failures(output, failures)
        summary.documents = results.count()
        summary.failed = len(failures)
        summary.incidents = int(results.sum("incidents") or 0)
    finally:
        if owns_ray:
            ray.shutdown()
    summary.seconds = round(time.perf_counter() - started, 2)
    write_summary(output, summary)
    return summary
