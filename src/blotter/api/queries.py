"""Searching merged incidents with every filter the API offers.

The store's ``query_incidents`` covers dates, country, category, attack type and text; the
API also filters by bounding box, group, perpetrator and minimum killed, and sorts. This module
builds one read-only query over the store's tables: columns the store indexes are filtered in
SQL, the location is read from the stored record's JSON, and group and perpetrator names are
narrowed in SQL (a substring of the record) and then checked exactly on the parsed incidents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as date_type, timedelta
from typing import Any, Callable, Literal, Optional

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..store import Database, MergedIncident
from ..store.schema import document_incidents, incident_links, merged_incidents

SortKey = Literal["date", "-date", "killed", "-killed", "injured", "-injured", "reported", "-reported"]
SORT_COLUMNS: dict[str, sa.ColumnElement[Any]] = {
    "date": merged_incidents.c.event_date,
    "killed": merged_incidents.c.killed,
    "injured": merged_incidents.c.injured,
    "reported": merged_incidents.c.last_reported,
}
# How many reports a full-text search may match; more words narrow it.
MAX_TEXT_MATCHES = 20_000


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


def _json_number(database: Database, *path: str) -> sa.ColumnElement[float]:
    """A number inside the stored record JSON, on SQLite and on PostgreSQL."""
    record = merged_incidents.c.record
    if database.is_sqlite:
        return sa.func.json_extract(record, "$." + ".".join(path))
    element: Any = sa.cast(record, postgresql.JSONB)
    for key in path[:-1]:
        element = element[key]
    return element[path[-1]].astext.cast(sa.Float)


def _contains_text(needle: str) -> sa.ColumnElement[bool]:
    """Records whose JSON contains ``needle`` (case-insensitive), a cheap first cut."""
    escaped = needle.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return sa.func.lower(merged_incidents.c.record).like(f"%{escaped}%", escape="\\")


def _sql_conditions(database: Database, filters: IncidentFilters) -> list[sa.ColumnElement[bool]]:
    table = merged_incidents.c
    conditions: list[sa.ColumnElement[bool]] = []
    if filters.since:
        conditions.append(table.event_date >= filters.since[:10])
    if filters.until:
        conditions.append(table.event_date <= filters.until[:10])
    if filters.country:
        conditions.append(table.country_code == filters.country.upper())
    if filters.category:
        conditions.append(table.category == filters.category)
    if filters.attack_type:
        conditions.append(table.attack_type == filters.attack_type)
    if filters.min_killed is not None:
        conditions.append(table.killed >= filters.min_killed)
    if filters.bbox:
        box = filters.bbox
        lon, lat = _json_number(database, "location", "lon"), _json_number(database, "location", "lat")
        conditions.append(lat.between(box.min_lat, box.max_lat))
        if box.min_lon <= box.max_lon:
            conditions.append(lon.between(box.min_lon, box.max_lon))
        else:  # the box crosses the antimeridian
            conditions.append(sa.or_(lon >= box.min_lon, lon <= box.max_lon))
    for name in (filters.group, filters.perpetrator):
        if name:
            conditions.append(_contains_text(name))
    if filters.q:
        matching_documents = database.search_documents(filters.q, limit=MAX_TEXT_MATCHES)
        conditions.append(table.id.in_(
            sa.select(incident_links.c.merged_id)
            .join(document_incidents, document_incidents.c.seq == incident_links.c.member_seq)
            .where(document_incidents.c.document_id.in_(matching_documents))))
    return conditions


def _names_match(needle: str, names: list[Optional[str]]) -> bool:
    needle = needle.casefold()
    return any(name and needle in name.casefold() for name in names)


def _exact_checks(filters: IncidentFilters) -> list[Callable[[MergedIncident], bool]]:
    """The checks SQL cannot do exactly: names inside the incident's lists."""
    checks: list[Callable[[MergedIncident], bool]] = []
    if filters.group:
        group = filters.group
        checks.append(lambda inc: _names_match(group, [g.name for g in inc.groups] + [g.mention for g in inc.groups]
                                               + [p.group for p in inc.perpetrators]
                                               + [c.claimant for c in inc.claims if c.status == "claimed"]))
    if filters.perpetrator:
        perpetrator = filters.perpetrator
        checks.append(lambda inc: _names_match(perpetrator, [p.name for p in inc.perpetrators]
                                               + [p.mention for p in inc.perpetrators]))
    return checks


def _order(sort: SortKey) -> list[sa.ColumnElement[Any]]:
    column = SORT_COLUMNS[sort.lstrip("-")]
    ordered = column.desc().nulls_last() if sort.startswith("-") else column.asc().nulls_last()
    return [ordered, merged_incidents.c.id]


def query_incidents(database: Database, filters: IncidentFilters, *, sort: SortKey = "-date",
                    limit: int = 50, offset: int = 0) -> tuple[list[MergedIncident], int]:
    """One page of merged incidents matching ``filters`` and how many match in all."""
    where = sa.and_(sa.true(), *_sql_conditions(database, filters))
    checks = _exact_checks(filters)
    select_records = sa.select(merged_incidents.c.record).where(where).order_by(*_order(sort))
    with database.engine.connect() as conn:
        if not checks:
            total = conn.execute(sa.select(sa.func.count()).select_from(merged_incidents).where(where)).scalar_one()
            rows = conn.execute(select_records.limit(limit).offset(offset)).scalars()
            return [MergedIncident.model_validate_json(row) for row in rows], total
        candidates = (MergedIncident.model_validate_json(row) for row in conn.execute(select_records).scalars())
        matching = [inc for inc in candidates if all(check(inc) for check in checks)]
    return matching[offset:offset + limit], len(matching)


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
    """Every matching incident, newest first, read from indexed columns and a few JSON values
    (no whole record is parsed unless a name filter needs it)."""
    checks = _exact_checks(filters)
    where = sa.and_(sa.true(), *_sql_conditions(database, filters))
    with database.engine.connect() as conn:
        if checks:
            rows = conn.execute(sa.select(merged_incidents.c.record).where(where).order_by(*_order("-date")))
            incidents = (MergedIncident.model_validate_json(record) for record in rows.scalars())
            return [IncidentPoint(inc.id, inc.date.start, inc.location.lat, inc.location.lon,
                                  inc.casualties.killed.best, inc.casualties.injured.best, inc.summary)
                    for inc in incidents if all(check(inc) for check in checks)]
        table = merged_incidents.c
        query = sa.select(table.id, table.event_date, _json_number(database, "location", "lat"),
                          _json_number(database, "location", "lon"), table.killed, table.injured,
                          _json_text(database, "summary")).where(where).order_by(*_order("-date"))
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
