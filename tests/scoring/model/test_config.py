"""model.toml: the bundled model is valid; a bad one fails with the key it got wrong."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest

from scoring.errors import ConfigError
from scoring.model import ModelConfigError, load_config
from scoring.model.config import DEFAULT_PATH, seniority_pattern, validate_config
from scoring.model.metrics import METRIC_SPECS
from scoring.results import PILLARS


@pytest.fixture(scope="module")
def raw() -> dict:
    with DEFAULT_PATH.open("rb") as fh:
        return tomllib.load(fh)


def broken(raw: dict, path: str, value) -> dict:
    """A deep copy of ``raw`` with the dotted ``path`` set to ``value`` (or deleted)."""
    doc = copy.deepcopy(raw)
    *parents, last = path.split(".")
    node = doc
    for part in parents:
        node = node[part]
    if value is DELETE:
        del node[last]
    else:
        node[last] = value
    return doc


DELETE = object()


def metric_table(weight: float, source: str) -> dict:
    return {"weight": weight, "target": 1, "curve": "linear", "sources": [source]}


def error_of(doc: dict) -> ModelConfigError:
    with pytest.raises(ModelConfigError) as info:
        validate_config(doc)
    assert isinstance(info.value, ConfigError)
    return info.value


def test_bundled_model_is_versioned_and_every_pillar_sums_to_25():
    config = load_config()
    assert config.version == "2026.1"
    assert config.window_days == 90
    for pillar in PILLARS:
        metrics = config.pillar(pillar).metrics
        assert len(metrics) >= 3
        assert sum(m.weight for m in metrics.values()) == pytest.approx(25.0)


def test_bundled_model_uses_every_metric_the_code_offers_once():
    keys = [key for _, key, _ in load_config().metric_items()]
    assert sorted(keys) == sorted(METRIC_SPECS)


def test_target_must_be_positive_and_the_message_names_the_key(raw):
    err = error_of(broken(raw, "pillars.brand.metrics.endorsements.target", 0))
    assert "pillars.brand.metrics.endorsements.target must be > 0" in str(err)
    assert "muss > 0 sein" in err.message("de")


def test_weights_must_add_up_to_25(raw):
    err = error_of(broken(raw, "pillars.people.metrics.follows.weight", 4))
    # 25 - 3 + 4 = 26
    assert "pillars.people.metrics has weights that add up to 26; they must add up to 25" in str(
        err
    )


def test_unknown_keys_are_rejected(raw):
    err = error_of(broken(raw, "pillars.brand.metrics.endorsements.targte", 5))
    assert "pillars.brand.metrics.endorsements.targte is not a setting the model knows" in str(err)
    err = error_of(broken(raw, "colour", "blue"))
    assert "colour is not a setting" in str(err)


def test_missing_keys_are_named(raw):
    err = error_of(broken(raw, "pillars.insights.metrics.comments.curve", DELETE))
    assert "pillars.insights.metrics.comments.curve is missing" in str(err)
    err = error_of(broken(raw, "version", DELETE))
    assert "version is missing" in str(err)


def test_curve_must_be_a_known_one(raw):
    err = error_of(broken(raw, "pillars.insights.metrics.comments.curve", "cubic"))
    assert "pillars.insights.metrics.comments.curve must be one of 'linear', 'sqrt' or 'log'" in (
        str(err)
    )


def test_wrong_types_are_named(raw):
    err = error_of(broken(raw, "window_days", "ninety"))
    assert "window_days must be a whole number" in str(err)
    err = error_of(broken(raw, "pillars.brand.metrics.articles.weight", "three"))
    assert "pillars.brand.metrics.articles.weight must be a number" in str(err)


def test_unknown_sub_metric_is_rejected(raw):
    doc = copy.deepcopy(raw)
    metrics = doc["pillars"]["brand"]["metrics"]
    metrics["karma"] = metrics.pop("articles")
    err = error_of(doc)
    assert "pillars.brand.metrics.karma is not a sub-metric the model can compute" in str(err)


def test_a_sub_metric_may_not_read_what_its_code_cannot(raw):
    err = error_of(broken(raw, "pillars.insights.metrics.comments.sources", ["messages"]))
    assert "pillars.insights.metrics.comments.sources names kinds" in str(err)
    assert "messages" in str(err)


def test_a_sub_metric_appears_in_one_pillar_only(raw):
    doc = copy.deepcopy(raw)
    # move 1 point from brand's profile completeness to a copy of "comments" in brand
    doc["pillars"]["brand"]["metrics"]["profile_completeness"]["weight"] = 8
    doc["pillars"]["brand"]["metrics"]["comments"] = metric_table(1, "comments")
    err = error_of(doc)
    assert "pillars.insights.metrics.comments appears in more than one pillar" in str(err)


def test_a_pillar_needs_three_sub_metrics(raw):
    doc = copy.deepcopy(raw)
    doc["pillars"]["brand"]["metrics"] = {
        "profile_completeness": metric_table(20, "profile"),
        "endorsements": metric_table(5, "endorsements_received"),
    }
    err = error_of(doc)
    assert "pillars.brand.metrics must hold at least three sub-metrics" in str(err)


def test_completeness_items_must_be_known(raw):
    err = error_of(broken(raw, "completeness.items", ["headline", "zodiac"]))
    assert "completeness.items[1] must be one of" in str(err)


def test_an_exclusion_must_end_in_a_listed_word(raw):
    err = error_of(broken(raw, "seniority.exclude", ["Product Wizard"]))
    assert "seniority.exclude[0]" in str(err)


def test_files_that_are_not_there_or_not_toml(tmp_path: Path):
    with pytest.raises(ModelConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("version = \n", "utf-8")
    with pytest.raises(ModelConfigError, match=r"bad\.toml is not a valid TOML file"):
        load_config(bad)


def test_a_valid_file_from_a_path_loads(tmp_path: Path):
    path = tmp_path / "model.toml"
    path.write_text(DEFAULT_PATH.read_text("utf-8").replace('"2026.1"', '"test"'), "utf-8")
    assert load_config(path).version == "test"


@pytest.mark.parametrize(
    ("position", "senior"),
    [
        ("VP Sales EMEA", True),
        ("Senior Vice President", True),
        ("Head of Growth", True),
        ("Chief Revenue Officer", True),
        ("Founder & CEO", True),
        ("Cofounder", True),
        ("Managing Partner", True),
        ("Geschäftsführerin", True),
        ("Abteilungsleiter Vertrieb", True),
        ("Leiterin Marketing", True),
        ("Vorstand Finanzen", True),
        ("Inhaber", True),
        ("Prokurist", True),
        ("Verkaufsdirektor", True),
        ("Product Owner", False),
        ("HR Business Partner", False),
        ("Headhunter", False),
        ("Account Executive", False),
        ("Werkstudent", False),
        ("Directory Services Engineer", False),
    ],
)
def test_seniority_keywords(position: str, senior: bool):
    pattern = seniority_pattern(load_config().seniority)
    assert bool(pattern.search(position)) is senior


def test_a_sub_metric_is_found_by_its_key():
    # model.toml: profile_views weighs 3.5 against a target of 150, read from no file.
    metric = load_config().metric("profile_views")
    assert (metric.weight, metric.target, metric.sources) == (3.5, 150, ())
    with pytest.raises(KeyError):
        load_config().metric("no_such_metric")
