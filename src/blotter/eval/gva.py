"""Gun Violence Archive articles: counts, date and city against the article's incident (silver).

GVA labels describe the incident, not the article, so an article that omits a victim is
"wrong" here: read these scores as a floor. The default sample takes every k-th article of
the file, a deterministic spread over years and sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Sequence

from ..models import DocumentRecord, Incident, InputDocument
from .common import main_incident, predicted_city, predicted_day, read_jsonl, same_place
from .metrics import PRF, CountScore, score_value
from .runner import Dataset, EvalResult

DEFAULT_SAMPLE = 300


@dataclass(frozen=True)
class GvaArticle:
    id: str
    incident: str
    url: str | None
    title: str
    content: str
    published: str | None
    killed: int
    injured: int
    date: str | None  # YYYY-MM-DD
    city: str | None


def _iso_date(gva_date: str | None) -> str | None:
    """GVA's "April 10, 2017" as 2017-04-10."""
    try:
        return datetime.strptime(gva_date or "", "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def every_kth(items: list, limit: int | None) -> list:
    """A deterministic spread of ``limit`` items: every k-th one from the start."""
    if limit is None or limit >= len(items):
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def load_all(folder: Path) -> list[GvaArticle]:
    """Every article with text, joined with its incident's labels."""
    incidents = {i["incident_uri"]: i for i in read_jsonl(folder / "incidents.jsonl")}
    articles = []
    for raw in read_jsonl(folder / "articles.jsonl"):
        incident = incidents.get(raw["incident_uri"])
        if incident is None or not (raw.get("content") or "").strip():
            continue
        articles.append(GvaArticle(
            id=raw["id"], incident=raw["incident_uri"], url=raw.get("uri"), title=raw.get("title") or "",
            content=raw["content"], published=raw.get("dct") or None,
            killed=int(incident.get("num_killed") or 0), injured=int(incident.get("num_injured") or 0),
            date=_iso_date(incident.get("date")), city=incident.get("city_or_county") or None))
    return articles


def load(folder: Path, split: str, limit: int | None) -> list[GvaArticle]:
    return every_kth(load_all(folder), limit)


def load_range(folder: Path, split: str, offset: int, limit: int | None) -> list[GvaArticle]:
    """Consecutive articles from the ``offset``-th on, up to ``limit``, counting only those whose incident
    has no article in the default spread sample: a stretch to read while developing that shares no
    incident (and so no gold label) with the scored sample."""
    articles = load_all(folder)
    sampled = {article.incident for article in every_kth(articles, DEFAULT_SAMPLE)}
    rest = [article for article in articles if article.incident not in sampled]
    return rest[offset:] if limit is None else rest[offset:offset + limit]


_ARCHIVE_PREFIX_RE = re.compile(r"^https?://web\.archive\.org/web/\d+(?:[a-z]{2}_)?/", re.IGNORECASE)


def original_url(archived: str | None) -> str | None:
    """The page's own address inside an archive.org copy's ("http://web.archive.org/web/2015.../http://site/..."
    is "http://site/..."): what a user who found the article has, without the capture stamp."""
    if not archived:
        return None
    return _ARCHIVE_PREFIX_RE.sub("", archived) or None


def to_input(article: GvaArticle) -> InputDocument:
    """Title + content as the text, the publication date as ``published`` and the page's own address as
    ``url`` (what a user has)."""
    text = f"{article.title}\n\n{article.content}" if article.title else article.content
    return InputDocument(id=article.id, text=text, published=article.published, url=original_url(article.url))


def everyone_harmed(incident: Incident | None, harm: str) -> int | None:
    """Everyone shot, as GVA counts: its killed and injured figures include the suspects ("subjects")
    shot by police or by their own hand (in all 217 incidents of incidents.jsonl that list one),
    while our record keeps attackers apart (``perpetrators_killed``); the two add up here. None
    when the record gives neither figure. (GVDB's annotators list victims only: see gvdb.py.)"""
    if incident is None:
        return None
    victims = getattr(incident.casualties, harm).best
    attackers = getattr(incident.casualties, f"perpetrators_{harm}").best
    if victims is None and attackers is None:
        return None
    return (victims or 0) + (attackers or 0)


def score(articles: Sequence[GvaArticle], records: Sequence[DocumentRecord | None]) -> EvalResult:
    killed, injured = CountScore(), CountScore()
    city, date = PRF(), PRF()
    for article, record in zip(articles, records):
        incident = main_incident(record)
        killed.add(article.killed, everyone_harmed(incident, "killed"))
        injured.add(article.injured, everyone_harmed(incident, "injured"))
        predicted_place = predicted_city(incident)
        score_value(city, article.city, predicted_place, same_place(article.city, predicted_place))
        day = predicted_day(incident)
        score_value(date, article.date, day, article.date == day)
    rows = {"killed": killed.as_dict(), "injured": injured.as_dict(), "date": date.as_dict(), "city": city.as_dict()}
    return EvalResult("gva", "killed F1", killed.prf.f1, rows)


DATASET: Dataset[GvaArticle] = Dataset(
    name="gva", folder="gva", headline_name="killed F1", default_limit=DEFAULT_SAMPLE,
    load=load, to_input=to_input, score=score, load_range=load_range,
)
