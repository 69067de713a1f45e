"""Fitting the sub-metric weights to official readings (scoring/model/calibrate.py)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from builders import reweighted_pillars

from scoring.ingest import read_export
from scoring.model import load_config, score_as_of
from scoring.model.calibrate import calibrate, fit_weights, project_box_sum
from scoring.official import OfficialInputError, OfficialReading
from scoring.results import PILLARS, MetricScore, PillarScore, Score
from scoring.samples import sample_path

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


@pytest.mark.slow
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
