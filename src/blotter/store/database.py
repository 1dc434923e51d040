"""The storage interface: ``open_database(url) -> Database``.

One SQLAlchemy Core code path for SQLite (the embedded default: WAL mode and a busy timeout
so readers never see "database is locked" while ``ingest`` writes) and PostgreSQL. Opening
runs the Alembic migrations shipped in ``migrations/``, so an upgrade keeps the data.
Each stored document is one transaction together with its merge: an interrupted ingest
loses at most the document in flight and never leaves half of one.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Literal, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..errors import StorageError
from ..models import DocumentRecord, Incident
from . import merge
from .records import MergedIncident, filterable_names
from .schema import (document_incidents, document_names, documents, failed_documents, incident_links,
                     merged_incident_names, merged_incidents, searchable_names)

DEFAULT_URL = "sqlite:///blotter.db"
BUSY_TIMEOUT_MS = 30_000
MIGRATIONS = Path(__file__).with_name("migrations")
_MEMBER_CACHE_LIMIT = 50_000
WRITER_LOCK_KEY = 0x626C6F74  # "blot": the PostgreSQL advisory lock writers take turns on

SortKey = Literal["date", "-date", "killed", "-killed", "injured", "-injured", "reported", "-reported"]
SORT_COLUMNS: dict[str, sa.ColumnElement[Any]] = {
    "date": merged_incidents.c.event_date,
    "killed": merged_incidents.c.killed,
    "injured": merged_incidents.c.injured,
    "reported": merged_incidents.c.last_reported,
}


def resolve_url(url: Optional[str]) -> str:
    """``--db`` when given, else the environment variable BLOTTER_DB, else ./blotter.db."""
    return url or os.environ.get("BLOTTER_DB") or DEFAULT_URL


@dataclass(frozen=True)
class AddResult:
    """What storing one document did: ``stored`` is False when it was already there."""

    stored: bool
    incidents: int = 0
    merged_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Counts:
    documents: int
    incidents: int
    merged: int
    failed: int


class Database:
    """The incident database. Use ``open_database``; close it (or use ``with``) when done."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        # Stored report incidents never change, so their parsed form can be kept.
        self._members: dict[int, merge.Member] = {}

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # ----------------------------------------------------------------------- writing

    def has_document(self, document_id: str, content_hash: Optional[str] = None) -> bool:
        """Whether a document with this id (or this content hash) is already stored."""
        condition = documents.c.id == document_id
        if content_hash:
            condition = condition | (documents.c.content_hash == content_hash)
        with self._transaction() as conn:
            return conn.execute(sa.select(documents.c.id).where(condition).limit(1)).first() is not None

    def add_record(self, record: DocumentRecord, *, content_hash: Optional[str] = None) -> AddResult:
        """Store a document, its incidents and their merge, in one transaction.

        ``content_hash`` identifies the input content (SHA-256 of the raw page or text);
        without it, the hash of the clean text is used. A document already stored (same id or
        same hash) changes nothing.
        """
        content_hash = content_hash or text_hash(record)
        try:
            with self._transaction(write=True) as conn:
                exists = sa.select(documents.c.id).where(
                    (documents.c.id == record.id) | (documents.c.content_hash == content_hash)).limit(1)
                if conn.execute(exists).first() is not None:
                    return AddResult(stored=False)
                new_members = self._insert_document(conn, record, content_hash)
                merged_ids = self._merge(conn, new_members) if new_members else ()
                conn.execute(failed_documents.delete().where(failed_documents.c.key == record.id))
        except sa.exc.SQLAlchemyError as exc:
            raise StorageError(f"could not store document {record.id}: {exc}") from exc
        self._remember(new_members)
        return AddResult(stored=True, incidents=len(new_members), merged_ids=tuple(merged_ids))

    def add_failure(self, key: str, document_id: Optional[str], code: str, message: str) -> None:
        """Record a document that could not be read or extracted (replacing an older failure)."""
        with self._transaction(write=True) as conn:
            conn.execute(failed_documents.delete().where(failed_documents.c.key == key))
            conn.execute(failed_documents.insert().values(
                key=key, document_id=document_id, code=code, message=message, failed_at=_now()))

    def _insert_document(self, conn: Connection, record: DocumentRecord, content_hash: str) -> list[merge.Member]:
        conn.execute(documents.insert().values(
            id=record.id, content_hash=content_hash, url=record.url, site=record.site, title=record.title,
            published=record.published, text=record.text, record=record.model_dump_json(), ingested_at=_now()))
        names = merge.distinctive_names(record.text)
        if names:
            conn.execute(document_names.insert(), [{"name": name, "document_id": record.id} for name in names])
        if self.is_sqlite:
            conn.execute(sa.text("INSERT INTO documents_fts (document_id, title, text) VALUES (:id, :title, :text)"),
                         {"id": record.id, "title": record.title or "", "text": record.text})
        if not record.incidents:
            return []
        rows = [{"document_id": record.id, "incident_id": inc.id, "is_primary": inc.is_primary,
                 "anchor_date": merge.anchor_date(inc, record.published), "record": inc.model_dump_json()}
                for inc in record.incidents]
        inserted = conn.execute(
            document_incidents.insert().returning(document_incidents.c.seq, sort_by_parameter_order=True), rows)
        return [merge.Member(seq=seq, document_id=record.id, incident=inc, url=record.url, title=record.title,
                             published=record.published, document_names=names)
                for (seq,), inc in zip(inserted.all(), record.incidents)]

    def _merge(self, conn: Connection, new_members: list[merge.Member]) -> list[str]:
        """Re-cluster the new incidents with every stored incident they could belong to.

        Candidates come from the date window around each new incident; the clusters of the
        ones that match are taken apart and built again with the newcomers, which lets a new
        report join an incident, bridge two, or split a merge its evidence contradicts.
        """
        document_id = new_members[0].document_id
        name_counts: dict[str, int] = {}
        nearby = self._candidates(conn, new_members, document_id, name_counts)
        score = partial(merge.match_score, common_names=self._common_names(conn, nearby + new_members, name_counts))
        matching = [c for c in nearby
                    if any((s := score(c, m)) is not None and s >= merge.MERGE_THRESHOLD for m in new_members)]
        affected_ids: set[str] = set()
        if matching:
            links = conn.execute(sa.select(incident_links.c.merged_id)
                                 .where(incident_links.c.member_seq.in_([c.seq for c in matching])))
            affected_ids = {row.merged_id for row in links}
        existing: dict[str, list[int]] = defaultdict(list)
        if affected_ids:
            for row in conn.execute(sa.select(incident_links.c.member_seq, incident_links.c.merged_id)
                                    .where(incident_links.c.merged_id.in_(affected_ids))):
                existing[row.merged_id].append(row.member_seq)
            conn.execute(incident_links.delete().where(incident_links.c.merged_id.in_(affected_ids)))
            conn.execute(merged_incident_names.delete().where(merged_incident_names.c.merged_id.in_(affected_ids)))
            conn.execute(merged_incidents.delete().where(merged_incidents.c.id.in_(affected_ids)))
        stored_groups = [self._load_members(conn, seqs) for seqs in existing.values()]
        if sum(len(group) for group in stored_groups) <= merge.MAX_RECLUSTER:
            groups = merge.cluster([m for group in stored_groups for m in group] + new_members, score)
        else:
            groups = merge.attach(stored_groups, new_members, score)
        fused = [merge.fuse(group) for group in groups]
        insert_merged_incidents(conn, fused)
        conn.execute(incident_links.insert(), [{"member_seq": m.seq, "merged_id": incident.id}
                                               for group, incident in zip(groups, fused) for m in group])
        return [incident.id for group, incident in zip(groups, fused) if any(m.document_id == document_id for m in group)]

    def _candidates(self, conn: Connection, new_members: list[merge.Member], document_id: str,
                    name_counts: dict[str, int]) -> list[merge.Member]:
        """Stored incidents dated within a week of a new one, and primary incidents of reports
        within ``LONG_WINDOW_DAYS`` that share enough distinctive names (follow-ups).
        ``name_counts`` receives how many stored reports use each of the new names."""
        anchors = [m.anchor for m in new_members if m.anchor]
        if not anchors:
            return []
        window = timedelta(days=merge.CANDIDATE_WINDOW_DAYS)
        low, high = (min(anchors) - window).isoformat(), (max(anchors) + window).isoformat()
        query = (sa.select(document_incidents.c.seq)
                 .where(document_incidents.c.anchor_date.between(low, high))
                 .where(document_incidents.c.document_id != document_id))
        seqs = dict.fromkeys(conn.execute(query).scalars())
        published = merge.parse_day(new_members[0].published)
        if published:  # reports of the same week whose incident dates disagree (one misread)
            low, high = (published - window).isoformat(), (published + window + timedelta(days=1)).isoformat()
            query = (sa.select(document_incidents.c.seq)
                     .join(documents, documents.c.id == document_incidents.c.document_id)
                     .where(documents.c.published.between(low, high), document_incidents.c.document_id != document_id))
            seqs.update(dict.fromkeys(conn.execute(query).scalars()))
        names = set().union(*(m.names for m in new_members))
        if names:
            name_counts.update(self._name_counts(conn, names))
            spread = [name for name in names if name_counts.get(name, 0) <= merge.MAX_NAME_REPORTS]
            tied = self._name_tied(conn, sorted(spread), anchors, document_id)
            seqs.update(dict.fromkeys(seq for seq, shared in tied.items() if shared >= merge.LONG_TIE_NAMES))
            # A follow-up and the first report, one naming as victim or attacker someone the other names.
            once = self._load_members(conn, list(tied))
            seqs.update(dict.fromkeys(m.seq for m in once
                                      if any(merge.names_each_other(m, new) for new in new_members)))
        return self._load_members(conn, list(seqs))

    def _name_counts(self, conn: Connection, names: Iterable[str]) -> dict[str, int]:
        """How many stored reports use each of ``names`` (names in none are left out)."""
        chosen, counts = sorted(names), {}
        for start in range(0, len(chosen), 500):
            query = (sa.select(document_names.c.name, sa.func.count()).where(
                document_names.c.name.in_(chosen[start:start + 500])).group_by(document_names.c.name))
            counts.update((name, count) for name, count in conn.execute(query))
        return counts

    def _common_names(self, conn: Connection, members: list[merge.Member],
                      name_counts: dict[str, int]) -> frozenset[str]:
        """The members' names that are in more than ``MAX_NAME_REPORTS`` stored reports
        (``name_counts`` holds the counts already known). Only names that two members share
        can sway a match, so only those are counted."""
        seen = Counter(name for m in members for name in m.names)
        names = {name for name, members_with_it in seen.items() if members_with_it > 1}
        unknown = names - name_counts.keys()
        if unknown:
            name_counts.update(self._name_counts(conn, unknown))
        return frozenset(name for name in names if name_counts.get(name, 0) > merge.MAX_NAME_REPORTS)

    def _name_tied(self, conn: Connection, names: list[str], anchors: list[date], document_id: str) -> dict[int, int]:
        """Primary incidents of other reports anchored within ``LONG_WINDOW_DAYS`` that share any of
        ``names`` (names used by few reports), each with how many it shares: one query serves both
        the long tie (``LONG_TIE_NAMES`` shared) and the follow-up check (one shared)."""
        if not names:
            return {}
        window = timedelta(days=merge.LONG_WINDOW_DAYS)
        low, high = (min(anchors) - window).isoformat(), (max(anchors) + window).isoformat()
        query = (sa.select(document_incidents.c.seq, sa.func.count())
                 .join(document_names, document_names.c.document_id == document_incidents.c.document_id)
                 .where(document_names.c.name.in_(names), document_incidents.c.is_primary,
                        document_incidents.c.document_id != document_id,
                        document_incidents.c.anchor_date.between(low, high))
                 .group_by(document_incidents.c.seq))
        return {seq: shared for seq, shared in conn.execute(query)}

    def _load_members(self, conn: Connection, seqs: list[int]) -> list[merge.Member]:
        found = {seq: self._members[seq] for seq in seqs if seq in self._members}
        missing = [seq for seq in seqs if seq not in found]
        if missing:
            query = (sa.select(document_incidents.c.seq, document_incidents.c.document_id, document_incidents.c.record,
                               documents.c.url, documents.c.title, documents.c.published)
                     .join(documents, documents.c.id == document_incidents.c.document_id)
                     .where(document_incidents.c.seq.in_(missing)))
            rows = conn.execute(query).all()
            names_of: dict[str, set[str]] = defaultdict(set)
            for row in conn.execute(sa.select(document_names.c.document_id, document_names.c.name)
                                    .where(document_names.c.document_id.in_({row.document_id for row in rows}))):
                names_of[row.document_id].add(row.name)
            loaded = [merge.Member(seq=row.seq, document_id=row.document_id,
                                   incident=Incident.model_validate_json(row.record), url=row.url, title=row.title,
                                   published=row.published, document_names=frozenset(names_of[row.document_id]))
                      for row in rows]
            found.update((m.seq, m) for m in loaded)
            self._remember(loaded)
        return [found[seq] for seq in seqs]

    def _remember(self, members: list[merge.Member]) -> None:
        if len(self._members) > _MEMBER_CACHE_LIMIT:
            self._members.clear()
        self._members.update((m.seq, m) for m in members)

    # ----------------------------------------------------------------------- reading

    def get_document(self, document_id: str) -> Optional[DocumentRecord]:
        with self._transaction() as conn:
            record = conn.execute(sa.select(documents.c.record).where(documents.c.id == document_id)).scalar()
        return DocumentRecord.model_validate_json(record) if record else None

    def get_incident(self, incident_id: str) -> Optional[MergedIncident]:
        with self._transaction() as conn:
            record = conn.execute(sa.select(merged_incidents.c.record)
                                  .where(merged_incidents.c.id == incident_id)).scalar()
        return MergedIncident.model_validate_json(record) if record else None

    def query_incidents(self, *, limit: int = 50, offset: int = 0, sort: SortKey = "-date",
                        after: Optional[str] = None, **filters: Any) -> tuple[list[MergedIncident], int]:
        """One page of merged incidents matching ``filters`` (see ``incident_filter``), ordered
        by ``sort`` (newest first by default), and how many match in all.

        ``after`` is the ``page_cursor`` of the previous page's last incident: the page starts
        right after it (keyset paging), so a deep page costs no more than the first;
        ``offset`` then counts from there. A cursor made for another sort raises ValueError.
        """
        where = self.incident_filter(**filters)
        page_where = sa.and_(where, _after_cursor(after, sort)) if after else where
        # The page's ids first, sorted on indexed columns alone; then only their records are read.
        page = (sa.select(merged_incidents.c.id).where(page_where).order_by(*incident_order(sort))
                .limit(limit).offset(offset).subquery())
        records = (sa.select(merged_incidents.c.record).join(page, page.c.id == merged_incidents.c.id)
                   .order_by(*incident_order(sort)))
        with self._transaction() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(merged_incidents).where(where)).scalar_one()
            return [MergedIncident.model_validate_json(r) for r in conn.execute(records).scalars()], total

    def incident_filter(self, *, since: Optional[str] = None, until: Optional[str] = None,
                        country_code: Optional[str] = None, category: Optional[str] = None,
                        attack_type: Optional[str] = None, text: Optional[str] = None,
                        bbox: Optional[tuple[float, float, float, float]] = None, group: Optional[str] = None,
                        perpetrator: Optional[str] = None, min_killed: Optional[int] = None) -> sa.ColumnElement[bool]:
        """The SQL condition for merged incidents matching every given filter (AND).

        ``bbox`` is (min_lon, min_lat, max_lon, max_lat) in degrees, crossing the antimeridian
        when min_lon > max_lon; ``group`` and ``perpetrator`` match part of a name, ignoring
        case; ``text`` searches the full text of the incidents' reports.
        """
        table = merged_incidents.c
        conditions = self._filters(since, until)
        if country_code:
            conditions.append(table.country_code == country_code.upper())
        if category:
            conditions.append(table.category == category)
        if attack_type:
            conditions.append(table.attack_type == attack_type)
        if min_killed is not None:
            conditions.append(table.killed >= min_killed)
        if bbox:
            min_lon, min_lat, max_lon, max_lat = bbox
            conditions.append(table.lat.between(min_lat, max_lat))
            conditions.append(table.lon.between(min_lon, max_lon) if min_lon <= max_lon
                              else sa.or_(table.lon >= min_lon, table.lon <= max_lon))
        for kind, needle in (("group", group), ("perpetrator", perpetrator)):
            if needle:
                escaped = needle.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                names = searchable_names.c
                conditions.append(table.id.in_(
                    sa.select(merged_incident_names.c.merged_id)
                    .join(searchable_names, names.id == merged_incident_names.c.name_id)
                    .where(names.kind == kind, names.name.like(f"%{escaped}%", escape="\\"))))
        if text:
            conditions.append(table.id.in_(
                sa.select(incident_links.c.merged_id)
                .join(document_incidents, document_incidents.c.seq == incident_links.c.member_seq)
                .where(document_incidents.c.document_id.in_(self._text_match(text)))))
        return sa.and_(sa.true(), *conditions)

    def iter_incidents(self, since: Optional[str] = None, until: Optional[str] = None) -> Iterator[MergedIncident]:
        """Every merged incident in the date range (inclusive), oldest first, streamed."""
        query = (sa.select(merged_incidents.c.record).where(sa.and_(sa.true(), *self._filters(since, until)))
                 .order_by(merged_incidents.c.event_date, merged_incidents.c.id))
        with self._transaction() as conn:
            for record in conn.execution_options(yield_per=500).execute(query).scalars():
                yield MergedIncident.model_validate_json(record)

    def search_documents(self, text: str, limit: int = 20) -> list[str]:
        """Ids of stored documents whose title or text match the words of ``text``."""
        with self._transaction() as conn:
            return list(conn.execute(self._text_match(text).limit(limit)).scalars())

    def stats(self) -> dict[str, Any]:
        """Totals, and merged incidents by category, attack type, country and month."""
        def by(column: sa.ColumnElement[Any]) -> dict[str, int]:
            query = (sa.select(column.label("key"), sa.func.count().label("n")).group_by(column)
                     .order_by(sa.func.count().desc(), column))
            return {(row.key or "unknown"): row.n for row in conn.execute(query)}

        counts = self.counts()
        with self._transaction() as conn:
            return {
                "documents": counts.documents, "incidents": counts.incidents,
                "merged_incidents": counts.merged, "failed_documents": counts.failed,
                "by_category": by(merged_incidents.c.category),
                "by_attack_type": by(merged_incidents.c.attack_type),
                "by_country": by(merged_incidents.c.country),
                "by_month": dict(sorted(by(sa.func.substr(merged_incidents.c.event_date, 1, 7)).items())),
            }

    def counts(self) -> Counts:
        with self._transaction() as conn:
            def count(table: sa.Table) -> int:
                return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            return Counts(documents=count(documents), incidents=count(document_incidents),
                          merged=count(merged_incidents), failed=count(failed_documents))

    def failures(self) -> list[dict[str, Any]]:
        """The documents that failed, with their error code and reason."""
        with self._transaction() as conn:
            rows = conn.execute(sa.select(failed_documents).order_by(failed_documents.c.failed_at))
            return [dict(row._mapping) for row in rows]

    def primary_incident_groups(self, document_ids: list[str]) -> list[list[str]]:
        """The given documents grouped by the merged incident of their primary incident."""
        query = (sa.select(document_incidents.c.document_id, incident_links.c.merged_id)
                 .join(incident_links, incident_links.c.member_seq == document_incidents.c.seq)
                 .where(document_incidents.c.is_primary))
        with self._transaction() as conn:
            merged_of = {row.document_id: row.merged_id for row in conn.execute(query)}
        groups: dict[str, list[str]] = defaultdict(list)
        for document_id in dict.fromkeys(document_ids):
            groups[merged_of.get(document_id, "doc:" + document_id)].append(document_id)
        return list(groups.values())

    def _filters(self, since: Optional[str], until: Optional[str]) -> list[sa.ColumnElement[bool]]:
        conditions: list[sa.ColumnElement[bool]] = []
        if since:
            conditions.append(merged_incidents.c.event_date >= since[:10])
        if until:
            conditions.append(merged_incidents.c.event_date <= until[:10])
        return conditions

    def _text_match(self, text: str) -> sa.Select[Any]:
        if self.is_sqlite:
            # Each word quoted, so user input is never read as FTS5 query syntax.
            phrase = " ".join('"' + w.replace('"', '""') + '"' for w in re.findall(r"\w+", text)) or '""'
            return sa.select(sa.column("document_id")).select_from(sa.table("documents_fts")).where(
                sa.text("documents_fts MATCH :phrase").bindparams(phrase=phrase))
        return sa.select(documents.c.id).where(
            sa.text("documents.search @@ plainto_tsquery('english', :phrase)").bindparams(phrase=text))

    @contextmanager
    def _transaction(self, write: bool = False) -> Iterator[Connection]:
        """A connection in a transaction. Writers take turns, so two ingests never merge the
        same incident at once: on SQLite by taking the write lock up front (BEGIN IMMEDIATE),
        on PostgreSQL by a transaction-scoped advisory lock."""
        with self.engine.connect() as conn:
            conn.execution_options(blotter_write=write)
            with conn.begin():
                if write and not self.is_sqlite:
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})
                yield conn


def text_hash(record: DocumentRecord) -> str:
    """The content hash of a document stored without one: SHA-256 of its headline and clean text
    (pages whose text is only a sign-in wall share the text, not the headline)."""
    content = f"{record.title or ''}\x1f{record.text}"
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()


def open_database(url: Optional[str] = None) -> Database:
    """Connect to the database at ``url`` (see ``resolve_url``) and bring its schema up to date."""
    url = resolve_url(url)
    try:
        engine = sa.create_engine(url)
        if engine.dialect.name == "sqlite":
            _configure_sqlite(engine)
        database = Database(engine)
        with database._transaction(write=True) as conn:
            _migrate(conn)
    except sa.exc.SQLAlchemyError as exc:
        raise StorageError(f"cannot open database {url}: {exc}") from exc
    return database


def _configure_sqlite(engine: Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below, not by the driver
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("blotter_write") else "BEGIN")


def _migrate(conn: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def incident_order(sort: SortKey) -> list[sa.ColumnElement[Any]]:
    """ORDER BY for a sort key ("-" for descending); unknown values last, ties by id in the same
    direction, so that the composite indexes serve the page. Undated incidents come after dated
    ones either way: their ``event_date`` is only the report's date."""
    column = SORT_COLUMNS[sort.lstrip("-")]
    if sort.startswith("-"):
        order = [column.desc().nulls_last(), merged_incidents.c.id.desc()]
    else:
        order = [column.asc().nulls_last(), merged_incidents.c.id.asc()]
    return [merged_incidents.c.date_known.desc(), *order] if sort.lstrip("-") == "date" else order


def page_cursor(incident: MergedIncident, sort: SortKey) -> str:
    """An opaque cursor for ``query_incidents(after=...)``: the incident's values of the sort's
    columns (as ``_merged_row`` stores them) and its id."""
    name = sort.lstrip("-")
    if name == "date":
        values: list[Any] = [bool(incident.date.start), _merged_row_date(incident)]
    else:
        values = [{"killed": incident.casualties.killed.best, "injured": incident.casualties.injured.best,
                   "reported": incident.last_reported}[name]]
    payload = json.dumps([sort, *values, incident.id], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _after_cursor(cursor: str, sort: SortKey) -> sa.ColumnElement[bool]:
    """Rows that come after the cursor's row in ``incident_order(sort)``, unknown values last."""
    try:
        decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        cursor_sort, *values = decoded
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not a page cursor: {cursor!r}") from exc
    if cursor_sort != sort:
        raise ValueError(f"the cursor was made for sort={cursor_sort}, not sort={sort}")
    descending = sort.startswith("-")
    columns = [SORT_COLUMNS[sort.lstrip("-")], merged_incidents.c.id]
    directions = [descending, descending]
    if sort.lstrip("-") == "date":
        columns, directions = [merged_incidents.c.date_known, *columns], [True, *directions]
    if len(values) != len(columns):
        raise ValueError(f"not a page cursor for sort={sort}: {cursor!r}")
    condition: sa.ColumnElement[bool] = sa.false()
    for column, value, descending_column in reversed(list(zip(columns, values, directions))):
        # Lexicographic, last column first: strictly after on this column, or equal and after on the rest.
        bound = sa.bindparam(None, value, type_=column.type)
        equal = column.is_(None) if value is None else column == bound
        beyond = sa.false() if value is None else sa.or_(column < bound if descending_column else column > bound,
                                                          column.is_(None))
        condition = sa.or_(beyond, sa.and_(equal, condition))
    return condition


def insert_merged_incidents(conn: Connection, incidents: Iterable[MergedIncident]) -> None:
    """Write merged incidents: the row with its indexed columns, and their searchable names."""
    rows = [_merged_row(incident) for incident in incidents]
    if rows:
        conn.execute(merged_incidents.insert(), rows)
        link_searchable_names(conn, {row["id"]: filterable_names(json.loads(row["record"])) for row in rows})


def link_searchable_names(conn: Connection, names_of: dict[str, set[tuple[str, str]]]) -> None:
    """Link merged incidents to their (kind, name) pairs, adding the names not seen before."""
    wanted = set().union(*names_of.values())
    if not wanted:
        return
    table = searchable_names
    known: dict[tuple[str, str], int] = {}
    for kind in {kind for kind, _ in wanted}:
        chosen = [name for k, name in wanted if k == kind]
        for start in range(0, len(chosen), 500):
            query = sa.select(table.c.id, table.c.name).where(table.c.kind == kind,
                                                              table.c.name.in_(chosen[start:start + 500]))
            known.update(((kind, row.name), row.id) for row in conn.execute(query))
    missing = sorted(wanted - known.keys())
    if missing:
        inserted = conn.execute(table.insert().returning(table.c.id, sort_by_parameter_order=True),
                                [{"kind": kind, "name": name} for kind, name in missing])
        known.update(zip(missing, inserted.scalars()))
    links = [{"merged_id": merged_id, "name_id": known[pair]} for merged_id, pairs in names_of.items() for pair in pairs]
    for start in range(0, len(links), 5_000):
        conn.execute(merged_incident_names.insert(), links[start:start + 5_000])


def _merged_row_date(incident: MergedIncident) -> Optional[str]:
    """``merged_incidents.event_date``: the incident's date, else its first report's date."""
    return incident.date.start or (incident.first_reported[:10] if incident.first_reported else None)


def _merged_row(incident: MergedIncident) -> dict[str, Any]:
    return {
        "id": incident.id, "event_date": _merged_row_date(incident), "date_known": bool(incident.date.start),
        "category": incident.category,
        "attack_type": incident.attack_types[0], "country": incident.location.country,
        "country_code": incident.location.country_code, "city": incident.location.name,
        "killed": incident.casualties.killed.best, "injured": incident.casualties.injured.best,
        "lat": incident.location.lat, "lon": incident.location.lon, "first_reported": incident.first_reported, "last_reported": incident.last_reported,
        "record": incident.model_dump_json(),
    }


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
