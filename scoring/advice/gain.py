"""How a tip's gain is computed: the model scores the export with the tip's goal applied.

The gain of a tip is not guessed. Its goal (:mod:`scoring.advice.goals`: extra
weekly activity, or profile items added once) is applied to the export by the
what-if (:mod:`scoring.advice.whatif`), the real model scores the changed
export as of the same day and over the same window, and the gain is the
difference: ``round(after − before, 2)`` for the total and for each pillar.

Score once, derive the rest: the current :class:`~scoring.results.Score` is
computed once (or given). All candidate tips are then scored in one batched
pass (:func:`candidate_gains`): each candidate's change is simulated, and every
sub-metric a change can move (one reading a kind the change writes to, or the
manual input it raises) is computed once for all the candidates that move it,
each candidate a member of one grouped pass (:mod:`scoring.model.grouped`, the
model's batch twin, equal to it to the last digit). Every other sub-metric keeps
its points from the current score. The pillar and total sums are the model's
own (:func:`~scoring.model.score.aggregate_points`), so the gains equal a full
re-score of each candidate to the cent (tests/scoring/advice/test_gain.py).
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
from scoring.model.grouped import member_values, raw_values, stacked_exports
from scoring.model.metrics import METRIC_SPECS, Context, profile_item
from scoring.model.score import (
    aggregate_points,
    day_number,
    evaluate,
    manual_values,
    within_window,
)
from scoring.results import PILLARS, Score


@dataclass(frozen=True)
class Gain:
    """Points a change adds: to the total and to each pillar (two decimals)."""

    total: float
    pillars: dict[str, float]
    items: tuple[str, ...] = ()  # the profile items the change adds, for a one-off goal


@dataclass(frozen=True)
class Candidate:
    """One change to score: extra activity per week, and profile items added once."""

    changes: tuple[tuple[str, float], ...] = ()  # (activity, per week), in the given order
    items: tuple[str, ...] = ()

    @classmethod
    def of(cls, changes: Mapping[str, float], items: Sequence[str] = ()) -> Candidate:
        """The candidate of ``changes`` and ``items``."""
        return cls(tuple(changes.items()), tuple(items))


def kinds_read(key: str, config: ModelConfig) -> set[str]:
    """The kinds of export file sub-metric ``key`` reads."""
    return set(config.metric(key).sources) | set(METRIC_SPECS[key].readable)


def metrics_fed_by(
    kinds: Collection[str], manual_fields: Collection[str], config: ModelConfig
) -> set[str]:
    """The sub-metrics whose value can change when rows of ``kinds`` or those manual inputs do."""
    fed = set()
    for _, key, _ in config.metric_items():
        spec = METRIC_SPECS[key]
        if kinds_read(key, config) & set(kinds) or (
            spec.manual_field is not None and spec.manual_field in manual_fields
        ):
            fed.add(key)
    return fed


def kinds_written(changes: Collection[str], items: Collection[str]) -> set[str]:
    """The kinds of export file the activities ``changes`` and the profile ``items`` write to."""
    kinds = {kind for name in changes for kind in ACTIVITIES[name].kinds}
    kinds |= {rule.kind for i, rule in PROFILE_ITEM_RULES.items() if i in items and rule.kind}
    return kinds | ({"profile"} if items else set())


def _fed(candidate: Candidate, config: ModelConfig) -> set[str]:
    names = [name for name, _ in candidate.changes]
    fields = {f for name in names if (f := ACTIVITIES[name].manual) is not None}
    return metrics_fed_by(kinds_written(names, candidate.items), fields, config)


def _changed(
    data: ExportData,
    candidate: Candidate,
    *,
    as_of: date,
    days: int,
    config: ModelConfig,
    context: Mapping[str, str] | None,
) -> ExportData:
    """``data`` with ``candidate`` applied: its weekly changes over ``days``, then its items."""
    changed = data
    if candidate.changes:
        changes = dict(candidate.changes)
        changed = simulated_export(data, changes, days=days, as_of=as_of, context=context)
    if candidate.items:
        changed = with_profile_items(changed, candidate.items, as_of=as_of, config=config)
    return changed


def _gain(
    before: Score,
    total: np.ndarray,
    pillars: Mapping[str, np.ndarray],
    at: int,
    items: tuple[str, ...],
) -> Gain:
    """The gain of entry ``at`` of the ``total`` and ``pillars`` scored over ``before``."""
    return Gain(
        total=round(float(total[at]) - before.total, 2),
        pillars={p: round(float(pillars[p][at]) - before.pillars[p].score, 2) for p in PILLARS},
        items=items,
    )


def candidate_gains(
    data: ExportData,
    before: Score,
    candidates: Sequence[Candidate],
    *,
    config: ModelConfig,
    manual: ManualInputs | None = None,
    weeks: float | None = None,
    context: Mapping[str, str] | None = None,
) -> list[Gain]:
    """What each of ``candidates`` adds to ``before``, all scored in one batched pass.

    Weekly changes apply over ``weeks`` (default: the window), as of ``before``'s
    day and over its window. Each sub-metric some candidate can move is computed
    once, for all the candidates that move it; the rest keep ``before``'s points.
    The result of each candidate equals :func:`what_if_gain` of it.
    """
    days = simulation_span(weeks, before.window_days)
    ctx = template_context(data) if context is None else context
    # Every candidate copies the rows its sub-metrics read; of the kinds read only in
    # the window, the rows outside it count for none of them, so they are not copied.
    base = within_window(data, before.as_of, before.window_days, config)
    changed = [
        _changed(base, c, as_of=before.as_of, days=days, config=config, context=ctx)
        for c in candidates
    ]
    manuals = [simulated_manual(manual, dict(c.changes), days=days) for c in candidates]
    fed = [_fed(c, config) for c in candidates]
    count, day = len(candidates), np.array([day_number(before.as_of)])
    known = {m.key: np.full(count, m.points) for m in before.metrics()}
    values = {key: np.full(count, np.nan) for key in known}
    groups: dict[tuple[int, ...], list[str]] = {}
    for key in known:
        members = tuple(i for i in range(count) if key in fed[i])
        if not members:
            continue
        known[key][list(members)] = np.nan
        field_ = METRIC_SPECS[key].manual_field
        if METRIC_SPECS[key].fn is None:
            for i in members:
                values[key][i] = manual_values(field_ or "", manuals[i], data, day)[0]
        else:
            # Sub-metrics moved by the same candidates share one stacked pass.
            groups.setdefault(members, []).append(key)
    for members, keys in groups.items():
        kinds = set().union(*(kinds_read(key, config) for key in keys))
        events = stacked_exports([changed[i] for i in members], kinds)
        got, _ = member_values(
            events,
            np.full(len(members), day[0]),
            window=before.window_days,
            config=config,
            keys=keys,
        )
        for key in keys:
            values[key][list(members)] = got[key]
    scored = aggregate_points(values, window=before.window_days, config=config, known_points=known)
    return [
        _gain(before, scored.total, scored.pillars, i, c.items) for i, c in enumerate(candidates)
    ]


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
    ``items`` (added once), done together, add to ``before``.

    One change, scored by the model's own :func:`~scoring.model.score.evaluate` of
    the changed export (the sub-metrics it cannot move keep ``before``'s points):
    the what-if of a plan or a slider, and the reference :func:`candidate_gains`
    is tested against.
    """
    candidate = Candidate.of(changes or {}, items)
    days = simulation_span(weeks, before.window_days)
    changed = _changed(
        data, candidate, as_of=before.as_of, days=days, config=config, context=context
    )
    fed = _fed(candidate, config)
    after = evaluate(
        changed,
        np.array([day_number(before.as_of)]),
        window=before.window_days,
        config=config,
        manual=simulated_manual(manual, dict(candidate.changes), days=days),
        known_points={m.key: m.points for m in before.metrics() if m.key not in fed},
    )
    return _gain(before, after.total, after.pillars, 0, candidate.items)


def missing_profile_items(
    data: ExportData, candidates: Sequence[str], *, as_of: date, config: ModelConfig, window: int
) -> tuple[str, ...]:
    """The ``candidates`` whose addition raises the model's profile completeness.

    An item the profile already shows cannot raise the share; the absent ones are
    each added alone and scored together in one grouped pass, with the export as it is.
    """
    wanted = [c for c in candidates if c in config.completeness.items]
    days = np.array([day_number(as_of)])
    ctx = Context(data=data, config=config, window=window, manual=None)
    absent = [item for item in wanted if not profile_item(ctx, item, days)[0] > 0]
    if not absent:
        return ()
    exports = [
        data,
        *(with_profile_items(data, [item], as_of=as_of, config=config) for item in absent),
    ]
    events = stacked_exports(exports, kinds_read("profile_completeness", config))
    share = raw_values(
        events, np.full(len(exports), days[0]), "profile_completeness", window=window, config=config
    )
    return tuple(item for item, after in zip(absent, share[1:], strict=True) if after > share[0])


def goal_gains(
    data: ExportData,
    score: Score,
    goals: Mapping[str, TipGoal],
    *,
    config: ModelConfig,
    manual: ManualInputs | None = None,
) -> dict[str, Gain]:
    """The gain of each goal over ``score`` (its as-of day and window), by the goal's key.

    ``score`` is reused, never recomputed, and every goal is scored in one batched
    pass (:func:`candidate_gains`); goals with the same weekly changes share one
    candidate. A one-off goal adds only the items still missing; a goal with
    nothing left to add is left out.
    """
    chosen: dict[str, Candidate] = {}
    for key, goal in goals.items():
        if goal.once:
            items = missing_profile_items(
                data, goal.once, as_of=score.as_of, config=config, window=score.window_days
            )
            if items:
                chosen[key] = Candidate(items=items)
        else:
            chosen[key] = Candidate.of(goal.weekly())
    distinct = list(dict.fromkeys(chosen.values()))
    gains = candidate_gains(
        data, score, distinct, config=config, manual=manual, context=template_context(data)
    )
    by_candidate = dict(zip(distinct, gains, strict=True))
    return {key: by_candidate[candidate] for key, candidate in chosen.items()}
