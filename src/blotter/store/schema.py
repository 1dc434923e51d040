"""The tables of the incident database (SQLAlchemy Core).

The migrations in ``migrations/versions`` create exactly these tables; a test compares the
two so that they cannot drift apart. Dates are ISO strings ("YYYY-MM-DD"), which compare
correctly as text on every backend; whole records are stored as JSON text.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("url", sa.String),
    sa.Column("site", sa.String),
    sa.Column("title", sa.Text),
    # Indexed: reports of the same week are merge candidates whatever incident dates they give.
    sa.Column("published", sa.String(40), index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("record", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.String(40), nullable=False),
)

document_incidents = sa.Table(
    "document_incidents", metadata,
    # ``seq`` is the ingest order: the first member of a merged incident names it.
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.String, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    sa.Column("incident_id", sa.String, nullable=False),
    sa.Column("is_primary", sa.Boolean, nullable=False),
    # The incident's date, else the report's publication date: what merge candidates are found by.
    sa.Column("anchor_date", sa.String(10), index=True),
    sa.Column("record", sa.Text, nullable=False),
    sa.UniqueConstraint("document_id", "incident_id", name="uq_document_incident"),
)

# The distinctive names of each report's text (``merge.distinctive_names``): how a follow-up
# published weeks later finds the reports of its incident.
document_names = sa.Table(
    "document_names", metadata,
    sa.Column("name", sa.String, primary_key=True),
    sa.Column("document_id", sa.String, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)

merged_incidents = sa.Table(
    "merged_incidents", metadata,
    sa.Column("id", sa.String, primary_key=True),
    # The incident's date, else its first report's publication date (what the date filters read);
    # ``date_known`` is false in the second case, so undated incidents sort after dated ones.
    sa.Column("event_date", sa.String(10)),
    sa.Column("date_known", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("category", sa.String(40), nullable=False),
    sa.Column("attack_type", sa.String(40), nullable=False),
    sa.Column("country", sa.String),
    sa.Column("country_code", sa.String(2)),
    sa.Column("city", sa.String),
    sa.Column("killed", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("first_reported", sa.String(40)),
    sa.Column("last_reported", sa.String(40)),
    sa.Column("record", sa.Text, nullable=False),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    # The API's filters and sort orders, each served by an index (newest first is the default).
    sa.Index("ix_merged_incidents_date_known_event_date_id", "date_known", "event_date", "id"),
    sa.Index("ix_merged_incidents_event_date_id", "event_date", "id"),
    sa.Index("ix_merged_incidents_country_code_event_date", "country_code", "event_date"),
    # covering: country and category together, dated or sorted by the dead, read no row
    sa.Index("ix_merged_incidents_country_code_category", "country_code", "category", "event_date", "killed"),
    sa.Index("ix_merged_incidents_category_event_date", "category", "event_date"),
    # covering: the dates of incidents found by id (name filters, full-text search)
    sa.Index("ix_merged_incidents_id_event_date", "id", "event_date"),
    sa.Index("ix_merged_incidents_killed", "killed"),
    sa.Index("ix_merged_incidents_lat_lon", "lat", "lon", "event_date"),
)

# Group and perpetrator names, lower-cased, each once: the API's name filters match part of a
# name, which scans this short list rather than every incident's names.
searchable_names = sa.Table(
    "searchable_names", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(12), nullable=False),  # "group" or "perpetrator"
    sa.Column("name", sa.String, nullable=False),
    sa.UniqueConstraint("kind", "name", name="uq_searchable_name"),
)

merged_incident_names = sa.Table(
    "merged_incident_names", metadata,
    sa.Column("name_id", sa.Integer, sa.ForeignKey("searchable_names.id"), primary_key=True),
    sa.Column("merged_id", sa.String, sa.ForeignKey("merged_incidents.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)

incident_links = sa.Table(
    "incident_links", metadata,
    sa.Column("member_seq", sa.Integer, sa.ForeignKey("document_incidents.seq", ondelete="CASCADE"), primary_key=True),
    sa.Column("merged_id", sa.String, sa.ForeignKey("merged_incidents.id", ondelete="CASCADE"), nullable=False, index=True),
)

failed_documents = sa.Table(
    "failed_documents", metadata,
    # The document id, or where it was read from when it had none.
    sa.Column("key", sa.String, primary_key=True),
    sa.Column("document_id", sa.String),
    sa.Column("code", sa.String(8), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("failed_at", sa.String(40), nullable=False),
)
