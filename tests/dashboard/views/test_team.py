"""The Team page: store the current export for a member, the leaderboard, forgetting."""

from __future__ import annotations

from dashboard_fixtures import metrics, open_page, sample_data, sample_score

from scoring.i18n import fmt_number, t
from scoring.model import score_history
from scoring.store import Store


def _store(at, member: str):
    at.text_input(key="team_member").set_value(member)
    return at.button[0].click().run()


def test_storing_the_export_puts_the_member_on_the_leaderboard(make_app) -> None:
    at = open_page(make_app(sample="active_seller"), "team")
    assert [i.value for i in at.info] == [t("dashboard.team.empty", "en")]
    # The form offers the name from the export's profile.
    assert at.text_input(key="team_member").value == "Katharina Vogelsang"
    at = _store(at, "Alex Example")

    score = sample_score("active_seller")
    assert not at.exception
    assert at.success[0].value.startswith("Stored the export of 2026-10-15 for Alex Example: ")
    board = at.dataframe[0].value
    assert list(board["Member"]) == ["Alex Example"]
    assert list(board["Total"]) == [fmt_number(score.total, "en", 2)]
    assert list(board["Rank"]) == [1]
    # One member: the team average is that member's estimate of the export's week.
    assert metrics(at)["Team average, week ending 2026-10-18"] == fmt_number(score.total, "en", 2)


def test_storing_the_same_export_twice_adds_nothing(make_app) -> None:
    at = open_page(make_app(sample="newcomer"), "team")
    at = _store(at, "Sam")
    at = _store(at, "Sam")
    assert at.success[0].value == t("store.import.already", "en", date="2026-10-15", member="Sam")
    assert len(at.dataframe[0].value) == 1


def test_two_members_are_ranked_by_total(make_app) -> None:
    at = open_page(make_app(sample="newcomer"), "team")
    _store(at, "Newcomer")
    at = open_page(make_app(sample="active_seller"), "team")
    at = _store(at, "Seller")
    board = at.dataframe[0].value
    assert list(board["Member"]) == ["Seller", "Newcomer"]
    assert list(board["Rank"]) == [1, 2]
    # The store keeps the mean of the two totals to two decimals (numpy rounds half to
    # even: (73.85 + 15.68) / 2 = 44.765 is stored as 44.76).
    mean = (sample_score("active_seller").total + sample_score("newcomer").total) / 2
    stored = float(Store().team_average("W")["total"].iloc[-1])
    assert abs(stored - mean) <= 0.005 + 1e-9
    assert metrics(at)["Team average, week ending 2026-10-18"] == fmt_number(stored, "en", 2)


def test_forgetting_a_member_needs_a_confirmation(make_app) -> None:
    at = open_page(make_app(sample="newcomer"), "team")
    at = _store(at, "Sam")
    assert at.button(key="forget_button").disabled
    at.checkbox(key="forget_sure").check().run()
    at.button(key="forget_button").click().run()
    assert not at.exception
    weeks = len(score_history(sample_data("newcomer"), freq="W"))
    assert at.success[0].value == t(
        "store.forget.done", "en", member="Sam", imports=1, snapshots=1, history=weeks, official=0
    )
    assert [i.value for i in at.info] == [t("dashboard.team.empty", "en")]
