"""The saturating curves that turn a raw value into points.

Every sub-metric earns ``points = max_points * f(value / target)``, rounded to two
decimals, where ``f`` is one of the curves below. Each curve starts at 0, reaches
1 exactly at the target and stays there: more than the target earns nothing more,
so no single habit can carry a pillar. All are non-decreasing, which is what keeps
the whole score monotone (more activity never costs points).

* ``linear``: ``f(x) = min(x, 1)``, for values that are already a share (profile
  completeness) or where every unit matters as much as the first (days active).
* ``sqrt``: ``f(x) = min(√x, 1)``, diminishing returns: the first quarter of the
  target already earns half the points. Used for most activity counts.
* ``log``: ``f(x) = min(log10(1 + 9x), 1)``, steeper still: a tenth of the target
  earns 28% of the points. Used for the connection count, which grows slowly.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

CurveName = Literal["linear", "sqrt", "log"]
CURVES: tuple[CurveName, ...] = ("linear", "sqrt", "log")


def curve_fraction(curve: CurveName, ratio: np.ndarray) -> np.ndarray:
    """``f(ratio)`` for the named curve: the share of the points earned, in [0, 1]."""
    x = np.clip(np.nan_to_num(np.asarray(ratio, dtype=float), nan=0.0), 0.0, 1.0)
    if curve == "linear":
        return x
    if curve == "sqrt":
        return np.sqrt(x)
    if curve == "log":
        return np.minimum(np.log10(1.0 + 9.0 * x), 1.0)
    raise ValueError(f"unknown curve {curve!r}")


def curve_points(
    values: np.ndarray, target: float, max_points: float, curve: CurveName
) -> np.ndarray:
    """Points for each raw value: ``max_points * f(value / target)``, two decimals.

    A missing value (NaN: the input is absent or a rate has no denominator) earns 0.
    """
    fraction = curve_fraction(curve, np.asarray(values, dtype=float) / target)
    return np.round(max_points * fraction, 2)
