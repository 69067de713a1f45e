"""The History page: range and frequency, the week-by-week change, stored imports overlaid."""

from __future__ import annotations

from datetime import timedelta

from builders import fixed_now
from dashboard_fixtures import metrics, open_page, plotly_charts, sample_data

from scoring.i18n import fmt_number, fmt_signed
from scoring.model import score_as_of, score_history
from scoring.store import Store


def test_one_year_of_weeks_by_default(make_app) -> None:
    at = open_page(make_app(sample="active_seller"), "history")
    history = score_history(sample_data("active_seller"), freq="W")
    chart = plotly_charts(at)[0]
    total = chart["spec"]["data"][0]
    # Weeks end on the export date (2026-10-15); 365 days back reach 2025-10-15, so the
    # oldest week shown is 2026-10-15 − 52 × 7 days = 2025-10-16: 53 points.
    assert len(total["x"]) == 53
    assert total["x"][0] == "2025-10-16"
    assert total["y"][-1] == history["total"].iloc[-1]
    assert metrics(at)["Score on 2026-10-15"] == fmt_number(history["total"].iloc[-1], "en", 2)


def test_range_and_frequency_redraw_the_chart(make_app) -> None:
    at = open_page(make_app(sample="newcomer"), "history")
    at.button_group(key="history_range").set_value("3m").run()
    at.button_group(key="history_freq").set_value("D").run()
    daily = score_history(sample_data("newcomer"), freq="D")
    end = daily["as_of"].iloc[-1]
    expected = daily[daily["as_of"] >= end - timedelta(days=91)]
    total = plotly_charts(at)[0]["spec"]["data"][0]
    assert len(total["x"]) == len(expected) == 92  # 91 days back plus the export date
    assert total["y"] == list(expected["total"])


def test_the_week_by_week_table_shows_each_change(make_app) -> None:
    at = open_page(make_app(sample="active_seller"), "history")
    weekly = score_history(sample_data("active_seller"), freq="W")
    table = at.dataframe[0].value
    newest_change = weekly["total"].iloc[-1] - weekly["total"].iloc[-2]
    assert table["Total"].iloc[0] == fmt_number(weekly["total"].iloc[-1], "en", 2)
    assert table["Change"].iloc[0] == fmt_signed(newest_change, "en", 2)
    assert len(table) == 8


def test_a_stored_import_appears_as_markers(make_app) -> None:
    export_data = sample_data("active_seller")
    Store(now=fixed_now).import_export(
        export_data,
        "Katharina",
        score=score_as_of(export_data),
        history=score_history(export_data),
    )
    at = open_page(make_app(sample="active_seller"), "history")
    traces = {trace["name"]: trace for trace in plotly_charts(at)[0]["spec"]["data"]}
    stored = traces["Stored imports"]
    assert stored["x"] == ["2026-10-15"]
    snapshot = Store(now=fixed_now).snapshots("Katharina")
    assert stored["y"] == list(snapshot["total"])
