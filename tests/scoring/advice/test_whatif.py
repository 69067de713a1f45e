"""What-if: synthetic weekly activity appended to the export and scored by the real model."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest
from builders import make_export
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.advice.whatif import (
    SimulationError,
    simulate,
    simulated_export,
    spread_days,
    with_profile_items,
)
from scoring.model import load_config, score_as_of
from scoring.results import PILLARS

EXPORT_DAY = date(2026, 10, 15)


def _export(**frames):
    base = {
        "positions": {"at": ["2020-01-01"], "finished_on": [None], "company": ["Acme"],
                      "has_description": [True]},
        "comments": {"at": [f"2026-10-{d:02d} 10:00" for d in range(1, 11)]},
        "connections": {"at": ["2024-01-01"] * 3, "company": ["Acme", "Beta", "Gamma"],
                        "url_key": ["k1", "k2", "k3"]},
    }  # fmt: skip
    base.update(frames)
    return make_export(export_date=EXPORT_DAY, profile={"industry": "Banking"}, **base)


def test_occurrences_are_spread_evenly_over_the_days_before_as_of() -> None:
    # k-th of 3 over 90 days: floor((k + 0.5) * 30) = 15, 45, 75 days before 15 Oct.
    moments = spread_days(3, 90, EXPORT_DAY)
    assert [m.date() for m in moments] == [date(2026, 8, 1), date(2026, 8, 31), date(2026, 9, 30)]
    assert all(m.hour == 12 for m in moments)


def test_weekly_rate_becomes_rows_over_the_window() -> None:
    data = _export()
    # 3 a week over 90 days: 3 * 90 / 7 = 38.57 → 39 new comments, all in the window.
    changed = simulated_export(data, {"comments": 3}, days=90)
    comments = changed.frame("comments")
    assert len(comments) == 10 + 39
    start = pd.Timestamp(EXPORT_DAY - timedelta(days=89), tz="UTC")
    assert (comments["at"].iloc[10:] >= start).all()
    assert score_as_of(changed).metric("comments").value == 49  # every comment is in the window
    assert data.frame("comments").shape[0] == 10  # the original is untouched


def test_fewer_weeks_put_the_activity_into_the_last_weeks_only() -> None:
    score = simulate(_export(), {"comments": 3}, weeks=4)
    # 3 a week for 4 weeks = 12 more, within the last 28 days.
    assert score.metric("comments").value == 10 + 12


def test_a_negative_rate_removes_matching_rows() -> None:
    # -0.5 a week over 90 days: round(6.43) = 6 of the 10 comments go.
    assert simulate(_export(), {"comments": -0.5}).metric("comments").value == 4


def test_accepted_invitations_count_as_sent_and_accepted() -> None:
    score = simulate(_export(), {"accepted_invitations": 1})
    # 1 a week: round(12.86) = 13 invitations, each matched by a new connection.
    assert score.metric("invitations_sent").value == 13
    assert score.metric("invitations_accepted").value == 13
    assert score.metric("invitations_with_note").value == 13
    assert score.metric("connections").value == 3 + 13


def test_replies_answer_a_message_within_hours() -> None:
    score = simulate(_export(), {"replies": 2})
    # 2 a week: round(25.71) = 26 conversations, each answered two hours later.
    assert score.metric("replies").value == 26
    assert score.metric("quick_replies").value == 26
    assert score.metric("messages_sent").value == 26


def test_colleagues_join_the_current_company_and_decision_makers_have_a_senior_title() -> None:
    score = simulate(_export(), {"coworker_connections": 1, "decision_maker_connections": 1})
    assert score.metric("coworkers").value == 1 + 13  # k1 at Acme, plus 13 new colleagues
    assert score.metric("decision_makers").value == 13


def test_manual_inputs_are_raised_not_rows() -> None:
    score = simulate(_export(), {"profile_views": 10})
    assert score.metric("profile_views").value == 129  # 10 * 90 / 7 = 128.57
    assert score.manual_inputs == {"profile_views_90d": 129.0}


@pytest.mark.parametrize(
    ("changes", "code"),
    [({"tweets": 1}, "error.simulate.activity"), ({"replies": -1}, "error.simulate.rate"),
     ({"posts": float("nan")}, "error.simulate.rate")],
)  # fmt: skip
def test_bad_changes_are_clear_errors(changes: dict, code: str) -> None:
    with pytest.raises(SimulationError) as caught:
        simulate(_export(), changes)
    assert caught.value.code == code


@settings(max_examples=12)
@given(
    st.dictionaries(
        st.sampled_from(["posts", "comments", "searches", "invitations", "messages",
                         "member_follows", "connections", "votes"]),
        st.floats(0.1, 6),
        min_size=1,
        max_size=3,
    )
)  # fmt: skip
def test_more_activity_never_lowers_the_score(changes: dict) -> None:
    data = _export()
    before, after = score_as_of(data), simulate(data, changes)
    assert after.total >= before.total
    assert all(after.pillars[p].score >= before.pillars[p].score for p in PILLARS)


def test_profile_items_complete_the_profile() -> None:
    config = load_config()
    data = make_export(export_date=EXPORT_DAY, skills={"name": ["A", "B"]})
    assert score_as_of(data).metric("profile_completeness").value == 0.0
    full = with_profile_items(data, config.completeness.items, config=config)
    assert score_as_of(full).metric("profile_completeness").value == 1.0
    assert full.frame("skills").shape[0] == config.completeness.min_skills
    assert data.profile.summary is None  # the original is untouched
