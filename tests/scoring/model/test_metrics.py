"""Every sub-metric against a value and points computed by hand.

Exports are dated 2026-10-15; the 90-day window covers 2026-07-18 … 2026-10-15.
Targets and weights are those of model 2026.1 (scoring/model/model.toml); curves:
linear f(x)=min(x,1), sqrt f(x)=min(√x,1), log f(x)=min(log10(1+9x),1).
"""

from __future__ import annotations

from datetime import date

import pytest

from scoring.model import ManualInputs

IN = "2026-09-01"  # a day inside the window
BEFORE = "2026-07-17"  # the day before the window starts
FUTURE = "2026-11-01"  # after the export date


def rows(n: int, day: str = IN, **columns) -> dict:
    return {"at": [day] * n, **{k: [v] * n for k, v in columns.items()}}


# ---------------------------------------------------------------- brand


PROFILE = {"headline": "Sales lead", "summary": "About me", "industry": None, "location": "Berlin"}
POSITIONS = {
    "at": ["2024-01-01", "2020-01-01"],
    "finished_on": [None, "2023-12-01"],
    "company": ["Now GmbH", "Then AG"],
    "has_description": [True, False],
}
COMPLETENESS_FRAMES = {
    "positions": POSITIONS,
    "skills": {"name": ["Sales", "CRM", "sales ", "Negotiation", "SaaS"]},  # 4 distinct
    "courses": {"name": ["Sales 101"]},
    "rich_media": {"at": [FUTURE], "media_type": ["profile_photo"]},
}


def test_profile_completeness_counts_items_present_on_the_day(metric):
    m = metric("profile_completeness", profile=PROFILE, **COMPLETENESS_FRAMES)
    # headline ✓ summary ✓ industry ✗ location ✓ current position with description ✓
    # earlier position (ended 2023-12-01) ✓ education ✗ skills: 4 distinct < 5 ✗
    # accomplishments (a course) ✓ profile photo uploaded after the date ✗ background ✗
    # = 6/11 = 0.545454…; points 9 * 6/11 = 4.909 → 4.91
    assert m.value == pytest.approx(0.5455, abs=1e-4)
    assert m.points == 4.91
    assert m.unit == "share"


def test_profile_completeness_as_of_an_earlier_date(metric):
    m = metric(
        "profile_completeness", as_of=date(2023, 6, 1), profile=PROFILE, **COMPLETENESS_FRAMES
    )
    # On 2023-06-01 the current position is the old one (no description) and no
    # position has ended yet: headline, summary, location, course = 4/11 = 0.3636…
    # points 9 * 4/11 = 3.2727 → 3.27
    assert m.value == pytest.approx(0.3636, abs=1e-4)
    assert m.points == 3.27


def test_profile_completeness_full_profile_earns_the_weight(metric):
    m = metric(
        "profile_completeness",
        profile={**PROFILE, "industry": "IT"},
        positions=POSITIONS,
        education={"at": ["2010-10-01"], "school": ["TU"]},
        skills={"name": ["A", "B", "C", "D", "E"]},
        honors={"at": ["2019-05-01"], "title": ["Prize"]},
        rich_media={
            "at": ["2025-01-01", None],
            "media_type": ["profile_photo", "background_photo"],
        },
    )
    # all 11 items (the undated background photo counts as the export holds it): 9 points
    assert (m.value, m.points) == (1.0, 9.0)


def test_endorsements_are_deduplicated_and_filtered_by_status(metric):
    m = metric(
        "endorsements",
        endorsements_received={
            "at": [
                "2026-01-01 09:00",
                "2026-01-01 15:00",
                "2026-02-01",
                "2026-03-01",
                "2026-03-01",
                FUTURE,
            ],
            "skill": ["Sales", "sales", "Sales", "CRM", "CRM", "CRM"],
            "endorser_key": ["e1", "e1", "e1", "e2", "e3", "e4"],
            "status": ["ACCEPTED", "ACCEPTED", "accepted", "REJECTED", None, "ACCEPTED"],
        },
    )
    # e1/Sales twice on 2026-01-01 → once; e1/Sales on 2026-02-01 counts; e2 rejected;
    # e3 without status counts; e4 after the date → 3. sqrt(3/100) * 5 = 0.866 → 0.87
    assert (m.value, m.points) == (3.0, 0.87)


def test_recommendations_count_visible_ones_up_to_the_date(metric):
    m = metric(
        "recommendations",
        recommendations_received={
            "at": ["2025-01-01", "2025-06-01", "2025-07-01", FUTURE],
            "status": ["VISIBLE", None, "HIDDEN", "VISIBLE"],
        },
    )
    # visible + no status = 2; sqrt(2/10) * 4 = 1.789 → 1.79
    assert (m.value, m.points) == (2.0, 1.79)


def test_articles_count_all_published_up_to_the_date(metric):
    m = metric("articles", articles={"at": ["2025-03-01", "2026-10-15", "2026-10-16"]})
    # the one of 2026-10-16 is after the date → 2; sqrt(2/10) * 3 = 1.342 → 1.34
    assert (m.value, m.points) == (2.0, 1.34)


def test_media_posts_count_posts_with_media_in_the_window(metric):
    m = metric(
        "media_posts",
        shares={
            "at": ["2026-07-18", BEFORE, "2026-10-15 23:59", IN],
            "has_media": [True, True, True, False],
        },
    )
    # first and last day of the window count, the day before does not, no media ✗ → 2
    # sqrt(2/26) * 4 = 0.27735 * 4 = 1.109 → 1.11
    assert (m.value, m.points) == (2.0, 1.11)


# ---------------------------------------------------------------- people


def test_people_searches_in_the_window(metric):
    m = metric("people_searches", search_queries={"at": [IN, IN, "2026-07-18", BEFORE]})
    # 3 in the window; linear 3/200 * 6 = 0.09
    assert (m.value, m.points) == (3.0, 0.09)


def test_follows_count_members_and_companies_not_unfollowed(metric):
    m = metric(
        "follows",
        member_follows={
            "at": ["2025-01-01", "2025-02-01", FUTURE, None],
            "status": ["Active", "Unfollow", "Active", "Active"],
        },
        company_follows={"at": ["2024-01-01"], "organization": ["ACME"]},
    )
    # members: active 2025 + undated = 2 (unfollowed ✗, future ✗); companies: 1 → 3
    # sqrt(3/200) * 3 = 0.12247 * 3 = 0.367 → 0.37
    assert (m.value, m.points) == (3.0, 0.37)


def test_invitations_sent_count_outgoing_in_the_window(metric):
    m = metric(
        "invitations_sent",
        invitations={
            "at": [IN, IN, IN, BEFORE],
            "direction": ["OUTGOING", "OUTGOING", "INCOMING", "OUTGOING"],
        },
    )
    # 2 outgoing in the window; linear 2/90 * 4 = 0.0889 → 0.09
    assert (m.value, m.points) == (2.0, 0.09)


def test_days_active_counts_distinct_days_of_own_activity(metric):
    m = metric(
        "days_active",
        shares={"at": ["2026-10-01 09:00"]},
        comments={"at": ["2026-10-01 18:00"]},
        reactions={"at": ["2026-10-02"]},
        messages={
            "at": ["2026-10-03", "2026-10-04"],
            "from_owner": [True, False],
            "conversation_id": ["c", "c"],
        },
        invitations={"at": ["2026-10-05", "2026-10-06"], "direction": ["INCOMING", "OUTGOING"]},
        search_queries={"at": [BEFORE]},
    )
    # 10-01 (post + comment), 10-02, 10-03 (own message), 10-06 (sent invitation);
    # a received message or invitation is not the owner's activity; 07-17 is outside → 4
    # linear 4/90 * 6 = 0.2667 → 0.27
    assert (m.value, m.points) == (4.0, 0.27)
    assert m.unit == "days"


def test_manual_profile_views_and_saved_leads(metric):
    views = metric("profile_views", manual=ManualInputs(profile_views_90d=15))
    # sqrt(15/150) * 3.5 = 0.31623 * 3.5 = 1.1068 → 1.11
    assert (views.value, views.points, views.missing_input) == (15.0, 1.11, False)
    leads = metric("saved_leads", manual=ManualInputs(saved_leads_90d=2))
    # sqrt(2/50) * 2.5 = 0.2 * 2.5 = 0.5
    assert (leads.value, leads.points) == (2.0, 0.5)


def test_manual_inputs_absent_are_missing_and_earn_nothing(metric):
    m = metric("profile_views")
    assert (m.value, m.points, m.missing_input) == (None, 0.0, True)


def test_manual_inputs_count_only_from_the_day_they_were_read(metric):
    manual = ManualInputs(profile_views_90d=150)
    assert metric("profile_views", manual=manual).points == 3.5  # sqrt(1) * 3.5
    earlier = metric("profile_views", manual=manual, as_of=date(2026, 10, 14))
    assert (earlier.value, earlier.points, earlier.missing_input) == (None, 0.0, True)


# ---------------------------------------------------------------- insights


def test_posts_count_shares_and_reposts_in_the_window(metric):
    m = metric(
        "posts",
        shares={"at": [IN, IN, IN, BEFORE], "is_reshare": [False, True, False, False]},
        reposts={"at": [IN, BEFORE]},
    )
    # 3 shares (one a reshare) + 1 repost in the window = 4; linear 4/80 * 6 = 0.3
    assert (m.value, m.points) == (4.0, 0.3)


def test_comments_in_the_window(metric):
    m = metric("comments", comments={"at": [IN] * 6 + [BEFORE, FUTURE]})
    # 6; linear 6/200 * 5 = 0.15
    assert (m.value, m.points) == (6.0, 0.15)


def test_reactions_in_the_window(metric):
    m = metric("reactions", reactions=rows(40, type="LIKE"))
    # 40; linear 40/800 * 3 = 0.15
    assert (m.value, m.points) == (40.0, 0.15)


def test_poll_votes_in_the_window(metric):
    m = metric("poll_votes", votes={"at": [IN, IN, "2026-10-15", BEFORE]})
    # 3; linear 3/12 * 1 = 0.25
    assert (m.value, m.points) == (3.0, 0.25)


def test_group_activity_counts_group_posts_comments_and_reactions(metric):
    m = metric(
        "group_activity",
        shares={"at": [IN, IN], "is_group": [True, False]},
        comments={"at": [IN, IN, BEFORE], "is_group": [True, True, True]},
        reactions={"at": [IN], "is_group": [True]},
    )
    # 1 + 2 + 1 in the window = 4; linear 4/40 * 2 = 0.2
    assert (m.value, m.points) == (4.0, 0.2)


def test_regularity_counts_seven_day_blocks_back_from_the_date(metric):
    m = metric(
        "regularity",
        reactions={"at": ["2026-10-15", BEFORE]},
        comments={"at": ["2026-10-09"]},
        shares={"at": ["2026-10-08"]},
        votes={"at": ["2026-07-18"]},
        messages={"at": ["2026-09-20"], "from_owner": [True], "conversation_id": ["c"]},
    )
    # blocks: 10-09…10-15 (reaction, comment) · 10-02…10-08 (share) · … · the 13th,
    # shorter block 07-18…07-23 (vote); 07-17 is outside, messages are no insight → 3
    # linear 3/13 * 3 = 0.6923 → 0.69
    assert (m.value, m.points) == (3.0, 0.69)
    assert m.unit == "weeks"


def test_messages_sent_excludes_drafts_sponsored_and_received(metric):
    m = metric(
        "messages_sent",
        messages={
            "at": [IN, IN, IN, IN, IN, IN, BEFORE],
            "conversation_id": ["c"] * 7,
            "from_owner": [True, True, True, True, True, False, True],
            "is_draft": [False, False, False, True, False, False, False],
            "sponsored": [False, False, False, False, True, False, False],
        },
    )
    # 3 sent; linear 3/500 * 5 = 0.03
    assert (m.value, m.points) == (3.0, 0.03)


# ---------------------------------------------------------------- relationships


def test_connections_saturate_on_the_log_curve(metric):
    m = metric("connections", connections={"at": ["2020-01-01"] * 45 + [None] * 5 + [FUTURE] * 3})
    # 45 dated + 5 undated = 50 (3 after the date ✗)
    # log10(1 + 9 * 50/500) = log10(1.9) = 0.27875; * 6 = 1.6725 → 1.67
    assert (m.value, m.points) == (50.0, 1.67)


def test_decision_makers_match_senior_titles_in_english_and_german(metric):
    titles = [
        "VP Sales",
        "Head of Marketing",
        "Vertriebsleiterin",
        "Geschäftsführer",
        "Product Owner",
        "Headhunter",
        "Leitung Einkauf",
        "Owner",
        "Software Engineer",
        None,
        "Mitinhaber",
        "Co-Founder & CTO",
    ]
    m = metric("decision_makers", connections={"at": ["2020-01-01"] * 12, "position": titles})
    # ✓ VP, Head, -leiterin, Geschäftsführer, Leitung, Owner, Mit-inhaber, Founder/CTO = 8
    # ✗ Product Owner, Headhunter, Engineer, empty
    # sqrt(8/300) * 4 = 0.16330 * 4 = 0.653 → 0.65
    assert (m.value, m.points) == (8.0, 0.65)


COWORKER_FRAMES = {
    "positions": {
        "at": ["2022-03-01", "2018-01-01"],
        "finished_on": [None, "2022-02-01"],
        "company": ["Isarwerk Digital AG", "Old Corp"],
    },
    "connections": {
        "at": [
            "2020-01-01",
            "2020-01-01",
            "2023-01-01",
            "2020-06-01",
            "2019-01-01",
            "2019-01-01",
            FUTURE,
        ],
        "company": [
            "isarwerk digital ag",
            "Isarwerk  Digital AG",
            "ISARWERK DIGITAL AG",
            "Isarwerk Digital AG ",
            "Old Corp",
            "old corp",
            "Isarwerk Digital AG",
        ],
    },
}


def test_coworkers_work_at_the_current_company(metric):
    m = metric("coworkers", **COWORKER_FRAMES)
    # 4 connections at Isarwerk (any case/spacing), the future one ✗, Old Corp is past
    # linear 4/50 * 2 = 0.16
    assert (m.value, m.points) == (4.0, 0.16)


def test_coworkers_follow_the_current_position_back_in_time(metric):
    m = metric("coworkers", as_of=date(2021, 6, 1), **COWORKER_FRAMES)
    # on 2021-06-01 the owner works at Old Corp: the two Old Corp connections (2019)
    # linear 2/50 * 2 = 0.08
    assert (m.value, m.points) == (2.0, 0.08)


def test_network_breadth_counts_distinct_companies(metric):
    m = metric(
        "network_breadth",
        connections={
            "at": ["2020-01-01"] * 8 + [FUTURE],
            "company": ["A", "a", " A ", "B", None, "", "C GmbH", "c  gmbh", "D"],
        },
    )
    # A, B, C GmbH (D is connected after the date, empty ones ✗) = 3
    # linear 3/200 * 3 = 0.045 → 0.04 or 0.05 by float rounding: check the value only,
    # and one more company below for exact points.
    assert m.value == 3.0
    m4 = metric(
        "network_breadth", connections={"at": ["2020-01-01"] * 4, "company": ["A", "B", "C", "D"]}
    )
    # 4/200 * 3 = 0.06
    assert (m4.value, m4.points) == (4.0, 0.06)


INVITATIONS = {
    "invitations": {
        "at": ["2026-08-01", "2026-08-02", "2026-08-03", "2026-08-04", "2026-06-01", IN],
        "direction": ["OUTGOING"] * 5 + ["INCOMING"],
        "has_message": [True, False, True, False, True, True],
        "invitee_key": ["k1", "k2", "k3", "k4", "k5", "me"],
    },
    "connections": {
        "at": ["2026-09-01", FUTURE, None, "2026-06-10"],
        "url_key": ["k1", "k3", "k4", "k5"],
    },
}


def test_invitations_accepted_match_invitees_among_connections(metric):
    m = metric("invitations_accepted", **INVITATIONS)
    # sent in the window: k1 (connected 09-01 ✓), k2 (not connected), k3 (connected after
    # the date ✗), k4 (undated connection ✓); k5 was sent before the window → 2
    # sqrt(2/40) * 3 = 0.22361 * 3 = 0.6708 → 0.67
    assert (m.value, m.points) == (2.0, 0.67)


def test_invitations_accepted_without_any_sent_is_none(metric):
    m = metric(
        "invitations_accepted",
        invitations={"at": [IN], "direction": ["INCOMING"]},
        connections={"at": [IN]},
    )
    assert (m.value, m.points, m.missing_input) == (None, 0.0, False)


def test_invitations_with_note(metric):
    m = metric("invitations_with_note", **INVITATIONS)
    # sent in the window with a note: k1, k3 = 2; sqrt(2/10) * 2 = 0.894 → 0.89
    assert (m.value, m.points) == (2.0, 0.89)


def _conversation(cid: str, *messages: tuple[str, bool]) -> dict:
    return {
        "at": [at for at, _ in messages],
        "conversation_id": [cid] * len(messages),
        "from_owner": [own for _, own in messages],
    }


def _merge(*parts: dict) -> dict:
    return {k: [v for p in parts for v in p[k]] for k in parts[0]}


MESSAGES = _merge(
    _conversation("c1", ("2026-10-01 10:00", False), ("2026-10-01 11:00", True)),  # 1 h
    _conversation("c2", ("2026-09-01 10:00", False), ("2026-09-03 10:00", True)),  # 48 h
    _conversation("c3", ("2026-09-05 10:00", True), ("2026-09-06 10:00", False)),  # unanswered
    _conversation(
        "c4",
        ("2026-10-10 10:00", False),
    ),  # unanswered
    _conversation("c5", ("2026-07-10 10:00", False), ("2026-07-20 10:00", True)),  # asked before
    _conversation("c6", ("2026-10-12 12:00", False), ("2026-10-12 12:00", True)),  # same second
)


def test_replies_count_conversations_answered_in_the_window(metric):
    m = metric("replies", messages=MESSAGES)
    # c1 and c2 answered; c3/c4 not; c5's question is before the window; c6's "answer"
    # is sent the same second, not after → 2. sqrt(2/60) * 2 = 0.36515 → 0.37
    assert (m.value, m.points) == (2.0, 0.37)


def test_quick_replies_within_24_hours(metric):
    m = metric("quick_replies", messages=MESSAGES)
    # only c1 (1 hour) → 1; sqrt(1/25) * 1 = 0.2
    assert (m.value, m.points) == (1.0, 0.2)


def test_replies_without_anyone_writing_are_none(metric):
    m = metric("replies", messages=_conversation("c", (IN, True)))
    assert (m.value, m.points, m.missing_input) == (None, 0.0, False)


def test_connection_growth_in_the_window(metric):
    m = metric("connection_growth", connections={"at": [IN, IN, "2026-07-18", BEFORE, None]})
    # 3 in the window (the undated one cannot be placed); sqrt(3/60) * 2 = 0.4472 → 0.45
    assert (m.value, m.points) == (3.0, 0.45)


# ---------------------------------------------------------------- windows and sources


def test_a_shorter_window_scales_the_targets_of_window_counts(metric):
    m = metric("posts", window_days=30, shares={"at": ["2026-09-16", "2026-10-15", "2026-09-15"]})
    # window of 30 days: 09-16 … 10-15 → 2 posts; target 80 * 30/90 = 26.667
    # linear 2/26.667 * 6 = 0.45
    assert (m.value, m.target, m.points) == (2.0, 26.6667, 0.45)


def test_a_window_does_not_scale_targets_of_standing_facts(metric):
    m = metric("connections", window_days=30, connections={"at": ["2020-01-01"] * 500})
    assert (m.target, m.points) == (500.0, 6.0)


def test_a_missing_source_file_is_a_missing_input(metric):
    m = metric("comments", shares={"at": [IN]})
    assert (m.value, m.points, m.missing_input, m.sources) == (None, 0.0, True, ("comments",))


def test_an_empty_source_file_is_zero_not_missing(metric):
    m = metric("comments", comments={"at": []})
    assert (m.value, m.points, m.missing_input) == (0.0, 0.0, False)
