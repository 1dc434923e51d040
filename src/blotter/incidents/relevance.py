"""How likely a report tells of a terrorist or insurgent act, rather than only talking about violence.

A logistic regression over the words of the report (``scripts/train_relevance.py`` trains it on
MUC-4's relevant / irrelevant stories). It is one signal for the detector: on its own a bag of
words from 1980s wire copy would not know a modern shooting report, so callers combine it with
the rule evidence and apply it to political incidents only.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[a-z][a-z'-]*|\d+")


def features(text: str) -> set[str]:
    """Words and adjacent word pairs of the lower-cased text (numbers collapsed to one token)."""
    words = ["0" if w[0].isdigit() else w for w in _WORD.findall(text.lower())]
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


@lru_cache(maxsize=1)
def _model() -> tuple[float, dict[str, float]]:
    raw = json.loads(resources.files("blotter.data").joinpath("relevance.json").read_text(encoding="utf-8"))
    return float(raw["bias"]), dict(raw["weights"])


def relevance(text: str) -> float:
    """Probability (0-1) that the report describes a concrete political-violence event."""
    bias, weights = _model()
    z = bias + sum(weights.get(f, 0.0) for f in features(text))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
