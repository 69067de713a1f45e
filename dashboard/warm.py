"""The warm-up: the first page's work that no browser session decides, done at server start.

Streamlit imports nothing of the app and reads nothing until a browser connects; on a
fresh server the first page then waits for pandas, ``scoring`` and the start-up
sample. :func:`start` (called by the App's lifespan in ``app.py``) does that
work in a thread while the browser loads Streamlit's frontend, into the same
process-wide caches the sessions use (``dashboard.data``). The router waits for it
(:func:`wait`) before its own imports, so the two never import or compute the same
thing at once; the database comes last, after what the numbers need. A warm-up that
fails only costs the time it took: the session then does the work itself.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)

_thread: threading.Thread | None = None
#: Set once what a first page needs for its numbers is done (or failed).
_numbers = threading.Event()


def _warm() -> None:
    try:
        # Late: this module is imported by app.py when the server starts, and must not
        # hold the server up with the imports the thread is there to do.
        from dashboard import data, state  # noqa: PLC0415
        from dashboard.components import charts, downloads, widgets  # noqa: F401, PLC0415

        data.warm_start(state.startup_sample())
        _numbers.set()
        # Then the database (migrations): a page needs it only below its numbers, where it
        # waits for this one if it comes first (dashboard.data caches it per process).
        data.open_store()
    except Exception:  # the session does the same work again and reports what fails
        log.warning("the warm-up at server start failed", exc_info=True)
    finally:
        _numbers.set()


def start() -> None:
    """Start the warm-up once per process (a second call does nothing)."""
    global _thread  # one warm-up per server process
    if _thread is None:
        _thread = threading.Thread(target=_warm, name="ssi-warm-up", daemon=True)
        _thread.start()


def wait() -> None:
    """Return once the warm-up has done what a first page needs for its numbers (at once
    when none was started, as under AppTest)."""
    if _thread is not None:
        _numbers.wait()
