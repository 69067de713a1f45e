"""The shipped reference: quantiles of the modelled population, and percentile lookup.

``data/reference_quantiles.csv`` (written by ``python -m scoring.compare.reference_build.build``)
holds, per group (an industry or "All industries"), basis and measure, the group
size, the mean and the 101 quantiles at 0 %, 1 %, …, 100 %. The basis ``members``
describes the group's members; ``network`` describes the people one meets in a
network, where each member counts in proportion to their connections (see
``docs/compare.md``).

Percentiles are read off the quantile table by linear interpolation. Where the
table is flat (many members share one value, e.g. 0 points), a value on the flat
part gets the middle of it: the mid-rank convention, so that a value shared by
the bottom 30 % is at the 15th percentile, not the 0th or the 30th.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from scoring.errors import ConfigError
from scoring.results import PILLAR_MAX, SCORE_FIELDS

REFERENCE_PATH = Path(__file__).with_name("data") / "reference_quantiles.csv"
MEASURES: tuple[str, ...] = SCORE_FIELDS
BASES: tuple[str, ...] = ("members", "network")
Basis = Literal["members", "network"]
#: The probabilities (in %) of the stored quantiles: 0, 1, …, 100.
PROBS = np.arange(101, dtype=float)
QUANTILE_COLUMNS: tuple[str, ...] = tuple(f"q{p:03d}" for p in range(101))
COLUMNS: tuple[str, ...] = ("group", "basis", "measure", "n", "mean", *QUANTILE_COLUMNS)
ALL_INDUSTRIES = "All industries"


def percentile_of(value: float, quantiles: np.ndarray, probs: np.ndarray = PROBS) -> float:
    """The percentile rank (0–100) of ``value`` in a distribution given by its quantiles.

    ``quantiles[i]`` is the value at probability ``probs[i]`` (both non-decreasing).
    Between two distinct quantiles the rank is interpolated linearly; below the
    lowest it is ``probs[0]``, above the highest ``probs[-1]``. On a flat stretch
    (equal quantiles) the rank is the middle of that stretch (mid-rank), computed
    as the mean of the share strictly below and the share at or below.
    """
    q = np.asarray(quantiles, dtype=float)
    p = np.asarray(probs, dtype=float)
    return (_share_below(value, q, p, strict=True) + _share_below(value, q, p, strict=False)) / 2


def _share_below(value: float, q: np.ndarray, p: np.ndarray, *, strict: bool) -> float:
    """Interpolated share of the distribution below (``strict``) or at/below ``value``."""
    n = int(np.searchsorted(q, value, side="left" if strict else "right"))
    if n == 0:
        return float(p[0])
    if n == len(q):
        return float(p[-1])
    # q[n-1] < value <= q[n] (strict) or q[n-1] <= value < q[n]: q[n] > q[n-1] either way.
    return float(p[n - 1] + (value - q[n - 1]) / (q[n] - q[n - 1]) * (p[n] - p[n - 1]))


def top_percent(percentile: float) -> int:
    """LinkedIn's "Top X%": the share at or above the value, rounded up, at least 1.

    A percentile of 91.3 means 8.7 % score higher or equal, shown as "Top 9%";
    LinkedIn never shows "Top 0%", so the best rank is "Top 1%".
    """
    return max(1, math.ceil(round(100.0 - percentile, 6)))


def weighted_quantiles(
    values: np.ndarray, weights: np.ndarray | None = None, probs: np.ndarray = PROBS
) -> np.ndarray:
    """The quantiles of a (weighted) sample at ``probs`` (in %).

    Each sorted value sits at the middle of its weight's share of the total
    (Hazen's plotting position ``(i + ½) / n`` when unweighted); quantiles between
    those positions are interpolated linearly and clamp to the extremes outside.
    """
    v = np.asarray(values, dtype=float)
    w = np.ones_like(v) if weights is None else np.asarray(weights, dtype=float)
    order = np.argsort(v, kind="stable")
    v, w = v[order], w[order]
    positions = (np.cumsum(w) - w / 2) / w.sum() * 100.0
    return np.interp(probs, positions, v)


@dataclass(frozen=True)
class GroupDistribution:
    """One group's distribution of one measure: size, mean and 101 quantiles."""

    group: str
    basis: str
    measure: str
    n: int
    mean: float
    quantiles: np.ndarray

    def percentile(self, value: float) -> float:
        """The percentile rank of ``value`` in this group (see :func:`percentile_of`)."""
        return percentile_of(value, self.quantiles)


@dataclass(frozen=True)
class ReferenceTable:
    """The validated quantile table: one distribution per (group, basis, measure)."""

    frame: pd.DataFrame  # the rows as read, in file order
    _index: dict[tuple[str, str, str], GroupDistribution] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        frame = self.frame
        q = frame[list(QUANTILE_COLUMNS)].to_numpy(dtype=float)
        keys = zip(frame["group"], frame["basis"], frame["measure"], strict=True)
        index = {
            key: GroupDistribution(*key, n=int(n), mean=float(mean), quantiles=q[i])
            for i, (key, n, mean) in enumerate(zip(keys, frame["n"], frame["mean"], strict=True))
        }
        object.__setattr__(self, "_index", index)

    @property
    def groups(self) -> tuple[str, ...]:
        """Group names in file order ("All industries" first)."""
        return tuple(dict.fromkeys(self.frame["group"]))

    def distribution(self, group: str, measure: str, basis: Basis = "members") -> GroupDistribution:
        """The distribution of ``measure`` (total or a pillar) in ``group``."""
        return self._index[(group, basis, measure)]


def validated_reference(rows: pd.DataFrame) -> ReferenceTable:
    """Check a raw quantile table; raise ConfigError naming the first problem."""
    missing = [c for c in COLUMNS if c not in rows.columns]
    if missing:
        raise ConfigError("error.compare.reference", problem=f"missing columns {missing}")
    unknown = sorted((set(rows["basis"]) - set(BASES)) | (set(rows["measure"]) - set(MEASURES)))
    if unknown:
        raise ConfigError("error.compare.reference", problem=f"unknown basis/measure {unknown}")
    counts = rows.groupby(["group", "basis", "measure"], sort=False).size()
    per_group = counts.groupby(level="group", sort=False).size()
    incomplete = per_group[per_group != len(BASES) * len(MEASURES)]
    if len(incomplete) or (counts > 1).any():
        raise ConfigError(
            "error.compare.reference", problem="every group needs each basis and measure once"
        )
    q = rows[list(QUANTILE_COLUMNS)].to_numpy(dtype=float)
    upper = np.where(rows["measure"].to_numpy() == "total", 100.0, PILLAR_MAX)[:, None]
    if np.isnan(q).any() or (np.diff(q, axis=1) < 0).any() or (q < 0).any() or (q > upper).any():
        raise ConfigError(
            "error.compare.reference", problem="quantiles must rise and stay in range"
        )
    return ReferenceTable(frame=rows.reset_index(drop=True))


@cache
def load_reference(path: Path = REFERENCE_PATH) -> ReferenceTable:
    """The shipped (or given) quantile table, read once and validated."""
    try:
        rows = pd.read_csv(path, dtype={"group": str, "basis": str, "measure": str})
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise ConfigError("error.compare.reference", problem=type(exc).__name__) from None
    return validated_reference(rows)
