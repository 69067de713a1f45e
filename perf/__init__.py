"""Speed and memory benchmarks, reported with numbers (never asserted in tests).

Each ``*_bench.py`` module has ``run() -> dict``; ``python -m perf`` runs
them all (or the ones named) and prints one JSON object per benchmark.
"""
