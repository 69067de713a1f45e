"""When things happen: event timestamps with a weekly rhythm, bursts, holidays and growth."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.samples.spec import RhythmSpec

# Weeks around Christmas and in mid-August are quiet in German offices.
_QUIET_FACTOR = 0.25
_SECONDS_PER_DAY = 86_400


def _quiet_days(days: pd.DatetimeIndex) -> np.ndarray:
    month, day = days.month.to_numpy(), days.day.to_numpy()
    christmas = ((month == 12) & (day >= 22)) | ((month == 1) & (day <= 2))
    summer = (month == 8) & (day >= 5) & (day <= 20)
    return christmas | summer


def day_weights(
    rng: np.random.Generator, days: pd.DatetimeIndex, rhythm: RhythmSpec, growth: float
) -> np.ndarray:
    """Relative activity of each day: weekday bias × bursty weekly level × trend × holidays."""
    weekday = np.asarray(rhythm.weekday)[days.day_of_week.to_numpy()]
    week = (np.arange(len(days)) // 7).astype(np.int64)
    shape = 1.0 / rhythm.burstiness
    weekly = rng.gamma(shape, 1.0 / shape, size=int(week.max()) + 1 if len(days) else 0)
    position = np.linspace(0.0, 1.0, num=len(days)) if len(days) > 1 else np.zeros(len(days))
    trend = np.exp(np.log(growth) * position)
    quiet = np.where(_quiet_days(days), _QUIET_FACTOR, 1.0)
    return weekday * weekly[week] * trend * quiet


def event_times(
    rng: np.random.Generator,
    n: int,
    start: pd.Timestamp,
    end: pd.Timestamp,
    rhythm: RhythmSpec,
    *,
    growth: float | None = None,
) -> pd.Series:
    """``n`` sorted naive-UTC timestamps in ``[start, end)`` following ``rhythm``.

    Days are drawn with :func:`day_weights`; the time of day is normal around
    ``rhythm.hour_mean``. ``growth`` overrides the rhythm's trend (used for the
    network, which grows over years rather than over the activity window).
    """
    if n == 0:
        return pd.Series(pd.to_datetime([]), dtype="datetime64[ns]")
    days = pd.date_range(start.normalize(), end.normalize() - pd.Timedelta(days=1), freq="D")
    weights = day_weights(rng, days, rhythm, rhythm.growth if growth is None else growth)
    picked = rng.choice(len(days), size=n, p=weights / weights.sum())
    hours = np.clip(rng.normal(rhythm.hour_mean, rhythm.hour_sd, size=n), 0.0, 23.99)
    seconds = (hours * 3600).astype(np.int64) % _SECONDS_PER_DAY
    stamps = days.to_numpy()[picked] + seconds.astype("timedelta64[s]")
    stamps = np.clip(stamps, start.to_datetime64(), (end - pd.Timedelta(seconds=1)).to_datetime64())
    return pd.Series(np.sort(stamps)).astype("datetime64[ns]")


def activity_ids(rng: np.random.Generator, at: pd.Series) -> pd.Series:
    """LinkedIn-style 19-digit activity ids: milliseconds since 1970 shifted left by 22 bits."""
    millis = pd.to_datetime(at).astype("datetime64[ms]").astype("int64").to_numpy()
    low = rng.integers(0, 1 << 22, size=len(millis), dtype=np.int64)
    return pd.Series((millis << 22) | low).astype(str)
