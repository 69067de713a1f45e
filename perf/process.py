"""Run a command as its own process and measure its wall time and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SSI = [sys.executable, "-m", "scoring"]


@dataclass(frozen=True)
class Measured:
    """One run: wall seconds, peak resident memory (MB) and exit code."""

    seconds: float
    peak_mb: float
    returncode: int


#: Runs the command and reports its wall time, exit code and peak RSS (KiB) on stdout.
#: This small process stands between the suite and the command because Linux gives
#: a forked child the parent's memory high-water mark: forked straight from the
#: suite (hundreds of MB after generating XL), every child would seem as large.
LAUNCHER = (
    "import os, subprocess, sys, time\n"
    "started = time.perf_counter()\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "print(time.perf_counter() - started, os.waitstatus_to_exitcode(status), usage.ru_maxrss)\n"
)


def measure(argv: list[str]) -> Measured:
    """Run ``argv`` (output discarded) and measure that process alone.

    ``os.wait4`` in the launcher gives the resource usage of exactly this child, so
    its peak RSS is neither the suite's nor an earlier child's.
    """
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("SSI_DEBUG", None)
    reply = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, code, peak_kib = reply.stdout.split()
    return Measured(float(seconds), int(peak_kib) / 1024, int(code))


def best(argv: list[str], rounds: int) -> Measured:
    """The fastest of ``rounds`` runs (and the lowest peak): stable on a shared machine."""
    runs = [measure(argv) for _ in range(rounds)]
    failed = [r for r in runs if r.returncode != 0]
    if failed:
        raise RuntimeError(f"{' '.join(argv)} exited with {failed[0].returncode}")
    return Measured(min(r.seconds for r in runs), min(r.peak_mb for r in runs), 0)
