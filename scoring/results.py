"""The typed results of scoring: the contract between the model and its users.

The model (``scoring.model``) returns a :class:`Score`; comparisons, tips, the
store, the CLI and the dashboard read it. Labels are not stored here: they come
from the text catalogue (``metric.<key>.label``, ``pillar.<key>``) in the
language the reader wants.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from scoring.fields import PILLAR_MAX, PILLARS, SCORE_FIELDS

__all__ = ["PILLARS", "PILLAR_MAX", "SCORE_FIELDS", "MetricScore", "PillarScore", "Score"]


class MetricScore(BaseModel):
    """One sub-metric: what was measured, against which target, for how many points."""

    model_config = ConfigDict(frozen=True)

    key: str  # unique across pillars, e.g. "profile_completeness"
    pillar: str
    value: float | None  # raw measured value (None when the input is missing)
    target: float
    points: float  # 0 … max_points, two decimals
    max_points: float
    sources: tuple[str, ...]  # export kinds read, e.g. ("shares", "comments")
    missing_input: bool = False  # the export lacks every source of this metric
    unit: str = "count"  # count, ratio, days, weeks, hours, share …
    #: What the value rests on: ``measured``; ``none_in_export`` (0: the archive holds
    #: such a file only when there is something to hold); ``missing_file`` (the archive
    #: lacks the file); ``not_entered`` / ``entered_later`` (a hand-entered input not
    #: given, or given but not yet counting on this date); ``no_value`` (no opportunity).
    status: str = "measured"


class PillarScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    score: float  # 0 … 25, two decimals, = sum of metric points
    max: float = PILLAR_MAX
    metrics: tuple[MetricScore, ...]


class Score(BaseModel):
    """The SSI-style estimate as of one date over a trailing window."""

    model_config = ConfigDict(frozen=True)

    as_of: date
    window_days: int
    total: float  # 0 … 100, two decimals, = sum of pillar scores
    pillars: dict[str, PillarScore]
    model_version: str
    manual_inputs: dict[str, float] = Field(default_factory=dict)

    def field_values(self) -> dict[str, float]:
        """The total and the four pillar scores, keyed and ordered as :data:`SCORE_FIELDS`."""
        return {"total": self.total, **{p: self.pillars[p].score for p in PILLARS}}

    def metric(self, key: str) -> MetricScore:
        """The sub-metric called ``key`` in whichever pillar holds it."""
        for pillar in self.pillars.values():
            for m in pillar.metrics:
                if m.key == key:
                    return m
        raise KeyError(key)

    def metrics(self) -> list[MetricScore]:
        """All sub-metrics, pillar by pillar, in model order."""
        return [m for p in PILLARS for m in self.pillars[p].metrics]
