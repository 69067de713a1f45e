"""The dashboard in a real browser: Debian's Chromium driven by Playwright.

Starts ``python -m streamlit run dashboard/app.py`` on a free port, uploads the
active seller's sample archive through the file chooser of the Import page,
opens the overview and checks the total and the four pillars against what
``scoring`` computes for the same archive, switches to German and checks the
German pillar names and number format, downloads the HTML report, and saves
screenshots. Never skipped: without /usr/bin/chromium the test fails and says
how to install it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from dashboard_fixtures import HOSTILE, hostile_sources

from perf.browser_bench import (
    CHROMIUM,
    SAMPLE_ARCHIVE,
    WAIT_MS,
    launch_chromium,
    open_page,
    streamlit_server,
    upload_archive,
    wait_until_idle,
)
from scoring.i18n import fmt_number, t
from scoring.ingest import read_export
from scoring.model import score_as_of
from scoring.results import PILLARS
from scoring.samples import sample_path
from scoring.store import Store

pytestmark = pytest.mark.browser

#: Set to a folder to keep the screenshots (docs/dashboard.md uses screenshots/).
SCREENSHOT_ENV = "SSI_SCREENSHOTS"


def _metric_values(page) -> dict[str, str]:
    """Label → value of every ``st.metric`` on the page."""
    metrics = page.locator('[data-testid="stMetric"]')
    out = {}
    for i in range(metrics.count()):
        metric = metrics.nth(i)
        label = metric.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        out[label] = metric.locator('[data-testid="stMetricValue"]').inner_text().strip()
    return out


def _keep(shot: Path) -> None:
    folder = os.environ.get(SCREENSHOT_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(folder) / shot.name)


def test_upload_overview_and_german_in_chromium(tmp_path: Path) -> None:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    expected = score_as_of(read_export([SAMPLE_ARCHIVE]))
    with streamlit_server() as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 1000}, accept_downloads=True)
            page.goto(f"{url}/import", wait_until="networkidle")
            page.wait_for_selector('[data-testid="stFileUploader"]', timeout=WAIT_MS)
            upload_archive(page, SAMPLE_ARCHIVE)
            page.get_by_role("link", name=t("dashboard.import.to_overview", "en")).click(
                timeout=WAIT_MS
            )
            page.get_by_role("heading", name=t("dashboard.overview.title", "en")).wait_for(
                timeout=WAIT_MS
            )
            wait_until_idle(page)

            shown = _metric_values(page)
            assert shown[t("common.total", "en")] == fmt_number(expected.total, "en", 2)
            for pillar in PILLARS:
                value = fmt_number(expected.pillars[pillar].score, "en", 2)
                assert shown[t(f"pillar.{pillar}", "en")] == value
            english = tmp_path / "overview_en.png"
            page.screenshot(path=str(english), full_page=True)

            page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').click()
            page.get_by_role("option", name="Deutsch").click()
            page.get_by_role("heading", name=t("dashboard.overview.title", "de")).wait_for(
                timeout=WAIT_MS
            )
            wait_until_idle(page)
            shown = _metric_values(page)
            assert shown["Gesamt"] == fmt_number(expected.total, "de", 2)
            for pillar, german in zip(
                PILLARS,
                (
                    "Ihre professionelle Marke aufbauen",
                    "Gezielt die richtigen Personen finden",
                    "Durch Einblicke Interesse wecken",
                    "Beziehungen aufbauen",
                ),
                strict=True,
            ):
                assert shown[german] == fmt_number(expected.pillars[pillar].score, "de", 2)
            assert "lang=de" in page.url
            german_shot = tmp_path / "overview_de.png"
            page.screenshot(path=str(german_shot), full_page=True)
            assert german_shot.stat().st_size > 10_000

            # The HTML report is built when clicked, in the chosen language, charts inlined.
            page.get_by_text(t("dashboard.download.title", "de")).click()
            with page.expect_download(timeout=WAIT_MS) as download:
                page.get_by_role("button", name=t("dashboard.download.report", "de")).click()
            report = Path(download.value.path()).read_text(encoding="utf-8")
            assert report.startswith('<!doctype html><html lang="de">')
            assert t("common.out_of_100", "de", value=fmt_number(expected.total, "de", 2)) in report
            assert report.count("plotly.js v") == 1

            open_page(page, t("dashboard.nav.pillars", "de"))
            page.get_by_role("heading", name=t("dashboard.pillars.title", "de")).wait_for(
                timeout=WAIT_MS
            )
            for shot in (english, german_shot):
                _keep(shot)
        finally:
            browser.close()


def test_the_run_command_opens_the_dashboard_on_the_sample() -> None:
    """``streamlit run dashboard/app.py -- --sample newcomer`` needs no other step."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    expected = score_as_of(read_export([sample_path("newcomer")]))
    with (
        streamlit_server(app_args=("--sample", "newcomer")) as url,
        sync_playwright() as playwright,
    ):
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
            page.goto(url, wait_until="networkidle")
            page.get_by_role("heading", name=t("dashboard.overview.title", "en")).wait_for(
                timeout=WAIT_MS
            )
            page.wait_for_selector('[data-testid="stMetricValue"] >> nth=4', timeout=WAIT_MS)
            assert _metric_values(page)["Total"] == fmt_number(expected.total, "en", 2)
        finally:
            browser.close()


def _listen_addresses(port: int) -> set[str]:
    """The local addresses a TCP socket listens on ``port`` (from /proc/net/tcp{,6})."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_no_request_leaves_this_computer_and_data_stays_text(tmp_path: Path) -> None:
    """A plain `streamlit run dashboard/app.py` from another folder, with hostile data.

    Only the port is given, so the app's own settings decide: it must listen on
    127.0.0.1 only, and no page may make the browser ask any other host (no usage
    statistics, no font server for icons, no image or link from the data).
    """
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    database = f"sqlite:///{tmp_path}/team.sqlite"
    Store(database).import_export(read_export([sample_path("newcomer")]), HOSTILE)
    folder = tmp_path / "upload"
    folder.mkdir()
    files = []
    for name, content in hostile_sources():
        path = folder / Path(name).name
        path.write_bytes(content)
        files.append(str(path))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with (
        streamlit_server(
            env={"SSI_DATABASE_URL": database}, cwd=elsewhere, own_settings_only=True
        ) as url,
        sync_playwright() as playwright,
    ):
        port = int(url.rsplit(":", 1)[1])
        assert _listen_addresses(port) == {"0100007F"}  # 127.0.0.1, and nothing on IPv6
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 1000})
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(f"{url}/import", wait_until="networkidle")
            with page.expect_file_chooser(timeout=WAIT_MS) as chooser:
                page.locator('[data-testid="stFileUploaderDropzone"] button').first.click()
            chooser.value.set_files(files)
            page.get_by_role("link", name=t("dashboard.import.to_overview", "en")).wait_for(
                timeout=WAIT_MS
            )
            wait_until_idle(page)
            for nav in ("import", "overview", "pillars", "compare", "history", "tips", "team"):
                open_page(page, t(f"dashboard.nav.{nav}", "en"))
                page.get_by_role("heading", level=1).first.wait_for(timeout=WAIT_MS)
                wait_until_idle(page)
                page.wait_for_load_state("networkidle")
                # The hostile text is on the page, as text: no image, no link made from it.
                assert (
                    page.locator('img[src*="host"], img[src="x"], img[src*="p.png"]').count() == 0
                )
                assert page.locator('a[href="http://x"], a[href="x"]').count() == 0, nav
                assert page.get_by_text("![e](", exact=False).count() > 0, nav
            page.get_by_text(t("dashboard.team.forget_title", "en")).click()
            assert page.get_by_text(f"{HOSTILE}", exact=False).count() > 0
        finally:
            browser.close()
    hosts = {urlsplit(request).hostname for request in requests if not request.startswith("data:")}
    assert hosts == {"127.0.0.1"}, sorted(r for r in requests if "127.0.0.1" not in r)
