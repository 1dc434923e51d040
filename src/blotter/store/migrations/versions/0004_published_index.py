"""An index on documents' publication dates: a new report is also compared with the reports
published in the same week, whose incident dates may have been misread.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_published", "documents", ["published"])


def downgrade() -> None:
    op.drop_index("ix_documents_published", "documents")
