"""Builders for store tests: hand-made scores, histories and exports, a real SQLite file."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from scoring.export import ExportData, Notice, SourceReport
from scoring.results import PILLARS, MetricScore, PillarScore, Score
from scoring.store import Store
from scoring.testing import make_export

TABLES = ("members", "imports", "snapshots", "history", "official_readings", "peer_benchmarks")
IMPORTED_AT = datetime(2026, 10, 16, 8, 30)


def hand_score(as_of: date, pillars: Sequence[float], version: str = "test-1") -> Score:
    """A score whose pillars are ``pillars``, each from one metric worth all its points."""
    by_pillar = {
        p: PillarScore(
            key=p,
            score=v,
            metrics=(
                MetricScore(
                    key=f"{p}_metric",
                    pillar=p,
                    value=v * 4,
                    target=100.0,
                    points=v,
                    max_points=25.0,
                    sources=("shares", "comments"),
                ),
            ),
        )
        for p, v in zip(PILLARS, pillars, strict=True)
    }
    return Score(
        as_of=as_of,
        window_days=90,
        total=round(sum(pillars), 2),
        pillars=by_pillar,
        model_version=version,
    )


def hand_history(rows: dict[date, float]) -> pd.DataFrame:
    """A score_history-shaped frame: each date's total split equally over the pillars."""
    totals = pd.Series(rows, dtype="float64")
    frame = pd.DataFrame({"as_of": list(rows), "total": totals.to_numpy()})
    for p in PILLARS:
        frame[p] = frame["total"] / 4
    frame["points.shares_metric"] = 1.0
    return frame


def hand_export(
    name: str | None,
    export_date: date,
    content_hash: str,
    *,
    kind: str = "complete",
    industry: str | None = "Information Technology",
) -> ExportData:
    """An export of ``name`` with one share, a per-file report and the given hash."""
    first, _, last = (name or "").partition(" ")
    data = make_export(
        export_date=export_date,
        archive_kind=kind,
        profile={"first_name": first or None, "last_name": last or None, "industry": industry},
        shares={"at": [f"{export_date.isoformat()} 09:00:00"], "chars": [120]},
    )
    report = SourceReport(
        file="Shares.csv",
        kind="shares",
        rows=1,
        warnings=[Notice(key="ingest.warning.header_only")],
    )
    return dataclasses.replace(
        data,
        content_hash=content_hash,
        sources=(report,),
        archive_name=f"/home/someone/Downloads/Complete_{content_hash}.zip",
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "ssi.sqlite"


@pytest.fixture
def db_url(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url, now=lambda: IMPORTED_AT) as opened:
        yield opened


@pytest.fixture
def counts(db_path: Path) -> Callable[[], dict[str, int]]:
    """Row counts per table, read with the plain sqlite3 module (not through the store)."""

    def read() -> dict[str, int]:
        with sqlite3.connect(db_path) as connection:
            return {
                table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in TABLES
            }

    return read


@pytest.fixture
def raw_bytes(db_path: Path) -> Callable[[], bytes]:
    """The database file and its write-ahead log as they lie on disk."""

    def read() -> bytes:
        wal = db_path.with_name(db_path.name + "-wal")
        return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")

    return read


@pytest.fixture
def make_score() -> Callable[..., Score]:
    return hand_score


@pytest.fixture
def make_history() -> Callable[[dict[date, float]], pd.DataFrame]:
    return hand_history


@pytest.fixture
def make_data() -> Callable[..., ExportData]:
    return hand_export
