"""When each folio was first written to a SIADE export (issue 15): a rewritten export (a
refresh after `contacto` or `revisar`, `buzon reportes`, a re-run) marks the folios the TAOD
may already have captured.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("folios") as batch:
        batch.add_column(sa.Column("exported_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("folios") as batch:
        batch.drop_column("exported_at")
