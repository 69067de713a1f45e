"""Combined plans: tips done together, scored by the model; gains overlap."""

from __future__ import annotations

from functools import cache

import pandas as pd
import pytest
from builders import make_export

from scoring.advice.goals import load_tip_goals, tip_activities
from scoring.advice.plan import plan_gain
from scoring.advice.tips import ranked_tips
from scoring.advice.whatif import ACTIVITIES, SimulationError
from scoring.i18n import catalogue
from scoring.ingest import read_export
from scoring.samples import sample_path


@cache
def _sample(persona: str):
    return read_export([sample_path(persona)])


def _inviter():
    """Active every day (a search a day) and 30 requests without a note sent in August."""
    days = pd.date_range("2026-07-18", "2026-10-15", freq="D", tz="UTC")
    sent = pd.date_range("2026-08-01", "2026-08-30", freq="D", tz="UTC")
    return make_export(
        search_queries={"at": days},
        invitations={"at": sent, "direction": ["OUTGOING"] * 30,
                     "invitee_key": [f"p{i}" for i in range(30)]},
    )  # fmt: skip


def test_two_overlapping_tips_together_add_less_than_their_sum() -> None:
    # model.toml: invitations_sent linear, weight 4, target 90; invitations_with_note
    # sqrt, weight 2, target 10. Days active are already at 90 of 90.
    # Now: 30 sent → 4 × 30/90 = 1.33; no note → 0.
    # Tip invitations_sent (5 a week: round(5 × 90/7) = 64 more) → 94 sent → 4.00: +2.67.
    # Tip invitations_with_note (2 a week: 26 more, with a note) → 56 sent → 4 × 56/90
    # = 2.49: +1.16, and 26 ≥ 10 noted → 2.00: +2.00; together +3.16.
    # Both: 120 sent → 4.00 (+2.67) and 26 noted (+2.00) = +4.67 < 2.67 + 3.16 = 5.83.
    plan = plan_gain(_inviter(), ["invitations_sent", "invitations_with_note"])
    assert plan.changes == {"invitations": 5.0, "invitations_with_note": 2.0}
    assert plan.gain == 4.67
    assert plan.sum_of_gains == 5.83
    assert plan.pillar_gains == {"brand": 0.0, "people": 2.67, "insights": 0.0,
                                 "relationships": 2.0}  # fmt: skip
    assert plan.after == round(plan.before + 4.67, 2)
    assert plan_gain(_inviter(), ["invitations_sent"]).gain == 2.67
    assert plan_gain(_inviter(), ["invitations_with_note"]).gain == 3.16


def test_a_plan_of_weekly_changes_and_a_plan_of_tip_objects_agree() -> None:
    data = _inviter()
    by_changes = plan_gain(data, {"invitations": 5, "invitations_with_note": 2})
    assert by_changes.gain == 4.67 and by_changes.sum_of_gains is None and by_changes.tips == ()
    tips = {tip.key: tip for tip in ranked_tips(data)}
    by_tips = plan_gain(data, [tips["invitations_sent"], tips["invitations_with_note"]])
    assert (by_tips.gain, by_tips.sum_of_gains) == (4.67, 5.83)


def test_the_plan_says_its_goals_per_activity_in_both_languages() -> None:
    data = _inviter()
    plan = plan_gain(data, ["invitations_sent", "invitations_with_note", "articles"])
    assert plan.goals == (
        "Connection requests: 5 more a week",
        "Connection requests with a note: 2 more a week",
        "Articles: 1 more a month",
    )
    german = plan_gain(data, ["invitations_sent", "comments", "regularity"], lang="de")
    # comments (3 a week) and regularity (1 comment a week) add up to 4 comments a week.
    assert german.changes == {"invitations": 5.0, "comments": 4.0}
    assert german.goals == ("Kontaktanfragen: 5 mehr pro Woche", "Kommentare: 4 mehr pro Woche")


def test_profile_items_join_a_plan_once() -> None:
    data = make_export(profile={"headline": "Sales"}, skills={"name": ["a"]})
    plan = plan_gain(data, ["profile_photo", "profile_completeness"])
    assert plan.items[:2] == ("profile_photo", "background_photo")
    assert plan.goals[-1].startswith("Add once: a professional profile photo, a background image")


def test_every_tip_can_be_tried_in_the_what_if() -> None:
    for goal in load_tip_goals().tip.values():
        for activity in goal.changes:
            assert ACTIVITIES[activity].control.most >= goal.weekly()[activity]
    for activity in ACTIVITIES:
        entry = catalogue()[f"advice.activity.{activity}"]
        assert entry["en"].strip() and entry["de"].strip()


def test_the_what_if_offers_a_control_for_every_activity_a_tip_asks_for() -> None:
    offered = tip_activities()
    asked = {a for goal in load_tip_goals().tip.values() for a in goal.changes}
    assert set(offered) == asked and len(offered) == len(asked) == 21
    # Those four had no slider before: media posts, poll votes, requests sent and accepted.
    assert {"posts_with_media", "votes", "invitations", "accepted_invitations"} <= asked
    # In the what-if's own order; an activity no tip asks for (company follows) is left out.
    assert list(offered) == [a for a in ACTIVITIES if a in asked]
    assert "company_follows" not in offered
    for activity in offered:
        entry = catalogue()[f"dashboard.activity.{activity}"]
        assert entry["en"].strip() and entry["de"].strip()


def test_a_tip_about_an_activity_the_export_lacks_says_so() -> None:
    basic = {tip.key: tip for tip in ranked_tips(_sample("basic"))}
    assert basic["reactions"].unseen == ("reactions",)
    assert basic["reactions"].caveat == (
        "Your export has no file for Reactions, so it cannot tell whether you already do this."
    )
    assert basic["invitations_accepted"].unseen == () and basic["invitations_accepted"].caveat == ""
    german = {tip.key: tip for tip in ranked_tips(_sample("basic"), lang="de")}
    assert german["media_posts"].caveat == (
        "Ihr Export enthält keine Datei für Beiträge; er kann daher nicht zeigen, "
        "ob Sie das schon tun."
    )
    plan = plan_gain(_sample("basic"), ["reactions", "comments"])
    assert plan.unseen == ("comments", "reactions")
    assert plan.caveat.startswith("Your export has no file for Comments and Reactions")
    assert not any(tip.unseen for tip in ranked_tips(_sample("active_seller")))


def test_an_unknown_tip_is_a_clear_error() -> None:
    with pytest.raises(SimulationError) as caught:
        plan_gain(_inviter(), ["tweets"])
    assert caught.value.code == "error.advice.unknown_tip"
    assert "tweets" in caught.value.message("de")
