"""The next morning (issue 15): why a document is a caso especial, and the registry's own
settings (the one report folder every command writes to).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("caso_especial_motivo", sa.Text(), nullable=True))
    op.create_table(
        "registry_settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("registry_settings")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("caso_especial_motivo")
