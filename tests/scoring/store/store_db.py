"""Looking at a store's database from outside the store, the same way on both backends."""

from __future__ import annotations

from postgres_server import Server
from sqlalchemy import create_engine, text

from scoring.store.paths import sqlite_file

BACKENDS = ("sqlite", "postgresql")
TABLES = ("members", "imports", "snapshots", "history", "official_readings")


def execute(url: str, *statements: str) -> list[tuple]:
    """Run SQL on the database at ``url`` outside the store, in one transaction.

    Returns the rows of the last statement (empty when it returns none).
    """
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            rows: list[tuple] = []
            for statement in statements:
                result = connection.execute(text(statement))
                rows = [tuple(r) for r in result] if result.returns_rows else []
            return rows
    finally:
        engine.dispose()


def row_counts(url: str) -> dict[str, int]:
    """Row counts per table, read outside the store."""
    return {t: execute(url, f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}


def database_bytes(url: str, server: Server | None) -> bytes:
    """What the database holds on disk: the SQLite file and its write-ahead log, or the
    PostgreSQL server's files of every table and index of that database."""
    path = sqlite_file(url)
    if path is not None:
        wal = path.with_name(path.name + "-wal")
        return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert server is not None
    return server.relation_bytes(url)
