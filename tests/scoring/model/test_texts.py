"""Every sub-metric is labelled and explained in English and German."""

from __future__ import annotations

import pytest

from scoring.i18n import catalogue
from scoring.model.metrics import METRIC_SPECS

OPPORTUNITY_METRICS = ("invitations_accepted", "invitations_with_note", "replies", "quick_replies")


@pytest.mark.parametrize("key", sorted(METRIC_SPECS))
def test_every_metric_has_a_label_and_an_explanation(key):
    texts = catalogue()
    for part in ("label", "explain"):
        entry = texts[f"metric.{key}.{part}"]
        assert entry["en"].strip() and entry["de"].strip()
        assert entry["en"] != entry["de"] or part == "label"


@pytest.mark.parametrize("key", OPPORTUNITY_METRICS)
def test_metrics_that_can_be_empty_say_why(key):
    entry = catalogue()[f"metric.{key}.none"]
    assert entry["en"].strip() and entry["de"].strip()
