"""Builders for store tests: hand-made scores, histories and exports, real databases.

Every test that takes ``db_url`` (or ``store``) runs twice: on a SQLite file and on
a database of a real PostgreSQL server that the session starts (``postgres.py``).
A test about SQLite's own file and locking asks for ``backend="sqlite"`` only.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from builders import fixed_now, make_export

# pytest imports test modules without putting folders on sys.path; the helper modules
# beside this file are imported by name.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from postgres_server import Server
from store_db import BACKENDS, database_bytes, row_counts

from scoring.export import ExportData, Notice, SourceReport
from scoring.results import PILLARS, MetricScore, PillarScore, Score
from scoring.store import Store


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


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """A PostgreSQL server of this test session (started on first use, then stopped)."""
    server = Server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def server(backend: str, request: pytest.FixtureRequest) -> Server | None:
    """The PostgreSQL server when the test runs on it, else None."""
    return request.getfixturevalue("pg_server") if backend == "postgresql" else None


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "ssi.sqlite"


@pytest.fixture
def db_url(backend: str, db_path: Path, server: Server | None) -> str:
    """A new, empty database of the test's backend (not created until a store opens it)."""
    return f"sqlite:///{db_path}" if server is None else server.database()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url, now=fixed_now) as opened:
        yield opened


@pytest.fixture
def counts(db_url: str) -> Callable[[], dict[str, int]]:
    """Row counts per table, read outside the store (not through it)."""
    return lambda: row_counts(db_url)


@pytest.fixture
def raw_bytes(db_url: str, server: Server | None) -> Callable[[], bytes]:
    """The database as it lies on disk (see :func:`database_bytes`)."""
    return lambda: database_bytes(db_url, server)


@pytest.fixture
def make_score() -> Callable[..., Score]:
    return hand_score


@pytest.fixture
def make_history() -> Callable[[dict[date, float]], pd.DataFrame]:
    return hand_history


@pytest.fixture
def make_data() -> Callable[..., ExportData]:
    return hand_export
