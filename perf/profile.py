"""Profiles for docs/performance.md: ``python -m perf.profile`` writes perf/profiles/*.{html,txt}.

Each CLI target runs in a fresh process with pyinstrument started before the
first import of ``scoring``, so import time is part of the profile as it is part
of the user's wait: ``ssi score L --json``, ``ssi history L --json``,
``ssi --help``. ``batch`` profiles the table-form batch on 50 members of the
benchmark's event table (split and scoring), ``batch_full`` on all 1,000 members
and 10 million events, as ``python -m perf batch`` times it. The folder is not
committed.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import tempfile
from pathlib import Path

from pyinstrument import Profiler

from perf.process import ROOT

PROFILES = ROOT / "perf" / "profiles"
BATCH_MEMBERS = 50


def save(profiler: Profiler, name: str) -> Path:
    """Write the HTML and the text view of ``profiler`` as perf/profiles/``name``.*."""
    PROFILES.mkdir(parents=True, exist_ok=True)
    (PROFILES / f"{name}.html").write_text(profiler.output_html(), "utf-8")
    text = profiler.output_text(unicode=True, color=False)
    (PROFILES / f"{name}.txt").write_text(text, "utf-8")
    return PROFILES / f"{name}.txt"


def profile_cli(name: str, argv: list[str]) -> None:
    """In this process: profile ``ssi argv`` from before its first import."""
    profiler = Profiler(interval=0.001)
    profiler.start()
    from scoring.cli import main  # noqa: PLC0415, RUF100 - the import is what is profiled

    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
        main(argv)
    profiler.stop()
    save(profiler, name)


def profile_batch(members: int = BATCH_MEMBERS, name: str = "batch") -> None:
    """Profile reading, splitting and scoring ``members`` members of the benchmark table."""
    import pyarrow.parquet as pq  # noqa: PLC0415, RUF100

    from perf.batch_bench import EVENTS, MEMBERS, event_table  # noqa: PLC0415, RUF100
    from scoring.batch import batch_jobs, results_frame, score_batch  # noqa: PLC0415, RUF100

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.parquet"
        pq.write_table(event_table(members, EVENTS * members // MEMBERS), path)
        profiler = Profiler(interval=0.001)
        profiler.start()
        results_frame(score_batch(batch_jobs(path)))
        profiler.stop()
    save(profiler, name)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--cli"]:
        profile_cli(argv[1], argv[2:])
        return 0
    from perf.exports import export  # noqa: PLC0415, RUF100

    large = str(export("L").path)
    targets = {
        "score_L": ["score", large, "--json"],
        "history_L": ["history", large, "--json"],
        "help": ["--help"],
    }
    for name, args in targets.items():
        subprocess.run(
            [sys.executable, "-m", "perf.profile", "--cli", name, *args], cwd=ROOT, check=True
        )
        print(f"wrote {PROFILES / name}.html and .txt", file=sys.stderr)
    from perf.batch_bench import MEMBERS  # noqa: PLC0415, RUF100

    for members, name in ((BATCH_MEMBERS, "batch"), (MEMBERS, "batch_full")):
        profile_batch(members, name)
        print(f"wrote {PROFILES / name}.html and .txt", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
