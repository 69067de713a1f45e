"""Official readings: the pasted SSI page (English and German), manual entry, calibration."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from builders import reweighted_pillars
from hypothesis import given
from hypothesis import strategies as st

from scoring.ingest import read_export
from scoring.model import load_config, score_as_of
from scoring.model.calibrate import calibrate, fit_weights, project_box_sum
from scoring.official import OfficialInputError, OfficialReading, manual_reading, parse_official
from scoring.results import PILLARS, MetricScore, PillarScore, Score
from scoring.samples import sample_path

SAMPLES = Path(__file__).resolve().parents[3] / "sample_data"

# The real reading quoted in ssi-background.md (a management consultant, May 2026).
REAL = {
    "total": 53.0,
    "brand": 20.998,
    "people": 6.4,
    "insights": 10.25,
    "relationships": 15.0,
    "industry_top_pct": 9.0,
    "industry_average": 34.0,
    "industry_pillars": {"brand": 11.78, "people": 5.38, "insights": 2.09, "relationships": 15.16},
    "network_top_pct": 11.0,
    "network_average": 36.0,
    "network_pillars": {"brand": 13.22, "people": 4.36, "insights": 2.38, "relationships": 16.31},
}


# --- parsing -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "industry_name"),
    [("official_en.txt", "Management consulting"), ("official_de.txt", "Unternehmensberatung")],
)
def test_the_sample_pages_give_the_real_reading(file: str, industry_name: str) -> None:
    reading = parse_official((SAMPLES / file).read_text(encoding="utf-8"), as_of=date(2026, 5, 4))
    assert reading.model_dump(include=set(REAL)) == REAL
    assert reading.industry_name == industry_name
    assert reading.as_of == date(2026, 5, 4)
    assert reading.source == "pasted"
    # The page rounds the total; the pillars keep their decimals: 20.998+6.4+10.25+15.
    assert reading.pillar_sum == pytest.approx(52.648)


def test_one_line_paste_in_another_order_is_read() -> None:
    text = (
        "Network SSI rank: Top 11%  Industry SSI rank: Top 9%  Your Social Selling Index "
        "53 out of 100  Build relationships 15  Engage with insights 10.25  "
        "Find the right people 6.4  Establish your professional brand 20.998"
    )
    reading = parse_official(text)
    assert reading.pillars == {
        "brand": 20.998,
        "people": 6.4,
        "insights": 10.25,
        "relationships": 15.0,
    }
    assert (reading.total, reading.industry_top_pct, reading.network_top_pct) == (53.0, 9.0, 11.0)
    assert reading.industry_average is None and reading.network_pillars is None


def test_top_printed_before_its_label_and_german_spacing() -> None:
    text = "Top 4 %\nBranchen-SSI-Rang\nTop 12 %\nNetzwerk-SSI-Rang\n61 von 100"
    reading = parse_official(text)
    assert (reading.industry_top_pct, reading.network_top_pct, reading.total) == (4.0, 12.0, 61.0)


def test_older_german_pillar_names_and_colons() -> None:
    text = (
        "Professionelle Marke etablieren: 12,5\nDie richtigen Personen finden: 7,25\n"
        "Mit Insights interagieren: 3\nBeziehungen pflegen: 11,75\n"
        "Personen in Ihrem Netzwerk haben einen durchschnittlichen SSI von 29."
    )
    reading = parse_official(text)
    assert reading.pillars == {
        "brand": 12.5,
        "people": 7.25,
        "insights": 3.0,
        "relationships": 11.75,
    }
    assert reading.network_average == 29.0 and reading.total is None


def test_description_sentence_without_numbers_is_not_a_pillar() -> None:
    text = (
        "It measures how effective you are at establishing your professional brand, finding "
        "the right people, engaging with insights, and building relationships.\n"
        "Find the right people 6.4"
    )
    assert parse_official(text).pillars == {"people": 6.4}


@given(
    st.tuples(*[st.integers(0, 25_000) for _ in PILLARS]),
    st.integers(1, 100),
    st.sampled_from(["en", "de"]),
)
def test_any_rendered_page_parses_back(millis: tuple[int, ...], top: int, lang: str) -> None:
    values = {p: m / 1000 for p, m in zip(PILLARS, millis, strict=True)}
    total = round(sum(values.values()))
    names = {
        "en": ["Establish your professional brand", "Find the right people",
               "Engage with insights", "Build relationships"],
        "de": ["Ihre professionelle Marke aufbauen", "Gezielt die richtigen Personen finden",
               "Durch Einblicke Interesse wecken", "Beziehungen aufbauen"],
    }[lang]  # fmt: skip
    sep = "." if lang == "en" else ","
    lines = [f"{total} {'out of' if lang == 'en' else 'von'} 100"]
    lines += [
        f"{n}\n{str(values[p]).replace('.', sep)}" for n, p in zip(names, PILLARS, strict=True)
    ]
    lines.append(f"{'Industry SSI rank' if lang == 'en' else 'Branchen-SSI-Rang'}: Top {top}%")
    reading = parse_official("\n".join(lines))
    assert reading.pillars == values
    assert reading.total == total and reading.industry_top_pct == top


def test_text_without_any_ssi_value_is_a_clear_error() -> None:
    with pytest.raises(OfficialInputError) as caught:
        parse_official("Hello, this is my LinkedIn feed.")
    assert caught.value.code == "error.official.nothing"
    assert "linkedin.com/sales/ssi" in caught.value.message("de")


def test_total_contradicting_its_pillars_is_rejected() -> None:
    text = "80 out of 100\nEstablish your professional brand 5\nFind the right people 5\n" \
        "Engage with insights 5\nBuild relationships 5"  # fmt: skip
    with pytest.raises(OfficialInputError) as caught:
        parse_official(text)
    assert caught.value.code == "error.official.inconsistent"
    assert caught.value.params["pillar_sum"] == 20.0


# --- manual entry --------------------------------------------------------------------


def test_manual_entry_accepts_decimal_commas_and_percent_signs() -> None:
    reading = manual_reading(
        {
            "total": "53",
            "brand": "20,998",
            "people": 6.4,
            "insights": "",
            "network_top_pct": "11 %",
        },
        as_of=date(2026, 5, 4),
    )
    assert reading.pillars == {"brand": 20.998, "people": 6.4}
    assert (reading.total, reading.network_top_pct, reading.source) == (53.0, 11.0, "manual")


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        ({"brand": "abc"}, "error.official.field", "brand"),
        ({"brand": "25,5"}, "error.official.field", "brand"),
        ({"industry_top_pct": 0}, "error.official.field", "industry_top_pct"),
        ({"sales": 3}, "error.official.field", "sales"),
        ({"total": ""}, "error.official.empty", None),
    ],
)
def test_manual_entry_names_the_wrong_field(values: dict, code: str, field: str | None) -> None:
    with pytest.raises(OfficialInputError) as caught:
        manual_reading(values)
    assert caught.value.code == code
    if field:
        assert caught.value.params["field"] == field


# --- the fitting machinery -------------------------------------------------------------


def test_projection_subtracts_one_amount_and_clips() -> None:
    # Without active bounds: subtract (1+2+3-3)/3 = 1 from each.
    w = project_box_sum(np.array([1.0, 2, 3]), np.zeros(3), np.full(3, 10.0), 3.0)
    assert w == pytest.approx([0.0, 1.0, 2.0])
    # The first clips at its upper bound 2; the rest share 3 - 2 = 1: λ = -0.5.
    w = project_box_sum(np.array([5.0, 0, 0]), np.zeros(3), np.full(3, 2.0), 3.0)
    assert w == pytest.approx([2.0, 0.5, 0.5])


def test_fit_recovers_exact_weights_and_respects_bounds() -> None:
    rng = np.random.default_rng(7)
    fractions = rng.random((12, 4))
    truth = np.array([9.0, 5.0, 7.0, 4.0])  # sums to 25
    default = np.array([8.0, 6.0, 6.0, 5.0])
    w = fit_weights(fractions, fractions @ truth, default, default / 2, default * 2, 25.0)
    assert w == pytest.approx(truth, abs=1e-4)
    # A truth outside the bounds ends on the bound: metric 0 cannot exceed 2 × 1 = 2.
    tight = np.array([1.0, 8.0, 8.0, 8.0])
    w = fit_weights(fractions, fractions @ np.array([5.0, 6.67, 6.67, 6.66]), tight,
                    tight / 2, tight * 2, 25.0)  # fmt: skip
    assert w[0] == pytest.approx(2.0, abs=1e-6)
    assert w.sum() == pytest.approx(25.0)


def _synthetic_score(config, fractions: dict[str, float], day: date) -> Score:
    pillars = {}
    for pillar in PILLARS:
        metrics = tuple(
            MetricScore(
                key=key,
                pillar=pillar,
                value=None,
                target=m.target,
                points=round(fractions[key] * m.weight, 2),
                max_points=m.weight,
                sources=m.sources,
            )
            for key, m in config.pillar(pillar).metrics.items()
        )
        pillars[pillar] = PillarScore(
            key=pillar, score=round(sum(x.points for x in metrics), 2), metrics=metrics
        )
    total = round(sum(p.score for p in pillars.values()), 2)
    return Score(as_of=day, window_days=90, total=total, pillars=pillars, model_version="test")


def test_calibration_recovers_known_weights_from_synthetic_readings() -> None:
    config = load_config()
    rng = np.random.default_rng(2026)
    truth: dict[str, float] = {}
    for pillar in PILLARS:
        metrics = config.pillar(pillar).metrics
        raw = {k: m.weight * rng.uniform(0.75, 1.35) for k, m in metrics.items()}
        scale = 25.0 / sum(raw.values())
        truth.update({k: v * scale for k, v in raw.items()})
    pairs = []
    for i in range(40):
        fractions = {k: float(rng.random()) for k in truth}
        score = _synthetic_score(config, fractions, date(2026, 1, 1) + timedelta(days=7 * i))
        values = {}
        for m in score.metrics():
            values[m.pillar] = values.get(m.pillar, 0.0) + truth[m.key] * m.points / m.max_points
        # The page shows three decimals.
        reading = OfficialReading(**{p: round(v, 3) for p, v in values.items()})
        pairs.append((score, reading))
    result = calibrate(pairs, config)
    for key, weight in truth.items():
        assert result.weights[key] == pytest.approx(weight, abs=0.02), key
    assert result.rmse_after["total"] < 0.005 < result.rmse_before["total"]
    for pillar in PILLARS:
        fitted = sum(result.weights[k] for k in config.pillar(pillar).metrics)
        assert fitted == pytest.approx(25.0)
    assert result.config.version == f"{config.version}+calibrated"


def test_calibration_on_an_export_brings_the_model_to_the_readings() -> None:
    config = load_config()
    data = read_export([sample_path("passive_job_seeker")])
    days = [data.export_date - timedelta(days=14 * i) for i in range(8)]
    # LinkedIn's weights are unknown; pretend they favour endorsements and days active.
    favour = {"endorsements": 1.6, "days_active": 1.5, "posts": 1.4, "decision_makers": 1.5}
    pairs = []
    for day in days:
        score = score_as_of(data, as_of=day, config=config)
        values = reweighted_pillars(score, favour)
        pairs.append(
            (data, OfficialReading(as_of=day, **{p: round(v, 3) for p, v in values.items()}))
        )
    result = calibrate(pairs, config)
    assert result.readings == 8
    assert result.rmse_after["total"] < result.rmse_before["total"]
    assert result.rmse_after["total"] < 0.05
    refit = score_as_of(data, as_of=days[0], config=result.config)
    assert refit.pillars["brand"].score == pytest.approx(pairs[0][1].brand, abs=0.1)


def test_calibration_without_pillars_is_refused() -> None:
    config = load_config()
    score = _synthetic_score(config, dict.fromkeys(
        [k for _, k, _ in config.metric_items()], 0.5), date(2026, 5, 1))  # fmt: skip
    with pytest.raises(OfficialInputError) as caught:
        calibrate([(score, OfficialReading(total=40))], config)
    assert caught.value.code == "error.official.calibration_empty"
