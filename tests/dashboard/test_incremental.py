"""Incremental work (issue 12, item 6): the export is read once; the server's warm-up.

Changing the as-of date, the window or a what-if control re-scores the parsed export
held in memory and never reads the export again; the warm-up at server start
(dashboard/warm.py) leaves a new session's first page nothing to read or score for
its numbers.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta

from dashboard_fixtures import metrics, open_page, sample_data, sample_score

import dashboard.data
from dashboard import state, warm
from scoring.advice.whatif import simulate
from scoring.i18n import fmt_number
from scoring.model import score_as_of


def _count_reads(monkeypatch) -> list[int]:
    """Forget every parsed export and count the reader's calls from now on."""
    dashboard.data._read.clear()
    reads: list[int] = []
    real = dashboard.data.read_export
    monkeypatch.setattr(
        dashboard.data, "read_export", lambda s, **kw: reads.append(1) or real(s, **kw)
    )
    return reads


def _count_scores(monkeypatch) -> list[date]:
    """Forget every cached score and note the days of each evaluation made from now on."""
    dashboard.data._score_on.clear()
    dashboard.data._scored_week.clear()
    days: list[date] = []
    one, week = dashboard.data.score_as_of, dashboard.data.score_and_change
    monkeypatch.setattr(
        dashboard.data, "score_as_of", lambda d, **kw: days.append(kw["as_of"]) or one(d, **kw)
    )
    monkeypatch.setattr(
        dashboard.data,
        "score_and_change",
        lambda d, since, day, **kw: days.extend((since, day)) or week(d, since, day, **kw),
    )
    return days


def test_the_date_the_window_and_the_what_if_never_read_the_export_again(
    make_app, monkeypatch
) -> None:
    reads = _count_reads(monkeypatch)
    at = make_app(sample="newcomer")
    assert len(reads) == 1  # the session's first run reads the sample
    day = date(2026, 9, 1)
    at.sidebar.date_input(key=state.AS_OF_KEY).set_value(day).run()
    at.sidebar.number_input(key=state.WINDOW_KEY).set_value(30).run()
    expected = score_as_of(sample_data("newcomer"), as_of=day, window_days=30)
    assert metrics(at)["Total"] == fmt_number(expected.total, "en", 2)
    at = open_page(at, "tips")
    at.slider(key="whatif_posts").set_value(3).run()
    at.slider(key="whatif_comments").set_value(5).run()
    projected = simulate(
        sample_data("newcomer"), {"posts": 3, "comments": 5}, as_of=day, window_days=30
    )
    assert projected.total > expected.total
    assert metrics(at)["Projected score"] == fmt_number(projected.total, "en", 2)
    assert len(reads) == 1


def test_the_warm_up_leaves_the_first_page_nothing_to_read_or_score(make_app, monkeypatch) -> None:
    reads = _count_reads(monkeypatch)
    days = _count_scores(monkeypatch)
    monkeypatch.setattr("sys.argv", ["dashboard/app.py", "--sample", "newcomer"])
    monkeypatch.setattr(warm, "_thread", None)
    monkeypatch.setattr(warm, "_numbers", threading.Event())
    warm.start()
    warm.wait()
    export_date = sample_data("newcomer").export_date
    # The sample read once, and evaluated as of its export date and a week before (the
    # change) in one evaluation.
    assert len(reads) == 1
    assert sorted(days) == [export_date - timedelta(days=7), export_date]
    at = make_app(sample="newcomer")
    score = sample_score("newcomer")
    assert metrics(at)["Total"] == fmt_number(score.total, "en", 2)
    assert (len(reads), len(days)) == (1, 2)
    warm._thread.join()  # it opens the database after the numbers' part
