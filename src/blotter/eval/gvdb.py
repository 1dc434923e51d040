"""Gun Violence Database (crowd-annotated US shooting news): counts, place, date and names.

Gold killed = victims whose "victim-was" includes "killed"; injured = "injured" or
"hospitalized" but not killed. Scored on the record's main incident, victims only: the
annotators' victim section ordinarily leaves out a shooter who killed himself or was shot dead
by police, as our ``killed`` does (GVA, by contrast, counts them: see gva.py).

The gold date comes from a date picker that sometimes wrote "2015-8-23"; it is read as ISO
before comparing. GVDB gives no publication date, and most reports date the shooting only by
weekday ("on Tuesday"), which the annotators resolved against the day they read the article:
without a date in the page address or an absolute date in the text, a record rightly leaves the
date null, so date recall here is capped well below 1 (only about 4 in 10 dev reports carry a
publication day in their address). The row "date (address gives a day)" scores those reports
alone, the ones whose weekdays can be resolved at all.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Sequence

from ..models import DocumentRecord, InputDocument
from ..textpage import url_date
from .common import main_incident, predicted_city, predicted_day, same_place
from .metrics import PRF, CountScore, match_names, score_value
from .runner import Dataset, EvalResult, in_file_order


@dataclass(frozen=True)
class GvdbArticle:
    id: str
    url: str | None
    text: str
    killed: int
    injured: int
    city: str | None
    state: str | None  # "CT - Connecticut"
    date: str | None
    shooter_names: list[str]
    victim_names: list[str]


def _value(slot: object) -> str | None:
    value = slot.get("value") if isinstance(slot, dict) else slot
    return value.strip() or None if isinstance(value, str) else None


def _iso_day(value: str | None) -> str | None:
    """The date picker's "2015-8-23" as "2015-08-23"; anything unreadable stays as given."""
    if not value:
        return None
    try:
        year, month, day = (int(part) for part in value.split("-"))
        return date(year, month, day).isoformat()
    except ValueError:
        return value


def _gold_city(value: str | None) -> str | None:
    """The city a coder meant when the field holds text pasted from the page: the last line of a
    paste that began with the page header, without the year run into it ("2016Chicago") or a
    trailing full stop or comma ("Sparta."); a headline run into a dateline in capitals ("Man
    shot in robberyBELPRE") is the dateline's town."""
    if not value:
        return None
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    city = re.sub(r"^\d{4}(?=[A-Z])", "", lines[-1] if lines else "").strip(" .,;:")
    city = re.sub(r"^.*\s\S*[a-z]{3}(?=[A-Z]{3}[A-Z .'-]*$)", "", city)  # '... armed robberyBELPRE': the dateline
    return city or None


def parse_annotation(article_id: str, url: str | None, text: str, annotation: dict) -> GvdbArticle:
    """The gold we score, from one row's Json column."""
    when = annotation.get("date-and-time", {})
    victims = annotation.get("victim-section", [])
    killed = sum(1 for v in victims if "killed" in v.get("victim-was", []))
    injured = sum(1 for v in victims if "killed" not in v.get("victim-was", [])
                  and {"injured", "hospitalized"} & set(v.get("victim-was", [])))
    return GvdbArticle(
        id=article_id, url=url, text=text, killed=killed, injured=injured,
        city=_gold_city(_value(when.get("city"))), state=_value(when.get("state")), date=_iso_day(_value(when.get("date"))),
        shooter_names=[n for s in annotation.get("shooter-section", []) if (n := _value(s.get("name")))],
        victim_names=[n for v in victims if (n := _value(v.get("name")))],
    )


def load(folder: Path, split: str, limit: int | None) -> list[GvdbArticle]:
    csv.field_size_limit(sys.maxsize)
    articles = []
    with open(folder / f"{split}.tsv", encoding="utf-8", newline="") as tsv:
        for row in csv.DictReader(tsv, delimiter="\t"):
            if limit is not None and len(articles) >= limit:
                break
            articles.append(parse_annotation(row["Article id"], row.get("Article url") or None, row["Full text"],
                                             json.loads(row["Json"])))
    return articles


def to_input(article: GvdbArticle) -> InputDocument:
    return InputDocument(id=f"gvdb-{article.id}", text=article.text, url=article.url)


# The scorer keeps its own state tables rather than reading the gazetteer's: a scorer that shares
# the extractor's tables would also share their mistakes, and score them as right.
_US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
# AP-style abbreviations as coders type them, without their full stops ("Calif", "Wis", "La").
_AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO", "conn": "CT", "del": "DE",
    "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS", "ky": "KY", "la": "LA",
    "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE",
    "nebr": "NE", "nev": "NV", "okla": "OK", "ore": "OR", "pa": "PA", "tenn": "TN", "tex": "TX", "vt": "VT",
    "va": "VA", "wash": "WA", "wva": "WV", "wis": "WI", "wisc": "WI", "wyo": "WY",
}
_STATE_CODES = {name.lower(): code for code, name in _US_STATES.items()}


def _state_code(name: str) -> str | None:
    """The postal code of a US state written as "Connecticut", "CT", "Conn." or "Calif"; None otherwise."""
    key = name.strip().lower()
    if key.upper() in _US_STATES:
        return key.upper()
    if key in _STATE_CODES:
        return _STATE_CODES[key]
    return _AP_STATES.get(key.replace(".", "").replace(" ", ""))


def same_state(gold: str | None, predicted: str | None) -> bool:
    """Gold "CT - Connecticut" matches a predicted "Connecticut" or "CT"; a gold typed as a bare
    postal or AP abbreviation ("SC", "La.", "Calif") matches the state it abbreviates."""
    if not gold or not predicted:
        return False
    names = {part.strip().lower() for part in gold.split(" - ")}
    if predicted.strip().lower() in names:
        return True
    codes = {code for part in names if (code := _state_code(part))}
    return bool(codes) and _state_code(predicted) in codes


def unclear_state(gold: str | None) -> bool:
    """The coder marked the state "Unclear": the report does not name it, so a state we resolve
    from the town ("Milwaukee" -> Wisconsin) has no gold to agree or disagree with."""
    return bool(gold) and gold.strip().lower() == "unclear"


def known_state(gold: str | None) -> str | None:
    """The gold state, or None when the coder marked it "Unclear" (no state to find, as for a
    city left empty): such reports must not count as a state we failed to give."""
    return None if not gold or gold.strip().lower() == "unclear" else gold


def score(articles: Sequence[GvdbArticle], records: Sequence[DocumentRecord | None]) -> EvalResult:
    killed, injured = CountScore(), CountScore()
    city, state, date, shooters, victims = PRF(), PRF(), PRF(), PRF(), PRF()
    city_names = PRF()  # the gold's own name only: "West Philadelphia" is not matched by "Philadelphia"
    dated_address = PRF()  # the reports whose address holds the day they came out
    for article, record in zip(articles, records):
        incident = main_incident(record)
        killed.add(article.killed, incident.casualties.killed.best if incident else None)
        injured.add(article.injured, incident.casualties.injured.best if incident else None)
        predicted_place = predicted_city(incident)
        score_value(city, article.city, predicted_place, same_place(article.city, predicted_place))
        score_value(city_names, article.city, predicted_place,
                    same_place(article.city, predicted_place, sections=False))
        predicted_state = incident.location.admin1 if incident else None
        if not unclear_state(article.state):  # the coder abstained: our state is neither right nor wrong
            score_value(state, known_state(article.state), predicted_state, same_state(article.state, predicted_state))
        day = predicted_day(incident)
        score_value(date, article.date, day, article.date == day)
        if url_date(article.url):
            score_value(dated_address, article.date, day, article.date == day)
        predicted_shooters = [p.name for p in incident.perpetrators if p.name] if incident else []
        shooters.add(match_names(article.shooter_names, predicted_shooters), len(predicted_shooters),
                     len(article.shooter_names))
        predicted_victims = [v.name for v in incident.victims if v.name] if incident else []
        victims.add(match_names(article.victim_names, predicted_victims), len(predicted_victims),
                    len(article.victim_names))
    rows = {"killed": killed.as_dict(), "injured": injured.as_dict(), "city": city.as_dict(),
            "city (the gold's own name; a city section is not its city)": city_names.as_dict(),
            "state": state.as_dict(), "date": date.as_dict(), "date (address gives a day)": dated_address.as_dict(),
            "shooter names": shooters.as_dict(),
            "victim names": victims.as_dict()}
    return EvalResult("gvdb", "killed F1", killed.prf.f1, rows)


DATASET: Dataset[GvdbArticle] = Dataset(
    name="gvdb", folder="gvdb", headline_name="killed F1", default_limit=None,
    load=load, to_input=to_input, score=score, load_range=in_file_order(load),
)
