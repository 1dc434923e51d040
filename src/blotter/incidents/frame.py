"""The shared context every incident-filling function reads: one incident's share of the document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from spacy.tokens import Doc, Span

from ..models import Article, Place


@dataclass
class IncidentFrame:
    """One incident as the detector found it.

    ``sentences`` are the sentences that describe this incident (in document order); the
    fillers look for values there first. ``doc.text`` has exactly the length and offsets of
    ``article.text`` but may differ in letter case (all-caps wire copy is analysed truecased),
    so cut every quote and mention from ``frame.text`` (the article text), never from tokens.
    """

    doc: Doc
    article: Article
    sentences: list[Span]
    is_primary: bool = False
    published: datetime | None = None  # the article's publication time, zone-aware when known
    places: list[Place] = field(default_factory=list)  # every resolved place in the document
    trigger: Span | None = None  # the words that name the violent event ("stabbed", "explosion")
    background: bool = False  # a past event mentioned as context (a conviction, an earlier attack)

    @property
    def reach(self) -> list[Span]:
        """The sentences a filler may look in for names: the whole report for the main incident
        (its follow-up sentences name the people), the incident's own sentences for the others."""
        return list(self.doc.sents) if self.is_primary and not self.background else self.sentences

    @property
    def text(self) -> str:
        """The article text: what Evidence offsets and mentions refer to."""
        return self.article.text
