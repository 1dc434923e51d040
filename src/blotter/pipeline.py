"""The orchestrator: the stages in order, from an InputDocument to a DocumentRecord.

Each stage is a module with one pure, typed entry point:

    clean.clean            InputDocument -> Article
    nlp.analyse            str -> spaCy Doc over Article.text
    places.find_places     Doc, Article -> [Place]
    quotes.find_quotes     Doc -> [Quote]
    incidents.find_incidents  Doc, Article, [Place] -> [Incident]
    assemble.assemble      Article, places, quotes, incidents -> DocumentRecord

Reading (``read.read_inputs``) happens before, outside this function, so that a batch can
report unreadable documents and go on. ``extract_many`` runs batches (one spaCy ``pipe`` call
per batch) and, with ``jobs > 1``, spreads them over worker processes.
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
from typing import Iterable, Iterator, Sequence, TypeVar

# Before numpy loads (the stages import spaCy): OpenBLAS would start a helper thread, and in a
# multi-threaded process glibc's malloc locks on every call, which makes spaCy's parser and
# NER ~12% slower in CPU time. Nothing here uses BLAS; parallel work goes to processes.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from spacy.tokens import Doc  # noqa: E402

from . import assemble, clean, incidents, nlp, places, quotes  # noqa: E402
from .errors import BlotterError, ExtractionError  # noqa: E402
from .models import Article, DocumentRecord, ErrorInfo, ErrorRecord, InputDocument  # noqa: E402
from .read import ReadFailure, content_id  # noqa: E402

T = TypeVar("T")

STAGES = (
    "clean.clean",
    "nlp.analyse",
    "places.find_places",
    "quotes.find_quotes",
    "incidents.find_incidents",
    "assemble.assemble",
)


def _with_id(doc: InputDocument) -> InputDocument:
    if doc.id:
        return doc
    return doc.model_copy(update={"id": content_id(doc.html if doc.html is not None else (doc.text or ""))})


def _finish(article: Article, spacy_doc: Doc) -> DocumentRecord:
    """The stages after language analysis, for one document."""
    found_places = places.find_places(spacy_doc, article)
    found_quotes = quotes.find_quotes(spacy_doc)
    if article.language in (None, "en"):
        found_incidents = incidents.find_incidents(spacy_doc, article, found_places)
    else:
        found_incidents = []
    return assemble.assemble(article, found_places, found_quotes, found_incidents)


def extract(doc: InputDocument) -> DocumentRecord:
    """Run every stage over one document. Raises a BlotterError subclass on failure."""
    article = clean.clean(_with_id(doc))
    return _finish(article, nlp.analyse(article.text))


def extract_batch(docs: Sequence[InputDocument | ReadFailure]) -> list[DocumentRecord | ErrorRecord]:
    """Extract several documents with one batched spaCy pass; each failure stays with its document."""
    results: list[DocumentRecord | ErrorRecord | None] = [None] * len(docs)
    cleaned: list[tuple[int, Article]] = []
    for i, item in enumerate(docs):
        if isinstance(item, ReadFailure):
            results[i] = error_record(item.id, item.error)
            continue
        item = _with_id(item)
        try:
            cleaned.append((i, clean.clean(item)))
        except Exception as exc:
            results[i] = error_record(item.id, exc)
    try:
        analysed = list(nlp.analyse_many([article.text for _, article in cleaned]))
    except Exception:  # one text broke the batch: analyse them one by one to find it
        analysed = None
    for n, (i, article) in enumerate(cleaned):
        try:
            spacy_doc = analysed[n] if analysed is not None else nlp.analyse(article.text)
            results[i] = _finish(article, spacy_doc)
        except Exception as exc:
            results[i] = error_record(article.id, exc)
    return results  # type: ignore[return-value]


def extract_text(text: str, *, id: str | None = None, title: str | None = None, published: str | None = None,
                 url: str | None = None) -> DocumentRecord:
    """Convenience: extract a plain-text report."""
    return extract(InputDocument(id=id, text=text, title=title, published=published, url=url))


def extract_html(html: str, *, id: str | None = None, url: str | None = None, published: str | None = None) -> DocumentRecord:
    """Convenience: extract an HTML page."""
    return extract(InputDocument(id=id, html=html, url=url, published=published))


def error_record(doc_id: str | None, error: Exception) -> ErrorRecord:
    """The CLI.md error line for a document that failed, with a coded reason."""
    if isinstance(error, BlotterError):
        info = ErrorInfo(code=error.code, message=error.message)
    else:
        info = ErrorInfo(code=ExtractionError.code, message=f"{type(error).__name__}: {error}")
    return ErrorRecord(id=doc_id, error=info)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _worker_init() -> None:
    nlp.load_nlp()


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def extract_many(items: Iterable[InputDocument | ReadFailure], *, jobs: int = 0,
                 batch_size: int = 16) -> Iterator[DocumentRecord | ErrorRecord]:
    """Extract a stream of documents in input order; a failure becomes an ErrorRecord and the
    stream goes on.

    ``jobs`` worker processes each load the models once (0 = one per core, but only when
    there are more than two batches: starting workers costs more than a few documents take).
    At most ``2 * jobs`` batches are in flight, so a long stream never piles up in memory.
    """
    batches = _chunks(items, batch_size)
    if jobs == 0:
        head = list(itertools.islice(batches, 3))
        jobs = default_jobs() if len(head) == 3 else 1
        batches = itertools.chain(head, batches)
    if jobs <= 1:
        for batch in batches:
            yield from extract_batch(batch)
        return
    # Load the models before forking: the workers share them copy-on-write and start at once.
    nlp.load_nlp()
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs, initializer=_worker_init) as pool:
        pending: collections.deque = collections.deque()
        for batch in batches:
            pending.append(pool.apply_async(extract_batch, (batch,)))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
