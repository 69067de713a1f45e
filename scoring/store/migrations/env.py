"""Alembic environment: always run on a connection the store hands over.

The store opens the transaction (``BEGIN IMMEDIATE`` on SQLite) so that two
processes opening an old file at once migrate it once, one after the other.
"""

from __future__ import annotations

from alembic import context

from scoring.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when run outside the store
    raise RuntimeError("run migrations through scoring.store.Store, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
