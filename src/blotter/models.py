"""Typed records passed between pipeline stages and written as output.

Field names follow ``shared/spec/RECORD.md`` exactly; the JSON Schema in
``schema/record.schema.json`` is generated from these models (``blotter schema``).
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Category = Literal[
    "terrorism", "political_violence", "armed_conflict", "crime", "accident", "self_harm", "unknown"
]
AttackType = Literal[
    "assassination", "armed_assault", "bombing", "hijacking", "hostage_taking_barricade",
    "hostage_taking_kidnapping", "facility_infrastructure_attack", "unarmed_assault", "unknown",
]
WeaponType = Literal[
    "biological", "chemical", "radiological", "nuclear", "firearms", "explosives", "fake_weapons",
    "incendiary", "melee", "vehicle", "sabotage_equipment", "other", "unknown",
]
TargetType = Literal[
    "business", "government_general", "police", "military", "abortion_related", "airports_aircraft",
    "government_diplomatic", "educational_institution", "food_water_supply", "journalists_media",
    "maritime", "ngo", "other", "private_citizens_property", "religious_figures_institutions",
    "telecommunication", "terrorists_non_state_militia", "tourists", "transportation", "unknown",
    "utilities", "violent_political_party",
]
Status = Literal["carried_out", "attempted", "foiled", "plotted", "threatened"]
DatePrecision = Literal["day", "week", "month", "year", "range", "unknown"]
LocationPrecision = Literal["exact", "city", "admin2", "admin1", "country", "unknown"]
Fate = Literal["killed", "died", "injured", "arrested", "at_large", "surrendered"]
GroupRelation = Literal["perpetrator", "claimed", "suspected", "denied", "blamed", "mentioned"]
VictimStatus = Literal["killed", "injured", "kidnapped", "missing", "unharmed", "unknown"]
Gender = Literal["male", "female"]
PlaceFeature = Literal["city", "admin1", "admin2", "country", "region", "landmark"]


class Record(BaseModel):
    """Base for every output record: unknown fields are errors, not silently kept."""

    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- input


class DocumentInput(Record):
    """One document to read (RECORD.md, "Input"). Exactly one of ``html``/``text`` is set."""

    id: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    html: Optional[str] = None
    text: Optional[str] = None


class InputDocument(DocumentInput):
    """A document as the reader hands it on: the input fields plus where it came from."""

    # Where it came from (a file path, "stdin", "file.jsonl:12"); not part of the output.
    origin: Optional[str] = Field(default=None, exclude=True)
    fetched: Optional[str] = Field(default=None, exclude=True)


# --------------------------------------------------------------------------- evidence


class Evidence(Record):
    field: Literal["text", "title"] = "text"
    start: int
    end: int
    quote: str
    document_id: Optional[str] = None  # set on merged (database) incidents only

    @classmethod
    def of(cls, text: str, start: int, end: int, field: Literal["text", "title"] = "text") -> "Evidence":
        """Evidence for ``text[start:end]``; the quote is always cut from the text itself."""
        return cls(field=field, start=start, end=end, quote=text[start:end])


# --------------------------------------------------------------------------- document parts


class RelatedLink(Record):
    title: str
    url: Optional[str] = None


class Place(Record):
    mention: str
    start: int
    end: int
    name: str
    feature: PlaceFeature
    admin1: Optional[str] = None
    country_code: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None


class Quote(Record):
    speaker: Optional[str] = None
    speaker_mention: Optional[str] = None
    cue: Optional[str] = None
    text: str
    direct: bool = True
    start: int
    end: int


# --------------------------------------------------------------------------- incident parts


class IncidentDate(Record):
    start: Optional[str] = None
    end: Optional[str] = None
    precision: DatePrecision = "unknown"
    time: Optional[str] = None
    evidence: list[Evidence] = Field(default_factory=list)


class Location(Record):
    mention: Optional[str] = None
    name: Optional[str] = None
    admin1: Optional[str] = None
    country: Optional[str] = None
    country_code: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    precision: LocationPrecision = "unknown"
    evidence: list[Evidence] = Field(default_factory=list)


class Perpetrator(Record):
    name: Optional[str] = None
    mention: str
    age: Optional[int] = None
    gender: Optional[Gender] = None
    nationality: Optional[str] = None
    group: Optional[str] = None
    fate: Optional[Fate] = None
    evidence: list[Evidence] = Field(default_factory=list)


class GroupRef(Record):
    name: str
    mention: str
    relation: GroupRelation
    evidence: list[Evidence] = Field(default_factory=list)


class Dispute(Record):
    who: str
    view: str
    evidence: list[Evidence] = Field(default_factory=list)


class Claim(Record):
    claimant: str
    status: Literal["claimed", "denied"] = "claimed"
    channel: Optional[str] = None
    date: Optional[str] = None
    statement: Optional[str] = None
    disputed_by: list[Dispute] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Victim(Record):
    name: Optional[str] = None
    mention: str
    status: VictimStatus = "unknown"
    age: Optional[int] = None
    gender: Optional[Gender] = None
    evidence: list[Evidence] = Field(default_factory=list)


class Target(Record):
    mention: str
    type: TargetType
    evidence: list[Evidence] = Field(default_factory=list)


class Weapon(Record):
    mention: str
    type: WeaponType
    subtype: Optional[str] = None
    evidence: list[Evidence] = Field(default_factory=list)


class Count(Record):
    best: Optional[int] = None
    low: Optional[int] = None
    high: Optional[int] = None
    evidence: list[Evidence] = Field(default_factory=list)


class Casualties(Record):
    killed: Count = Field(default_factory=Count)
    injured: Count = Field(default_factory=Count)
    perpetrators_killed: Count = Field(default_factory=Count)
    perpetrators_injured: Count = Field(default_factory=Count)


class Incident(Record):
    id: str
    is_primary: bool = False
    summary: str = ""
    category: Category = "unknown"
    attack_types: list[AttackType] = Field(default_factory=lambda: ["unknown"])
    acled_event_type: Optional[str] = None
    acled_sub_event_type: Optional[str] = None
    status: Status = "carried_out"
    date: IncidentDate = Field(default_factory=IncidentDate)
    location: Location = Field(default_factory=Location)
    perpetrators: list[Perpetrator] = Field(default_factory=list)
    groups: list[GroupRef] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    victims: list[Victim] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    weapons: list[Weapon] = Field(default_factory=list)
    casualties: Casualties = Field(default_factory=Casualties)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    evidence: list[Evidence] = Field(default_factory=list)


# --------------------------------------------------------------------------- output


class DocumentRecord(Record):
    """The record ``blotter extract`` writes for one document (RECORD.md, "Output")."""

    schema_version: str = SCHEMA_VERSION
    id: str
    url: Optional[str] = None
    site: Optional[str] = None
    title: Optional[str] = None
    subtitle: Optional[str] = None
    authors: list[str] = Field(default_factory=list)
    published: Optional[str] = None
    updated: Optional[str] = None
    language: Optional[str] = "en"
    text: str = ""
    related_links: list[RelatedLink] = Field(default_factory=list)
    image_credits: list[str] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    incidents: list[Incident] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class ErrorInfo(Record):
    code: str
    message: str


class ErrorRecord(Record):
    """The line written for a document that could not be processed (CLI.md)."""

    id: Optional[str] = None
    error: ErrorInfo


# --------------------------------------------------------------------------- between stages


class Article(Record):
    """The cleaned article: what the clean stage hands to the language stages."""

    id: str
    url: Optional[str] = None
    site: Optional[str] = None
    title: Optional[str] = None
    subtitle: Optional[str] = None
    authors: list[str] = Field(default_factory=list)
    published: Optional[str] = None
    updated: Optional[str] = None
    language: Optional[str] = "en"
    text: str = ""
    related_links: list[RelatedLink] = Field(default_factory=list)
    image_credits: list[str] = Field(default_factory=list)
    dateline: Optional[str] = None  # "KADUNA, Nigeria" from a wire dateline, when there is one
    stamped: Optional[str] = None  # the publication stamp the page prints ("Posted: ..."), even when a date was given
    warnings: list[str] = Field(default_factory=list)
