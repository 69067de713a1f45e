"""Counting facts at many as-of days at once, with sorted interval bounds.

Every countable fact becomes a half-open interval of day numbers ``[start, end)``
during which it counts: a post made on day ``t`` counts in a trailing window of
``N`` days for as-of days ``t … t+N-1``; a connection made on day ``t`` counts
from ``t`` on; an undated fact counts always. The count at as-of day ``b`` is
``#(starts ≤ b) − #(ends ≤ b)``: two binary searches over sorted arrays, so one
date and a five-year daily history cost almost the same. Distinct counts
(distinct days, conversations, people) first merge the intervals of each key so
that a key counts once.

Day numbers are whole UTC days since 1970-01-01 (``int64``); a window of ``N``
days ending on ``b`` covers events with ``b - N + 1 <= day <= b``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

#: "Always" / "never ends": far outside any real date, still safe to add a window to.
ALWAYS = np.int64(-(2**40))
NEVER = np.int64(2**40)
NS_PER_DAY = 86_400 * 10**9
NS_PER_HOUR = 3_600 * 10**9


@dataclass(frozen=True)
class Intervals:
    """Half-open day intervals ``[start, end)``; counts how many hold each query day."""

    starts: np.ndarray
    ends: np.ndarray

    @classmethod
    def of(cls, starts: np.ndarray, ends: np.ndarray) -> Intervals:
        """Intervals from paired bounds; empty ones (``end <= start``) are dropped."""
        s = np.asarray(starts, dtype=np.int64)
        e = np.asarray(ends, dtype=np.int64)
        keep = e > s
        return cls(np.sort(s[keep]), np.sort(e[keep]))

    def count_at(self, days: np.ndarray) -> np.ndarray:
        """How many intervals contain each of ``days`` (float, for the curves)."""
        opened = np.searchsorted(self.starts, days, side="right")
        closed = np.searchsorted(self.ends, days, side="right")
        return (opened - closed).astype(float)


def day_numbers(stamps: pd.Series) -> np.ndarray:
    """UTC day numbers of tz-aware timestamps; missing ones become :data:`ALWAYS`."""
    ns = stamps.to_numpy(dtype="datetime64[ns]").astype(np.int64)
    return np.where(stamps.isna().to_numpy(), ALWAYS, np.floor_divide(ns, NS_PER_DAY))


def trailing(days: np.ndarray, window: int) -> Intervals:
    """Dated events counted in a trailing window; undated ones cannot be placed, so never."""
    dated = days[days != ALWAYS]
    return Intervals.of(dated, dated + window)


def since(days: np.ndarray) -> Intervals:
    """Facts that count from their day on (undated ones: always)."""
    return Intervals.of(days, np.full(len(days), NEVER))


def distinct(keys: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> Intervals:
    """Intervals per key merged, so that a key counts once however many of its intervals hold.

    Sorted by key and start, each interval is cut to begin where the intervals of
    its key before it reach; what remains is disjoint and covers the same days.
    ``keys`` are integers (codes).
    """
    order = np.lexsort((starts, keys))
    k = np.asarray(keys)[order]
    s = np.asarray(starts, dtype=np.int64)[order]
    e = np.asarray(ends, dtype=np.int64)[order]
    if len(k) == 0:
        return Intervals.of(s, e)
    reach = pd.Series(e).groupby(k).cummax().to_numpy(np.int64)
    before = np.roll(reach, 1)
    first_of_key = np.ones(len(k), dtype=bool)
    first_of_key[1:] = k[1:] != k[:-1]
    before[first_of_key] = ALWAYS
    return Intervals.of(np.maximum(s, before), np.maximum(e, before))


def distinct_days(days: np.ndarray, window: int) -> Intervals:
    """Distinct dated days in the trailing window (how many days had any event)."""
    unique = np.unique(days[days != ALWAYS])
    return distinct(unique, unique, unique + window)


def weekly_blocks(days: np.ndarray, window: int, query_days: np.ndarray) -> np.ndarray:
    """For each query day, how many 7-day blocks of its window hold an event.

    The window ending on ``b`` is cut into blocks ``[b-7k-6, b-7k]`` counted back
    from ``b`` (the last one shorter when ``window`` is not a multiple of 7). Blocks
    end on days congruent to ``b`` mod 7, so each residue gets its own intervals:
    the block ending on ``e`` counts for ``b`` in ``[e, min(e + 7(K-1), last + N - 1)]``
    where ``last`` is its latest event day and ``K = ceil(N / 7)`` the number of blocks.
    """
    dated = np.unique(days[days != ALWAYS])[::-1]  # newest first: unique keeps the latest
    out = np.zeros(len(query_days))
    blocks = -(-window // 7)
    residues = np.mod(query_days, 7)
    for residue in np.unique(residues):
        block_end, newest = np.unique(dated + np.mod(residue - dated, 7), return_index=True)
        until = np.minimum(block_end + 7 * (blocks - 1), dated[newest] + window - 1) + 1
        hit = residues == residue
        out[hit] = Intervals.of(block_end, until).count_at(query_days[hit])
    return out
