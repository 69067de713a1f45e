"""Alembic migrations of the score database, run by :class:`scoring.store.Store` on open."""
