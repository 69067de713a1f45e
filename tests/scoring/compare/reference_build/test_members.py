"""The generated members: reproducible, drawn from fixed functions of the seed."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.compare.industries import load_industries
from scoring.compare.reference_build.members import (
    counter_uniform,
    generate_population,
    industry_sizes,
    poisson_quantile,
)
from scoring.model import load_config


def test_the_same_parameters_give_the_same_population() -> None:
    industries = load_industries()
    params = industries.population.model_copy(update={"size": 200, "min_per_industry": 5})
    window = load_config().window_days
    one = generate_population(industries, window, params)
    again = generate_population(industries, window, params)
    pd.testing.assert_frame_equal(one.members, again.members)
    pd.testing.assert_frame_equal(one.events, again.events)


def test_every_industry_gets_at_least_its_minimum() -> None:
    industries = load_industries()
    params = industries.population.model_copy(update={"size": 22, "min_per_industry": 3})
    sizes = industry_sizes(industries, params)
    assert len(sizes) == len(industries.industry)
    assert sizes.min() == 3


def test_poisson_by_inversion_matches_hand_computed_cdf() -> None:
    # Poisson(1): P(0) = e^-1 = 0.3679, P(≤1) = 0.7358, P(≤2) = 0.9197.
    u = np.array([0.3, 0.5, 0.9, 0.95])
    assert poisson_quantile(u, np.ones(4)).tolist() == [0, 1, 2, 3]
    assert poisson_quantile(np.array([0.999]), np.array([0.0])).tolist() == [0]


def test_counter_uniforms_depend_only_on_their_keys() -> None:
    a = counter_uniform(7, np.array([1, 2, 3]), np.array([0, 0, 0]))
    b = counter_uniform(7, np.array([3, 2, 1]), np.array([0, 0, 0]))
    assert a[0] == b[2] and a[1] == b[1]
    assert ((a >= 0) & (a < 1)).all() and len(set(a)) == 3
