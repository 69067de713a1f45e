"""Keep the industry name an official reading compares with.

Revision ID: 0003
Revises: 0002
Create Date: 2026-10-16

LinkedIn's page names the member's industry in its comparison ("Sales
professionals in the Management consulting industry …"); readings stored before
this version have none.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("official_readings") as batch:
        batch.add_column(sa.Column("industry_name", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("official_readings") as batch:
        batch.drop_column("industry_name")
