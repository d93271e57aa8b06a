"""Archive links: each page's archived view, each field's crop box, and every source seen by a
batch (a re-run after a crash reports the files it replayed too).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pages") as batch:
        batch.add_column(sa.Column("image", sa.Text(), nullable=True))
    with op.batch_alter_table("fields") as batch:
        batch.add_column(sa.Column("box", sa.JSON(), nullable=True))
    with op.batch_alter_table("source_files") as batch:
        batch.add_column(sa.Column("original", sa.Text(), nullable=True))
    op.create_table(
        "batch_sources",
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["batches.id"]),
        sa.ForeignKeyConstraint(["source_id"], ["source_files.id"]),
        sa.PrimaryKeyConstraint("batch_id", "source_id"),
    )


def downgrade() -> None:
    op.drop_table("batch_sources")
    with op.batch_alter_table("source_files") as batch:
        batch.drop_column("original")
    with op.batch_alter_table("fields") as batch:
        batch.drop_column("box")
    with op.batch_alter_table("pages") as batch:
        batch.drop_column("image")
