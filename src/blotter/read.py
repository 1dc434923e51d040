"""Stage 1, read: turn files, directories, JSON Lines, WARC and stdin into InputDocuments.

Entry point: ``read_inputs(paths)`` yields an ``InputDocument`` or a ``ReadFailure`` per
document, in input order, and never raises for a bad document: a batch must report what it
could not read and go on.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from typing import BinaryIO, Iterator, Sequence

import charset_normalizer

from .errors import BadJSON, BinaryInput, EmptyInput, InputError, InputTooLarge, UnsupportedInput
from .models import InputDocument

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl",)
WARC_SUFFIXES = (".warc", ".warc.gz")
KNOWN_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES

STDIN_PATH = "-"

# File signatures of formats that are certainly not a page of text.
BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF file",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
}
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Share of control characters above which decoded content is treated as binary junk.
MAX_CONTROL_SHARE = 0.05
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
HTML_MARKERS = ("<!doctype", "<html", "<head", "<body", "<div", "<p>", "<p ", "<article", "<meta")


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
    """Every document found in ``paths`` (files, directories, ``-``), in order."""
    for path in paths:
        if path == STDIN_PATH:
            yield from _read_stdin()
        elif os.path.isdir(path):
            for file_path in _files_under(path):
                yield from _read_file(file_path)
        elif not os.path.exists(path):
            yield ReadFailure(None, path, InputError(f"{path}: no such file or directory"))
        else:
            yield from _read_file(path)


def _files_under(directory: str) -> list[str]:
    """Files of a known kind below ``directory``, sorted so that runs are reproducible."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, name) for name in files
                     if not name.startswith(".") and name.lower().endswith(KNOWN_SUFFIXES))
    return sorted(found)


def _read_file(path: str) -> Iterator[InputDocument | ReadFailure]:
    lowered = path.lower()
    try:
        if lowered.endswith(JSONL_SUFFIXES):
            with open(path, "rb") as stream:
                yield from _read_jsonl(stream, path)
        elif lowered.endswith(WARC_SUFFIXES):
            yield from _read_warc(path)
        elif lowered.endswith(HTML_SUFFIXES + TEXT_SUFFIXES):
            size = os.path.getsize(path)
            if size > MAX_DOCUMENT_BYTES:
                raise _too_large(path, size)
            with open(path, "rb") as stream:
                raw = stream.read()
            kind = "html" if lowered.endswith(HTML_SUFFIXES) else "text"
            content = decode_bytes(raw, path, declared=_meta_charset(raw) if kind == "html" else None)
            yield _document(content, kind, origin=path)
        else:
            raise UnsupportedInput(f"{path}: unknown file kind (expected one of {', '.join(KNOWN_SUFFIXES)})")
    except InputError as error:
        yield ReadFailure(None, path, error)
    except OSError as error:
        yield ReadFailure(None, path, InputError(f"{path}: {error.strerror or error}"))


def _read_stdin() -> Iterator[InputDocument | ReadFailure]:
    """Standard input: JSON Lines, HTML or plain text, whichever it looks like."""
    raw = sys.stdin.buffer.read()
    try:
        content = decode_bytes(raw, "stdin", limit=None)
    except InputError as error:
        yield ReadFailure(None, "stdin", error)
        return
    if _looks_like_jsonl(content):
        yield from _read_jsonl_lines(content.splitlines(), "stdin")
        return
    try:
        if len(raw) > MAX_DOCUMENT_BYTES:
            raise _too_large("stdin", len(raw))
        yield _document(content, "html" if looks_like_html(content) else "text", origin="stdin")
    except InputError as error:
        yield ReadFailure(None, "stdin", error)


def _looks_like_jsonl(content: str) -> bool:
    first_line = content.lstrip().split("\n", 1)[0].strip()
    if not first_line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first_line), dict)
    except ValueError:
        return False


def looks_like_html(content: str) -> bool:
    """True when the content starts like markup (used for stdin, where there is no suffix)."""
    head = content.lstrip()[:2048].lower()
    return head.startswith("<") and any(marker in head for marker in HTML_MARKERS)


# --------------------------------------------------------------------------- JSON Lines


def _read_jsonl(stream: BinaryIO, path: str) -> Iterator[InputDocument | ReadFailure]:
    for number, raw in enumerate(stream, start=1):
        try:
            line = decode_bytes(raw, f"{path} line {number}", limit=None, allow_empty=True)
        except InputError as error:
            yield ReadFailure(None, f"{path}:{number}", error)
            continue
        item = _jsonl_line(line, number, path)
        if item is not None:
            yield item


def _read_jsonl_lines(lines: list[str], source: str) -> Iterator[InputDocument | ReadFailure]:
    for number, line in enumerate(lines, start=1):
        item = _jsonl_line(line, number, source)
        if item is not None:
            yield item


def _jsonl_line(line: str, number: int, source: str) -> InputDocument | ReadFailure | None:
    """The document on one JSON Lines line; None for a blank line."""
    if not line.strip():
        return None
    origin = f"{source}:{number}"
    try:
        record = json.loads(line)
    except ValueError as error:
        return ReadFailure(None, origin, BadJSON(f"{source} line {number}: not valid JSON ({error})"))
    if not isinstance(record, dict):
        return ReadFailure(None, origin, BadJSON(f"{source} line {number}: expected a JSON object"))
    try:
        return _jsonl_document(record, origin, source, number)
    except InputError as error:
        return ReadFailure(_optional_str(record.get("id")), origin, error)


def _jsonl_document(record: dict, origin: str, source: str, number: int) -> InputDocument:
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        content, kind = html, "html"
    elif isinstance(text, str):
        content, kind = text, "text"
    elif isinstance(html, str):
        content, kind = html, "html"
    else:
        raise BadJSON(f"{source} line {number}: the object has neither an 'html' nor a 'text' string")
    size = len(content.encode("utf-8", "surrogatepass"))
    if size > MAX_DOCUMENT_BYTES:
        raise _too_large(f"{source} line {number}", size)
    return _document(
        content, kind, origin=origin,
        id=_optional_str(record.get("id")),
        url=_optional_str(record.get("url")),
        title=_optional_str(record.get("title")),
        published=_optional_str(record.get("published")),
    )


def _optional_str(value: object) -> str | None:
    """JSON values as the strings InputDocument expects (ids may come as numbers)."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


# --------------------------------------------------------------------------- WARC


def _read_warc(path: str) -> Iterator[InputDocument | ReadFailure]:
    """HTML response records of a WARC file, each with its target URL and WARC-Date."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _starts_like_warc(path):
        yield ReadFailure(None, path, InputError(f"{path}: not a WARC file (no WARC/1.x record header)"))
        return
    with open(path, "rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or not _is_html_response(record):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                origin = f"{path}#{url}" if url else path
                payload = record.content_stream().read()
                try:
                    if len(payload) > MAX_DOCUMENT_BYTES:
                        raise _too_large(origin, len(payload))
                    content = decode_bytes(payload, origin, declared=_declared_charset(record))
                    yield _document(content, "html", origin=origin, url=url,
                                    fetched=record.rec_headers.get_header("WARC-Date"))
                except InputError as error:
                    yield ReadFailure(None, origin, error)
        except ArchiveLoadFailed as error:
            yield ReadFailure(None, path, InputError(f"{path}: not a readable WARC file ({error})"))


def _starts_like_warc(path: str) -> bool:
    with open(path, "rb") as stream:
        head = stream.read(64)
    if head.startswith(b"\x1f\x8b"):
        with gzip.open(path, "rb") as stream:
            try:
                head = stream.read(64)
            except (OSError, EOFError):
                return False
    return head.lstrip().startswith(b"WARC/")


def _is_html_response(record) -> bool:  # warcio's ArcWarcRecord has no public type
    headers = record.http_headers
    if headers is None:
        return False
    status = headers.get_statuscode() or ""
    content_type = (headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and ("html" in content_type or not content_type)


def _declared_charset(record) -> str | None:
    content_type = record.http_headers.get_header("Content-Type") or ""
    for part in content_type.split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


# --------------------------------------------------------------------------- bytes to text


def decode_bytes(raw: bytes, origin: str, *, limit: int | None = -1, declared: str | None = None,
                 allow_empty: bool = False) -> str:
    """Text of ``raw``: UTF-8 when it is, else the declared or detected encoding.

    Raises BinaryInput for content that is not text and EmptyInput for blank content.
    ``limit`` -1 means MAX_DOCUMENT_BYTES (read at call time so it can be changed).
    """
    max_bytes = MAX_DOCUMENT_BYTES if limit == -1 else limit
    if max_bytes is not None and len(raw) > max_bytes:
        raise _too_large(origin, len(raw))
    for signature, kind in BINARY_SIGNATURES.items():
        if raw.startswith(signature):
            raise BinaryInput(f"{origin}: binary content ({kind}), not a text or HTML document")
    content = _decode(raw, origin, declared)
    if not content.strip():
        if allow_empty:
            return content
        raise EmptyInput(f"{origin}: the document is empty")
    if "\x00" in content or _control_share(content) > MAX_CONTROL_SHARE:
        raise BinaryInput(f"{origin}: binary content (non-printable bytes), not a text or HTML document")
    return content


def _decode(raw: bytes, origin: str, declared: str | None) -> str:
    if raw.startswith(UTF16_BOMS):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise BinaryInput(f"{origin}: binary content (NUL bytes), not a text or HTML document")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return raw.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    matches = list(charset_normalizer.from_bytes(raw))
    if not matches:
        raise BinaryInput(f"{origin}: no text encoding fits the content; is it binary?")
    # Short Western texts fit several code pages equally well; news in them is mostly cp1252/latin-1.
    western = next((match for match in matches
                    if match.encoding in WESTERN_ENCODINGS and match.chaos <= matches[0].chaos), None)
    return str(western or matches[0])


def _meta_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in its head, if any."""
    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", raw[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def _control_share(content: str) -> float:
    sample = content[:8192]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\t\n\r\f\v")
    return controls / len(sample)


def _too_large(origin: str, size: int) -> InputTooLarge:
    return InputTooLarge(f"{origin}: {size:,} bytes is over the limit of {MAX_DOCUMENT_BYTES:,} bytes per document")


def _document(content: str, kind: str, *, origin: str, id: str | None = None, url: str | None = None,
              title: str | None = None, published: str | None = None, fetched: str | None = None) -> InputDocument:
    """An InputDocument of ``kind`` ("html" or "text"), after the checks every document gets."""
    if not content.strip():
        raise EmptyInput(f"{origin}: the document is empty")
    if "\x00" in content or _control_share(content) > MAX_CONTROL_SHARE:
        raise BinaryInput(f"{origin}: binary content (non-printable characters), not a text or HTML document")
    return InputDocument(
        id=id or content_id(content), url=url, title=title, published=published,
        html=content if kind == "html" else None, text=content if kind == "text" else None,
        origin=origin, fetched=fetched,
    )
