"""The dashboard with the L export: upload → overview numbers in a real browser (goal < 5 s).

Uses the server and browser helpers of perf/browser_bench.py (Debian's Chromium
through Playwright): the L archive (perf/exports.py) is handed to the Import
page's file chooser and the clock runs until the overview shows the total and
the four pillars. The floor printed beside it is the pyarrow read of the same
CSVs in its own process (perf/floor.py), measured in the same run.

The cold start (goal ≤ 3 s) is timed from launching ``streamlit run`` with the
sample (``make run``) until a fresh browser shows the overview's five numbers,
three times, each with a new server; the median is reported, and the total shown
must be the one ``scoring`` computes for the sample.
"""

from __future__ import annotations

import sys
import time
from statistics import median

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
#: The persona ``make run`` opens; cold starts are timed this many times (median reported).
COLD_SAMPLE = "active_seller"
COLD_ROUNDS = 3
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


def _sample_total() -> str:
    """The total the overview must show for the start-up sample, as the page writes it."""
    # Late: scoring (pandas) is imported by this process only to check the page's number.
    from scoring.i18n import fmt_number  # noqa: PLC0415
    from scoring.ingest import read_export  # noqa: PLC0415
    from scoring.model import score_as_of  # noqa: PLC0415
    from scoring.samples import sample_path  # noqa: PLC0415

    return fmt_number(score_as_of(read_export([sample_path(COLD_SAMPLE)])).total, "en", 2)


def cold_start_seconds() -> float:
    """Seconds from starting the server (``make run``: the sample loaded) to the overview's
    numbers in a fresh browser; the total shown is checked against ``scoring``'s."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415, RUF100 - optional in CI

    expected = _sample_total()
    started = time.perf_counter()
    with (
        streamlit_server(app_args=("--sample", COLD_SAMPLE)) as url,
        sync_playwright() as playwright,
    ):
        browser = launch_chromium(playwright)
        try:
            page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
            page.goto(url)
            page.wait_for_selector(FIFTH_METRIC, timeout=WAIT_MS)
            seconds = time.perf_counter() - started
            shown = page.locator('[data-testid="stMetricValue"]').first.inner_text()
        finally:
            browser.close()
    if shown != expected:
        raise RuntimeError(f"the overview showed the total {shown!r}, not {expected!r}")
    return seconds


def run() -> dict:
    """Upload L once into a fresh server, and time a cold start; print them and the floor."""
    archive = export("L").path
    floor = best([sys.executable, str(ROOT / "perf" / "floor.py"), str(archive)], 1)
    with streamlit_server() as url:
        numbers, complete = upload_seconds(url, str(archive))
    colds = [cold_start_seconds() for _ in range(COLD_ROUNDS)]
    cold = median(colds)
    result = {
        "cold_start_to_overview_numbers_s": round(cold, 2),
        "cold_start_rounds_s": [round(c, 2) for c in colds],
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
        f"sample → overview numbers {cold:.2f} s (median of {COLD_ROUNDS}; goal ≤ "
        f"{GOAL_COLD_SECONDS:g} s)",
        file=sys.stderr,
    )
    return result
