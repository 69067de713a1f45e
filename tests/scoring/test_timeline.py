"""Timeline rules without a database: merging sources, last week's change, averages."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.store.settings import load_settings
from scoring.timeline import (
    TIMELINE_COLUMNS,
    Change,
    change_of,
    estimates,
    history_changes,
    import_rank,
    latest_average,
    merge_timeline,
    period_averages,
    stale_members,
    week_changes,
    week_ends,
)

TIMELINE = load_settings().timeline
PILLAR_COLS = ["brand", "people", "insights", "relationships"]


def frame(rows: list[tuple], member: str | None = None, source: str | None = None) -> pd.DataFrame:
    """Rows of (as_of, total) with each pillar a quarter of the total."""
    out = pd.DataFrame(rows, columns=["as_of", "total"])
    for p in PILLAR_COLS:
        out[p] = out["total"] / 4
    if member is not None:
        out.insert(0, "member", member)
    if source is not None:
        out["source"] = source
    return out


def test_timeline_merges_sources_by_date_in_a_fixed_order():
    reconstructed = frame([(date(2026, 10, 4), 40.0), (date(2026, 10, 11), 42.0)])
    snapshots = frame([(date(2026, 10, 15), 44.0)])
    official = pd.DataFrame({"as_of": [date(2026, 10, 11)], "total": [53.0]})

    merged = merge_timeline(reconstructed, snapshots, official)

    assert list(merged.columns) == list(TIMELINE_COLUMNS)
    assert list(zip(merged["as_of"], merged["total"], merged["source"], strict=True)) == [
        (date(2026, 10, 4), 40.0, "reconstructed"),
        (date(2026, 10, 11), 42.0, "reconstructed"),
        (date(2026, 10, 11), 53.0, "official"),
        (date(2026, 10, 15), 44.0, "snapshot"),
    ]
    # The official reading gave no pillars.
    assert merged.loc[2, PILLAR_COLS].isna().all()
    assert merged.loc[3, "brand"] == 11.0  # 44 / 4


def test_timeline_of_nothing_has_the_columns():
    empty = pd.DataFrame(columns=["as_of", "total"])

    merged = merge_timeline(empty, empty, empty)

    assert merged.empty
    assert list(merged.columns) == list(TIMELINE_COLUMNS)


def test_estimates_prefer_the_snapshot_and_drop_official_readings():
    rows = pd.concat(
        [
            frame([(date(2026, 10, 15), 43.0), (date(2026, 10, 11), 42.0)], "A", "reconstructed"),
            frame([(date(2026, 10, 15), 44.0)], "A", "snapshot"),
            frame([(date(2026, 10, 15), 60.0)], "A", "official"),
        ]
    )

    est = estimates(rows)

    assert est["total"].tolist() == [42.0, 44.0]
    assert est["source"].tolist() == ["reconstructed", "snapshot"]


def test_week_change_compares_with_the_value_a_week_earlier():
    est = estimates(
        pd.concat(
            [
                # A: newest Oct 15, a value exactly 7 days earlier: 44.8 - 42.4 = 2.4
                frame([(date(2026, 10, 1), 40.0), (date(2026, 10, 8), 42.4),
                       (date(2026, 10, 15), 44.8)], "A", "snapshot"),
                # B: the only earlier value (Sep 20) is 18 days before Oct 8: too old
                frame([(date(2026, 9, 20), 30.0), (date(2026, 10, 15), 35.0)], "B", "snapshot"),
                # C: Oct 12 is after Oct 8, so Oct 2 (6 days before it) counts: 25 - 20 = 5
                frame([(date(2026, 10, 2), 20.0), (date(2026, 10, 12), 21.0),
                       (date(2026, 10, 15), 25.0)], "C", "snapshot"),
            ]
        )
    )  # fmt: skip

    changes = week_changes(est, TIMELINE).set_index("member")

    assert changes.loc["A", "delta_total"] == 2.4
    assert changes.loc["A", "delta_brand"] == 0.6  # 44.8 / 4 - 42.4 / 4 = 11.2 - 10.6
    assert changes.loc["A", "previous_as_of"] == pd.Timestamp("2026-10-08")
    assert pd.isna(changes.loc["B", "delta_total"])
    assert changes.loc["C", "delta_total"] == 5.0
    assert changes.loc["C", "previous_as_of"] == pd.Timestamp("2026-10-02")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.floats(0, 100, allow_nan=False)),
        min_size=1,
        max_size=12,
        unique_by=lambda r: r[0],
    )
)
def test_week_change_is_against_a_value_7_to_14_days_older(rows):
    start = date(2026, 8, 1)
    est = estimates(frame([(start + timedelta(days=d), v) for d, v in rows], "A", "snapshot"))

    change = week_changes(est, TIMELINE).iloc[0]

    newest_day = max(d for d, _ in rows)
    assert change["as_of"] == pd.Timestamp(start + timedelta(days=newest_day))
    if pd.isna(change["previous_as_of"]):
        assert not any(7 <= newest_day - d <= 14 for d, _ in rows)
    else:
        gap = (change["as_of"] - change["previous_as_of"]).days
        assert 7 <= gap <= 14
        # …and it is the latest such value.
        assert not any(7 <= newest_day - d < gap for d, _ in rows)
        values = dict(rows)
        expected = values[newest_day] - values[newest_day - gap]
        assert np.isclose(change["delta_total"], expected, atol=0.006)


def test_period_average_counts_each_member_once_per_week():
    est = estimates(
        pd.concat(
            [
                # Week Mon Oct 5 – Sun Oct 11: A's last value is 42 (Oct 7), B has 30.
                frame([(date(2026, 10, 5), 40.0), (date(2026, 10, 7), 42.0),
                       (date(2026, 10, 14), 44.0)], "A", "snapshot"),
                frame([(date(2026, 10, 6), 30.0)], "B", "snapshot"),
            ]
        )
    )  # fmt: skip

    averages = period_averages(est, "W")

    assert averages.to_dict("records") == [
        # (42 + 30) / 2 = 36; pillars (10.5 + 7.5) / 2 = 9
        {"as_of": date(2026, 10, 11), "total": 36.0, "brand": 9.0, "people": 9.0,
         "insights": 9.0, "relationships": 9.0, "members": 2},
        {"as_of": date(2026, 10, 18), "total": 44.0, "brand": 11.0, "people": 11.0,
         "insights": 11.0, "relationships": 11.0, "members": 1},
    ]  # fmt: skip


def _change(delta_total: float | None) -> Change:
    delta = None if delta_total is None else {"total": delta_total}
    return Change("A", date(2026, 10, 15), 44.6, None, delta, date(2026, 10, 15), 0, False)


def test_change_text_in_english_and_german():
    assert _change(2.3).text("en") == "+2.3 since last week"
    assert _change(2.3).text("de") == "+2,3 seit letzter Woche"
    assert _change(-1.5).text("en") == "−1.5 since last week"
    assert _change(0.04).text("en") == "no change since last week"
    assert _change(None).text("de") == "kein Wert von vor einer Woche zum Vergleich"


def test_newest_export_older_than_30_days_is_stale():
    est = estimates(frame([(date(2026, 10, 15), 44.0)], "A", "snapshot"))
    exported = date(2026, 10, 15)

    on_day_30 = change_of("A", est, exported, date(2026, 11, 14), TIMELINE)
    on_day_31 = change_of("A", est, exported, date(2026, 11, 15), TIMELINE)
    without_today = change_of("A", est, exported, None, TIMELINE)

    assert (on_day_30.stale, on_day_30.days_since_export) == (False, 30)
    assert on_day_30.stale_text("en") is None
    assert (on_day_31.stale, on_day_31.days_since_export) == (True, 31)
    assert on_day_31.stale_text("en").startswith(
        "The newest export is from 2026-10-15, 31 days ago"
    )
    assert on_day_31.stale_text("de").startswith(
        "Der neueste Export ist vom 15.10.2026, vor 31 Tagen"
    )
    assert not without_today.stale


def test_change_without_estimates_is_empty():
    est = estimates(frame([], "A", "snapshot"))

    change = change_of("A", est, None, date(2026, 10, 15), TIMELINE)

    assert (change.as_of, change.total, change.delta, change.stale) == (None, None, None, False)


def test_history_changes_compare_each_date_with_the_week_before():
    history = frame(
        [
            (date(2026, 9, 24), 40.0),
            (date(2026, 10, 1), 41.5),
            # a gap: nothing stood within 7 days before Oct 22 - 7 = Oct 15
            (date(2026, 10, 22), 45.0),
            (date(2026, 10, 29), 44.25),
        ]
    )

    changes = history_changes(history, TIMELINE)

    assert changes["as_of"].tolist() == [
        date(2026, 9, 24), date(2026, 10, 1), date(2026, 10, 22), date(2026, 10, 29),
    ]  # fmt: skip
    assert changes["previous_as_of"].tolist() == [
        None, date(2026, 9, 24), None, date(2026, 10, 22),
    ]  # fmt: skip
    # 41.5 - 40 = 1.5; 44.25 - 45 = -0.75; pillars a quarter of that
    assert changes["delta_total"].tolist()[1::2] == [1.5, -0.75]
    assert changes["delta_total"].isna().tolist() == [True, False, True, False]
    assert changes.loc[3, "delta_brand"] == -0.19  # 11.0625 - 11.25 = -0.1875


def test_the_timeline_rules_do_not_load_the_store():
    code = (
        "import sys, scoring.timeline; "
        "print(any(m.startswith('scoring.store') for m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_weeks_end_on_sunday_whatever_the_weekday():
    days = pd.Series(
        [date(2026, 10, 13), date(2026, 10, 15), date(2026, 10, 18), date(2026, 10, 19)]
    )

    # Tue 13, Thu 15 and Sun 18 October are one week; Monday the 19th starts the next.
    assert week_ends(days).dt.date.tolist() == [
        date(2026, 10, 18), date(2026, 10, 18), date(2026, 10, 18), date(2026, 10, 25),
    ]  # fmt: skip


def test_a_complete_archive_outranks_a_newer_basic_one():
    ranks = import_rank(
        pd.Series([date(2026, 10, 15), date(2026, 10, 20), date(2026, 10, 22), date(2026, 10, 1)]),
        pd.Series(["complete", "basic", "basic", "complete"]),
    )

    # Complete Oct 15 > Complete Oct 1 > Basic Oct 22 > Basic Oct 20
    assert ranks.rank().tolist() == [4.0, 1.0, 2.0, 3.0]


def test_a_member_is_stale_after_more_than_the_limit():
    exports = {"A": date(2026, 7, 20), "B": date(2026, 7, 19), "C": None}

    # Oct 18 is 90 days after Jul 20 and 91 after Jul 19.
    assert stale_members(exports, date(2026, 10, 18), 90) == ("B",)
    assert stale_members(exports, None, 90) == ()


def test_latest_average_of_nobody_is_empty():
    est = estimates(frame([], "A", "snapshot"))

    average = latest_average(est, {}, date(2026, 10, 18), 90)

    assert (average.total, average.members, average.first, average.stale) == (None, 0, None, ())
