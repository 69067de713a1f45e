"""Several members in one database: cohort, leaderboard, team average, peer tables."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from scoring.errors import InputError
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


PEERS = pd.DataFrame(
    {
        "member": ["Peer One", "Peer Two"],
        "industry": ["IT", None],
        "total": [52.5, "41"],
        "brand": [13.0, None],
        "people": [12.5, None],
        "insights": [12.0, None],
        "relationships": [15.0, None],
    }
)


def test_peer_table_is_stored_and_replaced_by_source(store):
    assert store.add_peers(PEERS, "peers.csv") == 2
    assert store.add_peers(PEERS.iloc[:1], "other.csv") == 1

    stored = store.peers("peers.csv")

    assert list(stored.columns) == list(COHORT_COLUMNS)
    assert stored.loc[0].to_dict() == {
        "member": "Peer One", "industry": "IT", "total": 52.5, "brand": 13.0,
        "people": 12.5, "insights": 12.0, "relationships": 15.0,
    }  # fmt: skip
    assert stored.loc[1, "total"] == 41.0
    assert stored.loc[1, ["industry", "brand"]].isna().all()
    assert len(store.peers()) == 3

    store.add_peers(PEERS.iloc[1:], "peers.csv")
    assert store.peers("peers.csv")["member"].tolist() == ["Peer Two"]
    assert store.remove_peers("peers.csv") == 1
    assert store.peers()["member"].tolist() == ["Peer One"]


def test_peer_table_errors_name_the_file_and_line(store):
    with pytest.raises(InputError) as missing:
        store.add_peers(PEERS.drop(columns="total"), "team.csv")
    assert str(missing.value).startswith("The peer table team.csv lacks the column total")

    too_high = PEERS.assign(total=[52.5, 120.0])
    with pytest.raises(InputError) as out_of_range:
        store.add_peers(too_high, "team.csv")
    # Row 2 of the table is line 3 of the file (after the header).
    assert str(out_of_range.value).startswith("Line 3 of the peer table team.csv")

    with pytest.raises(InputError):
        store.add_peers(PEERS.assign(people=["lots", None]), "team.csv")
    assert store.peers().empty
