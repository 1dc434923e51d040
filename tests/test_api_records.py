"""Hand-made reports and their records for the API and dashboard tests (no extraction needed).

Each report is a few invented sentences; every value's evidence is cut from its own text.
"""

from __future__ import annotations

from pathlib import Path

from blotter.models import Casualties, Count, DocumentRecord, Evidence, GroupRef, Incident, IncidentDate, Location, \
    Perpetrator

REPORTS = [
    {"id": "lagos-1", "country": ("Nigeria", "NG"), "place": "Ikeja", "lat": 6.6018, "lon": 3.3515,
     "date": "2024-03-02", "killed": 4, "group": "Boko Haram", "perpetrator": "Musa Bello",
     "category": "terrorism", "attack": "bombing",
     "text": "A bomb exploded at a market in Ikeja on Saturday, killing 4 people. "
             "Police said Boko Haram carried out the attack and arrested Musa Bello."},
    {"id": "lagos-2", "country": ("Nigeria", "NG"), "place": "Ikeja", "lat": 6.6018, "lon": 3.3515,
     "date": "2024-03-02", "killed": 5, "group": "Boko Haram", "perpetrator": "Musa Bello",
     "category": "terrorism", "attack": "bombing",
     "text": "The toll from Saturday's market bomb in Ikeja rose to 5 dead, officials said. "
             "Boko Haram was blamed, and Musa Bello is in custody."},
    {"id": "paris-1", "country": ("France", "FR"), "place": "Paris", "lat": 48.8534, "lon": 2.3488,
     "date": "2023-11-20", "killed": 1, "group": None, "perpetrator": "Jean Martin",
     "category": "crime", "attack": "armed_assault",
     "text": "A man was shot dead in Paris on Monday night. Jean Martin, 31, was charged with murder."},
    {"id": "xss-1", "country": ("Kenya", "KE"), "place": "Nairobi", "lat": -1.2833, "lon": 36.8167,
     "date": "2024-01-15", "killed": 2, "group": None, "perpetrator": "<script>window.pwned=1</script>",
     "category": "crime", "attack": "armed_assault",
     "text": "Two guards were killed in Nairobi. A note left by <script>window.pwned=1</script> was found."},
]


def _span(text: str, words: str) -> Evidence:
    start = text.index(words)
    return Evidence.of(text, start, start + len(words))


def report_record(report: dict) -> DocumentRecord:
    """The document record a perfect extractor would write for one hand-made report."""
    text = report["text"]
    sentence_end = text.index(". ") + 1
    killed_words = str(report["killed"]) if str(report["killed"]) in text else "Two"
    place = _span(text, report["place"])
    country, code = report["country"]
    perpetrator = _span(text, report["perpetrator"])
    incident = Incident(
        id="d1-i1", is_primary=True, summary=text[:sentence_end], category=report["category"],
        attack_types=[report["attack"]],
        date=IncidentDate(start=report["date"], end=report["date"], precision="day"),
        location=Location(mention=report["place"], name=report["place"], country=country, country_code=code,
                          lat=report["lat"], lon=report["lon"], precision="city", evidence=[place]),
        perpetrators=[Perpetrator(name=report["perpetrator"], mention=report["perpetrator"], evidence=[perpetrator])],
        groups=[GroupRef(name=report["group"], mention=report["group"], relation="perpetrator",
                         evidence=[_span(text, report["group"])])] if report["group"] else [],
        casualties=Casualties(killed=Count(best=report["killed"], low=report["killed"],
                                           evidence=[_span(text, killed_words)])),
        confidence=0.9, evidence=[Evidence.of(text, 0, sentence_end)],
    )
    return DocumentRecord(id=report["id"], url=f"https://news.example.org/{report['id']}",
                          title=f"Report {report['id']}", published=report["date"] + "T12:00:00+00:00",
                          text=text, incidents=[incident])


def fill_database(path: Path) -> str:
    """A SQLite database at ``path`` holding every hand-made report; returns its URL."""
    from blotter.store import open_database

    url = f"sqlite:///{path}"
    with open_database(url) as database:
        for report in REPORTS:
            database.add_record(report_record(report))
    return url
