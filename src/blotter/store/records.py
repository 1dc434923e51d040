"""The database's incident (RECORD.md, "The database's incident"): one real incident merged
from every report of it, with its sources and the values the reports disagree on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

from pydantic import Field

from ..models import Incident, Record

SCHEMA_PATH = Path(__file__).with_name("merged_incident.schema.json")


class Source(Record):
    """One report of a merged incident and the id its incident had inside that report."""

    document_id: str
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    incident_id: str


class ConflictValue(Record):
    value: Any
    document_id: str


class Conflict(Record):
    """Reports that disagree on one field ("casualties.killed", "date", ...): each one's value."""

    field: str
    values: list[ConflictValue]


class MergedIncident(Incident):
    """An Incident with a global id, stable across re-ingests, fused from all its reports."""

    sources: list[Source] = Field(default_factory=list)
    first_reported: Optional[str] = None
    last_reported: Optional[str] = None
    conflicts: list[Conflict] = Field(default_factory=list)


def filterable_names(record: dict[str, Any]) -> set[tuple[str, str]]:
    """The (kind, lower-cased name) pairs the API's ``group`` and ``perpetrator`` filters search,
    from a merged incident's JSON form: groups by name or mention, perpetrators' groups and
    claimants of claims; perpetrators by name or mention."""
    groups = ([g.get("name") for g in record.get("groups", [])] + [g.get("mention") for g in record.get("groups", [])]
              + [p.get("group") for p in record.get("perpetrators", [])]
              + [c.get("claimant") for c in record.get("claims", []) if c.get("status") == "claimed"])
    perpetrators = ([p.get("name") for p in record.get("perpetrators", [])]
                    + [p.get("mention") for p in record.get("perpetrators", [])])
    return ({("group", name.casefold()) for name in groups if name}
            | {("perpetrator", name.casefold()) for name in perpetrators if name})


def merged_incident_schema() -> dict[str, Any]:
    """The JSON Schema of MergedIncident; ``merged_incident.schema.json`` is this, written out."""
    return MergedIncident.model_json_schema()


def write_merged_incident_schema(path: Path = SCHEMA_PATH) -> None:
    path.write_text(json.dumps(merged_incident_schema(), indent=2) + "\n", encoding="utf-8")
