"""MUC-4's original answer keys: when and where each report's incidents happened.

The GTT form of MUC-4 (the ``muc4`` dataset) keeps only the role fillers and lower-cases the
text without its dateline. The original keys (``raw/CORPORA``) also give each template's date
and location, and the original messages keep their datelines ("SAN SALVADOR, 3 FEB 90 (ACAN-EFE)
--"), so the dev messages (TST1 and TST2, the same 200 documents) measure dates and places on
political violence, where GVDB and GVA measure them on US crime.

Scored on the report's main incident, as the GVDB and GVA scorers do, against every template of
the message (a report of three attacks is right about any of them):

- date: the main incident's day is one the key gives: "02 FEB 90", or a day inside "01 FEB 90 -
  03 FEB 90". A key of "- 03 FEB 90" says only "on or before" and has no day to find, so a
  message whose templates all say so is not scored for the date;
- country: the incident's country is a template's country;
- place: the incident's place below the country (a city, a department, a neighbourhood, a farm)
  names any level of a template's location ("MEDELLIN" for "COLOMBIA: MEDELLIN (CITY): AMERICA
  (NEIGHBORHOOD)"); messages whose keys name only countries are not scored for it.

Messages without templates (irrelevant to MUC-4) are not scored: relevance is the ``muc4``
dataset's business. The messages are given as they were sent, header line aside, in capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Sequence

from ..geo import name_key
from ..models import DocumentRecord, InputDocument
from .common import main_incident, predicted_day
from .metrics import PRF, score_value
from .runner import Dataset, DatasetUnavailable, EvalResult

# The dev split of GTT's MUC-4 is the TST1 and TST2 messages; each folder holds the texts and the key.
_PARTS = (("tst1", "tst1-muc3", "key-tst1.v7"), ("tst2", "tst2-muc4", "key-tst2.v4"))
_MESSAGE_ID = re.compile(r"^(TST\d-MUC\d-\d{4})\s*$", re.MULTILINE)
_SLOT = re.compile(r"^\s*(\d+)\.\s+([A-Z ]+?:\s[A-Z ]+?)(?:\s{2,}(.*))?$")
_ALTERNATIVES_RE = re.compile(r"\)\s*/\s*\(")  # "(A) / (B)": a key's alternative answers
_KEY_DAY = re.compile(r"\d{1,2} [A-Z]{3} \d{2}")


@dataclass(frozen=True)
class KeyTemplate:
    days: frozenset[str]  # ISO days the template's date allows; empty when it gives none
    countries: frozenset[str]  # name_key forms; alternatives "(PERU) / (BOLIVIA)" give two
    places: frozenset[str]  # name_key forms of every named level below the country


@dataclass(frozen=True)
class KeyMessage:
    docid: str
    text: str
    templates: tuple[KeyTemplate, ...]


def _key_day(words: str) -> date:
    return datetime.strptime(words.title(), "%d %b %y").date()


def key_days(value: str) -> frozenset[str]:
    """The days a key's date allows: "02 FEB 90" one, "01 FEB 90 - 03 FEB 90" three (up to a
    month), "- 03 FEB 90" ("on or before") none; alternatives "(A) / (B)" add up."""
    days: set[str] = set()
    for alternative in _ALTERNATIVES_RE.split(value.strip().strip("()")):
        found = _KEY_DAY.findall(alternative)
        if len(found) == 1 and not alternative.strip().startswith("-"):
            days.add(_key_day(found[0]).isoformat())
        elif len(found) == 2:
            first, last = _key_day(found[0]), _key_day(found[1])
            if timedelta(0) <= last - first <= timedelta(days=31):
                days.update((first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1))
    return frozenset(days)


def key_places(value: str) -> tuple[set[str], set[str]]:
    """Countries and named places below them in a key's location, each in ``name_key`` form:
    "(EL SALVADOR: SAN SALVADOR (CITY)) / (EL SALVADOR)" gives {el salvador} and {san salvador};
    a place written as a stretch ("PEREIRA (CITY) - BELEN DE UMBRIA (TOWN)") gives both ends."""
    countries: set[str] = set()
    places: set[str] = set()
    value = value.strip()
    if value in ("", "-", "*"):
        return countries, places
    alternatives = _ALTERNATIVES_RE.split(value[1:-1]) if value.startswith("(") else [value]
    for alternative in alternatives:
        country, *levels = alternative.split(":")
        countries.add(name_key(country.strip()))
        for level in levels:
            for name in re.split(r"\s+-\s+", re.sub(r"\([^()]*\)", "", level)):
                if name.strip():
                    places.add(name_key(name.strip()))
    return countries, places


def parse_key(text: str) -> dict[str, list[KeyTemplate]]:
    """Templates per message id from a MUC-4 key file; a message keyed "*" (nothing relevant)
    has none. Continuation lines of a slot belong to the slot above them."""
    templates: dict[str, list[KeyTemplate]] = {}
    for block in re.split(r"\n\s*\n", text):
        slots: dict[str, str] = {}
        last = None
        for line in block.splitlines():
            if line.startswith(";"):
                continue
            match = _SLOT.match(line)
            if match:
                last = match.group(2).strip()
                slots[last] = (match.group(3) or "").strip()
            elif last and line.strip():
                slots[last] += " " + line.strip()
        docid = slots.get("MESSAGE: ID")
        if not docid:
            continue
        templates.setdefault(docid, [])
        if slots.get("MESSAGE: TEMPLATE", "*").startswith("*"):
            continue
        countries, places = key_places(slots.get("INCIDENT: LOCATION", ""))
        templates[docid].append(KeyTemplate(key_days(slots.get("INCIDENT: DATE", "")), frozenset(countries),
                                            frozenset(places)))
    return templates


def split_messages(text: str) -> dict[str, str]:
    """The messages of a MUC corpus file by id, each without its id line."""
    parts = _MESSAGE_ID.split(text)
    return {docid: body.strip("\n") for docid, body in zip(parts[1::2], parts[2::2])}


def load(folder: Path, split: str, limit: int | None) -> list[KeyMessage]:
    corpora = folder / "raw" / "CORPORA"
    messages: list[KeyMessage] = []
    for part, texts, key in _PARTS:
        text_path, key_path = corpora / part / texts, corpora / part / key
        if not text_path.is_file() or not key_path.is_file():
            raise DatasetUnavailable(f"no MUC-4 {part} messages and key under {corpora}")
        keys = parse_key(key_path.read_text(encoding="latin-1"))
        for docid, body in split_messages(text_path.read_text(encoding="latin-1")).items():
            messages.append(KeyMessage(docid, body, tuple(keys.get(docid, ()))))
    return messages[:limit] if limit else messages


def to_input(message: KeyMessage) -> InputDocument:
    return InputDocument(id=message.docid, text=message.text)


def score(messages: Sequence[KeyMessage], records: Sequence[DocumentRecord | None]) -> EvalResult:
    day_prf, country_prf, place_prf = PRF(), PRF(), PRF()
    for message, record in zip(messages, records):
        if not message.templates:
            continue
        incident = main_incident(record)
        days = set().union(*(t.days for t in message.templates))
        if days:
            day = predicted_day(incident)
            score_value(day_prf, "key", day, day in days)
        countries = set().union(*(t.countries for t in message.templates))
        country = name_key(incident.location.country) if incident and incident.location.country else None
        if countries:
            score_value(country_prf, "key", country, country in countries)
        places = set().union(*(t.places for t in message.templates))
        place = None
        if incident and incident.location.precision not in ("country", "unknown"):
            place = incident.location.name or incident.location.mention
        if places:
            score_value(place_prf, "key", place, bool(place) and name_key(place) in places)
    rows = {"date": day_prf.as_dict(), "country": country_prf.as_dict(), "place": place_prf.as_dict()}
    return EvalResult("muc4-keys", "date F1", day_prf.f1, rows)


DATASET: Dataset[KeyMessage] = Dataset(
    name="muc4-keys", folder="muc4", headline_name="date F1", default_limit=None,
    load=load, to_input=to_input, score=score,
)
