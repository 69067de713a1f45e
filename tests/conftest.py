"""Suite-wide settings: no test may touch the user's real score database.

pytest imports test modules without putting folders on ``sys.path``
(``--import-mode=importlib``); this file puts the tests folder there, so every
test can import the shared helpers beside it (``from builders import make_export``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI machines are shared and slow; hypothesis' deadline is a timing assertion we
# do not want (speed goals are benchmarks), so it is off everywhere.
_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def _isolated_database(tmp_path_factory, monkeypatch):
    """Point SSI_DATABASE_URL at a throw-away SQLite file unless a test sets its own."""
    if "SSI_DATABASE_URL" not in os.environ:
        db = tmp_path_factory.mktemp("db") / "ssi.sqlite"
        monkeypatch.setenv("SSI_DATABASE_URL", f"sqlite:///{db}")
    yield
