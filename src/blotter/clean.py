"""Stage 2, clean: from a raw page (HTML or text with clutter) to an Article.

Entry point: ``clean(doc) -> Article``. (Stub: the helper that owns this module replaces it.)
"""

from __future__ import annotations

from .models import Article, InputDocument


def clean(doc: InputDocument) -> Article:
    text = doc.text or doc.html or ""
    return Article(id=doc.id or "", url=doc.url, title=doc.title, published=doc.published, text=text.strip())
