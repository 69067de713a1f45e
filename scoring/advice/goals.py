"""The concrete goal behind each tip (``tip_goals.toml``), validated when read.

A goal is extra activity per week or month ("3 more comments a week", the names
of :data:`scoring.advice.whatif.ACTIVITIES`) or profile items to add once; the
tip's gain is what the model says that goal adds (:mod:`scoring.advice.gain`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scoring.advice.templates import validated_toml
from scoring.advice.whatif import ACTIVITIES, PROFILE_ITEMS

GOALS_PATH = Path(__file__).with_name("tip_goals.toml")
#: Months per week: a goal of "1 a month" is 12/52 a week.
WEEKS_PER_MONTH = 52 / 12


class TipGoal(BaseModel):
    """The concrete goal of one tip: weekly (or monthly) activity, or one-off profile items."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str | None = None  # the sub-metric it serves (default: the tip's own key)
    changes: dict[str, float] = Field(default_factory=dict)
    per: Literal["week", "month"] = "week"
    once: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _one_kind(self) -> TipGoal:
        if bool(self.changes) == bool(self.once):
            raise ValueError("give either changes or once")
        unknown = sorted(set(self.changes) - set(ACTIVITIES)) + sorted(
            set(self.once) - set(PROFILE_ITEMS)
        )
        if unknown:
            raise ValueError(f"unknown activity or item {unknown[0]!r}")
        if any(not v > 0 for v in self.changes.values()):
            raise ValueError("changes must be positive")
        return self

    def weekly(self) -> dict[str, float]:
        """The changes as extra occurrences per week, as :func:`simulate` takes them."""
        factor = 1.0 if self.per == "week" else 1.0 / WEEKS_PER_MONTH
        return {k: v * factor for k, v in self.changes.items()}


class TipGoals(BaseModel):
    """``tip_goals.toml``: the goal of every tip, by the tip's key."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    tip: dict[str, TipGoal]

    def metric_of(self, tip: str) -> str:
        """The sub-metric ``tip`` serves."""
        return self.tip[tip].metric or tip


@cache
def load_tip_goals(path: Path = GOALS_PATH) -> TipGoals:
    """The validated tip goals (read once); a bad file raises ConfigError naming the key."""
    return validated_toml(path, TipGoals, "error.tips.goals")


def tip_activities() -> tuple[str, ...]:
    """Every activity some tip's goal asks for, in the what-if's order (``ACTIVITIES``).

    The what-if offers a control for each, so every tip can be tried there.
    """
    asked = {name for goal in load_tip_goals().tip.values() for name in goal.changes}
    return tuple(name for name in ACTIVITIES if name in asked)
