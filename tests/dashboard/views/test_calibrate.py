"""The Calibrate page: pasted official pages fitted, the fit saved as a model every page uses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dashboard_fixtures import metrics, open_page, sample_data

from dashboard.components import downloads
from scoring.i18n import fmt_number, t
from scoring.model import load_config, score_as_of
from scoring.model.calibrate import calibrate
from scoring.model.saved import load_model, save_model
from scoring.official import parse_official
from scoring.results import PILLARS

OFFICIAL_EN = Path(__file__).resolve().parents[3] / "sample_data" / "official_en.txt"
READ_ON = date(2026, 10, 14)  # the day before the sample's export date


@pytest.fixture
def models(tmp_path, monkeypatch) -> Path:
    """The saved models' folder, in a throw-away data folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    return tmp_path / "ssi-dashboard" / "models"


def _paste(at, lang: str):
    at.text_area(key="cal_text").set_value(OFFICIAL_EN.read_text())
    at.date_input(key="cal_date").set_value(READ_ON)
    next(b for b in at.button if b.label == t("dashboard.calibrate.add", lang)).click()
    return at.run()


def _expected():
    reading = parse_official(OFFICIAL_EN.read_text(), as_of=READ_ON)
    score = score_as_of(sample_data("active_seller"), as_of=READ_ON)
    return calibrate([(score, reading)], load_config())


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_pasted_page_is_fitted_with_the_error_before_and_after(make_app, models, lang) -> None:
    at = open_page(make_app(sample="active_seller", lang=lang), "calibrate")
    assert t("dashboard.calibrate.none_yet", lang) in [c.value for c in at.caption]
    at = _paste(at, lang)
    result = _expected()
    shown = metrics(at)
    assert shown[t("dashboard.calibrate.error_before", lang)] == fmt_number(
        result.rmse_before["total"], lang, 2
    )
    assert shown[t("dashboard.calibrate.error_after", lang)] == fmt_number(
        result.rmse_after["total"], lang, 2
    )
    assert result.rmse_after["total"] < result.rmse_before["total"]
    # One reading for one weight per sub-metric: far fewer readings than parameters.
    weights = len(list(score_as_of(sample_data("active_seller")).metrics()))
    assert len(result.weights) == weights
    caveat = {
        "en": f"Fitted from 1 reading for {weights} weights: treat it as a rough guide.",
        "de": f"Aus 1 Messung für {weights} Gewichte geschätzt: Nehmen Sie es als grobe",
    }[lang]
    assert any(w.value.startswith(caveat) for w in at.warning)
    # The reading is the session's: the Compare page lists the same one.
    assert len(at.session_state["official_readings"]) == 1


def test_applying_a_fit_saves_a_named_model_every_page_scores_with(make_app, models) -> None:
    at = _paste(open_page(make_app(sample="active_seller"), "calibrate"), "en")
    default_total = score_as_of(sample_data("active_seller")).total
    # Without a saved model the sidebar offers no choice of model.
    assert "model_choice" not in [box.key for box in at.selectbox]
    at.text_input(key="calibration_name").set_value("my-fit")
    at.button(key="calibration_save").click().run()
    assert (models / "my-fit.toml").is_file()
    saved = load_model(models, "my-fit")
    assert saved.info.readings == 1 and saved.info.reading_dates == (READ_ON,)
    assert saved.info.fit_error_after == round(_expected().rmse_after["total"], 4)
    assert at.success[0].value == t("dashboard.calibrate.saved", "en", name="my\\-fit")
    assert at.selectbox(key="model_choice").value == "my-fit"
    fitted = score_as_of(sample_data("active_seller"), config=saved.config)
    assert fitted.total != default_total
    at = open_page(at, "overview")
    assert metrics(at)["Total"] == fmt_number(fitted.total, "en", 2)
    # Back to the bundled model in the sidebar: the default score again.
    at.selectbox(key="model_choice").set_value("").run()
    assert metrics(at)["Total"] == fmt_number(default_total, "en", 2)

    at.selectbox(key="model_choice").set_value("my-fit").run()
    at = open_page(at, "calibrate")
    at.button(key="calibration_remove_my-fit").click().run()
    assert not (models / "my-fit.toml").exists()
    assert at.success[0].value == t("dashboard.calibrate.removed", "en", name="my\\-fit")
    assert t("dashboard.calibrate.no_models", "en") in [c.value for c in at.caption]
    at = open_page(at, "overview")
    assert metrics(at)["Total"] == fmt_number(default_total, "en", 2)


def test_a_bad_name_is_refused_in_words(make_app, models) -> None:
    at = _paste(open_page(make_app(sample="active_seller", lang="de"), "calibrate"), "de")
    at.text_input(key="calibration_name").set_value("default")
    at.button(key="calibration_save").click().run()
    assert not models.exists() or not list(models.iterdir())
    assert len(at.error) == 1 and "default" in at.error[0].value


def test_read_only_mode_shows_the_fit_but_saves_nothing(make_app, models, monkeypatch) -> None:
    monkeypatch.setenv("SSI_READ_ONLY", "1")
    save_model(models, "earlier", _expected(), (READ_ON,))  # e.g. by ssi calibrate --save
    at = _paste(open_page(make_app(sample="active_seller"), "calibrate"), "en")
    assert metrics(at)[t("dashboard.calibrate.error_after", "en")]
    assert at.button(key="calibration_save").disabled
    assert at.button(key="calibration_remove_earlier").disabled
    assert t("dashboard.calibrate.read_only", "en") in [i.value for i in at.info]


def test_a_chosen_model_scores_every_page(make_app, models) -> None:
    saved = save_model(models, "fit", _expected(), (READ_ON,))
    at = make_app(sample="active_seller")
    at.selectbox(key="model_choice").set_value("fit").run()
    fitted = score_as_of(sample_data("active_seller"), config=saved.config)
    total = fmt_number(fitted.total, "en", 2)
    assert metrics(open_page(at, "history"))["Score on 2026-10-15"] == total
    assert metrics(open_page(at, "tips"))["Estimate as of 2026-10-15"] == total
    at = open_page(at, "pillars")
    assert [tab.label for tab in at.tabs] == [
        f"{t(f'pillar_short.{p}', 'en')} · {fmt_number(fitted.pillars[p].score, 'en', 2)}"
        for p in PILLARS
    ]
    assert fitted.model_version == f"{load_config().version}+fit"


def test_readings_pasted_on_the_compare_page_are_fitted_here(make_app, models) -> None:
    at = open_page(make_app(sample="active_seller", lang="de"), "compare")
    at.text_area(key="official_text").set_value(OFFICIAL_EN.read_text())
    at.date_input(key="official_date").set_value(READ_ON)
    at.button[0].click().run()
    at = open_page(at, "calibrate")
    table = at.table[0].value
    assert list(table[t("dashboard.calibrate.read_on", "de")]) == ["14.10.2026"]
    assert list(table[t("common.total", "de")]) == ["53,00"]
    assert metrics(at)[t("dashboard.calibrate.error_after", "de")] == fmt_number(
        _expected().rmse_after["total"], "de", 2
    )


def test_the_score_download_names_the_model_and_why_the_score_moved(
    make_app, models, monkeypatch
) -> None:
    offered = {}
    monkeypatch.setattr(downloads, "section", lambda *a, **kw: offered.update(kw))
    saved = save_model(models, "fit", _expected(), (READ_ON,))
    at = make_app(sample="active_seller")
    assert offered["extra"]["model"] == {
        "name": "default", "version": load_config().version, "readings": 0, "fit_error": None,
    }  # fmt: skip
    at.selectbox(key="model_choice").set_value("fit").run()
    model = offered["extra"]["model"]
    assert (model["name"], model["readings"], model["version"]) == ("fit", 1, saved.version)
    assert model["fit_error"] == saved.info.fit_error_after
    change = offered["extra"]["change"]
    assert change["since"] == "2026-10-08" and change["as_of"] == "2026-10-15"
    cents = sum(round(m["points"] * 100) for m in change["metrics"])
    assert cents == round(change["total"] * 100)
    data = sample_data("active_seller")
    before = score_as_of(data, as_of=date(2026, 10, 8), config=saved.config)
    assert change["total_before"] == before.total
