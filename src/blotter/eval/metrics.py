"""Metric helpers shared by the dataset scorers: counters that turn into P/R/F1 or accuracy.

Scorers only count (true positives, predicted, gold); the ratios are computed once, here, so
every dataset reports the same way and an empty side never divides by zero.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ..phrases import normalize_filler  # the scorers' filler match, re-exported for them

_SPACES = re.compile(r"\s+")
A = TypeVar("A")
B = TypeVar("B")


@dataclass
class PRF:
    """Micro precision/recall/F1 from counts; both sides empty scores 0 (nothing was shown)."""

    true_positives: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, true_positives: int, predicted: int, gold: int) -> None:
        self.true_positives += true_positives
        self.predicted += predicted
        self.gold += gold

    def merge(self, other: "PRF") -> None:
        self.add(other.true_positives, other.predicted, other.gold)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.true_positives, "predicted": self.predicted, "gold": self.gold}


@dataclass
class Accuracy:
    """Share of items judged correct."""

    correct: int = 0
    total: int = 0

    def add(self, is_correct: bool) -> None:
        self.correct += int(is_correct)
        self.total += 1

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 4), "correct": self.correct, "total": self.total}


@dataclass
class Mean:
    """Mean of per-item scores (macro averages such as per-page body F1)."""

    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def value(self) -> float:
        return sum(self.values) / len(self.values) if self.values else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"mean": round(self.value, 4), "total": len(self.values)}


def squeeze(text: str) -> str:
    """Collapse runs of whitespace and strip: layout must not decide an exact match."""
    return _SPACES.sub(" ", text).strip()


def name_tokens(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.lower()))


def names_match(gold: str, predicted: str) -> bool:
    """A name matches when one's tokens are all contained in the other's ("Smith" ~ "John Smith")."""
    gold_tokens, predicted_tokens = name_tokens(gold), name_tokens(predicted)
    if not gold_tokens or not predicted_tokens:
        return False
    return gold_tokens <= predicted_tokens or predicted_tokens <= gold_tokens


def count_one_to_one(items: Sequence[A], candidates: Sequence[B], matches: Callable[[A, B], bool]) -> int:
    """How many items match a candidate, greedily in order, each candidate used at most once (so a
    duplicate on either side is not credited twice)."""
    unused = list(candidates)
    matched = 0
    for item in items:
        for i, candidate in enumerate(unused):
            if matches(item, candidate):
                matched += 1
                del unused[i]
                break
    return matched


def match_names(gold: list[str], predicted: list[str]) -> int:
    """How many gold names a predicted name matches, each name on either side used once."""
    return count_one_to_one(gold, predicted, names_match)


class CountScore:
    """A casualty figure: F1 over reports giving a figure above zero, plus exact accuracy over all.

    A report is a true positive when predicted == gold > 0; precision is over reports with a
    predicted figure above zero, recall over reports with a gold figure above zero. For the
    accuracy an absent prediction counts as 0.
    """

    def __init__(self) -> None:
        self.prf = PRF()
        self.exact = Accuracy()

    def add(self, gold: int | None, predicted: int | None) -> None:
        gold_value, predicted_value = gold or 0, predicted or 0
        self.prf.add(int(gold_value > 0 and predicted_value == gold_value), int(predicted_value > 0), int(gold_value > 0))
        self.exact.add(gold_value == predicted_value)

    def as_dict(self) -> dict[str, float | int]:
        return {**self.prf.as_dict(), "accuracy": round(self.exact.value, 4)}


def role_rows(per_role: dict[str, PRF]) -> tuple[PRF, dict[str, dict[str, float | int]]]:
    """Each role's row and their micro-averaged total (the headline of a role-filling score),
    the total's row under "all roles (micro)"."""
    overall = PRF()
    for counts in per_role.values():
        overall.merge(counts)
    rows = {role: counts.as_dict() for role, counts in per_role.items()}
    rows["all roles (micro)"] = overall.as_dict()
    return overall, rows


def score_value(prf: PRF, gold: str | None, predicted: str | None, same: bool) -> None:
    """Count one optional value (a city, a date): predicted/gold when present, tp when both and ``same``."""
    prf.add(int(bool(gold) and bool(predicted) and same), int(bool(predicted)), int(bool(gold)))
