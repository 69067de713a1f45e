"""The package works outside an editable install: built, installed, run from elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_a_built_package_scores_its_bundled_sample_from_another_folder(tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", target, ROOT],
        check=True,
        capture_output=True,
    )
    # The copy in `target` must carry its data: no sibling sample_data/ folder exists there.
    assert not (target / "sample_data").exists()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(target),
        "SSI_DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
    }
    locate = subprocess.run(
        [
            sys.executable,
            "-c",
            "import scoring, scoring.samples as s; print(scoring.__file__); "
            "print(s.sample_path('active_seller'))",
        ],
        cwd=elsewhere,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    package_file, sample = locate.stdout.split()
    assert Path(package_file).is_relative_to(target)
    assert Path(sample).is_relative_to(target) and Path(sample).is_file()
    scored = subprocess.run(
        [sys.executable, "-m", "scoring", "score", sample, "--json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert scored.returncode == 0, scored.stderr
    # The active seller's total, as docs/scoring.md derives it.
    assert json.loads(scored.stdout)["total"] == pytest.approx(73.85, abs=0.005)
