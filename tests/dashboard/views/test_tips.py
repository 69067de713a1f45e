"""The Tips & what-if page: ranked tips, the activity sliders, and the decay."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from dashboard_fixtures import metrics, open_page, plotly_charts, sample_data, sample_score

from dashboard import state
from scoring.advice.decay import decay
from scoring.advice.tips import ranked_tips
from scoring.advice.whatif import ACTIVITIES, simulate
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


def _tick(at, *keys: str):
    for key in keys:
        at.checkbox(key=f"plan_{key}").check()
    return at.run()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_ticked_tips_make_a_combined_plan_worth_less_than_their_sum(make_app, lang) -> None:
    at = open_page(make_app(sample="newcomer", lang=lang), "tips")
    assert t("tips.overlap", lang) in [i.value for i in at.info]
    assert t("dashboard.tips.plan_empty", lang) in [c.value for c in at.caption]
    # "3 more comments a week" and "a comment every week" both feed Comments.
    at = _tick(at, "comments", "regularity")
    tips = {tip.key: tip for tip in ranked_tips(sample_data("newcomer"), lang=lang)}
    score = sample_score("newcomer")
    # Done together they are 4 comments a week: the model's answer to exactly that.
    together = round(simulate(sample_data("newcomer"), {"comments": 4}).total - score.total, 2)
    summed = round(tips["comments"].gain + tips["regularity"].gain, 2)
    assert together < summed
    shown = metrics(at)
    assert shown[t("dashboard.tips.plan_metric", lang)] == fmt_number(
        score.total + together, lang, 2
    )
    plan_card = next(m for m in at.metric if m.label == t("dashboard.tips.plan_metric", lang))
    assert plan_card.delta == fmt_signed(together, lang, 2)
    assert shown[t("dashboard.tips.plan_sum", lang)] == fmt_signed(summed, lang, 2)
    texts = [m.value for m in at.markdown]
    assert (
        t(
            "dashboard.tips.plan_overlap",
            lang,
            n=2,
            gain=fmt_signed(together, lang, 2),
            sum=fmt_signed(summed, lang, 2),
            total=fmt_number(score.total + together, lang, 2),
        )
        in texts
    )
    goal = t("advice.plan.per_week", lang, activity=t("advice.activity.comments", lang), n="4")
    assert f"- {goal}" in texts


def test_every_tip_can_be_tried_in_the_what_if(make_app) -> None:
    at = open_page(make_app(sample="newcomer"), "tips")
    keys = {s.key for s in at.slider}
    for tip in ranked_tips(sample_data("newcomer")):
        assert {f"whatif_{a}" for a in tip.changes} <= keys, tip.key
    # Media posts, poll votes, connection requests and accepted requests had no control.
    for activity in ("posts_with_media", "votes", "invitations", "accepted_invitations"):
        assert f"whatif_{activity}" in keys
    assert at.slider(key="whatif_votes").max == ACTIVITIES["votes"].control.most == 10
    at.slider(key="whatif_votes").set_value(2).run()
    at.slider(key="whatif_accepted_invitations").set_value(3).run()
    projected = simulate(sample_data("newcomer"), {"votes": 2, "accepted_invitations": 3})
    assert projected.total > sample_score("newcomer").total
    assert metrics(at)["Projected score"] == fmt_number(projected.total, "en", 2)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_tip_on_an_activity_the_basic_archive_lacks_says_the_export_cannot_tell(
    make_app, lang
) -> None:
    at = open_page(make_app(sample="basic", lang=lang), "tips")
    caveat = t("tips.unseen", lang, files=t("kind.reactions", lang))
    assert f":material/visibility_off: {caveat}" in [c.value for c in at.caption]
    # Sent invitations are in a Basic archive: that tip carries no caveat.
    tips = ranked_tips(sample_data("basic"), lang=lang)
    assert not next(tip for tip in tips if tip.key == "invitations_sent").caveat
    assert next(tip for tip in tips if tip.key == "reactions").caveat == caveat


def _inviter_upload() -> list[tuple[str, bytes]]:
    """Loose files: a search every day for 90 days, 30 requests without a note in August."""
    days = pd.date_range("2026-07-18", "2026-10-15", freq="D")
    searches = "Time,Search Query\n" + "".join(f"{d:%Y/%m/%d} 10:00:00 UTC,cfo\n" for d in days)
    sent = pd.date_range("2026-08-01", "2026-08-30", freq="D")
    invitations = (
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        + "".join(
            f'Me,P {i},"{d.month}/{d.day}/{d:%y}, 2:37 PM",,OUTGOING,'
            f"https://www.linkedin.com/in/me,https://www.linkedin.com/in/p{i}\n"
            for i, d in enumerate(sent)
        )
    )
    return [("SearchQueries.csv", searches.encode()), ("Invitations.csv", invitations.encode())]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_plan_of_two_overlapping_tips_shows_the_hand_computed_gain(make_app, lang) -> None:
    # model.toml: invitations_sent linear, weight 4, target 90; invitations_with_note sqrt,
    # weight 2, target 10; days active already 90 of 90. Now 30 sent → 1.33 points.
    # "5 more requests a week" (64 more) → 94 sent → 4.00: +2.67. "2 with a note a week"
    # (26 more) → 56 sent → 2.49 (+1.16) and 26 ≥ 10 noted → 2.00: +3.16 in all.
    # Both: 120 sent → 4.00 (+2.67) and 26 noted (+2.00) = +4.67, not 2.67 + 3.16 = 5.83.
    at = make_app(lang=lang)
    at.session_state["current_export"] = state.make_export(_inviter_upload())
    at = _tick(open_page(at, "tips"), "invitations_sent", "invitations_with_note")
    plan_card = next(m for m in at.metric if m.label == t("dashboard.tips.plan_metric", lang))
    assert plan_card.delta == fmt_signed(4.67, lang, 2) == {"en": "+4.67", "de": "+4,67"}[lang]
    assert metrics(at)[t("dashboard.tips.plan_sum", lang)] == fmt_signed(5.83, lang, 2)
    goals = {
        "en": [
            "- Connection requests: 5 more a week",
            "- Connection requests with a note: 2 more a week",
        ],
        "de": [
            "- Kontaktanfragen: 5 mehr pro Woche",
            "- Kontaktanfragen mit Nachricht: 2 mehr pro Woche",
        ],
    }[lang]
    # One line per activity, in the order the ticked tips are ranked.
    shown = next(m.value for m in at.markdown if m.value.startswith("- "))
    assert sorted(shown.split("\n")) == sorted(goals)
