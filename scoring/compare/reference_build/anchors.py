"""Calibrating the reference population to the figures LinkedIn published.

Five generator parameters (:data:`CALIBRATED`) are fitted so that the scored
population meets LinkedIn's 2015 figures (:data:`ANCHORS`); the rest are modelling
choices in ``industries.toml``. ``python -m scoring.compare.reference_build.build
--calibrate`` runs the fit and prints the values to paste there.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy.optimize import minimize

from scoring.compare.industries import IndustriesConfig, PopulationParams
from scoring.compare.reference_build.members import generate_population
from scoring.compare.reference_build.values import population_scores
from scoring.model import ModelConfig
from scoring.results import PILLARS

#: LinkedIn, *The Science of Social Selling* (2015): all sales professionals, Aug 2015.
ANCHORS: dict[str, float] = {"share_0_20": 0.467, "share_70_100": 0.014, "mean": 28.2}
#: How far off each anchor may be before it weighs as much as one unit of loss.
ANCHOR_SCALE: dict[str, float] = {"share_0_20": 0.01, "share_70_100": 0.002, "mean": 0.5}
#: Size of the first simplex's steps, in the transformed parameters.
SIMPLEX_STEP = 0.3
#: The parameters the calibration moves, and how (log: positive; logit: a share).
CALIBRATED: dict[str, str] = {
    "activity_median": "log", "activity_sigma": "log", "dormant_share": "logit",
    "profile_shift": "plain", "network_median": "log",
}  # fmt: skip


def displayed(total: np.ndarray) -> np.ndarray:
    """The total as LinkedIn's page shows it: rounded half up to a whole number."""
    return np.floor(np.asarray(total, dtype=float) + 0.5)


def anchor_stats(scores: pd.DataFrame) -> dict[str, float]:
    """The population's figures that LinkedIn published for 2015, plus the pillar means.

    Bands use the shown (rounded) total: "0–20" is a shown total of at most 20,
    "70+" at least 70.
    """
    shown = displayed(scores["total"].to_numpy())
    stats = {
        "share_0_20": float(np.mean(shown <= 20)),
        "share_21_69": float(np.mean((shown > 20) & (shown < 70))),
        "share_70_100": float(np.mean(shown >= 70)),
        "mean": float(scores["total"].mean()),
    }
    stats.update({f"mean_{p}": float(scores[p].mean()) for p in PILLARS})
    return stats


def anchor_loss(stats: dict[str, float]) -> float:
    """Squared, scaled misses of the anchors; plus a penalty unless Engage is the weakest pillar."""
    loss = sum(((stats[k] - v) / ANCHOR_SCALE[k]) ** 2 for k, v in ANCHORS.items())
    others = min(stats[f"mean_{p}"] for p in PILLARS if p != "insights")
    return loss + (max(0.0, stats["mean_insights"] - others + 0.5) / 0.1) ** 2


def _to_params(x: np.ndarray, base: PopulationParams) -> PopulationParams:
    update = {}
    for value, (name, how) in zip(x, CALIBRATED.items(), strict=True):
        v = float(value)
        update[name] = (
            np.exp(v) if how == "log" else (1 / (1 + np.exp(-v)) if how == "logit" else v)
        )
    return base.model_copy(update={k: round(float(v), 4) for k, v in update.items()})


def _from_params(p: PopulationParams) -> np.ndarray:
    out = []
    for name, how in CALIBRATED.items():
        v = float(getattr(p, name))
        out.append(np.log(v) if how == "log" else (np.log(v / (1 - v)) if how == "logit" else v))
    return np.array(out)


def calibrate_population(
    config: IndustriesConfig,
    model: ModelConfig,
    *,
    size: int | None = None,
    iterations: int = 150,
    report: Callable[[str], None] | None = None,
) -> tuple[PopulationParams, dict[str, float]]:
    """Parameters of :data:`CALIBRATED` that bring the population to the 2015 anchors.

    scipy's Nelder–Mead over the transformed parameters, from a simplex of steps of
    0.3 around the current values, for at most ``iterations`` iterations; each
    evaluation generates and scores a population of ``size`` members (default: the
    configured size) with the fixed seed (common random numbers keep the loss smooth
    enough). ``report`` receives one line per evaluation. Returns the parameters
    (rounded to 4 decimals) and the anchor figures they reach at the configured size.
    """
    base = config.population.model_copy(update={"size": size or config.population.size})

    def loss(x: np.ndarray) -> float:
        params = _to_params(x, base)
        value = anchor_loss(
            anchor_stats(
                population_scores(generate_population(config, model.window_days, params), model)
            )
        )
        if report is not None:
            report(f"loss {value:10.3f}  {params.model_dump(include=set(CALIBRATED))}")
        return value

    start = _from_params(base)
    simplex = np.vstack([start, start + SIMPLEX_STEP * np.eye(len(start))])
    found = minimize(
        loss,
        start,
        method="Nelder-Mead",
        options={"initial_simplex": simplex, "maxiter": iterations, "xatol": 1e-4, "fatol": 1e-3},
    )
    params = _to_params(found.x, base).model_copy(update={"size": config.population.size})
    return params, anchor_stats(
        population_scores(generate_population(config, model.window_days, params), model)
    )
