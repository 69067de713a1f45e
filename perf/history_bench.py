"""Weekly and daily history over all years vs one score, on the L export (goals ≤ 1.2×, ≤ 1.5×).

The L export (perf/exports.py) is read once with the reader; then one
``score_as_of`` and a weekly and a daily ``score_history`` from the first
activity to the export date are timed in this process, so the numbers measure
the model and not the reader. Each time is the best of several runs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from perf.exports import export
from scoring.ingest import read_export
from scoring.model import load_config, score_as_of, score_history

REPEATS = 3
GOAL_WEEKLY = 1.2
GOAL_DAILY = 1.5


def best_seconds(action: Callable[[], object], repeats: int = REPEATS) -> float:
    """The fastest of ``repeats`` runs of ``action``, in seconds."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def run() -> dict:
    """Time one score and the weekly and daily histories of the L export."""
    data = read_export([export("L").path])
    config = load_config()
    score_as_of(data, config=config)  # warm caches (config, regex) before timing
    one = best_seconds(lambda: score_as_of(data, config=config))
    weekly = best_seconds(lambda: score_history(data, freq="W", config=config))
    daily = best_seconds(lambda: score_history(data, freq="D", config=config))
    weeks = len(score_history(data, freq="W", config=config))
    result = {
        "export": "L",
        "score_seconds": round(one, 4),
        "history_weekly_rows": weeks,
        "history_weekly_seconds": round(weekly, 4),
        "history_daily_seconds": round(daily, 4),
        "weekly_over_one_score": round(weekly / one, 2),
        "daily_over_one_score": round(daily / one, 2),
        "goal_weekly_ratio": GOAL_WEEKLY,
        "goal_daily_ratio": GOAL_DAILY,
    }
    print(
        f"history of L ({weeks} weeks): weekly {weekly:.3f} s, daily {daily:.3f} s vs one score "
        f"{one:.3f} s = {result['weekly_over_one_score']}× / {result['daily_over_one_score']}× "
        f"(goals ≤ {GOAL_WEEKLY}× / ≤ {GOAL_DAILY}×)",
        file=sys.stderr,
    )
    return result
