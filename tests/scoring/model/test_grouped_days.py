"""The grouped pass's day numbers: those of ``intervals.day_numbers``, the frame left as it was."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from scoring.model.grouped import _day_numbers
from scoring.model.intervals import ALWAYS
from scoring.model.score import day_number


@pytest.mark.parametrize("unit", ["ns", "us", "s"])
def test_day_numbers_floor_to_utc_days_and_undated_is_always(unit):
    stamps = pd.Series(
        pd.to_datetime(
            [None, "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2026-10-15T12:00:00+02:00"],
            utc=True,
        )
    ).astype(f"datetime64[{unit}, UTC]")
    before = stamps.copy()

    days = _day_numbers(stamps)

    # a second before the epoch is day -1 (floor, not truncation); 12:00+02:00 is 10:00 UTC
    assert days.tolist() == [ALWAYS, 0, -1, day_number(date(2026, 10, 15))]
    pd.testing.assert_series_equal(stamps, before)
