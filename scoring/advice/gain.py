"""How a tip's gain is computed: the model scores the export with the tip's goal applied.

The gain of a tip is not guessed. Its goal (:mod:`scoring.advice.goals`: extra
weekly activity, or profile items added once) is applied to the export by the
what-if (:mod:`scoring.advice.whatif`), the real model scores the changed
export as of the same day and over the same window, and the gain is the
difference: ``round(after − before, 2)`` for the total and for each pillar.

Score once, derive the rest: the current :class:`~scoring.results.Score` is
computed once (or given), and each candidate is scored by evaluating only the
sub-metrics whose inputs its change touches (the kinds its rows go to, the
manual input it raises); every other sub-metric keeps its points from the
current score (``evaluate(..., known_points=...)``). The pillar and total sums
are the model's own, so the gains equal a full re-score to the cent.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from scoring.advice.goals import TipGoal
from scoring.advice.templates import template_context
from scoring.advice.whatif import (
    ACTIVITIES,
    PROFILE_ITEM_RULES,
    simulated_export,
    simulated_manual,
    simulation_span,
    with_profile_items,
)
from scoring.export import ExportData
from scoring.model import ManualInputs, ModelConfig
from scoring.model.metrics import METRIC_SPECS, Context, profile_completeness, profile_item
from scoring.model.score import day_number, evaluate
from scoring.results import PILLARS, Score


@dataclass(frozen=True)
class Gain:
    """Points a change adds: to the total and to each pillar (two decimals)."""

    total: float
    pillars: dict[str, float]
    items: tuple[str, ...] = ()  # the profile items the change adds, for a one-off goal


def metrics_fed_by(
    kinds: Collection[str], manual_fields: Collection[str], config: ModelConfig
) -> set[str]:
    """The sub-metrics whose value can change when rows of ``kinds`` or those manual inputs do."""
    fed = set()
    for _, key, metric in config.metric_items():
        spec = METRIC_SPECS[key]
        reads = set(metric.sources) | set(spec.readable)
        if reads & set(kinds) or (
            spec.manual_field is not None and spec.manual_field in manual_fields
        ):
            fed.add(key)
    return fed


def rescored_gain(
    before: Score,
    changed: ExportData,
    fed: Collection[str],
    *,
    config: ModelConfig,
    manual: ManualInputs | None,
    items: tuple[str, ...] = (),
) -> Gain:
    """What ``changed`` adds to ``before`` when only the sub-metrics in ``fed`` can differ.

    Those are evaluated on ``changed`` as of ``before``'s day and window; the
    others keep their points from ``before``.
    """
    known = {m.key: m.points for m in before.metrics() if m.key not in fed}
    after = evaluate(
        changed,
        np.array([day_number(before.as_of)]),
        window=before.window_days,
        config=config,
        manual=manual,
        known_points=known,
    )
    return Gain(
        total=round(float(after.total[0]) - before.total, 2),
        pillars={
            p: round(float(after.pillars[p][0]) - before.pillars[p].score, 2) for p in PILLARS
        },
        items=items,
    )


def kinds_written(changes: Collection[str], items: Collection[str]) -> set[str]:
    """The kinds of export file the activities ``changes`` and the profile ``items`` write to."""
    kinds = {kind for name in changes for kind in ACTIVITIES[name].kinds}
    kinds |= {rule.kind for i, rule in PROFILE_ITEM_RULES.items() if i in items and rule.kind}
    return kinds | ({"profile"} if items else set())


def what_if_gain(
    data: ExportData,
    before: Score,
    changes: Mapping[str, float] | None = None,
    items: Sequence[str] = (),
    *,
    config: ModelConfig,
    manual: ManualInputs | None = None,
    weeks: float | None = None,
    context: Mapping[str, str] | None = None,
) -> Gain:
    """What the weekly ``changes`` (over ``weeks``, default the window) and the profile
    ``items`` (added once), done together, add to ``before``."""
    changes = changes or {}
    days = simulation_span(weeks, before.window_days)
    changed = (
        simulated_export(data, changes, days=days, as_of=before.as_of, context=context)
        if changes
        else data
    )
    if items:
        changed = with_profile_items(changed, items, as_of=before.as_of, config=config)
    fields = {field for name in changes if (field := ACTIVITIES[name].manual) is not None}
    fed = metrics_fed_by(kinds_written(changes, items), fields, config)
    after_manual = simulated_manual(manual, changes, days=days)
    return rescored_gain(
        before, changed, fed, config=config, manual=after_manual, items=tuple(items)
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
    # An item the profile already shows cannot raise the share; only absent ones are tried.
    ctx = Context(data=data, config=config, window=window, manual=None)
    absent = [item for item in wanted if not profile_item(ctx, item, days)[0] > 0]
    return tuple(
        item
        for item in absent
        if completeness(with_profile_items(data, [item], as_of=as_of, config=config)) > base
    )


def goal_gains(
    data: ExportData,
    score: Score,
    goals: Mapping[str, TipGoal],
    *,
    config: ModelConfig,
    manual: ManualInputs | None = None,
) -> dict[str, Gain]:
    """The gain of each goal over ``score`` (its as-of day and window), by the goal's key.

    ``score`` is reused, never recomputed. Goals with the same weekly changes are
    scored once. A one-off goal adds only the items still missing; a goal with
    nothing left to add is left out.
    """
    seen: dict[tuple[tuple[str, float], ...], Gain] = {}
    context = template_context(data)
    out: dict[str, Gain] = {}
    for key, goal in goals.items():
        if goal.once:
            items = missing_profile_items(
                data, goal.once, as_of=score.as_of, config=config, window=score.window_days
            )
            if items:
                out[key] = what_if_gain(data, score, items=items, config=config, manual=manual)
            continue
        weekly = goal.weekly()
        signature = tuple(sorted(weekly.items()))
        if signature not in seen:
            seen[signature] = what_if_gain(
                data, score, weekly, config=config, manual=manual, context=context
            )
        out[key] = seen[signature]
    return out
