"""docs/performance.md from the suite's results: verdicts, kept findings, one row per run."""

from __future__ import annotations

from perf import report

FACTS = {
    "cpu": "Test CPU",
    "cores": "2",
    "memory": "8.0 GiB",
    "python": "3.11.9",
    "system": "Linux",
    "date": "2026-12-01 10:00",
    "commit": "abc1234",
}
RESULTS = {
    "process": {
        "L_csv_mb": 67.2,
        "L_score_seconds": 3.0,
        "L_floor_seconds": 1.5,
        "L_score_over_floor": 2.0,
        "L_score_peak_mb": 500,
        "L_floor_peak_mb": 250,
        "L_peak_over_floor_peak": 2.0,
        "L_peak_over_csv_bytes": 7.44,
        "help_seconds": 0.25,
        "python_pass_seconds": 0.03,
        "help_over_python": 8.3,
    },
    "history": {"weekly_over_one_score": 1.2, "daily_over_one_score": 1.6},
    "batch": {"batch_over_duckdb": 2.5, "batch_seconds": 25.0, "duckdb_seconds": 10.0},
    "dashboard": {"error": "TimeoutError: page did not load"},
}


def _row(page: str, start: str) -> str:
    return next(line for line in page.splitlines() if line.startswith(start))


def test_each_goal_gets_its_verdict_from_the_ratio():
    page = report.render(RESULTS, FACTS)

    assert _row(page, "| `ssi score --json`, whole process, L").endswith(
        "| 3.00 s | pyarrow read 1.50 s | 2.00× | ≤ 1.5× the floor | **not met** |"
    )
    assert _row(page, "| `ssi --help`").endswith("| **met** |")
    # exactly at the goal counts as met; 1.6 > 1.5 does not
    assert _row(page, "| weekly history").endswith("| ≤ 1.2× | **met** |")
    assert _row(page, "| daily history").endswith("| ≤ 1.5× | **not met** |")
    assert _row(page, "| batch").endswith("| **not met**; bar **met** |")
    assert "| `ssi score --json`, whole process, S (– CSV) | – | pyarrow read – | – |" in page
    assert "- `dashboard`: TimeoutError: page did not load" in page


def test_findings_and_earlier_runs_survive_a_regeneration():
    first = report.render(RESULTS, FACTS)
    edited = first.replace("(no findings written yet)", "Reading dominates.")
    later = {**FACTS, "date": "2026-12-02 09:00", "commit": "def5678"}

    second = report.render(RESULTS, later, edited)

    assert "Reading dominates." in second
    runs = second.split(report.RUNS_START)[1].split(report.RUNS_END)[0].strip().splitlines()
    assert runs[2:] == [
        "| 2026-12-01 10:00 | `abc1234` | 2.00× | 2.00× | 0.25 | 1.20 | 1.60 | – | 2.5× |",
        "| 2026-12-02 09:00 | `def5678` | 2.00× | 2.00× | 0.25 | 1.20 | 1.60 | – | 2.5× |",
    ]
