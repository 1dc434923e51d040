"""Streaming the export files of ``blotter export`` over HTTP.

The writers in ``blotter.commands.export`` write to a file; here one runs on its own thread
into a small bounded queue that the response drains, so a large database is sent as it is
read, never held in memory, and the bytes are the same as the command line's.
"""

from __future__ import annotations

import queue
import threading
from typing import Iterable, Iterator, Literal

from ..commands.export import WRITERS
from ..store import MergedIncident

ExportFormat = Literal["jsonl", "csv", "geojson"]
MEDIA_TYPES: dict[str, str] = {
    "jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
}
_DONE = object()


class ClientGone(Exception):
    """The reader stopped reading: the writer thread gives up."""


class _QueueFile:
    """A write-only text file whose writes go into a bounded queue."""

    def __init__(self, chunks: "queue.Queue[object]", stopped: threading.Event):
        self.chunks = chunks
        self.stopped = stopped

    def write(self, text: str) -> int:
        self.put(text)
        return len(text)

    def put(self, item: object) -> None:
        while not self.stopped.is_set():
            try:
                self.chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise ClientGone()


def stream_export(incidents: Iterable[MergedIncident], export_format: ExportFormat) -> Iterator[str]:
    """The export file piece by piece, written by the command line's own writer."""
    chunks: "queue.Queue[object]" = queue.Queue(maxsize=64)
    stopped = threading.Event()
    failure: list[BaseException] = []

    out = _QueueFile(chunks, stopped)

    def write() -> None:
        try:
            try:
                WRITERS[export_format](incidents, out)  # type: ignore[arg-type]
            except ClientGone:
                raise
            except BaseException as exc:  # handed to the reading side, which raises it
                failure.append(exc)
            out.put(_DONE)
        except ClientGone:
            return

    writer = threading.Thread(target=write, name="blotter-export", daemon=True)
    writer.start()
    try:
        while (chunk := chunks.get()) is not _DONE:
            yield chunk  # type: ignore[misc]
        if failure:
            raise failure[0]
    finally:
        stopped.set()
