"""The first schema: documents, their incidents, merged incidents, links, failures, search.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("url", sa.String),
        sa.Column("site", sa.String),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])
    op.create_table(
        "document_incidents",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("incident_id", sa.String, nullable=False),
        sa.Column("is_primary", sa.Boolean, nullable=False),
        sa.Column("anchor_date", sa.String(10)),
        sa.Column("record", sa.Text, nullable=False),
        sa.UniqueConstraint("document_id", "incident_id", name="uq_document_incident"),
    )
    op.create_index("ix_document_incidents_anchor_date", "document_incidents", ["anchor_date"])
    op.create_table(
        "merged_incidents",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("event_date", sa.String(10)),
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
    )
    op.create_index("ix_merged_incidents_event_date", "merged_incidents", ["event_date"])
    op.create_table(
        "incident_links",
        sa.Column("member_seq", sa.Integer, sa.ForeignKey("document_incidents.seq", ondelete="CASCADE"), primary_key=True),
        sa.Column("merged_id", sa.String, sa.ForeignKey("merged_incidents.id", ondelete="CASCADE"), nullable=False),
    )
    op.create_index("ix_incident_links_merged_id", "incident_links", ["merged_id"])
    op.create_table(
        "failed_documents",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("document_id", sa.String),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("failed_at", sa.String(40), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED"
        )
        op.execute("CREATE INDEX ix_documents_search ON documents USING GIN (search)")
    else:
        # Full-text search of documents: filled in the same transaction as the document.
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(document_id UNINDEXED, title, text)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE documents_fts")
    for table in ("failed_documents", "incident_links", "merged_incidents", "document_incidents", "documents"):
        op.drop_table(table)
