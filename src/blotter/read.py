"""Stage 1, read: turn files, directories, JSON Lines, WARC and stdin into InputDocuments.

Entry point: ``read_inputs(paths)`` yields an ``InputDocument`` or a ``ReadFailure`` per
document, in input order, and never raises for a bad document.
(Stub: the helper that owns this module replaces it.)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterator, Sequence

from .errors import InputError
from .models import InputDocument

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024


@dataclass
class ReadFailure:
    """A document that could not be read: its id (when known), where it was, and why."""

    id: str | None
    origin: str
    error: InputError


def content_id(content: str) -> str:
    """The id of a document that came without one: SHA-256 of its content."""
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()


def read_inputs(paths: Sequence[str]) -> Iterator[InputDocument | ReadFailure]:
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        if path.endswith((".html", ".htm")):
            yield InputDocument(id=content_id(text), html=text, origin=path)
        else:
            yield InputDocument(id=content_id(text), text=text, origin=path)
