"""Make ``bad_input_cases`` importable by the tests beside it (see ../conftest.py)."""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "fuzz: hypothesis fuzzing of a reader (make fuzz)")
