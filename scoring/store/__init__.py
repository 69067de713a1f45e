"""The score database: snapshots, history, official readings, teams, and forgetting.

``Store(url=None, now=clock)`` opens the SQLite file in the user's data folder (or
``SSI_DATABASE_URL``, or ``url``), creating or migrating it; ``clock`` is the caller's
(``lambda: datetime.now(UTC)``), since ``scoring`` never reads the clock itself. It
keeps what was computed from each export and never the export itself: no message
text, no contacts' names or e-mail addresses, no uploaded file. See docs/store.md.
"""

from scoring.store.paths import data_dir, default_database_url
from scoring.store.records import ForgetResult, ImportResult, OfficialEntry
from scoring.store.store import COHORT_COLUMNS, Store, export_hash
from scoring.timeline import SOURCES, TIMELINE_COLUMNS, Change

__all__ = [
    "COHORT_COLUMNS",
    "SOURCES",
    "TIMELINE_COLUMNS",
    "Change",
    "ForgetResult",
    "ImportResult",
    "OfficialEntry",
    "Store",
    "data_dir",
    "default_database_url",
    "export_hash",
]
