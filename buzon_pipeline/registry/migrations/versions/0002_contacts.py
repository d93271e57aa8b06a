"""Contact follow-up (acts 47–49): one row per contact attempt or closing of a petition.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("result", sa.String(length=30), nullable=False),
        sa.Column("obtained", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_contacts_document_id", "contacts", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_contacts_document_id", table_name="contacts")
    op.drop_table("contacts")
