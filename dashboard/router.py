"""The router of the dashboard (served by ``app.py``: ``streamlit run dashboard/app.py``).

Only the page frame (title, language, sidebar) and ``st.navigation`` over one
``st.Page`` per file in ``dashboard/views/``. Pages draw; ``scoring`` computes;
``dashboard.data`` caches.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import warm

# The warm-up started with the server imports what follows and reads the start-up
# sample; waiting for it means this run never imports or reads the same thing twice.
warm.wait()

from dashboard import data, state  # noqa: E402 - after the warm-up
from dashboard.components import widgets  # noqa: E402 - after the warm-up
from scoring.i18n import t  # noqa: E402 - after the warm-up

PAGES_DIR = Path(__file__).with_name("views")
#: A bundled file, so the browser asks no server but ours for the tab's icon.
ICON = Path(__file__).with_name("assets") / "icon.png"

#: (url path, file, icon); the title comes from ``dashboard.nav.<url path>``. Emoji rather
#: than Material icon names: a Material tab icon is fetched from Google's font server.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("import", "import_export.py", "📂"),
    ("overview", "overview.py", "🎯"),
    ("pillars", "pillars.py", "🧱"),
    ("compare", "compare.py", "📊"),
    ("history", "history.py", "📈"),
    ("tips", "tips.py", "💡"),
    ("calibrate", "calibrate.py", "🎛️"),
    ("team", "team.py", "👥"),
)
DEFAULT_PAGE = "overview"

st.set_page_config(page_title="SSI Dashboard", page_icon=str(ICON), layout="wide")
lang = state.init_language()
first_run = state.first_run()
if first_run:
    data.load_startup_sample()
widgets.page_style(lang)
export_slot = widgets.sidebar(lang)
widgets.deployment_notices(lang)
navigation = st.navigation(
    [
        st.Page(
            PAGES_DIR / file,
            title=t(f"dashboard.nav.{url}", lang),
            icon=icon,
            url_path=url,
            default=url == DEFAULT_PAGE,
        )
        for url, file, icon in PAGES
    ]
)
try:
    navigation.run()
finally:
    # After the page, so a first page's numbers never wait for the database (migrations);
    # also when the page stops early (st.stop on an empty start).
    if first_run:
        data.open_store()
widgets.loaded_export_caption(export_slot, lang)
