"""``read_export`` returns, frame by frame, what it returned before the reader was made faster.

pinned_frames.json holds, per bundled sample and for the heavy L export of the
perf suite, every kind's row count, its columns with their dtypes and a hash of
each column's values (NA positions included), plus each file's report (rows,
skips, warnings). It was written at commit 08a9f83, before the reader's
internals changed (lazy decoding, fewer copies, per-kind date formats), so a
changed value, dtype, row order or warning fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from scoring.export import ExportData
from scoring.ingest import read_export
from scoring.samples import sample_path

PINNED = Path(__file__).parent / "pinned_frames.json"
SAMPLES = ("active_seller", "basic", "newcomer", "passive_job_seeker")


def column_hash(values: pd.Series) -> str:
    """A hash of the values in order (NA included), as 16 hex characters."""
    hashed = pd.util.hash_pandas_object(values, index=False).to_numpy(dtype=np.uint64)
    weights = np.arange(1, len(hashed) + 1, dtype=np.uint64)  # the order counts too
    with np.errstate(over="ignore"):
        return f"{int((hashed * weights).sum(dtype=np.uint64)):016x}"


def digest(data: ExportData) -> dict:
    """What the pin compares: frames by kind, the file reports and the export's facts."""
    return {
        "export_date": data.export_date.isoformat(),
        "archive_kind": data.archive_kind,
        "frames": {
            kind: {
                "rows": len(frame),
                "columns": {c: [str(frame[c].dtype), column_hash(frame[c])] for c in frame},
            }
            for kind, frame in data.frames.items()
        },
        "sources": [report.model_dump(mode="json") for report in data.sources],
    }


@pytest.mark.parametrize("name", SAMPLES)
def test_each_sample_reads_as_pinned(name):
    pinned = json.loads(PINNED.read_text("utf-8"))[name]
    assert digest(read_export([sample_path(name)])) == pinned


@pytest.mark.slow
def test_the_heavy_export_reads_as_pinned(tmp_path):
    from perf.exports import ARCHIVE_NAME, SEED, SIZES, scaled_spec
    from scoring.samples import world_of
    from scoring.samples.heavy import write_heavy

    path = tmp_path / ARCHIVE_NAME
    write_heavy(world_of("heavy", SEED, scaled_spec(SIZES["L"])), path)
    assert digest(read_export([path])) == json.loads(PINNED.read_text("utf-8"))["L"]
