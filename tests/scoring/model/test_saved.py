"""Saved model versions: a calibration written as TOML, read back, listed and removed."""

from __future__ import annotations

from datetime import date

import pytest

from scoring.ingest import read_export
from scoring.model import score_as_of
from scoring.model.calibrate import calibrate
from scoring.model.config import ModelConfigError
from scoring.model.saved import (
    SavedModelError,
    list_models,
    load_model,
    remove_model,
    resolve_model,
    save_model,
    uncertainty_text,
)
from scoring.official import parse_official
from scoring.samples import sample_path


@pytest.fixture(scope="module")
def fit():
    data = read_export([sample_path("active_seller")])
    text = (sample_path("active_seller").parents[1] / "official_en.txt").read_text("utf-8")
    reading = parse_official(text)
    return data, calibrate([(data, reading)])


def test_a_saved_model_reads_back_with_the_same_weights_and_scores(tmp_path, fit):
    data, calibration = fit
    saved = save_model(tmp_path, "mine", calibration, (date(2026, 10, 15),))
    again = load_model(tmp_path, "mine")
    weights = {key: m.weight for _, key, m in again.config.metric_items()}
    assert weights == calibration.weights
    assert again.version == "2026.1+mine"
    assert (
        score_as_of(data, config=again.config).total
        == score_as_of(data, config=calibration.config).total
    )
    assert again.payload()["readings"] == 1
    assert again.payload()["parameters"] == 27
    assert again.payload()["reading_dates"] == ["2026-10-15"]
    assert [m.name for m in list_models(tmp_path)] == ["mine"]
    assert list(tmp_path.iterdir()) == [saved.path]  # no temporary file left behind
    assert resolve_model(tmp_path, "mine")[1] == again
    assert resolve_model(tmp_path, "default")[1] is None
    remove_model(tmp_path, "mine")
    assert list_models(tmp_path) == []


def test_one_reading_for_27_weights_is_a_rough_guide():
    assert uncertainty_text(2, 27, "en") == (
        "Fitted from 2 readings for 27 weights: treat it as a rough guide. "
        "Each further official reading (on a different date) makes it firmer."
    )
    assert uncertainty_text(1, 27, "de").startswith("Aus 1 Messung für 27 Gewichte geschätzt")
    assert uncertainty_text(27, 27, "en") is None


@pytest.mark.parametrize("name", ["default", "a b", "", "x" * 41, "../up"])
def test_bad_names_are_refused_in_one_line(tmp_path, fit, name):
    with pytest.raises(SavedModelError) as info:
        save_model(tmp_path, name, fit[1])
    assert "cannot name a model" in info.value.message("en")
    assert "kann kein Modell benennen" in info.value.message("de")


def test_a_missing_model_names_the_saved_ones(tmp_path, fit):
    save_model(tmp_path, "team-a", fit[1])
    with pytest.raises(SavedModelError) as info:
        load_model(tmp_path, "team-b")
    assert info.value.message("en") == (
        "There is no saved model called “team-b” (saved models: team-a). See ssi models."
    )


def test_an_edited_file_that_breaks_the_model_is_one_line_and_left_out_of_the_list(tmp_path, fit):
    saved = save_model(tmp_path, "mine", fit[1])
    text = saved.path.read_text("utf-8").replace("window_days = 90", "window_days = 0")
    saved.path.write_text(text, "utf-8")
    with pytest.raises(ModelConfigError) as info:
        load_model(tmp_path, "mine")
    assert info.value.message("en") == (
        "The score model mine.toml is invalid: window_days must be > 0. "
        "Correct that entry in the file."
    )
    assert list_models(tmp_path) == []
