"""The saturating curves: 0 at 0, full points at the target, never more."""

from __future__ import annotations

import math

import numpy as np
import pytest

from scoring.model.curve import CURVES, curve_fraction, curve_points


def test_linear_is_proportional_until_the_target():
    # 3 of a target of 12 on 4 points: 4 * 3/12 = 1.0
    assert curve_points(np.array([3.0]), 12, 4, "linear")[0] == 1.0


def test_sqrt_gives_half_the_points_at_a_quarter_of_the_target():
    # 5 of 20: sqrt(0.25) = 0.5, * 6 = 3.0
    assert curve_points(np.array([5.0]), 20, 6, "sqrt")[0] == 3.0


def test_log_gives_28_percent_at_a_tenth_of_the_target():
    # 50 of 500: log10(1 + 9 * 0.1) = log10(1.9) = 0.278754; * 6 = 1.6725 → 1.67
    assert curve_fraction("log", np.array([0.1]))[0] == pytest.approx(math.log10(1.9))
    assert curve_points(np.array([50.0]), 500, 6, "log")[0] == 1.67


@pytest.mark.parametrize("curve", CURVES)
def test_every_curve_runs_from_zero_to_full_and_saturates(curve):
    values = np.array([0.0, 10.0, 20.0, 1000.0, np.nan])
    assert curve_points(values, 10, 2.5, curve).tolist() == [0.0, 2.5, 2.5, 2.5, 0.0]


@pytest.mark.parametrize("curve", CURVES)
def test_every_curve_is_non_decreasing(curve):
    ratios = np.linspace(0, 2, 401)
    assert np.all(np.diff(curve_fraction(curve, ratios)) >= 0)
