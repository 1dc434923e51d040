"""Distinctive names of reports (long-window merging), and what the API filters on as indexed
columns: coordinates, group and perpetrator names, and composite indexes for its sort orders.

Existing rows are filled in from the stored texts and records, so an upgrade keeps the data.

Revision ID: 0002
Revises: 0001
"""

import json

import sqlalchemy as sa
from alembic import op

from blotter.store.merge import distinctive_names
from blotter.store.database import link_searchable_names
from blotter.store.records import filterable_names

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 1_000


def upgrade() -> None:
    op.create_table(
        "document_names",
        sa.Column("name", sa.String, primary_key=True),
        sa.Column("document_id", sa.String, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_document_names_document_id", "document_names", ["document_id"])
    op.create_table(
        "searchable_names",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.UniqueConstraint("kind", "name", name="uq_searchable_name"),
    )
    op.create_table(
        "merged_incident_names",
        sa.Column("name_id", sa.Integer, sa.ForeignKey("searchable_names.id"), primary_key=True),
        sa.Column("merged_id", sa.String, sa.ForeignKey("merged_incidents.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_merged_incident_names_merged_id", "merged_incident_names", ["merged_id"])
    with op.batch_alter_table("merged_incidents") as batch:
        batch.add_column(sa.Column("lat", sa.Float))
        batch.add_column(sa.Column("lon", sa.Float))
    op.drop_index("ix_merged_incidents_event_date", "merged_incidents")
    op.create_index("ix_merged_incidents_event_date_id", "merged_incidents", ["event_date", "id"])
    op.create_index("ix_merged_incidents_country_code_event_date", "merged_incidents", ["country_code", "event_date"])
    op.create_index("ix_merged_incidents_country_code_category", "merged_incidents",
                    ["country_code", "category", "event_date", "killed"])
    op.create_index("ix_merged_incidents_category_event_date", "merged_incidents", ["category", "event_date"])
    op.create_index("ix_merged_incidents_id_event_date", "merged_incidents", ["id", "event_date"])
    op.create_index("ix_merged_incidents_killed", "merged_incidents", ["killed"])
    op.create_index("ix_merged_incidents_lat_lon", "merged_incidents", ["lat", "lon", "event_date"])
    _fill_in_existing_rows()


def _fill_in_existing_rows() -> None:
    conn = op.get_bind()
    documents = sa.table("documents", sa.column("id"), sa.column("text"))
    document_names = sa.table("document_names", sa.column("name"), sa.column("document_id"))
    merged = sa.table("merged_incidents", sa.column("id"), sa.column("record"), sa.column("lat"), sa.column("lon"))

    rows = [{"name": name, "document_id": row.id}
            for row in conn.execute(sa.select(documents.c.id, documents.c.text))
            for name in distinctive_names(row.text)]
    for start in range(0, len(rows), BATCH):
        conn.execute(document_names.insert(), rows[start:start + BATCH])

    coordinates, names = [], {}
    for row in conn.execute(sa.select(merged.c.id, merged.c.record)):
        record = json.loads(row.record)
        location = record.get("location") or {}
        coordinates.append({"key": row.id, "lat": location.get("lat"), "lon": location.get("lon")})
        names[row.id] = filterable_names(record)
    update = merged.update().where(merged.c.id == sa.bindparam("key")).values(
        lat=sa.bindparam("lat"), lon=sa.bindparam("lon"))
    for start in range(0, len(coordinates), BATCH):
        conn.execute(update, coordinates[start:start + BATCH])
    link_searchable_names(conn, names)


def downgrade() -> None:
    for index in ("ix_merged_incidents_lat_lon", "ix_merged_incidents_killed", "ix_merged_incidents_id_event_date",
                  "ix_merged_incidents_category_event_date", "ix_merged_incidents_country_code_category",
                  "ix_merged_incidents_country_code_event_date", "ix_merged_incidents_event_date_id"):
        op.drop_index(index, "merged_incidents")
    op.create_index("ix_merged_incidents_event_date", "merged_incidents", ["event_date"])
    with op.batch_alter_table("merged_incidents") as batch:
        batch.drop_column("lon")
        batch.drop_column("lat")
    op.drop_index("ix_merged_incident_names_merged_id", "merged_incident_names")
    op.drop_table("merged_incident_names")
    op.drop_table("searchable_names")
    op.drop_index("ix_document_names_document_id", "document_names")
    op.drop_table("document_names")
