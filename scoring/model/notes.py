"""What a sub-metric's value rests on, in words, and what only hand-entered inputs can earn.

The CLI and the dashboard show the same notes: a Complete archive with no article
scores 0 with "none in the export"; a Basic archive that lacks the file says so; a
hand-entered input that was not given says that it can be entered. Texts that
name where to enter a number come in two forms, one for the command line
(``--profile-views``) and one for the page (the field on the Pillars page).
"""

from __future__ import annotations

from typing import Literal

from scoring.i18n import fmt_number, t
from scoring.model.config import ModelConfig, load_config
from scoring.model.metrics import METRIC_SPECS
from scoring.results import MetricScore

Surface = Literal["cli", "page"]
#: Statuses whose value is not a plain measurement and deserves a note beside it.
NOTED = ("none_in_export", "missing_file", "not_entered", "entered_later", "no_value")


def status_text(metric: MetricScore, lang: str = "en") -> str | None:
    """The note beside a sub-metric's value (``none in the export`` …), or None if measured."""
    if metric.status not in NOTED:
        return None
    return t(f"score.status.{metric.status}", lang)


def explanation(key: str, lang: str = "en", surface: Surface = "page") -> str:
    """What sub-metric ``key`` measures and why; for a hand-entered one, where to enter it.

    ``surface`` picks the wording: ``page`` names the field on the dashboard,
    ``cli`` the command-line option.
    """
    if surface == "cli" and METRIC_SPECS[key].window == "manual":
        return t(f"metric.{key}.explain_cli", lang)
    return t(f"metric.{key}.explain", lang)


def manual_keys(config: ModelConfig | None = None) -> list[str]:
    """The sub-metrics only a hand-entered number can score, in model order."""
    cfg = config or load_config()
    return [key for _, key, _ in cfg.metric_items() if METRIC_SPECS[key].window == "manual"]


def manual_only_points(config: ModelConfig | None = None) -> float:
    """How many of the 100 points only hand-entered inputs can earn (6 with model 2026.1)."""
    cfg = config or load_config()
    weights = {key: metric.weight for _, key, metric in cfg.metric_items()}
    return round(sum(weights[key] for key in manual_keys(cfg)), 4)


def manual_only_text(lang: str = "en", config: ModelConfig | None = None) -> str:
    """The Overview's sentence: ``6 of the 100 points can only come from numbers you enter …``."""
    points = manual_only_points(config)
    labels = ", ".join(t(f"metric.{key}.noun.other", lang) for key in manual_keys(config))
    return t(
        "score.manual_only_points",
        lang,
        points=fmt_number(points, lang, 0 if float(points).is_integer() else 1),
        keys=labels,
    )
