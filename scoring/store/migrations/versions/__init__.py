"""One file per schema version; Alembic ignores this one."""
