"""Tips: advice for every sub-metric in two languages, gains computed by the model."""

from __future__ import annotations

import re
from functools import cache

import pandas as pd
import pytest
from builders import make_export

from scoring.advice.tips import general_advice, load_tip_goals, ranked_tips, tips_payload
from scoring.advice.whatif import simulate, with_profile_items
from scoring.i18n import catalogue, fmt_signed
from scoring.ingest import read_export
from scoring.model import load_config, score_as_of
from scoring.samples import sample_path

CONFIG = load_config()
METRICS = [key for _, key, _ in CONFIG.metric_items()]


@cache
def _sample(persona: str):
    return read_export([sample_path(persona)])


@pytest.mark.parametrize("metric", METRICS)
def test_every_sub_metric_has_advice_and_a_goal_in_both_languages(metric: str) -> None:
    for part in ("text", "goal"):
        entry = catalogue()[f"tip.{metric}.{part}"]
        # a goal has a singular and a plural form (scoring/text/tips.toml)
        en, de = (v if isinstance(v, dict) else {"other": v} for v in (entry["en"], entry["de"]))
        assert en["other"].strip() and de["other"].strip() and en != de
    goals = load_tip_goals()
    assert any(goals.metric_of(tip) == metric for tip in goals.tip), metric


def test_every_tip_goal_belongs_to_a_sub_metric_and_has_texts() -> None:
    goals = load_tip_goals()
    for tip in goals.tip:
        assert goals.metric_of(tip) in METRICS
        assert f"tip.{tip}.text" in catalogue() and f"tip.{tip}.goal" in catalogue()


def test_the_general_advice_warns_against_chasing_the_score() -> None:
    assert "for its own sake" in general_advice("en")
    assert "um seiner selbst willen" in general_advice("de")


@pytest.mark.parametrize("persona", ["newcomer", "passive_job_seeker"])
def test_tip_gains_equal_what_the_model_computes(persona: str) -> None:
    data = _sample(persona)
    base = score_as_of(data)
    tips = ranked_tips(data, base)
    assert tips, persona
    for tip in tips:
        if tip.items:
            after = score_as_of(with_profile_items(data, tip.items))
        else:
            after = simulate(data, tip.changes)
        assert tip.gain == round(after.total - base.total, 2), tip.key
        for pillar, gain in tip.pillar_gains.items():
            assert gain == round(after.pillars[pillar].score - base.pillars[pillar].score, 2)
    gains = [tip.gain for tip in tips]
    assert gains == sorted(gains, reverse=True) and min(gains) > 0


def test_metrics_at_their_maximum_get_no_tip_and_manual_inputs_need_a_value() -> None:
    data = _sample("active_seller")
    score = score_as_of(data)
    maxed = {m.key for m in score.metrics() if m.points >= m.max_points}
    tips = ranked_tips(data, score)
    assert maxed and not maxed & {tip.metric for tip in tips}
    assert not {"profile_views", "saved_leads"} & {tip.metric for tip in tips}


def _busy_export():
    """Active every day of the window (days active and regularity at their targets)."""
    days = pd.date_range("2026-07-18", "2026-10-15", freq="D", tz="UTC")
    return make_export(
        export_date=pd.Timestamp("2026-10-15").date(),
        reactions={"at": days, "type": ["LIKE"] * len(days)},
        search_queries={"at": days},
    )


def test_goal_text_names_the_weekly_goal_and_the_pillar_it_lifts() -> None:
    data = _busy_export()
    base = score_as_of(data)
    tip = next(t for t in ranked_tips(data, base) if t.key == "comments")
    gain = round(simulate(data, {"comments": 3}).total - base.total, 2)
    assert tip.gain == gain
    assert tip.goal == f"3 more comments a week → {fmt_signed(gain, 'en')} on Engage with insights"
    german = next(t for t in ranked_tips(data, base, lang="de") if t.key == "comments")
    pillar_de = "Durch Einblicke Interesse wecken"
    assert german.goal == f"3 Kommentare mehr pro Woche → {fmt_signed(gain, 'de')} bei {pillar_de}"
    assert re.search(r"\+\d+,\d", german.goal)


def test_profile_tips_list_what_is_missing() -> None:
    data = make_export(
        export_date=pd.Timestamp("2026-10-15").date(),
        profile={"headline": "Sales", "industry": "Banking", "location": "Köln"},
        skills={"name": ["a", "b", "c", "d", "e"]},
        rich_media={"at": ["2025-01-01"], "media_type": ["profile_photo"]},
    )
    tips = {t.key: t for t in ranked_tips(data)}
    assert tips["profile_photo"].items == ("background_photo",)
    assert tips["profile_photo"].goal.startswith("Upload a background image → +")
    profile = tips["profile_completeness"]
    assert profile.items == ("summary", "current_position", "past_position", "education",
                             "accomplishments")  # fmt: skip
    assert profile.goal.startswith(
        "Add an About summary, your current position with a description, a past position, "
        "your education and a certification, course or language → +"
    )


def test_limit_and_payload_shape() -> None:
    data = _sample("newcomer")
    top = ranked_tips(data, limit=3, lang="de")
    assert len(top) == 3
    payload = tips_payload(top)
    assert [set(item) for item in payload] == [{"pillar", "metric", "gain", "goal", "text"}] * 3
    assert payload[0]["gain"] == top[0].gain and payload[0]["text"] == top[0].text
