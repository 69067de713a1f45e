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
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest
from dashboard_fixtures import HOSTILE, hostile_sources, sample_report, sample_score, store_sample
from PIL import Image
from playwright.sync_api import sync_playwright

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
from scoring.compare import compare
from scoring.i18n import fmt_number, t
from scoring.ingest import read_export
from scoring.model import score_as_of
from scoring.results import PILLARS
from scoring.samples import sample_path

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Set to a folder to keep the screenshots (docs/dashboard.md shows those in docs/img/).
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
    """Copy ``shot`` into $SSI_SCREENSHOTS (docs/img for the docs), shrunk to 256 colours."""

    folder = os.environ.get(SCREENSHOT_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        with Image.open(shot) as image:
            image.convert("RGB").quantize(colors=256).save(Path(folder) / shot.name, optimize=True)


def test_upload_overview_and_german_in_chromium(tmp_path: Path) -> None:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")

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
            wait_until_idle(page)
            page.locator(".js-plotly-plot").nth(1).wait_for(timeout=WAIT_MS)
            gauge, bars = _phone_charts(page)[:2]
            # The gauge keeps its labels on a phone: the arc's ends and the bands.
            assert gauge["cut"] == [] and gauge["covered"] is False, gauge
            assert {"0", "30", "70", "100", "Laggard", "Average", "Leader"} <= set(gauge["labels"])
            assert bars["cut"] == [] and bars["covered"] is False, bars
        finally:
            browser.close()


def _phone_charts(page) -> list[dict]:
    """Per plotly chart: its labels, those outside the screen or chart, and whether the
    chart's toolbar (shown for a touch) lies over its plot area."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
            const frame = plot.getBoundingClientRect();
            const texts = [...plot.querySelectorAll('svg text')].filter(t => t.textContent.trim());
            const cut = texts.filter(t => {
                const b = t.getBoundingClientRect();
                return b.left < Math.max(frame.left, 0) - 1
                  || b.right > Math.min(frame.right, window.innerWidth) + 1;
            }).map(t => t.textContent);
            const bar = plot.querySelector('.modebar');
            const area = plot.querySelector('.draglayer .nsewdrag, .indicatorlayer');
            const covered = !!(bar && area
              && bar.getBoundingClientRect().bottom > area.getBoundingClientRect().top + 1);
            return {labels: texts.map(t => t.textContent), cut, covered};
        })"""
    )


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


#: Pages that quote the hostile data: the ignored file's name (Import), the profile's
#: industry (Compare), the stored member's name (Team). The others name the export by its
#: kind and date only, so there is nothing of the data to show.
SHOWS_HOSTILE_TEXT = frozenset({"import", "compare", "team"})


def test_no_request_leaves_this_computer_and_data_stays_text(tmp_path: Path) -> None:
    """A plain `streamlit run dashboard/app.py` from another folder, with hostile data.

    Only the port is given, so the app's own settings decide: it must listen on
    127.0.0.1 only, and no page may make the browser ask any other host (no usage
    statistics, no font server for icons, no image or link from the data).
    """
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")

    database = f"sqlite:///{tmp_path}/team.sqlite"
    store_sample(database, "newcomer", HOSTILE)
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
                if nav in SHOWS_HOSTILE_TEXT:
                    # Waits for it: a loaded machine may draw the page in several steps.
                    page.get_by_text("![e](", exact=False).first.wait_for(
                        state="attached", timeout=WAIT_MS
                    )
            page.get_by_text(t("dashboard.team.forget_title", "en")).click()
            page.get_by_text(f"{HOSTILE}", exact=False).first.wait_for(
                state="attached", timeout=WAIT_MS
            )
        finally:
            browser.close()
    hosts = {urlsplit(request).hostname for request in requests if not request.startswith("data:")}
    assert hosts == {"127.0.0.1"}, sorted(r for r in requests if "127.0.0.1" not in r)


def _table(page) -> list[list[str]]:
    """The rows of the first ``st.table`` on the page, header row first."""
    table = page.locator('[data-testid="stTable"] table').first
    # A loaded machine may draw the heading well before the table.
    table.locator("tr").first.wait_for(timeout=WAIT_MS)
    return [
        [cell.strip() for cell in row.locator("th, td").all_inner_texts()]
        for row in table.locator("tr").all()
    ]


def _chart_labels_fit(page) -> list[list[str]]:
    """Every chart's SVG texts, after checking each lies inside its chart (not cut off)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('figure')].map(figure => {
            const svg = figure.querySelector('.svg-container').getBoundingClientRect();
            return [...figure.querySelectorAll('svg text')].filter(t => t.textContent.trim())
              .map(t => {
                const box = t.getBoundingClientRect();
                const inside = box.left >= svg.left - 1 && box.right <= svg.right + 1
                  && box.top >= svg.top - 1 && box.bottom <= svg.bottom + 1;
                return inside ? t.textContent : 'CUT:' + t.textContent;
              });
        })"""
    )


def test_newcomer_sample_bad_upload_german_csv_and_printed_report(tmp_path: Path) -> None:
    """Empty start → sample → the side-by-side averages; a bad file then a good one; the
    German CSV parsed back; the HTML report offline, printed on A4 with every label."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")

    data = read_export([SAMPLE_ARCHIVE])
    score = score_as_of(data)
    expected = compare(score, data)
    with streamlit_server() as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 1000}, accept_downloads=True)
            page.goto(url, wait_until="networkidle")
            page.get_by_role("heading", name=t("dashboard.welcome.title", "en")).wait_for(
                timeout=WAIT_MS
            )
            page.get_by_role("button", name=t("dashboard.welcome.sample", "en")).click()
            page.get_by_role("heading", name=t("dashboard.overview.title", "en")).wait_for(
                timeout=WAIT_MS
            )
            wait_until_idle(page)
            rows = _table(page)
            header = rows[0]
            industry = header.index(
                t(
                    "dashboard.overview.col_industry",
                    "en",
                    group=expected.industry.group_label("en"),
                )
            )
            network = header.index(t("dashboard.overview.col_network", "en"))
            for row, pillar in zip(rows[2:], PILLARS, strict=True):
                assert row[0] == t(f"pillar.{pillar}", "en")
                assert row[industry] == fmt_number(
                    expected.industry.pillars[pillar].average, "en", 2
                )
                assert row[network] == fmt_number(expected.network.pillars[pillar].average, "en", 2)

            # A bad file, then the right archive added beside it: the archive is read.
            open_page(page, t("dashboard.nav.import", "en"))
            junk = tmp_path / "broken.zip"
            junk.write_bytes(b"this is not a zip archive at all")
            upload_archive(page, junk)
            page.locator('[data-testid="stAlertContentError"]').wait_for(timeout=WAIT_MS)
            page.get_by_text(t("dashboard.import.remove_hint", "en")[:30]).wait_for(timeout=WAIT_MS)
            # The uploader keeps the bad file; the archive is added beside it.
            page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(
                str(sample_path("newcomer"))
            )
            newcomer = score_as_of(read_export([sample_path("newcomer")]))
            scored = t("dashboard.import.scored", "en", total=fmt_number(newcomer.total, "en", 2))
            scored = scored.replace("**", "")  # the bold is markup, not text
            page.get_by_text(scored).wait_for(timeout=WAIT_MS)
            wait_until_idle(page)
            assert page.locator('[data-testid="stAlertContentError"]').count() == 0

            # German: the score CSV is for German Excel; the report prints on A4.
            page.goto(f"{url}/?lang=de", wait_until="networkidle")
            page.get_by_role("button", name=t("dashboard.welcome.sample", "de")).click()
            page.get_by_role("heading", name=t("dashboard.overview.title", "de")).wait_for(
                timeout=WAIT_MS
            )
            wait_until_idle(page)
            page.get_by_text(t("dashboard.download.title", "de")).click()
            with page.expect_download(timeout=WAIT_MS) as download:
                page.get_by_role("button", name=t("dashboard.download.score_csv", "de")).click()
            raw = Path(download.value.path()).read_bytes()
            assert raw.startswith(b"\xef\xbb\xbf")
            table = pd.read_csv(
                Path(download.value.path()), sep=";", decimal=",", encoding="utf-8-sig"
            )
            brand = table[table["pillar"] == "brand"]["pillar_score"].iloc[0]
            assert brand == score.pillars["brand"].score
            assert set(table["missing_input"]) <= {"ja", "nein"}
            with page.expect_download(timeout=WAIT_MS) as download:
                page.get_by_role("button", name=t("dashboard.download.report", "de")).click()
            report_path = tmp_path / "report.html"
            report_path.write_bytes(Path(download.value.path()).read_bytes())

            printed = browser.new_page(viewport={"width": 794, "height": 1123})
            requests: list[str] = []
            printed.on("request", lambda request: requests.append(request.url))
            printed.goto(report_path.as_uri(), wait_until="networkidle")
            printed.emulate_media(media="print")
            printed.wait_for_timeout(500)
            labels = _chart_labels_fit(printed)
            assert [r for r in requests if not r.startswith(("file:", "data:"))] == []
            gauge, bars, history = ([x.removeprefix("CUT:") for x in c] for c in labels[:3])
            assert fmt_number(score.total, "de", 2) + " / 100" in gauge
            assert {t(f"pillar_short.{p}", "de") for p in PILLARS} <= set(bars)
            assert {"0", "20", "40", "60", "80", "100"} <= set(history)
            assert {"0", "5", "10", "15", "20", "25"} <= set(bars)
            assert t("dashboard.chart.title_all", "de") in history
            pdf = printed.pdf(format="A4", print_background=True)
            assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2
            (tmp_path / "report.pdf").write_bytes(pdf)
            cut = [label for chart in labels for label in chart if label.startswith("CUT:")]
            assert cut == [], f"labels outside their chart when printed: {cut}"
            shared = report_path.read_text(encoding="utf-8")
            assert f"<h2>{t('dashboard.report.change', 'de')}</h2>" in shared
            # The industry as LinkedIn's German pages call it: "Softwareentwicklung".
            assert expected.industry.group_label("de") == "Softwareentwicklung"
            assert "Durchschnitt der Branche „Softwareentwicklung“: " in shared
        finally:
            browser.close()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_report_shows_every_chart_label_at_1200_and_1600_px_and_on_a4(
    tmp_path: Path, lang: str
) -> None:
    """Pillar names, axis numbers and the history's y-axis whole, on screen and in print."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")

    html, _ = sample_report("active_seller", lang)
    score = sample_score("active_seller")
    path = tmp_path / f"report_{lang}.html"
    path.write_text(html, encoding="utf-8")
    pillars = {t(f"pillar_short.{p}", lang) for p in PILLARS}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for width, media in ((1200, "screen"), (1600, "screen"), (794, "print")):
                page = browser.new_page(viewport={"width": width, "height": 1000})
                page.goto(path.as_uri(), wait_until="networkidle")
                page.emulate_media(media=media)
                page.wait_for_timeout(300)
                labels = _chart_labels_fit(page)
                gauge, bars, history = labels[:3]
                cut = [label for chart in labels for label in chart if label.startswith("CUT:")]
                assert cut == [], (width, media, cut)
                assert fmt_number(score.total, lang, 2) + " / 100" in gauge
                assert pillars <= set(bars) and {"0", "5", "10", "15", "20", "25"} <= set(bars)
                assert {"0", "20", "40", "60", "80", "100"} <= set(history)
                assert {t("band.leader", lang), t("band.laggard", lang)} <= set(history)
                if media == "print":
                    pdf = page.pdf(format="A4", print_background=True)
                    assert pdf.startswith(b"%PDF")
                page.close()
        finally:
            browser.close()


#: Streamlit's own English words in its file uploader (static/js/FileUploader*.js).
UPLOADER_ENGLISH = ("Upload", "file upload", "per file", "Add files", "Delete", "Drag and drop")


def test_the_german_uploader_speaks_german_to_screen_readers() -> None:
    """What the accessibility tree exposes, not only what is painted: before and after a file."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")

    with streamlit_server() as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 1000})
            page.goto(f"{url}/import?lang=de", wait_until="networkidle")
            box = page.locator('[data-testid="stFileUploader"]').first
            box.get_by_role("button", name="Hochladen", exact=True).wait_for(timeout=WAIT_MS)
            tree = box.aria_snapshot()
            assert 'button "Datei hochladen"' in tree  # the file input's own name
            assert "Bis 500 MB pro Datei" in tree  # dashboard/.streamlit: maxUploadSize 500
            assert not [word for word in UPLOADER_ENGLISH if word in tree], tree
            upload_archive(page, sample_path("newcomer"))
            page.get_by_role("link", name=t("dashboard.import.to_overview", "de")).wait_for(
                timeout=WAIT_MS
            )
            wait_until_idle(page)
            tree = box.aria_snapshot()
            assert not [word for word in UPLOADER_ENGLISH if word in tree], tree
            # English again: Streamlit's words are back.
            page.goto(f"{url}/import?lang=en", wait_until="networkidle")
            box = page.locator('[data-testid="stFileUploader"]').first
            box.get_by_role("button", name="Upload", exact=True).wait_for(timeout=WAIT_MS)
            assert "Hochladen" not in box.aria_snapshot()
        finally:
            browser.close()


#: The pages in the order docs/dashboard.md shows them, with the heading each waits for.
PAGES = ("import", "overview", "pillars", "compare", "history", "tips", "calibrate", "team")


def test_every_page_opens_with_its_numbers_and_is_photographed(tmp_path: Path) -> None:
    """Each page of the sample in Chromium; with SSI_SCREENSHOTS=docs/img the screenshots
    docs/dashboard.md shows are (re)written there."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")

    score = score_as_of(read_export([SAMPLE_ARCHIVE]))
    with streamlit_server() as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url, wait_until="networkidle")
            page.get_by_role("heading", name=t("dashboard.welcome.title", "en")).wait_for(
                timeout=WAIT_MS
            )
            wait_until_idle(page)
            shots = [tmp_path / "welcome.png"]
            page.screenshot(path=str(shots[0]))
            page.get_by_role("button", name=t("dashboard.welcome.sample", "en")).click()
            page.get_by_role("heading", name=t("dashboard.overview.title", "en")).wait_for(
                timeout=WAIT_MS
            )
            for name in PAGES:
                open_page(page, t(f"dashboard.nav.{name}", "en"))
                page.get_by_role("heading", name=t(f"dashboard.{name}.title", "en")).wait_for(
                    timeout=WAIT_MS
                )
                wait_until_idle(page)
                page.wait_for_load_state("networkidle")
                if name == "overview":
                    shown = _metric_values(page)
                    assert shown[t("common.total", "en")] == fmt_number(score.total, "en", 2)
                shot = tmp_path / f"{name}.png"
                page.screenshot(path=str(shot))
                shots.append(shot)
        finally:
            browser.close()
    for shot in shots:
        assert shot.stat().st_size > 10_000  # a drawn page, not a blank one
        _keep(shot)
