"""The score as of one date: four pillars of 0–25, each the sum of its sub-metrics.

:func:`evaluate` computes every sub-metric for a whole array of as-of days at once;
:func:`score_as_of` asks it for one day and wraps the numbers in the typed
:class:`~scoring.results.Score`, and :func:`scoring.model.history.score_history`
asks it for every day of a history. Both therefore agree to the cent.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np

from scoring.errors import InputError
from scoring.export import ExportData
from scoring.model.config import MetricConfig, ModelConfig, load_config
from scoring.model.curve import curve_points
from scoring.model.intervals import NS_PER_DAY
from scoring.model.manual import ManualInputs
from scoring.model.metrics import METRIC_SPECS, OMITTED_WHEN_EMPTY, Context
from scoring.results import PILLARS, MetricScore, PillarScore, Score

_EPOCH = date(1970, 1, 1)
MAX_WINDOW_DAYS = 3_650


def day_number(day: date) -> int:
    """Whole days since 1970-01-01 (the model's day numbers)."""
    return (day - _EPOCH).days


def day_from_number(number: int) -> date:
    """The date of a day number."""
    return date.fromordinal(_EPOCH.toordinal() + int(number))


def checked_window(window_days: int | None, config: ModelConfig) -> int:
    """``window_days`` or the model's default, as a whole number of days from 1 to 3650."""
    if window_days is None:
        return config.window_days
    if (
        isinstance(window_days, bool)
        or not isinstance(window_days, int | np.integer)
        or not 1 <= window_days <= MAX_WINDOW_DAYS
    ):
        raise InputError("error.score_input.window_days", value=window_days, limit=MAX_WINDOW_DAYS)
    return int(window_days)


def checked_date(value: date | None, default: date, name: str) -> date:
    """``value`` as a plain date (a datetime is cut to its day), or ``default``."""
    if value is None:
        return default
    if isinstance(value, datetime):
        return value.date()
    if not isinstance(value, date):
        raise InputError("error.score_input.date", option=name, value=value)
    return value


def effective_target(metric: MetricConfig, key: str, window: int, config: ModelConfig) -> float:
    """The target a sub-metric is measured against for this window.

    Targets of counts over the trailing window are set for the model's default
    window and scale with its length (a 30-day window needs a third of a 90-day
    target); everything else keeps its target.
    """
    if METRIC_SPECS[key].window == "trailing":
        return metric.target * window / config.window_days
    return metric.target


@dataclass(frozen=True)
class Evaluation:
    """Every number of the model for an array of as-of days (one entry per day)."""

    days: np.ndarray
    window: int
    config: ModelConfig
    values: dict[str, np.ndarray]  # NaN where the value is None
    points: dict[str, np.ndarray]
    missing: dict[str, np.ndarray]  # bool
    targets: dict[str, float]
    pillars: dict[str, np.ndarray]
    total: np.ndarray


def none_in_export(data: ExportData, sources: tuple[str, ...]) -> bool:
    """True when no file of ``sources`` means there is none of it, not that it is missing.

    A Complete archive leaves some files out when they would be empty
    (:data:`~scoring.model.metrics.OMITTED_WHEN_EMPTY`); a Basic or partial one may
    simply not carry them.
    """
    return (
        data.archive_kind == "complete"
        and bool(sources)
        and set(sources) <= OMITTED_WHEN_EMPTY
        and not any(data.has(kind) for kind in sources)
    )


def metric_status(
    data: ExportData,
    key: str,
    metric: MetricConfig,
    value: float,
    missing: bool,
    manual: ManualInputs | None,
) -> str:
    """What a sub-metric's value rests on (see :attr:`scoring.results.MetricScore.status`)."""
    spec = METRIC_SPECS[key]
    if spec.fn is None:
        if not np.isnan(value):
            return "measured"
        entered = manual is not None and getattr(manual, spec.manual_field or "") is not None
        return "entered_later" if entered else "not_entered"
    if missing:
        return "missing_file"
    if none_in_export(data, metric.sources):
        return "none_in_export"
    return "no_value" if np.isnan(value) else "measured"


def manual_values(
    field: str, manual: ManualInputs | None, data: ExportData, days: np.ndarray
) -> np.ndarray:
    """The hand-entered ``field`` on each of ``days``: from the day it was read on, else NaN."""
    given = None if manual is None else getattr(manual, field)
    if given is None:
        return np.full(len(days), np.nan)
    since = day_number(manual.on or data.export_date)  # type: ignore[union-attr]
    return np.where(days >= since, float(given), np.nan)


@dataclass(frozen=True)
class Points:
    """Points, pillar scores and totals for arrays of raw sub-metric values."""

    points: dict[str, np.ndarray]
    targets: dict[str, float]
    pillars: dict[str, np.ndarray]
    total: np.ndarray


def _known(
    known_points: Mapping[str, float | np.ndarray] | None, key: str, length: int
) -> np.ndarray | None:
    """The known points of ``key`` as an array of ``length`` (NaN: to compute), or None."""
    if known_points is None or key not in known_points:
        return None
    return np.broadcast_to(np.asarray(known_points[key], dtype=float), (length,)).copy()


def aggregate_points(
    values: Mapping[str, np.ndarray],
    *,
    window: int,
    config: ModelConfig,
    known_points: Mapping[str, float | np.ndarray] | None = None,
) -> Points:
    """Every sub-metric's points and the pillar and total scores for raw ``values``.

    ``values`` holds one array per sub-metric (NaN where the value is None), all of
    one length: the days of one export, or the members of a population. Points
    follow each metric's curve against its target for ``window`` and are rounded to
    two decimals; a pillar is the rounded sum of its points and the total the
    rounded sum of the pillars. The one place these rules live. ``known_points``
    gives points already known: one number for every entry, or an array with NaN
    where the points are to be computed from ``values``.
    """
    length = len(next(iter(values.values()))) if values else 0
    points: dict[str, np.ndarray] = {}
    targets: dict[str, float] = {}
    pillars: dict[str, np.ndarray] = {}
    for pillar in PILLARS:
        pillar_sum = np.zeros(length)
        for key, metric in config.pillar(pillar).metrics.items():
            targets[key] = effective_target(metric, key, window, config)
            known = _known(known_points, key, length)
            if known is None:
                points[key] = curve_points(values[key], targets[key], metric.weight, metric.curve)
            elif np.isnan(known).any():
                computed = curve_points(values[key], targets[key], metric.weight, metric.curve)
                points[key] = np.where(np.isnan(known), computed, known)
            else:
                points[key] = known
            pillar_sum = pillar_sum + points[key]
        pillars[pillar] = np.round(pillar_sum, 2)
    total = np.round(sum(pillars.values(), np.zeros(length)), 2)
    return Points(points, targets, pillars, total)


def window_kinds(config: ModelConfig) -> frozenset[str]:
    """Kinds that only sub-metrics counted over the trailing window read.

    As of one day none of their rows outside that day's window counts (nor an
    undated one, which no window can place): tests/scoring/model/test_window_kinds.py
    holds every sub-metric to it.
    """
    windows: dict[str, set[str]] = {}
    for _, key, metric in config.metric_items():
        spec = METRIC_SPECS[key]
        for kind in set(metric.sources) | set(spec.readable):
            windows.setdefault(kind, set()).add(spec.window)
    return frozenset(kind for kind, seen in windows.items() if seen == {"trailing"})


def within_window(data: ExportData, day: date, window: int, config: ModelConfig) -> ExportData:
    """``data`` with the rows of :func:`window_kinds` cut to the ``window`` days ending on ``day``.

    Evaluated as of ``day`` over ``window``, it gives exactly what ``data`` gives;
    a heavy export keeps a tenth of its messages, so what-ifs that copy them are cheaper.
    """
    end = day_number(day)
    frames = dict(data.frames)
    for kind in window_kinds(config) & set(frames):
        frame = frames[kind]
        if not len(frame) or "at" not in frame:
            continue
        ns = frame["at"].to_numpy(dtype="datetime64[ns]").view(np.int64)
        days = np.floor_divide(ns, NS_PER_DAY)
        inside = ~frame["at"].isna().to_numpy(bool) & (days <= end) & (days > end - window)
        if not inside.all():
            frames[kind] = frame[inside].reset_index(drop=True)
    return dataclasses.replace(data, frames=frames)


def evaluate(
    data: ExportData,
    days: np.ndarray,
    *,
    window: int,
    config: ModelConfig,
    manual: ManualInputs | None,
    known_points: Mapping[str, float] | None = None,
) -> Evaluation:
    """All sub-metrics, pillars and totals for each of ``days`` (day numbers), vectorized.

    Each sub-metric is computed once for all days, then scored by
    :func:`aggregate_points`. ``known_points`` gives the points of sub-metrics the
    caller already knows for these days (a what-if that leaves their inputs alone,
    reusing a :class:`Score`): they are taken as given, not computed, and their
    values are NaN.
    """
    ctx = Context(data=data, config=config, window=window, manual=manual)
    values: dict[str, np.ndarray] = {}
    missing: dict[str, np.ndarray] = {}
    for _, key, metric in config.metric_items():
        spec = METRIC_SPECS[key]
        if known_points is not None and key in known_points:
            values[key] = np.full(len(days), np.nan)
            missing[key] = np.zeros(len(days), dtype=bool)
            continue
        if spec.fn is None:
            raw = manual_values(spec.manual_field or "", manual, data, days)
            absent = np.isnan(raw)
        elif not any(data.has(kind) for kind in metric.sources) and not none_in_export(
            data, metric.sources
        ):
            raw = np.full(len(days), np.nan)
            absent = np.ones(len(days), dtype=bool)
        else:
            raw = spec.fn(ctx, metric.sources, days)
            absent = np.zeros(len(days), dtype=bool)
        values[key] = raw
        missing[key] = absent
    scored = aggregate_points(values, window=window, config=config, known_points=known_points)
    return Evaluation(
        days,
        window,
        config,
        values,
        scored.points,
        missing,
        scored.targets,
        scored.pillars,
        scored.total,
    )


def _plain(value: float) -> float | None:
    return None if np.isnan(value) else round(float(value), 4)


def score_as_of(
    data: ExportData,
    *,
    as_of: date | None = None,
    window_days: int | None = None,
    config: ModelConfig | None = None,
    manual: ManualInputs | None = None,
) -> Score:
    """The SSI-style score of ``data`` as of ``as_of`` over a trailing window.

    ``as_of`` defaults to the export date (never today: an old export must not score
    zero); ``window_days`` to the model's window (90). Dated facts count only when
    dated on or before ``as_of``; undated profile facts count as the export holds
    them. Every sub-metric carries its raw value, target, points, maximum, sources
    and whether its input is missing. Raises :class:`~scoring.errors.InputError`
    for a window outside 1–3650 days.
    """
    cfg = config or load_config()
    window = checked_window(window_days, cfg)
    day = checked_date(as_of, data.export_date, "as_of")
    ev = evaluate(data, np.array([day_number(day)]), window=window, config=cfg, manual=manual)
    return score_from(data, ev, 0, manual=manual)


def score_from(data: ExportData, ev: Evaluation, at: int, *, manual: ManualInputs | None) -> Score:
    """The :class:`Score` of entry ``at`` of ``ev`` (an evaluation of ``data``).

    ``manual`` is what the user typed in, whose status the sub-metrics report (it
    need not be what ``ev`` was evaluated with, so long as the values agree on that
    day: see :func:`scoring.model.attribution.score_and_change`).
    """
    cfg = ev.config
    pillars = {}
    for pillar in PILLARS:
        metrics = tuple(
            MetricScore(
                key=key,
                pillar=pillar,
                value=_plain(ev.values[key][at]),
                target=round(ev.targets[key], 4),
                points=float(ev.points[key][at]),
                max_points=metric.weight,
                sources=metric.sources,
                missing_input=bool(ev.missing[key][at]),
                unit=METRIC_SPECS[key].unit,
                status=metric_status(
                    data, key, metric, ev.values[key][at], bool(ev.missing[key][at]), manual
                ),
            )
            for key, metric in cfg.pillar(pillar).metrics.items()
        )
        pillars[pillar] = PillarScore(
            key=pillar, score=float(ev.pillars[pillar][at]), metrics=metrics
        )
    return Score(
        as_of=day_from_number(int(ev.days[at])),
        window_days=ev.window,
        total=float(ev.total[at]),
        pillars=pillars,
        model_version=cfg.version,
        manual_inputs=manual.given() if manual else {},
    )
