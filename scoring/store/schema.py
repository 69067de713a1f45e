"""The tables of the score database, as SQLAlchemy 2 ORM classes.

This module describes the schema at the newest migration; the migrations in
``scoring/store/migrations/versions`` build it step by step (a test compares the
two). Every row belongs to a member and is deleted with them. Nothing here holds
what the export said about other people: no message text, no contact names, no
e-mail addresses, no uploaded file.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: Constraint names are spelled out so that migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _member_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)


class Member(Base):
    """A person whose exports are imported; ``name`` is how they are shown and addressed."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    industry: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ImportRecord(Base):
    """One imported export: which one (content hash), how old, what was read from it."""

    __tablename__ = "imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = _member_fk()
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    export_date: Mapped[date] = mapped_column(Date)
    archive_kind: Mapped[str] = mapped_column(String(16))
    archive_name: Mapped[str | None] = mapped_column(String(255))
    # SourceReport dumps: file name, kind, row counts, reader warnings.
    files: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    missing: Mapped[list[str]] = mapped_column(JSON)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    model_version: Mapped[str] = mapped_column(String(32))


class Snapshot(Base):
    """The score of one import as of its export date, with every sub-metric."""

    __tablename__ = "snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = _member_fk()
    import_id: Mapped[int] = mapped_column(
        ForeignKey("imports.id", ondelete="CASCADE"), unique=True
    )
    as_of: Mapped[date] = mapped_column(Date)
    window_days: Mapped[int] = mapped_column(Integer)
    total: Mapped[float] = mapped_column(Float)
    brand: Mapped[float] = mapped_column(Float)
    people: Mapped[float] = mapped_column(Float)
    insights: Mapped[float] = mapped_column(Float)
    relationships: Mapped[float] = mapped_column(Float)
    # MetricScore dumps: key, pillar, value, target, points, max_points, unit …
    metrics: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    model_version: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(16))
    manual_inputs: Mapped[dict[str, float]] = mapped_column(JSON, server_default="{}")


class HistoryRow(Base):
    """One date of the weekly history reconstructed from an import; one row per member and date."""

    __tablename__ = "history"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    as_of: Mapped[date] = mapped_column(Date, primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id", ondelete="CASCADE"), index=True)
    total: Mapped[float] = mapped_column(Float)
    brand: Mapped[float] = mapped_column(Float)
    people: Mapped[float] = mapped_column(Float)
    insights: Mapped[float] = mapped_column(Float)
    relationships: Mapped[float] = mapped_column(Float)
    model_version: Mapped[str] = mapped_column(String(32))


class OfficialRow(Base):
    """A reading of linkedin.com/sales/ssi the member entered; the pasted text is never kept."""

    __tablename__ = "official_readings"
    __table_args__ = (UniqueConstraint("member_id", "as_of", name="uq_official_member_as_of"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = _member_fk()
    as_of: Mapped[date] = mapped_column(Date)
    total: Mapped[float] = mapped_column(Float)
    brand: Mapped[float | None] = mapped_column(Float)
    people: Mapped[float | None] = mapped_column(Float)
    insights: Mapped[float | None] = mapped_column(Float)
    relationships: Mapped[float | None] = mapped_column(Float)
    industry_name: Mapped[str | None] = mapped_column(String(200))
    industry_top_pct: Mapped[float | None] = mapped_column(Float)
    network_top_pct: Mapped[float | None] = mapped_column(Float)
    industry_average: Mapped[float | None] = mapped_column(Float)
    network_average: Mapped[float | None] = mapped_column(Float)
    # pillar → average, as the page's comparison donuts show them
    industry_pillars: Mapped[dict[str, float] | None] = mapped_column(JSON)
    network_pillars: Mapped[dict[str, float] | None] = mapped_column(JSON)
    added_at: Mapped[datetime] = mapped_column(DateTime)
