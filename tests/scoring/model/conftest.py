"""Helpers for the score-model tests: score hand-built exports in one call."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from builders import make_export

from scoring.model import ManualInputs, score_as_of
from scoring.results import MetricScore, Score

#: Every hand-built export is dated 15 Oct 2026; the default 90-day window then
#: covers 18 Jul 2026 … 15 Oct 2026 (15 Oct minus 89 days).
EXPORT_DATE = date(2026, 10, 15)


@pytest.fixture
def score_of() -> Callable[..., Score]:
    """``score_of(as_of=…, window_days=…, manual=…, profile=…, **frames)`` → Score."""

    def build(
        *,
        as_of: date | None = None,
        window_days: int | None = None,
        manual: ManualInputs | None = None,
        profile: dict | None = None,
        **frames,
    ) -> Score:
        data = make_export(export_date=EXPORT_DATE, profile=profile, **frames)
        return score_as_of(data, as_of=as_of, window_days=window_days, manual=manual)

    return build


@pytest.fixture
def metric(score_of) -> Callable[..., MetricScore]:
    """``metric(key, **same as score_of)`` → the one sub-metric ``key`` of that score."""

    def get(key: str, **kwargs) -> MetricScore:
        return score_of(**kwargs).metric(key)

    return get
