"""Kinds only trailing sub-metrics read: cut to one day's window, they score the same."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import numpy as np
from builders import make_export
from fuzzing import FUZZ
from hypothesis import given
from hypothesis import strategies as st

from scoring.ingest import read_export
from scoring.model import load_config
from scoring.model.score import day_number, evaluate, window_kinds, within_window
from scoring.samples import sample_path

SAMPLES = ["active_seller", "basic", "newcomer", "passive_job_seeker"]


def test_the_window_kinds_are_those_no_as_of_the_day_metric_reads():
    # model.toml: follows reads the follows (as of the day), connection and profile
    # metrics read connections, positions … as of the day; the rest only in the window.
    assert window_kinds(load_config()) == {
        "comments",
        "invitations",
        "messages",
        "reactions",
        "reposts",
        "search_queries",
        "shares",
        "votes",
    }


def test_only_the_rows_of_the_window_are_kept():
    # A 30-day window ending 2026-10-15 holds 2026-09-16 … 2026-10-15.
    data = make_export(
        comments={
            "at": [
                "2026-09-15 23:00:00",
                "2026-09-16 00:00:00",
                "2026-10-15 23:59:59",
                "2026-10-16 00:00:00",
                None,
            ]
        },
        connections={"at": ["2020-01-01 00:00:00"], "company": ["Acme"]},
    )
    cut = within_window(data, date(2026, 10, 15), 30, load_config())
    kept = cut.frame("comments")["at"].dt.strftime("%Y-%m-%d %H:%M:%S").tolist()
    assert kept == ["2026-09-16 00:00:00", "2026-10-15 23:59:59"]
    assert len(cut.frame("connections")) == 1  # read as of the day: kept whole
    assert cut.present == data.present


@cache
def _sample(persona: str):
    return read_export([sample_path(persona)])


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.array_equal(a, b, equal_nan=True))


@FUZZ
@given(
    persona=st.sampled_from(SAMPLES),
    back=st.integers(min_value=-40, max_value=2000),
    window=st.sampled_from([1, 7, 30, 90, 365, 3650]),
)
def test_an_export_cut_to_the_window_evaluates_as_the_whole(persona, back, window):
    data = _sample(persona)
    config = load_config()
    day = data.export_date - timedelta(days=back)
    days = np.array([day_number(day)])
    whole = evaluate(data, days, window=window, config=config, manual=None)
    cut = evaluate(
        within_window(data, day, window, config), days, window=window, config=config, manual=None
    )
    for key in whole.values:
        assert _same(cut.values[key], whole.values[key]), key
        assert _same(cut.points[key], whole.points[key]), key
    assert _same(cut.total, whole.total)
