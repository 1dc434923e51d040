"""Stage 6a, quotes: direct and reported speech with its speaker.

Entry point: ``find_quotes(doc) -> list[Quote]``. (Stub: the helper that owns this module replaces it.)
"""

from __future__ import annotations

from spacy.tokens import Doc

from .models import Quote


def find_quotes(doc: Doc) -> list[Quote]:
    return []
