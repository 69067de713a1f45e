"""The Tips & what-if page: ranked tips, the activity sliders, and the decay."""

from __future__ import annotations

import re

from dashboard_fixtures import metrics, open_page, plotly_charts, sample_data, sample_score

from scoring.advice.decay import decay
from scoring.advice.tips import ranked_tips
from scoring.advice.whatif import simulate
from scoring.i18n import fmt_number, fmt_signed, t


def test_tips_are_ranked_by_the_gain_the_model_computes(make_app) -> None:
    at = open_page(make_app(sample="newcomer", lang="de"), "tips")
    expected = ranked_tips(sample_data("newcomer"), sample_score("newcomer"), lang="de")
    shown = [m.value for m in at.markdown if re.match(r"\*\*\d+\. ", m.value)]
    # Five are shown at once, the rest in the expander below them: all of them.
    assert len(shown) == len(expected) > 5
    assert shown == [f"**{i}. {tip.goal}**  \n{tip.text}" for i, tip in enumerate(expected, 1)]
    assert at.expander[0].label == t("dashboard.tips.more", "de", n=len(expected) - 5)
    gains = [tip.gain for tip in expected]
    assert gains == sorted(gains, reverse=True)


def test_sliders_redraw_the_projected_score(make_app) -> None:
    at = open_page(make_app(sample="newcomer"), "tips")
    score = sample_score("newcomer")
    assert metrics(at)["Projected score"] == fmt_number(score.total, "en", 2)
    at.slider(key="whatif_posts").set_value(3).run()
    at.slider(key="whatif_comments").set_value(5).run()

    projected = simulate(sample_data("newcomer"), {"posts": 3, "comments": 5})
    assert projected.total > score.total
    shown = next(m for m in at.metric if m.label == "Projected score")
    assert shown.value == fmt_number(projected.total, "en", 2)
    assert shown.delta == fmt_signed(projected.total - score.total, "en", 2)
    bars = next(c for c in plotly_charts(at) if c["spec"]["data"][0]["type"] == "bar")
    assert bars["spec"]["data"][0]["x"] == [
        projected.pillars[p].score for p in ("brand", "people", "insights", "relationships")
    ]


def test_the_decay_shows_the_score_after_weeks_without_activity(make_app) -> None:
    at = open_page(make_app(sample="active_seller"), "tips")
    at.slider(key="decay_weeks").set_value(8).run()
    projection = decay(sample_data("active_seller"), 8)
    # Week 0 is the export date, then one row per week: 9 rows for 8 weeks.
    assert len(projection) == 9
    text = t(
        "dashboard.tips.decay_result",
        "en",
        weeks=8,
        start=fmt_number(projection["total"].iloc[0], "en", 2),
        end=fmt_number(projection["total"].iloc[-1], "en", 2),
        date=projection["as_of"].iloc[-1].isoformat(),
    )
    assert text in [m.value for m in at.markdown]
    assert projection["total"].iloc[-1] < projection["total"].iloc[0]
