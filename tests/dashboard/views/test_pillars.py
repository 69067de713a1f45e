"""The Pillars page: every sub-metric with value, target, points, sources and its history."""

from __future__ import annotations

import pytest
from dashboard_fixtures import open_page, plotly_charts, sample_data, sample_score

from scoring.i18n import fmt_number, t
from scoring.model import ManualInputs, score_as_of, score_history
from scoring.results import PILLARS


def test_each_pillar_table_lists_its_sub_metrics_with_scorings_points(make_app) -> None:
    at = open_page(make_app(sample="active_seller"), "pillars")
    score = sample_score("active_seller")
    assert len(at.table) == len(PILLARS)
    for table, pillar in zip(at.table, PILLARS, strict=True):
        frame = table.value
        metrics = score.pillars[pillar].metrics
        assert list(frame["Sub-metric"]) == [t(f"metric.{m.key}.label", "en") for m in metrics]
        assert list(frame["Points"]) == [fmt_number(m.points, "en", 2) for m in metrics]
        assert list(frame["Max."]) == [fmt_number(m.max_points, "en", 2) for m in metrics]
    assert [tab.label for tab in at.tabs] == [
        f"{t(f'pillar_short.{p}', 'en')} · {fmt_number(score.pillars[p].score, 'en', 2)}"
        for p in PILLARS
    ]


def test_values_are_shown_in_their_units_and_sources_by_name(make_app) -> None:
    at = open_page(make_app(sample="active_seller", lang="de"), "pillars")
    score = sample_score("active_seller")
    brand = at.table[0].value
    completeness = score.metric("profile_completeness")
    # A share: 1.0 → "100 %"; German headings.
    assert brand["Wert"].iloc[0] == f"{fmt_number(completeness.value * 100, 'de', 0)} %"
    assert brand["Gelesen aus"].iloc[1] == t("dashboard.kind.endorsements_received", "de")
    people = at.table[1].value
    days = score.metric("days_active")
    row = [m.key for m in score.pillars["people"].metrics].index("days_active")
    assert people["Wert"].iloc[row] == f"{fmt_number(days.value, 'de', 0)} Tage"
    views = [m.key for m in score.pillars["people"].metrics].index("profile_views")
    # No number entered: the same note as `ssi score` shows (scoring.present)
    assert people["Wert"].iloc[views] == "– (nicht im Export; kann von Hand eingetragen werden)"


def test_profile_views_entered_by_hand_raise_the_people_pillar(make_app) -> None:
    at = open_page(make_app(sample="newcomer"), "pillars")
    at.number_input(key="manual_profile_views").set_value(150).run()
    expected = score_as_of(sample_data("newcomer"), manual=ManualInputs(profile_views_90d=150))
    before = sample_score("newcomer")
    assert expected.pillars["people"].score > before.pillars["people"].score
    assert at.tabs[1].label == f"People · {fmt_number(expected.pillars['people'].score, 'en', 2)}"
    # Every page scores with the input now, the overview included.
    at = open_page(at, "overview")
    assert at.metric[0].value == fmt_number(expected.total, "en", 2)


def test_the_activity_behind_a_sub_metric_is_charted_week_by_week(make_app) -> None:
    at = open_page(make_app(sample="active_seller"), "pillars")
    at.selectbox(key="over_time_insights").set_value("comments").run()
    history = score_history(sample_data("active_seller"), freq="W")
    chart = plotly_charts(at)[2]  # brand, people, insights, relationships
    bars, points = chart["spec"]["data"]
    assert len(bars["x"]) == len(history)
    assert bars["y"][-1] == history["value.comments"].iloc[-1]
    assert points["y"][-1] == history["points.comments"].iloc[-1]
    assert "Comments" in chart["alt"]


def test_a_share_is_charted_in_per_cent_like_the_table(make_app) -> None:
    # Profile completeness is a share (0–1) the table shows as "100 %"; the value axis
    # must say per cent too, while a count (comments) keeps plain numbers.
    at = open_page(make_app(sample="active_seller"), "pillars")
    at.selectbox(key="over_time_brand").set_value("profile_completeness").run()
    at.selectbox(key="over_time_insights").set_value("comments").run()
    brand, insights = plotly_charts(at)[0], plotly_charts(at)[2]
    assert brand["spec"]["layout"]["yaxis"]["tickformat"] == ".0%"
    assert "%{y:.0%}" in brand["spec"]["data"][0]["hovertemplate"]
    assert "tickformat" not in insights["spec"]["layout"]["yaxis"]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_file_the_basic_archive_lacks_is_missing_and_a_zero_is_none_in_the_export(
    make_app, lang
) -> None:
    at = open_page(make_app(sample="basic", lang=lang), "pillars")
    score = score_as_of(sample_data("basic"))
    insights = at.table[2].value
    keys = [m.key for m in score.pillars["insights"].metrics]
    value = insights[t("score.heading.value", lang)]
    # A Basic archive has no reactions file: the value is missing, not zero.
    assert score.metric("reactions").status == "missing_file"
    assert value.iloc[keys.index("reactions")] == f"– {t('score.status.missing_file', lang)}"
    assert (
        t("score.status.missing_file", lang)
        == {
            "en": "(file not in this archive)",
            "de": "(Datei nicht in diesem Archiv)",
        }[lang]
    )


@pytest.mark.parametrize("lang", ["en", "de"])
def test_each_pillar_has_its_own_tooltip_and_the_help_names_the_field_on_the_page(
    make_app, lang
) -> None:
    at = open_page(make_app(sample="active_seller", lang=lang), "pillars")
    helps = [h.proto.help for h in at.subheader if h.proto.help]
    assert helps == [t(f"dashboard.pillars.help_{p}", lang) for p in PILLARS]
    assert len(set(helps)) == 4
    explained = "\n".join(e.value for e in at.markdown)
    assert "--profile-views" not in explained and "--saved-leads" not in explained
    field = {"en": "on the Pillars page", "de": "auf der Seite „Säulen“"}[lang]
    assert field in t("metric.profile_views.explain", lang)
    assert t("metric.profile_views.explain", lang) in explained
