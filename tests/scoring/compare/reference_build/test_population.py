"""The modelled population: scored exactly like the model scores an export, reproducibly."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scoring.compare.industries import load_industries
from scoring.compare.reference import REFERENCE_PATH
from scoring.compare.reference_build.build import main
from scoring.compare.reference_build.population import (
    anchor_stats,
    counter_uniform,
    generate_population,
    member_export,
    poisson_quantile,
    population_scores,
    population_values,
)
from scoring.model import load_config, score_as_of
from scoring.results import PILLARS


@pytest.fixture(scope="module")
def small():
    """A population of ~660 members with the shipped parameters (22 industries × 30)."""
    industries = load_industries()
    params = industries.population.model_copy(update={"size": 600, "min_per_industry": 30})
    config = load_config()
    pop = generate_population(industries, config.window_days, params)
    return pop, config, population_scores(pop, config)


def test_vectorized_scores_equal_the_model_on_real_exports(small) -> None:
    pop, config, scores = small
    values = population_values(pop, config)
    picks = set(np.linspace(0, pop.size - 1, 12).astype(int))
    picks |= {int(scores["total"].idxmax()), int(scores["total"].idxmin())}
    picks |= {int(np.flatnonzero(values["invitations_sent"] == 0)[0])}
    picks |= {int(np.flatnonzero(values["replies"] > 0)[0])}
    for i in sorted(picks):
        score = score_as_of(member_export(pop, i, config), config=config)
        assert score.as_of == pop.as_of
        for metric in score.metrics():
            expected = values[metric.key][i]
            if metric.value is None:
                assert np.isnan(expected), (i, metric.key)
            else:
                # Score keeps raw values to four decimals.
                assert metric.value == pytest.approx(expected, abs=5e-5), (i, metric.key)
        assert score.total == scores.loc[i, "total"], i
        for pillar in PILLARS:
            assert score.pillars[pillar].score == scores.loc[i, pillar], (i, pillar)


def test_the_same_parameters_give_the_same_population(small) -> None:
    pop, config, _ = small
    industries = load_industries()
    params = industries.population.model_copy(update={"size": 600, "min_per_industry": 30})
    again = generate_population(industries, config.window_days, params)
    pd.testing.assert_frame_equal(pop.members, again.members)
    pd.testing.assert_frame_equal(pop.events, again.events)


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


def test_bands_use_the_whole_number_the_page_shows() -> None:
    scores = pd.DataFrame({"total": [10.0, 20.49, 20.5, 69.49, 69.5, 80.0]})
    for pillar in PILLARS:
        scores[pillar] = scores["total"] / 4
    stats = anchor_stats(scores)
    # Shown: 10, 20, 21, 69, 70, 80 → 2 of 6 at most 20, 2 of 6 at least 70.
    assert stats["share_0_20"] == pytest.approx(2 / 6)
    assert stats["share_70_100"] == pytest.approx(2 / 6)
    assert stats["share_21_69"] == pytest.approx(2 / 6)


def test_the_build_reproduces_the_shipped_file_bit_for_bit(tmp_path) -> None:
    out = tmp_path / "reference.csv"
    assert main(["--out", str(out)]) == 0
    assert out.read_bytes() == REFERENCE_PATH.read_bytes()
