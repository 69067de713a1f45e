"""Run the benchmarks: ``python -m perf [NAME ...]`` (e.g. ``process history``).

Without names, every benchmark runs in :data:`SUITE` order and docs/performance.md
is rewritten from the results (``make bench``); with names, only those run and
their JSON is printed. Each benchmark prints one JSON object on stdout (human
lines go to stderr); one that fails is reported as ``{"error": ...}`` and the
suite goes on.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import time
import traceback
from pathlib import Path

from perf import report

#: The order of the full suite: whole processes first, while the machine is quietest.
SUITE = ("process", "history", "dashboard", "browser", "ingest", "batch")


def available() -> list[str]:
    folder = Path(__file__).parent
    return sorted(
        m.name.removesuffix("_bench")
        for m in pkgutil.iter_modules([str(folder)])
        if m.name.endswith("_bench")
    )


def run_one(name: str) -> dict:
    """The result of benchmark ``name``, or its error in one line."""
    try:
        return importlib.import_module(f"perf.{name}_bench").run()
    except Exception as exc:  # one broken benchmark must not lose the others' numbers
        traceback.print_exc(file=sys.stderr)
        return {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"}


def main(argv: list[str]) -> int:
    names = argv or [*SUITE, *(n for n in available() if n not in SUITE)]
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available())}")
        return 2
    started = time.perf_counter()
    load = report.load_average()
    results = {}
    for name in names:
        results[name] = run_one(name)
        print(json.dumps({"benchmark": name, **results[name]}, default=str), flush=True)
    if not argv:
        path = report.write(results, time.perf_counter() - started, load)
        print(f"wrote {path.relative_to(report.ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
