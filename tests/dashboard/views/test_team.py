"""The Team page: store the current export for a member, the leaderboard, forgetting."""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pytest
from builders import fixed_now
from dashboard_fixtures import metrics, open_page, plotly_charts, sample_data, sample_score

from dashboard import state
from scoring.i18n import fmt_number, t
from scoring.model import score_history
from scoring.results import PILLARS
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
    # One member: the team average is that member's latest estimate.
    assert metrics(at)["Team average (latest estimates)"] == fmt_number(score.total, "en", 2)


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
    stored = Store(now=fixed_now).team_latest_average().total
    assert abs(stored - mean) <= 0.005 + 1e-9
    assert metrics(at)["Team average (latest estimates)"] == fmt_number(stored, "en", 2)


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


def _uneven_team() -> None:
    """Three members at 73.85, 42.78 and 41.57 whose exports end on different days."""
    data = sample_data("active_seller")
    score = sample_score("active_seller")  # 73.85, exported 2026-10-15
    no_history = pd.DataFrame(columns=["as_of", "total", *PILLARS])
    with Store(now=fixed_now) as store:
        store.import_export(data, "Anna", score=score, history=score_history(data, freq="W"))
        for name, total, exported in (
            ("Bert", 42.78, date(2026, 6, 1)),
            ("Cora", 41.57, date(2026, 10, 1)),
        ):
            store.import_export(
                dataclasses.replace(data, content_hash=name, export_date=exported),
                name,
                score=score.model_copy(update={"total": total, "as_of": exported}),
                history=no_history,
            )


@pytest.mark.parametrize(
    ("lang", "label", "shown", "span", "without", "span_without", "left_out"),
    [
        ("en", "Team average (latest estimates)", "52.73",
         "3 members, estimates from 2026-06-01 to 2026-10-15.", "57.71",
         "2 members, estimates from 2026-10-01 to 2026-10-15.",
         "Stale members left out of the average: 1."),
        ("de", "Team-Durchschnitt (letzte Schätzungen)", "52,73",
         "3 Mitglieder, Schätzungen vom 01.06.2026 bis 15.10.2026.", "57,71",
         "2 Mitglieder, Schätzungen vom 01.10.2026 bis 15.10.2026.",
         "Veraltete Mitglieder nicht im Durchschnitt: 1."),
    ],
)  # fmt: skip
def test_team_average_is_the_mean_of_the_latest_estimates(
    make_app, monkeypatch, lang, label, shown, span, without, span_without, left_out
) -> None:
    _uneven_team()
    # Oct 18 is 139 days after Bert's export of June 1: more than 90, so Bert is stale.
    monkeypatch.setattr(state, "today", lambda: date(2026, 10, 18))
    at = open_page(make_app(sample="active_seller", lang=lang), "team")

    assert not at.exception
    # (73.85 + 42.78 + 41.57) / 3 = 52.733…
    assert metrics(at)[label] == shown
    assert span in [c.value for c in at.caption]
    board = at.dataframe[0].value
    stale = t("store.column.stale", lang)
    flags = dict(zip(board[t("store.column.member", lang)], board[stale], strict=True))
    assert flags == {"Anna": "", "Bert": t("dashboard.team.stale_flag", lang), "Cora": ""}
    # The weekly line: each point carries how many members it averages; the week ending
    # 2026-10-04 holds Anna's history value and Cora's export, the week ending
    # 2026-10-18 Anna's export alone.
    chart = plotly_charts(at)[0]["spec"]["data"][0]
    counts = dict(zip(chart["x"], chart["customdata"], strict=True))
    assert (counts["2026-10-04"], counts["2026-10-18"], counts["2026-06-07"]) == (2, 1, 2)

    at.toggle(key="team_without_stale").set_value(True).run()

    # (73.85 + 41.57) / 2 = 57.71
    assert metrics(at)[label] == without
    captions = [c.value for c in at.caption]
    assert span_without in captions
    assert left_out in captions


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("en", ["Software Development", "Financial Services"]),
        ("de", ["Softwareentwicklung", "Finanzdienstleistungen"]),
    ],
)
def test_the_leaderboard_names_industries_as_linkedin_does_in_each_language(
    make_app, lang, names
) -> None:
    # The profiles say "Software Development" and "Financial Services" (bundled samples).
    at = _store(open_page(make_app(sample="active_seller"), "team"), "Seller")
    at = _store(open_page(make_app(sample="newcomer", lang=lang), "team"), "Newcomer")
    board = at.dataframe[0].value
    assert list(board[t("store.column.industry", lang)]) == names
