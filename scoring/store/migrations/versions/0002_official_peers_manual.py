"""Official readings, peer benchmarks, and the manual inputs behind each snapshot.

Revision ID: 0002
Revises: 0001
Create Date: 2026-10-16

Snapshots scored before this version had no manual inputs, so they get ``{}``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PILLARS = ("brand", "people", "insights", "relationships")


def _optional_pillars() -> list[sa.Column]:
    return [sa.Column(p, sa.Float(), nullable=True) for p in PILLARS]


def upgrade() -> None:
    op.create_table(
        "official_readings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        *_optional_pillars(),
        sa.Column("industry_top_pct", sa.Float(), nullable=True),
        sa.Column("network_top_pct", sa.Float(), nullable=True),
        sa.Column("industry_average", sa.Float(), nullable=True),
        sa.Column("network_average", sa.Float(), nullable=True),
        sa.Column("industry_pillars", sa.JSON(), nullable=True),
        sa.Column("network_pillars", sa.JSON(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name="fk_official_readings_member_id_members",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_official_readings"),
        sa.UniqueConstraint("member_id", "as_of", name="uq_official_member_as_of"),
    )
    op.create_index("ix_official_readings_member_id", "official_readings", ["member_id"])
    op.create_table(
        "peer_benchmarks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("industry", sa.String(200), nullable=True),
        sa.Column("total", sa.Float(), nullable=False),
        *_optional_pillars(),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_peer_benchmarks"),
    )
    op.create_index("ix_peer_benchmarks_source", "peer_benchmarks", ["source"])
    with op.batch_alter_table("snapshots") as batch:
        batch.add_column(sa.Column("manual_inputs", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("snapshots") as batch:
        batch.drop_column("manual_inputs")
    op.drop_index("ix_peer_benchmarks_source", "peer_benchmarks")
    op.drop_table("peer_benchmarks")
    op.drop_index("ix_official_readings_member_id", "official_readings")
    op.drop_table("official_readings")
