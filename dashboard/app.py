"""Entry point of the dashboard: ``streamlit run dashboard/app.py [-- --sample PERSONA]``.

``streamlit run`` finds the ``st.App`` below and serves the router (``router.py``:
the page frame and ``st.navigation`` over ``views/``) through it. The App's lifespan
starts the warm-up (:mod:`dashboard.warm`) as soon as the server starts, so the
libraries are imported and the start-up sample is read while the first browser is
still loading Streamlit's frontend, not after it connected.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st

from dashboard import warm


@asynccontextmanager
async def _lifespan(_app: st.App) -> AsyncIterator[None]:
    warm.start()
    yield


app = st.App("router.py", lifespan=_lifespan)
