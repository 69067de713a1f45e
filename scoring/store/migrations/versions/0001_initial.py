"""Members, imports, score snapshots and reconstructed weekly history.

Revision ID: 0001
Revises:
Create Date: 2026-10-16
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

PILLARS = ("brand", "people", "insights", "relationships")


def _scores() -> list[sa.Column]:
    return [sa.Column("total", sa.Float(), nullable=False)] + [
        sa.Column(p, sa.Float(), nullable=False) for p in PILLARS
    ]


def upgrade() -> None:
    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("industry", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_members"),
        sa.UniqueConstraint("name", name="uq_members_name"),
    )
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("export_date", sa.Date(), nullable=False),
        sa.Column("archive_kind", sa.String(16), nullable=False),
        sa.Column("archive_name", sa.String(255), nullable=True),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("missing", sa.JSON(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("model_version", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name="fk_imports_member_id_members", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_imports"),
        sa.UniqueConstraint("content_hash", name="uq_imports_content_hash"),
    )
    op.create_index("ix_imports_member_id", "imports", ["member_id"])
    op.create_table(
        "snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        *_scores(),
        sa.Column("metrics", sa.JSON(), nullable=False),
        sa.Column("model_version", sa.String(32), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name="fk_snapshots_member_id_members", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["import_id"], ["imports.id"], name="fk_snapshots_import_id_imports", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_snapshots"),
        sa.UniqueConstraint("import_id", name="uq_snapshots_import_id"),
    )
    op.create_index("ix_snapshots_member_id", "snapshots", ["member_id"])
    op.create_table(
        "history",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        *_scores(),
        sa.Column("model_version", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name="fk_history_member_id_members", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["import_id"], ["imports.id"], name="fk_history_import_id_imports", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("member_id", "as_of", name="pk_history"),
    )
    op.create_index("ix_history_import_id", "history", ["import_id"])


def downgrade() -> None:
    op.drop_table("history")
    op.drop_table("snapshots")
    op.drop_table("imports")
    op.drop_table("members")
