"""Chart builders: legends, titles, band lines, axis ticks and the opening range."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from dashboard_fixtures import sample_score

from dashboard.components import charts
from scoring.results import PILLARS


@pytest.mark.parametrize(
    ("top", "integer", "step"),
    [(4.0, True, 1.0), (4.0, False, 1.0), (3.5, False, 1.0), (2.0, False, 0.5),
     (2.0, True, 1.0), (12.0, True, 5.0), (130.0, True, 50.0), (0.6, False, 0.2),
     (0.0, True, 1.0)],
)  # fmt: skip
def test_nice_steps_are_round_and_whole_for_counts(top, integer, step) -> None:
    # 4 / 5 = 0.8 → 1; 2 / 5 = 0.4 → 0.5 (or 1 for a count); 12 / 5 = 2.4 → 2.5, a count 5.
    assert charts.nice_step(top, integer=integer) == step


def _weeks(n: int, values: list[float], points: list[float]) -> pd.DataFrame:
    days = pd.date_range(end="2026-10-11", periods=n, freq="W").date
    return pd.DataFrame({"as_of": days, "value.posts": values, "points.posts": points})


def test_a_count_gets_whole_ticks_and_the_chart_opens_on_the_last_year() -> None:
    weeks = 14 * 52  # 14 years of weekly values, as an old export gives
    history = _weeks(
        weeks, [float(i % 5) for i in range(weeks)], [i % 5 * 0.75 for i in range(weeks)]
    )
    fig = charts.metric_activity(history, "posts", "brand", "de", unit="count")
    # Counts 0 … 4: ticks every 1 (never 1,33 / 2,67); points 0 … 3 in steps of 1.
    assert (fig.layout.yaxis.tick0, fig.layout.yaxis.dtick) == (0, 1.0)
    assert fig.layout.yaxis.range == (0, 4.2)
    assert fig.layout.yaxis2.dtick == 1.0
    first, last = fig.layout.xaxis.range
    assert (pd.Timestamp(last) - pd.Timestamp(first)).days == 365
    assert pd.Timestamp(last).date() == date(2026, 10, 11)
    # The value is a shaded area, as the caption says, not bars.
    assert fig.data[0].type == "scatter" and fig.data[0].fill == "tozeroy"


def test_a_share_is_in_per_cent() -> None:
    history = _weeks(10, [0.5] * 10, [1.0] * 10)
    fig = charts.metric_activity(history, "posts", "brand", "en", unit="share")
    assert fig.layout.yaxis.tickformat == ".0%"
    assert fig.layout.xaxis.range[0] == pd.Timestamp(history["as_of"].iloc[0])


def test_four_coloured_bars_have_no_single_colour_legend_entry() -> None:
    score = sample_score("newcomer")
    fig = charts.pillar_bars(score, "en", dict.fromkeys(PILLARS, 10.0), "Average of all industries")
    bars, markers = fig.data
    assert bars.showlegend is False and len(set(bars.marker.color)) == 4
    assert markers.name == "Average of all industries"


@pytest.mark.parametrize(
    ("lang", "total_title", "pillar_title", "leader", "laggard"),
    [
        ("en", "Total score (0–100)", "The four pillars (0–25 each)", "Leader (above 70)",
         "Laggard (below 30)"),
        ("de", "Gesamtscore (0–100)", "Die vier Säulen (je 0–25)", "Vorreiter (über 70)",
         "Nachzügler (unter 30)"),
    ],
)  # fmt: skip
def test_history_charts_have_titles_and_the_30_70_band_lines(
    lang, total_title, pillar_title, leader, laggard
) -> None:
    history = pd.DataFrame(
        {"as_of": [date(2026, 10, 4), date(2026, 10, 11)], "total": [40.0, 42.0],
         **{p: [10.0, 10.5] for p in PILLARS}}
    )  # fmt: skip
    total = charts.score_lines(history, lang, columns=("total",))
    assert total.layout.title.text == total_title
    assert sorted(shape.y0 for shape in total.layout.shapes) == [30, 70]
    assert {a.text for a in total.layout.annotations} == {leader, laggard}
    pillars = charts.score_lines(history, lang, columns=PILLARS)
    assert pillars.layout.title.text == pillar_title
    assert not pillars.layout.shapes  # bands are of the total, not of a pillar out of 25
