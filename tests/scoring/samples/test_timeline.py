"""Activity has a human rhythm: weekdays, bursts, growth, and two years of history."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from scoring.samples import PERSONAS, world_of
from scoring.samples.activity import comments_file, reactions_file, shares_file
from scoring.samples.timeline import event_times

EXPORT_DAY = pd.Timestamp("2026-10-15")


def seller_activity() -> pd.Series:
    world = world_of("active_seller")
    frames = (shares_file(world), comments_file(world), reactions_file(world))
    dates = pd.concat([f["Date"] for f in frames], ignore_index=True)
    return pd.to_datetime(dates, format="%Y-%m-%d %H:%M:%S")


def test_activity_spans_the_two_years_before_the_export():
    at = seller_activity()
    # personas.toml: active_days = 730: nothing before 15 Oct 2024, nothing on the export day.
    assert at.min() >= EXPORT_DAY - pd.Timedelta(days=730)
    assert at.min() < EXPORT_DAY - pd.Timedelta(days=700)
    assert at.max() < EXPORT_DAY


def test_weekdays_dominate():
    at = seller_activity()
    weekday_share = (at.dt.day_of_week < 5).mean()
    # Weights Mon–Fri 1 + 1.15 + 1.1 + 1.05 + 0.8 = 5.1, weekend 0.12 + 0.07 = 0.19:
    # expected share 5.1 / 5.29 = 0.964 (bursts and holidays act on whole weeks).
    assert 0.94 <= weekday_share <= 0.985


def test_weeks_are_bursty_and_activity_grows():
    at = seller_activity()
    weekly = at.dt.to_period("W").value_counts()
    # ~3850 events over 104 weeks ≈ 37 a week; Poisson alone gives a CV of 1/sqrt(37) = 0.16,
    # the gamma week level (burstiness 0.6) about sqrt(0.6) = 0.77 on top.
    assert weekly.std() / weekly.mean() > 0.4
    first_year = (at < EXPORT_DAY - pd.Timedelta(days=365)).sum()
    # growth 1.8 over two years: second year / first ≈ (1.8 - 1.342) / (1.342 - 1) = 1.34.
    assert len(at) - first_year > first_year


def test_newcomer_is_only_active_for_about_a_year():
    world = world_of("newcomer")
    at = pd.to_datetime(reactions_file(world)["Date"], format="%Y-%m-%d %H:%M:%S")
    # personas.toml: active_days = 390.
    assert at.min() >= EXPORT_DAY - pd.Timedelta(days=390)
    assert len(at) == 25


@given(
    n=st.integers(min_value=0, max_value=400),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
    days=st.integers(min_value=1, max_value=900),
)
def test_event_times_are_exact_sorted_and_in_range(n, seed, days):
    rhythm = PERSONAS["passive_job_seeker"].rhythm
    start = EXPORT_DAY - pd.Timedelta(days=days)
    at = event_times(np.random.default_rng(seed), n, start, EXPORT_DAY, rhythm)
    assert len(at) == n
    assert at.is_monotonic_increasing
    if n:
        assert at.min() >= start and at.max() < EXPORT_DAY
