"""score_as_of: dates, windows, manual inputs, and how points add up."""

from __future__ import annotations

import gc
from datetime import date, datetime

import numpy as np
import pytest
from builders import make_export

from scoring.errors import InputError
from scoring.model import ManualInputs, load_config, metrics, score_as_of
from scoring.model.score import aggregate_points
from scoring.results import PILLARS

OLD_EXPORT = make_export(
    export_date=date(2019, 5, 1),
    shares={"at": ["2019-04-01"] * 10},
    comments={"at": ["2019-04-20"] * 4},
    connections={"at": ["2015-01-01"] * 100},
)


def test_as_of_defaults_to_the_export_date_so_an_old_export_keeps_its_score():
    score = score_as_of(OLD_EXPORT)
    assert score.as_of == date(2019, 5, 1)
    # 10 posts in the window: linear 10/80 * 6 = 0.75; 4 comments: 4/200 * 5 = 0.1
    assert score.metric("posts").points == 0.75
    assert score.metric("comments").points == 0.1


def test_a_later_as_of_lets_activity_leave_the_window():
    later = score_as_of(OLD_EXPORT, as_of=date(2019, 9, 1))
    # 2019-04-01 is more than 90 days before 2019-09-01
    assert later.metric("posts").value == 0.0
    # connections count from their date on, whatever the window
    assert later.metric("connections").value == 100.0


def test_as_of_accepts_a_datetime_and_uses_its_day():
    assert score_as_of(OLD_EXPORT, as_of=datetime(2019, 4, 30, 23, 0)).as_of == date(2019, 4, 30)


def test_pillars_are_the_sum_of_their_points_and_the_total_the_sum_of_pillars():
    score = score_as_of(OLD_EXPORT, manual=ManualInputs(profile_views_90d=30))
    for key in PILLARS:
        pillar = score.pillars[key]
        assert pillar.score == round(sum(m.points for m in pillar.metrics), 2)
        assert pillar.max == 25.0
    assert score.total == round(sum(p.score for p in score.pillars.values()), 2)
    # insights: 0.75 + 0.1 + regularity (blocks back from 05-01: 04-25…05-01 none,
    # 04-18…04-24 comments, 03-28…04-03 posts = 2 weeks → 2/13 * 3 = 0.4615 → 0.46) = 1.31
    assert score.pillars["insights"].score == 1.31


def test_manual_inputs_add_points_and_are_recorded():
    without = score_as_of(OLD_EXPORT)
    with_views = score_as_of(OLD_EXPORT, manual=ManualInputs(profile_views_90d=150))
    assert with_views.manual_inputs == {"profile_views_90d": 150.0}
    # the people pillar gains exactly the 3.5 points of profile views; nothing else moves
    assert with_views.pillars["people"].score == round(without.pillars["people"].score + 3.5, 2)
    assert with_views.pillars["brand"] == without.pillars["brand"]


def test_model_version_and_window_are_reported():
    score = score_as_of(OLD_EXPORT, window_days=28)
    assert (score.model_version, score.window_days) == ("2026.1", 28)


@pytest.mark.parametrize("bad", [0, -5, 3651, 2.5, True, "90"])
def test_bad_windows_are_input_errors(bad):
    with pytest.raises(InputError, match="whole number of days from 1 to 3650"):
        score_as_of(OLD_EXPORT, window_days=bad)


def test_a_bad_as_of_is_an_input_error():
    with pytest.raises(InputError, match="as_of must be a date"):
        score_as_of(OLD_EXPORT, as_of="2019-05-01")


def test_negative_manual_inputs_are_rejected():
    with pytest.raises(ValueError):
        ManualInputs(profile_views_90d=-1)


def test_evaluations_of_one_export_share_what_they_derive(monkeypatch):

    calls = []
    real = metrics.find_replies
    monkeypatch.setattr(metrics, "find_replies", lambda data: calls.append(1) or real(data))
    data = make_export(
        export_date=date(2026, 10, 15),
        messages={
            "at": ["2026-10-01 09:00", "2026-10-01 10:00"],
            "from_owner": [False, True],
            "conversation_id": ["c", "c"],
        },
    )
    first = score_as_of(data)
    later = score_as_of(data, as_of=date(2026, 10, 8))
    # one conversation, answered by the owner on 10-01, in both windows
    assert first.metric("replies").value == later.metric("replies").value == 1.0
    assert len(calls) == 1  # the second score reused the first one's replies
    memos = len(metrics._MEMOS)
    del data, first, later
    gc.collect()
    assert len(metrics._MEMOS) < memos  # the memo goes with its export


def test_known_points_given_per_entry_are_kept_and_nan_entries_are_computed() -> None:
    # profile_views: weight 3.5, target 150, sqrt (model.toml). 150 views earn all 3.5;
    # the second entry's 1.0 is known and kept. Every other value is None: 0 points.
    config = load_config()
    values = {key: np.full(2, np.nan) for _, key, _ in config.metric_items()}
    values["profile_views"] = np.array([150.0, 150.0])
    known = {"profile_views": np.array([np.nan, 1.0]), "saved_leads": 0.5}
    scored = aggregate_points(values, window=90, config=config, known_points=known)
    assert scored.points["profile_views"].tolist() == [3.5, 1.0]
    assert scored.points["saved_leads"].tolist() == [0.5, 0.5]
    assert scored.pillars["people"].tolist() == [4.0, 1.5]
    assert scored.total.tolist() == [4.0, 1.5]
