"""Whether a merged incident's date is known: ``event_date`` falls back to the first report's
publication date (for the date filters), so the flag is what sorts undated incidents last in
both directions, and an index on (date_known, event_date, id) serves the default newest-first page.

Existing rows are filled in from their stored records, so an upgrade keeps the data.

Revision ID: 0003
Revises: 0002
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 1_000


def upgrade() -> None:
    # A plain ADD COLUMN: batch mode would copy the table on SQLite, and dropping the old copy
    # cascades to the incidents' name links.
    op.add_column("merged_incidents", sa.Column("date_known", sa.Boolean, nullable=False, server_default=sa.true()))
    op.create_index("ix_merged_incidents_date_known_event_date_id", "merged_incidents",
                    ["date_known", "event_date", "id"])
    _mark_undated_rows()


def _mark_undated_rows() -> None:
    conn = op.get_bind()
    merged = sa.table("merged_incidents", sa.column("id"), sa.column("record"), sa.column("date_known", sa.Boolean))
    undated = [row.id for row in conn.execute(sa.select(merged.c.id, merged.c.record))
               if not (json.loads(row.record).get("date") or {}).get("start")]
    for start in range(0, len(undated), BATCH):
        conn.execute(merged.update().where(merged.c.id.in_(undated[start:start + BATCH])).values(date_known=False))


def downgrade() -> None:
    op.drop_index("ix_merged_incidents_date_known_event_date_id", "merged_incidents")
    op.drop_column("merged_incidents", "date_known")
