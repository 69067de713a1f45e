"""Make the byte fixtures in ``ingest_fixtures.py`` importable by the tests beside it.

pytest imports test modules without putting their folder on ``sys.path``, and
the fixtures are plain constants (used in ``parametrize``), not pytest fixtures.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
