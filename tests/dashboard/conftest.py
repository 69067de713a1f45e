"""The ``make_app`` fixture: the real dashboard under ``streamlit.testing.v1.AppTest``.

pytest imports test modules without putting folders on ``sys.path``; this file
puts the helpers beside it (``dashboard_fixtures.py``) and the repository root
(for ``perf.browser_bench``, which the browser test shares) there.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

for _path in (Path(__file__).resolve().parent, Path(__file__).resolve().parents[2]):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from dashboard_fixtures import APP, TIMEOUT_S  # noqa: E402


@pytest.fixture
def make_app(monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """A factory: ``make_app(sample=None, lang=None)`` runs the app once and returns it."""
    monkeypatch.delenv("SSI_SAMPLE", raising=False)

    def make(sample: str | None = None, lang: str | None = None) -> AppTest:
        if sample is not None:
            monkeypatch.setenv("SSI_SAMPLE", sample)
        at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
        if lang is not None:
            at.query_params["lang"] = lang
        return at.run()

    return make
