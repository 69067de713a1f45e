"""Refusing the bombs is cheap: a generous bound on time and peak memory (issue 11, build 4).

Each bomb is refused in a fresh interpreter, which reports the CPU seconds of the
refusal (``resource.getrusage``) and its peak RSS (``VmHWM``): CPU time, not wall time, so a
machine shared with other test workers does not make the bound flaky.
The bounds (5 s, 300 MB) are far above what a refusal from the zip's directory
needs; unpacking any of these would take gigabytes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
MAX_SECONDS = 5.0
MAX_PEAK_MB = 300

CHILD = """
import json, resource, sys
sys.path[:0] = [{here!r}, {parent!r}]
import bad_input_cases as B
from scoring.errors import SSIError
from scoring.ingest import read_export
with open({path!r}, "rb") as fh:
    data = fh.read()
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
start = cpu()
try:
    read_export([("bomb.zip", data)])
    outcome = "read"
except SSIError as exc:
    outcome = type(exc).__name__
seconds = cpu() - start
# VmHWM, not ru_maxrss: Linux carries the parent's peak at fork into ru_maxrss, and a
# pytest worker that already holds 1 GB would mask the refusal's own peak.
with open("/proc/self/status", encoding="ascii") as fh:
    peak_mb = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:")) / 1024
print(json.dumps({{"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb}}))
"""

BUILD = """
import sys
sys.path[:0] = [{here!r}, {parent!r}]
import bad_input_cases as B
with open({path!r}, "wb") as fh:
    fh.write({build})
"""

BOMBS = [
    # 1,900 members of 1 MiB − 1 (1.9 GiB declared) from 1 KiB each.
    ("many small bombs", "B.many_small_bombs(1900)", "ArchiveRatioError"),
    # One member declaring 2 GiB.
    ("2 GiB member", 'B.raw_zip([B.Entry("Skills.csv", b"x" * 64, size=2048 * B.MIB)])',
     "CompressionRatioError"),
    # 100,000 entries (zipfile writes the zip64 directory so many need).
    ("100k entries",
     'B.zip_of({f"f{i}.csv": b"a" for i in range(100_000)}, B.zipfile.ZIP_STORED)',
     "TooManyMembersError"),
    # A real deflate bomb: 1 GiB of zeros deflated, each member 64 MiB of it.
    ("deflated zeros",
     'B.raw_zip([B.Entry(f"z{i}.csv", B.deflated(bytes(64 * B.MIB)), size=64 * B.MIB, '
     'crc=0, method=8) for i in range(16)])', "CompressionRatioError"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("build", "error"), [b[1:] for b in BOMBS], ids=[b[0] for b in BOMBS])
def test_a_bomb_is_refused_quickly_and_in_little_memory(build, error, tmp_path):
    # The bomb is built by one process and refused by another, so the peak memory
    # measured is the refusal's alone, not the building's.
    path = tmp_path / "bomb.zip"
    builder = BUILD.format(here=str(HERE), parent=str(HERE.parent), build=build, path=str(path))
    subprocess.run([sys.executable, "-c", builder], check=True, timeout=300)
    child = CHILD.format(here=str(HERE), parent=str(HERE.parent), path=str(path))
    run = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, check=False, timeout=300
    )
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["outcome"] == error
    assert result["seconds"] < MAX_SECONDS
    assert result["peak_mb"] < MAX_PEAK_MB
