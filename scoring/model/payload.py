"""Scores as plain JSON-ready data, the shape the CLI prints and other tools read."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from scoring.i18n import t
from scoring.results import PILLARS, SCORE_FIELDS, Score


def score_payload(score: Score, lang: str = "en") -> dict[str, Any]:
    """``score`` as ``{"as_of", "window_days", "total", "model_version", "pillars"}``.

    Each pillar is ``{"score", "max", "metrics": [...]}`` and each sub-metric
    ``{"key", "label", "value", "target", "points", "max_points", "missing_input",
    "status"}`` with the label in ``lang``; a value that is None stays ``null``;
    ``status`` says what the value rests on (see :class:`~scoring.results.MetricScore`).
    """
    return {
        "as_of": score.as_of.isoformat(),
        "window_days": score.window_days,
        "total": score.total,
        "model_version": score.model_version,
        "pillars": {
            key: {
                "score": score.pillars[key].score,
                "max": score.pillars[key].max,
                "metrics": [
                    {
                        "key": m.key,
                        "label": t(f"metric.{m.key}.label", lang),
                        "value": m.value,
                        "target": m.target,
                        "points": m.points,
                        "max_points": m.max_points,
                        "missing_input": m.missing_input,
                        "status": m.status,
                    }
                    for m in score.pillars[key].metrics
                ],
            }
            for key in PILLARS
        },
    }


def history_payload(history: pd.DataFrame) -> list[dict[str, Any]]:
    """A history frame as a list of ``{"as_of", "total", <one entry per pillar>}``."""
    columns = list(SCORE_FIELDS)
    rows = history[["as_of", *columns]].to_dict("records")
    return [
        {
            "as_of": row["as_of"].isoformat(),
            **{c: None if math.isnan(row[c]) else float(row[c]) for c in columns},
        }
        for row in rows
    ]
