"""What several news-crime scorers read from a record: the main incident and its values."""

from __future__ import annotations

import argparse
import json
import re
from itertools import islice
from pathlib import Path
from typing import Iterator

from ..geo import load_gazetteer, name_key
from ..models import DocumentRecord, Incident


# Stretches of train.json (half-open ranges of documents in file order) a training script leaves out.
DocumentRanges = tuple[tuple[int, int], ...]


def hold_out_range(value: str) -> tuple[int, int] | None:
    """``START-END`` as a half-open range of documents in file order (the order of ``blotter eval muc4
    --split train --offset START``), the type of a training script's ``--hold-out``; ``none`` for no range."""
    if value.strip().lower() == "none":
        return None
    start, sep, end = value.partition("-")
    if not sep or not start.strip().isdigit() or not end.strip().isdigit() or int(start) >= int(end):
        raise argparse.ArgumentTypeError(f"expected START-END with START < END (or none), got {value!r}")
    return int(start), int(end)


def add_hold_out_option(parser: argparse.ArgumentParser, unit: str) -> None:
    """The training scripts' ``--hold-out START-END`` option (repeatable); ``unit`` names what is held out."""
    parser.add_argument("--hold-out", type=hold_out_range, action="append", metavar="START-END",
                        help=f"train.json {unit} START..END-1 are not trained on (repeatable; 'none' for "
                             "none, the default); e.g. the check stretches: --hold-out 300-500 --hold-out 1000-1300")


def chosen_hold_out(args: argparse.Namespace, default: DocumentRanges) -> DocumentRanges:
    """The ranges ``--hold-out`` gave (``none`` ones dropped), or ``default`` when it was not given."""
    return default if args.hold_out is None else tuple(r for r in args.hold_out if r is not None)


def in_ranges(index: int, ranges: DocumentRanges) -> bool:
    return any(start <= index < end for start, end in ranges)


def describe_ranges(ranges: DocumentRanges) -> str:
    return " ".join(f"{start}-{end}" for start, end in ranges) or "none"


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict]:
    """The objects of a JSON Lines file in order, the first ``limit`` only when given; blank lines skipped."""
    with open(path, encoding="utf-8") as lines:
        yield from islice((json.loads(line) for line in lines if line.strip()), limit)


def main_incident(record: DocumentRecord | None) -> Incident | None:
    """The incident the report is mainly about: the primary one, else the first."""
    if record is None or not record.incidents:
        return None
    return next((i for i in record.incidents if i.is_primary), record.incidents[0])


def predicted_day(incident: Incident | None) -> str | None:
    """The incident date when known to the day (start == end or precision "day"), else None."""
    if incident is None or not incident.date.start:
        return None
    if incident.date.precision == "day" or incident.date.start == incident.date.end:
        return incident.date.start[:10]
    return None


def predicted_city(incident: Incident | None) -> str | None:
    """The resolved place name, falling back to the words of the report; none when the place is
    only known to a state or country ("Florida" is no city)."""
    if incident is None or incident.location.precision in ("admin1", "country"):
        return None
    return incident.location.name or incident.location.mention


def _place_forms(name: str) -> set[str]:
    """Comparable forms of a place name: GVA's "Pittsburgh (Wilkinsburg)" is either name, and
    spelling is compared without case, accents, spaces or "St."/"Saint" ("Mc Kees Rocks" is
    "McKees Rocks"); "Harris County" and "Rankin (county)" are also "Harris" and "Rankin", "The Bronx" is "Bronx"."""
    match = re.fullmatch(r"\s*(.*?)\s*\(([^()]*)\)\s*", name)
    names = [match.group(1), match.group(2)] if match else [name]
    if match and match.group(2).strip().lower() == "county":
        names = [match.group(1)]
    forms = set()
    for each in names:
        key = name_key(each).removeprefix("the ").removesuffix(" county").replace(" ", "")
        if key:
            forms.add(key)
    return forms


# "southwest Houston", "West Philadelphia", "New Orleans East": a compass word with a city.
_COMPASS = r"(?:north|south|east|west|northeast|northwest|southeast|southwest|[nsew]\.?|[ns][ew]\.?)"
_SECTION_RE = re.compile(rf"\s*{_COMPASS}\s+(?P<city_after>.+?)\s*|\s*(?P<city_before>.+?)\s+{_COMPASS}\s*", re.IGNORECASE)


def city_of_section(gold: str) -> str | None:
    """The city a gold value names a section of ("West Philadelphia" is in Philadelphia), or None. A
    compass name that is itself a town in GeoNames ("West Palm Beach", "South Houston") is that town."""
    match = _SECTION_RE.fullmatch(gold)
    if match is None or load_gazetteer().has_key(name_key(gold)):
        return None
    return match.group("city_after") or match.group("city_before")


def same_place(gold: str | None, predicted: str | None, sections: bool = True) -> bool:
    """Case-insensitive name match; "Harris County" also matches "Harris"; "A (B)" matches A or B.
    With ``sections``, a gold that names a part of a city by a compass word ("southwest Houston")
    also matches the city: the field asks for the city, and some coders wrote the part of it."""
    if not gold or not predicted:
        return False
    if _place_forms(gold) & _place_forms(predicted):
        return True
    city = city_of_section(gold) if sections else None
    return city is not None and bool(_place_forms(city) & _place_forms(predicted))


def offset_shift(original: str, cleaned: str) -> int | None:
    """Where the record's text starts in the text we gave (clean may strip it); None if not inside."""
    if cleaned == original:
        return 0
    position = original.find(cleaned[:200])
    return position if position >= 0 else None


def locate(original: str, cleaned: str, start: int, end: int, shift: int | None) -> tuple[int, int] | None:
    """Where ``cleaned[start:end]`` stands in the text we gave: at the uniform shift when clean only
    cut a prefix, else the nearest occurrence of the same words (clean may have dropped or joined
    lines in between). None when the words are not in the original at all."""
    words = cleaned[start:end]
    if shift is not None and original[start + shift:end + shift] == words:
        return start + shift, end + shift
    if not words:
        return None
    hint = start + (shift or 0)
    before = original.rfind(words, 0, hint + len(words))
    after = original.find(words, hint)
    candidates = [p for p in (before, after) if p >= 0]
    if not candidates:
        return None
    best = min(candidates, key=lambda p: abs(p - hint))
    return best, best + len(words)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end
