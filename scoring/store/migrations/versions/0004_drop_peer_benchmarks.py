"""Drop the stored peer tables: nothing wrote or read them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Peer files are read and checked by ``scoring.compare.network`` for the comparison
they are uploaded for, and never stored. Rows an older program kept go with the
table; downgrading recreates it empty.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

PILLARS = ("brand", "people", "insights", "relationships")


def upgrade() -> None:
    op.drop_index("ix_peer_benchmarks_source", "peer_benchmarks")
    op.drop_table("peer_benchmarks")


def downgrade() -> None:
    op.create_table(
        "peer_benchmarks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("industry", sa.String(200), nullable=True),
        sa.Column("total", sa.Float(), nullable=False),
        *(sa.Column(p, sa.Float(), nullable=True) for p in PILLARS),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_peer_benchmarks"),
    )
    op.create_index("ix_peer_benchmarks_source", "peer_benchmarks", ["source"])
