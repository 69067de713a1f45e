"""Whole processes against their floors: ``ssi score --json`` per size, ``ssi --help``.

For each export size (S, L, XL; perf/exports.py) the figure is a fresh
``ssi score EXPORT --json`` process and the floor a fresh process that only
reads the same CSVs with ``pyarrow.csv`` (perf/floor.py): both wall time and
peak RSS, as ratios measured in the same run. ``ssi --help`` is measured against
a bare ``python -c pass``. Each number is the best of a few runs.
"""

from __future__ import annotations

import sys

from perf.exports import export
from perf.process import ROOT, SSI, best

ROUNDS = {"S": 3, "L": 2, "XL": 1}
HELP_ROUNDS = 5
GOAL_SCORE_RATIO = 1.5
GOAL_HELP_SECONDS = 0.3
#: Stretch goal of the peak RSS: at most this many times the export's CSV bytes.
STRETCH_RSS_PER_CSV_BYTE = 4


def score_figures(size: str) -> dict:
    """``ssi score --json`` on the export of ``size`` vs the pyarrow floor, time and memory."""
    exp = export(size)
    rounds = ROUNDS[size]
    floor = best([sys.executable, str(ROOT / "perf" / "floor.py"), str(exp.path)], rounds)
    score = best([*SSI, "score", str(exp.path), "--json"], rounds)
    csv_mb = exp.csv_bytes / 1e6
    return {
        f"{size}_csv_mb": round(csv_mb, 1),
        f"{size}_generate_seconds": round(exp.generate_seconds, 2),
        f"{size}_score_seconds": round(score.seconds, 3),
        f"{size}_floor_seconds": round(floor.seconds, 3),
        f"{size}_score_over_floor": round(score.seconds / floor.seconds, 2),
        f"{size}_score_peak_mb": round(score.peak_mb),
        f"{size}_floor_peak_mb": round(floor.peak_mb),
        f"{size}_peak_over_floor_peak": round(score.peak_mb / floor.peak_mb, 2),
        f"{size}_peak_over_csv_bytes": round(score.peak_mb / csv_mb, 2),
    }


def help_figures() -> dict:
    """``ssi --help`` vs ``python -c pass``."""
    bare = best([sys.executable, "-c", "pass"], HELP_ROUNDS)
    shown = best([*SSI, "--help"], HELP_ROUNDS)
    return {
        "help_seconds": round(shown.seconds, 3),
        "python_pass_seconds": round(bare.seconds, 3),
        "help_over_python": round(shown.seconds / bare.seconds, 1),
    }


def run() -> dict:
    """Every whole-process figure; prints one line per size and one for --help."""
    result: dict = {}
    for size in ROUNDS:
        figures = score_figures(size)
        result.update(figures)
        print(
            f"{size}: ssi score {figures[f'{size}_score_seconds']:.2f} s vs pyarrow floor "
            f"{figures[f'{size}_floor_seconds']:.2f} s = {figures[f'{size}_score_over_floor']}× "
            f"(goal ≤ {GOAL_SCORE_RATIO}×); peak {figures[f'{size}_score_peak_mb']} MB vs "
            f"{figures[f'{size}_floor_peak_mb']} MB = {figures[f'{size}_peak_over_floor_peak']}×",
            file=sys.stderr,
        )
    result.update(help_figures())
    print(
        f"ssi --help {result['help_seconds']:.2f} s vs python -c pass "
        f"{result['python_pass_seconds']:.3f} s (goal ≤ {GOAL_HELP_SECONDS} s)",
        file=sys.stderr,
    )
    return result
