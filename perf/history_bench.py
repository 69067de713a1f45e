"""One score vs. a weekly five-year history of a heavy export (goal: history ≤ 3× one score).

A heavy archive holds about 30,000 connections and 200,000 messages. The export
here is built directly as frames (``scoring.samples.heavy.heavy_export``), spread
over five years, so the numbers measure the model and not the reader. Each time
is the best of several runs, which keeps the numbers stable on a shared machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from scoring.model import load_config, score_as_of, score_history
from scoring.samples.heavy import heavy_export

REPEATS = 5
YEARS = 5


def best_seconds(action: Callable[[], object], repeats: int = REPEATS) -> float:
    """The fastest of ``repeats`` runs of ``action``, in seconds."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def run() -> dict:
    """Time one ``score_as_of`` and weekly/daily ``score_history`` over five years."""
    data = heavy_export(connections=30_000, messages=200_000, years=YEARS)
    config = load_config()
    start = date(data.export_date.year - YEARS, data.export_date.month, data.export_date.day)
    score_as_of(data, config=config)  # warm caches (config, regex) before timing
    one = best_seconds(lambda: score_as_of(data, config=config))
    weekly = best_seconds(lambda: score_history(data, freq="W", start=start, config=config))
    daily = best_seconds(lambda: score_history(data, freq="D", start=start, config=config))
    rows = len(score_history(data, freq="W", start=start, config=config))
    return {
        "connections": len(data.frame("connections")),
        "messages": len(data.frame("messages")),
        "score_seconds": round(one, 4),
        "history_weekly_rows": rows,
        "history_weekly_seconds": round(weekly, 4),
        "history_daily_seconds": round(daily, 4),
        "weekly_over_one_score": round(weekly / one, 2),
        "goal_weekly_at_most_3x": weekly <= 3 * one,
        "goal_score_under_1s": one < 1.0,
    }


if __name__ == "__main__":
    print(run())
