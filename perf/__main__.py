"""Run the benchmarks: ``python -m perf [NAME ...]`` (e.g. ``history ingest``)."""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path


def available() -> list[str]:
    folder = Path(__file__).parent
    return sorted(
        m.name.removesuffix("_bench")
        for m in pkgutil.iter_modules([str(folder)])
        if m.name.endswith("_bench")
    )


def main(argv: list[str]) -> int:
    names = argv or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available())}")
        return 2
    for name in names:
        result = importlib.import_module(f"perf.{name}_bench").run()
        print(json.dumps({"benchmark": name, **result}, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
