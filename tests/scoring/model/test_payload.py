"""The JSON shapes of a score and a history."""

from __future__ import annotations

import json
from datetime import date

from builders import make_export

from scoring.model import score_as_of, score_history
from scoring.model.payload import history_payload, score_payload
from scoring.results import PILLARS

DATA = make_export(
    export_date=date(2026, 10, 15),
    comments={"at": ["2026-10-01"] * 20},
    invitations={"at": ["2026-10-01"], "direction": ["INCOMING"]},
)


def test_score_payload_has_the_documented_shape():
    payload = score_payload(score_as_of(DATA))
    assert list(payload) == ["as_of", "window_days", "total", "model_version", "pillars"]
    assert (payload["as_of"], payload["window_days"], payload["model_version"]) == (
        "2026-10-15",
        90,
        "2026.1",
    )
    assert list(payload["pillars"]) == list(PILLARS)
    insights = payload["pillars"]["insights"]
    assert insights["max"] == 25
    comments = next(m for m in insights["metrics"] if m["key"] == "comments")
    # 20 comments: linear 20/200 * 5 = 0.5
    assert comments == {
        "key": "comments",
        "label": "Comments",
        "value": 20.0,
        "target": 200.0,
        "points": 0.5,
        "max_points": 5.0,
        "missing_input": False,
        "status": "measured",
    }
    json.dumps(payload)  # plain JSON types only


def test_score_payload_labels_follow_the_language_and_none_stays_null():
    payload = score_payload(score_as_of(DATA), "de")
    relationships = {m["key"]: m for m in payload["pillars"]["relationships"]["metrics"]}
    accepted = relationships["invitations_accepted"]
    assert accepted["label"] == "Angenommene Einladungen"
    # only an incoming invitation: nothing sent, nothing to accept → null, not missing
    assert (accepted["value"], accepted["missing_input"]) == (None, False)
    # no connections file at all → missing input
    assert relationships["connections"]["missing_input"] is True


def test_history_payload_lists_dates_totals_and_pillars():
    history = score_history(DATA, freq="W")
    payload = history_payload(history)
    assert payload[-1]["as_of"] == "2026-10-15"
    assert list(payload[-1]) == ["as_of", "total", *PILLARS]
    assert payload[-1]["total"] == score_as_of(DATA).total
    assert len(payload) == len(history)
