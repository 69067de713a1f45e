"""Several members in one database: cohort, leaderboard, team average."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from scoring.store import COHORT_COLUMNS

OCT15 = date(2026, 10, 15)
OCT8 = date(2026, 10, 8)


@pytest.fixture
def team_store(store, make_data, make_score, make_history):
    """A: 60.5 (58.0 a week before), B: 45.0 (Staffing), C: 60.5 with no earlier value."""
    people = {
        "Anna Example": ((20.0, 10.0, 10.5, 20.0), {OCT8: 58.0}, "IT"),
        "Bert Other": ((15.0, 10.0, 5.0, 15.0), {}, "Staffing"),
        "Cora Third": ((20.0, 10.5, 10.0, 20.0), {}, "IT"),
    }
    for name, (pillars, history, industry) in people.items():
        store.import_export(
            make_data(name, OCT15, name, industry=industry),
            score=make_score(OCT15, pillars),
            history=make_history(history),
        )
    return store


def test_cohort_is_each_members_newest_snapshot(team_store, make_data, make_score, make_history):
    team_store.import_export(
        make_data("Bert Other", date(2026, 9, 1), "bert-old", industry="Staffing"),
        score=make_score(date(2026, 9, 1), (1, 1, 1, 1)),
        history=make_history({}),
    )

    cohort = team_store.cohort()

    assert list(cohort.columns) == list(COHORT_COLUMNS)
    assert cohort.to_dict("records") == [
        {"member": "Anna Example", "industry": "IT", "total": 60.5, "brand": 20.0,
         "people": 10.0, "insights": 10.5, "relationships": 20.0},
        {"member": "Bert Other", "industry": "Staffing", "total": 45.0, "brand": 15.0,
         "people": 10.0, "insights": 5.0, "relationships": 15.0},
        {"member": "Cora Third", "industry": "IT", "total": 60.5, "brand": 20.0,
         "people": 10.5, "insights": 10.0, "relationships": 20.0},
    ]  # fmt: skip
    assert team_store.cohort(exclude="anna example")["member"].tolist() == [
        "Bert Other",
        "Cora Third",
    ]


def test_leaderboard_ranks_with_ties_and_change(team_store):
    board = team_store.team()

    assert board[["rank", "member", "total"]].to_dict("records") == [
        {"rank": 1, "member": "Anna Example", "total": 60.5},
        {"rank": 1, "member": "Cora Third", "total": 60.5},
        {"rank": 3, "member": "Bert Other", "total": 45.0},
    ]
    # Anna: 60.5 - 58.0 a week earlier; the others have no value from then.
    assert board.loc[0, "change"] == 2.5
    assert board.loc[1:, "change"].isna().all()
    assert board.loc[0, "as_of"] == OCT15
    assert board["industry"].tolist() == ["IT", "IT", "Staffing"]


def test_team_average_over_weeks(team_store):
    average = team_store.team_average("W")

    # Week ending Oct 11: only Anna's Oct 8 value (58). Week ending Oct 18: (60.5 + 45 + 60.5) / 3
    # = 55.33; brand (20 + 15 + 20) / 3 = 18.33.
    assert average[["as_of", "total", "brand", "members"]].to_dict("records") == [
        {"as_of": date(2026, 10, 11), "total": 58.0, "brand": 14.5, "members": 1},
        {"as_of": date(2026, 10, 18), "total": 55.33, "brand": 18.33, "members": 3},
    ]


def test_empty_database_has_an_empty_team(store):
    assert store.team().empty
    assert list(store.team().columns) == [
        "rank", "member", "industry", "as_of", "total", "brand", "people", "insights",
        "relationships", "change",
    ]  # fmt: skip
    assert store.team_average().empty
    assert store.cohort().empty
    assert list(store.cohort().columns) == list(COHORT_COLUMNS)


@pytest.fixture
def uneven_team(store, make_data, make_score, make_history):
    """Three members whose exports end on different days; Bert's is from June."""
    people = {
        "Anna Example": (OCT15, (20.0, 15.0, 18.85, 20.0)),  # 73.85
        "Bert Other": (date(2026, 6, 1), (12.0, 10.0, 10.78, 10.0)),  # 42.78
        "Cora Third": (date(2026, 10, 1), (10.0, 10.0, 11.57, 10.0)),  # 41.57
    }
    for name, (exported, pillars) in people.items():
        store.import_export(
            make_data(name, exported, name),
            score=make_score(exported, pillars),
            history=make_history({exported - timedelta(days=7): 30.0}),
        )
    return store


def test_team_average_is_the_mean_of_each_members_latest_estimate(uneven_team):
    average = uneven_team.team_latest_average(date(2026, 10, 18))

    # (73.85 + 42.78 + 41.57) / 3 = 52.733…; brand (20 + 12 + 10) / 3 = 14;
    # insights (18.85 + 10.78 + 11.57) / 3 = 13.733…
    assert (average.total, average.members) == (52.73, 3)
    assert average.pillars == {
        "brand": 14.0, "people": 11.67, "insights": 13.73, "relationships": 13.33,
    }  # fmt: skip
    assert (average.first, average.last) == (date(2026, 6, 1), OCT15)
    # Oct 18 is 139 days after Bert's export of June 1: more than 90.
    assert average.stale == ("Bert Other",)
    assert average.left_out == ()


def test_stale_members_can_be_left_out_of_the_average(uneven_team):
    average = uneven_team.team_latest_average(date(2026, 10, 18), include_stale=False)

    # (73.85 + 41.57) / 2 = 57.71
    assert (average.total, average.members) == (57.71, 2)
    assert (average.first, average.last) == (date(2026, 10, 1), OCT15)
    assert (average.stale, average.left_out) == (("Bert Other",), ("Bert Other",))
    # Without a today nobody is stale, and nobody is left out.
    assert uneven_team.team_latest_average(include_stale=False).members == 3


def test_weekly_average_counts_only_members_with_an_estimate_that_week(uneven_team):
    weeks = uneven_team.team_average("W").set_index("as_of")

    # Week ending Oct 4: Cora's Oct 1 snapshot (41.57) only; ending Oct 11: Anna's Oct 8
    # history value (30); ending Oct 18: Anna's snapshot (73.85). Bert's June weeks stand
    # alone.
    assert weeks.loc[date(2026, 10, 4), ["total", "members"]].tolist() == [41.57, 1]
    assert weeks.loc[date(2026, 10, 11), ["total", "members"]].tolist() == [30.0, 1]
    assert weeks.loc[date(2026, 10, 18), ["total", "members"]].tolist() == [73.85, 1]
    assert weeks.loc[date(2026, 6, 7), ["total", "members"]].tolist() == [42.78, 1]
