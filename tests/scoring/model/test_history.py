"""score_history: the grid of dates, and that every row equals score_as_of on its date."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from builders import make_export

from scoring.errors import InputError
from scoring.ingest import read_export
from scoring.model import ManualInputs, score_as_of, score_history
from scoring.model.history import as_of_range, checked_as_of, first_activity, history_days
from scoring.model.score import day_number
from scoring.results import PILLARS
from scoring.samples import sample_path

SMALL = make_export(
    export_date=date(2026, 10, 15),
    shares={"at": ["2026-06-03", "2026-09-01"]},
    connections={"at": ["2026-05-20", None]},
    positions={"at": ["2001-01-01"], "company": ["X"]},  # not activity: does not start history
)


@pytest.fixture(scope="module")
def seller():
    return read_export([sample_path("active_seller")])


def _dates(days: np.ndarray) -> list[date]:
    return days.astype("datetime64[D]").astype(object).tolist()


def test_history_starts_at_the_first_activity_and_ends_on_the_export_date():
    assert first_activity(SMALL) == date(2026, 5, 20)
    history = score_history(SMALL)
    # weekly back from 2026-10-15 while on or after 2026-05-20: 10-15 … 05-21 (22 rows)
    assert history["as_of"].iloc[-1] == date(2026, 10, 15)
    assert history["as_of"].iloc[0] == date(2026, 5, 21)
    assert len(history) == 22


def test_history_columns():
    history = score_history(SMALL, freq="M")
    keys = [m.key for m in score_as_of(SMALL).metrics()]
    expected = ["as_of", "total", *PILLARS, *(f"points.{k}" for k in keys)]
    expected += [f"value.{k}" for k in keys]
    assert list(history.columns) == expected
    assert isinstance(history["as_of"].iloc[0], date)


def test_daily_weekly_and_monthly_grids():
    start, end = date(2026, 1, 30), date(2026, 3, 31)
    assert len(history_days(start, end, "D")) == 61  # 2 + 28 + 31
    assert _dates(history_days(start, end, "W"))[:2] == [date(2026, 2, 3), date(2026, 2, 10)]
    # the same day of each month back from 03-31, the last day of shorter months
    assert _dates(history_days(start, end, "M")) == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
    ]
    assert _dates(history_days(date(2025, 12, 31), date(2026, 3, 15), "M")) == [
        date(2026, 1, 15),
        date(2026, 2, 15),
        date(2026, 3, 15),
    ]


def test_start_and_end_can_be_chosen():
    history = score_history(SMALL, freq="D", start=date(2026, 9, 1), end=date(2026, 9, 30))
    assert (history["as_of"].iloc[0], history["as_of"].iloc[-1]) == (
        date(2026, 9, 1),
        date(2026, 9, 30),
    )
    assert len(history) == 30


def test_an_export_without_activity_has_one_row():
    history = score_history(make_export(export_date=date(2026, 1, 1), skills={"name": ["A"]}))
    assert history["as_of"].tolist() == [date(2026, 1, 1)]


def test_bad_history_arguments_are_input_errors():
    with pytest.raises(InputError, match="must be one of D, W, M"):
        score_history(SMALL, freq="Y")
    with pytest.raises(InputError, match="after its end"):
        score_history(SMALL, start=date(2026, 12, 1))


def _assert_row_equals_score(row, score) -> None:
    assert row["total"] == score.total
    for pillar in PILLARS:
        assert row[pillar] == score.pillars[pillar].score
    for m in score.metrics():
        assert row[f"points.{m.key}"] == m.points, m.key
        value = row[f"value.{m.key}"]
        if m.value is None:
            assert np.isnan(value), m.key
        else:
            assert round(value, 4) == m.value, m.key


@pytest.mark.slow
@pytest.mark.parametrize("window", [90, 30, 7])
def test_history_equals_point_wise_scores_of_a_sample(seller, window):
    manual = ManualInputs(profile_views_90d=80, on=date(2026, 1, 1))
    history = score_history(seller, freq="D", window_days=window, manual=manual)
    assert len(history) > 3_000  # the seller's connections go back to 2012
    rng = np.random.default_rng(window)
    picks = sorted({0, len(history) - 1, *rng.integers(0, len(history), size=12).tolist()})
    for i in picks:
        row = history.iloc[i]
        score = score_as_of(seller, as_of=row["as_of"], window_days=window, manual=manual)
        _assert_row_equals_score(row, score)


def test_weekly_and_daily_histories_agree_on_shared_dates(seller):
    daily = score_history(seller, freq="D", start=date(2026, 1, 1)).set_index("as_of")
    weekly = score_history(seller, freq="W", start=date(2026, 1, 1)).set_index("as_of")
    assert daily.loc[weekly.index].equals(weekly)


def test_the_active_seller_grew_into_the_score():
    """The sample's history shows the seller's activity ramping up: not flat."""
    history = score_history(read_export([sample_path("active_seller")]), freq="M")
    assert history["total"].iloc[-1] > history["total"].iloc[0]
    assert day_number(history["as_of"].iloc[-1]) == day_number(date(2026, 10, 15))


def test_the_as_of_range_runs_from_the_first_activity_to_a_year_after_the_export():
    assert as_of_range(SMALL) == (date(2026, 5, 20), date(2027, 10, 15))
    assert checked_as_of(SMALL, None) == date(2026, 10, 15)
    assert checked_as_of(SMALL, date(2026, 5, 20)) == date(2026, 5, 20)
    assert checked_as_of(SMALL, date(2027, 10, 15)) == date(2027, 10, 15)
    # no dated activity: the range starts on the export date
    assert as_of_range(make_export(export_date=date(2026, 10, 15))) == (
        date(2026, 10, 15), date(2027, 10, 15),
    )  # fmt: skip


@pytest.mark.parametrize("day", [date(2026, 5, 19), date(2027, 10, 16)])
def test_an_as_of_outside_the_range_is_one_line_in_both_languages(day):
    with pytest.raises(InputError) as info:
        checked_as_of(SMALL, day)
    assert info.value.message("en") == (
        f"--as-of {day} is outside what this export can be scored for: choose a date from "
        "2026-05-20 (its first activity) to 2027-10-15 (a year after its export date)."
    )
    assert info.value.message("de") == (
        f"--as-of {day} liegt außerhalb dessen, wofür sich dieser Export bewerten lässt: "
        "Wählen Sie ein Datum vom 2026-05-20 (erste Aktivität) bis zum 2027-10-15 "
        "(ein Jahr nach dem Exportdatum)."
    )
