"""The orchestrator: the stages in order, from an InputDocument to a DocumentRecord.

Each stage is a module with one pure, typed entry point:

    clean.clean            InputDocument -> Article
    nlp.analyse            str -> spaCy Doc over Article.text
    places.find_places     Doc, Article -> [Place]
    quotes.find_quotes     Doc -> [Quote]
    incidents.find_incidents  Doc, Article, [Place] -> [Incident]
    assemble.assemble      Article, places, quotes, incidents -> DocumentRecord

Reading (``read.read_inputs``) happens before, outside this function, so that a batch can
report unreadable documents and go on.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from . import assemble, clean, incidents, nlp, places, quotes
from .errors import BlotterError, ExtractionError
from .models import DocumentRecord, ErrorInfo, ErrorRecord, InputDocument
from .read import ReadFailure, content_id

STAGES = (
    "clean.clean",
    "nlp.analyse",
    "places.find_places",
    "quotes.find_quotes",
    "incidents.find_incidents",
    "assemble.assemble",
)


def extract(doc: InputDocument) -> DocumentRecord:
    """Run every stage over one document. Raises a BlotterError subclass on failure."""
    if not doc.id:
        doc = doc.model_copy(update={"id": content_id(doc.html if doc.html is not None else (doc.text or ""))})
    article = clean.clean(doc)
    spacy_doc = nlp.analyse(article.text)
    found_places = places.find_places(spacy_doc, article)
    found_quotes = quotes.find_quotes(spacy_doc)
    found_incidents = incidents.find_incidents(spacy_doc, article, found_places)
    return assemble.assemble(article, found_places, found_quotes, found_incidents)


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


def extract_many(items: Iterable[InputDocument | ReadFailure]) -> Iterator[DocumentRecord | ErrorRecord]:
    """Extract a stream of documents; a failure becomes an ErrorRecord and the stream goes on."""
    for item in items:
        if isinstance(item, ReadFailure):
            yield error_record(item.id, item.error)
            continue
        try:
            yield extract(item)
        except Exception as exc:  # a bad document must never stop a batch
            yield error_record(item.id, exc)
