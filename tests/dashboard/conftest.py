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
from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

for _path in (Path(__file__).resolve().parent, Path(__file__).resolve().parents[2]):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from dashboard_fixtures import APP, TIMEOUT_S  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _app_settings() -> None:
    """The settings ``streamlit run dashboard/app.py`` applies (dashboard/.streamlit/).

    AppTest does not name a main script to Streamlit's configuration, so the app's
    own ``config.toml`` would be skipped; with the script named, every page test
    runs under the same settings as the real server.
    """
    streamlit_config._main_script_path = str(APP)
    streamlit_config.get_config_options(force_reparse=True)


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
