"""Numbers as news reports write them: digits, words ("twenty-three"), and vague amounts.

Vague amounts take the lowest defensible figure (ACLED's rule): "dozens" is 24, "scores" 40,
"hundreds" 200, "several" 3, "a dozen" 12. ``NUMBER_RE`` is a regex fragment other modules
embed; ``parse_quantity`` turns its match into a ``Quantity``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000}
# Vague amounts: the lowest figure the word can defensibly mean.
VAGUE = {
    "a dozen": 12, "dozens of": 24, "dozens": 24, "scores of": 40, "scores": 40,
    "hundreds of": 200, "hundreds": 200, "thousands of": 2000, "thousands": 2000,
    "several": 3, "a few": 2, "a couple of": 2, "a couple": 2, "a number of": 2, "many": 2,
    "a handful of": 2, "both": 2,
}
# The singular article counts as one ("a man was killed").
SINGLE = {"a": 1, "an": 1, "another": 1, "a single": 1}

_WORD_NUMBER = (
    r"(?:(?:" + "|".join(TENS) + r")(?:[- ](?:" + "|".join(k for k in UNITS if UNITS[k] and UNITS[k] < 10) + r"))?"
    r"|" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")"
    r"(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?(?:" + "|".join(TENS) + "|" + "|".join(UNITS) + r"))?)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_VAGUE = "|".join(sorted((re.escape(k) for k in VAGUE), key=len, reverse=True))
_SINGLE = "|".join(sorted(SINGLE, key=len, reverse=True))

#: A count with its hedges: "at least 12", "between 5 and 7", "more than twenty", "dozens of", "a".
NUMBER_RE = (
    r"(?:(?P<hedge>at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as|approximately|an\s+estimated)\s+)?"
    r"(?:between\s+(?P<range_low>" + _DIGITS + "|" + _WORD_NUMBER + r")\s+(?:and|to)\s+(?P<range_high>" + _DIGITS + "|" + _WORD_NUMBER + r")"
    r"|(?P<low>" + _DIGITS + r")\s*(?:-|to|or)\s*(?P<high>" + _DIGITS + r")(?![-\w])"
    r"|(?P<low_word>" + _WORD_NUMBER + r")\s+(?:to|or)\s+(?P<high_word>" + _WORD_NUMBER + r")(?![-\w])"
    r"|(?P<vague>" + _VAGUE + r")\b"
    r"|(?P<exact>" + _DIGITS + "|" + _WORD_NUMBER + r")(?![-\w]|,\d)"
    r"|(?P<single>" + _SINGLE + r")\b)"
)


@dataclass(frozen=True)
class Quantity:
    """A count as RECORD.md's Count wants it: ``high`` is None when only a floor is known."""

    low: int
    best: int
    high: int | None


def word_to_int(text: str) -> int | None:
    """'twenty-three' -> 23, '1,200' -> 1200, 'two hundred and five' -> 205; None if not a number."""
    cleaned = text.lower().replace(",", "").strip()
    if cleaned.isdigit():
        return int(cleaned)
    total, current = 0, 0
    for word in re.split(r"[\s-]+", cleaned):
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def parse_quantity(match: re.Match[str]) -> Quantity | None:
    """The Quantity a ``NUMBER_RE`` match stands for.

    A range "between 5 and 7" gives low 5, best 5, high 7: best is the lowest defensible
    figure, the same rule as for vague amounts, so a range never inflates a total.
    A floor ("at least", "more than", "over") leaves high open; an approximation ("about",
    "nearly") keeps the figure as best with no bounds claimed beyond it.
    """
    groups = match.groupdict()
    low_text = groups.get("range_low") or groups.get("low") or groups.get("low_word")
    if low_text:
        low = word_to_int(low_text)
        high = word_to_int(groups.get("range_high") or groups.get("high") or groups.get("high_word") or "")
        if low is None or high is None or high < low:
            return None
        return Quantity(low, low, high)
    if groups.get("vague"):
        value = VAGUE[re.sub(r"\s+", " ", groups["vague"].lower())]
        return Quantity(value, value, None if value != 2 or groups["vague"].lower() != "both" else 2)
    if groups.get("single"):
        return Quantity(1, 1, 1)
    value = word_to_int(groups.get("exact") or "")
    if value is None:
        return None
    hedge = re.sub(r"\s+", " ", (groups.get("hedge") or "").lower())
    if hedge in {"at least", "more than", "over"}:
        return Quantity(value, value, None)
    return Quantity(value, value, value)

#: ``NUMBER_RE`` without group names, to embed several times in one pattern.
NUMBER_PATTERN = re.sub(r"\(\?P<\w+>", "(?:", NUMBER_RE)


def quantity_at(text: str) -> tuple[Quantity, int] | None:
    """The Quantity that ``text`` starts with and the length of its figure, if it starts with one."""
    match = re.match(NUMBER_RE, text, re.IGNORECASE)
    if match is None or match.end() == 0:
        return None
    quantity = parse_quantity(match)
    return (quantity, match.end()) if quantity else None
