"""Searching merged incidents with every filter the API offers.

The filtering, counting, sorting and paging are SQL inside the store
(``Database.query_incidents`` and ``Database.incident_filter``): every filter is an indexed
column or a side table, so no stored record is parsed except the page that is returned.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date as date_type, timedelta
from typing import Any, Literal, Optional

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..store import Database, MergedIncident
from ..store.database import SortKey, incident_order, page_cursor
from ..store.schema import merged_incidents

__all__ = ["BoundingBox", "IncidentFilters", "IncidentPoint", "Interval", "SortKey", "incident_points", "page_cursor",
           "query_incidents", "timeline"]


@dataclass(frozen=True)
class BoundingBox:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @classmethod
    def parse(cls, value: str) -> "BoundingBox":
        """``"minlon,minlat,maxlon,maxlat"`` in degrees; raises ValueError when it is not one."""
        parts = [float(p) for p in value.split(",")]
        if len(parts) != 4 or any(p != p for p in parts):  # p != p: NaN
            raise ValueError("bbox needs four numbers: minlon,minlat,maxlon,maxlat")
        box = cls(*parts)
        if not (-180 <= box.min_lon <= 180 and -180 <= box.max_lon <= 180
                and -90 <= box.min_lat <= box.max_lat <= 90):
            raise ValueError("bbox is outside -180..180 longitude, -90..90 latitude, or minlat > maxlat")
        return box


@dataclass(frozen=True)
class IncidentFilters:
    """What a client asks for; every field is optional and they combine with AND."""

    since: Optional[str] = None
    until: Optional[str] = None
    country: Optional[str] = None
    bbox: Optional[BoundingBox] = None
    attack_type: Optional[str] = None
    category: Optional[str] = None
    group: Optional[str] = None
    perpetrator: Optional[str] = None
    min_killed: Optional[int] = None
    q: Optional[str] = None


def _store_filters(filters: IncidentFilters) -> dict[str, Any]:
    """The filters as ``Database.incident_filter`` takes them."""
    given = asdict(filters)
    given["country_code"], given["text"] = given.pop("country"), given.pop("q")
    box = filters.bbox
    given["bbox"] = (box.min_lon, box.min_lat, box.max_lon, box.max_lat) if box else None
    return given


def query_incidents(database: Database, filters: IncidentFilters, *, sort: SortKey = "-date",
                    limit: int = 50, offset: int = 0, after: Optional[str] = None) -> tuple[list[MergedIncident], int]:
    """One page of merged incidents matching ``filters`` and how many match in all; ``after``
    is the previous page's ``next_cursor`` (keyset paging, see ``Database.query_incidents``)."""
    return database.query_incidents(sort=sort, limit=limit, offset=offset, after=after, **_store_filters(filters))


@dataclass(frozen=True)
class IncidentPoint:
    """The map's and timeline's view of an incident: where, when and how many, nothing else."""

    id: str
    date: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    killed: Optional[int]
    injured: Optional[int]
    summary: str


def incident_points(database: Database, filters: IncidentFilters) -> list[IncidentPoint]:
    """Every matching incident, newest first, read from indexed columns and the summary (no
    whole record is parsed)."""
    table = merged_incidents.c
    query = (sa.select(table.id, table.event_date, table.lat, table.lon, table.killed, table.injured,
                       _json_text(database, "summary"))
             .where(database.incident_filter(**_store_filters(filters))).order_by(*incident_order("-date")))
    with database.engine.connect() as conn:
        return [IncidentPoint(row[0], row[1], _float(row[2]), _float(row[3]), row[4], row[5], row[6] or "")
                for row in conn.execute(query)]


def _json_text(database: Database, key: str) -> sa.ColumnElement[str]:
    if database.is_sqlite:
        return sa.func.json_extract(merged_incidents.c.record, "$." + key)
    return sa.cast(merged_incidents.c.record, postgresql.JSONB)[key].astext


def _float(value: Any) -> Optional[float]:
    return None if value is None else float(value)


Interval = Literal["day", "week", "month"]


def period_of(day: str, interval: Interval) -> Optional[str]:
    """The period a "YYYY-MM-DD" day falls in: the day, the Monday of its ISO week, or "YYYY-MM"."""
    if interval == "month":
        return day[:7]
    if interval == "day":
        return day[:10]
    try:
        start = date_type.fromisoformat(day[:10])
    except ValueError:
        return None
    return (start - timedelta(days=start.weekday())).isoformat()


def timeline(points: list[IncidentPoint], interval: Interval) -> list[dict[str, Any]]:
    """Incidents and people killed per period, oldest first; undated incidents are left out."""
    buckets: dict[str, list[int]] = {}
    for point in points:
        period = period_of(point.date, interval) if point.date else None
        if period:
            bucket = buckets.setdefault(period, [0, 0])
            bucket[0] += 1
            bucket[1] += point.killed or 0
    return [{"period": period, "incidents": n, "killed": killed} for period, (n, killed) in sorted(buckets.items())]
