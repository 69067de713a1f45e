"""The Overview page: the total, the pillars, the band, the change, and the downloads."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import streamlit as st
from dashboard_fixtures import (
    change_parts,
    metrics,
    open_page,
    plotly_charts,
    sample_data,
    sample_score,
)

from dashboard.components import downloads, report
from scoring.compare import compare
from scoring.i18n import fmt_date, fmt_number, fmt_signed, t
from scoring.model import ManualInputs, attribution, score_as_of, score_history
from scoring.model import score as score_module
from scoring.model.payload import score_payload
from scoring.model.score import day_number
from scoring.official import parse_official
from scoring.results import PILLARS

OFFICIAL_EN = Path(__file__).resolve().parents[3] / "sample_data" / "official_en.txt"


def test_the_total_and_the_four_pillars_are_scorings_numbers(make_app) -> None:
    at = make_app(sample="active_seller")
    score = sample_score("active_seller")
    shown = metrics(at)
    assert shown["Total"] == fmt_number(score.total, "en", 2)
    for pillar in PILLARS:
        assert shown[t(f"pillar.{pillar}", "en")] == fmt_number(
            score.pillars[pillar].score, "en", 2
        )
    # The pillars add up to the total (each kept to two decimals).
    assert round(sum(score.pillars[p].score for p in PILLARS), 2) == score.total


def test_the_gauge_shows_the_total_in_its_band(make_app) -> None:
    at = make_app(sample="newcomer")
    score = sample_score("newcomer")
    gauge = plotly_charts(at)[0]
    indicator = gauge["spec"]["data"][0]
    assert indicator["value"] == score.total
    steps = [s["range"] for s in indicator["gauge"]["steps"]]
    assert steps == [[0, 30.0], [30.0, 70.0], [70.0, 100]]
    band = "laggard" if score.total < 30 else "leader" if score.total > 70 else "average"
    assert gauge["alt"] == t(
        "dashboard.overview.gauge_alt",
        "en",
        total=fmt_number(score.total, "en", 2),
        band=t(f"band.{band}", "en"),
    )


def test_the_week_over_week_change_is_the_difference_of_the_last_two_weeks(make_app) -> None:
    at = make_app(sample="active_seller")
    weekly = score_history(sample_data("active_seller"), freq="W")
    # The last row is the export date, the one before it exactly seven days earlier.
    assert (weekly["as_of"].iloc[-1] - weekly["as_of"].iloc[-2]).days == 7
    delta = round(weekly["total"].iloc[-1] - weekly["total"].iloc[-2], 2)
    expected = (
        t("store.change.none", "en")
        if round(delta, 1) == 0
        else t("store.change.since_last_week", "en", value=fmt_signed(delta, "en"))
    )
    assert at.metric[0].delta == expected


def test_the_downloads_are_offered(make_app) -> None:
    at = make_app(sample="active_seller", lang="de")
    assert [b.label for b in at.download_button] == [
        t(f"dashboard.download.{name}", "de")
        for name in ("score_json", "score_csv", "history_json", "history_csv", "report")
    ]


def test_score_downloads_carry_every_sub_metric() -> None:
    score = sample_score("active_seller")
    payload = json.loads(downloads.score_json(score, "de"))
    assert payload == score_payload(score, "de")
    rows = downloads.score_csv(score, "en").decode().splitlines()
    assert len(rows) == 1 + len(score.metrics())
    assert (
        rows[0]
        == "as_of,pillar,pillar_score,key,label,value,target,points,max_points,missing_input,status"
    )


def test_history_downloads_have_one_row_per_date() -> None:
    history = score_history(sample_data("newcomer"), freq="M")
    rows = downloads.history_csv(history).decode().splitlines()
    assert rows[0] == "as_of,total,brand,people,insights,relationships"
    assert len(rows) == 1 + len(history)
    first = json.loads(downloads.history_json(history))[0]
    assert first["as_of"] == history["as_of"].iloc[0].isoformat()
    assert first["total"] == history["total"].iloc[0]


def test_the_html_report_is_self_contained_with_described_charts() -> None:
    score = sample_score("active_seller")
    history = score_history(sample_data("active_seller"), freq="W")
    html = report.build(
        report.ReportInputs(
            label="Test export",
            score=score,
            history=history,
            change_text="no change since last week",
            lang="de",
            tips=("Mehr kommentieren",),
        )
    )
    assert html.startswith('<!doctype html><html lang="de">')
    # Plotly's library is inlined exactly once; nothing is loaded from the internet.
    assert html.count("plotly.js v") == 1
    assert "<script src=" not in html and "<link " not in html
    assert html.count('<figure role="img" aria-label=') == 3
    assert fmt_number(score.total, "de", 2) in html
    assert "Ihre professionelle Marke aufbauen" in html
    assert "<li>Mehr kommentieren</li>" in html


@pytest.mark.parametrize("lang", ["en", "de"])
def test_linkedins_layout_side_by_side_with_weekly_pillar_changes(make_app, lang) -> None:
    at = make_app(sample="active_seller", lang=lang)
    score = sample_score("active_seller")
    expected = compare(score, sample_data("active_seller"))
    weekly = score_history(sample_data("active_seller"), freq="W")
    before, now = weekly.iloc[-2], weekly.iloc[-1]
    table = _table_with(at, t("dashboard.overview.col_estimate", lang))
    assert list(table.iloc[:, 0]) == [
        t("common.total", lang),
        *(t(f"pillar.{p}", lang) for p in PILLARS),
    ]
    assert list(table[t("dashboard.overview.col_estimate", lang)]) == [
        fmt_number(score.total, lang, 2),
        *(fmt_number(score.pillars[p].score, lang, 2) for p in PILLARS),
    ]
    industry = t("dashboard.overview.col_industry", lang, group=expected.industry.group_label(lang))
    assert list(table[industry]) == [
        fmt_number(expected.industry.total.average, lang, 2),
        *(fmt_number(expected.industry.pillars[p].average, lang, 2) for p in PILLARS),
    ]
    assert list(table[t("dashboard.overview.col_network", lang)]) == [
        fmt_number(expected.network.total.average, lang, 2),
        *(fmt_number(expected.network.pillars[p].average, lang, 2) for p in PILLARS),
    ]
    assert list(table[t("dashboard.overview.col_week", lang)]) == [
        fmt_signed(now[m] - before[m], lang, 2) for m in ("total", *PILLARS)
    ]
    # Each pillar card carries its weekly change and its own explanation.
    cards = {m.label: m for m in at.metric}
    for pillar in PILLARS:
        card = cards[t(f"pillar.{pillar}", lang)]
        assert card.delta == fmt_signed(now[pillar] - before[pillar], lang, 2)
    helps = {cards[t(f"pillar.{p}", lang)].help for p in PILLARS}
    assert len(helps) == 4


def _table_with(at, column: str):
    """The first ``st.table`` on the page with ``column``."""
    return next(tb.value for tb in at.table if column in tb.value.columns)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_overview_says_how_many_points_only_manual_inputs_can_earn(make_app, lang) -> None:
    at = make_app(sample="active_seller", lang=lang)
    # Profile views (4) and saved leads (2) of the People pillar: 6 points, see model.toml.
    expected = {
        "en": "6 of the 100 points can only come from numbers you enter by hand "
        "(profile views, saved leads): no LinkedIn export holds them.",
        "de": "6 der 100 Punkte können nur aus Zahlen kommen, die Sie von Hand eintragen "
        "(Profilaufrufe, gespeicherte Leads): Kein LinkedIn-Export enthält sie.",
    }[lang]
    assert expected in [c.value for c in at.caption]


def test_entering_a_manual_input_is_no_change_since_last_week(make_app) -> None:
    at = make_app(sample="newcomer")
    before = at.metric[0].delta
    at = open_page(at, "pillars")
    at.number_input(key="manual_profile_views").set_value(150).run()
    at = open_page(at, "overview")
    data = sample_data("newcomer")
    with_views = score_as_of(data, manual=ManualInputs(profile_views_90d=150))
    assert at.metric[0].value == fmt_number(with_views.total, "en", 2)
    # The total rose, but like for like (the views count a week ago too) the week's
    # change is the same as without them: the typed-in number is no "+x since last week".
    assert with_views.total > sample_score("newcomer").total
    assert at.metric[0].delta == before
    people = next(m for m in at.metric if m.label == t("pillar.people", "en"))
    weekly = score_history(data, freq="W")
    assert people.delta == fmt_signed(
        weekly["people"].iloc[-1] - weekly["people"].iloc[-2], "en", 2
    )


@pytest.mark.parametrize("lang", ["en", "de"])
def test_why_the_score_moved_adds_up_to_the_weekly_change(make_app, lang) -> None:
    at = make_app(sample="active_seller", lang=lang)
    data = sample_data("active_seller")
    now = score_as_of(data)
    week_before = score_as_of(data, as_of=data.export_date - timedelta(days=7))
    change = round(now.total - week_before.total, 2)
    summary = t(
        "dashboard.change.summary",
        lang,
        since=fmt_date(week_before.as_of, lang),
        as_of=fmt_date(now.as_of, lang),
        change=fmt_signed(change, lang, 2),
        before=fmt_number(week_before.total, lang, 2),
        after=fmt_number(now.total, lang, 2),
    )
    assert at.expander[0].label == t("dashboard.change.heading", lang)
    assert summary in [m.value for m in at.markdown]
    # Shown numbers, parsed back: the parts add up to the change to the cent.
    parts = change_parts(at)
    assert len(parts) >= 2
    assert sum(cents for cents, *_ in parts) == round(change * 100)
    pillars = {t(f"pillar_short.{p}", lang) for p in PILLARS}
    assert all(pillar in pillars and reason for _, _, pillar, reason in parts)
    # The comments' reason, counted here from the export's rows: those of the last 7 days
    # entered the 90-day window, those of the 7 days before its start left it.
    days = data.frame("comments")["at"].dt.date
    end = data.export_date
    entered = int(((days > end - timedelta(days=7)) & (days <= end)).sum())
    left = int(((days > end - timedelta(days=97)) & (days <= end - timedelta(days=90))).sum())
    reason = next(r for _, m, _, r in parts if m == t("metric.comments.label", lang))
    assert (entered, left) == (4, 2)
    assert (
        reason
        == {
            "en": "4 new comments in the window, 2 from July left it",
            "de": "4 Kommentare neu im Zeitraum, 2 aus Juli herausgefallen",
        }[lang]
    )
    assert t("dashboard.change.adds_up", lang, total=fmt_signed(change, lang, 2)) in [
        c.value for c in at.caption
    ]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_pasted_official_reading_is_shown_as_linkedins_apart_from_the_estimate(
    make_app, lang
) -> None:
    at = make_app(sample="active_seller", lang=lang)
    estimated = {m.label: m.value for m in at.metric}
    reading = parse_official(OFFICIAL_EN.read_text(), as_of=date(2026, 10, 14))
    at.session_state["official_readings"] = (reading,)
    at = at.run()
    table = _table_with(at, t("dashboard.overview.official_col_score", lang))
    # The numbers of sample_data/official_en.txt, as LinkedIn's page shows them.
    n = {"en": lambda v: v, "de": lambda v: v.replace(".", ",")}[lang]
    assert list(table[t("dashboard.overview.official_col_score", lang)]) == [
        n(v) for v in ("53.00", "21.00", "6.40", "10.25", "15.00")
    ]
    assert list(table[t("dashboard.overview.official_col_industry", lang)]) == [
        n(v) for v in ("34.00", "11.78", "5.38", "2.09", "15.16")
    ]
    assert list(table[t("dashboard.overview.official_col_network", lang)]) == [
        n(v) for v in ("36.00", "13.22", "4.36", "2.38", "16.31")
    ]
    ranks = {
        "en": "LinkedIn ranks its score in the top 9 % of Management consulting.  \n"
        "LinkedIn ranks its score in the top 11 % of your network.",
        "de": "LinkedIn ordnet seinen Wert unter den besten 9 % von Management consulting ein.  \n"
        "LinkedIn ordnet seinen Wert unter den besten 11 % Ihres Netzwerks ein.",
    }[lang]
    assert ranks in [m.value for m in at.markdown]
    assert t("dashboard.overview.official_heading", lang) in [h.value for h in at.subheader]
    # Our estimate keeps its own ranks: LinkedIn's "Top 11%" is not put beside it.
    shown = {m.label: m.value for m in at.metric}
    assert shown == estimated
    assert "Top 11%" not in shown.values()


def test_on_a_chosen_day_the_weekly_change_is_that_day_against_a_week_before(make_app) -> None:
    # 2026-09-30 is not a week boundary of the export's weekly history (those end on
    # 2026-10-15): the change is still the day against exactly seven days before it.
    at = make_app(sample="active_seller")
    day = date(2026, 9, 30)
    at.date_input(key="as_of_choice").set_value(day).run()
    data = sample_data("active_seller")
    now, before = score_as_of(data, as_of=day), score_as_of(data, as_of=date(2026, 9, 23))
    delta = round(now.total - before.total, 2)
    assert at.metric[0].value == fmt_number(now.total, "en", 2)
    assert at.metric[0].delta == t(
        "store.change.since_last_week", "en", value=fmt_signed(delta, "en")
    )
    for pillar in PILLARS:
        card = next(m for m in at.metric if m.label == t(f"pillar.{pillar}", "en"))
        expected = now.pillars[pillar].score - before.pillars[pillar].score
        assert card.delta == fmt_signed(expected, "en", 2)
    parts = change_parts(at)
    assert sum(cents for cents, *_ in parts) == round(delta * 100)


def test_the_overview_evaluates_its_as_of_day_once(make_app, monkeypatch) -> None:
    # The score, the change since last week, the week's change card and the tips all
    # reuse one evaluation of the as-of day (2026-10-15) and the week before it.
    st.cache_data.clear()
    st.cache_resource.clear()
    evaluated: list[list[int]] = []
    real = score_module.evaluate

    def counted(data, days, **kwargs):
        evaluated.append([int(d) for d in days])
        return real(data, days, **kwargs)

    monkeypatch.setattr(score_module, "evaluate", counted)
    monkeypatch.setattr(attribution, "evaluate", counted)
    make_app(sample="active_seller")
    as_of = day_number(date(2026, 10, 15))
    assert [days for days in evaluated if as_of in days] == [[as_of - 7, as_of]]
