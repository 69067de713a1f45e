"""The dashboard with the L export: upload → overview numbers in a real browser (goal < 5 s).

Uses the server and browser helpers of perf/browser_bench.py (Debian's Chromium
through Playwright): the L archive (perf/exports.py) is handed to the Import
page's file chooser and the clock runs until the overview shows the total and
the four pillars. The floor printed beside it is the pyarrow read of the same
CSVs in its own process (perf/floor.py), measured in the same run.
"""

from __future__ import annotations

import sys
import time

from perf.browser_bench import (
    WAIT_MS,
    launch_chromium,
    open_page,
    streamlit_server,
    upload_archive,
    wait_until_idle,
)
from perf.exports import export
from perf.process import ROOT, best

GOAL_SECONDS = 5.0
GOAL_COLD_SECONDS = 3.0
#: The fifth metric on the overview: the total and the four pillars are all shown.
FIFTH_METRIC = '[data-testid="stMetricValue"] >> nth=4'


def upload_seconds(url: str, archive: str) -> tuple[float, float]:
    """Seconds from handing ``archive`` to the uploader until the overview shows its numbers,
    and until the page's script has finished."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415, RUF100 - optional in CI

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
            page.goto(f"{url}/import", wait_until="networkidle")
            page.wait_for_selector('[data-testid="stFileUploader"]', timeout=WAIT_MS)
            started = time.perf_counter()
            upload_archive(page, archive)
            page.get_by_role("link", name="See the overview").click(timeout=WAIT_MS)
            page.wait_for_selector(FIFTH_METRIC, timeout=WAIT_MS)
            numbers = time.perf_counter() - started
            wait_until_idle(page)
            complete = time.perf_counter() - started
            open_page(page, "Pillars")
        finally:
            browser.close()
    return numbers, complete


def cold_start_seconds() -> float:
    """Seconds from starting the server (``make run``: the sample loaded) to the overview's
    numbers in a fresh browser."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415, RUF100 - optional in CI

    started = time.perf_counter()
    with (
        streamlit_server(app_args=("--sample", "active_seller")) as url,
        sync_playwright() as playwright,
    ):
        browser = launch_chromium(playwright)
        try:
            page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
            page.goto(url)
            page.wait_for_selector(FIFTH_METRIC, timeout=WAIT_MS)
            return time.perf_counter() - started
        finally:
            browser.close()


def run() -> dict:
    """Upload L once into a fresh server, and time a cold start; print them and the floor."""
    archive = export("L").path
    floor = best([sys.executable, str(ROOT / "perf" / "floor.py"), str(archive)], 1)
    with streamlit_server() as url:
        numbers, complete = upload_seconds(url, str(archive))
    cold = cold_start_seconds()
    result = {
        "cold_start_to_overview_numbers_s": round(cold, 2),
        "cold_goal_seconds": GOAL_COLD_SECONDS,
        "export": "L",
        "upload_to_overview_numbers_s": round(numbers, 2),
        "upload_to_overview_complete_s": round(complete, 2),
        "floor_seconds": round(floor.seconds, 2),
        "numbers_over_floor": round(numbers / floor.seconds, 2),
        "goal_seconds": GOAL_SECONDS,
    }
    print(
        f"dashboard, L upload → overview numbers {numbers:.2f} s (page complete {complete:.2f} s; "
        f"goal < {GOAL_SECONDS:g} s); pyarrow floor {floor.seconds:.2f} s; cold start with the "
        f"sample → overview numbers {cold:.2f} s (goal ≤ {GOAL_COLD_SECONDS:g} s)",
        file=sys.stderr,
    )
    return result
