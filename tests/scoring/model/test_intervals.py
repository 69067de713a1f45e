"""The interval counting behind every sub-metric, checked against brute force."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.model.intervals import (
    ALWAYS,
    Intervals,
    distinct,
    distinct_days,
    since,
    trailing,
    weekly_blocks,
)

DAYS = st.lists(st.integers(0, 60), max_size=25)
QUERIES = st.lists(st.integers(-5, 80), min_size=1, max_size=10)
WINDOWS = st.integers(1, 30)


def test_count_at_counts_intervals_holding_each_day():
    intervals = Intervals.of(np.array([0, 5, 5, 9]), np.array([10, 6, 5, 12]))
    # [0,10), [5,6), [5,5) is empty and dropped, [9,12)
    assert intervals.count_at(np.array([-1, 0, 5, 6, 9, 10, 11, 12])).tolist() == [
        0,
        1,
        2,
        1,
        2,
        1,
        1,
        0,
    ]


def test_undated_facts_count_always_but_never_in_a_window():
    days = np.array([ALWAYS, 3])
    assert since(days).count_at(np.array([-(10**6), 2, 3])).tolist() == [1, 1, 2]
    assert trailing(days, 5).count_at(np.array([2, 3, 7, 8])).tolist() == [0, 1, 1, 0]


@given(days=DAYS, queries=QUERIES, window=WINDOWS)
def test_trailing_counts_events_in_the_window(days, queries, window):
    d, q = np.array(days, dtype=np.int64), np.array(queries, dtype=np.int64)
    expected = [sum(b - window + 1 <= x <= b for x in days) for b in queries]
    assert trailing(d, window).count_at(q).tolist() == expected


@given(days=DAYS, queries=QUERIES, window=WINDOWS)
def test_distinct_days_in_the_window(days, queries, window):
    d, q = np.array(days, dtype=np.int64), np.array(queries, dtype=np.int64)
    expected = [len({x for x in days if b - window + 1 <= x <= b}) for b in queries]
    assert distinct_days(d, window).count_at(q).tolist() == expected


@pytest.mark.slow
@given(
    spans=st.lists(
        st.tuples(st.integers(0, 4), st.integers(0, 50), st.integers(0, 20)), max_size=20
    ),
    queries=QUERIES,
)
def test_distinct_counts_each_key_once(spans, queries):
    keys = np.array([k for k, _, _ in spans], dtype=np.int64)
    starts = np.array([s for _, s, _ in spans], dtype=np.int64)
    ends = np.array([s + n for _, s, n in spans], dtype=np.int64)
    expected = [len({k for k, s, n in spans if s <= b < s + n}) for b in queries]
    assert distinct(keys, starts, ends).count_at(np.array(queries)).tolist() == expected


@given(days=DAYS, queries=QUERIES, window=st.integers(1, 40))
def test_weekly_blocks_count_seven_day_blocks_back_from_each_day(days, queries, window):
    d, q = np.array(days, dtype=np.int64), np.array(queries, dtype=np.int64)
    expected = [len({(b - x) // 7 for x in days if b - window + 1 <= x <= b}) for b in queries]
    assert weekly_blocks(d, window, q).tolist() == expected
