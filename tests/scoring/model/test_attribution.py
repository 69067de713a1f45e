"""Why did the score move: the change between two dates, split by sub-metric, in words.

Hand-built exports are dated 2026-10-15. From 2026-10-08 to 2026-10-15 the 90-day
window moves from [2026-07-11, 2026-10-08] to [2026-07-18, 2026-10-15]: events of
2026-07-11 … 07-17 leave it, events of 2026-10-09 … 10-15 enter it.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import pandas as pd
import pytest
from builders import make_export
from fuzzing import FUZZ
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.errors import InputError
from scoring.ingest import read_export
from scoring.model import ManualInputs, attribution, score_as_of
from scoring.model.attribution import (
    change_payload,
    explain_change,
    like_for_like,
    score_and_change,
)
from scoring.model.metrics import WINDOW_COUNTS
from scoring.results import PILLARS
from scoring.samples import sample_path

EXPORT_DATE = date(2026, 10, 15)
SINCE = date(2026, 10, 8)
FIRST_DAY = date(2025, 10, 1)

DAYS = st.integers(0, (EXPORT_DATE - FIRST_DAY).days + 10).map(
    lambda n: f"{FIRST_DAY + timedelta(days=n)} 12:00:00"
)
FLAGS = st.booleans()
#: Random activity of the kinds whose counts enter and leave the window, plus
#: cumulative ones (connections, articles) and rate-like ones (invitations, messages).
ROWS = {
    "comments": st.fixed_dictionaries({"at": DAYS, "is_group": FLAGS}),
    "shares": st.fixed_dictionaries({"at": DAYS, "has_media": FLAGS, "is_group": FLAGS}),
    "reactions": st.fixed_dictionaries({"at": DAYS}),
    "articles": st.fixed_dictionaries({"at": DAYS}),
    "connections": st.fixed_dictionaries(
        {"at": DAYS, "company": st.sampled_from(["Acme", "Beta"]),
         "url_key": st.sampled_from(["a", "b", "c"])}
    ),
    "invitations": st.fixed_dictionaries(
        {"at": DAYS, "direction": st.sampled_from(["OUTGOING", "INCOMING"]),
         "has_message": FLAGS, "invitee_key": st.sampled_from(["a", "b", "c"])}
    ),
    "messages": st.fixed_dictionaries(
        {"at": DAYS, "conversation_id": st.sampled_from(["c0", "c1"]), "from_owner": FLAGS}
    ),
}  # fmt: skip


@st.composite
def exports(draw):
    frames = {kind: draw(st.lists(rows, max_size=12)) for kind, rows in ROWS.items()}
    return make_export(**{kind: pd.DataFrame(rows) for kind, rows in frames.items() if rows})


def comments_on(*days_and_counts: tuple[str, int]) -> dict[str, list[str]]:
    return {"at": [f"{day} 10:00:00" for day, n in days_and_counts for _ in range(n)]}


def test_comments_that_entered_and_left_the_window():
    # comments before: 3 on 07-12 + 9 on 09-01 = 12 → 12/200 × 5 = 0.30
    # comments after:  9 on 09-01 + 5 on 10-12 = 14 → 14/200 × 5 = 0.35
    # days active {07-12, 09-01} → {09-01, 10-12}: 2 either way → 2/90 × 6 = 0.13;
    # active weeks 2 either way (07-12 is 88 days before 10-08, 09-01 44 before 10-15)
    # → 2/13 × 3 = 0.46; totals 0.89 → 0.94
    data = make_export(
        comments=comments_on(("2026-07-12", 3), ("2026-09-01", 9), ("2026-10-12", 5))
    )
    change = explain_change(data)
    assert (change.since, change.as_of) == (SINCE, EXPORT_DATE)
    assert (change.total_before, change.total_after, change.total) == (0.89, 0.94, 0.05)
    [comments] = change.metrics
    assert (comments.key, comments.points, comments.entered, comments.left) == (
        "comments",
        0.05,
        5,
        3,
    )
    assert (comments.value_before, comments.value_after) == (12.0, 14.0)
    assert comments.reason("en") == "5 new comments in the window, 3 from July left it"
    assert comments.reason("de") == "5 Kommentare neu im Zeitraum, 3 aus Juli herausgefallen"
    assert change.pillars == {"brand": 0.0, "people": 0.0, "insights": 0.05, "relationships": 0.0}


def test_activity_that_only_left_the_window():
    # 8 comments on 07-12, nothing since: comments 8/200 × 5 = 0.20 → 0; one active day
    # 1/90 × 6 = 0.0667 → 0.07 → 0; one active week 1/13 × 3 = 0.2308 → 0.23 → 0
    data = make_export(comments=comments_on(("2026-07-12", 8)))
    change = explain_change(data)
    assert change.total == -0.5
    parts = {m.key: m for m in change.metrics}
    assert {k: m.points for k, m in parts.items()} == {
        "days_active": -0.07, "comments": -0.2, "regularity": -0.23,
    }  # fmt: skip
    assert parts["comments"].reason("en") == "8 comments from July left the 90-day window"
    assert parts["comments"].reason("de") == (
        "8 Kommentare aus Juli sind aus dem 90-Tage-Zeitraum gefallen"
    )
    assert parts["days_active"].reason("en") == "1 active day from July left the 90-day window"
    assert parts["days_active"].reason("de") == (
        "1 aktiver Tag aus Juli ist aus dem 90-Tage-Zeitraum gefallen"
    )
    assert parts["regularity"].reason("en") == "0 active weeks in the window, was 1"
    assert parts["regularity"].reason("de") == "0 aktive Wochen im Zeitraum, vorher 1"


def test_only_new_events_say_more():
    # 4 comments on 10-12: 4/200 × 5 = 0.10; one active day 0.07; one active week 0.23
    data = make_export(comments=comments_on(("2026-10-12", 4)))
    parts = {m.key: m for m in explain_change(data).metrics}
    assert parts["comments"].points == 0.1
    assert parts["comments"].reason("en") == "4 more comments in the window"
    assert parts["comments"].reason("de") == "4 Kommentare mehr im Zeitraum"


def test_a_cumulative_count_says_how_many_more():
    # one article on 10-10: sqrt(1/10) × 3 = 0.9487 → 0.95
    data = make_export(articles={"at": ["2026-10-10 09:00:00"]})
    [article] = explain_change(data).metrics
    assert (article.key, article.points, article.entered) == ("articles", 0.95, None)
    assert article.reason("en") == "1 more article"
    assert article.reason("de") == "1 Artikel mehr"


def test_months_that_left_are_named_with_their_years_across_a_new_year():
    # from 2026-03-20 to 2026-04-15 (26 days) the events of 2025-12-21 … 2026-01-16 leave
    data = make_export(
        export_date=date(2026, 4, 15),
        comments=comments_on(("2025-12-25", 2), ("2026-01-05", 1)),
    )
    change = explain_change(data, date(2026, 3, 20))
    comments = next(m for m in change.metrics if m.key == "comments")
    assert comments.left == 3
    assert comments.months_text("en") == "December 2025–January 2026"
    assert comments.months_text("de") == "Dezember 2025–Januar 2026"


def test_the_same_day_is_no_change_and_a_later_since_is_refused():
    data = make_export(comments=comments_on(("2026-10-12", 4)))
    same = explain_change(data, EXPORT_DATE)
    assert (same.total, same.metrics) == (0.0, ())
    with pytest.raises(InputError) as info:
        explain_change(data, date(2026, 10, 20))
    assert info.value.message("en") == (
        "The earlier date 2026-10-20 is after the later date 2026-10-15. "
        "Choose --since before --as-of."
    )


def test_manual_inputs_count_on_both_sides_so_typing_them_in_is_no_change():
    data = make_export(comments=comments_on(("2026-10-12", 4)))
    manual = ManualInputs(profile_views_90d=150)  # counts from the export date on
    with_manual = explain_change(data, manual=manual)
    without = explain_change(data)
    assert with_manual.total == without.total == 0.4
    assert "profile_views" not in {m.key for m in with_manual.metrics}
    # the full 3.5 points of 150 views on both sides
    assert with_manual.total_before == without.total_before + 3.5
    same = like_for_like(manual, SINCE, EXPORT_DATE, EXPORT_DATE)
    assert with_manual.total_before == score_as_of(data, as_of=SINCE, manual=same).total
    assert with_manual.total_after == score_as_of(data, manual=manual).total


def test_manual_inputs_read_after_the_later_date_count_on_neither_side():
    manual = ManualInputs(profile_views_90d=150, on=date(2026, 10, 15))
    assert like_for_like(manual, date(2026, 9, 1), date(2026, 10, 1), EXPORT_DATE) is None


def test_manual_inputs_read_on_the_export_date_count_on_neither_side_of_an_earlier_week():
    # Without a reading day the numbers were read on the export date (2026-10-15): a
    # week up to 2026-09-15 knows nothing of them, and its later score is the plain one.
    manual = ManualInputs(profile_views_90d=150)
    assert like_for_like(manual, date(2026, 9, 8), date(2026, 9, 15), EXPORT_DATE) is None
    data = make_export(comments=comments_on(("2026-09-12", 4)))
    scored = score_and_change(data, as_of=date(2026, 9, 15), manual=manual)
    plain = score_as_of(data, as_of=date(2026, 9, 15))
    assert scored.change.total_after == scored.score.total == plain.total == 0.4
    assert scored.change.total_before == 0.0
    views = next(m for m in scored.score.metrics() if m.key == "profile_views")
    assert (views.points, views.status) == (0.0, "entered_later")


def test_one_evaluation_gives_the_score_the_week_before_and_the_change(monkeypatch):
    # 4 comments on 2026-10-12 (inside the week up to the export date 2026-10-15) earn 0.4.
    data = make_export(comments=comments_on(("2026-10-12", 4)))
    manual = ManualInputs(profile_views_90d=150)
    calls = []
    real = attribution.evaluate
    monkeypatch.setattr(
        attribution, "evaluate", lambda *a, **k: calls.append(a[1].tolist()) or real(*a, **k)
    )
    scored = score_and_change(data, manual=manual)
    assert len(calls) == 1 and len(calls[0]) == 2  # both days in one evaluation
    assert scored.score == score_as_of(data, manual=manual)
    # 150 views earn all 3.5 points of profile_views on both days (like for like).
    assert (scored.before.total, scored.score.total, scored.change.total) == (3.5, 3.9, 0.4)


def test_payload_has_the_documented_shape():
    data = make_export(comments=comments_on(("2026-10-12", 4)))
    payload = change_payload(explain_change(data), "de")
    assert (payload["since"], payload["total"]) == ("2026-10-08", 0.4)
    assert payload["pillars"] == {"brand": 0.0, "people": 0.07, "insights": 0.33,
                                  "relationships": 0.0}  # fmt: skip
    comments = next(m for m in payload["metrics"] if m["key"] == "comments")
    assert comments == {
        "key": "comments", "pillar": "insights", "points": 0.1, "value_before": 0.0,
        "value_after": 4.0, "reason": "4 Kommentare mehr im Zeitraum", "entered": 4, "left": 0,
    }  # fmt: skip


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(
    data=exports(),
    since=st.integers(0, (EXPORT_DATE - FIRST_DAY).days),
    span=st.integers(0, 200),
    window=st.sampled_from([None, 7, 30, 365]),
)
def test_the_parts_add_up_exactly_and_both_ends_are_the_scores_of_their_days(
    data, since, span, window
):
    before_day = FIRST_DAY + timedelta(days=since)
    after_day = before_day + timedelta(days=span)
    change = explain_change(data, before_day, after_day, window_days=window)
    before = score_as_of(data, as_of=before_day, window_days=window)
    after = score_as_of(data, as_of=after_day, window_days=window)
    assert change.total_before == before.total
    assert change.total_after == after.total
    assert abs(change.total - (after.total - before.total)) < 1e-9
    assert abs(sum(m.points for m in change.metrics) - change.total) < 1e-9
    for pillar in PILLARS:
        parts = sum(m.points for m in change.metrics if m.pillar == pillar)
        assert abs(parts - change.pillars[pillar]) < 1e-9
        assert abs(change.pillars[pillar] - (after.pillars[pillar].score
                                             - before.pillars[pillar].score)) < 1e-9  # fmt: skip
    for m in change.metrics:
        if m.key in WINDOW_COUNTS and m.entered is not None:
            assert m.entered - m.left == (m.value_after or 0) - (m.value_before or 0)


@cache
def _sample(persona: str):
    return read_export([sample_path(persona)])


@FUZZ
@given(
    persona=st.sampled_from(["active_seller", "basic", "newcomer", "passive_job_seeker"]),
    back=st.integers(min_value=-30, max_value=400),
    span=st.integers(min_value=0, max_value=60),
    views=st.sampled_from([None, 0.0, 40.0, 400.0]),
    read=st.sampled_from([None, -200, -10, 0, 10]),
    window=st.sampled_from([None, 7, 30, 365]),
)
def test_the_shared_evaluation_gives_each_day_its_own_score(
    persona, back, span, views, read, window
):
    data = _sample(persona)
    as_of = data.export_date - timedelta(days=back)
    on = None if read is None else data.export_date + timedelta(days=read)
    manual = ManualInputs(profile_views_90d=views, saved_leads_90d=views, on=on)
    since = as_of - timedelta(days=span)
    scored = score_and_change(data, since, as_of, window_days=window, manual=manual)
    assert scored.score == score_as_of(data, as_of=as_of, window_days=window, manual=manual)
    same = like_for_like(manual, since, as_of, data.export_date)
    assert scored.before == score_as_of(data, as_of=since, window_days=window, manual=same)
    assert (scored.change.total_before, scored.change.total_after) == (
        scored.before.total,
        scored.score.total,
    )
