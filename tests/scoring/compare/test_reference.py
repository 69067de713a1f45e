"""Percentile lookup on quantile tables, LinkedIn's "Top X%", and the shipped reference."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.compare.industries import load_industries
from scoring.compare.reference import (
    ALL_INDUSTRIES,
    COLUMNS,
    QUANTILE_COLUMNS,
    load_reference,
    percentile_of,
    top_percent,
    validated_reference,
    weighted_quantiles,
)
from scoring.errors import ConfigError
from scoring.results import PILLARS

HALF = np.arange(101) / 2  # the value at p % is p / 2: a uniform distribution on [0, 50]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (10.0, 20.0),  # 10 = q(20 %) exactly
        (10.25, 20.5),  # halfway between q(20 %) = 10 and q(21 %) = 10.5
        (0.0, 0.0),  # the minimum: nothing below it (mid-rank of a single point)
        (-3.0, 0.0),  # below the table
        (50.0, 100.0),
        (80.0, 100.0),  # above the table
    ],
)
def test_interpolation_between_distinct_quantiles(value: float, expected: float) -> None:
    assert percentile_of(value, HALF) == pytest.approx(expected)


def test_a_value_shared_by_the_bottom_30_percent_sits_at_the_15th() -> None:
    # q(p) = 0 for p <= 30, then p - 30: 31 knots hold 0.
    q = np.maximum(np.arange(101) - 30, 0).astype(float)
    # strictly below 0: 0 %; at or below 0: 30 %; mid-rank (0 + 30) / 2 = 15.
    assert percentile_of(0.0, q) == pytest.approx(15.0)
    # 0.5 lies between q(30 %) = 0 and q(31 %) = 1: 30.5 %.
    assert percentile_of(0.5, q) == pytest.approx(30.5)


def test_a_plateau_in_the_middle_gives_its_midpoint() -> None:
    # q = p/10 below 40 %, 5 from 40 % to 60 %, p/10 - 1 above: 5 fills 40-60 %.
    p = np.arange(101, dtype=float)
    q = np.where(p < 40, p / 10, np.where(p <= 60, 5.0, p / 10 - 1))
    assert percentile_of(5.0, q) == pytest.approx(50.0)  # (40 + 60) / 2
    # 4.45 lies halfway between q(39 %) = 3.9 and q(40 %) = 5.
    assert percentile_of(4.45, q) == pytest.approx(39.5)


@given(st.floats(-10, 60), st.floats(-10, 60))
def test_percentile_never_falls_as_the_value_rises(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert percentile_of(low, HALF) <= percentile_of(high, HALF)


@pytest.mark.parametrize(
    ("percentile", "top"),
    [(91.3, 9), (91.0, 9), (90.99, 10), (99.6, 1), (100.0, 1), (50.0, 50), (0.0, 100)],
)
def test_top_percent_rounds_up_the_share_at_or_above(percentile: float, top: int) -> None:
    assert top_percent(percentile) == top


def test_unweighted_quantiles_use_midpoint_positions() -> None:
    # Positions (i + 0.5) / 4: 12.5 %, 37.5 %, 62.5 %, 87.5 %.
    q = weighted_quantiles(np.array([4.0, 1.0, 3.0, 2.0]))
    assert q[0] == 1.0 and q[100] == 4.0  # clamped at the ends
    assert q[25] == pytest.approx(1.5)  # 1 + (25 - 12.5) / 25
    assert q[50] == pytest.approx(2.5)


def test_weights_move_the_quantiles_towards_heavy_members() -> None:
    # Weights 1 and 3: positions (1 - 0.5) / 4 = 12.5 % and (4 - 1.5) / 4 = 62.5 %.
    q = weighted_quantiles(np.array([1.0, 2.0]), np.array([1.0, 3.0]))
    assert q[50] == pytest.approx(1.75)  # 1 + (50 - 12.5) / 50


def _table(group_quantiles: dict[str, np.ndarray]) -> pd.DataFrame:
    rows = []
    for group, q in group_quantiles.items():
        for basis in ("members", "network"):
            for measure in ("total", *PILLARS):
                scaled = q if measure == "total" else q / 4
                rows.append([group, basis, measure, 100, float(scaled.mean()), *scaled])
    return pd.DataFrame(rows, columns=list(COLUMNS))


def test_a_valid_table_is_read_and_looked_up() -> None:
    table = validated_reference(_table({ALL_INDUSTRIES: HALF}))
    dist = table.distribution(ALL_INDUSTRIES, "brand", "network")
    assert dist.n == 100 and dist.percentile(2.5) == pytest.approx(20.0)  # 2.5 = q(20 %) / 4


@pytest.mark.parametrize("damage", ["column", "falling", "range", "incomplete"])
def test_a_damaged_table_is_a_config_error(damage: str) -> None:
    frame = _table({ALL_INDUSTRIES: HALF})
    if damage == "column":
        frame = frame.drop(columns="q050")
    elif damage == "falling":
        frame.loc[0, "q050"] = 0.0
    elif damage == "range":
        frame.loc[1, QUANTILE_COLUMNS[-1]] = 30.0  # a pillar above 25
    else:
        frame = frame.iloc[:-1]
    with pytest.raises(ConfigError) as caught:
        validated_reference(frame)
    assert caught.value.code == "error.compare.reference"


def test_the_shipped_reference_covers_every_industry() -> None:
    reference = load_reference()
    industries = load_industries()
    assert reference.groups == (ALL_INDUSTRIES, *industries.names)
    total = reference.distribution(ALL_INDUSTRIES, "total").n
    assert total == sum(reference.distribution(g, "total").n for g in industries.names)


def test_the_shipped_reference_meets_linkedins_2015_figures() -> None:
    reference = load_reference()
    everyone = reference.distribution(ALL_INDUSTRIES, "total")
    # LinkedIn shows whole numbers: "0-20" is a total below 20.5, "70+" at least 69.5.
    assert percentile_of(20.5, everyone.quantiles) == pytest.approx(46.7, abs=1.0)
    assert 100 - percentile_of(69.5, everyone.quantiles) == pytest.approx(1.4, abs=0.5)
    assert everyone.mean == pytest.approx(28.2, abs=0.5)
    pillar_means = {p: reference.distribution(ALL_INDUSTRIES, p).mean for p in PILLARS}
    assert min(pillar_means, key=pillar_means.__getitem__) == "insights"
    for name in load_industries().names:
        members = reference.distribution(name, "total")
        network = reference.distribution(name, "total", "network")
        assert 22 <= members.mean <= 36, name  # 2026 pages: industry averages 29-35
        assert network.mean > members.mean, name  # well-connected people fill networks
