"""The app as a whole: every page renders, the language follows the URL and the sidebar,
the start-up sample, the theme, and the text catalogue of the dashboard."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest
from dashboard_fixtures import metrics, open_page, sample_bytes, sample_score, store_sample
from streamlit import config

from dashboard import state
from dashboard.components.palette import PILLAR_COLOURS
from scoring.i18n import catalogue, fmt_number, t
from scoring.results import PILLARS

ROOT = Path(__file__).resolve().parents[2]
#: page file → the catalogue key of its title.
PAGES = {
    "import_export": "dashboard.import.title",
    "overview": "dashboard.overview.title",
    "pillars": "dashboard.pillars.title",
    "compare": "dashboard.compare.title",
    "history": "dashboard.history.title",
    "tips": "dashboard.tips.title",
    "calibrate": "dashboard.calibrate.title",
    "team": "dashboard.team.title",
}
#: Pages that need an export, and show an invitation to import without one.
DATA_PAGES = ("overview", "pillars", "compare", "history", "tips", "calibrate")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_page_renders_on_the_sample(make_app, page: str, lang: str) -> None:
    at = open_page(make_app(sample="active_seller", lang=lang), page)
    assert not at.exception
    assert at.title[0].value == t(PAGES[page], lang)


@pytest.mark.parametrize("page", DATA_PAGES)
def test_data_pages_without_an_export_greet_a_newcomer(make_app, page: str) -> None:
    at = open_page(make_app(), page)
    assert not at.exception
    assert at.title[0].value == t("dashboard.welcome.title", "en")
    assert [b.label for b in at.button] == [t("dashboard.welcome.sample", "en")]
    assert len(at.file_uploader) == 1


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_empty_start_explains_the_tool_and_opens_the_sample_in_one_click(
    make_app, lang
) -> None:
    at = make_app(lang=lang)
    assert "current_export" not in at.session_state
    assert at.title[0].value == t("dashboard.welcome.title", lang)
    assert t("dashboard.welcome.intro", lang) in [m.value for m in at.markdown]
    at.button(key="welcome_sample").click().run()
    assert not at.exception
    assert at.title[0].value == t("dashboard.overview.title", lang)
    total = fmt_number(sample_score("active_seller").total, lang, 2)
    assert metrics(at)[t("common.total", lang)] == total


def test_the_empty_start_takes_an_upload_and_shows_its_overview(make_app) -> None:
    at = make_app()
    name, content = sample_bytes("newcomer")
    at.file_uploader(key="welcome_upload").set_value((name, content, "application/zip")).run()
    assert not at.exception
    assert metrics(at)["Total"] == fmt_number(sample_score("newcomer").total, "en", 2)


def test_the_url_chooses_german_numbers_and_names(make_app) -> None:
    at = make_app(sample="active_seller", lang="de")
    score = sample_score("active_seller")
    shown = metrics(at)
    assert shown["Gesamt"] == fmt_number(score.total, "de", 2)
    assert "," in shown["Gesamt"]
    assert shown["Ihre professionelle Marke aufbauen"] == fmt_number(
        score.pillars["brand"].score, "de", 2
    )
    assert shown["Gezielt die richtigen Personen finden"] == fmt_number(
        score.pillars["people"].score, "de", 2
    )
    assert shown["Durch Einblicke Interesse wecken"] == fmt_number(
        score.pillars["insights"].score, "de", 2
    )
    assert shown["Beziehungen aufbauen"] == fmt_number(
        score.pillars["relationships"].score, "de", 2
    )
    assert at.sidebar.selectbox[0].value == "de"


def test_the_sidebar_switches_language_and_the_url_follows(make_app) -> None:
    at = make_app(sample="active_seller")
    assert at.title[0].value == "Your Social Selling Index"
    at.sidebar.selectbox[0].set_value("de").run()
    assert at.title[0].value == "Ihr Social Selling Index"
    assert at.query_params["lang"] == ["de"] or at.query_params["lang"] == "de"
    at = open_page(at, "pillars")
    assert at.title[0].value == "Jeder Punkt erklärt"
    at.sidebar.selectbox[0].set_value("en").run()
    assert at.title[0].value == "Every point explained"


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        (["dashboard/app.py", "--sample", "newcomer"], {}, "newcomer"),
        (["dashboard/app.py"], {"SSI_SAMPLE": "basic"}, "basic"),
        (["dashboard/app.py", "--sample", "newcomer"], {"SSI_SAMPLE": "basic"}, "newcomer"),
        (["-n", "2", "--sw", "tests/dashboard"], {}, None),  # pytest's own arguments
    ],
)
def test_the_startup_sample_comes_from_argv_then_the_environment(argv, env, expected) -> None:
    assert state.startup_sample(argv[1:], env) == expected


def test_the_theme_is_private_headless_and_uses_the_pillar_palette() -> None:
    config = tomllib.loads((ROOT / "dashboard" / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["headless"] is True
    assert config["theme"]["chartCategoricalColors"][:4] == [PILLAR_COLOURS[p] for p in PILLARS]
    # Okabe–Ito: blue, orange, bluish green, reddish purple.
    assert [PILLAR_COLOURS[p] for p in PILLARS] == ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]


def test_every_dashboard_text_has_english_and_german_with_the_same_placeholders() -> None:
    texts = {k: v for k, v in catalogue().items() if k.startswith("dashboard.")}
    assert len(texts) > 150
    for key, entry in texts.items():
        # a text with plural forms is checked form by form (one, other)
        en, de = (v if isinstance(v, dict) else {"other": v} for v in (entry["en"], entry["de"]))
        assert en.keys() == de.keys(), key
        for form in en:
            assert en[form].strip() and de[form].strip(), key
            names = [set(re.findall(r"{(\w+)}", text[form])) for text in (en, de)]
            assert names[0] == names[1], key


def test_every_text_key_the_dashboard_uses_exists() -> None:
    used = set()
    for path in (ROOT / "dashboard").rglob("*.py"):
        used |= set(re.findall(r'"(dashboard\.[a-z_]+\.[a-z_]+)"', path.read_text()))
    assert used, "no literal keys found"
    assert sorted(k for k in used if k not in catalogue()) == []


def test_the_apps_own_settings_keep_it_on_this_computer() -> None:
    """dashboard/.streamlit/ is read for every `streamlit run dashboard/app.py`, any folder."""
    config = tomllib.loads((ROOT / "dashboard" / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    assert config["browser"]["gatherUsageStats"] is False
    # Streamlit's table download writes cells unchanged (formulas): switched off.
    assert config["client"]["disableDataExport"] is True
    # Nothing asks a font server for icons: the tab icon is a bundled file, nav icons emoji.
    app = (ROOT / "dashboard" / "router.py").read_text()
    assert ":material/" not in app
    assert (ROOT / "dashboard" / "assets" / "icon.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("address", "exposed"),
    [
        ("127.0.0.1", False),
        ("127.0.1.1", False),
        ("localhost", False),
        ("::1", False),
        (None, True),
        ("", True),
        ("0.0.0.0", True),
        ("192.168.1.20", True),
    ],
)
def test_only_loopback_addresses_count_as_private(address, exposed) -> None:
    assert state.exposed(address) is exposed


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_page_warns_when_the_server_listens_beyond_this_computer(make_app, lang) -> None:
    before = config.get_option("server.address")
    assert before == "127.0.0.1"
    at = make_app(sample="newcomer", lang=lang)
    assert t("dashboard.deploy.exposed", lang, address="0\\.0\\.0\\.0") not in [
        w.value for w in at.warning
    ]
    config.set_option("server.address", "0.0.0.0")
    try:
        for page in PAGES:
            at = open_page(at, page)
            assert t("dashboard.deploy.exposed", lang, address="0\\.0\\.0\\.0") in [
                w.value for w in at.warning
            ], page
    finally:
        config.set_option("server.address", before)


@pytest.mark.parametrize(
    ("value", "read_only"), [("1", True), ("true", True), ("yes", True), ("0", False), ("", False)]
)
def test_read_only_mode_is_switched_on_by_the_environment(value, read_only) -> None:
    assert state.read_only({"SSI_READ_ONLY": value}) is read_only
    assert state.read_only({}) is False


def test_read_only_mode_offers_no_store_no_forget_and_no_saved_readings(
    make_app, monkeypatch
) -> None:
    store_sample(os.environ["SSI_DATABASE_URL"], "newcomer", "Sam")
    monkeypatch.setenv("SSI_READ_ONLY", "1")
    at = open_page(make_app(sample="newcomer", lang="de"), "team")
    assert not at.exception
    assert t("dashboard.deploy.read_only", "de") in [i.value for i in at.info]
    assert t("dashboard.deploy.read_only_team", "de") in [c.value for c in at.caption]
    assert list(at.dataframe[0].value["Mitglied"]) == ["Sam"]  # the leaderboard is shown
    assert not at.get("form")  # no "store this export" form
    assert not at.checkbox and not at.expander  # no forget
    # Compare: a reading can be compared, but there is no button that stores it.
    at = open_page(at, "compare")
    assert "official_store" not in [b.key for b in at.button]
