"""Why did the score move? The change between two dates, split by sub-metric, in words.

:func:`explain_change` scores an export on two days in one vectorized pass and
attributes the change of the total to the sub-metrics. The parts add up exactly:
every sub-metric's points are two-decimal numbers, a pillar is their sum and the
total the sum of the pillars (no cap applies, since a pillar's weights add up to
its maximum of 25), so the arithmetic runs in whole cents and nothing is rounded
after the split.

Each part says what caused it. For counts in the trailing window (posts, comments,
active days …) the change is the events that entered the window minus those that
left it; both are counted by the sub-metric's own function over a shorter window
(:data:`~scoring.model.metrics.WINDOW_COUNTS`), so no row is looked at one by one.
Other sub-metrics say how their value moved.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
from babel.dates import format_date

from scoring.errors import InputError
from scoring.export import ExportData
from scoring.i18n import fmt_date, fmt_number, fmt_signed, normalize_lang, t
from scoring.model.config import MetricConfig, ModelConfig, load_config
from scoring.model.manual import ManualInputs
from scoring.model.metrics import METRIC_SPECS, WINDOW_COUNTS, Context
from scoring.model.score import (
    Evaluation,
    checked_date,
    checked_window,
    day_from_number,
    day_number,
    evaluate,
    score_from,
)
from scoring.results import PILLARS, Score

#: "A week before": the default distance of the earlier date.
DEFAULT_SPAN_DAYS = 7
#: Beyond this many months the months of the events that left are not counted one by one.
_MAX_COUNTED_MONTHS = 12


@dataclass(frozen=True)
class MetricChange:
    """One sub-metric's share of a score change and what caused it.

    ``points`` is the exact difference of its points (two decimals). For a count in
    the trailing window, ``entered`` and ``left`` are the events that came into and
    dropped out of the window between the two days, and ``left_months`` the first
    and last month (their first days) holding events that left.
    """

    key: str
    pillar: str
    points: float
    points_before: float
    points_after: float
    value_before: float | None
    value_after: float | None
    unit: str
    window_days: int
    entered: int | None = None
    left: int | None = None
    left_months: tuple[date, date] | None = None

    def reason(self, lang: str = "en") -> str:
        """What moved this sub-metric, e.g. ``4 more comments in the window``."""
        if METRIC_SPECS[self.key].window == "manual" and self.value_before is None:
            return t("change.reason.entered_by_hand", lang)
        if self.entered is not None and (self.entered or self.left):
            return self._window_reason(lang)
        before, after = self.value_before or 0.0, self.value_after or 0.0
        if self.unit == "share":
            return t(
                "change.reason.share",
                lang,
                before=_percent(before, lang),
                after=_percent(after, lang),
            )
        if METRIC_SPECS[self.key].window == "all":
            diff = after - before
            if diff == 0:
                return t("change.reason.unchanged", lang)
            which = "more" if diff > 0 else "fewer"
            return t(
                f"change.reason.{which}",
                lang,
                n=_count(abs(diff), lang),
                noun=self.noun(diff, lang),
            )
        return t(
            "change.reason.in_window",
            lang,
            n=_count(after, lang),
            noun=self.noun(after, lang),
            before=_count(before, lang),
        )

    def noun(self, n: float, lang: str) -> str:
        """The sub-metric's counted thing, singular for exactly one."""
        return t(f"metric.{self.key}.noun.{'one' if abs(n) == 1 else 'other'}", lang)

    def _window_reason(self, lang: str) -> str:
        entered, left = self.entered or 0, self.left or 0
        months = self.months_text(lang)
        if entered and left:
            return t(
                "change.reason.entered_and_left",
                lang,
                n=_count(entered, lang),
                noun=self.noun(entered, lang),
                left=_count(left, lang),
                months=months,
            )
        if entered:
            return t(
                "change.reason.entered",
                lang,
                n=_count(entered, lang),
                noun=self.noun(entered, lang),
            )
        number = "one" if left == 1 else "other"
        return t(
            f"change.reason.left.{number}",
            lang,
            n=_count(left, lang),
            noun=self.noun(left, lang),
            months=months,
            days=self.window_days,
        )

    def months_text(self, lang: str) -> str:
        """``July``, ``June–August`` or ``December 2025–January 2026`` (the year when needed)."""
        if self.left_months is None:
            return ""
        first, last = self.left_months
        pattern = "LLLL" if first.year == last.year else "LLLL yyyy"
        locale = normalize_lang(lang)
        start = format_date(first, pattern, locale=locale)
        if first == last:
            return start
        return f"{start}–{format_date(last, pattern, locale=locale)}"


@dataclass(frozen=True)
class ScoreChange:
    """The change of the score from ``since`` to ``as_of``, attributed to sub-metrics.

    ``total`` and each of ``pillars`` are exact differences (two decimals) and equal
    the sum of their ``metrics``' points; ``metrics`` holds every sub-metric whose
    points or value changed, in model order.
    """

    since: date
    as_of: date
    window_days: int
    model_version: str
    total_before: float
    total_after: float
    total: float
    pillars: dict[str, float]
    metrics: tuple[MetricChange, ...]
    manual_inputs: dict[str, float] = field(default_factory=dict)

    def title(self, lang: str = "en") -> str:
        """ "Change of the estimated SSI from … to …, last N days" in ``lang``."""
        return t(
            "change.title",
            lang,
            since=fmt_date(self.since, lang),
            as_of=fmt_date(self.as_of, lang),
            days=self.window_days,
        )

    def summary(self, lang: str = "en") -> str:
        """ "Total: +1.20 (40.00 → 41.20)" in ``lang``."""
        return t(
            "change.summary",
            lang,
            change=fmt_signed(self.total, lang, 2),
            before=fmt_number(self.total_before, lang, 2),
            after=fmt_number(self.total_after, lang, 2),
        )


def _count(value: float, lang: str) -> str:
    return fmt_number(value, lang, 0 if float(value).is_integer() else 1)


def _percent(share: float, lang: str) -> str:
    return f"{fmt_number(share * 100, lang, 0)} %"


def _plain(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 4)


def _counts_in(
    ctx_of: Callable[[int], Context], key: str, metric: MetricConfig, length: int, ends: list[int]
) -> np.ndarray:
    """The sub-metric over a window of ``length`` days ending on each of ``ends``."""
    fn = METRIC_SPECS[key].fn
    if fn is None:
        raise ValueError(f"{key} is entered by hand, not counted")
    return np.nan_to_num(fn(ctx_of(length), metric.sources, np.array(ends, dtype=np.int64)))


def _month_starts(first: int, last: int) -> list[int]:
    """Day numbers of the first day of every month that meets the days ``first … last``."""
    day = day_from_number(first).replace(day=1)
    starts = []
    while day_number(day) <= last:
        starts.append(day_number(day))
        day = (day + timedelta(days=32)).replace(day=1)
    return starts


def _window_split(
    ctx_of: Callable[[int], Context],
    key: str,
    metric: MetricConfig,
    window: int,
    since: int,
    as_of: int,
) -> tuple[int, int, tuple[date, date] | None]:
    """Events that entered and left the trailing window from ``since`` to ``as_of``.

    With ``w = min(window, as_of − since)``, the events that entered lie in the last
    ``w`` days up to ``as_of`` and those that left in the ``w`` days that ended
    ``window`` days after ``since``; the months of the latter are found by counting
    each month of that span (at most a year of months; beyond, the span's own).
    """
    w = min(window, as_of - since)
    if w <= 0:
        return 0, 0, None
    left_last = since - window + w
    entered, left = _counts_in(ctx_of, key, metric, w, [as_of, left_last])
    if not left:
        return int(entered), 0, None
    left_first = since - window + 1
    starts = _month_starts(left_first, left_last)
    held = starts
    if len(starts) <= _MAX_COUNTED_MONTHS:
        ends = [*(s - 1 for s in starts[1:]), left_last]
        held = [
            start
            for start, end in zip(starts, ends, strict=True)
            if _counts_in(ctx_of, key, metric, end - max(start, left_first) + 1, [end])[0] > 0
        ]
    months = (day_from_number(held[0]), day_from_number(held[-1]))
    return int(entered), int(left), months


def like_for_like(
    manual: ManualInputs | None, since: date, as_of: date, export_date: date
) -> ManualInputs | None:
    """``manual`` as both dates of a comparison see it: on both sides or on neither.

    Numbers typed in describe the day they were read (``manual.on``, by default the
    ``export_date``) and count from then on; a comparison with an earlier day must
    not turn their arrival into a change. When they count on ``as_of``, they count
    on ``since`` too; otherwise on neither.
    """
    if manual is None or not manual.given():
        return manual
    if (manual.on or export_date) > as_of:
        return None
    return manual.model_copy(update={"on": since})


@dataclass(frozen=True)
class ScoredChange:
    """The score as of a day, the score a week (or any span) before, and the change between.

    All three come from one evaluation of the two days. ``before`` counts the
    hand-entered inputs like for like (:func:`like_for_like`), as ``change`` does.
    """

    score: Score
    before: Score
    change: ScoreChange


def explain_change(
    data: ExportData,
    since: date | None = None,
    as_of: date | None = None,
    *,
    window_days: int | None = None,
    config: ModelConfig | None = None,
    manual: ManualInputs | None = None,
) -> ScoreChange:
    """The change of the score from ``since`` to ``as_of``, split by sub-metric with reasons.

    ``as_of`` defaults to the export date and ``since`` to a week before it. The
    earlier total equals ``score_as_of(data, as_of=since, …)`` and the later one
    ``score_as_of(data, as_of=as_of, …)``; hand-entered inputs count on both days or
    on neither (:func:`like_for_like`), so a number typed in today is no change.
    Raises :class:`~scoring.errors.InputError` for a bad window or ``since`` after
    ``as_of``.
    """
    return score_and_change(
        data, since, as_of, window_days=window_days, config=config, manual=manual
    ).change


def score_and_change(
    data: ExportData,
    since: date | None = None,
    as_of: date | None = None,
    *,
    window_days: int | None = None,
    config: ModelConfig | None = None,
    manual: ManualInputs | None = None,
) -> ScoredChange:
    """The score as of ``as_of``, the one as of ``since`` and the change, from one evaluation.

    Dates and errors as :func:`explain_change`. ``score`` equals
    ``score_as_of(data, as_of=as_of, …, manual=manual)``: the inputs typed in count
    on ``as_of`` exactly when :func:`like_for_like` keeps them, so evaluating both
    days like for like gives that day the same numbers.
    """
    cfg = config or load_config()
    window = checked_window(window_days, cfg)
    after_day = checked_date(as_of, data.export_date, "as_of")
    before_day = checked_date(since, after_day - timedelta(days=DEFAULT_SPAN_DAYS), "since")
    if before_day > after_day:
        raise InputError("error.change.order", since=before_day, as_of=after_day)
    same_manual = like_for_like(manual, before_day, after_day, data.export_date)
    days = np.array([day_number(before_day), day_number(after_day)])
    ev = evaluate(data, days, window=window, config=cfg, manual=same_manual)
    return ScoredChange(
        score=score_from(data, ev, 1, manual=manual),
        before=score_from(data, ev, 0, manual=same_manual),
        change=change_from(data, ev, same_manual),
    )


def change_from(data: ExportData, ev: Evaluation, manual: ManualInputs | None) -> ScoreChange:
    """The :class:`ScoreChange` from the first to the second day of ``ev`` (of ``data``).

    ``manual`` is what ``ev`` was evaluated with (like for like).
    """
    cfg, window = ev.config, ev.window
    s, a = int(ev.days[0]), int(ev.days[1])
    contexts: dict[int, Context] = {}

    def ctx_of(length: int) -> Context:
        if length not in contexts:
            contexts[length] = Context(data=data, config=cfg, window=length, manual=manual)
        return contexts[length]

    metrics: list[MetricChange] = []
    pillar_cents = dict.fromkeys(PILLARS, 0)
    for pillar, key, metric in cfg.metric_items():
        cents = np.rint(ev.points[key] * 100).astype(np.int64)
        before, after = _plain(ev.values[key][0]), _plain(ev.values[key][1])
        diff = int(cents[1] - cents[0])
        pillar_cents[pillar] += diff
        if diff == 0 and before == after:
            continue
        split: tuple[int | None, int | None, tuple[date, date] | None] = (None, None, None)
        if key in WINDOW_COUNTS and not ev.missing[key][1]:
            split = _window_split(ctx_of, key, metric, window, s, a)
        metrics.append(
            MetricChange(
                key=key,
                pillar=pillar,
                points=diff / 100,
                points_before=float(cents[0]) / 100,
                points_after=float(cents[1]) / 100,
                value_before=before,
                value_after=after,
                unit=METRIC_SPECS[key].unit,
                window_days=window,
                entered=split[0],
                left=split[1],
                left_months=split[2],
            )
        )
    total_cents = np.rint(ev.total * 100).astype(np.int64)
    return ScoreChange(
        since=day_from_number(s),
        as_of=day_from_number(a),
        window_days=window,
        model_version=cfg.version,
        total_before=float(total_cents[0]) / 100,
        total_after=float(total_cents[1]) / 100,
        total=int(total_cents[1] - total_cents[0]) / 100,
        pillars={p: c / 100 for p, c in pillar_cents.items()},
        metrics=tuple(metrics),
        manual_inputs=manual.given() if manual else {},
    )


def change_payload(change: ScoreChange, lang: str = "en") -> dict[str, Any]:
    """``change`` as JSON-ready data: ``since``, ``as_of``, ``total`` … and every part.

    Each part is ``{"key", "pillar", "points", "value_before", "value_after",
    "reason"}`` (``reason`` in ``lang``) plus ``entered``/``left`` for window counts.
    """
    return {
        "since": change.since.isoformat(),
        "as_of": change.as_of.isoformat(),
        "window_days": change.window_days,
        "total_before": change.total_before,
        "total_after": change.total_after,
        "total": change.total,
        "pillars": dict(change.pillars),
        "metrics": [
            {
                "key": m.key,
                "pillar": m.pillar,
                "points": m.points,
                "value_before": m.value_before,
                "value_after": m.value_after,
                "reason": m.reason(lang),
                "entered": m.entered,
                "left": m.left,
            }
            for m in change.metrics
        ],
    }
