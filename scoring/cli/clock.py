"""The command line's one reading of the clock.

Nothing else in ``scoring`` reads it (docs/architecture.md): commands pass ``today``
to the reader and ``now`` to the store from here, and tests replace these two.
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def today() -> date:
    """The local calendar day: what "today" means to the person at the terminal."""
    return date.today()


def now() -> datetime:
    """The current moment in UTC, for the store's import times."""
    return datetime.now(UTC)
