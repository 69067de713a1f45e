"""The bundled sample exports score as their personas should."""

from __future__ import annotations

import statistics
from functools import cache

import pytest

from scoring.ingest import read_export
from scoring.model import score_as_of
from scoring.results import PILLARS, Score
from scoring.samples import sample_path

PERSONAS = ("active_seller", "passive_job_seeker", "newcomer")


@cache
def sample_score(persona: str) -> Score:
    return score_as_of(read_export([sample_path(persona)]))


def test_personas_order_active_seller_then_passive_job_seeker_then_newcomer():
    totals = [sample_score(p).total for p in PERSONAS]
    assert totals[0] > totals[1] > totals[2]


@pytest.mark.parametrize(
    ("persona", "low", "high"),
    [("active_seller", 60, 80), ("passive_job_seeker", 25, 45), ("newcomer", 0, 20)],
)
def test_personas_land_in_their_ranges(persona, low, high):
    assert low <= sample_score(persona).total <= high


def test_engage_with_insights_is_the_weakest_pillar_on_average():
    # published SSI pages show "Engage with insights" as most people's weakest pillar
    means = {
        p: statistics.mean(sample_score(s).pillars[p].score for s in PERSONAS) for p in PILLARS
    }
    assert min(means, key=means.get) == "insights"


def test_a_basic_archive_misses_the_activity_metrics():
    score = sample_score("basic")
    missing = {m.key for m in score.metrics() if m.missing_input}
    assert {"posts", "comments", "reactions", "people_searches", "regularity"} <= missing
    assert (
        score.pillars["insights"].score
        < sample_score("passive_job_seeker").pillars["insights"].score
    )
