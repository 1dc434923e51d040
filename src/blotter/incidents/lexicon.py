"""A word list matched in one regex pass: the weapon and target lexicons use it.

All entries are joined into one alternation to find where any of them starts; only there is each
entry tried, so that the longest match wins ("car bomb" over "bomb", "police station" over
"police") at the cost of one scan of the text, not one per entry. An entry's own alternatives
are tried one by one too: a regex alternation stops at the first that matches, so "explosives?|
explosive devices?" would name "explosive devices" by its first word.
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
        self._entries = [(re.compile(r"(?:" + alternative + r")(?![\w-])", re.IGNORECASE), label)
                         for pattern, label in entries for alternative in _alternatives(pattern)]
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


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex ("a|b(?:c|d)" -> "a", "b(?:c|d)"), so each can be tried alone."""
    parts: list[str] = []
    depth, in_class, escaped, start = 0, False, False, 0
    for i, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts
