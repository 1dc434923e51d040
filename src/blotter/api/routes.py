"""The HTTP API's routes (``/api/...``). Reading is open; writing needs the server's token.

Database calls are blocking, so the read routes are plain functions that FastAPI runs in its
threadpool; extraction runs on the app's single extraction thread, which holds the spaCy
models loaded once, so the event loop never waits for either.
"""

from __future__ import annotations

import asyncio
import secrets
from datetime import date
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field, ValidationError

from ..errors import BlotterError, ExtractionError
from ..models import AttackType, Category, DocumentInput, DocumentRecord, InputDocument
from ..store import Database, MergedIncident
from .errors import ApiError, ErrorBody
from .exports import MEDIA_TYPES, ExportFormat, stream_export
from .queries import (BoundingBox, IncidentFilters, IncidentPoint, Interval, SortKey, incident_points, page_cursor,
                      query_incidents, timeline)
from .settings import Settings

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 404, 413, 422, 503)
}
MAX_MAP_POINTS = 5_000
MAX_OFFSET = 10_000_000

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


class ReportIn(DocumentInput):
    """A report to extract (RECORD.md, "Input"): exactly one of ``html`` and ``text``."""


class IncidentPage(BaseModel):
    items: list[MergedIncident]
    total: int
    limit: int
    offset: int
    # Pass as ``cursor`` for the next page (null on the last one): deep pages stay as fast as the first.
    next_cursor: Optional[str] = None


class MapPoint(BaseModel):
    id: str
    date: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    killed: Optional[int]
    injured: Optional[int]
    summary: str


class TimelineBucket(BaseModel):
    period: str
    incidents: int
    killed: int


class Overview(BaseModel):
    """What the dashboard's map and timeline draw: every match (points capped), counted by period."""

    total: int
    points: list[MapPoint]
    timeline: list[TimelineBucket]


class StoredDocument(BaseModel):
    stored: bool = Field(description="false when the same document was already stored")
    merged_incident_ids: list[str]
    document: DocumentRecord


# --------------------------------------------------------------------------- dependencies


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def database_of(request: Request) -> Database:
    return request.app.state.database


def require_token(request: Request, settings: Annotated[Settings, Depends(settings_of)]) -> None:
    """Writing needs ``Authorization: Bearer <token>`` matching the server's token."""
    if not settings.api_token:
        raise ApiError(403, "writing_disabled", "this server has no API token configured, so it accepts no writes")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), settings.api_token.encode()):
        raise ApiError(401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is needed to write",
                       headers={"WWW-Authenticate": "Bearer"})


def incident_filters(
    since: Annotated[Optional[date], Query(description="first day (YYYY-MM-DD), inclusive")] = None,
    until: Annotated[Optional[date], Query(description="last day (YYYY-MM-DD), inclusive")] = None,
    country: Annotated[Optional[str], Query(pattern="^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code")] = None,
    bbox: Annotated[Optional[str], Query(max_length=200, description="minlon,minlat,maxlon,maxlat")] = None,
    attack_type: Annotated[Optional[AttackType], Query(description="the incident's most specific attack type")] = None,
    category: Optional[Category] = None,
    group: Annotated[Optional[str], Query(min_length=1, max_length=200, description="part of a group's name")] = None,
    perpetrator: Annotated[Optional[str], Query(min_length=1, max_length=200,
                                                description="part of a perpetrator's name")] = None,
    min_killed: Annotated[Optional[int], Query(ge=0, le=1_000_000)] = None,
    q: Annotated[Optional[str], Query(min_length=1, max_length=500, description="words in the source reports")] = None,
) -> IncidentFilters:
    try:
        box = BoundingBox.parse(bbox) if bbox else None
    except ValueError as exc:
        raise ApiError(422, "invalid_request", f"bbox: {exc}") from exc
    return IncidentFilters(since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                           country=country, bbox=box, attack_type=attack_type, category=category, group=group,
                           perpetrator=perpetrator, min_killed=min_killed, q=q)


Filters = Annotated[IncidentFilters, Depends(incident_filters)]
DatabaseDep = Annotated[Database, Depends(database_of)]

# --------------------------------------------------------------------------- reading


@router.get("/incidents", response_model=IncidentPage, summary="Search merged incidents")
def list_incidents(
    filters: Filters, database: DatabaseDep, settings: Annotated[Settings, Depends(settings_of)],
    sort: SortKey = "-date",
    limit: Annotated[int, Query(ge=1, le=10_000, description="page size, capped by the server")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    cursor: Annotated[Optional[str], Query(max_length=500, description="the previous page's next_cursor")] = None,
) -> IncidentPage:
    limit = min(limit, settings.max_page)
    try:
        items, total = query_incidents(database, filters, sort=sort, limit=limit, offset=offset, after=cursor)
    except ValueError as exc:
        raise ApiError(400, "bad_cursor", str(exc)) from exc
    next_cursor = page_cursor(items[-1], sort) if len(items) == limit else None
    # Serialised here: the items are already valid models, FastAPI need not check them again.
    page = IncidentPage(items=items, total=total, limit=limit, offset=offset, next_cursor=next_cursor)
    return Response(page.model_dump_json(), media_type="application/json")  # type: ignore[return-value]


@router.get("/overview", response_model=Overview, summary="Map points and timeline of matching incidents")
def overview(filters: Filters, database: DatabaseDep, interval: Interval = "month") -> Overview:
    points: list[IncidentPoint] = incident_points(database, filters)
    located = [p for p in points if p.lat is not None and p.lon is not None][:MAX_MAP_POINTS]
    return Overview(total=len(points), points=[MapPoint(**vars(p)) for p in located],
                    timeline=[TimelineBucket(**bucket) for bucket in timeline(points, interval)])


@router.get("/incidents/{incident_id}", response_model=MergedIncident, summary="One merged incident")
def get_incident(incident_id: str, database: DatabaseDep) -> MergedIncident:
    incident = database.get_incident(incident_id)
    if incident is None:
        raise ApiError(404, "not_found", f"no incident with id {incident_id!r}")
    return incident


@router.get("/documents/{document_id}", response_model=DocumentRecord, summary="One stored document record")
def get_document(document_id: str, database: DatabaseDep) -> DocumentRecord:
    document = database.get_document(document_id)
    if document is None:
        raise ApiError(404, "not_found", f"no document with id {document_id!r}")
    return document


@router.get("/stats", summary="Totals and counts by category, attack type, country and month")
def stats(database: DatabaseDep) -> dict[str, Any]:
    return database.stats()


@router.get("/export", summary="Every merged incident in a date range, as a file",
            response_class=StreamingResponse,
            responses={200: {"content": {media: {} for media in MEDIA_TYPES.values()}}})
def export(database: DatabaseDep, format: ExportFormat = "jsonl", since: Optional[date] = None,
           until: Optional[date] = None) -> StreamingResponse:
    incidents = database.iter_incidents(since.isoformat() if since else None, until.isoformat() if until else None)
    return StreamingResponse(stream_export(incidents, format), media_type=MEDIA_TYPES[format],
                             headers={"Content-Disposition": f'attachment; filename="incidents.{format}"'})


@router.get("/config", include_in_schema=False)
def config(settings: Annotated[Settings, Depends(settings_of)]) -> dict[str, Any]:
    """What the dashboard needs to know about the server."""
    return {"tile_url": settings.tile_url, "max_page": settings.max_page, "writable": bool(settings.api_token)}


# --------------------------------------------------------------------------- extracting

REPORT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ReportIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


async def read_report(request: Request) -> InputDocument:
    """The report in the request body: a JSON input document, an HTML page or plain text."""
    body = await request.body()
    try:
        content = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "bad_input", "the request body is not UTF-8 text") from exc
    media_type = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    if media_type == "application/json":
        try:
            report = ReportIn.model_validate_json(content)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ())) or "body"
            raise ApiError(422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}") from exc
        if (report.html is None) == (report.text is None):
            raise ApiError(422, "invalid_request", "give exactly one of 'html' and 'text'")
        return InputDocument(**report.model_dump())
    if media_type == "text/html":
        return InputDocument(html=content)
    if media_type in ("text/plain", ""):
        return InputDocument(text=content)
    raise ApiError(415, "unsupported_media_type", "send application/json, text/plain or text/html")


async def run_extraction(request: Request, document: InputDocument) -> DocumentRecord:
    """Extract on the extraction thread; a failure in a stage is the report's problem (422)."""
    from ..pipeline import extract  # spaCy: imported when first needed

    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(request.app.state.extraction_thread, extract, document)
    except BlotterError:
        raise
    except Exception as exc:  # a stage broke on this text: same treatment as the CLI's error lines
        raise ExtractionError(f"{type(exc).__name__}: {exc}") from exc


@router.post("/extract", response_model=DocumentRecord, openapi_extra=REPORT_BODY,
             summary="Extract a report's record without storing it")
async def extract_report(request: Request) -> DocumentRecord:
    return await run_extraction(request, await read_report(request))


@router.post("/documents", response_model=StoredDocument, status_code=201, openapi_extra=REPORT_BODY,
             dependencies=[Depends(require_token)], summary="Extract a report and store it")
async def store_report(request: Request, database: DatabaseDep) -> StoredDocument:
    record = await run_extraction(request, await read_report(request))
    result = await run_in_threadpool(database.add_record, record)
    return StoredDocument(stored=result.stored, merged_incident_ids=list(result.merged_ids), document=record)
