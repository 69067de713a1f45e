"""Bring a database to the newest schema with the Alembic migrations shipped in this package.

Alembic is imported only when a database actually needs migrating: opening an
up-to-date database compares its version with :data:`HEAD` and nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
#: The newest schema version, the last file in ``migrations/versions`` (a test checks it).
HEAD = "0004"
# Any fixed number: PostgreSQL serialises concurrent migrations on this advisory lock.
_PG_LOCK_ID = 0x551_D45B


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for the bundled migrations, with no ``alembic.ini`` needed."""
    from alembic.config import Config  # noqa: PLC0415, RUF100 - alembic loads only to migrate

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    """Every schema version the migrations folder holds."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415, RUF100 - only to migrate

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The schema version the database is at; ``None`` for a new, empty database."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Migrate the database behind ``connection`` to ``revision`` inside its open transaction.

    The caller commits; on SQLite the caller's ``BEGIN IMMEDIATE`` makes a second process
    wait and then find nothing left to do.
    """
    from alembic import command  # noqa: PLC0415, RUF100 - alembic loads only to migrate

    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_ID})")
    command.upgrade(alembic_config(connection), revision)
