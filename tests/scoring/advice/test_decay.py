"""Decay: the score week by week if all activity stops."""

from __future__ import annotations

from datetime import date, timedelta

from builders import make_export

from scoring.advice.decay import decay
from scoring.model import score_as_of
from scoring.results import PILLARS

EXPORT_DAY = date(2026, 10, 15)


def _export():
    """The what-if tests' export: a current position, ten comments, three connections."""
    return make_export(
        export_date=EXPORT_DAY,
        profile={"industry": "Banking"},
        positions={"at": ["2020-01-01"], "finished_on": [None], "company": ["Acme"],
                   "has_description": [True]},
        comments={"at": [f"2026-10-{d:02d} 10:00" for d in range(1, 11)]},
        connections={"at": ["2024-01-01"] * 3, "company": ["Acme", "Beta", "Gamma"],
                     "url_key": ["k1", "k2", "k3"]},
    )  # fmt: skip


def test_decay_drops_window_activity_week_by_week() -> None:
    data = _export()
    projection = decay(data, 16)
    assert list(projection.columns) == ["week", "as_of", "total", *PILLARS]
    assert projection["week"].tolist() == list(range(17))
    assert projection["as_of"].iloc[0] == EXPORT_DAY
    assert projection["as_of"].iloc[-1] == EXPORT_DAY + timedelta(weeks=16)
    assert projection["total"].iloc[0] == score_as_of(data).total
    assert projection["total"].is_monotonic_decreasing
    # 16 weeks later every comment (1-10 Oct) has left the 90-day window.
    late = score_as_of(data, as_of=EXPORT_DAY + timedelta(weeks=16))
    assert late.metric("comments").value == 0
    assert projection["total"].iloc[-1] == late.total
