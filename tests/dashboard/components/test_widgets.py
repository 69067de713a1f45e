"""The sidebar's as-of date and window, and what every page says about the export's dates."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from dashboard_fixtures import metrics, open_page, sample_data

import dashboard.data
from dashboard import state
from scoring.i18n import fmt_date, fmt_number, t
from scoring.model import score_as_of
from scoring.official import parse_official

EXPORT_DATE = date(2026, 10, 15)  # the active seller's export (sample_data/README.md)
FIRST_ACTIVITY = date(2012, 3, 5)  # the seller's oldest dated fact (a connection)
DATA_PAGES = ("overview", "pillars", "compare", "history", "tips")
OFFICIAL_EN = Path(__file__).resolve().parents[3] / "sample_data" / "official_en.txt"


def _at(make_app, monkeypatch, lang: str, today: date = EXPORT_DATE + timedelta(days=3)):
    monkeypatch.setattr(state, "today", lambda: today)
    return make_app(sample="active_seller", lang=lang)


def test_the_as_of_date_is_bounded_by_first_activity_and_a_year_after_the_export(
    make_app, monkeypatch
) -> None:
    at = _at(make_app, monkeypatch, "en")
    picker = at.sidebar.date_input(key=state.AS_OF_KEY)
    assert picker.value == EXPORT_DATE
    assert picker.proto.min == "2012-03-05"
    assert picker.proto.max == "2027-10-15"
    window = at.sidebar.number_input(key=state.WINDOW_KEY)
    assert (window.value, window.proto.min, window.proto.max) == (90, 1, 3650)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_page_scores_as_of_the_chosen_day_and_window(make_app, monkeypatch, lang) -> None:
    at = _at(make_app, monkeypatch, lang)
    dashboard.data._read.clear()
    reads = []
    real = dashboard.data.read_export
    monkeypatch.setattr(
        dashboard.data, "read_export", lambda s, **kw: reads.append(1) or real(s, **kw)
    )
    day = date(2026, 7, 1)
    at.sidebar.date_input(key=state.AS_OF_KEY).set_value(day).run()
    at.sidebar.number_input(key=state.WINDOW_KEY).set_value(30).run()
    expected = score_as_of(sample_data("active_seller"), as_of=day, window_days=30)
    assert metrics(at)[t("common.total", lang)] == fmt_number(expected.total, lang, 2)
    assert any(
        c.value.startswith(
            t(
                "dashboard.overview.as_of",
                lang,
                date=fmt_date(day, lang, long=True),
                days=30,
                label="",
            )[:25]
        )
        for c in at.caption
    )
    at = open_page(at, "history")
    assert metrics(at)[t("dashboard.history.latest", lang, date=fmt_date(day, lang))] == (
        fmt_number(expected.total, lang, 2)
    )
    at = open_page(at, "tips")
    assert metrics(at)[t("dashboard.tips.current", lang, date=fmt_date(day, lang))] == (
        fmt_number(expected.total, lang, 2)
    )
    # The export was read at most once (this test's first run); choices only re-score.
    assert len(reads) <= 1


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_old_export_is_flagged_on_every_page(make_app, monkeypatch, lang) -> None:
    at = _at(make_app, monkeypatch, lang, today=EXPORT_DATE + timedelta(days=45))
    stale = t("store.stale", lang, date=fmt_date(EXPORT_DATE, lang), days=45)
    for page in ("import_export", *DATA_PAGES):
        at = open_page(at, page)
        assert stale in [w.value for w in at.warning], page
    fresh = _at(make_app, monkeypatch, lang, today=EXPORT_DATE + timedelta(days=30))
    for page in ("import_export", *DATA_PAGES):
        fresh = open_page(fresh, page)
        assert not [w for w in fresh.warning if "export" in w.value.lower()], page


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_day_after_the_export_says_the_export_ends_earlier(make_app, monkeypatch, lang) -> None:
    at = _at(make_app, monkeypatch, lang)
    at.sidebar.date_input(key=state.AS_OF_KEY).set_value(date(2027, 1, 15)).run()
    note = t("score.after_export_note", lang, date=fmt_date(EXPORT_DATE, lang))
    for page in DATA_PAGES:
        at = open_page(at, page)
        assert note in [i.value for i in at.info], page


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_official_reading_of_another_day_says_so(make_app, monkeypatch, lang) -> None:
    at = open_page(_at(make_app, monkeypatch, lang), "compare")
    at.text_area(key="official_text").set_value(OFFICIAL_EN.read_text())
    read_on = date(2026, 11, 20)
    at.date_input(key="official_date").set_value(read_on)
    at.button[0].click().run()
    assert parse_official(OFFICIAL_EN.read_text()).total == 53.0
    warning = t(
        "dashboard.compare.official_other_day",
        lang,
        date=fmt_date(read_on, lang),
        estimate_date=fmt_date(EXPORT_DATE, lang),
    )
    assert warning in [w.value for w in at.warning]
