"""Fit the model's sub-metric weights to a user's official SSI readings.

:func:`calibrate` fits the weights to several official readings of one user
(bounded least squares, see ``docs/compare.md``); :func:`config_with_weights`
turns a fit into a model configuration.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from pydantic import BaseModel, ConfigDict

from scoring.export import ExportData
from scoring.model.config import ModelConfig, load_config, validate_config
from scoring.model.score import score_as_of
from scoring.official import OfficialInputError, OfficialReading
from scoring.results import PILLARS, Score


class Calibration(BaseModel):
    """Sub-metric weights fitted to official readings, with the error that remains."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    weights: dict[str, float]  # metric key → fitted max points (full precision)
    default_weights: dict[str, float]
    bounds: dict[str, tuple[float, float]]
    at_bound: tuple[str, ...]  # metrics whose fitted weight sits on a bound
    readings: int
    rmse_before: dict[str, float]  # pillar keys and "total", with the default weights
    rmse_after: dict[str, float]
    config: ModelConfig


#: Each fitted weight stays within these factors of its default.
WEIGHT_BOUNDS = (0.5, 2.0)
#: Pull towards the default weights, relative to the data term: it only decides
#: between fits the readings cannot tell apart (a metric that never changed).
RIDGE = 1e-6


def project_box_sum(v: np.ndarray, lo: np.ndarray, hi: np.ndarray, total: float) -> np.ndarray:
    """The point of ``{lo ≤ w ≤ hi, sum(w) = total}`` nearest to ``v`` (Euclidean).

    The projection is ``clip(v - λ, lo, hi)`` for the one λ that meets the sum;
    the sum falls monotonically in λ, so bisection finds it to machine precision.
    """
    if not lo.sum() - 1e-9 <= total <= hi.sum() + 1e-9:
        raise ValueError("the bounds cannot meet the sum")
    a, b = float((v - hi).min()) - 1.0, float((v - lo).max()) + 1.0
    for _ in range(200):
        mid = (a + b) / 2
        if np.clip(v - mid, lo, hi).sum() > total:
            a = mid
        else:
            b = mid
    return np.clip(v - (a + b) / 2, lo, hi)


def fit_weights(
    fractions: np.ndarray,
    targets: np.ndarray,
    default: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    total: float,
    *,
    ridge: float = RIDGE,
) -> np.ndarray:
    """Bounded least squares: weights ``w`` minimising ``|F w − y|²`` with a fixed sum.

    ``fractions`` (readings × metrics) holds each metric's share of its maximum
    (points / max points) per reading, ``targets`` the official pillar values.
    Constraints: ``lo ≤ w ≤ hi`` and ``sum(w) = total``. A tiny ridge towards
    ``default`` makes the answer unique when the readings cannot tell two metrics
    apart (say, one that never changed). Solved exactly by a primal active-set
    method: the problem has a handful of variables, so each step solves the
    small KKT system of the variables not held at a bound.
    """
    n = len(default)
    gram = fractions.T @ fractions
    reg = ridge * max(float(np.trace(gram)), 1e-12)
    hess = gram + reg * np.eye(n)
    lin = fractions.T @ targets + reg * default
    w = project_box_sum(default.astype(float), lo, hi, total)
    scale = max(float(np.max(hi)), 1.0)
    at_lo = np.isclose(w, lo, rtol=0, atol=1e-12 * scale)
    at_hi = np.isclose(w, hi, rtol=0, atol=1e-12 * scale) & ~at_lo
    for _ in range(20 * n + 20):
        free = ~(at_lo | at_hi)
        target = w.copy()
        if free.any():
            k = int(free.sum())
            kkt = np.zeros((k + 1, k + 1))
            kkt[:k, :k] = hess[np.ix_(free, free)]
            kkt[:k, k] = kkt[k, :k] = 1.0
            rhs = np.append(
                lin[free] - hess[np.ix_(free, ~free)] @ w[~free], total - w[~free].sum()
            )
            target[free] = np.linalg.solve(kkt, rhs)[:k]
        step = target - w
        if np.max(np.abs(step)) > 1e-12 * scale:
            with np.errstate(divide="ignore", invalid="ignore"):
                room = np.where(
                    step < 0, (lo - w) / step, np.where(step > 0, (hi - w) / step, np.inf)
                )
            room = np.where(free, room, np.inf)
            blocking = int(np.argmin(room))
            alpha = min(1.0, float(room[blocking]))
            w = w + alpha * step
            if alpha < 1.0:
                (at_lo if step[blocking] < 0 else at_hi)[blocking] = True
                w[blocking] = lo[blocking] if step[blocking] < 0 else hi[blocking]
            continue
        # Optimal for the current working set: check the bound multipliers.
        grad = hess @ w - lin
        if free.any():
            nu = -float(np.mean(grad[free]))
        else:
            low = float(np.max(-grad[at_lo], initial=-np.inf))
            high = float(np.min(-grad[at_hi], initial=np.inf))
            nu = (
                (low + high) / 2 if np.isfinite(low + high) else (low if np.isfinite(low) else high)
            )
        mu = grad + nu  # ≥ 0 at a lower bound, ≤ 0 at an upper bound when optimal
        violation = np.where(at_lo, -mu, np.where(at_hi, mu, 0.0))
        worst = int(np.argmax(violation))
        if violation[worst] <= 1e-10 * max(1.0, float(np.max(np.abs(grad)))):
            break
        at_lo[worst] = at_hi[worst] = False
    return np.clip(w, lo, hi)


def _fractions(score: Score, keys: Sequence[str]) -> np.ndarray:
    """Each metric's points as a share of its maximum (0 when it has no maximum)."""
    metrics = {m.key: m for m in score.metrics()}
    return np.array(
        [metrics[k].points / metrics[k].max_points if metrics[k].max_points else 0.0 for k in keys]
    )


def _rmse(errors: np.ndarray) -> float:
    return round(float(np.sqrt(np.mean(errors**2))), 4) if errors.size else float("nan")


def calibrate(
    readings: Sequence[tuple[ExportData | Score, OfficialReading]],
    config: ModelConfig | None = None,
) -> Calibration:
    """Fit the sub-metric weights to several official readings of one user.

    Each pair is an export (scored as of the reading's date, or its export date)
    or an already computed :class:`Score`, with the official reading of the same
    day. Per pillar, the weights (max points) are fitted by bounded least squares
    so that ``Σ weight × (points / max points)`` matches the official pillar
    values: each weight within [0.5×, 2×] of its default, the pillar's weights
    still summing to 25. Returns the fitted weights, the root-mean-square error
    per pillar and of the total before and after, and the adjusted ``ModelConfig``.
    Raises :class:`OfficialInputError` when no reading has a pillar value.
    """

    config = config if config is not None else load_config()
    scores: list[Score] = []
    for subject, reading in readings:
        if isinstance(subject, Score):
            scores.append(subject)
        else:
            scores.append(score_as_of(subject, as_of=reading.as_of, config=config))
    official = [reading for _, reading in readings]
    if not any(r.pillars for r in official):
        raise OfficialInputError("error.official.calibration_empty")
    default = config_weights(config)
    weights: dict[str, float] = {}
    bounds: dict[str, tuple[float, float]] = {}
    before: dict[str, float] = {}
    after: dict[str, float] = {}
    total_before = np.zeros(len(official))
    total_after = np.zeros(len(official))
    complete = np.array([len(r.pillars) == len(PILLARS) for r in official])
    for pillar in PILLARS:
        keys = [k for k, (p, _) in default.items() if p == pillar]
        w0 = np.array([default[k][1] for k in keys])
        rows = [i for i, r in enumerate(official) if pillar in r.pillars]
        frac_all = np.vstack([_fractions(s, keys) for s in scores])
        lo, hi = w0 * WEIGHT_BOUNDS[0], w0 * WEIGHT_BOUNDS[1]
        if rows:
            frac = frac_all[rows]
            target = np.array([official[i].pillars[pillar] for i in rows])
            w = fit_weights(frac, target, w0, lo, hi, float(w0.sum()))
            before[pillar] = _rmse(frac @ w0 - target)
            after[pillar] = _rmse(frac @ w - target)
        else:
            w = w0
            before[pillar] = after[pillar] = float("nan")
        truth = np.array([r.pillars.get(pillar, np.nan) for r in official])
        total_before += frac_all @ w0 - truth
        total_after += frac_all @ w - truth
        for k, value, low, high in zip(keys, w, lo, hi, strict=True):
            weights[k] = float(value)
            bounds[k] = (float(low), float(high))
    before["total"] = _rmse(total_before[complete])
    after["total"] = _rmse(total_after[complete])
    at_bound = tuple(
        k for k, w in weights.items()
        if np.isclose(w, bounds[k][0], atol=1e-6) or np.isclose(w, bounds[k][1], atol=1e-6)
    )  # fmt: skip
    return Calibration(
        weights=weights,
        default_weights={k: v for k, (_, v) in default.items()},
        bounds=bounds,
        at_bound=at_bound,
        readings=len(official),
        rmse_before=before,
        rmse_after=after,
        config=config_with_weights(config, weights),
    )


def config_weights(config: ModelConfig) -> dict[str, tuple[str, float]]:
    """Metric key → (pillar, weight) of a model configuration, in model order."""
    return {key: (pillar, metric.weight) for pillar, key, metric in config.metric_items()}


def config_with_weights(config: ModelConfig, weights: Mapping[str, float]) -> ModelConfig:
    """A validated copy of ``config`` with the given metric weights (max points).

    The copy gets the version ``<version>+calibrated`` so that scores computed
    with it are never mistaken for the default model's.
    """

    raw = config.model_dump(mode="python")
    for pillar, key, _ in config.metric_items():
        if key in weights:
            raw["pillars"][pillar]["metrics"][key]["weight"] = float(weights[key])
    raw["version"] = f"{config.version}+calibrated"
    return validate_config(raw, "calibration")
