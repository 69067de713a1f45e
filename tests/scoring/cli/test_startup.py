"""``ssi --help``, ``ssi --version`` and usage errors load none of the library (issue 12, item 4).

Each command imports pandas, numpy, pyarrow, the model and the reader only when
it runs, so that asking for help takes a fraction of a second. Checked by which
modules a fresh interpreter has loaded, not by a timing (``perf/`` measures that).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
#: What must stay unloaded: the heavy libraries and the parts of scoring built on them
#: (pydantic's models and Babel's locale data cost a tenth of a second each).
HEAVY = (
    "pandas", "numpy", "pyarrow", "scipy", "sqlalchemy", "pydantic", "babel",
    "scoring.model", "scoring.ingest", "scoring.export", "scoring.advice", "scoring.results",
)  # fmt: skip

PROBE = """
import json, sys
from scoring.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exited:
    code = exited.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def loaded(*argv: str) -> tuple[int, list[str], str]:
    """Run ``ssi argv`` in a fresh interpreter: its exit code, the heavy modules loaded, stdout."""
    env = {k: v for k, v in os.environ.items() if k not in ("SSI_LANG", "SSI_DEBUG")}
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    report = json.loads(run.stderr.strip().splitlines()[-1])
    heavy = sorted({h for h in HEAVY for m in report["modules"] if m == h or m.startswith(f"{h}.")})
    return report["code"], heavy, run.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["--lang", "de", "--help"],
        ["score", "--help"],
        ["whatif", "--help"],
        ["team", "--help"],
        ["official", "add", "--help"],
        ["batch", "--help"],
    ],
    ids=" ".join,
)
def test_help_and_version_load_no_library(argv):
    code, heavy, out = loaded(*argv)

    assert code == 0
    assert heavy == []
    assert out.startswith(("usage: ssi", "Aufruf: ssi", "ssi 0."))


@pytest.mark.parametrize(
    "argv",
    [["score"], ["dance"], ["score", "x.zip", "--bogus"], ["--lang", "de", "team", "--today"]],
    ids=" ".join,
)
def test_a_usage_error_loads_no_library(argv):
    code, heavy, out = loaded(*argv)

    assert (code, heavy, out) == (2, [], "")


def test_the_probe_sees_a_command_that_runs_load_the_library(tmp_path):
    # The same probe on a command that does work must see pandas, or it proves nothing.
    code, heavy, _ = loaded("inspect", str(tmp_path))

    assert code == 2  # an empty folder is no export
    assert "pandas" in heavy and "scoring.ingest" in heavy
