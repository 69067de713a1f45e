"""How a tip's gain is computed: the model scores the export with the tip's goal applied.

The gain of a tip is not guessed. Its goal (:mod:`scoring.advice.goals`: extra
weekly activity, or profile items added once) is applied to the export by the
what-if (:mod:`scoring.advice.whatif`), the real model scores the changed
export as of the same day and over the same window, and the gain is the
difference: ``round(after − before, 2)`` for the total and for each pillar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from scoring.advice.goals import TipGoal
from scoring.advice.whatif import simulate, with_profile_items
from scoring.export import ExportData
from scoring.model import ManualInputs, ModelConfig, score_as_of
from scoring.model.metrics import Context, profile_completeness
from scoring.model.score import day_number
from scoring.results import PILLARS, Score


@dataclass(frozen=True)
class Gain:
    """Points a change adds: to the total and to each pillar (two decimals)."""

    total: float
    pillars: dict[str, float]
    items: tuple[str, ...] = ()  # the profile items the change adds, for a one-off goal


def gain_between(before: Score, after: Score, items: tuple[str, ...] = ()) -> Gain:
    """What ``after`` adds to ``before``, rounded to two decimals."""
    return Gain(
        total=round(after.total - before.total, 2),
        pillars={p: round(after.pillars[p].score - before.pillars[p].score, 2) for p in PILLARS},
        items=items,
    )


def missing_profile_items(
    data: ExportData, candidates: Sequence[str], *, as_of: date, config: ModelConfig, window: int
) -> tuple[str, ...]:
    """The ``candidates`` whose addition raises the model's profile completeness."""
    wanted = [c for c in candidates if c in config.completeness.items]
    days = np.array([day_number(as_of)])

    def completeness(export: ExportData) -> float:
        ctx = Context(data=export, config=config, window=window, manual=None)
        return float(profile_completeness(ctx, (), days)[0])

    base = completeness(data)
    return tuple(
        item
        for item in wanted
        if completeness(with_profile_items(data, [item], as_of=as_of, config=config)) > base
    )


def goal_gains(
    data: ExportData,
    score: Score,
    goals: dict[str, TipGoal],
    *,
    config: ModelConfig,
    manual: ManualInputs | None = None,
) -> dict[str, Gain]:
    """The gain of each goal over ``score`` (its as-of day and window), by the goal's key.

    A one-off goal adds only the items still missing; a goal with nothing left
    to add is left out.
    """
    as_of, window = score.as_of, score.window_days
    seen: dict[tuple[tuple[str, float], ...], Score] = {}
    out: dict[str, Gain] = {}
    for key, goal in goals.items():
        if goal.once:
            items = missing_profile_items(
                data, goal.once, as_of=as_of, config=config, window=window
            )
            if not items:
                continue
            changed = with_profile_items(data, items, as_of=as_of, config=config)
            after = score_as_of(
                changed, as_of=as_of, window_days=window, config=config, manual=manual
            )
            out[key] = gain_between(score, after, items)
            continue
        weekly = goal.weekly()
        signature = tuple(sorted(weekly.items()))
        if signature not in seen:
            seen[signature] = simulate(
                data, weekly, config=config, as_of=as_of, window_days=window, manual=manual
            )
        out[key] = gain_between(score, seen[signature])
    return out
