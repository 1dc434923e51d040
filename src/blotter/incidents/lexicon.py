"""A word list matched in one regex pass: the weapon and target lexicons use it.

All entries are joined into one alternation to find where any of them starts; only there is each
entry tried, so that the longest match wins ("car bomb" over "bomb", "police station" over
"police") at the cost of one scan of the text, not one per entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, TypeVar

Label = TypeVar("Label")


@dataclass(frozen=True)
class LexiconMatch(Generic[Label]):
    start: int
    end: int
    label: Label


class Lexicon(Generic[Label]):
    """Regex entries, each with a label; ``find`` returns non-overlapping longest matches."""

    def __init__(self, entries: list[tuple[str, Label]]) -> None:
        self._entries = [(re.compile(r"(?:" + pattern + r")(?![\w-])", re.IGNORECASE), label) for pattern, label in entries]
        self._any = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{pattern})" for pattern, _ in entries) + r")(?![\w-])",
                               re.IGNORECASE)

    def find(self, text: str, start: int, end: int) -> list[LexiconMatch[Label]]:
        found: list[LexiconMatch[Label]] = []
        position = start
        while (hit := self._any.search(text, position, end)) is not None:
            best_end, best_label = hit.end(), None
            for pattern, label in self._entries:
                match = pattern.match(text, hit.start(), end)
                if match and (best_label is None or match.end() > best_end):
                    best_end, best_label = match.end(), label
            if best_label is not None:
                found.append(LexiconMatch(hit.start(), best_end, best_label))
            position = max(best_end, hit.start() + 1)
        return found
