"""One presentation for both faces: the CLI and the dashboard show a value alike."""

from __future__ import annotations

import pytest

from scoring.present import metric_shown_value, metric_value_text, score_label
from scoring.results import SCORE_FIELDS, MetricScore


def metric(value, unit="count", missing=False, status="measured") -> MetricScore:
    return MetricScore(
        key="days_active", pillar="people", value=value, target=90.0, points=1.0,
        max_points=6.0, sources=("comments",), missing_input=missing, unit=unit, status=status,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (88.0, "days", "en", "88 days"),
        (88.0, "days", "de", "88 Tage"),
        (0.734, "share", "en", "73 %"),
        (0.734, "share", "de", "73 %"),
        (12.0, "weeks", "en", "12 weeks"),
        (1500.0, "count", "en", "1,500"),
        (1500.0, "count", "de", "1.500"),
        (2.5, "count", "de", "2,5"),
        (None, "count", "en", "–"),
    ],
)
def test_a_value_is_written_in_its_unit(value, unit, lang, expected):
    assert metric_value_text(value, unit, lang) == expected


def test_a_missing_value_says_why():
    missing = metric(None, missing=True, status="missing_file")
    assert metric_shown_value(missing, "en") == "– (file not in this archive)"
    assert metric_shown_value(missing, "de") == "– (Datei nicht in diesem Archiv)"
    assert metric_shown_value(metric(None, status="no_value"), "de") == "– (kein Wert)"
    assert metric_shown_value(metric(None), "de") == "– (kein Wert)"
    assert metric_shown_value(metric(88.0, unit="days"), "en") == "88 days"


def test_a_zero_from_a_complete_export_says_it_is_none():
    zero = metric(0.0, unit="days", status="none_in_export")
    assert metric_shown_value(zero, "en") == "0 days none in the export"
    assert metric_shown_value(zero, "de") == "0 Tage keine im Export"


def test_the_score_fields_are_the_total_then_the_pillars_in_model_order():
    assert SCORE_FIELDS == ("total", "brand", "people", "insights", "relationships")
    assert [score_label(f, "de") for f in SCORE_FIELDS] == [
        "Gesamt", "Marke", "Personen", "Einblicke", "Beziehungen",
    ]  # fmt: skip
    assert score_label("people", "en", long=True) == "Find the right people"
