"""The database connection: engine, SQLite pragmas, ``BEGIN IMMEDIATE``, retries, migration.

:class:`Database` is everything the store needs from SQLAlchemy and nothing about
scores: one call runs a read or a write transaction, retries it as a whole while
SQLite reports the file locked (or a concurrent insert collided on PostgreSQL),
and turns what is left into a :class:`scoring.errors.StoreError` naming the
database.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
from sqlalchemy import Connection, Engine, Select, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from scoring.errors import StoreError
from scoring.store.migrate import HEAD, current_revision, known_revisions, upgrade
from scoring.store.paths import display_url, sqlite_file
from scoring.store.settings import SQLiteSettings

T = TypeVar("T")
# Messages SQLite gives when another process holds the write lock.
_BUSY_MARKERS = ("database is locked", "database is busy", "database table is locked")


def is_busy(exc: OperationalError) -> bool:
    """Whether ``exc`` says another process holds the write lock."""
    return any(marker in str(exc.orig).lower() for marker in _BUSY_MARKERS)


def reason(exc: SQLAlchemyError) -> str:
    """The first line of what the driver said, for an error message."""
    detail = getattr(exc, "orig", None) or exc
    return str(detail).splitlines()[0] if str(detail) else type(detail).__name__


def read_only_file(url: str) -> Path | None:
    """The SQLite file behind ``url`` when it exists but this process may not write it.

    SQLite in WAL mode writes a ``-shm`` file beside the database even to read it, so
    in a folder the user may not write to the file must be opened read-only and
    *immutable* (no locking, no shared memory). The store leaves no write-ahead log
    behind when it closes, so nothing newer than the file is missed.
    """
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return None
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return None if writable else path


def create_store_engine(url: str, sqlite: SQLiteSettings) -> Engine:
    """An engine for ``url``; on SQLite with WAL, busy timeout, secure delete, explicit BEGIN.

    A SQLite file in a folder this process may not write is opened read-only
    (see :func:`read_only_file`).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    frozen = read_only_file(url)
    if frozen is not None:
        uri = f"{frozen.resolve().as_uri()}?mode=ro&immutable=1"
        return create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        )
    path = sqlite_file(parsed)
    if path is not None:
        # The file holds personal scores: a new folder is readable by its owner only.
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    engine = create_engine(parsed, connect_args={"timeout": sqlite.busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # The driver must not open transactions on its own: the "begin" hook below does.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(sqlite.busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Deleted rows are overwritten with zeros, so forgetting a member leaves no bytes.
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A writer takes the write lock at once; upgrading a read lock later can fail
        # with "database is locked" without waiting for the busy timeout.
        write = connection.get_execution_options().get("ssi_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


class Database:
    """The engine behind one store URL, opened, migrated and ready for transactions.

    Raises :class:`StoreError` when the database cannot be opened (a missing driver, a
    file that is no database, a schema newer than this program).
    """

    def __init__(self, url: str, sqlite: SQLiteSettings) -> None:
        self.url = url
        self.where = display_url(url)
        self.sqlite = sqlite
        self.read_only = read_only_file(url) is not None
        try:
            self.engine = create_store_engine(url, sqlite)
        except ImportError as exc:
            # A team-server URL names a driver (psycopg, say) that is not installed.
            driver = exc.name or make_url(url).get_driver_name()
            raise StoreError("error.store.driver", where=self.where, driver=driver) from exc
        except (SQLAlchemyError, OSError, ValueError) as exc:
            why = reason(exc) if isinstance(exc, SQLAlchemyError) else str(exc)
            raise StoreError("error.store.open", where=self.where, reason=why) from exc
        self._writer = self.engine.execution_options(ssi_write=True)
        try:
            self._migrate()
        except StoreError:
            self.engine.dispose()
            raise

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql`` (SQLAlchemy's dialect name)."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Close every connection to the database."""
        self.engine.dispose()

    def _retrying(self, attempt: Callable[[], T]) -> T:
        for n in itertools.count():
            try:
                return attempt()
            except (OperationalError, IntegrityError) as exc:
                # IntegrityError: another process created the same member or import first
                # (possible on PostgreSQL); the retry finds it.
                limit = 1 if isinstance(exc, IntegrityError) else self.sqlite.retries
                retryable = isinstance(exc, IntegrityError) or is_busy(exc)
                if not retryable or n >= limit:
                    raise
                time.sleep(self.sqlite.retry_delay_s * 2**n)
        raise AssertionError("unreachable")

    def guarded(self, attempt: Callable[[], T]) -> T:
        """``attempt()`` retried while the database is busy; its failure a :class:`StoreError`."""
        try:
            return self._retrying(attempt)
        except OperationalError as exc:
            if is_busy(exc):
                raise StoreError("error.store.busy", where=self.where) from exc
            raise StoreError("error.store.failed", where=self.where, reason=reason(exc)) from exc
        except SQLAlchemyError as exc:
            raise StoreError("error.store.failed", where=self.where, reason=reason(exc)) from exc

    def write(self, work: Callable[[Session], T]) -> T:
        """``work(session)`` in one write transaction (all or nothing), retried when busy.

        Raises :class:`StoreError` at once for a database opened read-only.
        """
        if self.read_only:
            raise StoreError("error.store.read_only", where=self.where)

        def attempt() -> T:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                return work(session)

        return self.guarded(attempt)

    def read(self, work: Callable[[Session], T]) -> T:
        """``work(session)`` in one read transaction."""

        def attempt() -> T:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                return work(session)

        return self.guarded(attempt)

    def frame(self, statement: Select[Any]) -> pd.DataFrame:
        """The rows of ``statement`` as a frame with its column labels."""

        def attempt() -> pd.DataFrame:
            with self.engine.connect() as connection:
                result = connection.execute(statement)
                return pd.DataFrame(result.all(), columns=list(result.keys()))

        return self.guarded(attempt)

    def scrub(self, tables: tuple[str, ...]) -> None:
        """Leave no copy of deleted rows in the database's files.

        SQLite overwrites deleted rows with zeros (``secure_delete``); emptying the
        write-ahead log into the file removes the copies there. PostgreSQL keeps deleted
        rows in its table files until they are rewritten: ``VACUUM FULL`` writes
        ``tables`` and their indexes anew without them (the server's own write-ahead
        log and backups are its administrator's to expire).
        """
        if self.dialect == "sqlite":
            statement = "PRAGMA wal_checkpoint(TRUNCATE)"
        elif self.dialect == "postgresql":
            statement = f"VACUUM FULL {', '.join(tables)}"
        else:
            return

        def attempt() -> None:
            # VACUUM cannot run inside a transaction.
            with self.engine.connect().execution_options(
                isolation_level="AUTOCOMMIT"
            ) as connection:
                connection.exec_driver_sql(statement)

        self.guarded(attempt)

    def _migrate(self) -> None:
        def current() -> str | None:
            with self.engine.connect() as connection:
                return current_revision(connection)

        try:
            revision = self.guarded(current)
        except StoreError as exc:
            raise StoreError("error.store.open", where=self.where, **_params(exc)) from exc
        if revision == HEAD:
            return
        if revision is not None and revision not in known_revisions():
            raise StoreError("error.store.newer_schema", where=self.where, revision=revision)
        if self.read_only:
            # An older schema would have to be migrated, which needs write access.
            raise StoreError("error.store.read_only", where=self.where)

        def migrate() -> None:
            with self._writer.begin() as connection:
                upgrade(connection, HEAD)

        try:
            self.guarded(migrate)
        except StoreError as exc:
            raise StoreError("error.store.open", where=self.where, **_params(exc)) from exc


def session_frame(session: Session, statement: Select[Any]) -> pd.DataFrame:
    """The rows of ``statement`` inside an open session, as a frame."""
    result = session.execute(statement)
    return pd.DataFrame(result.all(), columns=list(result.keys()))


def _params(exc: StoreError) -> dict[str, Any]:
    return {"reason": exc.params.get("reason", exc.message("en"))}
