"""The Overview page: the total, the pillars, the band, the change, and the downloads."""

from __future__ import annotations

import json

import pytest
from dashboard_fixtures import metrics, plotly_charts, sample_data, sample_score

from dashboard.components import downloads, report
from scoring.compare import compare
from scoring.i18n import fmt_number, fmt_signed, t
from scoring.model import score_history
from scoring.model.payload import score_payload
from scoring.results import PILLARS


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
    table = at.table[0].value
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
