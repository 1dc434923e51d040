"""GeoWebNews: are the toponyms found, and resolved to the right spot?

Gold: toponyms of GWN.xml. Recall and resolution are measured on toponyms with coordinates
(a predicted Place overlapping the gold span; resolved when within 161 km, i.e. 100 miles,
the usual geoparsing threshold). Precision: predicted places overlapping any gold toponym.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..models import DocumentRecord, InputDocument, Place
from .common import locate, offset_shift, overlaps
from .metrics import Accuracy
from .runner import Dataset, EvalResult

RESOLVED_KM = 161.0
# Found places split by what the record took them for: a country's or a state's point differs between
# gazetteers by more than 161 km (GeoNames puts China 180 km from Wikipedia's point), a town's does not.
LOCAL_FEATURES = ("city", "admin2", "landmark")
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GeoArticle:
    id: str
    url: str | None
    text: str
    toponyms: list[Toponym]


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def load(folder: Path, split: str, limit: int | None) -> list[GeoArticle]:
    """GeoWebNews (``dev``, the default) or GeoVirus (``geovirus``: disease-outbreak news that no rule was
    written against, a cross-check with its own annotation habits)."""
    if split == "geovirus":
        return _load_geovirus(folder, limit)
    articles = []
    for element in ElementTree.parse(folder / "GWN.xml").getroot().iter("article"):
        if limit is not None and len(articles) >= limit:
            break
        toponyms = [Toponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                            _float(t.findtext("latitude")), _float(t.findtext("longitude")))
                    for t in element.iter("toponym")]
        articles.append(GeoArticle(id=f"gwn-{element.get('file')}", url=element.findtext("link"),
                                   text=element.findtext("text") or "", toponyms=toponyms))
    return articles


def _load_geovirus(folder: Path, limit: int | None) -> list[GeoArticle]:
    articles: list[GeoArticle] = []
    for number, element in enumerate(ElementTree.parse(folder / "GeoVirus.xml").getroot().iter("article")):
        if limit is not None and len(articles) >= limit:
            break
        text = element.findtext("text") or ""
        toponyms = [Toponym(*_geovirus_span(text, t), _float(t.findtext("lat")), _float(t.findtext("lon")))
                    for t in element.iter("location")]
        articles.append(GeoArticle(id=f"geovirus-{number}", url=element.findtext("source"), text=text,
                                   toponyms=toponyms))
    return articles


def _geovirus_span(text: str, location: ElementTree.Element) -> tuple[int, int]:
    """GeoVirus counts its offsets from one: the name stands one character earlier than they say (for
    every location of the release). Taken as written when the name is not there."""
    name = location.findtext("name") or ""
    start, end = int(location.findtext("start") or 0), int(location.findtext("end") or 0)
    return (start - 1, end - 1) if text[start - 1:end - 1] == name else (start, end)


def to_input(article: GeoArticle) -> InputDocument:
    return InputDocument(id=article.id, text=article.text, url=article.url)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def aligned_places(article: GeoArticle, record: DocumentRecord | None) -> list[Place]:
    """The record's places with offsets into the text we gave: at the uniform shift when the
    cleaner only cut a prefix, else at the nearest occurrence of the same words (the cleaner may
    drop a byline or a credit line in between, which moves every later offset)."""
    if record is None:
        return []
    shift = offset_shift(article.text, record.text)
    aligned, cursor = [], 0
    for place in sorted(record.places, key=lambda p: p.start):
        words = record.text[place.start:place.end]
        if shift is not None and article.text[place.start + shift:place.end + shift] == words:
            span: tuple[int, int] | None = (place.start + shift, place.end + shift)
        else:  # cleaning only removes text: the words are at or after their cleaned offset, in order
            found = article.text.find(words, max(cursor, place.start)) if words else -1
            span = (found, found + len(words)) if found >= 0 else \
                locate(article.text, record.text, place.start, place.end, shift)
        if span is not None:
            aligned.append(place.model_copy(update={"start": span[0], "end": span[1]}))
            cursor = span[0]
    return aligned


def score(articles: Sequence[GeoArticle], records: Sequence[DocumentRecord | None]) -> EvalResult:
    precision, recall, resolved = Accuracy(), Accuracy(), Accuracy()
    local, wide = Accuracy(), Accuracy()
    for article, record in zip(articles, records):
        places = aligned_places(article, record)
        for place in places:
            precision.add(any(overlaps(place.start, place.end, t.start, t.end) for t in article.toponyms))
        for toponym in article.toponyms:
            if toponym.lat is None or toponym.lon is None:
                continue
            matches = [p for p in places if overlaps(p.start, p.end, toponym.start, toponym.end)]
            recall.add(bool(matches))
            near = any(p.lat is not None and p.lon is not None
                       and distance_km(p.lat, p.lon, toponym.lat, toponym.lon) <= RESOLVED_KM for p in matches)
            resolved.add(near)
            if matches:
                (local if matches[0].feature in LOCAL_FEATURES else wide).add(near)
    p, r = precision.value, recall.value
    rows: dict[str, dict[str, float | int]] = {
        "places (precision)": precision.as_dict(),
        "toponyms found (recall)": recall.as_dict(),
        "found F1": {"f1": round(2 * p * r / (p + r), 4) if p + r else 0.0},
        "resolved <=161 km": resolved.as_dict(),
        "  found as a town, county or landmark": local.as_dict(),
        "  found as a country, region or state": wide.as_dict(),
    }
    return EvalResult("geo", "accuracy@161km", resolved.value, rows)


DATASET: Dataset[GeoArticle] = Dataset(
    name="geo", folder="geo", headline_name="accuracy@161km", default_limit=None, splits=("dev", "geovirus"),
    load=load, to_input=to_input, score=score,
)
