"""Build the shipped reference quantiles: ``python -m scoring.compare.reference_build.build``.

Generates the modelled population (``industries.toml``, fixed seed), scores it
with the model (``scoring/model/model.toml``, through :mod:`.values`), and writes the quantiles per
industry, "All industries", basis and measure to
``scoring/compare/data/reference_quantiles.csv``. The same inputs give the
same file, byte for byte. ``--calibrate`` first fits the calibrated population
parameters to LinkedIn's 2015 figures and prints them for ``industries.toml``.
Run it again whenever the model or the industries change.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from scoring.compare.industries import IndustriesConfig, load_industries
from scoring.compare.reference import (
    ALL_INDUSTRIES,
    BASES,
    COLUMNS,
    MEASURES,
    REFERENCE_PATH,
    weighted_quantiles,
)
from scoring.compare.reference_build.anchors import (
    ANCHORS,
    CALIBRATED,
    anchor_stats,
    calibrate_population,
)
from scoring.compare.reference_build.members import generate_population
from scoring.compare.reference_build.values import population_scores
from scoring.model import ModelConfig, load_config


def reference_rows(
    scores: pd.DataFrame, industries: Sequence[str], exponent: float
) -> list[list[str]]:
    """The quantile table's rows, as text: "All industries" first, then each industry.

    The ``members`` basis counts every member once; the ``network`` basis weighs
    each member by ``connections ** exponent`` (who appears in other people's
    networks). Numbers are written with two decimals, as the model keeps scores.
    """
    rows: list[list[str]] = []
    groups = [(ALL_INDUSTRIES, scores)] + [
        (name, scores[scores["industry"] == name]) for name in industries
    ]
    for name, members in groups:
        for basis in BASES:
            connections = members["connections"].to_numpy(dtype=float)
            weights = connections**exponent if basis == "network" else None
            kept = members if weights is None else members[weights > 0]
            w = None if weights is None else weights[weights > 0]
            for measure in MEASURES:
                values = kept[measure].to_numpy(dtype=float)
                quantiles = weighted_quantiles(values, w)
                mean = float(np.average(values, weights=w))
                rows.append(
                    [name, basis, measure, str(len(kept)), f"{mean:.2f}"]
                    + [f"{q:.2f}" for q in quantiles]
                )
    return rows


def reference_csv(config: IndustriesConfig, model: ModelConfig) -> tuple[str, dict[str, float]]:
    """The reference file's text and the population's anchor figures."""
    population = generate_population(config, model.window_days)
    scores = population_scores(population, model)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(
        reference_rows(scores, config.names, config.population.network_weight_exponent)
    )
    return buffer.getvalue(), anchor_stats(scores)


def build(out: Path = REFERENCE_PATH) -> dict[str, float]:
    """Write the reference quantiles to ``out``; return the anchor figures reached."""
    text, stats = reference_csv(load_industries(), load_config())
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(text.encode("utf-8"))
    tmp.replace(out)
    return stats


def _report(stats: dict[str, float]) -> str:
    lines = ["figure                   population   LinkedIn 2015"]
    for key, value in stats.items():
        anchor = ANCHORS.get(key)
        shown = f"{value:12.4f}" + (f"   {anchor:12.4f}" if anchor is not None else "")
        lines.append(f"{key:<24} {shown}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scoring.compare.reference_build.build", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--out", type=Path, default=REFERENCE_PATH, help="file to write")
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="fit the calibrated population parameters first and print them (no file written)",
    )
    args = parser.parse_args(argv)
    if args.calibrate:
        params, stats = calibrate_population(load_industries(), load_config())
        print("[population] values for industries.toml:")
        for name in CALIBRATED:
            print(f"{name} = {getattr(params, name)}")
        print(_report(stats))
        return 0
    stats = build(args.out)
    print(f"wrote {args.out}")
    print(_report(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
