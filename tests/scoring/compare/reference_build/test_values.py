"""The members' values and scores come from the model, exactly as it scores their exports."""

from __future__ import annotations

import numpy as np
import pytest

from scoring.compare.industries import load_industries
from scoring.compare.reference_build.members import generate_population
from scoring.compare.reference_build.values import (
    member_export,
    population_export,
    population_scores,
    population_values,
)
from scoring.model import load_config, score_as_of
from scoring.model.score import day_number
from scoring.results import PILLARS

# Every test here shares a population of 660 members that takes half a minute to build.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def small():
    """A population of ~660 members with the shipped parameters (22 industries × 30)."""
    industries = load_industries()
    params = industries.population.model_copy(update={"size": 600, "min_per_industry": 30})
    config = load_config()
    pop = generate_population(industries, config.window_days, params)
    return pop, config, population_values(pop, config), population_scores(pop, config)


def test_bulk_values_and_scores_equal_the_model_on_each_members_export(small) -> None:
    pop, config, values, scores = small
    picks = set(np.linspace(0, pop.size - 1, 12).astype(int))
    picks |= {int(scores["total"].idxmax()), int(scores["total"].idxmin())}
    picks |= {int(np.flatnonzero(values["invitations_sent"] == 0)[0])}
    picks |= {int(np.flatnonzero(values["replies"] > 0)[0])}
    picks |= {int(np.flatnonzero(values["coworkers"] > 0)[0])}
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


def test_a_member_counts_only_its_own_block(small) -> None:
    pop, config, values, _ = small
    # Members 3 and 4 side by side: the second one's counts so far must not include
    # the first one's connections (a difference of two evaluations) …
    block = pop.window + 1
    end = day_number(pop.as_of)
    both = population_export(pop, [3, 4], [end - block, end], config)
    alone = score_as_of(member_export(pop, 4, config), config=config)
    together = score_as_of(both, config=config)
    assert len(both.frames["connections"]) == int(pop.members.loc[[3, 4], "connections"].sum())
    # … and as of the second block's end, the first member's activity is out of the window.
    for key in ("posts", "reactions", "days_active", "messages_sent", "connection_growth"):
        got = {m.key: m.value for m in together.metrics()}[key]
        assert got == {m.key: m.value for m in alone.metrics()}[key] == values[key][4], key


def test_members_connections_and_profile_items_as_generated(small) -> None:
    pop, config, values, _ = small
    row = pop.members.iloc[7]
    assert values["connections"][7] == row["connections"]
    assert values["coworkers"][7] == row["coworkers"]
    assert values["decision_makers"][7] == row["decision_makers"]
    items = [f"item.{k}" for k in config.completeness.items]
    assert values["profile_completeness"][7] == row[items].astype(bool).sum() / len(items)
    assert np.isnan(values["profile_views"]).all() and np.isnan(values["saved_leads"]).all()
