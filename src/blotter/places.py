"""Stage 6b, places: find place names in the text and resolve them against GeoNames.

Entry points: ``find_places(doc, article) -> list[Place]``;
``locate(frame) -> Location`` for one incident. (Stub: the helper that owns this module replaces it.)
"""

from __future__ import annotations

from spacy.tokens import Doc

from .models import Article, Location, Place


def find_places(doc: Doc, article: Article) -> list[Place]:
    return []


def locate(frame) -> Location:  # frame: blotter.incidents.frame.IncidentFrame
    return Location()
