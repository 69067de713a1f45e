"""The app as a whole: every page renders, the language follows the URL and the sidebar,
the start-up sample, the theme, and the text catalogue of the dashboard."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from dashboard_fixtures import metrics, open_page, sample_score

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
    "team": "dashboard.team.title",
}
#: Pages that need an export, and show an invitation to import without one.
DATA_PAGES = ("overview", "pillars", "compare", "history", "tips")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_page_renders_on_the_sample(make_app, page: str, lang: str) -> None:
    at = open_page(make_app(sample="active_seller", lang=lang), page)
    assert not at.exception
    assert at.title[0].value == t(PAGES[page], lang)


@pytest.mark.parametrize("page", DATA_PAGES)
def test_data_pages_without_an_export_point_to_the_import(make_app, page: str) -> None:
    at = open_page(make_app(), page)
    assert not at.exception
    assert [i.value for i in at.info] == [t("dashboard.empty.no_export", "en")]


def test_without_a_sample_the_app_opens_on_an_empty_overview(make_app) -> None:
    at = make_app()
    assert "current_export" not in at.session_state
    assert [i.value for i in at.info] == [t("dashboard.empty.no_export", "en")]


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
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
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
