"""Calibration to LinkedIn's 2015 figures: the anchor statistics and the fit."""

from __future__ import annotations

import pandas as pd
import pytest

from scoring.compare.industries import load_industries
from scoring.compare.reference_build.anchors import (
    CALIBRATED,
    anchor_loss,
    anchor_stats,
    calibrate_population,
)
from scoring.model import load_config
from scoring.results import PILLARS


def test_bands_use_the_whole_number_the_page_shows() -> None:
    scores = pd.DataFrame({"total": [10.0, 20.49, 20.5, 69.49, 69.5, 80.0]})
    for pillar in PILLARS:
        scores[pillar] = scores["total"] / 4
    stats = anchor_stats(scores)
    # Shown: 10, 20, 21, 69, 70, 80 → 2 of 6 at most 20, 2 of 6 at least 70.
    assert stats["share_0_20"] == pytest.approx(2 / 6)
    assert stats["share_70_100"] == pytest.approx(2 / 6)
    assert stats["share_21_69"] == pytest.approx(2 / 6)


def test_the_loss_is_zero_on_the_anchors_with_engage_weakest() -> None:
    stats = {"share_0_20": 0.467, "share_70_100": 0.014, "mean": 28.2}
    stats |= {"mean_brand": 9.0, "mean_people": 6.0, "mean_insights": 5.5, "mean_relationships": 8}
    assert anchor_loss(stats) == 0.0
    # One point above the anchor mean: (1 / 0.5)² = 4; Engage 0.5 under the next: no penalty.
    assert anchor_loss(stats | {"mean": 29.2}) == pytest.approx(4.0)
    # Engage level with People: (0 + 0.5) / 0.1 → 25.
    assert anchor_loss(stats | {"mean_insights": 6.0}) == pytest.approx(25.0)


@pytest.mark.slow
def test_calibration_does_not_end_worse_than_it_starts() -> None:
    industries = load_industries()
    small = industries.population.model_copy(update={"min_per_industry": 2, "size": 66})
    industries = industries.model_copy(update={"population": small})
    lines: list[str] = []
    params, stats = calibrate_population(
        industries, load_config(), size=44, iterations=1, report=lines.append
    )
    losses = [float(line.split()[1]) for line in lines]
    assert len(losses) >= 6  # the first simplex: one start and five steps
    assert min(losses) <= losses[0]
    assert set(params.model_dump(include=set(CALIBRATED))) == set(CALIBRATED)
    assert params.size == small.size  # the fit's size is not kept
    assert 0 <= stats["share_0_20"] <= 1
