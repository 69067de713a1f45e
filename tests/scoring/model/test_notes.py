"""What a value rests on: none in the export, a file the archive lacks, a number not entered.

LinkedIn's Complete archive leaves out Articles and Recommendations_Received when
there are none; a Basic archive never carries them. So a Complete export without
the file scores 0 "none in the export", a Basic one shows the input as missing.
"""

from __future__ import annotations

import pytest
from builders import make_export

from scoring.cli.score_cmd import score_text
from scoring.i18n import catalogue
from scoring.model import ManualInputs, load_config, score_as_of
from scoring.model.config import validate_config
from scoring.model.metrics import METRIC_SPECS
from scoring.model.notes import explanation, manual_only_points, manual_only_text, status_text
from scoring.model.payload import score_payload
from scoring.present import metric_shown_value

COMMENTS = {"at": ["2026-10-01 10:00:00"]}


@pytest.mark.parametrize("key", ["articles", "recommendations"])
def test_a_complete_export_without_the_file_scores_zero_none_in_the_export(key):
    metric = score_as_of(make_export(archive_kind="complete", comments=COMMENTS)).metric(key)
    assert (metric.value, metric.points, metric.missing_input) == (0.0, 0.0, False)
    assert metric.status == "none_in_export"
    assert status_text(metric, "en") == "none in the export"
    assert status_text(metric, "de") == "keine im Export"
    assert metric_shown_value(metric, "en") == "0 none in the export"
    assert metric_shown_value(metric, "de") == "0 keine im Export"


@pytest.mark.parametrize("key", ["articles", "recommendations"])
def test_a_basic_archive_lacking_the_file_shows_it_missing(key):
    metric = score_as_of(make_export(archive_kind="basic", comments=COMMENTS)).metric(key)
    assert (metric.value, metric.points, metric.missing_input) == (None, 0.0, True)
    assert metric.status == "missing_file"
    assert metric_shown_value(metric, "en") == "– (file not in this archive)"
    assert metric_shown_value(metric, "de") == "– (Datei nicht in diesem Archiv)"


def test_a_complete_export_with_an_article_file_measures_it():
    data = make_export(articles={"at": ["2026-01-05 09:00:00"]})
    metric = score_as_of(data).metric("articles")
    # sqrt(1/10) × 3 = 0.9487 → 0.95
    assert (metric.value, metric.points, metric.status) == (1.0, 0.95, "measured")
    assert status_text(metric) is None


def test_other_files_a_complete_archive_lacks_are_still_missing():
    metric = score_as_of(make_export(comments=COMMENTS)).metric("endorsements")
    assert (metric.value, metric.missing_input, metric.status) == (None, True, "missing_file")


def test_hand_entered_inputs_say_whether_they_were_given():
    data = make_export(comments=COMMENTS)
    score = score_as_of(data, manual=ManualInputs(profile_views_90d=150))
    assert score.metric("profile_views").status == "measured"
    assert score.metric("saved_leads").status == "not_entered"
    assert status_text(score.metric("saved_leads"), "en") == (
        "(not in the export; can be entered by hand)"
    )
    earlier = score_as_of(data, as_of=data.export_date.replace(day=1),
                          manual=ManualInputs(profile_views_90d=150))  # fmt: skip
    assert earlier.metric("profile_views").status == "entered_later"


def test_the_status_is_in_the_json():
    payload = score_payload(score_as_of(make_export(comments=COMMENTS)))
    brand = {m["key"]: m["status"] for m in payload["pillars"]["brand"]["metrics"]}
    assert brand["articles"] == "none_in_export"
    assert brand["endorsements"] == "missing_file"


def test_the_cli_table_says_none_in_the_export():
    table = score_text(score_as_of(make_export(comments=COMMENTS)), "en")
    article_row = next(line for line in table.splitlines() if "Long-form articles" in line)
    assert article_row.split() == ["Long-form", "articles", "0", "none", "in", "the", "export",
                                   "10", "0.00", "/", "3"]  # fmt: skip


def test_only_hand_entered_inputs_can_earn_six_points():
    # profile views 3.5 + saved leads 2.5
    assert manual_only_points() == 6.0
    assert manual_only_text("en") == (
        "6 of the 100 points can only come from numbers you enter by hand "
        "(profile views, saved leads): no LinkedIn export holds them."
    )
    assert manual_only_text("de") == (
        "6 der 100 Punkte können nur aus Zahlen kommen, die Sie von Hand eintragen "
        "(Profilaufrufe, gespeicherte Leads): Kein LinkedIn-Export enthält sie."
    )


def test_manual_only_points_follow_the_model():
    raw = load_config().model_dump(mode="python")
    people = raw["pillars"]["people"]["metrics"]
    people["profile_views"]["weight"], people["saved_leads"]["weight"] = 2.0, 1.5
    people["days_active"]["weight"] += 2.5
    assert manual_only_points(validate_config(raw)) == 3.5


@pytest.mark.parametrize("key", ["profile_views", "saved_leads"])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_page_texts_name_the_field_and_cli_texts_the_option(key, lang):
    page, cli = explanation(key, lang, "page"), explanation(key, lang, "cli")
    option = "--profile-views" if key == "profile_views" else "--saved-leads"
    assert "--" not in page
    assert ("Pillars page" if lang == "en" else "Seite „Säulen“") in page
    assert option in cli


def test_no_text_the_page_shows_names_a_command_line_option():
    page_keys = [f"metric.{key}.explain" for key in METRIC_SPECS]
    page_keys += ["score.manual_note_page", "score.manual_only_points"]
    page_keys += [key for key in catalogue() if key.startswith("score.status.")]
    for key in page_keys:
        for lang in ("en", "de"):
            assert "--" not in catalogue()[key][lang], key
