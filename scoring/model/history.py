"""The score at every day, week or month from the first activity to the export date.

LinkedIn keeps no history of the SSI; the export holds enough dates to rebuild
one. :func:`score_history` evaluates the model for all dates at once (cumulative
counts and trailing windows by binary search over sorted interval bounds, see
:mod:`scoring.model.metrics`), so a weekly history over five years costs about as
much as one score.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

import numpy as np
import pandas as pd

from scoring.errors import InputError
from scoring.export import ExportData
from scoring.model.config import ModelConfig, load_config
from scoring.model.intervals import ALWAYS
from scoring.model.manual import ManualInputs
from scoring.model.metrics import METRIC_SPECS, owned_days
from scoring.model.score import (
    checked_date,
    checked_window,
    day_from_number,
    day_number,
    evaluate,
)
from scoring.results import PILLARS

Freq = Literal["D", "W", "M"]
FREQS: tuple[Freq, ...] = ("D", "W", "M")

#: Kinds whose earliest date starts a history: the owner's activity and connections.
HISTORY_KINDS: tuple[str, ...] = (*METRIC_SPECS["days_active"].readable, "connections")


def first_activity(data: ExportData) -> date | None:
    """The earliest dated activity or connection in the export, or None if there is none."""
    parts = [owned_days(data, kind) for kind in HISTORY_KINDS]
    days = np.concatenate(parts)
    days = days[days != ALWAYS]
    return day_from_number(int(days.min())) if len(days) else None


#: How far past its export date an export may be scored: its activity leaves the window.
AS_OF_DAYS_AFTER_EXPORT = 365


def as_of_range(data: ExportData) -> tuple[date, date]:
    """The dates an export can be scored as of: its first activity … a year after its date.

    Before the first dated activity or connection there is nothing to score; after
    the export date the export knows nothing new, and a year on every trailing
    count has long left the window. An export without dated activity starts on its
    export date.
    """
    first = first_activity(data) or data.export_date
    last = data.export_date + timedelta(days=AS_OF_DAYS_AFTER_EXPORT)
    return min(first, data.export_date), last


def checked_as_of(data: ExportData, as_of: date | None, option: str = "--as-of") -> date:
    """``as_of`` (default: the export date) if :func:`as_of_range` allows it.

    Raises :class:`~scoring.errors.InputError` with one line naming the allowed
    range otherwise.
    """
    if as_of is None:
        return data.export_date
    first, last = as_of_range(data)
    if not first <= as_of <= last:
        raise InputError(
            "error.score_input.as_of_range",
            option=option,
            value=as_of.isoformat(),
            first=first.isoformat(),
            last=last.isoformat(),
        )
    return as_of


def history_days(start: date, end: date, freq: Freq) -> np.ndarray:
    """Day numbers from ``start`` to ``end``, stepping back from ``end`` (always included).

    ``D`` every day, ``W`` every 7 days, ``M`` the same day of each earlier month
    (the month's last day when it is shorter), so the last row is always ``end``.
    """
    first, last = day_number(start), day_number(end)
    if freq == "D":
        return np.arange(first, last + 1, dtype=np.int64)
    if freq == "W":
        return np.arange(last, first - 1, -7, dtype=np.int64)[::-1]
    end64 = np.datetime64(end, "D")
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    month_starts = end64.astype("datetime64[M]") - np.arange(months)
    lengths = (month_starts + 1).astype("datetime64[D]") - month_starts.astype("datetime64[D]")
    offsets = np.minimum(end.day, lengths.astype(np.int64)) - 1
    days = (month_starts.astype("datetime64[D]") + offsets).astype(np.int64)
    return days[days >= first][::-1]


def score_history(
    data: ExportData,
    *,
    freq: str = "W",
    window_days: int | None = None,
    config: ModelConfig | None = None,
    manual: ManualInputs | None = None,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """The score at each date from ``start`` (first activity) to ``end`` (export date).

    One row per date, oldest first, with columns ``as_of`` (a ``datetime.date``),
    ``total``, the four pillars, and ``points.<key>`` and ``value.<key>`` for every
    sub-metric (NaN where a value is None). Each row equals
    :func:`~scoring.model.score.score_as_of` for that date. Raises
    :class:`~scoring.errors.InputError` for an unknown ``freq``, a bad window, or a
    start after the end.
    """
    if freq not in FREQS:
        raise InputError("error.score_input.freq", value=freq, choices=", ".join(FREQS))
    cfg = config or load_config()
    window = checked_window(window_days, cfg)
    last = checked_date(end, data.export_date, "end")
    first = checked_date(start, last, "start") if start else first_activity(data) or last
    if first > last:
        raise InputError("error.score_input.history_range", start=first, end=last)
    days = history_days(first, last, freq)  # type: ignore[arg-type]
    ev = evaluate(data, days, window=window, config=cfg, manual=manual)
    columns: dict[str, object] = {
        "as_of": days.astype("datetime64[D]").astype(object),
        "total": ev.total,
    }
    columns.update({pillar: ev.pillars[pillar] for pillar in PILLARS})
    keys = [key for _, key, _ in cfg.metric_items()]
    columns.update({f"points.{key}": ev.points[key] for key in keys})
    columns.update({f"value.{key}": ev.values[key] for key in keys})
    return pd.DataFrame(columns)
