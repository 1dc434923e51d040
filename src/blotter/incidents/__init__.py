"""Stages 4-5: find every violent incident a report describes and fill its fields.

Entry point: ``find_incidents(doc, article, places) -> list[Incident]``, main incident first.
(Stub: the helpers that own this package replace it.)
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Article, Incident, Place


def find_incidents(doc: Doc, article: Article, places: list[Place]) -> list[Incident]:
    return []
