"""LinkedIn's bands: laggards below 30, leaders above 70, average in between."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.bands import BANDS, band
from scoring.i18n import catalogue


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (0.0, "laggard"),
        (29.99, "laggard"),
        (30.0, "average"),  # "below 30" excludes 30 itself
        (52.65, "average"),
        (70.0, "average"),  # "above 70" excludes 70 itself
        (70.01, "leader"),
        (100.0, "leader"),
    ],
)
def test_band_boundaries_follow_linkedins_wording(total: float, expected: str) -> None:
    assert band(total) == expected


@given(st.floats(0, 100), st.floats(0, 100))
def test_a_higher_total_never_has_a_lower_band(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert BANDS.index(band(low)) <= BANDS.index(band(high))


def test_nan_has_no_band() -> None:
    with pytest.raises(ValueError):
        band(math.nan)


@pytest.mark.parametrize("name", BANDS)
def test_every_band_has_a_label_in_both_languages(name: str) -> None:
    entry = catalogue()[f"band.{name}"]
    assert entry["en"] and entry["de"] and entry["en"] != entry["de"]
